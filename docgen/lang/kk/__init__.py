"""spaCy language class for Kazakh (``kk``), which spaCy itself does not ship.

Stage: NLP foundation. Consumes the data files ``numbers.yaml`` (number words, via
``docgen.numbers``) and ``tokenizer.yaml`` (legal abbreviations, stop words); produces the
``Kazakh`` Language class that ``spacy.blank("kk")`` resolves to (entry point
``spacy_languages: kk = docgen.lang.kk:Kazakh``). Importing this module imports spaCy.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import LIKE_NUM, ORTH
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import BaseDefaults, Language
from spacy.util import update_exc

from docgen.lang import load_data
from docgen.numbers import parse_number_word

_DIGITS_RE = re.compile(r"[+-]?\d+(?:[,.]\d+)*(?:/\d+)?%?")


def like_num(text: str) -> bool:
    """True for digits ("15", "3,99", "3/4"), digits with endings ("5-ке") and Kazakh number words
    in any form ("бес", "үштен", "жиырмасыншы", "он бес")."""
    if _DIGITS_RE.fullmatch(text):
        return True
    return parse_number_word(text, "kk") is not None


def tokenizer_exceptions(lang: str = "kk") -> dict[str, list[dict[int, Any]]]:
    data = load_data(lang, "tokenizer")
    exc: dict[str, list[dict[int, Any]]] = {}
    for abbr in data.get("abbreviations") or []:
        exc[str(abbr)] = [{ORTH: str(abbr)}]
    return exc


class KazakhDefaults(BaseDefaults):
    lex_attr_getters = {LIKE_NUM: like_num}
    tokenizer_exceptions = update_exc(BASE_EXCEPTIONS, tokenizer_exceptions("kk"))
    stop_words = set(load_data("kk", "tokenizer").get("stop_words") or [])


class Kazakh(Language):  # type: ignore[no-untyped-call]
    lang = "kk"
    Defaults = KazakhDefaults


__all__ = ["Kazakh", "KazakhDefaults", "like_num", "tokenizer_exceptions"]
