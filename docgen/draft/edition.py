"""Draft stage, the Word document of an amended edition, laid out by the act's own structure
(:class:`docgen.model.Document` nodes): the approving act's title and the methodology's title centred
and bold, the appendix caption at the right, chapter titles centred and bold, points and the rest
justified with a first-line indent; then the official layout (:func:`docgen.official.officialize`).
The paragraphs are written as one WordprocessingML fragment (a 60 KB act has ~1000 of them)."""

from __future__ import annotations

import io
import re
from typing import Any
from xml.sax.saxutils import escape

from ..model import Document
from ..official import officialize

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_PPR = {
    "centre": '<w:pPr><w:jc w:val="center"/></w:pPr>',
    "right": '<w:pPr><w:jc w:val="right"/></w:pPr>',
    "body": '<w:pPr><w:ind w:firstLine="709"/><w:jc w:val="both"/></w:pPr>',
}


def _para(text: str, kind: str) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if kind == "centre" else ""
    runs = []
    for k, piece in enumerate(_BAD_XML.sub("", text).split("\t")):
        if k:
            runs.append(f"<w:r>{rpr}<w:tab/></w:r>")
        if piece:
            runs.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return f"<w:p>{_PPR[kind]}{''.join(runs)}</w:p>"


def render_edition(doc: Document, lang: str, title: str) -> bytes:
    """DOCX bytes of the edition ``doc`` (every non-empty line of its text, in order)."""
    from docx import Document as Docx
    from docx.shared import Pt
    from lxml import etree

    out = Docx()
    style: Any = out.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    style.paragraph_format.space_after = Pt(0)
    text = doc.text
    paras: list[str] = []
    for node in doc.nodes:
        if (
            node.kind == "chapter_title"
            or node.ref == "methodology_title"
            or (node.kind == "header" and node.start == 0)
        ):
            kind = "centre"
        elif node.kind == "caption":
            kind = "right"
        else:
            kind = "body"
        paras += [
            _para(line.strip(), kind) for line in text[node.start : node.end].split("\n") if line.strip()
        ]
    fragment = etree.fromstring(f'<w:body xmlns:w="{W}">{"".join(paras)}</w:body>')
    body = out.element.body
    sect = body[-1]
    for p in list(fragment):
        sect.addprevious(p)
    buf = io.BytesIO()
    out.save(buf)
    return officialize(buf.getvalue(), lang=lang, title=title)


def render_amendment(wording: str, lang: str, title: str) -> bytes:
    """DOCX bytes of the amending wording (:func:`docgen.draft.amend.amendment_text`): every non-empty
    line a justified paragraph with a first-line indent, the quoted new text included; then the official
    layout."""
    from docx import Document as Docx
    from docx.shared import Pt
    from lxml import etree

    out = Docx()
    style: Any = out.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    style.paragraph_format.space_after = Pt(0)
    paras = [_para(line.strip(), "body") for line in wording.split("\n") if line.strip()]
    fragment = etree.fromstring(f'<w:body xmlns:w="{W}">{"".join(paras)}</w:body>')
    sect = out.element.body[-1]
    for p in list(fragment):
        sect.addprevious(p)
    buf = io.BytesIO()
    out.save(buf)
    return officialize(buf.getvalue(), lang=lang, title=title)
