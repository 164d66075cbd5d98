"""Protocols stage, calibration session: session YAML + catalogue -> validated typed context.

Consumes the session description (``docs/protocols.md``: members, the disputed score and the arguments,
the votes, the dates) and a :class:`~docgen.catalogue_model.Catalogue` (``calibration_min_members``, ``calibration_odd_members``,
``calibration_decision_rule``, ``calibration_decision_deadline``, ``calibration_session_deadline``,
``protocol_upload_deadline``, ``grades``, ``score_min``/``score_max``). Produces
:class:`CalibrationContext` for ``templates_<lang>/calibration_protocol.docx``. Deadlines are counted in
working days of Kazakhstan (``docgen.workdays``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .._docxtext import Fields, fmt_date, fmt_score, name_key
from ..catalogue_model import Catalogue
from ..errors import DataError
from ..scoring.commission import check_calibration_size, majority_value
from ..scoring.kpi import score_bounds
from ..workdays import WorkCalendar, default_calendar
from .common import appendix_caption, grade_label
from .labels import labels

FORM = "calibration_protocol"
ROLES = ("chair", "member", "hr")
STANCES = ("support", "raise", "lower")


@dataclass(frozen=True)
class CalibrationContext:
    appendix_caption: str
    body: str
    number: str
    place: str
    period: str
    session_date: str
    application_date: str
    decision_date: str
    decision_deadline: str
    session_deadline: str
    signed_date: str
    upload_deadline: str
    evaluated_name: str
    evaluated_position: str
    evaluator_name: str
    evaluator_position: str
    evaluator_score: str
    evaluator_argument: str
    objection_form: str
    objection_text: str
    members: list[dict[str, str]]
    members_count: int
    excluded: list[dict[str, str]]
    discussion: list[dict[str, str]]
    votes: list[dict[str, str]]
    majority: str
    final_score: str
    final_grade: str
    change: str
    # not printed: for callers and tests
    warnings: list[str] = field(default_factory=list)


def _deadline(cal: WorkCalendar, start: dt.date, catalogue: Catalogue, key: str) -> dt.date | None:
    n = catalogue.value(key)
    return None if n is None else cal.add_working_days(start, int(n))


def _check_order(f: Fields, earlier: str, a: dt.date | None, later: str, b: dt.date | None) -> None:
    if a is not None and b is not None and b < a:
        raise DataError(f"'{later}' is before '{earlier}'", path=f.path, where=f.where(later))


def build_context(
    data: dict[str, Any],
    catalogue: Catalogue,
    lang: str,
    *,
    path: str | None = None,
    allow_late: bool = False,
    calendar: WorkCalendar | None = None,
) -> CalibrationContext:
    cal = calendar or default_calendar()
    lab = labels(lang)
    f = Fields(data, "", path)
    lo, hi = score_bounds(catalogue)

    evaluated = f.sub("evaluated")
    evaluator = f.sub("evaluator")
    assert evaluated is not None and evaluator is not None
    ev_name, ev_pos = evaluated.text("name"), evaluated.text("position", required=False)
    er_name, er_pos = evaluator.text("name"), evaluator.text("position", required=False)
    er_score = evaluator.number("score")
    assert er_score is not None
    if not lo <= er_score <= hi:
        raise DataError(f"score outside {lo:g}..{hi:g}", path=path, where=evaluator.where("score"))

    members = f.items("members")
    seen: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    chair = ""
    for i, m in enumerate(members, 1):
        name = m.text("name")
        key = name_key(name)
        if key in seen:
            raise DataError("the same person is listed twice", path=path, where=m.where("name"))
        seen[key] = name
        role = m.choice("role", ROLES, required=False, default="member")
        if role == "chair":
            if chair:
                raise DataError("more than one chair", path=path, where=m.where("role"))
            chair = name
        rows.append(
            {
                "n": str(i),
                "name": name,
                "position": m.text("position", required=False),
                "role": lab["calibration_roles"][role],
            }
        )
    check_calibration_size(len(members), catalogue, where=f.where("members"))

    # The disputant and their evaluator are never members; nor is anyone listed under `excluded`.
    excluded = [
        {"name": ev_name, "reason": lab["excluded_reasons"]["disputant"]},
        {"name": er_name, "reason": lab["excluded_reasons"]["disputant_evaluator"]},
    ]
    for ex in f.items("excluded", required=False):
        excluded.append({"name": ex.text("name"), "reason": ex.text("reason", required=False)})
    for i, row in enumerate(excluded):
        if name_key(row["name"]) in seen:
            where = ("evaluated.name", "evaluator.name")[i] if i < 2 else f"excluded[{i - 1}].name"
            raise DataError("an excluded person is listed among the members", path=path, where=where)

    obj = f.sub("objection", required=False)
    objection_form = objection_text = ""
    if obj is not None:
        objection_form = lab["objection_forms"][obj.choice("form", ("written", "oral"))]
        objection_text = obj.text("text", required=False)

    discussion = []
    for i, d in enumerate(f.items("discussion", required=False), 1):
        who = d.text("member")
        if name_key(who) not in seen:
            raise DataError("not a member of the session", path=path, where=d.where("member"))
        stance = d.choice("stance", STANCES)
        proposed = d.number("proposed_score", required=False)
        if proposed is not None and not lo <= proposed <= hi:
            raise DataError(f"score outside {lo:g}..{hi:g}", path=path, where=d.where("proposed_score"))
        discussion.append(
            {
                "n": str(i),
                "name": seen[name_key(who)],
                "stance": lab["stances"][stance],
                "argument": d.text("argument", required=False),
                "proposed": "" if proposed is None else fmt_score(proposed),
            }
        )

    votes: list[float] = []
    vote_rows = []
    voted: set[str] = set()
    for i, v in enumerate(f.items("votes"), 1):
        who = v.text("member")
        key = name_key(who)
        if key not in seen:
            raise DataError("only members of the session vote", path=path, where=v.where("member"))
        if key in voted:
            raise DataError("a member voted twice", path=path, where=v.where("member"))
        voted.add(key)
        s = v.number("score")
        assert s is not None
        if not lo <= s <= hi:
            raise DataError(f"score outside {lo:g}..{hi:g}", path=path, where=v.where("score"))
        votes.append(s)
        vote_rows.append({"n": str(i), "name": seen[key], "score": fmt_score(s)})
    final = majority_value(votes, len(members), catalogue, where=f.where("votes"))
    n_major = sum(1 for v in votes if round(v, 2) == final)
    change = "kept" if abs(final - er_score) < 0.005 else ("raised" if final > er_score else "lowered")

    app_d = f.date("application_date")
    dec_d = f.date("decision_date", required=False)
    ses_d = f.date("session_date")
    sig_d = f.date("signed_date", required=False) or ses_d
    assert app_d is not None and ses_d is not None and sig_d is not None
    _check_order(f, "application_date", app_d, "decision_date", dec_d)
    _check_order(f, "application_date", app_d, "session_date", ses_d)
    _check_order(f, "decision_date", dec_d, "session_date", ses_d)
    _check_order(f, "session_date", ses_d, "signed_date", sig_d)
    dec_dl = _deadline(cal, app_d, catalogue, "calibration_decision_deadline")
    ses_dl = _deadline(cal, app_d, catalogue, "calibration_session_deadline")
    up_dl = _deadline(cal, sig_d, catalogue, "protocol_upload_deadline")
    warnings: list[str] = []
    for key, actual, limit in (("decision_date", dec_d, dec_dl), ("session_date", ses_d, ses_dl)):
        if actual is not None and limit is not None and actual > limit:
            msg = f"{key} {actual.isoformat()} is after the deadline {limit.isoformat()} (working days)"
            if not allow_late:
                raise DataError(msg + "; use --allow-late to record it anyway", path=path, where=key)
            warnings.append(msg)

    return CalibrationContext(
        appendix_caption=appendix_caption(catalogue, FORM, lang),
        body=f.text("body"),
        number=f.text("number", required=False),
        place=f.text("place", required=False),
        period=f.text("period", required=False),
        session_date=fmt_date(ses_d),
        application_date=fmt_date(app_d),
        decision_date=fmt_date(dec_d),
        decision_deadline=fmt_date(dec_dl),
        session_deadline=fmt_date(ses_dl),
        signed_date=fmt_date(sig_d),
        upload_deadline=fmt_date(up_dl),
        evaluated_name=ev_name,
        evaluated_position=ev_pos,
        evaluator_name=er_name,
        evaluator_position=er_pos,
        evaluator_score=fmt_score(er_score),
        evaluator_argument=evaluator.text("argument", required=False),
        objection_form=objection_form,
        objection_text=objection_text,
        members=rows,
        members_count=len(rows),
        excluded=excluded,
        discussion=discussion,
        votes=vote_rows,
        majority=str(lab["majority_text"]).format(n=n_major, members=len(members)),
        final_score=fmt_score(final),
        final_grade=grade_label(catalogue.grade_for(final, where="votes"), lang),
        change=lab["change"][change],
        warnings=warnings,
    )
