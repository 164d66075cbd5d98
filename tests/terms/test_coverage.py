"""Coverage of the seeds' appendices by the term base: every unit of standard vocabulary has an entry.

The units are defined in tests/terms/appendix_units.py (table cells, row names, heading and note lines,
signature captions; not numbers, blanks, dates, position codes or the body's own name). The appendices
are taken as the structure stage gives them (docgen.catalogue.parse_document). Goal and measured result:
100 % for 000, 001, 003 and 004; 002 has no appendices (it refers to the model's forms).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from docgen.catalogue import parse_document
from docgen.model import Document
from docgen.terms import default_terms

from .appendix_units import appendix_units, measure

ROOT = Path(__file__).resolve().parents[2]


@cache
def _doc(seed: str) -> Document:
    return parse_document(next(ROOT.glob(f"legal_corpus/acts/*/{seed}_*.txt")))


def _units(seed: str, number: int) -> list[str]:
    doc = _doc(seed)
    app = next(a for a in doc.appendices if a.number == number)
    return [u for group in appendix_units(doc, app) for u in group]


# seed -> (appendices, at least this many units counted): the floor keeps the test from passing on an
# empty cut; the seeds give 285 / 290 / 69 / 66 units today
SEEDS = {"000": (8, 250), "001": (4, 250), "003": (2, 60), "004": (2, 60)}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_unit_of_the_seed_appendices_has_an_entry(seed: str) -> None:
    doc = _doc(seed)
    apps, floor = SEEDS[seed]
    assert len(doc.appendices) == apps
    cov = measure(default_terms(), doc)
    assert cov.counted >= floor
    assert cov.missing == []
    assert cov.covered == cov.counted and cov.ratio == 1.0


def test_002_has_no_appendices() -> None:
    assert _doc("002").appendices == ()


def test_units_hold_what_the_acts_print() -> None:
    """The cut finds the texts a reader of the acts sees (and the coverage is over them)."""
    app5 = _units("000", 5)
    assert "Қызметті басқару" in app5 and "Жауаптар" in app5
    assert "Басымдық бере отырып, бөлімшенің жұмысын тиімді ұйымдастырады" in app5
    assert "кұзырет әрқашан көрінеді." in app5  # the answer options under the table, as printed
    app3 = _units("000", 3)
    assert not any(u[0].isdigit() and "және" not in u for u in app3)  # the score bands are numbers only
    assert "100 және одан жоғары" in app3
    app1 = _units("000", 1)
    assert "(тегі, бас әріптер)" in app1 and "күні" in app1 and "қолы" in app1
    assert "2 - тоқсан" in app1
    e0 = _units("001", 3)
    assert "Стресске орнықтылық" in e0 and "№ р/с" in e0
    indicators = _units("001", 4)
    assert "АДАЛДЫҚ" in indicators
    assert not any(u.replace(" ", "") in {"E-2", "Е-3", "Е-4", "E-3"} for u in indicators)
    assert len(indicators) > 180
    sheet = _units("003", 1)
    assert any("2,99 баллдан аспауы керек" in u for u in sheet)
    assert "Нысан" in sheet and "Қолы" in sheet
    assert not any("Павлодар" in u for u in sheet)  # the body's name is only in the caption
    ru = _units("004", 2)
    assert "Пояснение при заполнении" in ru and "Подпись" in ru and "Форма" in ru
    assert not any(u.startswith("©") for u in _units("003", 2))


def test_a_unit_without_entry_is_reported() -> None:
    """The measure is not vacuous: a term base without the 360 answers misses exactly those lines."""
    from docgen.terms import TermBase

    tb = default_terms()
    kept = [t for t in tb.terms if not t.id.startswith("e1.360.answer.")]
    cov = measure(TermBase(kept), _doc("000"))
    assert cov.counted - cov.covered == 10  # five options under the tables of apps 5 and 6
    assert "кұзырет сирек көрінеді;" in cov.missing and "құзырет сирек көрінеді;" in cov.missing
