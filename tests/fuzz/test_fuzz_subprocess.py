"""The same contract in a real process (``python -m docgen``): nothing but docgen's one line reaches
stderr, whatever the interpreter, spaCy or a worker process would print on the way out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fuzzkit import ROOT, SEEDS, Run, assert_clean

LANGS = ROOT / "tests" / "data" / "languages"
CATALOGUE = next((ROOT / "tests" / "data" / "expected").glob("004_*.json"))


def _run(args: list[str], cwd: Path) -> Run:
    import time

    env = {k: v for k, v in os.environ.items() if k != "DOCGEN_DEBUG"}
    t0 = time.monotonic()
    p = subprocess.run(
        [sys.executable, "-m", "docgen", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )
    return Run(tuple(args), p.returncode, p.stdout, p.stderr, time.monotonic() - t0)


def _mutated_seed() -> str:
    text = SEEDS[0].read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    mid = len(lines) // 2
    return "".join(lines[:mid] + lines[mid - 20 : mid] * 3 + lines[mid:])[: len(text)]


CASES = {
    "random_bytes": (b"\x00\x9f\xff" * 300 + bytes(range(256)), "act.txt", ["parse"]),
    "english": ((LANGS / "en.txt").read_bytes(), "act.txt", ["parse"]),
    "fake_docx": (b"PK\x03\x04" + b"\x00" * 500, "act.docx", ["check"]),
    "mutated_seed": (_mutated_seed().encode("utf-8"), "act.txt", ["parse", "--structure-only"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_real_process(case: str, tmp_path: Path) -> None:
    data, name, command = CASES[case]
    (tmp_path / name).write_bytes(data)
    out = tmp_path / "out.json"
    r = _run([*command, name, "-o", str(out)], tmp_path)
    assert_clean(r, input_bytes=len(data), output=out)


def test_real_process_fill_with_broken_rows(tmp_path: Path) -> None:
    data = "full_name,score_1\nИванов,\u00ab5\u00bb\n,,,,\n=1+2,4.5;\n".encode()
    (tmp_path / "rows.csv").write_bytes(data)
    r = _run(["fill", str(CATALOGUE), "--data", "rows.csv", "-o", "out", "--lang", "ru"], tmp_path)
    assert_clean(r, input_bytes=len(data), out_dir=tmp_path / "out")
