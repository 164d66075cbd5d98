"""Batch stage: a minimal streaming .xlsx writer for the summary (one sheet, text and numbers).

Consumes rows of values; produces a valid SpreadsheetML workbook: the first row (``header=True``)
bold and frozen and repeated on every printed page, text wrapped and top-aligned in columns of the
widths given, scores shown with two decimals (the reader's locale puts the decimal comma), printed
A4 landscape one page wide. Rows are streamed into a
temporary sheet file, so memory stays flat; strings are written as inline strings (never
formulas, whatever they start with), numbers as numbers. Characters XML 1.0 cannot carry (C0
controls but tab and newline, CR, lone surrogates, U+FFFE/U+FFFF) are written as the OOXML
escape ``_xHHHH_`` (and a literal ``_xHHHH_`` in the text as ``_x005F_xHHHH_``), so one bad cell
can never make the workbook unreadable. openpyxl's write-only mode costs about a
millisecond a row, which alone would halve the batch's throughput; this costs a few microseconds.
"""

from __future__ import annotations

import math
import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from markupsafe import escape

from .._atomic import open_tmp

_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WB = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
    "<definedNames>{names}</definedNames></workbook>"
)
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/></Relationships>'
)
# cell styles: 0 default, 1 heading (bold, wrapped), 2 text (wrapped), 3 score (0.00), 4 whole number
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">'
    '<alignment vertical="top"/></xf>'
    '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">'
    '<alignment vertical="top"/></xf>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
    'state="frozen"/></sheetView></sheetViews>'
)
_PAGE = (
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
)
_SHEET_REL = (
    '<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'hyperlink" Target="{target}" TargetMode="External"/>'
)
_RELS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
)


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def _ooxml_escape(m: re.Match[str]) -> str:
    ch = m.group()
    return "_x005F_" if ch == "_" else f"_x{ord(ch):04X}_"


def xlsx_text(text: str) -> str:
    """``text`` with every character XML cannot carry escaped as ``_xHHHH_`` (Excel decodes it)."""
    return _NOT_XML.sub(_ooxml_escape, text)


# what xlsx_text or escape would change: markup and quote characters, what XML cannot carry, "_xHHHH_"
_NEEDS_ESCAPE = re.compile(r"[&<>\"'\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to, word by word, in a column ``width`` characters wide."""
    n = 0
    for part in text.split("\n"):
        n += 1
        used = 0
        for word in part.split():
            if used and used + 1 + len(word) > width:
                n += 1
                used = 0
            used += (1 if used else 0) + len(word)
            while used > width:  # a word longer than the column breaks anywhere
                n += 1
                used -= int(width)
    return n


def _cell(value: Any, text_style: int = 2) -> str:
    if type(value) is str and _NEEDS_ESCAPE.search(value) is None:  # most cells: the text as it is
        return f'<c s="{text_style}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int):
        return f'<c s="4"><v>{value}</v></c>'
    if isinstance(value, float) and math.isfinite(value):
        return f'<c s="3"><v>{value}</v></c>'
    text = "" if value is None else xlsx_text(str(value))
    return f'<c s="{text_style}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def column_letter(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


class StreamingXlsx:
    """``add(row, links)`` many times, then ``save(path)`` once (or ``discard()``).

    ``links`` maps a column index to a relative file name the cell links to (a hyperlink
    relationship, never a formula); the links are streamed to their own temporary files.
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        sheet_name: str,
        widths: Sequence[float] = (),
        wrapped: int | None = None,
        printed: int | None = None,
    ) -> None:
        """``widths``: column widths in characters; ``wrapped``: how many first columns wrap their
        text (the rest stay on one line); ``printed``: how many first columns are printed."""
        fd, self._tmp = open_tmp(Path(folder) / "summary-sheet.xml")
        self._fh = os.fdopen(fd, "w", encoding="utf-8")
        self._fh.write(_SHEET_HEAD)
        if widths:
            self._fh.write(
                "<cols>"
                + "".join(
                    f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1)
                )
                + "</cols>"
            )
        self._fh.write("<sheetData>")
        fd, self._links_tmp = open_tmp(Path(folder) / "summary-links.xml")
        self._links = os.fdopen(fd, "w", encoding="utf-8")
        fd, self._rels_tmp = open_tmp(Path(folder) / "summary-rels.xml")
        self._rels = os.fdopen(fd, "w", encoding="utf-8")
        self._rels.write(_RELS_HEAD)
        self._name = sheet_name
        self._widths = tuple(widths)
        self._wrapped = len(self._widths) if wrapped is None else wrapped
        self._printed = printed
        self._row = 0
        self._nlinks = 0

    def add(self, row: Sequence[Any], links: dict[int, str] | None = None, header: bool = False) -> None:
        self._row += 1
        wrapped = self._wrapped
        style = 1 if header else 2
        cells = "".join(_cell(v, style if header or i < wrapped else 0) for i, v in enumerate(row))
        lines = max(
            (
                _lines(v, w)
                for v, w in zip(row[:wrapped], self._widths[:wrapped], strict=False)
                if isinstance(v, str) and len(v) > w
            ),
            default=1,
        )
        if lines > 1:  # readers do not grow a row to its wrapped text by themselves
            self._fh.write(f'<row ht="{15 * min(lines, 27)}" customHeight="1">{cells}</row>')
        else:
            self._fh.write(f"<row>{cells}</row>")
        for col, target in (links or {}).items():
            self._nlinks += 1
            ref = f"{column_letter(col)}{self._row}"
            self._links.write(f'<hyperlink ref="{ref}" r:id="rId{self._nlinks}"/>')
            self._rels.write(_SHEET_REL.format(n=self._nlinks, target=escape(target)))

    def save(self, path: str | os.PathLike[str]) -> None:
        self._links.close()
        self._rels.write("</Relationships>")
        self._rels.close()
        self._fh.write("</sheetData>")
        if self._nlinks:
            self._fh.write("<hyperlinks>")
            with open(self._links_tmp, encoding="utf-8") as fh:
                for block in iter(lambda: fh.read(1 << 20), ""):
                    self._fh.write(block)
            self._fh.write("</hyperlinks>")
        self._fh.write(_PAGE + "</worksheet>")
        self._fh.close()
        try:
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("[Content_Types].xml", _CT)
                zf.writestr("_rels/.rels", _RELS)
                name = "'" + self._name.replace("'", "''") + "'"
                names = f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{escape(name)}!$1:$1</definedName>'
                if self._printed:
                    area = f"{name}!$A$1:${column_letter(self._printed - 1)}${max(1, self._row)}"
                    names += (
                        f'<definedName name="_xlnm.Print_Area" localSheetId="0">{escape(area)}</definedName>'
                    )
                zf.writestr("xl/workbook.xml", _WB.format(name=escape(self._name), names=names))
                zf.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
                zf.writestr("xl/styles.xml", _STYLES)
                zf.write(self._tmp, "xl/worksheets/sheet1.xml")
                if self._nlinks:
                    zf.write(self._rels_tmp, "xl/worksheets/_rels/sheet1.xml.rels")
        finally:
            self.discard()

    def discard(self) -> None:
        for fh in (self._fh, self._links, self._rels):
            if not fh.closed:
                fh.close()
        for tmp in (self._tmp, self._links_tmp, self._rels_tmp):
            Path(tmp).unlink(missing_ok=True)
