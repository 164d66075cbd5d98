"""Batch stage: the output folder of ``docgen fill`` as a transaction -- lock, journal, manifest.

Consumes the output path; produces a locked, writable folder and the record of which files docgen
wrote there, so that a re-run replaces and removes exactly its own files.

- :func:`open_folder` refuses, in one line and before anything is written, a path that is a file
  or runs through one, a folder it cannot write, and a folder another run holds.
- The lock is ``.docgen.lock`` holding the pid of its run, locked with ``flock`` (released by the
  kernel when the run dies, so a dead run's lock is simply taken over); where ``flock`` is missing
  the pid alone decides (a dead pid's lock is taken over).
- ``docgen-manifest.json`` maps each data row to its files, written when a run completes;
  ``.docgen-journal`` lists every document name a run is about to write, before it writes it. A
  completed run removes the files the old manifest and the journal name that it did not produce
  itself (a changed row's old sheet, and its PDF), then drops the journal. Only names of docgen's
  own sheet pattern are ever taken from the two files; nothing else is ever removed.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from .._atomic import open_tmp, pid_alive
from ..errors import OutputFolderError
from .messages import message

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".docgen.lock"
MANIFEST_NAME = "docgen-manifest.json"
JOURNAL_NAME = ".docgen-journal"
MANIFEST_FORMAT = "docgen-fill-manifest/1"
MAX_MANIFEST_BYTES = 200_000_000
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # never write through a symlink planted under our names


def os_error(lang: str | None, exc: OSError, path: str | os.PathLike[str]) -> OutputFolderError:
    """One line for an OS error on the output folder (the reason in the user's language)."""
    code = exc.errno
    if code in (errno.ENOTDIR, errno.EEXIST) or isinstance(exc, NotADirectoryError | FileExistsError):
        key = "not_a_folder"
    elif code in (errno.EACCES, errno.EPERM):
        key = "no_permission"
    elif code == errno.EROFS:
        key = "read_only"
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        key = "no_space"
    else:
        key = "write_failed"
    return OutputFolderError(message(lang, key), path=os.fspath(path))


class FolderLock:
    """``.docgen.lock`` in ``folder``: one run at a time; see the module docstring."""

    def __init__(self, folder: Path, lang: str | None) -> None:
        self.path = folder / LOCK_NAME
        self.lang = lang
        self.fd: int | None = None

    def _refuse(self, pid: int | None) -> OutputFolderError:
        if pid:
            return OutputFolderError(message(self.lang, "lock_held", pid=pid), path=str(self.path.parent))
        return OutputFolderError(message(self.lang, "lock_unknown"), path=str(self.path.parent))

    def _holder(self) -> int | None:
        try:
            with open(self.path, "rb") as fh:
                text = fh.read(32).decode("ascii", "replace").strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None

    def acquire(self) -> None:
        for _ in range(20):
            try:
                if fcntl is not None:
                    fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o644)
                else:  # pragma: no cover - no flock: the pid alone decides
                    fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
            except FileExistsError:  # pragma: no cover - no flock
                holder = self._holder()
                if holder is not None and pid_alive(holder):
                    raise self._refuse(holder) from None
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
                continue
            except OSError as exc:
                raise os_error(self.lang, exc, self.path.parent) from exc
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    raise self._refuse(self._holder()) from None
                except OSError:  # no flock on this file system: the pid decides
                    holder = self._holder()
                    if holder is not None and holder != os.getpid() and pid_alive(holder):
                        os.close(fd)
                        raise self._refuse(holder) from None
                try:  # the file we locked must still be the one under the name
                    same = os.path.samestat(os.fstat(fd), os.stat(self.path))
                except FileNotFoundError:
                    same = False
                if not same:
                    os.close(fd)
                    continue
            try:
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, f"{os.getpid()}\n".encode("ascii"))
            except OSError as exc:
                os.close(fd)
                raise os_error(self.lang, exc, self.path.parent) from exc
            self.fd = fd
            return
        raise self._refuse(self._holder())

    def release(self) -> None:
        if self.fd is None:
            return
        with contextlib.suppress(OSError):
            if os.path.samestat(os.fstat(self.fd), os.stat(self.path)):
                self.path.unlink()
        os.close(self.fd)
        self.fd = None


def open_folder(outdir: str | os.PathLike[str], lang: str | None) -> tuple[Path, FolderLock, bool]:
    """Create ``outdir`` if needed and lock it: (folder, lock, created); one line otherwise."""
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise OutputFolderError(message(lang, "not_a_folder"), path=str(out))
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(lang, exc, out) from exc
    lock = FolderLock(out, lang)
    try:
        lock.acquire()
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise
    return out, lock, created


# the names docgen gives filled sheets (row<NNNNN>_<period>_<sheet>_<digest>.<lang>.docx): a manifest
# or journal entry of any other shape is ignored, so no other file can ever be removed
_SHEET_NAME = re.compile(r"row\d{5,}_[A-Za-z0-9_.-]{1,80}\.(?:kk|ru)\.docx")


def _plain_name(name: Any) -> bool:
    return isinstance(name, str) and _SHEET_NAME.fullmatch(name) is not None


class Ledger:
    """The manifest and the journal of one folder (see the module docstring)."""

    def __init__(self, folder: Path, lang: str | None) -> None:
        self.folder = folder
        self.lang = lang
        self.manifest = folder / MANIFEST_NAME
        self.journal = folder / JOURNAL_NAME
        self.owned: set[str] = set()
        self._fd: int | None = None

    def load(self, force: bool) -> None:
        """Read the names earlier runs wrote; a damaged manifest refuses the run unless ``force``."""
        owned: set[str] = set()
        if self.manifest.exists():
            try:
                if self.manifest.stat().st_size > MAX_MANIFEST_BYTES:
                    raise ValueError("too large")
                data = json.loads(self.manifest.read_bytes())
                if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
                    raise ValueError("not a manifest")
                rows = data.get("rows")
                if not isinstance(rows, dict):
                    raise ValueError("no rows")
                for names in rows.values():
                    if isinstance(names, list):
                        owned.update(n for n in names if _plain_name(n))
            except (OSError, ValueError) as exc:
                if not force:
                    raise OutputFolderError(
                        message(self.lang, "manifest_bad"), path=str(self.manifest)
                    ) from exc
        with contextlib.suppress(OSError):
            with open(self.journal, encoding="utf-8", errors="replace") as fh:
                owned.update(n for n in (line.rstrip("\n") for line in fh) if _plain_name(n))
        self.owned = owned

    def start(self) -> None:
        """Rewrite the journal with every name owned so far, then keep it open for appends."""
        if self.owned:
            fd, tmp = open_tmp(self.journal)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.writelines(n + "\n" for n in sorted(self.owned))
                os.replace(tmp, self.journal)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        self._fd = os.open(self.journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND | _NOFOLLOW, 0o644)

    def record(self, names: Iterable[str]) -> None:
        """Journal names before their files are written (one append; safe from forked workers)."""
        data = "".join(n + "\n" for n in names).encode("utf-8")
        if data and self._fd is not None:
            os.write(self._fd, data)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def finish(self, produced: set[str]) -> int:
        """After the new manifest is in place: remove owned files this run did not produce."""
        self.close()
        removed = 0
        for name in sorted(self.owned - produced):
            for target in (self.folder / name, (self.folder / name).with_suffix(".pdf")):
                with contextlib.suppress(FileNotFoundError):
                    if target.is_file() and not target.is_symlink():
                        target.unlink()
                        removed += target.suffix == ".docx"
        self.journal.unlink(missing_ok=True)
        return removed


class ManifestWriter:
    """Streams ``docgen-manifest.json`` (rows -> files) to a temporary file; ``place()`` renames it."""

    def __init__(self, folder: Path, summary: tuple[str, ...]) -> None:
        self.path = folder / MANIFEST_NAME
        fd, self.tmp = open_tmp(self.path)
        self.fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8")
        head = {"format": MANIFEST_FORMAT, "summary": list(summary)}
        self.fh.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": {')
        self.first = True

    def add(self, row: int, names: list[str]) -> None:
        self.fh.write(("\n" if self.first else ",\n") + f'"{row}": ' + json.dumps(names, ensure_ascii=False))
        self.first = False

    def place(self) -> None:
        self.fh.write("\n}}\n")
        self.fh.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        Path(self.tmp).unlink(missing_ok=True)
