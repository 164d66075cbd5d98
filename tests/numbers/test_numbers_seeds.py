"""find_numbers / find_ranges / find_fractions over the five real seed texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.numbers import find_fractions, find_numbers, find_ranges

ACTS = Path(__file__).resolve().parents[2] / "legal_corpus" / "acts"


def _seed(prefix: str) -> str:
    (path,) = ACTS.glob(f"*/{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _lang(prefix: str) -> str:
    return "ru" if prefix == "004" else "kk"


def _nth(text: str, quote: str, context: str) -> int:
    """Offset of ``quote`` inside the first occurrence of ``context``."""
    at = text.index(context)
    return at + context.index(quote)


# (seed, context that locates it, number quote, value, kind)
NUMBERS = [
    ("004", "не позднее двадцатого числа", "двадцатого", 20, "ordinal"),
    ("004", "не менее пятнадцати фактически", "пятнадцати", 15, "cardinal"),
    ("004", "менее одного месяца", "одного", 1, "cardinal"),
    ("004", "превышает двадцать человек", "двадцать", 20, "cardinal"),
    ("004", "от 0 до 5-ти", "5-ти", 5, "cardinal"),
    ("004", "в течение десяти рабочих дней", "десяти", 10, "cardinal"),
    ("004", "течение пяти рабочих дней", "пяти", 5, "cardinal"),
    ("004", "от 3 до 3,99 баллов", "3,99", 3.99, "decimal"),
    ("000", "оныншы күнінен", "оныншы", 10, "ordinal"),
    ("003", "бір айдан кем", "бір", 1, "cardinal"),
    ("000", "үш айдан кем", "үш", 3, "cardinal"),
    ("000", "үш адамнан кем", "үш", 3, "cardinal"),
    ("000", "жеті адамнан артық", "жеті", 7, "cardinal"),
    ("000", "елу адамнан асқан", "елу", 50, "cardinal"),
    ("000", "0-ден 5-ке дейін", "5-ке", 5, "cardinal"),
    ("000", "3-тен 3,99 баллға", "3-тен", 3, "cardinal"),
    ("001", "үштен екісі", "екісі", 2, "cardinal"),
    ("001", "5-нен 4-і", "4-і", 4, "cardinal"),
    ("001", "10-нан аспайды", "10-нан", 10, "cardinal"),
    ("002", "үштен беске дейін", "беске", 5, "cardinal"),
    ("003", "жиырмамыншы күнінен", "жиырмамыншы", 20, "ordinal"),
    ("003", "он бес жұмыс күнін", "он бес", 15, "cardinal"),
    ("003", "баға 2,99 баллдан", "2,99", 2.99, "decimal"),
    ("003", "үштен кем болмауы", "үштен", 3, "cardinal"),
]


@pytest.mark.parametrize(("seed", "context", "quote", "value", "kind"), NUMBERS)
def test_seed_numbers(seed: str, context: str, quote: str, value: float, kind: str) -> None:
    text = _seed(seed)
    start = _nth(text, quote, context)
    found = {m.start: m for m in find_numbers(text, _lang(seed))}
    assert start in found
    m = found[start]
    assert (m.text, m.end, m.value, m.kind) == (quote, start + len(quote), value, kind)


RANGES = [
    ("000", "үштен беске дейінгі", 3, 5),
    ("002", "үштен беске дейінгі", 3, 5),
    ("000", "0-ден 5-ке дейін", 0, 5),
    ("000", "4-тен 5 баллға дейін", 4, 5),
    ("000", "0-ден 1,99 баллға дейінгі", 0, 1.99),
    ("000", "95-99,99", 95, 99.99),
    ("000", "4,75-4,99", 4.75, 4.99),
    ("003", "0-ден* 5 баллға дейін", 0, 5),
    ("003", "0-ден 5-ке дейінгі", 0, 5),
    ("004", "от 0 до 5-ти", 0, 5),
    ("004", "от 2 до 2,99", 2, 2.99),
]


@pytest.mark.parametrize(("seed", "quote", "low", "high"), RANGES)
def test_seed_ranges(seed: str, quote: str, low: float, high: float) -> None:
    text = _seed(seed)
    found = {r.start: r for r in find_ranges(text, _lang(seed))}
    start = text.index(quote)
    assert start in found
    assert (found[start].text, found[start].low, found[start].high) == (quote, low, high)


def test_seed_001_fractions() -> None:
    text = _seed("001")
    found = {(f.text, f.numerator, f.denominator) for f in find_fractions(text, "kk")}
    assert ("үштен екісі", 2, 3) in found
    assert ("3/4", 3, 4) in found
    assert ("5-нен 4-і", 4, 5) in found
    assert not any("189" in f.text or "109" in f.text for f in find_fractions(text, "kk"))  # act numbers


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_invariants(seed: str) -> None:
    text = _seed(seed)
    lang = _lang(seed)
    nums = find_numbers(text, lang)
    assert nums
    for a, b in zip(nums, nums[1:], strict=False):
        assert a.end <= b.start  # ordered, non-overlapping
    for m in nums:
        assert text[m.start : m.end] == m.text
    for r in find_ranges(text, lang):
        assert text[r.start : r.end] == r.text and r.low <= r.high
    for f in find_fractions(text, lang):
        assert text[f.start : f.end] == f.text and 0 < f.numerator <= f.denominator


@pytest.mark.parametrize("seed", ["000", "001", "002", "003"])
def test_seed_kk_false_friends_are_not_numbers(seed: str) -> None:
    words = {m.text.lower() for m in find_numbers(_seed(seed), "kk")}
    assert not words & {"оның", "оны", "үшін", "тоқсан", "тоқсаннан", "тоқсанда", "бірыңғай", "жүзеге"}
