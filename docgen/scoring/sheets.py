"""Scoring stage: parameter sheets (2025 quarterly sheets, 2018 differentiation sheet).

Consumes the catalogue's parameters (``score_min``, ``score_max``, ``grades``,
``disciplinary_cap_minor``, ``disciplinary_cap_major``, ``sheet_average_rule``,
``final_score_rule``) -- never constants in code -- and one sheet's scores; produces a
:class:`SheetScore`: average, final score, grade and how a disciplinary cap was applied.

Rules and interpretations (stated in every result's ``interpretation``):

- average = sum of the scores / number of parameters (``sheet_average_rule``), computed exactly
  with :class:`~decimal.Decimal` and rounded half-up to 2 decimals, the precision the grade bands
  are printed with (3.99 / 4.00), so the grade always matches the printed average;
- a grade is the band whose printed ``min..max`` holds the score; a value that falls between two
  printed bands (only possible with more than 2 decimals) belongs to the band with the highest
  ``min`` not above it;
- sanctions ``remark``/``reprimand``/``severe_reprimand`` are capped by ``disciplinary_cap_minor``,
  ``other`` by ``disciplinary_cap_major``. By default the cap applies to the final score
  (``cap_mode="final"``: final = min(average, cap)); ``cap_mode="parameter"`` caps the score of
  the "no disciplinary sanctions" parameter row instead and recomputes the average. A sanction the
  methodology sets no cap for changes nothing and says so;
- the yearly score is the mean of the quarters' final scores (``final_score_rule:
  mean_of_quarters``), same rounding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..catalogue_model import Catalogue, GradeBand, grade_for, round2, to_decimal
from ..errors import DataError

SANCTIONS = ("none", "remark", "reprimand", "severe_reprimand", "other")
MINOR_SANCTIONS = frozenset({"remark", "reprimand", "severe_reprimand"})
CAP_MODES = ("final", "parameter")


Band = GradeBand  # a printed grade band (Decimal bounds)


@dataclass(frozen=True)
class Cap:
    key: str
    value: Decimal
    point: str | None
    quote: str | None


@dataclass(frozen=True)
class SheetRules:
    score_min: Decimal
    score_max: Decimal
    grades: tuple[Band, ...]
    cap_minor: Cap | None
    cap_major: Cap | None
    average_rule: str | None
    final_rule: str | None

    @classmethod
    def from_catalogue(cls, cat: Catalogue) -> SheetRules:
        def cap(key: str) -> Cap | None:
            p = cat.param(key)
            if p is None or p.value is None:
                return None
            return Cap(key, to_decimal(p.value), p.source.point, p.source.quote)

        score_min, score_max, _ = cat.require("score_min", "score_max", "grades")
        return cls(
            score_min=to_decimal(score_min),
            score_max=to_decimal(score_max),
            grades=cat.grades,
            cap_minor=cap("disciplinary_cap_minor"),
            cap_major=cap("disciplinary_cap_major"),
            average_rule=cat.value("sheet_average_rule"),
            final_rule=cat.value("final_score_rule"),
        )

    def cap_for(self, sanction: str) -> Cap | None:
        if sanction == "none":
            return None
        return self.cap_minor if sanction in MINOR_SANCTIONS else self.cap_major


@dataclass(frozen=True)
class SheetScore:
    scores: tuple[Decimal, ...]
    average: Decimal
    final_score: Decimal
    grade: str
    sanction: str
    cap: Cap | None
    cap_mode: str
    cap_row: int | None  # 0-based row capped in "parameter" mode
    cap_changed: bool
    interpretation: str


def score_sheet(
    scores: Sequence[Any],
    sanction: str,
    rules: SheetRules,
    *,
    cap_mode: str = "final",
    sanction_row: int | None = None,
) -> SheetScore:
    """Score one sheet. ``sanction_row`` (0-based) is the row ``cap_mode="parameter"`` caps."""
    if sanction not in SANCTIONS:
        raise DataError(f"unknown sanction {sanction!r} (one of {', '.join(SANCTIONS)})")
    if cap_mode not in CAP_MODES:
        raise DataError(f"unknown cap mode {cap_mode!r}")
    if not scores:
        raise DataError("no scores")
    vals = [to_decimal(s) for s in scores]
    for i, v in enumerate(vals, 1):
        if not rules.score_min <= v <= rules.score_max:
            raise DataError(f"score_{i} = {v} is outside {rules.score_min}..{rules.score_max}")
    cap = rules.cap_for(sanction)
    changed = False
    row: int | None = None
    if cap is not None and cap_mode == "parameter":
        row = sanction_row if sanction_row is not None else len(vals) - 1
        if vals[row] > cap.value:
            vals[row] = cap.value
            changed = True
    average = round2(sum(vals, Decimal(0)) / len(vals))
    final = average
    if cap is not None and cap_mode == "final" and average > cap.value:
        final = cap.value
        changed = True
    if cap is None:
        how = "no sanction" if sanction == "none" else f"sanction {sanction}: the methodology states no cap"
    else:
        target = (
            "the final score"
            if cap_mode == "final"
            else f"parameter row {row + 1 if row is not None else '?'}"
        )
        how = f"sanction {sanction}: cap {cap.value} ({cap.key}, {cap.point or '?'}) applied to {target}"
    interpretation = f"average = sum / {len(vals)} parameters, rounded to 0.01; {how}"
    return SheetScore(
        scores=tuple(vals),
        average=average,
        final_score=final,
        grade=grade_for(final, rules.grades),
        sanction=sanction,
        cap=cap,
        cap_mode=cap_mode,
        cap_row=row,
        cap_changed=changed,
        interpretation=interpretation,
    )


def yearly_score(quarter_scores: Sequence[Any], rules: SheetRules) -> Decimal:
    """The year's final score from the quarters' final scores (``final_score_rule``)."""
    if rules.final_rule != "mean_of_quarters":
        raise DataError("the methodology states no mean-of-quarters rule for the yearly score")
    if not quarter_scores:
        raise DataError("no quarter scores")
    vals = [to_decimal(v) for v in quarter_scores]
    return round2(sum(vals, Decimal(0)) / len(vals))
