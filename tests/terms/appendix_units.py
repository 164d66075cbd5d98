"""What counts as standard vocabulary in an act's appendices (the units the coverage test looks up).

Takes the appendices as the structure stage gives them (``docgen.catalogue.parse_document``: each
appendix's caption, form label and its span of the normalised text) and cuts them into units:

- every line of the appendix after its caption block, cut at tabs (table cells of the "tabs" and
  "html" layouts), at runs of three or more underscores (the blanks to fill in), after the form
  mark («Нысан» / «Форма», printed on one line with «БЕКІТЕМІН» in 001) and after a leading
  parenthesised caption followed by more text («(тегі, бас әріптер) күні»); lines of the
  "cell_per_line" layout are one cell each;
- the caption block: it is the body's own name plus the appendix number, so only «N-қосымша» /
  «Приложение N» counts; a caption that is entirely standard text (000 apps 5-8 print no body's name)
  counts whole.

Not counted: units without any letter (numbers, number ranges, score bands, «№», dashes, blanks,
dates), position-category codes («Е-3», «E-R-1») and the publisher's copyright line («© 2012 ...»),
which is not part of the act.

A unit left without an entry is still covered when joined with a unit of the neighbouring non-blank
line it was split from by the scraper (a cell or a question wrapped into the next row: 000 apps 5-6,
003 apps 1-2): the joined text must itself be an entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.model import Appendix, Document
from docgen.terms import TermBase

_TAGS = re.compile(r"<[^>]*>|\[image:[^\]]*\]", re.IGNORECASE)
_BLANKS = re.compile(r"_{3,}")
_POSITION_CODE = re.compile(r"^[A-ZА-ЯЁ](?:-[A-ZА-ЯЁ])?-\d{1,2}$")
_NUMBER_IN_CAPTION = {"kk": re.compile(r"\d{1,2}\s*-\s*қосымша"), "ru": re.compile(r"Приложение\s+\d{1,2}")}


def _counts(unit: str) -> bool:
    return (
        any(c.isalpha() for c in unit)
        and not _POSITION_CODE.match(unit.replace(" ", ""))
        and not unit.startswith("©")
    )


def _body_lines(doc: Document, app: Appendix) -> list[str]:
    """The appendix's lines after its caption block."""
    lines = doc.norm.text[app.start : app.end].split("\n")
    words = app.caption.split()
    seen: list[str] = []
    k = 0
    while k < len(lines) and len(seen) < len(words):
        got = lines[k].split()
        if got and seen + got != words[: len(seen) + len(got)]:
            break
        seen += got
        k += 1
    return lines[k:]


def _after_parenthesis(piece: str) -> int | None:
    """End of a leading «(...)» caption when more text follows it on the line."""
    if not piece.startswith("("):
        return None
    depth = 0
    for i, c in enumerate(piece):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth == 0:
            return i + 1 if piece[i + 1 :].strip() else None
    return None


def _cut(cell: str, form_label: str) -> list[str]:
    cell = _TAGS.sub(" ", cell)
    out: list[str] = []
    for piece in _BLANKS.split(cell):
        piece = " ".join(piece.split())
        if form_label and piece.startswith(form_label + " "):
            out += [form_label, piece[len(form_label) + 1 :]]
            continue
        end = _after_parenthesis(piece)
        if end is not None:
            out += [piece[:end], piece[end:].strip()]
        elif piece:
            out.append(piece)
    return [u for u in out if _counts(u)]


def appendix_units(doc: Document, app: Appendix) -> list[list[str]]:
    """Units of one appendix after its caption, grouped by the non-blank line they come from."""
    groups: list[list[str]] = []
    for line in _body_lines(doc, app):
        units = [u for cell in line.split("\t") for u in _cut(cell, app.form_label)]
        if units:
            groups.append(units)
    return groups


@dataclass
class Coverage:
    counted: int
    covered: int
    missing: list[str]

    @property
    def ratio(self) -> float:
        return self.covered / self.counted if self.counted else 1.0


def caption_covered(terms: TermBase, caption: str, lang: str) -> bool:
    """A caption is covered whole, or by its «N-қосымша» / «Приложение N» (the rest names the body)."""
    m = _NUMBER_IN_CAPTION[lang].search(caption)
    return terms.lookup(caption, lang) is not None or (
        m is not None and terms.lookup(m.group(), lang) is not None
    )


def measure(terms: TermBase, doc: Document) -> Coverage:
    """Coverage of every appendix of ``doc`` by ``terms`` (the rules in the module docstring)."""
    src = doc.language
    counted = covered = 0
    missing: list[str] = []
    for app in doc.appendices:
        if app.caption:
            counted += 1
            if caption_covered(terms, app.caption, src):
                covered += 1
            else:
                missing.append(app.caption)
        groups = appendix_units(doc, app)
        ok = [[terms.lookup(u, src) is not None for u in g] for g in groups]
        for i, g in enumerate(groups):
            for k, u in enumerate(g):
                if ok[i][k]:
                    continue
                for j in (i - 1, i + 1):
                    if 0 <= j < len(groups):
                        for v in groups[j]:
                            joined = f"{v} {u}" if j < i else f"{u} {v}"
                            if terms.lookup(joined, src) is not None:
                                ok[i][k] = True
        for g, flags in zip(groups, ok, strict=True):
            counted += len(g)
            covered += sum(flags)
            missing += [u for u, f in zip(g, flags, strict=True) if not f]
    return Coverage(counted, covered, missing)
