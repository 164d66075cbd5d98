"""The causes of held-out set 5's misses and false findings after its first run
(``bench/results/xref_heldout5_first_run.txt``), each with a Kazakh and a Russian case and near misses.

The texts (``tests/data/heldout_xref5/``): 01_kk (2017; appendix 3 the competency sheet «Құзыреттерді
бағалау парағы», point 21 citing it), 02_ru (2017; each appendix's caption line «к Методике …» is long,
the bare label «Форма» follows it, then the title: appendix 2 «Лист оценки по ЦИ», 3 «Оценочный лист
компетенций», 4 «Поведенческие индикаторы»; point 16 «Результаты отражаются в оценочном листе
(приложение 3 к Методике)» in the chapter «Оценка компетенций»).
"""

from __future__ import annotations

from pathlib import Path

from docgen.check.inputs import load

from .test_xref_duties import DATA, _changed

KK1 = "heldout_xref5/01_kk_2017_commission.txt"
RU2 = "heldout_xref5/02_ru_2017_commission.txt"

KK1_CAPTION = (
    '\tҰлан ауданы мәслихаты аппаратының "Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін '
    "бағалаудың әдістемесіне\n3-қосымша\nНысан\n"
)
RU2_16 = "Результаты отражаются в оценочном листе (приложение 3 к Методике)."


def _forms(path: Path) -> dict[int, tuple[str, str | None]]:
    doc, cat = load(str(path), build_catalogue=True)
    kinds = {f.appendix: f.kind for f in cat.forms} if cat is not None else {}
    return {a.number: (a.title, kinds.get(a.number)) for a in doc.appendices}


def test_the_bare_form_label_after_a_long_caption_line_is_no_title(tmp_path: Path) -> None:
    # ru: «Приложение 3» / «к Методике …» (a long line) / «Форма» / «Оценочный лист компетенций»
    forms = _forms(DATA / RU2)
    assert forms[2] == ("Лист оценки по ЦИ", "kpi_sheet")
    assert forms[3] == ("Оценочный лист компетенций", "competency_sheet")
    assert forms[4] == ("Поведенческие индикаторы", "behaviour_indicators")
    # kk: the caption line after «3-қосымша», then «Нысан», then the title
    src = (DATA / KK1).read_text(encoding="utf-8")
    assert src.count(KK1_CAPTION) == 1
    moved = "3-қосымша\n" + KK1_CAPTION.split("\n")[0].strip() + "\nНысан\n"
    path = tmp_path / "kk.txt"
    path.write_text(src.replace(KK1_CAPTION, moved), encoding="utf-8")
    assert _forms(path)[3] == ("Құзыреттерді бағалау парағы", "competency_sheet")
    # near miss: a line that says more than the label is the title
    path.write_text(
        src.replace(KK1_CAPTION, moved.replace("Нысан\n", "Нысан бойынша парақ\n")), encoding="utf-8"
    )
    assert _forms(path)[3][0] == "Нысан бойынша парақ"


def test_the_competency_sheet_cited_by_its_appendix_is_right(tmp_path: Path) -> None:
    # the first run's false finding: the competency sheet is appendix 3
    assert _changed(tmp_path, RU2, RU2_16, RU2_16) == (set(), set())
    from .test_xref_duties import _refs

    assert not {f for f in _refs(DATA / RU2) if f[0] == "16"}
    # near miss: the KPI sheet's appendix cited for it is wrong, 3 is meant
    brings, _ = _changed(tmp_path, RU2, RU2_16, RU2_16.replace("3", "2"))
    assert brings == {("16", "wrong_appendix", "2", "3")}
    # kk: the competency sheet cited by another appendix's number is wrong
    kk21 = "құзыреттерді бағалау парағын толтырады (Әдістемеге 3-қосымша)."
    brings, _ = _changed(tmp_path, KK1, kk21, kk21.replace("3-", "2-"))
    assert brings == {("21", "wrong_appendix", "2", "3")}
