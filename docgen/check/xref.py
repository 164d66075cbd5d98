"""Check stage, cross references judged by content: does the cited point hold what the sentence needs?

Consumes a :class:`Ctx`, the act's catalogue (through :func:`catalogue_view`, the one place that
reads it) and the model profile (only to say that a wrong number is the model's own numbering);
produces findings ``broken_cross_reference.wrong_target`` / ``.inherited`` / ``.missing_target``
(points) and ``broken_cross_reference.wrong_appendix`` (a form cited by another appendix's number).

What a referring sentence needs is read from its words (triggers in ``xref.yaml``); what a point
holds is read from the catalogue: every parameter names its source point, so "the point that holds
the deadline" is the source point of the deadline keys. Words in ``xref.yaml`` cover the few rules
the catalogue has no key for (KPI requirements, category lists). A reference is reported only when
its target holds nothing of the need and another point does; that point is suggested.

References stand in points (``point`` = the point number) and in appendices (``point`` = ``app<N>``,
the catalogue's own naming of an appendix as a source).

An appendix reference is judged by the words around it: content cues say what the form is; role cues
say whose form it is (the leaders' or the other staff's, for forms made in two versions, the
counterpart being meant); a reference with no content cue is judged by the method its chapter's title
names (``chapters`` in ``xref.yaml``). The appendix's own form comes from the catalogue.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..catalogue_model import Catalogue
from . import xref_learned
from .context import Ctx
from .data import compiled, fold, form_kind_from_title, label, messages_data, pattern
from .findings import Finding
from .make import finding
from .profiles import Profile

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=2048)  # the words of xref.yaml, compiled once (a few hundred)
def _rx(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


@lru_cache(maxsize=1)
def xref_data() -> dict[str, Any]:
    with open(_HERE / "xref.yaml", encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


# ---------------------------------------------------------------------------------------------------
# The catalogue, read in one place


@dataclass(frozen=True)
class CatalogueView:
    """What the cross-reference check needs from a catalogue: where each key is stated, which form
    each appendix holds, and where position categories are assigned to forms."""

    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key -> points ("12", "app1")
    forms: dict[int, str] = field(default_factory=dict)  # appendix number -> form kind
    assignment_points: tuple[str, ...] = ()


def catalogue_view(catalogue: Catalogue | None) -> CatalogueView:
    """The one adapter from the typed catalogue to this check."""
    if catalogue is None:
        return CatalogueView()
    sources: dict[str, tuple[str, ...]] = {}
    for key, entry in catalogue.parameters.items():
        points = [str(entry.source.point)] if entry.source.point is not None else []
        points += [str(p) for p in entry.also_in]
        sources[str(key)] = tuple(dict.fromkeys(points))
    forms: dict[int, str] = {}
    for form in catalogue.forms:
        if isinstance(form.appendix, int) and form.kind:
            forms[form.appendix] = str(form.kind)
    assign = [str(a.source.point) for a in catalogue.form_assignment if a.source.point is not None]
    return CatalogueView(sources, forms, tuple(dict.fromkeys(assign)))


# ---------------------------------------------------------------------------------------------------
# Units that can refer: points of the methodology and the text of its appendices


@dataclass(frozen=True)
class Unit:
    name: str  # "12" or "app3"
    start: int
    end: int
    head: bool = False  # the appendix's heading before its title: only a form caption refers there


def _units(ctx: Ctx) -> list[Unit]:
    out = [Unit(p.number, p.start, p.end) for p in ctx.live_points]
    for a in ctx.doc.appendices:
        at = ctx.text.find(a.title, a.start, a.end) if a.title else -1
        out.append(Unit(f"app{a.number}", at if at >= 0 else a.start, a.end))
        if at > a.start:
            out.append(Unit(f"app{a.number}", a.start, at, head=True))
    return out


def _is_external(ctx: Ctx, start: int, end: int) -> bool:
    # windows lowered one by one: lowering the whole text may change its length («İ»)
    after = ctx.folded[end : end + 60].lower()
    before = ctx.folded[max(0, start - 25) : start].lower()
    if any(re.search(p, after) for p in pattern("external_after", ctx.lang)):
        return True
    return any(re.search(p, before) for p in pattern("external_before", ctx.lang))


def _aliases(ctx: Ctx) -> list[tuple[re.Pattern[str], str]]:
    """The act's own abbreviations of a usual term («негізгі нысаналы көрсеткіштер (бұдан әрі – ННК)»,
    «ключевые показатели эффективности (далее – КПЭ)»), each with the usual abbreviation padded to
    its length: read as the usual one, a sentence keeps its length and every place in it."""
    spec = xref_data()["aliases"]
    out: list[tuple[re.Pattern[str], str]] = []
    for m in _rx(spec["definition"][ctx.lang]).finditer(ctx.text):
        abbr = m.group("abbr")
        before = ctx.folded[max(0, m.start() - 80) : m.start()].lower()
        before = re.split(r"[();:\n]", before)[-1]  # the term's own words, not the item before it
        for term in spec["terms"]:
            usual = str(term["as"][ctx.lang])
            if abbr.lower() == usual.lower() or len(abbr) < len(usual):
                continue
            if any(_rx(w).search(before) for w in term[ctx.lang]):
                out.append((re.compile(rf"(?<!\w){re.escape(abbr)}(?!\w)"), usual.ljust(len(abbr))))
                break
    return out


def aliased(aliases: list[tuple[re.Pattern[str], str]], text: str) -> str:
    """``text`` with the act's own abbreviations of usual terms (:func:`_aliases`) written as the
    usual ones (same length)."""
    for rx, usual in aliases:
        text = rx.sub(usual, text)
    return text


# ---------------------------------------------------------------------------------------------------
# What a sentence needs, what a point holds


def _distance(start: int, end: int, pos: int) -> int:
    return 0 if start <= pos <= end else min(abs(start - pos), abs(end - pos))


def _nearest(low: str, pos: int, words: Iterable[str], end: int | None = None) -> int | None:
    """Distance from the reference (``pos`` to ``end``) to the nearest match of any of ``words``
    (regular expressions over the folded, lower-cased sentence) or None."""
    best = None
    end = pos if end is None else end
    for w in words:
        for m in _rx(w).finditer(low):
            d = min(_distance(m.start(), m.end(), pos), _distance(m.start(), m.end(), end))
            best = d if best is None or d < best else best
    return best


def _nearest_match(
    low: str, pos: int, words: Iterable[str], end: int | None = None
) -> tuple[int, int] | None:
    """The span of the match of ``words`` nearest to the reference (``pos`` to ``end``), or None."""
    end = pos if end is None else end
    best: tuple[int, int, int] | None = None
    for w in words:
        for m in _rx(w).finditer(low):
            d = min(_distance(m.start(), m.end(), pos), _distance(m.start(), m.end(), end))
            if best is None or d < best[0]:
                best = (d, m.start(), m.end())
    return (best[1], best[2]) if best else None


def _groups(low: str, groups: list[list[str]]) -> bool:
    """Every group has a word in ``low`` (a word: a regular expression)."""
    return all(any(_rx(w).search(low) for w in g) for g in groups)


def _masked(low: str, stated: list[str]) -> str:
    """``low`` with the spans of ``stated`` (a value the sentence states itself) blanked out, the
    length kept: its words ask nothing of a reference."""
    for w in stated:
        low = _rx(w).sub(lambda m: " " * len(m.group(0)), low)
    return low


def needs_of(
    sentence: str,
    pos: int,
    lang: str,
    end: int | None = None,
    window: tuple[int, int] | None = None,
    after: tuple[int, int] | None = None,
) -> list[str]:
    """The needs of ``sentence`` for the reference from ``pos`` to ``end`` (default: at ``pos``): the
    one whose trigger stands nearest (after ``refine``) first, then the other needs the sentence has a
    trigger of, nearest first. Distances count from the reference's nearer edge: in «10-тармағында
    көзделген мерзім өткен соң таныстырылған» the words after the reference stand next to its end.
    ``window``: the words nearer to this reference than to the other references of the sentence;
    when some need has a trigger there, the needs that have none there belong to the others.
    ``after``: (the reference's end, a penalty): a trigger that stands after the reference counts so
    many characters farther (a Russian participle phrase «…, указанные в пункте N» qualifies the noun
    before it)."""
    low = fold(sentence).lower()
    needs: dict[str, Any] = xref_data()["needs"]
    ranked: list[tuple[int, int, str]] = []
    plain = low
    for order, (name, spec) in enumerate(needs.items()):
        low = _masked(plain, spec.get("stated", {}).get(lang, []))
        if not _groups(low, spec.get("context", {}).get(lang, [])):
            continue
        d = _nearest(low, pos, spec["triggers"].get(lang, []), end)
        if d is not None and after is not None and after[1]:
            d = min(
                min(
                    _distance(m.start(), m.end(), pos),
                    _distance(m.start(), m.end(), end if end is not None else pos),
                )
                + (after[1] if m.start() >= after[0] else 0)
                for w in spec["triggers"].get(lang, [])
                for m in _rx(w).finditer(low)
            )
        if d is not None:
            ranked.append((d, order, str(name)))
    low = plain
    if not ranked:
        return []
    if window is not None:
        w0, w1 = window
        near = {
            name
            for _, _, name in ranked
            if any(
                m.start() < w1 and m.end() > w0
                for w in needs[name]["triggers"].get(lang, [])
                for m in _rx(w).finditer(low)
            )
        }
        dist = {name: d for d, _, name in ranked}
        # the words nearer to another reference of the sentence are that reference's: a sentence with
        # no trigger near this one says nothing of it («5 және 6-тармақтар бойынша жасақталған
        # Комиссия … бағаны 19-тармақта көзделген бағалар негізінде»: the grades are 19's)
        ranked = [r for r in ranked if r[2] in near]
        if not ranked:
            return []
    else:
        dist = {name: d for d, _, name in ranked}
    ranked.sort()
    first = ranked[0][2]
    lead = _leading(low, lang, [str(o) for o in needs[first].get("refine_lead", [])])
    if lead is not None:
        return [lead] + [name for _, _, name in ranked if name != lead]
    # a need whose trigger stands right by the reference (``refine_near``), or right by the first
    # need's own trigger (``refine_near_word``: «ознакамливается с результатами оценки в срок,
    # предусмотренный пунктом N» is the deadline of familiarisation), wins before one anywhere in the
    # sentence
    close = [(str(o), int(n)) for o, n in needs[first].get("refine_near", {}).items()]
    word = _nearest_match(low, pos, needs[first]["triggers"].get(lang, []), end)
    by_word = {str(o): int(n) for o, n in needs[first].get("refine_near_word", {}).items()}
    for other, within in close + list(by_word.items()):
        d = dist.get(other)
        if d is not None and word is not None and other in by_word:
            d = _nearest(low, word[0], needs[other]["triggers"].get(lang, []), word[1])
        if d is not None and d <= within:
            return [other] + [name for _, _, name in ranked if name != other]
    kept = {name for _, _, name in ranked}  # (a need whose words are another reference's is not this one's)
    for other in needs[first].get("refine", []):
        if str(other) in dist and str(other) in kept:
            first = str(other)
            break
    return [first] + [name for _, _, name in ranked if name != first]


_LEAD = re.compile(r"[\W\d_]*(\w+)")  # the sentence's first word (after a dash, a number, quotes)


def _leading(low: str, lang: str, names: list[str]) -> str | None:
    """The first of ``names`` one of whose triggers opens the sentence ``low`` (starts in its first
    word)."""
    m = _LEAD.match(low)
    if m is None:
        return None
    needs: dict[str, Any] = xref_data()["needs"]
    for name in names:
        for w in needs[name]["triggers"].get(lang, []):
            t = _rx(w).search(low, m.start(1))
            if t is not None and t.start() < m.end(1):
                return name
    return None


def need_of(sentence: str, pos: int, lang: str) -> str | None:
    """The need of ``sentence`` for the reference at ``pos`` (or None)."""
    found = needs_of(sentence, pos, lang)
    return found[0] if found else None


def holders(ctx: Ctx, view: CatalogueView, need: str, units: list[Unit]) -> list[str]:
    """Points (and appendices) that hold ``need``: catalogue sources first, then word matches."""
    return held(ctx, view, need, units)[0]


def held(ctx: Ctx, view: CatalogueView, need: str, units: list[Unit]) -> tuple[list[str], bool]:
    """(the holders of ``need``, whether they are only the weak ones of ``holds_else``: an act that
    states the need neither in the catalogue nor in its own words)."""
    spec = xref_data()["needs"][need]
    out: list[str] = []
    for key in spec.get("keys", []):
        out += view.sources.get(key, ())
    if out and spec.get("strict"):
        return list(dict.fromkeys(out)), False
    if int(spec.get("codes", 0)):
        out += view.assignment_points
    found = _held_by_words(ctx, spec, spec.get("holds", {}).get(ctx.lang), units)
    if not out and not found and spec.get("holds_else"):
        return _held_by_words(ctx, spec, spec["holds_else"].get(ctx.lang), units), True
    return list(dict.fromkeys(out + found)), False


def _held_by_words(
    ctx: Ctx, spec: dict[str, Any], groups: list[list[str]] | None, units: list[Unit]
) -> list[str]:
    """The points whose words hold a need: every group of ``groups`` has a word there and no word of
    ``holds_none``, or (``codes``) the point lists so many position categories."""
    out: list[str] = []
    codes = int(spec.get("codes", 0))
    codes_rx = compiled(pattern("position_code"))
    none = [_rx(w) for w in spec.get("holds_none", {}).get(ctx.lang, [])]
    for u in units:
        if u.name.startswith("app"):
            continue
        low = ctx.folded[u.start : u.end].lower()
        if groups and _groups(low, groups) and not any(w.search(low) for w in none):
            out.append(u.name)
        elif codes and len(set(codes_rx.findall(ctx.folded[u.start : u.end]))) >= codes:
            out.append(u.name)
    return list(dict.fromkeys(out))


def _narrowed(view: CatalogueView, need: str, have: list[str], sentence: str, lang: str) -> list[str]:
    """The holders of ``need`` for this sentence: when its words name exactly one entry of the need's
    ``narrow`` list and the act states that entry's keys, the source points of those keys; the source
    points of the keys of every ``widen`` entry whose words it has are holders too."""
    low = fold(sentence).lower()
    spec = xref_data()["needs"][need]
    wide = [
        p
        for e in spec.get("widen", [])
        if any(_rx(w).search(low) for w in e.get(lang, []))
        for key in e["keys"]
        for p in view.sources.get(key, ())
    ]
    said = [e for e in spec.get("narrow", []) if any(w in low for w in e.get(lang, []))]
    if len(said) != 1:
        return list(dict.fromkeys(have + wide))
    points = [p for key in said[0]["keys"] for p in view.sources.get(key, ())]
    return list(dict.fromkeys(([h for h in have if h in points] or have) + wide))


def companions(
    view: CatalogueView, need: str, ctx: Ctx | None = None, units: list[Unit] | None = None
) -> set[str]:
    """Points that hold ``need`` only beside a point that holds it (``late_keys``, or the words of
    ``late_holds`` when the act is given): «пунктами 5-7» for the commission cites its forming point
    and its quorum point together; «НМИ саны үштен беске дейін» is one of the KPI's requirements."""
    spec = xref_data()["needs"].get(need, {})
    out = {p for key in spec.get("late_keys", []) for p in view.sources.get(key, ())}
    groups = spec.get("late_holds", {}).get(ctx.lang) if ctx is not None else None
    if ctx is not None and groups:
        out.update(_held_by_words(ctx, spec, groups, units if units is not None else _units(ctx)))
    return out


# ---------------------------------------------------------------------------------------------------
# Point references


def point_references(ctx: Ctx, catalogue: Any, profile: Profile | None) -> list[Finding]:
    rx = _rx(xref_data()["point_refs"][ctx.lang])
    note = compiled(xref_data()["edit_note_line"][ctx.lang])
    units = _units(ctx)
    caption = _rx(xref_data()["form_caption"][ctx.lang])
    anaphora = _rx(xref_data()["anaphora"][ctx.lang])
    run = _Run(
        catalogue_view(catalogue),
        units,
        {p.number for p in ctx.live_points},
        _introducers(ctx),
        dict(profile.model_points) if profile else {},
        aliases=_aliases(ctx),
    )
    out: list[Finding] = []
    for u in units:
        # «пп. 3)» is a sub-point of the reference after it, not a reference of its own (it has no
        # words of its own either); «(… согласно пункту 7)» closes a bracket and is one
        found = [
            m
            for m in rx.finditer(ctx.folded, u.start, u.end)
            if not _is_external(ctx, m.start(), m.end())
            and not (ctx.folded[m.end() : m.end() + 1] == ")" and not _bracket_open(ctx.folded, m.start()))
        ]
        for i, m in enumerate(found):
            if note.search(ctx.folded, ctx.text.rfind("\n", 0, m.start()) + 1, m.start()):
                continue  # an edit note names the point it amends
            if not u.name.startswith("app") and ctx.folded[u.start : m.start()].strip() == "":
                continue  # the point's own number
            line0 = ctx.text.rfind("\n", 0, m.start()) + 1
            on_caption = u.name.startswith("app") and bool(
                caption.search(ctx.folded[line0 : m.start()].lower())
            )
            # a bracketed note by the title is a caption when its words ask for nothing else
            by_title = _near_title(ctx, u, line0) and _bracket_open(ctx.folded, m.start())
            if u.head and not on_caption:
                continue  # the heading of an appendix refers only through its form's caption
            c0, c1 = ctx.clause(m.start())
            c0, c1 = max(c0, u.start), min(c1, u.end)
            if c0 > u.start and anaphora.match(ctx.folded[c0:c1].lower()):
                c0 = max(ctx.clause(c0 - 1)[0], u.start)  # «…; оларды өткізу тәртібі N-тармақта»
            # the words nearer to this reference than to the other references of the sentence
            w0 = _between(ctx, found[i - 1].end(), m.start()) if i > 0 and found[i - 1].end() > c0 else c0
            w1 = (
                _between(ctx, m.end(), found[i + 1].start())
                if i + 1 < len(found) and found[i + 1].start() < c1
                else c1
            )
            ref = _Ref(
                (c0, c1, m.start(), m.end()),
                (w0, w1),
                _subpoint(ctx, m.start(), m.end()),
                on_caption,
                ctx.quote(c0, c1),
                by_title,
            )
            items = reference_items(m.group("nums"), run.numbers)
            group = [n for _, nums in items for n in nums]
            for shown, nums in items:
                f = _judge_point(ctx, run, u, shown, nums, group, ref)
                if f is not None:
                    out.append(f)
    return out


_JOIN = re.compile(r"[,;]|\s(?:и|или|а также)\s")


def _between(ctx: Ctx, end: int, start: int) -> int:
    """Where the words of the reference ending at ``end`` give way to those of the next one, starting
    at ``start``: half way; a Russian reference follows its noun, so the next reference's words begin
    at the first comma or «и» after this one («заявлений, подаваемых согласно пункту 10, и жалоб,
    предусмотренных пунктом 11»: the complaints are 11's)."""
    if not xref_data()["words_after_reference"][ctx.lang]:
        sep = _JOIN.search(ctx.folded, end, start)
        if sep is not None:
            return sep.start()
    return (end + start) // 2


def _block_holds(ctx: Ctx, point: str, group: list[str], have: list[str], need: str) -> bool:
    """Point ``point`` follows, in a run of consecutive points of the act that the reference cites
    together (``group``), a point that holds the need (``have``), and speaks of the need too (a word
    of its triggers or context): «5, 6 және 7-тармақтарында көзделген мерзімдер мен шарттар» (the
    deadline, the tenure «лауазымда болу мерзімі», the dismissed «… мерзімдерде бағаланады»), «19 және
    20-тармақтарында» for the KPI (their qualities, «НМИ саны»). A point before the holder is judged on
    its own («пунктами 5–7» where the rule starts at 6 is a slip), and so is a follower on another
    subject («13, 14 және 15-тармақтарында көзделген тәртіппен шағымдана алады», 14 the storage of
    documents)."""
    order = [p.number for p in ctx.live_points]
    if point not in order:
        return False
    cited = set(group)
    i = order.index(point)
    while i > 0 and order[i - 1] in cited:
        i -= 1
        if order[i] in have:
            break
    else:
        return False
    spec = xref_data()["needs"].get(need, {})
    words = list(spec.get("triggers", {}).get(ctx.lang, []))
    words += [w for g in spec.get("context", {}).get(ctx.lang, []) for w in g]
    p = next(q for q in ctx.live_points if q.number == point)
    low = ctx.folded[p.start : p.end].lower()
    return any(_rx(w).search(low) for w in words)


def _relays(ctx: Ctx, point: str, group: list[str], have: list[str]) -> bool:
    """Point ``point`` cites a point of ``group`` that holds the need (``have``): «5, 6 және
    7-тармақтарында көзделген мерзімдер», 7 evaluating the dismissed «5-тармақта көрсетілген
    мерзімдерде», goes with 5."""
    p = next((p for p in ctx.live_points if p.number == point), None)
    if p is None:
        return False
    rx = _rx(xref_data()["point_refs"][ctx.lang])
    numbers = {q.number for q in ctx.live_points}
    for m in rx.finditer(ctx.folded, p.start, p.end):
        if ctx.folded[p.start : m.start()].strip() == "":
            continue  # the point's own number
        cited = [n for _, nums in reference_items(m.group("nums"), numbers) for n in nums]
        if any(n != point and n in group and n in have for n in cited):
            return True
    return False


def _near_title(ctx: Ctx, u: Unit, line0: int) -> bool:
    """The line starting at ``line0`` is the title line of appendix ``u`` or the line after it: a
    bracketed note there («(к пункту 32)», «(Әдістеменің 15-тармағына сәйкес толтырылады)») speaks of
    the form as a caption does."""
    if u.head or not u.name.startswith("app"):
        return False
    first = ctx.text.find("\n", u.start)
    if first >= 0 and line0 == first + 1:
        return True
    # on the title line, after the title's words (a line «Ескертпе (…)» taken for the title is a note)
    bracket = ctx.text.find("(", line0, first if first >= 0 else None)
    return line0 <= u.start and bracket >= 0 and len(ctx.text[line0:bracket].split()) >= 2


def _bracket_open(text: str, pos: int) -> bool:
    """A bracket opened on the line before ``pos`` is not closed yet."""
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return line.count("(") > line.count(")")


_ITEM = re.compile(r"(\d{1,3})(?:\s*([-\u2013\u2014]|по)\s*(\d{1,3}))?")


def reference_items(nums: str, numbers: set[str]) -> list[tuple[str, list[str]]]:
    """The items of a reference's numbers, each as (as shown, the points it names): a point («12»), an
    inserted point («12-1», when the act has it or the second number is not greater), the two ends of
    a range («4–6», «4-6», «с 4 по 6»: 4 with the points inside, and 6). ``numbers``: the act's point
    numbers."""
    out: list[tuple[str, list[str]]] = []
    for m in _ITEM.finditer(nums):
        a, dash, b = m.group(1), m.group(2), m.group(3)
        if b is None:
            out.append((a, [a]))
        elif f"{a}-{b}" in numbers or (dash == "-" and int(b) <= int(a)):
            out.append((f"{a}-{b}", [f"{a}-{b}"]))
        elif int(b) > int(a) and int(b) - int(a) <= 30:
            # a range: its written ends are judged, each must hold what the sentence needs; the
            # points inside only count as named (a suggestion is not one of them)
            inside = [str(n) for n in range(int(a) + 1, int(b))]
            out.append((a, [a] + inside))
            out.append((b, [b]))
        else:
            out.append((a, [a]))
            out.append((b, [b]))
    return list(dict(out).items())  # each item once, in order


def _subpoint(ctx: Ctx, start: int, end: int) -> str:
    """The sub-point a reference names beside its point («3-тармағының 3) тармақшасы», «подпункте 3)
    пункта 2»), or ''."""
    spec = xref_data()["subpoint"][ctx.lang]
    after = _rx(spec["after"]).match(ctx.folded[end : end + 40].lower()) if "after" in spec else None
    if after:
        return after.group("sub")
    before = (
        _rx(spec["before"]).search(ctx.folded[max(0, start - 40) : start].lower())
        if "before" in spec
        else None
    )
    return before.group("sub") if before else ""


@dataclass(frozen=True)
class _Ref:
    """One reference: its clause and span (c0, c1, start, end), the words nearer to it than to the
    other references of the clause, the sub-point it names, whether it is a form's caption, its quote."""

    at: tuple[int, int, int, int]
    window: tuple[int, int]
    subpoint: str
    on_caption: bool
    quote: str
    by_title: bool = False  # in brackets by the appendix's title: a caption unless it asks for a need


@dataclass
class _Run:
    """What every reference of one act is judged against (computed once per act)."""

    view: CatalogueView
    units: list[Unit]
    numbers: set[str]
    introducers: dict[str, list[str]]
    model_points: dict[str, str]
    cache: dict[str, list[str]] = field(default_factory=dict)  # need -> its holders
    weak: set[str] = field(default_factory=set)  # needs held only by the words of `holds_else`
    aliases: list[tuple[re.Pattern[str], str]] = field(default_factory=list)  # the act's abbreviations
    offers: dict[str, frozenset[str]] | None = None  # point -> its words and keys (the learned model's)


def _offers(ctx: Ctx, run: _Run) -> dict[str, frozenset[str]]:
    """What each point offers the learned model (:mod:`.xref_learned`): its words and the catalogue
    keys it is the source of; computed once per act."""
    if run.offers is None:
        keys_at: dict[str, list[str]] = {}
        for key, points in sorted(run.view.sources.items()):
            for p in points:
                keys_at.setdefault(p, []).append(key)
        stem = int(xref_learned.model()["stem"])
        run.offers = {
            p.number: xref_learned.point_words(ctx.point_text(p), keys_at.get(p.number, []), stem)
            for p in ctx.live_points
        }
    return run.offers


def _learned(ctx: Ctx, run: _Run, u: Unit, shown: str, ref: _Ref) -> tuple[float, str | None]:
    """The learned model's (margin, best point) for ``shown`` cited in ``u`` (:func:`.xref_learned.margin`)."""
    c0, c1, start, end = ref.at
    at = ctx.text.find(shown.split("-")[0], start, end)
    offers = {p: o for p, o in _offers(ctx, run).items() if p != u.name}
    return xref_learned.margin(ctx.text[c0:c1], (at if at >= 0 else start) - c0, shown, offers)


def _judge_point(
    ctx: Ctx, run: _Run, u: Unit, shown: str, nums: list[str], group: list[str], ref: _Ref
) -> Finding | None:
    """The finding on the item ``shown`` (the points ``nums``: one, or a range) cited in ``u``
    (``group``: all points of the reference), or None when the reference is right or not judged."""
    c0, c1, start, end = ref.at
    absent = shown not in run.numbers
    if ref.by_title and shown in run.introducers.get(u.name, []):
        return None  # a note by the form's title citing a point that refers to the form
    found: list[tuple[str, list[str]]] = []  # (need, its holders), the sentence's needs in order
    if ref.on_caption:
        found.append(("form_caption", run.introducers.get(u.name, [])))
    else:
        w0, w1 = ref.window
        window = (w0 - c0, w1 - c0)
        # the words after a Kazakh reference are the noun it qualifies («10-тармағында көзделген
        # мерзім»): distances count from its end too; a Russian reference follows its noun
        edge = end - c0 if xref_data()["words_after_reference"][ctx.lang] else None
        later = (end - c0, int(xref_data()["words_after_penalty"][ctx.lang]))
        weak: list[tuple[str, list[str]]] = []  # needs held only by `holds_else`: after the others
        sentence = aliased(run.aliases, ctx.text[c0:c1])
        for cand in needs_of(sentence, start - c0, ctx.lang, edge, window, later):
            if cand not in run.cache:
                run.cache[cand], is_weak = held(ctx, run.view, cand, run.units)
                if is_weak:
                    run.weak.add(cand)
            if run.cache[cand] == [u.name]:
                continue  # the point states the rule itself: its reference asks for another need
            if run.cache[cand]:
                item = (cand, _narrowed(run.view, cand, run.cache[cand], sentence, ctx.lang))
                if cand in run.weak:
                    if _weak_near(sentence, start - c0, end - c0, cand, ctx.lang):
                        weak.append(item)
                    continue
                found.append(item)
                if len(group) == 1:
                    break  # one number: the first need the act has a holder for
        found = found + weak if len(group) > 1 else found or weak[:1]
        if ref.by_title and not found:
            found.append(("form_caption", run.introducers.get(u.name, [])))
    found = [(n, h) for n, h in found if h]
    if absent:
        # a point the act lacks: the holder of what the sentence asks for is suggested, when it has one
        best = _suggestion(ctx, run, u, found[0], group, ref) if found else None
        return finding(
            "broken_cross_reference.missing_target",
            "error",
            ctx.lang,
            point=u.name,
            quote=ref.quote,
            expected=best or "",
            actual=shown,
            target=shown,
            where=_where(u.name, ctx.lang),
        )
    base = shown.split("-")[0]
    # a sub-point the cited point does not have («подпунктом 3) пункта 16», point 16 has no
    # sub-points): the point does not hold what the sentence asks of that sub-point
    lacks = (
        bool(ref.subpoint) and len(group) == 1 and not _has_subpoint(ctx, shown, ref.subpoint, inline=True)
    )
    if not found or (not lacks and any(shown in h for _, h in found)):
        return _unrelated(ctx, run, u, shown, group, ref)
    if shown != base and base in group and any(base in h for _, h in found):
        return None  # an inserted point cited with its base point («пунктам 9 и 9-1») goes with it
    for n, h in found:
        if shown in companions(run.view, n, ctx, run.units) and any(g in h for g in group):
            return None  # a companion point cited with a point that holds the need
        if len(group) > 1 and _relays(ctx, shown, group, h):
            return None  # it applies what a point cited beside it holds
        if len(group) > 1 and _block_holds(ctx, shown, group, h, n):
            return None  # a block of consecutive points cited together, one of which holds the need
    need, have = found[0]
    best = _suggestion(ctx, run, u, found[0], group, ref)
    if best is None or best == shown:
        return None
    # the learned model's second opinion grades the finding: when the words of the sentence fit the
    # cited point as well as any other (a margin of at most ``veto_at``), the rule may have misread
    # the sentence, and the finding is a warning (check this reference) instead of an error
    gap, model_best = _learned(ctx, run, u, shown, ref)
    backed = model_best is None or gap > float(xref_learned.model()["veto_at"])
    if (
        lacks
        and any(shown in h for _, h in found)
        and not _has_subpoint(ctx, best, ref.subpoint, inline=True)
    ):
        return None  # the point holds the need; no other holder has the sub-point either
    topic = xref_data()["needs"].get(need, {}).get("model_topic")
    inherited = bool(topic) and run.model_points.get(topic) == shown
    code = "broken_cross_reference.inherited" if inherited else "broken_cross_reference.wrong_target"
    return finding(
        code,
        "error" if backed else "warning",
        ctx.lang,
        point=u.name,
        quote=ref.quote,
        expected=best,
        actual=shown,
        evidence="INFERRED" if inherited else "FACT",
        target=shown,
        where=_where(u.name, ctx.lang),
        topic_label=label(f"needs.{need}", ctx.lang),
        details={
            "need": need,
            "inherited": inherited,
            "should_be": best,
            "holders": have,
            "learned_margin": round(gap, 1),
            "learned_best": model_best,
        },
    )


def _unrelated(ctx: Ctx, run: _Run, u: Unit, shown: str, group: list[str], ref: _Ref) -> Finding | None:
    """A warning on a single cited point the rules leave alone (they read no need, or read the point as
    holding it) when the learned model finds the sentence's words far nearer to another point (a margin
    above ``report_at``): the reviewer checks the reference."""
    if len(group) != 1 or ref.on_caption or ref.by_title or shown not in run.numbers:
        return None
    gap, best = _learned(ctx, run, u, shown, ref)
    if best is None or best == shown or gap <= float(xref_learned.model()["report_at"]):
        return None
    return finding(
        "broken_cross_reference.unrelated_target",
        "warning",
        ctx.lang,
        point=u.name,
        quote=ref.quote,
        expected=best,
        actual=shown,
        evidence="LEARNED",
        target=shown,
        where=_where(u.name, ctx.lang),
        details={"should_be": best, "learned_margin": round(gap, 1)},
    )


def _suggestion(
    ctx: Ctx, run: _Run, u: Unit, need_have: tuple[str, list[str]], group: list[str], ref: _Ref
) -> str | None:
    """The point to suggest for a reference that asks for ``need`` (held by ``have``): a holder the
    reference does not name yet first; else the one it names beside the wrong number; a reference to a
    sub-point prefers a holder that has that sub-point."""
    need, have = need_have
    c0, c1 = ref.at[0], ref.at[1]
    own = [h for h in have if h != u.name and not h.startswith("app")]
    if need in run.weak:
        # any point with a time limit holds a need the act does not state: the one the sentence
        # relies on is the nearest one before it («… не позднее чем за пять рабочих дней до заседания
        # направляет …», then «Комиссия рассматривает материалы, представленные в срок, …»)
        order = {p.number: i for i, p in enumerate(ctx.live_points)}
        here = order.get(u.name, len(order))
        own = sorted(own, key=lambda h: (order.get(h, 0) > here, abs(order.get(h, 0) - here)))
    if xref_data()["needs"].get(need, {}).get("prefer_lead_in"):
        own = _by_lead_in(ctx, own, ctx.text[c0:c1])
    if ref.subpoint:
        own = sorted(own, key=lambda h: not _has_subpoint(ctx, h, ref.subpoint, inline=True))
    return next((h for h in own if h not in group), own[0] if own else None)


def _weak_near(sentence: str, pos: int, end: int, need: str, lang: str) -> bool:
    """A need held only by `holds_else` (a guess) is asked for only by a trigger within
    ``holds_else_within`` characters of the reference (from ``pos`` to ``end``)."""
    spec = xref_data()["needs"][need]
    d = _nearest(fold(sentence).lower(), pos, spec["triggers"].get(lang, []), end)
    return d is not None and d <= int(spec.get("holds_else_within", 10**6))


def _has_subpoint(ctx: Ctx, point: str, sub: str, inline: bool = False) -> bool:
    """Point ``point`` has sub-point ``sub`` at the start of a line (``inline``: or inside a line
    after a colon, a semicolon or a space: «…: 1) …; 2) …»; a sub-point cited there, «подпунктом 3)
    пункта 2», «3) тармақшасында», is not the point's own)."""
    p = next((p for p in ctx.live_points if p.number == point), None)
    if p is None:
        return False
    body = ctx.text[p.start : p.end]
    sub = re.escape(sub)
    if re.search(rf"(?m)^\s*{sub}\)", body) is not None:
        return True
    if not inline:
        return False
    low = body.lower()
    return any(
        not re.search(r"(?:подпункт\w*|пп\.)\s*$", low[: m.start(1)])
        and not low.startswith("тармақша", m.end())
        for m in re.finditer(rf"(?:^|[\s:;])({sub})\)\s*", low)
    )


def _by_lead_in(ctx: Ctx, points: list[str], sentence: str) -> list[str]:
    """``points`` ordered by how many words of their lead-in (the words before the first colon or
    full stop: «Персоналды басқару қызметінің басшысы мыналарға жауапты болады:») the sentence has;
    ties keep their order."""
    have = _stems(sentence)
    lead: dict[str, int] = {}
    for p in ctx.live_points:
        if p.number in points:
            line = ctx.folded[p.start : p.end].split("\n", 1)[0]
            line = re.sub(r"^\s*\d+(?:-\d+)?\.\s*", "", line)
            lead[p.number] = len(_stems(re.split(r"[:.;](?:\s|$)", line, maxsplit=1)[0]) & have)
    return sorted(points, key=lambda h: -lead.get(h, 0))


def _introducers(ctx: Ctx) -> dict[str, list[str]]:
    """``app<N>`` -> the points of the methodology that cite appendix N by its number, in order."""
    from .selfcheck import appendix_references

    out: dict[str, list[str]] = {}
    for r in appendix_references(ctx):
        if not r.model and not r.point.startswith("app"):
            out.setdefault(f"app{r.number}", [])
            if r.point not in out[f"app{r.number}"]:
                out[f"app{r.number}"].append(r.point)
    return out


def _where(unit: str, lang: str) -> str:
    if unit.startswith("app"):
        return label("ref_in_appendix", lang).format(appendix=unit[3:])
    return label("ref_in_point", lang).format(point=unit)


# ---------------------------------------------------------------------------------------------------
# Appendix references: the form the sentence describes against the form the appendix holds


def _cue_matches(low: str, lang: str, role: bool) -> list[tuple[int, int, str]]:
    """Matches (start, end, kind) of the form cues (``role``: of the role cues) in ``low``; a longer
    match masks the shorter ones inside it («не руководящ» is not also «руководящ»)."""
    found = [
        (m.start(), m.end(), str(kind))
        for kind, spec in xref_data()["forms"].items()
        if bool(spec.get("role")) == role
        for w in spec.get(lang, [])
        for m in _rx(w).finditer(low)
    ]
    found.sort(key=lambda f: f[0] - f[1])
    kept: list[tuple[int, int, str]] = []
    for s, e, kind in found:
        if not any(ks <= s and e <= ke for ks, ke, _ in kept):
            kept.append((s, e, kind))
    return kept


def form_cues(sentence: str, pos: int, lang: str) -> list[str]:
    """The form kinds named in ``sentence``, nearest to ``pos`` first (a longer cue masks the shorter
    ones inside it: «не руководящ» is not also «руководящ»)."""
    low = fold(sentence).lower()
    kept = _cue_matches(low, lang, role=False) + _cue_matches(low, lang, role=True)
    kept.sort(key=lambda f: f[0] - f[1])
    found: list[tuple[int, int, str]] = []
    for s, e, kind in kept:
        if not any(ks <= s and e <= ke for ks, ke, _ in found):
            found.append((s, e, kind))
    # a Kazakh reference stands before the noun it qualifies («4-қосымшаға сәйкес ресімделген
    # хаттамалар»): a cue wholly before it counts so many characters farther
    late = int(xref_data()["form_cue_before_penalty"].get(lang, 0))
    ranked = sorted((_distance(s, e, pos) + (late if e <= pos else 0), kind) for s, e, kind in found)
    return list(dict.fromkeys(kind for _, kind in ranked))


def _content_cues(sentence: str, lang: str) -> list[tuple[int, int, str]]:
    return _cue_matches(fold(sentence).lower(), lang, role=False)


def role_of(kind: str) -> str:
    """``leader`` / ``staff`` for the forms made for one of the two groups of positions, else ''."""
    for role in ("leader", "staff"):
        if kind.endswith(f"_{role}"):
            return role
    return ""


def counterpart(kind: str) -> str:
    """The same form for the other group of positions (leader's sheet <-> staff's sheet)."""
    role = role_of(kind)
    other = {"leader": "staff", "staff": "leader"}.get(role)
    return kind[: -len(role)] + other if other else ""


def _accepts(cue: str, kind: str) -> bool:
    spec = xref_data()["forms"].get(cue, {})
    return kind in spec.get("alike", [cue])


def _judge_form(
    text: str, pos: int, lang: str, cited: str, kinds: dict[int, str], role_text: str
) -> tuple[str, str] | None:
    """(form meant, appendix that holds it) when the words of ``text`` around ``pos`` describe
    another form than ``cited``; None when they accept it or say nothing. ``role_text`` holds the
    words whose role cues speak for this reference.

    Content cues (what the form is) decide first: the reference is right when any of them accepts
    the cited form. Role cues (whose form: the leaders' or the other staff's) only speak for forms
    made in two versions, one per group: a form of one group cited where every role cue names the
    other group is wrong, and its counterpart is meant."""
    forms = xref_data()["forms"]
    named = [k for k in form_cues(text, pos, lang) if not forms[k].get("role")]
    if named and not any(_accepts(c, cited) for c in named):
        right = [n for n, k in sorted(kinds.items()) if _accepts(named[0], k)]
        if right:
            return named[0], str(right[0])
    low = fold(role_text).lower()
    roles = {str(forms[k]["role"]) for _, _, k in _cue_matches(low, lang, role=True)}
    if len(roles) == 1 and role_of(cited) and role_of(cited) not in roles:
        other = counterpart(cited)
        right = [n for n, k in sorted(kinds.items()) if k == other]
        if right:
            return other, str(right[0])
    return None


def _chapter_forms(ctx: Ctx, pos: int) -> set[str]:
    """The forms of the methods the title of the chapter holding ``pos`` names (empty: none)."""
    chapter = next((c for c in ctx.doc.chapters if not c.deleted and c.start <= pos < c.end), None)
    if chapter is None:
        return set()
    title = fold(aliased(_aliases(ctx), chapter.title)).lower()
    out: set[str] = set()
    for spec in xref_data()["chapters"].values():
        if any(w in title for w in spec.get(ctx.lang, [])):
            out.update(spec["forms"])
    return out


def _by_chapter(
    ctx: Ctx, pos: int, sentence: str, cited: str, kinds: dict[int, str]
) -> tuple[str, str] | None:
    """(form meant, appendix) for a reference whose words name no form, from its chapter's method."""
    meant = _chapter_forms(ctx, pos)
    every = {str(k) for spec in xref_data()["chapters"].values() for k in spec["forms"]}
    if not meant or cited in meant or cited not in every:
        return None
    right = [(n, k) for n, k in sorted(kinds.items()) if k in meant]
    low = fold(sentence).lower()
    if len(right) > 1 and any(w in low for w in xref_data()["sheet_words"][ctx.lang]):
        right = [(n, k) for n, k in right if "sheet" in k] or right
    # a sentence that speaks of one stage only (a report of results: «… есепте жинақталады») asks for
    # that stage's form of the method
    for spec in xref_data().get("stages", {}).values():
        said = [
            stage
            for stage in ("sheet", "result")
            if any(_rx(w).search(low) for w in spec[f"{stage}_words"].get(ctx.lang, []))
        ]
        if len(right) > 1 and len(said) == 1:
            right = [(n, k) for n, k in right if k.startswith(str(spec[said[0]]))] or right
    return (right[0][1], str(right[0][0])) if right else None


def _by_stage(clause: str, lang: str, cited: str, kinds: dict[int, str]) -> tuple[str, str] | None:
    """(form meant, appendix) when ``cited`` is one stage's form of a method (the sheet, the report of
    results) and the words of ``clause`` speak only of the other stage; the same role's form is meant."""
    low = fold(clause).lower()
    for spec in xref_data().get("stages", {}).values():
        sheet, result = str(spec["sheet"]), str(spec["result"])
        said = {
            stage
            for stage in ("sheet", "result")
            if any(_rx(w).search(low) for w in spec[f"{stage}_words"].get(lang, []))
        }
        if len(said) != 1:
            continue
        for own, other, stage in ((sheet, result, "result"), (result, sheet, "sheet")):
            if cited.startswith(own) and stage in said:
                meant = other + cited[len(own) :]
                right = [n for n, k in sorted(kinds.items()) if k == meant]
                if right:
                    return meant, str(right[0])
    return None


def _form_label(kind: str, lang: str) -> str:
    """The form's name inside a sentence: the checker's own label, else the catalogue's form name."""
    from ..data.labels import word

    if kind in messages_data()["labels"]["forms"]:
        return label(f"forms.{kind}", lang)
    name = word(f"forms.{kind}", lang) or ""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


_SEPARATOR = re.compile(r"[,;]")
_APP_RANGE = re.compile(r"(\d{1,2})\s*[–—-]\s*(\d{1,2})(?!\d)")
_DIGITS = re.compile(r"\d+")


_WORD = re.compile(r"[^\W\d_]{3,}")


def _stems(text: str) -> frozenset[str]:
    """The words of ``text`` (three letters or more: «НМИ», «КЦИ») cut to their first five letters: the endings of
    Kazakh and Russian words fall off, so «оценочный лист по компетенциям» and «оценочного листа по
    компетенциям» give the same stems."""
    skip = _function_words()
    return frozenset(w[:5] for w in _WORD.findall(fold(text).lower()) if w not in skip)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Words that tell no form from another (postpositions, conjunctions: «бойынша», «для»)."""
    return frozenset(w for words in xref_data()["function_words"].values() for w in words)


def _by_title(
    words: str, cited: int, titles: dict[int, frozenset[str]], kinds: dict[int, str]
) -> tuple[str, str] | None:
    """(form meant, appendix) when ``words`` name another appendix's form by its title: every word
    that tells that title from the cited appendix's title is there (three in four), none of the words
    that tell the cited title from it, one of them is a word of no other title, and most of that title
    is there.
    Titles that differ in no word say nothing."""
    if cited not in titles:
        return None
    have = _stems(words)
    own = titles[cited]
    for n, title in sorted(titles.items()):
        if n == cited or not title:
            continue
        tells, against = title - own, own - title
        if not tells or len(tells & have) * 4 < len(tells) * 3 or against & have:
            continue
        others = frozenset().union(*(t for m, t in titles.items() if m != n))
        if not (tells & have - others):
            continue  # «бағалау парағы»: words every sheet has tell no form
        if len(title & have) * 4 < len(title) * 3:
            continue
        return kinds.get(n, ""), str(n)
    return None


def _refs_in_appendices(ctx: Ctx) -> list[Any]:
    """Appendix references in the text of the appendices (their headings and their own number left
    out): «балл определяется согласно приложению 3» inside appendix 2."""
    from .selfcheck import AppendixRef

    rx = compiled(pattern("appendix_ref", ctx.lang))
    sep = compiled(pattern("appendix_ref_sep", ctx.lang))
    marker = compiled(pattern("model_appendix_marker", ctx.lang))
    external = [compiled(x) for x in pattern("appendix_external_before", ctx.lang)]
    out: list[AppendixRef] = []
    for u in _units(ctx):
        if u.head or not u.name.startswith("app"):
            continue
        own = int(u.name[3:])
        for m in rx.finditer(ctx.folded, u.start, u.end):
            line0 = ctx.text.rfind("\n", 0, m.start()) + 1
            if ctx.folded[line0 : m.start()].strip() == "":
                continue  # a line that opens with the appendix's number is a heading, not a reference
            before = ctx.folded[max(u.start, m.start() - 60) : m.start()].lower()
            if any(x.search(before) for x in external) or marker.search(before):
                continue
            for n in sep.split(m.group("nums")):
                if n.strip().isdecimal() and int(n) != own:
                    out.append(AppendixRef(u.name, int(n), False, m.start(), m.end()))
    return out


def appendix_references(ctx: Ctx, catalogue: Any) -> list[Finding]:
    from .selfcheck import appendix_references as refs

    view = catalogue_view(catalogue)
    kinds = dict(view.forms)
    alias = _aliases(ctx)
    text = aliased(alias, ctx.text)  # the act's own abbreviations read as the usual ones
    for a in ctx.doc.appendices:
        if a.number not in kinds:
            k = form_kind_from_title(aliased(alias, a.title), ctx.lang)
            if k:
                kinds[a.number] = k
    titles = {a.number: _stems(aliased(alias, _full_title(ctx, a))) for a in ctx.doc.appendices if a.title}
    out: list[Finding] = []
    every = refs(ctx) + _refs_in_appendices(ctx)
    spans = sorted({(o.start, o.end) for o in every})
    starts = [sp[0] for sp in spans]
    names = {a.number: a.title for a in ctx.doc.appendices if a.title}
    for r in every:
        if r.model or (r.number not in kinds and r.number not in titles):
            continue
        c0, c1 = ctx.clause(r.start)
        # the words nearer to this reference than to its neighbours in the sentence describe its form
        i = bisect.bisect_left(starts, r.start)
        w0, w1 = c0, c1
        if i > 0 and c0 <= spans[i - 1][1] <= r.start:
            w0 = (spans[i - 1][1] + r.start) // 2
        if i + 1 < len(spans) and r.end <= spans[i + 1][0] < c1:
            w1 = (r.end + spans[i + 1][0]) // 2
        # whose form it is stands before the reference or right after it, up to a comma: in
        # «басшылары үшін 5-қосымшасына, өзге қызметшілер үшін 6-қосымшасына» the staff belong to 6
        r0, r1 = w0, w1
        if i > 0 and c0 <= spans[i - 1][1] <= r.start:
            sep = _SEPARATOR.search(ctx.text, spans[i - 1][1], r.start)
            r0 = sep.end() if sep else r0
        sep = _SEPARATOR.search(ctx.text, r.end, w1)
        r1 = sep.start() if sep else w1
        if r.number in kinds:
            judged = _judge_form(text[w0:w1], r.start - w0, ctx.lang, kinds[r.number], kinds, text[r0:r1])
            if judged is not None:
                # the form meant for the other group is of the stage the sentence speaks of («оценка
                # проводится … для иных служащих – по форме согласно приложению N»: that group's sheet)
                judged = _by_stage(text[c0:c1], ctx.lang, judged[0], kinds) or judged
            if judged is None and role_of(kinds[r.number]) == "staff":
                judged = _coded_leaders(ctx, r.point, text[r0:r1], kinds[r.number], kinds, r.end)
        else:
            judged = _unknown_cited(text[w0:w1], r.start - w0, ctx.lang, r.number, kinds, titles)
        if judged is None:
            judged = _by_title(text[w0:w1], r.number, titles, kinds)
        if judged is None and r.number in kinds and not r.point.startswith("app"):
            if not _content_cues(text[w0:w1], ctx.lang):
                judged = _by_chapter(ctx, r.start, text[c0:c1], kinds[r.number], kinds)
            if judged is None:
                judged = _by_stage(text[c0:c1], ctx.lang, kinds[r.number], kinds)
        span = _APP_RANGE.search(ctx.folded, r.start, r.end)
        if judged is not None and span is not None:
            # a range («5–8-қосымшалар») is right when the form meant is in it; only what the words
            # name is judged there, not the stage or the chapter of one of its ends
            inside = range(int(span.group(1)), int(span.group(2)) + 1)
            named = [
                k
                for k in form_cues(text[w0:w1], r.start - w0, ctx.lang)
                if not xref_data()["forms"][k].get("role")
            ]
            if not named or any(n in inside for n, k in kinds.items() if _accepts(named[0], k)):
                judged = None
        if judged is None:
            continue
        cue, should = judged
        shown = _form_label(cue, ctx.lang) if cue else _title_label(names.get(int(should), ""))
        out.append(
            finding(
                "broken_cross_reference.wrong_appendix",
                "error",
                ctx.lang,
                point=r.point,
                quote=ctx.quote(c0, c1),
                expected=should,
                actual=str(r.number),
                target=str(r.number),
                where=_where(r.point, ctx.lang),
                form_label=shown,
                details={"form": cue, "cited_form": kinds.get(r.number, ""), "should_be": should},
            )
        )
    return out


def _coded_leaders(
    ctx: Ctx, point: str, words: str, cited: str, kinds: dict[int, str], at: int = 0
) -> tuple[str, str] | None:
    """(leaders' form, appendix) for a staff form cited for positions named by category code, with no
    role cue, in a point that assigns forms to «other leading positions» too (the coded ones lead)."""
    codes = compiled(pattern("position_code"))
    if not codes.search(fold(words)) or _cue_matches(fold(words).lower(), ctx.lang, role=True):
        return None
    p = next((p for p in ctx.live_points if p.number == point), None)
    # «other leading positions» after the reference: the codes named before them lead (codes after
    # them are the rest)
    if p is None or not any(
        _rx(w).search(ctx.folded[max(p.start, at) : p.end].lower())
        for w in xref_data()["other_leaders"][ctx.lang]
    ):
        return None
    other = counterpart(cited)
    right = [n for n, k in sorted(kinds.items()) if k == other]
    return (other, str(right[0])) if right else None


def _full_title(ctx: Ctx, app: Any) -> str:
    """An appendix's title with the subtitle in brackets on the line after it («Бағалау парағы» /
    «(басшылық емес лауазымдар үшін)»)."""
    at = ctx.text.find(app.title, app.start, app.end)
    if at < 0:
        return str(app.title)
    end = at + len(app.title)
    nxt = ctx.text[end : ctx.text.find("\n", end + 1) if ctx.text.find("\n", end + 1) > 0 else end + 120]
    return f"{app.title} {nxt.strip()}" if nxt.strip().startswith("(") else str(app.title)


def _title_label(title: str) -> str:
    """An appendix's title inside a sentence (the form has no kind the checker names)."""
    title = " ".join(title.split())
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def _unknown_cited(
    words: str, pos: int, lang: str, cited: int, kinds: dict[int, str], titles: dict[int, frozenset[str]]
) -> tuple[str, str] | None:
    """(form meant, appendix) for a reference to an appendix whose form has no known kind: the form
    the words name is held by exactly one other appendix, and the cited appendix's title has none of
    the words that tell that appendix's title from it."""
    forms = xref_data()["forms"]
    named = [k for k in form_cues(words, pos, lang) if not forms[k].get("role")]
    if not named:
        return None
    right = [n for n, k in sorted(kinds.items()) if _accepts(named[0], k) and n != cited]
    if len(right) != 1:
        return None
    own, other = titles.get(cited, frozenset()), titles.get(right[0], frozenset())
    if own and other and not (other - own):
        return None
    return named[0], str(right[0])
