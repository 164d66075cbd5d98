"""The spaCy `kk` language class, Russian blank pipeline, and import hygiene."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

from docgen.lang import load_data
from docgen.lang.kk import Kazakh, KazakhDefaults, like_num


def test_blank_kk_resolves_to_our_class() -> None:
    nlp = spacy.blank("kk")
    assert isinstance(nlp, Kazakh)
    assert nlp.lang == "kk"
    assert spacy.util.get_lang_class("kk") is Kazakh
    assert KazakhDefaults.lex_attr_getters


def test_registry_fallback_is_idempotent() -> None:
    from docgen.nlp import register_spacy_languages

    register_spacy_languages()
    register_spacy_languages()
    assert spacy.util.get_lang_class("kk") is Kazakh


def test_blank_ru_needs_no_lemmatizer() -> None:
    nlp = spacy.blank("ru")
    assert nlp.pipe_names == []
    assert [t.text for t in nlp("от 0 до 5-ти")] == ["от", "0", "до", "5-ти"]


@pytest.mark.parametrize(
    "word",
    [
        "бес",
        "үштен",
        "беске",
        "екісі",
        "жиырмасыншы",
        "жиырмамыншы",
        "оныншы",
        "елу",
        "15",
        "3,99",
        "5-ке",
        "10-ы",
        "3/4",
        "қырқыншы",
        "тоқсан",
    ],
)
def test_like_num_true(word: str) -> None:
    assert like_num(word)
    assert spacy.blank("kk")(word)[0].like_num or len(spacy.blank("kk")(word)) > 1


@pytest.mark.parametrize("word", ["оның", "үшін", "жұмыс", "бірлесіп", "жүзеге", "күні", "ҚР", ""])
def test_like_num_false(word: str) -> None:
    assert not like_num(word)


@pytest.mark.parametrize("abbr", ["ҚР", "т.б.", "т.с.с.", "м.а.", "жж.", "Т.А.Ә.", "ҚР ЕК", "№", "р/р"])
def test_kk_abbreviations_stay_one_token(abbr: str) -> None:
    doc = spacy.blank("kk")(f"мәтін {abbr} мәтін")
    assert [t.text for t in doc] == ["мәтін", abbr, "мәтін"]


def test_kk_abbreviations_collected_from_seeds_are_data() -> None:
    abbrs = load_data("kk", "tokenizer")["abbreviations"]
    assert {"Т.А.Ә.", "м.а.", "ҚР", "т.б."} <= set(abbrs)
    assert "бұдан әрі" not in abbrs


def test_kk_tokenizer_keeps_sentence_final_words_and_phrases() -> None:
    doc = spacy.blank("kk")("бұдан әрі – Әдістеме. Бағалау тиіс.")
    assert [t.text for t in doc] == ["бұдан", "әрі", "–", "Әдістеме", ".", "Бағалау", "тиіс", "."]


def test_kk_stop_words() -> None:
    nlp = spacy.blank("kk")
    assert nlp.vocab["және"].is_stop
    assert not nlp.vocab["бағалау"].is_stop


def test_language_packages_are_light() -> None:
    code = (
        "import sys, docgen.lang, docgen.numbers; "
        "from docgen.numbers import find_numbers; find_numbers('он бес күн', 'kk'); "
        "assert 'spacy' not in sys.modules, 'spacy imported'; "
        "assert 'pymorphy3' not in sys.modules, 'pymorphy3 imported eagerly'; "
        "find_numbers('пяти', 'ru'); assert 'pymorphy3' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_language_rejected() -> None:
    with pytest.raises(ValueError):
        load_data("en", "numbers")
