"""Draft stage, the next edition of an existing act (``docgen amend``), by Kazakhstan's legal technique.

``amend(doc, catalogue, sets, deletes, path)`` -> :class:`Amendment`: the new edition's text and the
list of :class:`Change` (one per changed point). A value is changed where the catalogue says it is
stated (its source point and quote), in the act's own style: a number in words stays in words, in the
same kind (cardinal / ordinal) and grammatical case (:mod:`.words`); a number in digits stays in digits
(a Kazakh case suffix after the digits follows the new number). A deleted point keeps its number as
excluded («23. Алып тасталды.» / «23. Исключен.»), so every reference stays valid. Everything else of
the act's text is kept character for character. Bad input (unknown key, wrong type, a point that does
not exist, a value the model does not allow) is one :class:`~docgen.errors.InputError` line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from ..catalogue_model import ActInfo, Catalogue
from ..errors import InputError
from ..model import Document, Point
from .tomodel import Insert, model_wording, stated_rule
from .wording import composite_edit, word_edit
from .words import KK_CASES, RU_CASES, kk_suffix, ru_agree, words

__all__ = ["Amendment", "Change", "Insert", "amend", "amend_msg", "parse_sets", "word_edit"]

_MSG: dict[str, dict[str, str]] = {
    "set_syntax": {
        "kk": "«{item}»: КІЛТ=МӘН түрінде күтіледі",
        "ru": "«{item}»: ожидается вид КЛЮЧ=ЗНАЧЕНИЕ",
    },
    "unknown_key": {
        "kk": "«{key}» деген параметр жоқ; күтіледі: каталог кілті (мысалы, {example})",
        "ru": "параметра «{key}» нет; ожидается ключ каталога (например, {example})",
    },
    "not_stated": {
        "kk": "актіде «{label}» ({key}) параметрі айтылмаған; өзгертуге болмайды",
        "ru": "в акте не указан параметр «{label}» ({key}); изменить нечего",
    },
    "not_number": {
        "kk": "«{label}» ({key}) мәні сан емес; amend тек сандық мәндерді өзгертеді",
        "ru": "значение «{label}» ({key}) не число; amend изменяет только числовые значения",
    },
    "type": {
        "kk": "«{label}» ({key}): бүтін сан күтіледі, берілгені «{got}»",
        "ru": "«{label}» ({key}): ожидается целое число, дано «{got}»",
    },
    "range": {
        "kk": "«{label}» ({key}) = {value}: үлгілік әдістеменің {point}-тармағы {low}–{high} аралығын рұқсат етеді{odd}",
        "ru": "«{label}» ({key}) = {value}: пункт {point} типовой методики допускает от {low} до {high}{odd}",
    },
    "odd": {"kk": " (тақ сан)", "ru": " (нечётное число)"},
    "day_range": {
        "kk": "«{label}» ({key}) = {value}: айдың күні 1-ден 31-ге дейін болуы керек",
        "ru": "«{label}» ({key}) = {value}: число месяца должно быть от 1 до 31",
    },
    "negative": {
        "kk": "«{label}» ({key}) = {value}: теріс емес сан күтіледі",
        "ru": "«{label}» ({key}) = {value}: ожидается неотрицательное число",
    },
    "same": {
        "kk": "«{label}» ({key}) мәні қазірдің өзінде {value}",
        "ru": "значение «{label}» ({key}) уже равно {value}",
    },
    "not_found": {
        "kk": "«{label}» ({key}) мәні {point}-тармақтан табылмады",
        "ru": "значение «{label}» ({key}) не найдено в пункте {point}",
    },
    "no_point": {
        "kk": "{point}-тармақ жоқ; күтіледі: актідегі тармақ нөмірі (1–{last})",
        "ru": "пункта {point} нет; ожидается номер пункта акта (1–{last})",
    },
    "already_deleted": {
        "kk": "{point}-тармақ бұрын алып тасталған",
        "ru": "пункт {point} уже исключён",
    },
    "conflict": {
        "kk": "{point}-тармақ әрі өзгертіледі, әрі алып тасталады",
        "ru": "пункт {point} одновременно изменяется и исключается",
    },
    "stale_ref": {
        "kk": "{src}-тармақтағы сілтеме алып тасталған {to}-тармаққа нұсқайды; сілтеме өзгеріссіз қалды",
        "ru": "ссылка в пункте {src} указывает на исключённый пункт {to}; ссылка оставлена без изменений",
    },
    "also_in": {
        "kk": "«{label}» ({key}) мәні сондай-ақ мұнда айтылған: {points}; amend оны өзгертпеді, тексеріңіз",
        "ru": "значение «{label}» ({key}) указано также: {points}; amend его не менял, проверьте",
    },
    "inserted_ref": {
        "kk": "{src}-тармақтағы сілтеме алып тасталған {to}-тармаққа нұсқайды",
        "ru": "ссылка в пункте {src} указывает на исключённый пункт {to}",
    },
    "expect_bool": {
        "kk": "«{label}» ({key}): «{got}» — иә немесе жоқ күтіледі",
        "ru": "«{label}» ({key}): «{got}» — ожидается да или нет",
    },
    "expect_date": {
        "kk": "«{label}» ({key}): «{got}» — күн мен ай күтіледі (мысалы, 30 қаңтар немесе 01-30)",
        "ru": "«{label}» ({key}): «{got}» — ожидаются число и месяц (например, 30 января или 01-30)",
    },
    "expect_one_of": {
        "kk": "«{label}» ({key}): «{got}» — мыналардың бірі күтіледі: {allowed}",
        "ru": "«{label}» ({key}): «{got}» — ожидается одно из: {allowed}",
    },
    "model_only": {
        "kk": "«{label}» ({key}) = {value}: үлгілік әдістеменің {point}-тармағы тек мынаны рұқсат етеді: {allowed}",
        "ru": "«{label}» ({key}) = {value}: пункт {point} типовой методики допускает только: {allowed}",
    },
    "cannot_write": {
        "kk": "«{label}» ({key}) = {value}: бұл мәнді {point}-тармақтың мәтініне автоматты түрде жазу мүмкін емес; "
        "тармақты жаңа редакцияда жазыңыз",
        "ru": "«{label}» ({key}) = {value}: это значение нельзя вписать в текст пункта {point} автоматически; "
        "изложите пункт в новой редакции",
    },
    "model_sentence": {
        "kk": "{point}-тармақтағы сөйлем үлгілік әдістеменің редакциясында жазылды; тексеріңіз",
        "ru": "предложение пункта {point} изложено в редакции Типовой методики; проверьте",
    },
    "free_list": {
        "kk": "«{label}» ({key}): бұл тізім немесе кесте актінің өз сөзімен жазылған, оны {point}-тармақтың "
        "мәтініне автоматты түрде жазу мүмкін емес; тармақты жаңа редакцияда жазыңыз",
        "ru": "«{label}» ({key}): этот перечень или таблица написаны словами самого акта, вписать их в текст "
        "пункта {point} автоматически нельзя; изложите пункт в новой редакции",
    },
    "model_wording": {
        "kk": "{point}-тармақ үлгілік әдістеменің редакциясында жазылды; онда жергілікті толықтырулар болса, "
        "тексеріңіз",
        "ru": "пункт {point} изложен в редакции Типовой методики; если в нём были местные дополнения, проверьте",
    },
    "nothing_to": {
        "kk": "акт үлгілік әдістеменің {edition} редакциясына сәйкес: қосатын да, алып тастайтын да ереже жоқ; "
        "басқа өзгеріс үшін --set КІЛТ=МӘН немесе --delete-point N",
        "ru": "акт уже соответствует редакции {edition} Типовой методики: добавлять и исключать нечего; "
        "для других изменений --set КЛЮЧ=ЗНАЧЕНИЕ или --delete-point N",
    },
    "nothing": {
        "kk": "өзгеріс берілмеген: --set КІЛТ=МӘН немесе --delete-point N күтіледі",
        "ru": "изменения не заданы: ожидается --set КЛЮЧ=ЗНАЧЕНИЕ или --delete-point N",
    },
}

# the wording a deleted point keeps («23. Алып тасталды.» / «23. Исключен.»)
DELETED = {"kk": "Алып тасталды.", "ru": "Исключен."}


def amend_msg(lang: str, name: str, **kw: Any) -> str:
    return _MSG[name]["kk" if lang == "kk" else "ru"].format(**kw)


@dataclass(frozen=True)
class Change:
    """One changed point: the old and the new wording of the point, and what changed in it."""

    kind: str  # "set" | "delete" | "insert" | "reference"
    point: str
    old_text: str  # the whole point as in the old edition
    new_text: str
    keys: tuple[str, ...] = ()
    phrases: tuple[tuple[str, str], ...] = ()  # (old words, new words) replaced inside the point
    model_points: tuple[int | None, ...] = ()
    after: str = ""  # an inserted point: the point of the old edition it follows
    reason: str = ""  # "model": inserted or excluded to follow the model edition (``--to``)
    edition: str = ""  # that model edition
    model_point: int | None = None  # the model's point of an inserted / excluded provision


@dataclass
class Amendment:
    lang: str
    old_text: str
    new_text: str
    changes: list[Change] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)  # key -> the new value
    new_edition: bool = False
    renumbered: dict[str, str] = field(default_factory=dict)  # old point number -> new (new edition)
    warnings: list[str] = field(default_factory=list)  # references left pointing at a removed point
    notes: list[str] = field(default_factory=list)  # wrong references of the old text (reported, kept)
    edition: str = ""  # ``--to``: the model edition the act is brought to


def parse_sets(
    items: tuple[str, ...] | list[str], lang: str, path: str | None = None, where: str = "--set"
) -> list[tuple[str, str]]:
    out = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InputError(amend_msg(lang, "set_syntax", item=item), path=path, where=where)
        out.append((key.strip(), value.strip()))
    return out


@functools.cache
def _labels() -> dict[str, Any]:
    from importlib import resources

    data: dict[str, Any] = yaml.safe_load(
        resources.files("docgen.data").joinpath("labels.yaml").read_text(encoding="utf-8")
    )
    return data


def label(key: str, lang: str) -> str:
    entry = (_labels().get("keys") or {}).get(key)
    return str(entry[lang]) if entry else key


@functools.cache
def _model_params() -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    """(allowed ranges of the E4 model, key -> the E4 model point stating it)."""
    from .model import load_model_text

    try:
        model = load_model_text("E4", "ru")
    except Exception:  # noqa: BLE001 - without a model text only the generic bounds apply
        return {}, {}
    points: dict[str, int] = {}
    for i, prov in enumerate(model.provisions, 1):
        for m in re.finditer(r"\{p:([a-z0-9_]+)", yaml.safe_dump(prov, allow_unicode=True)):
            points.setdefault(m.group(1), i)
    return dict(model.body_parameters), points


def model_point(key: str) -> int | None:
    return _model_params()[1].get(key)


def _parse_value(raw: str, old: Any, key: str, lang: str, path: str) -> int | Decimal:
    lab = label(key, lang)
    if isinstance(old, bool) or not isinstance(old, int | float):
        raise InputError(amend_msg(lang, "not_number", label=lab, key=key), path=path, where=f"--set {key}")
    text = raw.strip().replace(",", ".")
    if isinstance(old, int) or (isinstance(old, float) and old.is_integer() and "." not in text):
        if not re.fullmatch(r"-?\d+", text):
            spelled = _number_in_words(text, lang)
            if spelled is not None:
                return spelled
            raise InputError(
                amend_msg(lang, "type", label=lab, key=key, got=raw), path=path, where=f"--set {key}"
            )
        return int(text)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise InputError(
            amend_msg(lang, "type", label=lab, key=key, got=raw), path=path, where=f"--set {key}"
        ) from None


def _number_in_words(text: str, lang: str) -> int | None:
    """A whole number written in words («двадцать пятое», «жиырма бесінші»), in either language."""
    from ..numbers import parse_number_word

    if not re.fullmatch(r"[^\W\d_]+(?:[\s-]+[^\W\d_]+)*", text):
        return None
    for code in dict.fromkeys((lang, "ru", "kk")):
        n = parse_number_word(text.lower(), code)
        if n is not None:
            return n
    return None


_YES = {"да", "иә", "ия", "yes", "true", "1"}
_NO = {"нет", "жоқ", "no", "false", "0"}
_MD = re.compile(r"^(\d\d)-(\d\d)$")


def _months() -> dict[str, int]:
    """Every form of a month's name the drafting data knows (ru genitive, kk plain and possessive)."""
    from .messages import messages

    months = messages()["months"]
    out: dict[str, int] = {}
    for group in ("kk", "kk_poss", "ru_gent"):
        for i, name in enumerate(months.get(group, []), 1):
            out[str(name).lower()] = i
    return out


def _parse_day_month(raw: str) -> str | None:
    """ "01-30", "30.01", "30 января", "30 қаңтар" -> "01-30" (None when not a real day of a month)."""
    import datetime as dt

    text = raw.strip().lower()
    m = _MD.match(text)
    month = day = 0
    if m:
        month, day = int(m.group(1)), int(m.group(2))
    elif m2 := re.fullmatch(r"(\d{1,2})\.(\d{1,2})", text):
        day, month = int(m2.group(1)), int(m2.group(2))
    elif m3 := re.fullmatch(r"(\d{1,2})\s+([^\W\d_]+)", text):
        day, month = int(m3.group(1)), _months().get(m3.group(2), 0)
    try:
        dt.date(2024, month, day)  # a leap year: 29 February is a day of a month
    except ValueError:
        return None
    return f"{month:02d}-{day:02d}"


def _codes(key: str) -> dict[str, dict[str, str]]:
    group = (_labels().get("values") or {}).get(key)
    return dict(group) if isinstance(group, dict) else {}


def _code_of(key: str, word: str) -> str | None:
    """An enum value given as its code or its kk/ru wording (quotes and case ignored)."""
    w = re.sub(r"[«»\"']", "", word).strip().lower()
    for code, names in _codes(key).items():
        if w == code.lower() or any(
            w == re.sub(r"[«»\"']", "", str(n)).strip().lower() for n in names.values()
        ):
            return code
    return None


def parse_value(raw: str, old: Any, key: str, lang: str, path: str) -> Any:
    """``raw`` read as a value of the same type as ``old`` (the act's value of ``key``): a number (digits
    or words), yes/no, a day of a month, one of the key's values or a list of them (code or wording)."""
    lab = label(key, lang)
    where = f"--set {key}"
    if isinstance(old, bool):
        w = raw.strip().lower()
        if w in _YES or w in _NO:
            return w in _YES
        raise InputError(amend_msg(lang, "expect_bool", label=lab, key=key, got=raw), path=path, where=where)
    if isinstance(old, int | float):
        return _parse_value(raw, old, key, lang, path)
    if isinstance(old, str) and _MD.match(old):
        md = _parse_day_month(raw)
        if md is None:
            raise InputError(
                amend_msg(lang, "expect_date", label=lab, key=key, got=raw), path=path, where=where
            )
        return md
    codes = _codes(key)
    allowed = ", ".join(f"«{n['kk' if lang == 'kk' else 'ru']}»" for n in codes.values())
    if isinstance(old, list) and all(isinstance(x, str) for x in old):
        out = []
        items: list[str] = []
        for part in raw.split(";"):  # a wording may hold a comma: a whole part first, then its pieces
            items += [part] if _code_of(key, part) else part.split(",")
        for item in items:
            code = _code_of(key, item)
            if code is None:
                raise InputError(
                    amend_msg(lang, "expect_one_of", label=lab, key=key, got=item.strip(), allowed=allowed),
                    path=path,
                    where=where,
                )
            out.append(code)
        return out
    if isinstance(old, str):
        code = _code_of(key, raw)
        if code is None:
            raise InputError(
                amend_msg(lang, "expect_one_of", label=lab, key=key, got=raw, allowed=allowed),
                path=path,
                where=where,
            )
        return code
    raise InputError(amend_msg(lang, "not_number", label=lab, key=key), path=path, where=where)


@functools.cache
def _profiles() -> tuple[dict[str, Any], ...]:
    from ..editions import models_dir, read_profile_yaml

    out = []
    for p in sorted(models_dir().glob("E*.yaml")):
        data = read_profile_yaml(p)
        if isinstance(data, dict):
            out.append(data)
    return tuple(out)


def model_rule(key: str, generation: str | None) -> tuple[Any, int | None] | None:
    """(the value, the model's point) of ``key`` in the latest model edition of the act's generation."""
    import datetime as dt

    for prof in reversed(_profiles()):
        if generation and prof.get("generation") != generation:
            continue
        spec = (prof.get("parameters") or {}).get(key)
        if not spec:
            return None
        latest = max(spec["values"], key=lambda e: dt.date.fromisoformat(str(e["from"])))
        point = next(
            (i for i, pr in enumerate(prof.get("provisions") or [], 1) if key in (pr.get("params") or [])),
            None,
        )
        return latest["value"], point
    return None


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(map(str, a)) == sorted(map(str, b))
    return bool(a == b)


def _value_words(key: str, value: Any, lang: str) -> str:
    from ..data.labels import value_text

    return value_text(key, value, None, lang)


def _check_allowed(key: str, value: int | Decimal, unit: str | None, lang: str, path: str) -> None:
    lab = label(key, lang)
    where = f"--set {key}"
    if value < 0:
        raise InputError(amend_msg(lang, "negative", label=lab, key=key, value=value), path=path, where=where)
    if unit == "days_of_month" and not 1 <= value <= 31:
        raise InputError(
            amend_msg(lang, "day_range", label=lab, key=key, value=value), path=path, where=where
        )
    spec = _model_params()[0].get(key)
    if spec is not None:
        odd = bool(spec.get("odd"))
        if not (spec["min"] <= value <= spec["max"]) or (odd and int(value) % 2 == 0):
            raise InputError(
                amend_msg(
                    lang,
                    "range",
                    label=lab,
                    key=key,
                    value=value,
                    point=model_point(key) or "?",
                    low=spec["min"],
                    high=spec["max"],
                    odd=amend_msg(lang, "odd") if odd else "",
                ),
                path=path,
                where=where,
            )


def _norm(s: str) -> str:
    return s.lower().replace("ё", "е")


def _word_form(printed: str, old: int, lang: str) -> tuple[str, str, str] | None:
    """(kind, case, gender) with which :func:`words` writes ``old`` exactly as ``printed``."""
    target = _norm(printed)
    cases = KK_CASES if lang == "kk" else RU_CASES
    genders = ("masc",) if lang == "kk" else ("masc", "femn", "neut")
    for kind in ("card", "ord"):
        for case in cases:
            for gender in genders:
                try:
                    if _norm(words(old, lang, kind=kind, case=case, gender=gender)) == target:
                        return kind, case, gender
                except ValueError:
                    continue
    return None


def _keep_capital(old: str, new: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


_DIGITS = re.compile(r"^(\d+(?:[.,]\d+)?)(?:(-)(\w+))?$")
_PAREN = re.compile(r"^(\d+)\s*\(([^()]+)\)$")
_WORD = re.compile(r"[\w-]+")


def _rewrite_number(printed: str, old: Any, new: int | Decimal, lang: str) -> str | None:
    """``printed`` (the old number as the act writes it) rewritten for ``new``, or None."""
    m = _PAREN.match(printed)
    if m and isinstance(new, int):
        inner = _rewrite_number(m.group(2), old, new, lang)
        return None if inner is None else f"{new} ({inner})"
    m = _DIGITS.match(printed)
    if m:
        digits = str(new).replace(".", ",") if "," in m.group(1) else str(new)
        if not m.group(3):
            return digits
        suffix = m.group(3)
        if lang == "kk" and isinstance(new, int) and isinstance(old, int):
            old_w = words(old, "kk")
            for case in KK_CASES[1:]:
                if kk_suffix(old_w, case) == suffix:
                    return f"{digits}-{kk_suffix(words(new, 'kk'), case)}"
        return f"{digits}-{suffix}"
    if not isinstance(new, int) or not isinstance(old, int | float):
        return None
    form = _word_form(printed, int(old), lang)
    if form is None:
        from ..numbers import misspelt_number

        # a number word the act misspells by one letter («жиырмамыншы», «двадцотого»): its form is the
        # correct word's
        right = misspelt_number(printed, lang) if " " not in printed.strip() else None
        form = _word_form(right, int(old), lang) if right else None
    if form is None:
        return None
    kind, case, gender = form
    return _keep_capital(printed, words(new, lang, kind=kind, case=case, gender=gender))


def _model_point_edit(
    doc: Document, cat: Catalogue, point: Point, key: str, new: Any, lang: str
) -> tuple[int, int, str] | None:
    """The whole point set out in the model's wording of the provision stating ``key`` (a value that is
    not a number has no words of its own to replace: the model's wording states the model's value)."""
    got = model_wording(cat, key, new, lang)
    if got is None:
        return None
    paras = got[0]
    text = doc.text
    body = text[point.start : point.end]
    lead = re.match(r"\s*\d+(?:-\d+)?[.)]?\s*", body)
    head = lead.end() if lead else 0
    line_start = text.rfind("\n", 0, point.start) + 1
    indent = text[line_start : point.start] if not text[line_start : point.start].strip() else ""
    sep = "\n" if "\n" in body and not re.search(r"\n[ \t]*\n", body) else "\n\n"
    return point.start + head, point.end, (sep + indent).join(paras)


def _stated_sentence_edit(
    text: str, qs: int, qe: int, point: Point, sentences: tuple[str, ...]
) -> tuple[int, int, str] | None:
    """The act's sentence holding the quote (``qs``..``qe``) set out in the model's sentence that states
    the rule (of the model's sentences the one sharing most words with the act's)."""
    if not sentences:
        return None
    lo = max(point.start, *(text.rfind(ch, point.start, qs) + 1 for ch in ".\n"))
    while lo < qs and text[lo] in " \t\u00a0":
        lo += 1
    if re.match(r"\d+(?:-\d+)?\.\s", text[lo:qs]):
        lo += re.match(r"\d+(?:-\d+)?\.\s+", text[lo:qs]).end()  # type: ignore[union-attr]
    dot = text.find(".", qe, point.end)
    hi = dot + 1 if dot >= 0 else point.end
    words = set(_WORD.findall(text[lo:hi].lower()))
    best = max(sentences, key=lambda s: len(words & set(_WORD.findall(s.lower()))))
    return _narrowed(text, lo, hi, best, point)


def _narrowed(text: str, lo: int, hi: int, new: str, point: Point) -> tuple[int, int, str]:
    """The replacement of ``text[lo:hi]`` by ``new`` cut to the words that differ (the words both share
    at the start and the end are kept), widened word by word to the left until the old words name one
    place of the point; the whole sentence when they never do."""
    old = text[lo:hi]
    a = 0
    while a < min(len(old), len(new)) and old[a] == new[a]:
        a += 1
    b = 0
    while b < min(len(old), len(new)) - a and old[-1 - b] == new[-1 - b]:
        b += 1
    while a > 0 and (old[a - 1].isalnum() or old[a - 1] == "-"):
        a -= 1  # whole words
    while b > 0 and (old[len(old) - b].isalnum() or old[len(old) - b] == "-"):
        b -= 1
    body = text[point.start : point.end]
    for _ in range(4):
        phrase = old[a : len(old) - b]
        if phrase and phrase == phrase.strip() and _occurs_once(phrase, body):
            return lo + a, lo + len(old) - b, new[a : len(new) - b]
        m = re.search(r"[\w-]+[^\w-]*$", old[:a])
        if not m:
            break
        a = m.start()
    return lo, hi, new


def _day_month_edit(
    text: str, qs: int, qe: int, point: Point, old: str, new: str, lang: str
) -> tuple[int, int, str] | None:
    """The day and month of ``old`` ("01-30") where the act prints them («30 января», «30 қаңтарынан»),
    rewritten for ``new`` in the same form (the case ending of the act's month word is kept)."""
    from .messages import month_day

    om, od = (int(x) for x in old.split("-"))
    nm, nd = (int(x) for x in new.split("-"))
    cases = KK_CASES if lang == "kk" else ("nom",)
    for lo, hi in ((qs, qe), (point.start, point.end)):
        for case in cases:
            try:
                printed = month_day(om, od, lang, case)
            except (KeyError, ValueError):
                continue
            k = text.find(printed, lo, hi)
            if k >= 0 and not text[k + len(printed) : k + len(printed) + 1].isalpha():
                return k, k + len(printed), month_day(nm, nd, lang, case)
    return None


def _ru_noun_after(text: str, pos: int, old: int, new: int, case: str) -> tuple[int, int, str] | None:
    """The noun phrase right after a Russian cardinal at ``pos``, re-agreed with ``new``."""
    from .words import morph

    span = []
    i = pos
    for _ in range(2):
        m = re.match(r"\s+([а-яё]+)", text[i:])
        if not m:
            break
        w = m.group(1)
        p = morph().parse(w)[0]
        if p.tag.POS not in ("NOUN", "ADJF"):
            break
        span.append((i + m.start(1), i + m.end(1), p))
        i += m.end(0)
        if p.tag.POS == "NOUN":
            break
    if not span or span[-1][2].tag.POS != "NOUN":
        return None
    start, end = span[0][0], span[-1][1]
    lemmas = []
    for _s, _e, p in span:
        nf = p.inflect({"nomn", "sing"}) or p
        lemmas.append(str(nf.word))
    try:
        # only when the old number's agreement is reproduced: otherwise keep the act's words
        if _norm(ru_agree(" ".join(lemmas), old, case)) != _norm(text[start:end]):
            return None
        return start, end, ru_agree(" ".join(lemmas), new, case)
    except Exception:  # noqa: BLE001 - a phrase pymorphy cannot agree stays as printed
        return None


def _locate(
    doc: Document, point: Point, quote: str | None, start: int | None, end: int | None
) -> tuple[int, int]:
    text = doc.text
    if quote and start is not None and end is not None and text[start:end] == quote:
        return start, end
    if quote:
        k = text.find(quote, point.start, point.end)
        if k >= 0:
            return k, k + len(quote)
    return point.start, point.end


def amend(
    doc: Document,
    cat: Catalogue,
    sets: list[tuple[str, str]],
    deletes: list[str],
    path: str = "ACT",
    *,
    new_edition: bool = False,
    inserts: list[Insert] | tuple[Insert, ...] = (),
    model_deletes: dict[str, tuple[str, int | None]] | None = None,
    edition: str = "",
    say: str | None = None,
) -> Amendment:
    """The next edition: ``sets`` (key, printed value) and ``deletes`` (point numbers). By default the
    numbering is kept (an excluded point keeps its number); ``new_edition`` sets the whole act out anew:
    excluded points go, the points are numbered 1, 2, ... and every reference the catalogue knows is
    re-pointed to its provision (a reference to a removed point is kept and reported).

    ``inserts`` (``--to``): provisions the model edition adds, each numbered N-1 after the point it
    follows (or in sequence in a new edition); ``model_deletes``: points excluded because the model
    edition dropped them (point -> (edition, the model's point)). ``say``: the language of the messages
    (bad input, warnings; a web page says them in its interface language), by default the act's."""
    lang = doc.language if doc.language in ("kk", "ru") else cat.lang
    msg = say if say in ("kk", "ru") else lang
    model_deletes = dict(model_deletes or {})
    deletes = [*deletes, *(n for n in model_deletes if n not in deletes)]
    if not sets and not deletes and not new_edition and not inserts:
        if edition:
            raise InputError(amend_msg(msg, "nothing_to", edition=edition), path=path, where="--to")
        raise InputError(amend_msg(msg, "nothing"), path=path)
    text = doc.text
    known = set((_labels().get("keys") or {}).keys())
    edits: list[tuple[int, int, str, str, str]] = []  # start, end, new, point, key
    values: dict[str, Any] = {}
    also: list[str] = []
    for key, raw in sets:
        p = cat.param(key)
        if p is None:
            if key not in known:
                example = next(iter(cat.parameters), "min_tenure")
                raise InputError(
                    amend_msg(msg, "unknown_key", key=key, example=example), path=path, where=f"--set {key}"
                )
            raise InputError(
                amend_msg(msg, "not_stated", label=label(key, msg), key=key),
                path=path,
                where=f"--set {key}",
            )
        if isinstance(p.value, list) and not (all(isinstance(x, str) for x in p.value) and _codes(key)):
            # a list in the act's own words (competencies, answer options) or a table (grade bands):
            # no wording to write it in
            raise InputError(
                amend_msg(msg, "free_list", label=label(key, msg), key=key, point=p.source.point or "?"),
                path=path,
                where=f"--set {key}",
            )
        new = parse_value(raw, p.value, key, msg, path)
        numeric = isinstance(new, int | Decimal) and not isinstance(new, bool)
        stated = None
        if numeric:
            _check_allowed(key, new, p.unit, msg, path)
        else:
            rule = model_rule(key, cat.act.generation)
            stated = stated_rule(cat, key, lang) if rule is None else None
            if stated is not None:
                rule = (stated[0], stated[2])
            if rule is not None and not _same(new, rule[0]):
                raise InputError(
                    amend_msg(
                        lang,
                        "model_only",
                        label=label(key, msg),
                        key=key,
                        value=_value_words(key, new, msg),
                        point=rule[1] or "?",
                        allowed=_value_words(key, rule[0], msg),
                    ),
                    path=path,
                    where=f"--set {key}",
                )
        if _same(new, p.value):
            shown = raw if numeric or isinstance(new, bool) else _value_words(key, new, msg)
            raise InputError(
                amend_msg(msg, "same", label=label(key, msg), key=key, value=shown),
                path=path,
                where=f"--set {key}",
            )
        src = p.source
        point = doc.point(str(src.point)) if src.point else None
        if point is None:
            raise InputError(
                amend_msg(msg, "not_found", label=label(key, msg), key=key, point=src.point),
                path=path,
                where=f"--set {key}",
            )
        qs, qe = _locate(doc, point, src.quote, src.start, src.end)
        if not numeric:
            day_month = isinstance(new, str) and isinstance(p.value, str) and bool(_MD.match(p.value))
            hit_md = _day_month_edit(text, qs, qe, point, p.value, new, lang) if day_month else None
            if hit_md is None and not day_month and stated is not None:
                hit_md = _stated_sentence_edit(text, qs, qe, point, stated[1])
                if hit_md is not None:
                    also.append(amend_msg(msg, "model_sentence", point=point.number))
            if hit_md is None and not day_month:
                hit_md = _model_point_edit(doc, cat, point, key, new, lang)
                if hit_md is not None:
                    also.append(amend_msg(msg, "model_wording", point=point.number))
            if hit_md is None:
                raise InputError(
                    amend_msg(
                        lang,
                        "cannot_write",
                        label=label(key, msg),
                        key=key,
                        value=_value_words(key, new, msg),
                        point=point.number,
                    ),
                    path=path,
                    where=f"--set {key}",
                )
            edits.append((*hit_md, point.number, key))
            values[key] = new
            continue
        from ..numbers import find_numbers

        hit = None
        for lo, hi in ((qs, qe), (point.start, point.end)):
            for m in find_numbers(text[lo:hi], lang):
                if m.value is not None and Decimal(str(m.value)) == Decimal(str(p.value)):
                    hit = (lo + m.start, lo + m.end)
                    break
            if hit:
                break
        printed = text[hit[0] : hit[1]] if hit else ""
        rewritten = _rewrite_number(printed, p.value, new, lang) if hit else None
        if hit is None or rewritten is None:
            raise InputError(
                amend_msg(msg, "not_found", label=label(key, msg), key=key, point=point.number),
                path=path,
                where=f"--set {key}",
            )
        edits.append((hit[0], hit[1], rewritten, point.number, key))
        if lang == "ru" and isinstance(new, int) and not _DIGITS.match(printed):
            form = _word_form(printed, int(p.value), lang)
            if form and form[0] == "card":
                noun = _ru_noun_after(text, hit[1], int(p.value), new, form[1])
                if noun is not None and _norm(text[noun[0] : noun[1]]) != _norm(noun[2]):
                    edits.append((noun[0], noun[1], noun[2], point.number, key))
        values[key] = new
        if p.also_in:
            where_else = ", ".join(_unit(n, msg) for n in p.also_in)
            also.append(amend_msg(msg, "also_in", label=label(key, msg), key=key, points=where_else))
    numbers = [p.number for p in doc.points]
    for n in deletes:
        pt = doc.point(str(n))
        if pt is None:
            raise InputError(
                amend_msg(msg, "no_point", point=n, last=numbers[-1] if numbers else 0),
                path=path,
                where="--delete-point",
            )
        if pt.deleted:
            raise InputError(amend_msg(msg, "already_deleted", point=n), path=path, where="--delete-point")
        if any(e[3] == pt.number for e in edits):
            raise InputError(amend_msg(msg, "conflict", point=n), path=path, where="--delete-point")
        if new_edition:
            continue
        body = text[pt.start : pt.end]
        lead = re.match(r"\s*\d+(?:-\d+)?[.)]?\s*", body)
        head = lead.end() if lead else 0
        tail = len(body) - len(body.rstrip())
        edits.append((pt.start + head, pt.end - tail, DELETED[lang], pt.number, ""))
    warnings: list[str] = list(also)
    renumbered: dict[str, str] = {}
    ins_numbers: dict[int, str] = {}
    if new_edition:
        renumbered, ins_numbers = _renumber(
            doc, cat, {str(n) for n in deletes}, lang, edits, warnings, inserts, msg
        )
    elif inserts:
        ins_numbers = _insert_numbers(doc, inserts)
    insert_changes = _insert_edits(
        doc,
        inserts,
        ins_numbers,
        renumbered,
        {str(n) for n in deletes},
        new_edition,
        lang,
        edits,
        warnings,
        msg,
    )
    edits.sort()
    for a, b in zip(edits, edits[1:], strict=False):
        if b[0] < a[1]:
            raise InputError(amend_msg(msg, "conflict", point=b[3]), path=path)
    # the new text, and one Change per point
    out: list[str] = []
    pos = 0
    for s, e, new_s, _pt, _k in edits:
        out.append(text[pos:s])
        out.append(new_s)
        pos = e
    out.append(text[pos:])
    new_text = "".join(out)
    changes: list[Change] = []
    for num in dict.fromkeys(e[3] for e in edits if e[4] != "#insert"):
        pt = doc.point(num)
        assert pt is not None
        mine = [e for e in edits if e[3] == num]
        if all(e[4] == "#num" for e in mine):
            continue  # only renumbered: the new edition says it once, not point by point
        old_pt = text[pt.start : pt.end].rstrip()
        pieces: list[str] = []
        pos = pt.start
        for s, e, new_s, _p, _k in mine:
            pieces += [text[pos:s], new_s]
            pos = e
        pieces.append(text[pos : pt.end])
        new_pt = "".join(pieces).rstrip()
        if any(e[4] == "#remove" for e in mine):
            new_pt = ""
        keys = tuple(dict.fromkeys(e[4] for e in mine if e[4] and not e[4].startswith("#")))
        kind = "set" if keys else "reference" if any(e[4] == "#ref" for e in mine) else "delete"
        why = model_deletes.get(num)
        changes.append(
            Change(
                kind,
                num,
                old_pt,
                new_pt,
                keys,
                _phrases(text, [m for m in mine if m[4] and m[4] not in ("#remove", "#num")]),
                tuple(model_point(k) for k in keys),
                reason="model" if why and kind == "delete" else "",
                edition=why[0] if why and kind == "delete" else "",
                model_point=why[1] if why and kind == "delete" else None,
            )
        )
    changes += insert_changes
    changes.sort(
        key=lambda c: (
            _num_key(c.after if c.kind == "insert" else c.point) + ((1,) if c.kind == "insert" else ())
        )
    )
    return Amendment(
        lang, text, new_text, changes, values, new_edition, renumbered, warnings, edition=edition
    )


def _phrases(text: str, edits: list[tuple[int, int, str, str, str]]) -> tuple[tuple[str, str], ...]:
    """(old words, new words) of the edits; edits apart only by spaces are one phrase
    («одного месяца» -> «двух месяцев»: one replacement of two words)."""
    out: list[list[Any]] = []
    for s, e, new, _p, _k in sorted(edits):
        if out and not text[out[-1][1] : s].strip():
            gap = text[out[-1][1] : s]
            out[-1][1] = e
            out[-1][2] += gap + new
        else:
            out.append([s, e, new])
    return tuple((text[s:e], new) for s, e, new in out)


# the number of a reference to a point N or N-1, never to a sub-point
_REF = {
    "kk": r"(?<![\d-])(\d+(?:-\d+)?)(?=\s*-\s*тарма[қғ](?!ша))",
    "ru": r"(?<!под)(?<=пункт)(?:\w*\s+)(\d+(?:-\d+)?)(?![\d)-])",
}


def _renumber(
    doc: Document,
    cat: Catalogue,
    removed: set[str],
    lang: str,
    edits: list[tuple[int, int, str, str, str]],
    warnings: list[str],
    inserts: list[Insert] | tuple[Insert, ...] = (),
    say: str | None = None,
) -> tuple[dict[str, str], dict[int, str]]:
    """Edits of a new edition: removed points go, the rest are numbered 1, 2, ..., references re-pointed.
    Returns (old number -> new number, index of an insert -> its number)."""
    text = doc.text
    mapping: dict[str, str] = {}
    ins_numbers: dict[int, str] = {}
    k = 0
    for pt in doc.points:
        if pt.deleted or pt.number in removed:
            for i, ins in enumerate(inserts):
                if ins.after == pt.number:
                    k += 1
                    ins_numbers[i] = str(k)
            # the whole point goes, with its line's indentation and the blank lines after it
            s = text.rfind("\n", 0, pt.start) + 1
            s = s if not text[s : pt.start].strip() else pt.start
            e = pt.end
            while e < len(text) and text[e] in " \t\n":
                e += 1
            edits.append((s, e, "", pt.number, "#remove"))
            continue
        k += 1
        mapping[pt.number] = str(k)
        lead = re.match(r"\d+(?:-\d+)?", text[pt.start : pt.end])
        if lead and lead.group(0) != str(k):
            edits.append((pt.start, pt.start + lead.end(), str(k), pt.number, "#num"))
        for i, ins in enumerate(inserts):
            if ins.after == pt.number:
                k += 1
                ins_numbers[i] = str(k)
    seen: set[int] = set()
    for ref in cat.cross_references:
        if not ref.to_point or ref.to_point == mapping.get(ref.to_point) or ref.from_point not in mapping:
            continue
        src = doc.point(ref.from_point)
        if src is None:
            continue
        q = text.find(ref.quote, src.start, src.end)
        if q < 0:
            continue
        for m in re.finditer(_REF[lang], ref.quote):
            if m.group(1) != ref.to_point or q + m.start(1) in seen:
                continue
            seen.add(q + m.start(1))
            new = mapping.get(ref.to_point)
            if new is None:
                warnings.append(amend_msg(say or lang, "stale_ref", src=ref.from_point, to=ref.to_point))
            else:
                edits.append((q + m.start(1), q + m.end(1), new, src.number, "#ref"))
    return mapping, ins_numbers


def _insert_numbers(doc: Document, inserts: list[Insert] | tuple[Insert, ...]) -> dict[int, str]:
    """Numbering kept: an inserted point is N-1 (N-2, ...) after point N, the first number still free."""
    taken = {p.number for p in doc.points}
    out: dict[int, str] = {}
    for i, ins in enumerate(inserts):
        base = ins.after.split("-")[0]
        k = 1
        while f"{base}-{k}" in taken:
            k += 1
        out[i] = f"{base}-{k}"
        taken.add(out[i])
    return out


_TOKEN = re.compile(r"\{(pt|ins):([^{}]+)\}")


def _insert_edits(
    doc: Document,
    inserts: list[Insert] | tuple[Insert, ...],
    numbers: dict[int, str],
    renumbered: dict[str, str],
    removed: set[str],
    new_edition: bool,
    lang: str,
    edits: list[tuple[int, int, str, str, str]],
    warnings: list[str],
    say: str | None = None,
) -> list[Change]:
    """The inserted points, in the act's layout (its indentation and the space between points), each
    placed after the point it follows (a removed point's place: the last point kept before it)."""
    if not inserts:
        return []
    text = doc.text
    by_id = {ins.provision: numbers[i] for i, ins in enumerate(inserts)}
    points = list(doc.points)
    index = {p.number: i for i, p in enumerate(points)}
    groups: dict[int, list[int]] = {}
    for i, ins in enumerate(inserts):
        if ins.after not in index:
            raise InputError(
                amend_msg(say or lang, "no_point", point=ins.after, last=points[-1].number if points else 0),
                path=doc.source.path,
            )
        j = index[ins.after]
        while new_edition and j > 0 and (points[j].deleted or points[j].number in removed):
            j -= 1
        groups.setdefault(j, []).append(i)
    changes: list[Change] = []
    for j, members in groups.items():
        anchor = points[j]
        line_start = text.rfind("\n", 0, anchor.start) + 1
        indent = text[line_start : anchor.start] if not text[line_start : anchor.start].strip() else ""
        rest = text[anchor.end :]
        gap = rest[: len(rest) - len(rest.lstrip())]
        sep = gap[: gap.rfind("\n") + 1] if "\n" in gap else "\n\n"
        pieces: list[str] = []
        for i in members:
            ins = inserts[i]
            num = numbers[i]

            def token(m: re.Match[str], _src: str = num) -> str:
                kind, arg = m.group(1), m.group(2)
                if kind == "ins":
                    return by_id[arg]
                if arg in removed:
                    warnings.append(amend_msg(say or lang, "inserted_ref", src=_src, to=arg))
                return renumbered.get(arg, arg) if new_edition else arg

            paras = [_TOKEN.sub(token, p) for p in ins.paragraphs]
            body = [f"{num}. {paras[0]}", *paras[1:]]
            pieces += [sep + indent + line for line in body]
            changes.append(
                Change(
                    "insert",
                    num,
                    "",
                    "\n".join(body),
                    ins.keys,
                    (),
                    tuple(model_point(k) for k in ins.keys),
                    after=ins.after,
                    reason="model",
                    edition=ins.edition,
                    model_point=ins.model_point,
                )
            )
        edits.append((anchor.end, anchor.end, "".join(pieces), numbers[members[0]], "#insert"))
    return changes


def _num_key(n: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", n)) or (0,)


def document_from_text(text: str, path: str) -> Document:
    """The structure of an edition held in memory (as :func:`docgen.catalogue.parse_document` reads a file)."""
    from ..model import SourceText
    from ..normalize import normalize
    from ..structure import parse_structure

    source = SourceText(path, text, "utf-8", "txt")
    return parse_structure(source, normalize(text))


def unit_name(point: str, lang: str) -> str:
    """ "4-тармақ" / "пункт 4"."""
    return f"{point}-тармақ" if lang == "kk" else f"пункт {point}"


def _unit(ref: str, lang: str) -> str:
    """ "31" -> "31-тармақ" / "пункт 31"; "app2" -> "2-қосымша" / "приложение 2"."""
    if ref.startswith("app"):
        n = ref.removeprefix("app")
        return f"{n}-қосымша" if lang == "kk" else f"приложение {n}"
    return unit_name(ref, lang)


def _quoted_words(old: str, new: str, lang: str) -> tuple[str, str]:
    """«деген сөз» / «деген сөздер», «слово» / «слова»: each side by its own number of words."""
    many_old, many_new = " " in old.strip(), " " in new.strip()
    if lang == "kk":
        return ("деген сөздер" if many_old else "деген сөз"), (
            "деген сөздермен" if many_new else "деген сөзбен"
        )
    return ("слова" if many_old else "слово"), ("словами" if many_new else "словом")


_RU_TITLE = re.compile(r"^\s*Об\s+утверждении\s+Методики\b(?P<rest>.*)$", re.S | re.I)
# the title of an act that amends the act approving the methodology: the act it names is the one a new
# amendment amends (seeds print the latest edition under such a header)
_AMENDING_TITLE = {
    "ru": re.compile(
        r"^\s*О\s+внесении\s+(?:изменени\w*|дополнени\w*)(?:\s+и\s+(?:изменени\w*|дополнени\w*))?\s+в\s+"
        r"(?P<act>(?P<kind>постановление|приказ|решение)\b.+?)\s*$",
        re.S | re.I,
    ),
    "kk": re.compile(
        r"^\s*(?P<act>.+?)\s+(?P<kind>бұйрығына|қаулысына|шешіміне)\s+(?:өзгеріс\w*|толықтыру\w*)"
        r"(?:\s+(?:мен|және)\s+\w+)?\s+енгізу\s+туралы\s*$",
        re.S | re.I,
    ),
}
_KK_TITLE = re.compile(r"^(?P<head>.*\b[Әә]дістемес)ін\s+бекіту\s+туралы\s*$", re.S)


def _methodology_names(title: str, lang: str) -> dict[str, str]:
    """The methodology's name in the cases the amending wording needs, from the approving act's
    title («Об утверждении Методики оценки …» -> «Методике оценки …» / «Методику оценки …»; «…
    әдістемесін бекіту туралы» -> «… әдістемесінде» / «… әдістемесі»); without such a title, the
    bare word."""
    if lang == "kk":
        m = _KK_TITLE.match(title)
        if m:
            head = m.group("head")
            return {"loc": head + "інде", "nom": head + "і"}
        return {"loc": "Әдістемеде", "nom": "Әдістеме"}
    m = _RU_TITLE.match(title)
    rest = m.group("rest") if m else ""
    return {"loc": "Методике" + rest.rstrip(), "acc": "Методику" + rest.rstrip()}


def _unquoted(title: str) -> str:
    """A title without the «» the whole of it may stand in (its own inner quotes kept)."""
    t = title.strip()
    return t[1:-1].strip() if t.startswith("«") and t.endswith("»") else t


def amending_lead(act: ActInfo | None, lang: str) -> tuple[str, str, str] | None:
    """The opening of the amending act, naming the act amended in full (its type, issuer, date,
    number, title and registration): (the lead sentence, «в Методике …, утвержденной указанным
    постановлением:», the new-edition sentence). None when the act's line was not read (a methodology
    printed without it): the wording then names only «Методика»."""
    import datetime as dt

    from .messages import date_words, messages
    from .names import name_forms

    if act is None or not act.title:
        return None
    kinds = messages()["kinds"]
    code = "kk" if lang == "kk" else "ru"
    amending = _AMENDING_TITLE[code].match(_unquoted(act.title))
    if amending is not None:  # amend the act the amending act amended, named as it names it
        word = amending.group("kind").lower()
        kind = next(k for k in kinds.values() if word in (k["ru"], k["kk_dat"]))
        fill = {
            "kind_dat": kind[f"{code}_dat"],
            "kind_ablt": kind[f"{code}_ablt"],
            "kind_gen": kind.get(f"{code}_gen", ""),
        }
        named = amending.group("act")
        lead = (
            f"Внести в {named} следующие изменения:"
            if code == "ru"
            else f"{named} {word} мынадай өзгерістер енгізілсін:"
        )
        names = _methodology_names("", code)
        inside = str(messages()["amending_in_methodology"][code]).format(methodology=names["loc"], **fill)
        whole = names["nom"] if code == "kk" else names["acc"]
        new_edition = str(messages()["amending_new_edition"][code]).format(methodology=whole, **fill)
        return lead[:1].upper() + lead[1:], inside, new_edition[:1].upper() + new_edition[1:]
    if not (act.act_type and act.issuer and act.act_date and act.act_number):
        return None
    if act.act_type not in kinds:
        return None
    try:
        day = dt.date.fromisoformat(act.act_date)
    except ValueError:
        return None
    kind = kinds[act.act_type]
    names = _methodology_names(act.title, code)
    reg = (
        str(messages()["amending_registration"][code]).format(number=act.registration_number)
        if act.registration_number
        else ""
    )
    fill = {
        "kind": kind[code],
        "kind_dat": kind[f"{code}_dat"],
        "kind_ablt": kind[f"{code}_ablt"],
        "kind_gen": kind.get(f"{code}_gen", ""),
        "body_gen": name_forms(act.issuer, code)["gen"],
        "date": date_words(day, code),
        "number": act.act_number,
        "title": _unquoted(act.title),
        "registration": reg,
    }
    lead = str(messages()["amending_lead"][code]).format(**fill)
    lead = lead[:1].upper() + lead[1:]
    inside = str(messages()["amending_in_methodology"][code]).format(methodology=names["loc"], **fill)
    whole = names["nom"] if code == "kk" else names["acc"]
    new_edition = str(messages()["amending_new_edition"][code]).format(methodology=whole, **fill)
    return lead, inside, new_edition[:1].upper() + new_edition[1:]


def amendment_text(am: Amendment, act: ActInfo | None = None) -> str:
    """The operative wording of the amending act, one numbered sub-point per changed point. With
    ``act`` (the amended act's header as read) the wording opens by naming it in full, as an amending
    act must; without it, by «В Методику …» / «Әдістемеге …»."""
    lang = am.lang
    named = amending_lead(act, lang)
    if am.new_edition:
        if named is not None:
            return "\n\n".join([_one_change(named[0]), named[2]]) + "\n"
        return (
            "Әдістеме осы шешімнің қосымшасына сәйкес жаңа редакцияда жазылсын.\n"
            if lang == "kk"
            else "Методику изложить в новой редакции согласно приложению к настоящему решению.\n"
        )
    lines = (
        [named[0], named[1]]
        if named is not None
        else [
            "Әдістемеге мынадай өзгерістер енгізілсін:"
            if lang == "kk"
            else "В Методику внести следующие изменения:"
        ]
    )
    items: list[str] = []
    for c in am.changes:
        if c.kind == "insert":
            body = c.new_text.replace("\n", "\n")
            if lang == "kk":
                items.append(f"мынадай мазмұндағы {c.point}-тармақпен толықтырылсын:\n«{body}»")
            else:
                items.append(f"дополнить пунктом {c.point} следующего содержания:\n«{body}»")
        elif c.kind == "delete":
            items.append(f"{c.point}-тармақ алып тасталсын" if lang == "kk" else f"пункт {c.point} исключить")
        elif (only := word_edit(c.old_text, c.new_text, c.point, lang)) is not None:
            items.append(only)
        elif (
            len(c.phrases) == 1
            and _occurs_once(c.phrases[0][0], c.old_text)
            and len(c.phrases[0][0]) < len(c.old_text) // 2
        ):
            old, new = c.phrases[0]
            a, b = _quoted_words(old, new, lang)
            if lang == "kk":
                items.append(f"{c.point}-тармақтағы «{old}» {a} «{new}» {b} ауыстырылсын")
            else:
                items.append(f"в пункте {c.point} {a} «{old}» заменить {b} «{new}»")
        elif (several := composite_edit(c.old_text, c.new_text, c.point, lang)) is not None:
            items.append(several)
        else:
            body = re.sub(r"^\s*\d+(?:-\d+)?[.)]\s*", "", c.new_text)
            if lang == "kk":
                items.append(f"{c.point}-тармақ мынадай редакцияда жазылсын:\n«{c.point}. {body}»")
            else:
                items.append(f"пункт {c.point} изложить в следующей редакции:\n«{c.point}. {body}»")
    if named is not None and len(items) == 1:
        lines[0] = _one_change(lines[0])
    for i, item in enumerate(items, 1):
        end = "." if i == len(items) else ";"
        lines.append(f"{i}) {item}{end}")
    return "\n\n".join(lines) + "\n"


def _one_change(lead: str) -> str:
    """The lead sentence announcing a single change: «следующее изменение» / «мынадай өзгеріс»."""
    return lead.replace("следующие изменения", "следующее изменение").replace(
        "мынадай өзгерістер", "мынадай өзгеріс"
    )


def _occurs_once(phrase: str, text: str) -> bool:
    """The phrase names one place of the point: it occurs there once, as whole words."""
    return len(re.findall(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)) == 1
