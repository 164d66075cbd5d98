"""Rendering stage, reference path: plain docxtpl with docgen's sandboxed autoescaping environment.

Consumes a template path and a context mapping; produces DOCX bytes. Slow (docxtpl re-reads and
re-writes the whole package per document) but it is the behaviour the fast renderer
(:mod:`docgen.render.fast`) must reproduce; the benchmark and the equivalence tests use it.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from typing import Any

from .env import make_env


def render_docxtpl(template_path: str | os.PathLike[str], context: Mapping[str, Any]) -> bytes:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(os.fspath(template_path))
    tpl.render(dict(context), jinja_env=make_env(), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()
