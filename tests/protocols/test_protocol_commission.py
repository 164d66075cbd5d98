"""Commission protocol (2017 model, seed 001 points 29-38): quorum, open vote, casting vote, results."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from docgen.catalogue_model import Catalogue
from docgen.errors import DataError
from docgen.protocols.commission import build_context


def test_context(meeting: dict[str, Any], cat2017: Catalogue) -> None:
    ctx = build_context(meeting, cat2017, "kk")
    assert ctx.members_count == 6 and ctx.present_count == 5  # the secretary does not vote; one absent
    assert ctx.quorum == "2/3 (4)"
    r1, r2 = ctx.results
    assert r1["result"] == "НМИ: тиімді (5-тен 4); құзыреттер: 2-тен 1 бойынша күтілген нәтижеге сәйкес"
    assert r1["decision"] == "бағалау нәтижелерін бекіту" and r1["corrected"] == ""
    assert r2["corrected"] == "тиімді. НМИ № 2 орындалғаны дәлелденді"
    assert "шешуші дауысы" in r2["votes"]
    assert ctx.appendix_caption.endswith("5-қосымша")
    assert ctx.familiarization_deadline == "24.12.2018" and ctx.appeal_deadline == "08.01.2019"
    assert [s["name"] for s in ctx.signers][-1] == "Хатшиева Дина"


def test_ru(meeting: dict[str, Any], cat2017: Catalogue) -> None:
    ctx = build_context(meeting, cat2017, "ru")
    assert ctx.results[0]["result"].startswith("ЦИ: эффективно (4 из 5)")
    assert ctx.appendix_caption.startswith("Приложение 5")


def test_no_quorum(meeting: dict[str, Any], cat2017: Catalogue) -> None:
    m = copy.deepcopy(meeting)
    for x in m["members"][1:3]:
        x["present"] = False
    with pytest.raises(DataError, match=r"нет кворума: присутствуют 3 из 6 членов, требуется 2/3 \(4\)"):
        build_context(m, cat2017, "kk")


def test_too_few_members(meeting: dict[str, Any], cat2017: Catalogue) -> None:
    m = copy.deepcopy(meeting)
    del m["members"][4:6]
    with pytest.raises(DataError, match="не менее 5"):
        build_context(m, cat2017, "kk")


def test_tie_needs_chair(meeting: dict[str, Any], cat2017: Catalogue) -> None:
    m = copy.deepcopy(meeting)
    del m["results"][1]["chair_vote"]
    with pytest.raises(DataError, match=r"results\[2\]\.votes: голоса разделились поровну"):
        build_context(m, cat2017, "kk")


def test_vote_count_must_match_present(meeting: dict[str, Any], cat2017: Catalogue) -> None:
    m = copy.deepcopy(meeting)
    m["results"][0]["votes"] = {"for": 6, "against": 0}
    with pytest.raises(DataError, match="подсчитано голосов: 6, присутствует членов с правом голоса: 5"):
        build_context(m, cat2017, "kk")


def test_rejected_decision(meeting: dict[str, Any], cat2017: Catalogue) -> None:
    m = copy.deepcopy(meeting)
    m["results"][0]["votes"] = {"for": 1, "against": 4}
    with pytest.raises(DataError, match="не принято голосованием"):
        build_context(m, cat2017, "kk")


def test_revise_needs_grade(meeting: dict[str, Any], cat2017: Catalogue) -> None:
    m = copy.deepcopy(meeting)
    del m["results"][1]["corrected_grade"]
    with pytest.raises(DataError, match=r"results\[2\]\.corrected_grade"):
        build_context(m, cat2017, "kk")


def test_kpi_count_from_catalogue(meeting: dict[str, Any], cat2017: Catalogue) -> None:
    m = copy.deepcopy(meeting)
    m["results"][0]["kpi"] = {"achieved": 3, "total": 4}
    with pytest.raises(
        DataError, match=r"results\[1\]\.kpi\.achieved: установлено КЦИ: 4, а методика требует не менее 5"
    ):
        build_context(m, cat2017, "kk")


def test_needs_chair(meeting: dict[str, Any], cat2017: Catalogue) -> None:
    m = copy.deepcopy(meeting)
    m["members"][0]["role"] = "member"
    with pytest.raises(DataError, match="chair"):
        build_context(m, cat2017, "kk")
