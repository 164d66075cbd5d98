"""``docgen fill`` exit codes (README "docgen fill"): 0 every row rendered; 1 some rows bad (findings,
the other rows rendered); 2 refused with one line naming the file, nothing written -- also when
the methodology itself cannot be filled in (no parameter sheet, a value the sheets need missing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from render.helpers import CATALOGUES

from docgen.cli import cli

from .test_fill import BAD, GOOD, write_csv


def _fill(catalogue: Path, data: Path, out: Path) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["fill", str(catalogue), "--data", str(data), "-o", str(out)])
    return res.exit_code, res.stderr


def _catalogue_without(tmp_path: Path, what: str) -> Path:
    data = json.loads((CATALOGUES / "ru_2025.json").read_text(encoding="utf-8"))
    if what == "forms":
        data["forms"] = []
    else:
        del data["parameters"][what]
    path = tmp_path / f"without_{what}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_all_rows_good_exit_0(tmp_path: Path) -> None:
    code, err = _fill(CATALOGUES / "ru_2025.json", write_csv(tmp_path / "d.csv", GOOD), tmp_path / "out")
    assert code == 0, err
    assert len(list((tmp_path / "out").glob("*.docx"))) == len(GOOD)


def test_bad_rows_are_findings_exit_1(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "d.csv", GOOD + BAD)
    code, err = _fill(CATALOGUES / "ru_2025.json", data, tmp_path / "out")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == len(BAD)  # one line per bad row ...
    assert all(
        str(data) in line and "строка " in line and "столбец " in line for line in lines
    )  # ... naming file and place
    assert len(list((tmp_path / "out").glob("*.docx"))) == len(GOOD)  # the good rows are rendered


def test_only_bad_rows_still_findings_exit_1(tmp_path: Path) -> None:
    code, err = _fill(CATALOGUES / "ru_2025.json", write_csv(tmp_path / "d.csv", BAD), tmp_path / "out")
    assert code == 1
    assert len(err.strip().splitlines()) == len(BAD)
    assert not list((tmp_path / "out").glob("*.docx"))


@pytest.mark.parametrize("missing", ["forms", "grades"])
def test_methodology_that_cannot_be_filled_exit_2(tmp_path: Path, missing: str) -> None:
    catalogue = _catalogue_without(tmp_path, missing)
    out = tmp_path / "out"
    code, err = _fill(catalogue, write_csv(tmp_path / "d.csv", GOOD), out)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(catalogue) in lines[0]
    assert "Traceback" not in err
    assert not out.exists()  # nothing written, not even the folder
    if missing == "forms":
        assert "нет листа оценки" in lines[0]


def test_methodology_without_sheet_exit_2_as_a_program(tmp_path: Path) -> None:
    """The same code from a real ``python -m docgen`` process (no CliRunner)."""
    catalogue = _catalogue_without(tmp_path, "forms")
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "docgen",
            "fill",
            str(catalogue),
            "--data",
            str(write_csv(tmp_path / "d.csv", GOOD)),
        ]
        + ["-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1 and str(catalogue) in res.stderr
