"""Batch stage: one validated data row + its score -> the typed context of the filled sheet.

Consumes a :class:`~docgen.batch.plan.GoodRow`, its :class:`~docgen.scoring.sheets.SheetScore`
and the target language; produces an :class:`EvaluationSheetContext` or a
:class:`DifferentiationSheetContext`. Everything that is the same for every row of a form and
language (caption, title, columns, translated row names, grade labels, cap notes) is prepared
once in :class:`SheetStatics`, already escaped for WordprocessingML (``Markup``), so a row only
pays for its own values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from ..catalogue_model import Catalogue
from ..forms import contexts as c
from ..forms.formtext import FormText
from ..forms.labels import SHORT_BLANK, fmt_number, grade_label, labels, period_text, source_text
from ..render.env import ooxml_text
from ..render.untranslated import mark
from ..scoring.sheets import Cap, SheetScore
from ..terms import translate as translate_term
from .messages import message
from .plan import GoodRow, SheetForm


def _m(value: str) -> Markup:
    return ooxml_text(value)


@dataclass
class SheetStatics:
    kind: str
    lang: str
    base: dict[str, Any]
    rows: tuple[str, ...]
    rows_m: tuple[Markup, ...]
    explanations: tuple[Markup, ...]
    criteria: tuple[Markup, ...]
    fields: tuple[Markup, ...]
    total_label: Markup
    grade_line: Markup
    grades: dict[str, str]
    final_label: Markup
    untranslated: tuple[str, ...]
    appendix: int = 0
    sanction_row: int = 0
    cap_points: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _notes: dict[tuple[Any, ...], str] = field(default_factory=dict)
    _periods: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, cat: Catalogue, sheet: SheetForm, lang: str) -> SheetStatics:
        ft = FormText(cat, sheet.form, lang, marked=True)  # untranslated text carries the mark (†)
        rows = tuple(ft.rows())
        base = ft.base()
        printed_caption = sheet.form.get("caption")
        if ft.same and printed_caption:
            base["caption"] = str(printed_caption)  # the act's own caption, with the body's name
        explanations = _guidance(ft, sheet.form.get("row_explanations") or [], len(rows))
        cap_points = {}
        for key in ("disciplinary_cap_minor", "disciplinary_cap_major"):
            p = cat.param(key)
            if p is not None:
                cap_points[key] = (str(p.source.point or ""), *p.also_in)
        base = {k: _m(v) if isinstance(v, str) and k != "lang" else v for k, v in base.items()}
        base["columns"] = tuple(_m(x) for x in base["columns"])
        src = cat.lang
        grades = {
            str(g["id"]): grade_label(lang, str(g["id"]), cat.value("grades"), src)
            for g in cat.value("grades") or []
        }
        return cls(
            kind=sheet.kind,
            lang=lang,
            base=base,
            rows=rows,
            rows_m=tuple(_m(r) for r in rows),
            explanations=tuple(_m(x) for x in explanations),
            criteria=tuple(_m(x) for x in ft.same_lang_list("criteria", len(rows))),
            fields=tuple(_m(x) for x in ft.header_fields()),
            total_label=_m(ft.text(sheet.form.get("total_row"), str(ft.lab["total_row"]))),
            grade_line=_m(ft.grade_line()),
            grades=grades,
            final_label=_m(str(ft.lab["final_score_label"])),
            untranslated=tuple(ft.untranslated),
            appendix=sheet.appendix,
            sanction_row=sheet.sanction_row,
            cap_points=cap_points,
        )

    def cap_source(self, cap: Cap) -> str:
        """Where the act states the cap: this sheet's appendix and its sanctions parameter when the
        act prints the cap in its sheets (this one among them), else the point it gives."""
        own = f"app{self.appendix}"
        points = self.cap_points.get(cap.key, (str(cap.point or ""),))
        if self.appendix and own in points:
            i = self.sanction_row
            return message(
                self.lang,
                "cap_source",
                appendix=source_text(self.lang, own),
                n=i + 1,
                row=self.rows[i] if 0 <= i < len(self.rows) else "",
            )
        return source_text(self.lang, cap.point)

    def final_text(self, row: GoodRow, score: SheetScore) -> str:
        """The final score; when a cap lowered it, the line says so and names the act's place."""
        final = _num2(score.final_score)
        if score.cap is None or score.cap_mode != "final" or not score.cap_changed:
            return final
        return message(
            self.lang,
            "final_capped",
            final=final,
            average=_num2(score.average),
            cap=fmt_number(score.cap.value, 2),
            sanction=labels(self.lang)["sanctions"][row.sanction],
            source=self.cap_source(score.cap),
        )

    def period(self, value: str) -> str:
        text = self._periods.get(value)
        if text is None:
            text = self._periods[value] = period_text(self.lang, value)
        return text

    def cap_note(self, row: GoodRow, score: SheetScore) -> str:
        if row.sanction == "none":
            return ""
        key = (row.sanction, score.cap, score.cap_mode, score.cap_row)
        note = self._notes.get(key)
        if note is None:
            note = self._notes[key] = _cap_note(self, row.sanction, score)
        return note


def _cap_note(st: SheetStatics, sanction_id: str, score: SheetScore) -> str:
    lab = labels(st.lang)
    sanction = str(lab["sanctions"][sanction_id])
    if score.cap is None:
        return str(lab["cap_note"]["none"]).format(sanction=sanction)
    src = st.cap_source(score.cap)
    cap = fmt_number(score.cap.value, 2)
    if score.cap_mode == "parameter" and score.cap_row is not None:
        return str(lab["cap_note"]["parameter"]).format(
            sanction=sanction, cap=cap, source=src, row=st.rows[score.cap_row]
        )
    return str(lab["cap_note"]["final"]).format(sanction=sanction, cap=cap, source=src)


def _guidance(ft: FormText, printed: list[Any], n: int) -> list[str]:
    """The act's filling guidance per row; in the other language through the term base (a text
    with no entry is kept as printed and listed as untranslated)."""
    if len(printed) != n:
        return [""] * n
    if ft.same:
        return [str(x) for x in printed]
    out = []
    for text in (str(x) for x in printed):
        t = translate_term(text, ft.src, ft.lang)
        if t is None:
            ft.untranslated.append(text)
            t = mark(text)
        out.append(t)
    return out


def _num(d: Decimal) -> str:
    return str(d).replace(".", ",")


def _num2(d: Decimal) -> str:
    return f"{d:.2f}".replace(".", ",")


def _join(*parts: str) -> str:
    return ", ".join(p.strip() for p in parts if p and p.strip())


def build_context(row: GoodRow, score: SheetScore, st: SheetStatics) -> c.FormBase:
    v = row.values
    base: dict[str, Any] = st.base
    shown = [_num(s) for s in score.scores]
    common: dict[str, Any] = {
        "average": _num2(score.average),
        "final_score_label": st.final_label,
        "final_score": st.final_text(row, score),
        "cap_note": st.cap_note(row, score),
        "result": st.grades.get(score.grade, score.grade),
        "grade_labels": st.grade_line,
        "date": SHORT_BLANK,
        "total_label": st.total_label,
    }
    evaluated = _join(v.get("full_name", ""), v.get("position", ""), v.get("body", ""))
    evaluator = _join(v.get("evaluator_name", ""), v.get("evaluator_position", ""))
    names = st.rows_m
    if st.kind == "differentiation_sheet":
        return c.DifferentiationSheetContext(
            **base,
            **common,
            evaluated=evaluated,
            evaluator=evaluator,
            period=st.period(row.period),
            rows=tuple(
                c.DiffRow(str(i + 1), names[i], st.criteria[i], shown[i], row.comments[i])
                for i in range(len(names))
            ),
            justification=SHORT_BLANK,
        )
    return c.EvaluationSheetContext(
        **base,
        **common,
        evaluated=evaluated,
        field_evaluated=st.fields[0],
        period=st.period(row.period),
        field_period=st.fields[1],
        evaluator=evaluator,
        field_evaluator=st.fields[2],
        rows=tuple(
            c.SheetRow(str(i + 1), names[i], shown[i], row.comments[i], st.explanations[i])
            for i in range(len(names))
        ),
    )
