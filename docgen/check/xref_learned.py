"""Check stage, cross references: a learned second opinion on which point a referring sentence speaks of.

The rules of :mod:`docgen.check.xref` read what a sentence needs from words listed in ``xref.yaml``;
on wording nobody listed they miss wrong references and report right ones. This model reads no list:
it scores every point of the act for the sentence around a reference by weights of word pairs (a word
of the sentence near the reference, a word of the point or a catalogue key the point is the source
of), learned by a ranking perceptron from annotated acts (``scripts/train_xref_model.py`` writes
``xref_model.json``: the development sets under ``tests/data/`` whose ``answers.yaml`` say, for every
reference, the point it should cite). A word is its first ``stem`` letters, lower-cased, Latin
look-alikes folded; words of reference itself («пункт», «тармақ», «Методика») carry nothing.

:func:`margin` says by how much the best other point outscores the cited one (0 when the cited point
scores best). :mod:`docgen.check.xref` keeps a finding of its rules only with a margin above
``veto_at``, and reports a single cited point the rules leave alone when the margin exceeds
``report_at`` (the model file holds both; the README gives the measured effect).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from .data import fold

_HERE = Path(__file__).resolve().parent
MODEL = _HERE / "xref_model.json.gz"

_WORD = re.compile(r"[^\W\d_]+")
# the words of a reference itself and function words: they say nothing of what is cited
_REFERENCE = (
    "пункт",
    "тармақ",
    "тармағ",
    "подпункт",
    "приложени",
    "қосымша",
    "методик",
    "әдістем",
    "настоящ",
)
_FUNCTION = frozenset(
    "и в во на с со по о об от до для из к ко не а но или также при за под над без его ее её их этот "
    "эта это эти этом который которая которые которых осы және мен бен пен немесе да де та те үшін бұл "
    "ол олар оның сәйкес согласно соответствии".split()
)


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """The weights (``weights``: sentence word -> point word -> weight) and settings of the model."""
    with gzip.open(MODEL, "rt", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def words(text: str, stem: int) -> list[tuple[int, str]]:
    """(offset, word) of the content words of ``text``: cut to ``stem`` letters, reference words and
    function words left out."""
    out: list[tuple[int, str]] = []
    for m in _WORD.finditer(fold(text).lower()):
        w = m.group(0)
        if len(w) < 3 or w in _FUNCTION or w.startswith(_REFERENCE):
            continue
        out.append((m.start(), w[:stem]))
    return out


def point_words(text: str, keys: Iterable[str], stem: int) -> frozenset[str]:
    """What a point offers: its words and the catalogue keys it is the source of (``K:<key>``)."""
    return frozenset([w for _, w in words(text, stem)] + [f"K:{k}" for k in keys])


def near_words(sentence: str, pos: int, stem: int, near: int) -> dict[str, float]:
    """The ``near`` distinct words of ``sentence`` nearest to the reference at ``pos``, each weighted
    by its rank (1, 0.75, 0.6 …): the words by the reference say most of what it cites."""
    ranked = sorted((abs(at - pos), w) for at, w in words(sentence, stem))
    out: dict[str, float] = {}
    for _, w in ranked:
        if w not in out:
            out[w] = 1.0 / (1 + len(out) / 3)
            if len(out) >= near:
                break
    return out


def features(near: Mapping[str, float], offer: frozenset[str]) -> dict[tuple[str, str], float]:
    """The pair features of a sentence and a point: (sentence word, point word) with the sentence
    word's weight, and ("=", "") for a word both share."""
    out: dict[tuple[str, str], float] = {}
    for c, wc in near.items():
        if c in offer:
            out[("=", "")] = out.get(("=", ""), 0.0) + wc
        for t in offer:
            out[(c, t)] = out.get((c, t), 0.0) + wc
    return out


def score(
    near: Mapping[str, float], offer: frozenset[str], weights: Mapping[str, Mapping[str, float]]
) -> float:
    """The model's score of a point (its ``offer``) for a sentence (its ``near`` words)."""
    total = 0.0
    same = weights.get("=", {}).get("", 0.0)
    for c, wc in near.items():
        row = weights.get(c)
        if c in offer:
            total += same * wc
        if not row:
            continue
        if len(row) < len(offer):
            total += wc * sum(x for t, x in row.items() if t in offer)
        else:
            total += wc * sum(row.get(t, 0.0) for t in offer)
    return total


def margin(
    sentence: str, pos: int, cited: str, offers: Mapping[str, frozenset[str]]
) -> tuple[float, str | None]:
    """(how far the best point outscores ``cited``, the best point) for the reference at ``pos`` of
    ``sentence``; ``offers``: the points that could be cited (the referring point left out). A cited
    point that scores best gives (0, itself); one the act lacks gives (0, None)."""
    if cited not in offers:
        return 0.0, None
    m = model()
    near = near_words(sentence, pos, int(m["stem"]), int(m["near"]))
    weights = m["weights"]
    scores = {name: score(near, offer, weights) for name, offer in offers.items()}
    best = max(scores, key=lambda n: (scores[n], n == cited))
    return (scores[best] - scores[cited], best) if best != cited else (0.0, cited)
