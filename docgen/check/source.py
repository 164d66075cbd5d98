"""Check stage, the input itself: is it a methodology at all, is it cut off, does it have point numbers.

Consumes a :class:`Ctx` (and the catalogue); produces :class:`NotMethodologyError` (exit code 2, one
line saying why) for a text that is not an evaluation methodology, ``check.truncated_source`` when the
text ends inside an appendix caption, a table or a sentence (what was cut off is then not reported as
missing), and ``check.unnumbered_source`` for a text without point numbers (a news quote, a web
excerpt: values are found paragraph by paragraph and absences are not judged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..catalogue_model import Catalogue
from ..errors import InputError
from ..normalize import KAZAKH_LATIN
from .context import Ctx
from .data import fold, label, topics_data
from .findings import Finding
from .make import finding

_ENDS = (".", ";", ":", "!", "?", "»", '"', ")")


class NotMethodologyError(InputError):
    """The text is not an evaluation methodology (exit code 2)."""


def _squash(s: str) -> str:
    """Lower case without spaces or digits (captions differ only in their number)."""
    return re.sub(r"[\s\d]+", "", fold(s).lower())


def require_methodology(ctx: Ctx, catalogue: Catalogue | None) -> None:
    """Raise :class:`NotMethodologyError` unless the text speaks about evaluating civil servants.

    A methodology names at least two of the markers of ``methodology_markers`` (topics.yaml), at
    least three times in all, or holds a rule value the extractor recognised next to one marker."""
    low = fold(ctx.text).lower()
    markers: dict[str, list[str]] = topics_data()["methodology_markers"]
    counts = {m: low.count(m) for lang in ("kk", "ru") for m in markers[lang]}
    distinct = sum(1 for c in counts.values() if c)
    params = len(catalogue.parameters) if catalogue is not None else 0
    if (distinct >= 2 and sum(counts.values()) >= 3) or (params and distinct):
        return
    lang = ctx.lang
    raise NotMethodologyError(label("source.not_methodology", lang), path=ctx.doc.source.path)


@dataclass(frozen=True)
class Truncation:
    finding: Finding
    cut_appendix: int  # appendices numbered from here on were cut off


def _tail_line(ctx: Ctx) -> tuple[int, str] | None:
    text = ctx.text
    end = len(text)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line and not line.startswith("©"):
            return start + (len(text[start:end]) - len(text[start:end].lstrip())), line
        end = start - 1
    return None


def _cells(line: str) -> int:
    return len(line.rstrip("\n").split("\t"))


def _filled(line: str) -> int:
    """Cells up to the last one holding text."""
    cells = [c.strip() for c in line.rstrip("\n").split("\t")]
    return max((i + 1 for i, c in enumerate(cells) if c), default=0)


def truncation(ctx: Ctx) -> Truncation | None:
    """Where the text stops in the middle of something, or None when it ends cleanly."""
    tail = _tail_line(ctx)
    if tail is None:
        return None
    pos, line = tail
    apps = sorted(ctx.doc.appendices, key=lambda a: a.start)
    nxt = max((a.number for a in apps), default=0) + 1
    where = ""
    squashed = _squash(line)
    last = apps[-1] if apps else None
    prev = [ln for ln in ctx.text[:pos].rstrip("\n").split("\n")[-3:] if ln.strip()]
    widths = {_cells(ln) for ln in prev}
    if last is not None and len(_squash(ctx.text[last.start : last.end])) <= len(_squash(last.caption)):
        where, nxt = "caption", last.number  # the last appendix is a bare caption
    elif len(squashed) >= 8 and any(
        _squash(a.caption).startswith(squashed) and pos > a.start + len(a.caption) for a in apps
    ):
        where = "caption"  # the last line begins a caption like the earlier ones, and stops
    elif last is not None and last.start <= pos and len(prev) == 3 and len(widths) == 1 and min(widths) > 1:
        row = ctx.text[pos:].split("\n")[0]
        # the rows above leave their last cells empty (a column filled in by hand): a row without those
        # empty cells is whole
        filled = max(_filled(ln) for ln in prev)
        if _cells(row) < min(widths) and _cells(row) < filled and not row.rstrip().endswith(_ENDS):
            where, nxt = "table", last.number  # a row shorter than the rows above it
    else:
        last_point = ctx.live_points[-1] if ctx.live_points else None
        in_points = (
            last_point is not None and last_point.start <= pos and not any(a.start <= pos for a in apps)
        )
        dangling = line[-1].isalnum() or line[-1] in ",-–("
        if in_points and dangling and not line.startswith(("Ескерту", "Сноска")):
            where = "sentence"
    if not where:
        return None
    point = f"app{nxt}" if where == "caption" else ctx.where(pos)
    f = finding(
        "check.truncated_source",
        "warning",
        ctx.lang,
        point=point,
        quote=ctx.quote(pos, pos + len(line), limit=200),
        evidence="FACT",
        place=label(f"source.cut_{where}", ctx.lang),
        details={"cut_inside": where, "cut_appendix": nxt},
    )
    return Truncation(f, nxt)


def unnumbered(ctx: Ctx) -> list[Finding]:
    if ctx.doc.structure_quality == "numbered":
        return []
    return [finding("check.unnumbered_source", "warning", ctx.lang, point="header", evidence="FACT")]


def _appendix_of(f: Finding) -> int | None:
    if f.code == "missing_appendix.referenced" and f.expected.isdigit():
        return int(f.expected)
    if f.code == "form_deviation.missing_form" and f.point.startswith("app") and f.point[3:].isdigit():
        return int(f.point[3:])
    return None


def adjust(ctx: Ctx, found: list[Finding], cut: Truncation | None) -> list[Finding]:
    """Drop "missing" findings for what was cut off; in a text without point numbers, absences are
    information, not errors (an excerpt does not hold the whole methodology)."""
    out: list[Finding] = []
    for f in found:
        n = _appendix_of(f)
        if cut is not None and n is not None and n >= cut.cut_appendix:
            continue
        if cut is not None and n is None and f.code == "form_deviation.row_missing":
            if f.point == f"app{cut.cut_appendix}":
                continue  # rows after the cut of a table
        partial = ctx.doc.structure_quality != "numbered" or (
            cut is not None and cut.finding.details.get("cut_inside") == "sentence"
        )
        if partial and (f.code.startswith("missing_provision.") or f.code == "form_deviation.missing_form"):
            f = replace(f, severity="info")
        out.append(f)
    return out


def transliterated(ctx: Ctx) -> list[Finding]:
    """``check.transliterated`` (info) when the text was Kazakh in a Latin alphabet and was read in
    Cyrillic: the report's words are Cyrillic, its quotes are the letters as printed."""
    kinds = {r.kind for r in ctx.doc.norm.repairs if r.kind.startswith(KAZAKH_LATIN + "_")}
    if not kinds:
        return []
    alphabet = sorted(kinds)[0][len(KAZAKH_LATIN) + 1 :]
    return [finding("check.transliterated", "info", ctx.lang, point="header", alphabet=alphabet)]
