"""Stage 2 (normalise): raw decoded text -> :class:`docgen.model.NormalizedText`.

Consumes the ``raw`` string of a :class:`~docgen.model.SourceText` and produces clean text, a map
from every normalised offset back to a raw offset, and the list of :class:`~docgen.model.Repair`
records. Normalisation is an ordered registry of small named steps (``STEPS``); each step returns
edits ``(start, end, replacement)`` on the text it sees, the runner applies them, repeats the step
until it is a fixpoint, and composes the offset maps. ``Repair.before`` is the text the step saw
(after earlier steps), ``raw_start``/``raw_end`` are offsets in the raw text.

Order matters: invisible characters go before HTML and image markers so that ``<\u200bp>`` is
still seen as a tag; spaces are collapsed after the removals; look-alike letters are fixed last.
Normalising twice changes nothing.
"""

from __future__ import annotations

import html
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from . import kklatin
from .model import NormalizedText, Repair

__all__ = ["normalize", "STEPS", "Edit", "step_names"]


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str


StepFn = Callable[[str], list[Edit]]


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("docgen.data").joinpath("lookalikes.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _is_cyr(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# --- steps -------------------------------------------------------------------------------------

_NEWLINE_RE = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")


def step_newline(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), "\n") for m in _NEWLINE_RE.finditer(text)]


@lru_cache(maxsize=1)
def _invisible_re() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in _data()["invisible"]) + "]+")


def step_invisible(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), "") for m in _invisible_re().finditer(text)]


@lru_cache(maxsize=1)
def _html_res() -> tuple[re.Pattern[str], frozenset[str]]:
    names = "|".join(sorted(_data()["html_tags"], key=len, reverse=True))
    attr = r"""\s+[A-Za-z_:][-\w:.]*\s*=\s*(?:"[^"<>\n]*"|'[^'<>\n]*'|[^\s"'<>=`]+)"""
    tag = rf"(?:<(?:{names})(?:{attr})*\s*/?>|</(?:{names})\s*>)"
    return re.compile(rf"(?i)(?:{tag})+"), frozenset(_data()["html_block_tags"])


_ENTITY_RE = re.compile(
    r"&(?:nbsp|quot|amp|lt|gt|apos|laquo|raquo|ndash|mdash|hellip|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});"
)
_TAGNAME_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


def _entity_value(ent: str) -> str | None:
    value = html.unescape(ent)
    if value == ent or len(value) != 1:
        return None
    if value in _data()["spaces"] or value == " ":
        return " "
    if value in _data()["invisible"]:
        return ""
    if not value.isprintable():
        return None  # control characters: leave the entity as printed
    return value


def step_html_residue(text: str) -> list[Edit]:
    tag_re, block = _html_res()
    edits: list[Edit] = []
    for m in tag_re.finditer(text):
        names = {n.lower() for n in _TAGNAME_RE.findall(m.group(0))}
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        glue = bool(before) and bool(after) and _is_word(before) and _is_word(after)
        edits.append(Edit(m.start(), m.end(), " " if glue and names & block else ""))
    for m in _ENTITY_RE.finditer(text):
        value = _entity_value(m.group(0))
        if value is not None:
            edits.append(Edit(m.start(), m.end(), value))
    return _drop_overlaps(edits)


_IMAGE_RE = re.compile(r"(?i)\[(?:image|img|изображение|сурет)(?::[^\]\n]*)?\]")


def step_image_marker(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), "") for m in _IMAGE_RE.finditer(text)]


@lru_cache(maxsize=1)
def _spaces_re() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in _data()["spaces"]) + "]")


def step_nbsp(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), " ") for m in _spaces_re().finditer(text)]


_SPACES_RUN = re.compile(r" +")


def step_whitespace(text: str) -> list[Edit]:
    """Collapse spaces, strip them at line ends and next to tabs; blank lines become "" or "\\t"."""
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line.strip(" \t") == "":
            want = "\t" if "\t" in line else ""
            if line != want:
                edits.append(Edit(start, end, want))
            continue
        for m in _SPACES_RUN.finditer(line):
            s, e = m.start(), m.end()
            at_edge = s == 0 or e == len(line) or line[s - 1] == "\t" or line[e] == "\t"
            if at_edge:
                edits.append(Edit(start + s, start + e, ""))
            elif e - s > 1:
                edits.append(Edit(start + s, start + e, " "))
    return edits


_WORD_RE = re.compile(r"[^\W\d_]+")


def step_latin_lookalike(text: str) -> list[Edit]:
    table: dict[str, str] = _data()["latin_to_cyrillic"]
    edits: list[Edit] = []
    for m in _WORD_RE.finditer(text):
        word = m.group(0)
        latin = [c for c in word if "A" <= c <= "Z" or "a" <= c <= "z"]
        if not latin or not any(_is_cyr(c) for c in word):
            continue
        if all(c in table for c in latin):
            fixed = "".join(table.get(c, c) if c.isascii() else c for c in word)
            edits.append(Edit(m.start(), m.end(), fixed))
    return edits


@lru_cache(maxsize=1)
def _position_re() -> re.Pattern[str]:
    pc = _data()["position_code"]
    letters = "".join(pc["letters"])
    middles = "".join(pc["middles"])
    return re.compile(rf"(?<![\w-])([{letters}])(?:-([{middles}]))?-(\d{{1,2}})(?!\w)")


def step_position_code(text: str) -> list[Edit]:
    pc = _data()["position_code"]
    edits: list[Edit] = []
    for m in _position_re().finditer(text):
        canon = pc["letters"][m.group(1)]
        if m.group(2):
            canon += "-" + pc["middles"][m.group(2)]
        canon += "-" + m.group(3)
        if canon != m.group(0):
            edits.append(Edit(m.start(), m.end(), canon))
    return edits


@lru_cache(maxsize=1)
def _digit_re() -> re.Pattern[str]:
    dl = _data()["digit_lookalike"]
    chars = "".join(dl["chars"])
    before = "|".join(dl["before"])
    return re.compile(rf"(?<![\w-])([\d{chars}]+)(?=-(?:{before}))")


def step_digit_lookalike(text: str) -> list[Edit]:
    chars: dict[str, str] = _data()["digit_lookalike"]["chars"]
    edits: list[Edit] = []
    for m in _digit_re().finditer(text):
        token = m.group(1)
        if any(c in chars for c in token):
            edits.append(Edit(m.start(), m.end(), "".join(chars.get(c, c) for c in token)))
    return edits


STEPS: tuple[tuple[str, StepFn], ...] = (
    ("newline", step_newline),
    ("invisible", step_invisible),
    ("html_residue", step_html_residue),
    ("image_marker", step_image_marker),
    ("nbsp", step_nbsp),
    ("whitespace", step_whitespace),
    ("latin_lookalike", step_latin_lookalike),
    ("position_code", step_position_code),
    ("digit_lookalike", step_digit_lookalike),
)


def step_names() -> list[str]:
    return [name for name, _ in STEPS]


# --- runner ------------------------------------------------------------------------------------


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    last_end = -1
    for e in sorted(edits, key=lambda x: (x.start, x.end)):
        if e.start >= last_end:
            out.append(e)
            last_end = e.end
    return out


def _apply(text: str, edits: list[Edit]) -> tuple[str, array[int]]:
    """Apply sorted non-overlapping edits; return new text and map new index -> old index (a compact
    array: a 20 MB text has millions of entries)."""
    parts: list[str] = []
    mapping: array[int] = array("q")
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        mapping.extend(range(pos, e.start))
        parts.append(e.replacement)
        span = e.end - e.start
        mapping.extend(e.start + min(k, max(span - 1, 0)) for k in range(len(e.replacement)))
        pos = e.end
    parts.append(text[pos:])
    mapping.extend(range(pos, len(text)))
    mapping.append(len(text))
    return "".join(parts), mapping


def _compose(offsets: array[int], mapping: array[int]) -> array[int]:
    """``offsets[m] for m in mapping`` as a new array, computed by numpy (a text of 20 M characters:
    about a tenth of a second instead of seconds)."""
    import numpy as np

    out: array[int] = array("q")
    out.frombytes(np.frombuffer(offsets, dtype=np.int64)[np.frombuffer(mapping, dtype=np.int64)].tobytes())
    return out


# Kazakh in a Latin alphabet is read into Cyrillic right after spaces are settled (so the later steps,
# and every stage after normalisation, see Cyrillic Kazakh); not a step of STEPS because it is decided
# once for the whole text, not word by word.
TRANSLITERATE_AFTER = "whitespace"
KAZAKH_LATIN = "kazakh_latin"


def _kazakh_latin(text: str, offsets: array[int], repairs: list[Repair]) -> tuple[str, array[int]]:
    """Text in Cyrillic when it is Kazakh in a Latin alphabet, one repair per changed line (``before``
    the line as printed, ``after`` in Cyrillic, ``kind`` ``kazakh_latin``); otherwise unchanged."""
    name = kklatin.alphabet(text)
    if name is None:
        return text, offsets
    new, mapping = kklatin.transliterate(text, name)
    pos = 0
    for line in new.split("\n"):
        end = pos + len(line)
        old_start, old_end = mapping[pos], mapping[end]
        before = text[old_start:old_end]
        if before != line:
            repairs.append(
                Repair(
                    f"{KAZAKH_LATIN}_{name}",
                    offsets[old_start],
                    offsets[old_end - 1] + 1 if old_end > old_start else offsets[old_start],
                    before,
                    line,
                )
            )
        pos = end + 1
    return new, _compose(offsets, mapping)


def normalize(raw: str, *, max_rounds: int = 8) -> NormalizedText:
    """Normalise ``raw``; every step is repeated until it changes nothing (at most ``max_rounds``)."""
    text = raw
    offsets: array[int] = array("q", range(len(raw) + 1))
    repairs: list[Repair] = []
    for name, fn in STEPS:
        for _ in range(max_rounds):
            edits = [e for e in _drop_overlaps(fn(text)) if text[e.start : e.end] != e.replacement]
            if not edits:
                break
            for e in edits:
                raw_end = offsets[e.end - 1] + 1 if e.end > e.start else offsets[e.start]
                repairs.append(Repair(name, offsets[e.start], raw_end, text[e.start : e.end], e.replacement))
            text, mapping = _apply(text, edits)
            offsets = _compose(offsets, mapping)
            del mapping
        if name == TRANSLITERATE_AFTER:
            text, offsets = _kazakh_latin(text, offsets, repairs)
    return NormalizedText(text=text, raw=raw, offsets=offsets, repairs=tuple(repairs))
