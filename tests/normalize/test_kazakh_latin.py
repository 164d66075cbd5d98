"""Kazakh in a Latin alphabet is read into Cyrillic by normalisation (issue 12, item 4, "Header ...
Latin-script Kazakh"): the 2018 alphabet (á ǵ ı ń ó ú ý sh ch) and the 2017 apostrophe alphabet.

The texts are an excerpt of seed 000 (the Ministry of Energy order No. 128, lines 3-5 and 44-116:
title, date, chapter 1 points 1-16) written by hand in the Latin alphabets; the test compares what
normalisation reads with the seed's own Cyrillic lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.kklatin import alphabet
from docgen.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
TRUTH = ROOT / "tests" / "data" / "check" / "truth"
LATIN_2018 = TRUTH / "latin_kk_2018_energy_excerpt.txt"
LATIN_2017 = TRUTH / "latin_kk_2017_energy_excerpt.txt"
SEED_000 = next((ROOT / "legal_corpus" / "acts").glob("*/000_*.txt"))

# Letters the Latin alphabets do not keep apart, so the Cyrillic read back differs from the seed in
# loanwords only: э is written e (Энергетика), ц before a vowel other than и is ts (процестік), and
# «иа» of a loanword reads «ия» (диапазоны).
LOANWORD_SPELLINGS = {
    "Энергетика": "Енергетика",
    "электрондық": "електрондық",
    "диапазоны": "дияпазоны",
    "рәсімдік-процестік": "рәсімдік-протсестік",
}


def _seed_excerpt() -> str:
    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    return "\n".join([*lines[2:5], "", *lines[43:116]])


def _words(text: str) -> list[str]:
    return text.replace("С-", "C-").replace("C-О", "C-O").split()


def test_alphabets_are_told_apart() -> None:
    assert alphabet(LATIN_2018.read_text(encoding="utf-8")) == "2018"
    assert alphabet(LATIN_2017.read_text(encoding="utf-8")) == "2017"
    assert alphabet(SEED_000.read_text(encoding="utf-8")) is None
    assert alphabet("Methodology of evaluation, the order and the rules of the service.") is None


def test_2018_excerpt_reads_as_the_seed_word_for_word() -> None:
    norm = normalize(LATIN_2018.read_text(encoding="utf-8"))
    got, want = _words(norm.text), _words(_seed_excerpt())
    assert len(got) == len(want)
    differ = [(w, g) for w, g in zip(want, got, strict=True) if w != g]
    assert all(LOANWORD_SPELLINGS.get(w) == g for w, g in differ), differ
    assert len(differ) <= 8  # of 860 words: five «Энергетика», «электрондық», «диапазоны», «процестік»


def test_2017_apostrophe_excerpt_reads_the_same_words() -> None:
    norm = normalize(LATIN_2017.read_text(encoding="utf-8"))
    got = _words(norm.text)
    want = _words(_seed_excerpt())[: len(got)]
    differ = [(w, g) for w, g in zip(want, got, strict=True) if w != g]
    assert all(LOANWORD_SPELLINGS.get(w) == g for w, g in differ), differ
    for word in ("сәйкес", "жүйесінің", "функционалдық", "НМИ", "бұйрығы", "қызметшілерінің"):
        assert word in norm.text


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("jarıalanǵan", "жарияланған"),  # ıa after a consonant: ия
        ("aıaqtalǵan", "аяқталған"),  # ıa after a vowel: я
        ("sáıkes keıin", "сәйкес кейін"),  # ı after a vowel: й
        ("resmı tıimdi", "ресми тиімді"),  # ı after a consonant: и
        ("sessııasy", "сессиясы"),
        ("rotatsıa", "ротация"),  # ts before ı: ц
        ("ketse", "кетсе"),  # otherwise т + с
        ("NMI", "НМИ"),
        ("BUIRYQ", "БҰЙРЫҚ"),
        ("sa'i'kes", "сәйкес"),
    ],
)
def test_single_words(latin: str, cyrillic: str) -> None:
    text = f"{latin} memlekettik qyzmetshileriniń qyzmetin baǵalaý ádistemesi jáne boıynsha týraly"
    if "'" in latin:
        text = f"{latin} memlekettik qyzmets'ilerinin' qyzmetin bag'alay' a'distemesi ja'ne boi'yns'a ty'raly"
    n = len(cyrillic.split())
    assert normalize(text).text.split()[:n] == cyrillic.split()


def test_codes_numerals_and_addresses_stay_as_printed() -> None:
    raw = (
        "C-O-1, E-1 jáne D-R-1 sanattary; 2018 jylǵy № 28/189-VI sheshimi; www.adilet.zan.kz saıtynda "
        "memlekettik qyzmetshileriniń qyzmetin baǵalaý ádistemesi boıynsha týraly"
    )
    text = normalize(raw).text
    for kept in ("C-O-1", "E-1", "D-R-1", "28/189-VI", "www.adilet.zan.kz"):
        assert kept in text
    assert "жәнe" not in text and "және" in text


def test_every_cyrillic_word_maps_back_to_the_word_as_printed() -> None:
    raw = LATIN_2018.read_text(encoding="utf-8")
    norm = normalize(raw)
    for m in re.finditer(r"[^\W\d_]+", norm.text):
        src = norm.raw_slice(m.start(), m.end())
        assert re.fullmatch(r"[^\W\d_]+", src), (m.group(), src)
        assert not re.search("[\u0400-\u04ff]", src)
    i = norm.text.index("калибрлеу сессиясын")
    assert norm.raw_slice(i, i + len("калибрлеу сессиясын")) == "kalıbrleý sessıasyn"


def test_the_transliteration_is_recorded_line_by_line_and_normalising_again_changes_nothing() -> None:
    raw = LATIN_2018.read_text(encoding="utf-8")
    norm = normalize(raw)
    repairs = [r for r in norm.repairs if r.kind == "kazakh_latin_2018"]
    assert len(repairs) == sum(1 for line in raw.split("\n") if re.search(r"[^\W\d_]", line))
    first = repairs[0]
    assert raw[first.raw_start : first.raw_end] == first.before
    assert first.before.startswith('"Qazaqstan Respýblıkasy') and first.after.startswith(
        '"Қазақстан Республикасы'
    )
    again = normalize(norm.text)
    assert again.text == norm.text and not any(r.kind.startswith("kazakh_latin") for r in again.repairs)


def test_cyrillic_seeds_are_not_transliterated() -> None:
    for seed in (ROOT / "legal_corpus" / "acts").glob("*/*.txt"):
        norm = normalize(seed.read_text(encoding="utf-8"))
        assert not any(r.kind.startswith("kazakh_latin") for r in norm.repairs), seed.name
