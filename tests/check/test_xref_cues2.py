"""Cues of cross references added for held-out set 2 (a development set after its first run), each
with a near miss: a grade given in a participle («выставленные», «қойылған»), results brought to one's
notice, the subject that opens a sentence owning its deadline, and the two stages of the 360 method
(the sheet the evaluation is carried out on, the report of its results)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.check import check_path
from docgen.check.xref import _by_stage, need_of, needs_of

KINDS = {5: "sheet360_leader", 6: "sheet360_staff", 7: "result360_leader", 8: "result360_staff"}


def _pos(sentence: str) -> int:
    m = re.search(r"\d+", sentence)
    assert m is not None
    return m.start()


@pytest.mark.parametrize(
    ("sentence", "lang", "need"),
    [
        # a grade given, in a participle before or after the grade words
        (
            "Комиссия рассматривает результаты оценки, выставленные в соответствии с пунктом 14",
            "ru",
            "grades",
        ),
        ("Комиссия рассматривает выставленные оценки в соответствии с пунктом 14", "ru", "grades"),
        ("Комиссия осы Әдістеменің 17-тармағына сәйкес қойылған бағалау нәтижелерін қарайды", "kk", "grades"),
        # near misses: a document put forward, a signature put
        ("Документы, выставленные на рассмотрение согласно пункту 14, подписываются", "ru", None),
        ("Парақ осы Әдістеменің 17-тармағына сәйкес қойылған қолымен расталады", "kk", None),
        # the subject that opens the sentence owns its deadline
        (
            "Ознакомление служащего с итоговой оценкой, скорректированной калибровочной сессией, "
            "осуществляется в срок, указанный в пункте 10",
            "ru",
            "familiarization",
        ),
        # near miss: the calibration opens the sentence, or nothing but the deadline does
        ("Калибровочная сессия проводится в срок, указанный в пункте 10", "ru", "calibration_procedure"),
        (
            "Оценка проводится в срок, указанный в пункте 4, после согласования плана работы",
            "ru",
            "deadline",
        ),
    ],
)
def test_what_a_sentence_needs(sentence: str, lang: str, need: str | None) -> None:
    assert need_of(sentence, _pos(sentence), lang) == need


@pytest.mark.parametrize(
    ("sentence", "lang", "asked"),
    [
        (
            "В этом случае результаты оценки доводятся до сведения служащего в срок, предусмотренный пунктом 33",
            "ru",
            True,
        ),
        (
            "Бағалау нәтижелері осы Әдістеменің 33-тармағына сәйкес қызметшінің назарына жеткізіледі",
            "kk",
            True,
        ),
        # near miss: a plan brought to one's notice is no familiarisation with results
        ("План работы доводится до сведения служащего в срок, предусмотренный пунктом 33", "ru", False),
        ("Жоспар осы Әдістеменің 33-тармағына сәйкес қызметшінің назарына жеткізіледі", "kk", False),
    ],
)
def test_results_brought_to_notice_ask_for_familiarisation(sentence: str, lang: str, asked: bool) -> None:
    assert ("familiarization" in needs_of(sentence, _pos(sentence), lang)) is asked


@pytest.mark.parametrize(
    ("clause", "lang", "cited", "meant"),
    [
        # the evaluation carried out on a form: the sheet, not the report
        (
            '"Б" корпусының қызметшілері үшін 360 әдісі бойынша бағалау осы Әдістеменің 8-қосымшасына '
            "сәйкес нысан бойынша жүргізіледі",
            "kk",
            "result360_staff",
            ("sheet360_staff", "6"),
        ),
        (
            "Оценка методом 360 для руководителей проводится по форме согласно приложению 7",
            "ru",
            "result360_leader",
            ("sheet360_leader", "5"),
        ),
        # a report drawn up on a form: the report, not the sheet
        (
            "Служба формирует индивидуальные отчеты по форме согласно приложению 6 для служащих",
            "ru",
            "sheet360_staff",
            ("result360_staff", "8"),
        ),
        (
            "басшылар үшін осы Әдістеменің 5-қосымшасына сәйкес нысандағы жеке есептерді жасайды",
            "kk",
            "sheet360_leader",
            ("result360_leader", "7"),
        ),
        # near misses: the right stage; words of both stages; «есепке алынбайды» is no report
        ("Оценка методом 360 проводится по форме согласно приложению 6", "ru", "sheet360_staff", None),
        ("Служба формирует отчеты по форме согласно приложению 8", "ru", "result360_staff", None),
        (
            "Оценка методом 360 проводится по форме согласно приложению 8, отчеты формирует служба",
            "ru",
            "result360_staff",
            None,
        ),
        (
            "Өзін-өзі бағалау есепке алынбайды, бағалау 8-қосымшаға сәйкес нысан бойынша жүргізіледі",
            "kk",
            "sheet360_staff",
            None,
        ),
    ],
)
def test_the_stage_of_the_360_method_a_sentence_speaks_of(
    clause: str, lang: str, cited: str, meant: tuple[str, str] | None
) -> None:
    assert _by_stage(clause, lang, cited, KINDS) == meant


SET2 = Path(__file__).resolve().parents[1] / "data" / "heldout_xref2"


def _ref_findings(path: Path) -> set[tuple[str, str, str]]:
    return {
        (f.point, f.actual, f.expected)
        for f in check_path(str(path)).findings
        if f.code.startswith("broken_cross_reference")
    }


def test_a_form_caption_cites_the_point_that_refers_to_its_appendix(tmp_path: Path) -> None:
    """«Нысан (осы Әдістеменің 15-тармағының … сәйкес)» above appendix 1's title: point 15 cites
    appendix 1, so a caption citing point 16 (which does not) is wrong and 15 is suggested. Near
    misses: the same line not opening with «Нысан» says nothing of the form; the right point is right."""
    src_path = SET2 / "08_kk_2025_quarterly_sheets.txt"
    src = src_path.read_text(encoding="utf-8")
    caption = "Нысан (осы Әдістеменің 15-тармағының бірінші және екінші бөліктеріне сәйкес)"
    assert src.count(caption) == 1
    before = _ref_findings(src_path)
    assert not any(point == "app1" for point, _, _ in before)

    wrong = tmp_path / "caption_cites_16.txt"
    wrong.write_text(src.replace(caption, caption.replace("15-", "16-")), encoding="utf-8")
    got = [f for f in check_path(str(wrong)).findings if f.code.startswith("broken_cross_reference")]
    new = [f for f in got if (f.point, f.actual, f.expected) not in before]
    assert [(f.point, f.actual, f.expected) for f in new] == [("app1", "16", "15")]
    assert "1-қосымшада" in new[0].message and "нысанын" in new[0].message

    near = tmp_path / "not_a_caption.txt"
    near.write_text(
        src.replace(caption, caption.replace("Нысан (", "Ескертпе (").replace("15-", "16-")), encoding="utf-8"
    )
    assert _ref_findings(near) == before


def _new_findings(src: str, old: str, new: str, tmp_path: Path, name: str) -> set[tuple[str, str, str]]:
    assert src.count(old) == 1
    path = tmp_path / name
    path.write_text(src.replace(old, new), encoding="utf-8")
    return _ref_findings(path)


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # «п. N» is read; the second number of a group is read and judged
        ("в порядке, предусмотренном п. 12 настоящей Методики", {("19", "12", "10")}),
        ("в порядке, предусмотренном пунктами 10 и 12 настоящей Методики", {("19", "12", "10")}),
        ("в порядке, предусмотренном пунктами 12, 10 настоящей Методики", {("19", "12", "10")}),
        # near misses: the right point abbreviated; a number after «и» that counts days; a subpoint
        ("в порядке, предусмотренном п. 10 настоящей Методики", set()),
        ("в порядке, предусмотренном пунктом 10 и 12 рабочих дней", set()),
        ("в порядке, предусмотренном пунктом 10 и подпунктом 12) пункта 10", set()),
    ],
)
def test_every_number_of_a_reference_is_read_ru(
    new: str, found: set[tuple[str, str, str]], tmp_path: Path
) -> None:
    src_path = SET2 / "05_ru_2025_quarterly_sheets.txt"
    src = src_path.read_text(encoding="utf-8")
    before = _ref_findings(src_path)
    got = _new_findings(
        src, "в порядке, предусмотренном пунктом 10 настоящей Методики", new, tmp_path, "ru.txt"
    )
    assert got - before == found


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("осы Әдістеменің 12 және 14-тармақтарында көзделген тәртіппен", {("22", "14", "12")}),
        ("осы Әдістеменің 14, 12-тармақтарында көзделген тәртіппен", {("22", "14", "12")}),
        # near miss: the right point alone
        ("осы Әдістеменің 12-тармағында көзделген тәртіппен", set()),
    ],
)
def test_every_number_of_a_reference_is_read_kk(
    new: str, found: set[tuple[str, str, str]], tmp_path: Path
) -> None:
    src_path = SET2 / "06_kk_2025_quarterly_sheets.txt"
    src = src_path.read_text(encoding="utf-8")
    before = _ref_findings(src_path)
    got = _new_findings(src, "осы Әдістеменің 12-тармағында көзделген тәртіппен", new, tmp_path, "kk.txt")
    assert got - before == found


def test_an_abbreviated_reference_to_another_acts_article_is_external(tmp_path: Path) -> None:
    """«п. 12 ст. 10 Закона» names a point of another act's article: not judged (near miss of «п. N»)."""
    src_path = SET2 / "05_ru_2025_quarterly_sheets.txt"
    src = src_path.read_text(encoding="utf-8")
    got = _new_findings(
        src,
        "в порядке, предусмотренном пунктом 10 настоящей Методики",
        "в порядке, предусмотренном п. 12 ст. 10 Закона",
        tmp_path,
        "external.txt",
    )
    assert got - _ref_findings(src_path) == set()


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # «по форме приложения N» (genitive) is read as an appendix reference
        ("структурного подразделения по форме приложения 2 к настоящей Методике", {("27", "2", "4")}),
        # near misses: the right appendix in the genitive; «приложения» without a number
        ("структурного подразделения по форме приложения 4 к настоящей Методике", set()),
        ("структурного подразделения по форме, приведенной в составе приложения к настоящей Методике", set()),
    ],
)
def test_an_appendix_cited_in_the_genitive_is_read(
    new: str, found: set[tuple[str, str, str]], tmp_path: Path
) -> None:
    src_path = SET2 / "03_ru_2018_kpi_diff_360.txt"
    src = src_path.read_text(encoding="utf-8")
    before = _ref_findings(src_path)
    old = "структурного подразделения по форме согласно приложению 4 к настоящей Методике"
    assert _new_findings(src, old, new, tmp_path, "genitive.txt") - before == found
