"""Finding number expressions in running text (stage: text analysis; text -> number matches).

Shared by both languages: the text is cut into word and digit atoms, each word is analysed by
``lexicon.analyze_word``, adjacent number words are joined into compounds ("жиырма бес",
"двадцати пяти"), digits take their hyphenated endings ("5-ке", "5-ти") and a parenthesised copy
("5 (пяти)") and a percent sign. The result is a list of internal ``Num`` records that keep the
grammatical case needed by the range and fraction finders.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from .lexicon import WordInfo, analyze_digit_suffix, analyze_word, lang_data, normalize_word

ATOM_RE = re.compile(r"\d+(?:,\d+)?|[^\W\d_]+")
_SPACE_RE = re.compile(r"[ \u00a0\u202f]+")
# "5-ке"; "0*-ден": a footnote mark between the digits and their ending
_HYPHEN_SUFFIX_RE = re.compile(r"\*?-([^\W\d_]+)")
_PAREN_RE = re.compile(r"[ \u00a0]?\(\s*([^()\n]{1,80}?)\s*\)")
_PERCENT_RE = re.compile(r"[ \u00a0]?%")


class Atom(NamedTuple):
    start: int
    end: int
    text: str
    is_digit: bool


@dataclass(frozen=True)
class Num:
    start: int
    end: int
    value: int | float
    kind: str
    case: str | None
    first_atom: int  # index of the first atom covered
    last_atom: int  # index of the last atom covered (inclusive)
    digits: bool  # written with digits
    has_suffix: bool = False
    percent: bool = False
    den: int | None = None  # may serve as a fraction denominator ("пятых")
    den_needs_one: bool = False


def atomize(text: str) -> list[Atom]:
    return [Atom(m.start(), m.end(), g := m.group(0), g[0].isdecimal()) for m in ATOM_RE.finditer(text)]


@functools.lru_cache(maxsize=8)
def analyze(text: str, lang: str) -> tuple[tuple[Atom, ...], tuple[Num, ...]]:
    """Atoms and numbers of ``text``; cached so that numbers, ranges and fractions share one pass."""
    atoms = atomize(text)
    return tuple(atoms), tuple(_scan_atoms(text, atoms, lang, False))


def is_space(gap: str) -> bool:
    return bool(_SPACE_RE.fullmatch(gap))


def _trailing_free(group: int) -> int:
    if group == 0:
        return 0
    p = 1
    while group % (p * 10) == 0:
        p *= 10
    return p


def combine(values: list[int | float], multipliers: frozenset[int]) -> int | float | None:
    """Value of a compound ("жиырма бес" -> [20, 5] -> 25), None when the order is not a number."""
    total: int | float = 0
    group: int | float = 0
    free: int | None = None
    last_mult: int | None = None
    for v in values:
        if v in multipliers and v < 1000:
            if group > 9:
                return None
            group = (group or 1) * v
            free = int(v)
        elif v in multipliers:
            if last_mult is not None and v >= last_mult:
                return None
            total += (group or 1) * v
            group, free, last_mult = 0, int(v), int(v)
        else:
            if free is not None and v >= free:
                return None
            group += v
            free = _trailing_free(int(group)) if float(group).is_integer() else 0
    return total + group


def _digit_value(s: str) -> tuple[int | float, str]:
    if "," in s:
        return float(s.replace(",", ".")), "decimal"
    return int(s), "cardinal"


@functools.lru_cache(maxsize=4)
def _half_after(lang: str) -> frozenset[str]:
    from ..lang import load_data

    return frozenset(str(w) for w in load_data(lang, "numbers").get("half_after") or ())


def _word_chains(text: str, atoms: list[Atom], lang: str, infos: list[WordInfo | None]) -> list[Num]:
    """Compounds of adjacent number words; only the last word may be inflected (kk) or ordinal."""
    data = lang_data(lang)
    out: list[Num] = []
    i = 0
    n = len(atoms)
    while i < n:
        info = infos[i]
        if info is None or info.value is None or info.excluded:
            i += 1
            continue
        j = i
        values: list[int | float] = [info.value]
        last = info
        while j + 1 < n and last.kind != "ordinal" and not (data.inflection == "suffixes" and last.inflected):
            nxt = infos[j + 1]
            if nxt is None or nxt.value is None or not is_space(text[atoms[j].end : atoms[j + 1].start]):
                break
            if combine([*values, nxt.value], data.multipliers) is None:
                break
            values.append(nxt.value)
            last = nxt
            j += 1
        value = combine(values, data.multipliers)
        if (
            value is not None
            and j + 1 < n
            and atoms[j + 1].text.lower() in _half_after(lang)
            and is_space(text[atoms[j].end : atoms[j + 1].start])
        ):
            value += 0.5  # "бір жарым" = 1.5
            j += 1
        if value is not None and not (j == i and info.ambiguous):
            out.append(
                Num(
                    atoms[i].start,
                    atoms[j].end,
                    value,
                    last.kind,
                    last.case,
                    i,
                    j,
                    digits=False,
                    has_suffix=last.inflected,
                    den=last.den,
                    den_needs_one=last.den_needs_one,
                )
            )
        i = j + 1
    return out


def scan(text: str, lang: str, *, allow_ambiguous: bool = False) -> list[Num]:
    """All number expressions in ``text``, ordered and non-overlapping."""
    if not allow_ambiguous:
        return list(analyze(text, lang)[1])
    return _scan_atoms(text, atomize(text), lang, allow_ambiguous)


def _scan_atoms(text: str, atoms: list[Atom], lang: str, allow_ambiguous: bool) -> list[Num]:
    data = lang_data(lang)
    infos: list[WordInfo | None] = []
    for a in atoms:
        info = None if a.is_digit else analyze_word(a.text, lang)
        if info is not None and allow_ambiguous and info.ambiguous:
            info = dataclasses.replace(info, ambiguous=False)
        infos.append(info)
    if data.misspelt_before is not None:
        for k, info in enumerate(infos):
            if (
                info is not None
                and info.spelt_as is not None
                and not _number_place(text, atoms, infos, k, lang)
            ):
                infos[k] = None
    words = {w.first_atom: w for w in _word_chains(text, atoms, lang, infos)}
    nums: list[Num] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if a.is_digit:
            if a.start > 0 and (text[a.start - 1].isalpha() or text[a.start - 1] == "_"):
                i += 1
                continue
            num = _digit_num(text, atoms, i, lang)
        elif i in words:
            num = _paren_digits(text, atoms, words[i])
        else:
            i += 1
            continue
        num = _percent(text, atoms, num, data.percent_words)
        nums.append(num)
        i = num.last_atom + 1
    return nums


def _number_place(text: str, atoms: list[Atom], infos: list[WordInfo | None], k: int, lang: str) -> bool:
    """A misspelt number word (:attr:`WordInfo.spelt_as`) stands where a number stands: next to another
    number word («двадцать пятго»), or right before a word a number counts or dates («двадцотого
    числа», «пятнадцатти рабочих дней»)."""
    from .lexicon import _morph

    for j in (k - 1, k + 1):
        if not 0 <= j < len(atoms):
            continue
        gap = text[atoms[min(j, k)].end : atoms[max(j, k)].start]
        other = infos[j]
        if is_space(gap) and other is not None and other.value is not None and other.spelt_as is None:
            return True
    if k + 1 < len(atoms) and is_space(text[atoms[k].end : atoms[k + 1].start]) and not atoms[k + 1].is_digit:
        nxt = atoms[k + 1].text.lower()
        before = lang_data(lang).misspelt_before or frozenset()
        return any(normalize_word(p.normal_form) in before for p in _morph().parse(nxt))
    return False


def _digit_num(text: str, atoms: list[Atom], i: int, lang: str) -> Num:
    a = atoms[i]
    value, kind = _digit_value(a.text)
    end, last, case, has_suffix = a.end, i, None, False
    m = _HYPHEN_SUFFIX_RE.match(text, a.end)
    if m and i + 1 < len(atoms) and atoms[i + 1].start == m.start(1):
        suf = analyze_digit_suffix(m.group(1), lang)
        if suf is not None:
            if suf[0] == "ordinal" and kind == "cardinal":
                kind = "ordinal"
            case, end, last, has_suffix = suf[1], m.end(), i + 1, True
    num = Num(a.start, end, value, kind, case, i, last, digits=True, has_suffix=has_suffix)
    # "5 (пяти)": digits followed by the same number in words
    pm = _PAREN_RE.match(text, end)
    if pm and not any(ch.isdigit() for ch in pm.group(1)):
        inner = scan(pm.group(1), lang, allow_ambiguous=True)
        if len(inner) == 1 and inner[0].value == value and _covers(pm.group(1), inner[0]):
            last = _atom_index_at(atoms, pm.end(), last)
            num = Num(a.start, pm.end(), value, kind, inner[0].case or case, i, last, True, has_suffix)
    return num


def _paren_digits(text: str, atoms: list[Atom], num: Num) -> Num:
    """ "пяти (5)": words followed by the same number in digits."""
    pm = _PAREN_RE.match(text, num.end)
    if pm and re.fullmatch(r"\d+(?:,\d+)?", pm.group(1)) and _digit_value(pm.group(1))[0] == num.value:
        last = _atom_index_at(atoms, pm.end(), num.last_atom)
        return Num(
            num.start, pm.end(), num.value, num.kind, num.case, num.first_atom, last, False, num.has_suffix
        )
    return num


def _percent(text: str, atoms: list[Atom], num: Num, percent_words: tuple[str, ...]) -> Num:
    pm = _PERCENT_RE.match(text, num.end)
    if pm:
        return Num(**{**num.__dict__, "end": pm.end(), "percent": True})
    nxt = num.last_atom + 1
    if nxt < len(atoms) and is_space(text[num.end : atoms[nxt].start]):
        w = normalize_word(atoms[nxt].text)
        if any(w.startswith(p) for p in percent_words):
            return Num(**{**num.__dict__, "percent": True})
    return num


def _covers(s: str, num: Num) -> bool:
    return s[: num.start].strip() == "" and s[num.end :].strip() == ""


def _atom_index_at(atoms: list[Atom], end: int, last: int) -> int:
    """Index of the last atom that ends at or before ``end``."""
    j = last
    while j + 1 < len(atoms) and atoms[j + 1].end <= end:
        j += 1
    return j
