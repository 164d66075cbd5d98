"""Check stage, output: render a :class:`CheckResult` as a DOCX report with python-docx.

Consumes a result; produces the bytes of a .docx: title, file and edition, a summary table by
category and severity, then each finding with its point, message, quote and expected wording.
"""

from __future__ import annotations

import io

from docx import Document as new_document
from docx.shared import Pt, RGBColor

from ..official import officialize
from .data import evidence_words, first_line, header_rows, label, point_label, summary_rows
from .findings import SEVERITIES, CheckResult

_COLOURS = {
    "error": RGBColor(0xB0, 0x00, 0x20),
    "warning": RGBColor(0xC7, 0x77, 0x00),
    "info": RGBColor(0x3A, 0x6E, 0xA5),
}


def render_docx(result: CheckResult) -> bytes:
    lang = result.language
    doc = new_document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"  # type: ignore[attr-defined]
    style.font.size = Pt(12)  # type: ignore[attr-defined]
    top = first_line(result)
    if top:
        doc.add_paragraph().add_run(top).bold = True
    doc.add_heading(label("report.title", lang), level=1)
    for name, value in header_rows(result):
        doc.add_paragraph(f"{name}: {value}")
    doc.add_heading(label("report.summary", lang), level=2)
    rows = summary_rows(result)
    table = doc.add_table(rows=1, cols=1 + len(SEVERITIES))
    table.style = "Table Grid"
    hdr = table.rows[0].cells
    hdr[0].text = label("report.category", lang)
    for i, s in enumerate(SEVERITIES):
        hdr[i + 1].text = label(f"severity.{s}", lang)
    for name, counts in rows:
        cells = table.add_row().cells
        cells[0].text = name
        for i, c in enumerate(counts):
            cells[i + 1].text = str(c)
    total = table.add_row().cells
    total[0].text = label("report.total", lang)
    for i in range(len(SEVERITIES)):
        total[i + 1].text = str(sum(r[1][i] for r in rows))
    doc.add_heading(label("report.findings", lang), level=2)
    if not result.findings:
        doc.add_paragraph(label("report.none", lang))
    for n, f in enumerate(result.findings, 1):
        p = doc.add_paragraph()
        run = p.add_run(f"{n}. {point_label(f.point, lang)} — {label(f'severity.{f.severity}', lang)}")
        run.bold = True
        run.font.color.rgb = _COLOURS[f.severity]
        doc.add_paragraph(f.message)
        if f.quote:
            q = doc.add_paragraph(f"{label('report.quote', lang)}: ")
            q.add_run(f"«{f.quote}»").italic = True
        if f.details.get("model_point"):
            doc.add_paragraph(f"{label('report.model_point', lang)}: {f.details['model_point']}")
        if f.expected:
            doc.add_paragraph(f"{label('report.expected', lang)}: {f.expected}")
        if f.actual:
            doc.add_paragraph(f"{label('report.actual', lang)}: {f.actual}")
        doc.add_paragraph(f"{label('report.evidence', lang)}: {evidence_words(f.evidence, lang)}")
    buf = io.BytesIO()
    doc.save(buf)
    return officialize(buf.getvalue(), lang=lang, title=label("report.title", lang))
