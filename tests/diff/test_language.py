"""The diff speaks the act's language: labels, units and point names in kk / ru from the data shared
with ``check``; no English word or internal code in the reports; the renumbering warning.

Expected words are written from Russian and Kazakh grammar and from reading the acts (003 kk,
004 ru), not copied from program output.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from docgen.catalogue import catalogue_for_document
from docgen.catalogue_model import Catalogue
from docgen.commands.diff import diff
from docgen.data.labels import (
    default_labels,
    doc_value_text,
    form_label,
    key_label,
    load_labels,
    point_name,
    quantity,
    value_text,
)
from docgen.diff import diff_documents, diff_rules
from docgen.diff.lang import load_messages, messages
from docgen.diff.report import to_json, to_text
from docgen.diff.text import units_of
from docgen.errors import InputError
from docgen.model import Document

from .conftest import SEEDS, renumbered_004, seed_text, write

ROOT = Path(__file__).resolve().parents[2]
KEYS = yaml.safe_load((ROOT / "docgen" / "data" / "keys.yaml").read_text(encoding="utf-8"))
KEYS_TEXT = (ROOT / "docgen" / "data" / "keys.yaml").read_text(encoding="utf-8")
LANGS = ("kk", "ru")
CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


# --- every label and unit the diff uses exists in both languages -------------------------------


def test_every_catalogue_key_has_a_name_in_both_languages() -> None:
    for key in KEYS:
        for lang in LANGS:
            name = key_label(key, lang)
            assert name != key and CYRILLIC.search(name), (key, lang)


def test_every_key_and_constant_the_extraction_rules_give_has_words() -> None:
    """Keys (and constant values) named by docgen/extract/rules/{kk,ru}.yaml, so that nothing the
    catalogue can hold reaches a report as a code."""
    for lang_file in ("kk", "ru"):
        rules = yaml.safe_load(
            (ROOT / "docgen" / "extract" / "rules" / f"{lang_file}.yaml").read_text("utf-8")
        )
        for key, items in rules.items():
            if key.startswith("_"):
                continue
            for rule in items:
                for k in [key, *(rule.get("keys") or []), *(rule.get("range") or [])]:
                    for lang in LANGS:
                        assert key_label(k, lang) != k, (lang_file, k)
                v = rule.get("value")
                if isinstance(v, str) and v not in ("num", "month_day", "excluded_members"):  # computed
                    for k in rule.get("keys") or [key]:
                        for lang in LANGS:
                            assert CYRILLIC.search(value_text(k, v, None, lang)), (lang_file, k, v)


def test_every_unit_and_enum_value_has_words_in_both_languages() -> None:
    units = set(re.findall(r"^\s+unit:\s*(\w+)", KEYS_TEXT, re.M))
    assert units <= set(default_labels()["units"]), units - set(default_labels()["units"])
    for key, spec in KEYS.items():
        m = re.search(r"enum \[([^\]]+)\]", str(spec.get("type", "")))
        for value in (v.strip() for v in m.group(1).split(",")) if m else ():
            for lang in LANGS:
                words = value_text(key, value, None, lang)
                assert words != value and CYRILLIC.search(words), (key, value, lang)


def test_every_form_kind_has_a_name() -> None:
    block = KEYS_TEXT[KEYS_TEXT.index("# kinds:") : KEYS_TEXT.index("# and `form_assignment`")]
    kinds = re.findall(r"[a-z0-9]+(?:_[a-z0-9]+)+|[a-z]+_?\d+[a-z_]*", block)
    assert len(kinds) == 14
    for kind in kinds:
        for lang in LANGS:
            assert CYRILLIC.search(form_label(kind, lang)), (kind, lang)


def test_every_message_the_diff_code_asks_for_exists() -> None:
    code = "".join(
        (ROOT / "docgen" / "diff" / f).read_text("utf-8") for f in ("report.py", "html.py", "lang.py")
    )
    code += (ROOT / "docgen" / "commands" / "diff.py").read_text("utf-8")
    asked = set(re.findall(r"""msg\(\s*["']([\w.]+)["']""", code))
    assert len(asked) > 15 and asked <= set(messages()), asked - set(messages())
    families = {
        "change": ["changed", "added", "removed", "modified", "moved", "renumbered", "unchanged"],
        "row_part": ["rows", "columns"],
        "skipped": ["catalogues_only", "languages_differ"],
        "note_status": ["matched", "unconfirmed"],
        "column": ["field", "parameter", "change", "old", "new", "form", "details", "category", "unit"],
    }
    for family, members in families.items():
        assert re.search(rf"""msg\(\s*f["']{family}\.""", code) or family == "column", family
        for m in members:
            assert f"{family}.{m}" in messages(), (family, m)


def test_messages_have_both_languages_and_a_bad_file_is_one_clear_error(tmp_path: Path) -> None:
    assert messages()
    for key, pair in messages().items():
        assert set(pair) == set(LANGS), key
    bad = write(tmp_path, "m.yaml", 'title: {kk: "Салыстыру"}\n')
    with pytest.raises(InputError) as exc:
        load_messages(bad)
    assert "m.yaml" in str(exc.value) and "title" in str(exc.value)
    bad_labels = write(tmp_path, "l.yaml", "keys: {min_tenure: {ru: 'Срок'}}\n")
    with pytest.raises(InputError) as exc2:
        load_labels(bad_labels)
    assert "l.yaml" in str(exc2.value)


def test_russian_plural_forms_and_kazakh_units() -> None:
    assert [quantity(n, "months", "ru") for n in (1, 2, 5, 11, 21, 1.5)] == [
        "1 месяц",
        "2 месяца",
        "5 месяцев",
        "11 месяцев",
        "21 месяц",
        "1,5 месяца",
    ]
    assert quantity(3, "working_days", "ru") == "3 рабочих дня"
    assert quantity(10, "working_days", "ru") == "10 рабочих дней"
    assert quantity(3, "years", "ru") == "3 года" and quantity(5, "years", "ru") == "5 лет"
    assert quantity(20, "days_of_month", "ru") == "20-го числа следующего месяца"
    # Kazakh: the noun after a numeral stays singular
    assert quantity(2, "months", "kk") == "2 ай" and quantity(10, "working_days", "kk") == "10 жұмыс күні"
    assert quantity(20, "days_of_month", "kk") == "келесі айдың 20-күні"


def test_point_names() -> None:
    assert point_name("5", "kk") == "5-тармақ" and point_name("5", "ru") == "пункт 5"
    assert point_name("app2", "kk") == "2-қосымша" and point_name("app2", "ru") == "приложение 2"
    assert point_name("app:3", "ru") == "приложение 3" and point_name("chapter:2", "kk") == "2-тарау"
    assert point_name("5-1", "ru") == "пункт 5-1"
    assert point_name("part:approving:2", "ru") == "пункт 2 утверждающего акта"


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_structural_unit_of_the_seeds_is_named_in_words(docs: dict[str, Document], seed: str) -> None:
    fallback = {default_labels()["structure"]["parts"]["other"][lang] for lang in LANGS}
    for u in units_of(docs[seed]):
        for lang in LANGS:
            name = point_name(u.ref, lang)
            assert name not in fallback and CYRILLIC.search(name), (u.ref, lang)
            assert not re.search(r"[A-Za-z_]|\w:\w", name), (u.ref, lang, name)


# --- no English word or internal code in the kk / ru output ------------------------------------

_TOKEN = re.compile(r"[A-Za-z_]*[A-Za-z][A-Za-z0-9_]*")
# position category codes (E-1, C-O-1): the acts' own designations, written with Latin or Cyrillic letters
_CATEGORY = re.compile(r"(?<![\w-])[A-EА-Е](?:-[ORОР])?-\d{1,2}(?![\w-])")


def _latin_left(output: str, *sources: str) -> set[str]:
    """Latin tokens of ``output`` that no input printed (codes, English words)."""
    allowed = {t for s in sources for t in _TOKEN.findall(s)}
    return {t for t in _TOKEN.findall(_CATEGORY.sub(" ", output)) if t not in allowed}


def _html_text(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _labels(node: Any) -> list[str]:
    out: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if (k == "label" or k.endswith("_label")) and isinstance(v, str):
                out.append(v)
            elif k not in ("old", "new") or isinstance(v, dict | list):
                out += _labels(v)
    elif isinstance(node, list):
        for v in node:
            out += _labels(v)
    return out


def _check_outputs(result: Any, sources: list[str]) -> None:
    from docgen.diff.html import to_html

    for lang in LANGS:
        text = to_text(result, lang)
        page = _html_text(to_html(result, lang))
        labels = "\n".join(_labels(to_json(result, lang)))
        for name, out in (("text", text), ("html", page), ("json", labels)):
            left = _latin_left(out, *sources)
            assert not left, (lang, name, sorted(left)[:20])
            assert "->" not in out and "part:" not in out, (lang, name)


@pytest.fixture(scope="module")
def catalogues(docs: dict[str, Document]) -> dict[str, dict[str, Any]]:
    return {k: catalogue_for_document(d) for k, d in docs.items()}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_rule_of_a_seed_is_said_in_words(
    docs: dict[str, Document], catalogues: dict[str, dict[str, Any]], seed: str
) -> None:
    """Each seed's whole catalogue appears as added (and removed): every key, unit, value, form,
    category and point it has is rendered in kk and in ru."""
    cat = catalogues[seed]
    empty = Catalogue.from_json({"document": {"language": cat.lang}, "parameters": {}})
    src = [seed_text(seed), SEEDS[seed].name, "new old"]
    added = diff_documents(None, None, empty, cat, old_label="old", new_label=SEEDS[seed].name)
    removed = diff_documents(None, None, cat, empty, old_label=SEEDS[seed].name, new_label="new")
    assert len(added.rules["parameters"]) == len(cat.parameters)  # type: ignore[index]
    _check_outputs(added, src)
    _check_outputs(removed, src)


PAIRS = [("000", "002"), ("003", "004"), ("002", "003"), ("001", "000"), ("004", "003")]


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_seed_pairs_in_both_languages(
    docs: dict[str, Document], catalogues: dict[str, dict[str, Any]], old: str, new: str
) -> None:
    r = diff_documents(
        docs[old],
        docs[new],
        catalogues[old],
        catalogues[new],
        old_label=SEEDS[old].name,
        new_label=SEEDS[new].name,
    )
    # the text diff shows the acts' normalised text (look-alike letters in category codes folded)
    sources = [seed_text(old), seed_text(new), docs[old].norm.text, docs[new].norm.text]
    _check_outputs(r, [*sources, SEEDS[old].name, SEEDS[new].name])


def test_000_vs_002_min_tenure_in_words(
    docs: dict[str, Document], catalogues: dict[str, dict[str, Any]]
) -> None:
    """000 (order 325 as amended) has «үш айдан кем», 002 (Shakhtinsk) «бір айдан кем», both in point 5."""
    r = diff_documents(docs["000"], docs["002"], catalogues["000"], catalogues["002"])
    kk = to_text(r)  # both acts are Kazakh: the default report language
    assert "Лауазымда болудың ең аз мерзімі: 3 ай (5-тармақ) → 1 ай (5-тармақ)" in kk
    ru = to_text(r, "ru")
    assert "Минимальный срок пребывания в должности: 3 месяца (пункт 5) → 1 месяц (пункт 5)" in ru
    data = to_json(r, "ru")
    p = next(p for p in data["parameters"] if p["key"] == "min_tenure")
    # the language-neutral fields stay as they were; labels come on top
    assert (p["old"]["value"], p["new"]["value"], p["new"]["unit"], p["new"]["point"]) == (
        3,
        1,
        "months",
        "5",
    )
    assert p["label"] == "Минимальный срок пребывания в должности"
    assert (p["old"]["label"], p["new"]["label"], p["new"]["point_label"]) == (
        "3 месяца",
        "1 месяц",
        "пункт 5",
    )


def test_labels_do_not_change_the_rule_diff(catalogues: dict[str, dict[str, Any]]) -> None:
    rules = diff_rules(catalogues["000"], catalogues["002"])
    before = json.dumps(rules, ensure_ascii=False, sort_keys=True, default=str)
    r = diff_documents(None, None, catalogues["000"], catalogues["002"])
    data = to_json(r, "kk")
    assert json.dumps(r.rules, ensure_ascii=False, sort_keys=True, default=str) == before

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if not (k == "label" or k.endswith("_label"))}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    for part in ("document", "parameters", "forms", "form_assignment"):
        assert strip(data[part]) == json.loads(json.dumps(rules[part], default=str)), part


def test_default_language_is_the_new_acts_and_lang_chooses() -> None:
    runner = CliRunner()
    res = runner.invoke(diff, [str(SEEDS["003"]), str(SEEDS["004"]), "--no-rules"])
    assert res.exit_code == 0 and res.output.startswith("Сравнение редакций:")
    res = runner.invoke(diff, [str(SEEDS["003"]), str(SEEDS["004"]), "--no-rules", "--lang", "kk"])
    assert res.exit_code == 0 and res.output.startswith("Редакцияларды салыстыру:")
    res = runner.invoke(diff, [str(SEEDS["003"]), str(SEEDS["004"]), "--lang", "en"])
    assert res.exit_code == 2


def test_document_fields_in_words() -> None:
    assert doc_value_text("language", "kk", "ru") == "казахский язык"
    assert doc_value_text("act_type", "resolution", "kk") == "қаулы"
    assert doc_value_text("act_date", "2026-04-09", "ru") == "09.04.2026"


# --- references a renumbering leaves pointing elsewhere ----------------------------------------


def _renumber_003_without(point: int, text: str, repoint: bool = False) -> str:
    """003 with methodology point ``point`` deleted and the points after it renumbered one down. With
    ``repoint`` the references to point 11 (points 18 and 20: «осы Әдістеменің 11-тармағында»)
    follow it to 10."""
    start = text.index("1. Осы Павлодар")
    end = text.index("\n", text.index("23. Калибрлеу сессиясының нәтижелері"))
    body = text[start:end]
    m = re.search(rf"^{point}\. .*?\n(?={point + 1}\. )", body, re.S | re.M)
    assert m
    body = body[: m.start()] + body[m.end() :]
    body = re.sub(
        r"^(\d+)\. ",
        lambda g: f"{int(g.group(1)) - 1 if int(g.group(1)) > point else g.group(1)}. ",
        body,
        flags=re.M,
    )
    if repoint:
        body = body.replace("Әдістеменің 11-тармағында", "Әдістеменің 10-тармағында")
    return text[:start] + body + text[end:]


def test_renumbering_warning_kk(tmp_path: Path, docs: dict[str, Document]) -> None:
    from docgen.catalogue import parse_document

    new = parse_document(write(tmp_path, "003_new.txt", _renumber_003_without(8, seed_text("003"))))
    r = diff_documents(docs["003"], new)
    # points 18 and 20 of 003 cite point 11; after the deletion they are 17 and 19 and still say 11,
    # while old point 11 is now point 10. Point 6 cites point 5, which kept its number: no warning.
    assert [(s["from_point"], s["cited"], s["now"]) for s in r.stale_refs] == [
        ("17", "11", "10"),
        ("19", "11", "10"),
    ]
    text = to_text(r)
    assert (
        "17-тармақ: «" in text and "бұрынғы редакциядағы 11-тармақ енді 10-тармақ болып нөмірленген" in text
    )
    assert "пункт 11 прежней редакции теперь пункт 10" in to_text(r, "ru")
    data = to_json(r)
    assert data["summary"]["stale_references"] == 2
    assert all("11-тармағында" in s["quote"] and s["label"] for s in data["stale_references"])
    repointed = parse_document(
        write(tmp_path, "003_ok.txt", _renumber_003_without(8, seed_text("003"), repoint=True))
    )
    assert diff_documents(docs["003"], repointed).stale_refs == []


def test_renumbering_warning_ru(tmp_path: Path, docs: dict[str, Document]) -> None:
    """004 with a new point 5: «установленные пунктом 5 сроки» (point 6, now 7) and «в пункте 11»
    (points 18 and 20, now 19 and 21) keep numbers whose provisions moved to 6 and 12."""
    from docgen.catalogue import parse_document

    new = parse_document(write(tmp_path, "004_new.txt", renumbered_004(seed_text("004"))))
    r = diff_documents(docs["004"], new)
    assert [(s["from_point"], s["cited"], s["now"]) for s in r.stale_refs] == [
        ("7", "5", "6"),
        ("19", "11", "12"),
        ("21", "11", "12"),
    ]
    assert "пункт 7: «" in to_text(r) and "пункт 5 прежней редакции теперь пункт 6" in to_text(r)
    assert diff_documents(docs["004"], docs["004"]).stale_refs == []


def test_renumbering_warning_when_the_cited_point_was_removed(
    tmp_path: Path, docs: dict[str, Document]
) -> None:
    """003 without point 5: point 6 («5-тармақта көрсетілген мерзімде») becomes 5 and still cites 5,
    a number that now belongs to old point 6 itself; points 18 and 20 cite 11, now 10."""
    from docgen.catalogue import parse_document

    new = parse_document(write(tmp_path, "003_no5.txt", _renumber_003_without(5, seed_text("003"))))
    r = diff_documents(docs["003"], new)
    assert [(s["from_point"], s["cited"], s["now"]) for s in r.stale_refs] == [
        ("5", "5", None),
        ("17", "11", "10"),
        ("19", "11", "10"),
    ]
    assert "бұрынғы редакциядағы 5-тармақ алып тасталды" in to_text(r)
    assert "после исключения (пункт 5 прежней редакции) этот номер получило другое положение" in to_text(
        r, "ru"
    )
