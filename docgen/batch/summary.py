"""Batch stage: ``summary.csv`` and ``summary.xlsx`` that cannot be turned against their readers.

Consumes summary rows (one per data row); produces the two summaries (streamed to temporary files,
renamed into place together) or, for the check before a run, only the hash the CSV would have.

- CSV: every field is quoted, and no cell a reader could cut out of a field starts like a formula.
  Quoting alone is not enough: a reader splitting with another separator (``;`` in ru/kk Windows
  locales) can lose track of the quotes and cut a field at any ``,`` ``;`` tab or line break
  inside it. So wherever a formula character (``=`` ``+`` ``-`` ``@`` and their full-width forms)
  follows the start of a field or such a break (after spaces, quotes or control characters),
  a ``'`` is put before it: ``=1+2`` -> ``'=1+2``, ``Ли;=1+2;`` -> ``Ли;'=1+2;``. A field that is
  a plain number stays a number.
- XLSX: headers, sheet and grade names, errors and warnings in the user's language (the one the
  sheets are asked in, else the act's); scores and row numbers are numbers; one column per output
  language holds the row's document, linked (a hyperlink relationship to the file next to the
  summary, never a formula); strings are inline
  strings (never formulas); characters XML cannot carry are escaped as ``_xHHHH_`` (see
  :mod:`docgen.batch.xlsx`). ``summary.csv`` keeps the column keys and the raw values for programs.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from .._atomic import open_tmp
from ..errors import OutputExistsError
from .messages import message
from .xlsx import StreamingXlsx

SUMMARY_COLUMNS = (
    "full_name",
    "period",
    "sheet",
    "average",
    "final_score",
    "grade",
    "errors",
    "row",
    "grade_label",
    "interpretation",
    "files",
    "warnings",
)
# summary.xlsx: what a reader needs, headed in the user's language
XLSX_COLUMNS = (
    "full_name",
    "period",
    "sheet",
    "average",
    "final_score",
    "grade",
    "interpretation",
    "warnings",
    "errors",
    "row",
)
CSV_NAME = "summary.csv"
XLSX_NAME = "summary.xlsx"
BOM = "\ufeff"

_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# a cell boundary a reader may see (start, separator, line break), the filler it may strip, then a
# formula character
_FORMULA_AT_BREAK = re.compile(
    r"(?:^|[,;\t\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029])[\s\"\x00-\x1f]*(?=[=+\-@\uff1d\uff0b\uff0d\uff20])"
)


def _number(text: Any) -> Any:
    """A score as a number for the spreadsheet ("3.90" -> 3.9); anything else unchanged."""
    if isinstance(text, str) and _PLAIN_NUMBER.fullmatch(text):
        return float(text.replace(",", "."))
    return text


def _apostrophe(m: re.Match[str]) -> str:
    return m.group() + "'"


def csv_safe(row: Sequence[Any]) -> list[Any]:
    """Text fields with ``'`` before every formula a spreadsheet could find in them (see above)."""
    out: list[Any] = []
    for v in row:
        if isinstance(v, str) and not _PLAIN_NUMBER.fullmatch(v):
            v = _FORMULA_AT_BREAK.sub(_apostrophe, v)
        out.append(v)
    return out


class _HashSink:
    def __init__(self) -> None:
        self.h = hashlib.sha256()

    def write(self, text: str) -> int:
        self.h.update(text.encode("utf-8", "surrogateescape"))
        return len(text)


def _csv_writer(fh: Any) -> Any:
    return csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\r\n")


class SummaryHash:
    """The SHA-256 that ``summary.csv`` would have for the rows given (nothing is written)."""

    def __init__(self) -> None:
        self._sink = _HashSink()
        self._sink.write(BOM)
        self._w = _csv_writer(self._sink)
        self._w.writerow(SUMMARY_COLUMNS)

    def add(self, row: Sequence[Any]) -> None:
        self._w.writerow(csv_safe(row))

    def hexdigest(self) -> str:
        return self._sink.h.hexdigest()


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def existing_summary(folder: Path) -> tuple[bool, str | None]:
    """(any summary present, hash of summary.csv when both are present)."""
    csv_path, xlsx_path = folder / CSV_NAME, folder / XLSX_NAME
    present = csv_path.exists() or xlsx_path.exists()
    both = csv_path.is_file() and xlsx_path.is_file()
    return present, (file_hash(csv_path) if both else None)


class SummaryFiles:
    """Both summaries streamed to docgen temporary files in ``folder``; ``place()`` or ``discard()``."""

    def __init__(self, folder: Path, lang: str | None, langs: Sequence[str] = (), plan: Any = None) -> None:
        self.folder = folder
        self.lang = lang
        self.langs = tuple(langs)
        self.plan = plan
        self.csv_path = folder / CSV_NAME
        self.xlsx_path = folder / XLSX_NAME
        fd, self.csv_tmp = open_tmp(self.csv_path)
        self._fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="", errors="surrogateescape")
        self._fh.write(BOM)
        self._w = _csv_writer(self._fh)
        self.xlsx = StreamingXlsx(folder)
        self._w.writerow(SUMMARY_COLUMNS)
        heads = [message(lang, f"head_{c}") for c in XLSX_COLUMNS]
        heads += [message(lang, "head_file", code=x) for x in self.langs]
        self.xlsx.add(heads)

    def add(self, row: Sequence[Any]) -> None:
        self._w.writerow(csv_safe(row))
        cells, links = self.xlsx_row(row)
        self.xlsx.add(cells, links)

    def xlsx_row(self, row: Sequence[Any]) -> tuple[list[Any], dict[int, str]]:
        d = dict(zip(SUMMARY_COLUMNS, row, strict=True))
        sheet = str(d["sheet"])
        sheets = getattr(self.plan, "sheets", {})
        if sheet in sheets:
            sheet = message(self.lang, f"sheet_{sheet}", app=sheets[sheet].appendix)
        cells: list[Any] = [
            d["full_name"],
            d["period"],
            sheet,
            _number(d["average"]),
            _number(d["final_score"]),
            d["grade_label"] or d["grade"],
            d["interpretation"],
            d["warnings"],
            d["errors"],
            d["row"],
        ]
        links: dict[int, str] = {}
        names = str(d["files"]).split()
        for lang in self.langs:
            name = next((n for n in names if n.endswith(f".{lang}.docx")), "")
            if name:
                links[len(cells)] = name
            cells.append(name)
        return cells, links

    def place(self, force: bool) -> bool:
        """Rename both into place; without ``force`` identical summaries are kept (False returned)
        and different ones refused."""
        self._fh.close()
        if not force and (self.xlsx_path.exists() or self.csv_path.exists()):
            same = (
                self.xlsx_path.is_file()
                and self.csv_path.is_file()
                and file_hash(self.csv_path) == file_hash(Path(self.csv_tmp))
            )
            self.discard()
            if same:
                return False
            raise OutputExistsError(message(self.lang, "summary_differs"), path=str(self.csv_path))
        fd, xlsx_tmp = open_tmp(self.xlsx_path)
        os.close(fd)
        try:
            self.xlsx.save(xlsx_tmp)
            os.replace(self.csv_tmp, self.csv_path)
            os.replace(xlsx_tmp, self.xlsx_path)
        finally:
            Path(xlsx_tmp).unlink(missing_ok=True)
        return True

    def discard(self) -> None:
        if not self._fh.closed:
            self._fh.close()
        self.xlsx.discard()
        Path(self.csv_tmp).unlink(missing_ok=True)
