"""Word-level number analysis (stage: text analysis; consumes one word, produces a WordInfo).

The vocabulary comes from ``docgen/lang/<lang>/numbers.yaml``. Two inflection strategies are
selected by the data file's ``inflection`` key:

* ``suffixes`` (Kazakh): stem from ``cardinals`` + suffixes from ``suffixes`` (ordinal marker,
  possessive, case), matched as a small suffix grammar;
* ``pymorphy3`` (Russian): the word's normal form (pymorphy3, imported lazily and cached) is looked
  up in ``cardinals`` / ``ordinals`` / ``fractions.denominators``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Any

from docgen.lang import load_data

# Latin letters that look like Cyrillic ones; applied only to mixed-script words ("тaraу").
_LATIN_TO_CYR = str.maketrans("aeopcxyiKkHMTBABEOPCXY", "аеорсхуіКкНМТВАВЕОРСХУ")
_CYR = re.compile(r"[а-яёәіңғүұқөһ]", re.IGNORECASE)
_LAT = re.compile(r"[a-z]", re.IGNORECASE)


_MIN_NUMERIC_SCORE = 0.3


@dataclass(frozen=True)
class WordInfo:
    """What a single word says about numbers.

    ``value`` is None for words that are only fraction denominators ("трети").
    ``case`` is a case label from the data ("abl", "dat", "poss" ...) or None when uninflected.
    ``den`` is the denominator value when the word can follow a numerator ("трети", "пятых").
    """

    value: int | float | None
    kind: str = "cardinal"
    case: str | None = None
    inflected: bool = False
    ambiguous: bool = False  # a number only inside a compound ("тоқсан" alone = quarter)
    excluded: bool = False  # a number only after another number word ("он бірге"; "бірге" = together)
    den: int | None = None
    den_needs_one: bool = False  # "пятая" is a denominator only after "одна"
    fraction: tuple[int, int] | None = None  # a fraction on its own ("половина", "жартысы")
    spelt_as: str | None = None  # a misspelt ordinal read as this lexicon word ("жиырмамыншы")


def normalize_word(word: str) -> str:
    """Lower-case; fix Latin look-alikes inside Cyrillic words; ё -> е."""
    w = word.lower()
    if _LAT.search(w) and _CYR.search(w):
        w = w.translate(_LATIN_TO_CYR)
    return w.replace("ё", "е")


@dataclass(frozen=True)
class LangData:
    lang: str
    inflection: str
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    multipliers: frozenset[int]
    ambiguous: frozenset[str]
    exclude: frozenset[str]
    percent_words: tuple[str, ...]
    denominators: dict[str, int]
    fraction_words: dict[str, tuple[int, int]]
    fraction_pattern: str
    range_start: frozenset[str]
    range_mid: frozenset[str]
    range_end: frozenset[str]
    range_low_case: str | None
    range_high_case: str | None
    stems: tuple[str, ...]  # suffix languages: stems, longest first
    bound_stems: dict[str, int]  # stems that must carry a suffix ("қырқ-ы")
    suffix_re: re.Pattern[str] | None
    case_of: dict[str, str]  # suffix -> case label
    poss_case_of: dict[str, str]  # suffix after a possessive -> case label
    digit_suffix_re: re.Pattern[str] | None
    digit_ordinal: frozenset[str]
    digit_cardinal: frozenset[str]
    prefixes: frozenset[str]  # 2-letter prefixes of all lemmas (cheap pre-filter)
    # morphology languages: a misspelt number word is read only before one of these words (their normal
    # forms) or next to another number word (:func:`misspelt_number`); None: no such place rule
    misspelt_before: frozenset[str] | None = None


def _alt(items: list[str]) -> str:
    return "|".join(re.escape(s) for s in sorted(set(items), key=len, reverse=True))


@functools.cache
def lang_data(lang: str) -> LangData:
    raw: dict[str, Any] = load_data(lang, "numbers")
    suffixes: dict[str, Any] = raw.get("suffixes") or {}
    cases: dict[str, list[str]] = suffixes.get("cases") or {}
    after_poss: dict[str, list[str]] = suffixes.get("after_possessive") or {}
    case_of = {s: c for c, lst in cases.items() for s in lst}
    poss_case_of = {s: c for c, lst in after_poss.items() for s in lst}
    suffix_re = None
    if raw.get("inflection") == "suffixes":
        ordinal = _alt(suffixes.get("ordinal") or [])
        poss = _alt(suffixes.get("possessive") or [])
        suffix_re = re.compile(
            rf"(?P<ord>{ordinal})?(?:(?P<poss>{poss})(?P<pcase>{_alt(list(poss_case_of))})?"
            rf"|(?P<case>{_alt(list(case_of))}))?"
        )
    dsuf: dict[str, list[str]] = raw.get("digit_suffixes") or {}
    digit_ord = frozenset(dsuf.get("ordinal") or [])
    digit_card = frozenset(dsuf.get("cardinal") or [])
    digit_suffix_re = None
    if suffix_re is not None:
        ordinal = _alt(list(digit_ord | set(suffixes.get("ordinal") or [])))
        digit_suffix_re = re.compile(suffix_re.pattern.replace("(?P<ord>", f"(?P<ord>{ordinal}|", 1))
    fr: dict[str, Any] = raw.get("fractions") or {}
    rg: dict[str, Any] = raw.get("ranges") or {}
    cardinals = {normalize_word(k): int(v) for k, v in (raw.get("cardinals") or {}).items()}
    ordinals = {normalize_word(k): int(v) for k, v in (raw.get("ordinals") or {}).items()}
    denominators = {normalize_word(k): int(v) for k, v in (fr.get("denominators") or {}).items()}
    fraction_words = {normalize_word(k): (int(v[0]), int(v[1])) for k, v in (fr.get("words") or {}).items()}
    bound = {normalize_word(k): int(v) for k, v in (raw.get("bound_stems") or {}).items()}
    lemmas = set(cardinals) | set(ordinals) | set(denominators) | set(fraction_words) | set(bound)
    return LangData(
        lang=lang,
        inflection=str(raw.get("inflection")),
        cardinals=cardinals,
        ordinals=ordinals,
        multipliers=frozenset(int(v) for v in raw.get("multipliers") or []),
        ambiguous=frozenset(normalize_word(w) for w in raw.get("ambiguous") or []),
        exclude=frozenset(normalize_word(w) for w in raw.get("exclude") or []),
        percent_words=tuple(normalize_word(w) for w in raw.get("percent_words") or []),
        denominators=denominators,
        fraction_words=fraction_words,
        fraction_pattern=str(fr.get("pattern", "")),
        range_start=frozenset(rg.get("start_words") or []),
        range_mid=frozenset(rg.get("mid_words") or []),
        range_end=frozenset(rg.get("end_words") or []),
        range_low_case=rg.get("low_case"),
        range_high_case=rg.get("high_case"),
        stems=tuple(sorted(set(cardinals) | set(fraction_words) | set(bound), key=len, reverse=True)),
        bound_stems=bound,
        suffix_re=suffix_re,
        case_of=case_of,
        poss_case_of=poss_case_of,
        digit_suffix_re=digit_suffix_re,
        digit_ordinal=digit_ord,
        digit_cardinal=digit_card,
        prefixes=frozenset(w[:2] for w in lemmas),
        misspelt_before=(
            frozenset(normalize_word(w) for w in raw["misspelt_before"]) if "misspelt_before" in raw else None
        ),
    )


def _suffix_info(data: LangData, rest: str, pattern: re.Pattern[str]) -> tuple[bool, str | None] | None:
    """(is_ordinal, case) when ``rest`` is a valid suffix chain, else None."""
    m = pattern.fullmatch(rest)
    if m is None:
        return None
    case: str | None = None
    if m.group("poss"):
        case = data.poss_case_of[m.group("pcase")] if m.group("pcase") else "poss"
    elif m.group("case"):
        case = data.case_of[m.group("case")]
    return bool(m.group("ord")), case


def _analyze_suffixed(data: LangData, w: str) -> WordInfo | None:
    assert data.suffix_re is not None
    for stem in data.stems:
        if not w.startswith(stem):
            continue
        rest = w[len(stem) :]
        if stem in data.bound_stems and not rest:
            continue
        info = _suffix_info(data, rest, data.suffix_re)
        if info is None:
            continue
        ordinal, case = info
        if stem in data.fraction_words:
            if ordinal:
                continue
            return WordInfo(None, case=case, inflected=w != stem, fraction=data.fraction_words[stem])
        return WordInfo(
            data.cardinals[stem] if stem in data.cardinals else data.bound_stems[stem],
            kind="ordinal" if ordinal else "cardinal",
            case=case,
            inflected=w != stem,
            ambiguous=stem in data.ambiguous,
        )
    return None


@functools.cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _analyze_morph(data: LangData, w: str) -> WordInfo | None:
    parses = [p for p in _morph().parse(w) if normalize_word(p.normal_form) in _lemma_set(data.lang)]
    if not parses:
        return None
    # a rare numeric reading ("семью": mostly "family") counts only inside a compound
    weak = sum(p.score for p in parses) < _MIN_NUMERIC_SCORE
    p = parses[0]
    nf = normalize_word(p.normal_form)
    tag = p.tag
    if nf in data.cardinals:
        return WordInfo(data.cardinals[nf], inflected=w != nf, excluded=weak)
    if weak:
        return None
    if nf in data.ordinals:
        plural = "plur" in tag
        return WordInfo(
            data.ordinals[nf],
            kind="ordinal",
            inflected=w != nf,
            den=data.ordinals[nf] if plural or "femn" in tag else None,
            den_needs_one=not plural,
        )
    den = data.denominators.get(nf)
    return WordInfo(None, den=den, fraction=data.fraction_words.get(nf))


@functools.cache
def _lemma_set(lang: str) -> frozenset[str]:
    d = lang_data(lang)
    return (
        frozenset(d.cardinals)
        | frozenset(d.ordinals)
        | frozenset(d.denominators)
        | frozenset(d.fraction_words)
    )


@functools.lru_cache(maxsize=65536)
def analyze_word(word: str, lang: str) -> WordInfo | None:
    """Number information of one word (letters only), or None if it is not a number word."""
    data = lang_data(lang)
    w = normalize_word(word)
    if w[:2] not in data.prefixes:
        return None
    info = _analyze_suffixed(data, w) if data.inflection == "suffixes" else _analyze_morph(data, w)
    if info is None:
        right = misspelt_number(w, lang)
        if right is not None:
            read = (
                _analyze_suffixed(data, right)
                if data.inflection == "suffixes"
                else _analyze_morph(data, right)
            )
            info = dataclasses.replace(read or WordInfo(None), spelt_as=right)
    if info is not None and w in data.exclude:
        return dataclasses.replace(info, excluded=True)
    return info


_VOWELS = frozenset("аәеиоөұүыіэюяу")
_FRONT = frozenset("әеөүіи")


@functools.cache
def _ordinal_words(lang: str) -> frozenset[str]:
    """The uninflected ordinals of a suffix language (бесінші, жиырмасыншы): each stem with each ordinal
    marker that may follow it: after a vowel a marker starting with a consonant, after a consonant one
    starting with a vowel (Kazakh joins no two vowels), front after a front last vowel, back after a back
    one (vowel harmony)."""
    data = lang_data(lang)
    raw: dict[str, Any] = load_data(lang, "numbers")
    markers = (raw.get("suffixes") or {}).get("ordinal") or []
    out = set()
    for stem in data.stems:
        if stem in data.fraction_words:
            continue
        for mk in markers:
            last = next((ch for ch in reversed(stem) if ch in _VOWELS and ch != "у"), "")
            front = last in _FRONT
            if (stem[-1] in _VOWELS) != (mk[0] in _VOWELS) and front == any(ch in _FRONT for ch in mk):
                out.add(stem + mk)
    return frozenset(out)


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one letter replaced, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


@functools.lru_cache(maxsize=4096)
def misspelt_ordinal(word: str, lang: str) -> str | None:
    """The ordinal a word misspells by one letter («жиырмамыншы» -> «жиырмасыншы»), conservatively: only
    for a word the lexicon does not know, at least six letters long, when exactly one uninflected ordinal
    of the lexicon is one letter away and ends as the word does (the ordinal marker's last three
    letters). Else None. The reading is recorded (:attr:`WordInfo.spelt_as`), never silent."""
    w = normalize_word(word)
    data = lang_data(lang)
    if data.inflection != "suffixes" or len(w) < 6 or _analyze_suffixed(data, w) is not None:
        return None
    near = [o for o in _ordinal_words(lang) if o[-3:] == w[-3:] and _one_edit(o, w)]
    return near[0] if len(near) == 1 else None


@functools.cache
def _number_forms(lang: str) -> frozenset[str]:
    """Every inflected form of every cardinal and ordinal of a morphology language («двадцатого»,
    «двадцатью», «тысячами»), from pymorphy3's paradigms of the lexicon's words."""
    data = lang_data(lang)
    out: set[str] = set()
    for lemma in (*data.cardinals, *data.ordinals):
        for p in _morph().parse(lemma):
            if normalize_word(p.normal_form) == lemma:
                out.update(normalize_word(f.word) for f in p.lexeme)
    return frozenset(out)


@functools.lru_cache(maxsize=4096)
def misspelt_number(word: str, lang: str) -> str | None:
    """The number word ``word`` misspells by one letter, or None; conservatively.

    Kazakh (suffix grammar): :func:`misspelt_ordinal`. Russian (morphology): only for a word of at least
    six letters that the dictionary does not know, when exactly one form of the lexicon's cardinals and
    ordinals is one letter away and ends as the word does (its last two letters: the case ending)
    («двадцотого» -> «двадцатого»). The reading is recorded (:attr:`WordInfo.spelt_as`), and the scanner
    takes it only in a number's place (:attr:`LangData.misspelt_before`)."""
    data = lang_data(lang)
    if data.inflection == "suffixes":
        return misspelt_ordinal(word, lang)
    w = normalize_word(word)
    if len(w) < 6 or not w.isalpha() or _morph().word_is_known(w):
        return None
    near = [f for f in _number_forms(lang) if f[-2:] == w[-2:] and _one_edit(f, w)]
    return near[0] if len(near) == 1 else None


@functools.lru_cache(maxsize=4096)
def analyze_digit_suffix(suffix: str, lang: str) -> tuple[str, str | None] | None:
    """For "ке" in "5-ке": (kind, case), or None when the hyphenated word is not a number ending."""
    data = lang_data(lang)
    s = normalize_word(suffix)
    if data.digit_suffix_re is not None:
        info = _suffix_info(data, s, data.digit_suffix_re)
        if info is None or not s:
            return None
        return ("ordinal" if info[0] else "cardinal"), info[1]
    if s in data.digit_cardinal:
        return "cardinal", None
    if s in data.digit_ordinal:
        return "ordinal", None
    return None


def word_has_case(word: str, case: str, lang: str) -> bool:
    """True when an arbitrary word ("баллдан") ends in a case suffix of ``case`` ("abl")."""
    data = lang_data(lang)
    w = normalize_word(word)
    return any(w.endswith(s) and len(w) > len(s) + 1 for s, c in data.case_of.items() if c == case)
