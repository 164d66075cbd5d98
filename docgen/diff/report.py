"""Diff stage edge: :class:`DiffResult` -> JSON-ready dict and a plain-text report, in kk or ru.

Consumes a DiffResult and the report language (default: the new act's); produces ``to_json(result)``
({"parameters", "text", "forms", "form_assignment", "document", "edit_notes", "summary",
"stale_references", "language"}: the language-neutral fields of ``diff_rules`` kept as they are, each
entry gaining ``label`` fields in the report language) and ``to_text(result)`` (a readable report
for lawyers: rule changes with both source points, then point-by-point text changes with the words
that changed, then the references a renumbering left pointing elsewhere). Every word comes from
``docgen/diff/messages.yaml`` and the shared ``docgen/data/labels.yaml``. Unchanged units are left
out of both.
"""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

from ..data.labels import (
    category_label,
    doc_field_label,
    doc_value_text,
    evaluator_label,
    form_label,
    key_label,
    number_text,
    point_name,
)
from ..data.labels import value_text as words_for_value
from . import DiffResult
from .lang import msg, report_language
from .text import TextDiff, UnitChange, word_diff

__all__ = [
    "to_json",
    "to_text",
    "change_json",
    "value_text",
    "labelled_rules",
    "unit_label",
    "stale_lines",
    "skipped_text",
]

_LIST_CHARS = 160


def _lang(r: DiffResult, lang: str | None) -> str:
    return report_language(lang, r.language)


def change_label(change: str, lang: str) -> str:
    return msg(f"change.{change}", lang)


def _value_words(key: str, value: Any, unit: str | None, lang: str) -> str:
    text = words_for_value(key, value, unit, lang)
    if isinstance(value, list) and len(text) > _LIST_CHARS:
        return msg("list_count", lang, n=len(value))
    return text


def value_text(side: dict[str, Any] | None, lang: str = "ru", key: str = "") -> str:
    """One side of a parameter change in words: «1 месяц (пункт 5)», «1 ай (5-тармақ)»."""
    if side is None:
        return "—"
    text = _value_words(key, side.get("value"), side.get("unit"), lang)
    point = side.get("point")
    return msg("value_with_point", lang, value=text, point=point_name(point, lang)) if point else text


def _row_label(part: str, row: dict[str, Any], lang: str) -> str:
    o, n = row.get("old_row"), row.get("new_row")
    return f"{msg(f'row_part.{part}', lang)}: {o if o is not None else '—'} → {n if n is not None else '—'}"


def _row_value(key: str, value: Any, unit: str | None, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return f"«{words_for_value(key, value, unit, lang)}»"
    return words_for_value(key, value, unit, lang)


def _assignment_item(x: dict[str, Any], lang: str) -> str:
    form = (
        form_label(x["form_kind"], lang)
        if x.get("form_kind")
        else point_name(f"app{x.get('form_appendix')}", lang)
    )
    return msg("assignment_item", lang, form=form, evaluator=evaluator_label(x.get("evaluator"), lang))


def _assignments(xs: list[dict[str, Any]] | None, lang: str) -> str:
    return "; ".join(_assignment_item(x, lang) for x in xs) if xs else "—"


def _appendix(brief: dict[str, Any] | None, lang: str) -> str:
    if not brief or brief.get("appendix") is None:
        return "—"
    return point_name(f"app{brief['appendix']}", lang)


def labelled_rules(rules: dict[str, Any], lang: str) -> dict[str, Any]:
    """A copy of ``diff_rules`` output with ``label`` fields in ``lang``; the original is untouched."""
    out = copy.deepcopy(rules)
    for d in out.get("document", []):
        d["label"] = doc_field_label(d["field"], lang)
        d["old_label"] = doc_value_text(d["field"], d.get("old"), lang)
        d["new_label"] = doc_value_text(d["field"], d.get("new"), lang)
    for p in out.get("parameters", []):
        key = p["key"]
        p["label"] = key_label(key, lang)
        p["change_label"] = change_label(p["change"], lang)
        for side in ("old", "new"):
            s = p.get(side)
            if s is not None:
                s["label"] = _value_words(key, s.get("value"), s.get("unit"), lang)
                s["point_label"] = point_name(s["point"], lang) if s.get("point") else None
        unit = (p.get("new") or p.get("old") or {}).get("unit")
        for row in p.get("rows", []):
            row["label"] = _row_label("rows", row, lang)
            row["change_label"] = change_label(row["change"], lang)
            row["old_label"] = _row_value(key, row.get("old"), unit, lang)
            row["new_label"] = _row_value(key, row.get("new"), unit, lang)
        if p.get("note"):
            p["note_label"] = msg("by_count", lang)
    for f in out.get("forms", []):
        f["label"] = form_label(f["kind"], lang)
        f["change_label"] = change_label(f["change"], lang)
        f["old_label"] = _appendix(f.get("old"), lang)
        f["new_label"] = _appendix(f.get("new"), lang)
        for part in ("rows", "columns"):
            for row in f.get(part, []):
                row["label"] = _row_label(part, row, lang)
                row["change_label"] = change_label(row["change"], lang)
                row["old_label"] = _row_value("", row.get("old"), None, lang)
                row["new_label"] = _row_value("", row.get("new"), None, lang)
            if f.get(f"{part}_note"):
                f[f"{part}_note_label"] = msg("by_count", lang)
    for a in out.get("form_assignment", []):
        a["label"] = category_label(str(a["category"]), lang)
        a["change_label"] = change_label(a["change"], lang)
        for side in ("old", "new"):
            for x in a.get(side) or []:
                x["label"] = _assignment_item(x, lang)
                x["point_label"] = point_name(x["point"], lang) if x.get("point") else None
        a["old_label"] = _assignments(a.get("old"), lang)
        a["new_label"] = _assignments(a.get("new"), lang)
    return out


def unit_label(ch: UnitChange, lang: str) -> str:
    """«пункт 12 → пункт 13» for a renumbered unit, else the one name («5-тармақ»)."""
    o = point_name(ch.old_ref, lang) if ch.old_ref else None
    n = point_name(ch.new_ref, lang) if ch.new_ref else None
    if o and n and o != n:
        return f"{o} → {n}"
    return str(n or o or "—")


def _edits(ch: UnitChange, limit: int = 200) -> list[dict[str, str]]:
    if ch.old is None or ch.new is None or not ch.modified:
        return []
    ops = word_diff(ch.old.content, ch.new.content)
    return [{"op": op, "old": o, "new": n} for op, o, n in ops if op != "equal"][:limit]


def change_json(ch: UnitChange, lang: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": ch.kind,
        "old_point": ch.old.ref if ch.old else None,
        "new_point": ch.new.ref if ch.new else None,
        "change": ch.change,
        "similarity": ch.similarity,
        "modified": ch.modified,
        "edits": _edits(ch),
        "edit_notes": ch.notes,
    }
    if lang:
        out["label"] = unit_label(ch, lang)
        out["old_label"] = point_name(ch.old_ref, lang) if ch.old_ref else None
        out["new_label"] = point_name(ch.new_ref, lang) if ch.new_ref else None
        out["change_label"] = change_label(ch.change, lang)
    return out


def _note_target(target: str, lang: str) -> str:
    return point_name(target, lang)


def _notes_json(td: TextDiff, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "index": k,
            "target": m.note.target,
            "target_label": _note_target(m.note.target, lang),
            "kind": m.note.kind,
            "act_date": m.note.act_date,
            "act_number": m.note.act_number,
            "text": m.note.text,
            "status": m.status,
            "status_label": msg(f"note_status.{m.status}", lang),
            "changes": [
                {
                    "old_point": td.changes[i].old_ref,
                    "new_point": td.changes[i].new_ref,
                    "change": td.changes[i].change,
                    "label": unit_label(td.changes[i], lang),
                }
                for i in m.changes
            ],
        }
        for k, m in enumerate(td.notes)
    ]


def stale_label(s: dict[str, Any], lang: str) -> str:
    kind = "app" if s["kind"] == "appendix" else ""
    if s.get("now") is None:
        return msg(
            "stale_removed",
            lang,
            where=point_name(s["from_point"], lang),
            quote=s.get("quote", ""),
            cited=point_name(f"{kind}{s['cited']}", lang),
        )
    return msg(
        "stale_item",
        lang,
        where=point_name(s["from_point"], lang),
        quote=s.get("quote", ""),
        cited=point_name(f"{kind}{s['cited']}", lang),
        now=point_name(f"{kind}{s['now']}", lang),
    )


def stale_lines(r: DiffResult, lang: str) -> list[str]:
    return [stale_label(s, lang) for s in r.stale_refs]


def skipped_text(r: DiffResult, lang: str) -> str | None:
    if r.skip_reason is None:
        return None
    langs = [doc_value_text("language", x, lang) for x in r.languages]
    return msg(f"skipped.{r.skip_reason}", lang, old=langs[0], new=langs[1])


def to_json(r: DiffResult, lang: str | None = None) -> dict[str, Any]:
    lg = _lang(r, lang)
    rules = labelled_rules(r.rules, lg) if r.rules is not None else {}
    td = r.text
    text = [change_json(c, lg) for c in td.changes if c.change != "unchanged"] if td else []
    summary: dict[str, Any] = {
        "old": r.old_label,
        "new": r.new_label,
        "rule_changes": len(rules.get("parameters", [])) if r.rules is not None else None,
        "text_changes": dict(Counter(c["change"] for c in text)) if td else None,
        "text_skipped": r.text_skipped,
        "text_skipped_label": skipped_text(r, lg),
        "stale_references": len(r.stale_refs),
        "empty": r.is_empty,
        "label": msg("title", lg, old=r.old_label, new=r.new_label),
    }
    return {
        "language": lg,
        "summary": summary,
        "document": rules.get("document", []),
        "parameters": rules.get("parameters", []),
        "forms": rules.get("forms", []),
        "form_assignment": rules.get("form_assignment", []),
        "text": text,
        "edit_notes": _notes_json(td, lg) if td else [],
        "stale_references": [{**s, "label": stale_label(s, lg)} for s in r.stale_refs],
    }


def _rule_lines(rules: dict[str, Any], lang: str) -> list[str]:
    lab = labelled_rules(rules, lang)
    lines: list[str] = []
    if lab.get("document"):
        lines.append(f"  {msg('document_heading', lang)}:")
        for d in lab["document"]:
            lines.append(f"    {d['label']}: {d['old_label']} → {d['new_label']}")
    for p in lab.get("parameters", []):
        old = value_text(rules_side(p, "old"), lang, p["key"])
        new = value_text(rules_side(p, "new"), lang, p["key"])
        lines.append(f"  [{p['change_label']}] {p['label']}: {old} → {new}")
        for row in p.get("rows", []):
            lines.append(
                f"      {row['label']}, {row['change_label']}: {row['old_label']} → {row['new_label']}"
            )
        if p.get("note_label"):
            lines.append(f"      ({p['note_label']})")
    if lab.get("forms"):
        lines.append(f"  {msg('forms_heading', lang)}:")
    for f in lab.get("forms", []):
        lines.append(f"  [{f['change_label']}] {f['label']}: {f['old_label']} → {f['new_label']}")
        for part in ("rows", "columns"):
            for row in f.get(part, []):
                lines.append(
                    f"      {row['label']}, {row['change_label']}: {row['old_label']} → {row['new_label']}"
                )
            if f.get(f"{part}_note_label"):
                lines.append(f"      ({f[f'{part}_note_label']})")
    if lab.get("form_assignment"):
        lines.append(f"  {msg('assignment_heading', lang)}:")
    for a in lab.get("form_assignment", []):
        lines.append(f"  [{a['change_label']}] {a['label']}: {a['old_label']} → {a['new_label']}")
    return lines


def rules_side(p: dict[str, Any], side: str) -> dict[str, Any] | None:
    s = p.get(side)
    return s if isinstance(s, dict) else None


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


def to_text(r: DiffResult, lang: str | None = None) -> str:
    lg = _lang(r, lang)
    lines = [msg("title", lg, old=r.old_label, new=r.new_label)]
    if r.rules is not None:
        n = len(r.rules.get("parameters", []))
        lines.append(f"{msg('rules_heading', lg)}: {msg('rules_count', lg, n=n)}")
        lines += _rule_lines(r.rules, lg) or [f"  {msg('none', lg)}"]
    if r.text is None:
        lines.append(skipped_text(r, lg) or "")
    else:
        changes = [c for c in r.text.changes if c.change != "unchanged"]
        lines.append(f"{msg('text_heading', lg)}: {msg('text_count', lg, n=len(changes))}")
        for c in changes:
            sim = number_text(round(c.similarity, 2))
            extra = f" ({msg('similarity', lg, x=sim)})" if c.old and c.new else ""
            lines.append(f"  [{change_label(c.change, lg)}] {unit_label(c, lg)}{extra}")
            if c.old and c.new and c.modified:
                lines.append("      " + _inline(c))
            for k in c.notes:
                lines.append("      " + msg("announced", lg, text=r.text.notes[k].note.text[:120]))
        for m in r.text.notes:
            if m.status != "matched":
                target = _note_target(m.note.target, lg)
                lines.append("  " + msg("note_unconfirmed", lg, target=target, text=m.note.text[:120]))
    if r.stale_refs:
        lines.append(f"{msg('stale_heading', lg)}:")
        lines += [f"  {s}" for s in stale_lines(r, lg)]
    if r.is_empty:
        lines.append(msg("no_differences", lg))
    return "\n".join(lines) + "\n"
