"""Stage 3 (structure): normalised text -> :class:`docgen.model.Document`.

Public API: :func:`parse_structure` (``SourceText`` + ``NormalizedText`` -> ``Document``),
:func:`docgen.structure.export.structure_json` and :func:`docgen.structure.export.outline_text`.
"""

from __future__ import annotations

from .document import parse_structure

__all__ = ["parse_structure"]
