"""Stage 3 (structure): appendices of the methodology (the forms).

Consumes the normalised lines after the methodology body, the language data and the
:class:`docgen.model.NormalizedText` (to recover a number as printed, e.g. «б» repaired to 6);
produces :class:`AppendixSpan` records (caption block, form label, form title, tables) and reports a
truncated trailing caption (a caption cut off before its number) as a numbering issue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Appendix, HeaderCell, NormalizedText, Repair, Table
from ._lang import LangData
from ._text import POINT_RE, Line, is_short
from .tables import parse_tables, with_header

__all__ = ["AppendixSpan", "find_appendix_anchors", "build_appendices"]

_UNDERSCORES = re.compile(r"[\s_]+$")


@dataclass(frozen=True)
class AppendixSpan:
    appendix: Appendix
    caption_start: int  # offset
    caption_end: int  # offset (end of the caption block, form label included)


def _indent(ln: Line) -> int:
    return len(ln.text) - len(ln.text.lstrip(" \t"))


def find_appendix_anchors(
    lines: list[Line], lang: LangData, lo: int, hi: int
) -> list[tuple[int, re.Match[str]]]:
    out: list[tuple[int, re.Match[str]]] = []
    for i in range(lo, hi):
        s = lines[i].stripped
        if s and len(s) <= 250 and not POINT_RE.match(lines[i].text):
            m = lang.appendix_anchor.search(s)
            # a long line is a caption only when it does not read as a sentence
            if m and (len(s) <= 90 or not s.rstrip().endswith((".", ";", ":"))):
                out.append((i, m))
    return out


def _caption_bounds(lines: list[Line], lang: LangData, anchor: int, lo: int) -> tuple[int, int]:
    start = anchor
    if lang.appendix_anchor_last:
        # upward over the caption's short lines, never over a table row of the previous form
        while (
            start - 1 >= lo
            and lines[start - 1].text != ""
            and is_short(lines[start - 1])
            and "\t" not in lines[start - 1].text
        ):
            start -= 1
        return start, anchor
    while start - 1 >= lo and lines[start - 1].text != "" and not lines[start - 1].stripped:
        start -= 1
    end = anchor
    # the caption runs on over short lines, but never over the form label («Форма»/«Нысан»)
    while (
        end + 1 < len(lines)
        and lines[end + 1].stripped
        and is_short(lines[end + 1])
        and not lang.form_label.match(lines[end + 1].stripped)
    ):
        end += 1
    return start, end


def _shared_captions(
    lines: list[Line], anchors: list[int], bounds: list[tuple[int, int]], lo: int
) -> list[tuple[int, int]]:
    """Appendix captions of one act repeat the same lines above the "N-қосымша" line. When they do, the
    caption is exactly those repeated lines, so a previous form's last short lines are not swallowed."""
    out = []
    for k, a in enumerate(anchors):
        depth = 0
        while depth < 8 and a - depth - 1 >= lo:
            line = lines[a - depth - 1].stripped
            if not line or not any(
                o != a and o - depth - 1 >= lo and lines[o - depth - 1].stripped == line for o in anchors
            ):
                break
            depth += 1
        out.append((a - depth, bounds[k][1]) if depth else bounds[k])
    return out


def _label(lines: list[Line], lang: LangData, after: int, hi: int) -> tuple[str, int]:
    j = after + 1
    while j < hi and j - after <= 4 and not lines[j].stripped:
        j += 1
    if j < hi and j - after <= 4:
        m = lang.form_label.match(lines[j].stripped)
        if m:
            return lines[j].stripped[: m.end("label")], j
    return "", after


_CAPTION_CONT = re.compile(r"^(?:к\s+(?:методик|настоящей|правил)|.*әдістемесіне\s*$)", re.IGNORECASE)


def _title(lines: list[Line], lang: LangData, after: int, hi: int) -> str:
    j = after + 1
    if lang.approval_stamp.search(lines[after].stripped):
        while j < hi and lines[j].stripped:
            j += 1
    while j < hi and j - after <= 25:
        ln = lines[j]
        s = ln.stripped
        if not s:
            j += 1
            continue
        if "\t" in ln.text:
            return ""
        if lang.approval_stamp.search(s):
            while j + 1 < hi and lines[j + 1].stripped:
                j += 1
            j += 1
            continue
        if s.startswith(("(", "_", "-")) or lang.signature_or_blank.match(s) or _CAPTION_CONT.match(s):
            j += 1
            continue
        label = lang.form_label.match(s)
        if label and not s[label.end("label") :].strip(" .:"):
            j += 1  # the bare form label («Форма») after a long caption line: the title follows it
            continue
        return _UNDERSCORES.sub("", s)
    return ""


def build_appendices(
    lines: list[Line], norm: NormalizedText, lang: LangData, lo: int, hi: int, region_end: int
) -> tuple[list[AppendixSpan], list[dict[str, Any]], tuple[int, int] | None]:
    """Appendices on lines ``lo``..``hi``-1. Returns spans, issues and a truncated-caption span."""
    anchors = find_appendix_anchors(lines, lang, lo, hi)
    bounds = [_caption_bounds(lines, lang, i, lo) for i, _ in anchors]
    if lang.appendix_anchor_last and len(anchors) > 1:
        bounds = _shared_captions(lines, [i for i, _ in anchors], bounds, lo)
    spans: list[AppendixSpan] = []
    issues: list[dict[str, Any]] = []
    truncated: tuple[int, int] | None = None
    for k, ((anchor, m), (cs, ce)) in enumerate(zip(anchors, bounds, strict=True)):
        next_line = bounds[k + 1][0] if k + 1 < len(bounds) else hi
        a_end = lines[bounds[k + 1][0]].start if k + 1 < len(bounds) else region_end
        label, label_line = _label(lines, lang, ce, next_line)
        cap_end_line = max(ce, label_line)
        title = _title(lines, lang, cap_end_line, next_line)
        s_off = lines[anchor].start + _indent(lines[anchor])
        n0, n1 = s_off + m.start("num"), s_off + m.end("num")
        printed = norm.raw_slice(n0, n1).strip() or m.group("num")
        caption = " ".join(x.stripped for x in lines[cs : ce + 1] if x.stripped)
        body_lo = cap_end_line + 1
        if k + 1 == len(anchors):
            frag = _trailing_fragment(
                lines,
                body_lo,
                next_line,
                [" ".join(x.stripped for x in lines[b0 : b1 + 1] if x.stripped) for b0, b1 in bounds],
            )
            if frag is not None:
                truncated = (lines[frag].start, region_end)
                a_end = lines[frag].start
                next_line = frag
                issues.append(
                    {
                        "kind": "truncated_appendix",
                        "where": "appendix",
                        "after": m.group("num"),
                        "text": " ".join(x.stripped for x in lines[frag:hi] if x.stripped),
                    }
                )
        tables, repairs = _join_continuations(parse_tables(lines, norm, body_lo, next_line), norm)
        tables, split = _split_lost_tabs(tables, norm)
        repairs += split
        repairs += _spaced_letters(tables, norm)
        app = Appendix(
            number=int(m.group("num")),
            number_as_printed=printed,
            caption=caption,
            title=title,
            start=lines[cs].start,
            end=max(
                [lines[cs].start, _rstrip_end(norm.text, lines[cs].start, a_end)] + [t.end for t in tables]
            ),
            tables=tuple(tables),
            form_label=label,
            repairs=tuple(repairs),
        )
        spans.append(AppendixSpan(app, lines[cs].start, lines[cap_end_line].end))
    return spans, issues, truncated


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return end


def _trailing_fragment(lines: list[Line], lo: int, hi: int, captions: list[str]) -> int | None:
    """Start line of a trailing block that repeats the beginning of a caption (a cut-off caption)."""
    k = hi - 1
    while k >= lo and not lines[k].stripped:
        k -= 1
    if k < lo:
        return None
    b = k
    while b - 1 >= lo and lines[b - 1].text != "":
        b -= 1
    frag = " ".join(x.stripped for x in lines[b : k + 1] if x.stripped)
    if len(frag) >= 8 and any(c.startswith(frag) and c != frag for c in captions):
        return b
    return None


# «Кестенің жалғасы» / «Продолжение таблицы»: a table printed in two parts because it was too wide
_CONTINUED = re.compile(r"^(?:кестенің\s+жалғасы|продолжение\s+таблицы)[.:]?$", re.IGNORECASE)


def _join_continuations(tables: list[Table], norm: NormalizedText) -> tuple[list[Table], list[Repair]]:
    """A table and its continuation (the text between them is only «Кестенің жалғасы» / «Продолжение
    таблицы», both parts have the same number of rows and a two-level heading) are one table: the
    continuation's columns are put to the right of the first part's. The join is recorded as a repair
    (the line it removes, with its raw offsets)."""
    out: list[Table] = []
    repairs: list[Repair] = []
    for t in tables:
        prev = out[-1] if out else None
        between = norm.text[prev.end : t.start].strip() if prev is not None else ""
        if (
            prev is None
            or not _CONTINUED.match(between)
            or not prev.header
            or not t.header
            or len(prev.rows) != len(t.rows)
        ):
            out.append(t)
            continue
        width = max(c.col + c.colspan for c in prev.header)
        rows = tuple(
            (*a, *[""] * (width - len(a)), *b) if len(a) <= width else (*a, *b)
            for a, b in zip(prev.rows, t.rows, strict=True)
        )
        header = prev.header + tuple(
            HeaderCell(c.text, c.row, c.col + width, c.colspan, c.rowspan) for c in t.header
        )
        joined = with_header(Table(prev.start, t.end, rows, prev.layout))
        out[-1] = Table(joined.start, joined.end, joined.rows, joined.layout, header, prev.header_rows)
        at = norm.text.find(between, prev.end, t.start)
        rs, re_ = norm.raw_span(at, at + len(between))
        repairs.append(Repair("table_continuation", rs, re_, between, ""))
    return out, repairs


# a word printed with its letters spaced out by the scraper («Т и і м д і»): four or more single letters
_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")


def _spaced_letters(tables: list[Table], norm: NormalizedText) -> list[Repair]:
    """Letter-spaced words in the appendix's table cells, as repairs (``before`` the printed letters,
    ``after`` the word); the cells and the normalised text keep what was printed, the forms show the
    repaired word."""
    repairs: list[Repair] = []
    seen: set[str] = set()
    for t in tables:
        for row in t.rows:
            for cell in row:
                for m in _SPACED.finditer(cell):
                    before = m.group()
                    if before in seen:
                        continue
                    seen.add(before)
                    at = norm.text.find(before, t.start, t.end)
                    rs, re_ = norm.raw_span(at, at + len(before)) if at >= 0 else (0, 0)
                    repairs.append(Repair("letter_spacing", rs, re_, before, before.replace(" ", "")))
    return repairs


# a short code that opens a cell on its own line («E-3», «Е-4», «C-1»): a category, never a sentence
_CODE_LINE = re.compile(r"^[A-ZА-ЯЁ]{1,3}-?\d{1,2}$")


def _split_lost_tabs(tables: list[Table], norm: NormalizedText) -> tuple[list[Table], list[Repair]]:
    """A row with fewer cells than its table's heading whose cell holds a code alone on its first line
    and text under it: the scraper lost the tab between the code's cell and the next one. The cell is
    split in two (recorded as a ``lost_tab`` repair: ``before`` the joined cell's first two lines,
    ``after`` the code), only while the row stays within the heading's number of cells."""
    out: list[Table] = []
    repairs: list[Repair] = []
    for t in tables:
        if t.layout != "cell_per_line" or len(t.rows) < 2:
            out.append(t)
            continue
        width = len(t.rows[0])
        rows: list[tuple[str, ...]] = [t.rows[0]]
        for row in t.rows[1:]:
            cells = list(row)
            k = 0
            while len(cells) < width and k < len(cells):
                first, _, rest = cells[k].partition("\n")
                if rest.strip() and _CODE_LINE.match(first.strip()):
                    cells[k : k + 1] = [first.strip(), rest]
                    at = norm.text.find(first, t.start, t.end)
                    rs, re_ = norm.raw_span(at, at + len(first)) if at >= 0 else (0, 0)
                    second = rest.split("\n", 1)[0]
                    repairs.append(Repair("lost_tab", rs, re_, f"{first}\n{second}", first.strip()))
                k += 1
            rows.append(tuple(cells))
        out.append(Table(t.start, t.end, tuple(rows), t.layout, t.header, t.header_rows))
    return out, repairs
