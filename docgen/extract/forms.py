"""Extraction stage, part 4: the forms held by the appendices.

Consumes the structure's appendices (title, tables); produces one entry per appendix:
``{"appendix", "kind", "title", "rows", "columns", "source"}``. The kind comes from the title
(or the opening text) by the ordered word rules of ``rules/labels.yaml``; rows are the numbered
parameter/criterion/competency names of the appendix's tables, as printed.

Row groups are kept too, when the appendix prints them: a 360 questionnaire's questions per
competency (``questions``, one list per row) and its average row per competency (``averages``); a
sheet's second column of criteria (``criteria``); the lines of the appendix that start with an
asterisk (``footnotes``) and, when a row carries an asterisk the appendix never explains,
``footnote_missing``. Repairs of the scraping noise (a question wrapped into the next row or into
the next competency's first cell; the structure's repairs of the appendix: a table continued under
«Кестенің жалғасы», a letter-spaced word) are listed in ``repairs`` like the normaliser's.

A table with a two-level heading gives ``header``: its merged heading cells
(``{"text", "row", "col", "colspan", "rowspan"}``) as the structure found them, so a form can print
the act's sub-columns (a quarter under each of plan, fact, percent, score).
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Appendix, Document
from .guidance import row_guidance
from .registry import labels

_TOTAL = ("орташа", "средняя", "средн", "итог", "қорытынды")
_AVERAGE = ("орташа", "средн")


def _match_kind(probe: str, lang: str) -> str | None:
    for kind, words in labels()["form_kinds"][lang]:
        if all(any(alt in probe for alt in w.split("|")) for w in words):
            return str(kind)
    return None


def form_kind(app: Appendix, text: str, lang: str) -> str | None:
    """Kind of the form: word rules on the title, its subtitle (leader/staff), else the opening text."""
    title = f" {app.title.lower()} "
    at = text.find(app.title[:40]) if app.title else -1
    head = f" {text[at : at + len(app.title) + 160].lower()} " if at >= 0 else title
    kind = _match_kind(title, lang) if app.title else None
    if kind is None and at >= 0:
        # a title that is only «Форма» / «Нысан»: the form's name is the next line, read before the rows
        # under it («Проявленные индикаторы» in a competency sheet's head is no KPI)
        after = [
            ln for ln in text[at + len(app.title) : at + len(app.title) + 160].splitlines() if ln.strip()
        ]
        kind = _match_kind(f" {after[0].lower()} ", lang) if after else None
    if kind is None:
        kind = _match_kind(head, lang) or _match_kind(f" {text[:600].lower()} ", lang)
    elif kind.endswith("_staff") and _match_kind(head, lang) == kind.replace("_staff", "_leader"):
        kind = kind.replace("_staff", "_leader")
    return kind


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip()


_LINE_ROW = re.compile(r"^\s*(\d{1,2})(?:\.\s*|\t+)(?P<name>[^\t]+)")
# a table laid out one cell per line: the row's number alone on its line, its name on the next
_LONE_NUMBER = re.compile(r"^\s*(\d{1,2})\.?\s*$")
_HAS_DIGIT = re.compile(r"\d")


def _is_total(name: str) -> bool:
    return name.lower().startswith(_TOTAL)


def _next_text(lines: list[str], i: int) -> int:
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


def _in_sequence(n: int, seen: int | None, run: bool) -> bool:
    """A form's rows are numbered 1, 2, 3 …: a number that does not follow the previous numbered line
    by one belongs to something else (a scoring scale printed under the form runs 5, 4 … 0); a list
    starts again at 1 after a row, or unless the 1 closes a descending run (… 2, 1) or follows a 0; ``run``: the
    previous numbered line was a row."""
    if n == 0:
        return False
    if n == 1:
        return run or seen not in (0, 2)
    return run and seen is not None and n == seen + 1


def _numbered_lines(body: str) -> list[str]:
    """Rows printed as numbered lines ("1. Name<TAB>...", "1<TAB>Name<TAB>..." or the number alone on
    its line and the name on the next), with continuation lines."""
    rows: list[str] = []
    lines = body.split("\n")
    seen: int | None = None
    run = False
    for i, line in enumerate(lines):
        m = _LINE_ROW.match(line)
        if m:
            name = m.group("name")
        else:
            lone = _LONE_NUMBER.match(line)
            j = _next_text(lines, i) if lone else len(lines)
            if not lone or j >= len(lines) or _HAS_DIGIT.match(lines[j].strip()):
                continue
            m, name = lone, lines[j].split("\t")[0]
            i = j
        n = int(m.group(1))
        run = _in_sequence(n, seen, run)
        seen = n
        if not run:
            continue
        # a wrapped name continues on the next non-empty line starting in lower case
        j = _next_text(lines, i)
        if j < len(lines) and lines[j][:1].islower() and not name.rstrip().endswith("."):
            name += " " + lines[j].split("\t")[0]
        name = _clean(name)
        if _is_row_name(name) and name not in rows:
            rows.append(name)
    return rows


def _is_row_name(name: str) -> bool:
    return (
        bool(name) and not _is_total(name) and "__" not in name and "--" not in name and name[0] not in "(-"
    )


def table_rows(app: Appendix, body: str, kind: str | None) -> tuple[list[str], list[str]]:
    """(rows, columns) of the appendix's form as printed."""
    columns: list[str] = []
    first_cells: list[str] = []
    for table in app.tables:
        for cells in table.rows:
            nonempty = [c.strip() for c in cells if c.strip()]
            if not nonempty:
                continue
            if not columns and len(nonempty) >= 2 and not _HAS_DIGIT.match(nonempty[0]):
                columns = [_clean(c) for c in nonempty]
                continue
            first = cells[0].strip()
            if re.fullmatch(r"\d{1,2}\.?", first) and len(nonempty) > 1:
                first = nonempty[1]  # "№ | name | ..." tables
            first_cells.append(_clean(first))
    at = body.find(app.title) if app.title else -1
    text = body[at + len(app.title) :] if at >= 0 else body
    if kind == "kpi_score_table":
        return [c for c in first_cells if _HAS_DIGIT.search(c)], columns
    rows = _numbered_lines(text)
    if not rows:
        rows = [c for c in first_cells if _is_row_name(c) and not _HAS_DIGIT.match(c)]
        rows = list(dict.fromkeys(rows))
    return rows, columns


def _is_average(first: str) -> bool:
    low = first.lower()
    return any(w in low for w in _AVERAGE)


def question_groups(app: Appendix) -> tuple[list[list[str]], list[str], list[dict[str, str]]]:
    """(questions per competency, average row per competency, repairs) of a 360 questionnaire table.

    A competency starts at a row whose first cell is its number; every following row with an empty
    first cell adds a question (the text of its non-empty cells: the scraper sometimes loses a tab);
    a row whose first cell names the average closes the group. A fragment printed after an average row
    and a question starting in lower case are the two halves of one wrapped question: joined, and the
    join is recorded in ``repairs``.
    """
    groups: list[list[str]] = []
    averages: list[str] = []
    repairs: list[dict[str, str]] = []
    pending = ""
    for table in app.tables:
        for cells in table.rows:
            first = cells[0].strip() if cells else ""
            rest = [_clean(c) for c in cells[1:] if c.strip()]
            starts = bool(re.fullmatch(r"\d{1,2}\.?", first))
            if starts:
                groups.append([])
                averages.append("")
                question = _clean(cells[2]) if len(cells) > 2 else ""
            elif first and _is_average(first) and not rest:
                if groups and not averages[-1]:
                    averages[-1] = _clean(first)
                continue
            elif not first and rest:
                question = " ".join(rest)
            else:
                continue
            if not question:
                continue
            if not starts and (not groups or averages[-1]):
                pending = question  # printed before its competency's row: the first half of a question
                continue
            if pending and question[:1].islower():
                repairs.append({"kind": "wrapped_question", "before": pending, "after": question})
                question = f"{pending} {question}"
            elif question[:1].islower() and groups[-1]:
                repairs.append({"kind": "wrapped_question", "before": groups[-1][-1], "after": question})
                groups[-1][-1] = f"{groups[-1][-1]} {question}"
                continue
            pending = ""
            groups[-1].append(_clean(question.replace(" ,", ",")))
    return groups, averages, repairs


def second_column(app: Appendix, n: int) -> list[str]:
    """The second cell of each numbered row (a sheet's criteria), when every row has one."""
    out: list[str] = []
    for table in app.tables:
        for cells in table.rows:
            first = cells[0].strip() if cells else ""
            if re.match(r"\d{1,2}[.\t ]", first + " ") and len(cells) > 1 and cells[1].strip():
                out.append(_clean(cells[1]))
    return out if len(out) == n else []


_SCALE = re.compile(r"(?:Бағалау нәтижесі|Результат оценки)[:\s_]*\(([^()]{3,300})\)", re.IGNORECASE)


def result_scale(body: str) -> list[str]:
    """The grades the appendix prints in brackets under its result line, in the printed order."""
    m = _SCALE.search(body)
    return [_clean(g) for g in m.group(1).split(",") if g.strip()] if m else []


_FOOTNOTE = re.compile(r"^\s*\*+\s*(?P<text>\S.*)$", re.MULTILINE)


def footnotes(body: str) -> list[str]:
    """Lines of the appendix that start with an asterisk (the notes a starred cell points to)."""
    return [_clean(m.group("text")) for m in _FOOTNOTE.finditer(body)]


def indicator_rows(app: Appendix) -> list[dict[str, Any]]:
    """Behaviour indicators as the appendix's table prints them: one entry per row under the heading,
    ``competency`` (empty where the act leaves it to the row above), ``category``, and the lines of
    the effective and ineffective indicators (every line of the row's cells kept, in order)."""
    out: list[dict[str, Any]] = []
    for table in app.tables:
        if len(table.rows) < 2 or len(table.rows[0]) < 4:
            continue
        for cells in table.rows[1:]:
            lines = [[_clean(x) for x in c.split("\n") if x.strip()] for c in cells]
            if not any(lines):
                continue
            lines += [[] for _ in range(4 - len(lines))]
            out.append(
                {
                    "competency": " ".join(lines[0]),
                    "category": " ".join(lines[1][:1]),
                    "effective": lines[1][1:] + lines[2],
                    "ineffective": [x for cell in lines[3:] for x in cell],
                }
            )
    return out


def extract_forms(doc: Document) -> list[dict[str, Any]]:
    out = []
    text = doc.norm.text
    for app in doc.appendices:
        body = text[app.start : app.end]
        kind = form_kind(app, body, doc.language)
        rows, columns = table_rows(app, body, kind)
        entry: dict[str, Any] = {
            "appendix": app.number,
            "kind": kind,
            "title": app.title,
            "rows": rows,
            "columns": columns,
        }
        repairs: list[dict[str, str]] = []
        if kind in ("sheet360_leader", "sheet360_staff"):
            groups, averages, repairs = question_groups(app)
            if len(groups) == len(rows) and all(groups):
                entry["questions"] = groups
                entry["averages"] = averages
        elif kind == "behaviour_indicators":
            indicators = indicator_rows(app)
            if indicators:
                entry["indicators"] = indicators
        elif kind == "differentiation_sheet":
            criteria = second_column(app, len(rows))
            if criteria:
                entry["criteria"] = criteria
        if kind == "kpi_sheet":
            scale = result_scale(body)
            if scale:
                entry["result_scale"] = scale
        notes = footnotes(body)
        if notes:
            entry["footnotes"] = notes
        elif any(r.rstrip().endswith("*") for r in rows):
            entry["footnote_missing"] = True
        header = next((t.header for t in app.tables if t.header), ())
        if header:
            entry["header"] = [
                {"text": c.text, "row": c.row, "col": c.col, "colspan": c.colspan, "rowspan": c.rowspan}
                for c in header
            ]
        repairs += [{"kind": r.kind, "before": r.before, "after": r.after} for r in app.repairs]
        if repairs:
            entry["repairs"] = repairs
        if kind in ("evaluation_sheet_leader", "evaluation_sheet_staff"):
            if app.caption.strip():
                entry["caption"] = _clean(app.caption)
            guidance = row_guidance(app, rows, columns)
            if guidance:
                entry["row_explanations"] = guidance
        out.append(entry)
    cut = truncated_appendix(doc)
    if cut is not None:
        out.append(cut)
    return out


_REF = {"kk": r"(?<!\d){n}\s*-\s*қосымша", "ru": r"приложени\w*\s*{n}(?!\d)"}


def truncated_appendix(doc: Document) -> dict[str, Any] | None:
    """The appendix the text breaks off in: after the last appendix, only the beginning of a caption like
    the appendices' own. Kept as ``{"appendix": N+1, "kind": <what the body says it is>, "title": None,
    "truncated": True, "printed": <the fragment>}``, so no form is ever filled in from another act."""
    if not doc.appendices:
        return None
    last = doc.appendices[-1]
    text = doc.norm.text
    tail = _clean(text[last.end :])
    if not tail or not _clean(last.caption).startswith(tail):
        return None
    n = last.number + 1
    body = text[: doc.appendices[0].start]
    kind = None
    for m in re.finditer(_REF.get(doc.language, _REF["ru"]).format(n=n), body, re.IGNORECASE):
        sentence = body[max(body.rfind(".", 0, m.start()), body.rfind("\n", 0, m.start())) + 1 :]
        end = sentence.find(".", m.end() - m.start())
        kind = _match_kind(f" {sentence[: end if end > 0 else 400].lower()} ", doc.language)
        if kind:
            break
    return {
        "appendix": n,
        "kind": kind,
        "title": None,
        "rows": [],
        "columns": [],
        "truncated": True,
        "printed": tail,
    }
