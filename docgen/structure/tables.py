"""Stage 3 (structure): tables of the appendix forms, rebuilt from flattened text.

Consumes the normalised lines of one appendix and the :class:`docgen.model.NormalizedText` (to see
whether a row was an HTML fragment in the raw text); produces :class:`docgen.model.Table` records.

Two layouts are recognised:

* ``tabs``: one row per line, cells separated by tabs (blank lines inside a table are allowed);
  rows that were HTML fragments in the raw text give the layout ``html``;
* ``cell_per_line``: a line that starts with one tab ("\\t" or "\\tText") opens a cell; the cell's
  text runs over the following lines; an empty line right after a bare "\\t" line is an empty cell;
  an empty line after a cell's content ends the row; a text line when no cell is open, or two
  empty lines between rows, end the table.
"""

from __future__ import annotations

import re

from ..model import NormalizedText, Table
from ._text import Line

__all__ = ["parse_tables"]

_HTML = re.compile(r"(?i)</?(?:p|ul|ol|li|br|div|span|td|tr|table)\b")


def _kind(ln: Line) -> str:
    t = ln.text
    if t == "":
        return "empty"
    if t.startswith("\t") and "\t" not in t[1:]:
        return "cell"
    if "\t" in t:
        return "row"
    return "text"


def _tabs_table(lines: list[Line], i: int, hi: int) -> tuple[list[tuple[str, ...]], int]:
    rows: list[tuple[str, ...]] = []
    last = i
    j = i
    while j < hi:
        k = _kind(lines[j])
        if k == "row":
            rows.append(tuple(c.strip() for c in lines[j].text.split("\t")))
            last = j
        elif k == "empty":
            if j + 1 < hi and _kind(lines[j + 1]) == "row":
                j += 1
                continue
            break
        else:
            break
        j += 1
    return rows, last


def _cell_table(lines: list[Line], i: int, hi: int) -> tuple[list[tuple[str, ...]], int]:
    rows: list[tuple[str, ...]] = []
    row: list[str] = []
    cell: list[str] | None = None
    fresh = False
    last = i
    blanks = 0
    j = i
    while j < hi:
        ln = lines[j]
        k = _kind(ln)
        if k == "row":
            break
        if k == "empty" and cell is None and not row:
            blanks += 1
            if blanks >= 2:
                break
            j += 1
            continue
        blanks = 0
        if k == "cell":
            if cell is not None:
                row.append("\n".join(cell))
            content = ln.text[1:].strip()
            cell = [content] if content else []
            fresh = not content
            last = j
        elif k == "empty":
            if cell is not None and fresh:
                row.append("")
                cell, fresh = None, False
            elif cell is not None:
                row.append("\n".join(cell))
                cell = None
                rows.append(tuple(row))
                row = []
            else:
                rows.append(tuple(row))
                row = []
        else:  # text
            if cell is None:
                break
            cell.append(ln.stripped)
            fresh = False
            last = j
        j += 1
    if cell is not None:
        row.append("\n".join(cell))
    if row:
        rows.append(tuple(row))
    # a short all-empty last row is layout residue (a cell opened right before the table ends)
    while len(rows) > 1 and not any(rows[-1]) and len(rows[-1]) < len(rows[-2]):
        rows.pop()
    return rows, last


def parse_tables(lines: list[Line], norm: NormalizedText, lo: int, hi: int) -> list[Table]:
    """Tables found on lines ``lo``..``hi``-1 (tables with no text in any cell are dropped)."""
    tables: list[Table] = []
    i = lo
    while i < hi:
        k = _kind(lines[i])
        if k == "row":
            rows, last = _tabs_table(lines, i, hi)
            layout = "tabs"
        elif k == "cell":
            rows, last = _cell_table(lines, i, hi)
            layout = "cell_per_line"
        else:
            i += 1
            continue
        start, end = lines[i].start, lines[last].end
        if any(c for r in rows for c in r):
            if layout == "tabs" and _HTML.search(norm.raw_slice(start, end)):
                layout = "html"
            tables.append(Table(start, end, tuple(rows), layout))
        i = last + 1
    return tables
