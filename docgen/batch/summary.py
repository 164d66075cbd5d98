"""Batch stage: ``summary.csv``, ``summary.xlsx`` (for people) and ``summary.json`` (for programs).

Consumes summary rows (one per data row, :data:`SUMMARY_COLUMNS`, codes as the batch knows them);
produces the three summaries (streamed to temporary files, renamed into place together) or, for the
check before a run, only the hash the CSV would have.

- What a person opens (``summary.csv`` and ``summary.xlsx``) is in the user's language (the one the
  sheets are asked in, else the act's): the headings, the period as the sheets print it («1 квартал
  2026 года», «2026 жылғы 1-тоқсан»), the sheet as the act titles it (the catalogue's title when the
  act is in that language, else the forms' data) with its appendix, the grade in words, scores with
  a decimal comma (CSV) or as numbers shown with two decimals (XLSX), the columns a row error or
  warning names by their captions; no code (``leader``, ``proper``, ``2026-Q1``) in any cell but
  the sheets' file names. ``summary.json`` keeps the codes and the column keys for programs (the web
  page reads it).
- CSV: every field is quoted, and no cell a reader could cut out of a field starts like a formula.
  Quoting alone is not enough: a reader splitting with another separator (``;`` in ru/kk Windows
  locales) can lose track of the quotes and cut a field at any ``,`` ``;`` tab or line break
  inside it. So wherever a formula character (``=`` ``+`` ``-`` ``@`` and their full-width forms)
  follows the start of a field or such a break (after spaces, quotes or control characters),
  a ``'`` is put before it: ``=1+2`` -> ``'=1+2``, ``Ли;=1+2;`` -> ``Ли;'=1+2;``. A field that is
  a plain number stays a number.
- XLSX: scores and row numbers are numbers; one column per output language holds the row's
  document, linked (a hyperlink relationship to the file next to the summary, never a formula);
  strings are inline strings (never formulas); characters XML cannot carry are escaped as
  ``_xHHHH_``; the heading row is bold and frozen and repeats on every printed page, text wraps in
  columns of readable widths, printed A4 landscape, one page wide (see :mod:`docgen.batch.xlsx`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from .._atomic import open_tmp
from ..errors import OutputExistsError
from ..forms.labels import fmt_number, labels, period_text
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
# summary.csv and summary.xlsx: what a reader needs, headed in the user's language, then the files
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
# column widths of summary.xlsx in characters (a file column: FILE_WIDTH)
WIDTHS = {
    "full_name": 22,
    "period": 14,
    "sheet": 26,
    "average": 12,
    "final_score": 12,
    "grade": 24,
    "interpretation": 36,
    "warnings": 22,
    "errors": 22,
    "row": 10,
}
FILE_WIDTH = 40
CSV_NAME = "summary.csv"
XLSX_NAME = "summary.xlsx"
JSON_NAME = "summary.json"
SUMMARY_NAMES = (CSV_NAME, XLSX_NAME, JSON_NAME)
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


class SummaryWords:
    """A summary row (codes) as a person reads it, in ``lang``; ``langs``: the sheets' languages
    (one file column each); ``plan``: the batch's :class:`~docgen.batch.plan.FillPlan`."""

    def __init__(self, lang: str | None, langs: Sequence[str] = (), plan: Any = None) -> None:
        self.lang = lang if lang == "kk" else "ru"
        self.langs = tuple(langs)
        self.sheets: dict[str, str] = {}
        cat = getattr(plan, "cat", None)
        for code, sheet in (getattr(plan, "sheets", None) or {}).items():
            title = getattr(sheet.form, "title", None) if cat is not None and cat.lang == self.lang else None
            title = title or str(labels(self.lang)["titles"][sheet.kind])
            self.sheets[code] = message(self.lang, "sheet_named", title=title, app=sheet.appendix)

    def heads(self) -> list[str]:
        heads = [message(self.lang, f"head_{c}") for c in XLSX_COLUMNS]
        return heads + [message(self.lang, f"head_file_{x}") for x in self.langs]

    def widths(self) -> list[int]:
        return [WIDTHS[c] for c in XLSX_COLUMNS] + [FILE_WIDTH] * len(self.langs)

    def cells(self, row: Sequence[Any]) -> tuple[list[Any], dict[int, str]]:
        """The XLSX cells (scores and row numbers as numbers) and the file links by column."""
        d = dict(zip(SUMMARY_COLUMNS, row, strict=True))
        sheet = str(d["sheet"])
        sheet = self.sheets.get(sheet.strip().lower(), sheet)
        cells: list[Any] = [
            d["full_name"],
            period_text(self.lang, str(d["period"])) if d["period"] else "",
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

    def csv_cells(self, row: Sequence[Any]) -> list[Any]:
        """The CSV fields: as in the XLSX, scores with a decimal comma and two decimals."""
        cells, _ = self.cells(row)
        return [fmt_number(v, 2) if isinstance(v, float) else v for v in cells]


def json_row(row: Sequence[Any]) -> dict[str, Any]:
    """A summary row for programs: column keys, codes, scores as numbers, files as a list."""
    d = dict(zip(SUMMARY_COLUMNS, row, strict=True))
    for key in ("average", "final_score"):
        value = _number(d[key])
        d[key] = value if isinstance(value, float) else None
    d["files"] = str(d["files"]).split()
    return d


class SummaryHash:
    """The SHA-256 that ``summary.csv`` would have for the rows given (nothing is written)."""

    def __init__(self, words: SummaryWords) -> None:
        self.words = words
        self._sink = _HashSink()
        self._sink.write(BOM)
        self._w = _csv_writer(self._sink)
        self._w.writerow(words.heads())

    def add(self, row: Sequence[Any]) -> None:
        self._w.writerow(csv_safe(self.words.csv_cells(row)))

    def hexdigest(self) -> str:
        return self._sink.h.hexdigest()


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def existing_summary(folder: Path) -> tuple[bool, str | None]:
    """(any summary present, hash of summary.csv when all three are present)."""
    paths = [folder / n for n in SUMMARY_NAMES]
    present = any(p.exists() for p in paths)
    every = all(p.is_file() for p in paths)
    return present, (file_hash(paths[0]) if every else None)


class SummaryFiles:
    """The three summaries streamed to docgen temporary files in ``folder``; ``place()`` or ``discard()``."""

    def __init__(self, folder: Path, lang: str | None, langs: Sequence[str] = (), plan: Any = None) -> None:
        self.folder = folder
        self.lang = lang
        self.langs = tuple(langs)
        self.plan = plan
        self.words = SummaryWords(lang, langs, plan)
        self.csv_path = folder / CSV_NAME
        self.xlsx_path = folder / XLSX_NAME
        self.json_path = folder / JSON_NAME
        fd, self.csv_tmp = open_tmp(self.csv_path)
        self._fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="", errors="surrogateescape")
        self._fh.write(BOM)
        self._w = _csv_writer(self._fh)
        fd, self.json_tmp = open_tmp(self.json_path)
        self._json: IO[str] = os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape")
        self._json.write('{"columns": ' + json.dumps(list(SUMMARY_COLUMNS)) + ', "rows": [')
        self._json_rows = 0
        heads = self.words.heads()
        self.xlsx = StreamingXlsx(  # the file columns are links: on one line, not printed
            folder,
            message(self.words.lang, "summary_sheet_name"),
            widths=self.words.widths(),
            wrapped=len(XLSX_COLUMNS),
            printed=len(XLSX_COLUMNS),
        )
        self._w.writerow(heads)
        self.xlsx.add(heads, header=True)

    def add(self, row: Sequence[Any]) -> None:
        self._w.writerow(csv_safe(self.words.csv_cells(row)))
        cells, links = self.words.cells(row)
        self.xlsx.add(cells, links)
        self._json.write(
            ("\n " if self._json_rows == 0 else ",\n ") + json.dumps(json_row(row), ensure_ascii=False)
        )
        self._json_rows += 1

    def _close_text(self) -> None:
        if not self._fh.closed:
            self._fh.close()
        if not self._json.closed:
            self._json.write("\n]}\n")
            self._json.close()

    def place(self, force: bool) -> bool:
        """Rename the three into place; without ``force`` identical summaries are kept (False
        returned) and different ones refused."""
        self._close_text()
        if not force and any(p.exists() for p in (self.xlsx_path, self.csv_path, self.json_path)):
            same = (
                self.xlsx_path.is_file()
                and self.json_path.is_file()
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
            os.replace(self.json_tmp, self.json_path)
            os.replace(self.csv_tmp, self.csv_path)
            os.replace(xlsx_tmp, self.xlsx_path)
        finally:
            Path(xlsx_tmp).unlink(missing_ok=True)
        return True

    def discard(self) -> None:
        self._close_text()
        self.xlsx.discard()
        Path(self.csv_tmp).unlink(missing_ok=True)
        Path(self.json_tmp).unlink(missing_ok=True)
