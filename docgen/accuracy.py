"""Accuracy scorer: an extracted catalogue against an expected one written by reading the text.

For each key of the vocabulary: a *value hit* when the extracted value equals the expected one
(numbers compared exactly after int/float normalisation, lists element-wise), a *point hit* when the
source points are equal as well. Precision = hits / keys extracted, recall = hits / keys expected;
an extracted key the text does not state counts against precision ("invented"). Forms are scored by
kind per appendix and by their rows; cross references by (from, to) pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalogue_model import Catalogue
from .extract.registry import key_specs


def _norm(v: Any) -> Any:
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, int | float):
        return round(float(v), 4) if isinstance(v, float) else v
    if isinstance(v, list):
        return [_norm(x) for x in v]
    if isinstance(v, dict):
        return {
            k: _norm(x)
            for k, x in v.items()
            if k
            in {
                "id",
                "min",
                "max",
                "pct_min",
                "pct_max",
                "score_min",
                "score_max",
                "achieved_min",
                "achieved_max",
                "of",
                "grade",
            }
        }
    if isinstance(v, str):
        return " ".join(v.split()).strip().rstrip(";.").lower()
    return v


@dataclass
class Counts:
    expected: int = 0
    extracted: int = 0
    value_hits: int = 0
    point_hits: int = 0

    def add(self, other: Counts) -> None:
        self.expected += other.expected
        self.extracted += other.extracted
        self.value_hits += other.value_hits
        self.point_hits += other.point_hits

    @property
    def precision(self) -> float:
        return self.value_hits / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.value_hits / self.expected if self.expected else 1.0

    @property
    def point_precision(self) -> float:
        return self.point_hits / self.extracted if self.extracted else 1.0

    @property
    def point_recall(self) -> float:
        return self.point_hits / self.expected if self.expected else 1.0


@dataclass
class Report:
    name: str
    total: Counts = field(default_factory=Counts)
    per_key: dict[str, Counts] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    forms: Counts = field(default_factory=Counts)
    xrefs: Counts = field(default_factory=Counts)


def score(expected: Catalogue, actual: Catalogue, name: str = "") -> Report:
    vocab = set(key_specs())
    rep = Report(name)
    exp_p = {k: v for k, v in expected.parameters.items() if k in vocab}
    act_p = {k: v for k, v in actual.parameters.items() if k in vocab}
    for key in sorted(set(exp_p) | set(act_p)):
        c = Counts()
        e, a = exp_p.get(key), act_p.get(key)
        if e is not None:
            c.expected = 1
        if a is not None:
            c.extracted = 1
        if e is not None and a is not None:
            if _norm(e.value) == _norm(a.value):
                c.value_hits = 1
                if str(e.source.point) == str(a.source.point):
                    c.point_hits = 1
                else:
                    rep.misses.append(f"{name} {key}: point {a.source.point} != expected {e.source.point}")
            else:
                rep.misses.append(f"{name} {key}: value {a.value!r} != expected {e.value!r}")
        elif e is not None:
            rep.misses.append(f"{name} {key}: missing (expected {e.value!r} at {e.source.point})")
        else:
            assert a is not None
            rep.misses.append(f"{name} {key}: invented {a.value!r} at {a.source.point}")
        rep.per_key[key] = c
        rep.total.add(c)
    # forms: kind per appendix, rows as a set of normalised names
    exp_f = {f.appendix: f for f in expected.forms}
    act_f = {f.appendix: f for f in actual.forms}
    rep.forms.expected, rep.forms.extracted = len(exp_f), len(act_f)
    for n, f in exp_f.items():
        g = act_f.get(n)
        if g is None:
            continue
        if f.kind == g.kind:
            rep.forms.value_hits += 1
        else:
            rep.misses.append(f"{name} form app{n}: kind {g.kind} != expected {f.kind}")
        if _norm(list(f.rows)) == _norm(list(g.rows)):
            rep.forms.point_hits += 1
        else:
            rep.misses.append(f"{name} form app{n}: rows differ")

    # cross references: (from, to) pairs
    def pairs(c: Catalogue) -> set[tuple[str, str]]:
        out = set()
        for r in c.cross_references:
            to = f"p{r.to_point}" if r.to_point is not None else f"app{r.to_appendix}"
            out.add((str(r.from_point), to))
        return out

    ep, ap = pairs(expected), pairs(actual)
    rep.xrefs.expected, rep.xrefs.extracted = len(ep), len(ap)
    rep.xrefs.value_hits = rep.xrefs.point_hits = len(ep & ap)
    return rep


def summary(reports: list[Report]) -> dict[str, Any]:
    total, forms, xrefs = Counts(), Counts(), Counts()
    for r in reports:
        total.add(r.total)
        forms.add(r.forms)
        xrefs.add(r.xrefs)
    return {
        "parameters": {
            "expected": total.expected,
            "extracted": total.extracted,
            "value_hits": total.value_hits,
            "precision": round(total.precision, 4),
            "recall": round(total.recall, 4),
            "point_precision": round(total.point_precision, 4),
            "point_recall": round(total.point_recall, 4),
        },
        "forms": {"expected": forms.expected, "kind_hits": forms.value_hits, "rows_hits": forms.point_hits},
        "cross_references": {
            "expected": xrefs.expected,
            "extracted": xrefs.extracted,
            "hits": xrefs.value_hits,
            "precision": round(xrefs.precision, 4),
            "recall": round(xrefs.recall, 4),
        },
    }
