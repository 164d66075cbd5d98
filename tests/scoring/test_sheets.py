"""Sheet scoring: averages, grade band edges, disciplinary caps, yearly score -- all from the catalogue."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.catalogue_model import Catalogue
from docgen.errors import DataError
from docgen.scoring.sheets import SANCTIONS, SheetRules, grade_for, score_sheet, yearly_score

CAT = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "catalogues" / "ru_2025.json").read_text("utf-8")
)
RULES = SheetRules.from_catalogue(Catalogue.from_json(CAT))


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        ("1.99", "unsatisfactory"),
        ("2.00", "satisfactory"),
        ("2.99", "satisfactory"),
        ("3.00", "proper"),
        ("3.99", "proper"),
        ("4.00", "effective"),
        ("0", "unsatisfactory"),
        ("5", "effective"),
    ],
)
def test_band_edges(score: str, grade: str) -> None:
    assert grade_for(Decimal(score), RULES.grades) == grade


@pytest.mark.parametrize(
    ("scores", "average", "grade"),
    [
        ([2, 2, 2, 2, 1.95], "1.99", "unsatisfactory"),
        ([2, 2, 2, 2, 2], "2.00", "satisfactory"),
        ([3, 3, 3, 3, 2.95], "2.99", "satisfactory"),
        ([3, 3, 3, 3, 3], "3.00", "proper"),
        ([4, 4, 4, 4, 3.95], "3.99", "proper"),
        ([4, 4, 4, 4, 4], "4.00", "effective"),
        ([5, 4, 3, 2, 1], "3.00", "proper"),
    ],
)
def test_average_is_sum_over_parameter_count(scores: list[float], average: str, grade: str) -> None:
    r = score_sheet(scores, "none", RULES)
    assert r.average == Decimal(average) and r.final_score == Decimal(average) and r.grade == grade
    assert r.cap is None and not r.cap_changed


@pytest.mark.parametrize("sanction", ["remark", "reprimand", "severe_reprimand"])
def test_minor_sanctions_cap_final_at_299(sanction: str) -> None:
    r = score_sheet([5, 5, 5, 5, 5], sanction, RULES)
    assert r.average == Decimal("5.00") and r.final_score == Decimal("2.99") and r.grade == "satisfactory"
    assert r.cap is not None and r.cap.point == "app1" and r.cap_changed
    assert "final score" in r.interpretation and "app1" in r.interpretation


def test_other_sanction_caps_at_199() -> None:
    r = score_sheet([4, 4, 4, 4, 4], "other", RULES)
    assert r.final_score == Decimal("1.99") and r.grade == "unsatisfactory"


def test_cap_does_not_raise_a_lower_score() -> None:
    r = score_sheet([1, 1, 1, 1, 1], "remark", RULES)
    assert r.final_score == Decimal("1.00") and not r.cap_changed


def test_cap_on_parameter_row() -> None:
    r = score_sheet([5, 5, 5, 5, 5], "other", RULES, cap_mode="parameter", sanction_row=4)
    assert r.scores[4] == Decimal("1.99") and r.average == Decimal("4.40") and r.final_score == r.average
    assert r.grade == "effective" and r.cap_row == 4 and "parameter row 5" in r.interpretation


def test_caps_come_from_the_catalogue() -> None:
    cat = copy.deepcopy(CAT)
    cat["parameters"]["disciplinary_cap_minor"]["value"] = 3.49
    r = score_sheet([5] * 5, "remark", SheetRules.from_catalogue(Catalogue.from_json(cat)))
    assert r.final_score == Decimal("3.49")
    del cat["parameters"]["disciplinary_cap_major"]
    r = score_sheet([5] * 5, "other", SheetRules.from_catalogue(Catalogue.from_json(cat)))
    assert r.final_score == Decimal("5.00") and "states no cap" in r.interpretation


def test_grades_come_from_the_catalogue() -> None:
    cat = copy.deepcopy(CAT)
    cat["parameters"]["grades"]["value"][0]["min"] = 4.5
    cat["parameters"]["grades"]["value"][1]["max"] = 4.49
    assert score_sheet([4] * 5, "none", SheetRules.from_catalogue(Catalogue.from_json(cat))).grade == "proper"


@pytest.mark.parametrize("bad", [[6, 5, 5, 5, 5], [-1, 5, 5, 5, 5], [5, 5, 5, 5, 5.01]])
def test_scores_outside_the_range_are_rejected(bad: list[float]) -> None:
    with pytest.raises(DataError, match="вне диапазона"):
        score_sheet(bad, "none", RULES)


def test_unknown_sanction_and_missing_rules() -> None:
    with pytest.raises(DataError, match="взыскания"):
        score_sheet([5] * 5, "warning", RULES)
    cat = copy.deepcopy(CAT)
    del cat["parameters"]["grades"]
    with pytest.raises(DataError, match="Градация результатов"):
        SheetRules.from_catalogue(Catalogue.from_json(cat))


def test_yearly_score_is_mean_of_quarters() -> None:
    assert yearly_score(["4.00", "3.00", "2.99", "5"], RULES) == Decimal("3.75")
    cat = copy.deepcopy(CAT)
    del cat["parameters"]["final_score_rule"]
    with pytest.raises(DataError):
        yearly_score([4], SheetRules.from_catalogue(Catalogue.from_json(cat)))


@given(
    st.lists(st.decimals(min_value=0, max_value=5, places=2), min_size=1, max_size=8),
    st.sampled_from(SANCTIONS),
)
def test_final_never_exceeds_average_or_cap(scores: list[Decimal], sanction: str) -> None:
    r = score_sheet(scores, sanction, RULES)
    assert r.final_score <= r.average
    if r.cap is not None:
        assert r.final_score <= r.cap.value
    assert r.grade == grade_for(r.final_score, RULES.grades)
