"""docgen.scoring.kpi: KPI percent -> allowed score range (seed 000 appendix 3), 2017 KPI-count grades."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.catalogue_model import Catalogue
from docgen.errors import DataError
from docgen.scoring.kpi import (
    allowed_score_range,
    check_kpi_count,
    check_kpi_score,
    kpi_count_grade,
    percent_achieved,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "catalogues_b"
J2018 = json.loads((DATA / "cat_000_2018_kpi360_kk.json").read_text(encoding="utf-8"))
C2018 = Catalogue.from_json(J2018)
C2017 = Catalogue.from_json(
    json.loads((DATA / "cat_001_2017_commission_kk.json").read_text(encoding="utf-8"))
)


@pytest.mark.parametrize(
    ("pct", "lo", "hi"),
    [
        (100, 5, 5),
        (250, 5, 5),
        (99.99, 4.75, 4.99),
        (95, 4.75, 4.99),
        (80, 4, 4.24),
        (44.49, 2, 2.24),
        (44.7, 2, 2.24),
        (45, 2.25, 2.49),
        (4.99, 0, 0.24),
        (0, 0, 0.24),
    ],
)
def test_allowed_range_follows_printed_table(pct: float, lo: float, hi: float) -> None:
    r = allowed_score_range(pct, C2018)
    assert (r.score_min, r.score_max) == (lo, hi)


def test_score_outside_range_is_an_error_naming_both() -> None:
    assert check_kpi_score(85, 4.3, C2018).score_max == 4.49
    with pytest.raises(
        DataError, match=r"балл 4\.5 вне диапазона 4\.25–4\.49, допустимого при достижении КЦИ на 85 %"
    ):
        check_kpi_score(85, 4.5, C2018, where="sheet!row 3")


def test_rules_come_from_the_catalogue_not_code() -> None:
    changed = json.loads(json.dumps(J2018))
    changed["parameters"]["kpi_score_table"]["value"] = [
        {"pct_min": 0, "pct_max": 49.99, "score_min": 0, "score_max": 2},
        {"pct_min": 50, "pct_max": None, "score_min": 2, "score_max": 5},
    ]
    assert allowed_score_range(80, Catalogue.from_json(changed)).score_min == 2
    with pytest.raises(DataError, match="Таблица оценок по проценту достижения"):
        allowed_score_range(80, Catalogue.from_json({"document": {"language": "kk"}, "parameters": {}}))


def test_percent_and_count() -> None:
    assert percent_achieved(8, 6) == 75
    with pytest.raises(DataError):
        percent_achieved(0, 1)
    check_kpi_count(4, C2018)
    with pytest.raises(DataError, match="не менее 3"):
        check_kpi_count(2, C2018)
    with pytest.raises(DataError, match="не более 5"):
        check_kpi_count(6, C2018)


@pytest.mark.parametrize(
    ("achieved", "grade"),
    [(5, "excellent"), (4, "effective"), (3, "satisfactory"), (2, "unsatisfactory"), (0, "unsatisfactory")],
)
def test_2017_kpi_count_grades(achieved: int, grade: str) -> None:
    assert kpi_count_grade(achieved, 5, C2017) == grade


def test_2017_kpi_count_must_be_five() -> None:
    with pytest.raises(DataError, match="не менее 5"):
        kpi_count_grade(3, 4, C2017)
    with pytest.raises(DataError):
        kpi_count_grade(6, 5, C2017)


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        (5, "effective"),
        (4, "effective"),
        (3.99, "proper"),
        (2.994, "satisfactory"),
        (1.99, "unsatisfactory"),
        (0, "unsatisfactory"),
    ],
)
def test_grades(score: float, grade: str) -> None:
    assert C2018.grade_for(score) == grade


def test_value_missing() -> None:
    assert C2018.value("nope") is None
    with pytest.raises(DataError, match="«nope»"):
        C2018.require("nope")


@given(
    st.floats(min_value=0, max_value=300, allow_nan=False),
    st.floats(min_value=0, max_value=300, allow_nan=False),
)
def test_range_is_monotonic_in_percent(a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    ra, rb = allowed_score_range(lo, C2018), allowed_score_range(hi, C2018)
    assert ra.score_min <= ra.score_max
    assert ra.score_min <= rb.score_min and ra.score_max <= rb.score_max
