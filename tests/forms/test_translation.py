"""The other language of the blank forms (issue 10 item 2): untranslated text stays as printed and is
marked on paper, ``docgen forms`` reports the coverage per form and writes ``translation.json``, the
seeds' forms are translated completely in both directions with the same rows and columns, and a
Russian form holds no Kazakh text (and back) apart from the body's name and marked text."""

from __future__ import annotations

import json
import re
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from render.helpers import CATALOGUES, load_json

from docgen.cli import cli
from docgen.render.untranslated import MARK, is_marked, unmark

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("000", "001", "003", "004")
KAZAKH_ONLY = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
# Russian words that are not Kazakh words (conjunctions, prepositions, common nouns of the forms)
RUSSIAN_ONLY = {
    "и",
    "или",
    "для",
    "при",
    "по",
    "от",
    "из",
    "на",
    "что",
    "оценка",
    "оценки",
    "подпись",
    "дата",
}
_WORD = re.compile(r"[^\W\d_]+")
_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?!\S)")  # «Т и і м д і»: one word spaced out


def _words(text: str) -> list[str]:
    return _WORD.findall(_SPACED.sub(lambda m: m.group().replace(" ", ""), text))


def _forms(args: list[str], out: Path) -> str:
    res = CliRunner().invoke(cli, ["forms", *args, "-o", str(out), "--force"])
    assert res.exit_code == 0, res.output
    return res.output


def _texts(path: Path) -> list[str]:
    d = docx.Document(str(path))
    return [p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]


def _grid(path: Path) -> list[list[list[bool]]]:
    """Every table as rows of cells, each cell True when it holds text: the shape of the form."""
    d = docx.Document(str(path))
    return [[[bool(c.text.strip()) for c in r.cells] for r in t.rows] for t in d.tables]


# --- an untranslated text: kept, marked, explained, reported ------------------------------------------

NEW_ROW = "Жасанды интеллектпен жұмыс"  # a competency no act of the corpus has


@pytest.fixture(scope="module")
def unknown_row(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    data = load_json("kk_2017.json")
    form = next(f for f in data["forms"] if f["kind"] == "competency_sheet")
    form["rows"] = [*form["rows"], NEW_ROW]
    work = tmp_path_factory.mktemp("unknown")
    src = work / "act.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = work / "forms"
    return out, _forms([str(src), "--lang", "ru"], out)


def test_untranslated_text_is_kept_marked_in_italics_and_explained(unknown_row: tuple[Path, str]) -> None:
    out, _ = unknown_row
    path = out / "app3_competency_sheet.ru.docx"
    d = docx.Document(str(path))
    cells = [c for t in d.tables for r in t.rows for c in r.cells if NEW_ROW in c.text]
    assert cells and all(is_marked(c.text) and unmark(c.text) == NEW_ROW for c in cells)
    runs = [r for c in cells for p in c.paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(r.italic for r in runs)  # shown apart from the translated rows in black and white
    legend = [p for p in d.paragraphs if p.text.startswith(MARK)]
    assert len(legend) == 1 and d.paragraphs[-1] is not None
    assert "без перевода" in legend[0].text and all(r.italic for r in legend[0].runs)
    assert not KAZAKH_ONLY.search(legend[0].text)  # the legend speaks the document's language
    other = [t for t in _texts(path) if KAZAKH_ONLY.search(t)]
    assert other and all(is_marked(t) for t in other)  # nothing Kazakh that is not marked


def test_a_form_without_untranslated_text_has_no_mark_and_no_legend(unknown_row: tuple[Path, str]) -> None:
    out, _ = unknown_row
    texts = _texts(out / "app4_behaviour_indicators.ru.docx")
    assert texts and not any(MARK in t for t in texts)


def test_translation_report_lists_the_untranslated_text(unknown_row: tuple[Path, str]) -> None:
    out, printed = unknown_row
    report = json.loads((out / "translation.json").read_text(encoding="utf-8"))
    assert report["act_language"] == "kk"
    sheet = next(f for f in report["forms"] if f["file"] == "app3_competency_sheet.ru.docx")
    rows = (
        len(
            load_json("kk_2017.json")["forms"][
                next(
                    i
                    for i, f in enumerate(load_json("kk_2017.json")["forms"])
                    if f["kind"] == "competency_sheet"
                )
            ]["rows"]
        )
        + 1
    )
    assert sheet["untranslated"] == [{"place": f"row {rows}", "text": NEW_ROW, "source_language": "kk"}]
    assert sheet["units"] == sheet["translated"] + 1 and sheet["appendix"] == 3
    assert all(f["units"] == f["translated"] for f in report["forms"] if f is not sheet)
    # printed in the language asked for (--lang ru), one line per form, no internal codes
    line = next(x for x in printed.splitlines() if x.startswith("Приложение 3 "))
    done, total = sheet["translated"], sheet["units"]
    assert f"переведено текстов {done} из {total} (" in line and "версия на русском языке" in line
    assert "competency_sheet" not in printed and "app3" not in line
    assert f"«{NEW_ROW}»" in printed and "translation.json" in printed


def test_a_form_in_the_acts_own_language_writes_no_report(tmp_path: Path) -> None:
    printed = _forms([str(CATALOGUES / "kk_2017.json"), "--lang", "kk"], tmp_path)
    assert not (tmp_path / "translation.json").exists() and "аударылған" not in printed


def test_report_lines_of_forms_asked_in_kazakh_are_kazakh(tmp_path: Path) -> None:
    printed = _forms([str(CATALOGUES / "ru_2025.json"), "--lang", "kk"], tmp_path)
    lines = [x for x in printed.splitlines() if "-қосымша «" in x]
    assert len(lines) == 2 and all("қазақ тіліндегі нұсқасы: аударылған мәтіндер" in x for x in lines)
    assert "Аударма есебі" in printed and "Приложение" not in printed


def test_an_existing_report_is_not_overwritten_without_force(tmp_path: Path) -> None:
    _forms([str(CATALOGUES / "kk_2017.json"), "--lang", "ru"], tmp_path)
    for f in tmp_path.glob("*.docx"):
        f.unlink()
    res = CliRunner().invoke(
        cli, ["forms", str(CATALOGUES / "kk_2017.json"), "--lang", "ru", "-o", str(tmp_path)]
    )
    assert res.exit_code == 2 and "translation.json" in res.output


# --- the five seeds: complete translation, same shape, no mixing ----------------------------------------


@cache
def _seed_output(seed: str, base: str) -> tuple[Path, dict[str, object]]:
    act = next(ROOT.glob(f"legal_corpus/acts/*/{seed}_*.txt"))
    out = Path(base) / seed
    _forms([str(act), "--lang", "both"], out)
    return out, json.loads((out / "translation.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, object]]]:
    base = str(tmp_path_factory.mktemp("seeds"))
    return {s: _seed_output(s, base) for s in SEEDS}


@pytest.mark.parametrize("seed", SEEDS)
def test_every_form_of_the_seed_is_translated_completely(seed: str, seeds: dict) -> None:
    out, report = seeds[seed]
    forms = report["forms"]
    other = {"kk": "ru", "ru": "kk"}[report["act_language"]]
    assert {f["file"] for f in forms} == {p.name for p in out.glob(f"*.{other}.docx")}
    for f in forms:
        assert f["units"] > 0 and f["translated"] == f["units"] and f["untranslated"] == [], f["file"]
    for path in out.glob("*.docx"):
        assert not any(MARK in t for t in _texts(path)), path.name


@pytest.mark.parametrize("seed", SEEDS)
def test_kk_and_ru_versions_have_the_same_rows_and_columns(seed: str, seeds: dict) -> None:
    out, _ = seeds[seed]
    kk = sorted(out.glob("*.kk.docx"))
    assert kk
    for path in kk:
        ru = path.with_name(path.name.replace(".kk.docx", ".ru.docx"))
        assert ru.is_file(), ru.name
        assert _grid(path) == _grid(ru), path.name


def _body_words(seed: str) -> set[str]:
    """Words of the body's own name (in the act's language), which a form may print as it is."""
    from docgen.catalogue import load_methodology

    act = next(ROOT.glob(f"legal_corpus/acts/*/{seed}_*.txt"))
    cat = load_methodology(str(act))
    return {w.lower() for w in _WORD.findall(f"{cat.act.issuer or ''} {cat.act.title or ''}")}


@pytest.mark.parametrize("seed", SEEDS)
def test_russian_forms_hold_no_kazakh_and_kazakh_forms_no_russian(seed: str, seeds: dict) -> None:
    out, _ = seeds[seed]
    own = _body_words(seed)
    for path in out.glob("*.ru.docx"):
        for text in _texts(path):
            if is_marked(text):
                continue
            bad = [w for w in _words(text) if KAZAKH_ONLY.search(w) and w.lower() not in own]
            assert not bad, (path.name, text[:80])
    for path in out.glob("*.kk.docx"):
        for text in _texts(path):
            if is_marked(text):
                continue
            bad = [w for w in _words(text) if w.lower() in RUSSIAN_ONLY and w.lower() not in own]
            assert not bad, (path.name, text[:80])


def test_the_mark_survives_in_the_docx_xml(unknown_row: tuple[Path, str]) -> None:
    """The mark is text (a dagger), not colour: it prints on any printer and survives a photocopy."""
    out, _ = unknown_row
    with zipfile.ZipFile(out / "app3_competency_sheet.ru.docx") as zf:
        xml = zf.read("word/document.xml").decode()
    assert xml.count(MARK) == 2  # the row and the legend
    assert "w:color" not in xml.split(MARK)[0][-400:]


def test_readme_translation_table_is_measured(seeds: dict) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("**Translation of the seeds' forms")
    rows = re.findall(r"^\| (\d{3}) \| (kk|ru) \| (\d+) \| (\d+) / (\d+) \|$", text[start:], re.M)
    assert [r[0] for r in rows] == list(SEEDS)
    for seed, lang, forms, done, total in rows:
        _, report = seeds[seed]
        said = (lang, int(forms), int(done), int(total))
        assert said == (report["act_language"], len(report["forms"]), report["translated"], report["units"])
        assert done == total  # the goal: 100 %
