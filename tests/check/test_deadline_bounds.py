"""A deadline the model states as a bound («не позднее 20-го числа», «30 қаңтарынан кешіктірілмей»)
compares as a bound (issue 12, item 3 / «не позднее 20-го»): an act with an earlier day keeps within
it, a warning that it differs; a later day breaks it, an error (MODEL_EDITIONS.md §3: the quarterly,
360, final and KPI-notice deadlines are all "no later than")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docgen.check import check_path, load_profile
from docgen.check.generate import generate_clean

AS_OF = dt.date(2025, 10, 1)


def _check(tmp_path: Path, old: str, new: str) -> list[tuple[str, str, str, str, str]]:
    text, _ = generate_clean(load_profile("E4"), "ru")
    assert old in text
    path = tmp_path / "act.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    r = check_path(str(path), as_of=AS_OF)
    return [(f.severity, f.code, f.point, f.actual, f.message) for f in r.findings if f.point != "header"]


@pytest.mark.parametrize(
    ("old", "new", "actual"),
    [
        ("не позднее двадцатого числа", "не позднее десятого числа", "10-го числа следующего месяца"),
        ("не позднее 30 января", "не позднее 20 января", "20 января"),
    ],
)
def test_an_earlier_day_is_a_warning_not_an_error(tmp_path: Path, old: str, new: str, actual: str) -> None:
    found = _check(tmp_path, old, new)
    assert [(s, c, p, a) for s, c, p, a, _ in found] == [
        ("warning", "model_deviation.earlier_deadline", "4", actual)
    ]
    assert "не противоречит Типовой методике" in found[0][4]


@pytest.mark.parametrize(
    ("old", "new", "actual"),
    [
        ("не позднее двадцатого числа", "не позднее двадцать пятого числа", "25-го числа следующего месяца"),
        ("не позднее 30 января", "не позднее 15 февраля", "15 февраля"),
    ],
)
def test_a_later_day_breaks_the_bound(tmp_path: Path, old: str, new: str, actual: str) -> None:
    found = _check(tmp_path, old, new)
    assert [(s, c, p, a) for s, c, p, a, _ in found] == [
        ("error", "model_deviation.later_deadline", "4", actual)
    ]
    assert "позже предельного срока" in found[0][4]


def test_the_same_bound_is_no_finding(tmp_path: Path) -> None:
    assert _check(tmp_path, "не позднее двадцатого числа", "не позднее двадцатого числа") == []
