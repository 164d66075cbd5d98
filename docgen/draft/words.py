"""Draft stage, numbers written in words: the inverse of :mod:`docgen.numbers` (kk and ru).

``words(n, lang, kind="card"|"ord", case=...)`` writes a non-negative integer as the act would
("жиырмасыншы", "бес жұмыс күні ішінде", "не позднее двадцатого числа", "менее одного месяца").
Kazakh: the stems come from ``docgen/lang/kk/numbers.yaml`` and the case suffix (on the last word)
follows vowel harmony and the last sound. Russian: every word is inflected with pymorphy3.
``kk_suffix(word, case)`` is the same suffix choice for any Kazakh word (also used for names).
"""

from __future__ import annotations

import functools
from typing import Any

from ..lang import load_data

_BACK = set("аоұыяу")
_FRONT = set("әеөүіиэ")
_VOWELS = _BACK | _FRONT | {"ю", "ё"}
_NASAL = set("мнң")
_VOICED = set("жзлрйуwи")

# case -> (after vowel, after nasal, after voiced consonant, after voiceless consonant) x (back, front)
_KK_SUFFIX: dict[str, tuple[tuple[str, str], ...]] = {
    "abl": (("дан", "ден"), ("нан", "нен"), ("дан", "ден"), ("тан", "тен")),
    "dat": (("ға", "ге"), ("ға", "ге"), ("ға", "ге"), ("қа", "ке")),
    "gen": (("ның", "нің"), ("ның", "нің"), ("дың", "дің"), ("тың", "тің")),
    "loc": (("да", "де"), ("да", "де"), ("да", "де"), ("та", "те")),
    "acc": (("ны", "ні"), ("ды", "ді"), ("ды", "ді"), ("ты", "ті")),
}
# after the 3rd-person possessive (-ы/-і/-сы/-сі): "әкімдігі" -> "әкімдігінің", "әкімдігіне"
_KK_AFTER_POSS: dict[str, tuple[str, str]] = {
    "abl": ("нан", "нен"),
    "dat": ("на", "не"),
    "gen": ("ның", "нің"),
    "loc": ("нда", "нде"),
    "acc": ("н", "н"),
}

KK_CASES = ("nom", *_KK_SUFFIX)
RU_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def is_front(word: str) -> bool:
    """Kazakh vowel harmony: the last vowel of the word decides; у and и take the harmony of the
    vowel before them ("елу" -> "елуден", "су" -> "судан")."""
    for ch in reversed(word.lower()):
        if ch in "уи":
            continue
        if ch in _FRONT:
            return True
        if ch in _BACK:
            return False
    return False


def kk_suffix(word: str, case: str, *, possessive: bool = False) -> str:
    """The suffix of Kazakh ``case`` for ``word`` ("" for the nominative)."""
    if case == "nom":
        return ""
    front = is_front(word)
    if possessive:
        return _KK_AFTER_POSS[case][front]
    last = word.lower()[-1]
    if last in _VOWELS:
        row = 0
    elif last in _NASAL:
        row = 1
    elif last in _VOICED:
        row = 2
    else:
        row = 3
    return _KK_SUFFIX[case][row][front]


@functools.cache
def _kk_stems() -> dict[int, str]:
    raw: dict[str, Any] = load_data("kk", "numbers")
    out: dict[int, str] = {}
    for word, value in (raw.get("cardinals") or {}).items():
        # the plain cardinal, not the collective (екеу, үшеу ...)
        if not word.endswith(("еу", "ау")):
            out.setdefault(int(value), word)
    return out


def _kk_cardinal(n: int) -> list[str]:
    stems = _kk_stems()
    if n == 0:
        return [stems[0]]
    parts: list[str] = []
    for big in (1_000_000, 1000, 100):
        q, n = divmod(n, big)
        if q:
            if q > 1 or big == 1_000_000:
                parts += _kk_cardinal(q)
            parts.append(stems[big])
    tens, units = divmod(n, 10)
    if tens:
        parts.append(stems[tens * 10])
    if units:
        parts.append(stems[units])
    return parts


@functools.cache
def _kk_bound() -> dict[str, str]:
    """Stems that drop a vowel before a suffix starting with a vowel ("қырық" -> "қырқ-ыншы")."""
    raw: dict[str, Any] = load_data("kk", "numbers")
    stems = _kk_stems()
    return {stems[int(v)]: str(k) for k, v in (raw.get("bound_stems") or {}).items() if int(v) in stems}


def _kk_ordinal(word: str) -> str:
    front = is_front(word)
    word = _kk_bound().get(word, word)
    if word.endswith(("а", "ә")):
        return word + ("сінші" if front else "сыншы")
    if word.endswith(("ы", "і")):
        return word + ("нші" if front else "ншы")
    return word + ("інші" if front else "ыншы")


def _kk_words(n: int, kind: str, case: str) -> str:
    parts = _kk_cardinal(n)
    if kind == "ord":
        parts[-1] = _kk_ordinal(parts[-1])
    if case != "nom":
        last = parts[-1]
        parts[-1] = last + kk_suffix(last, case)
    return " ".join(parts)


def _ru_lexicon(section: str) -> dict[int, str]:
    """value -> word of the parser's Russian lexicon (``docgen/lang/ru/numbers.yaml``), first spelling
    first: the words the drafts write are exactly the words ``docgen.numbers`` reads back."""
    out: dict[int, str] = {}
    for word, value in load_data("ru", "numbers")[section].items():
        out.setdefault(int(value), str(word))
    return out


def _ru_lists(section: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """Units 0-9, teens 10-19, tens (20-90 at 2..9) and hundreds (100-900 at 1..9) of one section."""
    words = _ru_lexicon(section)
    units = [words[i] for i in range(10)]
    teens = [words[10 + i] for i in range(10)]
    tens = ["", ""] + [words[10 * i] for i in range(2, 10)]
    hundreds = [""] + [words[100 * i] for i in range(1, 10)]
    return units, teens, tens, hundreds


_RU_UNITS, _RU_TEENS, _RU_TENS, _RU_HUNDREDS = _ru_lists("cardinals")
_RU_ORD_UNITS, _RU_ORD_TEENS, _RU_ORD_TENS, _RU_ORD_HUNDREDS = _ru_lists("ordinals")


@functools.cache
def morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _ru_parts(n: int, ordinal: bool) -> list[tuple[str, bool]]:
    """(lemma, is_ordinal) words of ``n`` < 1000; only the last word of an ordinal is ordinal."""
    if n == 0:
        return [(_RU_ORD_UNITS[0] if ordinal else _RU_UNITS[0], ordinal)]
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    words: list[tuple[int, str]] = []  # (place, digit)
    if h:
        words.append((100, str(h)))
    if t == 1:
        words.append((10, str(rest)))
    else:
        if t:
            words.append((10, str(t)))
        if u:
            words.append((1, str(u)))
    out: list[tuple[str, bool]] = []
    for i, (place, d) in enumerate(words):
        last = ordinal and i == len(words) - 1
        k = int(d)
        if place == 100:
            out.append(((_RU_ORD_HUNDREDS if last else _RU_HUNDREDS)[k], last))
        elif place == 10 and k >= 10:
            out.append(((_RU_ORD_TEENS if last else _RU_TEENS)[k - 10], last))
        elif place == 10:
            out.append(((_RU_ORD_TENS if last else _RU_TENS)[k], last))
        else:
            out.append(((_RU_ORD_UNITS if last else _RU_UNITS)[k], last))
    return out


_RU_STO = {"gent": "ста", "datv": "ста", "ablt": "ста", "loct": "ста"}


def _ru_inflect(lemma: str, tags: set[str]) -> str:
    if lemma == "сто":
        return next((_RU_STO[t] for t in tags if t in _RU_STO), lemma)
    if tags <= {"nomn", "masc", "sing"} or not tags:
        return lemma
    parses = [p for p in morph().parse(lemma) if p.tag.POS in ("NUMR", "ADJF", "NOUN") and "nomn" in p.tag]
    for p in parses:
        want = set(tags)
        if p.tag.POS == "NUMR":
            want &= {"nomn", "gent", "datv", "accs", "ablt", "loct", "masc", "femn", "neut"}
        form = p.inflect(want)
        if form is not None:
            return str(form.word).replace("ё", "е")
    raise ValueError(f"cannot inflect {lemma!r} to {sorted(tags)}")


def _ru_words(n: int, kind: str, case: str, gender: str) -> str:
    if n >= 1000:
        raise ValueError("Russian number words are written up to 999 here")
    out = []
    for lemma, is_ord in _ru_parts(n, kind == "ord"):
        if is_ord:
            out.append(_ru_inflect(lemma, {case, gender, "sing"}))
        elif kind == "ord":
            out.append(lemma)  # "двадцать пятого": the leading words of an ordinal stay as they are
        elif lemma in ("один", "два"):
            tags = {case} | ({gender} if lemma == "один" or case in ("nomn", "accs") else set())
            out.append(_ru_inflect(lemma, tags) if (case != "nomn" or gender != "masc") else lemma)
        else:
            out.append(_ru_inflect(lemma, {case}) if case not in ("nomn", "accs") else lemma)
    return " ".join(out)


def words(n: int, lang: str, *, kind: str = "card", case: str | None = None, gender: str = "masc") -> str:
    """``n`` (an integer >= 0) in words: cardinal or ordinal, in the grammatical ``case``.

    kk cases: nom, abl, dat, gen, loc, acc; ru cases: nomn, gent, datv, accs, ablt, loct (with
    ``gender`` masc/femn/neut for "один" and ordinals)."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"not a non-negative integer: {n!r}")
    if kind not in ("card", "ord"):
        raise ValueError(f"kind must be card or ord, got {kind!r}")
    if lang == "kk":
        return _kk_words(n, kind, case or "nom")
    if lang == "ru":
        return _ru_words(n, kind, case or "nomn", gender)
    raise ValueError(f"unknown language {lang!r}")


def ru_agree(noun_phrase: str, n: int, case: str) -> str:
    """A Russian noun phrase ("рабочий день") agreed with the number ``n`` in ``case``."""
    out = []
    for w in noun_phrase.split():
        parses = [p for p in morph().parse(w) if "nomn" in p.tag and "sing" in p.tag] or morph().parse(w)
        p = parses[0]
        if case in ("nomn", "accs"):
            form = p.make_agree_with_number(n)
        else:
            form = p.inflect({case, "sing" if n % 10 == 1 and n % 100 != 11 else "plur"})
        word = str(form.word) if form is not None else w
        # after a number "человек" keeps its counting form ("двадцать человек", not "людей")
        out.append(_RU_COUNTING.get(word, word) if n % 10 != 1 or n % 100 == 11 else word)
    return " ".join(out)


_RU_COUNTING = {
    "годов": "лет",
    "людей": "человек",
    "людям": "человекам",
    "людьми": "человеками",
    "людях": "человеках",
}
