"""Language detection (issue 13, case 8): Kazakh and Russian in Cyrillic are told apart on every text
in the repository; any other language is refused as "unknown language" (exit 2, one line in Russian
and Kazakh naming the file); Kazakh in a Latin alphabet is recognised and refused with its own line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from docgen.cli import main
from docgen.normalize import normalize
from docgen.reading import read_source
from docgen.structure._lang import classify_language

ROOT = Path(__file__).resolve().parents[2]
LANGS = ROOT / "tests" / "data" / "languages"


def _texts_with_known_language() -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    for meta in sorted((ROOT / "legal_corpus" / "acts").glob("*/meta.yaml")):
        m = yaml.safe_load(meta.read_text(encoding="utf-8"))
        out.append((meta.parent / m["seed_file"], m["language"]))
    for p in sorted((ROOT / "tests" / "data").rglob("*")):
        if p.suffix not in (".txt", ".html") or p.parent == LANGS:
            continue
        m = re.search(r"(?:^|_)(kk|ru)_", p.name)
        if m:
            out.append((p, m.group(1)))
    return out


KNOWN = _texts_with_known_language()


def test_every_text_of_the_repository_is_covered() -> None:
    assert len(KNOWN) >= 40


@pytest.mark.parametrize("path,lang", KNOWN, ids=[p.name for p, _ in KNOWN])
def test_kazakh_and_russian_are_told_apart(path: Path, lang: str) -> None:
    assert classify_language(normalize(read_source(str(path)).raw).text) == lang


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    cap = capsys.readouterr()
    return code, cap.out, cap.err


UNKNOWN = ["en.txt", "de.txt", "uz_latin.txt", "tr.txt", "uk.txt", "ky.txt", "bg.txt"]


@pytest.mark.parametrize("name", UNKNOWN)
@pytest.mark.parametrize("command", [["parse"], ["parse", "--structure-only"], ["check"]])
def test_other_languages_are_unknown_language(
    name: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = LANGS / name
    assert classify_language(path.read_text(encoding="utf-8")) == "unknown"
    code, out, err = _run([*command, str(path)], capsys)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]
    assert "язык текста не определён" in lines[0]  # Russian
    assert "мәтіннің тілі анықталмады" in lines[0]  # Kazakh


@pytest.mark.parametrize("name", ["kk_latin_2018.txt", "kk_latin_2021.txt"])
def test_kazakh_in_latin_letters_is_recognised_and_read_in_cyrillic(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: Kazakh in a Latin alphabet is read (normalisation writes it in Cyrillic), not refused."""
    path = LANGS / name
    assert classify_language(path.read_text(encoding="utf-8")) == "kk-latn"
    code, out, err = _run(["parse", "--structure-only", str(path)], capsys)
    assert code == 0, err
    assert '"language": "kk"' in out and "kazakh_latin_" in out


@pytest.mark.parametrize(
    "text",
    [
        "Qwrtzp xkcd lorem ipsum dolor sit amet, consectetur adipiscing elit.",
        "1. Jane Smith and John Doe wrote this.",
        "abc",
    ],
)
def test_random_latin_is_unknown(text: str) -> None:
    assert classify_language(text) == "unknown"


def test_texts_without_letters_and_short_cyrillic_snippets_still_parse() -> None:
    assert classify_language("") == "ru"
    assert classify_language("1.\n2) 3.4 — §") == "ru"
    assert classify_language("Об утверждении методики оценки") == "ru"
    assert classify_language("2-тарау. Бағалау") == "kk"
    # a Russian act quoting a few Latin words stays Russian
    assert classify_language("Методика оценки KPI (Key Performance Indicators) служащих корпуса «Б».") == "ru"


def test_long_texts_are_judged_on_slices_spread_over_the_whole_text() -> None:
    kk = (LANGS.parent.parent.parent / "legal_corpus" / "acts").glob("*/001_*.txt")
    text = next(kk).read_text(encoding="utf-8")
    long = text * (1_000_000 // len(text) + 1)
    assert classify_language(long) == "kk"
    english = (LANGS / "en.txt").read_text(encoding="utf-8")
    assert classify_language(english * (1_000_000 // len(english) + 1)) == "unknown"
    latin = (LANGS / "kk_latin_2018.txt").read_text(encoding="utf-8")
    assert classify_language(latin * (1_000_000 // len(latin) + 1)) == "kk-latn"


def test_case8_english_text_is_not_parsed_as_russian(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 13, case 8: English text was parsed as "ru" with no warning; now one line, exit 2."""
    path = LANGS / "en.txt"
    code, out, err = _run(["parse", str(path)], capsys)
    assert (
        code == 2 and out == "" and "язык текста не определён" in err and len(err.strip().splitlines()) == 1
    )


def test_russian_quoting_a_few_kazakh_words_is_russian() -> None:
    """Found by Hypothesis (test_parse_invariants): a Russian text with a Kazakh phrase that has «і» but
    no other Kazakh letter was refused as Ukrainian-like; Ukrainian writes «і» three times as often."""
    text = "Об утверждении методики оценки\n" * 14 + "шешімімен бекітілген\n" * 2
    assert classify_language(text) == "ru"
    assert classify_language((LANGS / "uk.txt").read_text(encoding="utf-8")) == "unknown"
