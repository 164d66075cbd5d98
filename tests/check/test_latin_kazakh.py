"""`check` on Kazakh in a Latin alphabet (issue 12, item 4): the text is read in Cyrillic, the report
says so once, and every quote is the act's own Latin letters.

Texts: ``tests/data/check/truth/latin_kk_2018_energy_excerpt.txt`` (seed 000's title, date and
chapter 1 written in the 2018 alphabet) and ``latin_kk_2017_energy_excerpt.txt`` (points 1-5 in the
2017 apostrophe alphabet). Expected findings are seed 000's own, as read in
``tests/data/check/reading/000_36ee918ac2e9a370.yaml`` for points 1-16.
"""

from __future__ import annotations

import datetime as dt

from docgen.check import check_path

from .conftest import DATA

LATIN_2018 = DATA / "truth" / "latin_kk_2018_energy_excerpt.txt"
LATIN_2017 = DATA / "truth" / "latin_kk_2017_energy_excerpt.txt"


def test_latin_text_is_checked_in_kazakh_with_quotes_from_the_text_as_printed() -> None:
    raw = LATIN_2018.read_text(encoding="utf-8")
    r = check_path(str(LATIN_2018), as_of=dt.date(2026, 6, 1))
    assert (r.language, r.edition, r.facts["adopted"]) == ("kk", "E1", "2023-03-31")
    note = [f for f in r.findings if f.code == "check.transliterated"]
    assert len(note) == 1 and note[0].severity == "info"
    assert "латын әліпбиімен" in note[0].message and "2018" in note[0].message
    for f in r.findings:
        assert f.quote in raw, (f.code, f.quote)  # quotes are the printed Latin words
    tenure = next(f for f in r.findings if f.code == "model_deviation.parameter" and f.point == "5")
    assert (tenure.severity, tenure.actual) == ("warning", "3 ай")
    assert "úsh aıdan" in tenure.quote
    inherited = {f.point for f in r.findings if f.code == "broken_cross_reference.inherited"}
    assert inherited == {"5", "6"}
    assert all(f.expected == "4" for f in r.findings if f.code == "broken_cross_reference.inherited")


def test_apostrophe_alphabet_is_read_as_well() -> None:
    r = check_path(str(LATIN_2017), as_of=dt.date(2026, 6, 1))
    assert r.language == "kk" and r.facts["adopted"] == "2023-03-31"
    note = next(f for f in r.findings if f.code == "check.transliterated")
    assert "2017" in note.message
    tenure = next(f for f in r.findings if f.code == "model_deviation.parameter" and f.point == "5")
    assert tenure.actual == "3 ай" and "u's' ai'dan" in tenure.quote


def test_cyrillic_seeds_get_no_transliteration_note() -> None:
    r = check_path(str(next(DATA.parent.parent.parent.glob("legal_corpus/acts/*/003_*.txt"))))
    assert not any(f.code == "check.transliterated" for f in r.findings)
