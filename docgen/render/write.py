"""Rendering stage: writing rendered documents atomically, many at a time.

Consumes DOCX bytes and a target path; produces the file. Every document is written to a hidden
temporary file in the target folder and renamed over the final name, so an interruption never
leaves a half-written ``.docx`` under its final name (at most a ``.<name>.*.tmp`` file, which
:func:`clean_stale_temps` removes on the next run). ``durable=True`` also fsyncs each file; a batch
instead calls :func:`sync_dir` once at the end, which keeps the batch fast.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from .._atomic import write_bytes

TMP_SUFFIX = ".tmp"


def write_atomic(path: str | os.PathLike[str], data: bytes, *, force: bool, durable: bool = False) -> None:
    """Write ``data`` atomically (see :mod:`docgen._atomic`); not fsynced unless ``durable``."""
    write_bytes(path, data, force=force, durable=durable)


def clean_stale_temps(folder: str | os.PathLike[str]) -> int:
    """Remove temporary files an interrupted run left behind; return how many."""
    n = 0
    d = Path(folder)
    if not d.is_dir():
        return 0
    for entry in d.iterdir():
        if entry.name.startswith(".") and entry.name.endswith(TMP_SUFFIX) and entry.is_file():
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
                n += 1
    return n


def sync_dir(folder: str | os.PathLike[str]) -> None:
    """Flush the folder's directory entries (and, through ``os.sync``, the files written)."""
    os.sync()
    with contextlib.suppress(OSError):
        fd = os.open(os.fspath(folder), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
