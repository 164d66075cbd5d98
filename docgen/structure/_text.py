"""Stage 3 helper: the normalised text as lines and paragraphs (offsets into the normalised text).

Consumes the normalised text; produces :class:`Line` records (``start``/``end`` exclude the newline,
``stripped`` has tabs and spaces removed at both ends) and small predicates shared by the parsers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Line", "split_lines", "is_short", "looks_like_name", "POINT_RE", "SUBPOINT_RE", "paragraph_end"]


@dataclass(frozen=True)
class Line:
    index: int
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip(" \t")

    @property
    def blank(self) -> bool:
        return self.stripped == ""

    @property
    def next_start(self) -> int:
        """Offset just after this line's newline (or the line end for the last line)."""
        return self.end + 1


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for i, part in enumerate(text.split("\n")):
        lines.append(Line(i, pos, pos + len(part), part))
        pos += len(part) + 1
    return lines


# a methodology / approving point: "12. Текст" or an inserted "12-1. Текст" at a line start (possibly indented)
POINT_RE = re.compile(r"^[ \t]*(?P<num>\d{1,3}(?:-\d{1,2})?)\.(?!\d)[ \t]*(?=\S)")
# a sub-point: "1) текст" or "- 1) текст"
SUBPOINT_RE = re.compile(r"^[ \t]*(?:-[ \t]*)?(?P<num>\d{1,3})\)[ \t]*(?=\S)")
_NAME_RE = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")


def is_short(line: Line, limit: int = 70) -> bool:
    """A caption-like line: short and not a numbered point."""
    s = line.stripped
    return len(s) <= limit and not POINT_RE.match(s) and not s.endswith((";", ":"))


def looks_like_name(line: Line) -> bool:
    """Signature lines: «Б. Ақшолақов», «А.Кульгинов»."""
    return bool(_NAME_RE.match(line.stripped))


def paragraph_end(lines: list[Line], i: int) -> int:
    """Index of the last line of the paragraph (run of non-blank lines) that starts at line ``i``."""
    j = i
    while j + 1 < len(lines) and not lines[j + 1].blank:
        j += 1
    return j
