"""Draft stage, the Word document of an amended edition, laid out by the act's own structure
(:class:`docgen.model.Document` nodes): the approving act's title and the methodology's title centred
and bold, the appendix caption at the right, chapter titles centred and bold, points and the rest
justified with a first-line indent; then the official layout (:func:`docgen.official.officialize`)."""

from __future__ import annotations

import io
from typing import Any

from ..model import Document
from ..official import officialize


def render_edition(doc: Document, lang: str, title: str) -> bytes:
    """DOCX bytes of the edition ``doc`` (every line of its text, in order)."""
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    out = Docx()
    style: Any = out.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    style.paragraph_format.space_after = Pt(0)
    text = doc.text
    for node in doc.nodes:
        kind, ref = node.kind, node.ref
        centred = (
            kind == "chapter_title" or ref == "methodology_title" or (kind == "header" and node.start == 0)
        )
        right = kind == "caption"
        for line in text[node.start : node.end].split("\n"):
            if not line.strip():
                continue
            p = out.add_paragraph()
            run = p.add_run(line.strip())
            if centred:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run.bold = True
            elif right:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            else:
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                p.paragraph_format.first_line_indent = Cm(1.25)
    buf = io.BytesIO()
    out.save(buf)
    return officialize(buf.getvalue(), lang=lang, title=title)
