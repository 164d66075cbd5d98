"""Missing-provision and form findings on texts written outside the project (tests/data/heldout_xref3,
tests/data/dev_xref5), judged by reading (tests/data/check/topic_verdicts.yaml): every finding read
as false is gone, every finding read as true is still reported, and nothing new is reported."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from docgen.check import check_path

ROOT = Path(__file__).resolve().parents[1] / "data"
VERDICTS = yaml.safe_load((ROOT / "check" / "topic_verdicts.yaml").read_text(encoding="utf-8"))["findings"]
FILES = sorted({(v["set"], v["file"]) for v in VERDICTS})


def _what(f_code: str, details: dict[str, object], expected: str) -> str:
    return str(details.get("topic")) if f_code == "missing_provision.topic" else expected


def _key(v: dict[str, str]) -> tuple[str, str]:
    return v["code"], str(v.get("topic") or v.get("row") or v.get("form"))


def test_the_record_holds_74_false_and_10_true() -> None:
    assert len(VERDICTS) == 84
    assert sum(v["verdict"] == "false" for v in VERDICTS) == 74


@pytest.mark.parametrize(("folder", "name"), FILES)
def test_false_findings_are_gone_and_true_ones_stay(folder: str, name: str) -> None:
    result = check_path(str(ROOT / folder / name))
    got = [
        (f.code, _what(f.code, f.details, f.expected))
        for f in result.findings
        if f.severity == "error" and f.code.startswith(("missing_provision", "form_deviation"))
    ]
    mine = [v for v in VERDICTS if v["set"] == folder and v["file"] == name]
    true = sorted(_key(v) for v in mine if v["verdict"] == "true")
    assert sorted(got) == true  # false ones gone, true ones kept, no new error of these kinds


def test_a_scoring_scale_read_as_the_forms_table_is_not_extra_rows() -> None:
    """06_kk prints its sheets one cell a line, and what the catalogue reads as the rows is the scoring
    scale under them; the model's rows are printed above it, so the scale is not reported as extra rows."""
    result = check_path(str(ROOT / "heldout_xref3" / "06_kk_2025_quarterly_sheets.txt"))
    assert not [f for f in result.findings if f.code == "form_deviation.row_extra"]
    assert not [f for f in result.findings if f.code == "form_deviation.row_missing"]
