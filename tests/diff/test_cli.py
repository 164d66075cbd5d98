"""``docgen diff`` command: formats, cross-language behaviour, output safety."""

from __future__ import annotations

import json

from click.testing import CliRunner

from docgen.commands.diff import diff
from docgen.diff.redline import accept_all
from docgen.errors import OutputExistsError, UsageError

from .conftest import EXPECTED, SEEDS, seed_text, write


def _run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(diff, list(args), catch_exceptions=False)
    return res.exit_code, res.output


def test_json_shape_text_only() -> None:
    code, out = _run(str(SEEDS["000"]), str(SEEDS["002"]), "--no-rules", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"parameters", "text", "forms", "form_assignment", "edit_notes", "summary"}
    row = next(t for t in data["text"] if t["old_point"] == "5")
    assert {"old_point", "new_point", "change", "similarity"} <= set(row)
    assert any(e["old"] == "үш" and e["new"] == "бір" for e in row["edits"])


def test_catalogues_across_languages() -> None:
    code, out = _run(
        str(EXPECTED / "003_2e27b257be2a4c2f.json"),
        str(EXPECTED / "004_cb6464f9152e2bf0.json"),
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0 and data["parameters"] == [] and data["form_assignment"]


def test_real_catalogues_number_word(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Full pipeline (spaCy extraction): a changed number word is a rule change with its point."""
    new = write(
        tmp_path,
        "new.txt",
        seed_text("004").replace("не менее пятнадцати фактически", "не менее десяти фактически"),
    )
    code, out = _run(str(SEEDS["004"]), str(new), "--format", "json", "--exit-code")
    data = json.loads(out)
    assert code == 1
    assert [
        (p["key"], p["old"]["value"], p["new"]["value"], p["new"]["point"]) for p in data["parameters"]
    ] == [("min_worked_days", 15, 10, "5")]
    assert [(t["old_point"], t["change"]) for t in data["text"]] == [("5", "modified")]


def test_languages_differ_text_skipped(tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, out = _run(str(SEEDS["003"]), str(SEEDS["004"]), "--no-rules")
    assert code == 0 and "на разных языках" in out  # the report speaks the new act's language (004: ru)
    res = CliRunner().invoke(
        diff,
        [
            str(SEEDS["003"]),
            str(SEEDS["004"]),
            "--no-rules",
            "--format",
            "docx",
            "-o",
            str(tmp_path / "x.docx"),
        ],
    )
    assert isinstance(res.exception, UsageError) and "на разных языках" in str(res.exception)
    assert not (tmp_path / "x.docx").exists()


def test_docx_and_html_outputs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.docx"
    code, _ = _run(
        str(SEEDS["003"]),
        str(SEEDS["002"]),
        "--no-rules",
        "--format",
        "docx",
        "-o",
        str(out),
        "--date",
        "2026-05-05T10:00:00Z",
    )
    assert code == 0 and accept_all(out.read_bytes())
    res = CliRunner().invoke(
        diff, [str(SEEDS["003"]), str(SEEDS["002"]), "--no-rules", "--format", "docx", "-o", str(out)]
    )
    assert isinstance(res.exception, OutputExistsError)  # refuses to overwrite without --force
    html_path = tmp_path / "d.html"
    evil = write(
        tmp_path,
        "evil.txt",
        seed_text("003").replace("Жалпы ережелер", "Жалпы <script>alert(1)</script> ережелер", 1),
    )
    code, _ = _run(str(SEEDS["003"]), str(evil), "--no-rules", "--format", "html", "-o", str(html_path))
    page = html_path.read_text(encoding="utf-8")
    assert code == 0 and "<script>" not in page and "&lt;script&gt;" in page
    assert "<link" not in page and "src=" not in page  # self-contained


def test_identical_text_report() -> None:
    code, out = _run(str(SEEDS["001"]), str(SEEDS["001"]), "--no-rules", "--exit-code")
    assert code == 0 and "Айырмашылық жоқ." in out  # 001 is a Kazakh act


def test_cli_main_exit_codes(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from docgen.cli import main

    with pytest.raises(SystemExit) as exc:
        main(
            [
                "diff",
                str(SEEDS["003"]),
                str(SEEDS["004"]),
                "--no-rules",
                "--format",
                "docx",
                "-o",
                str(tmp_path / "x.docx"),
            ]
        )
    assert exc.value.code == 2
    assert "на разных языках" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["diff", str(SEEDS["003"]), str(SEEDS["002"]), "--no-rules", "--exit-code"])
    assert exc.value.code == 1
