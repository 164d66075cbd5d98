"""Stage 2: each normalisation step on small texts, offsets and repairs, and the five seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.normalize import normalize, step_names

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "legal_corpus" / "acts").glob("*/*.txt"))


def kinds(raw: str) -> set[str]:
    return {r.kind for r in normalize(raw).repairs}


def test_step_registry_order() -> None:
    names = step_names()
    assert names[0] == "newline" and names.index("whitespace") > names.index("nbsp")
    assert {
        "html_residue",
        "image_marker",
        "invisible",
        "latin_lookalike",
        "position_code",
        "digit_lookalike",
    } <= set(names)


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("<p>Текст</p>", "Текст"),
        ("сөз<br>сөз", "сөз сөз"),
        ("<b>Қ</b>азақстан", "Қазақстан"),
        ('<ul style="list-style-type: none"> - бірінші', "- бірінші"),
        ("x < 5 and y > 3", "x < 5 and y > 3"),
        ("белгі «<» және «>»", "белгі «<» және «>»"),
        ("<i и ii>", "<i и ii>"),
        ("a&nbsp;b &quot;c&quot;", 'a b "c"'),
        ("[image: ]Мәтін", "Мәтін"),
        ("қыз\u200bмет\u00adші\ufeff", "қызметші"),
        ("a\u00a0\u202f\u2007b", "a b"),
        ("  a   b  ", "a b"),
        ("a \t b\t\tc", "a\tb\t\tc"),
        (" \t  \n   \nx", "\t\n\nx"),
        ("\t\t\t", "\t"),
        ("1-тaraу. Жалпы", "1-тарау. Жалпы"),
        ("шешiмi", "шешімі"),
        ("әдіstemеге", "әдіstemеге"),
        ("Method Е-1", "Method E-1"),
        ("Е-R-1, С-1, В-1, D-О-1, С-О-1", "E-R-1, C-1, B-1, D-O-1, C-O-1"),
        ("Е-қызмет", "Е-қызмет"),
        ("б-қосымша", "6-қосымша"),
        ("әдістемесіне б-қосымшасына", "әдістемесіне 6-қосымшасына"),
        ("1З-тармақ", "13-тармақ"),
        ("Қазақстан б-ші", "Қазақстан б-ші"),
    ],
)
def test_steps(raw: str, want: str) -> None:
    assert normalize(raw).text == want


def test_repairs_have_kind_and_raw_offsets() -> None:
    raw = "Ескерту.\u00a0<p>тaraу</p> Е-1"
    n = normalize(raw)
    assert n.text == "Ескерту. тарау E-1"
    by_kind = {r.kind: r for r in n.repairs}
    assert set(by_kind) == {"nbsp", "html_residue", "latin_lookalike", "position_code"}
    lk = by_kind["latin_lookalike"]
    assert raw[lk.raw_start : lk.raw_end] == "тaraу" and lk.after == "тарау"
    pc = by_kind["position_code"]
    assert raw[pc.raw_start : pc.raw_end] == "Е-1" and pc.after == "E-1"
    assert by_kind["html_residue"].before in ("<p>", "</p>")


def test_offsets_map_to_raw() -> None:
    raw = "  a\r\n<p>b</p>\u00a0c  "
    n = normalize(raw)
    assert n.text == "a\nb c"
    assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(raw)
    assert [raw[n.offsets[i]] for i in range(len(n.text)) if n.text[i] not in " \n"] == ["a", "b", "c"]
    assert n.raw_slice(2, 3) == "b"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_idempotent(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    n = normalize(raw)
    again = normalize(n.text)
    assert again.text == n.text and again.repairs == ()
    assert list(n.offsets) == sorted(n.offsets)


def test_seed_repairs() -> None:
    by_seed = {p.name[:3]: kinds(p.read_text(encoding="utf-8")) for p in SEEDS}
    assert "digit_lookalike" in by_seed["000"]
    assert {"nbsp", "image_marker", "latin_lookalike"} <= by_seed["001"]
    assert "latin_lookalike" in by_seed["002"]
    assert "html_residue" in by_seed["003"]
    assert {"nbsp", "position_code"} <= by_seed["004"]
