"""Paraphrased referring sentences (sixth round, after the paraphrase set's first run): the need of a
sentence is read from the meaning of its words, not one drafter's wording. Each construction has a
wrong reference, the same sentence citing the right point, and near misses that must stay silent.

The texts are ``tests/data/check_xref/`` development texts with one sentence added (see
``test_xref_constructions``): ru_2018_a (4 deadlines, 7 grades, 11 familiarisation, 12 calibration
application, 13 appeal, 14 storage, 17 KPI requirements); kk_2018_a (4 deadlines, 7 grades, 11
familiarisation, 12 calibration application, 13 appeal, 14 storage, 24 KPI requirements).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check.context import _stop_after, _stop_before
from docgen.check.xref import needs_of

from .test_xref_constructions import KK, KK_POINT, RU, RU_POINT, _new

CASES: list[tuple[str, str, set[tuple[str, str, str, str]]]] = [
    # a deadline from any time limit: a date, «не позднее», «до истечения»
    (
        RU,
        "Оценка проводится не позднее даты, указанной в п. 14 настоящей Методики.",
        {("8", "wrong_target", "14", "4")},
    ),
    (RU, "Оценка проводится не позднее даты, указанной в п. 4 настоящей Методики.", set()),
    (
        RU,
        "Расчет направляется до истечения периода оценки, установленного пунктом 14.",
        {("8", "wrong_target", "14", "4")},
    ),
    # a period is no time limit: not judged
    (RU, "Оценка проводится за период, указанный в пункте 14 настоящей Методики.", set()),
    # an abbreviation's dot does not end the sentence: «В сроки» belongs to «п. 14»
    (RU, "В сроки, предусмотренные пп. 1) п. 14, проводится оценка.", {("8", "wrong_target", "14", "4")}),
    (RU, "В сроки, предусмотренные пп. 1) п. 4, проводится оценка.", set()),
    # appeal as disputing
    (
        RU,
        "Результаты оценки могут быть оспорены в порядке п. 12 настоящей Методики.",
        {("8", "wrong_target", "12", "13")},
    ),
    (RU, "Результаты оценки могут быть оспорены в порядке п. 13 настоящей Методики.", set()),
    # the calibration procedure as «процедура», «правила»
    # (13 is the model's number of the application: the wrong number is inherited)
    (
        RU,
        "Калибровочная сессия проводится согласно процедуре, изложенной в п. 13.",
        {("8", "inherited", "13", "12")},
    ),
    (RU, "Калибровочная сессия проводится по правилам, изложенным в п. 12.", set()),
    # results received as «итоги»
    (
        RU,
        "После получения итогов оценки в порядке п. 14 проводится встреча.",
        {("8", "wrong_target", "14", "11")},
    ),
    (RU, "После получения итогов оценки в порядке п. 11 проводится встреча.", set()),
    # KPI requirements as criteria or conditions
    (
        RU,
        "Целевые индикаторы должны отвечать критериям, изложенным в п. 14.",
        {("8", "wrong_target", "14", "17")},
    ),
    (RU, "Целевые индикаторы должны отвечать условиям п. 17 настоящей Методики.", set()),
    # one of the grades a point lists
    (
        RU,
        "Окончательная оценка выбирается из числа оценок, перечисленных в п. 14.",
        {("8", "wrong_target", "14", "7")},
    ),
    (RU, "Окончательная оценка выбирается из числа оценок, перечисленных в п. 7.", set()),
    # kk: the abbreviation «N-тарм.» and a deadline as «күнге дейін»
    (KK, "Бағалау 14-тарм. белгіленген күнге дейін жүргізіледі.", {("10", "wrong_target", "14", "4")}),
    (KK, "Бағалау 4-тарм. белгіленген күнге дейін жүргізіледі.", set()),
    (
        KK,
        "Бағалау 14-тармақта белгіленген күннен кешіктірілмей жүргізіледі.",
        {("10", "wrong_target", "14", "4")},
    ),
    # kk: a clause opening with a pronoun is read with the clause before it; «тәртібі» is «тәртіп»
    (
        KK,
        "Калибрлеу сессиялары өткізіледі; оларды өткізу тәртібі 13-тармақта бекітілген.",
        {("10", "inherited", "13", "12")},
    ),
    (KK, "Калибрлеу сессиялары өткізіледі; оларды өткізу тәртібі 12-тармақта бекітілген.", set()),
    # ... a clause without the pronoun is its own: the documents are stored as point 14 says
    (KK, "Калибрлеу сессиялары өткізіледі; құжаттар 14-тармаққа сәйкес сақталады.", set()),
    # kk: appeal as «дау айту» (a calibration decision disputed is the appeal, not the application)
    (
        KK,
        "Калибрлеу сессиясының шешіміне 14-тармақта белгіленген тәртіппен дау айтуға болады.",
        {("10", "wrong_target", "14", "13")},
    ),
    (KK, "Калибрлеу сессиясының шешіміне 13-тармақта белгіленген тәртіппен дау айтуға болады.", set()),
    # kk: results received as «қорытынды»
    (
        KK,
        "Бағаланатын адам 14-тармақ бойынша бағалау қорытындыларын алғаннан кейін кездесу өткізіледі.",
        {("10", "wrong_target", "14", "11")},
    ),
    (
        KK,
        "Бағаланатын адам 11-тармақ бойынша бағалау қорытындыларын алғаннан кейін кездесу өткізіледі.",
        set(),
    ),
    # kk: KPI criteria («өлшемшарттар»)
    (KK, "НМИ 14-тармақта белгіленген өлшемшарттарға сай болуы тиіс.", {("10", "wrong_target", "14", "24")}),
    (KK, "НМИ 24-тармақта белгіленген өлшемшарттарға сай болуы тиіс.", set()),
    # kk: the grades in the plural, whatever the participle
    (
        KK,
        "Орташа баға 14-тармақта бекітілген бағалар жүйесі бойынша нәтижеге ауыстырылады.",
        {("10", "wrong_target", "14", "7")},
    ),
    (KK, "Орташа баға 7-тармақта бекітілген бағалар жүйесі бойынша нәтижеге ауыстырылады.", set()),
    # the need words nearer to another reference are that reference's: 9 is not judged by the grades
    (
        KK,
        "Нәтижелерді 9-тармақ бойынша жасақталған топ қарайды және бағаны 14-тармақта көзделген бағалар негізінде қайта қарайды.",
        {("10", "wrong_target", "14", "7")},
    ),
    (
        KK,
        "Нәтижелерді 9-тармақ бойынша жасақталған топ қарайды және бағаны 7-тармақта көзделген бағалар негізінде қайта қарайды.",
        set(),
    ),
]


@pytest.mark.parametrize(("name", "added", "expected"), CASES)
def test_paraphrased_sentence(
    tmp_path: Path, name: str, added: str, expected: set[tuple[str, str, str, str]]
) -> None:
    anchor = RU_POINT if name == RU else KK_POINT
    assert _new(tmp_path, name, anchor, added) == expected


def test_an_abbreviation_dot_ends_no_sentence() -> None:
    text = "Оценка в сроки по пп. 3) п. 12 проводится. Далее текст."
    at = text.index("12")
    assert text[_stop_before(text, at) + 1 :].startswith("Оценка")
    assert text[: _stop_after(text, at)].endswith("проводится")
    kk = "Бағалау 5-тарм. белгіленген күнге дейін жүргізіледі. Келесі сөйлем."
    assert kk[: _stop_after(kk, 8)].endswith("жүргізіледі")


@pytest.mark.parametrize(
    ("sentence", "lang", "need"),
    [
        ("не позднее даты, указанной в п. 5", "ru", "deadline"),
        ("к дате, определенной пунктом 4", "ru", "deadline"),
        ("5-тарм. айқындалған күнге дейін бағаланады", "kk", "deadline"),
        ("может быть оспорено служащим в соответствии с п. 14", "ru", "appeal"),
        ("шешіміне 13-тармаққа сәйкес дау айта алады", "kk", "appeal"),
        ("калибровочные сессии по правилам, изложенным в п. 11", "ru", "calibration_procedure"),
        ("калибрлеу сессиясы 14-тармақ бойынша берген арызы түскен күннен", "kk", "calibration_procedure"),
        ("По получении оцениваемым итогов оценки (п. 12)", "ru", "familiarization"),
        ("КЦИ, отвечающих критериям пункта 20", "ru", "kpi_requirements"),
        ("НМИ-ді 23-тармақта қойылатын шарттарға сәйкестендіріп", "kk", "kpi_requirements"),
        ("8-тармақта айқындалған баға түрлерінің бірі ретінде", "kk", "grades"),
        ("выбираемая из числа оценок, перечисленных в п. 17", "ru", "grades"),
    ],
)
def test_the_need_of_a_paraphrase(sentence: str, lang: str, need: str) -> None:
    pos = next(i for i, ch in enumerate(sentence) if ch.isdigit())
    assert needs_of(sentence, pos, lang)[:1] == [need]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # near misses: words that look like a need but ask for none
        ("за период командирования с учетом ограничений п. 4", "ru"),
        ("в соответствии с пунктом 9 Методики проводится встреча", "ru"),
        ("осы Әдістеменің 20-тармағының 4) тармақшасына сәйкес ұйымдастырады", "kk"),
        ("2-тармақтың 3) тармақшасында аталған адамдар арасынан", "kk"),
    ],
)
def test_no_need_in_a_near_miss(sentence: str, lang: str) -> None:
    pos = next(i for i, ch in enumerate(sentence) if ch.isdigit())
    assert needs_of(sentence, pos, lang) == []
