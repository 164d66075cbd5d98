"""Official layout for every DOCX docgen writes (forms, sheets, reports, protocols, check report,
redline): a package-level pass over the OOXML parts of our own documents.

Consumes the bytes of a .docx that docgen itself produced (trusted XML: our templates and
python-docx output, never a user's file); produces the same document with:

- A4 pages (210 × 297 mm; landscape sections stay landscape, 297 × 210 mm) and the margins of
  Kazakhstan's rules for official documents: left 30 mm, right 10 mm, top 20 mm, bottom 20 mm.
  Source: «Правила документирования, управления документацией и использования систем электронного
  документооборота в государственных и негосударственных организациях» (постановление Правительства
  РК от 31 октября 2018 года № 703, replaced by постановление от 11 сентября 2023 года № 780), which
  keep the margins of the earlier «Типовые правила документирования и управления документацией»
  (приказ Министра культуры и спорта РК от 22 декабря 2014 года № 144). The figures could not be
  re-read offline from the current text; they are kept in :data:`MARGINS_MM` so that one edit
  changes every document.
- Times New Roman everywhere (theme fonts removed), the text tagged kk-KZ or ru-RU (never en-US), so
  Word's spell checker uses the act's language.
- Core properties: title, language, author = the body's name or "docgen" (never "python-docx").
- Table header rows that repeat on every page (``w:tblHeader``) and rows that never split across
  pages (``w:cantSplit``).

The pass is idempotent and is applied once to each template (so the fast fill path pays nothing per
document) and to the documents built in code (check report, 360 report, redline).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

LANG_TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}
FONT = "Times New Roman"
A4_MM = (210, 297)
MARGINS_MM = {"left": 30, "right": 10, "top": 20, "bottom": 20}
_TWIPS_PER_MM = 1440 / 25.4
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)


def lang_tag(lang: str) -> str:
    try:
        return LANG_TAGS[lang]
    except KeyError:
        raise ValueError(f"no language tag for {lang!r}") from None


def _child(parent: etree._Element, tag: str, *, first: bool = False) -> etree._Element:
    el = parent.find(_w(tag))
    if el is None:
        el = etree.Element(_w(tag))
        if first:
            parent.insert(0, el)
        else:
            parent.append(el)
    return el


# Order of the children of w:rPr and w:trPr / w:sectPr matters to strict readers; we only add
# elements that may come first (rFonts) or whose position we fix explicitly.
_RPR_ORDER = ("rStyle", "rFonts")


def _set_fonts(rpr: etree._Element) -> None:
    fonts = rpr.find(_w("rFonts"))
    if fonts is None:
        fonts = etree.Element(_w("rFonts"))
        style = rpr.find(_w("rStyle"))
        rpr.insert(0 if style is None else list(rpr).index(style) + 1, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(_w(attr), FONT)


def _set_lang(rpr: etree._Element, tag: str) -> None:
    lang = rpr.find(_w("lang"))
    if lang is None:
        lang = etree.SubElement(rpr, _w("lang"))
        # w:lang sits near the end of rPr: after everything except eastAsianLayout, specVanish, oMath.
        for later in ("eastAsianLayout", "specVanish", "oMath"):
            el = rpr.find(_w(later))
            if el is not None:
                el.addprevious(lang)
                break
    lang.set(_w("val"), tag)
    lang.set(_w("eastAsia"), tag)


def _fix_langs(root: etree._Element, tag: str) -> None:
    for lang in root.iter(_w("lang")):
        for attr in ("val", "eastAsia"):
            if lang.get(_w(attr)) is not None:
                lang.set(_w(attr), tag)
    for fonts in root.iter(_w("rFonts")):
        themed = [a for a in fonts.attrib if a.endswith("Theme")]
        for attr in themed:
            del fonts.attrib[attr]
        if themed or fonts.get(_w("ascii")) is not None:
            for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
                fonts.set(_w(attr), FONT)


_SECT_ORDER = (
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
)


def _place_in_sect(sect: etree._Element, el: etree._Element, tag: str) -> None:
    """Put ``el`` (a new pgSz/pgMar) at its schema position inside ``sectPr``."""
    before = _SECT_ORDER[: _SECT_ORDER.index(tag)]
    anchor = None
    for child in sect:
        if etree.QName(child).localname in before:
            anchor = child
    if anchor is None:
        sect.insert(0, el)
    else:
        anchor.addnext(el)


def _fix_section(sect: etree._Element) -> None:
    size = sect.find(_w("pgSz"))
    if size is None:
        size = etree.Element(_w("pgSz"))
        _place_in_sect(sect, size, "pgSz")
    landscape = size.get(_w("orient")) == "landscape" or int(size.get(_w("w"), "0") or 0) > int(
        size.get(_w("h"), "0") or 0
    )
    short, long_ = twips(A4_MM[0]), twips(A4_MM[1])
    size.set(_w("w"), str(long_ if landscape else short))
    size.set(_w("h"), str(short if landscape else long_))
    if landscape:
        size.set(_w("orient"), "landscape")
    elif _w("orient") in size.attrib:
        del size.attrib[_w("orient")]
    margins = sect.find(_w("pgMar"))
    if margins is None:
        margins = etree.Element(_w("pgMar"))
        _place_in_sect(sect, margins, "pgMar")
    for side, mm in MARGINS_MM.items():
        margins.set(_w(side), str(twips(mm)))
    for attr, default in (("header", "709"), ("footer", "709"), ("gutter", "0")):
        if margins.get(_w(attr)) is None:
            margins.set(_w(attr), default)


def _tr_pr(row: etree._Element) -> etree._Element:
    pr = row.find(_w("trPr"))
    if pr is None:
        pr = etree.Element(_w("trPr"))
        # trPr follows tblPrEx (if any) and precedes the cells.
        ex = row.find(_w("tblPrEx"))
        row.insert(0 if ex is None else list(row).index(ex) + 1, pr)
    return pr


def _flag(pr: etree._Element, tag: str) -> None:
    if pr.find(_w(tag)) is None:
        # cantSplit comes before tblHeader in CT_TrPr's choice list; both are simple flags.
        el = etree.Element(_w(tag))
        if tag == "cantSplit":
            pr.insert(0, el)
        else:
            pr.append(el)


def _header_row_count(rows: list[etree._Element]) -> int:
    """Rows that form the table's heading: the first row, and the rows below it that a vertical
    merge started in the first row runs into (multi-level headers). None when the first row is a
    template's row-loop tag (``{%tr for ... %}``): that row is never printed, the table has no heading
    (the last rows of a sheet, kept with its signature inside the sheet's table)."""
    if len(rows) < 2 or "".join(rows[0].itertext()).lstrip().startswith("{%tr"):
        return 0
    count = 1
    for row in rows[1:]:
        merges = row.findall(f"{_w('tc')}/{_w('tcPr')}/{_w('vMerge')}")
        if merges and all(m.get(_w("val"), "continue") == "continue" for m in merges) and count < 3:
            count += 1
        else:
            break
    return count


def _fix_tables(body: etree._Element) -> None:
    for table in body.iter(_w("tbl")):
        rows = table.findall(_w("tr"))
        heading = _header_row_count(rows)
        for i, row in enumerate(rows):
            pr = _tr_pr(row)
            _flag(pr, "cantSplit")
            if i < heading:
                _flag(pr, "tblHeader")


_TAIL_LIMIT = 16  # paragraphs; a longer tail is a text of its own, not a signature block


_LOOP_END = "{%tr endfor"
_VMERGE_TAG = re.compile(r"{%-?\s*vm\s*-?%}")  # docxtpl's vertical merge of a cell down the loop
# docxtpl/Jinja: the flag is on only on the loop's last turn (w:val is an on/off attribute)
_LAST_TURN = "{{ 'true' if loop.last else 'false' }}"


def _keep_next(p: etree._Element, val: str = "") -> None:
    ppr = p.find(_w("pPr"))
    if ppr is None:
        ppr = etree.Element(_w("pPr"))
        p.insert(0, ppr)
    if ppr.find(_w("keepNext")) is None:
        el = etree.Element(_w("keepNext"))
        if val:
            el.set(_w("val"), val)
        style = ppr.find(_w("pStyle"))
        ppr.insert(0 if style is None else list(ppr).index(style) + 1, el)


def _keep_tail_together(body: etree._Element) -> None:
    """Keep the closing block (notes, result, signatures, date) on the page of the last rows of the
    table it closes: every paragraph from that table's last row to the end is 'keep with next',
    so a signature line never stands alone on a page."""
    children = [c for c in body if etree.QName(c).localname in ("p", "tbl")]
    tables = [
        i
        for i, c in enumerate(children)
        if etree.QName(c).localname == "tbl" and len(c.findall(_w("tr"))) >= 3
    ]
    if not tables:
        return
    start = tables[-1]
    tail = children[start + 1 :]
    paragraphs = [
        p for el in tail for p in (el.iter(_w("p")) if etree.QName(el).localname == "tbl" else [el])
    ]
    if not paragraphs or len(paragraphs) > _TAIL_LIMIT:
        return
    rows = children[start].findall(_w("tr"))
    last_row = rows[-1]
    body_row = rows[-2] if len(rows) >= 2 else None
    if (
        body_row is not None
        and _LOOP_END in "".join(last_row.itertext())
        and body_row.find(f"{_w('tc')}/{_w('tcPr')}/{_w('vMerge')}") is None
        and not _VMERGE_TAG.search("".join(body_row.itertext()))
    ):
        # a template's row loop: the row printed last is the loop's body row on its last turn; keep it
        # (only then) with the closing block -- the «{%tr endfor %}» row itself is never printed. Not
        # when a cell runs down the loop's rows (the 360 result's chart): LibreOffice then moves the
        # merged cell, chart and all, to the next page instead of one row.
        for p in body_row.iter(_w("p")):
            _keep_next(p, _LAST_TURN)
    for p in [*last_row.iter(_w("p")), *paragraphs[:-1]]:
        _keep_next(p)


def _fix_document(xml: bytes, tag: str) -> bytes:
    root = etree.fromstring(xml, _PARSER)
    body = root.find(_w("body"))
    if body is not None:
        sections = list(body.iter(_w("sectPr")))
        if not sections:
            sections = [etree.SubElement(body, _w("sectPr"))]
        for sect in sections:
            _fix_section(sect)
        _fix_tables(body)
        _keep_tail_together(body)
    _fix_langs(root, tag)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fix_styles(xml: bytes, tag: str) -> bytes:
    root = etree.fromstring(xml, _PARSER)
    defaults = _child(root, "docDefaults", first=True)
    rpr_default = _child(defaults, "rPrDefault", first=True)
    rpr = _child(rpr_default, "rPr")
    _set_fonts(rpr)
    _set_lang(rpr, tag)
    _fix_langs(root, tag)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fix_settings(xml: bytes, tag: str) -> bytes:
    root = etree.fromstring(xml, _PARSER)
    for el in root.iter(_w("themeFontLang")):
        el.set(_w("val"), tag)
        if el.get(_w("eastAsia")) is not None:
            el.set(_w("eastAsia"), tag)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_CORE_TEMPLATE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<cp:coreProperties xmlns:cp="{CP}" xmlns:dc="{DC}" xmlns:dcterms="{DCTERMS}" '
    f'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="{XSI}"/>'
)


def _fix_core(xml: bytes | None, *, tag: str, title: str, author: str) -> bytes:
    root = etree.fromstring(xml or _CORE_TEMPLATE.encode("utf-8"), _PARSER)

    def put(ns: str, name: str, value: str) -> None:
        el = root.find(f"{{{ns}}}{name}")
        if el is None:
            el = etree.SubElement(root, f"{{{ns}}}{name}")
        el.text = value

    put(DC, "title", title)
    put(DC, "language", tag)
    put(DC, "creator", author)
    put(CP, "lastModifiedBy", author)
    for name in ("created", "modified"):
        el = root.find(f"{{{DCTERMS}}}{name}")
        if el is not None and not (el.text or "").strip():
            el.text = datetime(2020, 1, 1, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_CORE_REL = (
    '<Relationship Id="rIdCoreOfficial" '
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
)
_CORE_OVERRIDE = (
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
)


def officialize(data: bytes, *, lang: str, title: str, author: str = "docgen") -> bytes:
    """The document ``data`` (a .docx docgen wrote) in the official layout, in language ``lang``."""
    tag = lang_tag(lang)
    zin = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: zin.read(info.filename) for info in zin.infolist()}
    if "word/document.xml" not in parts:
        raise ValueError("not a Word document: word/document.xml is missing")
    parts["word/document.xml"] = _fix_document(parts["word/document.xml"], tag)
    if "word/styles.xml" in parts:
        parts["word/styles.xml"] = _fix_styles(parts["word/styles.xml"], tag)
    if "word/settings.xml" in parts:
        parts["word/settings.xml"] = _fix_settings(parts["word/settings.xml"], tag)
    had_core = "docProps/core.xml" in parts
    parts["docProps/core.xml"] = _fix_core(
        parts.get("docProps/core.xml"), tag=tag, title=title, author=author
    )
    if not had_core:
        rels = parts["_rels/.rels"].decode("utf-8")
        parts["_rels/.rels"] = rels.replace("</Relationships>", _CORE_REL + "</Relationships>").encode(
            "utf-8"
        )
        types = parts["[Content_Types].xml"].decode("utf-8")
        if "/docProps/core.xml" not in types:
            types = types.replace("</Types>", _CORE_OVERRIDE + "</Types>")
        parts["[Content_Types].xml"] = types.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        # [Content_Types].xml first, as Word writes it.
        for name in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, parts[name])
    return out.getvalue()
