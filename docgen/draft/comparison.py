"""Draft stage, the comparison table of an amendment (салыстырмалы кесте / сравнительная таблица).

:func:`render_comparison` -> DOCX bytes in the act's language: № | structural unit | current wording |
proposed wording | justification, the changed words in bold, the justification naming the parameter
(its kk/ru label) and the point of the model methodology; then the official layout
(:func:`docgen.official.officialize`).
"""

from __future__ import annotations

import difflib
import io
import re
from typing import Any

from ..official import officialize
from .amend import Amendment, Change, label, unit_name

HEAD = {
    "kk": ("Р/с №", "Құрылымдық элемент", "Қолданыстағы редакция", "Ұсынылатын редакция", "Негіздеме"),
    "ru": ("№ п/п", "Структурный элемент", "Действующая редакция", "Предлагаемая редакция", "Обоснование"),
}
TITLE = {"kk": "Салыстырмалы кесте", "ru": "Сравнительная таблица"}
# below the table: what the old text has wrong and the amendment keeps as printed (wrong references)
NOTE = {"kk": "Ескертпе", "ru": "Примечание"}
# the current wording of a point the amendment inserts
ABSENT = {"kk": "Жоқ.", "ru": "Отсутствует."}


def _current(c: Change, lang: str) -> str:
    return c.old_text if c.old_text or c.kind != "insert" else ABSENT[lang]


def _tokens(s: str) -> list[str]:
    return re.findall(r"\s+|[^\s]+", s)


def bold_runs(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """(old runs, new runs): each a list of (text, bold), the words that differ in bold."""
    a, b = _tokens(old), _tokens(new)
    ra: list[tuple[str, bool]] = []
    rb: list[tuple[str, bool]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        ra.append(("".join(a[i1:i2]), op != "equal"))
        rb.append(("".join(b[j1:j2]), op != "equal"))
    return [r for r in ra if r[0]], [r for r in rb if r[0]]


def justification(c: Change, am: Amendment) -> str:
    lang = am.lang
    if c.kind == "reference":
        return (
            "Тармақтардың жаңа нөмірленуіне сәйкес сілтеме сол ережеге бағытталады."
            if lang == "kk"
            else "Ссылка приведена в соответствие с новой нумерацией пунктов (указывает на то же положение)."
        )
    if c.kind == "insert":
        at = c.model_point or "?"
        return (
            f"Үлгілік әдістеменің {c.edition} редакциясының {at}-тармағындағы ереже; "
            "қолданыстағы редакцияда ол жоқ."
            if lang == "kk"
            else f"Положение пункта {at} Типовой методики в редакции {c.edition}, "
            "которого нет в действующей редакции."
        )
    if c.kind == "delete" and c.reason == "model":
        return (
            f"Үлгілік әдістеменің {c.edition} редакциясында мұндай ереже жоқ; тармақ алып тасталады."
            if lang == "kk"
            else f"Такого положения нет в редакции {c.edition} Типовой методики; пункт исключается."
        )
    if c.kind == "delete" and am.new_edition:
        return (
            "Тармақ алып тасталады; жаңа редакцияда тармақтар қайта нөмірленеді."
            if lang == "kk"
            else "Пункт исключается; в новой редакции пункты перенумерованы."
        )
    if c.kind == "delete":
        return (
            "Тармақ алып тасталады; тармақтардың нөмірленуі және сілтемелер сақталады."
            if lang == "kk"
            else "Пункт исключается; нумерация пунктов и ссылки сохраняются."
        )
    parts = []
    for key, mp in zip(c.keys, c.model_points, strict=True):
        value = am.values.get(key)
        if lang == "kk":
            s = f"«{label(key, 'kk')}» параметрінің мәні {value} болып өзгертіледі"
            s += f" (үлгілік әдістеменің {mp}-тармағы)." if mp else "."
        else:
            s = f"Значение параметра «{label(key, 'ru')}» изменяется на {value}"
            s += f" (пункт {mp} типовой методики)." if mp else "."
        parts.append(s)
    return " ".join(parts)


def render_comparison(am: Amendment, title: str = "") -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    lang = am.lang
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    style: Any = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(TITLE[lang]).bold = True
    if title:
        q = doc.add_paragraph()
        q.alignment = WD_ALIGN_PARAGRAPH.CENTER
        q.add_run(title).bold = True
    table = doc.add_table(rows=1 + len(am.changes), cols=5)
    table.style = "Table Grid"
    table.autofit = False
    widths = [Cm(1.2), Cm(3.6), Cm(7.7), Cm(7.7), Cm(5.5)]  # «Структурный» / «Құрылымдық» on one line
    for col, w in zip(table.columns, widths, strict=True):
        col.width = w
    for cell, text in zip(table.rows[0].cells, HEAD[lang], strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for i, c in enumerate(am.changes, 1):
        cells = table.rows[i].cells
        for cell, w in zip(cells, widths, strict=True):
            cell.width = w
        cells[0].paragraphs[0].add_run(str(i))
        cells[1].paragraphs[0].add_run(unit_name(c.point, lang))
        old_runs, new_runs = bold_runs(c.old_text, c.new_text)
        if c.kind == "insert":
            old_runs = [(ABSENT[lang], False)]
        for cell, runs in ((cells[2], old_runs), (cells[3], new_runs)):
            par = cell.paragraphs[0]
            for text, bold in runs:
                par.add_run(text).bold = bold
        cells[4].paragraphs[0].add_run(justification(c, am))
    if am.notes:
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(12)
        p.add_run(NOTE[lang]).bold = True
        for line in am.notes:
            doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return officialize(buf.getvalue(), lang=lang, title=TITLE[lang])


def comparison_rows(am: Amendment) -> list[tuple[str, str, str, str, str]]:
    """The table as plain text rows (what the DOCX shows, without the bold)."""
    return [
        (str(i), unit_name(c.point, am.lang), _current(c, am.lang), c.new_text, justification(c, am))
        for i, c in enumerate(am.changes, 1)
    ]
