"""The README's term-base paragraph (in its accuracy section): every figure in it is measured here."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from docgen.terms import PATH, default_terms

from .appendix_units import measure
from .test_coverage import _doc  # the seeds parsed once for both tests

ROOT = Path(__file__).resolve().parents[2]


def _paragraph() -> str:
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    start = text.index("**Term base (kk ↔ ru).**")
    return text[start : text.index("## ", start)]


def test_readme_term_base_figures_are_measured() -> None:
    par = _paragraph()
    terms = yaml.safe_load(PATH.read_text(encoding="utf-8"))["terms"]
    aligned = [t for t in terms if t["evidence"] == "aligned"]
    written = [t for t in terms if t["evidence"] == "written"]
    assert f"holds {len(terms)} entries" in par
    assert f"{len(aligned)} are `aligned`" in par
    assert f"{len(written)} are `written`" in par and all(t["reviewed"] is False for t in written)
    m = re.search(
        r"\*\*000: (\d+) of (\d+), 001: (\d+) of (\d+), 003: (\d+) of (\d+), 004: (\d+) of (\d+)", par
    )
    assert m, "coverage figures not found"
    said = [int(x) for x in m.groups()]
    for i, seed in enumerate(("000", "001", "003", "004")):
        cov = measure(default_terms(), _doc(seed))
        assert [cov.covered, cov.counted] == said[2 * i : 2 * i + 2], seed
    assert "(100 %)" in par
