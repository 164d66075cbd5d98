"""Check stage, shared view of one act: folded text, point lookup by offset, raw quotes, topics.

Consumes a :class:`~docgen.model.Document`; produces the helpers every check uses, so that the
checks themselves stay small: which point or appendix holds an offset, the exact raw-text quote of
a normalised span, the topics of each point.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Document, Point
from .data import fold, topics_of

# the dot of an abbreviation inside a sentence: «п. 12», «пп. 3) п. 7», «12-тарм. сәйкес», «ст. 33»
_ABBREV = re.compile(r"(?<!\w)(?:пп?|подп|тарм|ст|прил)$", re.IGNORECASE)


def _stop_before(t: str, pos: int) -> int:
    """The last sentence-ending «. » before ``pos`` (an abbreviation's dot is none), or -1."""
    i = t.rfind(". ", 0, pos)
    while i >= 0 and _ABBREV.search(t, max(0, i - 6), i):
        i = t.rfind(". ", 0, i)
    return i


def _stop_after(t: str, pos: int) -> int:
    """The first sentence-ending «. » from ``pos`` (an abbreviation's dot is none), or -1."""
    i = t.find(". ", pos)
    while i >= 0 and _ABBREV.search(t, max(0, i - 6), i):
        i = t.find(". ", i + 1)
    return i


@dataclass
class Ctx:
    doc: Document
    lang: str
    _topics: dict[str, frozenset[str]] = field(default_factory=dict)

    @cached_property
    def text(self) -> str:
        return self.doc.norm.text

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def live_points(self) -> list[Point]:
        return [p for p in self.doc.points if not p.deleted]

    def point_text(self, p: Point) -> str:
        return self.text[p.start : p.end]

    def topics(self, p: Point) -> frozenset[str]:
        if p.number + f"@{p.start}" not in self._topics:
            self._topics[p.number + f"@{p.start}"] = topics_of(self.point_text(p), self.lang)
        return self._topics[p.number + f"@{p.start}"]

    def points_with(self, topic: str) -> list[Point]:
        return [p for p in self.live_points if topic in self.topics(p)]

    def where(self, offset: int) -> str:
        """Label of the unit holding normalised ``offset``: point number, ``app<N>`` or ``header``."""
        for a in self.doc.appendices:
            if a.start <= offset < a.end:
                return f"app{a.number}"
        for c in self.doc.chapters:
            line_end = self.text.find("\n", c.start)
            if c.start <= offset < (line_end if line_end > 0 else c.end):
                return f"ch{c.number}"
        best = None
        for p in self.doc.points:
            if p.start <= offset < max(p.end, p.start + 1):
                best = p
        if best is not None:
            return best.number
        if offset < self.doc.methodology_start:
            return "header"
        prev = [p for p in self.doc.points if p.start <= offset]
        return prev[-1].number if prev else "header"

    def quote(self, start: int, end: int, limit: int | None = None) -> str:
        """Exact raw text behind the normalised span, whitespace-trimmed; with ``limit``, a span
        longer than that is cut at the last word boundary within it (no word is broken)."""
        start, end = max(0, start), min(end, len(self.text))
        if limit is not None and end - start > limit:
            cut = start + limit
            space = max(self.text.rfind(" ", start, cut + 1), self.text.rfind("\n", start, cut + 1))
            end = space if space > start + limit // 2 else cut
        return self.doc.norm.raw_slice(start, end).strip()

    def raw_to_norm(self, raw_offset: int) -> int:
        offs = self.doc.norm.offsets
        i = bisect.bisect_left(offs, raw_offset)
        return min(i, len(self.text))

    def clause(self, pos: int) -> tuple[int, int]:
        """Span of the sentence (between ``.``/``;``/line breaks) around ``pos``."""
        t = self.text
        start = max(_stop_before(t, pos), t.rfind(";", 0, pos), t.rfind("\n", 0, pos)) + 1
        ends = [i for i in (_stop_after(t, pos), t.find(";", pos), t.find("\n", pos)) if i >= 0]
        return start, (min(ends) if ends else len(t))

    @cached_property
    def methodology_raw_start(self) -> int:
        return self.doc.norm.raw_offset(min(self.doc.methodology_start, len(self.text)))
