"""A reading that made false findings on held-out set 9 (texts 03, 04, 07), on variants of its acts.

* The day by which the system or HR sends the sheet to the evaluator («не позднее пятого числа месяца,
  следующего за отчетным кварталом, направляет оценивающему лицу оценочный лист», «… бесінші күнінен
  кешіктірмей бағалаушы адамға бағалау парағын жібереді») is not the quarterly evaluation deadline: no
  contradiction with the tenth of the deadline point. An evaluation held by another day is one.

Expected values written by reading the variants."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docgen.check import Finding, check_path

SET9 = Path(__file__).resolve().parents[1] / "data" / "heldout_xref9"


def _check(tmp_path: Path, name: str, old: str, new: str) -> tuple[Finding, ...]:
    text = (SET9 / name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return tuple(check_path(str(path), as_of=dt.date(2026, 12, 7)).findings)


def _deadline_clash(found: tuple[Finding, ...], point: str) -> bool:
    return any(f.code == "inconsistent_value.parameter" and f.point == point for f in found)


@pytest.mark.parametrize(
    ("name", "point", "old", "new", "clash"),
    [
        (
            "03_ru_2018_kpi_diff_360_les.txt",
            "26",
            "не позднее пятого числа месяца, следующего за отчетным кварталом, направляет оценивающему лицу "
            "оценочный лист по КЦИ.",
            "направляет оценивающему лицу оценочный лист по КЦИ не позднее третьего числа месяца, следующего "
            "за отчетным кварталом.",
            False,
        ),
        (
            "03_ru_2018_kpi_diff_360_les.txt",
            "26",
            "26. Информационная система либо служба управления персоналом не позднее пятого числа месяца, "
            "следующего за отчетным кварталом, направляет оценивающему лицу оценочный лист по КЦИ.",
            "26. Оценка руководителей по КЦИ проводится не позднее пятого числа месяца, следующего за отчетным "
            "кварталом.",
            True,
        ),
        (
            "04_kk_2018_kpi_diff_360_satbaev.txt",
            "32",
            "32. Ақпараттық жүйе немесе персоналды басқару қызметі есепті тоқсаннан кейінгі айдың бесінші "
            "күнінен кешіктірмей бағалаушы адамға бағалау парағын жібереді.",
            "32. Бағалау парақтары бағалаушы адамдарға есепті тоқсаннан кейінгі айдың үшінші күнінен "
            "кешіктірілмей жолданады.",
            False,
        ),
        (
            "04_kk_2018_kpi_diff_360_satbaev.txt",
            "32",
            "32. Ақпараттық жүйе немесе персоналды басқару қызметі есепті тоқсаннан кейінгі айдың бесінші "
            "күнінен кешіктірмей бағалаушы адамға бағалау парағын жібереді.",
            "32. НМИ-ге қол жеткізу бойынша бағалау есепті тоқсаннан кейінгі айдың бесінші күнінен "
            "кешіктірілмей жүргізіледі.",
            True,
        ),
    ],
    ids=["ru-sheet-sent", "ru-evaluation-day", "kk-sheet-sent", "kk-evaluation-day"],
)
def test_the_day_a_sheet_is_sent_is_not_the_deadline(
    tmp_path: Path, name: str, point: str, old: str, new: str, clash: bool
) -> None:
    assert _deadline_clash(_check(tmp_path, name, old, new), point) is clash
