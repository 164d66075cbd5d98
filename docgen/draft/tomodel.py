"""Draft stage, bringing an act to a model edition (``docgen amend --to E``): the wording of the
provisions the model edition has and the act lacks, written from the model's text in the act's
language, with the act's own values where the act states them (else the model's), the act's body
name and cross references to the act's points.

Which provisions are missing and where the act states each present one are judged by the caller
(``docgen.commands.amend`` asks ``docgen check``, which this layer may not import): ``located`` maps a
model provision id to the act point that holds it. An inserted provision follows the act point of the
nearest model provision before it that the act holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..catalogue_model import Catalogue
from ..errors import InputError
from .compose import _int, _lookup, format_value
from .model import PLACEHOLDER, ModelText, load_model_text
from .names import name_forms
from .words import ru_agree

__all__ = ["Insert", "generation_of", "model_inserts", "model_wording"]


@dataclass(frozen=True)
class Insert:
    """A provision to insert after point ``after`` of the old edition (``--to``: one the model adds).

    ``paragraphs``: its wording without the number, the first paragraph and the rest; a cross
    reference inside is a token ``{pt:N}`` (point N of the old edition) or ``{ins:ID}`` (another
    inserted provision), numbered when the new numbering is known."""

    after: str
    provision: str
    paragraphs: tuple[str, ...]
    keys: tuple[str, ...] = ()
    edition: str = ""
    model_point: int | None = None


_MSG = {
    "kk": "актіде органның атауы табылмады; «{provision}» ережесін жазу үшін ол керек",
    "ru": "в акте не найдено наименование органа; оно нужно для текста положения «{provision}»",
}


def generation_of(edition: str) -> str:
    """The generation of acts a model edition governs (its profile's ``generation``)."""
    model = load_model_text(edition, "ru") if _has(edition, "ru") else load_model_text(edition, "kk")
    return str(model.profile.get("generation") or "")


def _has(edition: str, lang: str) -> bool:
    try:
        load_model_text(edition, lang)
    except KeyError:
        return False
    return True


def _values(model: ModelText, cat: Catalogue) -> dict[str, Any]:
    far = dt.date(9999, 12, 31)
    out: dict[str, Any] = {}
    for key in model.profile.get("parameters", {}):
        p = cat.param(key)
        out[key] = p.value if p is not None and p.value is not None else model.value(key, far)
    return out


def _substitution(
    cat: Catalogue,
    values: dict[str, Any],
    appendix_of: dict[str, int],
    lang: str,
    body_forms: Callable[[], dict[str, str]],
    ref: Callable[[str], str] | None,
) -> Callable[[Any], str]:
    """What a model text's placeholder (``PLACEHOLDER`` match) becomes in the act: the body's name in
    a case (``body``), an appendix number (``app``), a noun agreeing with a number (``n``), a point
    number (``ref``, only where ``ref`` is given) or a value in a format."""

    def one(m: Any) -> str:
        what, arg = m.group(1), m.group(2)
        if what == "body":
            return body_forms()[arg]
        if what == "ref" and ref is not None:
            return ref(arg)
        if what == "app":
            return str(cat.appendix_of(arg) or appendix_of[arg])
        if what == "n":
            key, noun, case = arg.split(":")
            return ru_agree(noun, _int(values[key]), case)
        key_ref, fmt = arg.rsplit(":", 1)
        return format_value(_lookup(values, key_ref)[1], fmt, lang)

    return one


def model_inserts(
    cat: Catalogue,
    edition: str,
    lang: str,
    located: dict[str, str],
    missing: list[str],
    path: str = "ACT",
) -> list[Insert]:
    """The provisions ``missing`` (model ids), each to insert after the act point of the nearest model
    provision before it that the act holds (``located``: id -> act point)."""
    model = load_model_text(edition, lang)
    values = _values(model, cat)
    order = [p["id"] for p in model.provisions]
    want = set(missing)
    forms: dict[str, str] | None = None
    appendix_of = {f["kind"]: int(f["appendix"]) for f in model.forms}
    out: list[Insert] = []
    for i, prov in enumerate(model.provisions):
        pid = prov["id"]
        if pid not in want:
            continue
        after = next((located[q] for q in reversed(order[:i]) if q in located), None)
        if after is None:
            after = min(located.values(), key=_key) if located else "1"

        def ref(arg: str) -> str:
            if arg in located:
                return "{pt:" + located[arg] + "}"
            if arg in want:
                return "{ins:" + arg + "}"
            return str(model.point_of(arg))

        def body_forms(pid: str = pid) -> dict[str, str]:
            nonlocal forms
            if forms is None:
                if not cat.act.issuer:
                    raise InputError(_MSG["kk" if lang == "kk" else "ru"].format(provision=pid), path=path)
                forms = name_forms(cat.act.issuer, lang)
            return forms

        one = _substitution(cat, values, appendix_of, lang, body_forms, ref)
        first, *rest = [PLACEHOLDER.sub(one, t) for t in prov["text"]]
        items = [f"{k}) {PLACEHOLDER.sub(one, t)}" for k, t in enumerate(prov.get("items", []), 1)]
        out.append(
            Insert(
                after,
                pid,
                (first, *items, *rest),
                tuple(prov.get("params", [])),
                edition,
                model.point_of(pid),
            )
        )
    return out


def _key(n: str) -> tuple[int, ...]:
    return tuple(int(x) for x in n.split("-") if x.isdigit()) or (0,)


def model_wording(cat: Catalogue, key: str, value: Any, lang: str) -> tuple[tuple[str, ...], int] | None:
    """The wording of the model provision that states ``key`` (the latest model edition with a text
    for the act's generation), with the act's values and ``value`` for ``key``, and the model's point;
    None when there is no such text or the provision links to other provisions (their numbers in the
    act are not known here)."""
    from .model import editions_with_text

    gen = cat.act.generation
    editions = [e for e in editions_with_text() if gen and _has(e, lang) and generation_of(e) == gen]
    if not editions:
        return None
    model = load_model_text(editions[-1], lang)
    prov = next((p for p in model.provisions if key in (p.get("params") or [])), None)
    if prov is None or any("{ref:" in t for t in [*prov["text"], *prov.get("items", [])]):
        return None
    values = {**_values(model, cat), key: value}
    if any("{body:" in t for t in prov["text"]) and not cat.act.issuer:
        return None
    forms = name_forms(cat.act.issuer, lang) if cat.act.issuer else {}
    appendix_of = {f["kind"]: int(f["appendix"]) for f in model.forms}
    one = _substitution(cat, values, appendix_of, lang, lambda: forms, None)
    first, *rest = [PLACEHOLDER.sub(one, t) for t in prov["text"]]
    items = [f"{k}) {PLACEHOLDER.sub(one, t)}" for k, t in enumerate(prov.get("items", []), 1)]
    return (first, *items, *rest), model.point_of(prov["id"])


def stated_rule(cat: Catalogue, key: str, lang: str) -> tuple[Any, tuple[str, ...], int] | None:
    """A rule the model states in its wording, with no value slot (who may not sit on a calibration
    session): (the model's value, the provision's sentences without placeholders, the model's point),
    from the latest model edition with a text for the act's generation; None when there is none."""
    from .model import editions_with_text

    gen = cat.act.generation
    editions = [e for e in editions_with_text() if gen and _has(e, lang) and generation_of(e) == gen]
    if not editions:
        return None
    model = load_model_text(editions[-1], lang)
    for prov in model.provisions:
        states = prov.get("states") or {}
        if key in states:
            plain = tuple(t for t in prov["text"] if "{" not in t)
            return states[key], plain, model.point_of(prov["id"])
    return None
