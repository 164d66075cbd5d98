"""Extraction false matches found by reading held-out sets 6 and 7 (tests/data/heldout_xref6, _xref7;
tests/data/check/heldout{6,7}_finding_verdicts.yaml): each sentence is run through every rule, the key it
must not give is absent and the right reading stays. Values written by reading the acts."""

from __future__ import annotations

from typing import Any

import pytest
from test_false_matches import extract


@pytest.mark.parametrize(
    ("lang", "text", "absent", "present"),
    [
        # the time to DECIDE on a session, counted from the application's arrival, is not the time to apply
        (
            "kk",
            "Калибрлеу сессиясын өткізу туралы шешім 12-тармақ бойынша берілген өтініш түскен күннен бастап үш "
            "жұмыс күні ішінде қабылданады, сол шешіммен сессияның құрамы бекітіледі.",
            "calibration_request_window",
            {},
        ),
        (
            "kk",
            "10-1-тармақта көзделген өтініш түскен уақыттан бастап үш жұмыс күні ішінде калибрлеу сессиясын "
            "өткізу туралы шешім қабылданады және оның құрамы бекітіледі.",
            "calibration_request_window",
            {},
        ),
        (
            "ru",
            "В течение трех рабочих дней со дня поступления заявления о проведении калибровочной сессии "
            "должностное лицо определяет ее состав.",
            "calibration_request_window",
            {},
        ),
        # a category code «C-O-2» after «иных служащих» is no cap on other sanctions
        (
            "ru",
            "Оценка служащих категорий C-O-1, D-O-1 осуществляется непосредственным руководителем по форме "
            "согласно приложению 1. Оценка иных служащих, в том числе занимающих должности категории C-O-2, "
            "осуществляется руководителем структурного подразделения.",
            "disciplinary_cap_major",
            {},
        ),
        (
            "kk",
            "Өзге қызметшілерді, оның ішінде C-O-2 санатындағы лауазымдарды атқаратын қызметшілерді бағалау "
            "құрылымдық бөлімшенің басшысымен жүргізіледі.",
            "disciplinary_cap_major",
            {},
        ),
    ],
)
def test_a_near_miss_gives_no_value(lang: str, text: str, absent: str, present: dict[str, Any]) -> None:
    got = extract(lang, text)
    assert absent not in got
    for k, v in present.items():
        assert got.get(k) == v


@pytest.mark.parametrize(
    ("lang", "text", "key", "value"),
    [
        # the application itself is still read (held-out 7, act 06 p. 11 and act 05 p. 12)
        (
            "kk",
            "Бағалау нәтижелерімен келіспеген қызметші нәтижелерді 10-тармақта көрсетілген тәсілдермен алған "
            "күннен бастап бес жұмыс күні ішінде қызметшіні лауазымға тағайындау құқығы бар лауазымды адамға "
            "калибрлеу сессиясын өткізу туралы еркін нысандағы өтінішпен жүгінеді.",
            "calibration_request_window",
            5,
        ),
        (
            "ru",
            "В случае несогласия с результатами оценки служащий в течение пяти рабочих дней со дня получения "
            "результатов обращается с заявлением в произвольной форме о проведении калибровочной сессии к "
            "должностному лицу, имеющему право назначения на государственную должность.",
            "calibration_request_window",
            5,
        ),
        # the cap on other sanctions in a form row (held-out 7, act 05 app. 1 row 5; act 11 app. 1 row 5)
        (
            "ru",
            "При наличии замечания, выговора, строгого выговора оценка не может превышать 2,99 баллов; при иных "
            "взысканиях – 1,99 баллов",
            "disciplinary_cap_major",
            1.99,
        ),
        (
            "kk",
            "Ескерту, сөгіс, қатаң сөгіс үшін баға 2,99 баллдан аспайды; өзге жазалар үшін баға 1,99 баллдан "
            "аспайды.",
            "disciplinary_cap_major",
            1.99,
        ),
    ],
)
def test_the_right_reading_stays(lang: str, text: str, key: str, value: Any) -> None:
    assert extract(lang, text).get(key) == value
