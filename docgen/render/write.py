"""Rendering stage: writing rendered documents atomically, many at a time.

Consumes DOCX bytes and a target path; produces the file. Every document is written to a hidden
temporary file in the target folder and renamed over the final name, so an interruption never
leaves a half-written ``.docx`` under its final name (at most a ``.docgen-<pid>-<n>.<name>.tmp``
file, which :func:`clean_stale_temps` removes on a later run once process ``<pid>`` is gone). ``durable=True`` also fsyncs each file; a batch
instead calls :func:`sync_dir` once at the end, which keeps the batch fast.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path

from .._atomic import TMP_NAME, pid_alive, replace_bytes, write_bytes


def write_atomic(
    path: str | os.PathLike[str], data: bytes | Sequence[bytes], *, force: bool, durable: bool = False
) -> None:
    """Write ``data`` (bytes or consecutive pieces) atomically (see :mod:`docgen._atomic`); not
    fsynced unless ``durable``."""
    if force and not durable:
        replace_bytes(os.fspath(path), data)
    else:
        write_bytes(path, data if isinstance(data, bytes) else b"".join(data), force=force, durable=durable)


def clean_stale_temps(folder: str | os.PathLike[str]) -> int:
    """Remove docgen's own temporary files that a dead process left behind; return how many.

    Only names docgen itself creates (``.docgen-<pid>-<n>.<name>.tmp``) are considered, and only
    those whose process is gone: a user's ``.notes.tmp`` and a running docgen's temporaries stay.
    """
    n = 0
    d = Path(folder)
    if not d.is_dir():
        return 0
    alive: dict[int, bool] = {}
    for entry in d.iterdir():
        m = TMP_NAME.match(entry.name)
        if m is None:
            continue
        pid = int(m.group("pid"))
        if pid not in alive:
            alive[pid] = pid != os.getpid() and pid_alive(pid)  # own pid: a former holder's leftovers
        if alive[pid] or not entry.is_file() or entry.is_symlink():
            continue
        with contextlib.suppress(FileNotFoundError):
            entry.unlink()
            n += 1
    return n


def sync_dir(folder: str | os.PathLike[str]) -> None:
    """Flush the files written into the folder and its directory entries: ``syncfs`` of the folder's
    file system where the C library has it (Linux), else ``os.sync`` of every file system -- so a
    batch written to tmpfs does not wait for other programs' writes to a disk."""
    try:
        fd = os.open(os.fspath(folder), os.O_RDONLY)
    except OSError:
        os.sync()
        return
    try:
        if not _syncfs(fd):
            os.sync()
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _syncfs(fd: int) -> bool:
    """``syncfs(fd)``; False where the C library has no such call (or it failed)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.syncfs(fd) == 0)
    except (OSError, AttributeError):
        return False
