"""Draft stage: a body's methodology written from a model edition's text (``docgen draft``).

``draft(edition, body, lang, body_path)`` -> :class:`Draft` (blocks, text, the values it states and
its cross references); :func:`render_docx` makes the official Word document. Consumes the model texts
of ``legal_corpus/models/texts/`` and a BODY.yaml (:func:`load_body`); bad input is one line, exit 2.
Sits above the catalogue stage (the round trip reads parse results through :mod:`.adapter`), beside
check and diff, below commands.
"""

from __future__ import annotations

import datetime as dt

from .body import Body, load_body
from .compose import Draft, check_parameters, compose
from .docx import render_docx
from .messages import fail
from .model import ModelText, editions_with_text, load_model_text

__all__ = [
    "Body",
    "Draft",
    "ModelText",
    "draft",
    "edition_warning",
    "load_body",
    "load_model_text",
    "render_docx",
]


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


def edition_warning(edition: str, today: dt.date | None = None) -> str | None:
    """When model ``edition`` is no longer in force on ``today`` (its profile's ``in_force.to`` is
    past): the English message errors.yaml says in Russian and Kazakh, naming the edition in force
    that day (the latest whose ``in_force.from`` is not after it). None while it is in force."""
    from ..editions import editions, models_dir, read_profile_yaml

    day = today or dt.date.today()
    profile = read_profile_yaml(models_dir() / f"{edition}.yaml")
    end = (profile.get("in_force") or {}).get("to") if isinstance(profile, dict) else None
    if not end or dt.date.fromisoformat(str(end)) >= day:
        return None
    started = [e for e in editions() if dt.date.fromisoformat(e.valid_from) <= day]
    if not started:
        return None
    current = started[-1]
    return (
        f"model edition {edition} is not in force today (in force until {end}); "
        f"the edition in force is {current.edition}, since {current.valid_from}"
    )
