"""Extraction stage helper: spaCy docs for segments (cached per context) and sentence bounds.

Sentences are split on ``. ; :`` followed by whitespace, and on line breaks, which suits legal
text (points are one or more paragraphs; sub-points end with ``;``). Decimal commas and
abbreviations are not split because the split needs whitespace after the mark.
"""

from __future__ import annotations

import re
from typing import Any

from .registry import Context, Segment

_SPLIT = re.compile(r"(?<=[.;:!?])\s+|\n+")
# clauses: also at the ", а …" / ", ал …" that joins two rules in one sentence
# ("знакомит в течение 4 дней, а служащий … в пределах семи дней …"); not ", а также"; and at the ", при
# наличии …" that opens a second condition ("… не может превышать 2,99, при наличии иных взысканий – 1,99"),
# also without «наличии» ("… 2,99 балла, при иных взысканиях – 1,99 балла") and in Kazakh ("… 2,99 баллдан
# аспайды, өзге жазалар үшін – 1,99 баллдан аспайды"): the cap of the other sanctions is the second clause's
_SPLIT_CLAUSES = re.compile(
    r"(?<=[.;:!?])\s+|\n+|,\s+(?=(?:а|ал)\s)(?!а\s+также)|,\s+(?=при\s+(?:наличии|иных|иные)\s)|,\s+(?=өзге\s)"
)


# spaCy docs of segments are kept for the next pass while their texts total at most this many
# characters (a whole methodology is ~100,000); the docs of a longer text are made again when needed,
# so memory stays bounded whatever the input size (a token costs ~0.5 KB in a doc).
CACHE_CHARS = 1_000_000


def segment_key(seg: Segment) -> str:
    return f"{seg.ref}@{seg.start}"  # a point number may occur twice (a text repeated in part)


def segment_doc(ctx: Context, seg: Segment) -> Any:
    cache: dict[str, Any] = ctx.__dict__.setdefault("_docs", {})
    key = segment_key(seg)
    doc = cache.get(key)
    if doc is None:
        from ..nlp import make_doc

        doc = make_doc(ctx.lang, seg.text)
        cached = ctx.__dict__.get("_docs_chars", 0)
        if cached + len(seg.text) <= CACHE_CHARS:
            cache[key] = doc
            ctx.__dict__["_docs_chars"] = cached + len(seg.text)
    return doc


def sentence_bounds(doc: Any, clauses: bool = False) -> list[Any]:
    """Sentence (or, with ``clauses``, clause) spans, token-aligned, of a segment doc."""
    cache_key = "_clauses" if clauses else "_sents"
    cached = doc.user_data.get(cache_key)
    if cached is not None:
        return list(cached)
    text = doc.text
    spans = []
    pos = 0
    for m in (_SPLIT_CLAUSES if clauses else _SPLIT).finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None and len(sp):
            out.append(sp)
    doc.user_data[cache_key] = out
    return out
