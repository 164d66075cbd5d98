"""How a form row of the act is matched with the model's row (docgen/check/modelcheck.py): a note in
brackets after the row, one thing named in other words (``row_word_synonyms`` / ``row_synonyms`` in
topics.yaml), a shared word. kk and ru, each with a near miss that must stay different."""

from __future__ import annotations

import pytest

from docgen.check.modelcheck import _bare_row, _norm_row, _shares_word, _stem_score, _syn_row


def test_a_note_in_brackets_after_the_row_is_not_the_row() -> None:
    act = "Тәртіптік жазалардың болмауы (ескерту, сөгіс, қатаң сөгіс – 2,99 балдан аспайды)"
    assert _bare_row(act) == _norm_row("Тәртіптік жазалардың болмауы")
    assert _bare_row("Отсутствие дисциплинарных взысканий (не выше 2,99)") == _norm_row(
        "Отсутствие дисциплинарных взысканий"
    )
    # near miss: a bracket inside the row is part of it
    assert _bare_row("Еңбек (қызмет) тәртібі") != _norm_row("Еңбек тәртібі")


@pytest.mark.parametrize(
    ("act", "model"),
    [
        ("Стресске төзімділік", "Стресске орнықтылық"),
        ("Честность", "Добропорядочность"),
        ("Тапсырмалардың сапасы", "Функционалдық міндеттерді орындау сапасы"),
        (  # the kk attributive ending: бөлімшелердегі / бөлімшелерде
            "Жетекшілік ететін бөлімшелердегі тапсырмалардың орындалу сапасы",
            "Жетекшілік ететін бөлімшелерде (жетекшілік ететін қызметшілердің) міндеттердің сапалы орындалуын "
            "қамтамасыз ету",
        ),
        (
            "Соблюдение сроков исполнения поручений курируемыми подразделениями",
            "Обеспечение соблюдения сроков выполнения задач в курируемых подразделениях (курируемыми служащими)",
        ),
    ],
)
def test_one_thing_in_other_words(act: str, model: str) -> None:
    assert _stem_score(act, model) >= 0.75


@pytest.mark.parametrize(
    ("act", "model"),
    [
        ("Стресске төзімділік", "Өзгерістерді басқару"),
        ("Этичность", "Оперативность"),
        ("Қызметкерлерді дамыту", "Өзін-өзі дамыту"),  # developing others is not self-development
        (  # keeping deadlines is not the quality row of the same units
            "Жетекшілік ететін бөлімшелердегі мерзімдердің сақталуы",
            "Жетекшілік ететін бөлімшелерде (жетекшілік ететін қызметшілердің) міндеттердің сапалы орындалуын "
            "қамтамасыз ету",
        ),
        ("Бағалаушы адамның еңбек тәртібін сақтауы", "Бағаланатын адамның еңбек тәртібін сақтауы"),
    ],
)
def test_near_misses_stay_different(act: str, model: str) -> None:
    assert _stem_score(act, model) < 0.75


def test_whole_rows_named_otherwise() -> None:
    assert _syn_row("Әдептілік") == _norm_row("Әдеп нормалары мен қағидаларын ұстану")
    assert _syn_row("Этичность") == _norm_row("Следование этическим нормам и принципам")
    assert _syn_row("Адалдық") == _norm_row("Адалдық")  # near miss: honesty is not ethics


def test_a_shared_word_pairs_a_row_with_the_model_row() -> None:
    assert _shares_word("Қызмет алушыларға бағдарлану", ["Нәтижеге бағдарлану"]) is True
    assert _shares_word("Управление изменениями", ["Управление деятельностью"]) is True
    assert _shares_word("Орындаушылық", ["Міндеттерді орындау мерзімдерін сақтау"]) is None  # a near word
    assert _shares_word("Жауапкершілік", ["Нәтижеге бағдарлану"]) is False
