"""Scoring stage: computing scores and grades from the catalogue's rule parameters.

Consumes a catalogue dict and per-person inputs; produces scores, grades and the interpretation
used. Sheets (2025 quarterly sheets, differentiation): :mod:`docgen.scoring.sheets`. Other
generations' rules (KPI table, 360, 2017 commission) live in sibling modules.
"""

from __future__ import annotations

from .sheets import SANCTIONS, SheetRules, SheetScore, grade_for, score_sheet, yearly_score

__all__ = ["SANCTIONS", "SheetRules", "SheetScore", "grade_for", "score_sheet", "yearly_score"]
