"""Calibration protocol: validation against the catalogue (seed 004 rules) and the computed context."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from docgen.catalogue_model import Catalogue
from docgen.errors import DataError
from docgen.protocols.calibration import build_context

from .conftest import load_json


def test_context_from_sample(session: dict[str, Any], cat2025: Catalogue) -> None:
    ctx = build_context(session, cat2025, "ru")
    assert ctx.final_score == "3,20" and ctx.final_grade == "надлежащим образом"
    assert ctx.change == "оценка скорректирована в сторону повышения"
    assert ctx.majority == "2 из 3 голосов членов калибровочной сессии"
    # 13.04.2026 (Mon) + 3 / + 10 working days; signed 22.04 + 3 working days
    assert (ctx.decision_deadline, ctx.session_deadline, ctx.upload_deadline) == (
        "16.04.2026",
        "27.04.2026",
        "27.04.2026",
    )
    assert [x["name"] for x in ctx.excluded] == ["Ахметова Айгерим Серикқызы", "Бекова Дана"]
    assert ctx.members[0]["role"] == "председатель" and ctx.members_count == 3
    assert ctx.appendix_caption == ""  # no seed has the form: no appendix number is invented


def test_kk_labels(session: dict[str, Any], cat2025: Catalogue) -> None:
    ctx = build_context(session, cat2025, "kk")
    assert ctx.final_grade == "тиісті түрде"
    assert ctx.excluded[0]["reason"] == "бағамен келіспейтін адам"


def _mut(session: dict[str, Any], **changes: Any) -> dict[str, Any]:
    s = copy.deepcopy(session)
    s.update(changes)
    return s


def test_evaluator_cannot_be_member(session: dict[str, Any], cat2025: Catalogue) -> None:
    s = copy.deepcopy(session)
    s["members"][2]["name"] = "  бекова   дана "
    with pytest.raises(DataError, match=r"evaluator\.name: отведённый человек указан среди членов"):
        build_context(s, cat2025, "ru")


def test_extra_excluded_person(session: dict[str, Any], cat2025: Catalogue) -> None:
    s = _mut(session, excluded=[{"name": "Ким Олег", "reason": "конфликт интересов"}])
    with pytest.raises(DataError, match=r"excluded\[1\]\.name"):
        build_context(s, cat2025, "ru")


def test_even_members_rejected(session: dict[str, Any], cat2025: Catalogue) -> None:
    s = copy.deepcopy(session)
    s["members"].append({"name": "Четвертый Член", "role": "member"})
    with pytest.raises(DataError, match="нечётное число"):
        build_context(s, cat2025, "ru")


def test_no_majority(session: dict[str, Any], cat2025: Catalogue) -> None:
    s = copy.deepcopy(session)
    s["votes"][1]["score"] = 3.0
    with pytest.raises(DataError, match="нет большинства"):
        build_context(s, cat2025, "ru")


def test_vote_by_non_member_and_double_vote(session: dict[str, Any], cat2025: Catalogue) -> None:
    s = copy.deepcopy(session)
    s["votes"][2]["member"] = "Ахметова Айгерим Серикқызы"
    with pytest.raises(DataError, match=r"votes\[3\]\.member: голосуют только члены"):
        build_context(s, cat2025, "ru")
    s = copy.deepcopy(session)
    s["votes"][2]["member"] = "Ким Олег"
    with pytest.raises(DataError, match="проголосовал дважды"):
        build_context(s, cat2025, "ru")


def test_late_session(session: dict[str, Any], cat2025: Catalogue) -> None:
    s = _mut(session, session_date="2026-04-28", signed_date="2026-04-28")
    with pytest.raises(DataError, match="позже срока 27.04.2026"):
        build_context(s, cat2025, "ru")
    ctx = build_context(s, cat2025, "ru", allow_late=True)
    assert ctx.warnings and "session_date" in ctx.warnings[0]


def test_dates_in_order(session: dict[str, Any], cat2025: Catalogue) -> None:
    with pytest.raises(DataError, match="раньше, чем «application_date»"):
        build_context(_mut(session, decision_date="2026-04-10"), cat2025, "ru")


def test_score_bounds(session: dict[str, Any], cat2025: Catalogue) -> None:
    s = copy.deepcopy(session)
    s["evaluator"]["score"] = 5.5
    with pytest.raises(DataError, match=r"evaluator\.score"):
        build_context(s, cat2025, "ru")


@pytest.mark.parametrize("bad", ["a\x00b", "a\x0bb", "x\x1by", "a\x85b", "{_{ x"])
def test_control_characters_rejected_naming_field(
    session: dict[str, Any], cat2025: Catalogue, bad: str
) -> None:
    s = copy.deepcopy(session)
    s["evaluated"]["position"] = bad
    with pytest.raises(DataError, match=r"evaluated\.position"):
        build_context(s, cat2025, "ru")


def test_missing_rule_is_reported(session: dict[str, Any]) -> None:
    data = load_json("cat_004_2025_ru.json")
    del data["parameters"]["calibration_min_members"]
    with pytest.raises(DataError, match="Минимальное число членов калибровочной сессии"):
        build_context(session, Catalogue.from_json(data), "ru")
