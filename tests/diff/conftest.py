"""Fixtures for the diff tests: the five seeds parsed once, expected catalogues, edited variants."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from docgen.catalogue import parse_document
from docgen.model import Document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {p.name[:3]: p for p in sorted((ROOT / "legal_corpus" / "acts").glob("*/*.txt"))}
EXPECTED = ROOT / "tests" / "data" / "expected"


@pytest.fixture(scope="session")
def docs() -> dict[str, Document]:
    return {k: parse_document(p) for k, p in SEEDS.items()}


@pytest.fixture(scope="session")
def expected() -> dict[str, dict]:
    return {p.name[:3]: json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXPECTED.glob("*.json"))}


def seed_text(key: str) -> str:
    return SEEDS[key].read_text(encoding="utf-8")


def write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return p


_POINT = re.compile(r"^([^\S\n]+)(\d+)\. ", re.M)


def renumbered_004(text: str) -> str:
    """004 with a new point 5 inserted and the following points renumbered (+1)."""
    start = text.index("Глава 1.")
    body = text[start:]

    def bump(m: re.Match[str]) -> str:
        n = int(m.group(2))
        return f"{m.group(1)}{n + 1 if n >= 5 else n}. "

    body = _POINT.sub(bump, body)
    m = re.search(r"^([^\S\n]+)6\. Оценка не проводится", body, re.M)
    assert m
    anchor = m.start()
    new_point = (
        m.group(1)
        + "5. Оценка проводится также по итогам полугодия в порядке, определенном службой управления персоналом.\n\n"
    )
    return text[:start] + body[:anchor] + new_point + body[anchor:]


def moved_004(text: str) -> str:
    """004 with point 13 moved (number kept) to the end of chapter 3, after point 22."""
    m = re.search(r"^[^\S\n]+13\. .*?\n\n", text, re.S | re.M)
    assert m
    block = m.group(0)
    text = text[: m.start()] + text[m.end() :]
    m24 = re.search(r"^[^\S\n]+24\. ", text, re.M)
    assert m24
    anchor = m24.start()
    return text[:anchor] + block + text[anchor:]
