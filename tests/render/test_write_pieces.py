"""Writing a document from its pieces (``os.writev``) gives the same file as writing the joined
bytes, also when the system writes only part of them at first; no temporary file is left."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from docgen.errors import OutputExistsError
from docgen.render.write import write_atomic

PIECES = (b"PK\x03\x04static", b"", b"local", b"x" * 70_000, b"central", b"end")


def test_pieces_equal_joined(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.docx", PIECES, force=True)
    write_atomic(tmp_path / "b.docx", b"".join(PIECES), force=True)
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes() == b"".join(PIECES)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.docx"]


@pytest.mark.parametrize("written", [0, 3, 20, 70_010])
def test_short_writev_finishes(tmp_path: Path, monkeypatch: Any, written: int) -> None:
    real = os.writev

    def short(fd: int, buffers: Any) -> int:
        data = b"".join(buffers)[:written]
        return real(fd, [data]) if data else 0

    monkeypatch.setattr(os, "writev", short)
    write_atomic(tmp_path / "a.docx", PIECES, force=True)
    assert (tmp_path / "a.docx").read_bytes() == b"".join(PIECES)
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_pieces_without_force_refuse_existing(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"old")
    with pytest.raises(OutputExistsError):
        write_atomic(tmp_path / "a.docx", PIECES, force=False)
    assert (tmp_path / "a.docx").read_bytes() == b"old"
