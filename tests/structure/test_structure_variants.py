"""Stage 3 on hand-written variant texts (other bodies, numbering, noise; kk and ru)."""

from __future__ import annotations

import pytest
from structure_check import VARIANTS, check_document, load, parse_file

CASES = sorted(p.stem for p in VARIANTS.glob("*.txt"))


def test_variants_present() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("case", CASES)
def test_variant_structure(case: str) -> None:
    check_document(parse_file(VARIANTS / f"{case}.txt"), load(VARIANTS / f"{case}.json"))
