"""Word redline: real tracked changes; accept-all gives the new text, reject-all the old one."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from official_layout import assert_official

from docgen.catalogue import parse_document
from docgen.diff.redline import accept_all, build_redline, reject_all
from docgen.diff.text import diff_text, paragraphs

from .conftest import moved_004, renumbered_004, seed_text, write

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAIRS = [("000", "002"), ("002", "003"), ("003", "002"), ("001", "000"), ("004", "004"), ("000", "000")]


def _xml(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_accept_and_reject(docs, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    docx = build_redline(diff_text(docs[old], docs[new]), date="2026-05-05T10:00:00Z")
    assert accept_all(docx) == paragraphs(docs[new].text)
    assert reject_all(docx) == paragraphs(docs[old].text)
    lang = docs[new].language
    official = build_redline(diff_text(docs[old], docs[new]), date="2026-05-05T10:00:00Z", lang=lang)
    assert_official(official, lang, what=f"redline {old}->{new}")
    assert accept_all(official) == paragraphs(docs[new].text)
    assert reject_all(official) == paragraphs(docs[old].text)


def test_revision_marks(docs) -> None:  # type: ignore[no-untyped-def]
    docx = build_redline(diff_text(docs["000"], docs["002"]), date="2026-05-05T10:00:00Z")
    root = _xml(docx)
    revs = list(root.iter(W + "ins", W + "del"))
    assert revs and all(
        r.get(W + "author") == "docgen" and r.get(W + "date") == "2026-05-05T10:00:00Z" for r in revs
    )
    ids = [r.get(W + "id") for r in revs]
    assert len(ids) == len(set(ids))
    assert root.find(f".//{W}pPr/{W}rPr/{W}ins") is not None  # whole inserted paragraphs
    assert root.find(f".//{W}pPr/{W}rPr/{W}del") is not None  # whole deleted paragraphs
    assert all(t.getparent().getparent().tag == W + "del" for t in root.iter(W + "delText"))
    assert not any(t.getparent().getparent().tag == W + "del" for t in root.iter(W + "t"))


def test_identical_texts_have_no_revisions(docs) -> None:  # type: ignore[no-untyped-def]
    root = _xml(build_redline(diff_text(docs["003"], docs["003"])))
    assert next(root.iter(W + "ins", W + "del"), None) is None


def test_edited_variants(tmp_path, docs) -> None:  # type: ignore[no-untyped-def]
    for name, text in (("r.txt", renumbered_004(seed_text("004"))), ("m.txt", moved_004(seed_text("004")))):
        new = parse_document(write(tmp_path, name, text))
        docx = build_redline(diff_text(docs["004"], new))
        assert accept_all(docx) == paragraphs(new.text)
        assert reject_all(docx) == paragraphs(docs["004"].text)


_edit = st.tuples(
    st.sampled_from(["drop", "dup", "swap", "word", "insert"]), st.integers(0, 10_000), st.integers(0, 10_000)
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_edit, min_size=1, max_size=6))
def test_random_edits_round_trip(tmp_path_factory, docs, edits) -> None:  # type: ignore[no-untyped-def]
    lines = seed_text("003").split("\n")
    for op, a, b in edits:
        i, j = a % len(lines), b % len(lines)
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(j, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "word":
            words = lines[i].split(" ")
            words[j % len(words)] = "өзгертілді"
            lines[i] = " ".join(words)
        else:
            lines.insert(i, f"{j % 40}. Жаңа тармақ {j}.")
    new = parse_document(write(tmp_path_factory.mktemp("e"), "e.txt", "\n".join(lines)))
    docx = build_redline(diff_text(docs["003"], new))
    assert accept_all(docx) == paragraphs(new.text)
    assert reject_all(docx) == paragraphs(docs["003"].text)
