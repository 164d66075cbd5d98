"""Reading YAML input files safely (edge I/O shared by the corpus loader and the protocol inputs).

Bounded size, UTF-8 only, no aliases (billion-laughs style expansion), safe loader (no custom tags);
errors are one line with the file and the line number.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, UnsafeInputError

MAX_YAML_BYTES = 1_000_000


def load_yaml(path: str | Path, *, max_bytes: int = MAX_YAML_BYTES) -> Any:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(p)) from exc
    if len(raw) > max_bytes:
        raise UnsafeInputError(f"file larger than {max_bytes} bytes", path=str(p))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("not UTF-8 text", path=str(p)) from exc
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise UnsafeInputError("YAML aliases (*name) are not allowed", path=str(p))
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        raise InputError(
            f"invalid YAML: {getattr(exc, 'problem', None) or exc}", path=str(p), where=where
        ) from exc
    except (ValueError, OverflowError) as exc:  # a value the safe loader cannot build, e.g. 2026-13-45
        raise InputError(f"invalid date or number in YAML ({exc})", path=str(p)) from exc
