"""Batch stage: the user's messages of ``docgen fill`` about its folder and data, in kk or ru.

Consumes ``docgen/batch/data/{kk,ru}.yaml`` (same keys); produces one sentence in the user's
language (the one the sheets are asked in, else the act's; Russian for any other language code).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"


@functools.lru_cache(maxsize=2)
def _messages(lang: str) -> dict[str, str]:
    with open(DATA / f"{lang}.yaml", encoding="utf-8") as fh:
        data: dict[str, str] = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


def message(lang: str | None, key: str, **fields: Any) -> str:
    return _messages(lang if lang == "kk" else "ru")[key].format(**fields)


def templates(lang: str | None) -> dict[str, str]:
    """Every message template of one language, by key (the web page says row errors again in its own
    interface language from these)."""
    return dict(_messages(lang if lang == "kk" else "ru"))
