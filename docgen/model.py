"""Plain frozen dataclasses exchanged between the pipeline stages.

Stage map: ``reading`` gives a :class:`SourceText` (decoded raw text), ``normalize`` gives a
:class:`NormalizedText` (clean text + offset map back to the raw text + the repairs made),
``structure`` gives a :class:`Document` (header, approving part, chapters, points, appendices,
tables). Every span (``start``/``end``) of the structure is an offset into the *normalised* text;
``NormalizedText.raw_span`` maps it back to the raw text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SourceText:
    """A decoded input file. ``raw`` is the text exactly as read (after decoding)."""

    path: str
    raw: str
    encoding: str
    fmt: str  # "txt" | "docx" | "html"


@dataclass(frozen=True)
class Repair:
    """One change made by normalisation, reported later by the checker."""

    kind: str  # step name: "whitespace", "nbsp", "html_residue", "image_marker", "latin_lookalike", "digit_lookalike", ...
    raw_start: int
    raw_end: int
    before: str
    after: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "raw_start": self.raw_start,
            "raw_end": self.raw_end,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text with a map from each normalised offset to a raw offset.

    ``offsets`` has ``len(text) + 1`` entries; ``offsets[i]`` is the raw offset of the raw
    character that normalised character ``i`` came from (``offsets[len(text)] == len(raw)``). It is a
    compact ``array('q')`` (8 bytes an entry instead of a tuple of int objects) and takes no part in
    equality or hashing (it follows from ``text`` and ``raw``).
    """

    text: str
    raw: str
    offsets: Sequence[int] = field(compare=False)
    repairs: tuple[Repair, ...] = ()

    def raw_offset(self, i: int) -> int:
        return self.offsets[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covering normalised ``[start, end)``; offsets outside ``[0, len(text)]`` are clamped
        to it (a span is never an error: at worst it is empty at the end of the text)."""
        n = len(self.text)
        start = min(max(start, 0), n)
        end = min(max(end, 0), n)
        if end <= start:
            r = self.offsets[start]
            return r, r
        return self.offsets[start], self.offsets[end - 1] + 1

    def raw_slice(self, start: int, end: int) -> str:
        rs, re_ = self.raw_span(start, end)
        return self.raw[rs:re_]


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class HeaderCell:
    """One cell of a table's multi-level heading: its text and the grid rectangle it covers
    (``row``/``col`` 0-based; ``colspan`` columns wide, ``rowspan`` heading rows high)."""

    text: str
    row: int
    col: int
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Table:
    """A table reconstructed from flattened text: rows of cells (cell text already stripped).

    ``header`` is the table's heading when it has two levels (a cell over several sub-columns,
    cells running down both heading rows): the merged cells of its first ``header_rows`` rows."""

    start: int
    end: int
    rows: tuple[tuple[str, ...], ...]
    layout: str  # "tabs" | "cell_per_line" | "html" | "docx"
    header: tuple[HeaderCell, ...] = ()
    header_rows: int = 0


@dataclass(frozen=True)
class SubPoint:
    number: str  # "1", "2" ... as printed (without ")")
    start: int
    end: int
    deleted: bool = False  # «12) алып тасталды» / «12) исключен»


@dataclass(frozen=True)
class Point:
    """A numbered point (пункт / тармақ) of the methodology or of the approving act."""

    number: str  # as printed, e.g. "12"
    start: int  # start of the point's text (the number itself)
    end: int
    chapter: int | None
    subpoints: tuple[SubPoint, ...] = ()
    deleted: bool = False
    edit_notes: tuple[EditNote, ...] = ()


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str
    start: int
    end: int
    deleted: bool = False


@dataclass(frozen=True)
class Appendix:
    number: int
    number_as_printed: str  # e.g. "б" for a "б-қосымша" repaired to 6
    caption: str  # the "Приложение N к Методике ..." / "...-қосымша" caption block
    title: str  # title of the form (first heading line after the caption)
    start: int
    end: int
    tables: tuple[Table, ...] = ()
    form_label: str = ""  # "Нысан" / "Форма" corner if present
    # repairs of scraping noise inside the appendix (a table continued under «Кестенің жалғасы», a
    # letter-spaced word in a cell), recorded like the normaliser's; the normalised text is unchanged
    repairs: tuple[Repair, ...] = ()


@dataclass(frozen=True)
class EditNote:
    """«Ескерту.» / «Сноска.» note: which act amended what."""

    text: str
    start: int
    end: int
    kind: str  # "amended" | "new_edition" | "deleted" | "repealed" | "other"
    target: str  # "methodology", "point:10", "chapter:6", "act" ...
    act_date: str | None  # ISO date of the amending act
    act_number: str | None


@dataclass(frozen=True)
class Header:
    title: str = ""
    issuer: str = ""
    act_type: str = ""  # order | decision | resolution (normalised, language-neutral)
    act_type_as_printed: str = ""
    act_date: str | None = None
    act_number: str | None = None
    registration_number: str | None = None
    registration_date: str | None = None
    repealed: bool = False
    repealed_by: dict[str, Any] | None = None
    edit_notes: tuple[EditNote, ...] = ()
    language: str = ""


@dataclass(frozen=True)
class Node:
    """A leaf of the partition of the normalised text: every character is in exactly one node."""

    kind: str  # "header", "approving", "caption", "chapter_title", "point", "appendix", "edit_note", "other"
    start: int
    end: int
    ref: str = ""  # e.g. "point:12", "app:3", "chapter:2"


@dataclass(frozen=True)
class Document:
    source: SourceText
    norm: NormalizedText
    language: str  # "kk" | "ru"
    header: Header
    approving_points: tuple[Point, ...]
    chapters: tuple[Chapter, ...]
    points: tuple[Point, ...]
    appendices: tuple[Appendix, ...]
    nodes: tuple[Node, ...]
    methodology_start: int  # offset where the methodology (annex) begins in the normalised text
    numbering_issues: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def structure_quality(self) -> str:
        """``numbered`` when the methodology has numbered points; ``paragraphs`` for a text without
        them (a news quote, a web excerpt): extraction then works paragraph by paragraph."""
        return "numbered" if self.points else "paragraphs"

    def paragraphs(self) -> list[tuple[str, int, int]]:
        """``(ref, start, end)`` of every non-blank line after the methodology start, refs ``par1``...
        (the units of a text without point numbers)."""
        text, out = self.norm.text, list[tuple[str, int, int]]()
        pos = self.methodology_start
        for line in text[pos:].split("\n"):
            if line.strip():
                lead = len(line) - len(line.lstrip())
                out.append((f"par{len(out) + 1}", pos + lead, pos + len(line.rstrip())))
            pos += len(line) + 1
        return out

    def point(self, number: str) -> Point | None:
        for p in self.points:
            if p.number == number:
                return p
        return None

    def appendix(self, number: int) -> Appendix | None:
        for a in self.appendices:
            if a.number == number:
                return a
        return None
