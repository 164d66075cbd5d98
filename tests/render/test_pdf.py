"""LibreOffice: rendered samples open in a real client and their text reads back from the PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from docgen.errors import ToolMissingError
from docgen.forms.blank import blank_forms
from docgen.render import pdf as pdfmod
from docgen.render import render_form

from .helpers import load_catalogue

needs_lo = pytest.mark.skipif(
    pdfmod.find_soffice() is None or shutil.which("pdftotext") is None, reason="LibreOffice/pdftotext missing"
)


@needs_lo
def test_samples_convert_and_read_back(tmp_path: Path) -> None:
    from dataclasses import replace

    items, _ = blank_forms(load_catalogue("kk_2025.json"), ("kk", "ru"))
    files = []
    for item in items[:2]:
        ctx = replace(item.context, evaluated='Әбілқайыр «Тест» <&> "Ж"')
        path = tmp_path / item.filename
        path.write_bytes(render_form(item.kind, item.lang, ctx))
        files.append(path)
    pdfs = pdfmod.convert_to_pdf(files, tmp_path)
    assert len(pdfs) == 2
    for item, pdf in zip(items[:2], pdfs, strict=True):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
        flat = " ".join(text.split())
        assert 'Әбілқайыр «Тест» <&> "Ж"' in flat
        assert " ".join(str(item.context.title).split()) in flat
        assert str(item.context.form_label) in flat


def test_missing_libreoffice_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pdfmod, "find_soffice", lambda: None)
    f = tmp_path / "a.docx"
    f.write_bytes(b"x")
    with pytest.raises(ToolMissingError, match="LibreOffice"):
        pdfmod.convert_to_pdf([f], tmp_path)
