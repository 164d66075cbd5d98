"""Fixtures for 360 report tests: the seed-000 catalogue and answers workbooks built on the fly."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docgen.catalogue import read_catalogue_json
from docgen.catalogue_model import Catalogue

CATS = Path(__file__).resolve().parents[1] / "data" / "catalogues_b"


@pytest.fixture
def cat2018() -> Catalogue:
    return read_catalogue_json(CATS / "cat_000_2018_kpi360_kk.json")


Rows = dict[str, list[list[Any]]]


@pytest.fixture
def make_answers(tmp_path: Path, cat2018: Catalogue) -> Callable[[Rows], Path]:
    """Write the template workbook, then append the given rows to its sheets."""
    from openpyxl import load_workbook

    from docgen.report360 import write_answers_template

    def make(rows: Rows, name: str = "answers.xlsx") -> Path:
        path = tmp_path / name
        write_answers_template(cat2018, path, force=True)
        wb = load_workbook(path)
        for sheet, lines in rows.items():
            for line in lines:
                wb[sheet].append(line)
        wb.save(path)
        return path

    return make


def person(
    pid: str, name: str, n: int, scores: list[list[int]], roles: list[str] | None = None
) -> list[list[Any]]:
    roles = roles or ["self"] + ["peer"] * (len(scores) - 1)
    return [[pid, name, "бөлім басшысы", role, *s] for role, s in zip(roles, scores, strict=True)]


def to_pdf(docs: list[Path], workdir: Path) -> list[Path]:
    """Convert DOCX files to PDF with the product's LibreOffice path (skip when it is not installed)."""
    from docgen.render.pdf import convert_to_pdf, find_soffice

    if not find_soffice() or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice / pdftotext not installed")
    return convert_to_pdf(docs, workdir, timeout=240)
