"""Every non-reference error and warning of the first run on held-out sets 6 and 7
(tests/data/check/heldout6_ / heldout7_finding_verdicts.yaml, judged by reading the acts before any change):
the figures of the first run, and the present output against the record: a true finding is still reported
with its severity, a false one marked ``fixed: false`` is still reported, one marked fixed is gone, and
nothing is reported that the record does not hold."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from docgen.check import Finding, check_path

ROOT = Path(__file__).resolve().parents[1] / "data"
AS_OF = dt.date(2026, 12, 7)
REFERENCES = ("broken_cross_reference", "missing_appendix")  # judged by the xref records
ROW = "form_deviation.row"


def _load(name: str) -> list[dict[str, object]]:
    return list(yaml.safe_load((ROOT / "check" / name).read_text(encoding="utf-8")))


SET_6 = _load("heldout6_finding_verdicts.yaml")
SET_7 = _load("heldout7_finding_verdicts.yaml")
RECORD = SET_6 + SET_7
FILES = sorted({(str(v["set"]), str(v["file"])) for v in RECORD})


@lru_cache(maxsize=32)
def _findings(folder: str, name: str) -> tuple[Finding, ...]:
    result = check_path(str(ROOT / folder / name), as_of=AS_OF)
    return tuple(
        f for f in result.findings if f.severity in ("error", "warning") and not f.code.startswith(REFERENCES)
    )


def _about(f: Finding) -> str:
    d = f.details or {}
    return str(d.get("topic") or d.get("key") or f.expected or f.actual)


def _reported(v: dict[str, object], found: tuple[Finding, ...]) -> list[Finding]:
    if v["code"] == f"{ROW}_differs":
        return [
            f for f in found if f.code == v["code"] and f.point == v["point"] and f.expected == v["about"]
        ]
    if str(v["code"]).startswith(ROW):
        names = [{str(f.expected), str(f.actual)} - {""} for f in found]
        return [
            f
            for f, n in zip(found, names, strict=True)
            if f.code.startswith(ROW) and f.point == v["point"] and v["about"] in n
        ]
    return [
        f
        for f in found
        if f.code == v["code"]
        and (f.point or "") == v["point"]
        and str(v["about"]) in {_about(f), str(f.expected), str(f.actual)}
    ]


def _figures(record: list[dict[str, object]]) -> tuple[int, int, int, int]:
    first = [v for v in record if v.get("first_run", True)]
    errors = [v for v in first if v["severity"] == "error"]
    return (
        len(first),
        sum(v["verdict"] is False for v in first),
        len(errors),
        sum(v["verdict"] is False for v in errors),
    )


def test_the_first_run_on_heldout_set_6_holds_5_false_of_20() -> None:
    assert _figures(SET_6) == (20, 5, 6, 4)
    assert {v["set"] for v in SET_6} == {"heldout_xref6"}


def test_the_first_run_on_heldout_set_7_holds_10_false_of_46() -> None:
    assert _figures(SET_7) == (46, 10, 9, 8)
    assert {v["set"] for v in SET_7} == {"heldout_xref7"}


def test_every_false_finding_says_whether_it_is_fixed() -> None:
    assert all("fixed" in v for v in RECORD if v["verdict"] is False)
    assert all("fixed" not in v for v in RECORD if v["verdict"] is True)


@pytest.mark.parametrize(("folder", "name"), FILES)
def test_the_record_holds_what_is_reported(folder: str, name: str) -> None:
    found = _findings(folder, name)
    mine = [v for v in RECORD if v["set"] == folder and v["file"] == name]
    for v in mine:
        hits = _reported(v, found)
        if v["verdict"] is True:
            assert hits, f"true finding lost: {v}"
            if not str(v["code"]).startswith(ROW):
                assert any(f.severity == v["severity"] for f in hits), f"severity changed: {v}"
        elif v.get("fixed") is False:
            assert hits, f"a false finding marked unfixed is gone: mark it fixed: {v}"
        else:
            assert not hits, f"false finding still reported: {v}"
    still = [v for v in mine if v["verdict"] is True or v.get("fixed") is False]
    for f in found:
        assert any(f in _reported(v, (f,)) for v in still), f"unrecorded: {f.code} {f.point} {_about(f)}"
    # a record per finding: as many findings of a kind at a place as records of it
    for v in still:
        same = [
            w for w in still if (w["code"], w["point"], w["about"]) == (v["code"], v["point"], v["about"])
        ]
        if not str(v["code"]).startswith(ROW):
            assert len(_reported(v, found)) == len(same), f"count differs: {v}"
