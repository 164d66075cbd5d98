"""Check stage, values stated inside the act: the same rule stated twice, and table bands.

Consumes a :class:`Ctx` and the act's catalogue; produces ``inconsistent_value`` (a score scale stated
differently in a point and in a form column, read from the catalogue's ``score_min`` / ``score_max``
and their conflicts; a numeric rule stated twice) and ``table_gap`` (a KPI-percent band table that
leaves values uncovered or overlaps; its patterns come from ``topics.yaml``, the catalogue does not
hold the table's rows).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..catalogue_model import Catalogue
from .context import Ctx
from .data import compiled, label, pattern
from .findings import Finding
from .make import finding


def _where_label(ctx: Ctx, unit: str) -> str:
    if unit.startswith("app"):
        return label("where_appendix", ctx.lang).format(appendix=unit[3:])
    return label("where_point", ctx.lang).format(point=unit)


@dataclass(frozen=True)
class ScaleStatement:
    low: Any
    high: Any
    unit: str  # point number or ``app<N>``
    quote: str


def scale_statements(catalogue: Catalogue | None) -> list[ScaleStatement]:
    """Every place the act states its score scale, from the catalogue (``score_min`` / ``score_max``
    with their source point, ``also_in`` and ``conflicts``): one statement per point or appendix."""
    if catalogue is None:
        return []
    lo_p, hi_p = catalogue.param("score_min"), catalogue.param("score_max")
    if lo_p is None or hi_p is None:
        return []
    units: dict[str, dict[str, Any]] = {}

    def put(unit: str, side: str, value: Any, quote: str) -> None:
        u = units.setdefault(unit, {"quote": quote})
        u.setdefault(side, value)

    for side, p in (("low", lo_p), ("high", hi_p)):
        put(str(p.source.point), side, p.value, p.source.quote or "")
        for c in p.conflicts:
            put(str(c.get("point")), side, c.get("value"), str(c.get("quote") or ""))
        for unit in p.also_in:
            put(str(unit), side, p.value, "")
    return [
        ScaleStatement(u.get("low", lo_p.value), u.get("high", hi_p.value), unit, u["quote"])
        for unit, u in units.items()
    ]


def _major(stated: list[ScaleStatement]) -> tuple[Any, Any] | None:
    counts = Counter((s.low, s.high) for s in stated)
    if not counts:
        return None
    in_points = Counter((s.low, s.high) for s in stated if not s.unit.startswith("app"))
    return max(counts, key=lambda k: (counts[k], in_points[k]))


def major_scale(catalogue: Catalogue | None) -> ScaleStatement | None:
    """The scale most places of the act state (ties: the one the points state), as its first
    statement: what the act means by its scale, compared with the model; the odd places are
    :func:`inconsistent_scale` findings, not a second deviation."""
    stated = scale_statements(catalogue)
    major = _major(stated)
    return next((s for s in stated if (s.low, s.high) == major), None)


def inconsistent_scale(ctx: Ctx, catalogue: Catalogue | None) -> list[Finding]:
    """A score scale stated differently in a point and in a form: one finding per place that differs
    from the scale most places state (read from the catalogue, the one source of the act's values)."""
    stated = scale_statements(catalogue)
    major = _major(stated)
    if major is None or len({(s.low, s.high) for s in stated}) < 2:
        return []
    major_units = sorted(
        {s.unit for s in stated if (s.low, s.high) == major}, key=lambda u: (u.startswith("app"), _order(u))
    )
    where = ", ".join(_where_label(ctx, u) for u in major_units[:4])
    return [
        finding(
            "inconsistent_value.score_range",
            "error",
            ctx.lang,
            point=s.unit,
            quote=s.quote,
            expected=f"{major[0]}–{major[1]}",
            actual=f"{s.low}–{s.high}",
            where=where,
        )
        for s in stated
        if (s.low, s.high) != major
    ]


def _order(unit: str) -> tuple[int, str]:
    digits = "".join(c for c in unit if c.isdigit())
    return (int(digits) if digits else 0, unit)


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
