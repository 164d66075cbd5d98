"""Reports a reviewer can hand on (issue 12, item 6): every kk/ru sentence is free of internal codes,
placeholders and evidence constants; findings name the model point and quote the words they are about."""

from __future__ import annotations

import datetime as dt
import re
import string
from functools import lru_cache
from pathlib import Path

import pytest

from docgen.catalogue import read_catalogue_json
from docgen.check import CheckResult, check_path
from docgen.check.data import messages_data
from docgen.check.report import render_html, render_text

from .conftest import ROOT, SEEDS

PACKAGE = ROOT / "docgen" / "check"
MODELS = ("auto", "E0", "E1", "E4")

# One plausible value per placeholder, in each language (what the checks pass in).
SAMPLE = {
    "kk": {
        "point": "5",
        "expected": "1 ай",
        "actual": "3 ай",
        "key": "Лауазымда болудың ең аз мерзімі",
        "key_label": "Лауазымда болудың ең аз мерзімі",
        "target": "5",
        "chars": "«тегi»: латын әрпі “i” (U+0069)",
        "edition": "E4",
        "chosen": "E1",
        "current": "E4",
        "period": "01.07.2021 – 31.07.2025",
        "count": "3",
        "appendix": "2",
        "detail": "актіде жоқ: «орындау»",
        "topic_label": "бағалау мерзімдері",
        "topic_label_cap": "Бағалау мерзімдері",
        "form_label": "жеке жұмыс жоспары",
        "model_point": "E4 редакциясының 4-тармағы",
        "date": "09.04.2018",
        "in_force": "01.08.2025",
        "row": "40–44,49 → 45–49,99",
        "where": "6-тармақтағы",
        "place": "қосымша тақырыбының",
        "alphabet": "2018",
    },
    "ru": {
        "point": "5",
        "expected": "1 месяц",
        "actual": "3 месяца",
        "key": "Минимальный срок пребывания в должности",
        "key_label": "Минимальный срок пребывания в должности",
        "target": "5",
        "chars": "«тегi»: латинская буква “i” (U+0069)",
        "edition": "E4",
        "chosen": "E1",
        "current": "E4",
        "period": "01.07.2021 – 31.07.2025",
        "count": "3",
        "appendix": "2",
        "detail": "нет в акте: «выполнения»",
        "topic_label": "сроки проведения оценки",
        "topic_label_cap": "Сроки проведения оценки",
        "form_label": "индивидуальный план работы",
        "model_point": "пункт 4 редакции E4",
        "date": "09.04.2018",
        "in_force": "01.08.2025",
        "row": "40–44,49 → 45–49,99",
        "where": "в пункте 6",
        "place": "заголовка приложения",
        "alphabet": "2018",
    },
}

_QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
_BAD = [
    (re.compile(r"[{}]"), "placeholder brace"),
    (re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"), "snake_case identifier"),
    (re.compile(r"\b[a-z_]+\.[a-z_]+\b"), "finding code"),
    (re.compile(r"\b(?:SEED-FACT|FACT|INFERRED|LEARNED)\b"), "evidence constant"),
    (re.compile(r"\b(?:LATIN|CYRILLIC|LETTER)\b"), "English character name"),
]


def clean_sentence_problems(text: str) -> list[str]:
    """What in a kk/ru sentence is not Kazakh or Russian (text quoted from the act is skipped)."""
    bare = _QUOTED.sub("«»", text)
    return [f"{why}: {m.group(0)!r}" for rx, why in _BAD for m in [rx.search(bare)] if m]


def _emitted_codes() -> set[str]:
    codes: set[str] = set()
    for path in PACKAGE.glob("*.py"):
        codes |= set(re.findall(r'finding\(\s*"([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
        codes |= set(re.findall(r'code = "([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
        codes |= set(
            re.findall(r'"(form_deviation\.row_[a-z]+|broken_cross_reference\.[a-z_]+)"', path.read_text())
        )
    return codes


def test_every_emitted_code_has_both_templates_and_no_template_is_orphaned() -> None:
    templates = messages_data()["codes"]
    assert _emitted_codes() == set(templates)
    for code, entry in templates.items():
        assert set(entry) == {"kk", "ru"}, code


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_template_renders_to_a_clean_sentence(lang: str) -> None:
    for code, entry in messages_data()["codes"].items():
        template = entry[lang]
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        assert fields <= set(SAMPLE[lang]), (code, fields - set(SAMPLE[lang]))
        text = template.format(**SAMPLE[lang])
        assert clean_sentence_problems(text) == [], (code, lang, text)


def test_labels_are_clean() -> None:
    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{path}.{k}")
        elif isinstance(node, str) and path.rsplit(".", 1)[-1] in ("kk", "ru"):
            text = node.replace("{", "").replace("}", "")
            text = re.sub(r"\b(?:point|appendix|date|by|number|path|edition)\b", "", text)
            assert clean_sentence_problems(text) == [], (path, node)

    walk(messages_data()["labels"], "labels")


@lru_cache(maxsize=32)
def _result(seed: str, model: str) -> CheckResult:
    catalogue = read_catalogue_json(ROOT / "tests" / "data" / "expected" / f"{seed}.json")
    return check_path(str(SEEDS[seed]), model, as_of=dt.date(2026, 6, 1), catalogue=catalogue)


CASES = [(seed, model) for seed in sorted(SEEDS) for model in MODELS]


@pytest.mark.parametrize(("seed", "model"), CASES)
def test_seed_reports_have_clean_sentences(seed: str, model: str) -> None:
    result = _result(seed, model)
    for f in result.findings:
        assert clean_sentence_problems(f.message) == [], (f.code, f.message)
        assert f.code not in f.message
    text = render_text(result)
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(
            ("Файл:", "Мәтіннен үзінді:", "Цитата из акта:", "Болуы тиіс:", "Должно быть:")
        ):
            continue  # the path and text of the act or the model
        assert clean_sentence_problems(stripped) == [], (seed, model, line)
    page = render_html(result)
    assert not any(f"({f.code})" in page for f in result.findings)
    assert not re.search(r">\s*(?:SEED-FACT|FACT|INFERRED)\b", page)


@pytest.mark.parametrize(("seed", "model"), CASES)
def test_model_findings_name_the_model_point(seed: str, model: str) -> None:
    for f in _result(seed, model).findings:
        if f.category in ("missing_provision", "model_deviation", "form_deviation"):
            assert f.details.get("model_point"), (f.code, f.message)
            if f.category == "missing_provision":
                assert "{" not in f.expected, (
                    f.expected
                )  # empty when the profile has no wording in the act's language


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_quotes_cover_the_words_the_finding_is_about(seed: str) -> None:
    for f in _result(seed, "auto").findings:
        if f.category == "broken_cross_reference" and f.code != "broken_cross_reference.wrong_appendix":
            assert re.search(rf"(?<!\d){re.escape(f.actual)}(?!\d)", f.quote), (f.code, f.point, f.quote)
        if f.code == "missing_appendix.referenced":
            assert f.expected in f.quote, (f.point, f.quote)
        if f.code == "model_deviation.parameter":
            assert f.quote, f.message


def test_sample_texts_exist() -> None:
    assert all(Path(p).exists() for p in SEEDS.values())
