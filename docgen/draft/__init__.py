"""Draft stage: a body's methodology written from a model edition's text (``docgen draft``).

``draft(edition, body, lang, body_path)`` -> :class:`Draft` (blocks, text, the values it states and
its cross references); :func:`render_docx` makes the official Word document. Consumes the model texts
of ``legal_corpus/models/texts/`` and a BODY.yaml (:func:`load_body`); bad input is one line, exit 2.
Sits above the catalogue stage (the round trip reads parse results through :mod:`.adapter`), beside
check and diff, below commands.
"""

from __future__ import annotations

from .body import Body, load_body
from .compose import Draft, check_parameters, compose
from .docx import render_docx
from .messages import fail
from .model import ModelText, editions_with_text, load_model_text

__all__ = ["Body", "Draft", "ModelText", "draft", "load_body", "load_model_text", "render_docx"]


def draft(edition: str, body: Body, lang: str, body_path: str = "BODY.yaml") -> Draft:
    """The methodology of ``body`` in ``lang`` from the text of model ``edition``."""
    known = editions_with_text()
    if edition not in known:
        raise fail(lang, "--model", edition, "unknown_model", edition=edition, known=", ".join(known))
    try:
        model = load_model_text(edition, lang)
    except KeyError:
        raise fail(lang, "--model", edition, "no_text", edition=edition, language=lang) from None
    if body.act_date < model.in_force_from:
        raise fail(
            lang,
            body_path,
            "approving_act.date",
            "before_model",
            date=body.act_date.isoformat(),
            edition=edition,
            since=model.in_force_from.isoformat(),
        )
    if model.in_force_to is not None and body.act_date > model.in_force_to:
        raise fail(
            lang,
            body_path,
            "approving_act.date",
            "after_model",
            date=body.act_date.isoformat(),
            edition=edition,
            until=model.in_force_to.isoformat(),
        )
    check_parameters(model, body, body_path, lang)
    return compose(model, body, lang)
