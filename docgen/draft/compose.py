"""Draft stage, the methodology a body approves: the model text with the body's name, its values and
the drafted numbering filled in.

Consumes a :class:`ModelText` and a :class:`Body`; produces a :class:`Draft` (blocks in reading order,
the plain text, and ``stated``: every catalogue key the text states, with its value and point, which
the round trip compares with what ``parse`` reads back). Values come from the body's ``parameters``
(checked against the range the model leaves to the body) or else from the model; cross references
are the drafted numbers of the linked provisions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .body import Body
from .messages import fail, messages, month_day, type_name
from .model import PLACEHOLDER, ModelText
from .names import name_forms
from .words import kk_suffix, ru_agree, words


@dataclass
class Block:
    kind: str  # caption, title, chapter, point, para, item, appendix, form_title, table, note
    text: str = ""
    number: str = ""
    lines: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # a table's column widths, cm (the form's own)
    merged: dict[int, int] = field(default_factory=dict)  # a table's row -> its first cell spans N columns


@dataclass
class Draft:
    lang: str
    title: str
    blocks: list[Block]
    stated: dict[str, dict[str, Any]]  # key -> {value, point}
    links: list[dict[str, str]]  # {point, target_id, target_point}

    @property
    def text(self) -> str:
        return render_text(self.blocks)


def check_parameters(model: ModelText, body: Body, body_path: str, lang: str) -> None:
    """Every BODY.yaml parameter is one the model leaves to the body, of the right type, in range."""
    allowed = model.body_parameters
    for key, value in body.parameters.items():
        where = f"parameters.{key}"
        spec = allowed.get(key)
        if spec is None:
            raise fail(
                lang, body_path, where, "param_unknown", edition=model.edition, allowed=", ".join(allowed)
            )
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(lang, body_path, where, "type", expected=type_name(lang, "int"), got=repr(value))
        low, high, odd = spec["min"], spec["max"], bool(spec.get("odd"))
        if not (low <= value <= high) or (odd and value % 2 == 0):
            raise fail(
                lang,
                body_path,
                where,
                "param_range",
                value=value,
                edition=model.edition,
                point=model.point_of(spec["provision"]),
                min=format_value(low, "dig.abl", lang) if lang == "kk" else low,
                max=format_value(high, "dig.dat", lang) if lang == "kk" else high,
                odd=messages()["errors"]["odd"]["kk" if lang == "kk" else "ru"] if odd else "",
            )


def _digits(value: Any) -> str:
    if isinstance(value, float):
        return format(Decimal(str(value)).normalize(), "f").replace(".", ",")
    return str(value)


def _int(value: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"not a whole number: {value!r}")
    return value


def format_value(value: Any, fmt: str, lang: str) -> str:
    """One value in the form a slot asks for: card/ord[.case[.gender]], dig[.case], md[.case]."""
    parts = fmt.split(".")
    kind = parts[0]
    case = parts[1] if len(parts) > 1 else ("nom" if lang == "kk" else "nomn")
    if kind in ("card", "ord"):
        gender = parts[2] if len(parts) > 2 else "masc"
        return words(_int(value), lang, kind=kind, case=case, gender=gender)
    if kind == "dig":
        text = _digits(value)
        if len(parts) > 1 and lang == "kk":
            tail = text.split(",")[-1]
            last_word = words(int(tail), "kk").split()[-1]
            text += "-" + kk_suffix(last_word, case)
        return text
    if kind == "md":
        month, day = (int(x) for x in str(value).split("-"))
        return month_day(month, day, lang, case if len(parts) > 1 else "nom")
    raise ValueError(f"unknown slot format {fmt!r}")


def _lookup(values: dict[str, Any], path: str) -> tuple[str, Any]:
    key, *rest = path.split(".")
    value = values[key]
    for step in rest:
        if isinstance(value, list) and step.isdigit():  # a row of a table value (E0's grades by count)
            value = value[int(step)]
        elif isinstance(value, list):
            value = next(v for v in value if isinstance(v, dict) and v.get("id") == step)
        else:
            value = value[step]
    return key, value


def _caption(body: Body, lang: str, forms: dict[str, str]) -> list[str]:
    kind = messages()["kinds"][body.act_kind]
    from .messages import date_words

    fill = {
        "body_gen": forms["gen"],
        "date": date_words(body.act_date, lang),
        "number": body.act_number,
        "kind_dat": kind["kk_dat"],
        "kind_ablt": kind["ru_ablt"],
    }
    return [str(line).format(**fill) for line in messages()["caption"][lang]]


def compose(model: ModelText, body: Body, lang: str) -> Draft:
    forms = name_forms(body.name[lang], lang, body.name_forms.get(lang))
    keys: set[str] = set()
    for prov in model.provisions:
        keys.update(prov.get("params", []))
    notes = (model.data.get("appendix") or {}).get("notes") or {}
    keys.update(notes.get("params", []))
    for spec in (model.data.get("appendices") or {}).values():
        keys.update(spec.get("params", []))
        keys.update([spec["table_param"]] if spec.get("table_param") else [])
    keys.update(k for k in ("score_min", "score_max") if model.has_value(k))  # E0 has no score scale
    values: dict[str, Any] = {k: model.value(k, body.act_date) for k in keys}
    values.update(body.parameters)
    appendix_of = {f["kind"]: int(f["appendix"]) for f in model.forms}
    links: list[dict[str, str]] = []

    def fill(template: str, point: str) -> str:
        def one(m: Any) -> str:
            what, arg = m.group(1), m.group(2)
            if what == "body":
                return forms[arg]
            if what == "ref":
                target = str(model.point_of(arg))
                links.append({"point": point, "target_id": arg, "target_point": target})
                return target
            if what == "app":
                return str(appendix_of[arg])
            if what == "n":
                key, noun, case = arg.split(":")
                return ru_agree(noun, _int(values[key]), case)
            path, fmt = arg.rsplit(":", 1)
            return format_value(_lookup(values, path)[1], fmt, lang)

        return PLACEHOLDER.sub(one, template)

    title = fill(model.data["title"], "")
    blocks = [Block("caption", lines=_caption(body, lang, forms)), Block("title", title)]
    chapters = {c["number"]: c["title"] for c in model.data["chapters"]}
    tpl = messages()["chapter"][lang]
    stated: dict[str, dict[str, Any]] = {}
    current = None
    for number, prov in enumerate(model.provisions, 1):
        point = str(number)
        if prov["chapter"] != current:
            current = prov["chapter"]
            blocks.append(Block("chapter", tpl.format(n=current, title=chapters[current])))
        paras = [fill(t, point) for t in prov["text"]]
        blocks.append(Block("point", paras[0], number=point))
        for i, item in enumerate(prov.get("items", []), 1):
            blocks.append(Block("item", fill(item, point), number=f"{i})"))
        blocks += [Block("para", p) for p in paras[1:]]
        for key in prov.get("params", []):
            stated[key] = {"value": values[key], "point": point}
        for key, value in (prov.get("states") or {}).items():
            stated[key] = {"value": value, "point": point}
    appendix = model.data.get("appendix") or {}
    per_form = model.data.get("appendices") or {}
    for form in model.forms:
        n = int(form["appendix"])
        point = f"app{n}"
        caption = str(appendix["caption"]).replace("{methodology:dat}", appendix["methodology_dat"])
        blocks.append(Block("appendix", lines=caption.replace("{n}", str(n)).split("\\n")))
        spec = per_form.get(form["kind"])
        if spec is None:  # one layout for every form (E4's two sheets): the profile's table
            spec = {
                "head": appendix.get("head", []),
                "notes": notes.get("text", []),
                "tail": appendix.get("tail", []),
                "params": notes.get("params", []),
            }
        blocks.append(Block("form_title", fill(str(spec.get("title") or form["title"][lang]), point)))
        blocks += [Block("note", fill(t, point)) for t in spec.get("head", [])]
        merged: dict[int, int] = {}
        table = _form_table(form, spec, lang, values, functools.partial(fill, point=point), merged)
        widths = [float(w) for w in spec.get("widths", [])]
        blocks.append(Block("table", rows=table, widths=widths, merged=merged))
        blocks += [Block("note", fill(t, point)) for t in spec.get("notes", [])]
        blocks += [Block("note", fill(t, point)) for t in spec.get("tail", [])]
        for key in spec.get("params", []):
            stated.setdefault(key, {"value": values[key], "point": point})
        for key, value in (spec.get("states") or {}).items():
            stated.setdefault(key, {"value": value, "point": point})
        if spec.get("table_param"):
            stated.setdefault(spec["table_param"], {"value": values[spec["table_param"]], "point": point})
    return Draft(lang, title, blocks, stated, links)


def _range(low: Any, high: Any, lang: str) -> str:
    if high is None:
        return messages()["open_range"][lang].format(min=_digits(low))
    if low == high:
        return _digits(low)
    return f"{_digits(low)}-{_digits(high)}"


def _form_table(
    form: dict[str, Any],
    spec: dict[str, Any],
    lang: str,
    values: dict[str, Any],
    fill: Any,
    merged: dict[int, int],
) -> list[list[str]]:
    """The form's table: a header row, then the numbered rows (the text's, else the profile's), a
    table drawn from a value (``table_param``: the KPI score table), or ``blank_rows`` empty rows;
    ``numbered: false`` keeps rows as given (the 360 sheets: a number per competency, three question
    rows, an average row)."""
    columns = [fill(str(c)) for c in (spec.get("columns") or form.get("columns", {}).get(lang, []))]
    width = max(len(columns), 1)
    if spec.get("table_param"):
        body = [
            [_range(r["pct_min"], r["pct_max"], lang), _range(r["score_min"], r["score_max"], lang)]
            for r in values[spec["table_param"]]
        ]
    elif spec.get("blank_rows"):
        body = [[""] * width for _ in range(int(spec["blank_rows"]))]
    else:
        raw = spec.get("rows") or form.get("rows", {}).get(lang, [])
        body = []
        for i, row in enumerate(raw, 1):
            if isinstance(row, dict):  # {merge: N, text}: one cell over the first N columns
                merged[len(body) + 1] = int(row["merge"])
                body.append([str(row["text"])])
                continue
            cells = (
                [str(c) for c in row]
                if isinstance(row, list) and "rows" in spec
                else [str(row[0] if isinstance(row, list) else row)]
            )
            body.append([f"{i}. {cells[0]}", *cells[1:]] if spec.get("numbered", True) else cells)
    return [columns] + [(r + [""] * width)[:width] for r in body]


def render_text(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if b.kind in ("caption", "appendix"):
            out += b.lines
        elif b.kind == "point":
            out.append(f"{b.number}. {b.text}")
        elif b.kind == "item":
            out.append(f"{b.number} {b.text}")
        elif b.kind == "table":
            out += ["\t".join(r) for r in b.rows]
        else:
            out.append(b.text)
        out.append("")
    return "\n".join(out)
