"""Batch stage: the empty input workbook of ``docgen fill PATH --template FILE.xlsx``.

Consumes a :class:`~docgen.catalogue_model.Catalogue` (the number of parameters of its sheets, the score range, the
categories its form assignment names); produces an .xlsx whose sheet ``data`` has the column keys
in row 1, their kk captions in row 2 and ru captions in row 3 (the reader skips both), frozen
panes, and data validation: scores are decimals within the methodology's range, ``sanction`` and
``sheet`` are lists, ``period`` is text of the form YYYY-Qn.
"""

from __future__ import annotations

import os
from pathlib import Path

from .._atomic import check_writable, open_tmp
from ..catalogue_model import Catalogue
from ..forms.labels import labels
from ..scoring.sheets import SANCTIONS
from .plan import FillPlan

MAX_ROWS = 10000


def input_columns(max_params: int) -> list[str]:
    cols = ["full_name", "position", "category", "body", "evaluator_name", "evaluator_position", "period"]
    cols += [f"score_{i}" for i in range(1, max_params + 1)]
    cols += ["sanction"]
    cols += [f"comment_{i}" for i in range(1, max_params + 1)]
    cols += ["sheet"]
    return cols


def _caption(lang: str, key: str) -> str:
    heads = labels(lang)["input_headers"]
    if key.startswith(("score_", "comment_")):
        base, n = key.rsplit("_", 1)
        return str(heads[base]).format(n=n)
    return str(heads[key])


def write_input_template(cat: Catalogue, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    out = Path(path)
    check_writable(out, force)
    plan = FillPlan(cat)
    cols = input_columns(plan.max_params)
    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    ws.append(cols)
    ws.append([_caption("kk", c) for c in cols])
    ws.append([_caption("ru", c) for c in cols])
    for row in ws.iter_rows(min_row=1, max_row=3):
        for cell in row:
            cell.font = Font(bold=cell.row == 1, italic=cell.row > 1)
    ws.freeze_panes = "A4"
    first, last = 4, MAX_ROWS + 3
    lo, hi = plan.rules.score_min, plan.rules.score_max
    dv_score = DataValidation(
        type="decimal", operator="between", formula1=str(lo), formula2=str(hi), allow_blank=True
    )
    dv_score.error = f"{lo}..{hi}"
    dv_sanction = DataValidation(type="list", formula1='"' + ",".join(SANCTIONS) + '"', allow_blank=True)
    dv_sheet = DataValidation(
        type="list", formula1='"' + ",".join(sorted(plan.sheets)) + '"', allow_blank=True
    )
    dv_period = DataValidation(type="textLength", operator="equal", formula1="7", allow_blank=True)
    dv_period.error = "YYYY-Qn, e.g. 2026-Q1"
    for dv in (dv_score, dv_sanction, dv_sheet, dv_period):
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
    for i, c in enumerate(cols, 1):
        letter = get_column_letter(i)
        rng = f"{letter}{first}:{letter}{last}"
        if c.startswith("score_"):
            dv_score.add(rng)
        elif c == "sanction":
            dv_sanction.add(rng)
        elif c == "sheet":
            dv_sheet.add(rng)
        elif c == "period":
            dv_period.add(rng)
        ws.column_dimensions[letter].width = 14 if c.startswith("score_") else 24
    if plan.categories:  # text from the methodology: plain strings, never a formula or a bad character
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        lists = wb.create_sheet("categories")
        for i, c in enumerate(plan.categories, 1):
            cell = lists.cell(i, 1, ILLEGAL_CHARACTERS_RE.sub("", c))
            cell.data_type = "s"
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = open_tmp(out)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out
