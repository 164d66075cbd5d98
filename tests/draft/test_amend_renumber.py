"""``docgen amend --new-edition`` on acts that already hold an inserted point N-1 (seed-derived: seed 002
with a point 12-1 after point 12, seed 004 with a point 11-1 after point 11, each referred to by a later
point and referring to others, one reference naming a sub-point). Renumbering re-points every internal
reference, to and from the N-1 point; a sub-point's own number («1) тармақшасы» / «подпунктом 1)») is
not a point and stays. The expected wordings were written by reading the derived acts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.catalogue import catalogue_for_document
from docgen.draft.amend import amend, amendment_text, document_from_text

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {p.name[:3]: p for p in sorted((ROOT / "legal_corpus" / "acts").glob("*/*.txt"))}


def _kk() -> str:
    text = SEEDS["002"].read_text(encoding="utf-8")
    i = text.index("\n13. ")
    new_point = (
        "\n12-1. Калибрлеу сессиясы осы Әдістеменің 12-тармағында көзделген өтініш бойынша 4-тармақта "
        "белгіленген мерзімдерде өткізіледі. Нәтиже осы Әдістеменің 7-тармағының 1) тармақшасына сәйкес "
        "қойылады.\n"
    )
    text = text[:i] + new_point + text[i:]
    old = "он жұмыс күн ішінде осы Әдістеменің 12-тармағында"
    assert text.count(old) == 1
    return text.replace(old, "он жұмыс күн ішінде осы Әдістеменің 12-1-тармағында")


def _ru() -> str:
    text = SEEDS["004"].read_text(encoding="utf-8")
    m = re.search(r"\n([\s\xa0]*)12\. ", text)
    assert m
    new_point = (
        f"\n{m.group(1)}11-1. Калибровочная сессия проводится в сроки, установленные пунктом 5 настоящей "
        "Методики, в порядке, предусмотренном в пункте 11 настоящей Методики, с учетом подпункта 1) "
        "пункта 7 настоящей Методики.\n"
    )
    text = text[: m.start()] + new_point + text[m.start() :]
    old = "обращения служащего в порядке, предусмотренном в пункте 11 настоящей"
    assert text.count(old) == 1
    return text.replace(old, "обращения служащего в порядке, предусмотренном пунктом 11-1 настоящей")


# derived act -> (the N-1 point, the references it should have, read from the text: (from, to))
CASES = {
    "kk": (_kk, "12-1", {("12-1", "12"), ("12-1", "4"), ("12-1", "7"), ("39", "12-1")}),
    "ru": (_ru, "11-1", {("11-1", "5"), ("11-1", "11"), ("11-1", "7"), ("20", "11-1")}),
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_references_to_and_from_an_n1_point_are_read(lang: str) -> None:
    make, n1, refs = CASES[lang]
    doc = document_from_text(make(), "derived.txt")
    cat = catalogue_for_document(doc)
    assert n1 in [p.number for p in doc.points]
    got = {(r.from_point, r.to_point) for r in cat.cross_references if r.to_point}
    assert refs <= got
    # a sub-point's number is never read as a point («1) тармақшасы», «подпункта 1)»)
    assert (n1, "1") not in got


@pytest.mark.parametrize("lang", sorted(CASES))
def test_new_edition_repoints_references_to_and_from_n1(lang: str) -> None:
    make, n1, refs = CASES[lang]
    old = document_from_text(make(), "derived.txt")
    cat = catalogue_for_document(old)
    am = amend(old, cat, [], ["3"], "derived.txt", new_edition=True)
    assert not am.warnings
    kept = [p.number for p in old.points if not p.deleted and p.number != "3"]
    assert am.renumbered == {o: str(i) for i, o in enumerate(kept, 1)}
    new = document_from_text(am.new_text, "edition.txt")
    new_cat = catalogue_for_document(new)
    assert [p.number for p in new.points] == [str(i) for i in range(1, len(kept) + 1)]
    want = {(am.renumbered[a], am.renumbered[b]) for a, b in refs}
    got = {(r.from_point, r.to_point) for r in new_cat.cross_references if r.to_point}
    assert want <= got
    assert "жаңа редакцияда" in amendment_text(am) or "новой редакции" in amendment_text(am)


def test_new_edition_wording_kk() -> None:
    old = document_from_text(_kk(), "derived.txt")
    am = amend(old, catalogue_for_document(old), [], ["3"], "derived.txt", new_edition=True)
    # 12-1 becomes 12; 12 -> 11, 4 -> 3, 7 -> 6 (its sub-point 1 stays 1)
    assert (
        "12. Калибрлеу сессиясы осы Әдістеменің 11-тармағында көзделген өтініш бойынша 3-тармақта "
        "белгіленген мерзімдерде өткізіледі. Нәтиже осы Әдістеменің 6-тармағының 1) тармақшасына сәйкес "
        "қойылады." in am.new_text
    )
    assert "он жұмыс күн ішінде осы Әдістеменің 12-тармағында" in am.new_text
    assert "12-1" not in am.new_text


def test_new_edition_wording_ru() -> None:
    old = document_from_text(_ru(), "derived.txt")
    am = amend(old, catalogue_for_document(old), [], ["3"], "derived.txt", new_edition=True)
    assert (
        "11. Калибровочная сессия проводится в сроки, установленные пунктом 4 настоящей Методики, в порядке, "
        "предусмотренном в пункте 10 настоящей Методики, с учетом подпункта 1) пункта 6 настоящей Методики."
        in am.new_text
    )
    assert "обращения служащего в порядке, предусмотренном пунктом 11 настоящей" in am.new_text
    assert "11-1" not in am.new_text
