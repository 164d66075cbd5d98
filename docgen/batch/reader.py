"""Batch stage: reading the employee rows of ``docgen fill --data FILE.xlsx|.csv``.

Consumes an .xlsx (vetted with :func:`docgen.safezip.vet_zip` before openpyxl opens it, then read
in streaming read-only mode) or a .csv (UTF-8 with or without BOM; delimiter ``,`` ``;`` or tab);
produces ``(row_number, {column: text})`` pairs, streamed, with the row number as the spreadsheet
shows it. The header row may use the column keys (``full_name`` ...) or the kk/ru captions of the
input template; the caption rows of the template (rows 2 and 3) are skipped. Numbers become text
without float noise (4.0 -> "4", 3.5 -> "3.5"); empty cells become ""; a logical cell (TRUE/FALSE)
becomes the word, never 1/0, so it is refused as a score.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..forms.labels import labels
from .messages import message

BASE_COLUMNS = (
    "full_name",
    "position",
    "category",
    "body",
    "evaluator_name",
    "evaluator_position",
    "period",
    "sanction",
    "sheet",
)
_NUMBERED = re.compile(r"^(score|comment)_(\d+)$")


def header_aliases() -> dict[str, str]:
    """Caption (kk or ru, normalised) -> column key; numbered captions for up to 30 parameters."""
    out: dict[str, str] = {}
    for lang in ("kk", "ru"):
        heads = labels(lang)["input_headers"]
        for key in BASE_COLUMNS:
            out[_norm(str(heads[key]))] = key
        for n in range(1, 31):
            out[_norm(str(heads["score"]).format(n=n))] = f"score_{n}"
            out[_norm(str(heads["comment"]).format(n=n))] = f"comment_{n}"
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def column_key(header: str, aliases: dict[str, str]) -> str | None:
    h = _norm(header)
    if h in BASE_COLUMNS or _NUMBERED.match(h):
        return h
    return aliases.get(h)


def cell_text(value: Any) -> str:
    if type(value) is str:  # every CSV cell, most workbook cells
        return value
    if value is None:
        return ""
    if isinstance(value, bool):  # a logical cell is not a number (Excel: TRUE/ИСТИНА/АҚИҚАТ)
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if not math.isfinite(value):  # a cell beyond 1.8e308 reads back as inf: text, never a score
            return repr(value)
        d = Decimal(repr(value))
        return str(int(d)) if d == d.to_integral_value() else format(d.normalize(), "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _rows_xlsx(path: Path, lang: str | None = None) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        from .. import safezip
    except ImportError:  # pragma: no cover - safezip is another stage's module
        safezip = None  # type: ignore[assignment]
    if safezip is not None:
        safezip.vet_zip(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds
        raise InputError(message(lang, "data_workbook", reason=type(exc).__name__), path=str(path)) from exc
    try:
        ws = wb["data"] if "data" in wb.sheetnames else wb.worksheets[0]
        for i, row in enumerate(ws.iter_rows(values_only=True), 1):
            yield i, list(row)
    finally:
        wb.close()


MAX_CSV_BYTES = 200_000_000


def _rows_csv(path: Path, lang: str | None = None) -> Iterator[tuple[int, list[Any]]]:
    """CSV rows; UTF-8 (with or without BOM), UTF-16 or cp1251 (Excel's "CSV" in a Russian locale)."""
    from ..reading.text import decode_bytes

    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise InputError(message(lang, "data_csv_large", size=size, limit=MAX_CSV_BYTES), path=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(message(lang, "data_cannot_open", reason=exc.strerror), path=str(path)) from exc
    text, _encoding = decode_bytes(data, str(path))  # InputError for binary/undecodable data
    first = text.split("\n", 1)[0]
    delim = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        for i, row in enumerate(reader, 1):
            yield i, list(row)
    except csv.Error as exc:
        raise InputError(
            message(lang, "data_csv_bad", reason=exc),
            path=str(path),
            where=message(lang, "where_row", n=reader.line_num),
        ) from exc


def raw_rows(path: str | os.PathLike[str], lang: str | None = None) -> Iterator[tuple[int, list[Any]]]:
    p = Path(path)
    if not p.is_file():
        raise InputError(message(lang, "data_no_file"), path=str(p))
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _rows_xlsx(p, lang)
    if suffix in (".csv", ".txt"):
        return _rows_csv(p, lang)
    raise InputError(message(lang, "data_unsupported"), path=str(p))


def read_rows(path: str | os.PathLike[str], lang: str | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """Data rows as ``(row_number, {column_key: text})``; unknown header columns are ignored.
    Refusals are worded in ``lang`` (the user's language: the one asked for, else the act's; Russian when not kk)."""
    aliases = header_aliases()
    keys: list[str | None] | None = None
    header_row = 0
    for rownum, cells in raw_rows(path, lang):
        texts = [cell_text(v) for v in cells]
        if keys is None:
            if not any(t.strip() for t in texts):
                continue
            keys = [column_key(t, aliases) if t.strip() else None for t in texts]
            if "full_name" not in keys:
                raise InputError(
                    message(lang, "data_no_full_name"),
                    path=os.fspath(path),
                    where=message(lang, "where_row", n=rownum),
                )
            header_row = rownum
            continue
        if not any(t.strip() for t in texts):
            continue
        if rownum <= header_row + 2 and _is_caption_row(texts, keys, aliases):
            continue
        yield rownum, {k: texts[i] for i, k in enumerate(keys) if k is not None and i < len(texts)}


def _is_caption_row(texts: list[str], keys: list[str | None], aliases: dict[str, str]) -> bool:
    for t, k in zip(texts, keys, strict=False):
        if t.strip() and (k is None or aliases.get(_norm(t)) != k):
            return False
    return True
