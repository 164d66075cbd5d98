"""Visual regression: page 1 of every blank form kind (kk and ru), rendered through LibreOffice, is
compared with its reviewed reference image in docs/gallery/ (the README's gallery). Font hinting may
move a few pixels; a layout break (a column collapsed, a row gone, a page turned) moves thousands.
Refresh after a reviewed change with `make gallery` and look at every image before committing."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("gallery", ROOT / "scripts" / "gallery.py")
assert _spec is not None and _spec.loader is not None
gallery = importlib.util.module_from_spec(_spec)
sys.modules["gallery"] = gallery
_spec.loader.exec_module(gallery)

TOLERANCE = 0.01  # share of pixels that may differ by more than 96 gray levels

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None, reason="LibreOffice/poppler missing"
)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    work = tmp_path_factory.mktemp("visual")
    return work, dict(gallery.first_pages(gallery.render_forms(work), work))


@pytest.fixture(scope="module")
def pages(rendered: tuple[Path, dict[str, object]]) -> dict[str, object]:
    return rendered[1]


_WORD = re.compile(r"[^\W\d_]+")


def _docx_words(path: Path) -> set[str]:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]

    def cells(table: docx.table.Table) -> None:  # and a table inside a cell (a sheet's closing row)
        for row in table.rows:
            for cell in row.cells:
                texts.append(cell.text)
                for inner in cell.tables:
                    cells(inner)

    for table in document.tables:
        cells(table)
    return {w for t in texts for w in _WORD.findall(t)}


def test_no_word_is_broken_on_paper(rendered: tuple[Path, dict[str, object]]) -> None:
    """Every word LibreOffice prints is a word of the DOCX: a column too narrow for its longest word
    makes LibreOffice (like Word) split the word across lines, and the halves are not words."""
    work, _ = rendered
    broken = []
    for docx_path in sorted((work / "flat").glob("*.docx")):
        pdf = work / "pdf" / f"{docx_path.stem}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        fragments = sorted(set(_WORD.findall(text)) - _docx_words(docx_path))
        if fragments:
            broken.append(f"{docx_path.name}: {', '.join(fragments[:6])}")
    assert not broken, "words broken across lines:\n" + "\n".join(broken)


def test_every_form_kind_has_a_reviewed_reference(pages: dict[str, object]) -> None:
    references = {p.name[: -len(".png")] for p in gallery.GALLERY.glob("*.png")}
    assert set(pages) == references
    kinds = {name.rsplit(".", 1)[0] for name in pages}
    assert len(kinds) >= 10 and all(f"{k}.kk" in pages and f"{k}.ru" in pages for k in kinds)


def test_first_pages_match_their_references(pages: dict[str, object]) -> None:
    failures = []
    for name, image in sorted(pages.items()):
        reference = gallery.Gray.from_png((gallery.GALLERY / f"{name}.png").read_bytes())
        share = gallery.differing_share(image, reference)
        if share > TOLERANCE:
            failures.append(f"{name}: {share:.3%} of the page differs")
    assert not failures, "layout changed:\n" + "\n".join(failures)


def test_a_layout_break_is_caught() -> None:
    reference = gallery.Gray.from_png((gallery.GALLERY / "kpi_sheet.ru.png").read_bytes())
    # The same page with its lower half shifted down by 12 px (a row gone, a column collapsed).
    w, h = reference.width, reference.height
    cut = (h // 2) * w
    shifted = (
        reference.pixels[:cut] + b"\xff" * (12 * w) + reference.pixels[cut : len(reference.pixels) - 12 * w]
    )
    assert gallery.differing_share(gallery.Gray(w, h, shifted), reference) > TOLERANCE
    assert gallery.differing_share(reference, reference) == 0.0


def test_png_round_trip() -> None:
    image = gallery.Gray(3, 2, bytes([0, 128, 255, 10, 20, 30]))
    back = gallery.Gray.from_png(image.to_png())
    assert (back.width, back.height, back.pixels) == (3, 2, image.pixels)
