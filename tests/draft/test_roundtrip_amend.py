"""Round trip of amendments on drafts of four invented bodies, kk and ru (issue 11 item 5): the
next edition of a drafted methodology changes exactly what was asked (rule diff and text diff), its
redline accepts to the new edition and rejects to the old one, check finds no error in it, and every
cross reference of the new edition resolves to the provision with the right content, with the
numbering kept, with a point inserted by --to E4, and in a new edition (points renumbered)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from docgen.catalogue import catalogue_for_document
from docgen.catalogue_model import Catalogue
from docgen.check import check_document
from docgen.commands.amend_model import plan_for
from docgen.diff.redline import accept_all, build_redline, reject_all
from docgen.diff.rules import diff_parameters
from docgen.diff.text import diff_text, paragraphs
from docgen.draft import draft, load_body
from docgen.draft.amend import Amendment, amend, document_from_text
from docgen.model import Document

DATA = Path(__file__).parent / "data"
BODIES = ["body_akimat", "body_maslikhat", "body_agency", "body_committee"]
CASES = [(b, lang) for b in BODIES for lang in ("kk", "ru")]
# what the provision a reference links to says (read in the model text, E4.kk.yaml / E4.ru.yaml)
CONTENT = {
    ("deadlines", "kk"): "тоқсаннан кейінгі айдың",
    ("deadlines", "ru"): "месяца, следующего за отчетным кварталом",
    ("calibration_application", "kk"): "калибрлеу сессиясын өткізу жөнінде",
    ("calibration_application", "ru"): "о проведении калибровочной сессии",
}


@cache
def _draft(body: str, lang: str) -> tuple[Document, Catalogue, dict[str, str]]:
    d = draft("E4", load_body(DATA / f"{body}.yaml"), lang)
    doc = document_from_text(d.text, f"{body}.{lang}.txt")
    links = {link["target_point"]: link["target_id"] for link in d.links}
    return doc, catalogue_for_document(doc), links


def _point(doc: Document, n: str) -> str:
    p = doc.point(n)
    assert p is not None, n
    return doc.text[p.start : p.end]


def _refs_resolve(new: Document, lang: str, target_of: dict[str, str]) -> None:
    """Every point reference of ``new`` names a point holding the content its link is for."""
    refs = [r for r in catalogue_for_document(new).cross_references if r.to_point]
    assert len(refs) == 3, refs  # the dismissed -> deadlines; two calibration points -> application
    for r in refs:
        assert r.to_point in target_of, (r.from_point, r.to_point)
        assert CONTENT[(target_of[r.to_point], lang)] in _point(new, r.to_point), r


def _new(am: Amendment) -> Document:
    return document_from_text(am.new_text, "edition.txt")


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_amended_draft_changes_exactly_what_was_asked(body: str, lang: str) -> None:
    old, cat, links = _draft(body, lang)
    members = cat.param("calibration_min_members")
    assert members is not None and members.source.point == "19"
    value = 5 if members.value != 5 else 7
    am = amend(old, cat, [("calibration_min_members", str(value))], ["14"], "draft.txt")
    new = _new(am)
    new_cat = catalogue_for_document(new)
    changed = diff_parameters(cat.parameters, new_cat.parameters, cat.lang, new_cat.lang)
    assert [(c["key"], c["change"]) for c in changed] == [("calibration_min_members", "changed")]
    assert new_cat.param("calibration_min_members").value == value
    touched = {c.old_ref or c.new_ref for c in diff_text(old, new).changes if c.change != "unchanged"}
    assert touched == {"14", "19"}
    docx = build_redline(diff_text(old, new), date="2026-06-01T10:00:00Z", lang=lang)
    assert accept_all(docx) == paragraphs(new.text)
    assert reject_all(docx) == paragraphs(old.text)
    _refs_resolve(new, lang, {n: t for n, t in links.items()})


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_amended_draft_has_no_check_error(body: str, lang: str) -> None:
    old, cat, _ = _draft(body, lang)
    value = 5 if cat.param("calibration_min_members").value != 5 else 7
    new = _new(amend(old, cat, [("calibration_min_members", str(value))], [], "draft.txt"))
    result = check_document(new, catalogue_for_document(new), "E4", as_of=dt.date(2026, 6, 1))
    assert [f.code for f in result.findings if f.severity == "error"] == []


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_to_e4_puts_back_the_models_wording(body: str, lang: str) -> None:
    old_full, _, links = _draft(body, lang)
    p14, p15 = old_full.point("14"), old_full.point("15")
    assert p14 is not None and p15 is not None
    text = old_full.text[: p14.start] + old_full.text[p15.start :]
    old = document_from_text(text, "draft.txt")
    cat = catalogue_for_document(old)
    plan = plan_for(old, cat, "E4", lang, "draft.txt")
    assert plan.notes == []  # a draft's references are right
    am = amend(
        old, cat, [], [], "draft.txt", inserts=plan.inserts, model_deletes=plan.model_deletes, edition="E4"
    )
    new = _new(am)
    # the inserted point says what the draft's point 14 said, under the number 13-1
    assert _point(new, "13-1").split(" ", 1)[1] == _point(old_full, "14").split(" ", 1)[1]
    assert {c.old_ref or c.new_ref for c in diff_text(old, new).changes if c.change != "unchanged"} == {
        "13-1"
    }
    result = check_document(new, catalogue_for_document(new), "E4", as_of=dt.date(2026, 6, 1))
    assert "disagreements" not in {f.details.get("provision") for f in result.findings}
    _refs_resolve(new, lang, links)


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_new_edition_of_a_draft_repoints_every_reference(body: str, lang: str) -> None:
    old, cat, links = _draft(body, lang)
    am = amend(old, cat, [], ["3"], "draft.txt", new_edition=True)
    new = _new(am)
    assert not am.warnings
    assert [p.number for p in new.points] == [str(i) for i in range(1, len(old.points))]
    _refs_resolve(new, lang, {am.renumbered[n]: t for n, t in links.items()})
    docx = build_redline(diff_text(old, new), date="2026-06-01T10:00:00Z", lang=lang)
    assert accept_all(docx) == paragraphs(new.text)
    assert reject_all(docx) == paragraphs(old.text)
