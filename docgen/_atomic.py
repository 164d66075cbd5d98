"""Atomic file writes: write to a temporary file in the same folder, fsync, then rename.

Nothing half-written is ever left under the final name. ``force=False`` refuses to overwrite.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import OutputExistsError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_writable(path: str | os.PathLike[str], force: bool) -> None:
    p = Path(path)
    if p.exists() and not force:
        raise OutputExistsError("output exists; use --force to overwrite", path=str(p))


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "wb", *, force: bool = True) -> Iterator[IO]:  # type: ignore[type-arg]
    p = Path(path)
    check_writable(p, force)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=str(p.parent))
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp creates 0600; outputs get the usual permissions
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes, *, force: bool = True) -> None:
    with atomic_open(path, "wb", force=force) as fh:
        fh.write(data)


def write_text(path: str | os.PathLike[str], text: str, *, force: bool = True) -> None:
    with atomic_open(path, "w", force=force) as fh:
        fh.write(text)
