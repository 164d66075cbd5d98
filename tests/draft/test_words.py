"""Numbers in words for drafts: the inverse of docgen.numbers (parsing the words gives the number)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.draft.words import kk_suffix, ru_agree, words
from docgen.numbers import parse_number_word

KK_CASES = ["nom", "abl", "dat", "gen", "loc", "acc"]
RU_CASES = ["nomn", "gent", "datv", "accs", "ablt", "loct"]
# "бірден", "бірге", "бірде" are adverbs ("at once", "together", "sometimes"): the parser reads them
# as numbers only after another number word, so a lone 1 in these cases is not a number in words.
KK_ADVERBS = {(1, "abl"), (1, "dat"), (1, "loc"), (10, "loc")}  # "онда" also means "there"


@given(st.integers(0, 9999), st.sampled_from(["card", "ord"]), st.sampled_from(KK_CASES))
def test_kk_words_parse_back(n: int, kind: str, case: str) -> None:
    if (n, case) in KK_ADVERBS and kind == "card":
        return
    assert parse_number_word(words(n, "kk", kind=kind, case=case), "kk") == n


@given(
    st.integers(0, 999),
    st.sampled_from(["card", "ord"]),
    st.sampled_from(RU_CASES),
    st.sampled_from(["masc", "femn", "neut"]),
)
def test_ru_words_parse_back(n: int, kind: str, case: str, gender: str) -> None:
    text = words(n, "ru", kind=kind, case=case, gender=gender)
    if text == "семью":
        # the parser reads a lone «семью» as "family" on purpose (docgen.numbers.lexicon: a rare numeric
        # reading counts only inside a compound); test_lone_semyu_is_the_known_ambiguity keeps it honest
        return
    assert parse_number_word(text, "ru") == n


def test_lone_semyu_is_the_known_ambiguity() -> None:
    """Found by Hypothesis: words(7, "ru", case="ablt") is «семью», which a text uses far more often as
    "family"; the parser does not read it alone, but does inside a compound («двадцатью семью»)."""
    assert words(7, "ru", kind="card", case="ablt") == "семью"
    assert parse_number_word("семью", "ru") is None
    assert parse_number_word(words(27, "ru", kind="card", case="ablt"), "ru") == 27


@pytest.mark.parametrize(
    ("n", "kind", "case", "expected"),
    [
        # the forms the seeds print (003 pp. 4, 5, 10, 17, 19, 20; 004 pp. 4, 5, 10, 12, 19)
        (20, "ord", "nom", "жиырмасыншы"),
        (15, "card", "nom", "он бес"),
        (5, "card", "nom", "бес"),
        (3, "card", "abl", "үштен"),
        (10, "card", "nom", "он"),
        (40, "ord", "nom", "қырқыншы"),
        (2, "ord", "nom", "екінші"),
        (6, "ord", "nom", "алтыншы"),
        (100, "card", "abl", "жүзден"),
    ],
)
def test_kk_forms(n: int, kind: str, case: str, expected: str) -> None:
    assert words(n, "kk", kind=kind, case=case) == expected


@pytest.mark.parametrize(
    ("n", "kind", "case", "gender", "expected"),
    [
        (20, "ord", "gent", "neut", "двадцатого"),
        (15, "card", "gent", "masc", "пятнадцати"),
        (1, "card", "gent", "masc", "одного"),
        (5, "card", "gent", "masc", "пяти"),
        (3, "card", "gent", "masc", "трех"),
        (10, "card", "gent", "masc", "десяти"),
        (20, "card", "accs", "masc", "двадцать"),
        (25, "ord", "gent", "neut", "двадцать пятого"),
        (120, "card", "gent", "masc", "ста двадцати"),
    ],
)
def test_ru_forms(n: int, kind: str, case: str, gender: str, expected: str) -> None:
    assert words(n, "ru", kind=kind, case=case, gender=gender) == expected


def test_ru_nouns_agree() -> None:
    assert ru_agree("рабочий день", 5, "gent") == "рабочих дней"
    assert ru_agree("рабочий день", 1, "gent") == "рабочего дня"
    assert ru_agree("год", 3, "gent") == "лет"
    assert ru_agree("человек", 20, "accs") == "человек"
    assert ru_agree("месяц", 1, "gent") == "месяца"


def test_kk_suffix_harmony() -> None:
    assert kk_suffix("жиырма", "dat") == "ға"
    assert kk_suffix("бес", "dat") == "ке"
    assert kk_suffix("он", "abl") == "нан"
    assert kk_suffix("әкімдігі", "gen", possessive=True) == "нің"
    assert kk_suffix("мәслихаты", "dat", possessive=True) == "на"


def test_bad_numbers_refused() -> None:
    for bad in (-1, 1.5, True):
        with pytest.raises(ValueError):
            words(bad, "kk")  # type: ignore[arg-type]
