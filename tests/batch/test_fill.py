"""docgen fill: batch of filled sheets from CSV/XLSX, bad rows, summaries, resume, input template."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from official_layout import assert_official
from render.helpers import CATALOGUES, docx_text, load_catalogue, load_json

from docgen.batch.plan import FillPlan
from docgen.batch.reader import read_rows
from docgen.batch.run import fill_batch
from docgen.catalogue_model import Catalogue
from docgen.cli import cli

HEAD = [
    "full_name",
    "position",
    "category",
    "body",
    "evaluator_name",
    "evaluator_position",
    "period",
    "score_1",
    "score_2",
    "score_3",
    "score_4",
    "score_5",
    "sanction",
    "comment_1",
    "comment_2",
    "sheet",
]
GOOD = [
    [
        "Әбілқайыр Ерлан «Ж» <&>",
        "бас маман",
        "E-3",
        "Аппарат",
        "Петров П.П.",
        "басшы",
        "2026-Q1",
        "4",
        "4",
        "4",
        "4",
        "3,95",
        "none",
        "жақсы\tжұмыс",
        "көп\nжол",
        "",
    ],
    [
        "Иванова Мария",
        "руководитель отдела",
        "Е-1",
        "Аппарат",
        "Сидоров С.",
        "заместитель",
        "2026-Q2",
        "5",
        "5",
        "5",
        "5",
        "5",
        "reprimand",
        "",
        "",
        "",
    ],
    [
        "Ким Сергей",
        "специалист",
        "D-3",
        "Аппарат",
        "Сидоров С.",
        "заместитель",
        "2026-Q3",
        "2",
        "2",
        "2",
        "2",
        "2",
        "other",
        "",
        "",
        "staff",
    ],
]
BAD = [
    ["Bad Range", "x", "E-3", "b", "e", "p", "2026-Q1", "4", "6", "4", "4", "4", "none", "", "", ""],
    ["Bad Missing", "x", "E-3", "b", "e", "p", "2026-Q1", "4", "", "4", "4", "4", "none", "", "", ""],
    ["Bad Category", "x", "Z-9", "b", "e", "p", "2026-Q1", "4", "4", "4", "4", "4", "none", "", "", ""],
    ["Bad Sanction", "x", "E-3", "b", "e", "p", "2026-Q1", "4", "4", "4", "4", "4", "warning", "", "", ""],
    ["Bad\x07Char", "x", "E-3", "b", "e", "p", "2026-Q1", "4", "4", "4", "4", "4", "none", "", "", ""],
    ["Ambiguous", "x", "D-3", "b", "e", "p", "2026-Q1", "4", "4", "4", "4", "4", "none", "", "", ""],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([HEAD, *rows])
    return path


def summary(out: Path) -> list[dict[str, str]]:
    """summary.json's rows (the codes, for programs), scores as two-decimal text, files space-joined."""
    rows = json.loads((out / "summary.json").read_text(encoding="utf-8"))["rows"]
    for r in rows:
        for key in ("average", "final_score"):
            r[key] = "" if r[key] is None else f"{r[key]:.2f}"
        r["files"] = " ".join(r["files"])
    return rows


def test_fill_renders_good_rows_and_reports_bad_ones(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "data.csv", GOOD + BAD)
    out = tmp_path / "out"
    res = CliRunner().invoke(
        cli, ["fill", str(CATALOGUES / "ru_2025.json"), "--data", str(data), "-o", str(out)]
    )
    assert res.exit_code == 1
    err = res.stderr
    for expected in [
        "строка 5, столбец score_2: вне диапазона методики от 0 до 5",
        "строка 6, столбец score_2: нет оценки",
        "строка 7, столбец category: неизвестная категория",
        "строка 8, столбец sanction: неизвестное взыскание",
        "строка 9, столбец full_name: символ U+0007 нельзя записать в документ",
        "строка 10, столбец category: по методике категория относится к нескольким формам (приложения 1, 2)",
    ]:
        assert expected in err
    assert "Bad Range" not in err and "Әбілқайыр" not in err  # no personal data on stderr
    docs = sorted(out.glob("*.docx"))
    assert len(docs) == 3
    rows = summary(out)
    assert [r["full_name"] for r in rows][:3] == [g[0] for g in GOOD]
    assert (rows[0]["average"], rows[0]["final_score"], rows[0]["grade"]) == ("3.99", "3.99", "proper")
    assert (rows[1]["average"], rows[1]["final_score"], rows[1]["grade"]) == ("5.00", "2.99", "satisfactory")
    assert (rows[2]["sheet"], rows[2]["final_score"], rows[2]["grade"]) == ("staff", "1.99", "unsatisfactory")
    assert rows[0]["sheet"] == "staff" and rows[1]["sheet"] == "leader"
    assert all(r["errors"] for r in rows[3:]) and not any(r["files"] for r in rows[3:])
    assert (out / "summary.xlsx").is_file()
    first = docx_text((out / rows[0]["files"]).read_bytes())
    for value in [
        "Әбілқайыр Ерлан «Ж» <&>",
        "бас маман",
        "Петров П.П.",
        "жақсы\tжұмыс",
        "көп\nжол",
        "3,95",
        "3,99",
        "1 квартал 2026 года",
        "надлежащим образом",
        "Качество выполнения функциональных обязанностей",
    ]:
        assert value in first, value
    second = docx_text((out / rows[1]["files"]).read_bytes())
    assert "2,99" in second and "5,00" in second and "выговор" in second and "приложение 1" in second


def test_resume_and_force(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "data.csv", GOOD)
    cat = load_catalogue("ru_2025.json")
    out = tmp_path / "out"
    rep, docs = fill_batch(cat, data, out, langs=("ru",), jobs=1, progress=False)
    assert rep.rendered == 3 and rep.kept == 0
    docs[1].unlink()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (out / f".docgen-{dead.pid}-0.{docs[1].name}.tmp").write_bytes(b"half")  # a dead run's temp
    (out / ".notes.tmp").write_bytes(b"the user's own")
    rep, _ = fill_batch(cat, data, out, langs=("ru",), jobs=1, progress=False)
    assert (rep.rendered, rep.kept, rep.summary_kept) == (1, 2, True)
    assert [p.name for p in out.glob(".*.tmp")] == [".notes.tmp"]
    rep, _ = fill_batch(cat, data, out, langs=("ru",), force=True, jobs=1, progress=False)
    assert rep.rendered == 3


def test_changed_summary_needs_force(tmp_path: Path) -> None:
    from docgen.errors import OutputExistsError

    cat = load_catalogue("ru_2025.json")
    out = tmp_path / "out"
    fill_batch(cat, write_csv(tmp_path / "a.csv", GOOD), out, langs=("ru",), jobs=1, progress=False)
    with pytest.raises(OutputExistsError):
        fill_batch(cat, write_csv(tmp_path / "b.csv", GOOD[:1]), out, langs=("ru",), jobs=1, progress=False)


def test_parallel_equals_serial(tmp_path: Path) -> None:
    cat = load_catalogue("ru_2025.json")
    data = write_csv(tmp_path / "d.csv", (GOOD + BAD) * 90)
    fill_batch(cat, data, tmp_path / "a", langs=("ru", "kk"), jobs=1, progress=False)
    fill_batch(cat, data, tmp_path / "b", langs=("ru", "kk"), jobs=2, progress=False)
    assert (tmp_path / "a" / "summary.csv").read_bytes() == (tmp_path / "b" / "summary.csv").read_bytes()
    names = sorted(p.name for p in (tmp_path / "a").glob("*.docx"))
    assert names == sorted(p.name for p in (tmp_path / "b").glob("*.docx")) and len(names) == 540
    for n in names[:5]:
        assert (tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes()


def test_kk_methodology_both_languages_and_cap_on_parameter(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "data.csv", [GOOD[1]])
    out = tmp_path / "out"
    res = CliRunner().invoke(
        cli,
        [
            "fill",
            str(CATALOGUES / "kk_2025.json"),
            "--data",
            str(data),
            "-o",
            str(out),
            "--lang",
            "both",
            "--cap-mode",
            "parameter",
        ],
    )
    assert res.exit_code == 0, res.output
    row = summary(out)[0]
    assert (row["average"], row["final_score"], row["grade"]) == ("4.60", "4.60", "effective")
    kk, ru = sorted(out.glob("*.kk.docx")), sorted(out.glob("*.ru.docx"))
    assert len(kk) == len(ru) == 1
    kk_text = docx_text(kk[0].read_bytes())
    assert (
        "«Тәртіптік жазалардың болмауы» параметрі" in kk_text
        and "2,99" in kk_text
        and "2026 жылғы 2-тоқсан" in kk_text
    )
    assert "Отсутствие дисциплинарных взысканий" in docx_text(ru[0].read_bytes())
    assert_official(kk[0].read_bytes(), "kk", what="filled kk sheet")
    assert_official(ru[0].read_bytes(), "ru", what="filled ru sheet")


def test_differentiation_sheet_of_a_2018_methodology(tmp_path: Path) -> None:
    rows = [
        [
            "Ким С.",
            "маман",
            "E-4",
            "Министрлік",
            "Басшы Б.",
            "басшы",
            "2026-Q1",
            "5",
            "4",
            "3",
            "2",
            "",
            "none",
            "",
            "",
            "",
        ]
    ]
    out = tmp_path / "out"
    data = load_json("kk_2018.json")
    data["parameters"]["evaluation_period"] = {
        "value": "quarter",
        "unit": None,
        "source": {"point": "29", "quote": "x"},
    }
    rep, docs = fill_batch(
        Catalogue.from_json(data),
        write_csv(tmp_path / "d.csv", rows),
        out,
        langs=("kk",),
        jobs=1,
        progress=False,
    )
    assert rep.rendered == 1
    text = docx_text(docs[0].read_bytes())
    assert (
        "Саралау әдісі бойынша бағалау парағы" in text and "3,50" in text and "Негізделген ескертулер" in text
    )


def test_input_template_round_trip(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    tpl = tmp_path / "in.xlsx"
    res = CliRunner().invoke(cli, ["fill", str(CATALOGUES / "ru_2025.json"), "--template", str(tpl)])
    assert res.exit_code == 0, res.output
    wb = load_workbook(tpl)
    ws = wb["data"]
    assert [c.value for c in ws[1]][:3] == ["full_name", "position", "category"]
    assert (
        ws.cell(2, 1).value == "Бағаланатын адамның Т.А.Ә." and ws.cell(3, 1).value == "Ф.И.О. оцениваемого"
    )
    assert len(ws.data_validations.dataValidation) >= 3
    header = [c.value for c in ws[1]]
    row = {k: "" for k in header}
    row.update({"full_name": "Тест Тестов", "category": "E-1", "period": "2026-Q4", "sanction": "none"})
    row.update({f"score_{i}": 4 for i in range(1, 6)})
    ws.append([row[k] for k in header])
    wb.save(tpl)
    read = list(read_rows(tpl))
    assert len(read) == 1 and read[0][0] == 4 and read[0][1]["score_1"] == "4"
    out = tmp_path / "out"
    res = CliRunner().invoke(
        cli, ["fill", str(CATALOGUES / "ru_2025.json"), "--data", str(tpl), "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    assert summary(out)[0]["grade"] == "effective"
    again = CliRunner().invoke(cli, ["fill", str(CATALOGUES / "ru_2025.json"), "--template", str(tpl)])
    assert again.exit_code != 0


TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"))
    | st.sampled_from(list("әіңғүұқөһӘІҢҒҮҰҚӨҺёЁ«»<>&\"'\t\n")),
    min_size=1,
    max_size=40,
).filter(str.strip)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=TEXT, position=TEXT, body=TEXT, evaluator=TEXT, comment=TEXT)
def test_property_any_text_comes_out_exactly(
    tmp_path_factory, name: str, position: str, body: str, evaluator: str, comment: str
) -> None:
    tmp = tmp_path_factory.mktemp("prop")
    row = ["" for _ in HEAD]
    vals = {
        "full_name": name,
        "position": position,
        "body": body,
        "evaluator_name": evaluator,
        "comment_1": comment,
        "category": "E-1",
        "period": "2026-Q1",
        "sanction": "none",
    }
    vals.update({f"score_{i}": "3" for i in range(1, 6)})
    for k, v in vals.items():
        row[HEAD.index(k)] = v
    rep, docs = fill_batch(
        load_catalogue("ru_2025.json"),
        write_csv(tmp / "d.csv", [row]),
        tmp / "o",
        langs=("ru",),
        jobs=1,
        progress=False,
    )
    assert rep.bad_rows == 0 and rep.rendered == 1
    text = docx_text(docs[0].read_bytes())
    norm = lambda s: s.replace("\r\n", "\n").replace("\r", "\n")  # noqa: E731
    for v in (name, position, body, evaluator, comment):
        assert norm(v).strip() in text


def test_plan_assignment_rules() -> None:
    plan = FillPlan(load_catalogue("ru_2025.json"))
    pick = lambda cat: plan.choose(1, {"category": cat})  # noqa: E731
    assert pick("E-1").sheet == "leader"  # type: ignore[union-attr]
    assert pick("С-О-1").sheet == "leader"  # type: ignore[union-attr]  # Cyrillic look-alikes
    assert pick("B-1").sheet == "leader"  # type: ignore[union-attr]  # head category not in point 16
    assert pick("E-4").sheet == "staff"  # type: ignore[union-attr]
    assert "относится к нескольким формам (приложения 1, 2)" in str(pick("D-3"))
    assert plan.choose(1, {"category": "D-3", "sheet": "leader"}).sheet == "leader"  # type: ignore[union-attr]


def test_csv_semicolon_and_bom(tmp_path: Path) -> None:
    p = tmp_path / "d.csv"
    buf = io.StringIO()
    csv.writer(buf, delimiter=";").writerows([HEAD, GOOD[0]])
    p.write_text(buf.getvalue(), encoding="utf-8-sig")
    rows = list(read_rows(p))
    assert rows[0][0] == 2 and rows[0][1]["full_name"] == GOOD[0][0] and rows[0][1]["comment_2"] == "көп\nжол"
