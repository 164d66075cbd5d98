"""Extraction stage, part 6: which model generation a text follows, decided from its rules.

Consumes the extracted parameters and forms; produces ``(generation, evidence)`` where evidence
lists the keys/forms (with their points) that voted. Signals per generation are data below, not
text matching: a text is judged by what it rules, not by its wording.
"""

from __future__ import annotations

from typing import Any

SIGNALS: dict[str, dict[str, list[str]]] = {
    "2017_commission": {
        "keys": [
            "commission_min_members",
            "commission_quorum",
            "commission_tie_break",
            "kpi_count_grades",
            "competency_threshold",
            "commission_secretary_votes",
            "appeal_window",
            "kpi_correction_resubmit",
        ],
        "forms": ["competency_sheet", "behaviour_indicators", "commission_protocol"],
    },
    "2018_kpi_diff_360": {
        "keys": [
            "method360_min_respondents",
            "method360_max_respondents",
            "method360_frequency",
            "annual_360_deadline_day",
            "kpi_score_table",
            "method360_self_assessment_counted",
            "kpi_plan_upload_deadline",
            "kpi_precalc_lead_days",
            "method360_competencies_leaders",
        ],
        "forms": [
            "differentiation_sheet",
            "kpi_score_table",
            "sheet360_leader",
            "sheet360_staff",
            "result360_leader",
            "result360_staff",
        ],
    },
    "2025_quarterly_sheets": {
        "keys": [
            "disciplinary_cap_minor",
            "disciplinary_cap_major",
            "min_worked_days",
            "calibration_odd_members",
            "calibration_min_members",
            "annual_final_deadline",
            "sheet_average_rule",
        ],
        "forms": ["evaluation_sheet_leader", "evaluation_sheet_staff"],
    },
}


def decide_generation(
    params: dict[str, Any], forms: list[dict[str, Any]]
) -> tuple[str | None, list[dict[str, Any]]]:
    best: str | None = None
    best_ev: list[dict[str, Any]] = []
    for gen, sig in SIGNALS.items():
        ev: list[dict[str, Any]] = []
        for key in sig["keys"]:
            if key in params:
                ev.append({"key": key, "point": params[key]["source"]["point"]})
        for f in forms:
            if f.get("kind") in sig["forms"]:
                ev.append({"form": f["kind"], "point": f"app{f['appendix']}"})
        if len(ev) > len(best_ev):
            best, best_ev = gen, ev
    return best, best_ev
