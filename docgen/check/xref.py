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
from .context import Ctx
from .data import compiled, fold, form_kind_from_title, label, pattern
from .findings import Finding
from .make import finding
from .profiles import Profile

_HERE = Path(__file__).resolve().parent


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


def _units(ctx: Ctx) -> list[Unit]:
    out = [Unit(p.number, p.start, p.end) for p in ctx.live_points]
    for a in ctx.doc.appendices:
        at = ctx.text.find(a.title, a.start, a.end) if a.title else -1
        out.append(Unit(f"app{a.number}", at if at >= 0 else a.start, a.end))
    return out


def _is_external(ctx: Ctx, start: int, end: int) -> bool:
    # windows lowered one by one: lowering the whole text may change its length («İ»)
    after = ctx.folded[end : end + 60].lower()
    before = ctx.folded[max(0, start - 25) : start].lower()
    if any(re.search(p, after) for p in pattern("external_after", ctx.lang)):
        return True
    return any(re.search(p, before) for p in pattern("external_before", ctx.lang))


# ---------------------------------------------------------------------------------------------------
# What a sentence needs, what a point holds


def _nearest(low: str, pos: int, words: Iterable[str]) -> int | None:
    best = None
    for w in words:
        for m in re.finditer(re.escape(w), low):
            d = min(abs(m.start() - pos), abs(m.end() - pos))
            best = d if best is None or d < best else best
    return best


def _groups(low: str, groups: list[list[str]]) -> bool:
    return all(any(w in low for w in g) for g in groups)


def needs_of(sentence: str, pos: int, lang: str) -> list[str]:
    """The needs of ``sentence`` for the reference at ``pos``: the one whose trigger stands nearest
    (after ``refine``) first, then the other needs the sentence has a trigger of, nearest first."""
    low = fold(sentence).lower()
    needs: dict[str, Any] = xref_data()["needs"]
    ranked: list[tuple[int, int, str]] = []
    for order, (name, spec) in enumerate(needs.items()):
        if not _groups(low, spec.get("context", {}).get(lang, [])):
            continue
        d = _nearest(low, pos, spec["triggers"].get(lang, []))
        if d is not None:
            ranked.append((d, order, str(name)))
    if not ranked:
        return []
    ranked.sort()
    dist = {name: d for d, _, name in ranked}
    first = ranked[0][2]
    refine = [(str(o), len(low)) for o in needs[first].get("refine", [])]
    refine += [(str(o), int(n)) for o, n in needs[first].get("refine_near", {}).items()]
    for other, within in refine:
        if other in dist and dist[other] <= within:
            first = other
            break
    return [first] + [name for _, _, name in ranked if name != first]


def need_of(sentence: str, pos: int, lang: str) -> str | None:
    """The need of ``sentence`` for the reference at ``pos`` (or None)."""
    found = needs_of(sentence, pos, lang)
    return found[0] if found else None


def holders(ctx: Ctx, view: CatalogueView, need: str, units: list[Unit]) -> list[str]:
    """Points (and appendices) that hold ``need``: catalogue sources first, then word matches."""
    spec = xref_data()["needs"][need]
    out: list[str] = []
    for key in spec.get("keys", []):
        out += view.sources.get(key, ())
    if out and spec.get("strict"):
        return list(dict.fromkeys(out))
    groups = spec.get("holds", {}).get(ctx.lang)
    codes = int(spec.get("codes", 0))
    if codes:
        out += view.assignment_points
    codes_rx = compiled(pattern("position_code"))
    for u in units:
        if u.name.startswith("app"):
            continue
        low = ctx.folded[u.start : u.end].lower()
        if groups and _groups(low, groups):
            out.append(u.name)
        elif codes and len(set(codes_rx.findall(ctx.folded[u.start : u.end]))) >= codes:
            out.append(u.name)
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------------------------------------------
# Point references


def point_references(ctx: Ctx, catalogue: Any, profile: Profile | None) -> list[Finding]:
    view = catalogue_view(catalogue)
    rx = compiled(pattern("point_ref", ctx.lang))
    model_points = profile.model_points if profile else {}
    numbers = {p.number for p in ctx.live_points}
    cache: dict[str, list[str]] = {}
    note = compiled(xref_data()["edit_note_line"][ctx.lang])
    units = _units(ctx)
    out: list[Finding] = []
    for u in units:
        for m in rx.finditer(ctx.folded, u.start, u.end):
            if _is_external(ctx, m.start(), m.end()):
                continue
            num = m.group("num")
            if note.search(ctx.folded, ctx.text.rfind("\n", 0, m.start()) + 1, m.start()):
                continue  # an edit note names the point it amends
            if not u.name.startswith("app") and ctx.folded[u.start : m.start()].strip() == "":
                continue  # the point's own number
            c0, c1 = ctx.clause(m.start())
            c0, c1 = max(c0, u.start), min(c1, u.end)
            quote = ctx.quote(c0, c1)
            if num not in numbers:
                out.append(
                    finding(
                        "broken_cross_reference.missing_target",
                        "error",
                        ctx.lang,
                        point=u.name,
                        quote=quote,
                        expected="",
                        actual=num,
                        target=num,
                        where=_where(u.name, ctx.lang),
                    )
                )
                continue
            need, have = "", []
            for cand in needs_of(ctx.text[c0:c1], m.start() - c0, ctx.lang):
                if cand not in cache:
                    cache[cand] = holders(ctx, view, cand, units)
                if cache[cand]:
                    need, have = cand, cache[cand]
                    break  # the first need the act has a holder for
            if not have or num in have:
                continue
            best = next((h for h in have if h != u.name and not h.startswith("app")), None)
            if best is None:
                continue
            topic = xref_data()["needs"][need].get("model_topic")
            inherited = bool(topic) and model_points.get(topic) == num
            code = "broken_cross_reference.inherited" if inherited else "broken_cross_reference.wrong_target"
            out.append(
                finding(
                    code,
                    "error",
                    ctx.lang,
                    point=u.name,
                    quote=quote,
                    expected=best,
                    actual=num,
                    evidence="INFERRED" if inherited else "FACT",
                    target=num,
                    where=_where(u.name, ctx.lang),
                    topic_label=label(f"needs.{need}", ctx.lang),
                    details={"need": need, "inherited": inherited, "should_be": best, "holders": have},
                )
            )
    return out


def _where(unit: str, lang: str) -> str:
    if unit.startswith("app"):
        return label("ref_in_appendix", lang).format(appendix=unit[3:])
    return label("ref_in_point", lang).format(point=unit)


# ---------------------------------------------------------------------------------------------------
# Appendix references: the form the sentence describes against the form the appendix holds


def form_cues(sentence: str, pos: int, lang: str) -> list[str]:
    """The form kinds named in ``sentence``, nearest to ``pos`` first (a longer cue masks the shorter
    ones inside it: «не руководящ» is not also «руководящ»)."""
    low = fold(sentence).lower()
    cues = sorted(
        ((w, kind) for kind, spec in xref_data()["forms"].items() for w in spec.get(lang, [])),
        key=lambda c: -len(c[0]),
    )
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str]] = []
    for w, kind in cues:
        for m in re.finditer(re.escape(w), low):
            if any(s <= m.start() and m.end() <= e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((min(abs(m.start() - pos), abs(m.end() - pos)), kind))
    return list(dict.fromkeys(kind for _, kind in sorted(found)))


def _accepts(cue: str, kind: str) -> bool:
    spec = xref_data()["forms"].get(cue, {})
    return kind in spec.get("alike", [cue])


def appendix_references(ctx: Ctx, catalogue: Any) -> list[Finding]:
    from .selfcheck import appendix_references as refs

    view = catalogue_view(catalogue)
    kinds = dict(view.forms)
    for a in ctx.doc.appendices:
        if a.number not in kinds:
            k = form_kind_from_title(a.title, ctx.lang)
            if k:
                kinds[a.number] = k
    out: list[Finding] = []
    every = refs(ctx)
    spans = sorted({(o.start, o.end) for o in every})
    starts = [sp[0] for sp in spans]
    for r in every:
        if r.model or r.number not in kinds:
            continue
        c0, c1 = ctx.clause(r.start)
        # the words nearer to this reference than to its neighbours in the sentence describe its form
        i = bisect.bisect_left(starts, r.start)
        w0, w1 = c0, c1
        if i > 0 and c0 <= spans[i - 1][1] <= r.start:
            w0 = (spans[i - 1][1] + r.start) // 2
        if i + 1 < len(spans) and r.end <= spans[i + 1][0] < c1:
            w1 = (r.end + spans[i + 1][0]) // 2
        named = form_cues(ctx.text[w0:w1], r.start - w0, ctx.lang)
        if not named or any(_accepts(c, kinds[r.number]) for c in named):
            continue
        cue = named[0]
        right = [n for n, k in sorted(kinds.items()) if _accepts(cue, k)]
        if not right:
            continue
        out.append(
            finding(
                "broken_cross_reference.wrong_appendix",
                "error",
                ctx.lang,
                point=r.point,
                quote=ctx.quote(c0, c1),
                expected=str(right[0]),
                actual=str(r.number),
                target=str(r.number),
                where=_where(r.point, ctx.lang),
                form_label=label(f"forms.{cue}", ctx.lang),
                details={"form": cue, "cited_form": kinds[r.number], "should_be": str(right[0])},
            )
        )
    return out
