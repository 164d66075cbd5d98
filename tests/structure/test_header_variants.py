"""Header variants (issue 12, item 4 header bullet): the registration wording «Әділет министрлігінде …
№ N болып тіркелді» (also in a paragraph of its own), and the title printed on the act line itself,
before the issuer (kk) or around the act type and number (ru), is split from the issuer."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.catalogue import parse_document

DATA = Path(__file__).resolve().parents[1] / "data" / "structure" / "header"
KK_TITLE = '"Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалау әдістемесін бекіту туралы'
RU_TITLE = 'Об утверждении методики оценки деятельности административных государственных служащих корпуса "Б"'

CASES = {
    "kk_registration_same_line": (
        "Қазақстан Республикасы Энергетика министрі",
        KK_TITLE,
        "2018-08-20",
        "325",
        "17394",
        "2018-09-12",
    ),
    "kk_registration_own_paragraph": (
        "Қазақстан Республикасы Энергетика министрі",
        KK_TITLE,
        "2018-08-20",
        "325",
        "17394",
        "2018-09-12",
    ),
    "kk_title_issuer_one_line": (
        "Қазығұрт аудандық мәслихаты",
        KK_TITLE,
        "2018-04-09",
        "28/189-VI",
        "4567",
        "2018-04-25",
    ),
    "ru_title_before_type": (
        "акимат Западно-Казахстанской области",
        RU_TITLE,
        "2018-03-15",
        "53",
        "5102",
        "2018-03-28",
    ),
    "ru_title_after_number": (
        "Министр энергетики Республики Казахстан",
        RU_TITLE,
        "2018-08-20",
        "325",
        "17394",
        "2018-09-12",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_header_fields(name: str) -> None:
    h = parse_document(str(DATA / f"{name}.txt")).header
    got = (h.issuer, h.title, h.act_date, h.act_number, h.registration_number, h.registration_date)
    assert got == CASES[name]
