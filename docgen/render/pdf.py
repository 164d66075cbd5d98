"""Rendering stage: DOCX -> PDF through LibreOffice (``soffice --headless --convert-to pdf``).

Consumes rendered ``.docx`` files; produces ``.pdf`` files next to them (or in ``outdir``).
LibreOffice runs with a private, temporary user profile so parallel runs and a desktop session
never collide. If ``soffice``/``libreoffice`` is not installed, :class:`ToolMissingError` says so
in one line. Files are converted in chunks so a big batch does not exceed the command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import DocgenError, ToolMissingError

CHUNK = 200


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_pdf(
    docx_files: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str] | None = None,
    *,
    timeout: float = 600.0,
) -> list[Path]:
    """Convert files; return the PDF paths produced. Raises ToolMissingError / DocgenError."""
    if not docx_files:
        return []
    exe = find_soffice()
    if exe is None:
        raise ToolMissingError(
            "LibreOffice (soffice) is not installed; install it (apt-get install libreoffice-writer) "
            "or omit --pdf"
        )
    out: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="docgen-lo-") as profile:
        for i in range(0, len(docx_files), CHUNK):
            chunk = [Path(f) for f in docx_files[i : i + CHUNK]]
            target = Path(outdir) if outdir is not None else chunk[0].parent
            cmd = [
                exe,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(target),
                *[str(f) for f in chunk],
            ]
            try:
                proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
            except subprocess.TimeoutExpired as exc:
                raise DocgenError(f"LibreOffice did not finish within {timeout:.0f} s") from exc
            for f in chunk:
                pdf = target / (f.stem + ".pdf")
                if not pdf.is_file():
                    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
                    tail = err[-1] if err else f"exit code {proc.returncode}"
                    raise DocgenError(f"LibreOffice could not convert the file: {tail}", path=str(f))
                out.append(pdf)
    return out
