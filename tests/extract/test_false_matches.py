"""Extraction false matches found by reading new texts (issue 12): each sentence is run through every
rule (the DSL and the registered Python rules), and the key it must not give is absent while the
right reading stays. The single rules' near misses are also in the rule files' examples."""

from __future__ import annotations

from typing import Any

import pytest
from test_rule_examples import run

from docgen.extract import special  # noqa: F401  (registers the special rules)
from docgen.extract.registry import rules


def extract(lang: str, text: str) -> dict[str, Any]:
    ctx = run(lang, text)
    for r in rules():
        r.func(ctx)
    return {k: p.value for k, p in ctx.params.items()}


@pytest.mark.parametrize(
    ("lang", "text", "absent", "present"),
    [
        # «два раза в год» is not «once a year»
        (
            "ru",
            "Оценка методом 360 проводится два раза в год анонимно в информационной системе.",
            "method360_frequency",
            {},
        ),
        (
            "kk",
            "360 әдісі бойынша бағалау жылына екі рет ақпараттық жүйеде жасырын жүргізіледі.",
            "method360_frequency",
            {},
        ),
        # respondents «не более семи» are not the threshold for additional evaluators
        (
            "ru",
            "Количество респондентов составляет не менее трех и не более семи человек.",
            "additional_evaluators_threshold",
            {"method360_min_respondents": 3, "method360_max_respondents": 7},
        ),
        (
            "ru",
            "Количество респондентов – не более семи человек.",
            "additional_evaluators_threshold",
            {"method360_max_respondents": 7},
        ),
        # a score scale or a time limit in a sentence about respondents is not their number
        (
            "ru",
            "Респонденты оценивают компетенции по шкале от 1 до 5 баллов.",
            "method360_min_respondents",
            {},
        ),
        (
            "ru",
            "Опрашиваемые лица заполняют анкету в течение от 3 до 5 рабочих дней.",
            "method360_max_respondents",
            {},
        ),
        ("kk", "Респонденттер құзыреттерді 1-ден 5 баллға дейін бағалайды.", "method360_min_respondents", {}),
    ],
)
def test_false_match_is_gone(lang: str, text: str, absent: str, present: dict[str, Any]) -> None:
    got = extract(lang, text)
    assert absent not in got, got
    assert {k: got.get(k) for k in present} == present


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        (
            "ru",
            "Оценка методом 360 проводится один раз в год анонимно в информационной системе.",
            {"method360_frequency": "yearly"},
        ),
        (
            "kk",
            "360 әдісі бойынша бағалау жылына бір рет ақпараттық жүйеде жасырын жүргізіледі.",
            {"method360_frequency": "yearly"},
        ),
        (
            "ru",
            "Если количество оцениваемых лиц превышает двадцать человек, оценка осуществляется также служащими, определяемыми оценивающим лицом.",
            {"additional_evaluators_threshold": 20},
        ),
        (
            "ru",
            "Количество респондентов должно быть от 3-х до 7-ми человек.",
            {"method360_min_respondents": 3, "method360_max_respondents": 7},
        ),
    ],
)
def test_the_right_readings_stay(lang: str, text: str, want: dict[str, Any]) -> None:
    got = extract(lang, text)
    assert {k: got.get(k) for k in want} == want
