"""The typed catalogue: what the catalogue stage hands to every consumer.

A :class:`Catalogue` is the structure + rule parameters of one methodology text, as frozen
dataclasses (in the style of :mod:`docgen.model`): :class:`ActInfo` (language, dates, generation,
status, edit notes), :class:`Parameter` (key, value, unit, source point / quote / span, rule,
``also_in``, conflicts), grade bands as :class:`~decimal.Decimal` (:class:`GradeBand`),
:class:`FormSpec` (the appendix forms), :class:`FormAssignment` (who is evaluated on which form) and
:class:`CrossReference`. Parsing from / writing to JSON and schema validation are at the end of this module;
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

import copy
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import DataError, InputError

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
    """Where a value was read: point ("12" or "app3"), the quoted words and their span in the text as read."""

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
    structure_quality: str = "numbered"  # "paragraphs": no point numbers, values found by paragraph
    extra: JSONObject = field(default_factory=dict, compare=False)
    keys: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class FormSpec:
    """One appendix form as printed: number, kind, title, rows, columns (+ printed extras in ``extra``:
    ``questions`` and ``averages`` of a 360 questionnaire, ``criteria``, ``footnotes``,
    ``footnote_missing``, ``repairs``, ``truncated`` and ``printed`` of an appendix the text breaks off
    in; see docgen/extract/forms.py)."""

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

    def repaired(self, text: str) -> str:
        """``text`` with the appendix's letter-spaced words («Т и і м д і») put back together, as the
        structure stage recorded them in ``repairs``; the catalogue itself keeps what was printed."""
        for r in self.extra.get("repairs") or []:
            if isinstance(r, dict) and r.get("kind") == "letter_spacing" and r.get("before"):
                text = text.replace(str(r["before"]), str(r.get("after", "")))
        return text


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
            from docgen.data.labels import key_label

            ru = ", ".join(f"«{key_label(k, 'ru')}»" for k in missing)
            kk = ", ".join(f"«{key_label(k, 'kk')}»" for k in missing)
            from docgen.errors import ui_lang

            said = {"ru": f"в методике не указано: {ru}", "kk": f"әдістемеде көрсетілмеген: {kk}"}
            lang = ui_lang()  # the user's language when a command chose one; else both
            text = said[lang] if lang in said else f"{said['ru']}; {said['kk']}"
            raise DataError(text, where="catalogue")
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
        return catalogue_from_json(data)

    def to_json(self) -> dict[str, Any]:
        """The JSON object (``docgen parse`` output), key for key as it was read or built."""
        return catalogue_to_json(self)

    def with_extra(self, **items: Any) -> Catalogue:
        """A copy with top-level JSON keys added (``explain``, ``corpus``), appended in order."""
        from dataclasses import replace

        keys = self.keys or tuple(self.to_json())
        extra = {**self.extra, **items}
        return replace(self, extra=extra, keys=keys + tuple(k for k in items if k not in keys))


# ===================================== JSON <-> Catalogue =====================================
# JSON <-> :class:`~docgen.catalogue_model.Catalogue`: validation against the schema, parsing, writing.
#
# ``validate(data, path)`` checks a JSON object against ``docgen/data/catalogue.schema.json`` and raises one
# :class:`~docgen.errors.InputError` naming the file and the JSON path of the first problem.
# ``catalogue_from_json`` builds the dataclasses; ``catalogue_to_json`` writes them back key for key in
# the order they were read (or built in), so a catalogue read and written again is byte-identical.

# ---------------------------------------------------------------------------------------------- schema


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema  # runtime dependency: catalogues read from disk are validated on load

    text = resources.files("docgen.data").joinpath("catalogue.schema.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def validate(data: Any, path: str) -> None:
    """One :class:`InputError` (file + JSON path) when ``data`` is not a catalogue."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: (list(e.absolute_path), e.message))
    if errors:
        e = errors[0]
        message = str(e.message)
        if len(message) > 200:
            message = message[:200] + "..."
        raise InputError(f"not a catalogue: {message}", path=path, where=str(e.json_path))


# -------------------------------------------------------------------------------------------- helpers


def _opt_str(v: Any) -> str | None:
    return None if v is None else str(v)


def _opt_int(v: Any) -> int | None:
    return None if v is None else int(v)


def _rest(d: Mapping[str, Any], known: Sequence[str]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in known}


def _emit(keys: tuple[str, ...], typed: dict[str, Any], extra: JSONObject) -> dict[str, Any]:
    """Typed fields and extras in the order ``keys`` (as read); built objects: typed first, then extras."""
    order = keys or tuple(typed) + tuple(k for k in extra if k not in typed)
    out: dict[str, Any] = {}
    for k in order:
        if k in typed:
            out[k] = typed[k]
        elif k in extra:
            out[k] = copy.deepcopy(extra[k])
    return out


# -------------------------------------------------------------------------------------------- sources

_SOURCE = ("point", "quote", "start", "end")


def source_from_json(d: Mapping[str, Any]) -> SourceRef:
    return SourceRef(
        point=_opt_str(d.get("point")),
        quote=_opt_str(d.get("quote")),
        start=_opt_int(d.get("start")),
        end=_opt_int(d.get("end")),
        extra=_rest(d, _SOURCE),
        keys=tuple(d),
    )


def source_to_json(s: SourceRef) -> dict[str, Any]:
    typed = {"point": s.point, "quote": s.quote, "start": s.start, "end": s.end}
    if not s.keys:
        typed = {k: v for k, v in typed.items() if v is not None}
    return _emit(s.keys, typed, s.extra)


# ------------------------------------------------------------------------------------------ parameters

_PARAM = ("value", "unit", "source", "rule", "also_in", "conflicts")


def parameter_from_json(key: str, d: Mapping[str, Any]) -> Parameter:
    return Parameter(
        key=key,
        value=copy.deepcopy(d.get("value")),
        unit=_opt_str(d.get("unit")),
        source=source_from_json(d.get("source") or {}),
        rule=_opt_str(d.get("rule")),
        also_in=tuple(str(x) for x in d.get("also_in") or ()),
        conflicts=tuple(d.get("conflicts") or ()),
        extra=_rest(d, _PARAM),
        keys=tuple(d),
    )


def parameter_to_json(p: Parameter) -> dict[str, Any]:
    typed: dict[str, Any] = {
        "value": copy.deepcopy(p.value),
        "unit": p.unit,
        "source": source_to_json(p.source),
        "rule": p.rule,
        "also_in": list(p.also_in),
        "conflicts": [copy.deepcopy(dict(c)) for c in p.conflicts],
    }
    if not p.keys:
        typed = {k: v for k, v in typed.items() if k in ("value", "unit", "source") or v}
    return _emit(p.keys, typed, p.extra)


# --------------------------------------------------------------------------------------------- the act

_ACT = (
    "language",
    "act_type",
    "act_type_as_printed",
    "act_date",
    "act_number",
    "registration_number",
    "registration_date",
    "title",
    "issuer",
    "status",
    "repealed_by",
    "generation",
    "generation_evidence",
    "edit_notes",
    "structure_quality",
)
# the order ``docgen.structure.export`` writes the document part in
_ACT_ORDER = (
    "issuer",
    "act_type",
    "act_type_as_printed",
    "act_date",
    "act_number",
    "registration_number",
    "registration_date",
    "title",
    "language",
    "status",
    "repealed_by",
    "edit_notes",
    "generation",
    "generation_evidence",
)


def act_from_json(d: Mapping[str, Any]) -> ActInfo:
    return ActInfo(
        language=str(d.get("language") or ""),
        act_type=_opt_str(d.get("act_type")),
        act_type_as_printed=_opt_str(d.get("act_type_as_printed")),
        act_date=_opt_str(d.get("act_date")),
        act_number=_opt_str(d.get("act_number")),
        registration_number=_opt_str(d.get("registration_number")),
        registration_date=_opt_str(d.get("registration_date")),
        title=_opt_str(d.get("title")),
        issuer=_opt_str(d.get("issuer")),
        status=_opt_str(d.get("status")),
        repealed_by=copy.deepcopy(d.get("repealed_by")),
        generation=_opt_str(d.get("generation")),
        generation_evidence=tuple(d.get("generation_evidence") or ()),
        edit_notes=tuple(d.get("edit_notes") or ()),
        structure_quality=str(d.get("structure_quality") or "numbered"),
        extra=_rest(d, _ACT),
        keys=tuple(d),
    )


def act_to_json(a: ActInfo) -> dict[str, Any]:
    typed: dict[str, Any] = {
        "language": a.language,
        "act_type": a.act_type,
        "act_type_as_printed": a.act_type_as_printed,
        "act_date": a.act_date,
        "act_number": a.act_number,
        "registration_number": a.registration_number,
        "registration_date": a.registration_date,
        "title": a.title,
        "issuer": a.issuer,
        "status": a.status,
        "repealed_by": copy.deepcopy(a.repealed_by),
        "generation": a.generation,
        "generation_evidence": [copy.deepcopy(dict(e)) for e in a.generation_evidence],
        "edit_notes": [copy.deepcopy(dict(e)) for e in a.edit_notes],
    }
    if a.structure_quality != "numbered" or "structure_quality" in a.keys:  # default not written
        typed["structure_quality"] = a.structure_quality
    keys = a.keys or _ACT_ORDER + ("structure_quality",) + tuple(k for k in a.extra if k not in _ACT_ORDER)
    return _emit(keys, typed, a.extra)


# ---------------------------------------------------------------------------------------------- forms

_FORM = ("appendix", "kind", "title", "rows", "columns", "source")


def form_from_json(d: Mapping[str, Any]) -> FormSpec:
    src = d.get("source")
    return FormSpec(
        appendix=_opt_int(d.get("appendix")),
        kind=_opt_str(d.get("kind")),
        title=_opt_str(d.get("title")),
        rows=tuple(str(r) for r in d.get("rows") or ()),
        columns=tuple(str(c) for c in d.get("columns") or ()),
        source=source_from_json(src) if isinstance(src, Mapping) else None,
        extra=_rest(d, _FORM) | ({"source": src} if src is not None and not isinstance(src, Mapping) else {}),
        keys=tuple(d),
    )


def form_to_json(f: FormSpec) -> dict[str, Any]:
    typed: dict[str, Any] = {
        "appendix": f.appendix,
        "kind": f.kind,
        "title": f.title,
        "rows": list(f.rows),
        "columns": list(f.columns),
    }
    if f.source is not None:
        typed["source"] = source_to_json(f.source)
    return _emit(f.keys, typed, f.extra)


_ASSIGN = ("categories", "form_appendix", "evaluator", "source")


def assignment_from_json(d: Mapping[str, Any]) -> FormAssignment:
    return FormAssignment(
        categories=tuple(str(c) for c in d.get("categories") or ()),
        form_appendix=_opt_int(d.get("form_appendix")),
        evaluator=_opt_str(d.get("evaluator")),
        source=source_from_json(d.get("source") or {}),
        extra=_rest(d, _ASSIGN),
        keys=tuple(d),
    )


def assignment_to_json(a: FormAssignment) -> dict[str, Any]:
    typed: dict[str, Any] = {
        "categories": list(a.categories),
        "form_appendix": a.form_appendix,
        "evaluator": a.evaluator,
        "source": source_to_json(a.source),
    }
    return _emit(a.keys, typed, a.extra)


# --------------------------------------------------------------------------------------- references

_XREF = ("from_point", "to_point", "to_appendix", "quote", "start", "end")


def xref_from_json(d: Mapping[str, Any]) -> CrossReference:
    return CrossReference(
        from_point=str(d.get("from_point")),
        quote=str(d.get("quote") or ""),
        to_point=_opt_str(d.get("to_point")),
        to_appendix=_opt_int(d.get("to_appendix")),
        start=_opt_int(d.get("start")),
        end=_opt_int(d.get("end")),
        extra=_rest(d, _XREF),
        keys=tuple(d),
    )


def xref_to_json(x: CrossReference) -> dict[str, Any]:
    typed: dict[str, Any] = {
        "from_point": x.from_point,
        "to_point": x.to_point,
        "to_appendix": x.to_appendix,
        "quote": x.quote,
        "start": x.start,
        "end": x.end,
    }
    if not x.keys:
        typed = {k: v for k, v in typed.items() if v is not None}
    return _emit(x.keys, typed, x.extra)


# ------------------------------------------------------------------------------------------ catalogue

_TOP = (
    "source",
    "document",
    "structure",
    "repairs",
    "parameters",
    "forms",
    "form_assignment",
    "cross_references",
    "external_references",
)


def catalogue_from_json(d: Mapping[str, Any]) -> Catalogue:
    """The dataclasses of a catalogue JSON object (validated before, or built by the pipeline)."""
    params = d.get("parameters") or {}
    return Catalogue(
        act=act_from_json(d.get("document") or {}),
        parameters={str(k): parameter_from_json(str(k), v) for k, v in params.items()},
        forms=tuple(form_from_json(f) for f in d.get("forms") or ()),
        form_assignment=tuple(assignment_from_json(a) for a in d.get("form_assignment") or ()),
        cross_references=tuple(xref_from_json(x) for x in d.get("cross_references") or ()),
        external_references=tuple(xref_from_json(x) for x in d.get("external_references") or ()),
        source=copy.deepcopy(d["source"]) if "source" in d else None,
        structure=copy.deepcopy(d["structure"]) if "structure" in d else None,
        repairs=tuple(copy.deepcopy(d.get("repairs") or ())),
        extra=copy.deepcopy(_rest(d, _TOP)),
        keys=tuple(d),
    )


def catalogue_to_json(c: Catalogue) -> dict[str, Any]:
    typed: dict[str, Any] = {
        "source": copy.deepcopy(c.source),
        "document": act_to_json(c.act),
        "structure": copy.deepcopy(c.structure),
        "repairs": [copy.deepcopy(dict(r)) for r in c.repairs],
        "parameters": {k: parameter_to_json(p) for k, p in c.parameters.items()},
        "forms": [form_to_json(f) for f in c.forms],
        "form_assignment": [assignment_to_json(a) for a in c.form_assignment],
        "cross_references": [xref_to_json(x) for x in c.cross_references],
        "external_references": [xref_to_json(x) for x in c.external_references],
    }
    if not c.keys:
        typed = {k: v for k, v in typed.items() if v is not None}
    return _emit(c.keys, typed, c.extra)
