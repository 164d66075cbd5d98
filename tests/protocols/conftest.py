"""Shared fixtures for protocol tests: seed catalogues, sample inputs, LibreOffice conversion."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from docgen.catalogue import read_catalogue_json
from docgen.catalogue_model import Catalogue

TESTS = Path(__file__).resolve().parents[1]
CATS = TESTS / "data" / "catalogues_b"
HERE = Path(__file__).resolve().parent / "data"


def load_json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CATS / name).read_text(encoding="utf-8"))
    return data


def load_cat(name: str) -> Catalogue:
    return read_catalogue_json(CATS / name)


@pytest.fixture
def cat2017() -> Catalogue:
    return load_cat("cat_001_2017_commission_kk.json")


@pytest.fixture
def cat2025() -> Catalogue:
    return load_cat("cat_004_2025_ru.json")


@pytest.fixture
def cat2018() -> Catalogue:
    return load_cat("cat_000_2018_kpi360_kk.json")


@pytest.fixture
def session() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((HERE / "session_ru.yaml").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def meeting() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((HERE / "meeting_kk.yaml").read_text(encoding="utf-8"))
    return data


def to_pdf_text(docs: list[Path], workdir: Path) -> dict[Path, str]:
    """Convert DOCX files with the product's LibreOffice path and read the PDFs back with pdftotext."""
    from docgen.render.pdf import convert_to_pdf, find_soffice

    if not find_soffice() or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice / pdftotext not installed")
    pdfs = convert_to_pdf(docs, workdir, timeout=240)
    return {
        d: subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        for d, pdf in zip(docs, pdfs, strict=True)
    }
