"""Official layout (docgen/official.py): every template, and the transformation itself."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from official_layout import assert_official

from docgen.official import officialize, twips

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_FILES = [p for lang in ("kk", "ru") for p in sorted((ROOT / f"templates_{lang}").glob("*.docx"))]


def test_every_template_is_in_the_official_layout() -> None:
    assert len(TEMPLATE_FILES) >= 28
    for path in TEMPLATE_FILES:
        lang = path.parent.name.rsplit("_", 1)[1]
        assert_official(path.read_bytes(), lang, what=f"{path.parent.name}/{path.name}")


def _python_docx_default(landscape: bool = False) -> bytes:
    d = docx.Document()
    d.add_heading("Заголовок", level=1)
    d.add_paragraph("Мәтін")
    t = d.add_table(rows=3, cols=2)
    t.rows[0].cells[0].text = "№"
    if landscape:
        from docx.enum.section import WD_ORIENT

        s = d.sections[0]
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = s.page_height, s.page_width
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_python_docx_document_becomes_official(lang: str) -> None:
    raw = _python_docx_default()
    assert b"en-US" in zipfile.ZipFile(io.BytesIO(raw)).read("word/styles.xml")
    out = officialize(raw, lang=lang, title="Есеп")
    assert_official(out, lang)
    assert officialize(out, lang=lang, title="Есеп") == out  # idempotent
    back = docx.Document(io.BytesIO(out))
    assert back.core_properties.author == "docgen" and back.core_properties.title == "Есеп"
    assert back.sections[0].page_width == twips(210) * 635  # EMU per twip


def test_landscape_stays_landscape() -> None:
    out = officialize(_python_docx_default(landscape=True), lang="ru", title="Таблица")
    s = docx.Document(io.BytesIO(out)).sections[0]
    assert s.page_width > s.page_height
    assert_official(out, "ru")


def test_body_name_as_author_and_unknown_language_refused() -> None:
    out = officialize(_python_docx_default(), lang="kk", title="Нысан", author="Әкімдік")
    assert docx.Document(io.BytesIO(out)).core_properties.author == "Әкімдік"
    with pytest.raises(ValueError):
        officialize(_python_docx_default(), lang="en", title="x")
