"""The evaluation's organisation laid on the HR service («Организация оценки возлагается на главного
специалиста … (далее – кадровая служба)», held-out set 8, 08 p. 6; kk «Бағалауды ұйымдастыру кадр қызметіне
жүктеледі») is the model's organisational support (``topics: hr_support`` in docgen/check/topics.yaml).
Sentences written for this test, kk and ru, with near misses: organising the calibration session, another
thing laid on someone, the evaluation itself laid on the superior."""

from __future__ import annotations

import pytest

from docgen.check.data import matches_topic

CASES = [
    (
        "ru",
        "Организация оценки возлагается на главного специалиста отдела кадровой работы (далее – кадровая "
        "служба), который составляет график оценки.",
        True,
    ),
    ("ru", "Организация калибровочной сессии возлагается на кадровую службу.", False),
    ("ru", "Проведение оценки возлагается на непосредственного руководителя служащего.", False),
    (
        "ru",
        "Организация рабочего места служащего возлагается на руководителя структурного подразделения.",
        False,
    ),
    ("kk", "Бағалауды ұйымдастыру аппараттың кадр қызметіне жүктеледі.", True),
    ("kk", "Калибрлеу сессиясын ұйымдастыру кадр қызметіне жүктеледі.", False),
    ("kk", "Бағалауды жүргізу тікелей басшыға жүктеледі.", False),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), CASES)
def test_the_organisation_laid_on_the_hr_service_is_its_support(
    lang: str, sentence: str, expected: bool
) -> None:
    assert matches_topic(sentence, "hr_support", lang) is expected
