"""Assertions for the official layout of a DOCX (docgen/official.py), shared by the tests of every
writer: A4 and the official margins, Times New Roman, the act's language tag and no other, core
properties, repeating header rows and rows that do not split."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DC = "http://purl.org/dc/elements/1.1/"
TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}
# Written from the rules for official documents (left 30, right 10, top 20, bottom 20 mm), in twips.
MARGINS = {"left": 1701, "right": 567, "top": 1134, "bottom": 1134}
A4 = {(11906, 16838), (16838, 11906)}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def is_hidden_paragraph(p: etree._Element) -> bool:
    """An empty paragraph that is not printed (its mark hidden): what joins a table to its last rows."""
    return (
        p.tag == _w("p")
        and not "".join(p.itertext()).strip()
        and p.find(f"{_w('pPr')}/{_w('rPr')}/{_w('vanish')}") is not None
    )


def is_continuation(table: etree._Element) -> bool:
    """A table that continues another on paper: the last rows of a sheet kept with its signature in
    the sheet's table's last row (scripts/templates/forms.py, a table inside that row's one cell), or
    a table under the one before it with only a hidden paragraph between them."""
    if table.getparent() is not None and table.getparent().tag == _w("tc"):
        return True
    gap = table.getprevious()
    return (
        gap is not None
        and is_hidden_paragraph(gap)
        and gap.getprevious() is not None
        and (gap.getprevious().tag == _w("tbl"))
    )


def assert_official(data: bytes, lang: str, *, what: str = "document") -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    doc = etree.fromstring(parts["word/document.xml"])
    sections = list(doc.iter(_w("sectPr")))
    assert sections, f"{what}: no section properties"
    for sect in sections:
        size = sect.find(_w("pgSz"))
        assert size is not None, f"{what}: section without a page size"
        assert (int(size.get(_w("w"))), int(size.get(_w("h")))) in A4, f"{what}: page is not A4"
        mar = sect.find(_w("pgMar"))
        assert mar is not None
        assert {k: int(mar.get(_w(k))) for k in MARGINS} == MARGINS, f"{what}: margins"
    tag = TAGS[lang]
    for name in ("word/document.xml", "word/styles.xml"):
        if name not in parts:
            continue
        root = etree.fromstring(parts[name])
        langs = {v for el in root.iter(_w("lang")) for v in (el.get(_w("val")), el.get(_w("eastAsia"))) if v}
        assert langs <= {tag}, f"{what}: {name} tags {sorted(langs)}, expected only {tag}"
        for fonts in root.iter(_w("rFonts")):
            assert not [a for a in fonts.attrib if a.endswith("Theme")], f"{what}: theme font in {name}"
            for attr in ("ascii", "hAnsi"):
                value = fonts.get(_w(attr))
                assert value in (None, "Times New Roman"), f"{what}: font {value} in {name}"
    styles = etree.fromstring(parts["word/styles.xml"])
    default = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    assert default is not None
    assert default.find(_w("lang")).get(_w("val")) == tag, f"{what}: default language"
    assert default.find(_w("rFonts")).get(_w("ascii")) == "Times New Roman", f"{what}: default font"
    for table in doc.iter(_w("tbl")):
        rows = table.findall(_w("tr"))
        for row in rows:
            assert row.find(f"{_w('trPr')}/{_w('cantSplit')}") is not None, f"{what}: a row may split"
        loop = "".join(rows[0].itertext()).lstrip().startswith("{%tr") if rows else False
        if len(rows) > 1 and not is_continuation(table) and not loop:  # a loop's tag row is no heading
            assert rows[0].find(f"{_w('trPr')}/{_w('tblHeader')}") is not None, f"{what}: header row"
    core = etree.fromstring(parts["docProps/core.xml"])
    creator = core.findtext(f"{{{DC}}}creator") or ""
    assert creator and "python-docx" not in creator, f"{what}: author {creator!r}"
    assert core.findtext(f"{{{DC}}}language") == tag, f"{what}: core language"
    assert (core.findtext(f"{{{DC}}}title") or "").strip(), f"{what}: no title"
