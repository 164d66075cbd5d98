"""Never exit 70 on 360 answers: the sample workbook with random values in its cells (answers,
roles, ids, names; numbers, text, dates, nothing) and random rows added or removed; ``docgen
report360`` answers 0, 1 or 2 in one line and writes nothing when it refuses."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path
from typing import Any

from fuzzkit import ROOT, assert_clean, fuzz_settings, run_cli
from hypothesis import given
from hypothesis import strategies as st

SAMPLE = ROOT / "legal_corpus" / "samples" / "answers360_kk.xlsx"
CATALOGUE = ROOT / "tests" / "data" / "catalogues_b" / "cat_000_2018_kpi360_kk.json"


def _sheets() -> dict[str, list[list[Any]]]:
    from openpyxl import load_workbook

    wb = load_workbook(SAMPLE)
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


SHEETS = _sheets()
values = st.one_of(
    st.integers(-3, 8),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "5", "4,5", "self", "peer", "subordinate", "direct_superior", "x", "=1+2"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
    st.none(),
    st.booleans(),
)


@st.composite
def workbooks(draw: st.DrawFn) -> bytes:
    from openpyxl import Workbook

    sheets = {k: [list(r) for r in v] for k, v in SHEETS.items()}
    for _ in range(draw(st.integers(1, 6))):
        name = draw(st.sampled_from(sorted(sheets)))
        rows = sheets[name]
        op = draw(st.sampled_from(["cell", "cell", "cell", "drop_row", "dup_row", "drop_sheet"]))
        if op == "cell" and rows:
            r = draw(st.integers(0, len(rows) - 1))
            if rows[r]:
                rows[r][draw(st.integers(0, len(rows[r]) - 1))] = draw(values)
        elif op == "drop_row" and rows:
            del rows[draw(st.integers(0, len(rows) - 1))]
        elif op == "dup_row" and rows:
            rows.append(list(draw(st.sampled_from(rows))))
        elif op == "drop_sheet":
            sheets.pop(name)
            if not sheets:
                break
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    if not wb.worksheets:
        wb.create_sheet("empty")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@fuzz_settings(8)
@given(data=workbooks())
def test_report360_from_mutated_answers(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "answers.xlsx"
        src.write_bytes(data)
        out = Path(d) / "reports"
        r = run_cli(["report360", "--catalogue", str(CATALOGUE), "--data", str(src), "-o", str(out)])
        assert_clean(r, input_bytes=len(data), out_dir=out)
