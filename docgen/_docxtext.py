"""Input edge of the protocols / 360 stages: safe YAML loading, typed field access, text checks, formats.

Consumes untrusted YAML files and cell values. Produces plain Python values. Every rejected value raises
:class:`~docgen.errors.DataError` (or InputError for the file itself) naming the file and the field, never
echoing personal data. Text values come out exactly as given (CR LF becomes LF); control characters
other than tab and newline, and the few sequences the Word template engine rewrites, are rejected.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

from ._yaml import load_yaml as _load_yaml
from .errors import DataError

MAX_YAML_BYTES = 1_000_000
MAX_TEXT = 5000
# XML 1.0 cannot carry C0 controls (except tab/newline/CR); C1 controls, DEL and non-characters are refused too.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# docxtpl rewrites these after rendering ("{_{" -> "{{"), so they could not come out exactly.
_ENGINE_SEQ = ("{_{", "}_}", "{_%", "%_}")


def clean_text(value: Any, field: str, *, path: str | None = None, required: bool = True) -> str:
    """Check one text value; numbers are accepted and printed as written."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise DataError("required text is missing or empty", path=path, where=field)
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise DataError(f"expected text, got {type(value).__name__}", path=path, where=field)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    m = _BAD_CHARS.search(text)
    if m:
        raise DataError(f"control character U+{ord(m.group()):04X} is not allowed", path=path, where=field)
    for seq in _ENGINE_SEQ:
        if seq in text:
            raise DataError(
                f"the sequence '{seq}' cannot be printed in a Word template", path=path, where=field
            )
    if len(text) > MAX_TEXT:
        raise DataError(f"text longer than {MAX_TEXT} characters", path=path, where=field)
    return text


def name_key(name: str) -> str:
    """Comparison key for person names: case, 'ё' and spacing do not matter."""
    return " ".join(name.casefold().replace("ё", "е").split())


def load_yaml(path: str | Path) -> dict[str, Any]:
    """A protocol input file: safe YAML (docgen._yaml) whose top level is a mapping."""
    data = _load_yaml(path, max_bytes=MAX_YAML_BYTES)
    if not isinstance(data, dict):
        raise DataError("the top level must be a mapping (key: value)", path=str(path))
    return data


class Fields:
    """Typed access to one mapping of the input; errors name ``prefix.key``."""

    def __init__(self, data: Any, prefix: str, path: str | None):
        if not isinstance(data, dict):
            raise DataError("expected a mapping (key: value)", path=path, where=prefix or "top level")
        self.data, self.prefix, self.path = data, prefix, path

    def where(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.prefix}[{key}]"
        return f"{self.prefix}.{key}" if self.prefix else key

    def text(self, key: str, *, required: bool = True) -> str:
        return clean_text(self.data.get(key), self.where(key), path=self.path, required=required)

    def sub(self, key: str, *, required: bool = True) -> Fields | None:
        v = self.data.get(key)
        if v is None:
            if required:
                raise DataError("required section is missing", path=self.path, where=self.where(key))
            return None
        return Fields(v, self.where(key), self.path)

    def items(self, key: str, *, required: bool = True) -> list[Fields]:
        v = self.data.get(key)
        if v is None:
            if required:
                raise DataError("required list is missing", path=self.path, where=self.where(key))
            return []
        if not isinstance(v, list):
            raise DataError("expected a list", path=self.path, where=self.where(key))
        return [Fields(x, f"{self.where(key)}[{i}]", self.path) for i, x in enumerate(v, 1)]

    def date(self, key: str, *, required: bool = True) -> dt.date | None:
        v = self.data.get(key)
        if v is None:
            if required:
                raise DataError("required date is missing", path=self.path, where=self.where(key))
            return None
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
        try:
            return dt.date.fromisoformat(str(v).strip())
        except ValueError as exc:
            raise DataError("not a date (YYYY-MM-DD)", path=self.path, where=self.where(key)) from exc

    def number(self, key: str, *, required: bool = True) -> float | None:
        v = self.data.get(key)
        if v is None:
            if required:
                raise DataError("required number is missing", path=self.path, where=self.where(key))
            return None
        if isinstance(v, bool) or not isinstance(v, str | int | float):  # a date, a list, a mapping
            raise DataError("expected a number", path=self.path, where=self.where(key))
        try:
            n = float(str(v).replace(",", ".")) if isinstance(v, str) else float(v)
        except (ValueError, OverflowError) as exc:
            raise DataError("expected a number", path=self.path, where=self.where(key)) from exc
        if not math.isfinite(n):  # .nan, .inf, 1e999
            raise DataError("expected a finite number", path=self.path, where=self.where(key))
        return n

    def integer(self, key: str, *, required: bool = True) -> int | None:
        n = self.number(key, required=required)
        if n is None:
            return None
        if n != int(n) or n < 0:
            raise DataError("expected a whole number >= 0", path=self.path, where=self.where(key))
        return int(n)

    def choice(self, key: str, options: tuple[str, ...], *, required: bool = True, default: str = "") -> str:
        v = self.data.get(key)
        if v is None:
            if required:
                raise DataError(
                    f"required; one of {', '.join(options)}", path=self.path, where=self.where(key)
                )
            return default
        if not isinstance(v, str) or v not in options:
            raise DataError(f"expected one of {', '.join(options)}", path=self.path, where=self.where(key))
        return v

    def flag(self, key: str, default: bool) -> bool:
        v = self.data.get(key, default)
        if not isinstance(v, bool):
            raise DataError("expected true or false", path=self.path, where=self.where(key))
        return v


def fmt_score(x: float) -> str:
    """Scores as printed in the forms: two decimals with a decimal comma (3,75)."""
    return f"{x:.2f}".replace(".", ",")


def fmt_date(d: dt.date | None) -> str:
    return "" if d is None else d.strftime("%d.%m.%Y")
