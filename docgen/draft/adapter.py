"""Draft stage, the one place that reads a parse result (the catalogue stage's public functions).

``parsed_parameters(path)`` -> ``{key: {"value", "point"}}`` and ``parsed_links(path)`` -> the cross
references the parser found, read from the typed :class:`~docgen.catalogue_model.Catalogue`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalogue import catalogue_for_path
from ..catalogue_model import Catalogue


def parsed_catalogue(path: str | Path) -> Catalogue:
    return catalogue_for_path(path)


def parameters_of(catalogue: Catalogue) -> dict[str, dict[str, Any]]:
    return {key: {"value": p.value, "point": str(p.source.point)} for key, p in catalogue.parameters.items()}


def parsed_parameters(path: str | Path) -> dict[str, dict[str, Any]]:
    return parameters_of(parsed_catalogue(path))


def cross_references_of(catalogue: Catalogue) -> list[dict[str, Any]]:
    """The cross references as JSON objects (``from_point``, ``to_point`` or ``to_appendix``, ``quote``)."""
    return [dict(r) for r in catalogue.to_json().get("cross_references") or []]
