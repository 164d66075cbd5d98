"""`docgen check` command: exit codes, formats (text, json, html escaped, docx read back)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx
from click.testing import CliRunner
from official_layout import assert_official

from docgen.check import check_path, load_profile
from docgen.check.generate import generate_clean
from docgen.check.report import render_html
from docgen.commands.check import check

from .conftest import ROOT, SEEDS

SEED = "004_cb6464f9152e2bf0"
CAT = str(ROOT / "tests" / "data" / "expected" / f"{SEED}.json")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(check, list(args), standalone_mode=False)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        code = getattr(result.exception, "exit_code", None)
        if code is None:
            raise result.exception
        return int(code), result.output
    return int(result.return_value if result.return_value is not None else result.exit_code), result.output


def test_seed_fails_with_json_findings() -> None:
    code, out = _run(str(SEEDS[SEED]), "--catalogue", CAT, "--format", "json", "--as-of", "2026-06-01")
    assert code == 1
    data = json.loads(out)
    assert data["edition"] == "E4" and data["failed"] is True
    keys = {"code", "category", "severity", "point", "quote", "message", "expected", "actual", "evidence"}
    assert all(keys <= set(f) for f in data["findings"])
    assert data["summary"]["broken_cross_reference"]["error"] == 3


def test_clean_text_passes(tmp_path: Path) -> None:
    text, catalogue = generate_clean(load_profile("E4"), "ru")
    src = tmp_path / "clean.txt"
    src.write_text(text, encoding="utf-8")
    cat = tmp_path / "cat.json"
    cat.write_text(json.dumps(catalogue.to_json(), ensure_ascii=False), encoding="utf-8")
    code, out = _run(str(src), "--catalogue", str(cat), "--as-of", str(catalogue.act.act_date))
    assert code == 0
    assert "Несоответствий не выявлено" in out


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _run(str(SEEDS[SEED]), "--model", "E7")[0] == 2
    assert _run(str(SEEDS[SEED]), "--format", "docx")[0] == 2
    assert _run(str(SEEDS[SEED]), "--as-of", "yesterday")[0] == 2
    out = tmp_path / "r.html"
    out.write_text("x", encoding="utf-8")
    assert _run(str(SEEDS[SEED]), "--catalogue", CAT, "--format", "html", "-o", str(out))[0] == 2


def test_docx_report_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    code, _ = _run(
        str(SEEDS[SEED]), "--catalogue", CAT, "--format", "docx", "-o", str(out), "--as-of", "2026-06-01"
    )
    assert code == 1
    assert_official(out.read_bytes(), "ru", what="check report")
    d = docx.Document(io.BytesIO(out.read_bytes()))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Сводная таблица" in text and "пункт 18" in text
    assert "в порядке, предусмотренном в пункте 11 настоящей Методики" in text
    table = d.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Категория", "ошибка", "предупреждение", "сведения"]
    total = table.rows[-1].cells
    errors = sum(
        1
        for f in json.loads(
            _run(str(SEEDS[SEED]), "--catalogue", CAT, "--format", "json", "--as-of", "2026-06-01")[1]
        )["findings"]
        if f["severity"] == "error"
    )
    assert total[1].text == str(errors)


def test_html_is_self_contained_and_escaped(tmp_path: Path) -> None:
    text, catalogue = generate_clean(load_profile("E4"), "kk")
    text = text.replace("8. Бағалауды", "8. <script>alert(1)</script> Бағалауды")
    src = tmp_path / "x.txt"
    src.write_text(text, encoding="utf-8")
    result = check_path(str(src), catalogue=catalogue, as_of=dt.date(2026, 1, 1))
    page = render_html(result)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "http" not in page.split("</style>")[0]
    assert page.startswith("<!DOCTYPE html>") and 'lang="kk"' in page


def test_malformed_profile_is_bad_input_exit_2(tmp_path: Path) -> None:
    """A broken ``--model`` profile is bad input (2), not findings (1): one line naming file and place."""
    import subprocess
    import sys

    bad = tmp_path / "E9.yaml"
    bad.write_text(
        "edition: E9\ngeneration: 2025_quarterly_sheets\nin_force: {from: 2025-13-01}\n", encoding="utf-8"
    )
    assert _run(str(SEEDS[SEED]), "--catalogue", CAT, "--model", str(bad))[0] == 2
    proc = subprocess.run(
        [sys.executable, "-m", "docgen", "check", str(SEEDS[SEED]), "--catalogue", CAT, "--model", str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "E9.yaml:in_force.from" in proc.stderr
    assert "Traceback" not in proc.stderr
