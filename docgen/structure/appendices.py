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

from ..model import Appendix, NormalizedText
from ._lang import LangData
from ._text import POINT_RE, Line, is_short
from .tables import parse_tables

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
        tables = parse_tables(lines, norm, body_lo, next_line)
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
