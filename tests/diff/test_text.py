"""Text diff aligned by structure: self-diffs, renumbering, moves, number words, edit notes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.catalogue import parse_document
from docgen.diff.text import diff_text, match_items, similarity, word_diff

from .conftest import SEEDS, moved_004, renumbered_004, seed_text, write


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_self_diff_is_empty(docs: dict, seed: str) -> None:
    td = diff_text(docs[seed], docs[seed])
    assert td.is_empty
    assert all(c.change == "unchanged" and c.similarity == 1.0 for c in td.changes)
    assert td.notes == []


def _points(td) -> dict:  # type: ignore[no-untyped-def]
    return {(c.old_ref, c.new_ref): c for c in td.changes if c.kind == "point"}


def test_renumbering(tmp_path, docs) -> None:  # type: ignore[no-untyped-def]
    new = parse_document(write(tmp_path, "r.txt", renumbered_004(seed_text("004"))))
    td = diff_text(docs["004"], new)
    pts = _points(td)
    assert pts[("4", "4")].change == "unchanged"
    assert pts[(None, "5")].change == "added"
    for old_n, new_n in (("5", "6"), ("12", "13"), ("22", "23"), ("24", "25")):
        c = pts[(old_n, new_n)]
        assert c.change == "renumbered" and not c.modified and c.similarity == 1.0
    # the internal reference "пунктом 5" in point 6 is a word change, the point is still found
    assert not any(c.change in ("removed", "moved") for c in td.changes)


def test_moved_point(tmp_path, docs) -> None:  # type: ignore[no-untyped-def]
    new = parse_document(write(tmp_path, "m.txt", moved_004(seed_text("004"))))
    td = diff_text(docs["004"], new)
    changed = [c for c in td.changes if c.change != "unchanged"]
    assert [(c.old_ref, c.new_ref, c.change) for c in changed] == [("13", "13", "moved")]
    refs = [c.new_ref for c in td.changes if c.kind == "point"]
    assert refs.index("13") > refs.index("22")  # reported at its new place


def test_changed_number_word_kk(tmp_path, docs) -> None:  # type: ignore[no-untyped-def]
    text = seed_text("000").replace("мерзімі үш айдан кем", "мерзімі бір айдан кем", 1)
    td = diff_text(docs["000"], parse_document(write(tmp_path, "w.txt", text)))
    changed = [c for c in td.changes if c.change != "unchanged"]
    assert [(c.old_ref, c.new_ref, c.change) for c in changed] == [("5", "5", "modified")]
    ops = [
        (op, o, n) for op, o, n in word_diff(changed[0].old.content, changed[0].new.content) if op != "equal"
    ]
    assert ops == [("replace", "үш", "бір")]
    assert 0.95 < changed[0].similarity < 1.0


def test_generation_change_aligns_common_points(docs) -> None:  # type: ignore[no-untyped-def]
    td = diff_text(docs["002"], docs["003"])
    kinds = {c.change for c in td.changes}
    assert {"added", "removed", "modified"} <= kinds
    assert any(c.kind == "appendix" and c.change == "added" for c in td.changes)  # 002 has no appendices
    # the calibration chapter survives the generation change
    assert any(c.kind == "chapter" and c.old and c.new and "Калибрлеу" in c.new.content for c in td.changes)


def test_edit_notes_matched(docs) -> None:  # type: ignore[no-untyped-def]
    td = diff_text(docs["003"], docs["002"])  # 002 carries notes on points 2, 10 and chapter 6
    by_target = {m.note.target: m for m in td.notes}
    assert set(by_target) == {"point:2", "point:10", "chapter:6"}
    assert all(m.status == "matched" for m in td.notes)
    p2 = [td.changes[i] for i in by_target["point:2"].changes]
    assert any(c.new_ref == "2" for c in p2)
    assert any(td.changes[i].new_ref == "chapter:6" for i in by_target["chapter:6"].changes)


def test_edit_note_unconfirmed_when_nothing_changed(tmp_path, docs) -> None:  # type: ignore[no-untyped-def]
    # the same text with its notes: nothing new, so no note is matched; drop one note in the old text
    text = seed_text("002")
    start = text.index("Ескерту. 10-тармаққа")
    end = text.index("\n", start)
    old = parse_document(write(tmp_path, "o.txt", text[:start] + text[end:]))
    td = diff_text(old, docs["002"])
    assert [(m.note.target, m.status) for m in td.notes] == [("point:10", "unconfirmed")]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="аб вгд\t.,1", max_size=40), st.text(alphabet="аб вгд\t.,1", max_size=40))
def test_word_diff_reconstructs(a: str, b: str) -> None:
    ops = word_diff(a, b)
    assert "".join(o for _, o, _ in ops) == a
    assert "".join(n for _, _, n in ops) == b
    assert 0.0 <= similarity(a, b) <= 1.0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="абвгде ", min_size=3, max_size=30), min_size=1, max_size=8, unique=True),
    st.randoms(),
)
def test_match_items_is_a_matching(contents: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    old = [(str(i + 1), c) for i, c in enumerate(contents)]
    shuffled = contents[:]
    rnd.shuffle(shuffled)
    new = [(str(i + 1), c) for i, c in enumerate(shuffled)]
    pairs = match_items(old, new)
    assert len({a for a, _ in pairs}) == len(pairs) == len({b for _, b in pairs})
    # identical contents always pair with each other
    assert all(old[a][1] == new[b][1] for a, b in pairs)
    assert len(pairs) == len(contents)
