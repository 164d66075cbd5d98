"""summary.csv and summary.xlsx read as a person expects, in the act's (or the chosen) language, with
no internal code in a cell; summary.json keeps the codes for programs.

Expected values are worked out by hand from the sample data (legal_corpus/samples/sheets_2026Q1_*.csv)
and the acts: seed 003 (kk, Pavlodar) and seed 004 (ru, WKO) put categories Е-1, Е-2, Е-R-1 on
appendix 1 (003 p. 16, 004 p. 16), the others on appendix 2; the final score is the mean of the five
scores to 0,01, not above 2,99 for a remark, reprimand or severe reprimand and not above 1,99 for any
other sanction (appendix rows 5); 3–3,99 is «надлежащим образом» / «тиісті түрде», 2–2,99
«удовлетворительно» / «қанағаттанарлық түрде», 0–1,99 «не удовлетворительно» / «қанағаттанарлықсыз
түрде» (004 p. 84, 003 p. 82); the appendices' titles are 004 lines 182 and 300, 003 lines 170 and 218.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
ACT_003 = next((ROOT / "legal_corpus/acts/pavlodar-city-akimat-402-11").glob("003_*.txt"))
ACT_004 = next((ROOT / "legal_corpus/acts/wko-akimat-53").glob("004_*.txt"))
DATA_KK = ROOT / "legal_corpus/samples/sheets_2026Q1_kk.csv"
DATA_RU = ROOT / "legal_corpus/samples/sheets_2026Q1_ru.csv"

HEADS_KK = [
    "Т.А.Ә.",
    "Кезең",
    "Бағалау парағы",
    "Орташа қорытынды баға",
    "Қорытынды баға",
    "Бағалау нәтижесі",
    "Баға қалай шықты",
    "Ескертулер",
    "Қателер",
    "Деректер жолы",
]
HEADS_RU = [
    "Ф.И.О.",
    "Период",
    "Оценочный лист",
    "Средняя итоговая оценка",
    "Итоговая оценка",
    "Результат оценки",
    "Как получена оценка",
    "Предупреждения",
    "Ошибки",
    "Строка данных",
]
FILE_KK = {"kk": "Қазақ тіліндегі парақ (файл)", "ru": "Орыс тіліндегі парақ (файл)"}
FILE_RU = {"kk": "Лист на казахском языке (файл)", "ru": "Лист на русском языке (файл)"}
LATIN = re.compile(r"[A-Za-z]")


def _fill(act: Path, data: Path, out: Path, *lang: str) -> None:
    res = CliRunner().invoke(cli, ["fill", str(act), "--data", str(data), "-o", str(out), *lang])
    assert res.exit_code == 0, res.output


@pytest.fixture(scope="module")
def kk_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kk") / "out"
    _fill(ACT_003, DATA_KK, out)
    return out


@pytest.fixture(scope="module")
def ru_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ru") / "out"
    _fill(ACT_004, DATA_RU, out, "--lang", "both")
    return out


def _csv(out: Path) -> list[list[str]]:
    text = (out / "summary.csv").read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def _xlsx(out: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(out / "summary.xlsx").active
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _by_name(rows: list[list[object]]) -> dict[str, dict[str, object]]:
    head = [str(h) for h in rows[0]]
    return {str(r[0]): dict(zip(head, r, strict=True)) for r in rows[1:]}


def test_headings_in_the_acts_language(kk_out: Path, ru_out: Path) -> None:
    assert _csv(kk_out)[0] == [*HEADS_KK, FILE_KK["kk"]]
    assert _xlsx(kk_out)[0] == [*HEADS_KK, FILE_KK["kk"]]
    assert _csv(ru_out)[0] == [*HEADS_RU, FILE_RU["kk"], FILE_RU["ru"]]
    assert _xlsx(ru_out)[0] == [*HEADS_RU, FILE_RU["kk"], FILE_RU["ru"]]


def test_the_chosen_language_heads_a_russian_act(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _fill(ACT_004, DATA_RU, out, "--lang", "kk")
    rows = _csv(out)
    assert rows[0] == [*HEADS_KK, FILE_KK["kk"]]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Кезең"] == "2026 жылғы 1-тоқсан"
    assert first["Бағалау парағы"] == "Басшы лауазымды атқаратын адамның бағалау парағы (1-қосымша)"
    assert first["Бағалау нәтижесі"] == "функционалдық міндеттерін тиісті түрде атқарады"


@pytest.mark.parametrize("which", ["kk", "ru"])
def test_no_latin_code_in_a_persons_cell(which: str, kk_out: Path, ru_out: Path) -> None:
    """No ``leader``, ``staff``, ``proper``, ``2026-Q1``, ``score_5`` ... in any cell; the only Latin
    letters are in the file columns, which hold the names of files in the folder."""
    out, files = (kk_out, FILE_KK) if which == "kk" else (ru_out, FILE_RU)
    for rows in (_csv(out), _xlsx(out)):
        head = [str(h) for h in rows[0]]
        file_cols = {head.index(h) for h in files.values() if h in head}
        assert file_cols
        for r in rows:
            for i, cell in enumerate(r):
                if i in file_cols and r is not rows[0]:
                    assert cell and str(cell).endswith(".docx") and (out / str(cell)).is_file()
                else:
                    assert not LATIN.search(str(cell or "")), (i, cell)
    ws = openpyxl.load_workbook(out / "summary.xlsx").active
    assert not LATIN.search(ws.title)


def test_values_of_a_kazakh_act(kk_out: Path) -> None:
    rows = _by_name(_csv(kk_out))
    # row 2: Е-R-1 -> appendix 1; (4 + 4,5 + 4,5 + 2 + 4,5) / 5 = 3,90; no sanction
    a = rows["Әбілқасымова Гүлнар Ерланқызы"]
    assert a["Кезең"] == "2026 жылғы 1-тоқсан"
    assert a["Бағалау парағы"] == "Басшы лауазымды атқаратын адамның бағалау парағы (1-қосымша)"
    assert (a["Орташа қорытынды баға"], a["Қорытынды баға"]) == ("3,90", "3,90")
    assert a["Бағалау нәтижесі"] == "функционалдық міндеттерін тиісті түрде атқарады"
    assert a["Деректер жолы"] == "2" and a["Қателер"] == ""
    # row 3: Е-3 -> appendix 2; (2 + 5 + 4,5 + 5 + 2) / 5 = 3,70; another sanction caps it at 1,99
    t = rows["Төлеуов Нұрлан Серікұлы"]
    assert t["Бағалау парағы"] == "Басшы лауазымды атқармайтын адамның бағалау парағы (2-қосымша)"
    assert (t["Орташа қорытынды баға"], t["Қорытынды баға"]) == ("3,70", "1,99")
    assert t["Бағалау нәтижесі"] == "функционалдық міндеттерін қанағаттанарлықсыз түрде атқарады"
    # row 6: Е-5, a reprimand with full marks for "no sanctions": the warning names the column's caption
    s = rows["Сәрсенбаева Мөлдір"]
    assert (s["Орташа қорытынды баға"], s["Қорытынды баға"]) == ("4,50", "2,99")
    assert s["Ескертулер"].startswith("Баға 5: ") and "«сөгіс»" in s["Ескертулер"]
    # the workbook: the same row with numbers shown with two decimals
    x = _by_name(_xlsx(kk_out))["Төлеуов Нұрлан Серікұлы"]
    assert (x["Орташа қорытынды баға"], x["Қорытынды баға"], x["Деректер жолы"]) == (3.7, 1.99, 3)
    assert x["Кезең"] == "2026 жылғы 1-тоқсан"


def test_values_of_a_russian_act(ru_out: Path) -> None:
    rows = _by_name(_csv(ru_out))
    # row 2: Е-1 -> appendix 1; (3,5 + 4,5 + 4,5 + 5 + 2) / 5 = 3,90; no sanction
    a = rows["Иванова Анна Петровна"]
    assert a["Период"] == "1 квартал 2026 года"
    assert a["Оценочный лист"] == "Оценочный лист лица, занимающего руководящую должность (приложение 1)"
    assert (a["Средняя итоговая оценка"], a["Итоговая оценка"]) == ("3,90", "3,90")
    assert a["Результат оценки"] == "выполняет функциональные обязанности надлежащим образом"
    # row 3: D-4 -> appendix 2; (4,5 + 4,5 + 4 + 4,5 + 4,5) / 5 = 4,40; a reprimand caps it at 2,99
    s = rows["Сейткали Ержан Болатович"]
    assert s["Оценочный лист"] == "Оценочный лист лица, занимающего не руководящую должность (приложение 2)"
    assert (s["Средняя итоговая оценка"], s["Итоговая оценка"]) == ("4,40", "2,99")
    assert s["Результат оценки"] == "выполняет функциональные обязанности удовлетворительно"
    # row 8: E-2, another sanction: (3,5 + 4 + 3 + 5 + 5) / 5 = 4,10 capped at 1,99
    o = rows["Орлова Мария «Маша» Андреевна"]
    assert (o["Средняя итоговая оценка"], o["Итоговая оценка"]) == ("4,10", "1,99")
    assert o["Результат оценки"] == "выполняет функциональные обязанности не удовлетворительно"
    assert o["Предупреждения"].startswith("Оценка 5: ")


def test_json_keeps_the_codes_for_programs(ru_out: Path) -> None:
    data = json.loads((ru_out / "summary.json").read_text(encoding="utf-8"))
    assert data["columns"][:6] == ["full_name", "period", "sheet", "average", "final_score", "grade"]
    first = data["rows"][0]
    assert first["full_name"] == "Иванова Анна Петровна" and first["row"] == 2
    assert (first["period"], first["sheet"], first["grade"]) == ("2026-Q1", "leader", "proper")
    assert (first["average"], first["final_score"]) == (3.9, 3.9)
    assert [f[-8:] for f in first["files"]] == [".kk.docx", ".ru.docx"]
    assert all((ru_out / f).is_file() for r in data["rows"] for f in r["files"])
    assert len(data["rows"]) == 10


def test_bad_row_names_its_column_by_caption(tmp_path: Path) -> None:
    lines = DATA_RU.read_text(encoding="utf-8").splitlines()
    head = lines[0].split(",")
    bad = lines[1].split(",")
    bad[head.index("score_2")] = "9"
    data = tmp_path / "d.csv"
    data.write_text("\n".join([lines[0], ",".join(bad)]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["fill", str(ACT_004), "--data", str(data), "-o", str(tmp_path / "o")])
    assert res.exit_code == 1
    row = dict(zip(*_csv(tmp_path / "o")[:2], strict=True))
    assert row["Ошибки"] == "Оценка 2: вне диапазона методики от 0 до 5: «9»"
    assert row["Период"] == "1 квартал 2026 года" and row["Итоговая оценка"] == ""


def test_workbook_layout(ru_out: Path) -> None:
    """Bold frozen heading row repeated on every printed page, wrapped text, readable widths, A4
    landscape one page wide, scores shown with two decimals."""
    wb = openpyxl.load_workbook(ru_out / "summary.xlsx")
    ws = wb.active
    assert ws.freeze_panes == "A2"
    assert all(c.font.b and c.alignment.wrap_text for c in ws[1])
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    widths = [ws.column_dimensions[c].width for c in "ABCDEFGHIJKL"]
    assert min(widths) >= 10 and widths[6] >= 30  # «Как получена оценка» is the longest text
    assert ws["G3"].alignment.wrap_text and ws["D3"].number_format == "0.00"
    assert ws.row_dimensions[3].height and ws.row_dimensions[3].height >= 30  # grown to its text
    with zipfile.ZipFile(ru_out / "summary.xlsx") as zf:
        assert "xl/styles.xml" in zf.namelist()
