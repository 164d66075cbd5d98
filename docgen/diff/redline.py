"""Diff stage, Word redline: :class:`TextDiff` -> DOCX bytes with real tracked changes (lxml).

Consumes the aligned units of :mod:`docgen.diff.text`; produces a WordprocessingML package whose
body is the NEW text, one paragraph per non-empty line, where every change is a tracked revision
(``w:ins`` / ``w:del`` with author and ISO date): changed words inside a kept paragraph, and whole
inserted or deleted paragraphs whose paragraph mark is itself marked (``w:pPr/w:rPr/w:ins|w:del``),
so "accept all" gives the new text and "reject all" the old one. ``accept_all`` / ``reject_all``
apply the revisions to such a package programmatically (used by tests and by ``--check``).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

from lxml import etree

from ..official import LANG_TAGS, officialize
from .text import TextDiff, Unit, similarity, word_diff

__all__ = ["RedPara", "redline_paragraphs", "build_redline", "accept_all", "reject_all", "xml_safe"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _BAD_XML.sub("", text)


@dataclass
class RedPara:
    """One paragraph of the redline: segments ``(op, text)`` with op equal|ins|del, and its mark."""

    segments: list[tuple[str, str]]
    mark: str  # "equal" | "ins" | "del"
    style: str = "normal"  # "normal" | "heading"


def _style(u: Unit, k: int) -> str:
    return (
        "heading"
        if u.kind == "chapter" or (u.kind == "part" and u.ref == "part:methodology_title")
        else "normal"
    )


def _pair_block(a: list[str], b: list[str]) -> list[tuple[int | None, int | None]]:
    """Monotone pairing of a replaced block of paragraphs by similarity (window of 5)."""
    out: list[tuple[int | None, int | None]] = []
    j = 0
    for i, pa in enumerate(a):
        best: tuple[float, int] | None = None
        for jj in range(j, min(len(b), j + 5)):
            s = similarity(pa, b[jj])
            if s >= 0.5 and (best is None or s > best[0]):
                best = (s, jj)
        if best is None:
            out.append((i, None))
            continue
        out += [(None, k) for k in range(j, best[1])]
        out.append((i, best[1]))
        j = best[1] + 1
    out += [(None, k) for k in range(j, len(b))]
    return out


def _diff_paragraphs(o: Unit, n: Unit) -> list[RedPara]:
    import difflib

    a, b = list(o.paragraphs), list(n.paragraphs)
    out: list[RedPara] = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out += [RedPara([("equal", p)], "equal", _style(n, k)) for k, p in enumerate(b[j1:j2])]
            continue
        for x, y in _pair_block(a[i1:i2], b[j1:j2]):
            if x is not None and y is not None:
                segs: list[tuple[str, str]] = []
                for wop, ot, nt in word_diff(a[i1 + x], b[j1 + y]):
                    if wop == "equal":
                        segs.append(("equal", nt))
                    else:
                        if ot:
                            segs.append(("del", ot))
                        if nt:
                            segs.append(("ins", nt))
                out.append(RedPara(segs, "equal", _style(n, 0)))
            elif x is not None:
                out.append(RedPara([("del", a[i1 + x])], "del", _style(o, 0)))
            elif y is not None:
                out.append(RedPara([("ins", b[j1 + y])], "ins", _style(n, 0)))
    return out


def redline_paragraphs(td: TextDiff) -> list[RedPara]:
    """The merged paragraph sequence of the redline, in new-text order."""
    out: list[RedPara] = []
    for oi, ni in td.order:
        if oi is not None and ni is not None:
            out += _diff_paragraphs(td.old_units[oi], td.new_units[ni])
        elif oi is not None:
            u = td.old_units[oi]
            out += [RedPara([("del", p)], "del", _style(u, 0)) for p in u.paragraphs]
        elif ni is not None:
            u = td.new_units[ni]
            out += [RedPara([("ins", p)], "ins", _style(u, 0)) for p in u.paragraphs]
    return _group_runs(_isolate(out))


def _whole(rp: RedPara) -> list[RedPara]:
    old = "".join(t for op, t in rp.segments if op != "ins")
    new = "".join(t for op, t in rp.segments if op != "del")
    return [RedPara([("del", old)], "del", rp.style), RedPara([("ins", new)], "ins", rp.style)]


def _isolate(paras: list[RedPara]) -> list[RedPara]:
    """A kept paragraph whose word-level change touches a neighbouring whole-paragraph change
    becomes a deleted + inserted pair: LibreOffice fuses such touching revisions across the kept
    paragraph mark and would then drop that mark on "reject all"."""
    changed = True
    while changed:
        changed = False
        out: list[RedPara] = []
        for k, rp in enumerate(paras):
            if rp.mark == "equal" and any(op != "equal" for op, _ in rp.segments):
                segs = [x for x in rp.segments if x[1]]
                nxt = paras[k + 1].mark if k + 1 < len(paras) else "equal"
                prv = out[-1].mark if out else "equal"
                if (segs[-1][0] != "equal" and nxt != "equal") or (segs[0][0] != "equal" and prv != "equal"):
                    out += _whole(rp)
                    changed = True
                    continue
            out.append(rp)
        paras = out
    return paras


def _group_runs(paras: list[RedPara]) -> list[RedPara]:
    """Within each run of whole-paragraph changes, deleted paragraphs first, then inserted ones.

    Accept/reject results are unchanged; the redline reads as "old block, new block", and no
    deleted paragraph sits between two inserted ones (a pattern LibreOffice's import mishandles)."""
    out: list[RedPara] = []
    run: list[RedPara] = []
    for rp in [*paras, RedPara([], "equal")]:
        if rp.mark in ("del", "ins"):
            run.append(rp)
            continue
        out += [r for r in run if r.mark == "del"] + [r for r in run if r.mark == "ins"]
        run = []
        if rp.segments:
            out.append(rp)
    return out


class _Ids:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return str(self.n)


def _run(parent: etree._Element, text: str, deleted: bool, bold: bool) -> None:
    r = etree.SubElement(parent, _w("r"))
    if bold:
        etree.SubElement(etree.SubElement(r, _w("rPr")), _w("b"))
    for k, piece in enumerate(xml_safe(text).split("\t")):
        if k:
            etree.SubElement(r, _w("tab"))
        if piece:
            t = etree.SubElement(r, _w("delText" if deleted else "t"))
            t.set(_XML_SPACE, "preserve")
            t.text = piece


def _rev(parent: etree._Element, tag: str, ids: _Ids, author: str, date: str) -> etree._Element:
    el = etree.SubElement(parent, _w(tag))
    el.set(_w("id"), ids.next())
    el.set(_w("author"), author)
    el.set(_w("date"), date)
    return el


def _document_xml(paras: list[RedPara], author: str, date: str) -> bytes:
    ids = _Ids()
    doc = etree.Element(_w("document"), nsmap={"w": W})
    body = etree.SubElement(doc, _w("body"))
    for rp in paras:
        p = etree.SubElement(body, _w("p"))
        bold = rp.style == "heading"
        if rp.mark != "equal" or bold:
            ppr = etree.SubElement(p, _w("pPr"))
            if bold:
                etree.SubElement(ppr, _w("keepNext"))
            if rp.mark != "equal":
                rpr = etree.SubElement(ppr, _w("rPr"))
                _rev(rpr, rp.mark, ids, author, date)
        for op, text in rp.segments:
            if not text:
                continue
            if op == "equal":
                _run(p, text, False, bold)
            else:
                _run(_rev(p, op, ids, author, date), text, op == "del", bold)
    etree.SubElement(body, _w("p"))  # unchanged last paragraph: every tracked mark has a successor
    sect = etree.SubElement(body, _w("sectPr"))
    pg = etree.SubElement(sect, _w("pgSz"))
    pg.set(_w("w"), "11906")
    pg.set(_w("h"), "16838")
    mar = etree.SubElement(sect, _w("pgMar"))
    for side, v in (("top", "1134"), ("right", "850"), ("bottom", "1134"), ("left", "1701")):
        mar.set(_w(side), v)
    return etree.tostring(doc, xml_declaration=True, encoding="UTF-8", standalone=True)


_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
</Relationships>"""

_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>
<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>
<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
</w:styles>"""

_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:trackRevisions/></w:settings>"""


def _core(title: str, date: str) -> str:
    from xml.sax.saxutils import escape

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(xml_safe(title))}</dc:title><dc:creator>docgen</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created></cp:coreProperties>'
    )


def iso_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_redline(
    td: TextDiff,
    *,
    author: str = "docgen",
    date: str | None = None,
    title: str = "",
    lang: str | None = None,
) -> bytes:
    """DOCX bytes of the redline (see module docstring). ``date``: ISO 8601, default now (UTC);
    ``lang`` (kk/ru): the texts' language, for the official layout and the language tag."""
    date = date or iso_now()
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES.encode(),
        "_rels/.rels": _RELS.encode(),
        "word/_rels/document.xml.rels": _DOC_RELS.encode(),
        "word/document.xml": _document_xml(redline_paragraphs(td), author, date),
        "word/styles.xml": _STYLES.encode(),
        "word/settings.xml": _SETTINGS.encode(),
        "docProps/core.xml": _core(title or "docgen redline", date).encode(),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    if lang in LANG_TAGS:
        assert lang is not None
        return officialize(buf.getvalue(), lang=lang, title=title or "docgen redline", author=author)
    return buf.getvalue()


def _apply(docx: bytes, drop: str) -> list[str]:
    """Paragraph texts after removing revisions of kind ``drop`` ("del" = accept, "ins" = reject)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"), etree.XMLParser(resolve_entities=False))
    body = root.find("w:body", _NS)
    assert body is not None
    out: list[str] = []
    carry = ""
    for p in body.findall("w:p", _NS):
        parts: list[str] = []
        for el in p.iter(_w("t"), _w("delText"), _w("tab")):
            anc = {a.tag for a in el.iterancestors()}
            if _w(drop) in anc:
                continue
            parts.append("\t" if el.tag == _w("tab") else (el.text or ""))
        text = carry + "".join(parts)
        if p.find(f"w:pPr/w:rPr/w:{drop}", _NS) is not None:
            carry = text  # the paragraph mark goes: join with the next paragraph
            continue
        carry = ""
        if text.strip():
            out.append(text)
    if carry.strip():
        out.append(carry)
    return out


def accept_all(docx: bytes) -> list[str]:
    """Non-empty paragraph texts of ``docx`` with every revision accepted."""
    return _apply(docx, "del")


def reject_all(docx: bytes) -> list[str]:
    """Non-empty paragraph texts of ``docx`` with every revision rejected."""
    return _apply(docx, "ins")
