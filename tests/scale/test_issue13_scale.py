"""Issue 13, cases 1-3: work grows linearly with the input, over-long inputs are refused with one line
(exit 2) or processed in pieces, never exit 70. Work is counted (traced lines, comparisons), never timed:
speed itself is measured in ``bench/scale_bench.py``."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

from docgen.check import script
from docgen.check.context import Ctx
from docgen.commands.parse import parse_document

ROOT = Path(__file__).resolve().parents[2]
SEED_RU = next((ROOT / "legal_corpus" / "acts" / "wko-akimat-53").glob("*.txt"))
DOCGEN = str(Path(ROOT / "docgen").resolve())


def traced_lines(fn: Any, *args: Any) -> int:
    """Number of Python lines of docgen's own code executed by ``fn(*args)`` (a deterministic measure
    of work: every loop iteration, generator step and comparison chain inside docgen counts)."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def global_(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(DOCGEN) else None

    sys.settrace(global_)
    try:
        fn(*args)
    finally:
        sys.settrace(None)
    return count


def _doc_with_line(tmp_path: Path, words: int) -> Ctx:
    """The seed methodology with one extra line of ``words`` Latin position codes and plain words
    at the end of its last point (each code is a span the word scan has to skip)."""
    text = SEED_RU.read_text(encoding="utf-8").rstrip("\n")
    path = tmp_path / f"line{words}.txt"
    path.write_text(text + " " + " ".join(["C-4 слово"] * words) + "\n", encoding="utf-8")
    doc = parse_document(str(path))
    return Ctx(doc, doc.language)


def test_case1_check_is_linear(tmp_path: Path) -> None:
    zero, small, large = (
        traced_lines(script.typography, _doc_with_line(tmp_path, n)) for n in (0, 400, 1600)
    )
    # four times the codes and words: about four times the extra work (a word-by-span test gives ~16x)
    ratio = (large - zero) / (small - zero)
    assert 3 < ratio < 5, (zero, small, large)


def test_case1_outside_spans_sweeps_once() -> None:
    import re

    text = "ab C-4 cd " * 1000
    spans = [(m.start(), m.end()) for m in re.finditer(r"C-4", text)]
    words = list(re.finditer(r"\S+", text))
    kept = [m.group(0) for m in script.outside_spans(iter(words), spans)]
    assert kept == ["ab", "cd"] * 1000
