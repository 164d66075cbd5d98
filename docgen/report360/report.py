"""360 report stage, rendering: per-person results -> ``result360_<person_id>.docx`` with the radar chart.

Consumes :class:`~docgen.report360.answers.PersonAnswers` and a :class:`~docgen.catalogue_model.Catalogue`; scores them with
:func:`docgen.scoring.method360.score_person`, builds :class:`Report360Context` for
``templates_<lang>/result360_leader.docx`` / ``result360_staff.docx`` and injects the native radar chart
(``chart.inject_radar_chart``). All persons are checked before any file is written; writes are atomic.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .._atomic import check_writable, write_bytes
from .._docxtext import clean_text, fmt_score
from ..catalogue_model import Catalogue, FormSpec
from ..protocols.common import appendix_caption
from ..protocols.render import render_docx
from ..render.untranslated import Translator, Unit, mark_document
from ..scoring.method360 import Result360, score_person
from .answers import PersonAnswers
from .chart import inject_radar_chart

ANCHOR = "DOCGEN_CHART_ANCHOR"
FORMS = {"leaders": "result360_leader", "staff": "result360_staff"}
CHART_CAPTION = "Паутинка"
SERIES = {"kk": "Құзыреттер бойынша орташа қорытынды баға", "ru": "Средняя итоговая оценка по компетенциям"}


@dataclass(frozen=True)
class Report360Context:
    appendix_caption: str
    person_name: str
    position: str
    period: str
    rows: list[dict[str, str]]
    chart_anchor: str
    respondents: str
    overall: str


def display_name(name: str) -> str:
    return name[:1].upper() + name[1:]


def build_context(
    person: PersonAnswers, result: Result360, catalogue: Catalogue, lang: str, period: str
) -> Report360Context:
    rows = [
        {"n": str(i), "name": display_name(n), "mean": fmt_score(m)}
        for i, (n, m) in enumerate(zip(result.competencies, result.means, strict=True), 1)
    ]
    return Report360Context(
        appendix_caption=appendix_caption(catalogue, FORMS[person.group], lang),
        person_name=person.person_name,
        position=person.position,
        period=period,
        rows=rows,
        chart_anchor=ANCHOR,
        respondents=str(result.respondents),
        overall=fmt_score(result.overall),
    )


BLANK_LINE = "_____"
GROUP_OF_KIND = {kind: group for group, kind in FORMS.items()}


def blank_report(catalogue: Catalogue, form: FormSpec, lang: str) -> tuple[bytes, list[Unit]] | None:
    """The act's 360 result form (its appendix), unfilled: the competencies the appendix lists (else the
    ones the text states for the group), empty averages, the radar chart's frame. Second value: every
    text looked up for the other language (a name with no translation is kept as printed and marked).
    ``None`` when no competency is known."""
    group = GROUP_OF_KIND[str(form.kind)]
    rows = list(form.rows) or list(catalogue.value(f"method360_competencies_{group}") or [])
    if not rows:
        return None
    tr = Translator(catalogue.lang, lang)
    names = [
        display_name(form.repaired(str(row)) if tr.same else tr(form.repaired(str(row)), f"row {i}"))
        for i, row in enumerate(rows, 1)
    ]
    ctx = Report360Context(
        appendix_caption=appendix_caption(catalogue, FORMS[group], lang),
        person_name=BLANK_LINE,
        position="",
        period="",
        rows=[{"n": str(i), "name": n, "mean": ""} for i, n in enumerate(names, 1)],
        chart_anchor=ANCHOR,
        respondents="",
        overall=BLANK_LINE,
    )
    data = render_docx(FORMS[group], lang, ctx)
    chart = inject_radar_chart(
        data,
        ANCHOR,
        names,
        [0.0] * len(names),
        series_name=SERIES[lang],
        caption=CHART_CAPTION,
        axis_min=0,
        axis_max=5,
    )
    return mark_document(chart, lang), tr.units


def render_report(ctx: Report360Context, result: Result360, group: str, lang: str) -> bytes:
    data = render_docx(FORMS[group], lang, ctx)
    return inject_radar_chart(
        data,
        ANCHOR,
        [r["name"] for r in ctx.rows],
        list(result.means),
        series_name=SERIES[lang],
        caption=CHART_CAPTION,
        axis_min=0,
        axis_max=5,
    )


def write_reports(
    persons: list[PersonAnswers],
    catalogue: Catalogue,
    out_dir: str | Path,
    *,
    lang: str,
    period: str = "",
    force: bool = False,
) -> list[Path]:
    """Score everyone first (any error stops before a file is written), then render and write."""
    out_dir = Path(out_dir)
    period = clean_text(period, "--period", required=False)
    seen: set[tuple[str, str]] = set()
    jobs = []
    for p in persons:
        if (p.group, p.person_id) in seen:  # pragma: no cover - read_answers groups already
            continue
        seen.add((p.group, p.person_id))
        result = score_person(p.responses, catalogue, p.group, where=p.rows)
        suffix = (
            ""
            if p.group == "staff"
            or not any(q.person_id == p.person_id and q.group == "staff" for q in persons)
            else "_leader"
        )
        target = out_dir / f"result360_{p.person_id}{suffix}.docx"
        check_writable(target, force)
        jobs.append((p, result, target))
    written = []
    for p, result, target in jobs:
        ctx = build_context(p, result, catalogue, lang, period)
        write = partial(write_bytes, target, force=force)
        write(render_report(ctx, result, p.group, lang))
        written.append(target)
    return written
