"""Check stage, the act against the model edition: parameters, provisions, extra rules, forms.

Consumes a :class:`Ctx`, the act's catalogue (``CATALOGUE_FORMAT.md``; may be ``None``) and a
:class:`Profile`; produces ``model_deviation``, ``missing_provision``, ``extra_provision`` and
``form_deviation`` findings. Severity follows the evidence of the model value: FACT / SEED-FACT
-> error, INFERRED -> warning (the finding says INFERRED).
"""

from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from ..catalogue_model import Catalogue
from ..data.labels import quantity, value_text
from .context import Ctx
from .data import (
    compiled,
    fold,
    form_kind_from_title,
    in_chapter,
    label,
    matches_topic,
    pattern,
    topics_data,
    topics_of,
)
from .findings import Finding
from .make import finding
from .profiles import Profile
from .provenance import note
from .selfcheck import appendix_references
from .values import major_scale
from .wording import same_wording


def _sev(evidence: str, hard: str = "error") -> str:
    return hard if evidence in ("FACT", "SEED-FACT") else "warning"


def fmt_value(value: Any, unit: str | None, lang: str) -> str:
    if isinstance(value, bool):
        return {"kk": "иә", "ru": "да"}[lang] if value else {"kk": "жоқ", "ru": "нет"}[lang]
    if isinstance(value, int | float):
        return quantity(value, unit, lang)
    if isinstance(value, list):
        parts = []
        for v in value:
            if isinstance(v, dict) and "min" in v:
                parts.append(
                    f"{v.get('id', '')} {fmt_value(v['min'], None, lang)}–{fmt_value(v['max'], None, lang)}"
                )
            else:
                parts.append(str(v))
        return "; ".join(parts)
    return str(value)


def same_value(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b or a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) < 1e-9
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return False
        return all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        keys = {"id", "min", "max"} if "min" in a and "min" in b else set(a) & set(b)
        return all(same_value(a.get(k), b.get(k)) for k in keys)
    return bool(a == b)


def model_point(profile: Profile, lang: str, *, provision: str | None = None, key: str | None = None) -> str:
    """The model point a finding compares with, in words («E4 редакциясының 5-тармағы (…)»); when no
    provision of the profile holds it, says that the point is not known."""
    number = profile.point_of(lang, provision=provision, key=key)
    if number is None:
        return label("model_point_unknown", lang).format(edition=profile.edition)
    return label("model_point", lang).format(edition=profile.edition, point=number)


def _words(key: str, value: Any, unit: str | None, lang: str) -> str:
    """A value in the act's words: names (a grade, a system) and table rows in kk / ru, never an id."""
    if isinstance(value, str | list | tuple | dict):
        return value_text(key, value, unit, lang)
    return fmt_value(value, unit, lang)


def parameters(ctx: Ctx, catalogue: Catalogue, profile: Profile, day: dt.date | None) -> list[Finding]:
    out: list[Finding] = []
    bounds = set(topics_data().get("deadline_bounds") or ())
    for key in profile.data.get("parameters", {}):
        model = profile.value_at(key, day)
        entry = catalogue.param(key)
        if model is None or entry is None:
            continue
        value, point, quote = entry.value, entry.source.point or "", entry.source.quote or ""
        scale = major_scale(catalogue) if key in ("score_min", "score_max") else None
        if scale is not None:  # what most places of the act state; odd places are inconsistent_value
            value = scale.low if key == "score_min" else scale.high
            point, quote = scale.unit, scale.quote or quote
        if same_value(value, model["value"]):
            continue
        named = (topics_data().get("named_values") or {}).get(key) or {}
        if isinstance(value, str) and named.get(value) == model["value"]:
            continue  # the act names the thing the model says in general words
        unit = model.get("unit") or entry.unit
        earlier = key in bounds and _before(value, model["value"])  # within the model's bound
        later = key in bounds and not earlier and _before(model["value"], value)  # past the bound
        code = "model_deviation.parameter"
        if earlier:
            code = "model_deviation.earlier_deadline"
        elif later:
            code = "model_deviation.later_deadline"
        out.append(
            finding(
                code,
                "warning" if earlier else _sev(model["evidence"]),
                ctx.lang,
                point=point,
                quote=quote,
                expected=_words(key, model["value"], unit, ctx.lang),
                actual=_words(key, value, unit, ctx.lang),
                evidence=model["evidence"],
                key_label=label(f"keys.{key}", ctx.lang, key),
                edition=profile.edition,
                details={
                    "key": key,
                    "model_source": note(model["source"]),
                    "model_from": str(model["from"]),
                    "model_point": model_point(profile, ctx.lang, key=key),
                },
            )
        )
    return _one_scale(ctx, out, profile.edition)


def values_missing(
    ctx: Ctx, catalogue: Catalogue | None, profile: Profile, day: dt.date | None
) -> list[Finding]:
    """A warning for a rule the act states without its value (``value_required`` in topics.yaml): a
    point states the topic, the catalogue holds none of the keys, no point of the topic has the value's
    words, and the model gives the first key a value."""
    out: list[Finding] = []
    for topic, spec in (topics_data().get("value_required") or {}).items():
        keys = list(spec["keys"])
        points = ctx.points_with(topic)
        if not points or (catalogue is not None and any(catalogue.param(k) is not None for k in keys)):
            continue
        words = compiled(spec["words"][ctx.lang])
        if any(words.search(fold(ctx.point_text(p)).lower()) for p in points):
            continue
        key = keys[0]
        model = profile.value_at(key, day)
        if model is None:
            continue
        first = points[0]
        out.append(
            finding(
                "model_deviation.value_missing",
                "warning",
                ctx.lang,
                point=first.number,
                quote=ctx.quote(first.start, first.end, limit=240),
                expected=_words(key, model["value"], model.get("unit"), ctx.lang),
                evidence=model["evidence"],
                key_label=label(f"keys.{key}", ctx.lang, key),
                edition=profile.edition,
                details={
                    "key": key,
                    "topic": topic,
                    "model_source": note(model["source"]),
                    "model_point": model_point(profile, ctx.lang, key=key),
                },
            )
        )
    return out


def _before(act: Any, model: Any) -> bool:
    """True when the act's deadline (a day of the month, or «MM-DD») comes before the model's bound."""
    if isinstance(act, int | float) and isinstance(model, int | float) and not isinstance(act, bool):
        return float(act) < float(model)
    if isinstance(act, str) and isinstance(model, str):
        a, m = act.split("-"), model.split("-")
        if len(a) == len(m) == 2 and all(x.isdigit() for x in a + m):
            return (int(a[0]), int(a[1])) < (int(m[0]), int(m[1]))
    return False


def _one_scale(ctx: Ctx, out: list[Finding], edition: str) -> list[Finding]:
    """The score scale is one rule: when both of its ends deviate at the same point, one finding
    «шкала: актіде 1–10, үлгіде 0–5» replaces the two."""
    ends = {f.details.get("key"): f for f in out if f.details.get("key") in ("score_min", "score_max")}
    lo, hi = ends.get("score_min"), ends.get("score_max")
    if lo is None or hi is None or lo.point != hi.point:
        return out
    merged = finding(
        "model_deviation.parameter",
        lo.severity if lo.severity == "error" else hi.severity,
        ctx.lang,
        point=lo.point,
        quote=lo.quote if len(lo.quote) >= len(hi.quote) else hi.quote,
        expected=f"{lo.expected.split()[0]}–{hi.expected}",
        actual=f"{lo.actual.split()[0]}–{hi.actual}",
        evidence=lo.evidence,
        key_label=label("score_scale", ctx.lang),
        edition=edition,
        details={**hi.details, "key": "score_scale", "keys": ["score_min", "score_max"]},
    )
    return [f for f in out if f not in (lo, hi)] + [merged]


def _whole_topics(ctx: Ctx) -> frozenset[str]:
    return topics_of(ctx.text[ctx.doc.methodology_start :], ctx.lang)


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", fold(s).lower())


def catalogue_topics(ctx: Ctx, catalogue: Catalogue | None) -> frozenset[str]:
    """Topics the catalogue states: a topic is present when the catalogue holds one of its keys
    (``topic_keys`` in topics.yaml), whatever the value (a different value is a deviation, not a gap).
    A key counts only when its provenance is in this text: its source point is a live point or an
    appendix of the act (the caps of a sheet are stated in the sheet), and its quote (when it has one)
    occurs in the text."""
    if catalogue is None:
        return frozenset()
    live = {p.number for p in ctx.live_points} or {ref for ref, _, _ in ctx.doc.paragraphs()}
    live |= {f"app{a.number}" for a in ctx.doc.appendices}
    text = _squash(ctx.text)
    held = set()
    for p in catalogue:
        point = str(p.source.point or "")
        parts = [_squash(q) for q in re.split(r"…|\.\.\.", p.source.quote or "")]
        if point.split(".")[0] in live and all(q in text for q in parts):
            held.add(p.key)
    spec: dict[str, list[str]] = topics_data().get("topic_keys") or {}
    return frozenset(t for t, keys in spec.items() if held & set(keys))


def provisions(ctx: Ctx, profile: Profile, catalogue: Catalogue | None = None) -> list[Finding]:
    out: list[Finding] = []
    stated = catalogue_topics(ctx, catalogue)
    whole = _whole_topics(ctx) | stated
    present: set[str] = set(stated)
    for p in ctx.live_points:
        present |= ctx.topics(p)
        chapter = next((c for c in ctx.doc.chapters if c.start <= p.start < c.end), None)
        qualified = in_chapter(ctx.point_text(p), chapter.title, ctx.lang) if chapter else None
        if qualified is not None:
            present |= topics_of(qualified, ctx.lang)
    if not ctx.live_points:  # a text without point numbers: its topics are judged on the whole text
        present |= whole
    elsewhere = set(topics_data().get("duties_elsewhere") or ())
    for prov in profile.provisions:
        topic_evidence = prov.get("topic_evidence", {})
        for topic in prov.get("topics", []):
            pool = whole if prov.get("scope") == "text" else present
            if topic in pool:
                if topic in elsewhere and topic not in stated:
                    out += _said_otherwise(ctx, profile, prov, topic)
                continue
            evidence = topic_evidence.get(topic, prov["evidence"])
            wording = profile.wording(prov, ctx.lang)
            out.append(
                finding(
                    "missing_provision.topic",
                    _sev(evidence),
                    ctx.lang,
                    point="",
                    quote="",
                    expected=wording,
                    actual="",
                    evidence=evidence,
                    edition=profile.edition,
                    topic_label=label(f"topics.{topic}", ctx.lang, topic),
                    details={
                        "provision": prov["id"],
                        "topic": topic,
                        "model_source": note(prov["source"]),
                        "model_point": model_point(profile, ctx.lang, provision=str(prov["id"])),
                    },
                )
            )
    return out


def _said_otherwise(ctx: Ctx, profile: Profile, prov: dict[str, Any], topic: str) -> list[Finding]:
    """A warning when no point states ``topic`` the model's way and a point states it another way
    (``duties_elsewhere`` in topics.yaml: the HR head's duties laid on another official)."""
    points = ctx.points_with(topic)
    if not points or any(matches_topic(ctx.point_text(p), topic, ctx.lang, first_way=True) for p in points):
        return []
    first = points[0]
    # the lead naming the official («N. Руководитель аппарата … обеспечивает:») is what the warning
    # is about; the list of duties after it is not quoted
    lead_end = ctx.text.find("\n", first.start, first.end)
    lead_end = lead_end if lead_end > first.start else first.end
    return [
        finding(
            "model_deviation.duties_elsewhere",
            "warning",
            ctx.lang,
            point=first.number,
            quote=ctx.quote(first.start, lead_end, limit=240),
            expected=profile.wording(prov, ctx.lang),
            evidence=prov.get("topic_evidence", {}).get(topic, prov["evidence"]),
            edition=profile.edition,
            topic_label=(name := label(f"topics.{topic}", ctx.lang, topic)),
            topic_label_cap=name[:1].upper() + name[1:],
            details={"provision": prov["id"], "topic": topic, "model_source": note(prov["source"])},
        )
    ]


def extra_provisions(ctx: Ctx, profile: Profile) -> list[Finding]:
    out: list[Finding] = []
    for ft in profile.foreign_topics:
        hits = ctx.points_with(ft["topic"])
        if not hits:
            continue
        first = hits[0]
        start, end = first.start, first.end
        pos = first.start
        for line in ctx.point_text(first).split("\n"):
            if ft["topic"] in topics_of(line, ctx.lang):
                start, end = pos, pos + len(line)
                break
            pos += len(line) + 1
        out.append(
            finding(
                "extra_provision.topic",
                "warning",
                ctx.lang,
                point=first.number,
                quote=ctx.quote(start, end, limit=240),
                expected="",
                actual=", ".join(p.number for p in hits),
                evidence=ft["evidence"],
                edition=profile.edition,
                topic_label=label(f"topics.{ft['topic']}", ctx.lang, ft["topic"]),
                details={
                    "topic": ft["topic"],
                    "points": [p.number for p in hits],
                    "model_source": note(ft["source"]),
                },
            )
        )
    return out


@lru_cache(maxsize=1)
def _row_synonyms() -> tuple[tuple[tuple[str, ...], ...], dict[str, str]]:
    wording = topics_data()["wording"]
    words = tuple(tuple(fold(w).lower() for w in group) for group in wording.get("row_word_synonyms") or ())
    rows: dict[str, str] = {}
    for group in wording.get("row_synonyms") or ():
        first = " ".join(fold(group[0]).lower().replace("-", " ").split())
        for other in group[1:]:
            rows[" ".join(fold(other).lower().replace("-", " ").split())] = first
    return words, rows


def _canon_word(w: str) -> str:
    for group in _row_synonyms()[0]:
        if w.startswith(group):
            return group[0]
    return w


def _syn_row(s: str) -> str:
    """The normalised row, or the row it names in other words (``row_synonyms``)."""
    n = _norm_row(s)
    return _row_synonyms()[1].get(n, n)


def _norm_row(s: str) -> str:
    s = fold(re.sub(r"<[^>]*>", " ", s)).lower().replace("*", "").replace("-", " ")
    s = re.sub(r"^\s*\d{1,2}[.)]?\s+", "", s)
    return re.sub(r"[\s.,;:]+", " ", s).strip()


def _bare_row(s: str) -> str:
    """The row without a note in brackets at its end («Тәртіптік жазалардың болмауы (ескерту, сөгіс …
    – 2,99 балдан аспайды)»): the note says how to score it, the row is the words before it."""
    return _norm_row(re.sub(r"\s*\([^()]*\)\s*$", "", s))


def _typo_level(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    return all(x == y or SequenceMatcher(None, x, y).ratio() >= 0.8 for x, y in zip(wa, wb, strict=True))


_ROW_STOP = frozenset(
    ("және", "мен", "бен", "пен", "үшін", "для", "при", "по", "или", "в", "и", "на", "с", "о")
)


def _raw_row_words(row: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+", fold(row).lower())
    return [w for w in words if w not in _ROW_STOP and len(w) > 1]


def _row_words(row: str) -> list[str]:
    return [_canon_word(w) for w in _raw_row_words(row)]


@lru_cache(maxsize=1)
def _endings() -> frozenset[str]:
    wording = topics_data()["wording"]
    return frozenset(wording["endings"]) | frozenset(wording.get("row_endings") or ())


@lru_cache(maxsize=4096)
def _is_endings(rest: str) -> bool:
    """``rest`` is a chain of inflection endings («інің», «луын» = -л-у-ын); a chain is short."""
    if not rest:
        return True
    if len(rest) > 12:
        return False
    return any(rest.startswith(e) and _is_endings(rest[len(e) :]) for e in _endings() if len(e) <= len(rest))


def _same_word(a: str, b: str) -> bool | None:
    """True: two forms of one word (a shared stem of four letters or more, then inflection endings
    only); None: a near word of another meaning («бағалаушы» / «бағаланатын»); False: unrelated."""
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    if n < 4:
        return False
    same = any(_is_endings(a[k:]) and _is_endings(b[k:]) for k in range(n, 3, -1))
    return True if same else None


def _stem_score(a: str, b: str) -> float:
    """Share of the words of row ``a`` that row ``b`` holds in some form (a row the act shortens
    keeps a high share; a word the act adds lowers it); 0 when a word of ``a`` stands against a near
    word of another meaning in ``b`` (evaluator / evaluated person)."""
    wa, wb = _row_words(a), _row_words(b)
    if not wa or not wb:
        return 0.0
    hits = 0
    for w in wa:
        verdicts = [_same_word(w, o) for o in wb]
        if True in verdicts:
            hits += 1
        elif None in verdicts:
            return 0.0
    if hits < min(2, len(wa)):
        return 0.0
    return hits / len(wa)


def _word_difference(act_row: str, model_row: str, lang: str) -> str:
    """The words one row has and the other lacks, in words («нет в акте: «выполнения»; нет в Типовой
    методике: «исполнения»»); empty when the rows differ only in the forms of the same words."""
    wa, wm = _raw_row_words(act_row), _raw_row_words(model_row)  # synonyms are words that differ
    only_model = [w for w in wm if not any(_same_word(w, o) for o in wa)]
    only_act = [w for w in wa if not any(_same_word(w, o) for o in wm)]
    parts = []
    for label_key, words in (("wording_only_model", only_model), ("wording_only_act", only_act)):
        if words:
            quoted = ", ".join(f"«{w}»" for w in dict.fromkeys(words))
            parts.append(f"{label(label_key, lang)}: {quoted}")
    return "; ".join(parts)


def _shares_word(row: str, variants: list[str]) -> bool | None:
    """True: ``row`` holds a word of five letters or more of one of ``variants`` in some form; None: only
    a near word («орындаушылық» / «орындау»); False: neither."""
    words = [w for w in _row_words(row) if len(w) >= 5]
    verdicts = {_same_word(w, o) for v in variants for o in _row_words(v) if len(o) >= 5 for w in words}
    return True if True in verdicts else (None if None in verdicts else False)


_SAME_STEMS = 0.75  # an act row whose words the model row mostly holds is that row, worded otherwise


def _appendix_lines(ctx: Ctx, appendix: int) -> list[str]:
    """The appendix's text lines and table cells (a form printed one cell a line, whose rows the
    catalogue did not read as rows)."""
    app = ctx.doc.appendix(appendix)
    if app is None:
        return []
    cells = re.split(r"[\t\n]+", ctx.text[app.start : app.end])
    return [c.strip() for c in cells if len(c.strip()) > 2]


def _fallback_rows(ctx: Ctx, appendix: int) -> list[str]:
    app = ctx.doc.appendix(appendix)
    if app is None:
        return []
    rows = []
    for m in compiled(pattern("form_row")).finditer(ctx.text, app.start, app.end):
        rows.append(m.group("name").strip())
    return rows


def _act_forms(ctx: Ctx, catalogue: Catalogue | None) -> dict[str, dict[str, Any]]:
    """The act's forms by kind: the catalogue's, and, for an appendix the catalogue gives no kind
    (or that it does not hold), the kind its title names (so a form titled in other words than the
    model's is not reported missing)."""
    forms: dict[str, dict[str, Any]] = {}
    rows_of: dict[int, list[str]] = {}
    known: set[Any] = set()  # appendices whose kind the catalogue gives
    if catalogue is not None and catalogue.forms:
        for f in catalogue.forms:
            if f.kind:
                forms.setdefault(str(f.kind), {"appendix": f.appendix, "rows": list(f.rows)})
                known.add(f.appendix)
            elif f.appendix is not None and f.rows:
                rows_of[int(f.appendix)] = list(f.rows)
    for a in ctx.doc.appendices:
        if a.number in known:
            continue
        kind = form_kind_from_title(a.title, ctx.lang) or form_kind_from_title(
            ctx.text[a.start : a.start + 600], ctx.lang
        )
        if kind:
            forms.setdefault(kind, {"appendix": a.number, "rows": rows_of.get(a.number)})
    data = topics_data()
    sides = data["form_sides"].get(ctx.lang) or []
    for pair in data["one_report_for_both"]:
        have = [k for k in pair if k in forms]
        if len(have) != 1:
            continue
        app = ctx.doc.appendix(int(forms[have[0]]["appendix"] or 0))
        title = fold(app.title if app is not None else "").lower()
        if title and not any(w in title for w in sides):
            # «360 әдісі бойынша бағалау нәтижелері туралы есеп»: one report for leaders and staff
            for k in pair:
                forms.setdefault(k, dict(forms[have[0]]))
    return forms


def _model_form(profile: Profile, pf: dict[str, Any], lang: str) -> dict[str, Any]:
    where = label("model_appendix", lang).format(edition=profile.edition, appendix=pf["appendix"])
    return {"model_point": where}


def _compare_rows(
    ctx: Ctx, profile_form: dict[str, Any], number: int, act_rows: list[str], model: dict[str, Any]
) -> list[Finding]:
    out: list[Finding] = []
    model_rows = profile_form.get("rows", {}).get(ctx.lang) or []
    ev = profile_form["evidence"]
    pending = list(act_rows)
    quote_of = {id(r): r for r in act_rows}
    # Rows the act prints as the model does are taken first: a row close to another model row
    # («Инициативность» / «Оперативность») must not be paired away before its own turn.
    unmatched = []
    printed = 0
    lines = _appendix_lines(ctx, number)
    for mrow in model_rows:
        variants = mrow if isinstance(mrow, list) else [mrow]
        normed = [_norm_row(v) for v in variants]
        synonyms = {_syn_row(v) for v in variants}  # either side may be the row's other name
        hit = next(
            (
                r
                for r in pending
                if _norm_row(r) in normed
                or _syn_row(r) in normed
                or _syn_row(r) in synonyms
                or _bare_row(r) in normed
                or any(v.startswith(_norm_row(r)) and len(_norm_row(r)) > 0.5 * len(v) for v in normed)
            ),
            None,
        )
        if hit is not None:
            pending.remove(hit)
        else:
            unmatched.append(mrow)
    for mrow in unmatched:
        variants = mrow if isinstance(mrow, list) else [mrow]
        normed = [_norm_row(v) for v in variants]
        same = next((r for r in pending if any(same_wording(r, v) for v in variants)), None)
        model_row = variants[0]
        code = "wording.variant"
        detail = ""
        if same is None:  # the same row in other word forms or a shorter wording
            stemmed = max(pending, key=lambda r: max(_stem_score(r, v) for v in variants), default=None)
            if stemmed is not None and max(_stem_score(stemmed, v) for v in variants) >= _SAME_STEMS:
                same = stemmed
                model_row = max(variants, key=lambda v: _stem_score(stemmed, v))
                detail = _word_difference(same, model_row, ctx.lang)
                code = "wording.close" if detail else code
        if same is not None:  # written differently, same (or mostly the same) words: information
            pending.remove(same)
            out.append(
                finding(
                    code,
                    "info",
                    ctx.lang,
                    point=f"app{number}",
                    quote=quote_of[id(same)],
                    expected=model_row,
                    actual=same,
                    evidence=ev,
                    appendix=number,
                    detail=detail,
                )
            )
            continue
        best = max(
            pending,
            key=lambda r: max(SequenceMatcher(None, _norm_row(r), v).ratio() for v in normed),
            default=None,
        )
        ratio = (
            max((SequenceMatcher(None, _norm_row(best), v).ratio() for v in normed), default=0.0)
            if best
            else 0.0
        )
        if best is None or ratio < 0.6:
            # a row of the act that shares a content word with this model row («Тапсырмалардың
            # сапасы» / «Функционалдық міндеттерді орындау сапасы») is this row written otherwise:
            # one difference, not a missing row and an extra one
            shared = [(r, _shares_word(r, variants)) for r in pending]
            exact = [r for r, v in shared if v is True]
            near = exact or [r for r, v in shared if v is None]
            if len(near) == 1:
                best, ratio = near[0], 0.6
        if best is not None and ratio >= 0.6:
            pending.remove(best)
            typo = any(_typo_level(_norm_row(best), v) for v in normed)
            code = "form_deviation.row_typo" if typo else "form_deviation.row_differs"
            sev = "info" if typo else ("warning" if ev != "FACT" else "error")
            out.append(
                finding(
                    code,
                    sev,
                    ctx.lang,
                    point=f"app{number}",
                    quote=quote_of[id(best)],
                    expected=variants[0],
                    actual=best,
                    evidence=ev,
                    appendix=number,
                    details=dict(model),
                )
            )
        elif any(max(_stem_score(v, c), _stem_score(c, v)) >= _SAME_STEMS for v in variants for c in lines):
            printed += 1  # printed in the appendix, though not read as a row of the form's table
            continue
        else:
            out.append(
                finding(
                    "form_deviation.row_missing",
                    _sev(ev),
                    ctx.lang,
                    point=f"app{number}",
                    quote="",
                    expected=variants[0],
                    actual="",
                    evidence=ev,
                    appendix=number,
                    details=dict(model),
                )
            )
    if printed and len(pending) == len(act_rows):
        # none of the rows read from the table is a row of the model's form, while the form's rows
        # are printed in the appendix: what was read is another table of it (a scoring scale), not
        # extra rows
        pending = []
    for r in pending:
        out.append(
            finding(
                "form_deviation.row_extra",
                "warning",
                ctx.lang,
                point=f"app{number}",
                quote=r,
                expected="",
                actual=r,
                evidence=ev,
                appendix=number,
                details=dict(model),
            )
        )
    return out


def forms(ctx: Ctx, catalogue: Catalogue | None, profile: Profile) -> list[Finding]:
    out: list[Finding] = []
    act = _act_forms(ctx, catalogue)
    refs = appendix_references(ctx)
    model_refs = {r.number: r for r in refs if r.model}
    own_refs = {r.number for r in refs if not r.model}
    have = {a.number for a in ctx.doc.appendices}
    for pf in profile.forms:
        kind, number = pf["kind"], int(pf["appendix"])
        model = _model_form(profile, pf, ctx.lang)
        title = (pf.get("title") or {}).get(ctx.lang) or next(
            iter((pf.get("title") or {kind: kind}).values())
        )
        if kind in act:
            got = act[kind]
            rows = (
                got["rows"]
                if got["rows"] is not None
                else _fallback_rows(ctx, int(got["appendix"] or number))
            )
            if pf.get("rows", {}).get(ctx.lang) and rows:
                out += _compare_rows(ctx, pf, int(got["appendix"] or number), rows, model)
            continue
        if number in model_refs:
            r = model_refs[number]
            c0, c1 = ctx.clause(r.start)
            out.append(
                finding(
                    "form_deviation.by_model_reference",
                    "info",
                    ctx.lang,
                    point=r.point,
                    quote=ctx.quote(c0, c1),
                    expected=title,
                    actual="",
                    evidence=pf["evidence"],
                    appendix=number,
                    details=dict(model),
                )
            )
            continue
        if number in own_refs and number not in have:
            continue  # reported as missing_appendix
        if number in have and number not in {g["appendix"] for g in act.values()}:
            continue  # an appendix of unknown kind holds this number: not judged
        out.append(
            finding(
                "form_deviation.missing_form",
                _sev(pf["evidence"]),
                ctx.lang,
                point=f"app{number}",
                quote="",
                expected=title,
                actual="",
                evidence=pf["evidence"],
                appendix=number,
                details=dict(model),
            )
        )
    return out
