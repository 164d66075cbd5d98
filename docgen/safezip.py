"""Reading stage helper: vet and read untrusted zip containers (.docx, .xlsx) safely.

Consumes a path to a file that claims to be a zip archive; produces an open :class:`zipfile.ZipFile`
whose central directory passed the checks below, and member bytes read with a hard size limit.

Refused (``UnsafeInputError`` with ``path=`` and ``where=`` the member name): not a zip, too many
members (checked from the end-of-central-directory record *before* the directory is parsed), member
names that are absolute, contain ``..``, backslashes, NUL or control characters or a drive letter,
case-insensitive duplicates, encrypted members, unsupported compression methods, overlapping member
data (the "overlapped files" bomb), declared sizes over the limits and compression ratios over
``max_ratio``. Header sizes are never trusted alone: :func:`read_member` and :func:`vet_zip` stream
the decompression in chunks and stop as soon as the limit is passed, so memory stays bounded.
"""

from __future__ import annotations

import os
import re
import stat
import struct
import zipfile
import zlib
from pathlib import Path

from .errors import InputError, UnsafeInputError

CHUNK = 64 * 1024
# A member smaller than this cannot hurt, so its compression ratio is not judged (tiny XML parts of a
# .docx routinely compress 50-300x).
RATIO_MIN_SIZE = 1_000_000
_EOCD_SIG = b"PK\x05\x06"
_ZIP64_LOCATOR_SIG = b"PK\x06\x07"
_ZIP64_EOCD_SIG = b"PK\x06\x06"
_ALLOWED_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}
_DRIVE_RE = re.compile(r"^[A-Za-z]:")


def _refuse(path: str | os.PathLike[str], message: str, where: str | None = None) -> UnsafeInputError:
    return UnsafeInputError(message, path=str(path), where=where)


def _declared_entry_count(path: Path) -> int:
    """Number of central-directory entries declared by the (zip64) end record; -1 if none found."""
    size = path.stat().st_size
    tail_len = min(size, 22 + 65535)
    with path.open("rb") as fh:
        fh.seek(size - tail_len)
        tail = fh.read(tail_len)
        pos = tail.rfind(_EOCD_SIG)
        if pos < 0 or pos + 22 > len(tail):
            return -1
        (entries,) = struct.unpack("<H", tail[pos + 10 : pos + 12])
        if entries != 0xFFFF:
            return int(entries)
        loc = pos - 20
        if loc < 0 or tail[loc : loc + 4] != _ZIP64_LOCATOR_SIG:
            return int(entries)
        (rec_offset,) = struct.unpack("<Q", tail[loc + 8 : loc + 16])
        if rec_offset + 56 > size:
            return -1
        fh.seek(rec_offset)
        rec = fh.read(56)
        if rec[:4] != _ZIP64_EOCD_SIG:
            return -1
        (total,) = struct.unpack("<Q", rec[32:40])
        return int(total)


def _check_name(path: Path, info: zipfile.ZipInfo) -> None:
    raw = info.orig_filename  # before zipfile cut it at a NUL
    shown = raw.encode("unicode_escape").decode("ascii")
    if not raw:
        raise _refuse(path, "zip member with an empty name", where="<empty>")
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in raw):
        raise _refuse(path, "zip member name contains NUL or control characters", where=shown)
    if "\\" in raw:
        raise _refuse(path, "zip member name contains a backslash", where=shown)
    if raw.startswith("/"):
        raise _refuse(path, "zip member name is an absolute path", where=shown)
    if _DRIVE_RE.match(raw):
        raise _refuse(path, "zip member name starts with a drive letter", where=shown)
    if ".." in raw.split("/"):
        raise _refuse(path, "zip member name contains '..' (path traversal)", where=shown)


def _check_members(
    path: Path,
    zf: zipfile.ZipFile,
    *,
    max_members: int,
    max_total_uncompressed: int,
    max_ratio: float,
    max_member_size: int,
) -> None:
    infos = zf.infolist()
    if len(infos) > max_members:
        raise _refuse(path, f"zip archive has {len(infos)} members (limit {max_members})")
    seen: set[str] = set()
    total = 0
    spans: list[tuple[int, int, str]] = []
    for info in infos:
        _check_name(path, info)
        name = info.orig_filename
        key = name.casefold()
        if key in seen:
            raise _refuse(path, "duplicate zip member name (case-insensitive)", where=name)
        seen.add(key)
        if info.flag_bits & 0x1:
            raise _refuse(path, "encrypted zip member", where=name)
        if info.compress_type not in _ALLOWED_METHODS:
            raise _refuse(path, f"unsupported zip compression method {info.compress_type}", where=name)
        if info.file_size > max_member_size:
            raise _refuse(
                path, f"zip member declares {info.file_size} bytes (limit {max_member_size})", where=name
            )
        total += info.file_size
        if total > max_total_uncompressed:
            raise _refuse(
                path,
                f"zip archive declares over {max_total_uncompressed} uncompressed bytes (zip bomb?)",
                where=name,
            )
        if info.file_size > RATIO_MIN_SIZE and info.file_size > max_ratio * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise _refuse(
                path,
                f"zip member compression ratio {ratio:.0f} exceeds {max_ratio:g} (zip bomb?)",
                where=name,
            )
        spans.append((info.header_offset, info.header_offset + 30 + info.compress_size, name))
    spans.sort()
    for (_start_a, end_a, name_a), (start_b, _end_b, _name_b) in zip(spans, spans[1:], strict=False):
        if end_a > start_b:
            raise _refuse(path, "zip members overlap (overlapped-entries zip bomb?)", where=name_a)
    start_dir = getattr(zf, "start_dir", None)
    if spans and isinstance(start_dir, int) and spans[-1][1] > start_dir:
        raise _refuse(path, "zip member data overlaps the central directory", where=spans[-1][2])


def open_safe_zip(
    path: str | os.PathLike[str],
    *,
    max_members: int = 2000,
    max_total_uncompressed: int = 200_000_000,
    max_ratio: float = 200,
    max_member_size: int = 100_000_000,
) -> zipfile.ZipFile:
    """Open ``path`` as a zip after vetting its central directory; the caller closes it."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError("no such file", path=str(p)) from None
    except OSError as exc:
        raise InputError(f"cannot access file ({exc.strerror})", path=str(p)) from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file", path=str(p))
    declared = _declared_entry_count(p)
    if declared < 0:
        raise _refuse(p, "not a zip archive (no end-of-central-directory record)")
    if declared > max_members:
        raise _refuse(p, f"zip archive declares {declared} members (limit {max_members})")
    try:
        zf = zipfile.ZipFile(p, "r")
    except (zipfile.BadZipFile, zlib.error, ValueError, struct.error, EOFError) as exc:
        raise _refuse(p, f"not a valid zip archive ({exc})") from None
    except NotImplementedError as exc:
        raise _refuse(p, f"unsupported zip archive ({exc})") from None
    try:
        _check_members(
            p,
            zf,
            max_members=max_members,
            max_total_uncompressed=max_total_uncompressed,
            max_ratio=max_ratio,
            max_member_size=max_member_size,
        )
    except BaseException:
        zf.close()
        raise
    return zf


def _stream(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, keep: bool) -> bytes:
    """Decompress ``info`` chunk by chunk, refusing once more than ``limit`` bytes come out."""
    path = zf.filename or "<zip>"
    name = info.orig_filename
    if info.file_size > limit:
        raise _refuse(path, f"zip member declares {info.file_size} bytes (limit {limit})", where=name)
    parts: list[bytes] = []
    got = 0
    try:
        with zf.open(info, "r") as fh:
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                got += len(chunk)
                if got > limit or got > info.file_size:
                    raise _refuse(
                        path, f"zip member inflates beyond {min(limit, info.file_size)} bytes", where=name
                    )
                if keep:
                    parts.append(chunk)
    except UnsafeInputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, struct.error) as exc:
        raise _refuse(path, f"corrupt zip member ({exc})", where=name) from None
    except NotImplementedError as exc:
        raise _refuse(path, f"unsupported zip member ({exc})", where=name) from None
    if got != info.file_size:
        raise _refuse(path, "zip member size differs from its header", where=name)
    return b"".join(parts)


def read_member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """Bytes of member ``name`` (exact name), at most ``limit`` bytes, decompressed in chunks."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise InputError("zip member is missing", path=zf.filename or "<zip>", where=name) from None
    return _stream(zf, info, limit, keep=True)


def vet_zip(
    path: str | os.PathLike[str],
    *,
    max_members: int = 2000,
    max_total_uncompressed: int = 200_000_000,
    max_ratio: float = 200,
    max_member_size: int = 100_000_000,
) -> None:
    """Vet a whole archive (e.g. an .xlsx before openpyxl opens it): headers, then every member's
    actual decompressed size and CRC, streamed. Raises ``UnsafeInputError``; returns None if safe."""
    with open_safe_zip(
        path,
        max_members=max_members,
        max_total_uncompressed=max_total_uncompressed,
        max_ratio=max_ratio,
        max_member_size=max_member_size,
    ) as zf:
        for info in zf.infolist():
            _stream(zf, info, max_member_size, keep=False)
