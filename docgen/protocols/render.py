"""Render stage for protocols and 360 reports: a typed context + a paired docxtpl template -> DOCX bytes.

Consumes ``templates_<lang>/<form>.docx`` (built by ``scripts/templates/protocols.py``; kk and ru carry the
same variables) and a context dataclass. Renders with a sandboxed, autoescaping Jinja environment, so
values with ``< > & « »`` and quotes are printed as text, never as markup. ``write_docx`` writes atomically
and refuses to overwrite without ``force``.
"""

from __future__ import annotations

import dataclasses
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from .._atomic import check_writable, write_bytes
from ..errors import InputError, UsageError
from .labels import LANGS


def templates_dir(lang: str) -> Path:
    """``templates_<lang>/`` at the project root (or under ``$DOCGEN_TEMPLATES`` when set)."""
    if lang not in LANGS:
        raise UsageError(f"unsupported language '{lang}' (kk or ru)")
    root = os.environ.get("DOCGEN_TEMPLATES")
    base = Path(root) if root else Path(__file__).resolve().parents[2]
    return base / f"templates_{lang}"


def template_path(form: str, lang: str) -> Path:
    p = templates_dir(lang) / f"{form}.docx"
    if not p.is_file():
        raise InputError("template not found (run scripts/templates/protocols.py)", path=str(p))
    return p


def context_dict(ctx: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(ctx) and not isinstance(ctx, type):
        return dataclasses.asdict(ctx)
    if isinstance(ctx, dict):
        return ctx
    raise TypeError("context must be a dataclass instance or a dict")


def render_docx(form: str, lang: str, ctx: Any) -> bytes:
    from docxtpl import DocxTemplate  # heavy-ish import kept local

    tpl = DocxTemplate(str(template_path(form, lang)))
    env = SandboxedEnvironment(autoescape=True)
    tpl.render(context_dict(ctx), env)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def template_variables(form: str, lang: str) -> set[str]:
    """Top-level variables a template uses (for the kk/ru pairing test)."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template_path(form, lang)))
    return set(tpl.get_undeclared_template_variables(SandboxedEnvironment(autoescape=True)))


def write_docx(
    out: str | Path,
    form: str,
    lang: str,
    ctx: Any,
    *,
    force: bool = False,
    post: Callable[[bytes], bytes] | None = None,
) -> Path:
    out = Path(out)
    check_writable(out, force)
    data = render_docx(form, lang, ctx)
    if post is not None:
        data = post(data)
    write_bytes(out, data, force=force)
    return out
