"""Scoring stage, KPI track: rules read from a catalogue (never constants in code).

Consumes a :class:`~docgen.catalogue_model.Catalogue`: ``kpi_score_table`` (percent of a KPI achieved
-> allowed score range, E1 appendix 3), ``kpi_count_grades`` (2017 model: grade from how many KPIs were
achieved), ``kpi_min_count``/``kpi_max_count`` and ``grades``. Produces plain values and small frozen
dataclasses; a rule the catalogue does not state raises :class:`~docgen.errors.DataError` naming the key.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue_model import Catalogue
from ..errors import DataError


@dataclass(frozen=True)
class ScoreRange:
    pct_min: float
    pct_max: float | None
    score_min: float
    score_max: float

    def contains_score(self, score: float) -> bool:
        return self.score_min - 1e-9 <= score <= self.score_max + 1e-9


def _table(catalogue: Catalogue) -> list[ScoreRange]:
    raw = catalogue.require_one("kpi_score_table")
    if not isinstance(raw, list) or not raw:
        raise DataError("'kpi_score_table' must be a non-empty list", where="catalogue")
    rows: list[ScoreRange] = []
    for i, r in enumerate(raw, 1):
        try:
            pct_max = r.get("pct_max")
            rows.append(
                ScoreRange(
                    float(r["pct_min"]),
                    None if pct_max is None else float(pct_max),
                    float(r["score_min"]),
                    float(r["score_max"]),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataError(f"kpi_score_table row {i} is malformed ({exc})", where="catalogue") from exc
    return sorted(rows, key=lambda r: r.pct_min)


def percent_achieved(planned: float, actual: float) -> float:
    """Percent of a KPI achieved: ``actual / planned * 100`` (planned must be positive)."""
    if planned <= 0:
        raise DataError(f"planned value must be positive, got {planned}", where="kpi")
    return actual / planned * 100.0


def allowed_score_range(pct: float, catalogue: Catalogue) -> ScoreRange:
    """Row of ``kpi_score_table`` for ``pct`` percent achieved.

    Rows are matched by their lower bound (the last row whose ``pct_min`` <= pct), so a gap in the printed
    table (e.g. ``40-44,49`` followed by ``45-49,99``) still resolves to the row below the gap.
    """
    if pct < 0:
        raise DataError(f"percent achieved cannot be negative ({pct})", where="kpi")
    rows = _table(catalogue)
    chosen = None
    for row in rows:
        if row.pct_min <= pct + 1e-9:
            chosen = row
    if chosen is None:
        raise DataError(f"{pct:g}% is below the first row of kpi_score_table", where="kpi")
    return chosen


def check_kpi_score(pct: float, score: float, catalogue: Catalogue, *, where: str = "kpi") -> ScoreRange:
    """Raise :class:`DataError` when the evaluator's ``score`` is outside the range allowed for ``pct``."""
    rng = allowed_score_range(pct, catalogue)
    if not rng.contains_score(score):
        raise DataError(
            f"score {score:g} is outside the range {rng.score_min:g}..{rng.score_max:g} allowed for "
            f"{pct:g}% of the KPI achieved",
            where=where,
        )
    return rng


def check_kpi_count(total: int, catalogue: Catalogue, *, where: str = "kpi") -> None:
    """The number of KPIs in a plan must lie within ``kpi_min_count``..``kpi_max_count`` (when stated)."""
    lo = catalogue.value("kpi_min_count")
    hi = catalogue.value("kpi_max_count")
    if lo is not None and total < int(lo):
        raise DataError(f"{total} KPIs set; the methodology requires at least {lo}", where=where)
    if hi is not None and total > int(hi):
        raise DataError(f"{total} KPIs set; the methodology allows at most {hi}", where=where)


def kpi_count_grade(achieved: int, total: int, catalogue: Catalogue, *, where: str = "kpi") -> str:
    """2017 model: grade id from the number of KPIs achieved out of ``total`` (``kpi_count_grades``)."""
    if achieved < 0 or achieved > total:
        raise DataError(f"achieved KPIs ({achieved}) must be between 0 and {total}", where=where)
    check_kpi_count(total, catalogue, where=where)
    rows = catalogue.require_one("kpi_count_grades")
    for r in rows:
        of = r.get("of")
        if of is not None and int(of) != total:
            continue
        if int(r["achieved_min"]) <= achieved <= int(r["achieved_max"]):
            return str(r["grade"])
    raise DataError(f"kpi_count_grades has no row for {achieved} of {total}", where=where)


def score_bounds(catalogue: Catalogue) -> tuple[float, float]:
    """``score_min``..``score_max``; falls back to the span of ``grades`` when the text states no bounds."""
    lo = catalogue.value("score_min")
    hi = catalogue.value("score_max")
    if lo is None or hi is None:
        grades = catalogue.require_one("grades")
        lo = min(float(g["min"]) for g in grades) if lo is None else lo
        hi = max(float(g["max"]) for g in grades) if hi is None else hi
    return float(lo), float(hi)
