"""Result types of the number recogniser (stage: text analysis, consumed by rule extraction).

Offsets are character offsets into the analysed text; ``text`` is always ``text[start:end]``,
so it can be used directly as an exact quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NumberKind = Literal["cardinal", "ordinal", "decimal"]


@dataclass(frozen=True)
class NumberMatch:
    """One number expression: digits ("15", "3,99", "5-ке", "5 (пяти)") or words ("он бес")."""

    start: int
    end: int
    value: int | float
    kind: NumberKind
    text: str
    percent: bool = False  # followed by "%" (included in the span) or a percent word (not included)


@dataclass(frozen=True)
class RangeMatch:
    """A range "от 3 до 5", "үштен беске дейін", "95-99,99"; low/high as printed."""

    start: int
    end: int
    low: int | float
    high: int | float
    text: str


@dataclass(frozen=True)
class FractionMatch:
    """A fraction "2/3", "үштен екісі", "две трети", "половина"."""

    start: int
    end: int
    numerator: int
    denominator: int
    text: str
