"""Draft stage, the words a reader sees (``messages.yaml``): errors, captions, dates, in kk and ru."""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources
from typing import Any

import yaml

from ..errors import InputError
from .words import kk_suffix


@functools.cache
def messages() -> dict[str, Any]:
    text = resources.files("docgen.draft").joinpath("messages.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def msg(lang: str, name: str, **kw: Any) -> str:
    """The error or label ``name`` in ``lang`` (kk, else ru), filled with ``kw``."""
    entry = messages()["errors"][name]
    return str(entry["kk" if lang == "kk" else "ru"]).format(**kw)


def type_name(lang: str, name: str) -> str:
    return str(messages()["types"][name]["kk" if lang == "kk" else "ru"])


def fail(lang: str, path: str, where: str, name: str, **kw: Any) -> InputError:
    """The one-line bad-input error (exit code 2) naming the file and the field."""
    return InputError(msg(lang, name, **kw), path=path, where=where)


def date_words(day: dt.date, lang: str) -> str:
    """ "2026 жылғы 9 сәуірдегі" / "9 апреля 2026" (the caption's date of the approving act)."""
    months = messages()["months"]
    if lang == "kk":
        month = months["kk"][day.month - 1]
        return f"{day.year} жылғы {day.day} {month}{kk_suffix(month, 'loc')}{'ғы' if not _front(month) else 'гі'}"
    return f"{day.day} {months['ru_gent'][day.month - 1]} {day.year}"


def _front(word: str) -> bool:
    from .words import is_front

    return is_front(word)


def month_day(month: int, day: int, lang: str, case: str = "nom") -> str:
    """ "30 қаңтарынан" (kk, ablative of the possessive) / "30 января" (ru)."""
    months = messages()["months"]
    if lang == "kk":
        stem = months["kk_poss"][month - 1] if case != "nom" else months["kk"][month - 1]
        suffix = kk_suffix(stem, case, possessive=True) if case != "nom" else ""
        return f"{day} {stem}{suffix}"
    return f"{day} {months['ru_gent'][month - 1]}"
