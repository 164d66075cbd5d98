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

from .findings import CATEGORIES, SEVERITIES, CheckResult

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
    return all(any(_occurs(alt, text_lower) for alt in group) for group in spec[lang])


def _occurs(alt: str, text_lower: str) -> bool:
    """``alt`` occurs in the text: as a substring, or, written ``<кци>``, as a whole word (an
    abbreviation that is also a piece of other words: «кци» in «функции»)."""
    if len(alt) > 2 and alt[0] == "<" and alt[-1] == ">":
        return (
            alt[1:-1] in text_lower
            and compiled(rf"(?<!\w){re.escape(alt[1:-1])}(?!\w)").search(text_lower) is not None
        )
    return alt in text_lower


def topics_of(text: str, lang: str) -> frozenset[str]:
    low = fold(text).lower()
    return frozenset(t for t in topics_data()["topics"] if matches_topic(low, t, lang))


def label(path: str, lang: str, default: str = "") -> str:
    if path.startswith(_SHARED):  # key names and units live in docgen/data/labels.yaml (shared with diff)
        from ..data.labels import word

        return word(path, lang) or default or path.rsplit(".", 1)[-1]
    node: Any = messages_data()["labels"]
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return default or path.rsplit(".", 1)[-1]
        node = node[part]
    if isinstance(node, dict):
        return str(node.get(lang, default))
    return str(node)


_SHARED = ("keys.", "units.")


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


# Report helpers shared by report.py (text/HTML) and report_docx.py (DOCX).


def point_label(point: str, lang: str) -> str:
    if not point:
        return "—"
    if point == "header":
        return label("report.header", lang)
    if point.startswith("app") and point[3:].isdigit():
        return label("appendix_ref", lang).format(appendix=point[3:])
    if point.startswith("par") and point[3:].isdigit():  # a paragraph of a text without point numbers
        return {"kk": f"{point[3:]}-абзац", "ru": f"абзац {point[3:]}"}[lang]
    if point.startswith("ch") and point[2:].isdigit():
        return {"kk": f"{point[2:]}-тарау", "ru": f"глава {point[2:]}"}[lang]
    return label("point_ref", lang).format(point=point)


def summary_rows(result: CheckResult) -> list[tuple[str, list[int]]]:
    table = result.summary()
    rows = []
    for cat in CATEGORIES:
        if cat in table:
            rows.append((label(f"category.{cat}", result.language, cat), [table[cat][s] for s in SEVERITIES]))
    return rows


def _day(iso: Any) -> str:
    s = str(iso or "")
    return f"{s[8:10]}.{s[5:7]}.{s[0:4]}" if len(s) >= 10 else (s or "—")


def first_line(result: CheckResult) -> str | None:
    """The report's first line for a repealed act (said before anything else), else None."""
    facts = result.facts
    if facts.get("status") != "repealed":
        return None
    lang = result.language
    by = (
        label("report.repealed_by", lang).format(number=facts["repealed_by"])
        if facts.get("repealed_by")
        else ""
    )
    return label("report.repealed", lang).format(date=_day(facts.get("repealed_on")), by=by)


def header_rows(result: CheckResult) -> list[tuple[str, str]]:
    """(label, value) rows of the report header: file, dates, status, editions, in the act's language."""
    lang = result.language
    facts = result.facts
    rows = [(label("report.file", lang), result.path)]
    if facts:
        rows.append((label("report.adopted", lang), _day(facts.get("adopted"))))
    rows.append((label("report.act_date", lang), _day(result.act_date)))
    if facts:
        status = (
            label("report.repealed_status", lang) + f" ({_day(facts.get('repealed_on'))})"
            if facts.get("status") == "repealed"
            else label("report.in_force", lang)
        )
        rows.append((label("report.status", lang), status))
    edition = (
        f"{result.edition} — {result.edition_title}" if result.edition else label("report.not_compared", lang)
    )
    rows.append((label("report.edition", lang), edition))
    if facts:
        rows.append((label("report.in_force_at_edition", lang), facts.get("in_force_at_edition") or "—"))
        rows.append((label("report.in_force_at_adoption", lang), facts.get("in_force_at_adoption") or "—"))
    return rows


def evidence_words(evidence: str, lang: str) -> str:
    return label(f"evidence.{evidence}", lang, evidence)
