"""Working-day arithmetic for deadlines (Kazakhstan): weekends, public holidays and transferred days off.

Consumes the ``holidays`` package (``holidays.KZ``: public holidays, observed days and the days off
transferred by the Government for the years it knows) and ``docgen/data/kz_transfers.yaml``: a reviewed
list of transfers (перенос выходных дней) for years the package lacks, each with its source. Produces
dates: ``add_working_days(start, n)`` is the n-th working day after ``start`` ("within n working days of").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import holidays
import yaml

from .errors import DataError

_SUBST = re.compile(r"substituted from (\d{2})/(\d{2})/(\d{4})")


@dataclass(frozen=True)
class Transfer:
    """A weekday made a day off (``day_off``) in exchange for a weekend day made a working day."""

    day_off: dt.date
    working_day: dt.date | None
    source: str
    reviewed: bool


def _as_date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataError(f"not a date (YYYY-MM-DD): {value!r}", where=where) from exc


def load_transfers(path: str | Path | None = None) -> tuple[Transfer, ...]:
    """Read and validate the transfers file (the packaged one by default)."""
    if path is None:
        text = resources.files("docgen.data").joinpath("kz_transfers.yaml").read_text(encoding="utf-8")
        label = "docgen/data/kz_transfers.yaml"
    else:
        text = Path(path).read_text(encoding="utf-8")
        label = str(path)
    data = yaml.safe_load(text) or {}
    out: list[Transfer] = []
    for i, e in enumerate(data.get("transfers") or [], 1):
        where = f"transfers[{i}]"
        if not isinstance(e, dict) or "day_off" not in e or "source" not in e or "reviewed" not in e:
            raise DataError("each transfer needs day_off, source and reviewed", path=label, where=where)
        if not str(e["source"]).strip():
            raise DataError("empty source", path=label, where=where)
        wd = e.get("working_day")
        out.append(
            Transfer(
                _as_date(e["day_off"], where),
                None if wd is None else _as_date(wd, where),
                str(e["source"]),
                bool(e["reviewed"]),
            )
        )
    return tuple(out)


class WorkCalendar:
    """Five-day week calendar of Kazakhstan."""

    def __init__(
        self, transfers: tuple[Transfer, ...] = (), *, first_year: int = 2015, last_year: int = 2035
    ):
        kz = holidays.country_holidays("KZ", years=range(first_year, last_year + 1), language="en_US")
        self._off: set[dt.date] = set(kz.keys())
        self._working_weekend: set[dt.date] = set(getattr(kz, "weekend_workdays", ()) or ())
        for name in kz.values():
            for m in _SUBST.finditer(name):
                self._working_weekend.add(dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2))))
        for t in transfers:
            self._off.add(t.day_off)
            if t.working_day is not None:
                self._working_weekend.add(t.working_day)
        self.transfers = transfers

    def is_working_day(self, d: dt.date) -> bool:
        if d in self._working_weekend:
            return True
        return d.weekday() < 5 and d not in self._off

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``start`` (``start`` itself is not counted); n >= 1."""
        if n < 1:
            raise DataError(f"a number of working days must be at least 1, got {n}", where="deadline")
        d = start
        left = n
        while left:
            d += dt.timedelta(days=1)
            if self.is_working_day(d):
                left -= 1
        return d

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in ``(start, end]`` (0 when end <= start)."""
        n, d = 0, start
        while d < end:
            d += dt.timedelta(days=1)
            n += self.is_working_day(d)
        return n


@lru_cache(maxsize=1)
def default_calendar() -> WorkCalendar:
    return WorkCalendar(load_transfers())


def add_working_days(start: dt.date, n: int) -> dt.date:
    return default_calendar().add_working_days(start, n)


def is_working_day(d: dt.date) -> bool:
    return default_calendar().is_working_day(d)
