"""Language data for the protocols / 360 stages: the words printed into outputs, per language.

Consumes ``labels_kk.yaml`` / ``labels_ru.yaml`` (same keys). Produces a nested dict; a test checks both
files have the same shape.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import UsageError

LANGS = ("kk", "ru")


@lru_cache(maxsize=2)
def labels(lang: str) -> dict[str, Any]:
    if lang not in LANGS:
        raise UsageError(f"unsupported language '{lang}' (kk or ru)")
    text = resources.files(__package__).joinpath(f"labels_{lang}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data
