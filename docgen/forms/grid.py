"""Form stage: the act's table with a multi-level heading, printed as the act prints it.

Consumes a form's merged heading cells (``header`` of a catalogue form: what the structure stage
found in the appendix's table, e.g. «Жоспарлы мәні» over four quarters) and a rendered blank form
(DOCX bytes); produces the same document whose first table is rebuilt from those cells: one grid
column per sub-column, ``w:gridSpan`` for a cell over several sub-columns, ``w:vMerge`` for a cell
that runs down the heading rows, heading rows repeated on every page (``w:tblHeader``), rows that
never split (``w:cantSplit``), numbered blank rows under it. Column widths come from the heading's
words so no word breaks inside a column: the text is measured with a conservative Times New Roman
advance (0.54 em a letter, bold), the font goes down from 9 to 7 pt when the columns would leave less than
a third of the width to write in, and the room left over goes to the columns that are not sub-columns (names, notes).
The closing block stays with the table: when the template keeps its closing block together
(``w:keepNext``, :mod:`docgen.official`), the rebuilt table's last row is kept with it (LibreOffice
honours ``keepNext`` on the paragraphs of a table's last row: that row moves to the next page with
the signatures instead of leaving them alone there).
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from ..model import HeaderCell

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
_DOC = "word/document.xml"
_EM = 0.54  # advance of one letter, in em (bold Cyrillic in Times New Roman averages below it)
_CELL_MARGIN = 57  # twips (1 mm) left and right inside a cell
_SLACK = 60  # twips a column keeps beyond its longest word
_ROW_HEIGHT = 454  # twips (8 mm): room to write in a blank row
_SIZES = (9.0, 8.0, 7.0)  # heading font sizes tried, largest first
_ROOM = 0.3  # share of the width kept for the columns written in (names, notes) when the font allows


@dataclass(frozen=True)
class Grid:
    """A table to print: merged heading cells over ``columns`` grid columns, then ``rows`` blank rows
    (the first cell of each holds its number)."""

    cells: tuple[HeaderCell, ...]
    columns: int
    header_rows: int
    rows: int

    @classmethod
    def from_header(cls, header: Sequence[dict[str, object]], texts: Sequence[str], rows: int) -> Grid:
        cells = tuple(
            HeaderCell(
                str(t),
                int(str(c["row"])),
                int(str(c["col"])),
                int(str(c.get("colspan", 1))),
                int(str(c.get("rowspan", 1))),
            )
            for c, t in zip(header, texts, strict=True)
        )
        columns = max(c.col + c.colspan for c in cells)
        depth = max(c.row + c.rowspan for c in cells)
        return cls(cells, columns, depth, rows)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _w(tag))
    for k, v in attrs.items():
        el.set(_w(k), v)
    return el


def _word_twips(word: str, size: float) -> int:
    """Width of the widest unbreakable piece of ``word`` (a line may break after a hyphen)."""
    return round(max(len(piece) for piece in word.split("-")) * _EM * size * 20)


def _leaves(grid: Grid) -> list[HeaderCell | None]:
    """The heading cell that names each grid column alone (the lowest one-column cell over it)."""
    out: list[HeaderCell | None] = [None] * grid.columns
    for c in sorted(grid.cells, key=lambda c: c.row):
        if c.colspan == 1:
            out[c.col] = c
    return out


def _text(cell: HeaderCell | None) -> str:
    return cell.text if cell is not None else ""


def widths(grid: Grid, available: int) -> tuple[list[int], float]:
    """Column widths (twips) that sum to ``available`` and the heading font size (pt)."""
    leaves = _leaves(grid)
    size = _SIZES[-1]
    need: list[int] = []
    for size in _SIZES:
        need = [0] * grid.columns
        for c in grid.cells:
            longest = max((_word_twips(w, size) for w in c.text.split()), default=0)
            per = (longest + 2 * _CELL_MARGIN + _SLACK + c.colspan - 1) // c.colspan
            for k in range(c.col, c.col + c.colspan):
                need[k] = max(need[k], per)
        if sum(need) <= available * (1 - _ROOM):
            break
    # columns that are not sub-columns (a cell running down the whole heading) share the room left,
    # in proportion to the length of their text
    whole = [
        k
        for k, leaf in enumerate(leaves)
        if leaf is not None and leaf.row == 0 and leaf.rowspan == grid.header_rows
    ]
    spare = available - sum(need)
    if spare < 0:  # even the smallest font does not fit: narrower columns, in proportion
        need = [n * available // sum(need) for n in need]
        need[-1] += available - sum(need)
    elif spare > 0:
        if not whole:
            whole = list(range(grid.columns))
        weight = {k: max(len(_text(leaves[k])), 8) ** 0.5 for k in whole}
        total = sum(weight.values())
        for k in whole:
            need[k] += int(spare * weight[k] / total)
        need[whole[-1]] += available - sum(need)
    return need, size


def _cell(
    tr: etree._Element, width: int, text: str, *, span: int = 1, vmerge: str = "", bold: bool, size: float
) -> None:
    tc = _el(tr, "tc")
    pr = _el(tc, "tcPr")
    _el(pr, "tcW", w=str(width), type="dxa")
    if span > 1:
        _el(pr, "gridSpan", val=str(span))
    if vmerge == "restart":
        _el(pr, "vMerge", val="restart")
    elif vmerge:
        _el(pr, "vMerge")
    _el(pr, "vAlign", val="center")
    p = _el(tc, "p")
    ppr = _el(p, "pPr")
    _el(ppr, "spacing", before="0", after="0")
    _el(ppr, "jc", val="center")
    if text:
        r = _el(p, "r")
        rpr = _el(r, "rPr")
        if bold:
            _el(rpr, "b")
        _el(rpr, "sz", val=str(round(size * 2)))
        _el(rpr, "szCs", val=str(round(size * 2)))
        t = _el(r, "t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _row(tbl: etree._Element, *, heading: bool, height: int = 0) -> etree._Element:
    tr = _el(tbl, "tr")
    pr = _el(tr, "trPr")
    _el(pr, "cantSplit")
    if height:
        _el(pr, "trHeight", val=str(height), hRule="atLeast")
    if heading:
        _el(pr, "tblHeader")
    return tr


def build_table(grid: Grid, available: int, style: etree._Element | None = None) -> etree._Element:
    """The ``w:tbl`` of ``grid`` filling ``available`` twips."""
    cols, size = widths(grid, available)
    tbl = etree.Element(_w("tbl"))
    pr = _el(tbl, "tblPr")
    if style is not None:
        pr.append(copy.deepcopy(style))
    _el(pr, "tblW", w=str(sum(cols)), type="dxa")
    _el(pr, "jc", val="center")
    borders = _el(pr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _el(borders, side, val="single", sz="4", space="0", color="000000")
    _el(pr, "tblLayout", type="fixed")
    mar = _el(pr, "tblCellMar")
    _el(mar, "left", w=str(_CELL_MARGIN), type="dxa")
    _el(mar, "right", w=str(_CELL_MARGIN), type="dxa")
    g = _el(tbl, "tblGrid")
    for w in cols:
        _el(g, "gridCol", w=str(w))
    at = {(c.row, c.col): c for c in grid.cells}
    for r in range(grid.header_rows):
        tr = _row(tbl, heading=True)
        k = 0
        while k < grid.columns:
            c = at.get((r, k))
            if c is not None:
                _cell(
                    tr,
                    sum(cols[k : k + c.colspan]),
                    c.text,
                    span=c.colspan,
                    vmerge="restart" if c.rowspan > 1 else "",
                    bold=True,
                    size=size,
                )
                k += c.colspan
                continue
            above = next(
                (x for x in grid.cells if x.col == k and x.row < r < x.row + x.rowspan),
                None,
            )
            span = above.colspan if above is not None else 1
            _cell(
                tr,
                sum(cols[k : k + span]),
                "",
                span=span,
                vmerge="continue" if above else "",
                bold=True,
                size=size,
            )
            k += span
    for n in range(1, grid.rows + 1):
        tr = _row(tbl, heading=False, height=_ROW_HEIGHT)
        for k in range(grid.columns):
            _cell(tr, cols[k], str(n) if k == 0 else "", bold=False, size=size + 1)
    return tbl


def _available(body: etree._Element) -> int:
    sect = body.find(_w("sectPr"))
    size = sect.find(_w("pgSz")) if sect is not None else None
    mar = sect.find(_w("pgMar")) if sect is not None else None
    if size is None or mar is None:
        return 9355  # A4 portrait with the official margins
    return int(size.get(_w("w"), "11906")) - int(mar.get(_w("left"), "0")) - int(mar.get(_w("right"), "0"))


def _kept(p: etree._Element) -> bool:
    keep = p.find(f"{_w('pPr')}/{_w('keepNext')}")
    return keep is not None and keep.get(_w("val"), "true") not in ("false", "0")


def apply_grid(data: bytes, grid: Grid) -> bytes:
    """``data`` (a rendered blank form) with its first table replaced by ``grid``'s table."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(zin.read(_DOC), _PARSER)
    body = root.find(_w("body"))
    old = body.find(_w("tbl")) if body is not None else None
    if body is None or old is None:
        return data
    style = old.find(f"{_w('tblPr')}/{_w('tblStyle')}")
    new = build_table(grid, _available(body), style)
    after = old.getnext()
    kept = after is not None and after.find(f"{_w('pPr')}/{_w('keepNext')}") is not None
    if kept or any(_kept(p) for p in old.findall(_w("tr"))[-1].iter(_w("p"))):
        for p in new.findall(_w("tr"))[-1].iter(_w("p")):
            ppr = p.find(_w("pPr"))
            keep = etree.Element(_w("keepNext"))
            ppr.insert(0, keep)
    old.addprevious(new)
    body.remove(old)
    return _replace_document(
        zin, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    )


_PAGE_LINES = 30  # text lines of a landscape A4 page at 12 pt with the official margins
_LINE_CHARS = 45  # characters of a line in a table column of the forms (a conservative guess)


def _cell_lines(tc: etree._Element) -> int:
    """Text lines of a cell: its paragraphs', and a table inside it (a sheet's last rows, kept with
    the closing block in its table's last row) row by row, each row as tall as its tallest cell."""
    lines = 0
    for child in tc:
        if child.tag == _w("tbl"):
            lines += sum(_row_lines(tr) for tr in child.findall(_w("tr")))
        else:
            lines += sum(_paragraph_lines(p) for p in child.iter(_w("p")))
    return lines


def _row_lines(tr: etree._Element) -> int:
    return max((_cell_lines(tc) for tc in tr.findall(_w("tc"))), default=0)


def _paragraph_lines(p: etree._Element) -> int:
    parts = [""]
    for el in p.iter(_w("t"), _w("br")):
        if el.tag == _w("br"):
            parts.append("")
        else:
            parts[-1] += el.text or ""
    return sum(max(1, -(-len(x) // _LINE_CHARS)) for x in parts)


def release_tall_rows(data: bytes) -> bytes:
    """``data`` with ``w:cantSplit`` removed from table rows too tall for one page: Word cuts such a row
    off at the page's foot (its text is lost on paper), LibreOffice splits it anyway; a row of an act
    that long (001 app. 4 prints a category's indicators as one row) must be allowed to split."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(zin.read(_DOC), _PARSER)
    changed = False
    for tr in root.iter(_w("tr")):
        flag = tr.find(f"{_w('trPr')}/{_w('cantSplit')}")
        if flag is not None and _row_lines(tr) > _PAGE_LINES:
            flag.getparent().remove(flag)
            changed = True
    if not changed:
        return data
    return _replace_document(
        zin, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    )


def _replace_document(zin: zipfile.ZipFile, xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            item = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            item.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(item, xml if info.filename == _DOC else zin.read(info.filename))
    return out.getvalue()
