"""Form stage: the typed contexts the DOCX templates are rendered from (one per form kind).

Consumes nothing; produces frozen dataclasses whose field names are exactly the template variables
of ``templates_kk/<kind>.docx`` and ``templates_ru/<kind>.docx`` (the kk and ru templates of a
kind share them). All values are display strings: numbers are formatted before they get here
(:func:`docgen.forms.labels.fmt_number`), blanks are underscores. ``KIND_CONTEXT`` maps each kind
to its context class.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..render.env import TRUSTED_TYPES


@dataclass(frozen=True)
class FormBase:
    lang: str
    appendix: int
    caption: str
    form_label: str
    title: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class SheetRow:
    number: str
    name: str
    score: str = ""
    comment: str = ""
    explanation: str = ""


@dataclass(frozen=True)
class EvaluationSheetContext(FormBase):
    """2025 quarterly sheet (leader / non-leader: ``evaluation_sheet_leader|staff``)."""

    evaluated: str
    field_evaluated: str
    period: str
    field_period: str
    evaluator: str
    field_evaluator: str
    rows: tuple[SheetRow, ...]
    total_label: str
    average: str
    final_score_label: str
    final_score: str
    cap_note: str
    result: str
    grade_labels: str
    date: str


@dataclass(frozen=True)
class DiffRow:
    number: str
    name: str
    criteria: str = ""
    score: str = ""
    comment: str = ""


@dataclass(frozen=True)
class DifferentiationSheetContext(FormBase):
    evaluated: str
    evaluator: str
    period: str
    rows: tuple[DiffRow, ...]
    total_label: str
    average: str
    final_score_label: str
    final_score: str
    cap_note: str
    result: str
    grade_labels: str
    justification: str
    date: str
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanRow:
    number: str
    name: str = ""
    linkage: str = ""
    unit: str = ""
    planned: str = ""
    deadline: str = ""
    result: str = ""


@dataclass(frozen=True)
class IndividualWorkPlanContext(FormBase):
    approve_label: str
    year: str
    employee: str
    position: str
    unit: str
    rows: tuple[PlanRow, ...]


@dataclass(frozen=True)
class KpiRow:
    number: str
    name: str = ""
    unit: str = ""
    planned: str = ""
    actual: str = ""
    percent: str = ""
    score: str = ""


@dataclass(frozen=True)
class KpiSheetContext(FormBase):
    evaluated: str
    period: str
    rows: tuple[KpiRow, ...]
    final_score_label: str
    final_score: str
    result: str
    grade_labels: str


@dataclass(frozen=True)
class KpiAchievedRow:
    number: str
    name: str = ""
    unit: str = ""
    planned: str = ""
    actual: str = ""
    achieved: str = ""


@dataclass(frozen=True)
class KpiAchievedSheetContext(FormBase):
    """KPI sheet whose act marks each indicator achieved / not achieved (no percent, no score), with
    an approval block and the servant's and the direct superior's signatures (2017 model, E0)."""

    approve_label: str
    evaluated: str
    period: str
    rows: tuple[KpiAchievedRow, ...]
    result: str
    grade_labels: str


@dataclass(frozen=True)
class BandRow:
    pct: str
    score: str


@dataclass(frozen=True)
class KpiScoreTableContext(FormBase):
    rows: tuple[BandRow, ...]


@dataclass(frozen=True)
class QuestionRow:
    number: str
    name: str
    questions: str = ""
    answer: str = ""


@dataclass(frozen=True)
class Sheet360Context(FormBase):
    evaluated: str
    answers_label: str
    answer_scale: tuple[str, ...]
    rows: tuple[QuestionRow, ...]


@dataclass(frozen=True)
class CompetencyRow:
    number: str
    name: str
    result: str = ""
    missing: str = ""


@dataclass(frozen=True)
class CompetencySheetContext(FormBase):
    year: str
    employee: str
    position: str
    unit: str
    rows: tuple[CompetencyRow, ...]


@dataclass(frozen=True)
class IndicatorRow:
    competency: str
    category: str = ""
    effective: str = ""
    ineffective: str = ""


@dataclass(frozen=True)
class BehaviourIndicatorsContext(FormBase):
    rows: tuple[IndicatorRow, ...]


KIND_CONTEXT: dict[str, type[FormBase]] = {
    "evaluation_sheet_leader": EvaluationSheetContext,
    "evaluation_sheet_staff": EvaluationSheetContext,
    "differentiation_sheet": DifferentiationSheetContext,
    "individual_work_plan": IndividualWorkPlanContext,
    "kpi_sheet": KpiSheetContext,
    "kpi_sheet_achieved": KpiAchievedSheetContext,
    "kpi_score_table": KpiScoreTableContext,
    "sheet360_leader": Sheet360Context,
    "sheet360_staff": Sheet360Context,
    "competency_sheet": CompetencySheetContext,
    "behaviour_indicators": BehaviourIndicatorsContext,
}

# Row types hold display strings only: let the sandbox read their fields on a fast path.
TRUSTED_TYPES.update(
    {SheetRow, DiffRow, PlanRow, KpiRow, KpiAchievedRow, BandRow, QuestionRow, CompetencyRow, IndicatorRow}
)
