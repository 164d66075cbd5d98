"""docgen amend: the next edition of each seed, numbering kept. The expected wordings below were
written by reading the acts (the phrase the act prints, and what Kazakh/Russian grammar makes of the
new number in the same case), never copied from program output."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from docgen.catalogue import catalogue_for_document, parse_document
from docgen.diff.redline import accept_all, build_redline, reject_all
from docgen.diff.rules import diff_parameters
from docgen.diff.text import diff_text, paragraphs
from docgen.draft.amend import amend, amendment_text, document_from_text
from docgen.draft.comparison import comparison_rows, render_comparison
from docgen.errors import InputError
from docgen.model import Document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {p.name[:3]: p for p in sorted((ROOT / "legal_corpus" / "acts").glob("*/*.txt"))}

# seed -> (sets, deletes, {point: (old phrase, new phrase)}, {key: (new value, point)})
CASES = {
    "000": (
        [("records_retention", "5")],
        ["9"],
        {"14": ("үш жыл", "бес жыл")},
        {"records_retention": (5, "14")},
    ),
    "001": (
        [("appeal_window", "15"), ("kpi_setting_deadline", "15")],
        [],
        {
            "42": ("күннен бастап он жұмыс күні", "күннен бастап он бес жұмыс күні"),
            "9": ("10 жұмыс", "15 жұмыс"),
        },
        {"appeal_window": (15, "42"), "kpi_setting_deadline": (15, "9")},
    ),
    "002": (
        [("min_tenure", "2"), ("quarterly_deadline_day", "20")],
        ["23"],
        {
            "5": ("мерзімі бір айдан кем", "мерзімі екі айдан кем"),
            "4": ("тоқсаннан кейінгі айдың оныншы", "тоқсаннан кейінгі айдың жиырмасыншы"),
        },
        {"min_tenure": (2, "5"), "quarterly_deadline_day": (20, "4")},
    ),
    "003": (
        [("additional_evaluators_threshold", "30")],
        [],
        {"17": ("жиырма адамнан асқан", "отыз адамнан асқан")},
        {"additional_evaluators_threshold": (30, "17")},
    ),
    "004": (
        [("min_tenure", "2"), ("quarterly_deadline_day", "25")],
        ["14"],
        {
            "5": ("менее одного месяца", "менее двух месяцев"),
            "4": ("позднее двадцатого числа", "позднее двадцать пятого числа"),
        },
        {"min_tenure": (2, "5"), "quarterly_deadline_day": (25, "4")},
    ),
}


@pytest.fixture(scope="module")
def parsed() -> dict[str, tuple[Document, object]]:
    out = {}
    for k in CASES:
        doc = parse_document(SEEDS[k])
        out[k] = (doc, catalogue_for_document(doc))
    return out


@pytest.fixture(scope="module")
def amended(parsed):  # type: ignore[no-untyped-def]
    out = {}
    for k, (sets, deletes, _w, _v) in CASES.items():
        doc, cat = parsed[k]
        am = amend(doc, cat, sets, deletes, str(SEEDS[k]))
        new = document_from_text(am.new_text, "edition.txt")
        out[k] = (am, new, catalogue_for_document(new))
    return out


def _point_text(doc: Document, n: str) -> str:
    p = doc.point(n)
    assert p is not None, n
    return doc.text[p.start : p.end]


@pytest.mark.parametrize("seed", sorted(CASES))
def test_values_written_in_the_acts_style(seed, parsed, amended) -> None:  # type: ignore[no-untyped-def]
    _sets, _deletes, wordings, _values = CASES[seed]
    old, _ = parsed[seed]
    _am, new, _ = amended[seed]
    for n, (before, after) in wordings.items():
        assert before in _point_text(old, n)
        assert after in _point_text(new, n), (n, after)
        assert before not in _point_text(new, n)


@pytest.mark.parametrize("seed", sorted(CASES))
def test_parse_gives_the_new_values_at_their_points(seed, amended) -> None:  # type: ignore[no-untyped-def]
    _am, _new, cat = amended[seed]
    for key, (value, point) in CASES[seed][3].items():
        p = cat.param(key)
        assert p is not None and p.value == value and p.source.point == point, (key, p)


@pytest.mark.parametrize("seed", sorted(CASES))
def test_diff_is_exactly_the_requested_changes(seed, parsed, amended) -> None:  # type: ignore[no-untyped-def]
    sets, deletes, wordings, values = CASES[seed]
    old, old_cat = parsed[seed]
    am, new, new_cat = amended[seed]
    changed = diff_parameters(old_cat.parameters, new_cat.parameters, old_cat.lang, new_cat.lang)
    # the values set change; a value stated only in an excluded point goes with it; nothing else
    gone = {p.key for p in old_cat if p.source.point in deletes}
    assert {c["key"] for c in changed if c["change"] == "changed"} == set(values)
    assert {c["key"] for c in changed if c["change"] == "removed"} == gone
    assert not [c for c in changed if c["change"] == "added"]
    td = diff_text(old, new)
    touched = [c for c in td.changes if c.change != "unchanged"]
    assert {c.old_ref or c.new_ref for c in touched} == {*wordings, *deletes}
    # a changed value modifies its point in place; an excluded point may read as its old text removed
    # and the excluded wording put under the same number
    for c in touched:
        assert c.old_ref in (c.new_ref, None) or c.new_ref is None
        if (c.old_ref or c.new_ref) in wordings:
            assert c.change == "modified"
    # numbering kept: the same points, the deleted ones marked as excluded
    assert [p.number for p in new.points] == [p.number for p in old.points]
    assert {p.number for p in new.points if p.deleted} == {p.number for p in old.points if p.deleted} | set(
        deletes
    )
    # the act's own wording is kept wherever nothing changes
    assert len(am.new_text) - len(am.old_text) == sum(
        len(_point_text(new, n)) - len(_point_text(old, n)) for n in [*wordings, *deletes]
    )


@pytest.mark.parametrize("seed", sorted(CASES))
def test_redline_round_trip(seed, parsed, amended) -> None:  # type: ignore[no-untyped-def]
    old, _ = parsed[seed]
    _am, new, _ = amended[seed]
    docx = build_redline(diff_text(old, new), date="2026-05-05T10:00:00Z", lang=old.language)
    assert accept_all(docx) == paragraphs(new.text)
    assert reject_all(docx) == paragraphs(old.text)


def test_amendment_wording(amended) -> None:  # type: ignore[no-untyped-def]
    kk = amendment_text(amended["002"][0])
    assert "5-тармақтағы «бір» деген сөз «екі» деген сөзбен ауыстырылсын;" in kk
    assert "23-тармақ алып тасталсын." in kk
    # point 4 states "оныншы" twice (quarterly and 360): the whole point gets a new wording
    assert "4-тармақ мынадай редакцияда жазылсын:" in kk
    ru = amendment_text(amended["004"][0])
    assert "в пункте 4 слово «двадцатого» заменить словами «двадцать пятого»;" in ru
    assert "пункт 14 исключить" in ru
    # two adjacent words change in point 5 (the number and the noun agreeing with it): one replacement
    assert "в пункте 5 слова «одного месяца» заменить словами «двух месяцев»;" in ru
    assert "в пункте 42 слово «он» заменить словами «он бес»" not in amendment_text(amended["001"][0])
    assert "42-тармақтағы «он» деген сөз «он бес» деген сөздермен ауыстырылсын" in amendment_text(
        amended["001"][0]
    )


def test_comparison_table(amended) -> None:  # type: ignore[no-untyped-def]
    am = amended["004"][0]
    rows = comparison_rows(am)
    assert [r[1] for r in rows] == ["пункт 4", "пункт 5", "пункт 14"]
    assert "Срок квартальной оценки" in rows[0][4] and "пункт 4 типовой методики" in rows[0][4]
    assert "исключается" in rows[2][4]
    docx = render_comparison(am)
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert "Сравнительная таблица" in xml and "Предлагаемая редакция" in xml
    # the changed words are bold: a run with <w:b/> carries "двадцать пятого"
    assert "<w:b/></w:rPr><w:t>двадцать пятого</w:t>" in xml.replace(' xml:space="preserve"', "")
    kk = comparison_rows(amended["002"][0])
    assert kk[0][1] == "4-тармақ" and "үлгілік әдістеменің" in kk[0][4]


@pytest.mark.parametrize(
    ("sets", "deletes", "words"),
    [
        ([("no_such_key", "3")], [], "no_such_key"),
        ([("min_tenure", "two")], [], "целое число"),
        ([("min_tenure", "-1")], [], "неотрицательное"),
        ([("quarterly_deadline_day", "40")], [], "от 1 до 31"),
        ([("calibration_min_members", "4")], [], "нечётное"),
        ([("appeal_route", "court")], [], "пункт 11 типовой методики допускает только"),
        ([("appeal_route", "почтой")], [], "ожидается одно из: «в порядке, установленном"),
        ([("calibration_odd_members", "нет")], [], "пункт 19 типовой методики допускает только: да"),
        ([("calibration_odd_members", "может быть")], [], "ожидается да или нет"),
        (
            [("annual_final_deadline", "15 февраля")],
            [],
            "пункт 4 типовой методики допускает только: 30 января",
        ),
        ([("annual_final_deadline", "31 февраля")], [], "ожидаются число и месяц"),
        ([("evaluation_system", "единая информационная система управления персоналом")], [], "«Е-қызмет»"),
        ([("min_tenure", "много")], [], "целое число"),
        ([], ["99"], "пункта 99 нет"),
        ([], [], "изменения не заданы"),
    ],
)
def test_bad_input_is_one_line(parsed, sets, deletes, words) -> None:  # type: ignore[no-untyped-def]
    doc, cat = parsed["004"]
    with pytest.raises(InputError) as err:
        amend(doc, cat, sets, deletes, "004.txt")
    text = str(err.value)
    assert words in text and "\n" not in text


# --new-edition: a point removed before the referenced ones (read in the acts: 002 refers to points
# 4 and 12, 000 to 4, 5 and 13, 003 to 5 and 11, 004 to 5 and 11)
NEW_EDITION = {"000": "3", "002": "3", "003": "2", "004": "3"}


def _content(doc: Document, n: str) -> str:
    """A point's wording without its number and with the numbers of its own references blanked."""
    import re

    body = re.sub(r"^\s*\d+[.)]\s*", "", _point_text(doc, n)).strip()
    return re.sub(r"\d+(?=-тарма[қғ])|(?<=пункт)(\w*\s+)\d+", lambda m: (m.group(1) or "") + "#", body)


@pytest.mark.parametrize("seed", sorted(NEW_EDITION))
def test_new_edition_renumbers_and_repoints(seed, parsed) -> None:  # type: ignore[no-untyped-def]
    old, old_cat = parsed[seed]
    gone = NEW_EDITION[seed]
    am = amend(old, old_cat, [], [gone], str(SEEDS[seed]), new_edition=True)
    new = document_from_text(am.new_text, "edition.txt")
    new_cat = catalogue_for_document(new)
    kept = [p.number for p in old.points if not p.deleted and p.number != gone]
    assert [p.number for p in new.points] == [str(i) for i in range(1, len(kept) + 1)]
    assert am.renumbered == {o: str(i) for i, o in enumerate(kept, 1)}
    assert not am.warnings
    # every reference points at the same provision as before, under its new number
    old_refs = sorted(
        (am.renumbered[r.from_point], am.renumbered[r.to_point])
        for r in old_cat.cross_references
        if r.to_point and r.from_point in am.renumbered
    )
    new_refs = sorted((r.from_point, r.to_point) for r in new_cat.cross_references if r.to_point)
    assert old_refs and new_refs == old_refs
    inverse = {v: k for k, v in am.renumbered.items()}
    for _src, dst in new_refs:
        assert _content(new, dst) == _content(old, inverse[dst])
    # the values are all still there, each at its provision's new number
    for p in old_cat:
        if p.source.point in am.renumbered and isinstance(p.value, int) and p.key in new_cat.parameters:
            assert new_cat.param(p.key).source.point == am.renumbered[p.source.point], p.key
    docx = build_redline(diff_text(old, new), date="2026-05-05T10:00:00Z", lang=old.language)
    assert accept_all(docx) == paragraphs(new.text)
    assert reject_all(docx) == paragraphs(old.text)
    wording = amendment_text(am)
    assert ("жаңа редакцияда жазылсын" if old.language == "kk" else "изложить в новой редакции") in wording


def test_new_edition_reports_references_to_a_removed_point(parsed) -> None:  # type: ignore[no-untyped-def]
    old, cat = parsed["002"]  # points 5, 6 and 22 refer to point 4 (the evaluation deadlines)
    am = amend(old, cat, [], ["4"], "002.txt", new_edition=True)
    assert len(am.warnings) == 4 and all("4-тармаққа" in w for w in am.warnings)
    assert {w.split("-", 1)[0] for w in am.warnings} == {"5", "6", "22"}
    assert "4-тармақта белгіленген" in am.new_text  # kept as printed, not silently re-pointed


def test_a_value_stated_twice_is_reported(parsed) -> None:  # type: ignore[no-untyped-def]
    old, cat = parsed["002"]  # the score scale 0..5 is printed in point 27 and again in point 31
    am = amend(old, cat, [("score_max", "10")], [], "002.txt")
    assert am.warnings == [
        "«Ең жоғары балл» (score_max) мәні сондай-ақ мұнда айтылған: 31-тармақ; amend оны өзгертпеді, тексеріңіз"
    ]
