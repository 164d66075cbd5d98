"""Check stage, stand-in parser used only when ``docgen.structure`` is not available.

Consumes a decoded text (and its :class:`~docgen.model.NormalizedText` when ``docgen.normalize``
exists); produces a minimal :class:`~docgen.model.Document`: header date and edit notes, chapters,
methodology points and appendix captions, found with the patterns of ``topics.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Appendix, Chapter, Document, EditNote, Header, NormalizedText, Point, SourceText
from .data import compiled, fold, month_number, pattern

_DIGIT_FIX = {"б": "6", "з": "3", "О": "0"}


def identity_norm(raw: str) -> NormalizedText:
    return NormalizedText(text=raw, raw=raw, offsets=tuple(range(len(raw) + 1)), repairs=())


def header_dates(text: str, lang: str) -> tuple[str | None, list[EditNote], bool]:
    folded = fold(text)
    act_date = None
    m = compiled(pattern("act_date", lang)).search(folded)
    if m:
        month = month_number(m.group("month"), lang)
        if month:
            try:
                act_date = dt.date(int(m.group("year")), month, int(m.group("day"))).isoformat()
            except ValueError:
                act_date = None
    notes: list[EditNote] = []
    repeal = compiled(pattern("repeal_note", lang))
    for n in compiled(pattern("edit_note", lang)).finditer(folded):
        line = folded[
            n.start() : folded.find("\n", n.start()) if "\n" in folded[n.start() :] else len(folded)
        ]
        kind = "repealed" if repeal.search(line) else "amended"
        try:
            day = dt.date(int(n.group("y")), int(n.group("m")), int(n.group("d"))).isoformat()
        except ValueError:
            continue
        notes.append(EditNote(line.strip(), n.start(), n.end(), kind, "methodology", day, None))
    repealed = bool(repeal.search(folded[:3000]))
    return act_date, notes, repealed


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _block_start(text: str, pos: int) -> int:
    """Start of the paragraph block (text after the previous blank line) holding ``pos``."""
    start = _line_start(text, pos)
    while start > 0:
        prev = _line_start(text, start - 1)
        if not text[prev : start - 1].strip():
            break
        start = prev
    return start


def parse(source: SourceText, norm: NormalizedText, lang: str) -> Document:
    text = norm.text
    folded = fold(text)
    chapters_re = compiled(pattern("chapter", lang))
    first = chapters_re.search(folded)
    meth_start = _line_start(text, first.start()) if first else 0
    captions: list[tuple[int, int, str]] = []
    for m in compiled(pattern("appendix_caption", lang)).finditer(folded, meth_start):
        token = m.group("num")
        number = "".join(_DIGIT_FIX.get(c, c) for c in token)
        if number.isdigit():
            captions.append((_block_start(text, m.start("num")), int(number), token))
    body_end = captions[0][0] if captions else len(text)
    chapters: list[Chapter] = []
    for m in chapters_re.finditer(folded, meth_start, body_end):
        eol = text.find("\n", m.start())
        eol = len(text) if eol < 0 else eol
        chapters.append(Chapter(int(m.group("num")), text[m.end() : eol].strip(" .\t"), m.start(), eol))
    starts = [m for m in compiled(pattern("point")).finditer(folded, meth_start, body_end)]
    deleted_re = compiled(pattern("deleted", lang))
    points: list[Point] = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else body_end
        for ch in chapters:
            if m.start() < ch.start < end:
                end = _line_start(text, ch.start)
        chapter = max((c.number for c in chapters if c.start < m.start()), default=None)
        deleted = bool(deleted_re.search(folded[m.end() : m.end() + 80]))
        points.append(Point(m.group("num"), m.start(), end, chapter, (), deleted))
    appendices: list[Appendix] = []
    for i, (start, app_no, token) in enumerate(captions):
        end = captions[i + 1][0] if i + 1 < len(captions) else len(text)
        block = text[start:end]
        title = ""
        cap_end = folded.find("\n", folded.find(token, start - 0))
        for line in text[cap_end if cap_end > 0 else start : end].splitlines():
            s = line.strip().strip('"')
            if len(s) > 15 and not re.match(r"(?i)(нысан|форма|бекітемін|утверждаю)\b", s):
                title = s
                break
        appendices.append(Appendix(app_no, token, block[:200].strip(), title, start, end))
    act_date, notes, repealed = header_dates(text, lang)
    header = Header(act_date=act_date, edit_notes=tuple(notes), repealed=repealed, language=lang)
    return Document(
        source=source,
        norm=norm,
        language=lang,
        header=header,
        approving_points=(),
        chapters=tuple(chapters),
        points=tuple(points),
        appendices=tuple(appendices),
        nodes=(),
        methodology_start=meth_start,
    )
