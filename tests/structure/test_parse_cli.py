"""``docgen parse`` through click's CliRunner: JSON and text output, several paths, -o and --force."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from docgen.commands.parse import parse, parse_to_json
from docgen.errors import OutputExistsError

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "legal_corpus" / "acts" / "wko-akimat-53" / "004_cb6464f9152e2bf0.txt"
SEED2 = ROOT / "legal_corpus" / "acts" / "shakhtinsk-maslikhat-278-5" / "002_41e2e9a45393dd30.txt"


def test_json_output() -> None:
    res = CliRunner().invoke(parse, [str(SEED)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["document"]["act_number"] == "53" and data["document"]["language"] == "ru"
    assert data["structure"]["points"][-2:] == ["22", "24"]
    assert data["structure"]["appendices"] == [1, 2]
    assert any(r["kind"] == "nbsp" for r in data["repairs"])


def test_text_output() -> None:
    res = CliRunner().invoke(parse, ["--format", "text", str(SEED)])
    assert res.exit_code == 0, res.output
    assert "chapter 1. Общие положения" in res.output
    assert "appendix 2: Оценочный лист лица, занимающего не руководящую должность" in res.output
    assert "missing=['23']" in res.output


def test_several_paths_give_json_lines() -> None:
    res = CliRunner().invoke(parse, [str(SEED), str(SEED2)])
    assert res.exit_code == 0, res.output
    lines = res.output.strip().split("\n")
    assert len(lines) == 2
    assert [json.loads(x)["document"]["act_number"] for x in lines] == ["53", "278/5"]


def test_output_file_refuses_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    runner = CliRunner()
    assert runner.invoke(parse, [str(SEED), "-o", str(out)]).exit_code == 0
    first = json.loads(out.read_text(encoding="utf-8"))
    assert first["structure"]["approving_points"] == ["1", "2", "3", "4", "5"]
    out.write_text("keep", encoding="utf-8")
    res = runner.invoke(parse, [str(SEED), "-o", str(out)])
    assert isinstance(res.exception, OutputExistsError)
    assert out.read_text(encoding="utf-8") == "keep"
    res = runner.invoke(parse, [str(SEED), "-o", str(out), "--force"])
    assert res.exit_code == 0 and json.loads(out.read_text(encoding="utf-8")) == first


def test_parse_to_json_has_source() -> None:
    data = parse_to_json(str(SEED2))
    assert data["source"]["format"] == "txt"
    assert data["structure"]["deleted_chapters"] == [6]


def test_missing_file_is_an_error() -> None:
    res = CliRunner().invoke(parse, [str(ROOT / "no-such-file.txt")])
    assert res.exit_code != 0
