"""Draft stage, the one place that reads a parse result (the catalogue stage's public functions).

``parsed_parameters(path)`` -> ``{key: {"value", "point"}}`` and ``parsed_links(path)`` -> the cross
references the parser found. When the catalogue becomes a typed ``Catalogue``, only this module changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalogue import catalogue_for_path


def parsed_catalogue(path: str | Path) -> dict[str, Any]:
    return catalogue_for_path(path)


def parameters_of(catalogue: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        key: {"value": p["value"], "point": str(p["source"]["point"])}
        for key, p in (catalogue.get("parameters") or {}).items()
    }


def parsed_parameters(path: str | Path) -> dict[str, dict[str, Any]]:
    return parameters_of(parsed_catalogue(path))


def cross_references_of(catalogue: dict[str, Any]) -> list[dict[str, Any]]:
    return list(catalogue.get("cross_references") or [])
