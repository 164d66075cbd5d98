"""Check stage, the act against itself: cross-references, appendices, numbering.

Consumes a :class:`Ctx` and the profile (for the model's own point numbers, to mark inherited
references); produces findings ``broken_cross_reference``, ``missing_appendix``, ``numbering_gap``
and ``duplicate_number``. A reference is judged by the content of its target: the words around the
reference say what the sentence needs (deadlines, calibration application ...), the target point's
topics say what it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import Ctx
from .data import compiled, label, need_of, pattern
from .findings import Finding
from .make import finding
from .profiles import Profile


@dataclass(frozen=True)
class AppendixRef:
    point: str
    number: int
    model: bool
    start: int
    end: int


def _is_external(ctx: Ctx, start: int, end: int) -> bool:
    low = ctx.folded.lower()
    after = low[end : end + 60]
    before = low[max(0, start - 25) : start]
    if any(re.search(p, after) for p in pattern("external_after", ctx.lang)):
        return True
    return any(re.search(p, before) for p in pattern("external_before", ctx.lang))


def cross_references(ctx: Ctx, profile: Profile | None) -> list[Finding]:
    out: list[Finding] = []
    rx = compiled(pattern("point_ref", ctx.lang))
    model_points = profile.model_points if profile else {}
    for p in ctx.live_points:
        for m in rx.finditer(ctx.folded, p.start, p.end):
            if _is_external(ctx, m.start(), m.end()):
                continue
            num = m.group("num")
            if m.start("num") == p.start or ctx.folded[p.start : m.start()].strip() == "":
                continue  # the point's own number
            c0, c1 = ctx.clause(m.start())
            quote = ctx.quote(c0, c1)
            target = next((q for q in ctx.live_points if q.number == num), None)
            if target is None:
                out.append(
                    finding(
                        "broken_cross_reference.missing_target",
                        "error",
                        ctx.lang,
                        point=p.number,
                        quote=quote,
                        expected="",
                        actual=num,
                        target=num,
                    )
                )
                continue
            need = need_of(ctx.text[c0:c1], m.start() - c0, ctx.lang)
            if need is None or need in ctx.topics(target):
                continue
            candidates = ctx.points_with(need)
            if not candidates:
                continue
            best = next((q for q in candidates if q.number != p.number), candidates[0])
            inherited = model_points.get(need) == num
            code = "broken_cross_reference.inherited" if inherited else "broken_cross_reference.wrong_target"
            out.append(
                finding(
                    code,
                    "error",
                    ctx.lang,
                    point=p.number,
                    quote=quote,
                    expected=best.number,
                    actual=num,
                    evidence="INFERRED" if inherited else "FACT",
                    target=num,
                    topic_label=label(f"topics.{need}", ctx.lang),
                    details={
                        "need": need,
                        "inherited": inherited,
                        "should_be": best.number,
                        "target_topics": sorted(ctx.topics(target)),
                    },
                )
            )
    return out


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
        quote = ctx.quote(p.start, min(eol if eol > 0 else p.end, p.start + 80))
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
