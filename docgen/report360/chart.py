"""360 report stage, chart: a native, editable Word radar chart («Паутинка») injected into a rendered DOCX.

Consumes DOCX bytes (rendered from ``result360_*.docx``) holding an anchor text in one run, the category
names and values. Produces DOCX bytes with ``word/charts/chart1.xml`` (``c:radarChart`` with cached
categories and values, so LibreOffice and Word draw it without the workbook), its relationship from
``word/document.xml``, the content-type override, and an embedded workbook (``word/embeddings``) so Word
can edit the data. The chart XML is written with lxml; python-docx has no chart support.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from lxml import etree

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
REL_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EMU_PER_CM = 360000
LABEL_PT = 10  # the axis numbers and the scale: at least 9 pt (issue 10, the radar readable on paper)
CHART_CM = 9.0  # at least half the text width of an A4 page with 30/10 mm margins (17 cm)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _el(parent: etree._Element, tag: str, val: str | None = None, **attrs: str) -> etree._Element:
    ns, name = tag.split(":")
    e = etree.SubElement(parent, f"{{{ {'c': C, 'a': A, 'r': R}[ns] }}}{name}")
    if val is not None:
        e.set("val", val)
    for k, v in attrs.items():
        e.set(k, v)
    return e


def radar_chart_xml(
    categories: Sequence[str],
    values: Sequence[float],
    series_name: str,
    *,
    axis_min: float,
    axis_max: float,
    with_workbook: bool = True,
) -> bytes:
    """``c:chartSpace`` with one radar series; the cached values make the chart self-contained."""
    n = len(categories)
    space = etree.Element(f"{{{C}}}chartSpace", nsmap={"c": C, "a": A, "r": R})
    _el(space, "c:date1904", "0")
    _el(space, "c:roundedCorners", "0")
    chart = _el(space, "c:chart")
    _el(chart, "c:autoTitleDeleted", "1")
    plot = _el(chart, "c:plotArea")
    _el(plot, "c:layout")
    radar = _el(plot, "c:radarChart")
    _el(radar, "c:radarStyle", "marker")
    _el(radar, "c:varyColors", "0")
    ser = _el(radar, "c:ser")
    _el(ser, "c:idx", "0")
    _el(ser, "c:order", "0")
    tx = _el(_el(ser, "c:tx"), "c:strRef")
    _el(tx, "c:f").text = "Sheet1!$C$1"
    cache = _el(tx, "c:strCache")
    _el(cache, "c:ptCount", "1")
    _el(_el(cache, "c:pt", idx="0"), "c:v").text = series_name
    ln = _el(_el(ser, "c:spPr"), "a:ln", w="28575")
    _el(_el(ln, "a:solidFill"), "a:srgbClr", "1F4E79")
    marker = _el(ser, "c:marker")
    _el(marker, "c:symbol", "circle")
    _el(marker, "c:size", "5")
    # the axes carry the competencies' numbers (the № column of the table beside the chart): twelve
    # names of up to 45 characters cannot stand round a radar at a readable size inside its frame
    cat = _el(_el(ser, "c:cat"), "c:strRef")
    _el(cat, "c:f").text = f"Sheet1!$A$2:$A${n + 1}"
    cache = _el(cat, "c:strCache")
    _el(cache, "c:ptCount", str(n))
    for i in range(n):
        _el(_el(cache, "c:pt", idx=str(i)), "c:v").text = str(i + 1)
    val = _el(_el(ser, "c:val"), "c:numRef")
    _el(val, "c:f").text = f"Sheet1!$C$2:$C${n + 1}"
    cache = _el(val, "c:numCache")
    _el(cache, "c:formatCode").text = "0.00"
    _el(cache, "c:ptCount", str(n))
    for i, v in enumerate(values):
        _el(_el(cache, "c:pt", idx=str(i)), "c:v").text = repr(float(v))
    _el(radar, "c:axId", "510001")
    _el(radar, "c:axId", "510002")

    cax = _el(plot, "c:catAx")
    _el(cax, "c:axId", "510001")
    _el(_el(cax, "c:scaling"), "c:orientation", "minMax")
    _el(cax, "c:delete", "0")
    _el(cax, "c:axPos", "b")
    _el(cax, "c:majorGridlines")
    _el(cax, "c:numFmt", formatCode="General", sourceLinked="1")
    _el(cax, "c:majorTickMark", "out")
    _el(cax, "c:minorTickMark", "none")
    _el(cax, "c:tickLblPos", "nextTo")
    _el(cax, "c:crossAx", "510002")
    _el(cax, "c:crosses", "autoZero")
    _el(cax, "c:auto", "1")
    _el(cax, "c:lblAlgn", "ctr")
    _el(cax, "c:lblOffset", "100")
    _el(cax, "c:noMultiLvlLbl", "0")

    vax = _el(plot, "c:valAx")
    _el(vax, "c:axId", "510002")
    scaling = _el(vax, "c:scaling")
    _el(scaling, "c:orientation", "minMax")
    _el(scaling, "c:max", f"{axis_max:g}")
    _el(scaling, "c:min", f"{axis_min:g}")
    _el(vax, "c:delete", "0")
    _el(vax, "c:axPos", "l")
    _el(vax, "c:majorGridlines")
    _el(vax, "c:numFmt", formatCode="0", sourceLinked="0")
    _el(vax, "c:majorTickMark", "cross")
    _el(vax, "c:minorTickMark", "none")
    _el(vax, "c:tickLblPos", "nextTo")
    _el(vax, "c:crossAx", "510001")
    _el(vax, "c:crosses", "autoZero")
    _el(vax, "c:crossBetween", "between")
    _el(vax, "c:majorUnit", "1")

    _el(chart, "c:plotVisOnly", "1")
    _el(chart, "c:dispBlanksAs", "gap")
    body = _el(space, "c:txPr")
    _el(body, "a:bodyPr")
    _el(body, "a:lstStyle")
    _el(_el(_el(body, "a:p"), "a:pPr"), "a:defRPr", sz=str(LABEL_PT * 100))
    if with_workbook:
        _el(_el(space, "c:externalData", **{f"{{{R}}}id": "rId1"}), "c:autoUpdate", "0")
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)


def chart_workbook(categories: Sequence[str], values: Sequence[float], series_name: str) -> bytes:
    """The chart's data as a small xlsx (embedded so Word's "Edit data" works)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    ws["A1"], ws["B1"], ws["C1"] = "№", "", series_name
    for i, (name, v) in enumerate(zip(categories, values, strict=True), 2):
        ws.cell(row=i, column=1, value=i - 1)
        ws.cell(row=i, column=2, value=name)
        ws.cell(row=i, column=3, value=round(float(v), 2))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _drawing(rel_id: str, size_cm: float, doc_pr_id: int) -> etree._Element:
    emu = str(int(size_cm * EMU_PER_CM))
    w = f"{{{W}}}"
    drawing = etree.Element(f"{w}drawing", nsmap={"w": W, "wp": WP, "a": A, "c": C, "r": R})
    inline = etree.SubElement(drawing, f"{{{WP}}}inline", distT="0", distB="0", distL="0", distR="0")
    etree.SubElement(inline, f"{{{WP}}}extent", cx=emu, cy=emu)
    etree.SubElement(inline, f"{{{WP}}}effectExtent", l="0", t="0", r="0", b="0")
    etree.SubElement(inline, f"{{{WP}}}docPr", id=str(doc_pr_id), name=f"Chart {doc_pr_id}")
    etree.SubElement(inline, f"{{{WP}}}cNvGraphicFramePr")
    graphic = etree.SubElement(inline, f"{{{A}}}graphic")
    gdata = etree.SubElement(graphic, f"{{{A}}}graphicData", uri=C)
    etree.SubElement(gdata, f"{{{C}}}chart").set(f"{{{R}}}id", rel_id)
    return drawing


def inject_radar_chart(
    docx: bytes,
    anchor: str,
    categories: Sequence[str],
    values: Sequence[float],
    *,
    series_name: str,
    caption: str,
    axis_min: float,
    axis_max: float,
    size_cm: float = CHART_CM,
) -> bytes:
    """Replace the run whose text is ``anchor`` by ``caption`` + the radar chart; add the chart parts."""
    if len(categories) != len(values) or not categories:
        raise ValueError("categories and values must be non-empty and of equal length")
    zin = zipfile.ZipFile(io.BytesIO(docx))
    parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    doc = etree.fromstring(parts["word/document.xml"], _PARSER)
    hits = [t for t in doc.iter(f"{{{W}}}t") if t.text == anchor]
    if len(hits) != 1:
        raise ValueError(f"expected one chart anchor in the document, found {len(hits)}")
    t = hits[0]
    run = t.getparent()
    assert run is not None
    t.text = caption
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"], _PARSER)
    used = {r.get("Id") for r in rels}
    k = 1
    while f"rIdChart{k}" in used:
        k += 1
    rel_id = f"rIdChart{k}"
    n = 1
    while f"word/charts/chart{n}.xml" in parts:
        n += 1
    etree.SubElement(rels, f"{{{PR}}}Relationship", Id=rel_id, Type=REL_CHART, Target=f"charts/chart{n}.xml")
    max_id = max(
        (int(e.get("id", "0")) for e in doc.iter(f"{{{WP}}}docPr") if e.get("id", "").isdecimal()), default=0
    )
    idx = list(run).index(t)
    br = etree.Element(f"{{{W}}}br")
    run.insert(idx + 1, br)
    run.insert(idx + 2, _drawing(rel_id, size_cm, max_id + 1))

    parts["word/document.xml"] = etree.tostring(doc, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/_rels/document.xml.rels"] = etree.tostring(
        rels, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    parts[f"word/charts/chart{n}.xml"] = radar_chart_xml(
        categories, values, series_name, axis_min=axis_min, axis_max=axis_max
    )
    xlsx = f"word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"
    parts[xlsx] = chart_workbook(categories, values, series_name)
    crels = etree.Element(f"{{{PR}}}Relationships", nsmap={None: PR})
    etree.SubElement(
        crels,
        f"{{{PR}}}Relationship",
        Id="rId1",
        Type=REL_PACKAGE,
        Target=f"../embeddings/Microsoft_Excel_Worksheet{n}.xlsx",
    )
    parts[f"word/charts/_rels/chart{n}.xml.rels"] = etree.tostring(
        crels, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    types = etree.fromstring(parts["[Content_Types].xml"], _PARSER)
    etree.SubElement(types, f"{{{CT}}}Override", PartName=f"/word/charts/chart{n}.xml", ContentType=CT_CHART)
    if not any(e.get("Extension") == "xlsx" for e in types.iter(f"{{{CT}}}Default")):
        etree.SubElement(types, f"{{{CT}}}Default", Extension="xlsx", ContentType=CT_XLSX)
    parts["[Content_Types].xml"] = etree.tostring(
        types, xml_declaration=True, encoding="UTF-8", standalone=True
    )

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        order = ["[Content_Types].xml"] + [p for p in parts if p != "[Content_Types].xml"]
        for name in order:
            zout.writestr(name, parts[name])
    return out.getvalue()
