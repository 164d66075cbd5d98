"""Stage 3 helper: language data (kk / ru YAML with the same shape), language detection and dates.

Consumes the YAML files in ``docgen/structure/data``; produces compiled patterns (:class:`LangData`),
``detect_language(text)`` and ``find_dates(text, lang)`` giving ISO dates with their spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..kklatin import is_kazakh_latin

__all__ = [
    "LangData",
    "lang_data",
    "detect_language",
    "classify_language",
    "find_dates",
    "find_number",
    "DateHit",
]


@dataclass(frozen=True)
class LangData:
    code: str
    raw: dict[str, Any]
    months: tuple[tuple[str, int], ...]  # longest stem first
    long_date: re.Pattern[str]
    act_types: tuple[tuple[str, str], ...]
    registration: re.Pattern[str]
    status_repealed: re.Pattern[str]
    edit_note_start: re.Pattern[str]
    edit_kinds: tuple[tuple[str, re.Pattern[str]], ...]
    edit_targets: tuple[tuple[str, re.Pattern[str]], ...]
    deleted_text: re.Pattern[str]
    chapter: re.Pattern[str]
    annex_anchor: re.Pattern[str]
    appendix_anchor: re.Pattern[str]
    appendix_anchor_last: bool
    form_label: re.Pattern[str]
    approval_stamp: re.Pattern[str]
    methodology_title_word: re.Pattern[str]
    signature_or_blank: re.Pattern[str]
    footer: re.Pattern[str]


def _c(p: str) -> re.Pattern[str]:
    return re.compile(p, re.IGNORECASE)


@lru_cache(maxsize=4)
def lang_data(code: str) -> LangData:
    text = resources.files("docgen.structure").joinpath("data", f"{code}.yaml").read_text(encoding="utf-8")
    d: dict[str, Any] = yaml.safe_load(text)
    months = tuple(sorted(((k, int(v)) for k, v in d["months"].items()), key=lambda kv: -len(kv[0])))
    return LangData(
        code=code,
        raw=d,
        months=months,
        long_date=_c(d["long_date"]),
        act_types=tuple(sorted(d["act_types"].items(), key=lambda kv: -len(kv[0]))),
        registration=_c(d["registration"]),
        status_repealed=_c(d["status_repealed"]),
        edit_note_start=_c(d["edit_note_start"]),
        edit_kinds=tuple((k, _c(v)) for k, v in d["edit_kinds"].items()),
        edit_targets=tuple((k, _c(v)) for k, v in d["edit_targets"].items()),
        deleted_text=_c(d["deleted_text"]),
        chapter=_c(d["chapter"]),
        annex_anchor=_c(d["annex_anchor"]),
        appendix_anchor=_c(d["appendix_anchor"]),
        appendix_anchor_last=d["appendix_anchor_position"] == "last",
        form_label=_c(d["form_label"]),
        approval_stamp=_c(d["approval_stamp"]),
        methodology_title_word=_c(d["methodology_title_word"]),
        signature_or_blank=_c(d["signature_or_blank"]),
        footer=_c(d["footer"]),
    )


@lru_cache(maxsize=1)
def _detect_data() -> dict[str, Any]:
    text = resources.files("docgen.structure").joinpath("data", "detect.yaml").read_text(encoding="utf-8")
    d: dict[str, Any] = yaml.safe_load(text)
    return d


_NOT_CYRILLIC = re.compile(r"[^\u0400-\u0481\u048a-\u052f]+")
_NOT_OTHER_LETTER = re.compile(r"[\W\d_\u0400-\u052f]+")
_SAMPLE_SLICES, _SAMPLE_SLICE = 40, 10_000


def _sample(text: str) -> str:
    """The whole text up to 400,000 characters, else 40 slices of 10,000 spread evenly over it
    (bounded time on a 20 MB input; one language throughout is what an act is)."""
    n = len(text)
    if n <= _SAMPLE_SLICES * _SAMPLE_SLICE:
        return text
    step = (n - _SAMPLE_SLICE) // (_SAMPLE_SLICES - 1)
    return "\n".join(text[i * step : i * step + _SAMPLE_SLICE] for i in range(_SAMPLE_SLICES))


_HARD_SIGN_VOWEL = re.compile(r"ъ(?=[бвгджзйклмнпрстфхцчшщ])")


def classify_language(text: str) -> str:
    """ "kk" or "ru" for Cyrillic Kazakh / Russian; "kk-latn" for Kazakh in a Latin alphabet; "unknown"
    for a text whose letters are mostly not Cyrillic or whose Cyrillic is another language's.
    A text without letters is "ru" (there is nothing to misread)."""
    d = _detect_data()
    low = _sample(text).lower()
    cyr = len(_NOT_CYRILLIC.sub("", low))
    lat = len(_NOT_OTHER_LETTER.sub("", low))  # letters of any other script
    if cyr == 0 and lat == 0:
        return "ru"
    if cyr <= lat:
        return "kk-latn" if is_kazakh_latin(low) else "unknown"

    def share(chars: str) -> float:
        return sum(low.count(c) for c in chars) / cyr

    if share(d["foreign_cyrillic"]) > 0.002:
        return "unknown"
    big = cyr >= int(d["min_letters_for_statistics"])
    kk = lang_data("kk").raw["marker_letters"]
    ru = lang_data("ru").raw["marker_letters"]
    n_kk = sum(low.count(c) for c in kk)
    n_ru = sum(low.count(c) for c in ru)
    if n_kk / cyr > 0.01 and n_kk > n_ru / 3:
        if big and share(d["kk_letters"]) < 0.005:
            # і without the other Kazakh letters: Ukrainian and Belarusian write it about one letter in
            # twenty; a Russian text quoting a few Kazakh words («шешімімен бекітілген») far less often
            return "unknown" if share("і") >= float(d["foreign_i_share"]) else "ru"
        if big and share(d["kk_only"]) < 0.002:
            return "unknown"  # ң ө ү without ә ғ қ ұ і: Kyrgyz, Mongolian
        return "kk"
    if big and _HARD_SIGN_VOWEL.subn("", low)[1] / cyr > 0.001:
        return "unknown"  # ъ as a vowel (във, към, държава): Bulgarian; Russian writes ъ only before е ё ю я
    return "ru"


def detect_language(text: str) -> str:
    """ "kk" or "ru" (see :func:`classify_language`; anything else reads as "ru" here)."""
    lang = classify_language(text)
    return lang if lang in ("kk", "ru") else "ru"


@dataclass(frozen=True)
class DateHit:
    iso: str
    start: int
    end: int


_NUM_DATE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")


def _month(word: str, lang: LangData) -> int | None:
    w = word.lower()
    for stem, num in lang.months:
        if w.startswith(stem):
            return num
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    if 1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def find_dates(text: str, lang: LangData) -> list[DateHit]:
    """All dates in ``text`` (numeric dd.mm.yyyy and long forms), sorted by position."""
    hits: list[DateHit] = []
    for m in _NUM_DATE.finditer(text):
        iso = _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if iso:
            hits.append(DateHit(iso, m.start(), m.end()))
    for m in lang.long_date.finditer(text):
        month = _month(m.group("month"), lang)
        if month is None:
            continue
        iso = _iso(int(m.group("year")), month, int(m.group("day")))
        if iso:
            hits.append(DateHit(iso, m.start(), m.end()))
    hits.sort(key=lambda h: h.start)
    return hits


_NUMBER = re.compile(
    r"№\s*(?P<num>[0-9A-Za-zА-Яа-яЁёІіӘәҒғҚқҢңӨөҰұҮүҺһ][0-9A-Za-zА-Яа-яЁёІіӘәҒғҚқҢңӨөҰұҮүҺһ/\-.]*)"
)


def find_number(text: str, start: int = 0) -> tuple[str, int, int] | None:
    """First act number «№ 28/189-VI» at or after ``start`` that contains a digit."""
    for m in _NUMBER.finditer(text, start):
        num = m.group("num").rstrip(".-/")
        if any(c.isdigit() for c in num):
            return num, m.start(), m.start("num") + len(num)
    return None
