"""Shared helpers of the protocols / 360 stages: language choice, appendix captions, grade words.

Consumes a catalogue dict (its ``document.language`` and ``forms``) and the label files. Produces strings.
"""

from __future__ import annotations

from typing import Any

from ..errors import UsageError
from .labels import LANGS, labels


def choose_lang(lang: str | None, catalogue: dict[str, Any]) -> str:
    """The requested language, else the methodology's own language, else Kazakh."""
    if lang:
        if lang not in LANGS:
            raise UsageError(f"unsupported language '{lang}' (kk or ru)")
        return lang
    doc_lang = (catalogue.get("document") or {}).get("language") or catalogue.get("language")
    return doc_lang if doc_lang in LANGS else "kk"


def form_appendix(catalogue: dict[str, Any], kind: str) -> int | None:
    for f in catalogue.get("forms") or []:
        if isinstance(f, dict) and f.get("kind") == kind and f.get("appendix") is not None:
            return int(f["appendix"])
    return None


def appendix_caption(catalogue: dict[str, Any], kind: str, lang: str, default: int | None = None) -> str:
    """ "...әдістемесіне 7-қосымша" / "Приложение 7 к Методике ..." when the methodology has the form."""
    n = form_appendix(catalogue, kind) or default
    return "" if n is None else str(labels(lang)["appendix_caption"]).format(n=n)


def grade_label(grade_id: str, lang: str) -> str:
    return str(labels(lang)["grades"].get(grade_id, grade_id))


def load_catalogue(methodology: str | None, catalogue_file: str | None) -> dict[str, Any]:
    """The catalogue from ``--catalogue FILE.json`` or parsed from ``--methodology PATH`` (exactly one)."""
    from ..catalogue import catalogue_for_path, read_catalogue_json

    if bool(methodology) == bool(catalogue_file):
        raise UsageError("give exactly one of --methodology PATH or --catalogue FILE.json")
    if catalogue_file:
        return read_catalogue_json(catalogue_file).to_json()
    assert methodology is not None
    return catalogue_for_path(methodology).to_json()
