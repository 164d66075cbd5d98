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

from ..model import HeaderCell, NormalizedText, Table
from ._text import Line

__all__ = ["parse_tables", "two_level_header", "with_header"]

_ROW_NUMBER = re.compile(r"\d{1,3}\.?")
_IMAGE = re.compile(r"(?i)\[(?:image|img|изображение|сурет)(?::[^\]\n]*)?\]")

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


def _gap(lines: list[Line], norm: NormalizedText | None, j: int, hi: int) -> tuple[int, bool]:
    """End of the run of empty lines starting at ``j`` and whether an image marker («[image: ]», a
    list bullet of the source) was among them."""
    m = j
    image = False
    while m < hi and lines[m].text == "":
        if norm is not None and lines[m].start > 0:
            gap = norm.raw[norm.offsets[lines[m].start - 1] + 1 : norm.offsets[lines[m].start]]
            image = image or bool(_IMAGE.search(gap))
        m += 1
    return m, image


def _rejoins(lines: list[Line], j: int, m: int, hi: int) -> bool:
    """One empty line (``j``) inside a cell's text: the text after it runs on, with at most one more
    empty line, into the next cell of the table."""
    if m != j + 1:
        return False
    k = m
    while k < hi and _kind(lines[k]) == "text":
        k += 1
    if k < hi and lines[k].text == "":
        k += 1
    return k < hi and _kind(lines[k]) == "cell"


def _cell_table(
    lines: list[Line], i: int, hi: int, norm: NormalizedText | None = None
) -> tuple[list[tuple[str, ...]], int]:
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
            m, image = _gap(lines, norm, j, hi)
            if (
                cell is not None
                and m < hi
                and _kind(lines[m]) == "text"
                and (image or _rejoins(lines, j, m, hi))
            ):
                # a bulleted list inside the cell (its bullets were images, blank lines now), or a
                # cell whose tab the scraper lost: its lines run on until the row's next cell
                j = m
                continue
            if cell is not None and fresh:
                row.append("")
                cell, fresh = None, False
            elif cell is not None:
                row.append("\n".join(cell))
                cell = None
                if not (
                    rows and len(row) < len(rows[0]) and m == j + 1 and m < hi and _kind(lines[m]) == "cell"
                ):
                    # one empty line before the next cell of a row that is still short of the
                    # heading's cells does not end the row
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


def two_level_header(rows: tuple[tuple[str, ...], ...]) -> tuple[HeaderCell, ...]:
    """The merged cells of a two-level heading in the table's first two rows, or ``()``.

    The flattened text prints a heading cell that stands over several sub-columns once, followed by
    empty cells, and prints its sub-columns in the second row (``Жоспарлы мәні | | | `` over
    ``1-тоқсан | 2-тоқсан | 3-тоқсан | 4-тоқсан``); a heading cell with nothing under it runs down
    both rows. The two rows are a heading when the first one starts with a label, every text of the
    second row stands under a first-row cell or its empty continuation, the second row does not start
    with a row number and at least one first-row cell spans two or more sub-columns."""
    if len(rows) < 2:
        return ()
    n = max(len(rows[0]), len(rows[1]))
    top = [*rows[0], *[""] * (n - len(rows[0]))]
    sub = [*rows[1], *[""] * (n - len(rows[1]))]
    if not top[0] or not any(sub) or _ROW_NUMBER.fullmatch(sub[0]):
        return ()
    starts = [j for j in range(n) if top[j]]
    cells: list[HeaderCell] = []
    spanned = False
    for k, j in enumerate(starts):
        nxt = starts[k + 1] if k + 1 < len(starts) else n
        under = [c for c in range(j, nxt) if sub[c]]
        if not under:
            if any(sub[c] for c in range(j, nxt)):
                return ()
            # nothing under it: the cell runs down both rows; trailing empty cells of the last
            # heading cell are padding of the flattened text, not columns
            cells.append(HeaderCell(top[j], 0, j, 1, 2))
            if nxt - j > 1 and k + 1 < len(starts):
                return ()  # empty columns inside the heading: not a heading we understand
            continue
        if under[0] != j or under != list(range(j, under[-1] + 1)):
            return ()  # a gap under a spanning cell: not a heading we understand
        width = under[-1] - j + 1
        if k + 1 < len(starts) and width != nxt - j:
            return ()
        spanned = spanned or width > 1
        cells.append(HeaderCell(top[j], 0, j, width, 1))
        cells.extend(HeaderCell(sub[c], 1, c) for c in under)
    if not spanned:
        return ()
    return tuple(cells)


def with_header(table: Table) -> Table:
    """``table`` with its two-level heading (if it has one) recorded."""
    header = two_level_header(table.rows)
    if not header:
        return table
    return Table(table.start, table.end, table.rows, table.layout, header, 2)


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
            rows, last = _cell_table(lines, i, hi, norm)
            layout = "cell_per_line"
        else:
            i += 1
            continue
        start, end = lines[i].start, lines[last].end
        if any(c for r in rows for c in r):
            if layout == "tabs" and _HTML.search(norm.raw_slice(start, end)):
                layout = "html"
            tables.append(with_header(Table(start, end, tuple(rows), layout)))
        i = last + 1
    return tables
