"""Filled 2025 sheets agree with the act and with themselves (issue 10 item 4), and summary.xlsx
speaks the act's language. Expected texts are copied from the acts (seeds 003 and 004), not from
program output."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from render.helpers import docx_text

from docgen.batch.names import name_slug
from docgen.catalogue import load_catalogue
from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
ACT_004 = ROOT / "legal_corpus" / "acts" / "wko-akimat-53" / "004_cb6464f9152e2bf0.txt"
ACT_003 = ROOT / "legal_corpus" / "acts" / "pavlodar-city-akimat-402-11" / "003_2e27b257be2a4c2f.txt"

# 004, appendices 1 and 2, parameter 5, column «Пояснение при заполнении» (verbatim)
GUIDANCE_004_P5 = (
    "Учитывается наложение дисциплинарных взысканий в оцениваемом квартале. При наличии "
    "дисциплинарного взыскания: - в виде замечания, выговора, строго выговора оценка не может "
    "превышать 2,99 баллов; - в виде иных видов взысканий, в том числе за проступки, "
    "дискредитирующие государственную службу, оценка не может превышать 1,99 баллов."
)
CAPTION_004_APP2 = (
    'Приложение 2 к Методике оценки деятельности административных государственных служащих корпуса "Б" '
    'государственного учреждения "Аппарат акима Западно-Казахстанской области" и областных '
    "исполнительных органов финансируемых из местного бюджета"
)
# 003, appendix 1, parameter 2: the act prints the guidance split over two table rows
GUIDANCE_003_APP1_P2 = (
    "Есепке алынады: - орындаудың жеделдігі; - осы параметр бойынша құжаттарды, тапсырмаларды, "
    "міндеттерді орындау мерзімдерінің бұзылмауы немесе осы параметр бойынша мемлекеттік органның "
    "әдістемесінде айқындалған өзге де фактілер."
)


def _form(cat: object, app: int) -> object:
    return next(f for f in cat.forms if f.appendix == app)  # type: ignore[attr-defined]


def test_guidance_and_caption_come_from_the_act() -> None:
    c4 = load_catalogue(ACT_004)
    for app in (1, 2):
        f = _form(c4, app)
        guidance = f.get("row_explanations")  # type: ignore[attr-defined]
        assert len(guidance) == 5
        assert guidance[4] == GUIDANCE_004_P5
        assert all(g.startswith("Учитывается") for g in guidance)
    assert (
        _form(c4, 1)
        .get("row_explanations")[0]
        .startswith(  # type: ignore[attr-defined]
            "Учитывается: -качественное исполнение задач и поручений в курируемых подразделениях;"
        )
    )
    assert _form(c4, 2).get("caption") == CAPTION_004_APP2  # type: ignore[attr-defined]
    c3 = load_catalogue(ACT_003)
    g1 = _form(c3, 1).get("row_explanations")  # type: ignore[attr-defined]
    assert g1[1] == GUIDANCE_003_APP1_P2
    for app in (1, 2):
        g = _form(c3, app).get("row_explanations")  # type: ignore[attr-defined]
        assert len(g) == 5
        assert "қатаң сөгіс үшін баға 2,99 баллдан аспауы керек" in g[4]
        assert "1,99 баллдан аспауы тиіс" in g[4]
    # app 2, parameter 4: the guidance starts on the row before the parameter (scraping noise)
    g2 = _form(c3, 2).get("row_explanations")  # type: ignore[attr-defined]
    assert g2[3].startswith("Есепке алынады: - кешігудің болмауы; - себепсіз жұмыстан мерзімінен бұрын")
    assert _form(c3, 1).get("caption", "").startswith("Павлодар қаласы әкімдігінің атқарушы органдарының")  # type: ignore[attr-defined]


HEAD = ["full_name", "position", "category", "body", "evaluator_name", "evaluator_position", "period"]
HEAD += [f"score_{i}" for i in range(1, 6)] + ["sanction", "sheet"]
ROWS = [
    # leader, "other" sanction, yet 5 for "no disciplinary sanctions": capped at 1,99, warned
    ["Орлова Мария Андреевна", "руководитель", "E-1", "ГУ", "Руководитель Р.", "аким", "2026-Q1"]
    + ["4", "4", "4", "4", "5", "other", "leader"],
    # staff, reprimand: capped at 2,99 by appendix 2
    ["Сейітқали Ержан", "специалист", "E-4", "ГУ", "Руководитель Р.", "аким", "2026-Q1"]
    + ["5", "5", "5", "4", "2", "reprimand", "staff"],
    # bad: a score outside 0..5
    ["Ким Ольга", "специалист", "E-4", "ГУ", "Руководитель Р.", "аким", "2026-Q1"]
    + ["7", "5", "5", "4", "2", "none", "staff"],
]


def _data(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([HEAD, *rows])
    return path


def _fill(act: Path, data: Path, out: Path, *extra: str) -> object:
    return CliRunner().invoke(cli, ["fill", str(act), "--data", str(data), "-o", str(out), *extra])


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("fill004")
    out = tmp / "out"
    res = _fill(ACT_004, _data(tmp / "d.csv", ROWS), out, "--lang", "both")
    assert res.exit_code == 1  # one bad row
    assert res.stdout.strip().splitlines()[-1].startswith(f"Всё записано в папку {out}")
    return out


def _doc(out: Path, row: int, lang: str) -> str:
    (path,) = out.glob(f"row{row:05d}_*.{lang}.docx")
    return docx_text(path.read_bytes())


def test_sheet_carries_the_acts_guidance_caption_and_own_appendix(filled: Path) -> None:
    leader = _doc(filled, 2, "ru")
    assert GUIDANCE_004_P5 in leader
    assert "Аппарат акима Западно-Казахстанской области" in leader
    assert (
        "Итоговая оценка: 1,99 (средняя итоговая оценка 4,20 ограничена из-за взыскания «иное взыскание»: "
        "приложение 1, параметр 5 «Отсутствие дисциплинарных взысканий»)"
    ) in leader
    staff = _doc(filled, 3, "ru")
    assert CAPTION_004_APP2 in staff
    assert "приложение 2, параметр 5 «Отсутствие дисциплинарных взысканий»" in staff
    assert "приложение 1" not in staff
    # the Kazakh sheet of the Russian act: the guidance through the term base, caps included
    kk = _doc(filled, 2, "kk")
    assert "1,99 баллдан аспауы" in kk and "2,99 баллдан аспауы" in kk
    assert "1-қосымша" in kk


def test_summary_xlsx_in_the_acts_language_with_numbers_and_links(filled: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(filled / "summary.xlsx")
    ws = wb.active
    rows = list(ws.iter_rows(values_only=True))
    head = rows[0]
    assert head[:6] == (
        "Ф.И.О.",
        "Период",
        "Оценочный лист",
        "Средняя итоговая оценка",
        "Итоговая оценка",
        "Результат оценки",
    )
    assert head[-2:] == ("Лист на казахском языке (файл)", "Лист на русском языке (файл)")
    first = dict(zip(head, rows[1], strict=True))
    assert first["Средняя итоговая оценка"] == 4.2 and first["Итоговая оценка"] == 1.99
    assert first["Строка данных"] == 2
    # the act's own title of appendix 1 (seed 004, line 182)
    assert first["Оценочный лист"] == "Оценочный лист лица, занимающего руководящую должность (приложение 1)"
    assert first["Результат оценки"] == "выполняет функциональные обязанности не удовлетворительно"
    assert first["Предупреждения"] == (
        "Оценка 5: по параметру «Отсутствие дисциплинарных взысканий» выставлено 5 при взыскании «иное взыскание»"
    )
    staff = dict(zip(head, rows[2], strict=True))
    assert "итоговая оценка не выше 2,99 (приложение 2, параметр 5" in staff["Как получена оценка"]
    assert staff["Предупреждения"] in ("", None)
    bad = dict(zip(head, rows[3], strict=True))
    assert bad["Ошибки"] == "Оценка 1: вне диапазона методики от 0 до 5: «7»"
    assert bad["Лист на русском языке (файл)"] in ("", None)
    for r in (2, 3):
        for col in ("K", "L"):
            cell = ws[f"{col}{r}"]
            assert cell.hyperlink is not None and cell.hyperlink.target == cell.value
            assert (filled / cell.value).is_file()
            assert f"_{name_slug(ROWS[r - 2][0])}_" in cell.value


def test_names_are_safe_slugs() -> None:
    assert name_slug("Сейітқали Ержан") == "seiitqali-erzhan"
    assert name_slug("../../etc/passwd") == "etc-passwd"
    assert name_slug("Ұлы Ғалым Әміржан-Ким") == "uly-galym-amirzhan-kim"
    assert name_slug("\\\\server\\share:..") == "server-share"
    assert name_slug("") == "x" and name_slug("…") == "x"
    assert len(name_slug("Жақсылықова " * 10)) <= 32


def test_rerun_replaces_renamed_rows_and_removes_gone_ones(tmp_path: Path) -> None:
    good = ROWS[:2]
    out = tmp_path / "out"
    assert _fill(ACT_004, _data(tmp_path / "a.csv", good), out).exit_code == 0
    before = sorted(p.name for p in out.glob("*.docx"))
    assert len(before) == 2 and any("orlova-mariia" in n for n in before)
    renamed = [["Орлова-Смирнова Мария", *good[0][1:]]]  # row 2 renamed, row 3 gone
    assert _fill(ACT_004, _data(tmp_path / "b.csv", renamed), out, "--force").exit_code == 0
    after = sorted(p.name for p in out.glob("*.docx"))
    assert len(after) == 1 and "orlova-smirnova-mariia" in after[0]
    manifest = json.loads((out / "docgen-manifest.json").read_text(encoding="utf-8"))
    assert manifest["rows"] == {"2": after}


@pytest.mark.parametrize(
    ("act", "expected"),
    [
        (ACT_004, "строка 1: в строке заголовков нет столбца full_name (Ф.И.О.)"),
        (ACT_003, "1-жол: тақырып жолында full_name (Т.А.Ә.) бағаны жоқ"),
    ],
)
def test_data_file_refusal_in_the_acts_language(tmp_path: Path, act: Path, expected: str) -> None:
    data = tmp_path / "d.csv"
    data.write_text("name,score_1\nx,4\n", encoding="utf-8")
    res = _fill(act, data, tmp_path / "out")
    assert res.exit_code == 2
    assert expected in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "out").exists()


def test_untranslated_text_of_a_filled_sheet_is_marked_with_the_legend(tmp_path: Path) -> None:
    """A parameter the term base does not know stays as the act prints it, marked † in italics, with
    the legend line in the sheet's language (as on the blank forms); known texts are translated."""
    new_row = "Умение работать с открытыми данными и цифровыми сервисами"
    text = ACT_004.read_text(encoding="utf-8").replace("Лидерство и навыки принятия решений", new_row)
    act = tmp_path / "act.txt"
    act.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    res = _fill(act, _data(tmp_path / "d.csv", ROWS[:1]), out, "--lang", "kk", "--no-cache")
    assert res.exit_code == 0, res.output
    (path,) = out.glob("row00002_*.kk.docx")
    body = docx_text(path.read_bytes())
    assert f"{new_row}\u00a0\u2020" in body
    assert "белгісі бар мәтін аударылмаған" in body
    assert "Көшбасшылық және шешім қабылдау дағдылары" not in body  # the replaced row is gone
    assert "тәртіп" in body  # the other rows are translated (discipline rows in Kazakh)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    at = xml.index(new_row)
    assert "<w:i/>" in xml[xml.rfind("<w:r>", 0, at) if "<w:r>" in xml[:at] else 0 : at]
