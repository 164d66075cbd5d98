"""Check stage, the act's dates: adoption, edition (edit notes, repeal notes excluded), status, repeal.

Consumes a :class:`~docgen.model.Document` and the act's :class:`~docgen.catalogue_model.Catalogue`
(or ``None``); produces :class:`ActDates` and the editions of the model in force on those dates.
The edition date is the latest date of an edit note that changed the text (a note of kind
``repealed`` changes nothing in the text, so it never moves the edition date); without edit notes it
is the adoption date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..catalogue_model import Catalogue
from ..model import Document
from . import profiles
from .findings import Finding
from .make import finding


def parse_date(s: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10]) if s else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ActDates:
    adopted: dt.date | None
    edition: dt.date | None
    repealed: bool
    repealed_on: dt.date | None
    repealed_by: str | None  # number of the repealing act, as printed

    def to_json(self) -> dict[str, Any]:
        return {
            "adopted": self.adopted.isoformat() if self.adopted else None,
            "edition_date": self.edition.isoformat() if self.edition else None,
            "status": "repealed" if self.repealed else "in_force",
            "repealed_on": self.repealed_on.isoformat() if self.repealed_on else None,
            "repealed_by": self.repealed_by,
        }


def act_dates(doc: Document, catalogue: Catalogue | None) -> ActDates:
    act = catalogue.act if catalogue is not None else None
    adopted = parse_date(act.act_date if act else None) or parse_date(doc.header.act_date)
    edits: list[dt.date | None] = []
    repeal_dates: list[dt.date | None] = []
    repeal_numbers: list[str] = []
    for n in act.edit_notes if act else ():
        day = parse_date(n.get("amending_act_date"))
        if n.get("kind") == "repealed":
            repeal_dates.append(day)
            if n.get("amending_act_number"):
                repeal_numbers.append(str(n["amending_act_number"]))
        else:
            edits.append(day)
    header_notes = list(doc.header.edit_notes)
    for p in doc.points:
        header_notes += list(p.edit_notes)
    for hn in header_notes:
        if hn.kind == "repealed":
            repeal_dates.append(parse_date(hn.act_date))
        else:
            edits.append(parse_date(hn.act_date))
    for rb in (act.repealed_by if act else None, doc.header.repealed_by):
        if not isinstance(rb, dict):
            continue
        repeal_dates.insert(0, parse_date(rb.get("date")))
        if rb.get("number"):
            repeal_numbers.insert(0, str(rb["number"]))
    repealed = (act.status if act else None) == "repealed" or bool(doc.header.repealed)
    known = [d for d in edits if d and (adopted is None or d >= adopted)]
    edition = max(known) if known else adopted
    repealed_on = next((d for d in repeal_dates if d), None)
    return ActDates(
        adopted=adopted,
        edition=edition,
        repealed=repealed or repealed_on is not None,
        repealed_on=repealed_on,
        repealed_by=repeal_numbers[0] if repeal_numbers else None,
    )


def in_force(day: dt.date | None) -> profiles.Profile | None:
    return profiles.in_force_on(day) if day else None


def before_every_edition(day: dt.date | None) -> bool:
    return day is not None and day < profiles.all_profiles()[0].valid_from


def facts(when: ActDates) -> dict[str, Any]:
    """The act's dates and the editions of the model in force on them (for the report header)."""
    at_edition = in_force(when.edition)
    at_adoption = in_force(when.adopted)
    return {
        **when.to_json(),
        "in_force_at_edition": at_edition.edition if at_edition else None,
        "in_force_at_adoption": at_adoption.edition if at_adoption else None,
    }


def not_comparable(lang: str, day: dt.date | None) -> Finding:
    first = profiles.all_profiles()[0]
    return finding(
        "outdated_edition.not_comparable",
        "info",
        lang,
        point="header",
        expected=first.edition,
        evidence=first.boundary_evidence,
        date=day.strftime("%d.%m.%Y") if day else "",
        in_force=first.valid_from.strftime("%d.%m.%Y"),
        edition=first.edition,
    )


def model_not_in_force(
    lang: str, chosen: profiles.Profile, current: profiles.Profile | None, day: dt.date
) -> Finding:
    """``--model X`` asked for an edition that was not in force on the act's edition date."""
    return finding(
        "outdated_edition.model_not_in_force",
        "warning",
        lang,
        point="header",
        expected=current.edition if current else "",
        actual=chosen.edition,
        evidence=chosen.boundary_evidence,
        date=day.strftime("%d.%m.%Y"),
        edition=chosen.edition,
        period=_period(chosen, lang),
        current=current.edition if current else "—",
    )


def _period(p: profiles.Profile, lang: str) -> str:
    start = p.valid_from.strftime("%d.%m.%Y")
    if p.valid_to is None:
        return f"{start} бастап" if lang == "kk" else f"с {start}"
    end = p.valid_to.strftime("%d.%m.%Y")
    return f"{start} – {end}"
