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
from .special import labels

_NUMBERED = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s+(\S.*)$")
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
    return re.sub(r"\s+", " ", name).strip().rstrip("*").strip().rstrip(".").strip()


def table_rows(app: Appendix) -> tuple[list[str], list[str]]:
    """(rows, columns) of the appendix's main table."""
    rows: list[str] = []
    columns: list[str] = []
    for table in app.tables:
        for cells in table.rows:
            vals = [c.strip() for c in cells]
            nonempty = [v for v in vals if v]
            if not nonempty:
                continue
            if not columns and len(nonempty) >= 2 and not _NUMBERED.match(nonempty[0]) and not rows:
                if not re.match(r"^\d", nonempty[0]) or nonempty[0].startswith("№"):
                    columns = nonempty
                    continue
            first = nonempty[0]
            m = _NUMBERED.match(first)
            if m:
                name = m.group(2)
            elif re.fullmatch(r"\d{1,2}", first) and len(nonempty) > 1:
                name = nonempty[1]
            else:
                continue
            name = _clean(name)
            if name and not name.lower().startswith(_TOTAL) and name not in rows:
                rows.append(name)
    return rows, columns


def extract_forms(doc: Document) -> list[dict[str, Any]]:
    out = []
    text = doc.norm.text
    for app in doc.appendices:
        body = text[app.start : app.end]
        kind = form_kind(app, body, doc.language)
        rows, columns = table_rows(app)
        out.append(
            {
                "appendix": app.number,
                "kind": kind,
                "title": app.title,
                "rows": rows,
                "columns": columns,
            }
        )
    return out
