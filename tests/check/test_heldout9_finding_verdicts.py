"""Held-out set 9 (tests/data/heldout_xref9): every non-reference error and warning of the first run
(checker of 40a297b) is recorded in tests/data/check/heldout9_finding_verdicts.yaml with a verdict written by
reading the act. A false finding marked ``fixed: false`` is still expected; one marked ``fixed: true`` must be
gone; a true one must stay with its severity; and nothing is reported that the record does not hold. Matching
follows tests/check/test_devsets_finding_verdicts.py (a form row in whatever row finding names it)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from docgen.check import Finding, check_path

DATA = Path(__file__).resolve().parents[1] / "data"
FOLDER = "heldout_xref9"
RECORD: list[dict[str, object]] = list(
    yaml.safe_load((DATA / "check" / "heldout9_finding_verdicts.yaml").read_text(encoding="utf-8"))
)
FILES = sorted(p.name for p in (DATA / FOLDER).glob("*.txt"))
REFERENCES = ("broken_cross_reference", "missing_appendix")
ROW = "form_deviation.row"


@lru_cache(maxsize=16)
def _findings(name: str) -> tuple[Finding, ...]:
    result = check_path(str(DATA / FOLDER / name), as_of=dt.date(2026, 12, 7))
    return tuple(
        f for f in result.findings if f.severity in ("error", "warning") and not f.code.startswith(REFERENCES)
    )


def _about(f: Finding) -> str:
    d = f.details or {}
    return str(d.get("topic") or d.get("key") or f.expected or f.actual)


def _names(f: Finding) -> set[str]:
    return {str(f.expected), str(f.actual)} - {""}


def _reported(v: dict[str, object], found: tuple[Finding, ...]) -> list[Finding]:
    if v["code"] == f"{ROW}_differs":
        return [
            f for f in found if f.code == v["code"] and f.point == v["point"] and f.expected == v["about"]
        ]
    if str(v["code"]).startswith(ROW):
        return [
            f for f in found if f.code.startswith(ROW) and f.point == v["point"] and v["about"] in _names(f)
        ]
    return [
        f
        for f in found
        if f.code == v["code"]
        and (f.point or "") == v["point"]
        and str(v["about"]) in {_about(f), str(f.expected), str(f.actual)}
    ]


def test_the_first_run_holds_9_false_of_82() -> None:
    first = [v for v in RECORD if v.get("first_run", True)]
    assert len(first) == 82
    assert sum(v["verdict"] is False for v in first) == 9
    assert sum(v["severity"] == "error" for v in first) == 9
    assert sum(v["verdict"] is False and v["severity"] == "error" for v in first) == 8
    assert {v["set"] for v in RECORD} == {FOLDER}
    assert all("fixed" in v for v in RECORD if v["verdict"] is False)


@pytest.mark.parametrize("name", FILES)
def test_false_findings_are_gone_and_true_ones_stay(name: str) -> None:
    found = _findings(name)
    for v in (v for v in RECORD if v["file"] == name):
        hits = _reported(v, found)
        if v["verdict"] is True:
            assert hits, f"true finding lost: {v}"
            if not str(v["code"]).startswith(ROW):
                assert any(f.severity == v["severity"] for f in hits), f"severity changed: {v}"
        elif v["fixed"] is False:
            assert hits, f"a false finding marked unfixed is gone: mark it fixed: {v}"
        else:
            assert not hits, f"false finding still reported: {v}"


@pytest.mark.parametrize("name", FILES)
def test_nothing_is_reported_that_the_record_does_not_hold(name: str) -> None:
    mine = [v for v in RECORD if v["file"] == name and (v["verdict"] is True or v.get("fixed") is False)]
    for f in _findings(name):
        assert any(f in _reported(v, (f,)) for v in mine), f"unrecorded: {f.code} {f.point} {_about(f)}"
