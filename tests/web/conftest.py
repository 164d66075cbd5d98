"""Shared pieces of the web tests: the app's test client and the embedded corpus files."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    # starlette asks for its httpx fork ("httpx2"); the released httpx drives the test client fine
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
ACTS = ROOT / "legal_corpus" / "acts"
WKO = ACTS / "wko-akimat-53" / "004_cb6464f9152e2bf0.txt"  # ru, quarterly sheets
PAVLODAR = ACTS / "pavlodar-city-akimat-402-11" / "003_2e27b257be2a4c2f.txt"  # kk
SHEETS_RU = ROOT / "legal_corpus" / "samples" / "sheets_2026Q1_ru.csv"


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    from docgen.web.app import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as c:
        # a first page sets the CSRF cookie, so a test reading it does not depend on another test of its
        # module having opened a page before it (`make test` spreads a module's tests over two processes)
        c.get("/")
        assert "csrf" in c.cookies
        yield c
