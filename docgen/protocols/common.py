"""Shared helpers of the protocols / 360 stages: language choice, appendix captions, grade words.

Consumes a :class:`~docgen.catalogue_model.Catalogue` (its language and ``forms``) and the label files. Produces strings.
"""

from __future__ import annotations

from ..catalogue_model import Catalogue
from ..errors import UsageError
from .labels import LANGS, labels


def choose_lang(lang: str | None, catalogue: Catalogue) -> str:
    """The requested language, else the methodology's own language (``Catalogue.lang_or``)."""
    if lang and lang not in LANGS:
        raise UsageError(f"unsupported language '{lang}' (kk or ru)")
    return catalogue.lang_or(lang)


def appendix_caption(catalogue: Catalogue, kind: str, lang: str, default: int | None = None) -> str:
    """ "...әдістемесіне 7-қосымша" / "Приложение 7 к Методике ..." when the methodology has the form."""
    n = catalogue.appendix_of(kind) or default
    return "" if n is None else str(labels(lang)["appendix_caption"]).format(n=n)


def grade_label(grade_id: str, lang: str) -> str:
    return str(labels(lang)["grades"].get(grade_id, grade_id))
