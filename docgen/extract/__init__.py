"""Extraction stage: a parsed :class:`~docgen.model.Document` → rule parameters with provenance.

``extract(doc)`` runs the declarative rules (``rules/<lang>.yaml``) and the registered special
rules, then the forms, form assignment, cross references and the model generation, and returns a
plain dict (the catalogue body) plus the trace that ``docgen parse --explain`` prints.
"""

from __future__ import annotations

from typing import Any

from ..model import Document
from . import special as _special  # noqa: F401  (registers the special rules)
from .dsl import run_dsl
from .forms import extract_forms
from .generation import decide_generation
from .registry import Context, Trace, rules
from .xrefs import cross_references, form_assignment


def _param_json(ctx: Context, key: str) -> dict[str, Any]:
    p = ctx.params[key]
    rs, re_ = ctx.doc.norm.raw_span(p.start, p.end)
    out: dict[str, Any] = {
        "value": p.value,
        "unit": p.unit,
        "source": {"point": p.point, "quote": ctx.doc.norm.raw[rs:re_], "start": rs, "end": re_},
        "rule": p.rule,
    }
    if ctx.also.get(key):
        out["also_in"] = list(ctx.also[key])
    if ctx.conflicts.get(key):
        out["conflicts"] = [
            {"value": c.value, "point": c.point, "quote": ctx.quote(c.start, c.end), "rule": c.rule}
            for c in ctx.conflicts[key]
        ]
    return out


def extract(doc: Document) -> tuple[dict[str, Any], list[Trace]]:
    ctx = Context(doc)
    run_dsl(ctx)
    for r in rules():
        r.func(ctx)
    params = {k: _param_json(ctx, k) for k in ctx.params}
    forms = extract_forms(doc)
    for f in forms:
        f["source"] = {"point": f"app{f['appendix']}"}
    assignment = form_assignment(doc, forms)
    internal, external = cross_references(doc)
    generation, evidence = decide_generation(params, forms)
    body = {
        "parameters": params,
        "forms": forms,
        "form_assignment": assignment,
        "cross_references": internal,
        "external_references": external,
        "generation": generation,
        "generation_evidence": evidence,
    }
    return body, ctx.trace
