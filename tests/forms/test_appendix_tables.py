"""The act's tables as the act prints them (issue 10 items 1 and 3): multi-level headings with merged
cells, a table continued under «Кестенің жалғасы», every behaviour indicator of 001 app. 4, the
letter-spaced word of 000 app. 7 repaired in the form only, and the last row kept with the signatures
in LibreOffice.

Expected content is written by reading the acts (legal_corpus/acts/*), never from program output:

- 000 app. 1 (individual work plan) prints «№ р/р | НМИ атауы | "А" корпусы ... түйінделеді | Өлшем
  бірлігі | Жоспарлы мәні | | | | Қол жеткізу мерзімі | | | | Түйінді нәтиже*» over «1 - тоқсан ...
  4 - тоқсан» twice: 13 columns, four quarter columns under each of the two spanning cells.
- 000 app. 2 (KPI sheet) prints «№ р/р | НМИ атауы | Өлшем бірлігі | Жоспарлы мәні | | | | Нақты мәні»
  over «1-тоқсан ... 4-тоқсан» twice, then «Кестенің жалғасы» and «НМИ пайыздық іске асуы | | | |
  Бағалау» over the quarters twice: plan, fact, percent and score per quarter, 19 columns.
- 001 app. 4 names three competencies (Қызметтік басқару, ЫНТЫМАҚТАСТЫҚ, АДАЛДЫҚ); the rows of the
  other competencies lost their names and tabs in the scraped text, their indicator lines remain.
- 000 app. 7 prints «Т и і м д і коммуникацияларды құру».
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from docgen.catalogue import catalogue_for_path, parse_document, read_catalogue_json
from docgen.forms.blank import blank_forms
from docgen.model import HeaderCell
from docgen.render import pdf as pdfmod
from docgen.structure.tables import two_level_header

from .test_appendix_content import _forms

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "data" / "seed_catalogues"
ACT000 = ROOT / "legal_corpus/acts/energy-ministry-order-325/000_36ee918ac2e9a370.txt"
ACT001 = ROOT / "legal_corpus/acts/kazygurt-maslikhat-28-189-VI/001_5c60304e067c4e63.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

QUARTERS_APP1 = [f"{n} - тоқсан" for n in range(1, 5)]
QUARTERS_APP2 = [f"{n}-тоқсан" for n in range(1, 5)]
QUARTERS_RU = [f"{n} квартал" for n in range(1, 5)]


@pytest.fixture(scope="module")
def seed000() -> dict[tuple[int, str], bytes]:
    return _forms("000")


def _first_table(docx: bytes) -> etree._Element:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    return root.find(f"{W}body/{W}tbl")


def _cells(tr: etree._Element) -> list[tuple[str, int, str | None]]:
    """(text, gridSpan, vMerge) of each cell of a row ("continue" for a merge that goes on)."""
    out = []
    for tc in tr.findall(f"{W}tc"):
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        merge = tc.find(f"{W}tcPr/{W}vMerge")
        text = "".join(tc.itertext()).strip()
        out.append(
            (
                text,
                int(span.get(f"{W}val")) if span is not None else 1,
                None if merge is None else merge.get(f"{W}val", "continue"),
            )
        )
    return out


def _flags(tr: etree._Element) -> set[str]:
    pr = tr.find(f"{W}trPr")
    return set() if pr is None else {etree.QName(x).localname for x in pr}


def _shape(table: etree._Element) -> list[list[tuple[int, str | None]]]:
    return [[(span, merge) for _, span, merge in _cells(tr)] for tr in table.findall(f"{W}tr")]


def test_kpi_plan_prints_the_quarters_under_plan_and_deadline_with_merged_cells(seed000) -> None:
    table = _first_table(seed000[(1, "kk")])
    rows = table.findall(f"{W}tr")
    assert len(table.findall(f"{W}tblGrid/{W}gridCol")) == 13
    top, sub = _cells(rows[0]), _cells(rows[1])
    assert [t for t, _, _ in top][:2] == ["№ р/р", "НМИ атауы"]
    assert top[2][0].startswith('"А" корпусы') and top[2][0].endswith("түйінделеді")
    assert top[3:] == [
        ("Өлшем бірлігі", 1, "restart"),
        ("Жоспарлы мәні", 4, None),
        ("Қол жеткізу мерзімі", 4, None),
        ("Түйінді нәтиже*", 1, "restart"),
    ]
    assert all(merge == "restart" for _, _, merge in top[:4])
    assert sub == [("", 1, "continue")] * 4 + [(q, 1, None) for q in QUARTERS_APP1 * 2] + [
        ("", 1, "continue")
    ]
    assert "tblHeader" in _flags(rows[0]) and "tblHeader" in _flags(rows[1])
    assert all("cantSplit" in _flags(r) for r in rows)
    assert all("tblHeader" not in _flags(r) for r in rows[2:])


def test_kpi_sheet_prints_plan_fact_percent_and_score_per_quarter(seed000) -> None:
    table = _first_table(seed000[(2, "kk")])
    rows = table.findall(f"{W}tr")
    assert len(table.findall(f"{W}tblGrid/{W}gridCol")) == 19
    assert _cells(rows[0]) == [
        ("№ р/р", 1, "restart"),
        ("НМИ атауы", 1, "restart"),
        ("Өлшем бірлігі", 1, "restart"),
        ("Жоспарлы мәні", 4, None),
        ("Нақты мәні", 4, None),
        ("НМИ пайыздық іске асуы", 4, None),
        ("Бағалау", 4, None),
    ]
    assert _cells(rows[1]) == [("", 1, "continue")] * 3 + [(q, 1, None) for q in QUARTERS_APP2 * 4]
    assert "tblHeader" in _flags(rows[0]) and "tblHeader" in _flags(rows[1])
    # the numbered rows to fill in come after the heading
    assert [_cells(r)[0][0] for r in rows[2:]] == [str(n) for n in range(1, len(rows) - 1)]


@pytest.mark.parametrize("appendix", [1, 2])
def test_kk_and_ru_forms_have_the_same_rows_and_columns(seed000, appendix: int) -> None:
    kk, ru = _first_table(seed000[(appendix, "kk")]), _first_table(seed000[(appendix, "ru")])
    assert _shape(kk) == _shape(ru)
    ru_sub = [t for t, _, merge in _cells(ru.findall(f"{W}tr")[1]) if merge is None]
    assert ru_sub == QUARTERS_RU * (2 if appendix == 1 else 4)
    ru_top = [t for t, span, _ in _cells(ru.findall(f"{W}tr")[0]) if span == 4]
    assert ru_top[:2] == ["Плановое значение", "Срок достижения" if appendix == 1 else "Фактическое значение"]


def test_the_continuation_is_joined_and_recorded_as_a_repair() -> None:
    doc = parse_document(ACT000)
    app2 = next(a for a in doc.appendices if a.number == 2)
    assert [(r.kind, r.before) for r in app2.repairs] == [("table_continuation", "Кестенің жалғасы")]
    r = app2.repairs[0]
    assert doc.norm.raw[r.raw_start : r.raw_end] == "Кестенің жалғасы"
    form = catalogue_for_path(ACT000).form_at(2)
    assert form is not None and form.rows == ()  # the continuation's heading is not read as a row


def test_two_level_header_is_found_in_any_table_and_not_in_data_rows() -> None:
    rows = (("Аты", "Саны", "", "", "Ескерту"), ("", "2024", "2025", "2026", ""))
    assert two_level_header(rows) == (
        HeaderCell("Аты", 0, 0, 1, 2),
        HeaderCell("Саны", 0, 1, 3, 1),
        HeaderCell("2024", 1, 1),
        HeaderCell("2025", 1, 2),
        HeaderCell("2026", 1, 3),
        HeaderCell("Ескерту", 0, 4, 1, 2),
    )
    # a data row under a one-level heading, or a heading with no cell over sub-columns: no heading
    assert two_level_header((("№", "Атауы", "Баға"), ("1", "Қызметті басқару", ""))) == ()
    assert two_level_header((("Атауы", "Санаты"), ("Қызметтік басқару", "E-2"))) == ()


def test_letter_spaced_word_is_repaired_in_the_form_only(seed000) -> None:
    doc = parse_document(ACT000)
    app7 = next(a for a in doc.appendices if a.number == 7)
    assert [(r.kind, r.before, r.after) for r in app7.repairs] == [
        ("letter_spacing", "Т и і м д і", "Тиімді")
    ]
    assert doc.norm.raw[app7.repairs[0].raw_start : app7.repairs[0].raw_end] == "Т и і м д і"
    # the normalised text and the catalogue keep what the act prints (extract and check read them)
    assert "Т и і м д і коммуникацияларды құру" in doc.norm.text
    form = catalogue_for_path(ACT000).form_at(7)
    assert form is not None and "Т и і м д і коммуникацияларды құру" in form.rows
    assert form.repaired("Т и і м д і коммуникацияларды құру") == "Тиімді коммуникацияларды құру"


def test_result_form_prints_the_repaired_word(tmp_path: Path) -> None:
    from docgen.report360.report import blank_report

    cat = read_catalogue_json(next(SEEDS.glob("000_*.json")))
    form = cat.form_at(7)
    assert form is not None
    made = blank_report(cat, form, "kk")
    assert made is not None
    text = " ".join(
        "".join(t.itertext())
        for t in etree.fromstring(zipfile.ZipFile(io.BytesIO(made[0])).read("word/document.xml")).iter(
            f"{W}tc"
        )
    )
    assert "Тиімді коммуникацияларды құру" in text and "Т и і м д і" not in text


def _act_lines(path: Path, appendix: int) -> list[str]:
    """Lines of the act's appendix below its heading row, read from the act's own text."""
    doc = parse_document(path)
    app = next(a for a in doc.appendices if a.number == appendix)
    body = doc.norm.text[app.start : app.end]
    start = body.index("Тиімсіз мінез-құлық индикаторлары") + len("Тиімсіз мінез-құлық индикаторлары")
    return [" ".join(x.split()) for x in body[start:].split("\n") if x.strip()]


def test_behaviour_indicators_keep_every_line_of_the_act_and_its_competencies() -> None:
    cat = read_catalogue_json(next(SEEDS.glob("001_*.json")))
    item = next(i for i in blank_forms(cat, ("kk",))[0] if i.appendix == 4)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(item.render())).read("word/document.xml"))
    cells = [" ".join("".join(tc.itertext()).split()) for tc in root.iter(f"{W}tc")]
    flat = " ".join(cells)
    # the three competencies the appendix names, each at the head of its rows
    assert [c for c in cells if c in ("Қызметтік басқару", "ЫНТЫМАҚТАСТЫҚ", "АДАЛДЫҚ")] == [
        "Қызметтік басқару",
        "ЫНТЫМАҚТАСТЫҚ",
        "АДАЛДЫҚ",
    ]
    # indicators from the part of the table whose tabs the scraper lost (read in the act, app. 4)
    for line in (
        "Міндеттерді дұрыс бөле алады;",
        "Тиімсіз және жүйесіз шешім қабылдайды",
        "Сыпайы және тілектестікпен қызмет көрсетеді;",
        "Өзгеріс жағдайларында тез бейімделеді.",
        "Жаңа білімдер мен технологияларға қызығушылық танытады;",
        "Өз ісі мен нәтижелері үшін жауаптылықта болады.",
    ):
        assert line in flat
    lines = _act_lines(ACT001, 4)
    assert len(lines) > 150
    missing = [x for x in lines if x not in flat]
    assert missing == []


needs_lo = pytest.mark.skipif(
    pdfmod.find_soffice() is None or subprocess.run(["which", "pdftotext"], capture_output=True).returncode,
    reason="LibreOffice/pdftotext missing",
)


@needs_lo
def test_libreoffice_keeps_the_last_row_with_the_signatures(seed000, tmp_path: Path) -> None:
    """000 app. 1 does not fit on one page: the last numbered row goes to page 2 with the note and the
    signatures (under the repeated heading), so the signatures never stand alone."""
    path = tmp_path / "app1.kk.docx"
    path.write_bytes(seed000[(1, "kk")])
    (pdf,) = pdfmod.convert_to_pdf([path], tmp_path)
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    last = pages.decode().split("\f")[-2] if pages.decode().endswith("\f") else pages.decode().split("\f")[-1]
    lines = [x.strip() for x in last.splitlines() if x.strip()]
    signature = next(i for i, x in enumerate(lines) if x.startswith("Қызметші"))
    assert any(x.split()[0].isdigit() for x in lines[:signature]), lines
    assert "Жоспарлы мәні" in last  # the heading repeats on the page


def test_a_row_taller_than_a_page_may_split_and_the_others_may_not() -> None:
    """001 app. 4 prints the indicators of a category as one row; the rows whose text runs over a page
    (the scraped text put several competencies' indicators in one) may split, Word would cut them off
    otherwise; the heading and the short rows keep «cantSplit»."""
    cat = read_catalogue_json(next(SEEDS.glob("001_*.json")))
    item = next(i for i in blank_forms(cat, ("kk",))[0] if i.appendix == 4)
    table = _first_table(item.render())
    rows = table.findall(f"{W}tr")
    tall = [r for r in rows if "cantSplit" not in _flags(r)]
    assert tall and len(tall) < len(rows) - 1
    assert "cantSplit" in _flags(rows[0])
    assert all(len("".join(r.itertext())) > 2000 for r in tall)
    assert all(len("".join(r.itertext())) < 2000 for r in rows if r not in tall)
