"""Check stage, inputs: read a local act into a Document and (when available) its catalogue.

Consumes a file path; uses ``docgen.reading.read_source``, ``docgen.normalize.normalize``,
``docgen.structure.parse_structure`` and ``docgen.catalogue.catalogue_for_path`` when those stages
are installed, and the stand-in parser of ``_fallback`` otherwise. Produces
``(Document, catalogue | None, notes)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import DocgenError, InputError
from ..model import Document, NormalizedText, SourceText
from . import _fallback
from .data import detect_language


def _optional(module: str, attr: str) -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    fn = getattr(mod, attr, None)
    return fn if callable(fn) else None


def _read(path: str) -> SourceText:
    reader = _optional("docgen.reading", "read_source")
    if reader is not None:
        src: SourceText = reader(path)
        return src
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    for enc in ("utf-8-sig", "cp1251"):
        try:
            return SourceText(path=path, raw=data.decode(enc), encoding=enc, fmt="txt")
        except UnicodeDecodeError:
            continue
    raise InputError("cannot decode the text", path=path)


def _normalize(raw: str) -> NormalizedText:
    fn = _optional("docgen.normalize", "normalize")
    if fn is None:
        return _fallback.identity_norm(raw)
    norm: NormalizedText = fn(raw)
    return norm


def document_from_source(src: SourceText, notes: list[str]) -> Document:
    if not src.raw.strip():
        raise InputError("the file is empty", path=src.path)
    norm = _normalize(src.raw)
    parser = _optional("docgen.structure", "parse_structure")
    if parser is not None:
        try:
            doc: Document = parser(src, norm)
            if doc.points:
                return doc
            notes.append("structure parser found no points; the checker's own reader was used")
        except DocgenError:
            raise
        except Exception as exc:  # a stage still being written must not stop the checker
            notes.append(f"structure parser failed ({type(exc).__name__}); the checker's own reader was used")
    return _fallback.parse(src, norm, detect_language(norm.text))


def load(path: str, *, build_catalogue: bool = True) -> tuple[Document, dict[str, Any] | None, list[str]]:
    notes: list[str] = []
    src = _read(path)
    doc = document_from_source(src, notes)
    catalogue = None
    builder = _optional("docgen.catalogue", "catalogue_for_path") if build_catalogue else None
    if builder is not None:
        try:
            catalogue = builder(path)
        except DocgenError:
            raise
        except Exception as exc:
            notes.append(f"catalogue builder failed ({type(exc).__name__}); parameter checks skipped")
    return doc, catalogue, notes
