"""Rendering stage: where the DOCX templates are and which form kinds have one.

Templates live in ``templates_kk/`` and ``templates_ru/`` at the project root, paired by file name
(``<kind>.docx``), with the same variables in both languages. ``DOCGEN_TEMPLATES_DIR`` (a folder
holding ``templates_kk`` and ``templates_ru``) overrides the location.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from ..errors import InputError
from .fast import CompiledTemplate

LANGS = ("kk", "ru")


def templates_root() -> Path:
    env = os.environ.get("DOCGEN_TEMPLATES_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent


def template_path(kind: str, lang: str) -> Path:
    if lang not in LANGS:
        raise InputError(f"unknown language {lang!r} (kk or ru)")
    path = templates_root() / f"templates_{lang}" / f"{kind}.docx"
    if not path.is_file():
        raise InputError(f"no {lang} template for form kind {kind!r}", path=str(path))
    return path


def has_template(kind: str, lang: str) -> bool:
    return (templates_root() / f"templates_{lang}" / f"{kind}.docx").is_file()


@functools.lru_cache(maxsize=64)
def _compiled(path: str, mtime: float, level: int) -> CompiledTemplate:
    return CompiledTemplate(path, level=level)


def compiled(kind: str, lang: str, level: int = 6) -> CompiledTemplate:
    """The :class:`~docgen.render.fast.CompiledTemplate` for a kind and language (cached).

    ``level`` is the deflate level of ``word/document.xml`` (0 = stored, the fastest)."""
    path = template_path(kind, lang)
    return _compiled(str(path), path.stat().st_mtime, level)
