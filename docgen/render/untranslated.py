"""Rendering stage: the other language of a form, unit by unit, and the visible mark on what stays untranslated.

Consumes texts of a form in the act's language and the term base (:mod:`docgen.terms`, with the rows
dictionary of :mod:`docgen.dictionary` in front of it); produces their translations and a record of
every unit looked up (:class:`Unit`: where it stands on the form, the text as printed, translated or
not). A text with no entry stays in the act's language and carries :data:`MARK` (a dagger, as a
footnote mark: it prints in black and white and survives a photocopy); :func:`mark_document` sets
every run carrying the mark in italics and adds the legend line, in the document's language, at the
end of the document (words in ``untranslated.yaml``).
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml

from ..dictionary import translate

MARK = "\u2020"  # † -- after the untranslated text, joined by a no-break space
_SUFFIX = "\u00a0" + MARK
_DATA = Path(__file__).resolve().parent / "untranslated.yaml"
_DOC = "word/document.xml"
_RUN = re.compile(r"<w:r>|<w:r\s[^>]*>")
# the same in both languages, nothing to translate: position-category codes («Е-3», «E-R-1», «C-O-2»)
_CODES = re.compile(r"^[A-ZА-ЯЁ](?:-[A-ZА-ЯЁ])?-\d{1,2}(?:\s*[,;]\s*[A-ZА-ЯЁ](?:-[A-ZА-ЯЁ])?-\d{1,2})*$")


def needs_translation(text: str) -> bool:
    """A text with letters that is not a list of position-category codes (numbers, blanks, dates,
    codes read the same in Kazakh and Russian)."""
    t = text.strip()
    return any(c.isalpha() for c in t) and not _CODES.match(t.replace(" ", "").replace(",", ", "))


@functools.lru_cache(maxsize=1)
def words() -> dict[str, dict[str, Any]]:
    """The legend and the report's sentences, per language (``untranslated.yaml``)."""
    with open(_DATA, encoding="utf-8") as fh:
        data: dict[str, dict[str, Any]] = yaml.safe_load(fh)
    return data


def mark(text: str) -> str:
    """``text`` as printed, with the untranslated mark after it (once)."""
    return text if is_marked(text) else text + _SUFFIX


def is_marked(text: str) -> bool:
    return text.rstrip().endswith(MARK)


def unmark(text: str) -> str:
    return text.rstrip().removesuffix(MARK).rstrip("\u00a0 ") if is_marked(text) else text


@dataclass(frozen=True)
class Unit:
    """One text of a form looked up for the other language."""

    place: str  # "title", "column 2", "row 3", "row 3 / guidance", ... (machine-readable)
    text: str  # as the act prints it
    translated: bool


@dataclass
class Translator:
    """Translates the texts of one form from ``src`` to ``dst`` and records every unit.

    Same language: every text is kept and nothing is recorded (there is nothing to translate)."""

    src: str
    dst: str
    units: list[Unit] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return self.src == self.dst

    def __call__(self, text: str, place: str) -> str:
        """``text`` in ``dst``; with no entry: ``text`` as printed, marked, and recorded as missing."""
        if self.same or not needs_translation(text):
            return text
        found = translate(text, self.src, self.dst)
        if found is None and "\n" in text.strip():
            return self.lines(text, place)
        self.units.append(Unit(place, text, found is not None))
        return found if found is not None else mark(text)

    def lines(self, text: str, place: str) -> str:
        """A cell of several lines (one indicator, one guidance item a line): the whole cell when the
        term base holds it, else line by line, a line the scraper wrapped into the next one joined
        with it when only the joined text has an entry."""
        if self.same:
            return text
        whole = translate(text, self.src, self.dst) if "\n" in text else None
        if whole is not None:
            self.units.append(Unit(place, text, True))
            return whole
        lines = text.split("\n")
        out: list[str] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            if not needs_translation(line):
                out.append(line)
                i += 1
                continue
            found = translate(line, self.src, self.dst)
            if found is None and i + 1 < len(lines) and needs_translation(lines[i + 1]):
                joined = f"{line.strip()} {lines[i + 1].strip()}"
                pair = translate(joined, self.src, self.dst)
                if pair is not None:
                    self.units.append(Unit(place, joined, True))
                    out.append(pair)
                    i += 2
                    continue
            out.append(self(line, place))
            i += 1
        return "\n".join(out)

    @property
    def untranslated(self) -> list[str]:
        return [u.text for u in self.units if not u.translated]

    @property
    def counts(self) -> tuple[int, int]:
        """(translated units, all units)."""
        return sum(u.translated for u in self.units), len(self.units)


def _italic_run(match_start: str) -> str:
    return match_start + "<w:rPr><w:i/><w:iCs/></w:rPr>"


def _mark_runs(xml: str) -> str:
    """Every run whose text holds the mark is set in italics."""
    out: list[str] = []
    pos = 0
    for m in _RUN.finditer(xml):
        end = xml.find("</w:r>", m.end())
        if end < 0:
            break
        run = xml[m.start() : end]
        out.append(xml[pos : m.start()])
        if MARK in run and "<w:i/>" not in run:
            if "<w:rPr>" in run:
                run = run.replace("<w:rPr>", "<w:rPr><w:i/><w:iCs/>", 1)
            elif "<w:rPr " in run:
                run = re.sub(r"(<w:rPr [^>]*>)", r"\1<w:i/><w:iCs/>", run, count=1)
            else:
                run = _italic_run(m.group()) + run[len(m.group()) :]
        out.append(run)
        pos = end
    out.append(xml[pos:])
    return "".join(out)


def _legend_paragraph(lang: str) -> str:
    text = escape(f"{MARK} {words()[lang]['legend']}")
    return (
        '<w:p><w:pPr><w:spacing w:before="240"/><w:jc w:val="left"/></w:pPr>'
        '<w:r><w:rPr><w:i/><w:iCs/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'
        f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


def mark_document(data: bytes, lang: str) -> bytes:
    """DOCX ``data`` with its marked runs in italics and the legend line at its end; unchanged when
    no text of the body carries the mark."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        xml = zin.read(_DOC).decode("utf-8")
        if MARK not in xml:
            return data
        xml = _mark_runs(xml)
        tail = xml.rfind("<w:sectPr")
        close = xml.rfind("</w:body>")
        at = tail if tail > xml.rfind("</w:p>") else close
        xml = xml[:at] + _legend_paragraph(lang) + xml[at:]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                body = xml.encode("utf-8") if info.filename == _DOC else zin.read(info.filename)
                zout.writestr(info, body)
    return buf.getvalue()
