"""Issue 12 item 5: typographic variants are not meaning (pairs read by a person)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docgen.check import check_path
from docgen.check.wording import same_wording, unspace

from .conftest import SEEDS


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Т и і м д і коммуникацияларды құру", "Тиімді коммуникацияларды құру"),  # letter spacing
        ("Тиімді коммуникациялар құру", "Тиімді коммуникацияларды құру"),  # case ending
        ("Әдеп нормаларын және қағидаларын ұстану", "Әдеп нормалары мен қағидаларын ұстану"),  # және / мен
        ("Соблюдения трудовой дисциплины", "Соблюдение трудовой дисциплины"),  # ru case ending
        ("О т в е т с т в е н н о с т ь", "Ответственность"),
    ],
)
def test_typographic_variants_compare_equal(a: str, b: str) -> None:
    assert same_wording(a, b) and same_wording(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Нәтижеге бейімделу", "Нәтижеге бағдарлану"),  # another word
        ("Бнтымақтастық", "Ынтымақтастық"),  # a typo, not an ending
        (
            "міндеттерін қанағаттанарлықсыз түрде атқарады",
            "міндеттерін қанағаттанарлық түрде атқарады",
        ),  # -сыз
        ("Не выполняет функциональные обязанности", "Выполняет функциональные обязанности"),
        ("Ынтымақтастық", "Ынтымақтастық және көшбасшылық"),
    ],
)
def test_different_meaning_stays_different(a: str, b: str) -> None:
    assert not same_wording(a, b)


def test_unspace_joins_only_runs_of_single_letters() -> None:
    assert unspace("т и і м д і коммуникация") == "тиімді коммуникация"
    assert unspace("1 2 3 және а") == "1 2 3 және а"


def test_seed_000_wording_variants_are_info_not_meaning() -> None:
    result = check_path(str(SEEDS["000_36ee918ac2e9a370"]), as_of=dt.date(2026, 6, 1))
    wording = {(f.point, f.actual) for f in result.findings if f.code == "wording.variant"}
    assert ("app7", "Т и і м д і коммуникацияларды құру") in wording
    assert ("app6", "Әдеп нормаларын және қағидаларын ұстану") in wording
    assert all(f.severity == "info" for f in result.findings if f.code == "wording.variant")
    differs = {f.actual for f in result.findings if f.code == "form_deviation.row_differs"}
    assert differs == {"Нәтижеге бейімделу"}  # the one real difference of wording in meaning
    msg = next(f.message for f in result.findings if f.code == "wording.variant" and f.point == "app7")
    assert "мағынасы бойынша бірдей" in msg


def test_a_row_in_other_words_is_close_not_a_spelling_variant() -> None:
    """«исполнения» for «выполнения» is another word: the info finding names the words that differ
    instead of calling the difference one of spelling only."""
    from docgen.check.modelcheck import _word_difference

    ru = _word_difference(
        "Качество исполнения функциональных обязанностей",
        "Качество выполнения функциональных обязанностей",
        "ru",
    )
    assert ru == "нет в акте: «выполнения»; нет в Типовой методике: «исполнения»"
    kk = _word_difference(
        "Бағаланатын тұлғаның еңбек тәртібі", "Бағаланатын адамның еңбек тәртібін сақтауы", "kk"
    )
    assert "актіде жоқ: «адамның», «сақтауы»" in kk and "үлгілік әдістемеде жоқ: «тұлғаның»" in kk
    # the same words in other forms: nothing differs, so the spelling-variant finding stays
    assert (
        _word_difference(
            "Качество выполнения функциональных обязанностей",
            "качество выполнения функциональной обязанности",
            "ru",
        )
        == ""
    )


def test_quotes_are_cut_between_words_and_the_duties_warning_quotes_its_lead() -> None:
    """A long point quoted by a finding ends at a word boundary; the warning that the HR head's
    duties sit with another official quotes the lead line that names that official."""
    src = (
        Path(__file__).resolve().parents[2]
        / "tests"
        / "data"
        / "heldout_xref4"
        / "05_ru_2025_quarterly_sheets.txt"
    )
    text = src.read_text(encoding="utf-8")
    result = check_path(str(src))
    for f in result.findings:
        if not f.quote:
            continue
        assert f.quote in text, f.code
        at = text.index(f.quote) + len(f.quote)
        # the character after a quote never continues a word it cut
        assert at == len(text) or not (text[at - 1].isalpha() and text[at].isalpha()), (f.code, f.quote[-30:])
    duties = [f for f in result.findings if f.code == "model_deviation.duties_elsewhere"]
    assert [f.quote for f in duties] == [
        "15. Руководитель аппарата маслихата в части организации оценки обеспечивает:"
    ]
