"""Protocols stage: calibration-session and commission protocols (YAML + catalogue -> DOCX).

Public API: :func:`render_calibration`, :func:`render_commission` (validate, build the typed context, render
the paired kk/ru template, write atomically). The pieces: ``calibration`` / ``commission`` (input
validation and contexts), ``render`` (docxtpl in a sandboxed autoescaping Jinja environment), ``_text``
(safe YAML, field checks), ``labels_*.yaml`` (words per language).
"""

from __future__ import annotations

from pathlib import Path

from .._docxtext import load_yaml
from ..catalogue_model import Catalogue
from . import calibration, commission
from .common import choose_lang
from .render import write_docx

__all__ = ["render_calibration", "render_commission"]


def render_calibration(
    data_path: str | Path,
    catalogue: Catalogue,
    out: str | Path,
    *,
    lang: str | None = None,
    force: bool = False,
    allow_late: bool = False,
) -> calibration.CalibrationContext:
    lang = choose_lang(lang, catalogue)
    data = load_yaml(data_path)
    ctx = calibration.build_context(data, catalogue, lang, path=str(data_path), allow_late=allow_late)
    write_docx(out, calibration.FORM, lang, ctx, force=force)
    return ctx


def render_commission(
    data_path: str | Path,
    catalogue: Catalogue,
    out: str | Path,
    *,
    lang: str | None = None,
    force: bool = False,
) -> commission.CommissionContext:
    lang = choose_lang(lang, catalogue)
    data = load_yaml(data_path)
    ctx = commission.build_context(data, catalogue, lang, path=str(data_path))
    write_docx(out, commission.FORM, lang, ctx, force=force)
    return ctx
