"""Form stage: the bilingual (kk <-> ru) dictionary of the model's standard form rows.

Consumes ``docgen/data/rows_kk_ru.yaml`` (pairs copied as printed from the seed pair 003/004);
produces translations of row names, titles and column headers. Lookup is on a normalised key
(case, whitespace, HTML residue, leading "1." numbering, trailing punctuation, Latin look-alike
letters), so a row printed with noise still finds its pair. A row the pairs do not hold is looked up
in the term base of the model's vocabulary (:mod:`docgen.terms`: competencies, 360 questions and
answer options, indicators, grades, captions). No entry in either -> ``None``: the caller keeps the
row as printed and reports it.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from .terms import translate as term_translate

PATH = Path(__file__).resolve().parent / "data" / "rows_kk_ru.yaml"

_TAGS = re.compile(r"<[^>]*>")
_NUM = re.compile(r"^\s*\d+\s*[.)]\s*")
_SPACE = re.compile(r"\s+")
_TRAIL = re.compile(r"[\s.;:,*]+$")
_LOOKALIKE = str.maketrans("aeopcxykmtbhi", "аеорсхукмтвні")


def normalise(text: str) -> str:
    t = _TAGS.sub(" ", text)
    t = _NUM.sub("", t)
    t = _SPACE.sub(" ", t).strip()
    t = _TRAIL.sub("", t)
    return t.lower().translate(_LOOKALIKE).replace("ё", "е")


@functools.lru_cache(maxsize=1)
def _tables() -> dict[tuple[str, str], dict[str, str]]:
    with open(PATH, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    kk_ru: dict[str, str] = {}
    ru_kk: dict[str, str] = {}
    for kk, ru in data["pairs"]:
        kk_ru.setdefault(normalise(kk), ru)
        ru_kk.setdefault(normalise(ru), kk)
    return {("kk", "ru"): kk_ru, ("ru", "kk"): ru_kk}


def translate(text: str, src: str, dst: str) -> str | None:
    """``text`` in ``dst``; ``text`` itself when src == dst; None when the dictionary has no entry."""
    if src == dst:
        return text
    table = _tables().get((src, dst))
    if table is None:
        return None
    found = table.get(normalise(text))
    if found is None:
        found = term_translate(text, src, dst)
    return found
