"""docgen.safezip: hostile zips are refused fast, in bounded memory, naming file and member."""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from docgen.errors import InputError, UnsafeInputError
from docgen.safezip import open_safe_zip, read_member, vet_zip

from .zipkit import Member, build_zip


def _refused(path: Path, **kw: Any) -> UnsafeInputError:
    t0 = time.perf_counter()
    with pytest.raises(UnsafeInputError) as ei:
        vet_zip(path, **kw)
    assert time.perf_counter() - t0 < 2.0
    assert str(path) in str(ei.value)
    return ei.value


def test_valid_zip_reads_exact_member(tmp_path: Path) -> None:
    data = "Қазақ тілі\n".encode() * 100
    p = build_zip(tmp_path / "ok.zip", [Member(b"a.xml", data), Member(b"dir/b.txt", b"x", deflate=False)])
    vet_zip(p)
    with open_safe_zip(p) as zf:
        assert read_member(zf, "a.xml", 10_000) == data
        assert read_member(zf, "dir/b.txt", 1) == b"x"
        with pytest.raises(InputError) as ei:
            read_member(zf, "missing.xml", 100)
        assert ei.value.where == "missing.xml"
        with pytest.raises(UnsafeInputError):
            read_member(zf, "a.xml", 100)  # over the caller's limit


def test_not_a_zip(tmp_path: Path) -> None:
    p = tmp_path / "fake.docx"
    p.write_text("plain text, not a zip", encoding="utf-8")
    err = _refused(p)
    assert "not a zip" in err.message


@pytest.mark.parametrize(
    "name",
    [
        b"../evil.xml",
        b"word/../../evil.xml",
        b"/etc/passwd",
        b"C:/x.xml",
        b"c:evil",
        b"word\\evil.xml",
        b"a\x00b.xml",
        b"a\x01b.xml",
        b"a\nb.xml",
    ],
)
def test_bad_member_names(tmp_path: Path, name: bytes) -> None:
    p = build_zip(tmp_path / "bad.zip", [Member(b"ok.xml", b"<a/>"), Member(name, b"<b/>")])
    err = _refused(p)
    assert err.where is not None and err.where != "ok.xml"


def test_duplicate_names_case_insensitive(tmp_path: Path) -> None:
    p = build_zip(
        tmp_path / "dup.zip", [Member(b"word/document.xml", b"<a/>"), Member(b"WORD/Document.xml", b"<b/>")]
    )
    err = _refused(p)
    assert "duplicate" in err.message
    p2 = build_zip(tmp_path / "dup2.zip", [Member(b"x.xml", b"<a/>"), Member(b"x.xml", b"<b/>")])
    assert "duplicate" in _refused(p2).message


def test_too_many_members(tmp_path: Path) -> None:
    p = build_zip(
        tmp_path / "many.zip", [Member(f"f{i}.txt".encode(), b"x", deflate=False) for i in range(2001)]
    )
    assert "2001" in _refused(p).message
    small = build_zip(tmp_path / "six.zip", [Member(f"f{i}".encode(), b"x") for i in range(6)])
    _refused(small, max_members=5)
    vet_zip(small, max_members=6)


def test_declared_10gb_refused_fast_without_allocating(tmp_path: Path) -> None:
    p = build_zip(tmp_path / "ten.zip", [Member(b"big.bin", b"\0" * 1000, declared_size=10 * 2**30)])
    tracemalloc.start()
    try:
        err = _refused(p)
        _cur, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000
    assert err.where == "big.bin"


def test_total_declared_over_limit(tmp_path: Path) -> None:
    members = [Member(f"m{i}".encode(), b"\0" * 10, declared_size=60_000_000) for i in range(4)]
    p = build_zip(tmp_path / "total.zip", members)
    err = _refused(p, max_ratio=10**9)
    assert "uncompressed" in err.message


def test_real_ratio_bomb(tmp_path: Path) -> None:
    p = tmp_path / "bomb.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * 20_000_000)  # ~20 KB compressed, ratio ~1000
    assert p.stat().st_size < 100_000
    err = _refused(p)
    assert "ratio" in err.message and err.where == "word/document.xml"


def test_small_compressible_member_is_fine(tmp_path: Path) -> None:
    p = tmp_path / "styles.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/styles.xml", b" " * 500_000)  # ratio ~1000 but tiny: harmless
    vet_zip(p)


def test_lying_size_header_is_not_trusted(tmp_path: Path) -> None:
    p = build_zip(tmp_path / "liar.zip", [Member(b"doc.xml", b"\0" * 3_000_000, declared_size=1000)])
    with open_safe_zip(p) as zf, pytest.raises(UnsafeInputError) as ei:
        read_member(zf, "doc.xml", 10_000_000)
    assert ei.value.where == "doc.xml"
    _refused(p)


def test_encrypted_member_refused(tmp_path: Path) -> None:
    p = build_zip(tmp_path / "enc.zip", [Member(b"secret.xml", b"<a/>", flags=0x801)])
    assert "encrypted" in _refused(p).message


def test_overlapping_entries_refused(tmp_path: Path) -> None:
    data = b"<a>" + b"x" * 5000 + b"</a>"
    p = build_zip(tmp_path / "overlap.zip", [Member(b"a.xml", data), Member(b"b.xml", data, cd_offset=0)])
    assert "overlap" in _refused(p).message


def test_vet_real_xlsx(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["Аты-жөні", 5])
    p = tmp_path / "rows.xlsx"
    wb.save(p)
    vet_zip(p)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        open_safe_zip(tmp_path / "nope.zip")
    with pytest.raises(InputError):
        open_safe_zip(tmp_path)
