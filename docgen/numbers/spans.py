"""Ranges and fractions built on number matches (stage: text analysis; text -> range/fraction matches).

One algorithm for both languages, parametrised by ``ranges`` and ``fractions`` in the data files:

* marker ranges: [start word] LOW [unit words] [mid word] HIGH [unit word] [end word], where the
  data may require LOW to be ablative and HIGH dative (on the number or on the unit word after it):
  RU «от 3 до 3,99», KK «үштен беске дейін», «4-тен 5 баллға дейін»;
* hyphen ranges of digits: «95-99,99», «4,75-4,99» (low <= high);
* fractions: digits «3/4» (not act numbers «№ 28/189»), KK «үштен екісі» (den in ablative, num with a
  possessive), RU «две трети» (num then a denominator word), single words «половина», «жартысы».
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import analyze_digit_suffix, analyze_word, lang_data, normalize_word, word_has_case
from .scan import Atom, Num, analyze, is_space
from .types import FractionMatch, RangeMatch

_RANGE_GAP_RE = re.compile(r"[ \u00a0\u202f*]+")
_HYPHEN_GAP_RE = re.compile(r"[ \u00a0]?[-‐‑–—][ \u00a0]?")
_DIGIT_FRACTION_RE = re.compile(r"(?<![\d/,.])(\d{1,3})/(\d{1,3})(?![\d/])(?:-([^\W\d_]+))?")
_NUMBER_SIGN_RE = re.compile(r"№\s*$")
_MAX_UNIT_WORDS = 2
_MAX_DIGIT_DENOMINATOR = 100  # "28/189" is an act number, not a fraction


def _gap_ok(text: str, a: int, b: int) -> bool:
    return a <= b and bool(_RANGE_GAP_RE.fullmatch(text[a:b]))


def find_ranges(text: str, lang: str) -> list[RangeMatch]:
    """Ranges in ``text``: marker ranges from the language data and hyphenated digit ranges."""
    atoms, nums = analyze(text, lang)
    out = _marker_ranges(text, lang, atoms, nums) + _hyphen_ranges(text, nums)
    return _non_overlapping(out)


def _marker_ranges(text: str, lang: str, atoms: Sequence[Atom], nums: Sequence[Num]) -> list[RangeMatch]:
    data = lang_data(lang)
    by_atom = {n.first_atom: n for n in nums}
    out: list[RangeMatch] = []

    def word(k: int) -> str:
        return normalize_word(atoms[k].text) if 0 <= k < len(atoms) and not atoms[k].is_digit else ""

    for low in nums:
        start = low.start
        if data.range_start:
            k = low.first_atom - 1
            if word(k) not in data.range_start or not _gap_ok(text, atoms[k].end, low.start):
                continue
            start = atoms[k].start
        low_ok = data.range_low_case is None or low.case == data.range_low_case
        pos, k = low.end, low.last_atom + 1
        units = 0
        seen_mid = not data.range_mid
        high: Num | None = None
        while k < len(atoms) and _gap_ok(text, pos, atoms[k].start):
            if k in by_atom:
                high = by_atom[k]
                break
            w = word(k)
            if not w:
                break
            if w in data.range_mid and not seen_mid:
                seen_mid = True
            elif units < _MAX_UNIT_WORDS and not (data.range_mid and seen_mid):
                if data.range_low_case and units == 0 and not low_ok:
                    low_ok = low.case is None and word_has_case(w, data.range_low_case, lang)
                units += 1
            else:
                break
            pos, k = atoms[k].end, k + 1
        if high is None or not seen_mid or not low_ok:
            continue
        end = high.end
        if data.range_high_case or data.range_end:
            k = high.last_atom + 1
            high_ok = data.range_high_case is None or high.case == data.range_high_case
            if (
                not high_ok
                and high.case is None
                and k < len(atoms)
                and _gap_ok(text, high.end, atoms[k].start)
            ):
                assert data.range_high_case is not None
                high_ok = word_has_case(word(k), data.range_high_case, lang)
                k += 1
            if not high_ok:
                continue
            if data.range_end:
                if word(k) not in data.range_end or not _gap_ok(text, atoms[k - 1].end, atoms[k].start):
                    continue
                end = atoms[k].end
        out.append(RangeMatch(start, end, low.value, high.value, text[start:end]))
    return out


def _hyphen_ranges(text: str, nums: Sequence[Num]) -> list[RangeMatch]:
    out: list[RangeMatch] = []
    for a, b in zip(nums, nums[1:], strict=False):
        if not (a.digits and b.digits) or a.has_suffix or a.percent:
            continue
        if _HYPHEN_GAP_RE.fullmatch(text[a.end : b.start]) and a.value <= b.value:
            if a.start > 0 and text[a.start - 1] in "-–/.,":
                continue
            out.append(RangeMatch(a.start, b.end, a.value, b.value, text[a.start : b.end]))
    return out


def _non_overlapping(items: list[RangeMatch]) -> list[RangeMatch]:
    items = sorted(items, key=lambda r: (r.start, -(r.end - r.start)))
    out: list[RangeMatch] = []
    for r in items:
        if not out or r.start >= out[-1].end:
            out.append(r)
    return out


def find_fractions(text: str, lang: str) -> list[FractionMatch]:
    """Fractions in ``text``: digit fractions, word fractions per the language data, fraction words."""
    data = lang_data(lang)
    atoms, nums = analyze(text, lang)
    out: list[FractionMatch] = []
    for m in _DIGIT_FRACTION_RE.finditer(text):
        num, den = int(m.group(1)), int(m.group(2))
        if (
            _NUMBER_SIGN_RE.search(text[max(0, m.start() - 4) : m.start()])
            or not 1 <= num < den <= _MAX_DIGIT_DENOMINATOR
        ):
            continue
        end = m.end() if m.group(3) and _suffix_ok(m.group(3), lang) else m.end(2)
        if m.group(3) and end == m.end(2) and re.fullmatch(r"[IVXLCІ]+", m.group(3)):
            continue
        out.append(FractionMatch(m.start(), end, num, den, text[m.start() : end]))
    for a, b in zip(nums, nums[1:], strict=False):
        if not is_space(text[a.end : b.start]):
            continue
        if data.fraction_pattern == "den_abl_num_poss":
            if a.case == "abl" and b.case == "poss" and 1 <= b.value <= a.value and a.value >= 2:
                out.append(_fraction(text, a.start, b.end, b.value, a.value))
        elif data.fraction_pattern == "num_den" and b.den is not None and a.kind == "cardinal":
            if (not b.den_needs_one or a.value == 1) and 1 <= a.value and b.den >= 2:
                out.append(_fraction(text, a.start, b.end, a.value, b.den))
    # numerator + denominator noun ("две трети") and single fraction words ("половина", "жартысы")
    by_end = {n.last_atom: n for n in nums}
    for k, atom in enumerate(atoms):
        if atom.is_digit:
            continue
        info = analyze_word(atom.text, lang)
        if info is None or info.value is not None:
            continue
        prev = by_end.get(k - 1)
        if (
            info.den
            and prev is not None
            and prev.kind == "cardinal"
            and is_space(text[prev.end : atom.start])
        ):
            out.append(_fraction(text, prev.start, atom.end, prev.value, info.den))
        elif info.fraction and not (prev is not None and prev.kind == "ordinal"):
            # "бірінші жартысында" / "первой половине" is a half-year, not a share
            out.append(FractionMatch(atom.start, atom.end, info.fraction[0], info.fraction[1], atom.text))
    out.sort(key=lambda f: (f.start, -(f.end - f.start)))
    res: list[FractionMatch] = []
    for f in out:
        if not res or f.start >= res[-1].end:
            res.append(f)
    return res


def _suffix_ok(suffix: str, lang: str) -> bool:
    return analyze_digit_suffix(suffix, lang) is not None


def _fraction(text: str, start: int, end: int, num: int | float, den: int | float) -> FractionMatch:
    return FractionMatch(start, end, int(num), int(den), text[start:end])
