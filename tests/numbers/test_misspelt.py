"""A one-letter misspelling of a Kazakh ordinal is read, conservatively and on record; a footnote mark
between digits and their ending («0*-ден») is read. Expectations written by reading the words."""

from __future__ import annotations

import pytest

from docgen.numbers import find_numbers, find_ranges, misspelt_number, misspelt_ordinal
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


def test_the_kazakh_ordinal_rule_is_not_applied_to_russian() -> None:
    assert misspelt_ordinal("двадцотого", "ru") is None
    assert misspelt_number("жиырмамыншы", "kk") == "жиырмасыншы"


# ---- Russian: any form of a cardinal or ordinal, one letter off, in a number's place ----


@pytest.mark.parametrize(
    ("text", "value", "printed", "right"),
    [
        # «двадцатого» with а written о, before «числа»: the twentieth day
        ("Оценка проводится не позднее двадцотого числа месяца.", 20, "двадцотого", "двадцатого"),
        # a letter dropped: «двадцатого» without its д
        ("не позднее двацатого числа месяца", 20, "двацатого", "двадцатого"),
        # a letter doubled, a cardinal in the genitive before «рабочих дней»
        ("в течение пятнадцатти рабочих дней", 15, "пятнадцатти", "пятнадцати"),
        # next to another number word: «двадцать» then «пятого» with а for о
        ("не позднее двадцать пятава числа", 25, "двадцать пятава", None),
        ("не позднее двадцать седьмаго числа", 27, "двадцать седьмаго", "седьмого"),
    ],
)
def test_russian_one_letter_slip_is_read_and_recorded(
    text: str, value: int, printed: str, right: str | None
) -> None:
    found = find_numbers(text, "ru")
    if right is None:  # «пятава»: two letters off «пятого», nothing is guessed
        assert [n.text for n in found] == ["двадцать"]
        return
    assert [(n.value, n.text) for n in found] == [(value, printed)]
    word = printed.split()[-1]
    info = analyze_word(word, "ru")
    assert info is not None and info.spelt_as == right
    assert misspelt_number(word, "ru") == right


@pytest.mark.parametrize(
    "text",
    [
        "двадцотого пути",  # not before a word a number counts or dates, nor next to a number word
        "не позднее восемисот рабочих дней",  # one letter from «восемьсот» and from «восьмисот»
        "не позднее пятго числа",  # shorter than six letters
        "не позднее двадцотову числа",  # two letters off
        "не позднее сорока дней",  # a dictionary word («сорока»), read as it is, not guessed
    ],
)
def test_russian_no_guess(text: str) -> None:
    for n in find_numbers(text, "ru"):
        info = analyze_word(n.text.split()[-1], "ru")
        assert info is not None and info.spelt_as is None, n.text


def test_russian_words_the_dictionary_knows_are_never_corrections() -> None:
    for word in ("двадцатого", "пятнадцати", "сорока", "восьмисот", "третьего"):
        assert misspelt_number(word, "ru") is None


def test_footnote_mark_before_the_ending() -> None:
    # seed 003 appendix 2: «Бағалау (0*-ден 5 баллға дейін)» — from 0 to 5 points
    found = find_numbers("Бағалау (0*-ден 5 баллға дейін)", "kk")
    assert [(n.value, n.text) for n in found] == [(0, "0*-ден"), (5, "5")]
    ranges = find_ranges("Бағалау (0*-ден 5 баллға дейін)", "kk")
    assert [(r.low, r.high) for r in ranges] == [(0, 5)]
