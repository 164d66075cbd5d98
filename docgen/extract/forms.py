"""Extraction stage, part 4: the forms held by the appendices.

Consumes the structure's appendices (title, tables); produces one entry per appendix:
``{"appendix", "kind", "title", "rows", "columns", "source"}``. The kind comes from the title
(or the opening text) by the ordered word rules of ``rules/labels.yaml``; rows are the numbered
parameter/criterion/competency names of the appendix's tables, as printed.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Appendix, Document
from .guidance import row_guidance
from .registry import labels

_TOTAL = ("орташа", "средняя", "средн", "итог", "қорытынды")


def _match_kind(probe: str, lang: str) -> str | None:
    for kind, words in labels()["form_kinds"][lang]:
        if all(any(alt in probe for alt in w.split("|")) for w in words):
            return str(kind)
    return None


def form_kind(app: Appendix, text: str, lang: str) -> str | None:
    """Kind of the form: word rules on the title, its subtitle (leader/staff), else the opening text."""
    title = f" {app.title.lower()} "
    at = text.find(app.title[:40]) if app.title else -1
    head = f" {text[at : at + len(app.title) + 160].lower()} " if at >= 0 else title
    kind = _match_kind(title, lang) if app.title else None
    if kind is None:
        kind = _match_kind(head, lang) or _match_kind(f" {text[:600].lower()} ", lang)
    elif kind.endswith("_staff") and _match_kind(head, lang) == kind.replace("_staff", "_leader"):
        kind = kind.replace("_staff", "_leader")
    return kind


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip()


_LINE_ROW = re.compile(r"^\s*(\d{1,2})(?:\.\s*|\t+)(?P<name>[^\t]+)")
_HAS_DIGIT = re.compile(r"\d")


def _is_total(name: str) -> bool:
    return name.lower().startswith(_TOTAL)


def _numbered_lines(body: str) -> list[str]:
    """Rows printed as numbered lines ("1. Name<TAB>..." or "1<TAB>Name<TAB>..."), with continuation lines."""
    rows: list[str] = []
    lines = body.split("\n")
    for i, line in enumerate(lines):
        m = _LINE_ROW.match(line)
        if not m:
            continue
        name = m.group("name")
        # a wrapped name continues on the next non-empty line starting in lower case
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and lines[j][:1].islower() and not name.rstrip().endswith("."):
            name += " " + lines[j].split("\t")[0]
        name = _clean(name)
        if _is_row_name(name) and name not in rows:
            rows.append(name)
    return rows


def _is_row_name(name: str) -> bool:
    return (
        bool(name) and not _is_total(name) and "__" not in name and "--" not in name and name[0] not in "(-"
    )


def table_rows(app: Appendix, body: str, kind: str | None) -> tuple[list[str], list[str]]:
    """(rows, columns) of the appendix's form as printed."""
    columns: list[str] = []
    first_cells: list[str] = []
    for table in app.tables:
        for cells in table.rows:
            nonempty = [c.strip() for c in cells if c.strip()]
            if not nonempty:
                continue
            if not columns and len(nonempty) >= 2 and not _HAS_DIGIT.match(nonempty[0]):
                columns = [_clean(c) for c in nonempty]
                continue
            first = cells[0].strip()
            if re.fullmatch(r"\d{1,2}\.?", first) and len(nonempty) > 1:
                first = nonempty[1]  # "№ | name | ..." tables
            first_cells.append(_clean(first))
    at = body.find(app.title) if app.title else -1
    text = body[at + len(app.title) :] if at >= 0 else body
    if kind == "kpi_score_table":
        return [c for c in first_cells if _HAS_DIGIT.search(c)], columns
    rows = _numbered_lines(text)
    if not rows:
        rows = [c for c in first_cells if _is_row_name(c) and not _HAS_DIGIT.match(c)]
        rows = list(dict.fromkeys(rows))
    return rows, columns


def extract_forms(doc: Document) -> list[dict[str, Any]]:
    out = []
    text = doc.norm.text
    for app in doc.appendices:
        body = text[app.start : app.end]
        kind = form_kind(app, body, doc.language)
        rows, columns = table_rows(app, body, kind)
        form: dict[str, Any] = {
            "appendix": app.number,
            "kind": kind,
            "title": app.title,
            "rows": rows,
            "columns": columns,
        }
        if kind in ("evaluation_sheet_leader", "evaluation_sheet_staff"):
            if app.caption.strip():
                form["caption"] = _clean(app.caption)
            guidance = row_guidance(app, rows, columns)
            if guidance:
                form["row_explanations"] = guidance
        out.append(form)
    return out
