"""Rendering stage: DOCX templates (docxtpl + a sandboxed, autoescaping Jinja environment).

Consumes a form kind, a language and a typed form context (:mod:`docgen.forms.contexts`);
produces DOCX bytes, written atomically; optionally PDFs through LibreOffice.

Public API:

- :func:`render_form` -- context dataclass -> DOCX bytes (fast compiled path);
- :func:`render_form_docxtpl` -- the same through plain docxtpl (reference, slow);
- :func:`docgen.render.env.make_env`, :func:`docgen.render.env.check_text`;
- :class:`docgen.render.fast.CompiledTemplate`;
- :func:`docgen.render.write.write_atomic`;
- :func:`docgen.render.pdf.convert_to_pdf`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .docxtpl_render import render_docxtpl
from .env import BadTextError, check_text, make_env
from .fast import CompiledTemplate
from .templates import compiled, has_template, template_path
from .write import write_atomic

__all__ = [
    "BadTextError",
    "CompiledTemplate",
    "as_mapping",
    "check_text",
    "compiled",
    "has_template",
    "make_env",
    "render_form",
    "render_form_docxtpl",
    "template_path",
    "write_atomic",
]


def as_mapping(context: Any) -> dict[str, Any]:
    """Top-level fields of a context dataclass as a dict (nested values stay objects)."""
    if isinstance(context, dict):
        return context
    if dataclasses.is_dataclass(context) and hasattr(context, "__dict__"):
        return dict(context.__dict__)  # the fields, as dataclasses.fields() lists them
    return {f.name: getattr(context, f.name) for f in dataclasses.fields(context)}


def render_form(kind: str, lang: str, context: Any) -> bytes:
    return compiled(kind, lang).render(as_mapping(context))


def render_form_docxtpl(kind: str, lang: str, context: Any) -> bytes:
    return render_docxtpl(template_path(kind, lang), as_mapping(context))
