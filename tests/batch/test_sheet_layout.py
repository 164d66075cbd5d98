"""A filled sheet's signature block never stands alone on a page (templates: scripts/templates/forms.py).

On paper the rule is: the table's last rows go to the next page with the notes, the result and the
signature when these do not fit under the table; a sheet that fits stays on one page. In the DOCX:
every row may not split (``w:cantSplit``); the heading repeats; the last parameter row and the
total row are a table of their own, joined to the rows above by a hidden paragraph (no gap on paper)
and kept, paragraph by paragraph, with the closing block (``w:keepNext``) -- LibreOffice keeps a
table with what follows only when all its rows are kept, Word honours the flags row by row; the rows
above are not kept, so a long table still breaks between them.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from official_layout import is_continuation, is_hidden_paragraph
from render.helpers import CATALOGUES

from docgen.batch.run import fill_batch
from docgen.catalogue import read_catalogue_json

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEAD = [
    "full_name",
    "position",
    "category",
    "body",
    "evaluator_name",
    "evaluator_position",
    "period",
    "sheet",
    "sanction",
]


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _kept(p: etree._Element) -> bool:
    keep = p.find(f"{_w('pPr')}/{_w('keepNext')}")
    return keep is not None and keep.get(_w("val"), "true") not in ("false", "0")


def _sheets(
    tmp: Path, catalogue: str, sheet: str, n: int, comment_words: int, lang: str, sanction: str = "none"
) -> list[Path]:
    """One filled sheet per row, each parameter commented with ``comment_words`` words."""
    words = ("служащий обеспечил своевременное и качественное исполнение поручений руководства " * 60).split()
    comment = " ".join(words[:comment_words])
    data = tmp / f"{sheet}_{comment_words}.csv"
    with open(data, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(
            HEAD + [f"score_{i}" for i in range(1, n + 1)] + [f"comment_{i}" for i in range(1, n + 1)]
        )
        out.writerow(
            [
                "Тестов Т.",
                "главный специалист",
                "",
                "Аппарат",
                "Петров П.",
                "руководитель",
                "2026-Q1",
                sheet,
                "none",
            ]
            + ["4"] * n
            + [comment] * n
        )
    cat = read_catalogue_json(CATALOGUES / catalogue)
    folder = tmp / f"out_{catalogue}_{sheet}_{comment_words}_{lang}_{sanction}"
    report, docs = fill_batch(cat, data, folder, langs=(lang,), jobs=1, progress=False)
    assert report.bad_rows == 0 and len(docs) == 1
    return docs


def _body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    body = root.find(_w("body"))
    assert body is not None
    return body


CASES = [
    ("ru_2025.json", "leader", 5, "ru"),
    ("ru_2025.json", "staff", 5, "kk"),
    ("kk_2025.json", "leader", 5, "kk"),
    ("kk_2018.json", "staff", 4, "kk"),  # the 2018 model's differentiation sheet
]


@pytest.mark.parametrize(("catalogue", "sheet", "n", "lang"), CASES)
def test_last_rows_and_closing_block_are_kept_together(
    tmp_path: Path, catalogue: str, sheet: str, n: int, lang: str
) -> None:
    (doc,) = _sheets(tmp_path, catalogue, sheet, n, 3, lang)
    body = _body(doc)
    children = [c for c in body if c.tag in (_w("p"), _w("tbl"))]
    tables = [i for i, c in enumerate(children) if c.tag == _w("tbl")]
    assert len(tables) == 2, "the sheet's table and its kept last rows"
    first, last = (children[i] for i in tables)
    assert tables[1] == tables[0] + 2 and is_hidden_paragraph(children[tables[0] + 1])
    assert _kept(children[tables[0] + 1]) and is_continuation(last)
    for table in (first, last):  # no row splits across pages
        for tr in table.findall(_w("tr")):
            assert tr.find(f"{_w('trPr')}/{_w('cantSplit')}") is not None
    rows = first.findall(_w("tr"))
    assert rows[0].find(f"{_w('trPr')}/{_w('tblHeader')}") is not None  # the heading repeats
    assert len(rows) == 1 + n - 1  # heading and the parameters but the last
    assert not [p for tr in rows for p in tr.iter(_w("p")) if _kept(p)]  # may break between them
    kept_rows = last.findall(_w("tr"))
    assert len(kept_rows) == 2
    assert "".join(kept_rows[0].itertext()).startswith(f"{n}. ")  # the last parameter ...
    assert all(_kept(p) for tr in kept_rows for p in tr.iter(_w("p")))  # ... and the total, kept
    tail = children[tables[1] + 1 :]
    # the closing block down to the date line the act prints last (a legend of untranslated text may
    # follow it, free to go where the page ends)
    dates = [i for i, p in enumerate(tail) if re.match(r"(Күні|Дата)", "".join(p.itertext()))]
    assert dates
    assert all(_kept(p) for p in tail[: dates[-1]])
    assert not _kept(tail[dates[-1]])


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    return text.decode("utf-8").split("\f")


def _to_pdf(docs: list[Path], out: Path) -> list[Path]:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), *map(str, docs)],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return [out / d.with_suffix(".pdf").name for d in docs]


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice / poppler absent",
)
def test_libreoffice_prints_the_last_rows_on_the_signature_page(tmp_path: Path) -> None:
    """Comments of 14 and of 22 words per parameter make the 2025 leader sheet end where the closing
    block no longer fits under the table (before the fix LibreOffice printed the signature page
    without a row of the table: 3 and 4 pages); a short staff sheet of the Kazakh act fits one page."""
    cat = read_catalogue_json(CATALOGUES / "ru_2025.json")
    leader = next(f for f in cat.forms if f.kind == "evaluation_sheet_leader")
    pages_of = {14: 3, 22: 4}  # comment words -> pages (the same before the fix)
    long_docs = [d for w in pages_of for d in _sheets(tmp_path, "ru_2025.json", "leader", 5, w, "ru")]
    short_docs = _sheets(tmp_path, "kk_2025.json", "staff", 5, 2, "kk")
    *long_pdfs, short_pdf = _to_pdf(long_docs + short_docs, tmp_path)
    last_row = f"{len(leader.rows)}. {str(leader.rows[-1]).split()[0]}"
    for pdf, count in zip(long_pdfs, pages_of.values(), strict=True):
        pages = [" ".join(p.split()) for p in _pages(pdf) if p.strip()]
        assert len(pages) == count
        sign = [i for i, p in enumerate(pages) if "Подпись" in p]
        assert len(sign) == 1
        assert last_row in pages[sign[0]]  # the last parameter row ...
        assert "Средняя итоговая оценка" in pages[sign[0]]  # ... and the total stand above the signature
    assert len([p for p in _pages(short_pdf) if p.strip()]) == 1


def test_docx_is_readable_as_one_table_on_paper(tmp_path: Path) -> None:
    """python-docx readers see two tables; joined, they hold every parameter once, in order."""
    from docx import Document

    (doc,) = _sheets(tmp_path, "ru_2025.json", "leader", 5, 0, "ru")
    tables = Document(io.BytesIO(doc.read_bytes())).tables
    numbers = [r.cells[0].text.split(".")[0] for t in tables for r in t.rows if r.cells[0].text[:1].isdigit()]
    assert numbers == ["1", "2", "3", "4", "5"]


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice / poppler absent",
)
def test_blank_leader_form_of_seed_004_keeps_its_last_row_with_the_signature(tmp_path: Path) -> None:
    """The blank leader form of seed 004 (its own long guidance texts) is 3 pages; before the fix
    LibreOffice printed its third page with the signature block alone."""
    from click.testing import CliRunner
    from docx import Document

    from docgen.cli import cli

    root = Path(__file__).resolve().parents[2]
    act = next(root.glob("legal_corpus/acts/*/004_*.txt"))
    res = CliRunner().invoke(cli, ["forms", str(act), "--lang", "ru", "-o", str(tmp_path / "f")])
    assert res.exit_code == 0, res.output
    (doc,) = tmp_path.glob("f/app1_*.ru.docx")
    tables = Document(str(doc)).tables
    rows = [r.cells[0].text for t in tables for r in t.rows]
    last = next(x for x in reversed(rows) if x[:1].isdigit())  # the act's last parameter
    total = rows[-1]
    (pdf,) = _to_pdf([doc], tmp_path)
    pages = [" ".join(p.split()) for p in _pages(pdf) if p.strip()]
    assert len(pages) == 3
    sign = [i for i, p in enumerate(pages) if "Подпись" in p]
    assert sign == [2]
    assert " ".join(last.split()[:2]) in pages[2] and " ".join(total.split()) in pages[2]
