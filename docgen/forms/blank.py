"""Form stage: blank appendix forms of a parsed methodology, in its own and in the other language.

Consumes a :class:`~docgen.catalogue_model.Catalogue` (its forms, parameters and language);
produces one :class:`BlankForm` per appendix form and language, holding the typed context the
template is rendered from. Rows are the ones the text itself lists (a body that changed a
parameter row gets its own row). For the other language, titles, columns and rows go through the
bilingual dictionary (:mod:`docgen.dictionary`); a row with no known translation is kept as
printed and listed in ``untranslated``. Titles/columns with no translation fall back to the
template language's standard wording (data files).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from ..catalogue_model import Catalogue
from ..render.untranslated import Unit
from ..terms import default_terms
from . import contexts as c
from .formtext import FormText
from .grid import Grid, apply_grid, release_tall_rows
from .labels import BLANK, SHORT_BLANK, fmt_number

TRUNCATED = "(truncated)"


@dataclass(frozen=True)
class BlankForm:
    appendix: int
    kind: str
    lang: str
    filename: str
    context: c.FormBase
    untranslated: tuple[str, ...] = ()
    units: tuple[Unit, ...] = ()  # every text looked up for the other language (translation report)
    grid: Grid | None = None  # the act's table with a multi-level heading, printed instead of the template's

    def render(self) -> bytes:
        """The form as DOCX bytes (the template, then the act's own table when it has a multi-level
        heading; a row taller than a page may split)."""
        from ..render import render_form

        data = render_form(self.kind, self.lang, self.context)
        return release_tall_rows(apply_grid(data, self.grid) if self.grid is not None else data)


def _grid(ft: FormText, ctx: c.FormBase) -> Grid | None:
    """The act's table heading with its merged cells, in the form's language, over as many numbered
    rows as the template prints."""
    header = [h for h in ft.form.get("header") or [] if isinstance(h, dict)]
    rows = getattr(ctx, "rows", ())
    if not header or not isinstance(rows, tuple):
        return None
    # only a table of blank numbered rows is rebuilt; rows that carry the act's text (names, criteria)
    # stay in the template's table
    if any(getattr(r, f.name) for r in rows if is_dataclass(r) for f in fields(r) if f.name != "number"):
        return None
    texts = ft.rows([str(h.get("text", "")) for h in header], "heading")
    return Grid.from_header(header, texts, len(rows))


def _kpi_count(ft: FormText) -> int:
    n = ft.cat.value("kpi_max_count")
    return int(n) if isinstance(n, int | float) and n > 0 else max(len(ft.form.rows), 5)


def _sheet(ft: FormText) -> c.FormBase:
    names = ft.rows()
    expl = ft.same_lang_list("row_explanations", len(names))
    fields = ft.header_fields()
    return c.EvaluationSheetContext(
        **ft.base(),
        evaluated=BLANK,
        field_evaluated=fields[0],
        period=BLANK,
        field_period=fields[1],
        evaluator=BLANK,
        field_evaluator=fields[2],
        rows=tuple(
            c.SheetRow(str(i), n, explanation=e) for i, (n, e) in enumerate(zip(names, expl, strict=True), 1)
        ),
        total_label=ft.text(ft.form.get("total_row"), str(ft.lab["total_row"]), "total row"),
        average="",
        final_score_label=str(ft.lab["final_score_label"]),
        final_score="",
        cap_note="",
        result=BLANK,
        grade_labels=ft.grade_line(),
        date=SHORT_BLANK,
    )


def _differentiation(ft: FormText) -> c.FormBase:
    names = ft.rows()
    crit = [str(k) for k in ft.form.get("criteria") or []]
    crit = ft.rows(crit, "criteria") if len(crit) == len(names) else [""] * len(names)
    return c.DifferentiationSheetContext(
        **ft.base(),
        evaluated=BLANK,
        evaluator=BLANK,
        period="",
        rows=tuple(
            c.DiffRow(str(i), n, criteria=k) for i, (n, k) in enumerate(zip(names, crit, strict=True), 1)
        ),
        total_label=ft.text(ft.form.get("total_row"), str(ft.lab["total_row"]), "total row"),
        average="",
        final_score_label=str(ft.lab["final_score_label"]),
        final_score="",
        cap_note="",
        result=BLANK,
        grade_labels=ft.grade_line(),
        justification=BLANK,
        date=SHORT_BLANK,
        footnotes=_footnotes(ft),
    )


def _footnotes(ft: FormText) -> tuple[str, ...]:
    """The appendix's asterisk notes; when the act stars a row but gives no note, a line saying so."""
    notes = [f"* {n}" for n in ft.form.get("footnotes") or []]
    if notes:
        return tuple(ft.rows(notes, "footnote"))
    if ft.form.get("footnote_missing"):
        return (str(ft.lab["footnote_missing"]),)
    return ()


def _plan(ft: FormText) -> c.FormBase:
    return c.IndividualWorkPlanContext(
        **ft.base(),
        approve_label=str(ft.lab["approve_label"]),
        year=SHORT_BLANK,
        employee=BLANK,
        position=BLANK,
        unit=BLANK,
        rows=tuple(c.PlanRow(str(i)) for i in range(1, _kpi_count(ft) + 1)),
    )


ACHIEVED_TERM = "e0.kpi_sheet.achieved"  # term base id of the «achieved / not achieved» column


def _has_achieved_column(ft: FormText) -> bool:
    """The act's KPI sheet marks each indicator achieved / not achieved instead of a percent and a score."""
    terms = default_terms()
    for col in ft.form.columns:
        found = terms.lookup(str(col), ft.src)
        if found is not None and found[0].id == ACHIEVED_TERM:
            return True
    return False


def _kpi_sheet(ft: FormText) -> c.FormBase:
    if _has_achieved_column(ft):
        ft.kind = "kpi_sheet_achieved"
        scale = [str(g) for g in ft.form.get("result_scale") or []]
        return c.KpiAchievedSheetContext(
            **ft.base(),
            approve_label=str(ft.lab["approve_label"]),
            evaluated=BLANK,
            period=BLANK,
            rows=tuple(c.KpiAchievedRow(str(i)) for i in range(1, _kpi_count(ft) + 1)),
            result=BLANK,
            grade_labels=", ".join(ft.rows(scale)) if scale else ft.grade_line(),
        )
    return c.KpiSheetContext(
        **ft.base(),
        evaluated=BLANK,
        period=BLANK,
        rows=tuple(c.KpiRow(str(i)) for i in range(1, _kpi_count(ft) + 1)),
        final_score_label=str(ft.lab["final_score_label"]),
        final_score=SHORT_BLANK,
        result=BLANK,
        grade_labels=ft.grade_line(),
    )


def _range(lo: Any, hi: Any, open_fmt: str) -> str:
    if hi is None:
        return open_fmt.format(min=fmt_number(lo))
    if lo == hi:
        return fmt_number(lo)
    return f"{fmt_number(lo)}-{fmt_number(hi)}"


def _kpi_table(ft: FormText) -> c.FormBase:
    bands = ft.cat.value("kpi_score_table") or []
    open_fmt = str(ft.lab["open_range"])
    rows = [
        c.BandRow(
            _range(b["pct_min"], b.get("pct_max"), open_fmt), _range(b["score_min"], b["score_max"], "{min}")
        )
        for b in bands
    ]
    if not rows:
        rows = [c.BandRow(r, "") for r in ft.rows()]
    return c.KpiScoreTableContext(**ft.base(), rows=tuple(rows))


def _sheet360(ft: FormText) -> c.FormBase:
    """The act's row groups: competency with its first question, its other questions, its average row."""
    key = "method360_competencies_leaders" if ft.kind.endswith("leader") else "method360_competencies_staff"
    names = ft.rows(ft.form.rows or ft.cat.value(key) or [])
    groups = [[str(q) for q in g] for g in ft.form.get("questions") or [] if isinstance(g, list)]
    if len(groups) != len(names):
        groups = [[] for _ in names]
    averages = [str(a) for a in ft.form.get("averages") or []]
    if len(averages) != len(names):
        averages = [""] * len(names)
    rows: list[c.QuestionRow] = []
    for i, (name, questions, average) in enumerate(zip(names, groups, averages, strict=True), 1):
        texts = ft.rows(questions, f"row {i} / question")
        rows.append(c.QuestionRow(str(i), name, texts[0] if texts else ""))
        rows.extend(c.QuestionRow("", "", q) for q in texts[1:])
        if average:
            rows.append(c.QuestionRow("", ft.rows([average], f"row {i} / average")[0], ""))
    scale = ft.cat.value("method360_answer_scale") or []
    return c.Sheet360Context(
        **ft.base(),
        evaluated=BLANK,
        answers_label=str(ft.lab["answers_label"]),
        answer_scale=tuple(str(a) for a in scale)
        if ft.same
        else tuple(ft.rows([str(a) for a in scale], "answer")),
        rows=tuple(rows),
    )


def _competency(ft: FormText) -> c.FormBase:
    return c.CompetencySheetContext(
        **ft.base(),
        year=SHORT_BLANK,
        employee=BLANK,
        position=BLANK,
        unit=BLANK,
        rows=tuple(c.CompetencyRow(str(i), n) for i, n in enumerate(ft.rows(), 1)),
    )


def _indicators(ft: FormText) -> c.FormBase:
    """Competency, category and the indicators as the act prints them; in the other language every
    line through the term base (the same rows and cells in both languages)."""
    items = ft.form.get("indicators") or []
    rows: list[c.IndicatorRow] = []
    if items:
        for i, it in enumerate(items, 1):
            rows.append(
                c.IndicatorRow(
                    ft.cell_lines(str(it.get("competency", "")), f"row {i}"),
                    ft.cell_lines(str(it.get("category", "")), f"row {i} / category"),
                    ft.cell_lines("\n".join(it.get("effective") or []), f"row {i} / effective"),
                    ft.cell_lines("\n".join(it.get("ineffective") or []), f"row {i} / ineffective"),
                )
            )
    else:
        rows = [c.IndicatorRow(n) for n in ft.rows()]
    return c.BehaviourIndicatorsContext(**ft.base(), rows=tuple(rows))


BUILDERS: dict[str, Callable[[FormText], c.FormBase]] = {
    "evaluation_sheet_leader": _sheet,
    "evaluation_sheet_staff": _sheet,
    "differentiation_sheet": _differentiation,
    "individual_work_plan": _plan,
    "kpi_sheet": _kpi_sheet,
    "kpi_score_table": _kpi_table,
    "sheet360_leader": _sheet360,
    "sheet360_staff": _sheet360,
    "competency_sheet": _competency,
    "behaviour_indicators": _indicators,
}


def blank_forms(cat: Catalogue, langs: Sequence[str]) -> tuple[list[BlankForm], list[str]]:
    """Every appendix form in every language; second value: forms with no blank builder here."""
    out: list[BlankForm] = []
    skipped: list[str] = []
    for form in sorted(cat.forms, key=lambda f: f.appendix or 0):
        kind = str(form.kind)
        if form.get("truncated"):
            skipped.append(f"app{form.appendix}: {kind} {TRUNCATED}")
            continue
        builder = BUILDERS.get(kind)
        if builder is None:
            skipped.append(f"app{form.appendix}: {kind}")
            continue
        for lang in langs:
            ft = FormText(cat, form, lang, marked=True)
            ctx = builder(ft)
            grid = _grid(ft, ctx)
            name = f"app{ft.appendix}_{ft.kind}.{lang}.docx"  # ft.kind: the template the builder chose
            out.append(
                BlankForm(
                    ft.appendix, ft.kind, lang, name, ctx, tuple(ft.untranslated), tuple(ft.units), grid
                )
            )
    return out, skipped
