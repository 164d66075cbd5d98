"""Check stage, language data: loads ``topics.yaml`` / ``messages.yaml`` and classifies text by topic.

Consumes the YAML data files next to this module; produces folded text (Latin look-alikes inside
Cyrillic words folded for matching), topic sets of points, and localised messages. Kazakh and
Russian share every algorithm here; only the data differ.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_HERE = Path(__file__).resolve().parent
LANGS = ("kk", "ru")


@lru_cache(maxsize=1)
def topics_data() -> dict[str, Any]:
    with open(_HERE / "topics.yaml", encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


@lru_cache(maxsize=1)
def messages_data() -> dict[str, Any]:
    with open(_HERE / "messages.yaml", encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


def is_latin(ch: str) -> bool:
    return ("A" <= ch <= "Z") or ("a" <= ch <= "z")


_WORD = re.compile(r"[^\W\d_]+")


def fold(text: str) -> str:
    """Same-length copy of ``text`` with Latin letters inside Cyrillic words replaced by Cyrillic ones."""
    table: dict[str, str] = topics_data()["fold_latin"]
    parts: list[str] = []  # slices of the text and folded words (a list of characters would cost
    pos = 0  # ~60 bytes a Cyrillic character: gigabytes for a long text)
    for m in _WORD.finditer(text):
        word = m.group(0)
        if any(is_latin(c) for c in word) and any(is_cyrillic(c) for c in word):
            parts.append(text[pos : m.start()])
            parts.append("".join(table.get(c, c) for c in word))
            pos = m.end()
    parts.append(text[pos:])
    return "".join(parts)


def pattern(name: str, lang: str | None = None) -> Any:
    value = topics_data()["patterns"][name]
    if isinstance(value, dict):
        return value[lang or "ru"]
    return value


@lru_cache(maxsize=256)
def compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def matches_topic(text_lower: str, topic: str, lang: str) -> bool:
    spec = topics_data()["topics"].get(topic)
    if not spec or lang not in spec:
        return False
    return all(any(alt in text_lower for alt in group) for group in spec[lang])


def topics_of(text: str, lang: str) -> frozenset[str]:
    low = fold(text).lower()
    return frozenset(t for t in topics_data()["topics"] if matches_topic(low, t, lang))


def need_of(window: str, ref_pos: int, lang: str) -> str | None:
    """The topic the words nearest to ``ref_pos`` in ``window`` ask for (or None)."""
    low = fold(window).lower()
    best: tuple[int, str] | None = None
    for topic, words in topics_data()["needs"].items():
        for w in words.get(lang, []):
            for m in re.finditer(re.escape(w), low):
                dist = min(abs(m.start() - ref_pos), abs(m.end() - ref_pos))
                if best is None or dist < best[0]:
                    best = (dist, topic)
    return best[1] if best else None


def month_number(word: str, lang: str) -> int | None:
    months: dict[str, int] = topics_data()["months"][lang]
    w = fold(word).lower()
    best = None
    for prefix, num in months.items():
        if w.startswith(prefix) and (best is None or len(prefix) > best[0]):
            best = (len(prefix), num)
    return best[1] if best else None


def label(path: str, lang: str, default: str = "") -> str:
    node: Any = messages_data()["labels"]
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return default or path.rsplit(".", 1)[-1]
        node = node[part]
    if isinstance(node, dict):
        return str(node.get(lang, default))
    return str(node)


class _Blank(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


def message(code: str, lang: str, **params: Any) -> str:
    entry = messages_data()["codes"][code]
    template: str = entry[lang]
    return template.format_map(_Blank({k: ("" if v is None else v) for k, v in params.items()}))


def form_kind_from_title(title: str, lang: str) -> str | None:
    low = fold(title).lower()
    for kind, spec in topics_data()["form_titles"].items():
        if any(t in low for t in spec.get(lang, [])):
            return str(kind)
    return None
