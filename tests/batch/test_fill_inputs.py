"""`docgen fill` input files as an HR officer has them: Excel CSV in cp1251 with ';', and bad files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from docgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
METHOD = next(ROOT.glob("legal_corpus/acts/*/004_*.txt"))
SAMPLE = ROOT / "legal_corpus" / "samples" / "sheets_2026Q1_ru.csv"


def _run(args: list[str]) -> int:
    try:
        main(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_cp1251_semicolon_csv_from_excel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))
    buf = io.StringIO()
    csv.writer(buf, delimiter=";").writerows(rows)
    data = tmp_path / "excel.csv"
    data.write_bytes(buf.getvalue().encode("cp1251"))
    code = _run(["fill", str(METHOD), "--data", str(data), "-o", str(tmp_path / "out"), "--lang", "ru"])
    assert code == 0, capsys.readouterr().err
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    assert rows[1][0] in summary  # the first employee's name came through the cp1251 decoding intact
    assert len(list((tmp_path / "out").glob("*.ru.docx"))) == len(rows) - 1


def test_binary_data_file_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data.csv"
    data.write_bytes(bytes(range(256)) * 10)
    code = _run(["fill", str(METHOD), "--data", str(data), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert "data.csv" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "summary.csv").exists()


def test_summary_csv_cannot_carry_a_formula(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))
    rows[1][0] = '=HYPERLINK("http://x","y")'
    data = tmp_path / "data.csv"
    with data.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows[:2])
    assert _run(["fill", str(METHOD), "--data", str(data), "-o", str(tmp_path / "out"), "--lang", "ru"]) == 0
    summary = list(
        csv.reader(io.StringIO((tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")))
    )
    assert summary[1][0] == "'" + rows[1][0]
