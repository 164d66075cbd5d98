"""Stage 3 on the five seed texts: expected lists written by reading the texts (tests/data/structure)."""

from __future__ import annotations

from pathlib import Path

import pytest
from structure_check import ROOT, SEED_EXPECTED, check_document, load, parse_file

from docgen.model import Document

SEEDS = sorted(p.stem for p in SEED_EXPECTED.glob("*.json"))
_CACHE: dict[str, Document] = {}


def _doc(seed: str) -> Document:
    if seed not in _CACHE:
        exp = load(SEED_EXPECTED / f"{seed}.json")
        _CACHE[seed] = parse_file(ROOT / exp["path"])
    return _CACHE[seed]


def test_five_seeds_present() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_structure(seed: str) -> None:
    check_document(_doc(seed), load(SEED_EXPECTED / f"{seed}.json"))


def test_tables_are_not_points() -> None:
    # 003 and 004 number the rows of their appendix tables "1. ..."; they are not methodology points
    doc = _doc("004_cb6464f9152e2bf0")
    last = doc.points[-1]
    assert last.number == "24" and all(p.end <= doc.appendices[0].start for p in doc.points)
    assert doc.appendices[0].tables[0].rows[1][0].startswith("1. Обеспечение качественного")


def test_truncated_last_appendix_of_001() -> None:
    doc = _doc("001_5c60304e067c4e63")
    issue = [i for i in doc.numbering_issues if i["kind"] == "truncated_appendix"][0]
    assert issue["after"] == "4"
    assert doc.nodes[-1].ref == "truncated_caption"
    assert doc.appendices[-1].tables  # the last complete appendix still has its (garbled) table


def test_edit_notes_are_their_own_nodes_in_002() -> None:
    doc = _doc("002_41e2e9a45393dd30")
    notes = [n for n in doc.nodes if n.kind == "edit_note"]
    assert [n.ref for n in notes] == ["point:2", "point:10", "chapter:6"]
    p10 = doc.point("10")
    assert p10 is not None and "Ескерту" not in doc.text[p10.start : p10.end]
    assert doc.nodes[-1].ref == "footer"


def test_html_rows_of_003_are_cleaned() -> None:
    doc = _doc("003_2e27b257be2a4c2f")
    rows = doc.appendices[0].tables[0].rows
    assert not any("<" in c for r in rows for c in r)
    assert any(c.startswith("3. Көшбасшылық") for r in rows for c in r)


def test_cell_per_line_rows_of_001() -> None:
    doc = _doc("001_5c60304e067c4e63")
    rows = doc.appendices[2].tables[0].rows  # appendix 3: competency sheet
    assert rows[0][0] == "№ р/с" and rows[1] == ("1", "Қызметті басқару", "", "")
    assert len(rows) == 10


def test_paths_exist() -> None:
    for seed in SEEDS:
        assert (ROOT / load(SEED_EXPECTED / f"{seed}.json")["path"]).is_file()
        assert isinstance(Path(seed).name, str)
