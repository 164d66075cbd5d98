"""One CLI convention: every command exits through click, so the in-process runner (``CliRunner``) and
the real program (``python -m docgen``) give the same exit code, for a good and a bad input of each
command; ``-h`` is as lazy as ``--help``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parents[1]
CATS = ROOT / "tests" / "data" / "catalogues"
CATS_B = ROOT / "tests" / "data" / "catalogues_b"
SAMPLES = ROOT / "legal_corpus" / "samples"
SEED = next(ROOT.glob("legal_corpus/acts/*/002_*.txt"))  # the shortest seed text
EXPECTED_002 = ROOT / "tests" / "data" / "expected" / "002_41e2e9a45393dd30.json"


def _mini_corpus(tmp: Path) -> Path:
    """One act: the first chapters of the shortest seed (enough for every step, quick to parse)."""
    corpus = tmp / "corpus"
    shutil.copytree(SEED.parent, corpus / "acts" / SEED.parent.name)
    text = SEED.read_text(encoding="utf-8")
    (corpus / "acts" / SEED.parent.name / SEED.name).write_text(text[:4000], encoding="utf-8")
    (corpus / "samples").mkdir()
    (corpus / "samples" / "runs.yaml").write_text("{}\n", encoding="utf-8")
    return corpus


def _bad_json(tmp: Path) -> str:
    bad = tmp / "bad.json"
    bad.write_text('{"document": {"language": "en"}, "parameters": {}}', encoding="utf-8")
    return str(bad)


# command -> (args of a good input, its exit code), (args of a bad input, its exit code)
Case = Callable[[Path], tuple[list[str], int]]
DRAFT_BODY = Path(__file__).resolve().parent / "draft" / "data" / "body_akimat.yaml"

CASES: dict[str, tuple[Case, Case]] = {
    "parse": (
        lambda t: (["parse", str(SEED), "--structure-only", "-o", str(t / "p.json")], 0),
        lambda t: (["parse", str(t / "missing.txt")], 2),
    ),
    "catalogue": (
        lambda t: (["catalogue", "build", str(_mini_corpus(t)), "-o", str(t / "cat")], 0),
        lambda t: (["catalogue", "build", str(t / "no-corpus"), "-o", str(t / "cat")], 2),
    ),
    "forms": (
        lambda t: (["forms", str(CATS / "kk_2025.json"), "--lang", "kk", "-o", str(t / "forms")], 0),
        lambda t: (["forms", _bad_json(t), "-o", str(t / "forms")], 2),
    ),
    "fill": (
        lambda t: (["fill", str(CATS / "ru_2025.json"), "--template", str(t / "in.xlsx")], 0),
        lambda t: (["fill", _bad_json(t), "--template", str(t / "in.xlsx")], 2),
    ),
    "report360": (
        lambda t: (
            [
                "report360",
                "--catalogue",
                str(CATS_B / "cat_000_2018_kpi360_kk.json"),
                "--template",
                str(t / "a.xlsx"),
            ],
            0,
        ),
        lambda t: (["report360", "--catalogue", str(CATS_B / "cat_000_2018_kpi360_kk.json")], 2),
    ),
    "protocol": (
        lambda t: (
            [
                "protocol",
                "calibration",
                "--catalogue",
                str(CATS_B / "cat_004_2025_ru.json"),
                "--data",
                str(SAMPLES / "calibration_session_ru.yaml"),
                "-o",
                str(t / "p.docx"),
            ],
            0,
        ),
        lambda t: (
            [
                "protocol",
                "calibration",
                "--data",
                str(SAMPLES / "calibration_session_ru.yaml"),
                "-o",
                str(t / "p.docx"),
            ],
            2,
        ),
    ),
    # --exit-code: 1 when the versions differ, through click like every other status
    "diff": (
        lambda t: (["diff", str(CATS / "kk_2018.json"), str(CATS / "kk_2025.json"), "--exit-code"], 1),
        lambda t: (["diff", str(t / "missing.json"), str(CATS / "kk_2025.json")], 2),
    ),
    # 1 = the act has error findings (the report's point), read with the catalogue loader
    "check": (
        lambda t: (["check", str(SEED), "--catalogue", str(EXPECTED_002), "--as-of", "2026-06-01"], 1),
        lambda t: (["check", str(SEED), "--catalogue", _bad_json(t)], 2),
    ),
    # a body's methodology from the model text; a body file without its name is bad input
    "amend": (
        lambda t: (["amend", str(SEED), "--set", "min_tenure=2", "-o", str(t / "a")], 0),
        lambda t: (["amend", str(SEED), "--set", "no_such_key=2", "-o", str(t / "a")], 2),
    ),
    "draft": (
        lambda t: (
            ["draft", "--model", "E4", "--body", str(DRAFT_BODY), "--lang", "ru", "-o", str(t / "d")],
            0,
        ),
        lambda t: (["draft", "--model", "E4", "--body", str(t / "missing.yaml"), "-o", str(t / "d")], 2),
    ),
    # the web page: a good run would serve until stopped, so its help; an open address needs a token
    "serve": (
        lambda t: (["serve", "--help"], 0),
        lambda t: (["serve", "--host", "0.0.0.0"], 2),
    ),
    "run-corpus": (
        lambda t: (["run-corpus", str(_mini_corpus(t)), "-o", str(t / "out")], 0),
        lambda t: (["run-corpus", str(t / "no-corpus"), "-o", str(t / "out")], 2),
    ),
}


def test_every_command_has_cases() -> None:
    assert set(CASES) == set(COMMANDS)


def _subprocess(args: list[str], cwd: Path) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "docgen", *args], cwd=cwd, env=env, capture_output=True, timeout=300
    ).returncode


@pytest.mark.parametrize("command", sorted(CASES))
def test_in_process_and_real_program_agree(command: str, tmp_path: Path) -> None:
    jobs = []
    for i, case in enumerate(CASES[command]):
        for how in ("runner", "program"):
            work = tmp_path / f"{i}-{how}"
            work.mkdir()
            args, expected = case(work)
            jobs.append((how, args, expected, work))
    with ThreadPoolExecutor(max_workers=2) as pool:
        programs = [
            (args, pool.submit(_subprocess, args, w), exp) for how, args, exp, w in jobs if how == "program"
        ]
        for how, args, expected, _ in jobs:
            if how == "runner":
                res = CliRunner().invoke(cli, args)
                assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
                assert res.exit_code == expected, (args, res.output)
        # both give the expected code, so the in-process runner and the real program agree
        for args, fut, expected in programs:
            assert fut.result() == expected, args


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_is_lazy(flag: str) -> None:
    code = (
        "import sys\n"
        "from docgen.cli import main\n"
        f"sys.argv = ['docgen', '{flag}']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('docgen.commands.', 'spacy', 'pymorphy3')))\n"
        "assert not loaded, loaded\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    for name in COMMANDS:
        assert name in proc.stdout


def test_docgen_error_exits_through_click_with_one_line(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["forms", _bad_json(tmp_path), "-o", str(tmp_path / "o")])
    assert res.exit_code == 2 and res.exception is None or isinstance(res.exception, SystemExit)
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "bad.json" in lines[0] and "$.document.language" in lines[0]


@pytest.mark.parametrize("both", [True, False])
def test_methodology_and_catalogue_exactly_one(tmp_path: Path, both: bool) -> None:
    args = ["report360", "--template", str(tmp_path / "a.xlsx")]
    if both:
        args += [str(CATS / "kk_2018.json"), "--catalogue", str(CATS_B / "cat_000_2018_kpi360_kk.json")]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 2 and "что-то одно" in res.output
    assert not (tmp_path / "a.xlsx").exists()
