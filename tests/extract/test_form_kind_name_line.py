"""An appendix whose title was read as the bare «Форма» / «Нысан»: the form's name on the next line gives its
kind before the rows under it do («Проявленные индикаторы» in a competency sheet is no KPI sheet)."""

from __future__ import annotations

import pytest

from docgen.extract.forms import form_kind
from docgen.model import Appendix

CASES = [
    (
        "ru",
        "Форма",
        "Форма\nОценочный лист компетенций\n\tКомпетенция\tПроявленные индикаторы\tСоответствие\n",
        "competency_sheet",
    ),
    ("ru", "Форма", "Форма\nЛист оценки по ЦИ\n\tЦИ\tДостигнут/не достигнут\tФакты\n", "kpi_sheet"),
    # near miss: the name line names no kind, the head still decides
    ("ru", "Форма", "Форма\nЛист\nОценочный лист по индикаторам\n", "kpi_sheet"),
    (
        "kk",
        "Нысан",
        "Нысан\nҚұзыреттерді бағалау парағы\n\tҚұзырет\tБайқалған мінез-құлық индикаторлары\tДеңгейі\n",
        "competency_sheet",
    ),
    ("kk", "Нысан", "Нысан\nНМИ бойынша бағалау парағы\n\tНМИ\tОрындалу пайызы\tБалл\n", "kpi_sheet"),
]


@pytest.mark.parametrize(("lang", "title", "body", "kind"), CASES)
def test_the_name_line_under_a_bare_form_label(lang: str, title: str, body: str, kind: str) -> None:
    app = Appendix(number=3, number_as_printed="3", caption="", title=title, start=0, end=len(body))
    assert form_kind(app, body, lang) == kind
