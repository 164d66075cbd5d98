"""Stage 3 (structure): assemble the :class:`docgen.model.Document` from the parts.

Consumes a :class:`docgen.model.SourceText` and its :class:`docgen.model.NormalizedText`; detects
the language, then finds in order: edit notes, the header, the annex holding the methodology
(caption + title), the appendices, the chapters and points of the methodology body, the approving
points, and finally the node partition of the whole text.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..errors import InputError
from ..model import Document, NormalizedText, Point, SourceText
from ._lang import LangData, classify_language, lang_data
from ._text import POINT_RE, Line, is_short, split_lines
from .appendices import build_appendices, find_appendix_anchors
from .body import find_annex, numbering_issues, parse_chapters, parse_points
from .header import find_edit_notes, parse_edit_note, parse_header
from .nodes import Markers

__all__ = ["parse_structure"]


def _line_at(lines: list[Line], offset: int) -> int:
    for ln in lines:
        if ln.end >= offset:
            return ln.index
    return len(lines)


def _signature_start(lines: list[Line], text: str, p: Point, region_end: int) -> int | None:
    """Trailing signature paragraphs (short lines without final punctuation) after the last point."""
    i = _line_at(lines, region_end) if region_end < len(text) else len(lines)
    cut = None
    k = i - 1
    while k >= 0 and lines[k].start > p.start:
        if not lines[k].stripped:
            k -= 1
            continue
        if is_short(lines[k]) and not lines[k].stripped.endswith((".", ";", ":")):
            cut = lines[k].start
            k -= 1
            continue
        break
    return cut


def _title_before(lines: list[Line], lang: LangData, idx: int, lo: int) -> int | None:
    k = idx - 1
    while k >= lo and not lines[k].stripped:
        k -= 1
    if (
        k >= lo
        and lang.methodology_title_word.search(lines[k].stripped)
        and not POINT_RE.match(lines[k].text)
    ):
        return k
    return None


_UNKNOWN_LANGUAGE = (
    "язык текста не определён: это не казахский и не русский текст на кириллице; "
    "мәтіннің тілі анықталмады: бұл кириллицадағы қазақ немесе орыс мәтіні емес"
)
_KAZAKH_LATIN = (
    "казахский текст латиницей не поддерживается, нужен текст на кириллице; "
    "латын әліпбиіндегі қазақ мәтіні қолдау көрсетілмейді, кирилл жазуындағы мәтін қажет"
)


def _language(source: SourceText, text: str) -> str:
    """ "kk" or "ru"; any other language, and Kazakh in a Latin alphabet, is refused (exit 2)."""
    code = classify_language(text)
    if code == "kk-latn":
        raise InputError(_KAZAKH_LATIN, path=source.path)
    if code not in ("kk", "ru"):
        raise InputError(_UNKNOWN_LANGUAGE, path=source.path)
    return code


def parse_structure(source: SourceText, norm: NormalizedText) -> Document:
    text = norm.text
    lang = lang_data(_language(source, text))
    lines = split_lines(text)
    spans = find_edit_notes(lines, lang)
    prelim = [parse_edit_note(t, s, e, lang, "act") for s, e, t in spans]
    hr = parse_header(lines, text, lang, prelim)
    hdr_line = _line_at(lines, hr.end) if hr.end > 0 else 0
    if hr.end > 0 and hdr_line < len(lines) and lines[hdr_line].start < hr.end:
        hdr_line += 1

    footer = None
    for ln in reversed(lines):
        if ln.stripped:
            footer = ln.index if lang.footer.match(ln.stripped) else None
            break
    hi = footer if footer is not None else len(lines)
    end_all = lines[footer].start if footer is not None else len(text)

    annex = find_annex(lines, lang, hdr_line, hi)
    title_span: tuple[int, int] | None = None
    if annex is not None:
        meth_line = annex.caption_start
        body_lo = (annex.title_end if annex.title_end is not None else annex.caption_end) + 1
        if annex.title_start is not None and annex.title_end is not None:
            title_span = (lines[annex.title_start].start, lines[annex.title_end].end)
    else:
        first_ch = next((i for i in range(hdr_line, hi) if lang.chapter.match(lines[i].stripped)), None)
        if first_ch is not None:
            t = _title_before(lines, lang, first_ch, hdr_line)
            meth_line = t if t is not None else first_ch
            body_lo = first_ch
            if t is not None:
                title_span = (lines[t].start, lines[t].end)
        elif hr.act_line is None:
            meth_line = body_lo = hdr_line
        else:
            meth_line = body_lo = hi
    methodology_start = lines[meth_line].start if meth_line < len(lines) else len(text)
    methodology_start = min(max(methodology_start, hr.end), end_all) if hr.end <= end_all else end_all

    anchors = find_appendix_anchors(lines, lang, body_lo, hi)
    app_spans, app_issues, truncated = build_appendices(lines, norm, lang, body_lo, hi, end_all)
    body_hi = min((a.caption_start for a in app_spans), default=end_all)
    body_hi_line = _line_at(lines, body_hi) if anchors else hi

    chapters = parse_chapters(lines, text, lang, body_lo, body_hi_line, body_hi, prelim)
    ch_starts = [(c.start, c.number) for c in chapters]
    points = parse_points(lines, text, lang, body_lo, body_hi_line, body_hi, prelim, ch_starts)
    meth_line_idx = _line_at(lines, methodology_start) if methodology_start < len(text) else len(lines)
    approving = parse_points(lines, text, lang, hdr_line, meth_line_idx, methodology_start, prelim)

    # final edit notes: default target from where the note stands
    def context(off: int) -> str:
        if off < methodology_start:
            return "act"
        for a in app_spans:
            if a.appendix.start <= off < max(a.appendix.end, a.caption_end):
                return f"app:{a.appendix.number}"
        for p in points:
            if p.start <= off < (p.edit_notes[-1].end if p.edit_notes else p.end):
                return f"point:{p.number}"
        for c in chapters:
            if c.start <= off < c.end:
                return f"chapter:{c.number}"
        return "methodology"

    notes = [parse_edit_note(n.text, n.start, n.end, lang, context(n.start)) for n in prelim]
    by_start = {n.start: n for n in notes}

    def renote(ps: list[Point]) -> list[Point]:
        return [replace(p, edit_notes=tuple(by_start[n.start] for n in p.edit_notes)) for p in ps]

    points, approving = renote(points), renote(approving)
    chapters = parse_chapters(lines, text, lang, body_lo, body_hi_line, body_hi, notes)
    header = replace(hr.header, edit_notes=tuple(notes))

    issues: list[dict[str, Any]] = []
    issues += numbering_issues([p.number for p in points], "point")
    issues += numbering_issues([str(c.number) for c in chapters], "chapter")
    issues += numbering_issues([str(a.appendix.number) for a in app_spans], "appendix")
    issues += app_issues

    m = Markers(len(text))
    m.add(0, "header")
    m.add(hr.end, "approving")
    for p in approving:
        m.add(p.start, "approving", f"approving:{p.number}")
    if approving:
        sig = _signature_start(lines, text, approving[-1], methodology_start)
        if sig is not None and sig < methodology_start:
            m.add(sig, "other", "signature")
    m.add(methodology_start, "caption" if annex is not None else "other", "methodology")
    if title_span is not None:
        m.add(title_span[0], "other", "methodology_title")
        m.add(title_span[1], "other", "methodology")
    for c in chapters:
        line = lines[_line_at(lines, c.start)]
        m.add(c.start, "chapter_title", f"chapter:{c.number}")
        m.add(line.end, "other", f"chapter:{c.number}")
    for p in points:
        m.add(p.start, "point", f"point:{p.number}")
    for a in app_spans:
        ref = f"app:{a.appendix.number}"
        m.add(a.caption_start, "caption", ref)
        m.add(a.caption_end, "appendix", ref)
    if truncated is not None:
        m.add(truncated[0], "other", "truncated_caption")
    if footer is not None:
        m.add(lines[footer].start, "other", "footer")
    m.add_notes(notes)

    return Document(
        source=source,
        norm=norm,
        language=lang.code,
        header=header,
        approving_points=tuple(approving),
        chapters=tuple(chapters),
        points=tuple(points),
        appendices=tuple(a.appendix for a in app_spans),
        nodes=m.nodes(),
        methodology_start=methodology_start,
        numbering_issues=tuple(issues),
    )
