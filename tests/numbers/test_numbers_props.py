"""Property tests: generated Kazakh/Russian number words round-trip; digits are found at their offsets."""

from __future__ import annotations

import functools
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from numgen import KK_SUFFIX_KINDS, RU_CASES, kk_suffix, kk_words, ru_words

from docgen.numbers import find_numbers, find_ranges, parse_number_word
from docgen.numbers.lexicon import analyze_word
from docgen.numbers.scan import combine


@functools.cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _ru_inflect(word: str, case: str) -> str:
    parses = [p for p in _morph().parse(word) if p.normal_form.replace("ё", "е") == word]
    inflected = parses[0].inflect({case}) if parses else None
    return inflected.word if inflected is not None else word


def _standalone_excluded(words: list[str], lang: str) -> bool:
    info = analyze_word(words[0], lang)
    return len(words) == 1 and info is not None and info.excluded


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 999), st.sampled_from(KK_SUFFIX_KINDS))
def test_kk_generated_words_round_trip(n: int, kind: str) -> None:
    words = kk_words(n)
    words[-1] = kk_suffix(words[-1], kind)
    assume(not _standalone_excluded(words, "kk"))  # "бірге", "оны": other words when alone
    phrase = " ".join(words)
    assert parse_number_word(phrase, "kk") == n
    ms = find_numbers(f"барлығы {phrase} адам", "kk")
    if n not in (90,):  # a lone "тоқсан" is "quarter" in running text
        assert [(m.start, m.value) for m in ms] == [(8, n)]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 999), st.sampled_from(RU_CASES), st.booleans())
def test_ru_generated_words_round_trip(n: int, case: str, ordinal: bool) -> None:
    assume(not (ordinal and n % 100 == 0 and n not in (0, 100)))
    words = [_ru_inflect(w, case) for w in ru_words(n, ordinal)]
    assume(not _standalone_excluded(words, "ru"))  # "семью": mostly "family"
    phrase = " ".join(words)
    assert parse_number_word(phrase, "ru") == n
    (m,) = find_numbers(f"всего {phrase} человек", "ru")
    assert (m.start, m.end, m.value) == (6, 6 + len(phrase), n)
    assert m.kind == ("ordinal" if ordinal else "cardinal")


_FILLER = ["және", "жұмыс", "күн", "баға", "рабочих", "дней", "месяц", "тармақ"]
_SEPARATORS = [" ", ", ", "; ", "\n", "\t", " – "]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(
                st.integers(0, 10**6), st.decimals(0, 1000, places=2).map(lambda d: f"{d}".replace(".", ","))
            ),
            st.sampled_from(_FILLER),
            st.sampled_from(_SEPARATORS),
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(["kk", "ru"]),
)
def test_digits_found_at_their_offsets(items: list[tuple[int | str, str, str]], lang: str) -> None:
    parts: list[str] = []
    expected: list[tuple[int, str]] = []
    pos = 0
    for value, filler, sep in items:
        s = str(value)
        expected.append((pos, s))
        chunk = f"{s} {filler}{sep}"
        parts.append(chunk)
        pos += len(chunk)
    text = "".join(parts)
    found = {m.start: m for m in find_numbers(text, lang)}
    for start, s in expected:
        m = found[start]
        assert m.text == s
        assert m.value == (float(s.replace(",", ".")) if "," in s else int(s))
        assert m.kind == ("decimal" if "," in s else "cardinal")


@given(st.integers(0, 10**4), st.integers(0, 10**4), st.sampled_from(["kk", "ru"]))
def test_hyphen_ranges_need_low_le_high(a: int, b: int, lang: str) -> None:
    ranges = find_ranges(f"шкала {a}-{b} балл", lang)
    assert [(r.low, r.high) for r in ranges] == ([(a, b)] if a <= b else [])


@given(st.integers(1, 9), st.sampled_from([10, 20, 30, 40, 50, 60, 70, 80, 90]))
def test_combine_needs_descending_order(unit: int, tens: int) -> None:
    assert combine([tens, unit], frozenset({100, 1000})) == tens + unit
    assert combine([unit, tens], frozenset({100, 1000})) is None
    assert combine([unit, 100, tens, unit], frozenset({100, 1000})) == unit * 100 + tens + unit
