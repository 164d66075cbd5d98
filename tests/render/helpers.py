"""Shared test helpers for the rendering, forms and batch tests."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from docgen.catalogue import read_catalogue_json
from docgen.catalogue_model import Catalogue

CATALOGUES = Path(__file__).resolve().parents[1] / "data" / "catalogues"


def load_json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CATALOGUES / name).read_text(encoding="utf-8"))
    return data


def load_catalogue(name: str) -> Catalogue:
    return read_catalogue_json(CATALOGUES / name)


def document_xml(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return zf.read("word/document.xml")


def c14n(xml: bytes) -> bytes:
    parser = etree.XMLParser(remove_blank_text=False, resolve_entities=False)
    out: bytes = etree.tostring(etree.fromstring(xml, parser), method="c14n")
    return out


def docx_text(docx: bytes) -> str:
    """All paragraph and table-cell text of a DOCX as python-docx reads it."""
    import docx as pydocx

    d = pydocx.Document(io.BytesIO(docx))
    parts = [p.text for p in d.paragraphs]

    def table(t: Any) -> None:  # a table inside a cell too, in print order (a sheet's closing row)
        for row in t.rows:
            for cell in row.cells:
                if not cell.tables:
                    parts.append(cell.text)
                    continue
                for item in cell.iter_inner_content():
                    if hasattr(item, "rows"):
                        table(item)
                    else:
                        parts.append(item.text)

    for t in d.tables:
        table(t)
    return "\n".join(parts)
