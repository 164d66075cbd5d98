"""docgen.workdays: working-day deadlines with Kazakhstan's holidays and transferred days off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.errors import DataError
from docgen.workdays import WorkCalendar, add_working_days, default_calendar, is_working_day, load_transfers

D = dt.date


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2026, 4, 13), 3, D(2026, 4, 16)),  # plain week
        (D(2026, 4, 13), 10, D(2026, 4, 27)),
        (D(2025, 12, 29), 3, D(2026, 1, 5)),  # New Year 1-2 January, weekend
        (D(2026, 3, 19), 3, D(2026, 3, 27)),  # Nauryz 21-23 March + observed 24-25 March
        (D(2026, 5, 6), 2, D(2026, 5, 12)),  # 7 May, 8 May, 9 May on Saturday -> 11 May off
        (D(2018, 12, 20), 10, D(2019, 1, 8)),  # Saturday 29.12.2018 worked, 31.12 off, 7 January off
    ],
)
def test_add_working_days(start: dt.date, n: int, expected: dt.date) -> None:
    assert add_working_days(start, n) == expected


def test_transferred_days() -> None:
    assert not is_working_day(D(2023, 7, 7))  # day off moved from Saturday 1 July 2023
    assert is_working_day(D(2023, 7, 1))
    assert not is_working_day(D(2025, 1, 3)) and is_working_day(D(2025, 1, 5))


def test_packaged_transfers_are_sourced() -> None:
    ts = load_transfers()
    assert ts, "the transfers file must not be empty"
    for t in ts:
        assert t.source.strip() and isinstance(t.reviewed, bool)
        assert t.day_off.weekday() < 5
        assert t.working_day is None or t.working_day.weekday() >= 5


def test_transfers_file_extends_the_calendar(tmp_path: Path) -> None:
    f = tmp_path / "t.yaml"
    f.write_text(
        "transfers:\n  - {day_off: 2031-06-06, working_day: 2031-06-14, source: 'decree X', reviewed: true}\n",
        encoding="utf-8",
    )
    cal = WorkCalendar(load_transfers(f))
    assert not cal.is_working_day(D(2031, 6, 6)) and cal.is_working_day(D(2031, 6, 14))
    assert default_calendar().is_working_day(D(2031, 6, 6))


def test_bad_transfers_file(tmp_path: Path) -> None:
    f = tmp_path / "t.yaml"
    f.write_text("transfers:\n  - {day_off: 2031-06-06}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"transfers\[1\]"):
        load_transfers(f)
    f.write_text("transfers:\n  - {day_off: 06.06.2031, source: x, reviewed: false}\n", encoding="utf-8")
    with pytest.raises(DataError, match="это не дата"):
        load_transfers(f)


def test_zero_days_rejected() -> None:
    with pytest.raises(DataError):
        add_working_days(D(2026, 1, 1), 0)


@given(st.dates(min_value=D(2016, 1, 1), max_value=D(2033, 12, 1)), st.integers(min_value=1, max_value=30))
def test_deadline_is_a_working_day_n_days_later(start: dt.date, n: int) -> None:
    cal = default_calendar()
    end = add_working_days(start, n)
    assert cal.is_working_day(end)
    assert cal.working_days_between(start, end) == n
    assert end > start
