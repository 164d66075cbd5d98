"""`docgen catalogue build`: one catalogue per act and version, and a dated index of values per key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli, main
from docgen.corpus import load_corpus
from docgen.errors import InputError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cat")
    res = CliRunner().invoke(
        cli, ["catalogue", "build", str(ROOT / "legal_corpus"), "-o", str(out), "--force"]
    )
    assert res.exit_code == 0, res.output
    return out


def test_one_catalogue_per_act_version(built: Path) -> None:
    entries = load_corpus(ROOT / "legal_corpus")
    for e in entries:
        path = built / e.slug / f"{e.version_date}.json"
        cat = json.loads(path.read_text(encoding="utf-8"))
        assert cat["corpus"]["seed_file"] == e.meta["seed_file"]
        assert cat["document"]["language"] == e.language
        assert cat["document"]["generation"] == e.generation


def test_index_lists_dated_values_with_sources(built: Path) -> None:
    index = json.loads((built / "index.json").read_text(encoding="utf-8"))["keys"]
    tenure = index["min_tenure"]
    # read from the texts: 001 (2018) and 000 (2023) say three months, 002/003/004 say one month
    by_act = {v["act"]: v["value"] for v in tenure}
    assert by_act["kazygurt-maslikhat-28-189-VI"] == 3
    assert by_act["energy-ministry-order-325"] == 3
    assert by_act["shakhtinsk-maslikhat-278-5"] == 1
    assert by_act["pavlodar-city-akimat-402-11"] == 1
    assert by_act["wko-akimat-53"] == 1
    dates = [v["date"] for v in tenure]
    assert dates == sorted(dates)
    for v in tenure:
        assert v["source"]["point"] and v["source"]["quote"]
    deadline = {v["act"]: v["value"] for v in index["quarterly_deadline_day"]}
    assert deadline == {
        "energy-ministry-order-325": 10,
        "shakhtinsk-maslikhat-278-5": 10,
        "pavlodar-city-akimat-402-11": 20,
        "wko-akimat-53": 20,
    }


def test_refuses_to_overwrite_without_force(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["catalogue", "build", str(ROOT / "legal_corpus"), "-o", str(built)])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "уже существует" in err and "--force" in err and "Traceback" not in err


def test_corpus_loader_reports_bad_metadata(tmp_path: Path) -> None:
    act = tmp_path / "acts" / "x"
    act.mkdir(parents=True)
    (act / "meta.yaml").write_text("seed_file: a.txt\nlanguage: de\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_corpus(tmp_path)
    assert "meta.yaml" in str(exc.value) and "нет обязательного поля" in str(exc.value)
    (act / "meta.yaml").write_text(": : :\n", encoding="utf-8")
    with pytest.raises(InputError, match="ошибка в YAML"):
        load_corpus(tmp_path)


def test_corpus_texts_are_the_seeds_byte_for_byte() -> None:
    shared = ROOT.parent / "shared" / "corpus" / "seeds"
    entries = load_corpus(ROOT / "legal_corpus")
    assert len(entries) == 5
    for e in entries:
        assert e.text_path.name == e.meta["seed_file"]
        if shared.is_dir():
            assert e.text_path.read_bytes() == (shared / e.text_path.name).read_bytes()
