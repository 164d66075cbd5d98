"""360 report stage, input: the answers workbook (one row per respondent per evaluated person).

Consumes an ``.xlsx`` file with a sheet per group, ``leaders`` and/or ``staff``. Row 1 holds the headers:
``person_id``, ``person_name``, ``position`` (optional column), ``respondent_role`` (self,
direct_superior, subordinate, peer), then one column per competency, headed by its name as printed in the
methodology (``method360_competencies_leaders|staff``); cells hold the answer 1..5. Produces
:class:`PersonAnswers` grouped by person. ``write_answers_template`` writes an empty workbook with those
headers. Errors name the sheet and the cell or row, never a person.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._atomic import atomic_open
from .._docxtext import clean_text
from ..catalogue_model import Catalogue
from ..errors import DataError, InputError, UnsafeInputError
from ..scoring.method360 import GROUP_KEYS, ROLES, Response, answer_bounds, competencies

MAX_BYTES = 20_000_000
MAX_UNZIPPED = 200_000_000
FIXED = ("person_id", "person_name", "position", "respondent_role")
_ID = re.compile(r"^[\w][\w.-]{0,63}$")


@dataclass(frozen=True)
class PersonAnswers:
    group: str  # leaders | staff
    person_id: str
    person_name: str
    position: str
    responses: tuple[Response, ...]
    rows: str  # e.g. "leaders!2-6" for messages


def header_key(text: str) -> str:
    """Header comparison: case, quotes, spacing, 'ё' and a leading "1." / "1)" do not matter."""
    t = re.sub(r"^\s*\d+\s*[.)]\s*", "", text)
    t = re.sub("[«»\"'“”„]", "", t).casefold().replace("ё", "е")
    return " ".join(t.split())


def _check_zip(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    if size > MAX_BYTES:
        raise UnsafeInputError(f"file larger than {MAX_BYTES} bytes", path=str(path))
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except zipfile.BadZipFile as exc:
        raise InputError("not an .xlsx workbook", path=str(path)) from exc
    if len(infos) > 2000 or sum(i.file_size for i in infos) > MAX_UNZIPPED:
        raise UnsafeInputError("workbook expands too much (zip bomb?)", path=str(path))
    for i in infos:
        if i.filename.startswith("/") or ".." in i.filename.split("/"):
            raise UnsafeInputError("odd member name in the workbook", path=str(path))


def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def read_answers(path: str | Path, catalogue: Catalogue) -> list[PersonAnswers]:
    """All evaluated persons of the workbook, in order of first appearance."""
    from openpyxl import load_workbook

    p = Path(path)
    _check_zip(p)
    try:
        wb = load_workbook(p, read_only=False, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on broken files
        raise InputError(f"cannot open the workbook ({type(exc).__name__})", path=str(p)) from exc
    out: list[PersonAnswers] = []
    try:
        groups = [g for g in GROUP_KEYS if g in wb.sheetnames]
        if not groups:
            raise DataError("no sheet named 'leaders' or 'staff'", path=str(p))
        for group in groups:
            out.extend(_read_sheet(wb[group], group, catalogue, str(p)))
    finally:
        wb.close()
    if not out:
        raise DataError("no answers found", path=str(p))
    return out


def _rows(ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for i, row in enumerate(ws.iter_rows(values_only=True), 1):
        yield i, tuple(row)


def _read_sheet(ws: Any, group: str, catalogue: Catalogue, path: str) -> list[PersonAnswers]:
    names = competencies(catalogue, group)
    lo, hi = answer_bounds(catalogue)
    rows = _rows(ws)
    try:
        _, header = next(rows)
    except StopIteration:
        return []
    cols: dict[str, int] = {}
    comp_cols: dict[int, int] = {}  # competency index -> column index
    wanted = {header_key(n): i for i, n in enumerate(names)}
    for c, h in enumerate(header):
        text = _cell_text(h).strip()
        if not text:
            continue
        key = header_key(text)
        where = f"{group}!{_col_name(c)}1"
        if key in FIXED:
            cols[key] = c
        elif key in wanted:
            if wanted[key] in comp_cols:
                raise DataError("competency column given twice", path=path, where=where)
            comp_cols[wanted[key]] = c
        else:
            raise DataError("unknown column: not a competency of the methodology", path=path, where=where)
    for f in ("person_id", "person_name", "respondent_role"):
        if f not in cols:
            raise DataError(f"missing column '{f}'", path=path, where=f"{group}!1")
    missing = [names[i] for i in range(len(names)) if i not in comp_cols]
    if missing:
        raise DataError(
            f"{len(missing)} competency column(s) missing, first: '{missing[0]}'",
            path=path,
            where=f"{group}!1",
        )

    persons: dict[str, dict[str, Any]] = {}
    for r, row in rows:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        row = row + (None,) * (len(header) - len(row))
        where = f"{group}!row {r}"
        pid = _cell_text(row[cols["person_id"]]).strip()
        if not _ID.match(pid):
            raise DataError("person_id must be 1-64 letters, digits, '_', '.', '-'", path=path, where=where)
        name = clean_text(_cell_text(row[cols["person_name"]]), f"{where}:person_name", path=path)
        pos = clean_text(
            _cell_text(row[cols["position"]]) if "position" in cols else "",
            f"{where}:position",
            path=path,
            required=False,
        )
        role = _cell_text(row[cols["respondent_role"]]).strip()
        if role not in ROLES:
            raise DataError(f"respondent_role must be one of {', '.join(ROLES)}", path=path, where=where)
        scores = []
        for i in range(len(names)):
            v = row[comp_cols[i]]
            cw = f"{group}!{_col_name(comp_cols[i])}{r}"
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise DataError(f"answer must be a whole number {lo}..{hi}", path=path, where=cw)
            if not float(v).is_integer() or not lo <= v <= hi:
                raise DataError(f"answer must be a whole number {lo}..{hi}", path=path, where=cw)
            scores.append(float(v))
        entry = persons.setdefault(
            pid, {"name": name, "position": pos, "responses": [], "first": r, "last": r}
        )
        if entry["name"] != name:
            raise DataError("the same person_id has different names", path=path, where=where)
        entry["position"] = entry["position"] or pos
        entry["last"] = r
        entry["responses"].append(Response(role, tuple(scores), where=where))
    return [
        PersonAnswers(
            group,
            pid,
            e["name"],
            e["position"],
            tuple(e["responses"]),
            f"{group}!rows {e['first']}-{e['last']}",
        )
        for pid, e in persons.items()
    ]


def _col_name(c: int) -> str:
    s, c = "", c + 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def write_answers_template(catalogue: Catalogue, out: str | Path, *, force: bool = False) -> Path:
    """An empty answers workbook: one sheet per group the methodology has, headers and input checks."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    first = wb.active
    assert first is not None
    made = 0
    lo, hi = answer_bounds(catalogue)
    for group, key in GROUP_KEYS.items():
        if catalogue.param(key) is None:
            continue
        names = competencies(catalogue, group)
        ws = wb.create_sheet(group)
        ws.append(list(FIXED) + list(names))
        roles = DataValidation(type="list", formula1='"' + ",".join(ROLES) + '"', allow_blank=True)
        scores = DataValidation(
            type="whole", operator="between", formula1=str(lo), formula2=str(hi), allow_blank=True
        )
        ws.add_data_validation(roles)
        ws.add_data_validation(scores)
        roles.add("D2:D2000")
        scores.add(f"E2:{_col_name(3 + len(names))}2000")
        ws.freeze_panes = "E2"
        made += 1
    if not made:
        raise DataError("the methodology lists no 360 competencies", where="catalogue")
    first.title = "README"
    for line in (
        "One row per respondent per evaluated person.",
        "person_id: a code of the evaluated person (used in the report file name); person_name: printed in the report.",
        f"respondent_role: one of {', '.join(ROLES)} (the self-assessment is shown apart and not averaged "
        "unless the methodology counts it).",
        f"Competency columns: the answer {lo}..{hi} (1 = the competency is not shown ... {hi} = always shown).",
    ):
        first.append([line])
    out = Path(out)
    with atomic_open(out, "wb", force=force) as fh:
        wb.save(fh)
    return out
