"""Diff stage edge: :class:`DiffResult` -> JSON-ready dict and a plain-text report.

Consumes a DiffResult; produces ``to_json(result)`` ({"parameters", "text", "forms",
"form_assignment", "document", "edit_notes", "summary"}) and ``to_text(result)`` (a readable report
for lawyers: rule changes with both source points, then point-by-point text changes with the words
that changed). Unchanged units are left out of both.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from . import DiffResult
from .text import TextDiff, UnitChange, word_diff

__all__ = ["to_json", "to_text", "change_json", "value_text"]


def _edits(ch: UnitChange, limit: int = 200) -> list[dict[str, str]]:
    if ch.old is None or ch.new is None or not ch.modified:
        return []
    ops = word_diff(ch.old.content, ch.new.content)
    return [{"op": op, "old": o, "new": n} for op, o, n in ops if op != "equal"][:limit]


def change_json(ch: UnitChange) -> dict[str, Any]:
    return {
        "kind": ch.kind,
        "old_point": ch.old.ref if ch.old else None,
        "new_point": ch.new.ref if ch.new else None,
        "change": ch.change,
        "similarity": ch.similarity,
        "modified": ch.modified,
        "edits": _edits(ch),
        "edit_notes": ch.notes,
    }


def _notes_json(td: TextDiff) -> list[dict[str, Any]]:
    return [
        {
            "index": k,
            "target": m.note.target,
            "kind": m.note.kind,
            "act_date": m.note.act_date,
            "act_number": m.note.act_number,
            "text": m.note.text,
            "status": m.status,
            "changes": [
                {
                    "old_point": td.changes[i].old_ref,
                    "new_point": td.changes[i].new_ref,
                    "change": td.changes[i].change,
                }
                for i in m.changes
            ],
        }
        for k, m in enumerate(td.notes)
    ]


def to_json(r: DiffResult) -> dict[str, Any]:
    rules = r.rules or {}
    td = r.text
    text = [change_json(c) for c in td.changes if c.change != "unchanged"] if td else []
    summary: dict[str, Any] = {
        "old": r.old_label,
        "new": r.new_label,
        "rule_changes": len(rules.get("parameters", [])) if r.rules is not None else None,
        "text_changes": dict(Counter(c["change"] for c in text)) if td else None,
        "text_skipped": r.text_skipped,
        "empty": r.is_empty,
    }
    return {
        "summary": summary,
        "document": rules.get("document", []),
        "parameters": rules.get("parameters", []),
        "forms": rules.get("forms", []),
        "form_assignment": rules.get("form_assignment", []),
        "text": text,
        "edit_notes": _notes_json(td) if td else [],
    }


def value_text(side: dict[str, Any] | None) -> str:
    if side is None:
        return "—"
    v = side.get("value")
    if isinstance(v, list):
        shown = json.dumps(v, ensure_ascii=False)
        v = shown if len(shown) <= 80 else f"[{len(v)} items]"
    elif isinstance(v, bool):
        v = "yes" if v else "no"
    unit = side.get("unit")
    point = side.get("point")
    return f"{v}{' ' + unit if unit else ''}" + (f" (p. {point})" if point else "")


def _rule_lines(rules: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for d in rules.get("document", []):
        lines.append(f"  document.{d['field']}: {d['old']} -> {d['new']}")
    for p in rules.get("parameters", []):
        lines.append(f"  [{p['change']}] {p['key']}: {value_text(p['old'])} -> {value_text(p['new'])}")
        for row in p.get("rows", []):
            lines.append(
                f"      row {row['old_row'] or '-'}->{row['new_row'] or '-'} {row['change']}: {row['old']} -> {row['new']}"
            )
        if p.get("note"):
            lines.append(f"      ({p['note']})")
    for f in rules.get("forms", []):
        o, n = f.get("old") or {}, f.get("new") or {}
        lines.append(
            f"  [form {f['change']}] {f['kind']}: app. {o.get('appendix', '-')} -> app. {n.get('appendix', '-')}"
        )
        for part in ("rows", "columns"):
            for row in f.get(part, []):
                lines.append(f"      {part[:-1]} {row['change']}: {row['old']!r} -> {row['new']!r}")
    for a in rules.get("form_assignment", []):

        def fmt(xs: list[dict[str, Any]] | None) -> str:
            if not xs:
                return "—"
            return ", ".join(
                f"{x.get('form_kind') or 'app. ' + str(x.get('form_appendix'))} by {x.get('evaluator')}"
                for x in xs
            )

        lines.append(f"  [assignment {a['change']}] {a['category']}: {fmt(a['old'])} -> {fmt(a['new'])}")
    return lines


def _inline(ch: UnitChange, width: int = 400) -> str:
    if ch.old is None or ch.new is None:
        return ""
    out: list[str] = []
    for op, o, n in word_diff(ch.old.content, ch.new.content):
        if op == "equal":
            out.append(o if len(o) < 60 else o[:25] + " … " + o[-25:])
        else:
            out.append(f"[-{o}-]" if o else "")
            out.append(f"{{+{n}+}}" if n else "")
    s = "".join(out)
    return s if len(s) <= width else s[:width] + " …"


def to_text(r: DiffResult) -> str:
    lines = [f"docgen diff: {r.old_label} -> {r.new_label}"]
    if r.rules is not None:
        rl = _rule_lines(r.rules)
        lines.append(f"Rule changes: {len(r.rules.get('parameters', []))} parameter(s)")
        lines += rl or ["  none"]
    if r.text is None:
        lines.append(f"Text: not compared — {r.text_skipped}")
    else:
        changes = [c for c in r.text.changes if c.change != "unchanged"]
        lines.append(f"Text changes: {len(changes)}")
        for c in changes:
            label = f"{c.kind} {c.old_ref or '-'} -> {c.new_ref or '-'}"
            extra = f" (similarity {c.similarity:.2f})" if c.old and c.new else ""
            lines.append(f"  [{c.change}] {label}{extra}")
            if c.old and c.new and c.modified:
                lines.append("      " + _inline(c))
            for k in c.notes:
                lines.append(f"      announced by note: {r.text.notes[k].note.text[:120]}")
        for m in r.text.notes:
            if m.status != "matched":
                lines.append(f"  [note {m.status}] {m.note.target}: {m.note.text[:120]}")
    if r.is_empty:
        lines.append("No differences.")
    return "\n".join(lines) + "\n"
