"""Issue 13 cases 4 and 5: summaries that cannot be turned against their readers.

Both summaries are opened by LibreOffice as a reader would: the CSV with ``;``, ``,`` and tab as the
separator and "evaluate formulas" on, the XLSX as it is; no cell may be a formula, no row may be lost.
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
from render.helpers import CATALOGUES, load_catalogue, load_json

from batch.test_fill import GOOD, HEAD, write_csv
from docgen.batch.run import fill_batch
from docgen.batch.summary import csv_safe
from docgen.batch.xlsx import xlsx_text

needs_lo = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")

# Names an attacker or a careless user might type, and what summary.csv must hold for each (written
# by hand: a ' before every formula a reader could cut out of the field).
HOSTILE = {
    "Ли;=1+2;": "Ли;'=1+2;",
    "a,=1+2": "a,'=1+2",
    ";=1+2": ";'=1+2",
    ",=1+2": ",'=1+2",
    'x";=1+2;"': 'x";\'=1+2;"',
    'x""\t=1+2': 'x""\t\'=1+2',
    '=HYPERLINK("http://example.invalid";"нажми")': '\'=HYPERLINK("http://example.invalid";"нажми")',
    "Ли;=HYPERLINK(A1)": "Ли;'=HYPERLINK(A1)",
    "+7 701 1234567": "'+7 701 1234567",
    "-2+3": "'-2+3",
    "@SUM(1;2)": "'@SUM(1;2)",
    " =1+2": " '=1+2",
    "\t=1+2": "\t'=1+2",
    "\uff1d1+2": "'\uff1d1+2",
    "Ли\n=1+2": "Ли\n'=1+2",
    "Ли\r=1+2": "Ли\r'=1+2",
    "Ли\r\n=1+2;": "Ли\r\n'=1+2;",
    "Ли\u2028=1+2": "Ли\u2028'=1+2",
    'Ли"\n=1+2': "Ли\"\n'=1+2",
    'Ли\n"=1+2': "Ли\n\"'=1+2",
    "Ли; -1": "Ли; '-1",
    "Иванова-Петрова, 2026-Q1": "Иванова-Петрова, 2026-Q1",
}
CONTROL = [
    "Ли\x01на",
    "\x0bСейіт",
    "Ким\x1f",
    "Ан\x07на",
    "Ер\x1bлан",
    "Ае\ufffeл",
    "_x0041_ буквально",
    "Жол\x0cжол",
]


def _row(name: str, score: str = "4") -> list[str]:
    row = list(GOOD[0])
    row[HEAD.index("full_name")] = name
    for i in range(1, 6):
        row[HEAD.index(f"score_{i}")] = score
    return row


@pytest.fixture(scope="module")
def lo_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LibreOffice user profile for the module (creating one costs seconds)."""
    return tmp_path_factory.mktemp("lo-profile")


def _soffice(args: list[str], profile: Path) -> None:
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", *args],
        check=True,
        capture_output=True,
        timeout=180,
    )


def _ods_cells(ods: Path) -> tuple[list[str], int]:
    """(every formula attribute, number of rows) in an .ods written by LibreOffice."""
    xml = zipfile.ZipFile(ods).read("content.xml").decode("utf-8")
    formulas = re.findall(r'table:formula="([^"]*)"', xml)
    rows = 0
    for m in re.finditer(r"<table:table-row\b([^>]*)>", xml):
        rep = re.search(r'table:number-rows-repeated="(\d+)"', m.group(1))
        rows += 1 if rep is None else 0  # trailing empty rows come repeated
    return formulas, rows


def test_csv_safe_neutralises_every_formula_start_and_keeps_numbers() -> None:
    for name, safe in HOSTILE.items():
        assert csv_safe([name]) == [safe], repr(name)
    assert csv_safe(["4.50", "-1", "12", "Иванов"]) == ["4.50", "-1", "12", "Иванов"]


def test_xlsx_text_escapes_what_xml_cannot_carry() -> None:
    assert xlsx_text("a\x01b") == "a_x0001_b"
    assert xlsx_text("_x0041_") == "_x005F_x0041_"
    assert xlsx_text("Тест\tжол\n") == "Тест\tжол\n"


@needs_lo
def test_case5_formula_injection_through_semicolon(tmp_path: Path, lo_profile: Path) -> None:
    names = list(HOSTILE)
    data = write_csv(tmp_path / "d.csv", [_row(n) for n in names] + [_row(n, "9") for n in names])
    out = tmp_path / "out"
    rep, _ = fill_batch(load_catalogue("ru_2025.json"), data, out, langs=("ru",), jobs=1, progress=False)
    assert rep.rows == 2 * len(HOSTILE) and rep.bad_rows == len(HOSTILE)
    text = (out / "summary.csv").read_bytes().decode("utf-8-sig")
    back = list(csv.reader(io.StringIO(text, newline="")))
    nl = lambda t: t.replace("\r\n", "\n").replace("\r", "\n")  # noqa: E731  (good rows: normalised)
    assert [nl(r[0]) for r in back[1:]] == [nl(v) for v in HOSTILE.values()] * 2
    assert text.startswith('"Ф.И.О.","Период"') and '"\r\n"' in text  # every field quoted, headed in ru
    # a control file written the old way (unquoted) proves the harness sees a live formula
    (tmp_path / "control.csv").write_text("Ли;=1+2;\n", encoding="utf-8")
    profile = lo_profile
    for sep in (59, 44, 9):  # ';' ',' tab; token 13 = evaluate formulas
        conv = tmp_path / f"sep{sep}"
        _soffice(
            [
                f"--infilter=CSV:{sep},34,76,1,,0,false,true,false,false,false,-1,true",
                "--convert-to",
                "ods",
                "--outdir",
                str(conv),
                str(out / "summary.csv"),
                str(tmp_path / "control.csv"),
            ],
            profile,
        )
        formulas, rows = _ods_cells(conv / "summary.ods")
        assert formulas == [], (sep, formulas)
        if sep == 44:  # read with the separator it was written with, every record is one row
            assert rows == 1 + 2 * len(HOSTILE)
        if sep == 59:
            assert _ods_cells(conv / "control.ods")[0], "the harness must detect an unquoted formula"


@needs_lo
def test_case4_control_character_in_summary_xlsx(tmp_path: Path, lo_profile: Path) -> None:
    from openpyxl import load_workbook
    from openpyxl.utils.escape import unescape

    names = [f"Сотрудник {i}" for i in range(48)]
    for i, bad in enumerate(CONTROL):
        names[3 + 5 * i] = bad
    rows = [_row(n) for n in names]
    rows[7][HEAD.index("comment_1")] = "ком\x02мент"
    rows[9][HEAD.index("position")] = "\x08маман"
    data = write_csv(tmp_path / "d.csv", rows)
    out = tmp_path / "out"
    rep, _ = fill_batch(load_catalogue("ru_2025.json"), data, out, langs=("ru",), jobs=1, progress=False)
    assert rep.rows == 48
    wb = load_workbook(out / "summary.xlsx", read_only=True)
    got = [r[0] for r in wb.worksheets[0].iter_rows(values_only=True)]
    wb.close()
    assert len(got) == 49
    assert [unescape(v) for v in got[1:]] == names  # every name comes back exactly
    profile = lo_profile
    _soffice(
        ["--convert-to", "ods", "--outdir", str(tmp_path / "lo_out"), str(out / "summary.xlsx")], profile
    )
    formulas, nrows = _ods_cells(tmp_path / "lo_out" / "summary.ods")
    assert formulas == [] and nrows == 49  # LibreOffice sees all 48 rows and the header


def test_case4_summary_xlsx_of_the_cli_stays_readable(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from docgen.cli import main

    data = write_csv(tmp_path / "d.csv", [_row("Ли\x01на"), _row("Ким")])
    with pytest.raises(SystemExit) as exc:
        main(["fill", str(CATALOGUES / "ru_2025.json"), "--data", str(data), "-o", str(tmp_path / "o")])
    assert exc.value.code == 1  # the control character is a bad row, reported
    wb = load_workbook(tmp_path / "o" / "summary.xlsx", read_only=True)
    assert len(list(wb.worksheets[0].iter_rows(values_only=True))) == 3
    wb.close()


def test_case4_input_template_cells_from_the_text_are_plain_strings(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from docgen.batch.workbook import write_input_template
    from docgen.catalogue_model import Catalogue

    data = load_json("ru_2025.json")
    data["form_assignment"][0]["categories"] = ["=1+2", "E\x01-9"]
    out = write_input_template(Catalogue.from_json(data), tmp_path / "in.xlsx")
    wb = load_workbook(out)
    values = [c.value for c in wb["categories"]["A"]]
    assert "=1+2" in values and "E-9" in values
    assert all(c.data_type == "s" for c in wb["categories"]["A"])
