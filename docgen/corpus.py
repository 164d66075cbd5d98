"""The embedded corpus (``legal_corpus/``): acts, their text versions and metadata.

Layout: ``legal_corpus/acts/<act-slug>/meta.yaml`` + the text file named by ``seed_file``;
``legal_corpus/models/`` holds model-edition profiles (read by ``docgen.check``). This module only
reads and validates the metadata; it consumes nothing else and produces :class:`CorpusEntry` objects.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._yaml import load_yaml
from .editions import generation_edition
from .errors import InputError

REQUIRED = ("seed_file", "language", "issuer", "act_type", "act_date", "act_number", "generation")
LANGUAGES = {"kk", "ru"}
ACT_TYPES = {"order", "decision", "resolution"}


@dataclass(frozen=True)
class CorpusEntry:
    slug: str
    text_path: Path
    meta: dict[str, Any] = field(hash=False, compare=False)

    @property
    def language(self) -> str:
        return str(self.meta["language"])

    @property
    def act_date(self) -> str:
        return str(self.meta["act_date"])

    @property
    def version_date(self) -> str:
        return str(self.meta.get("version_date") or self.meta["act_date"])

    @property
    def generation(self) -> str:
        return str(self.meta["generation"])


def _iso(value: Any, path: Path, key: str) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    s = str(value)
    try:
        _dt.date.fromisoformat(s)
    except ValueError:
        raise InputError(f"{key} must be a date YYYY-MM-DD, found {s!r}", path=str(path)) from None
    return s


def load_entry(act_dir: Path) -> CorpusEntry:
    meta_path = act_dir / "meta.yaml"
    if not meta_path.is_file():
        raise InputError("missing meta.yaml", path=str(act_dir))
    meta = load_yaml(meta_path)
    if not isinstance(meta, dict):
        raise InputError("meta.yaml must be a mapping", path=str(meta_path))
    for key in REQUIRED:
        if meta.get(key) in (None, ""):
            raise InputError(f"missing required field {key!r}", path=str(meta_path))
    if meta["language"] not in LANGUAGES:
        raise InputError(
            f"language must be one of {sorted(LANGUAGES)}", path=str(meta_path), where="language"
        )
    if meta["act_type"] not in ACT_TYPES:
        raise InputError(
            f"act_type must be one of {sorted(ACT_TYPES)}", path=str(meta_path), where="act_type"
        )
    generations = set(generation_edition())  # the generation ids the model profiles define
    if meta["generation"] not in generations:
        raise InputError(
            f"generation must be one of {sorted(generations)}", path=str(meta_path), where="generation"
        )
    meta["act_date"] = _iso(meta["act_date"], meta_path, "act_date")
    if meta.get("version_date"):
        meta["version_date"] = _iso(meta["version_date"], meta_path, "version_date")
    text_path = act_dir / str(meta["seed_file"])
    if not text_path.is_file():
        raise InputError(
            f"text file {meta['seed_file']!r} named in meta.yaml is missing", path=str(meta_path)
        )
    return CorpusEntry(slug=act_dir.name, text_path=text_path, meta=meta)


def load_corpus(root: str | Path) -> list[CorpusEntry]:
    """All acts under ``root/acts`` (or ``root`` itself if it holds act folders), sorted by seed file name."""
    base = Path(root)
    if not base.is_dir():
        raise InputError("corpus folder not found", path=str(base))
    acts = base / "acts" if (base / "acts").is_dir() else base
    entries = [load_entry(d) for d in sorted(acts.iterdir()) if d.is_dir() and (d / "meta.yaml").exists()]
    if not entries:
        raise InputError("no acts (folders with meta.yaml) found", path=str(acts))
    return sorted(entries, key=lambda e: e.text_path.name)
