"""Model editions as the profiles in ``legal_corpus/models/E*.yaml`` state them: the one source of
which generation id belongs to which edition and which keys / forms mark a generation.

Consumes the profiles' header fields only (``edition``, ``generation``, ``in_force.from``,
``signals``); produces plain tables ordered by ``in_force.from`` (oldest first). The full profile
(dated values, provisions, forms) is loaded and validated by :mod:`docgen.check.profiles`, which
sits above extraction; this module sits below it, so both the extractor's generation detector and
the checker read one table. A malformed header raises :class:`ProfileError` (exit code 2).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError


class ProfileError(DataError):
    """A model profile that cannot be used: bad input, so exit code 2 (1 means findings)."""

    exit_code = 2


class ProfileLoader(yaml.SafeLoader):
    """Safe YAML with dates left as text, so the loader names the exact place of an impossible date."""


ProfileLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def models_dir() -> Path:
    env = os.environ.get("DOCGEN_MODELS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1] / "legal_corpus" / "models"


def read_profile_yaml(path: Path) -> Any:
    """The parsed YAML of one profile; unreadable or invalid YAML raises :class:`ProfileError`."""
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=ProfileLoader)  # noqa: S506 (a SafeLoader)
    except OSError as exc:
        raise ProfileError(f"cannot read profile: {exc.strerror}", path=str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        raise ProfileError(
            f"invalid YAML: {getattr(exc, 'problem', exc)}", path=str(path), where=where
        ) from None


def check_signals(data: dict[str, Any], path: str) -> dict[str, list[str]]:
    sig = data.get("signals")
    if not isinstance(sig, dict):
        raise ProfileError("missing key 'signals' ({keys: [...], forms: [...]})", path=path, where="profile")
    out: dict[str, list[str]] = {}
    for part in ("keys", "forms"):
        items = sig.get(part)
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise ProfileError(f"'{part}' must be a list of names", path=path, where=f"signals.{part}")
        out[part] = list(items)
    return out


@dataclass(frozen=True)
class Edition:
    edition: str
    generation: str
    valid_from: str
    signals: dict[str, list[str]]


@lru_cache(maxsize=8)
def _editions(directory: str) -> tuple[Edition, ...]:
    found = []
    for path in sorted(Path(directory).glob("E*.yaml")):
        data = read_profile_yaml(path)
        where = str(path)
        if not isinstance(data, dict):
            raise ProfileError("a profile must be a mapping", path=where)
        for key in ("edition", "generation"):
            if not isinstance(data.get(key), str):
                raise ProfileError(f"missing key {key!r}", path=where, where="profile")
        start = (data.get("in_force") or {}).get("from") if isinstance(data.get("in_force"), dict) else None
        if start is None:
            raise ProfileError("missing key 'from'", path=where, where="in_force")
        found.append(Edition(data["edition"], data["generation"], str(start), check_signals(data, where)))
    return tuple(sorted(found, key=lambda e: e.valid_from))


def editions() -> tuple[Edition, ...]:
    """The bundled editions, oldest first."""
    return _editions(str(models_dir()))


def generation_edition() -> dict[str, str]:
    """Generation id -> edition code, e.g. ``2025_quarterly_sheets`` -> ``E4``."""
    return {e.generation: e.edition for e in editions()}


def generation_signals() -> dict[str, dict[str, list[str]]]:
    """Generation id -> ``{"keys": [...], "forms": [...]}``, oldest edition first."""
    return {e.generation: e.signals for e in editions()}
