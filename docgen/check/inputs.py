"""Check stage, inputs: read a local act into a Document and its catalogue.

Consumes a file path; the act is read, normalised and structured once (``docgen.catalogue.parse_document``)
and its catalogue is extracted from that same Document. Produces ``(Document, catalogue | None, notes)``.
"""

from __future__ import annotations

from typing import Any

from ..model import Document


def load(path: str, *, build_catalogue: bool = True) -> tuple[Document, dict[str, Any] | None, list[str]]:
    from ..catalogue import catalogue_for_document, parse_document

    doc = parse_document(path)
    catalogue = catalogue_for_document(doc).to_json() if build_catalogue else None
    return doc, catalogue, []
