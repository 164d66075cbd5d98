"""Draft stage, the Word document of an amended edition: one paragraph per line of the edition's
text (headings centred and bold, points justified with a first-line indent), then the official
layout (:func:`docgen.official.officialize`)."""

from __future__ import annotations

import io
import re
from typing import Any

from ..official import officialize

_POINT = re.compile(r"^\s*\d+(?:-\d+)?[.)]\s")


def render_edition(text: str, lang: str, title: str, headings: set[str] | None = None) -> bytes:
    """DOCX bytes of the edition ``text``; lines in ``headings`` (chapter titles, the title) bold."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    heads = {h.strip() for h in (headings or set())}
    doc = Document()
    style: Any = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    style.paragraph_format.space_after = Pt(0)
    for line in text.split("\n"):
        if not line.strip():
            continue
        p = doc.add_paragraph()
        if line.strip() in heads:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(line.strip()).bold = True
            continue
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if _POINT.match(line) or not line.startswith("\t"):
            p.paragraph_format.first_line_indent = Cm(1.25)
        p.add_run(line.strip())
    buf = io.BytesIO()
    doc.save(buf)
    return officialize(buf.getvalue(), lang=lang, title=title)
