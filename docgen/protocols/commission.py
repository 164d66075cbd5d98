"""Protocols stage, 2017 evaluation commission: meeting YAML + catalogue -> validated typed context.

Consumes the meeting description (``docs/protocols.md``: members with roles and presence, the results of
each evaluated servant with the commission's decision and its vote) and a :class:`~docgen.catalogue_model.Catalogue`
(``commission_min_members``, ``commission_quorum``, ``commission_tie_break``, ``commission_secretary_votes``,
``kpi_count_grades``, ``kpi_min_count``/``kpi_max_count``, ``competency_threshold``,
``results_familiarization_deadline``, ``appeal_window``). Produces :class:`CommissionContext` for
``templates_<lang>/commission_protocol.docx`` (points 35–38 of the 2017-model methodologies).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._docxtext import Fields, fmt_date, name_key
from ..catalogue_model import Catalogue
from ..errors import DataError
from ..scoring.commission import (
    check_commission_size,
    check_quorum,
    commission_decision,
    competency_meets,
    quorum_needed,
    secretary_votes,
)
from ..scoring.kpi import kpi_count_grade
from ..workdays import WorkCalendar, default_calendar
from .common import appendix_caption, grade_label
from .labels import labels

FORM = "commission_protocol"
ROLES = ("chair", "member", "secretary")
GRADE_IDS = ("excellent", "effective", "satisfactory", "unsatisfactory", "proper")


@dataclass(frozen=True)
class CommissionContext:
    appendix_caption: str
    body: str
    number: str
    place: str
    period: str
    meeting_date: str
    members: list[dict[str, str]]
    members_count: int
    present_count: int
    quorum: str
    results: list[dict[str, str]]
    conclusion: str
    signers: list[dict[str, str]]
    authorized_name: str
    authorized_position: str
    familiarization_deadline: str
    appeal_deadline: str


def _result_row(
    r: Fields, n: int, catalogue: Catalogue, lang: str, present_voting: int, chair_present: bool
) -> dict[str, str]:
    lab = labels(lang)
    parts: list[str] = []
    kpi = r.sub("kpi", required=False)
    if kpi is not None:
        achieved, total = kpi.integer("achieved"), kpi.integer("total")
        assert achieved is not None and total is not None
        grade = kpi_count_grade(achieved, total, catalogue, where=kpi.where("achieved"))
        parts.append(
            str(lab["kpi_result"]).format(grade=grade_label(grade, lang), achieved=achieved, total=total)
        )
    comps = r.items("competencies", required=False)
    if comps:
        meets = 0
        for c in comps:
            observed, total = c.integer("observed"), c.integer("total")
            assert observed is not None and total is not None
            c.text("name", required=False)
            meets += competency_meets(observed, total, catalogue, where=c.where("observed"))
        parts.append(str(lab["competency_result"]).format(meets=meets, total=len(comps)))
    if not parts:
        raise DataError("give 'kpi' and/or 'competencies' results", path=r.path, where=r.prefix)

    decision = r.choice("decision", ("approve", "revise"))
    corrected = ""
    if decision == "revise":
        corrected = grade_label(r.choice("corrected_grade", GRADE_IDS), lang)
        note = r.text("correction_note", required=False)
        corrected = f"{corrected}. {note}" if note else corrected
    elif r.data.get("corrected_grade") is not None:
        raise DataError(
            "a correction is given but the decision is 'approve'",
            path=r.path,
            where=r.where("corrected_grade"),
        )

    v = r.sub("votes")
    assert v is not None
    yes, no, abst = v.integer("for"), v.integer("against"), v.integer("abstained", required=False) or 0
    assert yes is not None and no is not None
    if yes + no + abst != present_voting:
        raise DataError(
            f"{yes + no + abst} votes counted, {present_voting} voting members present (open vote)",
            path=r.path,
            where=r.where("votes"),
        )
    chair_vote = None
    cv = r.data.get("chair_vote")
    if cv is not None:
        chair_vote = r.choice("chair_vote", ("for", "against")) == "for"
        if not chair_present:
            raise DataError("the chair is not present", path=r.path, where=r.where("chair_vote"))
    adopted, by_chair = commission_decision(yes, no, catalogue, chair_vote=chair_vote, where=r.where("votes"))
    if not adopted:
        raise DataError(
            "the proposed decision was not adopted by the vote", path=r.path, where=r.where("votes")
        )
    votes = str(lab["votes_text"]).format(for_=yes, against=no, abstained=abst)
    if by_chair:
        votes += "; " + str(lab["chair_casting"]).format(vote=lab["vote_words"]["for"])
    return {
        "n": str(n),
        "name": r.text("name"),
        "position": r.text("position", required=False),
        "result": "; ".join(parts),
        "decision": lab["decisions"][decision],
        "corrected": corrected,
        "votes": votes,
    }


def build_context(
    data: dict[str, Any],
    catalogue: Catalogue,
    lang: str,
    *,
    path: str | None = None,
    calendar: WorkCalendar | None = None,
) -> CommissionContext:
    cal = calendar or default_calendar()
    lab = labels(lang)
    f = Fields(data, "", path)
    sec_votes = secretary_votes(catalogue)

    members, signers, seen = [], [], set()
    chair = secretary = ""
    chair_present = False
    voting = present_voting = present = 0
    for i, m in enumerate(f.items("members"), 1):
        name = m.text("name")
        if name_key(name) in seen:
            raise DataError("the same person is listed twice", path=path, where=m.where("name"))
        seen.add(name_key(name))
        role = m.choice("role", ROLES, required=False, default="member")
        is_present = m.flag("present", True)
        if role == "chair":
            if chair:
                raise DataError("more than one chair", path=path, where=m.where("role"))
            chair, chair_present = name, is_present
        if role == "secretary":
            if secretary:
                raise DataError("more than one secretary", path=path, where=m.where("role"))
            secretary = name
        votes_here = role != "secretary" or sec_votes
        voting += votes_here
        present += is_present
        present_voting += votes_here and is_present
        row = {
            "n": str(i),
            "name": name,
            "position": m.text("position", required=False),
            "role": lab["commission_roles"][role],
        }
        members.append(row)
        if is_present:
            signers.append(row)
    if not chair:
        raise DataError("the commission needs a chair (role: chair)", path=path, where="members")
    check_commission_size(voting, catalogue, where="members")
    check_quorum(present_voting, voting, catalogue, where="members[].present")

    results = [
        _result_row(r, i, catalogue, lang, present_voting, chair_present)
        for i, r in enumerate(f.items("results"), 1)
    ]
    if not results:
        raise DataError("no results to review", path=path, where="results")

    meeting = f.date("meeting_date")
    assert meeting is not None
    fam = catalogue.value("results_familiarization_deadline")
    appeal = catalogue.value("appeal_window")
    auth = f.sub("authorized_person", required=False)
    return CommissionContext(
        appendix_caption=appendix_caption(catalogue, FORM, lang),
        body=f.text("body"),
        number=f.text("number", required=False),
        place=f.text("place", required=False),
        period=f.text("period"),
        meeting_date=fmt_date(meeting),
        members=members,
        members_count=voting,
        present_count=present_voting,
        quorum=f"{catalogue.require_one('commission_quorum')} ({quorum_needed(voting, catalogue)})",
        results=results,
        conclusion=f.text("conclusion", required=False),
        signers=signers,
        authorized_name=auth.text("name") if auth else "",
        authorized_position=auth.text("position", required=False) if auth else "",
        familiarization_deadline=fmt_date(cal.add_working_days(meeting, int(fam))) if fam else "",
        appeal_deadline=fmt_date(cal.add_working_days(meeting, int(appeal))) if appeal else "",
    )
