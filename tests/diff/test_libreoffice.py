"""LibreOffice reads our revisions as tracked changes: docx -> odt, then accept / reject its regions.

LibreOffice writes the ODT body as accepted (insertions in place between change-start/end markers,
deletions moved into text:tracked-changes); see ``odt_revisions`` for the reconstruction.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from docgen.diff.redline import build_redline
from docgen.diff.text import diff_text, paragraphs

from .odt_revisions import accepted, region_counts, rejected

PAIRS = [("000", "002"), ("003", "002"), ("001", "000")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_accept_reject(tmp_path, docs) -> None:  # type: ignore[no-untyped-def]
    files = []
    for old, new in PAIRS:
        p = tmp_path / f"r{old}_{new}.docx"
        p.write_bytes(build_redline(diff_text(docs[old], docs[new]), date="2026-05-05T10:00:00Z"))
        files.append(p)
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path / "out"),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    for (old, new), f in zip(PAIRS, files, strict=True):
        odt = str(tmp_path / "out" / (f.stem + ".odt"))
        counts = region_counts(odt)
        assert counts.get("insertion", 0) > 0 and counts.get("deletion", 0) > 0
        assert accepted(odt) == paragraphs(docs[new].text)
        assert rejected(odt) == paragraphs(docs[old].text)
