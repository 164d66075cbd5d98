"""Diff stage, rule part: two :class:`~docgen.catalogue_model.Catalogue` -> rule changes.

Consumes two catalogues (``parameters`` with source points, ``forms``, ``form_assignment``,
``document``); produces plain dicts: parameter changes (changed / added / removed with value, unit
and source point on both sides; list values such as ``grades`` and ``kpi_score_table`` compared
row by row), form changes (matched by kind, rows and columns compared row by row), form assignment
compared position category by category, and document-level changes (generation, language ...).
Values are language-neutral, so the kk and ru texts of the same rules give no rule change; text
fields printed in a language (form rows, competency names, grade labels) are compared through the
kk<->ru row dictionary when the languages differ, and by count when it has no entry.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..catalogue_model import Catalogue, FormSpec, Parameter

__all__ = ["diff_rules", "diff_parameters", "diff_forms", "diff_form_assignment", "values_equal"]

_LOOKALIKE = str.maketrans("АВСЕНКМОРТХаеосрх", "ABCEHKMOPTXaeocpx")
_LANG_FIELDS = {"label", "labels", "quote", "quotes", "title", "as_printed"}


def _canon(value: Any) -> Any:
    """Language-neutral canonical form: numbers as floats, dict fields printed in a language dropped."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return {
            k: _canon(v) for k, v in sorted(value.items()) if k not in _LANG_FIELDS and not k.startswith("_")
        }
    if isinstance(value, list | tuple):
        return [_canon(v) for v in value]
    return value


def values_equal(a: Any, b: Any) -> bool:
    ca, cb = _canon(a), _canon(b)
    if isinstance(ca, float) and isinstance(cb, float):
        return math.isclose(ca, cb, rel_tol=0, abs_tol=1e-9)
    return bool(ca == cb)


def _translate(text: str, src: str, dst: str) -> str | None:
    if src == dst or not src or not dst:
        return text
    try:
        from ..dictionary import normalise, translate
    except ImportError:  # pragma: no cover - the forms package is optional for the diff
        return None
    t = translate(text, src, dst)
    return normalise(t) if t is not None else None


def _norm_text(text: str) -> str:
    try:
        from ..dictionary import normalise
    except ImportError:  # pragma: no cover
        return re.sub(r"\s+", " ", text).strip().lower()
    return normalise(text)


def _printed_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def _comparable_strings(
    old: list[str], new: list[str], lang_old: str, lang_new: str
) -> tuple[list[str], list[str]] | None:
    """Strings made comparable across languages (old translated into the new language), or None."""
    if lang_old == lang_new or not lang_old or not lang_new:
        return [_norm_text(s) for s in old], [_norm_text(s) for s in new]
    trans = [_translate(s, lang_old, lang_new) for s in old]
    if any(t is None for t in trans):
        return None
    return [t for t in trans if t is not None], [_norm_text(s) for s in new]


def _rows_diff(
    old: list[Any], new: list[Any], keys_old: list[str], keys_new: list[str]
) -> list[dict[str, Any]]:
    """Row-by-row comparison of two lists: ``keys_*`` are the comparable forms of the rows."""
    sm = difflib.SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    rows: list[dict[str, Any]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        n = max(i2 - i1, j2 - j1)
        for k in range(n):
            i, j = i1 + k, j1 + k
            has_o, has_n = i < i2, j < j2
            change = "changed" if has_o and has_n else ("removed" if has_o else "added")
            rows.append(
                {
                    "change": change,
                    "old_row": i + 1 if has_o else None,
                    "new_row": j + 1 if has_n else None,
                    "old": old[i] if has_o else None,
                    "new": new[j] if has_n else None,
                }
            )
    return rows


def _side(p: Parameter) -> dict[str, Any]:
    return {
        "value": p.value,
        "unit": p.unit,
        "point": p.source.point,
        "quote": p.source.quote,
    }


def _list_change(
    old: list[Any], new: list[Any], lang_old: str, lang_new: str
) -> tuple[bool, list[dict[str, Any]], str | None]:
    """(differs, row changes, note) for two list values."""
    if _printed_list(old) or _printed_list(new):
        comp = _comparable_strings([str(v) for v in old], [str(v) for v in new], lang_old, lang_new)
        if comp is None:
            note = "printed in different languages; compared by count"
            if len(old) == len(new):
                return False, [], note
            return True, [], note
        rows = _rows_diff(old, new, *comp)
        return bool(rows), rows, None
    ko = [json.dumps(_canon(v), sort_keys=True) for v in old]
    kn = [json.dumps(_canon(v), sort_keys=True) for v in new]
    rows = _rows_diff(old, new, ko, kn)
    return bool(rows), rows, None


def diff_parameters(
    old: Mapping[str, Parameter], new: Mapping[str, Parameter], lang_old: str = "", lang_new: str = ""
) -> list[dict[str, Any]]:
    """Changed / added / removed parameters, in the new catalogue's key order then removed keys."""
    out: list[dict[str, Any]] = []
    keys = list(new) + [k for k in old if k not in new]
    for key in keys:
        o, n = old.get(key), new.get(key)
        if o is None and n is not None:
            out.append({"key": key, "change": "added", "old": None, "new": _side(n)})
        elif n is None and o is not None:
            out.append({"key": key, "change": "removed", "old": _side(o), "new": None})
        elif o is not None and n is not None:
            ov, nv = o.value, n.value
            entry: dict[str, Any] = {"key": key, "change": "changed", "old": _side(o), "new": _side(n)}
            if isinstance(ov, list) and isinstance(nv, list):
                differs, rows, note = _list_change(ov, nv, lang_old, lang_new)
                if rows:
                    entry["rows"] = rows
                if note:
                    entry["note"] = note
            else:
                differs = not values_equal(ov, nv)
            if differs or (o.unit or None) != (n.unit or None):
                out.append(entry)
    return out


def _form_key(f: FormSpec) -> str:
    return str(f.kind or f"appendix:{f.appendix}")


def diff_forms(
    old: Sequence[FormSpec], new: Sequence[FormSpec], lang_old: str = "", lang_new: str = ""
) -> list[dict[str, Any]]:
    """Forms matched by kind; appendix number, title (same language), rows and columns compared."""
    out: list[dict[str, Any]] = []
    old_by = {_form_key(f): f for f in old}
    new_by = {_form_key(f): f for f in new}
    for key in list(new_by) + [k for k in old_by if k not in new_by]:
        o, n = old_by.get(key), new_by.get(key)
        brief = lambda f: {"appendix": f.appendix, "title": f.title}  # noqa: E731
        if o is None and n is not None:
            out.append({"kind": key, "change": "added", "old": None, "new": brief(n)})
            continue
        if n is None and o is not None:
            out.append({"kind": key, "change": "removed", "old": brief(o), "new": None})
            continue
        assert o is not None and n is not None
        entry: dict[str, Any] = {"kind": key, "change": "changed", "old": brief(o), "new": brief(n)}
        differs = o.appendix != n.appendix
        if lang_old == lang_new and _norm_text(o.title or "") != _norm_text(n.title or ""):
            differs = True
            entry["title_changed"] = True
        for part in ("rows", "columns"):
            ov, nv = list(getattr(o, part)), list(getattr(n, part))
            d, rows, note = _list_change(ov, nv, lang_old, lang_new)
            if rows:
                entry[part] = rows
            if note:
                entry[f"{part}_note"] = note
            differs = differs or d
        if differs:
            out.append(entry)
    return out


def _category(c: str) -> str:
    return (
        re.sub(r"\s+", "", c.translate(_LOOKALIKE)).upper()
        if re.fullmatch(r"[\w\s-]+", c) and "-" in c
        else c
    )


def _assignment_map(cat: Catalogue) -> dict[str, list[dict[str, Any]]]:
    kinds = {f.appendix: f.kind for f in cat.forms}
    out: dict[str, list[dict[str, Any]]] = {}
    for fa in cat.form_assignment:
        quals = fa.extra.get("qualifiers") or {}
        for c in fa.categories:
            key = _category(str(c))
            q = quals.get(c)
            if q:
                key = f"{key} ({q})"
            out.setdefault(key, []).append(
                {
                    "form_appendix": fa.form_appendix,
                    "form_kind": kinds.get(fa.form_appendix),
                    "evaluator": fa.evaluator,
                    "point": fa.source.point,
                }
            )
    return out


def _assign_key(a: dict[str, Any]) -> tuple[str, str]:
    return (str(a.get("form_kind") or a.get("form_appendix")), str(a.get("evaluator")))


def _assignments_differ(o: list[dict[str, Any]], n: list[dict[str, Any]]) -> bool:
    if all(a.get("form_kind") for a in o + n):
        return sorted(map(_assign_key, o)) != sorted(map(_assign_key, n))
    plain = lambda xs: sorted((str(a.get("form_appendix")), str(a.get("evaluator"))) for a in xs)  # noqa: E731
    return plain(o) != plain(n)


def diff_form_assignment(old: Catalogue, new: Catalogue) -> list[dict[str, Any]]:
    """Category by category: which form (kind, else appendix) and which evaluator."""
    mo, mn = _assignment_map(old), _assignment_map(new)
    out: list[dict[str, Any]] = []
    for cat in list(mn) + [c for c in mo if c not in mn]:
        o, n = mo.get(cat), mn.get(cat)
        if o is None:
            out.append({"category": cat, "change": "added", "old": None, "new": n})
        elif n is None:
            out.append({"category": cat, "change": "removed", "old": o, "new": None})
        elif _assignments_differ(o, n):
            out.append({"category": cat, "change": "changed", "old": o, "new": n})
    return out


_DOC_FIELDS = ("generation", "language", "issuer", "act_type", "act_date", "act_number", "status")


def diff_rules(old: Catalogue, new: Catalogue) -> dict[str, Any]:
    """All rule-level changes between two catalogues (see module docstring)."""
    lo, ln = old.lang, new.lang
    document = [
        {"field": f, "old": getattr(old.act, f), "new": getattr(new.act, f)}
        for f in _DOC_FIELDS
        if getattr(old.act, f) != getattr(new.act, f) and not (f == "issuer" and lo != ln)
    ]
    return {
        "document": document,
        "parameters": diff_parameters(old.parameters, new.parameters, lo, ln),
        "forms": diff_forms(old.forms, new.forms, lo, ln),
        "form_assignment": diff_form_assignment(old, new),
        "languages": {"old": lo, "new": ln},
    }
