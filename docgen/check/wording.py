"""Check stage, typography is not meaning: two wordings that differ only in how they are written.

Consumes two strings of one language; :func:`same_wording` says whether they differ only by letter
spacing («Т и і м д і»), case endings of the same words («коммуникациялар» / «коммуникацияларды») or
the «X-ын және» / «X мен» alternation. The endings and conjunctions are data (``wording`` in
topics.yaml). Such a pair is reported as a ``wording`` info finding, never as a difference in meaning.
"""

from __future__ import annotations

import re

from .data import fold, topics_data

_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?!\S)")
_TOKEN = re.compile(r"[^\W_]+")


def unspace(text: str) -> str:
    """Letter-spaced words joined: «т и і м д і коммуникация» -> «тиімді коммуникация»."""
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def _tokens(text: str) -> list[str]:
    spec = topics_data()["wording"]
    drop = set(spec["conjunctions"])
    return [t for t in _TOKEN.findall(unspace(fold(text).lower())) if t not in drop]


def _same_word(a: str, b: str, endings: frozenset[str]) -> bool:
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    if n < 4:
        return False
    return all(rest == "" or rest in endings for rest in (a[n:], b[n:]))


def same_wording(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` say the same thing in the same words, written differently."""
    endings = frozenset(topics_data()["wording"]["endings"])
    ta, tb = _tokens(a), _tokens(b)
    return len(ta) == len(tb) and all(_same_word(x, y, endings) for x, y in zip(ta, tb, strict=True))
