"""The README's table of non-reference findings read on first runs says what the records hold."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
RECORDS = {
    "heldout_xref 1–4, dev_xref5, check_xref": "devsets_finding_verdicts.yaml",
    "dev_xref6": "devset6_finding_verdicts.yaml",
    "dev_xref7": "devset7_finding_verdicts.yaml",
    "xref_paraphrase": "paraphrase_finding_verdicts.yaml",
    "heldout (the parameter": "heldout_finding_verdicts.yaml",
    "heldout_xref5 (first run": "heldout5_finding_verdicts.yaml",
    "heldout_xref6 (first run": "heldout6_finding_verdicts.yaml",
    "heldout_xref7 (first run": "heldout7_finding_verdicts.yaml",
    "heldout_xref8 (first run": "heldout8_finding_verdicts.yaml",
    "heldout_xref9 (first run": "heldout9_finding_verdicts.yaml",
}


def _row(label: str) -> list[str]:
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith(f"| {label}"):
            return [c.strip() for c in line.strip("|").split("|")]
    raise AssertionError(f"no README row {label!r}")


def test_the_readme_counts_are_the_recorded_first_run_verdicts() -> None:
    for label, name in RECORDS.items():
        record = yaml.safe_load((ROOT / "tests" / "data" / "check" / name).read_text(encoding="utf-8"))
        first = [v for v in record if v.get("first_run", True)]
        false = [v for v in first if v["verdict"] is False]
        errors = [v for v in first if v["severity"] == "error"]
        false_errors = [v for v in errors if v["verdict"] is False]
        false_now = [v for v in record if v["verdict"] is False and v.get("fixed", True) is False]
        row = _row(label)
        assert row[1:5] == [
            str(len(first)),
            str(len(false)),
            f"{len(false_errors)} / {len(errors)}",
            str(len(false_now)),
        ], label


def test_the_held_out_6_to_9_totals_are_the_records() -> None:
    """The sentence under the table: errors and warnings false at the first run of held-out sets 6–9."""
    errors = false_errors = warnings = false_warnings = 0
    for n in (6, 7, 8, 9):
        path = ROOT / "tests" / "data" / "check" / f"heldout{n}_finding_verdicts.yaml"
        first = [v for v in yaml.safe_load(path.read_text(encoding="utf-8")) if v.get("first_run", True)]
        errors += sum(v["severity"] == "error" for v in first)
        false_errors += sum(v["severity"] == "error" and v["verdict"] is False for v in first)
        warnings += sum(v["severity"] == "warning" for v in first)
        false_warnings += sum(v["severity"] == "warning" and v["verdict"] is False for v in first)
    words = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert (
        f"(held-out 6–9: {false_errors} of {errors} errors, against {false_warnings} of {warnings} warnings)"
    ) in words
