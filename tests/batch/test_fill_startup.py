"""What a warm ``docgen fill`` loads (work counted, never timed; speed is in bench/fill_bench.py): with
the catalogue and the template bodies cached, the whole command renders its sheets without importing
spaCy, the .docx/HTML readers (lxml), python-docx, docxtpl, openpyxl (for CSV data) or
importlib.metadata."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .test_fill import GOOD, write_csv

ROOT = Path(__file__).resolve().parents[2]
ACT = ROOT / "legal_corpus" / "acts" / "wko-akimat-53" / "004_cb6464f9152e2bf0.txt"
HEAVY = [
    "spacy",
    "lxml",
    "docx",
    "docxtpl",
    "openpyxl",
    "importlib.metadata",
    "docgen.extract",
    "docgen.reading.docx",
]

PROBE = """
import json, sys
from docgen.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print(json.dumps({"code": code, "loaded": sorted(m for m in HEAVY if m in sys.modules)}))
"""


def _fill(cache: Path, data: Path, out: Path) -> dict[str, object]:
    env = dict(os.environ, DOCGEN_CACHE_DIR=str(cache))
    env.pop("DOCGEN_NO_CACHE", None)
    code = f"HEAVY = {HEAVY!r}\n{PROBE}"
    res = subprocess.run(
        [sys.executable, "-c", code, "fill", str(ACT), "--data", str(data), "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr
    result: dict[str, object] = json.loads(res.stdout.strip().splitlines()[-1])
    return result


def test_warm_fill_imports_no_parser_or_docx_library(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    data = write_csv(tmp_path / "data.csv", GOOD)
    cold = _fill(cache, data, tmp_path / "cold")
    assert cold["code"] == 0
    assert "spacy" in cold["loaded"]  # type: ignore[operator]  # the cold run extracts: the probe sees it
    warm = _fill(cache, data, tmp_path / "warm")
    assert warm == {"code": 0, "loaded": []}
    assert len(list((tmp_path / "warm").glob("*.docx"))) == len(GOOD)


def test_chunks_keep_every_worker_busy() -> None:
    from docgen.batch.run import CHUNK, MIN_CHUNK, chunk_size

    assert chunk_size(None, 2) == CHUNK and chunk_size(100_000, 2) == CHUNK and chunk_size(5000, 1) == CHUNK
    for nrows in (30, 300, 2000, 5000):
        size = chunk_size(nrows, 2)
        assert MIN_CHUNK <= size <= CHUNK
        assert -(-nrows // size) >= min(8, -(-nrows // MIN_CHUNK))  # four chunks per worker when rows allow
