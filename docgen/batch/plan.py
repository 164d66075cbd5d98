"""Batch stage: what a methodology lets ``docgen fill`` produce, and row validation against it.

Consumes a :class:`~docgen.catalogue_model.Catalogue`; produces a :class:`FillPlan` (the parameter sheets -- leader / staff --
with their rows, the scoring rules, the category -> form assignment) and validates one data row
into a :class:`GoodRow` or a list of :class:`RowError` (row number, column, message in the user's
language: the one the sheets are asked in, else the act's). The summary quotes the bad value (``summary_text``); the line on stderr
(``str``) never repeats it, as it may be personal data. :func:`row_warnings` lists what is valid
but contradicts itself (full marks for "no disciplinary sanctions" with a sanction).

Sheet choice: the ``sheet`` column (leader / staff) when filled, else the row's category through
the methodology's ``form_assignment``: a category listed once -> that form; listed for several
forms -> the row must say which (``sheet``); not listed -> the "other leading positions" form if
the category is a head category (``head_of_unit_categories``), else the "other staff" form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..catalogue_model import Catalogue, FormSpec
from ..errors import DataError
from ..forms.labels import labels, parse_period
from ..render.env import first_bad_char, normalize_newlines
from ..scoring.sheets import SANCTIONS, SheetRules
from .messages import message

SHEET_KINDS = {
    "leader": ("evaluation_sheet_leader",),
    "staff": ("evaluation_sheet_staff", "differentiation_sheet"),
}
TEXT_COLUMNS = ("full_name", "position", "body", "evaluator_name", "evaluator_position")
_CATEGORY = re.compile(r"^[A-E](?:-[OR])?-\d{1,2}$")
_TO_LATIN = str.maketrans("АВСДЕОРНКМТХ", "ABCDEOPHKMTX")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_NUMBERED_COLUMN = re.compile(r"^(score|comment)_(\d+)$")


def normalise_category(value: str) -> str:
    return _DASHES.sub("-", re.sub(r"\s+", "", value)).upper().translate(_TO_LATIN)


@dataclass(frozen=True)
class SheetForm:
    sheet: str  # leader | staff
    kind: str
    appendix: int
    form: FormSpec
    rows: tuple[str, ...]
    sanction_row: int


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str
    value: str | None = None
    lang: str | None = None

    def __str__(self) -> str:
        return message(self.lang, "row_ref", row=self.row, column=self.column, message=self.message)

    def summary_text(self) -> str:
        """The message with the bad value quoted (for the summary)."""
        text = self.message
        if self.value is not None and self.value.strip():
            text = message(self.lang, "value_quoted", message=text, value=self.value.strip()[:80])
        return f"{column_name(self.lang, self.column)}: {text}"


def column_name(lang: str | None, key: str) -> str:
    """A data column as the summary names it: the summary's own heading (Ф.И.О., period, sheet),
    else the input template's caption («Оценка 5»); never the column key."""
    lg = lang if lang == "kk" else "ru"
    if key in ("full_name", "period", "sheet"):
        return message(lg, f"head_{key}")
    heads = labels(lg)["input_headers"]
    base, _, n = key.rpartition("_")
    if key.startswith(("score_", "comment_")) and base in heads:
        return str(heads[base]).format(n=n)
    return str(heads.get(key, key))


@dataclass(frozen=True)
class GoodRow:
    row: int
    sheet: SheetForm
    values: dict[str, str]
    scores: tuple[Decimal, ...]
    comments: tuple[str, ...]
    sanction: str
    period: str


def _sanction_row(rows: tuple[str, ...], lang: str) -> int:
    pats = (
        [re.compile(p, re.IGNORECASE) for p in labels(lang)["sanction_row_patterns"]]
        if lang in ("kk", "ru")
        else []
    )
    for i, name in enumerate(rows):
        if any(p.search(name) for p in pats):
            return i
    return len(rows) - 1


class FillPlan:
    def __init__(self, cat: Catalogue, msg_lang: str | None = None) -> None:
        self.cat = cat
        self.lang = cat.lang
        # what the user reads (row errors, warnings): the language asked for, else the act's
        self.msg_lang = msg_lang or cat.lang
        self.rules = SheetRules.from_catalogue(cat)
        self.sheets: dict[str, SheetForm] = {}
        by_app: dict[int, SheetForm] = {}
        for form in cat.forms:
            for sheet, kinds in SHEET_KINDS.items():
                if form.kind in kinds and sheet not in self.sheets:
                    rows = form.rows
                    if not rows:
                        continue
                    sf = SheetForm(
                        sheet,
                        str(form.kind),
                        int(form.appendix or 0),
                        form,
                        rows,
                        _sanction_row(rows, self.lang),
                    )
                    self.sheets[sheet] = sf
                    by_app[sf.appendix] = sf
        if not self.sheets:
            raise DataError(message(self.msg_lang, "no_sheet_form"))
        self.by_app = by_app
        self.heads = {normalise_category(c) for c in cat.value("head_of_unit_categories") or []}
        self.assign: dict[str, set[int]] = {}
        self.other: dict[str, int] = {}
        for a in cat.form_assignment:
            app = a.form_appendix or 0
            for c in a.categories:
                if c in ("other_leading_positions", "other_staff"):
                    self.other[c] = app
                else:
                    self.assign.setdefault(normalise_category(str(c)), set()).add(app)
        self.max_params = max(len(s.rows) for s in self.sheets.values())
        self.period_unit = cat.value("evaluation_period")
        self.categories = sorted(set(self.assign) | self.heads)

    def err(self, rownum: int, column: str, key: str, value: str | None = None, **fields: object) -> RowError:
        return RowError(rownum, column, message(self.msg_lang, key, **fields), value, self.msg_lang)

    def _form_for(self, rownum: int, app: int, column: str, value: str) -> SheetForm | RowError:
        sf = self.by_app.get(app)
        if sf is None:
            return self.err(rownum, column, "err_not_sheet_form", value, app=app)
        return sf

    def choose(self, rownum: int, values: dict[str, str]) -> SheetForm | RowError:
        sheet = values.get("sheet", "").strip().lower()
        if sheet:
            if sheet not in SHEET_KINDS:
                return self.err(rownum, "sheet", "err_sheet", values.get("sheet"))
            if sheet not in self.sheets:
                return self.err(rownum, "sheet", "err_no_sheet", values.get("sheet"))
            return self.sheets[sheet]
        raw = values.get("category", "")
        if not raw.strip():
            return self.err(rownum, "category", "err_category_missing")
        cat = normalise_category(raw)
        if not _CATEGORY.match(cat):
            return self.err(rownum, "category", "err_category_unknown", raw)
        apps = self.assign.get(cat, set())
        if len(apps) > 1:
            listed = ", ".join(str(a) for a in sorted(apps))
            return self.err(rownum, "category", "err_category_several", raw, listed=listed)
        if len(apps) == 1:
            return self._form_for(rownum, next(iter(apps)), "category", raw)
        key = "other_leading_positions" if cat in self.heads else "other_staff"
        if key in self.other:
            return self._form_for(rownum, self.other[key], "category", raw)
        return self.err(rownum, "category", "err_category_none", raw)

    def validate(self, rownum: int, raw: dict[str, str]) -> GoodRow | list[RowError]:
        errors: list[RowError] = []
        values = {k: normalize_newlines(v) if "\r" in v else v for k, v in raw.items()}
        for col, text in values.items():
            bad = first_bad_char(text) if text else None
            if bad is not None:
                errors.append(self.err(rownum, col, "err_text", code=f"{ord(bad):04X}"))
        if not values.get("full_name", "").strip():
            errors.append(self.err(rownum, "full_name", "err_missing"))
        period = values.get("period", "").strip()
        parsed = parse_period(period) if period else None
        expected = self.period_unit
        if not period:
            errors.append(self.err(rownum, "period", "err_missing"))
        elif parsed is None:
            errors.append(self.err(rownum, "period", "err_period_format", period))
        elif expected and parsed[1] != expected:
            errors.append(self.err(rownum, "period", "err_period_unit", period))
        sanction = values.get("sanction", "").strip().lower() or "none"
        if sanction not in SANCTIONS:
            sanction = _sanction_from_label(sanction) or sanction
        if sanction not in SANCTIONS:
            options = ", ".join(f"{k} ({labels(self.msg_lang)['sanctions'][k]})" for k in SANCTIONS)
            errors.append(
                self.err(rownum, "sanction", "err_sanction", values.get("sanction"), options=options)
            )
        chosen = self.choose(rownum, values)
        if isinstance(chosen, RowError):
            errors.append(chosen)
            return errors
        scores: list[Decimal] = []
        lo, hi = self.rules.score_min, self.rules.score_max
        for i in range(1, len(chosen.rows) + 1):
            col = f"score_{i}"
            text = values.get(col, "").strip().replace(",", ".")
            if not text:
                errors.append(self.err(rownum, col, "err_score_missing"))
                continue
            try:
                d = Decimal(text)
            except InvalidOperation:
                errors.append(self.err(rownum, col, "err_score_nan", values.get(col)))
                continue
            if not d.is_finite() or not lo <= d <= hi:
                errors.append(self.err(rownum, col, "err_score_range", values.get(col), lo=_n(lo), hi=_n(hi)))
                continue
            scores.append(d)
        for col, text in values.items():
            m = _NUMBERED_COLUMN.match(col) if text else None
            if m and int(m.group(2)) > len(chosen.rows) and text.strip():
                errors.append(self.err(rownum, col, "err_extra_param", text, n=len(chosen.rows)))
        if errors:
            return errors
        comments = tuple(values.get(f"comment_{i}", "") for i in range(1, len(chosen.rows) + 1))
        return GoodRow(rownum, chosen, values, tuple(scores), comments, sanction, period.upper())


def _sanction_from_label(text: str) -> str | None:
    for lang in ("kk", "ru"):
        for key, label in labels(lang)["sanctions"].items():
            if str(label).lower() == text:
                return str(key)
    return None


def _n(d: Decimal) -> str:
    return str(d).replace(".", ",")


def row_warnings(plan: FillPlan, row: GoodRow, rows: tuple[str, ...] | None = None) -> list[str]:
    """What is valid but contradicts itself: the "no disciplinary sanctions" parameter at full marks
    (the top of the act's scale) while the row names a sanction. ``rows``: the sheet's parameter
    names in the user's language (default: the act's)."""
    if row.sanction == "none":
        return []
    i = row.sheet.sanction_row
    if not 0 <= i < len(row.scores) or row.scores[i] < plan.rules.score_max:
        return []
    col = column_name(plan.msg_lang, f"score_{i + 1}")
    names = rows if rows is not None and len(rows) == len(row.sheet.rows) else row.sheet.rows
    text = message(
        plan.msg_lang,
        "warn_full_marks_with_sanction",
        row=names[i],
        score=_n(row.scores[i]),
        sanction=labels(plan.msg_lang)["sanctions"][row.sanction],
    )
    return [f"{col}: {text}"]
