"""A filled sheet's signature block never stands alone on a page, and the table's headings head
every page it runs onto (templates: scripts/templates/forms.py).

On paper the rule is: the table's last rows go to the next page with the notes, the result and the
signature when these do not fit under the table, under the repeated column headings; a sheet that
fits stays on one page. In the DOCX: the sheet is one table; its heading row repeats
(``w:tblHeader``); no row splits across pages (``w:cantSplit``); the last parameter row and the
total row are a small table of their own inside the table's last row -- one cell over every column,
without borders -- followed there by the closing block down to the date line. That row does not
split, so the last rows and the signature move together, and being a row of the sheet's table it
gets the repeated heading above it (LibreOffice and Word repeat a heading only over the rows of its
own table, and LibreOffice keeps a table with the paragraph after it only when all its rows are
kept); the rows above it may break between them, so a long table still breaks.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
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


COMMENT = {
    "ru": "служащий обеспечил своевременное и качественное исполнение поручений руководства ",
    "kk": "қызметші басшылықтың тапсырмаларын уақтылы және сапалы орындауды қамтамасыз етті ",
}


def _sheets(
    tmp: Path,
    catalogue: str,
    sheet: str,
    n: int,
    comment_words: int,
    lang: str,
    sanction: str = "none",
    comment_lang: str = "ru",
) -> list[Path]:
    """One filled sheet per row, each parameter commented with ``comment_words`` words."""
    words = (COMMENT[comment_lang] * 60).split()
    comment = " ".join(words[:comment_words])
    data = tmp / f"{sheet}_{comment_words}_{comment_lang}.csv"
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


def _flags(tr: etree._Element) -> set[str]:
    pr = tr.find(_w("trPr"))
    return set() if pr is None else {etree.QName(x).localname for x in pr}


@pytest.mark.parametrize(("catalogue", "sheet", "n", "lang"), CASES)
def test_last_rows_and_closing_block_are_one_row_under_the_repeated_heading(
    tmp_path: Path, catalogue: str, sheet: str, n: int, lang: str
) -> None:
    (doc,) = _sheets(tmp_path, catalogue, sheet, n, 3, lang)
    body = _body(doc)
    (table,) = body.findall(_w("tbl"))  # the sheet is one table
    after = [c for c in table.itersiblings() if c.tag != _w("sectPr")]
    # after it: an empty paragraph (a body ends with one), then at most the legend of untranslated text
    assert all(c.tag == _w("p") for c in after) and not "".join(after[0].itertext()).strip()
    assert not [c for c in after if re.match(r"(Күні|Дата|Қолы|Подпись)", "".join(c.itertext()))]
    rows = table.findall(_w("tr"))
    assert len(rows) == 1 + (n - 1) + 1  # heading, the parameters but the last, the closing row
    assert all("cantSplit" in _flags(tr) for tr in rows)  # no row splits across pages
    assert "tblHeader" in _flags(rows[0])  # the heading repeats ...
    assert not [tr for tr in rows[1:] if "tblHeader" in _flags(tr)]  # ... and no other row
    assert [r.findtext(f"{_w('tc')}/{_w('p')}/{_w('r')}/{_w('t')}").split(".")[0] for r in rows[1:-1]] == [
        str(i) for i in range(1, n)
    ]
    (cell,) = rows[-1].findall(_w("tc"))  # the closing row: one cell over every column ...
    columns = len(table.findall(f"{_w('tblGrid')}/{_w('gridCol')}"))
    assert cell.find(f"{_w('tcPr')}/{_w('gridSpan')}").get(_w("val")) == str(columns)
    borders = cell.find(f"{_w('tcPr')}/{_w('tcBorders')}")  # ... without borders
    assert {etree.QName(b).localname: b.get(_w("val")) for b in borders} == dict.fromkeys(
        ("top", "left", "bottom", "right"), "nil"
    )
    inner, *closing = [c for c in cell if c.tag in (_w("p"), _w("tbl"))]
    assert inner.tag == _w("tbl")  # the last parameter row and the total row
    kept_rows = inner.findall(_w("tr"))
    assert len(kept_rows) == 2 and not [tr for tr in kept_rows if "tblHeader" in _flags(tr)]
    assert "".join(kept_rows[0].itertext()).startswith(f"{n}. ")
    assert [len(tr.findall(_w("tc"))) for tr in kept_rows] == [columns, columns]
    assert all(c.tag == _w("p") for c in closing)
    # the closing block down to the date line the act prints last (a legend of untranslated text may
    # follow it, outside the row)
    texts = ["".join(p.itertext()) for p in closing]
    assert re.match(r"(Күні|Дата)", texts[-1])
    assert not [t for t in texts if "{{" in t or "{%" in t]


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
    without a row of the table: 3 and 4 pages); a short staff sheet of the Kazakh act fits one page.
    Every page after the first begins with the table's column headings («Параметры», as the act's
    appendix 1 prints them), the signature page too."""
    cat = read_catalogue_json(CATALOGUES / "ru_2025.json")
    leader = next(f for f in cat.forms if f.kind == "evaluation_sheet_leader")
    pages_of = {14: 3, 22: 4}  # comment words -> pages (the same before the fix)
    long_docs = [d for w in pages_of for d in _sheets(tmp_path, "ru_2025.json", "leader", 5, w, "ru")]
    short_docs = _sheets(tmp_path, "kk_2025.json", "staff", 5, 2, "kk")
    kk_docs = _sheets(tmp_path, "kk_2025.json", "leader", 5, 22, "kk", comment_lang="kk")
    *long_pdfs, short_pdf, kk_pdf = _to_pdf(long_docs + short_docs + kk_docs, tmp_path)
    last_row = f"{len(leader.rows)}. {str(leader.rows[-1]).split()[0]}"
    for pdf, count in zip(long_pdfs, pages_of.values(), strict=True):
        pages = [" ".join(p.split()) for p in _pages(pdf) if p.strip()]
        assert len(pages) == count
        sign = [i for i, p in enumerate(pages) if "Подпись" in p]
        assert len(sign) == 1
        assert last_row in pages[sign[0]]  # the last parameter row ...
        assert "Средняя итоговая оценка" in pages[sign[0]]  # ... and the total stand above the signature
        # the heading repeats on every page: the first column's caption opens the page (pdftotext
        # reads a table column by column), every column's caption is there
        assert leader.columns[0] == "Параметры"
        assert all(p.startswith("Параметры ") for p in pages[1:])
        assert all(c.split()[0] in p for c in leader.columns for p in pages)
    assert len([p for p in _pages(short_pdf) if p.strip()]) == 1
    # a Kazakh sheet, comments of 22 Kazakh words: the heading («Параметрлер», the Kazakh act's
    # appendix 1) opens every later page; no word of a comment is split across lines
    pages = [" ".join(p.split()) for p in _pages(kk_pdf) if p.strip()]
    assert len(pages) > 2 and all(p.startswith("Параметрлер ") for p in pages[1:])
    assert "Қолы" in pages[-1] and "Орташа қорытынды баға" in pages[-1]
    printed = set(re.findall(r"[^\W\d_]+", " ".join(pages)))
    assert set(COMMENT["kk"].split()) <= printed
    halves = {w[:k] for w in COMMENT["kk"].split() for k in range(2, len(w))}
    assert not halves & printed, sorted(halves & printed)


def test_docx_is_readable_as_one_table_on_paper(tmp_path: Path) -> None:
    """python-docx readers see one table, the last rows in its last row's cell; walked, they hold
    every parameter once, in order."""
    from docx import Document

    (doc,) = _sheets(tmp_path, "ru_2025.json", "leader", 5, 0, "ru")
    (table,) = Document(io.BytesIO(doc.read_bytes())).tables
    numbers = [r.cells[0].text.split(".")[0] for r in _printed_rows(table) if r.cells[0].text[:1].isdigit()]
    assert numbers == ["1", "2", "3", "4", "5"]


def _printed_rows(table: Any) -> list[Any]:
    """A python-docx table's rows as printed: the rows of a table inside a cell in its place."""
    rows = []
    for row in table.rows:
        inner = row.cells[0].tables
        rows.extend(r for t in inner for r in _printed_rows(t)) if inner else rows.append(row)
    return rows


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
    (table,) = Document(str(doc)).tables
    rows = [r.cells[0].text for r in _printed_rows(table)]
    last = next(x for x in reversed(rows) if x[:1].isdigit())  # the act's last parameter
    total = rows[-1]
    (pdf,) = _to_pdf([doc], tmp_path)
    pages = [" ".join(p.split()) for p in _pages(pdf) if p.strip()]
    assert len(pages) == 3
    sign = [i for i, p in enumerate(pages) if "Подпись" in p]
    assert sign == [2]
    assert " ".join(last.split()[:2]) in pages[2] and " ".join(total.split()) in pages[2]
    assert all(p.startswith("Параметры ") for p in pages[1:])  # under the repeated heading
