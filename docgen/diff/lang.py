"""Diff stage, language of the report: ``docgen/diff/messages.yaml`` headings and messages.

Consumes the messages file (validated: every entry has kk and ru; a list is the Russian [one, few,
many] plural of a phrase with ``{n}``); produces ``msg(key, lang, **params)``. Parameter names,
units, values and point names come from :mod:`docgen.data.labels`, the data shared with ``check``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from .._yaml import load_yaml
from ..data.labels import LANGS, plural_ru
from ..errors import InputError

__all__ = ["MESSAGES", "load_messages", "messages", "msg", "report_language"]

MESSAGES = Path(__file__).resolve().parent / "messages.yaml"


def _walk(node: Any, where: str, path: Path, out: dict[str, dict[str, Any]]) -> None:
    if (
        isinstance(node, dict)
        and set(node) == set(LANGS)
        and not any(isinstance(v, dict) for v in node.values())
    ):
        for lang in LANGS:
            v = node[lang]
            if not (
                isinstance(v, str)
                or (isinstance(v, list) and len(v) == 3 and all(isinstance(x, str) for x in v))
            ):
                raise InputError(
                    f"{where}.{lang}: expected a text or three Russian plural forms", path=str(path)
                )
        out[where] = node
        return
    if not isinstance(node, dict) or not node:
        raise InputError(f"{where or 'top'}: expected a mapping of {{kk, ru}} entries", path=str(path))
    for k, v in node.items():
        _walk(v, f"{where}.{k}" if where else str(k), path, out)


def load_messages(path: str | Path = MESSAGES) -> dict[str, dict[str, Any]]:
    """Flat {dotted key: {kk, ru}} from a messages file; one line naming the file and entry if wrong."""
    p = Path(path)
    out: dict[str, dict[str, Any]] = {}
    _walk(load_yaml(p), "", p, out)
    return out


@functools.lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, Any]]:
    return load_messages(MESSAGES)


def msg(key: str, lang: str, **params: Any) -> str:
    """The message ``key`` in ``lang`` with its placeholders filled (``n`` picks a Russian plural)."""
    v = messages()[key][lang if lang in LANGS else "ru"]
    if isinstance(v, list):
        n = params.get("n", 0)
        v = plural_ru(float(n) if isinstance(n, int | float) else 0.0, v)
    return str(v).format(**params)


def report_language(requested: str | None, *candidates: Any) -> str:
    """The language of the report: the one asked for, else the first known act language."""
    if requested in LANGS:
        return str(requested)
    for c in candidates:
        if c in LANGS:
            return str(c)
    return "kk"
