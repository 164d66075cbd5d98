"""Held-out set 8's non-reference findings (tests/data/check/heldout8_finding_verdicts.yaml, judged by reading
the acts at the first run, before any change): the record holds every error and warning `docgen check` gives on
tests/data/heldout_xref8, one entry per finding; a true finding is still reported with its severity, a false one
marked ``fixed: false`` is still reported, one marked fixed is gone. (The integrator wires the file into
tests/check/test_devsets_finding_verdicts.py; this test keeps it exact meanwhile.)"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from docgen.check import Finding, check_path

ROOT = Path(__file__).resolve().parents[1] / "data"
SET = "heldout_xref8"
RECORD: list[dict[str, object]] = list(
    yaml.safe_load((ROOT / "check" / "heldout8_finding_verdicts.yaml").read_text(encoding="utf-8"))
)
REFERENCES = ("broken_cross_reference", "missing_appendix")
FILES = sorted(p.name for p in (ROOT / SET).glob("*.txt"))


@lru_cache(maxsize=16)
def _findings(name: str) -> tuple[Finding, ...]:
    result = check_path(str(ROOT / SET / name), as_of=dt.date(2026, 12, 7))
    return tuple(
        f for f in result.findings if f.severity in ("error", "warning") and not f.code.startswith(REFERENCES)
    )


def _about(f: Finding) -> str:
    d = f.details or {}
    return str(d.get("topic") or d.get("key") or f.expected or f.actual)


def _key(f: Finding) -> tuple[str, str, str]:
    return (f.code, f.point or "", _about(f))


def _expected(v: dict[str, object]) -> bool:
    return v["verdict"] is True or v.get("fixed", True) is False


def test_the_first_run_holds_14_false_of_79() -> None:
    first = [v for v in RECORD if v.get("first_run", True)]
    assert {v["set"] for v in RECORD} == {SET}
    assert len(first) == 79
    assert sum(v["verdict"] is False for v in first) == 14
    assert sum(v["severity"] == "error" for v in first) == 18
    assert sum(v["verdict"] is False and v["severity"] == "error" for v in first) == 13


@pytest.mark.parametrize("name", FILES)
def test_the_record_matches_the_checker_finding_for_finding(name: str) -> None:
    found = Counter((f.severity, *_key(f)) for f in _findings(name))
    mine = [v for v in RECORD if v["file"] == name and _expected(v)]
    held = Counter((str(v["severity"]), str(v["code"]), str(v["point"]), str(v["about"])) for v in mine)
    assert found == held, (
        f"reported but not recorded: {found - held}; recorded but not reported: {held - found}"
    )


@pytest.mark.parametrize("name", FILES)
def test_fixed_false_findings_are_gone(name: str) -> None:
    keys = {_key(f) for f in _findings(name)}
    gone = [v for v in RECORD if v["file"] == name and v["verdict"] is False and v.get("fixed", True) is True]
    for v in gone:
        assert (v["code"], v["point"], str(v["about"])) not in keys, f"false finding still reported: {v}"
