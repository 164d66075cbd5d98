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
