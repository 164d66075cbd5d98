"""A point reference followed by the name of another act («пунктом 9 Правил …») belongs to that act,
not to the methodology: the ``external_after`` / ``external_before`` patterns are matched against the
lower-cased text around the reference, so they must be written in lower case (they were not, and
never matched)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from docgen.check import check_path, load_profile
from docgen.check.data import pattern
from docgen.check.generate import generate_clean


@pytest.mark.parametrize("kind", ["external_after", "external_before", "appendix_external_before"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_patterns_are_written_for_lower_cased_text(kind: str, lang: str) -> None:
    for p in pattern(kind, lang):
        assert re.sub(r"\\[A-Za-z]", "", p) == re.sub(r"\\[A-Za-z]", "", p).lower(), p


def _reference_in_point_5(tmp_path: Path, words: str) -> list[str]:
    text, _ = generate_clean(load_profile("E4"), "ru")
    i = text.find("\n6. ")
    path = tmp_path / "act.txt"
    path.write_text(text[:i] + words + text[i:], encoding="utf-8")
    r = check_path(str(path), as_of=dt.date(2025, 10, 1))
    return [f.code for f in r.findings if f.code.startswith("broken_cross_reference")]


def test_a_point_of_other_rules_is_not_a_broken_reference(tmp_path: Path) -> None:
    words = " Оценка уволенных проводится в сроки, установленные пунктом 9 Правил проведения оценки."
    assert _reference_in_point_5(tmp_path, words) == []


def test_the_same_point_of_this_methodology_still_is(tmp_path: Path) -> None:
    words = " Оценка уволенных проводится в сроки, установленные пунктом 9."
    assert _reference_in_point_5(tmp_path, words) == ["broken_cross_reference.wrong_target"]
