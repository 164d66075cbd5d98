"""Stage 2 invariants (Hypothesis): idempotence, no text lost, offsets map into the raw text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.normalize import normalize

TOKENS = [
    "<p>",
    "</p>",
    "<br>",
    "<b>",
    "</b>",
    '<ul style="list-style-type: none">',
    "</ul>",
    "[image: ]",
    "&nbsp;",
    "&quot;",
    "&amp;",
    "&lt;",
    "&gt;",
    "&#8203;",
    "-қосымша",
    "-тармақ",
    "Е-1",
    "С-О-1",
    "D-О-1",
    "тaraу",
    "шешiмi",
    "x < 5",
    "y > 3",
    "«<»",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\t",
    " ",
    "  ",
    "\u00a0",
    "\u202f",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "1. ",
    "2) ",
]
CHARS = list("абвгдеәғқңөұүһіБЗОЕСАВ aerisopcxyEHBMTK0123456789.,;:()-<>&[]/\"'\t\n")
texts = st.lists(st.sampled_from(TOKENS + CHARS), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_idempotent(raw: str) -> None:
    n = normalize(raw)
    again = normalize(n.text)
    assert again.text == n.text
    assert again.repairs == ()


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_and_no_text_lost(raw: str) -> None:
    n = normalize(raw)
    assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(raw)
    assert list(n.offsets) == sorted(n.offsets)
    assert all(0 <= o <= len(raw) for o in n.offsets)
    covered: set[int] = set()
    for r in n.repairs:
        assert 0 <= r.raw_start <= r.raw_end <= len(raw)
        covered.update(range(r.raw_start, r.raw_end))
    kept = {n.offsets[i]: i for i in range(len(n.text))}
    for p, ch in enumerate(raw):
        if ch.isspace() or p in covered:
            continue
        assert p in kept, (p, ch)
        assert n.text[kept[p]] == ch
    for i in range(len(n.text)):
        rs, re_ = n.raw_span(i, i + 1)
        assert 0 <= rs < re_ <= len(raw)
