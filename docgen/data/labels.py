"""Data level: the kk / ru words for rule parameters, shared by ``check`` and ``diff``.

Consumes ``docgen/data/labels.yaml`` (key names, unit words with the Russian plural forms, enum
value words, table-row templates, document fields, form kinds, evaluators, structural unit names);
produces text in the language asked for: ``key_label``, ``quantity`` («2 месяца», «2 ай»,
«20-го числа»), ``value_text`` (any catalogue value: numbers with units, enums, booleans, tables,
«MM-DD» dates), ``point_name`` («5-тармақ» / «пункт 5», «2-қосымша» / «приложение 2», header and
title parts in words) and the document-field words. A name the data does not have falls back to
the code it was asked about (tests keep the data complete for every key in ``keys.yaml``).

Layering: imports only the standard library, ``docgen._yaml`` and ``docgen.errors``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from .._yaml import load_yaml
from ..errors import InputError

__all__ = [
    "LANGS",
    "PATH",
    "category_label",
    "date_text",
    "default_labels",
    "doc_field_label",
    "doc_value_text",
    "evaluator_label",
    "form_label",
    "key_label",
    "load_labels",
    "number_text",
    "plural_ru",
    "point_name",
    "quantity",
    "unit_word",
    "value_text",
    "word",
]

PATH = Path(__file__).resolve().parent / "labels.yaml"
LANGS = ("kk", "ru")


def _check_pair(node: Any, where: str, path: Path) -> None:
    if not isinstance(node, dict) or set(node) != set(LANGS):
        raise InputError(f"{where}: expected both kk and ru", path=str(path))
    for lang in LANGS:
        v = node[lang]
        ok = isinstance(v, str) or (
            isinstance(v, list) and len(v) == 3 and all(isinstance(x, str) and x for x in v)
        )
        if not ok:
            raise InputError(f"{where}.{lang}: expected a text or three Russian plural forms", path=str(path))


def _is_pair(node: Any) -> bool:
    return (
        isinstance(node, dict)
        and set(node) == set(LANGS)
        and not any(isinstance(v, dict) for v in node.values())
    )


def _walk_pairs(node: Any, where: str, path: Path) -> None:
    """Every leaf under ``node`` is a {kk, ru} pair."""
    if _is_pair(node):
        _check_pair(node, where, path)
        return
    if not isinstance(node, dict) or not node:
        raise InputError(f"{where}: expected a mapping of {{kk, ru}} entries", path=str(path))
    for k, v in node.items():
        _walk_pairs(v, f"{where}.{k}", path)


def load_labels(path: str | Path = PATH) -> dict[str, Any]:
    """Read and validate a labels file (one line naming the file and the entry when it is wrong)."""
    p = Path(path)
    data = load_yaml(p)
    if not isinstance(data, dict):
        raise InputError("expected a mapping at the top", path=str(p))
    for section in (
        "keys",
        "units",
        "values",
        "rows",
        "document",
        "forms",
        "evaluators",
        "categories",
        "structure",
    ):
        if section not in data:
            raise InputError(f"missing section {section!r}", path=str(p))
        _walk_pairs(data[section], section, p)
    months = data.get("month_names")
    if not isinstance(months, dict) or any(
        not isinstance(months.get(lang), list) or len(months[lang]) != 12 for lang in LANGS
    ):
        raise InputError("month_names: expected twelve names for kk and for ru", path=str(p))
    for unit, pair in data["units"].items():
        if isinstance(pair["kk"], list):
            raise InputError(f"units.{unit}.kk: expected one Kazakh word", path=str(p))
    return dict(data)


@functools.lru_cache(maxsize=1)
def default_labels() -> dict[str, Any]:
    return load_labels(PATH)


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "ru"


def _pick(node: Any, lang: str) -> Any:
    if _is_pair(node):
        return node[_lang(lang)]
    return None


def word(path: str, lang: str, default: str | None = None) -> str | None:
    """The word at a dotted ``path`` (``keys.min_tenure``); a plural list gives its first form."""
    node: Any = default_labels()
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    v = _pick(node, lang)
    if isinstance(v, list):
        return str(v[0])
    return default if v is None else str(v)


def key_label(key: str, lang: str) -> str:
    return word(f"keys.{key}", lang) or key


def plural_ru(n: float, forms: list[str] | tuple[str, ...]) -> str:
    """Russian plural: 1 месяц, 2 месяца, 5 месяцев; 21 месяц; a fraction takes the "few" form."""
    one, few, many = forms
    if n != int(n):
        return few
    k = abs(int(n))
    if k % 10 == 1 and k % 100 != 11:
        return one
    if 2 <= k % 10 <= 4 and not 12 <= k % 100 <= 14:
        return few
    return many


def number_text(x: Any) -> str:
    """A number as printed in kk and ru acts: integers plain, a decimal comma (3,99)."""
    if isinstance(x, bool) or not isinstance(x, int | float):
        return str(x)
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:g}".replace(".", ",") if isinstance(x, float) else str(x)


def unit_word(unit: str | None, n: float, lang: str) -> str:
    """The unit word after the number ``n`` ("" for a count or an unknown unit)."""
    if not unit:
        return ""
    node = default_labels()["units"].get(unit)
    if node is None:
        return ""
    v = node[_lang(lang)]
    if isinstance(v, list):
        return plural_ru(n, v)
    return "" if "{n}" in v else str(v)


def quantity(value: Any, unit: str | None, lang: str) -> str:
    """«2 месяца», «2 ай», «20-го числа», «20-күні»; a number without a unit stays a number."""
    text = number_text(value)
    node = default_labels()["units"].get(unit or "")
    if node is not None and isinstance(node[_lang(lang)], str) and "{n}" in node[_lang(lang)]:
        return str(node[_lang(lang)]).format(n=text)
    if not isinstance(value, int | float) or isinstance(value, bool):
        return text
    w = unit_word(unit, float(value), lang)
    return f"{text} {w}" if w else text


_MMDD = re.compile(r"^(\d{2})-(\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def date_text(value: Any, lang: str) -> str:
    """ISO dates as the acts print them (09.04.2026); «MM-DD» as «30 қаңтар» / «30 января»."""
    s = str(value)
    m = _ISO.match(s)
    if m:
        return f"{m.group(3)}.{m.group(2)}.{m.group(1)}"
    m = _MMDD.match(s)
    if m and 1 <= int(m.group(1)) <= 12:
        month = default_labels()["month_names"][_lang(lang)][int(m.group(1)) - 1]
        return f"{int(m.group(2))} {month}"
    return s


def _enum(key: str, value: str, lang: str) -> str | None:
    group = default_labels()["values"].get(key)
    if isinstance(group, dict) and value in group:
        return str(group[value][_lang(lang)])
    return None


def _row(key: str, row: dict[str, Any], lang: str) -> str:
    fields: dict[str, str] = {}
    for k, v in row.items():
        if k in ("id", "grade") and isinstance(v, str):
            fields[k] = _enum("grade", v, lang) or v
        elif v is None:
            fields[k] = "…"
        else:
            fields[k] = number_text(v) if isinstance(v, int | float) else str(v)
    last = row.get("max", row.get("score_max"))
    fields["unit"] = unit_word("points", float(last), lang) if isinstance(last, int | float) else ""
    template = default_labels()["rows"].get(key)
    if template is not None:
        try:
            return str(template[_lang(lang)]).format(**fields)
        except (KeyError, IndexError):
            pass
    return ", ".join(fields.values())


def value_text(key: str, value: Any, unit: str | None, lang: str) -> str:
    """Any catalogue value of ``key`` in words: numbers with their unit, enums, tables, dates."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(default_labels()["values"]["bool"]["true" if value else "false"][_lang(lang)])
    if isinstance(value, int | float):
        return quantity(value, unit, lang)
    if isinstance(value, str):
        return _enum(key, value, lang) or date_text(value, lang)
    if isinstance(value, dict):
        return _row(key, value, lang)
    if isinstance(value, list | tuple):
        return "; ".join(value_text(key, v, unit, lang) for v in value)
    return str(value)


def point_name(ref: Any, lang: str) -> str:
    """A structural unit named in words: «5-тармақ» / «пункт 5», «2-қосымша» / «приложение 2»,
    «2-тарау» / «глава 2», header, approving act and title parts. Accepts the catalogue's point
    ("5", "app2") and the text diff's unit refs ("chapter:2", "app:3", "part:header", "...#2")."""
    s = str(ref or "")
    st = default_labels()["structure"]
    lg = _lang(lang)
    piece = ""
    if "#" in s:
        s, piece = s.split("#", 1)
    if s.startswith("note:"):
        return str(st["note"][lg]).format(name=point_name(s[5:], lg))
    if s.startswith("part:"):
        s = s[5:]
        if s.startswith("chapter:"):
            return _piece(str(st["parts"]["chapter_intro"][lg]).format(n=s[8:]), piece, lg)
    if s.startswith("point:"):
        s = s[6:]
    name: str
    m = re.fullmatch(r"(?:app:?|appendix:)(\d\S*)", s)
    if m:
        name = str(st["appendix"][lg]).format(n=m.group(1))
    elif s.startswith("chapter:"):
        name = str(st["chapter"][lg]).format(n=s[8:])
    elif s.startswith("approving:"):
        name = str(st["parts"]["approving_point"][lg]).format(n=s[10:])
    elif s in st["parts"]:
        name = str(st["parts"][s][lg])
    elif re.fullmatch(r"\d+(?:[-.]\d+)*", s):
        name = str(st["point"][lg]).format(n=s)
    else:
        name = str(st["parts"]["other"][lg])
    return _piece(name, piece, lg)


def _piece(name: str, piece: str, lang: str) -> str:
    if not piece:
        return name
    return str(default_labels()["structure"]["piece"][lang]).format(name=name, n=piece)


def doc_field_label(field: str, lang: str) -> str:
    return word(f"document.fields.{field}", lang) or field


def doc_value_text(field: str, value: Any, lang: str) -> str:
    """A document-level value in words: language, act type, status, generation, dates."""
    if value is None or value == "":
        return "—"
    node = default_labels()["document"].get(field)
    if isinstance(node, dict) and str(value) in node and field != "fields":
        return str(node[str(value)][_lang(lang)])
    if field.endswith("_date"):
        return date_text(value, lang)
    return str(value)


def form_label(kind: Any, lang: str) -> str:
    s = str(kind or "")
    m = re.fullmatch(r"appendix:(\S+)", s)
    if m:  # a form the catalogue could not name: by its appendix
        return point_name(f"app{m.group(1)}", lang)
    return word(f"forms.{s}", lang) or s


def evaluator_label(evaluator: Any, lang: str) -> str:
    return word(f"evaluators.{evaluator or 'unknown'}", lang) or str(evaluator)


def category_label(category: str, lang: str) -> str:
    """Position category codes (E-1, C-O-1) are printed by the acts themselves; the catch-all
    groups get words; a qualifier in parentheses is kept."""
    base, _, rest = category.partition(" ")
    w = word(f"categories.{base}", lang)
    return f"{w} {rest}".strip() if w else category
