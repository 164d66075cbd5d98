"""The amending wording of a point whose words are only added or only deleted (legal technique:
«дополнить словами … после слов …» / «… деген сөздермен толықтырылсын», «слова … исключить» /
«… деген сөздер алып тасталсын»), on point 19 of seeds 003 (kk) and 004 (ru) as the acts print it."""

from __future__ import annotations

import pytest

from docgen.draft.amend import Amendment, Change, amendment_text, word_edit

# point 19's last paragraphs, as printed in the acts
KK = (
    "19. Калибрлеу сессиясының құрамы мүшелердің тақ санынан тұрады. Калибрлеу сессиясы мүшелерінің саны "
    "үштен кем болмауы тиіс.\n\nНақты калибрлеу сессиясының құрамына бағамен келіспейтін адам, сондай-ақ "
    "оны бағалаған адам кірмейді."
)
RU = (
    "19. Состав калибровочной сессии состоит из нечетного количества членов. Количество членов "
    "калибровочной сессии не должно быть менее трех.\n\nВ состав конкретной калибровочной сессии не "
    "включается лицо, несогласное с оценкой, а также лицо, оценившее его."
)


@pytest.mark.parametrize(
    ("lang", "old", "new", "wording"),
    [
        # several words deleted, starting with the comma before them
        (
            "kk",
            KK,
            KK.replace(", сондай-ақ оны бағалаған адам", ""),
            "19-тармақтағы «, сондай-ақ оны бағалаған адам» деген сөздер алып тасталсын",
        ),
        (
            "ru",
            RU,
            RU.replace(", а также лицо, оценившее его", ""),
            "в пункте 19 слова «, а также лицо, оценившее его» исключить",
        ),
        # one word deleted; the next one capitalised is a replacement, not an exclusion
        ("kk", KK, KK.replace("Нақты калибрлеу", "Калибрлеу"), None),
        (
            "kk",
            KK,
            KK.replace("құрамына бағамен", "құрамына"),
            "19-тармақтағы «бағамен» деген сөз алып тасталсын",
        ),
        (
            "ru",
            RU,
            RU.replace("состав конкретной калибровочной", "состав калибровочной"),
            "в пункте 19 слово «конкретной» исключить",
        ),
        # one word added after one word that names one place
        (
            "ru",
            RU,
            RU.replace("несогласное с оценкой", "несогласное с итоговой оценкой"),
            "пункт 19 после слова «с» дополнить словом «итоговой»",
        ),
        (
            "kk",
            KK,
            KK.replace("бағамен келіспейтін", "бағамен толық келіспейтін"),
            "19-тармақ «бағамен» деген сөзден кейін «толық» деген сөзбен толықтырылсын",
        ),
        # «состав» names one place: the point's other one is «Состав», capitalised
        (
            "ru",
            RU,
            RU.replace("В состав конкретной", "В состав каждой конкретной"),
            "пункт 19 после слова «состав» дополнить словом «каждой»",
        ),
    ],
)
def test_words_only_added_or_deleted(lang: str, old: str, new: str, wording: str | None) -> None:
    assert word_edit(old, new, "19", lang) == wording


def test_a_replacement_or_a_number_stays_a_replacement() -> None:
    # a word replaced by another: not an addition nor an exclusion
    assert word_edit(RU, RU.replace("нечетного", "четного"), "19", "ru") is None
    # a number in words changed
    assert word_edit(KK, KK.replace("саны үштен", "саны бес"), "19", "kk") is None
    # words added to a number written in words: the number is replaced, not extended
    assert word_edit("42. он күн ішінде", "42. он бес күн ішінде", "42", "kk") is None
    # more than a phrase added: the point gets a new wording
    assert word_edit("5. Оценка.", "5. Оценка проводится ежеквартально в течение месяца.", "5", "ru") is None


def test_amendment_text_uses_the_addition_and_exclusion_wording() -> None:
    short = RU.replace(", а также лицо, оценившее его", "")
    am = Amendment(
        "ru",
        RU,
        short,
        [
            Change("set", "19", RU, short),
            Change("set", "20", "20. Оценка проводится.", "20. Оценка проводится ежегодно."),
        ],
    )
    text = amendment_text(am)
    assert "1) в пункте 19 слова «, а также лицо, оценившее его» исключить;" in text
    assert "2) пункт 20 после слова «проводится» дополнить словом «ежегодно»." in text
