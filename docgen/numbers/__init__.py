"""Number understanding for Kazakh and Russian legal texts (stage: text analysis).

Consumes plain text; produces character-offset matches of numbers ("15", "3,99", "5-ке",
"5 (пяти)", "он бес", "двадцатого", "жиырмасыншы күнінен"), ranges ("от 0 до 5-ти",
"үштен беске дейін") and fractions ("3/4", "үштен екісі", "две трети").

Vocabulary lives in ``docgen/lang/<lang>/numbers.yaml``; the algorithm is shared. pymorphy3 (for
Russian) is imported lazily on first use; spaCy is never imported here.
"""

from __future__ import annotations

from .lexicon import misspelt_number, misspelt_ordinal
from .scan import scan
from .spans import find_fractions, find_ranges
from .types import FractionMatch, NumberKind, NumberMatch, RangeMatch

__all__ = [
    "FractionMatch",
    "NumberKind",
    "NumberMatch",
    "RangeMatch",
    "find_fractions",
    "find_numbers",
    "find_ranges",
    "misspelt_number",
    "misspelt_ordinal",
    "parse_number_word",
]


def find_numbers(text: str, lang: str) -> list[NumberMatch]:
    """Every number expression in ``text`` (non-overlapping, longest match, in text order)."""
    return [
        NumberMatch(n.start, n.end, n.value, n.kind, text[n.start : n.end], n.percent)  # type: ignore[arg-type]
        for n in scan(text, lang)
    ]


def parse_number_word(word_or_phrase: str, lang: str) -> int | None:
    """Integer value of one number written as words or digits ("жиырма бесінші" -> 25), else None.

    The whole phrase must be one number; words that are numbers only inside compounds
    ("тоқсан") are accepted here.
    """
    phrase = word_or_phrase.strip()
    if not phrase:
        return None
    found = scan(phrase, lang, allow_ambiguous=True)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(phrase):
        return None
    value = found[0].value
    if isinstance(value, float):
        return int(value) if value.is_integer() and found[0].kind != "decimal" else None
    return value
