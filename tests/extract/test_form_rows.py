"""Rows of an appendix's form: the form's own numbered rows (1, 2, 3 …), not the scoring scale printed
under it (numbered by the score, 5 … 0), and rows of a table printed one cell a line. Expected rows are
the act's own words, read from the texts (tests/data/heldout_xref3, tests/data/dev_xref5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.catalogue import catalogue_for_path
from docgen.extract.forms import _numbered_lines

DATA = Path(__file__).resolve().parents[1] / "data"


def _rows(path: Path) -> dict[int, tuple[str | None, list[str]]]:
    cat = catalogue_for_path(path).to_json()
    return {int(f["appendix"]): (f["kind"], list(f["rows"])) for f in cat["forms"]}


KK_LEADER = [
    "Жетекшілік ететін бөлімшелердің тапсырмаларды орындау сапасы",
    "Жетекшілік ететін бөлімшелердің мерзімдерді сақтауы",
    "Көшбасшылық және шешім қабылдау",
    "Бағаланатын тұлғаның еңбек тәртібі",
    "Тәртіптік жазалардың болмауы (ескерту, сөгіс, қатаң сөгіс – 2,99 балдан аспайды; өзге жазалар – 1,99 балдан аспайды)",
]


def test_kk_a_scoring_scale_under_the_form_is_not_its_rows() -> None:
    """07_kk: each sheet is followed by «Параметрлер бойынша балл қоюдың ұсынылатын шкаласы», two tables
    numbered 5, 4, 3, 2, 1, 0 by the score."""
    got = _rows(DATA / "heldout_xref3" / "07_kk_2025_quarterly_sheets.txt")
    assert got[1] == ("evaluation_sheet_leader", KK_LEADER)
    assert got[2][0] == "evaluation_sheet_staff"
    assert got[2][1][:4] == [
        "Функционалдық міндеттерді орындау сапасы",
        "Мерзімдерді сақтау",
        "Дербестік және бастамашылдық",
        "Еңбек тәртібі",
    ]
    assert len(got[2][1]) == 5


def test_ru_a_scoring_scale_under_the_form_is_not_its_rows() -> None:
    got = _rows(DATA / "heldout_xref3" / "05_ru_2025_quarterly_sheets.txt")
    for n, kind in ((1, "evaluation_sheet_leader"), (2, "evaluation_sheet_staff")):
        assert got[n][0] == kind
        assert len(got[n][1]) == 5
        assert not any(r.startswith(("Работа выполнена", "Полное невыполнение")) for r in got[n][1])


def test_ru_a_table_printed_one_cell_a_line() -> None:
    """dev_xref5 05_ru, appendix 2 «Оценочный лист (для должностей, не являющихся руководящими)»:
    «№ / Параметр оценки / Балл», then «1 / Качество исполнения функциональных обязанностей / …»."""
    got = _rows(DATA / "dev_xref5" / "05_ru_2025_quarterly_sheets.txt")
    assert got[2] == (
        "evaluation_sheet_staff",
        [
            "Качество исполнения функциональных обязанностей",
            "Соблюдение сроков исполнения",
            "Самостоятельность и инициативность",
            "Трудовая дисциплина",
            "Отсутствие дисциплинарных взысканий",
        ],
    )


def test_kk_a_table_printed_one_cell_a_line() -> None:
    got = _rows(DATA / "dev_xref5" / "06_kk_2025_quarterly_sheets.txt")
    assert got[2] == (
        "evaluation_sheet_staff",
        [
            "Функционалдық міндеттерді орындау сапасы",
            "Орындау мерзімдерін сақтау",
            "Дербестік және бастамашылық",
            "Еңбек тәртібі",
            "Тәртіптік жазалардың болмауы",
        ],
    )


@pytest.mark.parametrize(
    ("body", "rows"),
    [
        # near misses: a second list of the form that starts again at 1 is still read
        (
            "1\tА параметр\n2\tБ параметр\n\nІІ бөлім\n1\tВ параметр\n2\tГ параметр\n",
            ["А параметр", "Б параметр", "В параметр", "Г параметр"],
        ),
        # a scale that counts up from 0 is not rows
        (
            "1. Качество\n2. Сроки\n\nБалл\tОписание\n0\tНе выполнено\n1\tЧастично\n2\tВыполнено\n",
            ["Качество", "Сроки"],
        ),
        # a scale counting down under a form of three rows (5 does not follow 3)
        (
            "1\tСапа\n2\tМерзім\n3\tТәртіп\n\nБалл\tСипаттама\n5\tӨте жақсы\n4\tЖақсы\n3\tОрташа\n2\tТөмен\n1\tНашар\n0\tЖоқ\n",
            ["Сапа", "Мерзім", "Тәртіп"],
        ),
        # a lone number followed by another number is not a row
        ("1\n2\nКачество\n", []),
    ],
)
def test_row_numbering(body: str, rows: list[str]) -> None:
    assert _numbered_lines(body) == rows
