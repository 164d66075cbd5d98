"""The same contract in a real process (``python -m docgen``): nothing but docgen's one line reaches
stderr, whatever the interpreter, spaCy or a worker process would print on the way out."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fuzzkit import ROOT, SEEDS, Run, assert_clean

LANGS = ROOT / "tests" / "data" / "languages"
CATALOGUE = next((ROOT / "tests" / "data" / "expected").glob("004_*.json"))


def _run(args: list[str], cwd: Path) -> Run:
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


def test_sigkill_of_fill_leaves_no_worker_writing_and_no_traceback(tmp_path: Path) -> None:
    """Issue 13, case 8: after SIGKILL of ``docgen fill`` its pool workers stop at once, silently."""
    import csv
    import io
    import signal

    header, *rows = list(
        csv.reader(
            io.StringIO(
                (ROOT / "legal_corpus" / "samples" / "sheets_2026Q1_ru.csv").read_text(encoding="utf-8")
            )
        )
    )
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    for i in range(3000):
        w.writerow([f"{rows[i % len(rows)][0]} {i}", *rows[i % len(rows)][1:]])
    (tmp_path / "rows.csv").write_text(buf.getvalue(), encoding="utf-8")
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k != "DOCGEN_DEBUG"}
    args = ["fill", str(CATALOGUE), "--data", "rows.csv", "-o", "out", "--lang", "ru"]
    p = subprocess.Popen(
        [sys.executable, "-m", "docgen", *args], cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        t0 = time.monotonic()
        while not (out.is_dir() and any(out.glob("*.docx"))):
            assert p.poll() is None and time.monotonic() - t0 < 120, "fill ended before it could be killed"
            time.sleep(0.02)
    finally:
        p.send_signal(signal.SIGKILL)
    _, err = p.communicate(timeout=60)
    time.sleep(1.0)
    done = sorted(out.glob("*.docx"))
    time.sleep(1.0)
    assert sorted(out.glob("*.docx")) == done, "workers went on writing after their parent was killed"
    assert len(done) < 3000 and "Traceback" not in err, err[-2000:]
