"""Scoring stage, 360 method: per-competency means over the respondents of one evaluated person.

Consumes a :class:`~docgen.catalogue_model.Catalogue` (``method360_min_respondents`` / ``method360_max_respondents``,
``method360_self_assessment_counted``, ``method360_competencies_leaders|staff``, ``method360_answer_scale``)
and the answers of the respondents (:class:`Response`). Produces :class:`Result360`: the mean of each
competency (sum of the respondents' scores divided by their number, the self-assessment left out unless
the methodology counts it), the overall mean and the weakest competencies. Rules come from the catalogue;
a missing rule raises :class:`~docgen.errors.DataError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..catalogue_model import Catalogue
from ..errors import DataError

SELF = "self"
ROLES = ("self", "direct_superior", "subordinate", "peer")
GROUP_KEYS = {"leaders": "method360_competencies_leaders", "staff": "method360_competencies_staff"}


@dataclass(frozen=True)
class Response:
    """One respondent's answers for one evaluated person; ``scores`` align with the competency list."""

    role: str
    scores: tuple[float, ...]
    where: str = ""  # e.g. "leaders!row 7", for error messages (never a name)


@dataclass(frozen=True)
class Result360:
    competencies: tuple[str, ...]
    means: tuple[float, ...]
    respondents: int  # respondents counted (self excluded unless the methodology counts it)
    self_scores: tuple[float, ...] | None
    self_counted: bool

    @property
    def overall(self) -> float:
        return sum(self.means) / len(self.means)

    def weakest(self, n: int = 3) -> tuple[str, ...]:
        """Names of the ``n`` lowest-scored competencies (ties keep the methodology's order)."""
        order = sorted(range(len(self.means)), key=lambda i: (self.means[i], i))
        return tuple(self.competencies[i] for i in order[:n])


def competencies(catalogue: Catalogue, group: str) -> tuple[str, ...]:
    """The competency names of ``group`` ("leaders" or "staff") as printed in the methodology."""
    key = GROUP_KEYS.get(group)
    if key is None:
        raise DataError(f"unknown 360 group '{group}' (expected leaders or staff)", where="360")
    names = catalogue.require_one(key)
    if not isinstance(names, list) or not names:
        raise DataError(f"'{key}' must be a non-empty list", where="catalogue")
    return tuple(str(n) for n in names)


def answer_bounds(catalogue: Catalogue) -> tuple[int, int]:
    """Answers run from 1 to the number of answer options (5 when the scale is not printed)."""
    scale = catalogue.value("method360_answer_scale")
    return 1, len(scale) if isinstance(scale, list) and scale else 5


def respondent_bounds(catalogue: Catalogue) -> tuple[int, int]:
    return int(catalogue.require_one("method360_min_respondents")), int(
        catalogue.require_one("method360_max_respondents")
    )


def score_person(
    responses: Sequence[Response], catalogue: Catalogue, group: str, *, where: str = "360"
) -> Result360:
    """Check and average the answers about one evaluated person."""
    names = competencies(catalogue, group)
    lo, hi = answer_bounds(catalogue)
    # When the text does not say, the self-assessment is not counted (the result forms say so).
    self_counted = bool(catalogue.value("method360_self_assessment_counted"))
    counted: list[Response] = []
    self_scores: tuple[float, ...] | None = None
    for r in responses:
        loc = r.where or where
        if r.role not in ROLES:
            raise DataError(
                f"unknown respondent role '{r.role}' (expected one of {', '.join(ROLES)})", where=loc
            )
        if len(r.scores) != len(names):
            raise DataError(
                f"{len(r.scores)} scores given, the methodology lists {len(names)} competencies", where=loc
            )
        for name, s in zip(names, r.scores, strict=True):
            if not lo <= s <= hi:
                raise DataError(f"score {s:g} for '{name}' is outside {lo}..{hi}", where=loc)
        if r.role == SELF:
            if self_scores is not None:
                raise DataError("more than one self-assessment for the same person", where=loc)
            self_scores = r.scores
            if not self_counted:
                continue
        counted.append(r)
    rmin, rmax = respondent_bounds(catalogue)
    if not rmin <= len(counted) <= rmax:
        if self_counted:
            raise DataError(
                f"{len(counted)} respondents; the methodology requires {rmin} to {rmax}", where=where
            )
        raise DataError(
            f"{len(counted)} respondents (self-assessment excluded); the methodology requires {rmin} to {rmax}",
            where=where,
        )
    means = tuple(sum(r.scores[i] for r in counted) / len(counted) for i in range(len(names)))
    return Result360(names, means, len(counted), self_scores, self_counted)
