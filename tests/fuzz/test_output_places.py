"""Issue 13, case 8: an output path under a file, or a folder docgen may not write to, is refused in
one line naming the user's path (never docgen's temporary name), exit 2 instead of 70."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from fuzzkit import ROOT, assert_clean, run_cli

from docgen import _atomic

METHOD = next(ROOT.glob("legal_corpus/acts/*/004_*.txt"))
CATALOGUE = next((ROOT / "tests" / "data" / "expected").glob("004_*.json"))
ROWS = ROOT / "legal_corpus" / "samples" / "sheets_2026Q1_ru.csv"


def _commands(target: Path) -> dict[str, list[str]]:
    return {
        "parse": ["parse", "--structure-only", str(METHOD), "-o", str(target / "x.json")],
        "check": ["check", str(METHOD), "-o", str(target / "x.txt")],
        "diff": ["diff", "--no-rules", str(METHOD), str(METHOD), "-o", str(target / "x.txt")],
        "forms": ["forms", str(CATALOGUE), "--lang", "ru", "-o", str(target / "forms")],
        "template": ["fill", str(CATALOGUE), "--template", str(target / "t.xlsx")],
        "fill": ["fill", str(CATALOGUE), "--data", str(ROWS), "-o", str(target / "out"), "--lang", "ru"],
    }


@pytest.mark.parametrize("command", sorted(_commands(Path("."))))
def test_output_under_a_file_is_refused_in_one_line(command: str, tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("keep", encoding="utf-8")
    r = run_cli(_commands(afile)[command])
    assert_clean(r, input_bytes=0)
    assert r.code == 2 and str(afile) in r.err and ".tmp" not in r.err
    assert any(w in r.err for w in ("не является папкой", "уже есть файл", "это не папка"))
    assert afile.read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize("command", ["parse", "check", "diff"])
def test_read_only_output_folder_is_refused_in_one_line(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # tests may run as root, for whom chmod does not make a folder read-only: refuse the way the OS does
    def refuse(p: Path) -> tuple[int, str]:
        name = os.path.join(p.parent, f".docgen-{os.getpid()}-0.{p.name}.tmp")
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)

    monkeypatch.setattr(_atomic, "open_tmp", refuse)
    r = run_cli(_commands(tmp_path)[command])
    assert_clean(r, input_bytes=0)
    assert r.code == 2 and "нет прав доступа" in r.err and "қол жеткізу құқығы жоқ" in r.err
    assert str(tmp_path / "x.") in r.err and ".tmp" not in r.err
    assert not any(tmp_path.iterdir())
