"""Catalogue stage: the on-disk cache of catalogues extracted from methodology texts.

Consumes a text's bytes; produces the catalogue an earlier command extracted from the same bytes, so
a second command on the same act skips reading, structure and extraction (and never imports spaCy).

- Key: SHA-256 of the text's bytes, its file suffix, docgen's version and the content of every file
  the parsing stages read (their code and rule/data files: ``docgen/{reading,normalize,structure,
  extract,lang,numbers,data}`` and the catalogue modules); editing a rule file or upgrading docgen
  changes the key, so a stale entry is never used (it is simply never looked up again).
- Location: ``$DOCGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/docgen``, else ``~/.cache/docgen``; one
  ``catalogues/<key>.json`` per text. ``--no-cache`` (or ``DOCGEN_NO_CACHE=1``) bypasses it.
- An entry is written atomically; one that cannot be read or does not parse is ignored (and the text
  extracted again); a cache folder that cannot be written is ignored too -- the cache never makes a
  command fail. Entries hold only what the act says (no personal data).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from pathlib import Path

from .catalogue_model import Catalogue, catalogue_from_json

PKG = Path(__file__).resolve().parent
# what the parsing stages read: their code and rule/data files
_INPUT_DIRS = ("reading", "normalize", "structure", "extract", "lang", "numbers", "data")
_INPUT_FILES = ("catalogue.py", "catalogue_model.py", "catalogue_cache.py", "model.py", "nlp.py", "_yaml.py")
_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt", ".tsv"}
MAX_ENTRY_BYTES = 50_000_000


def cache_dir() -> Path:
    explicit = os.environ.get("DOCGEN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "docgen"


def disabled() -> bool:
    return os.environ.get("DOCGEN_NO_CACHE", "") not in ("", "0")


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Docgen's version and the content of everything the parsing stages read."""
    from . import __version__

    h = hashlib.sha256(f"docgen {__version__}\0".encode())
    files = [PKG / f for f in _INPUT_FILES]
    for d in _INPUT_DIRS:
        files.extend(p for p in (PKG / d).rglob("*") if p.is_file() and p.suffix in _SUFFIXES)
    for p in sorted(files):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(p.relative_to(PKG).as_posix().encode())
            h.update(b"\0")
            h.update(p.read_bytes())
            h.update(b"\0")
    return h.hexdigest()


def entry_key(data: bytes, suffix: str) -> str:
    h = hashlib.sha256(code_fingerprint().encode())
    h.update(suffix.lower().encode())
    h.update(b"\0")
    h.update(data)
    return h.hexdigest()


def entry_path(key: str) -> Path:
    return cache_dir() / "catalogues" / f"{key}.json"


def get(key: str) -> Catalogue | None:
    p = entry_path(key)
    try:
        if p.stat().st_size > MAX_ENTRY_BYTES:
            return None
        data = json.loads(p.read_text(encoding="utf-8"))
        return catalogue_from_json(data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def put(key: str, cat: Catalogue) -> None:
    from ._atomic import write_text

    p = entry_path(key)
    with contextlib.suppress(OSError):
        p.parent.mkdir(parents=True, exist_ok=True)
        write_text(p, json.dumps(cat.to_json(), ensure_ascii=False), force=True)
