"""A one-letter misspelling of a Kazakh ordinal is read, conservatively and on record; a footnote mark
between digits and their ending («0*-ден») is read. Expectations written by reading the words."""

from __future__ import annotations

import pytest

from docgen.numbers import find_numbers, find_ranges, misspelt_ordinal
from docgen.numbers.lexicon import analyze_word


def test_seed_003_typo_is_read_as_twenty_and_recorded() -> None:
    # seed 003 point 4 prints «жиырмамыншы» for «жиырмасыншы» (twentieth)
    info = analyze_word("жиырмамыншы", "kk")
    assert info is not None and info.value == 20 and info.kind == "ordinal"
    assert info.spelt_as == "жиырмасыншы"
    assert misspelt_ordinal("жиырмамыншы", "kk") == "жиырмасыншы"


@pytest.mark.parametrize("word", ["жиырмасыншы", "бесінші", "оныншы", "үшінші"])
def test_correct_words_are_not_corrections(word: str) -> None:
    assert misspelt_ordinal(word, "kk") is None
    info = analyze_word(word, "kk")
    assert info is not None and info.spelt_as is None


@pytest.mark.parametrize(
    "word",
    [
        "онынші",  # one letter from «оныншы» but its ending is not the ordinal's
        "бесіншіден",  # an inflected word is not guessed at
        "жиырмамынш",  # ending differs
        "кітапшы",  # not near any ordinal
        "сыншы",  # too short
        "жиырмаммыншы",  # two letters away
    ],
)
def test_no_guess(word: str) -> None:
    assert misspelt_ordinal(word, "kk") is None


def test_russian_is_not_guessed() -> None:
    assert misspelt_ordinal("двадцотого", "ru") is None


def test_footnote_mark_before_the_ending() -> None:
    # seed 003 appendix 2: «Бағалау (0*-ден 5 баллға дейін)» — from 0 to 5 points
    found = find_numbers("Бағалау (0*-ден 5 баллға дейін)", "kk")
    assert [(n.value, n.text) for n in found] == [(0, "0*-ден"), (5, "5")]
    ranges = find_ranges("Бағалау (0*-ден 5 баллға дейін)", "kk")
    assert [(r.low, r.high) for r in ranges] == [(0, 5)]
