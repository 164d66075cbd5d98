"""Stage 3 (structure): approving part, methodology annex, chapters, points and sub-points.

Consumes normalised :class:`~docgen.structure._text.Line` records, the language data and the edit
note spans; produces where the methodology (the annex) starts, its caption and title spans, the
chapters (:class:`docgen.model.Chapter`), the numbered points (:class:`docgen.model.Point`) with their
sub-points and edit notes, and the numbering issues (gaps, duplicates, order) kept as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Chapter, EditNote, Point, SubPoint
from ._lang import LangData
from ._text import POINT_RE, SUBPOINT_RE, Line, is_short, looks_like_name

__all__ = ["Annex", "find_annex", "parse_points", "parse_chapters", "numbering_issues", "trim_end"]


@dataclass(frozen=True)
class Annex:
    caption_start: int  # line index
    caption_end: int  # line index (inclusive)
    title_start: int | None
    title_end: int | None  # inclusive


def _is_heading(ln: Line, lang: LangData) -> bool:
    s = ln.stripped
    return bool(POINT_RE.match(ln.text) or lang.chapter.match(s) or lang.edit_note_start.match(s))


def _block_start(lines: list[Line], k: int) -> int:
    while k - 1 >= 0 and lines[k - 1].text != "":
        k -= 1
    return k


def find_annex(lines: list[Line], lang: LangData, lo: int, hi: int) -> Annex | None:
    """Find the caption of the annex that holds the methodology between line ``lo`` and ``hi``."""
    anchor = None
    for i in range(lo, hi):
        s = lines[i].stripped
        if s and len(s) <= 70 and lang.annex_anchor.match(s):
            anchor = i
            break
    if anchor is None:
        return None
    start = anchor
    while start - 1 >= lo and lines[start - 1].text != "" and is_short(lines[start - 1]):
        if looks_like_name(lines[start - 1]):
            break
        start -= 1
    while True:  # earlier blocks of several short lines belong to the caption too
        k = start - 1
        while k >= lo and lines[k].text == "":
            k -= 1
        if k < lo or k == start - 1:
            break
        b = max(_block_start(lines, k), lo)
        block = lines[b : k + 1]
        if len(block) >= 2 and all(is_short(x) and not looks_like_name(x) for x in block):
            start = b
            continue
        break
    end = anchor
    complete = bool(lang.annex_anchor.match(lines[anchor].stripped)) and lines[
        anchor
    ].stripped.lower() not in (
        "қосымша",
        "приложение",
    )
    while (
        end + 1 < hi
        and lines[end + 1].text != ""
        and is_short(lines[end + 1])
        and not _is_heading(lines[end + 1], lang)
    ):
        end += 1
        complete = complete or bool(lang.annex_anchor.match(lines[end].stripped))
    while not complete:
        k = end + 1
        while k < hi and lines[k].text == "":
            k += 1
        if k >= hi or k - end > 3:
            break
        ln = lines[k]
        if not is_short(ln) or _is_heading(ln, lang) or lang.methodology_title_word.search(ln.stripped):
            break
        end = k
        complete = bool(lang.annex_anchor.match(ln.stripped))
    k = end + 1
    while k < hi and not lines[k].stripped:
        k += 1
    if k < hi and not _is_heading(lines[k], lang):
        t_end = k
        while t_end + 1 < hi and lines[t_end + 1].stripped and not _is_heading(lines[t_end + 1], lang):
            t_end += 1
        return Annex(start, end, k, t_end)
    return Annex(start, end, None, None)


def trim_end(text: str, start: int, end: int, notes: list[EditNote]) -> int:
    """End of an element's own text: drop trailing edit notes and trailing whitespace."""
    changed = True
    while changed:
        changed = False
        while end > start and text[end - 1] in " \t\n":
            end -= 1
        for n in notes:
            if start < n.start < end and text[n.end : end].strip() == "":
                end = n.start
                changed = True
    return end


def _in_notes(off: int, notes: list[EditNote]) -> bool:
    return any(n.start <= off < n.end for n in notes)


def parse_points(
    lines: list[Line],
    text: str,
    lang: LangData,
    lo: int,
    hi: int,
    region_end: int,
    notes: list[EditNote],
    chapter_starts: list[tuple[int, int]] | None = None,
) -> list[Point]:
    """Numbered points on lines ``lo``..``hi``-1; the last one ends at offset ``region_end``."""
    starts: list[tuple[str, int]] = []  # (number, line index)
    for i in range(lo, hi):
        ln = lines[i]
        m = POINT_RE.match(ln.text)
        if m and not _in_notes(ln.start, notes) and not lang.chapter.match(ln.stripped):
            starts.append((m.group("num"), i))
    stops = [lines[i].start for _, i in starts[1:]]
    heads = [lines[i].start for i in range(lo, hi) if lang.chapter.match(lines[i].stripped)]
    points: list[Point] = []
    for k, (num, i) in enumerate(starts):
        ln = lines[i]
        pstart = ln.start + (len(ln.text) - len(ln.text.lstrip(" \t")))
        nxt = stops[k] if k < len(stops) else region_end
        nxt = min([h for h in heads if h > pstart] + [nxt])
        own = [n for n in notes if pstart <= n.start < nxt]
        pend = trim_end(text, pstart, nxt, own)
        subs: list[SubPoint] = []
        sub_lines = [
            (SUBPOINT_RE.match(x.text), x)
            for x in lines[i + 1 : hi]
            if pstart < x.start < pend and not _in_notes(x.start, notes)
        ]
        found = [(m.group("num"), x) for m, x in sub_lines if m]
        for s_idx, (snum, x) in enumerate(found):
            s_start = x.start + (len(x.text) - len(x.text.lstrip(" \t")))
            s_stop = found[s_idx + 1][1].start if s_idx + 1 < len(found) else pend
            s_end = trim_end(text, s_start, s_stop, own)
            rest = re.sub(r"^\s*\d{1,2}\)\s*", "", text[s_start:s_end])
            subs.append(SubPoint(snum, s_start, s_end, bool(lang.deleted_text.match(rest.strip()))))
        first = ln.text[POINT_RE.match(ln.text).end() :]  # type: ignore[union-attr]
        deleted = bool(lang.deleted_text.match(first.strip()))
        chap = None
        for off, cnum in chapter_starts or []:
            if off <= pstart:
                chap = cnum
        points.append(Point(num, pstart, pend, chap, tuple(subs), deleted, tuple(own)))
    return points


def parse_chapters(
    lines: list[Line], text: str, lang: LangData, lo: int, hi: int, region_end: int, notes: list[EditNote]
) -> list[Chapter]:
    heads: list[tuple[int, int, str]] = []
    for i in range(lo, hi):
        m = lang.chapter.match(lines[i].stripped)
        if m and not _in_notes(lines[i].start, notes):
            heads.append((i, int(m.group("num")), m.group("title").strip()))
    chapters: list[Chapter] = []
    for k, (i, num, title) in enumerate(heads):
        ln = lines[i]
        cstart = ln.start + (len(ln.text) - len(ln.text.lstrip(" \t")))
        nxt = lines[heads[k + 1][0]].start if k + 1 < len(heads) else region_end
        first_point = next(
            (x.start for x in lines[i + 1 : hi] if cstart < x.start < nxt and POINT_RE.match(x.text)), nxt
        )
        deleted = bool(lang.deleted_text.search(title)) or any(
            n.kind == "deleted" and n.target == f"chapter:{num}" and cstart <= n.start < first_point
            for n in notes
        )
        own = [n for n in notes if cstart <= n.start < nxt]
        chapters.append(Chapter(num, title, cstart, trim_end(text, cstart, nxt, own), deleted))
    return chapters


def numbering_issues(numbers: list[str], where: str) -> list[dict[str, Any]]:
    """Gaps, duplicates and out-of-order numbers, as printed (nothing is renumbered)."""
    issues: list[dict[str, Any]] = []
    seen: set[int] = set()
    prev: int | None = None
    for raw in numbers:
        if not raw.isdecimal():
            continue
        n = int(raw)
        if n in seen:
            issues.append({"kind": "duplicate", "where": where, "number": raw, "after": str(prev)})
        elif prev is None and n != 1:
            issues.append(
                {
                    "kind": "gap",
                    "where": where,
                    "after": None,
                    "before": raw,
                    "missing": [str(x) for x in range(1, n)],
                }
            )
        elif prev is not None and n > prev + 1:
            issues.append(
                {
                    "kind": "gap",
                    "where": where,
                    "after": str(prev),
                    "before": raw,
                    "missing": [str(x) for x in range(prev + 1, n)],
                }
            )
        elif prev is not None and n < prev:
            issues.append({"kind": "out_of_order", "where": where, "number": raw, "after": str(prev)})
        seen.add(n)
        prev = n if prev is None else max(prev, n)
    return issues
