"""A methodology printed without its approving act (a body's own DOCX, a draft of ``docgen draft``)
carries only the approval stamp over its title. The header is read from the stamp: the act's type,
issuer, date and number, and the title under it; ``check`` then reports the adoption date instead
of «—». Expected values are written from the texts below."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.catalogue import parse_document

RU_BODY = """
Глава 1. Общие положения

      1. Настоящая Методика определяет порядок оценки деятельности административных государственных служащих корпуса "Б".

      2. Оценка проводится по итогам квартала не позднее десятого числа месяца, следующего за отчетным кварталом, решением комиссии от 5 апреля 2024 года № 3.
"""
KK_BODY = """
1-тарау. Жалпы ережелер

      1. Осы Әдістеме "Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалау тәртібін айқындайды.

      2. Бағалау тоқсан қорытындысы бойынша жүргізіледі, комиссияның 2024 жылғы 5 сәуірдегі № 3 шешімімен.
"""
RU_TITLE = 'Методика оценки деятельности административных государственных служащих корпуса "Б" акимата Байзакского района'
KK_TITLE = '"Б" корпусы Бәйтерек ауданы әкімдігінің мемлекеттік әкімшілік қызметшілерінің қызметін бағалау әдістемесі'

CASES = {
    "ru_approved_by_resolution": (
        "ru",
        "Утверждена\nпостановлением акимата\nБайзакского района\nот «5» апреля 2024 года № 112\n\n"
        + RU_TITLE
        + "\n"
        + RU_BODY,
        ("акимат Байзакского района", "resolution", "2024-04-05", "112", RU_TITLE),
    ),
    "ru_appendix_to_order": (
        "ru",
        "Приложение\nк приказу Председателя Комитета\nпо делам спорта\nот 3 мая 2023 года № 45-н\n\n"
        + RU_TITLE
        + "\n"
        + RU_BODY,
        ("Председатель Комитета по делам спорта", "order", "2023-05-03", "45-н", RU_TITLE),
    ),
    "kk_approved_by_resolution": (
        "kk",
        "Бәйтерек ауданы әкімдігінің\n2024 жылғы 5 сәуірдегі\n№ 112 қаулысымен\nбекітілген\n\n"
        + KK_TITLE
        + "\n"
        + KK_BODY,
        ("Бәйтерек ауданы әкімдігі", "resolution", "2024-04-05", "112", KK_TITLE),
    ),
    "kk_appendix_to_decision": (
        "kk",
        "Орал қалалық мәслихатының\n2023 жылғы 12 қазандағы\n№ 7/45 шешіміне\nқосымша\n\n"
        + KK_TITLE
        + "\n"
        + KK_BODY,
        ("Орал қалалық мәслихаты", "decision", "2023-10-12", "7/45", KK_TITLE),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_header_is_read_from_the_approval_stamp(name: str, tmp_path: Path) -> None:
    _, text, want = CASES[name]
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    h = parse_document(str(path)).header
    assert (h.issuer, h.act_type, h.act_date, h.act_number, h.title) == want


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_an_act_mentioned_inside_a_point_is_not_a_stamp(lang: str, tmp_path: Path) -> None:
    title = RU_TITLE if lang == "ru" else KK_TITLE
    path = tmp_path / f"{lang}.txt"
    path.write_text(title + "\n" + (RU_BODY if lang == "ru" else KK_BODY), encoding="utf-8")
    h = parse_document(str(path)).header
    assert (h.act_date, h.act_number, h.issuer) == (None, None, "")


def test_check_reports_the_stamp_date_as_the_adoption_date(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "ru.txt"
    path.write_text(CASES["ru_approved_by_resolution"][1], encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "docgen", "check", str(path)], capture_output=True, text=True, timeout=120
    ).stdout
    assert "Дата принятия акта: 05.04.2024" in out
