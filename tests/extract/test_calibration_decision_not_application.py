"""The official's decision to hold a calibration session, taken within three working days of the application,
is not the servant's term to apply (docgen/extract/rules/kk.yaml ``calibration_application_days``: «шешім
қабылда…» in any form, «шешім қабылдап, … құрамын бекітеді» as well as «шешім қабылдайды»). Held-out set 8,
07 p. 20 read the chair's three days as a second application term beside p. 11's five (a false
``inconsistent_value``). Sentences written for this test, kk and ru, each with its near miss: the application
sentence itself, whose term stays the application's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_rule_examples import run  # noqa: E402

DECISIONS = [
    (
        "kk",
        "Мәслихат төрағасы өтініш түскен күннен бастап үш жұмыс күні ішінде калибрлеу сессиясын өткізу туралы "
        "шешім қабылдап, оның құрамын бекітеді.",
    ),
    (
        "kk",
        "Лауазымды адам өтініш келіп түскен күннен бастап үш жұмыс күні ішінде калибрлеу сессиясын өткізу "
        "туралы шешім қабылданады және құрамы бекітіледі.",
    ),
    (
        "ru",
        "Председатель маслихата в течение трех рабочих дней со дня поступления заявления принимает решение о "
        "проведении калибровочной сессии, утвердив ее состав.",
    ),
]
APPLICATIONS = [
    (
        "kk",
        "Бағамен келіспеген қызметші нәтижелерді алған күннен бастап бес жұмыс күні ішінде мәслихат төрағасына "
        "калибрлеу сессиясын өткізу туралы еркін нысанда өтініш береді.",
    ),
    (
        "ru",
        "Не согласный с оценкой служащий в течение пяти рабочих дней со дня получения результатов подает "
        "заявление о проведении калибровочной сессии.",
    ),
]


@pytest.mark.parametrize(("lang", "sentence"), DECISIONS)
def test_the_decision_term_is_not_an_application_term(lang: str, sentence: str) -> None:
    params = run(lang, sentence).params
    assert "calibration_request_window" not in params
    assert params["calibration_decision_deadline"].value == 3


@pytest.mark.parametrize(("lang", "sentence"), APPLICATIONS)
def test_the_application_term_stays_the_application_term(lang: str, sentence: str) -> None:
    params = run(lang, sentence).params
    assert params["calibration_request_window"].value == 5
    assert "calibration_decision_deadline" not in params
