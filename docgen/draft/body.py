"""Draft stage, the body file (BODY.yaml): who approves the methodology, and the values it sets.

Consumes a YAML file; produces a :class:`Body` or one bad-input line (exit code 2) naming the file
and the field: a missing field, a wrong type, an unknown key, an unknown choice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._yaml import load_yaml
from .messages import fail, messages, type_name

FIELDS = ("body_name", "body_kind", "approving_act", "parameters", "body_name_forms")
ACT_FIELDS = ("kind", "number", "date")
LANGS = ("kk", "ru")


@dataclass(frozen=True)
class Body:
    name: dict[str, str]  # lang -> nominative
    kind: str
    act_kind: str
    act_number: str
    act_date: dt.date
    parameters: dict[str, Any] = field(default_factory=dict)
    name_forms: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> case -> form


def _mapping(node: Any, lang: str, path: str, where: str) -> dict[str, Any]:
    if not isinstance(node, dict):
        raise fail(lang, path, where, "type", expected=type_name(lang, "mapping"), got=type(node).__name__)
    return node


MAX_TEXT = 500


def _text(node: Any, lang: str, path: str, where: str) -> str:
    """One line of text (a name, a number): no line breaks or control characters, at most 500 chars."""
    text = str(node).strip() if isinstance(node, (str, int)) and not isinstance(node, bool) else ""
    if not text or len(text) > MAX_TEXT or any(ord(c) < 32 or c in "\u2028\u2029" for c in text):
        shown = repr(node) if len(repr(node)) <= 60 else repr(node)[:57] + "..."
        raise fail(lang, path, where, "type", expected=type_name(lang, "text"), got=shown)
    return text


def _only(node: dict[str, Any], allowed: tuple[str, ...], lang: str, path: str, where: str) -> None:
    for key in node:
        if key not in allowed:
            sub = f"{where}.{key}" if where else str(key)
            raise fail(lang, path, sub, "unknown", allowed=", ".join(allowed))


def _need(node: dict[str, Any], key: str, lang: str, path: str, where: str) -> Any:
    if key not in node or node[key] is None:
        raise fail(lang, path, f"{where}.{key}" if where else key, "missing")
    return node[key]


def _date(node: Any, lang: str, path: str, where: str) -> dt.date:
    if isinstance(node, dt.date) and not isinstance(node, dt.datetime):
        return node
    try:
        return dt.date.fromisoformat(str(node))
    except ValueError:
        raise fail(lang, path, where, "date", got=repr(node)) from None


def load_body(path: str | Path, lang: str = "ru") -> Body:
    """The body file at ``path``; errors are written in ``lang``."""
    p = str(path)
    data = _mapping(load_yaml(path), lang, p, "body")
    _only(data, FIELDS, lang, p, "")
    names = _mapping(_need(data, "body_name", lang, p, ""), lang, p, "body_name")
    _only(names, LANGS, lang, p, "body_name")
    name = {
        code: _text(_need(names, code, lang, p, "body_name"), lang, p, f"body_name.{code}") for code in LANGS
    }
    kinds = [str(k) for k in messages()["body_kinds"]]
    kind = _text(_need(data, "body_kind", lang, p, ""), lang, p, "body_kind")
    if kind not in kinds:
        raise fail(lang, p, "body_kind", "choice", allowed=", ".join(kinds), got=kind)
    act = _mapping(_need(data, "approving_act", lang, p, ""), lang, p, "approving_act")
    _only(act, ACT_FIELDS, lang, p, "approving_act")
    act_kinds = list(messages()["kinds"])
    act_kind = _text(_need(act, "kind", lang, p, "approving_act"), lang, p, "approving_act.kind")
    if act_kind not in act_kinds:
        raise fail(lang, p, "approving_act.kind", "choice", allowed=", ".join(act_kinds), got=act_kind)
    number = _text(_need(act, "number", lang, p, "approving_act"), lang, p, "approving_act.number")
    day = _date(_need(act, "date", lang, p, "approving_act"), lang, p, "approving_act.date")
    params = data.get("parameters") or {}
    params = _mapping(params, lang, p, "parameters")
    forms_raw = _mapping(data.get("body_name_forms") or {}, lang, p, "body_name_forms")
    _only(forms_raw, LANGS, lang, p, "body_name_forms")
    forms: dict[str, dict[str, str]] = {}
    allowed_cases = {"kk": ("nom", "gen", "dat"), "ru": ("nom", "gen", "dat", "ablt")}
    for code, cases in forms_raw.items():
        cases = _mapping(cases, lang, p, f"body_name_forms.{code}")
        _only(cases, allowed_cases[code], lang, p, f"body_name_forms.{code}")
        forms[code] = {c: _text(v, lang, p, f"body_name_forms.{code}.{c}") for c, v in cases.items()}
    return Body(name, kind, act_kind, number, day, {str(k): v for k, v in params.items()}, forms)
