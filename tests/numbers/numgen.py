"""Small independent generators of Kazakh and Russian number words for the property tests."""

from __future__ import annotations

KK_UNITS = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
KK_TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]
KK_SUFFIX_KINDS = ["", "abl", "dat", "gen", "loc", "acc", "ins", "poss", "ord", "ord_abl", "poss_abl"]

_BACK = set("аоұы")
_FRONT = set("әөүіе")
_VOWELS = set("аәеоөұүыіи")
_VOICELESS = set("кқпстфхцчшщ")
_NASAL = set("мнң")


def kk_words(n: int) -> list[str]:
    """Nominative Kazakh words for 0 <= n <= 999 ("екі жүз елу бес")."""
    if n == 0:
        return ["нөл"]
    words: list[str] = []
    h, rest = divmod(n, 100)
    if h:
        words += ([KK_UNITS[h]] if h > 1 else []) + ["жүз"]
    t, u = divmod(rest, 10)
    if t:
        words.append(KK_TENS[t])
    if u:
        words.append(KK_UNITS[u])
    return words


def _front(word: str) -> bool:
    for ch in reversed(word):
        if ch in _BACK:
            return False
        if ch in _FRONT:
            return True
    return True


def _pick(word: str, back: str, front: str) -> str:
    return front if _front(word) else back


def kk_suffix(word: str, kind: str) -> str:
    """``word`` with a Kazakh ending chosen by vowel harmony and consonant assimilation."""
    if word == "қырық" and kind in ("poss", "poss_abl", "ord", "ord_abl"):
        word = "қырқ"  # vowel elision before a vowel-initial suffix
    last = word[-1]
    vowel = last in _VOWELS
    if kind == "":
        return word
    if kind == "abl":
        first = "н" if last in _NASAL else "т" if last in _VOICELESS else "д"
        return word + first + _pick(word, "ан", "ен")
    if kind == "dat":
        return word + _pick(word, "қа", "ке") if last in _VOICELESS else word + _pick(word, "ға", "ге")
    if kind == "gen":
        first = "н" if vowel or last in _NASAL else "т" if last in _VOICELESS else "д"
        return word + first + _pick(word, "ың", "ің")
    if kind == "loc":
        return word + ("т" if last in _VOICELESS else "д") + _pick(word, "а", "е")
    if kind == "acc":
        first = "н" if vowel else "т" if last in _VOICELESS else "д"
        return word + first + _pick(word, "ы", "і")
    if kind == "ins":
        return word + ("п" if last in _VOICELESS else "б" if last in "зж" else "м") + "ен"
    if kind == "poss":
        return word + (_pick(word, "сы", "сі") if vowel else _pick(word, "ы", "і"))
    if kind == "poss_abl":
        return kk_suffix(word, "poss") + _pick(word, "нан", "нен")
    if kind == "ord":
        return word + (_pick(word, "ншы", "нші") if vowel else _pick(word, "ыншы", "інші"))
    if kind == "ord_abl":
        return kk_suffix(word, "ord") + _pick(word, "дан", "ден")
    raise ValueError(kind)


RU_UNITS = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
RU_TEENS = [
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
]
RU_TENS = [
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
]
RU_HUNDREDS = [
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
]
RU_ORD_UNITS = [
    "",
    "первый",
    "второй",
    "третий",
    "четвертый",
    "пятый",
    "шестой",
    "седьмой",
    "восьмой",
    "девятый",
]
RU_ORD_TEENS = [
    "десятый",
    "одиннадцатый",
    "двенадцатый",
    "тринадцатый",
    "четырнадцатый",
    "пятнадцатый",
    "шестнадцатый",
    "семнадцатый",
    "восемнадцатый",
    "девятнадцатый",
]
RU_ORD_TENS = [
    "",
    "",
    "двадцатый",
    "тридцатый",
    "сороковой",
    "пятидесятый",
    "шестидесятый",
    "семидесятый",
    "восьмидесятый",
    "девяностый",
]
RU_CASES = ["nomn", "gent", "datv", "accs", "ablt", "loct"]


def ru_words(n: int, ordinal: bool = False) -> list[str]:
    """Nominative Russian words for 0 <= n <= 999; with ``ordinal`` the last word is an ordinal."""
    if n == 0:
        return ["нулевой" if ordinal else "ноль"]
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    words = [RU_HUNDREDS[h]] if h else []
    if t == 1:
        words.append((RU_ORD_TEENS if ordinal else RU_TEENS)[u])
    else:
        if t:
            words.append((RU_ORD_TENS if ordinal and not u else RU_TENS)[t])
        if u:
            words.append((RU_ORD_UNITS if ordinal else RU_UNITS)[u])
    if ordinal and not rest:
        words[-1] = "сотый" if h == 1 else words[-1]
    return words
