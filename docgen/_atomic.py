"""Atomic file writes: write to a hidden temporary file in the same folder, then rename it.

Nothing half-written is ever left under the final name (at most a ``.docgen-<pid>-<n>.<name>.tmp``
file, which ``docgen.render.write.clean_stale_temps`` removes once process ``<pid>`` is gone; no other
name is ever cleaned, so a user's own ``.*.tmp`` files are safe). ``force=False`` refuses to overwrite. ``durable``
fsyncs each file; a batch of thousands instead syncs the folder once at the end.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from .errors import OutputExistsError


def check_writable(path: str | os.PathLike[str], force: bool) -> None:
    p = Path(path)
    if p.exists() and not force:
        raise OutputExistsError("output exists; use --force to overwrite", path=str(p))


_counter = itertools.count()
TMP_PREFIX = ".docgen-"
TMP_SUFFIX = ".tmp"
# .docgen-<pid>-<n>.<name>.tmp: the only names docgen's clean-up ever removes
TMP_NAME = re.compile(r"^\.docgen-(?P<pid>\d{1,10})-\d{1,20}\..+\.tmp$", re.DOTALL)


def open_tmp(p: Path) -> tuple[int, str]:
    """Create ``.docgen-<pid>-<n>.<name>.tmp`` beside ``p`` (O_EXCL; mode 0666 less the umask)."""
    return open_tmp_in(os.fspath(p.parent), p.name)


_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def open_tmp_in(folder: str, name: str) -> tuple[int, str]:
    """:func:`open_tmp` for the file ``name`` in ``folder`` (plain strings, no path objects)."""
    for _ in range(100):
        tmp = os.path.join(folder, f"{TMP_PREFIX}{os.getpid()}-{next(_counter)}.{name}{TMP_SUFFIX}")
        try:
            return os.open(tmp, _FLAGS, 0o666), tmp
        except FileExistsError:  # left by an interrupted process that had the same pid
            continue
        except FileNotFoundError:
            Path(folder).mkdir(parents=True, exist_ok=True)
    raise OSError(f"cannot create a temporary file beside {os.path.join(folder, name)}")


def replace_bytes(path: str, data: bytes | Sequence[bytes]) -> None:
    """Write ``data`` (bytes, or consecutive pieces of them) to ``path`` atomically, replacing what
    is there, not fsynced: the lean form of ``write_bytes(path, data, force=True, durable=False)``
    for a batch of thousands of files."""
    folder, name = os.path.split(path)
    fd, tmp = open_tmp_in(folder or ".", name)
    try:
        try:
            if isinstance(data, bytes):
                rest = data
            else:  # one writev; a short write (rare) finishes with the joined remainder
                done = os.writev(fd, data)
                rest = b"".join(data)[done:] if done < sum(map(len, data)) else b""
            view = memoryview(rest)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def pid_alive(pid: int) -> bool:
    """True if process ``pid`` exists (also when it belongs to another user)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:  # e.g. a pid out of range on this platform
        return False
    return True


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str], mode: str = "wb", *, force: bool = True, durable: bool = True
) -> Iterator[IO[Any]]:
    p = Path(path)
    check_writable(p, force)
    fd, tmp = open_tmp(p)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as fh:
            yield fh
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_bytes(
    path: str | os.PathLike[str], data: bytes, *, force: bool = True, durable: bool = True
) -> None:
    with atomic_open(path, "wb", force=force, durable=durable) as fh:
        fh.write(data)


def write_text(path: str | os.PathLike[str], text: str, *, force: bool = True) -> None:
    with atomic_open(path, "w", force=force) as fh:
        fh.write(text)
