"""JSON <-> :class:`~docgen.catalogue_model.Catalogue`: validation against the schema, parsing, writing.

``validate(data, path)`` checks a JSON object against ``docgen/data/catalogue.schema.json`` and raises one
:class:`~docgen.errors.InputError` naming the file and the JSON path of the first problem.
``catalogue_from_json`` builds the dataclasses; ``catalogue_to_json`` writes them back key for key in
the order they were read (or built in), so a catalogue read and written again is byte-identical.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from .catalogue_model import (
    ActInfo,
    Catalogue,
    CrossReference,
    FormAssignment,
    FormSpec,
    JSONObject,
    Parameter,
    SourceRef,
)
from .errors import InputError

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
    keys = a.keys or _ACT_ORDER + tuple(k for k in a.extra if k not in _ACT_ORDER)
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
