"""Build the DOCX templates of the appendix forms (templates_kk/, templates_ru/) with python-docx.

Run: ``.venv/bin/python scripts/templates/forms.py`` (writes both folders; the built files are
committed). Each template holds docxtpl/Jinja tags; the kk and ru files of a kind have the same
name and exactly the same variables, only the static text differs (taken from the seeds'
appendices: 003/004 for the 2025 sheets, 000 for the 2018 KPI/differentiation/360 forms, 001 for
the 2017 competency forms). Layout follows the printed appendices: the appendix caption and the
«Нысан»/«Форма» corner on the right, the centred title, header fields with their captions, the
table with the printed columns, then the notes, the result line and the signature/date lines.

Every ``{{ }}`` sits whole inside one run, and every ``<w:t>`` gets ``xml:space="preserve"``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from slim import finish  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from docgen.forms.labels import labels as form_labels  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Static text of the forms, per language (same keys).
STATIC: dict[str, dict[str, Any]] = {
    "ru": {
        "intro": [
            'В целях оценки деятельности административных государственных служащих корпуса "Б" '
            "(далее – оценка) предлагаем Вам оценить своих коллег по 5-балльной шкале.",
            "Оценки необходимо выставлять объективно, без личных симпатий/антипатий.",
            "Анкету необходимо заполнить сразу же от начала до конца, не отвлекаясь.",
            "Так, Вы сможете сэкономить время и повысить достоверность результатов.",
        ],
        "note_avg": "Примечание: для расчета средней итоговой оценки необходимо сумму выставленных оценок "
        "разделить на количество оцениваемых параметров.",
        "note_zero": "* оценка 0 баллов выставляется в случае полного неисполнения служащим параметра оценки.",
        "result": "Результат оценки: ",
        "result_basis": "Результат оценки служащему выставляется исходя из средней итоговой оценки.",
        "result_basis_final": "Результат оценки служащему выставляется исходя из итоговой оценки.",
        "signature": "Подпись____________________________",
        "signature_note": "(удостоверенная с помощью электронной цифровой подписи)",
        "date": "Дата",
        "diff_evaluated": "Ф.И.О. оцениваемого служащего: ",
        "diff_evaluator": "Ф.И.О. оценивающего служащего (руководителя структурного подразделения): ",
        "diff_intro": [
            'В целях оценки деятельности административных государственных служащих корпуса "Б" '
            "(далее – оценка) предлагаем Вам оценить своих коллег методом дифференциации по 5-балльной шкале.",
            "Оценки необходимо выставлять объективно, без личных симпатий/антипатий.",
            "Анкету необходимо заполнить сразу же от начала до конца, не отвлекаясь. Так, Вы сможете "
            "сэкономить время и повысить достоверность результатов.",
        ],
        "justification": "Обоснование выставленной оценки: ",
        "superior": "Вышестоящий руководитель",
        "initials": "(фамилия, инициалы)",
        "day": "дата ",
        "sign": "подпись ",
        "plan_period": "(период, на который составляется индивидуальный план)",
        "year_suffix": " год",
        "employee": "Фамилия, имя, отчество (при его наличии) служащего: ",
        "position": "Должность служащего: ",
        "unit": "Наименование структурного подразделения служащего: ",
        "kpi_footnote": "* Ожидаемые положительные изменения от достижения целевого индикатора.",
        "servant": "Служащий",
        "direct_superior": "Непосредственный руководитель",
        "evaluated_person": "Оцениваемое лицо",
        "evaluating_person": "Оценивающее лицо",
        "kpi_evaluated_caption": "(Ф.И.О., должность оцениваемого лица)",
        "kpi_period_caption": "(оцениваемый период)",
        "kpi0_evaluated_caption": "(Ф.И.О., должность оцениваемого лица)",
        "kpi_final_note": "Сумма оценок по КЦИ, деленная на количество КЦИ",
        "kpi_table_note": "Примечание: оценка определяется в зависимости от процента реализации целевого "
        "индикатора. При этом в допустимом диапазоне оценивающее лицо выставляет оценку по своему усмотрению.",
        "r360_evaluated": "Ф.И.О. оцениваемого: ",
        "r360_greeting": "Уважаемый респондент!",
        "r360_intro": [
            'В целях оценки деятельности административных государственных служащих корпуса "Б" '
            "(далее – оценка) предлагаем Вам оценить своих коллег методом 360.",
            "Примечание: метод 360 – метод оценки, направленный на выявление наличия у оцениваемого лица "
            "требуемых компетенций путем опроса группы людей из рабочего окружения оцениваемого лица.",
            "Оценки необходимо выставлять объективно, без личных симпатий/антипатий. Анонимность гарантируется.",
        ],
        "r360_average": "Средняя оценка рассчитывается в автоматическом режиме путем суммирования баллов и "
        "деления на количество ответов респондентов по каждой компетенции.",
        "comp_year_caption": "(оцениваемый год)",
        "comp_employee": "Фамилия, имя, отчество (при его наличии) оцениваемого служащего: ",
        "comp_position": "Должность оцениваемого служащего: ",
        "comp_unit": "Наименование структурного подразделения оцениваемого служащего: ",
    },
    "kk": {
        "intro": [
            '"Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалау (бұдан әрі – бағалау) '
            "мақсатында Сізге өз әріптестеріңізді 5 баллдық шкала бойынша бағалауды ұсынамыз.",
            "Бағаларды объективті түрде, жеке ұнатуларсыз/ұнатпауларсыз қою керек.",
            "Сауалнаманы басынан аяғына дейін алаңдамай толтыру қажет.",
            "Осылайша, Сіз уақытты үнемдей аласыз және нәтижелердің дұрыстылығын арттыра аласыз.",
        ],
        "note_avg": "Ескертпе: Орташа қорытынды бағаны есептеу үшін қойылған бағалар сомасын бағаланатын "
        "параметрлер санына бөлу керек.",
        "note_zero": "* Бағалаудың 0 баллы қызметші бағалау параметрін толық орындамаған жағдайда қойылады.",
        "result": "Бағалау нәтижесі: ",
        "result_basis": "Қызметшінің бағалау нәтижесі орташа қорытынды бағаның негізінде қойылады.",
        "result_basis_final": "Қызметшінің бағалау нәтижесі қорытынды бағаның негізінде қойылады.",
        "signature": "Қолы _____________________________",
        "signature_note": "(электрондық цифрлық қолтаңба арқылы куәләндырылған)",
        "date": "Күні",
        "diff_evaluated": "Бағаланатын қызметшінің Т.А.Ә.: ",
        "diff_evaluator": "Бағалайтын қызметшінің (құрылымдық бөлімше басшысының) Т.А.Ә.: ",
        "diff_intro": [
            '"Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалау (бұдан әрі - бағалау) '
            "мақсатында Сізге өз әріптестеріңізді 5 баллдық шкала бойынша саралау әдісімен бағалауды ұсынамыз.",
            "Бағаларды объективті түрде, жеке ұнатуларсыз/ұнатпауларсыз қою керек.",
            "Сауалнаманы басынан аяғына дейін алаңдамай толтыру қажет. Осылайша, Сіз уақытты үнемдей "
            "аласыз және нәтижелердің дұрыстылығын арттыра аласыз.",
        ],
        "justification": "Қойылған бағаға негіздеме: ",
        "superior": "Жоғары тұрған басшы",
        "initials": "(тегі, бас әріптер)",
        "day": "күні ",
        "sign": "қолы ",
        "plan_period": "(жеке жоспар құрылатын кезең)",
        "year_suffix": " жыл",
        "employee": "Қызметшінің тегі, аты, әкесінің аты (болған жағдайда): ",
        "position": "Қызметшінің лауазымы: ",
        "unit": "Қызметшінің құрылымдық бөлімшесінің атауы: ",
        "kpi_footnote": "* Нысаналы мақсатты индикатор қол жеткізуден күтілетін оң өзгерістер.",
        "servant": "Қызметші",
        "direct_superior": "Тікелей басшы",
        "evaluated_person": "Бағаланатын адам",
        "evaluating_person": "Бағалайтын адам",
        "kpi_evaluated_caption": "(бағаланатын адамның Т.А.Ә., лауазымы)",
        "kpi_period_caption": "(бағаланатын кезең)",
        "kpi0_evaluated_caption": "(Т.А.Ә., бағаланатын тұлғаның лауазымы)",
        "kpi_final_note": "НМИ санына бөлінген НМИ бойынша бағалау сомасы",
        "kpi_table_note": "Ескертпе: Бағалау нысаналы мақсатты индикаторды іске асыру пайызына байланысты "
        "айқындалады. Бұл ретте рұқсат етілген ауқымда бағалаушы адам өз қалауы бойынша баға қояды.",
        "r360_evaluated": "Бағаланатын адамның Т.А.Ә.: ",
        "r360_greeting": "Құрметті респондент!",
        "r360_intro": [
            '"Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалау (бұдан әрі – бағалау) '
            "мақсатында Сіздерге өз әріптестеріңізді 360 әдісімен бағалауды ұсынамыз.",
            "Ескертпе: 360 әдісі - бағаланатын адамның жұмыс ортасындағы адамдар тобынан сұрау арқылы "
            "бағаланатын адамда талап етілетін құзыреттердің болуын анықтауға бағытталған бағалау әдісі.",
            "Бағаларды объективті түрде, жеке ұнатуларсыз/ұнатпауларсыз қою керек. Жасырындылыққа кепілдік беріледі.",
        ],
        "r360_average": "Орташа баға баллдарды қосу және әр құзырет бойынша респонденттердің жауаптарының "
        "санына бөлу арқылы автоматты режимде есептеледі.",
        "comp_year_caption": "(бағаланатын жыл)",
        "comp_employee": "Бағаланатын қызметшінің тегі, аты, әкесінің аты (болған жағдайда): ",
        "comp_position": "Бағаланатын қызметшінің лауазымы: ",
        "comp_unit": "Бағаланатын қызметшінің құрылымдық бөлімшесінің атауы: ",
    },
}


def _doc(landscape: bool = False) -> Any:
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_height, sec.page_width = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(2))
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(2)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Times New Roman")
    doc.core_properties.author = "docgen"
    doc.core_properties.title = ""
    return doc


def para(
    doc: Any,
    *parts: str,
    align: str = "left",
    bold: bool = False,
    size: float | None = None,
    indent: float = 0,
) -> None:
    p = doc.add_paragraph()
    if indent:
        p.paragraph_format.left_indent = Cm(indent)
    p.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    for part in parts:
        run = p.add_run(part)
        run.bold = bold
        if size:
            run.font.size = Pt(size)


def loop_paras(doc: Any, var: str, expr: str, **kw: Any) -> None:
    """A paragraph repeated for each item of ``expr``."""
    para(doc, "{%p for " + var + " in " + expr + " %}")
    para(doc, "{{ " + var + " }}", **kw)
    para(doc, "{%p endfor %}")


def header(doc: Any) -> None:
    indent = 9.5 if doc.sections[0].page_width < Cm(25) else 18.0
    para(doc, "{{ caption }}", align="center", size=10, indent=indent)
    para(doc, "{{ form_label }}", align="right", size=10)


def title(doc: Any) -> None:
    para(doc, "{{ title }}", align="center", bold=True)


def field(doc: Any, value: str, caption: str) -> None:
    para(doc, value, align="center")
    para(doc, caption, align="center", size=9)


def table(
    doc: Any,
    widths: list[float],
    row_cells: list[str],
    *,
    loop: str = "r in rows",
    total: list[str] | None = None,
    header_cells: list[str] | None = None,
    keep_last: bool = False,
) -> None:
    """The form's table: heading, one row per item of ``loop``, the ``total`` row.

    ``keep_last``: the last item's row and the total row are a table of their own, held with the
    closing block (notes, result, signature) in the table's last row (:func:`closing_row`, called
    once the closing block is written): one cell over every column, without borders, that never
    splits. When the closing block does not fit under the table, that row goes to the next page, so
    the signature never stands alone there, and the table's heading (``w:tblHeader``) repeats above
    it. (Neither LibreOffice nor Word repeats a heading over a second table, and LibreOffice keeps a
    table with the next paragraph only when all of its rows are kept.)"""
    ncol = len(widths)
    head = (
        header_cells if header_cells is not None else ["{{ columns[" + str(i) + "] }}" for i in range(ncol)]
    )
    if keep_last and total:
        var, _, items = loop.partition(" in ")
        _grid_table(doc, widths, [head, *_loop_rows(f"{var} in ({items})[:-1]", row_cells)])
        _grid_table(doc, widths, [*_loop_rows(f"{var} in ({items})[-1:]", row_cells), total], False)
        doc.add_paragraph()
        return
    rows: list[list[str]] = [head, *_loop_rows(loop, row_cells)]
    if total:
        rows.append(total)
    _grid_table(doc, widths, rows)
    doc.add_paragraph()


def closing_row(doc: Any) -> None:
    """Move the last rows' table (``table(keep_last=True)``) and everything after it into a last row
    of the table before it: one cell over all its columns, no borders, no side margins, not split."""
    body = doc.element.body
    tables = [c for c in body if c.tag == qn("w:tbl")]
    first, last = tables[0], tables[1]
    grid = [int(g.get(qn("w:w"))) for g in first.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    children = list(body)
    moved = [c for c in children[children.index(last) :] if c.tag != qn("w:sectPr")]
    tr = first.makeelement(qn("w:tr"), {})
    tr_pr = tr.makeelement(qn("w:trPr"), {})
    tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))
    tr.append(tr_pr)
    tc = tr.makeelement(qn("w:tc"), {})
    tc_pr = tc.makeelement(qn("w:tcPr"), {})
    tc_pr.append(tc_pr.makeelement(qn("w:tcW"), {qn("w:w"): str(sum(grid)), qn("w:type"): "dxa"}))
    tc_pr.append(tc_pr.makeelement(qn("w:gridSpan"), {qn("w:val"): str(len(grid))}))
    borders = tc_pr.makeelement(qn("w:tcBorders"), {})
    for side in ("top", "left", "bottom", "right"):
        borders.append(borders.makeelement(qn(f"w:{side}"), {qn("w:val"): "nil"}))
    tc_pr.append(borders)
    margins = tc_pr.makeelement(qn("w:tcMar"), {})
    for side in ("left", "right"):
        margins.append(margins.makeelement(qn(f"w:{side}"), {qn("w:w"): "0", qn("w:type"): "dxa"}))
    tc_pr.append(margins)
    tc.append(tc_pr)
    # the line over the last rows is the bottom of the row above (or of the repeated heading): the
    # rows' own top line would double it
    tbl_pr = last.find(qn("w:tblPr"))
    tbl_borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    tbl_borders.append(tbl_borders.makeelement(qn("w:top"), {qn("w:val"): "nil"}))
    later = [tbl_pr.find(qn(f"w:{t}")) for t in ("shd", "tblLayout", "tblCellMar", "tblLook")]
    after = next((e for e in later if e is not None), None)
    if after is None:
        tbl_pr.append(tbl_borders)
    else:
        after.addprevious(tbl_borders)
    for el in moved:
        body.remove(el)
        tc.append(el)
    tr.append(tc)
    first.append(tr)
    # a body ends with a paragraph (Word adds one after a last table); this one takes no room
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)


def _loop_rows(loop: str, row_cells: list[str]) -> list[list[str]]:
    blank = [""] * (len(row_cells) - 1)
    return [["{%tr for " + loop + " %}", *blank], row_cells, ["{%tr endfor %}", *blank]]


def _grid_table(doc: Any, widths: list[float], rows: list[list[str]], heading: bool = True) -> Any:
    ncol = len(widths)
    t = doc.add_table(rows=len(rows), cols=ncol)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for col, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = t.cell(r, c)
            cell.width = Cm(widths[c])
            p = cell.paragraphs[0]
            run = p.add_run(text)
            if r == 0 and heading:
                run.bold = True
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if heading:  # the column headings repeat at the top of every page the table runs onto
        tr_pr = t.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
    return t


def signatures(doc: Any, s: dict[str, str], left: str, right: str) -> None:
    t = doc.add_table(rows=1, cols=2)
    for i, who in enumerate((left, right)):
        cell = t.cell(0, i)
        lines = [
            who,
            "____________________________",
            s["initials"],
            s["day"] + "______________",
            s["sign"] + "______________",
        ]
        cell.paragraphs[0].add_run(lines[0])
        for line in lines[1:]:
            cell.add_paragraph().add_run(line)


def approve_block(doc: Any, s: dict[str, str]) -> None:
    para(doc, "{{ approve_label }}", align="right", bold=True)
    for line in (
        s["superior"],
        "____________________________",
        s["initials"],
        s["day"] + "______________",
        s["sign"] + "______________",
    ):
        para(doc, line, align="right", size=10)


def result_block(doc: Any, s: dict[str, str], basis: str) -> None:
    para(doc, s["result"], "{{ result }}")
    para(doc, "({{ grade_labels }})", size=10)
    para(doc, s[basis])


def cap_block(doc: Any) -> None:
    para(doc, "{%p if cap_note %}")
    para(doc, "{{ final_score_label }}: {{ final_score }}", bold=True)
    para(doc, "{{ cap_note }}", size=10)
    para(doc, "{%p endif %}")


def evaluation_sheet(lang: str) -> Any:
    s = STATIC[lang]
    doc = _doc()
    header(doc)
    title(doc)
    field(doc, "{{ evaluated }}", "{{ field_evaluated }}")
    field(doc, "{{ period }}", "{{ field_period }}")
    field(doc, "{{ evaluator }}", "{{ field_evaluator }}")
    for line in s["intro"]:
        para(doc, line, align="justify")
    table(
        doc,
        # the act's guidance column («Пояснение при заполнении») carries paragraphs: the widest column;
        # the comment column holds a Kazakh comment's long words whole («тапсырмаларын» at 12 pt)
        [4.3, 2.3, 3.7, 6.7],
        ["{{ r.number }}. {{ r.name }}", "{{ r.score }}", "{{ r.comment }}", "{{ r.explanation }}"],
        total=["{{ total_label }}", "{{ average }}", "", ""],
        keep_last=True,
    )
    para(doc, s["note_avg"], size=10)
    para(doc, s["note_zero"], size=10)
    cap_block(doc)
    result_block(doc, s, "result_basis")
    para(doc, s["signature"])
    para(doc, s["signature_note"], size=9)
    para(doc, s["date"], "{{ date }}")
    closing_row(doc)
    return doc


def differentiation_sheet(lang: str) -> Any:
    s = STATIC[lang]
    doc = _doc()
    header(doc)
    title(doc)
    para(doc, s["diff_evaluated"], "{{ evaluated }}")
    para(doc, s["diff_evaluator"], "{{ evaluator }}")
    para(doc, "{{ period }}")
    for line in s["diff_intro"]:
        para(doc, line, align="justify")
    table(
        doc,
        [5.0, 6.0, 2.5, 3.5],
        ["{{ r.number }}. {{ r.name }}", "{{ r.criteria }}", "{{ r.score }}", "{{ r.comment }}"],
        total=["{{ total_label }}", "", "{{ average }}", ""],
        keep_last=True,
    )
    loop_paras(doc, "n", "footnotes", size=10)
    para(doc, s["note_avg"], size=10)
    cap_block(doc)
    result_block(doc, s, "result_basis")
    para(doc, s["justification"], "{{ justification }}")
    para(doc, s["date"], "{{ date }}")
    closing_row(doc)
    return doc


def individual_work_plan(lang: str) -> Any:
    s = STATIC[lang]
    doc = _doc(landscape=True)
    header(doc)
    approve_block(doc, s)
    title(doc)
    para(doc, "{{ year }}" + s["year_suffix"], align="center")
    para(doc, s["plan_period"], align="center", size=9)
    para(doc, s["employee"], "{{ employee }}")
    para(doc, s["position"], "{{ position }}")
    para(doc, s["unit"], "{{ unit }}")
    table(
        doc,
        [1.2, 5.0, 5.0, 2.5, 3.0, 3.0, 5.0],
        [
            "{{ r.number }}",
            "{{ r.name }}",
            "{{ r.linkage }}",
            "{{ r.unit }}",
            "{{ r.planned }}",
            "{{ r.deadline }}",
            "{{ r.result }}",
        ],
    )
    para(doc, s["kpi_footnote"], size=10)
    signatures(doc, s, s["servant"], s["direct_superior"])
    return doc


def kpi_sheet(lang: str) -> Any:
    s = STATIC[lang]
    doc = _doc(landscape=True)
    header(doc)
    title(doc)
    field(doc, "{{ evaluated }}", s["kpi_evaluated_caption"])
    field(doc, "{{ period }}", s["kpi_period_caption"])
    table(
        doc,
        [1.2, 6.0, 2.5, 3.0, 3.0, 3.0, 3.0],
        [
            "{{ r.number }}",
            "{{ r.name }}",
            "{{ r.unit }}",
            "{{ r.planned }}",
            "{{ r.actual }}",
            "{{ r.percent }}",
            "{{ r.score }}",
        ],
    )
    para(doc, "{{ final_score_label }}: ", "{{ final_score }}", bold=True)
    para(doc, s["kpi_final_note"], size=10)
    result_block(doc, s, "result_basis_final")
    signatures(doc, s, s["evaluated_person"], s["evaluating_person"])
    return doc


def kpi_sheet_achieved(lang: str) -> Any:
    """KPI sheet with an «achieved / not achieved» column (001 app. 2): approval block, six columns,
    the result with its scale, the servant's and the direct superior's signatures."""
    s = STATIC[lang]
    doc = _doc(landscape=True)
    header(doc)
    approve_block(doc, s)
    title(doc)
    field(doc, "{{ evaluated }}", s["kpi0_evaluated_caption"])
    field(doc, "{{ period }}", s["kpi_period_caption"])
    table(
        doc,
        [1.2, 8.5, 3.5, 3.5, 3.5, 5.5],
        [
            "{{ r.number }}",
            "{{ r.name }}",
            "{{ r.unit }}",
            "{{ r.planned }}",
            "{{ r.actual }}",
            "{{ r.achieved }}",
        ],
    )
    para(doc, s["result"], "{{ result }}")
    para(doc, "({{ grade_labels }})", size=10)
    signatures(doc, s, s["servant"], s["direct_superior"])
    return doc


def kpi_score_table(lang: str) -> Any:
    s = STATIC[lang]
    doc = _doc()
    header(doc)
    title(doc)
    table(doc, [9.0, 7.0], ["{{ r.pct }}", "{{ r.score }}"])
    para(doc, s["kpi_table_note"], size=10)
    return doc


def sheet360(lang: str) -> Any:
    s = STATIC[lang]
    doc = _doc()
    header(doc)
    title(doc)
    para(doc, s["r360_evaluated"], "{{ evaluated }}")
    para(doc, s["r360_greeting"], align="center", bold=True)
    for line in s["r360_intro"]:
        para(doc, line, align="justify")
    para(doc, "{{ answers_label }}", size=10)
    loop_paras(doc, "a", "answer_scale", size=10)
    table(
        doc, [1.2, 4.5, 8.0, 3.0], ["{{ r.number }}", "{{ r.name }}", "{{ r.questions }}", "{{ r.answer }}"]
    )
    para(doc, s["r360_average"], size=10)
    return doc


def competency_sheet(lang: str) -> Any:
    s = STATIC[lang]
    doc = _doc()
    header(doc)
    title(doc)
    para(doc, "{{ year }}" + s["year_suffix"], align="center")
    para(doc, s["comp_year_caption"], align="center", size=9)
    para(doc, s["comp_employee"], "{{ employee }}")
    para(doc, s["comp_position"], "{{ position }}")
    para(doc, s["comp_unit"], "{{ unit }}")
    table(doc, [1.2, 5.0, 5.0, 5.8], ["{{ r.number }}", "{{ r.name }}", "{{ r.result }}", "{{ r.missing }}"])
    signatures(doc, s, s["servant"], s["direct_superior"])
    return doc


def behaviour_indicators(lang: str) -> Any:
    doc = _doc(landscape=True)
    header(doc)
    title(doc)
    table(
        doc,
        [5.0, 4.5, 8.0, 8.0],
        ["{{ r.competency }}", "{{ r.category }}", "{{ r.effective }}", "{{ r.ineffective }}"],
    )
    return doc


BUILDERS = {
    "evaluation_sheet_leader": evaluation_sheet,
    "evaluation_sheet_staff": evaluation_sheet,
    "individual_work_plan": individual_work_plan,
    "kpi_sheet": kpi_sheet,
    "kpi_sheet_achieved": kpi_sheet_achieved,
    "kpi_score_table": kpi_score_table,
    "differentiation_sheet": differentiation_sheet,
    "sheet360_leader": sheet360,
    "sheet360_staff": sheet360,
    "competency_sheet": competency_sheet,
    "behaviour_indicators": behaviour_indicators,
}


def _preserve_space(doc: Any) -> None:
    for t in doc.element.body.iter(qn("w:t")):
        t.set(XML_SPACE, "preserve")


def build(root: Path = ROOT) -> list[Path]:
    written: list[Path] = []
    for lang in ("kk", "ru"):
        folder = root / f"templates_{lang}"
        folder.mkdir(parents=True, exist_ok=True)
        for kind, builder in BUILDERS.items():
            doc = builder(lang)
            _preserve_space(doc)
            path = folder / f"{kind}.docx"
            doc.save(str(path))
            title = str(form_labels(lang)["titles"].get(kind, kind))
            path.write_bytes(finish(path.read_bytes(), lang=lang, title=title))
            written.append(path)
    return written


if __name__ == "__main__":
    for p in build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT):
        print(p.relative_to(p.parent.parent))
