"""Stage 2 helper (normalise): Kazakh written in a Latin alphabet, recognised and read back into Cyrillic.

Consumes a text; produces the alphabet it is written in (``"2017"`` apostrophes, ``"2018"`` acute
accents, ``"2021"`` umlauts and cedillas, or ``None`` when it is not Kazakh in Latin letters) and
the Cyrillic text with a map from every new offset to the old one, so that every later stage reads
Cyrillic Kazakh and every quote still points at the letters as printed. Data (recognition words,
alphabets): ``docgen/data/kk_latin.yaml``.

Letters whose Cyrillic depends on the word: «ı» (2017: «i'») is «й» after a vowel, else «и», and
«ıa» is «я» (after a consonant «ия»); a capital «I» of 2017/2018, and «i» of 2021, is «і» in a word
with front vowels, else «и». Position codes (``E-1``, ``C-O-1``), Roman numerals and web addresses
stay as printed.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["alphabet", "is_kazakh_latin", "transliterate", "ALPHABET_NAMES"]

ALPHABET_NAMES = {"2017": "2017", "2018": "2018", "2021": "2021"}

_APOS = "'\u2019\u02bc\u02bb`\u2018"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("docgen.data").joinpath("kk_latin.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


_LATIN_FOLD = str.maketrans({"ı": "i", "y": "i", "ý": "u", "ş": "sh", "ç": "ch", **{c: None for c in _APOS}})
_WORD = re.compile(rf"[^\W\d_][^\W\d_{_APOS}]*(?:[{_APOS}][^\W\d_]*)*")


def _fold(word: str) -> str:
    """One skeleton for the three Kazakh Latin alphabets: diacritics and apostrophes dropped."""
    w = word.lower().translate(_LATIN_FOLD)
    w = unicodedata.normalize("NFD", w)
    return "".join(c for c in w if not unicodedata.combining(c)).replace("y", "i")


@lru_cache(maxsize=1)
def _prefix_re() -> re.Pattern[str]:
    prefixes = sorted(_data()["prefixes"], key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in prefixes))


def is_kazakh_latin(text: str) -> bool:
    """True when enough frequent Kazakh words (in any of its Latin alphabets) are among the first
    5,000 words of ``text``."""
    prefix = _prefix_re()
    words = [w for _, w in zip(range(5000), _WORD.finditer(text), strict=False)]
    if not words:
        return False
    hits = 0
    distinct: set[str] = set()
    for w in words:
        m = prefix.match(_fold(w.group()))
        if m:
            hits += 1
            distinct.add(m.group())
    return len(distinct) >= 3 and hits >= 0.03 * len(words)


_CYRILLIC = re.compile(r"[\u0400-\u052f]")
_LATIN_ANY = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SAMPLE = 50_000  # characters read to decide (an act is in one script throughout)


def alphabet(text: str) -> str | None:
    """``"2017"``, ``"2018"`` or ``"2021"`` when ``text`` is Kazakh in that Latin alphabet, else None."""
    sample = text[:_SAMPLE]
    cyr = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN_ANY.findall(sample))
    if latin == 0 or cyr >= latin:
        return None
    low = sample.lower()
    if not is_kazakh_latin(low):
        return None
    marks = {name: sum(low.count(c) for c in chars) for name, chars in _data()["marks"].items()}
    marks["2017"] = len(re.findall(rf"[agnoucsyi][{_APOS}](?=\w)", low))
    best = max(marks, key=lambda k: marks[k])
    return best if marks[best] > 0 else "2018"


@lru_cache(maxsize=4)
def _table(name: str) -> tuple[dict[str, str], int]:
    table: dict[str, str] = {}
    for k, v in _data()["alphabets"][name].items():
        key = str(k)
        if name == "2017" and key.endswith("'"):
            for a in _APOS:
                table[key[:-1] + a] = str(v)
        else:
            table[key] = str(v)
    return table, max(len(k) for k in table)


_SKIP = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\S+|\b[\w.-]+\.(?:kz|ru|com|org|net|gov)\b\S*"
    r"|(?<![\w-])[A-Z](?:-[A-Z])?-\d{1,2}(?!\w)"  # position codes E-1, C-O-1
    r"|(?<![^\W\d_])[IVXLCDM]+(?![^\W\d_])"  # Roman numerals
)


def _vowels() -> tuple[str, str, str]:
    d = _data()
    return str(d["vowels"]), str(d["back_vowels"]), str(d["front_vowels"])


@lru_cache(maxsize=65536)  # an act repeats its words: each distinct word is read once
def _word(word: str, name: str) -> tuple[str, tuple[int, ...]]:
    """Cyrillic of one Latin word and, for every Cyrillic character, the index of its Latin source."""
    table, longest = _table(name)
    vowels, back, front = _vowels()
    low = word.lower()
    front_word = any(c in front for c in low) or not any(c in back for c in low)
    out: list[str] = []
    src: list[int] = []
    i = 0
    n = len(word)
    while i < n:
        ch = word[i]
        lc = low[i]
        back_i = i - 1
        while back_i >= 0 and low[back_i] in _APOS:
            back_i -= 1  # 2017: «a'» is one letter; what precedes an «i'» is the «a»
        prev = low[back_i] if back_i >= 0 else ""
        size, cyr = 1, ""
        nxt_at = i + 1
        if name == "2021":
            if lc == "y":
                nxt = low[i + 1] if i + 1 < n else ""
                if prev == "i" and nxt == "a":
                    cyr, size = "я", 2
                else:
                    cyr = "й" if prev == "" or prev in vowels else "ы"
            elif lc == "i":
                cyr = "і" if front_word else "и"
        else:
            acronym = word.isupper() and len(word) <= 5
            soft = lc == "ı" or (name == "2018" and ch == "I" and (acronym or not front_word))
            if low.startswith("tsı", i) or (
                name == "2017" and low.startswith("tsi", i) and low[i + 3 : i + 4] in _APOS
            ):  # ц of loanwords (функция, процесс): «ts» before «ı»
                cyr, size = "ц", 2
            if name == "2017" and lc == "i" and i + 1 < n and word[i + 1] in _APOS:
                soft, size, nxt_at = True, 2, i + 2
            if soft and not cyr:
                nxt = low[nxt_at] if nxt_at < n else ""
                after_vowel = prev != "" and prev in vowels and prev != "ı"
                if nxt in ("a", "ý"):
                    one = "я" if nxt == "a" else "ю"
                    cyr = one if (prev in ("", "ı") or after_vowel) else "и" + one
                    size += 1
                else:
                    cyr = "й" if after_vowel else "и"
        if not cyr:
            for size in range(min(longest, n - i), 0, -1):
                cyr = table.get(low[i : i + size], "")
                if cyr:
                    break
            if not cyr:
                size, cyr = 1, word[i]  # not a letter of the alphabet: kept as printed
        if word[i].isupper() and cyr:
            whole_upper = word.isupper() and len(word) > 1
            cyr = cyr.upper() if whole_upper else cyr[0].upper() + cyr[1:]
        for k, c in enumerate(cyr):
            out.append(c)
            src.append(i + min(k, size - 1))
        i += size
    return "".join(out), tuple(src)


def transliterate(text: str, name: str) -> tuple[str, array[int]]:
    """``text`` read in Cyrillic (alphabet ``name``) and the map new offset -> old offset (one entry
    more than the new text, like :func:`docgen.normalize._apply`)."""
    skip = [(m.start(), m.end()) for m in _SKIP.finditer(text)]
    parts: list[str] = []
    mapping: array[int] = array("q")
    pos = 0
    j = 0
    for m in _WORD.finditer(text):
        s, e = m.start(), m.end()
        while j < len(skip) and skip[j][1] <= s:
            j += 1
        if j < len(skip) and skip[j][0] < e:
            continue
        word = m.group()
        if _CYRILLIC.search(word):
            continue
        cyr, src = _word(word, name)
        parts.append(text[pos:s])
        mapping.extend(range(pos, s))
        parts.append(cyr)
        mapping.extend(s + k for k in src)
        pos = e
    parts.append(text[pos:])
    mapping.extend(range(pos, len(text) + 1))
    return "".join(parts), mapping
