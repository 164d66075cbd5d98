"""docgen.scoring.method360: means per competency over respondents, self-assessment excluded, 3..7 respondents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.catalogue_model import Catalogue
from docgen.errors import DataError
from docgen.scoring.method360 import Response, competencies, score_person

DATA = Path(__file__).resolve().parents[1] / "data" / "catalogues_b"
J2018 = json.loads((DATA / "cat_000_2018_kpi360_kk.json").read_text(encoding="utf-8"))
C2018 = Catalogue.from_json(J2018)


def _resp(role: str, value: float, n: int = 8) -> Response:
    return Response(role, tuple([value] * n))


def test_competency_lists_from_the_seed() -> None:
    assert len(competencies(C2018, "leaders")) == 12
    staff = competencies(C2018, "staff")
    assert len(staff) == 8 and staff[0] == "тиімді коммуникацияларды құру"


def test_self_assessment_is_excluded_from_means() -> None:
    rs = [_resp("self", 5), _resp("direct_superior", 2), _resp("peer", 3), _resp("subordinate", 4)]
    res = score_person(rs, C2018, "staff")
    assert res.means == (3.0,) * 8
    assert res.respondents == 3 and res.self_scores == (5.0,) * 8 and not res.self_counted
    assert res.overall == 3.0


def test_self_counted_when_the_methodology_says_so() -> None:
    cat = json.loads(json.dumps(J2018))
    cat["parameters"]["method360_self_assessment_counted"]["value"] = True
    rs = [_resp("self", 5), _resp("direct_superior", 2), _resp("peer", 3), _resp("subordinate", 2)]
    assert score_person(rs, Catalogue.from_json(cat), "staff").means[0] == 3.0


@pytest.mark.parametrize("n", [2, 8])
def test_respondent_count_checked_against_min_max(n: int) -> None:
    rs = [_resp("self", 3)] + [_resp("peer", 3)] * n
    with pytest.raises(
        DataError, match=rf"респондентов: {n} \(без самооценки\), а методика требует от 3 до 7"
    ):
        score_person(rs, C2018, "staff", where="staff!rows 2-9")


def test_bad_answers() -> None:
    with pytest.raises(DataError, match="вне диапазона 1–5"):
        score_person([_resp("peer", 6)] * 3, C2018, "staff")
    with pytest.raises(DataError, match="компетенций: 12"):
        score_person([_resp("peer", 3)] * 3, C2018, "leaders")
    with pytest.raises(DataError, match="больше одной самооценки"):
        score_person([_resp("self", 3)] * 2 + [_resp("peer", 3)] * 3, C2018, "staff")
    with pytest.raises(DataError, match="неизвестная роль респондента"):
        score_person([_resp("boss", 3)] * 3, C2018, "staff")


def test_weakest() -> None:
    rows = [Response("peer", (5, 1, 4, 2, 5, 5, 5, 5))] * 3
    assert score_person(rows, C2018, "staff").weakest(2) == (
        "әдеп нормалары мен қағидаларын ұстану",
        "нәтижеге бағдарлану",
    )


answers = st.lists(st.tuples(*[st.integers(1, 5)] * 8), min_size=3, max_size=7)


@given(answers, st.permutations(range(7)))
def test_means_bounded_and_order_free(rows: list[tuple[int, ...]], perm: list[int]) -> None:
    rs = [Response("peer", tuple(float(x) for x in r)) for r in rows]
    res = score_person(rs, C2018, "staff")
    shuffled = [rs[i] for i in perm if i < len(rs)]
    assert score_person(shuffled, C2018, "staff").means == pytest.approx(res.means)
    for i, m in enumerate(res.means):
        col = [r[i] for r in rows]
        assert min(col) <= m <= max(col)
