"""Batch stage: a minimal streaming .xlsx writer for the summary (one sheet, text and numbers).

Consumes rows of values; produces a valid SpreadsheetML workbook. Rows are streamed into a
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
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_TAIL = "</sheetData></worksheet>"


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def _ooxml_escape(m: re.Match[str]) -> str:
    ch = m.group()
    return "_x005F_" if ch == "_" else f"_x{ord(ch):04X}_"


def xlsx_text(text: str) -> str:
    """``text`` with every character XML cannot carry escaped as ``_xHHHH_`` (Excel decodes it)."""
    return _NOT_XML.sub(_ooxml_escape, text)


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
        return f"<c><v>{value}</v></c>"
    text = "" if value is None else xlsx_text(str(value))
    return f'<c t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


class StreamingXlsx:
    """``add(row)`` many times, then ``save(path)`` once (or ``discard()``)."""

    def __init__(self, folder: str | os.PathLike[str], sheet_name: str = "summary") -> None:
        fd, self._tmp = open_tmp(Path(folder) / "summary-sheet.xml")
        self._fh = os.fdopen(fd, "w", encoding="utf-8")
        self._fh.write(_SHEET_HEAD)
        self._name = sheet_name

    def add(self, row: Sequence[Any]) -> None:
        self._fh.write("<row>" + "".join(_cell(v) for v in row) + "</row>")

    def save(self, path: str | os.PathLike[str]) -> None:
        self._fh.write(_SHEET_TAIL)
        self._fh.close()
        try:
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("[Content_Types].xml", _CT)
                zf.writestr("_rels/.rels", _RELS)
                zf.writestr("xl/workbook.xml", _WB.format(name=escape(self._name)))
                zf.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
                zf.write(self._tmp, "xl/worksheets/sheet1.xml")
        finally:
            Path(self._tmp).unlink(missing_ok=True)

    def discard(self) -> None:
        if not self._fh.closed:
            self._fh.close()
        Path(self._tmp).unlink(missing_ok=True)
