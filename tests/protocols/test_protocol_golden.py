"""Golden files for the protocol and 360-report templates: canonicalised word/document.xml (and the chart).

Refreshed only with DOCGEN_UPDATE_GOLDEN=1. The inputs are the fixed sample session/meeting and a
fixed set of 360 answers, so any change in the rendered XML is a change of the form that a person
should look at.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from docgen.catalogue import read_catalogue_json
from docgen.catalogue_model import Catalogue
from docgen.protocols import render_calibration, render_commission
from docgen.report360 import make_reports, write_answers_template

TESTS = Path(__file__).resolve().parents[1]
GOLDEN = TESTS / "data" / "golden"
DATA = Path(__file__).resolve().parent / "data"


def _c14n(xml: bytes) -> bytes:
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    out: bytes = etree.tostring(etree.fromstring(xml, parser), method="c14n")
    return out


def _compare(name: str, xml: bytes) -> None:
    path = GOLDEN / name
    got = _c14n(xml)
    if os.environ.get("DOCGEN_UPDATE_GOLDEN") == "1" or not path.exists():
        if os.environ.get("DOCGEN_UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {path.name} missing; run with DOCGEN_UPDATE_GOLDEN=1")
        path.write_bytes(got)
    assert got == path.read_bytes(), f"{name} differs from its golden file"


def _cat(name: str) -> Catalogue:
    return read_catalogue_json(TESTS / "data" / "catalogues_b" / name)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_calibration_protocol_golden(lang: str, tmp_path: Path) -> None:
    out = tmp_path / "p.docx"
    render_calibration(DATA / "session_ru.yaml", _cat("cat_004_2025_ru.json"), out, lang=lang, force=True)
    _compare(f"calibration_protocol.{lang}.xml", zipfile.ZipFile(out).read("word/document.xml"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_commission_protocol_golden(lang: str, tmp_path: Path) -> None:
    out = tmp_path / "p.docx"
    render_commission(
        DATA / "meeting_kk.yaml", _cat("cat_001_2017_commission_kk.json"), out, lang=lang, force=True
    )
    _compare(f"commission_protocol.{lang}.xml", zipfile.ZipFile(out).read("word/document.xml"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_result360_golden(lang: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    cat = _cat("cat_000_2018_kpi360_kk.json")
    answers = tmp_path / "answers.xlsx"
    write_answers_template(cat, answers, force=True)
    wb = load_workbook(answers)
    for sheet, pid in (("leaders", "L1"), ("staff", "S1")):
        ws = wb[sheet]
        n = ws.max_column - 4
        for k, role in enumerate(["self", "direct_superior", "peer", "peer"]):
            ws.append([pid, f"Person {pid}", "position", role, *[(k + j) % 5 + 1 for j in range(n)]])
    wb.save(answers)
    paths = make_reports(answers, cat, tmp_path / "out", lang=lang, period="2025", force=True)
    for p in paths:
        z = zipfile.ZipFile(p)
        _compare(f"{p.stem}.{lang}.document.xml", z.read("word/document.xml"))
        _compare(f"{p.stem}.{lang}.chart1.xml", z.read("word/charts/chart1.xml"))
