"""Diff stage, references left behind by a renumbering.

Consumes the two Documents and their :class:`TextDiff`; produces the internal references of the new
text that still cite an old number: the provision that holds the reference exists in both texts,
the old text cited the same number from it, and the provision that number named in the old text
now has another number, or was removed while its number went to another provision (points and
appendices alike). A reference that was re-pointed, or whose
target kept its number, is not reported. Internal references are found by the extraction stage
(``docgen.extract.xrefs``), so quotes are exact substrings of the new text.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model import Document
from .text import TextDiff

__all__ = ["stale_references"]


def _ref_key(kind: str, number: str) -> str:
    return f"app{number}" if kind == "appendix" else number


def _renumbering(td: TextDiff) -> dict[str, str]:
    """Old structural number -> new number, for paired points and appendices ("12", "app3")."""
    out: dict[str, str] = {}
    for o, n in _all_pairs(td):
        if o.kind in ("point", "appendix") and o.kind == n.kind and o.number and n.number:
            out[_ref_key(o.kind, o.number)] = _ref_key(n.kind, n.number)
    return out


def _all_pairs(td: TextDiff) -> list[tuple[Any, Any]]:
    """Every paired (old unit, new unit); ``changes`` holds the unchanged pairs too."""
    return [(c.old, c.new) for c in td.changes if c.old is not None and c.new is not None]


def _cited(r: dict[str, Any]) -> tuple[str, str] | None:
    if r.get("to_point") is not None:
        return "point", str(r["to_point"])
    if r.get("to_appendix") is not None:
        return "appendix", str(r["to_appendix"])
    return None


def stale_references(old_doc: Document, new_doc: Document, td: TextDiff) -> list[dict[str, Any]]:
    """References of the new text that kept a number the renumbering gave to another provision.

    Each item: ``from_point`` (new text), ``from_point_old``, ``kind`` (point | appendix), ``cited``
    (the number as printed), ``now`` (the number the cited provision of the old text has now, None
    when it was removed and its number went to another provision),
    ``quote`` and ``start``/``end`` in the new text's source."""
    mapping = _renumbering(td)
    if all(k == v for k, v in mapping.items()):
        return []
    from ..extract.xrefs import cross_references

    new_to_old = {v: k for k, v in mapping.items()}
    new_numbers = {_ref_key(u.kind, u.number) for u in td.new_units if u.kind in ("point", "appendix")}
    removed = {
        _ref_key(c.old.kind, c.old.number)
        for c in td.changes
        if c.change == "removed" and c.old is not None and c.old.kind in ("point", "appendix")
    }
    old_refs: dict[str, Counter[tuple[str, str]]] = {}
    for r in cross_references(old_doc)[0]:
        c = _cited(r)
        if c is not None:
            old_refs.setdefault(str(r["from_point"]), Counter())[c] += 1
    out: list[dict[str, Any]] = []
    for r in cross_references(new_doc)[0]:
        c = _cited(r)
        src_new = str(r["from_point"])
        src_old = new_to_old.get(src_new)
        if c is None or src_old is None:
            continue
        kind, number = c
        old_key = _ref_key(kind, number)
        now = mapping.get(old_key)
        if old_refs.get(src_old, Counter())[c] == 0:
            continue
        if now is None:
            # the cited provision was removed and its number now names another one
            if old_key not in removed or old_key not in new_numbers or new_to_old.get(old_key) == old_key:
                continue
        elif now == old_key:
            continue
        out.append(
            {
                "from_point": src_new,
                "from_point_old": src_old,
                "kind": kind,
                "cited": number,
                "now": None if now is None else (now[3:] if kind == "appendix" else now),
                "quote": r.get("quote", ""),
                "start": r.get("start"),
                "end": r.get("end"),
            }
        )
    return out
