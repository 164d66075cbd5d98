"""Scoring stage, collective decisions: the 2017 evaluation commission and the calibration session.

Consumes a :class:`~docgen.catalogue_model.Catalogue`: ``commission_min_members``, ``commission_quorum`` ("2/3"),
``commission_tie_break`` (chair_decides), ``commission_secretary_votes``, ``competency_threshold`` ("3/4"),
``competency_max_indicators``; ``calibration_min_members``, ``calibration_odd_members``,
``calibration_decision_rule`` (majority). Produces booleans / the adopted value, or raises
:class:`~docgen.errors.DataError` naming the rule that is broken. Nothing here is a constant of the law.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from ..catalogue_model import Catalogue
from ..errors import DataError


def parse_fraction(value: Any, *, key: str) -> Fraction:
    """ "2/3" -> Fraction(2, 3); numbers are accepted too."""
    try:
        f = Fraction(str(value).strip())
    except (ValueError, ZeroDivisionError) as exc:
        raise DataError(f"'{key}' is not a fraction: {value!r}", where="catalogue") from exc
    if not 0 < f <= 1:
        raise DataError(f"'{key}' must lie in (0, 1], got {value!r}", where="catalogue")
    return f


# --- 2017 commission -------------------------------------------------------------------------------


def check_commission_size(voting_members: int, catalogue: Catalogue, *, where: str = "members") -> None:
    need = int(catalogue.require_one("commission_min_members"))
    if voting_members < need:
        raise DataError(
            f"the commission has {voting_members} members; the methodology requires at least {need}",
            where=where,
        )


def quorum_needed(members: int, catalogue: Catalogue) -> int:
    """Smallest number of members present for a valid sitting (``ceil(quorum * members)``)."""
    q = parse_fraction(catalogue.require_one("commission_quorum"), key="commission_quorum")
    return math.ceil(q * members)


def check_quorum(present: int, members: int, catalogue: Catalogue, *, where: str = "present") -> None:
    need = quorum_needed(members, catalogue)
    if present < need:
        q = catalogue.require_one("commission_quorum")
        raise DataError(
            f"no quorum: {present} of {members} members present, {q} ({need}) required", where=where
        )


def commission_decision(
    votes_for: int,
    votes_against: int,
    catalogue: Catalogue,
    *,
    chair_vote: bool | None = None,
    where: str = "votes",
) -> tuple[bool, bool]:
    """Open vote by simple majority; on a tie the chair's vote decides when the methodology says so.

    Returns ``(adopted, decided_by_chair)``.
    """
    if votes_for < 0 or votes_against < 0:
        raise DataError("vote counts cannot be negative", where=where)
    if votes_for != votes_against:
        return votes_for > votes_against, False
    rule = catalogue.value("commission_tie_break")
    if rule != "chair_decides":
        raise DataError("tied vote and the methodology gives no casting vote", where=where)
    if chair_vote is None:
        raise DataError("tied vote: the chair's casting vote ('chair_vote') is required", where=where)
    return chair_vote, True


def secretary_votes(catalogue: Catalogue) -> bool:
    return bool(catalogue.value("commission_secretary_votes"))


def competency_meets(observed: int, total: int, catalogue: Catalogue, *, where: str = "competency") -> bool:
    """2017 model: "meets expectations" when at least ``competency_threshold`` of the indicators were observed."""
    if total <= 0 or not 0 <= observed <= total:
        raise DataError(
            f"observed indicators ({observed}) must be between 0 and the total ({total})", where=where
        )
    cap = catalogue.value("competency_max_indicators")
    if cap is not None and total > int(cap):
        raise DataError(
            f"{total} indicators for one competency; the methodology allows at most {cap}", where=where
        )
    t = parse_fraction(catalogue.require_one("competency_threshold"), key="competency_threshold")
    return Fraction(observed, total) >= t


# --- calibration session ---------------------------------------------------------------------------


def check_calibration_size(members: int, catalogue: Catalogue, *, where: str = "members") -> None:
    need = int(catalogue.require_one("calibration_min_members"))
    if members < need:
        raise DataError(
            f"the session has {members} members; the methodology requires at least {need}", where=where
        )
    if catalogue.value("calibration_odd_members") and members % 2 == 0:
        raise DataError(
            f"the session has {members} members; the methodology requires an odd number", where=where
        )


def majority_value(
    votes: Sequence[float], members: int, catalogue: Catalogue, *, where: str = "votes"
) -> float:
    """The value (final score) voted for by a majority of the session's members.

    Each member casts one vote for a score. The score adopted is the one with more than half of the
    members' votes; without such a majority the session has not decided (an error).
    """
    rule = catalogue.value("calibration_decision_rule") or "majority"
    if rule != "majority":
        raise DataError(f"unsupported calibration decision rule '{rule}'", where="catalogue")
    if not votes:
        raise DataError("no votes recorded", where=where)
    if len(votes) > members:
        raise DataError(f"{len(votes)} votes for {members} members", where=where)
    counts = Counter(round(float(v), 2) for v in votes)
    value, n = max(counts.items(), key=lambda kv: kv[1])
    if n * 2 <= members:
        raise DataError(
            f"no majority: the most supported score got {n} of {members} votes; the session must vote again",
            where=where,
        )
    return value
