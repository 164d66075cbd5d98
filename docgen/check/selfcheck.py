"""Check stage, the act against itself: appendices and numbering.

Consumes a :class:`Ctx`; produces findings ``missing_appendix``, ``numbering_gap`` and
``duplicate_number``, and lists the appendix references of the points (used by :mod:`.xref`, which
judges point and appendix references by content).
"""

from __future__ import annotations

from dataclasses import dataclass

from .context import Ctx
from .data import compiled, pattern
from .findings import Finding
from .make import finding


@dataclass(frozen=True)
class AppendixRef:
    point: str
    number: int
    model: bool
    start: int
    end: int


def appendix_references(ctx: Ctx) -> list[AppendixRef]:
    refs: list[AppendixRef] = []
    rx = compiled(pattern("appendix_ref", ctx.lang))
    sep = compiled(pattern("appendix_ref_sep", ctx.lang))
    marker = compiled(pattern("model_appendix_marker", ctx.lang))
    low = ctx.folded.lower()
    external = [compiled(x) for x in pattern("appendix_external_before", ctx.lang)]
    for p in ctx.live_points:
        for m in rx.finditer(ctx.folded, p.start, p.end):
            before = low[max(p.start, m.start() - 60) : m.start()]
            if any(x.search(before) for x in external):
                continue
            is_model = bool(marker.search(before))
            for n in sep.split(m.group("nums")):
                if n.strip().isdecimal():
                    refs.append(AppendixRef(p.number, int(n), is_model, m.start(), m.end()))
    return refs


def missing_appendices(ctx: Ctx) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    have = {a.number for a in ctx.doc.appendices}
    for r in appendix_references(ctx):
        if r.model or r.number in have or (r.point, r.number) in seen:
            continue
        seen.add((r.point, r.number))
        c0, c1 = ctx.clause(r.start)
        out.append(
            finding(
                "missing_appendix.referenced",
                "error",
                ctx.lang,
                point=r.point,
                quote=ctx.quote(c0, c1),
                expected=str(r.number),
                actual="",
                appendix=r.number,
            )
        )
    return out


def numbering(ctx: Ctx) -> list[Finding]:
    out: list[Finding] = []
    seen: set[int] = set()
    prev: int | None = None
    for p in ctx.doc.points:
        if not p.number.isdecimal():
            continue
        n = int(p.number)
        eol = ctx.text.find("\n", p.start)
        quote = ctx.quote(p.start, eol if eol > 0 else p.end, limit=80)
        if n in seen:
            out.append(
                finding(
                    "duplicate_number.point",
                    "error",
                    ctx.lang,
                    point=p.number,
                    quote=quote,
                    expected=str((prev or 0) + 1),
                    actual=p.number,
                )
            )
        elif prev is not None and n > prev + 1:
            missing = ", ".join(str(k) for k in range(prev + 1, n))
            out.append(
                finding(
                    "numbering_gap.point",
                    "error",
                    ctx.lang,
                    point=p.number,
                    quote=quote,
                    expected=missing,
                    actual=str(prev),
                )
            )
        seen.add(n)
        prev = n if prev is None or n > prev else prev
    return out
