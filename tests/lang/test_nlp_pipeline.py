"""docgen.nlp: merged number tokens, values, ranges/fractions spans, Matcher patterns, speed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from docgen.nlp import get_nlp

ACTS = Path(__file__).resolve().parents[2] / "legal_corpus" / "acts"


def _tokens(lang: str, text: str) -> list[tuple[str, int, object, object]]:
    return [(t.text, t.idx, t._.num, t._.num_kind) for t in get_nlp(lang)(text)]


def test_kk_multiword_numbers_merged() -> None:
    text = "Бағалау он бес жұмыс күні ішінде, 45 % және жиырмасыншы күнінен"
    toks = _tokens("kk", text)
    assert ("он бес", text.index("он бес"), 15, "cardinal") in toks
    assert ("45 %", text.index("45 %"), 45, "cardinal") in toks
    assert ("жиырмасыншы", text.index("жиырмасыншы"), 20, "ordinal") in toks
    assert ("жұмыс", text.index("жұмыс"), None, None) in toks


def test_ru_multiword_numbers_merged() -> None:
    text = "в течение 5 (пяти) рабочих дней и двадцати пяти рабочих дней, 3,99 балла"
    toks = _tokens("ru", text)
    assert ("5 (пяти)", text.index("5 (пяти)"), 5, "cardinal") in toks
    assert ("двадцати пяти", text.index("двадцати пяти"), 25, "cardinal") in toks
    assert ("3,99", text.index("3,99"), 3.99, "decimal") in toks


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_offsets_and_text_preserved(lang: str) -> None:
    text = "x  он  бес\n5 (пяти)  үштен беске дейін; от 0 до 5-ти\t45 %"
    doc = get_nlp(lang)(text)
    assert doc.text == text
    for t in doc:
        assert text[t.idx : t.idx + len(t.text)] == t.text


def test_ranges_and_fractions_spans() -> None:
    kk = get_nlp("kk")("мүшелерінің үштен екісі, бағалар үштен беске дейін, (0-ден 5-ке дейін)")
    assert [(s.text, s._.value) for s in kk.spans["ranges"]] == [
        ("үштен беске дейін", (3, 5)),
        ("0-ден 5-ке дейін", (0, 5)),
    ]
    assert [(s.text, s._.value) for s in kk.spans["fractions"]] == [("үштен екісі", (2, 3))]
    ru = get_nlp("ru")("оценки от 0 до 5-ти, кворум две трети")
    assert [(s.text, s._.value) for s in ru.spans["ranges"]] == [("от 0 до 5-ти", (0, 5))]
    assert [(s.text, s._.value) for s in ru.spans["fractions"]] == [("две трети", (2, 3))]


def test_token_with_two_numbers_has_no_single_value() -> None:
    doc = get_nlp("kk")("№ 28/189-VI шешімі")
    assert all(t._.num is None for t in doc if "189" in t.text)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("kk", "он бес жұмыс күні ішінде, бес жұмыс күні", ["он бес жұмыс", "бес жұмыс"]),
        (
            "ru",
            "в течение 5 (пяти) рабочих дней, десяти рабочих дней",
            ["5 (пяти) рабочих", "десяти рабочих"],
        ),
    ],
)
def test_matcher_patterns_on_num_extension(lang: str, text: str, expected: list[str]) -> None:
    nlp = get_nlp(lang)
    doc = nlp(text)
    # the brief's pattern: spaCy's validator rejects a None operand, so validate=False
    raw = Matcher(nlp.vocab, validate=False)
    raw.add("N", [[{"_": {"num": {"!=": None}}}, {"LOWER": {"IN": ["рабочих", "жұмыс"]}}]])
    assert [doc[a:b].text for _, a, b in raw(doc)] == expected
    # validated alternative with the boolean extension
    ok = Matcher(nlp.vocab, validate=True)
    ok.add("N", [[{"_": {"is_num": True}}, {"LOWER": {"IN": ["рабочих", "жұмыс"]}}]])
    assert [doc[a:b].text for _, a, b in ok(doc)] == expected
    # and on a value (IN works; ">=" would raise on tokens whose num is None)
    val = Matcher(nlp.vocab)
    val.add("N", [[{"_": {"num": {"IN": [10, 15]}}}, {"LOWER": {"IN": ["рабочих", "жұмыс"]}}]])
    assert [doc[a:b].text for _, a, b in val(doc)] == expected[:1] if lang == "kk" else expected[1:]


def test_get_nlp_is_cached_and_fast() -> None:
    nlp = get_nlp("kk")
    t0 = time.perf_counter()
    for _ in range(1000):
        assert get_nlp("kk") is nlp
    assert time.perf_counter() - t0 < 0.05
    assert get_nlp("ru") is not nlp
    with pytest.raises(ValueError):
        get_nlp("en")


@pytest.mark.parametrize(("prefix", "lang"), [("000", "kk"), ("004", "ru")])
def test_seed_through_pipeline_is_fast(prefix: str, lang: str) -> None:
    (path,) = ACTS.glob(f"*/{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    nlp = get_nlp(lang)
    nlp(text[:2000])  # warm-up (pymorphy3 dictionaries)
    t0 = time.perf_counter()
    doc = nlp(text + " ")  # a new string: no cached analysis
    elapsed = time.perf_counter() - t0
    assert doc.text == text + " "
    assert elapsed < 1.5, elapsed  # typically 0.1-0.3 s for ~70 KB
    assert sum(t._.num is not None for t in doc) > 100
