"""360 answers workbook: template headers from the catalogue, reading, errors naming sheet/cell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from docgen.catalogue_model import Catalogue
from docgen.errors import DataError, InputError
from docgen.report360.answers import FIXED, header_key, read_answers

from .conftest import person


def test_template_headers(make_answers: Callable[..., Path], cat2018: Catalogue) -> None:
    wb = load_workbook(make_answers({}))
    assert wb.sheetnames == ["README", "leaders", "staff"]
    header = [c.value for c in wb["staff"][1]]
    assert tuple(header[:4]) == FIXED
    assert header[4:] == cat2018.value("method360_competencies_staff")
    assert len([c.value for c in wb["leaders"][1]]) == 4 + 12


def test_read_groups_by_person(make_answers: Callable[..., Path], cat2018: Catalogue) -> None:
    rows = person("S1", "Аты-жөні", 8, [[5] * 8, [3] * 8, [4] * 8, [2] * 8]) + person(
        "S2", "Екінші", 8, [[4] * 8] * 3, ["peer"] * 3
    )
    got = read_answers(make_answers({"staff": rows}), cat2018)
    assert [(p.person_id, len(p.responses), p.group) for p in got] == [("S1", 4, "staff"), ("S2", 3, "staff")]
    assert got[0].responses[0].role == "self" and got[0].rows == "staff!rows 2-5"


def test_headers_match_loosely(tmp_path: Path, cat2018: Catalogue, make_answers: Callable[..., Path]) -> None:
    assert header_key(" 1. «Тиімді  коммуникацияларды құру» ") == header_key("тиімді коммуникацияларды құру")
    path = make_answers({})
    wb = load_workbook(path)
    wb["staff"].cell(row=1, column=6).value = "Неизвестная компетенция"
    wb.save(path)
    with pytest.raises(DataError, match=r"staff!F1: неизвестный столбец"):
        read_answers(path, cat2018)


@pytest.mark.parametrize(
    ("bad_row", "msg"),
    [
        (["S1", "Аты", "", "boss", *[3] * 8], r"staff!row 2: «respondent_role»"),
        (
            ["S1", "Аты", "", "peer", 3, 3, 6, 3, 3, 3, 3, 3],
            r"staff!G2: ответ должен быть целым числом от 1 до 5",
        ),
        (["S1", "Аты", "", "peer", 3, 3, 2.5, 3, 3, 3, 3, 3], r"staff!G2"),
        (["S1", "Аты", "", "peer", 3, 3, "x", 3, 3, 3, 3, 3], r"staff!G2"),
        (["../x", "Аты", "", "peer", *[3] * 8], r"person_id"),
        (["S1", "Аты\x85", "", "peer", *[3] * 8], r"staff!row 2:person_name: управляющий символ U\+0085"),
    ],
)
def test_bad_rows(
    make_answers: Callable[..., Path], cat2018: Catalogue, bad_row: list[Any], msg: str
) -> None:
    with pytest.raises(DataError, match=msg):
        read_answers(make_answers({"staff": [bad_row]}), cat2018)


def test_name_mismatch(make_answers: Callable[..., Path], cat2018: Catalogue) -> None:
    rows = [["S1", "А", "", "peer", *[3] * 8], ["S1", "Б", "", "peer", *[3] * 8]]
    with pytest.raises(DataError, match="разные имена"):
        read_answers(make_answers({"staff": rows}), cat2018)


def test_not_a_workbook(tmp_path: Path, cat2018: Catalogue) -> None:
    f = tmp_path / "a.xlsx"
    f.write_bytes(b"not a zip")
    with pytest.raises(InputError, match=r"это не книга \.xlsx"):
        read_answers(f, cat2018)
