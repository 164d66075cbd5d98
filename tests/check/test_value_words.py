"""A deviation's values are told in the act's language: the grades of a scale by their kk / ru names, not by
the catalogue's ids (the report once said «в акте effective 8–10; proper 6–7,99 …»)."""

from __future__ import annotations

import re
from pathlib import Path

from docgen.check import check_path
from docgen.check.modelcheck import _words

DATA = Path(__file__).resolve().parents[1] / "data"
LATIN = re.compile(r"[A-Za-z]{3,}")
GRADES = [
    {"id": "effective", "min": 4, "max": 5},
    {"id": "proper", "min": 3, "max": 3.99},
    {"id": "satisfactory", "min": 2, "max": 2.99},
    {"id": "unsatisfactory", "min": 0, "max": 1.99},
]


def test_grades_in_words() -> None:
    kk = _words("grades", GRADES, "points", "kk")
    ru = _words("grades", GRADES, "points", "ru")
    assert "тиімді" in kk and "қанағаттанарлықсыз" in kk and not LATIN.search(kk)
    assert "эффективно: от 4 до 5 баллов" in ru and not LATIN.search(ru)
    # near miss: a plain number keeps its unit, as before
    assert _words("min_tenure", 3, "months", "ru") == "3 месяца"


def test_the_grades_deviation_message_has_no_ids() -> None:
    """heldout/heldout_e4_ru_tables_docx_style p. 6 grades on a 10-point scale (8-10 «эффективно» …)."""
    result = check_path(str(DATA / "heldout" / "heldout_e4_ru_tables_docx_style.txt"))
    found = [f for f in result.findings if (f.details or {}).get("key") == "grades"]
    assert found
    for f in found:
        for text in (f.message, str(f.expected), str(f.actual)):
            assert not LATIN.search(text.replace("E4", "")), text
        assert "эффективно: от 8 до 10 баллов" in str(f.actual)
