"""Extraction stage, part 1: the rule registry and the per-document context rules work in.

Consumes a :class:`docgen.model.Document`; rules produce :class:`Param` values with provenance
(point, exact raw quote, raw offsets, rule name). Rules are small named functions registered in an
ordered list (razdel/yargy style); ``--explain`` replays the trace of which rule fired on which text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..model import Document

DATA = Path(__file__).resolve().parent.parent / "data"
LABELS = Path(__file__).resolve().parent / "rules" / "labels.yaml"


@lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    """Word data of the special rules, forms and cross references (``rules/labels.yaml``)."""
    data: dict[str, Any] = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    return data


def int_if_whole(v: Any) -> Any:
    """``3.0`` -> ``3``; any other value unchanged (catalogue values print as written)."""
    return int(v) if isinstance(v, float) and v.is_integer() else v


@lru_cache(maxsize=1)
def key_specs() -> dict[str, dict[str, Any]]:
    """The parameter vocabulary (docgen/data/keys.yaml)."""
    data = yaml.safe_load((DATA / "keys.yaml").read_text(encoding="utf-8"))
    return {k: (v or {}) for k, v in data.items()}


def unit_of(key: str) -> str | None:
    spec = key_specs().get(key, {})
    unit = spec.get("unit")
    return str(unit) if unit else None


@dataclass(frozen=True)
class Segment:
    """A unit of text rules look at: a methodology point (``"17"``) or an appendix (``"app3"``)."""

    ref: str
    start: int  # normalised offsets
    end: int
    text: str


@dataclass
class Param:
    key: str
    value: Any
    unit: str | None
    point: str
    start: int  # normalised offsets of the quote
    end: int
    rule: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Trace:
    rule: str
    key: str
    point: str
    quote: str
    value: Any
    kept: bool
    why: str = ""


class Context:
    """What rules see: the document, its segments, and a sink for parameters and the trace."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.lang = doc.language
        self.params: dict[str, Param] = {}
        self.also: dict[str, list[str]] = {}
        self.conflicts: dict[str, list[Param]] = {}
        self.trace: list[Trace] = []
        self.segments = list(self._segments())

    def _segments(self) -> Iterator[Segment]:
        text = self.doc.norm.text
        for p in self.doc.points:
            if not p.deleted:
                yield Segment(p.number, p.start, p.end, text[p.start : p.end])
        if not self.doc.points:  # no point numbers (structure_quality "paragraphs"): paragraph by paragraph
            app0 = min((a.start for a in self.doc.appendices), default=len(text))
            for ref, start, end in self.doc.paragraphs():
                if end <= app0:
                    yield Segment(ref, start, end, text[start:end])
        for a in self.doc.appendices:
            yield Segment(f"app{a.number}", a.start, a.end, text[a.start : a.end])

    def point_segments(self) -> list[Segment]:
        return [s for s in self.segments if not s.ref.startswith("app")]

    def quote(self, start: int, end: int) -> str:
        return self.doc.norm.raw_slice(start, end)

    def add(self, param: Param) -> bool:
        """Keep the first statement of a key; later equal ones are 'also_in', different ones conflicts."""
        quote = self.quote(param.start, param.end)
        cur = self.params.get(param.key)
        if cur is None:
            self.params[param.key] = param
            self.trace.append(Trace(param.rule, param.key, param.point, quote, param.value, True))
            return True
        if cur.value == param.value:
            if param.point != cur.point and param.point not in self.also.setdefault(param.key, []):
                self.also[param.key].append(param.point)
            self.trace.append(
                Trace(param.rule, param.key, param.point, quote, param.value, False, "same value")
            )
        else:
            self.conflicts.setdefault(param.key, []).append(param)
            self.trace.append(
                Trace(
                    param.rule, param.key, param.point, quote, param.value, False, f"differs from {cur.point}"
                )
            )
        return False

    def has(self, key: str) -> bool:
        return key in self.params


RuleFunc = Callable[[Context], None]


@dataclass(frozen=True)
class Rule:
    name: str
    func: RuleFunc
    keys: tuple[str, ...]


_REGISTRY: list[Rule] = []


def rule(name: str, *keys: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register an extraction rule (order of registration = order of application)."""

    def deco(func: RuleFunc) -> RuleFunc:
        _REGISTRY.append(Rule(name, func, keys))
        return func

    return deco


def rules() -> list[Rule]:
    return list(_REGISTRY)
