"""Form stage: language data for the forms (labels, captions, grades, periods, number format).

Consumes ``docgen/forms/data/{kk,ru}.yaml`` (same shape); produces display strings. Nothing here
names a body or holds a rule value: grade ranges, caps and rows come from the catalogue.
"""

from __future__ import annotations

import functools
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"
LANGS = ("kk", "ru")
BLANK = "_" * 40
SHORT_BLANK = "_" * 20


@functools.lru_cache(maxsize=4)
def labels(lang: str) -> dict[str, Any]:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    with open(DATA / f"{lang}.yaml", encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


def fmt_number(value: Decimal | float | int, places: int | None = None) -> str:
    """Decimal comma as the texts print numbers ("2,99"); ``places`` fixes the decimals."""
    d = Decimal(str(value))
    if places is not None:
        d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = f"{d:.{places}f}"
    else:
        text = format(d.normalize(), "f") if d != d.to_integral_value() else str(int(d))
    return text.replace(".", ",")


def caption(lang: str, appendix: int, methodology_title: str | None) -> str:
    spec = labels(lang)["caption"]
    title = (methodology_title or "").strip()
    dative = None
    if title:
        for rule in spec["title_rules"]:
            new, n = re.subn(rule["pattern"], rule["replace"], title, count=1)
            if n:
                dative = new
                break
    if dative is None:
        dative = spec["fallback_title"]
    return str(spec["template"]).format(n=appendix, title=dative)


def grade_label(
    lang: str,
    grade_id: str,
    catalogue_grades: list[dict[str, Any]] | None = None,
    catalogue_lang: str | None = None,
) -> str:
    """The grade's wording: the catalogue's own label when it is in ``lang``, else the data file's."""
    if catalogue_grades and catalogue_lang == lang:
        for g in catalogue_grades:
            if g.get("id") == grade_id and g.get("label"):
                return str(g["label"])
    return str(labels(lang)["grades"].get(grade_id, grade_id))


def grade_labels_line(
    lang: str, catalogue_grades: list[dict[str, Any]] | None, catalogue_lang: str | None
) -> str:
    ids = [str(g["id"]) for g in catalogue_grades or []] or [
        "effective",
        "proper",
        "satisfactory",
        "unsatisfactory",
    ]
    return ", ".join(grade_label(lang, i, catalogue_grades, catalogue_lang) for i in ids)


_PERIOD = re.compile(r"^\s*(\d{4})\s*-\s*(?:Q([1-4])|H([12])|Y)?\s*$", re.IGNORECASE)


def parse_period(value: str) -> tuple[int, str, int] | None:
    """ "2026-Q1" -> (2026, "quarter", 1); "2026-H2" -> half_year; "2026" / "2026-Y" -> year."""
    m = _PERIOD.match(value)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2):
        return year, "quarter", int(m.group(2))
    if m.group(3):
        return year, "half_year", int(m.group(3))
    return year, "year", 0


def period_text(lang: str, value: str) -> str:
    parsed = parse_period(value)
    if parsed is None:
        return value
    year, unit, n = parsed
    return str(labels(lang)["period"][unit]).format(year=year, q=n, h=n)


def source_text(lang: str, point: str | None) -> str:
    if not point:
        return "?"
    lab = labels(lang)
    m = re.match(r"^app(\d+)$", point)
    if m:
        return str(lab["source_appendix"]).format(n=m.group(1))
    return str(lab["source_point"]).format(point=point)
