"""360 reports: the radar chart is a native chart part (c:radarChart), wired into the DOCX package."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from lxml import etree
from official_layout import assert_official

from docgen.catalogue_model import Catalogue
from docgen.cli import main
from docgen.errors import DataError, OutputExistsError
from docgen.report360 import make_reports
from docgen.report360.chart import CT_CHART, REL_CHART, A, C, radar_chart_xml

from .conftest import CATS, person, to_pdf

NAME = 'Әлиева «Айгүл» <A&B> "x"'


def _reports(make_answers: Callable[..., Path], cat: Catalogue, out: Path, **kw: Any) -> list[Path]:
    rows = {
        "leaders": person("L1", NAME, 12, [[5] * 12, [4] * 12, [3] * 12, [2] * 12, [4] * 12]),
        "staff": person("S1", "Бекова Дана", 8, [[1] * 8, [5, 4, 3, 2, 1, 2, 3, 4]] + [[3] * 8] * 3),
    }
    return make_reports(make_answers(rows), cat, out, **kw)


def test_chart_xml_is_radar() -> None:
    xml = radar_chart_xml(["a", "b<&>", "c"], [1, 2.5, 3], "s", axis_min=0, axis_max=5)
    root = etree.fromstring(xml)
    ns = {"c": C}
    assert root.find(".//c:radarChart/c:radarStyle", ns) is not None
    # the axes are numbered like the table's № column; the names stay in the table and the workbook
    assert [v.text for v in root.findall(".//c:cat//c:pt/c:v", ns)] == ["1", "2", "3"]
    assert root.find(".//c:cat/c:strRef/c:f", ns).text == "Sheet1!$A$2:$A$4"  # type: ignore[union-attr]
    sizes = [int(e.get("sz") or 0) for e in root.iter(f"{{{A}}}defRPr")]
    assert sizes and min(sizes) >= 900  # labels at least 9 pt
    assert [float(v.text or "") for v in root.findall(".//c:val//c:pt/c:v", ns)] == [1, 2.5, 3]
    assert root.find(".//c:valAx/c:scaling/c:max", ns).get("val") == "5"  # type: ignore[union-attr]


def test_report_package(make_answers: Callable[..., Path], cat2018: Catalogue, tmp_path: Path) -> None:
    paths = _reports(make_answers, cat2018, tmp_path / "out")
    assert [p.name for p in paths] == ["result360_L1.docx", "result360_S1.docx"]
    z = zipfile.ZipFile(paths[0])
    names = z.namelist()
    assert "word/charts/chart1.xml" in names and "word/charts/_rels/chart1.xml.rels" in names
    assert any(n.startswith("word/embeddings/") and n.endswith(".xlsx") for n in names)
    types = z.read("[Content_Types].xml").decode()
    assert 'PartName="/word/charts/chart1.xml"' in types and CT_CHART in types
    rels = z.read("word/_rels/document.xml.rels").decode()
    m = re.search(rf'Id="([^"]+)" Type="{re.escape(REL_CHART)}" Target="charts/chart1.xml"', rels)
    assert m
    doc_xml = z.read("word/document.xml").decode()
    assert f'r:id="{m.group(1)}"' in doc_xml and "c:chart" in doc_xml and "DOCGEN_CHART_ANCHOR" not in doc_xml
    chart = etree.fromstring(z.read("word/charts/chart1.xml"))
    cats = [v.text for v in chart.findall(f".//{{{C}}}cat//{{{C}}}v")]
    assert cats == [str(i) for i in range(1, 13)]
    # the chart is at least half the text width of the page (A4, margins 30 and 10 mm: 17 cm)
    extent = re.search(r'<wp:extent cx="(\d+)"', doc_xml)
    assert extent and int(extent.group(1)) >= 17 * 360000 // 2
    vals = [float(v.text or "") for v in chart.findall(f".//{{{C}}}val//{{{C}}}v")]
    assert vals == [3.25] * 12  # self (5) excluded: (4+3+2+4)/4
    doc = Document(io.BytesIO(paths[0].read_bytes()))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert NAME in text and "Бағалау нәтижесі: 3,25" in text and "Респонденттер саны: 4" in text
    row1 = doc.tables[0].rows[1].cells
    assert [row1[0].text, row1[1].text, row1[2].text] == ["1", "Қызметті басқару", "3,25"]
    assert_official(paths[0].read_bytes(), "kk", what="360 report")


def test_all_checked_before_writing(
    make_answers: Callable[..., Path], cat2018: Catalogue, tmp_path: Path
) -> None:
    rows = {
        "staff": person("S1", "А", 8, [[3] * 8] * 4) + person("S2", "Б", 8, [[3] * 8] * 2, ["self", "peer"])
    }
    out = tmp_path / "out"
    with pytest.raises(
        DataError, match=r"staff!rows 6-7: респондентов: 1 \(без самооценки\), а методика требует от 3 до 7"
    ):
        make_reports(make_answers(rows), cat2018, out)
    assert not out.exists() or not list(out.iterdir())


def test_no_overwrite(make_answers: Callable[..., Path], cat2018: Catalogue, tmp_path: Path) -> None:
    _reports(make_answers, cat2018, tmp_path / "out")
    with pytest.raises(OutputExistsError):
        _reports(make_answers, cat2018, tmp_path / "out")
    assert len(_reports(make_answers, cat2018, tmp_path / "out", force=True)) == 2


def test_cli_template_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cat = str(CATS / "cat_000_2018_kpi360_kk.json")
    tpl = tmp_path / "t.xlsx"
    main(["report360", "--catalogue", cat, "--template", str(tpl)])
    assert tpl.is_file()
    with pytest.raises(SystemExit) as e:
        main(["report360", "--catalogue", cat, "--data", str(tpl), "-o", str(tmp_path / "o")])
    err = capsys.readouterr().err  # a Kazakh methodology without --lang: said in Kazakh alone
    assert e.value.code == 2 and err.startswith("docgen: қате: ") and "жауаптар табылмады" in err
    assert "ответы" not in err
    with pytest.raises(SystemExit) as e:
        main(["report360", "--catalogue", cat])
    assert e.value.code == 2


def test_libreoffice_draws_the_chart(
    make_answers: Callable[..., Path], cat2018: Catalogue, tmp_path: Path
) -> None:
    paths = _reports(make_answers, cat2018, tmp_path / "out", lang="ru", period="2024 год")
    pdfs = to_pdf(paths, tmp_path)
    for pdf, n in zip(pdfs, (12, 8), strict=True):
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        flat = " ".join(text.split())
        assert "Паутинка" in flat and "Форма" in flat
        # the competency names are in the table; the radar's axes carry their numbers 1..n
        names = cat2018.value("method360_competencies_" + ("leaders" if n == 12 else "staff"))
        short = [w for w in (nm.split()[0].capitalize() for nm in names) if len(w) > 4]
        assert sum(flat.count(w) >= 1 for w in short) >= len(short) - 1
        numbers = set(re.findall(r"(?<![\d,.])\d{1,2}(?![\d,.])", text))
        assert {str(i) for i in range(1, n + 1)} <= numbers
    # the chart area is drawn: the series colour (#1F4E79) is present in the rendered page
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdfs[0]), str(tmp_path / "pg")], check=True
    )
    png = next(tmp_path.glob("pg*.png"))
    pytest.importorskip("PIL")
    from PIL import Image

    img = Image.open(png).convert("RGB")
    near = sum(
        1 for r, g, b in img.getdata() if abs(r - 0x1F) < 40 and abs(g - 0x4E) < 40 and abs(b - 0x79) < 40
    )
    assert near > 30
