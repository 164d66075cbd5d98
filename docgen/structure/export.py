"""Stage 3 edge: :class:`docgen.model.Document` -> structure JSON (dict) and a plain-text outline.

Consumes a parsed Document; produces ``structure_json(doc)`` (``document`` header fields,
``structure`` lists as printed, ``repairs`` made by normalisation) and ``outline_text(doc)`` (an
indented outline: chapters, points with their first words, appendices with table sizes).
"""

from __future__ import annotations

from typing import Any

from ..model import Document, EditNote, Point

__all__ = ["structure_json", "outline_text", "edit_note_json"]


def edit_note_json(n: EditNote) -> dict[str, Any]:
    return {
        "target": n.target,
        "kind": n.kind,
        "text_quote": n.text,
        "amending_act_date": n.act_date,
        "amending_act_number": n.act_number,
    }


def _chapter_points(doc: Document, number: int) -> list[str]:
    pts = [p.number for p in doc.points if p.chapter == number]
    return [pts[0], pts[-1]] if pts else []


def structure_json(doc: Document) -> dict[str, Any]:
    h = doc.header
    document = {
        "issuer": h.issuer,
        "act_type": h.act_type,
        "act_type_as_printed": h.act_type_as_printed,
        "act_date": h.act_date,
        "act_number": h.act_number,
        "registration_number": h.registration_number,
        "registration_date": h.registration_date,
        "title": h.title,
        "language": doc.language,
        "status": "repealed" if h.repealed else "in_force",
        "repealed_by": h.repealed_by,
        "edit_notes": [edit_note_json(n) for n in h.edit_notes],
    }
    if doc.structure_quality != "numbered":  # only a text without point numbers carries the field
        document["structure_quality"] = doc.structure_quality
    structure = {
        "chapters": [
            {"number": c.number, "title": c.title, "points": _chapter_points(doc, c.number)}
            for c in doc.chapters
        ],
        "deleted_chapters": [c.number for c in doc.chapters if c.deleted],
        "points": [p.number for p in doc.points],
        "approving_points": [p.number for p in doc.approving_points],
        "appendices": [a.number for a in doc.appendices],
        "subpoints": {p.number: [s.number for s in p.subpoints] for p in doc.points if p.subpoints},
        "deleted_points": [p.number for p in doc.points if p.deleted],
        "deleted_subpoints": {
            p.number: [s.number for s in p.subpoints if s.deleted]
            for p in doc.points
            if any(s.deleted for s in p.subpoints)
        },
        "numbering_issues": [dict(i) for i in doc.numbering_issues],
    }
    return {"document": document, "structure": structure, "repairs": [r.to_json() for r in doc.norm.repairs]}


def _first_words(doc: Document, p: Point, n: int = 8) -> str:
    body = doc.text[p.start : p.end].split(None, 1)
    rest = body[1] if len(body) > 1 else ""
    words = rest.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def outline_text(doc: Document) -> str:
    h = doc.header
    out: list[str] = []
    status = "repealed" if h.repealed else "in force"
    out.append(
        f"{h.act_type or 'act'} {h.act_date or '?'} No. {h.act_number or '?'} [{doc.language}, {status}]"
    )
    if h.issuer:
        out.append(f"  issuer: {h.issuer}")
    if h.registration_number:
        out.append(f"  registered: No. {h.registration_number} ({h.registration_date or '?'})")
    for n in h.edit_notes:
        out.append(f"  note: {n.kind} {n.target} by {n.act_date or '?'} No. {n.act_number or '?'}")
    if doc.approving_points:
        out.append("approving points: " + ", ".join(p.number for p in doc.approving_points))
    chap_seen: set[int] = set()
    for p in doc.points:
        if p.chapter is not None and p.chapter not in chap_seen:
            chap_seen.add(p.chapter)
            c = next(c for c in doc.chapters if c.number == p.chapter)
            out.append(f"chapter {c.number}. {c.title}")
        flag = " [deleted]" if p.deleted else ""
        out.append(f"  {p.number}. {_first_words(doc, p)}{flag}")
        if p.subpoints:
            out.append(f"      sub-points: {', '.join(s.number + ')' for s in p.subpoints)}")
    for c in doc.chapters:
        if c.number not in chap_seen:
            out.append(f"chapter {c.number}. {c.title}" + (" [deleted]" if c.deleted else ""))
    for a in doc.appendices:
        sizes = ", ".join(
            f"{len(t.rows)}x{max((len(r) for r in t.rows), default=0)} {t.layout}" for t in a.tables
        )
        printed = f" (printed {a.number_as_printed})" if a.number_as_printed != str(a.number) else ""
        out.append(f"appendix {a.number}{printed}: {a.title or '(no title)'}")
        out.append(f"  tables: {sizes or 'none'}")
    for i in doc.numbering_issues:
        out.append("issue: " + ", ".join(f"{k}={v}" for k, v in i.items() if k != "text"))
    return "\n".join(out) + "\n"
