"""docgen.scoring.commission: 2017 quorum 2/3, chair's casting vote, 3/4 competencies; calibration size/majority."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.catalogue_model import Catalogue
from docgen.errors import DataError
from docgen.scoring.commission import (
    check_calibration_size,
    check_commission_size,
    check_quorum,
    commission_decision,
    competency_meets,
    majority_value,
    quorum_needed,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "catalogues_b"
J2017 = json.loads((DATA / "cat_001_2017_commission_kk.json").read_text(encoding="utf-8"))
C2017 = Catalogue.from_json(J2017)
C2025 = Catalogue.from_json(json.loads((DATA / "cat_004_2025_ru.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize(("members", "need"), [(5, 4), (6, 4), (7, 5), (9, 6)])
def test_quorum_two_thirds(members: int, need: int) -> None:
    assert quorum_needed(members, C2017) == need
    check_quorum(need, members, C2017)
    with pytest.raises(DataError, match="нет кворума"):
        check_quorum(need - 1, members, C2017)


def test_commission_minimum() -> None:
    check_commission_size(5, C2017)
    with pytest.raises(DataError, match="не менее 5"):
        check_commission_size(4, C2017)


def test_votes_and_casting_vote() -> None:
    assert commission_decision(3, 2, C2017) == (True, False)
    assert commission_decision(1, 4, C2017) == (False, False)
    assert commission_decision(2, 2, C2017, chair_vote=False) == (False, True)
    with pytest.raises(DataError, match="решающий голос председателя"):
        commission_decision(2, 2, C2017)
    no_tie = json.loads(json.dumps(J2017))
    del no_tie["parameters"]["commission_tie_break"]
    with pytest.raises(DataError, match="не даёт решающего голоса"):
        commission_decision(2, 2, Catalogue.from_json(no_tie), chair_vote=True)


@pytest.mark.parametrize(("obs", "total", "ok"), [(3, 4, True), (2, 4, False), (8, 10, True), (7, 10, False)])
def test_three_quarters(obs: int, total: int, ok: bool) -> None:
    assert competency_meets(obs, total, C2017) is ok


def test_indicator_cap() -> None:
    with pytest.raises(DataError, match="не более 10"):
        competency_meets(9, 11, C2017)


@pytest.mark.parametrize(("n", "msg"), [(2, "не менее 3"), (4, "нечётное")])
def test_calibration_size(n: int, msg: str) -> None:
    check_calibration_size(3, C2025)
    with pytest.raises(DataError, match=msg):
        check_calibration_size(n, C2025)


def test_majority() -> None:
    assert majority_value([3.2, 3.2, 2.8], 3, C2025) == 3.2
    with pytest.raises(DataError, match="нет большинства"):
        majority_value([3.2, 3.0, 2.8], 3, C2025)
    with pytest.raises(DataError, match="нет большинства"):  # 2 of 5 members is not a majority of the members
        majority_value([3.2, 3.2], 5, C2025)


@given(st.lists(st.sampled_from([2.5, 3.0, 3.5]), min_size=1, max_size=9))
def test_majority_winner_has_more_than_half(votes: list[float]) -> None:
    members = len(votes) if len(votes) % 2 else len(votes) + 1
    try:
        v = majority_value(votes, members, C2025)
    except DataError:
        assert all(votes.count(x) * 2 <= members for x in set(votes))
    else:
        assert votes.count(v) * 2 > members
