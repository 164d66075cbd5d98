"""The typed catalogue: what the catalogue stage hands to every consumer.

A :class:`Catalogue` is the structure + rule parameters of one methodology text, as frozen
dataclasses (in the style of :mod:`docgen.model`): :class:`ActInfo` (language, dates, generation,
status, edit notes), :class:`Parameter` (key, value, unit, source point / quote / span, rule,
``also_in``, conflicts), grade bands as :class:`~decimal.Decimal` (:class:`GradeBand`),
:class:`FormSpec` (the appendix forms), :class:`FormAssignment` (who is evaluated on which form) and
:class:`CrossReference`. Parsing from / writing to JSON lives in :mod:`docgen.catalogue_parts`;
``to_json()`` gives back exactly the object it was read from (same keys, same order), so the JSON on
disk does not change.

The small API every consumer uses:

- ``lang``: the act's language (``document.language``; the schema requires it);
- ``value(key)`` / ``param(key)``: a parameter's value / the whole parameter, ``None`` when the text
  does not state it; ``require(*keys)``: the values, or one :class:`~docgen.errors.DataError`
  listing every missing key;
- ``grades`` and ``grade_for(score)``: the one grade function;
- ``form(kind)`` / ``form_at(appendix)``: a form spec by kind or by appendix number.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .errors import DataError

LANGS = ("kk", "ru")
CENT = Decimal("0.01")

# A JSON object as read (keys of a part the dataclass does not name, kept so ``to_json`` round-trips).
JSONObject = Mapping[str, Any]


def to_decimal(value: Any) -> Decimal:
    """A number from the catalogue (int, float or a printed "3,99") as an exact ``Decimal``."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise DataError(f"not a number: {value!r}", where="catalogue")
    if isinstance(value, float):
        return Decimal(repr(value))
    try:
        return Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise DataError(f"not a number: {value!r}", where="catalogue") from exc


def round2(value: Decimal) -> Decimal:
    """Half-up to 2 decimals: the precision grade bands are printed with (3.99 / 4.00)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class SourceRef:
    """Where a value was read: point ("12" or "app3"), the quoted words and their span (normalised text)."""

    point: str | None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    extra: JSONObject = field(default_factory=dict, compare=False)
    keys: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Parameter:
    """One rule parameter of the methodology. ``value`` is JSON (number, string, bool, list of rows)."""

    key: str
    value: Any
    unit: str | None
    source: SourceRef
    rule: str | None = None
    also_in: tuple[str, ...] = ()
    conflicts: tuple[JSONObject, ...] = ()
    extra: JSONObject = field(default_factory=dict, compare=False)
    keys: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class ActInfo:
    """The ``document`` part: which act this is, in which language, of which model generation."""

    language: str
    act_type: str | None = None
    act_type_as_printed: str | None = None
    act_date: str | None = None
    act_number: str | None = None
    registration_number: str | None = None
    registration_date: str | None = None
    title: str | None = None
    issuer: str | None = None
    status: str | None = None
    repealed_by: Any = None
    generation: str | None = None
    generation_evidence: tuple[JSONObject, ...] = ()
    edit_notes: tuple[JSONObject, ...] = ()
    extra: JSONObject = field(default_factory=dict, compare=False)
    keys: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class FormSpec:
    """One appendix form as printed: number, kind, title, rows, columns (+ printed extras in ``extra``)."""

    appendix: int | None
    kind: str | None
    title: str | None = None
    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    source: SourceRef | None = None
    extra: JSONObject = field(default_factory=dict, compare=False)
    keys: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def get(self, key: str, default: Any = None) -> Any:
        """A printed extra of the form (``total_row``, ``notes``, ``header_fields``, ...)."""
        return self.extra.get(key, default)


@dataclass(frozen=True)
class FormAssignment:
    """Categories of positions evaluated on the form of appendix ``form_appendix`` by ``evaluator``."""

    categories: tuple[str, ...]
    form_appendix: int | None
    evaluator: str | None
    source: SourceRef
    extra: JSONObject = field(default_factory=dict, compare=False)
    keys: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class CrossReference:
    """A reference from point ``from_point`` to a point or an appendix of the same act."""

    from_point: str
    quote: str
    to_point: str | None = None
    to_appendix: int | None = None
    start: int | None = None
    end: int | None = None
    extra: JSONObject = field(default_factory=dict, compare=False)
    keys: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class GradeBand:
    """A printed grade band: ``id`` (effective, proper, ...) for scores ``min``..``max``."""

    id: str
    min: Decimal
    max: Decimal


def grade_for(score: Decimal | float | int, bands: Sequence[GradeBand], *, where: str = "score") -> str:
    """The one grade function: the id of the band whose printed ``min..max`` holds ``score``.

    The score is compared after rounding half-up to 2 decimals, the precision bands are printed with;
    a score between two printed bands belongs to the band with the highest ``min`` not above it; a score
    below every band is a :class:`DataError` naming ``where``.
    """
    s = round2(to_decimal(score))
    for b in bands:
        if b.min <= s <= b.max:
            return b.id
    below = [b for b in bands if b.min <= s]
    if not below:
        raise DataError(f"score {score} is below every grade band of the methodology", where=where)
    return max(below, key=lambda b: b.min).id


@dataclass(frozen=True)
class Catalogue:
    """Structure + rule parameters of one methodology text (``docgen parse`` output)."""

    act: ActInfo
    parameters: Mapping[str, Parameter]
    forms: tuple[FormSpec, ...] = ()
    form_assignment: tuple[FormAssignment, ...] = ()
    cross_references: tuple[CrossReference, ...] = ()
    external_references: tuple[CrossReference, ...] = ()
    source: JSONObject | None = None  # the input file: path, encoding, format
    structure: JSONObject | None = None  # chapters, points, appendices (docgen.structure.export)
    repairs: tuple[JSONObject, ...] = ()
    extra: JSONObject = field(
        default_factory=dict, compare=False
    )  # explain, corpus, notes of hand-made files
    keys: tuple[str, ...] = field(default=(), compare=False, repr=False)

    # -- language -------------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        """The act's language (``kk`` or ``ru``)."""
        return self.act.language

    def lang_or(self, requested: str | None) -> str:
        """The one fallback rule: a requested language wins, else the act's own language."""
        return requested or self.lang

    # -- parameters -----------------------------------------------------------------------------------
    def param(self, key: str) -> Parameter | None:
        return self.parameters.get(key)

    def value(self, key: str) -> Any:
        """The value of parameter ``key``; ``None`` when the text does not state it."""
        p = self.parameters.get(key)
        return None if p is None else p.value

    def has(self, key: str) -> bool:
        return self.value(key) is not None

    def require(self, *keys: str) -> tuple[Any, ...]:
        """The values of ``keys`` (in order); one :class:`DataError` naming every key the text lacks."""
        missing = [k for k in keys if self.value(k) is None]
        if missing:
            names = ", ".join(f"'{k}'" for k in missing)
            raise DataError(f"the methodology does not state {names}", where="catalogue")
        return tuple(self.value(k) for k in keys)

    def require_one(self, key: str) -> Any:
        (v,) = self.require(key)
        return v

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self.parameters.values())

    # -- grades ---------------------------------------------------------------------------------------
    @property
    def grades(self) -> tuple[GradeBand, ...]:
        """The printed grade bands (``grades``), exact; empty when the text states none."""
        raw = self.value("grades")
        if not raw:
            return ()
        try:
            return tuple(GradeBand(str(g["id"]), to_decimal(g["min"]), to_decimal(g["max"])) for g in raw)
        except (KeyError, TypeError) as exc:
            raise DataError(f"'grades' row is malformed ({exc})", where="catalogue") from exc

    def grade_for(self, score: Decimal | float | int, *, where: str = "score") -> str:
        """The grade id whose printed band holds ``score`` (see :func:`grade_for`)."""
        bands = self.grades
        if not bands:
            self.require("grades")
        return grade_for(score, bands, where=where)

    # -- forms ----------------------------------------------------------------------------------------
    def form(self, kind: str) -> FormSpec | None:
        """The first form of ``kind`` (e.g. ``kpi_sheet``); ``None`` when the act has none."""
        return next((f for f in self.forms if f.kind == kind), None)

    def form_at(self, appendix: int) -> FormSpec | None:
        """The form printed as appendix ``appendix``."""
        return next((f for f in self.forms if f.appendix == appendix), None)

    def appendix_of(self, kind: str) -> int | None:
        """Appendix number of the first form of ``kind`` that has one."""
        return next((f.appendix for f in self.forms if f.kind == kind and f.appendix is not None), None)

    # -- JSON -----------------------------------------------------------------------------------------
    @staticmethod
    def from_json(data: Mapping[str, Any]) -> Catalogue:
        """The dataclasses of a catalogue JSON object (no validation: see ``read_catalogue_json``)."""
        from .catalogue_parts import catalogue_from_json

        return catalogue_from_json(data)

    def to_json(self) -> dict[str, Any]:
        """The JSON object (``docgen parse`` output), key for key as it was read or built."""
        from .catalogue_parts import catalogue_to_json

        return catalogue_to_json(self)

    def with_extra(self, **items: Any) -> Catalogue:
        """A copy with top-level JSON keys added (``explain``, ``corpus``), appended in order."""
        from dataclasses import replace

        keys = self.keys or tuple(self.to_json())
        extra = {**self.extra, **items}
        return replace(self, extra=extra, keys=keys + tuple(k for k in items if k not in keys))
