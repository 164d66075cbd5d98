"""Stage 3 (structure): the act header and the edit notes.

Consumes the normalised lines and the language data; produces the :class:`docgen.model.Header`
fields (title, issuer, act type, date, number, registration, repeal status) plus the end offset of
the header, and :class:`docgen.model.EditNote` records for every «Ескерту.» / «Сноска.» paragraph
(what they target, their kind, and the amending act's date and number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import EditNote, Header
from ._lang import LangData, find_dates, find_number
from ._text import POINT_RE, Line

__all__ = ["HeaderResult", "parse_header", "find_edit_notes", "parse_edit_note"]

_WORD = re.compile(r"[^\W\d_]+(?:[.-][^\W\d_]+)*\.?")
_DASH = re.compile(r"\s[-–—]\s")
_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


@dataclass(frozen=True)
class HeaderResult:
    header: Header
    end: int  # offset where the header stops (start of the approving part)
    act_line: int | None  # line index of the act line


# --- edit notes --------------------------------------------------------------------------------


def _note_continues(ln: Line, lang: LangData) -> bool:
    s = ln.stripped
    return bool(s) and "\t" not in ln.text and not POINT_RE.match(ln.text) and not lang.chapter.match(s)


def find_edit_notes(lines: list[Line], lang: LangData) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, text)`` of edit-note paragraphs (a note may continue after a blank line)."""
    notes: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        if not lang.edit_note_start.match(lines[i].stripped):
            i += 1
            continue
        j = i
        parts = [lines[i].stripped]
        while True:
            while j + 1 < len(lines) and _note_continues(lines[j + 1], lang):
                j += 1
                parts.append(lines[j].stripped)
            text = " ".join(parts)
            k = j + 1
            while k < len(lines) and not lines[k].stripped:
                k += 1
            cont = k < len(lines) and k - j <= 2 and lines[k].stripped[:1].islower()
            if cont and not text.rstrip().endswith((".", ")")) and not POINT_RE.match(lines[k].text):
                j = k
                parts.append(lines[k].stripped)
                continue
            break
        notes.append(
            (lines[i].start + (len(lines[i].text) - len(lines[i].text.lstrip(" \t"))), lines[j].end, text)
        )
        i = j + 1
    return notes


def parse_edit_note(text: str, start: int, end: int, lang: LangData, default_target: str) -> EditNote:
    body = lang.edit_note_start.sub("", text, count=1).strip()
    dash = _DASH.search(body)
    segment = body[: dash.start()] if dash else body
    rest = body[dash.end() :] if dash else body
    kind = "other"
    for name, pat in lang.edit_kinds:
        if pat.search(body):
            kind = name
            break
    target = default_target
    for name, pat in lang.edit_targets:
        m = pat.search(segment)
        if m:
            target = {"point": "point", "chapter": "chapter", "appendix": "app"}.get(name, name)
            if m.groups():
                target += ":" + m.group(1)
            break
    dates = find_dates(rest, lang)
    act_date = dates[0].iso if dates else None
    num = find_number(rest, dates[0].end if dates else 0) or find_number(rest)
    return EditNote(text, start, end, kind, target, act_date, num[0] if num else None)


# --- header ------------------------------------------------------------------------------------


def _act_line(lines: list[Line], lang: LangData, limit: int) -> tuple[int, str, str, int, int] | None:
    """Find the act line: (index, act-type word, kind, type word start, type word end)."""
    forms = dict(lang.act_types)
    before = lang.raw["act_type_position"] == "before"
    for ln in lines[:limit]:
        s = ln.text
        if not find_dates(s, lang) or find_number(s) is None:
            continue
        words = list(_WORD.finditer(s))
        if before:
            head = s.lstrip(" \t")
            m = _WORD.match(head)
            if m and m.group(0).lower().rstrip(".") in forms:
                off = len(s) - len(head)
                w = m.group(0).rstrip(".")
                return ln.index, w.lower(), forms[w.lower()], off, off + len(w)
            first_date = find_dates(s, lang)[0].start
            for wm in words:  # a title printed before the act type on the same line
                w = wm.group(0).rstrip(".")
                if wm.start() < first_date and w[:1].isupper() and w.lower() in forms and wm.start() > 0:
                    return ln.index, w.lower(), forms[w.lower()], wm.start(), wm.start() + len(w)
        else:
            num = find_number(s)
            assert num is not None
            for wm in words:
                word = wm.group(0).rstrip(".")
                if wm.start() >= num[2] and word.lower() in forms:
                    if s[num[2] : wm.start()].strip() == "":
                        return ln.index, word.lower(), forms[word.lower()], wm.start(), wm.start() + len(word)
    return None


@lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _issuer(segment: str, lang: LangData) -> str:
    conf = lang.raw["issuer"]
    words = segment.strip(" ,.\t").split()
    while words and words[-1].lower() in conf["drop_tokens"]:
        words.pop()
    if words and words[-1].lower() in ("от", "жылғы"):
        words.pop()
    if not words:
        return ""
    idx = -1 if conf["head"] == "last" else 0
    head = words[idx]
    low = head.lower()
    if low in conf["genitive_words"]:
        repl = conf["genitive_words"][low]
        head = repl[0].upper() + repl[1:] if head[:1].isupper() else repl
    else:
        for suf in conf["genitive_suffixes"]:
            if low.endswith(suf) and len(low) > len(suf) + 2:
                head = head[: -len(suf)]
                break
    words[idx] = head
    return " ".join(words)


def _registration(text: str, lang: LangData) -> tuple[str | None, str | None]:
    for sent in (x for para in re.split(r"\n\s*\n", text) for x in _SENTENCE_END.split(para)):
        if lang.registration.search(sent) and not lang.status_repealed.search(sent):
            num = find_number(sent)
            dates = find_dates(sent, lang)
            if num:
                before = [d for d in dates if d.start < num[1]]
                date = (before[-1] if before else dates[0]).iso if dates else None
                return num[0], date
    return None, None


_STAMP_LINE = 120  # a stamp line is short; a longer one is prose


def _stamp_header(lines: list[Line], lang: LangData, limit: int, notes: list[EditNote]) -> Header:
    """The header of a methodology printed without its approving act, read from its approval stamp
    («Утверждена / постановлением акимата … / от 11 марта 2019 года № 87», «… әкімдігінің / 2019 жылғы
    11 наурыздағы / № 87 қаулысымен бекітілген»): the act's type, issuer, date and number, and the
    title printed under the stamp. Nothing found: an empty header."""
    empty = Header(language=lang.code, edit_notes=tuple(notes))
    types: dict[str, str] = lang.raw.get("stamp_act_types") or {}
    if not types:
        return empty
    word_rx = _compiled(
        r"(?<![^\W\d_])(?:" + "|".join(sorted(types, key=len, reverse=True)) + r")(?![^\W\d_])"
    )
    head = [ln for ln in lines[: min(limit, 40)] if ln.stripped]
    at = next((i for i, ln in enumerate(head) if word_rx.search(ln.stripped.lower())), None)
    if at is None:
        return empty
    lo = at
    while lo > 0 and at - lo < 4 and len(head[lo - 1].stripped) <= _STAMP_LINE:
        lo -= 1
        if lang.annex_anchor.match(head[lo].stripped) or lang.methodology_title_word.search(
            head[lo].stripped
        ):
            break
    if lang.methodology_title_word.search(head[lo].stripped) and lo < at:
        lo += 1
    hi = at
    while (
        hi + 1 < len(head)
        and hi - at < 3
        and len(head[hi + 1].stripped) <= _STAMP_LINE
        and not lang.methodology_title_word.search(head[hi + 1].stripped)
    ):
        hi += 1
    block = " ".join(ln.stripped for ln in head[lo : hi + 1])
    m = word_rx.search(block.lower())
    dates = find_dates(block, lang)
    if m is None or not dates:
        return empty
    if lang.raw["act_type_position"] == "before":  # ru: «постановлением акимата … от <date> № N»
        date = next((d for d in dates if d.start >= m.end()), None)
        if date is None:
            return empty
        issuer = _issuer(block[m.end() : date.start], lang)
    else:  # kk: «… әкімдігінің <date> № N қаулысымен»
        date = next((d for d in reversed(dates) if d.end <= m.start()), None)
        if date is None:
            return empty
        segment = block[: date.start]
        anchor = lang.annex_anchor.match(segment)
        issuer = _issuer(segment[anchor.end() :] if anchor else segment, lang)
    num = find_number(block, date.end)
    title = ""
    nxt = head[hi + 1] if hi + 1 < len(head) else None
    if nxt is not None and lang.methodology_title_word.search(nxt.stripped) and not POINT_RE.match(nxt.text):
        title = nxt.stripped
    word = m.group(0)
    return Header(
        title=title,
        issuer=issuer,
        act_type=types[word],
        act_type_as_printed=block[m.start() : m.end()],
        act_date=date.iso,
        act_number=num[0] if num else None,
        edit_notes=tuple(notes),
        language=lang.code,
    )


def parse_header(lines: list[Line], text: str, lang: LangData, notes: list[EditNote]) -> HeaderResult:
    """Parse the header at the top of the text. ``notes`` are all edit notes of the document."""
    limit = len(lines)
    for ln in lines:
        if POINT_RE.match(ln.text) or lang.chapter.match(ln.stripped):
            limit = ln.index
            break
    found = _act_line(lines, lang, limit)
    if found is None:
        return HeaderResult(_stamp_header(lines, lang, limit, notes), 0, None)
    idx, word, kind, ws, we = found
    act = lines[idx]
    s = act.text
    dates = find_dates(s, lang)
    inline = _compiled(str(lang.raw.get("title_inline") or "(?!)"))
    title_inline = ""
    if lang.raw["act_type_position"] == "before":
        date = next((d for d in dates if d.start >= we), dates[0])
        issuer = _issuer(s[we : date.start], lang)
        title_inline = s[:ws].strip(" \t.")
    else:
        date = dates[0]
        segment = s[: date.start]
        m_title = inline.match(segment)
        if m_title and segment[m_title.end() :].strip():  # «… туралы Ақсу аудандық мәслихатының»
            title_inline = m_title.group(0).strip()
            segment = segment[m_title.end() :]
        issuer = _issuer(segment, lang)
    num = find_number(s, date.end)
    if not title_inline and num is not None:
        m_after = inline.match(s, num[2])  # «… № 325 Об утверждении …»
        if m_after:
            title_inline = m_after.group(0).strip()
    # the header ends after the act line's paragraph and the edit notes right after it
    end_line = idx
    while end_line + 1 < len(lines):
        step = 1
        while end_line + step < limit and not lines[end_line + step].stripped and step < 3:
            step += 1  # blank lines before a registration line of its own
        nxt = lines[end_line + step] if end_line + step < len(lines) else lines[end_line + 1]
        s_n = nxt.stripped
        if (
            s_n
            and not POINT_RE.match(nxt.text)
            and (lang.registration.search(s_n) or lang.status_repealed.search(s_n))
        ):
            if len(s_n) < 300:
                end_line += step
                continue
        break
    end = lines[end_line].next_start
    for n in sorted(notes, key=lambda n: n.start):
        gap = text[end : n.start] if n.start >= end else None
        if gap is not None and gap.strip() == "":
            end = min(n.end + 1, len(text))
    end = min(end, len(text))
    head_text = text[:end]
    title_lines = [
        ln.stripped
        for ln in lines[:idx]
        if ln.stripped and not (lang.status_repealed.search(ln.stripped) and len(ln.stripped) < 40)
    ]
    title = " ".join(title_lines) or title_inline
    if not title:
        after = [x for x in lines[idx + 1 :] if x.stripped and x.start >= end]
        if after and not POINT_RE.match(after[0].text) and len(after[0].stripped) < 400:
            title = after[0].stripped if after[0].stripped.endswith(("туралы", "туралы»")) else ""
    reg_num, reg_date = _registration(head_text[act.start :], lang)
    repealed = bool(lang.status_repealed.search(head_text))
    repealed_by = None
    if repealed:
        rep = next((n for n in notes if n.kind == "repealed" and n.start < end), None)
        if rep is not None:
            repealed_by = {"date": rep.act_date, "number": rep.act_number, "text": rep.text}
        else:
            m = lang.status_repealed.search(head_text)
            assert m is not None
            tail = head_text[m.end() :]
            rd = find_dates(tail, lang)
            rn = find_number(tail)
            if rd or rn:
                repealed_by = {"date": rd[0].iso if rd else None, "number": rn[0] if rn else None, "text": ""}
    header = Header(
        title=title,
        issuer=issuer,
        act_type=kind,
        act_type_as_printed=word,
        act_date=date.iso,
        act_number=num[0] if num else None,
        registration_number=reg_num,
        registration_date=reg_date,
        repealed=repealed,
        repealed_by=repealed_by,
        edit_notes=tuple(notes),
        language=lang.code,
    )
    return HeaderResult(header, end, idx)
