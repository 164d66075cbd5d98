"""Check stage, inputs: read a local act into a Document and its catalogue.

Consumes a file path; the act is read, normalised and structured once (``docgen.catalogue.parse_document``)
and its catalogue is extracted from that same Document. Produces ``(Document, Catalogue | None)``.
"""

from __future__ import annotations

from ..catalogue_model import Catalogue
from ..model import Document


def load(path: str, *, build_catalogue: bool = True) -> tuple[Document, Catalogue | None]:
    from ..catalogue import catalogue_for_document, parse_document

    doc = parse_document(path)
    catalogue = catalogue_for_document(doc) if build_catalogue else None
    return doc, catalogue
