"""CLI helper shared by ``forms`` and ``fill``: PATH -> catalogue dict.

A ``.json`` PATH is read as a catalogue (``docgen parse --format json`` output or an expected
catalogue); any other PATH is parsed with :func:`docgen.catalogue.catalogue_for_path`, imported
only here, at call time, so the CLI modules stay light to import.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InputError


def load_catalogue(path: str) -> dict[str, Any]:
    p = Path(path)
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"cannot read the catalogue: {exc}", path=path) from exc
        if not isinstance(data, dict) or "parameters" not in data:
            raise InputError("not a catalogue (no 'parameters')", path=path)
        return data
    from ..catalogue import catalogue_for_path

    return catalogue_for_path(path)
