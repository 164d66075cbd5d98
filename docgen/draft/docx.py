"""Draft stage, the Word document of a draft: caption at the right, title and chapters centred and
bold, numbered points and sub-points justified with a first-line indent, each appendix on a new page
with its caption, title and table; then :func:`docgen.official.officialize` (fonts, margins,
language tags, the official page layout).
"""

from __future__ import annotations

import io
from typing import Any

from ..official import officialize
from .compose import Draft


def render_docx(draft: Draft) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT  # noqa: F401  (python-docx loads its enums lazily)
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt
    from docx.table import _Cell

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    style.paragraph_format.space_after = Pt(0)

    def para(text: str, *, align: Any = None, bold: bool = False, indent: bool = False) -> None:
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Cm(1.25)

    for b in draft.blocks:
        if b.kind in ("caption", "appendix"):
            if b.kind == "appendix":
                p = doc.add_paragraph()
                p.add_run().add_break(WD_BREAK.PAGE)
            for line in b.lines:
                para(line, align=WD_ALIGN_PARAGRAPH.RIGHT)
            para("")
        elif b.kind in ("title", "form_title"):
            para(b.text, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
            para("")
        elif b.kind == "chapter":
            para("")
            para(b.text, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
            para("")
        elif b.kind == "point":
            para(f"{b.number}. {b.text}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
        elif b.kind == "item":
            para(f"{b.number} {b.text}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
        elif b.kind == "note" and b.text.startswith(("(", "_")):
            para(b.text, align=WD_ALIGN_PARAGRAPH.CENTER)  # the blanks of a form and their legends
        elif b.kind in ("para", "note"):
            para(b.text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
        elif b.kind == "table" and b.rows:
            table = doc.add_table(rows=len(b.rows), cols=len(b.rows[0]))
            table.style = "Table Grid"
            # the form's own widths; else, for the four-column sheets, the parameter column takes
            # the room and the score and comment columns stay narrow; else equal columns (17 cm of
            # text width between the official margins)
            count = len(b.rows[0])
            if b.widths:
                widths = [Cm(w) for w in b.widths]
            elif count == 4:
                widths = [Cm(6.5), Cm(2.8), Cm(3.2), Cm(4.5)]
            else:
                widths = [Cm(17.0 / count)] * count
            table.autofit = False
            for column, width in zip(table.columns, widths, strict=False):
                column.width = width  # the grid LibreOffice and Word lay the table out by
            # cells read row by row from the XML (python-docx's table.cell() and row.cells walk the
            # whole table each time: quadratic on the 360 sheets' 49 rows)
            grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
            size = Pt(12 if count < 6 else 10)  # six columns and more: 10 pt
            for r, span in b.merged.items():  # a row whose first cell spans columns (an average row)
                grid[r][0].merge(grid[r][span - 1])
                grid[r] = [grid[r][0], *grid[r][span:]]
                grid[r][0].width = sum(widths[:span], Cm(0))
                for cell, width in zip(grid[r][1:], widths[span:], strict=False):
                    cell.width = width
            for r, row in enumerate(b.rows):
                if r in b.merged:
                    grid[r][0].paragraphs[0].add_run(row[0]).font.size = size
                    continue
                for c, (value, cell) in enumerate(zip(row, grid[r], strict=True)):
                    if c < len(widths):
                        cell.width = widths[c]
                    if value:
                        run = cell.paragraphs[0].add_run(value)
                        if r == 0:
                            run.bold = True
                        run.font.size = size
            para("")
    buf = io.BytesIO()
    doc.save(buf)
    return officialize(buf.getvalue(), lang=draft.lang, title=draft.title)
