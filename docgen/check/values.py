"""Check stage, values stated inside the act: the same rule stated twice, and table bands.

Consumes a :class:`Ctx`; produces ``inconsistent_value`` (a score scale stated differently in a
point and in a form column) and ``table_gap`` (a KPI-percent band table that leaves values
uncovered or overlaps). Patterns come from ``topics.yaml``.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from ..catalogue_model import Catalogue
from .context import Ctx
from .data import compiled, label, pattern
from .findings import Finding
from .make import finding


def _where_label(ctx: Ctx, unit: str) -> str:
    if unit.startswith("app"):
        return label("where_appendix", ctx.lang).format(appendix=unit[3:])
    return label("where_point", ctx.lang).format(point=unit)


def score_ranges(ctx: Ctx) -> list[tuple[int, int, int, int]]:
    """(min, max, start, end) of every statement of the score scale after the methodology start."""
    found: dict[int, tuple[int, int, int, int]] = {}
    for rx in pattern("score_range", ctx.lang):
        for m in compiled(rx).finditer(ctx.folded, ctx.doc.methodology_start):
            found.setdefault(m.start(), (int(m.group("min")), int(m.group("max")), m.start(), m.end()))
    return [found[k] for k in sorted(found)]


def inconsistent_scale(ctx: Ctx) -> list[Finding]:
    stated = score_ranges(ctx)
    counts = Counter((lo, hi) for lo, hi, _, _ in stated)
    if len(counts) < 2:
        return []
    in_points = Counter((lo, hi) for lo, hi, s, _ in stated if not ctx.where(s).startswith("app"))
    major = max(counts, key=lambda k: (counts[k], in_points[k]))
    major_units = sorted(
        {ctx.where(s) for lo, hi, s, _ in stated if (lo, hi) == major}, key=lambda u: (u.startswith("app"), u)
    )
    where = ", ".join(_where_label(ctx, u) for u in major_units[:4])
    out: list[Finding] = []
    for lo, hi, s, e in stated:
        if (lo, hi) == major:
            continue
        out.append(
            finding(
                "inconsistent_value.score_range",
                "error",
                ctx.lang,
                point=ctx.where(s),
                quote=ctx.quote(s, e),
                expected=f"{major[0]}–{major[1]}",
                actual=f"{lo}–{hi}",
                where=where,
            )
        )
    return out


def _num(s: str) -> Decimal:
    return Decimal(s.replace(",", "."))


def _step(s: str) -> Decimal:
    return Decimal(1).scaleb(-len(s.split(",")[1])) if "," in s else Decimal(1)


def _fmt(d: Decimal) -> str:
    return format(d.normalize(), "f").replace(".", ",")


def table_gaps(ctx: Ctx) -> list[Finding]:
    out: list[Finding] = []
    units = [(f"app{a.number}", a.start, a.end) for a in ctx.doc.appendices] or [
        ("", ctx.doc.methodology_start, len(ctx.text))
    ]
    band_rx = compiled(pattern("kpi_band"))
    top_rx = compiled(pattern("kpi_band_top", ctx.lang))
    for unit, start, end in units:
        bands: list[tuple[str, str | None, int, int]] = [
            (m.group("lo"), m.group("hi"), m.start(), m.end())
            for m in band_rx.finditer(ctx.folded, start, end)
        ]
        if len(bands) < 5:
            continue
        tops: list[tuple[str, str | None, int, int]] = [
            (m.group("lo"), None, m.start(), m.end()) for m in top_rx.finditer(ctx.folded, start, end)
        ]
        rows = sorted(bands + tops, key=lambda b: _num(b[0]))
        for low, high in zip(rows, rows[1:], strict=False):
            lo1, hi1, s1, _ = low
            lo2, _, s2, _ = high
            if hi1 is None:
                continue
            step = _step(hi1)
            nxt = _num(hi1) + step
            eol = ctx.text.find("\n", s1)
            quote = ctx.quote(s1, eol if eol > 0 else s1 + 40)
            row = ctx.quote(s2, ctx.text.find("\n", s2) if ctx.text.find("\n", s2) > 0 else s2 + 40).split(
                "\t"
            )[0]
            where = unit or ctx.where(s1)
            if _num(lo2) > nxt:
                gap = f"{_fmt(nxt)}–{_fmt(_num(lo2) - step)}"
                expected = f"{lo1}–{_fmt(_num(lo2) - step)}"
                out.append(
                    finding(
                        "table_gap.kpi_band",
                        "error",
                        ctx.lang,
                        point=where,
                        quote=quote,
                        expected=expected,
                        actual=gap,
                        row=f"{lo1}–{hi1} → {row}",
                    )
                )
            elif _num(lo2) <= _num(hi1):
                out.append(
                    finding(
                        "table_gap.kpi_overlap",
                        "error",
                        ctx.lang,
                        point=where,
                        quote=quote,
                        expected=f"{lo1}–{_fmt(_num(lo2) - step)}",
                        actual=f"{lo2}–{hi1}",
                        row=f"{lo1}–{hi1} / {row}",
                    )
                )
    return out


def conflicting_parameters(ctx: Ctx, catalogue: Catalogue | None) -> list[Finding]:
    """The same numeric rule stated twice with different values (from the catalogue's ``conflicts``).

    The score scale is left to :func:`inconsistent_scale`; enums (e.g. two appeal routes in two
    points) are not contradictions.
    """
    out: list[Finding] = []
    for p in catalogue or ():
        key = p.key
        if key in ("score_min", "score_max") or not isinstance(p.value, int | float):
            continue
        for c in p.conflicts:
            if not isinstance(c.get("value"), int | float) or isinstance(c.get("value"), bool):
                continue
            out.append(
                finding(
                    "inconsistent_value.parameter",
                    "error",
                    ctx.lang,
                    point=str(c["point"]),
                    quote=str(c.get("quote", "")),
                    expected=p.value,
                    actual=c["value"],
                    key=label(f"keys.{key}", ctx.lang, key),
                    where=_where_label(ctx, str(p.source.point)),
                )
            )
    return out
