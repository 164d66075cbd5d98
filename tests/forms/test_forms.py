"""Blank forms: golden document.xml per form and language, kk/ru template pairing, translation, CLI."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from render.helpers import CATALOGUES, c14n, document_xml, docx_text, load_catalogue, load_json

from docgen.catalogue_model import Catalogue
from docgen.cli import cli
from docgen.dictionary import normalise, translate
from docgen.forms.blank import BUILDERS, blank_forms
from docgen.render import render_form
from docgen.render.templates import template_path
from docgen.render.untranslated import mark

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
SOURCES = {
    "ru_2025.json": ("evaluation_sheet_leader", "evaluation_sheet_staff"),
    "kk_2018.json": (
        "individual_work_plan",
        "kpi_sheet",
        "kpi_score_table",
        "differentiation_sheet",
        "sheet360_leader",
        "sheet360_staff",
    ),
    "kk_2017.json": ("competency_sheet", "behaviour_indicators"),
}


def _golden_items():
    for name, kinds in SOURCES.items():
        items, _ = blank_forms(load_catalogue(name), ("kk", "ru"))
        for item in items:
            if item.kind in kinds:
                yield pytest.param(item, id=f"{item.kind}.{item.lang}")


@pytest.mark.parametrize("item", list(_golden_items()))
def test_golden_document_xml(item) -> None:
    got = c14n(document_xml(item.render()))
    path = GOLDEN / f"{item.kind}.{item.lang}.xml"
    if os.environ.get("DOCGEN_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(got)
    assert path.is_file(), f"missing golden {path.name}; run with DOCGEN_UPDATE_GOLDEN=1"
    assert got == path.read_bytes()


def test_every_kind_has_a_golden_in_both_languages() -> None:
    for kind in BUILDERS:
        for lang in ("kk", "ru"):
            assert (GOLDEN / f"{kind}.{lang}.xml").is_file(), kind


_TAG = re.compile(r"\{[{%].*?[%}]\}")


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_kk_and_ru_templates_share_variables(kind: str) -> None:
    def tags(lang: str) -> list[str]:
        with zipfile.ZipFile(template_path(kind, lang)) as zf:
            xml = zf.read("word/document.xml").decode()
        return _TAG.findall(re.sub(r"<[^>]+>", "", xml))

    assert tags("kk") == tags("ru") and tags("kk")


def test_rows_are_the_texts_own_and_translated() -> None:
    data = load_json("ru_2025.json")
    data["forms"][1]["rows"][2] = "Инициативность и креативность"  # a body that changed a parameter
    items, _ = blank_forms(Catalogue.from_json(data), ("ru", "kk"))
    staff_ru = next(i for i in items if i.kind == "evaluation_sheet_staff" and i.lang == "ru")
    staff_kk = next(i for i in items if i.kind == "evaluation_sheet_staff" and i.lang == "kk")
    assert staff_ru.context.rows[2].name == "Инициативность и креативность"
    assert staff_kk.context.rows[0].name == "Функционалдық міндеттерді орындау сапасы"
    # no entry: kept as printed, with the untranslated mark, and listed
    assert staff_kk.context.rows[2].name == mark("Инициативность и креативность")
    assert staff_kk.untranslated[0] == "Инициативность и креативность"
    # the rest of the list: this test catalogue's guidance is a summary, not the act's wording
    assert all(u.startswith("Учитывается") for u in staff_kk.untranslated[1:])
    assert staff_kk.context.title == "Басшы лауазымды атқармайтын адамның бағалау парағы"
    assert staff_kk.context.form_label == "Нысан" and staff_ru.context.form_label == "Форма"
    text = docx_text(render_form(staff_kk.kind, "kk", staff_kk.context))
    assert "2-қосымша" in text and "Тәртіптік жазалардың болмауы" in text


def test_dictionary_normalises_noise() -> None:
    assert translate("<p>4. Бағалаушы адамның еңбек тәртібін сақтауы</p>", "kk", "ru") == (
        "Соблюдения трудовой дисциплины оцениваемым лицом"
    )
    assert (
        translate("Лидерство и навыки принятия решений.", "ru", "kk")
        == "Көшбасшылық және шешім қабылдау дағдылары"
    )
    assert translate("Неизвестная строка", "ru", "kk") is None
    assert normalise("Тaрaу") == normalise("Тарау")  # Latin a


def test_kpi_table_rows_come_from_the_parameter() -> None:
    items, _ = blank_forms(load_catalogue("kk_2018.json"), ("kk", "ru"))
    table = next(i for i in items if i.kind == "kpi_score_table" and i.lang == "ru")
    assert table.context.rows[0].pct == "100 и выше" and table.context.rows[0].score == "5"
    assert table.context.rows[1].pct == "95-99,99" and table.context.rows[1].score == "4,75-4,99"
    assert len(table.context.rows) == 21


def test_cli_forms_both_languages(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        cli, ["forms", str(CATALOGUES / "kk_2018.json"), "--lang", "both", "-o", str(tmp_path)]
    )
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert "app4_differentiation_sheet.kk.docx" in names and "app4_differentiation_sheet.ru.docx" in names
    assert len(names) == 16  # 8 forms x 2 languages, the 360 result forms (apps 7, 8) included
    assert "app7_result360_leader.ru.docx" in names and "app8_result360_staff.kk.docx" in names
    assert "not a blank form" not in res.output
    assert "(100 %)" in res.output and "%)" in res.output  # every text of this act is in the term base
    assert "мәтіндер" in res.output and (tmp_path / "translation.json").is_file()
    again = CliRunner().invoke(cli, ["forms", str(CATALOGUES / "kk_2018.json"), "-o", str(tmp_path)])
    assert again.exit_code == 2 and "--force" in again.output


def test_russian_forms_of_a_kazakh_act_are_russian() -> None:
    items, _ = blank_forms(load_catalogue("kk_2018.json"), ("ru",))
    sheet = next(i for i in items if i.kind == "sheet360_leader")
    names = [r.name for r in sheet.context.rows]
    # Read from 000's appendix 5 (kk) and the model's Russian wording of the E1 competencies.
    assert names[0] == "Управление деятельностью" and "Лидерские качества" in names
    assert sheet.context.answer_scale[0] == "компетенция не проявляется"
    assert not sheet.untranslated
    kazakh = re.compile("[әғқңөұүһі]", re.IGNORECASE)
    assert not [n for n in names if kazakh.search(n)]


def test_a_row_without_translation_is_kept_and_listed() -> None:
    data = load_json("kk_2017.json")
    form = next(f for f in data["forms"] if f["kind"] == "competency_sheet")
    form["rows"] = [*form["rows"], "Жасанды интеллектпен жұмыс"]
    items, _ = blank_forms(Catalogue.from_json(data), ("ru",))
    sheet = next(i for i in items if i.kind == "competency_sheet")
    assert sheet.untranslated == ("Жасанды интеллектпен жұмыс",)
    assert sheet.context.rows[-1].name == mark("Жасанды интеллектпен жұмыс")
    assert [u.place for u in sheet.units if not u.translated] == [f"row {len(form['rows'])}"]


def test_cli_forms_text_without_appendices(tmp_path: Path) -> None:
    cat = load_json("kk_2025.json")
    cat["forms"] = []
    src = tmp_path / "no_forms.json"
    import json

    src.write_text(json.dumps(cat), encoding="utf-8")
    res = CliRunner().invoke(cli, ["forms", str(src), "-o", str(tmp_path / "out")])
    assert res.exit_code == 0 and "нысандары бар қосымшалар жоқ" in res.output
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True
