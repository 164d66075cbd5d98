"""Data / catalogue level: the bilingual (kk <-> ru) term base of the model's standard vocabulary.

Consumes ``docgen/data/terms.yaml`` (competencies and their 360 questions, behaviour indicators,
sheet parameters and their filling guidance, grade names, column headings, captions, signature
lines, answer options) and produces translations of those texts: ``translate(text, src, dst)`` and
``coverage(texts, src)``. Every entry has an ``id``, both sides, a ``source`` (which act and which
appendix or point gives each printed side) and an ``evidence`` label: ``aligned`` (both sides printed
by the acts) or ``written`` (one side translated for docgen, ``reviewed: false`` until a legal drafter
who is a native speaker has checked it).

Matching is on a normalised key: case, whitespace, HTML residue and ``[image: ]`` markers, quotes
(«» „“ ""), dashes and the spaces around them, spaces before punctuation, letters spaced out by the
scraper («Т и і м д і»), Latin look-alike letters, a leading number or list mark («1.», «5)», «-»,
«*») and trailing punctuation or footnote asterisks. The leading mark and trailing asterisks of the
source are put back on the translation; an all-capitals source gets an all-capitals translation.
Entries may hold ``{n}`` for a number («{n}-тоқсан» <-> «{n} квартал») and ``kk_variants`` /
``ru_variants``: other printed spellings of the same text, which translate to the entry's own text.

Layering: imports only the standard library, ``docgen._yaml`` and ``docgen.errors`` so that forms,
render, diff and check can all use it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._yaml import load_yaml
from .errors import InputError

__all__ = [
    "EVIDENCE",
    "LANGS",
    "PATH",
    "Source",
    "Term",
    "TermBase",
    "coverage",
    "default_terms",
    "load_terms",
    "normalise",
    "translate",
]

PATH = Path(__file__).resolve().parent / "data" / "terms.yaml"
LANGS = ("kk", "ru")
EVIDENCE = ("aligned", "written")
_ACT = re.compile(r"^\d{3}$")
_FIELDS = {"id", "kk", "ru", "source", "evidence", "reviewed", "kk_variants", "ru_variants", "note"}

_TAGS = re.compile(r"<[^>]*>")
_IMAGE = re.compile(r"\[image:[^\]]*\]", re.IGNORECASE)
_PREFIX = re.compile(r"^\s*(?:(?:\d{1,3}\s*[.)]|[-–—•*])\s*)+")
_SUFFIX_STARS = re.compile(r"\*+\s*$")
_QUOTES = re.compile("[\"'«»„“”‟‘’`]")
_DASHES = re.compile("[‐‑‒–—−]")
_AROUND_DASH = re.compile(r"\s*-\s*")
_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")
_AFTER_PAREN = re.compile(r"\(\s+")
_INITIALS = re.compile(r"(?<=\.)\s+(?=\w\.)")
_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
_SPACE = re.compile(r"\s+")
_TRAIL = re.compile(r"[\s.;:,*!]+$")
_LOOKALIKE = str.maketrans("aeopcxykmtbhi", "аеорсхукмтвні")


def _normalise_once(text: str) -> str:
    t = _IMAGE.sub(" ", _TAGS.sub(" ", text))
    t = _QUOTES.sub("", _DASHES.sub("-", t))
    t = _SPACE.sub(" ", t).strip()
    t = _SPACED.sub(lambda m: m.group().replace(" ", ""), t)
    t = _AROUND_DASH.sub("-", t)
    t = _AFTER_PAREN.sub("(", _BEFORE_PUNCT.sub(r"\1", t))
    t = _INITIALS.sub("", t)
    t = _PREFIX.sub("", t)
    t = _TRAIL.sub("", _SPACE.sub(" ", t).strip())
    return t.lower().translate(_LOOKALIKE).replace("ё", "е")


def normalise(text: str) -> str:
    """The matching key of ``text`` (see the module docstring); normalising a key changes nothing."""
    key = _normalise_once(text)
    for _ in range(4):  # stripping a mark can expose another («"-» -> «-» -> «»)
        again = _normalise_once(key)
        if again == key:
            break
        key = again
    return key


@dataclass(frozen=True)
class Source:
    """Where an act prints one side of an entry: seed number («003») and appendix or point."""

    act: str
    where: str


@dataclass(frozen=True)
class Term:
    id: str
    kk: str
    ru: str
    evidence: str  # "aligned" | "written"
    source: Mapping[str, Source]  # language -> where that side is printed
    reviewed: bool | None = None  # required for "written"
    variants: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    note: str = ""

    def text(self, lang: str) -> str:
        return self.kk if lang == "kk" else self.ru


def _fail(path: Path, where: str, message: str) -> InputError:
    return InputError(message, path=str(path), where=where)


def _str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _source(raw: Any, path: Path, where: str) -> dict[str, Source]:
    if not isinstance(raw, dict) or not raw:
        raise _fail(path, where, "source must map kk/ru to {act, where}")
    out: dict[str, Source] = {}
    for lang, spec in raw.items():
        if lang not in LANGS:
            raise _fail(path, where, f"source language must be kk or ru, found {lang!r}")
        act = spec.get("act") if isinstance(spec, dict) else None
        place = _str(spec.get("where")) if isinstance(spec, dict) else None
        if not isinstance(act, str) or not _ACT.match(act) or place is None:
            raise _fail(path, where, f'source.{lang} needs act: "NNN" (quoted seed number) and where')
        out[lang] = Source(act, place)
    return out


def _term(raw: Any, index: int, path: Path) -> Term:
    where = f"entry {index + 1}"
    if not isinstance(raw, dict):
        raise _fail(path, where, "an entry must be a mapping")
    tid = _str(raw.get("id"))
    if tid is None:
        raise _fail(path, where, "entry has no id")
    where = f"entry {tid}"
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise _fail(path, where, f"unknown field {unknown[0]!r}")
    sides = {lang: _str(raw.get(lang)) for lang in LANGS}
    for lang, text in sides.items():
        if text is None:
            raise _fail(path, where, f"{lang} is missing or empty")
    kk, ru = sides["kk"] or "", sides["ru"] or ""
    if kk.count("{n}") != ru.count("{n}"):
        raise _fail(path, where, "kk and ru must hold the same number of {n}")
    evidence = raw.get("evidence")
    if evidence not in EVIDENCE:
        raise _fail(path, where, f"evidence must be one of {', '.join(EVIDENCE)}, found {evidence!r}")
    source = _source(raw.get("source"), path, where)
    reviewed = raw.get("reviewed")
    if evidence == "aligned" and set(source) != set(LANGS):
        raise _fail(path, where, "an aligned entry needs a source for both kk and ru")
    if evidence == "written" and not isinstance(reviewed, bool):
        raise _fail(path, where, "a written entry needs reviewed: true or false")
    if reviewed is not None and not isinstance(reviewed, bool):
        raise _fail(path, where, "reviewed must be true or false")
    variants: dict[str, tuple[str, ...]] = {}
    for lang in LANGS:
        vals = raw.get(f"{lang}_variants", [])
        if not isinstance(vals, list) or any(_str(v) is None for v in vals):
            raise _fail(path, where, f"{lang}_variants must be a list of non-empty texts")
        variants[lang] = tuple(v.strip() for v in vals)
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise _fail(path, where, "note must be text")
    return Term(tid, kk, ru, evidence, source, reviewed, variants, note)


def _pattern(key: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(key).replace(r"\{n\}", r"(\d+(?:[.,]\d+)?)") + "$")


class TermBase:
    """Validated entries with lookup tables per source language."""

    def __init__(self, terms: Iterable[Term], path: Path = PATH) -> None:
        self.terms = tuple(terms)
        self.path = path
        self._exact: dict[str, dict[str, Term]] = {lang: {} for lang in LANGS}
        self._patterns: dict[str, list[tuple[re.Pattern[str], Term]]] = {lang: [] for lang in LANGS}
        ids: set[str] = set()
        for t in self.terms:
            if t.id in ids:
                raise _fail(path, f"entry {t.id}", "id used twice")
            ids.add(t.id)
            for lang in LANGS:
                for text in (t.text(lang), *t.variants.get(lang, ())):
                    self._add(lang, normalise(text), t)

    def _add(self, lang: str, key: str, term: Term) -> None:
        if not key:
            raise _fail(self.path, f"entry {term.id}", f"{lang} text is empty once normalised")
        if "{n}" in key:
            self._patterns[lang].append((_pattern(key), term))
            return
        other = self._exact[lang].get(key)
        if other is not None and other.id != term.id:
            raise _fail(self.path, f"entry {term.id}", f"same {lang} text as entry {other.id}")
        self._exact[lang][key] = term

    def lookup(self, text: str, src: str) -> tuple[Term, list[str]] | None:
        """The entry whose ``src`` side (or variant) matches ``text``, with the numbers of a ``{n}``."""
        if src not in LANGS:
            return None
        key = normalise(text)
        term = self._exact[src].get(key)
        if term is not None:
            return term, []
        for rx, t in self._patterns[src]:
            m = rx.match(key)
            if m:
                return t, list(m.groups())
        return None

    def translate(self, text: str, src: str, dst: str) -> str | None:
        """``text`` in ``dst``; ``text`` itself when src == dst; None when no entry matches."""
        if src == dst:
            return text
        if dst not in LANGS:
            return None
        found = self.lookup(text, src)
        if found is None:
            return None
        term, numbers = found
        out = term.text(dst)
        for num in numbers:
            out = out.replace("{n}", num, 1)
        letters = [c for c in _IMAGE.sub("", _TAGS.sub("", text)) if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            out = out.upper()
        body = _IMAGE.sub(" ", _TAGS.sub(" ", text)).strip()
        prefix = _PREFIX.match(body)
        stars = _SUFFIX_STARS.search(body)
        if prefix and prefix.group().strip():
            out = prefix.group().strip() + " " + out
        if stars and not out.endswith("*"):
            out += stars.group().strip()
        return out

    def coverage(self, texts: Iterable[str], src: str) -> tuple[list[str], list[str]]:
        """Split ``texts`` into those with an entry and those without (input order kept)."""
        covered: list[str] = []
        missing: list[str] = []
        for text in texts:
            (covered if self.lookup(text, src) is not None else missing).append(text)
        return covered, missing


def load_terms(path: str | Path = PATH) -> TermBase:
    """Read and validate a term base; one-line :class:`InputError` naming the file and the entry."""
    p = Path(path)
    data = load_yaml(p)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise _fail(p, "top level", "expected a mapping with a list under 'terms'")
    return TermBase((_term(raw, i, p) for i, raw in enumerate(data["terms"])), p)


@functools.lru_cache(maxsize=1)
def default_terms() -> TermBase:
    """The package's term base, read once."""
    return load_terms(PATH)


def translate(text: str, src: str, dst: str) -> str | None:
    """``text`` translated by the package's term base; None when it has no entry."""
    return default_terms().translate(text, src, dst)


def coverage(texts: Iterable[str], src: str) -> tuple[list[str], list[str]]:
    """``(covered, missing)`` of ``texts`` in language ``src`` against the package's term base."""
    return default_terms().coverage(texts, src)
