"""Cross references judged by content (docgen.check.xref), on the development texts of
tests/data/check_xref/ (seeds with planted wrong references, plus two short ru texts; answers.yaml
written by reading the texts) and on small hand-made cases."""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from docgen.catalogue import catalogue_for_path, parse_document
from docgen.catalogue_model import Catalogue
from docgen.check import check_path
from docgen.check.data import messages_data
from docgen.check.engine import check_document
from docgen.check.findings import Finding
from docgen.check.xref import (
    _form_label,
    _judge_form,
    catalogue_view,
    counterpart,
    form_cues,
    need_of,
    xref_data,
)

from .conftest import ROOT

DEV = ROOT / "tests" / "data" / "check_xref"
ANSWERS: dict[str, Any] = yaml.safe_load((DEV / "answers.yaml").read_text(encoding="utf-8"))
REF_CODES = ("broken_cross_reference.", "missing_appendix.referenced")


def _place(point: str) -> str:
    m = re.fullmatch(r"(?:appendix |app)(\d+)", point)
    return f"app{m.group(1)}" if m else point


def _num(text: str) -> str:
    m = re.search(r"\d+", text)
    return m.group(0) if m else text


@lru_cache(maxsize=16)
def _findings(name: str) -> tuple[Finding, ...]:
    result = check_path(str(DEV / name))
    return tuple(f for f in result.findings if f.code.startswith(REF_CODES))


def _match(ref: dict[str, Any], f: Finding) -> bool:
    return _place(f.point) == _place(str(ref["in_point"])) and _num(f.actual) == _num(str(ref["cites"]))


def test_the_development_set_covers_both_languages_and_all_generations() -> None:
    assert len(ANSWERS) >= 6
    assert {s["language"] for s in ANSWERS.values()} == {"kk", "ru"}
    assert {s["generation"] for s in ANSWERS.values()} == {
        "2017_commission",
        "2018_kpi_diff_360",
        "2025_quarterly_sheets",
    }
    for name, spec in ANSWERS.items():
        text = (DEV / name).read_text(encoding="utf-8")
        for ref in spec["references"]:
            assert text.count(ref["quote"]) == 1, (name, ref["quote"])


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_every_planted_wrong_reference_is_found_with_the_right_suggestion(name: str) -> None:
    found = _findings(name)
    for ref in ANSWERS[name]["references"]:
        if ref["correct"]:
            continue
        hit = [f for f in found if _match(ref, f)]
        assert hit, f"missed {name} {ref['in_point']} -> {ref['cites']} ({ref['needs']})"
        assert _num(hit[0].expected) == _num(str(ref["should_cite"])), (ref, hit[0].expected)
        if ref["kind"] == "inherited":
            assert hit[0].code == "broken_cross_reference.inherited"


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_no_reference_finding_beyond_the_planted_ones(name: str) -> None:
    wrong = [r for r in ANSWERS[name]["references"] if not r["correct"]]
    for f in _findings(name):
        if f.code == "missing_appendix.referenced":
            # the seed 001 text is cut off before its appendix 5 (a real defect of the seed)
            assert name == "kk_2017_a.txt" and f.expected == "5"
            continue
        assert any(_match(r, f) for r in wrong), f"unexpected {name} {f.point}: {f.message}"


def test_messages_name_points_and_forms_in_words() -> None:
    ru = {f.code: f for f in _findings("ru_2018_a.txt")}
    msg = ru["broken_cross_reference.wrong_appendix"].message
    assert "«индивидуальный план работы»" in msg and "приложением 2" in msg and "приложении 1" in msg
    app = next(f for f in _findings("ru_2018_a.txt") if f.point == "app4")
    assert app.message.startswith("Ссылка в приложении 4 ведёт на пункт 9")
    kk = next(f for f in _findings("kk_2017_a.txt") if f.code == "broken_cross_reference.wrong_appendix")
    assert "«құзыреттер бойынша бағалау парағы»" in kk.message and "3-қосымшада" in kk.message
    for name in ANSWERS:
        for f in _findings(name):
            assert not re.search(r"[a-z]+_[a-z]+|[{}]", f.message), f.message


def test_every_need_and_form_cue_has_both_languages_and_a_label() -> None:
    data = xref_data()
    labels = messages_data()["labels"]
    for name, spec in data["needs"].items():
        assert set(spec["triggers"]) == {"kk", "ru"}, name
        assert set(labels["needs"][name]) == {"kk", "ru"}, name
        for other in spec.get("refine", []):
            assert other in data["needs"]
    for kind, spec in data["forms"].items():
        assert spec["kk"] and spec["ru"], kind
        assert set(labels["forms"][kind]) == {"kk", "ru"}, kind
    for code in ("wrong_target", "inherited", "missing_target", "wrong_appendix"):
        assert set(messages_data()["codes"][f"broken_cross_reference.{code}"]) == {"kk", "ru"}


@pytest.mark.parametrize(
    ("sentence", "lang", "need"),
    [
        ("проводится без их участия в установленные пунктом 5 сроки", "ru", "deadline"),
        (
            "Калибровочная сессия проводится со дня обращения служащего в порядке пункта 11",
            "ru",
            "calibration_procedure",
        ),
        (
            "в течение пяти рабочих дней со дня ознакомления с результатами в соответствии с пунктом 11",
            "ru",
            "familiarization",
        ),
        (
            "вправе обжаловать решение калибровочной сессии в порядке, предусмотренном пунктом 14",
            "ru",
            "appeal",
        ),
        ("в сроки подачи заявления о калибровке, указанные в пункте 11", "ru", "calibration_procedure"),
        ("олардың қатысуынсыз 5-тармақта көрсетілген мерзімде жүргізіледі", "kk", "deadline"),
        ("НМИ осы Әдістеменің 12-тармағында көрсетілген талаптарға сәйкес келмесе", "kk", "kpi_requirements"),
        ("осы Әдістеменің 5-тармағында көзделген тәртіппен құрылады", "kk", None),
        # KPI requirements by the abbreviation alone («КЦИ»); near miss: KPI with a deadline
        (
            "КЦИ, не соответствующие требованиям пункта 26 настоящей Методики, возвращаются",
            "ru",
            "kpi_requirements",
        ),
        ("Оценка достижения КЦИ проводится в сроки, установленные пунктом 4", "ru", "deadline"),
        # a group of persons a point names is a category list; one person's application is not
        (
            "Оценка служащих, за исключением лиц, указанных в пункте 9 настоящей Методики, по методу ранжирования",
            "ru",
            "categories",
        ),
        (
            "В случае если количество лиц, оцениваемых в соответствии с пунктом 16, превышает двадцать",
            "ru",
            "categories",
        ),
        (
            "Калибровочная сессия проводится со дня поступления заявления служащего, указанного в пункте 8",
            "ru",
            "calibration_procedure",
        ),
        (
            "Осы Әдістеменің 2-тармағының 3) тармақшасында көрсетілген басшыларды бағалауды тікелей басшы жүргізеді",
            "kk",
            "categories",
        ),
        (
            "олардың қатысуынсыз осы Әдістеменің 4-тармағында көрсетілген мерзімде жүргізіледі",
            "kk",
            "deadline",
        ),
        # a grade given, raised or lowered within the gradation; near miss: a signature is «қол қойылады»
        ("Результат оценки выставляется в соответствии с пунктом 20 Методики.", "ru", "grades"),
        (
            "Комиссия рассматривает результаты с учетом порядка выставления оценок, предусмотренного пунктом 22",
            "ru",
            "grades",
        ),
        (
            "Бағалау нәтижесі: (осы Әдістеменің 4-тармағына сәйкес орташа қорытынды бағаның негізінде қойылады)",
            "kk",
            "grades",
        ),
        (
            "оны осы Әдістеменің 15-тармағында белгіленген саралау шегінде жоғарылату не төмендету жағына түзету",
            "kk",
            "grades",
        ),
        ("Бағалау нәтижесі: (Әдістеменің 7-тармағында белгіленген саралауға сәйкес)", "kk", "grades"),
        ("Бағалау парағына осы Әдістеменің 9-тармағына сәйкес қол қойылады", "kk", None),
        ("осы Әдістеменің 29-тармағында көзделген саралау әдісі бойынша", "kk", None),
        # receiving one's results is familiarisation; near miss: the application words nearer
        (
            "в течение пяти рабочих дней со дня получения результатов оценки в соответствии с пунктом 9",
            "ru",
            "familiarization",
        ),
        (
            "осы Әдістеменің 10-тармағына сәйкес бағалау нәтижелерін алған күннен бастап бес жұмыс күні ішінде",
            "kk",
            "familiarization",
        ),
        (
            "со дня получения результатов оценки обращается с заявлением о калибровке в порядке пункта 12",
            "ru",
            "calibration_procedure",
        ),
        # KPI requirements by «ЦИ»; the persons a point names, with words between («не указанных»)
        (
            "Служба проверяет соответствие ЦИ требованиям, указанным в пункте 8 настоящей Методики",
            "ru",
            "kpi_requirements",
        ),
        (
            "Оценка служащих корпуса «Б», не указанных в подпункте 4) пункта 2, по методу ранжирования",
            "ru",
            "categories",
        ),
        # the commission formed as a point says; near miss: the commission's deadline
        ("Комиссия формируется в порядке, предусмотренном пунктом 5 настоящей Методики.", "ru", "commission"),
        (
            "Осы Әдістеменің 5-тармағына сәйкес құрылған Комиссияның отырысы заңды болып есептеледі",
            "kk",
            "commission",
        ),
        (
            "Комиссия рассматривает результаты в сроки, установленные пунктом 4 настоящей Методики",
            "ru",
            "deadline",
        ),
        ("Для проведения оценки создается рабочая группа в порядке пункта 5", "ru", None),
    ],
)
def test_what_a_sentence_needs(sentence: str, lang: str, need: str | None) -> None:
    pos = re.search(r"\d+", sentence)
    assert pos is not None
    assert need_of(sentence, pos.start(), lang) == need


def test_a_cue_masks_the_shorter_cue_inside_it() -> None:
    s = "Оценка лиц, занимающих не руководящие должности, по форме согласно приложению 1"
    assert form_cues(s, s.index("1"), "ru")[0] == "evaluation_sheet_staff"
    s = "Оценка лиц, занимающих руководящие должности, по форме согласно приложению 1"
    assert form_cues(s, s.index("1"), "ru") == ["evaluation_sheet_leader"]


PAIRED = {1: "evaluation_sheet_leader", 2: "evaluation_sheet_staff"}


@pytest.mark.parametrize(
    ("sentence", "lang", "cited", "kinds", "meant"),
    [
        # whose form: the person evaluated is not a leader, the leaders' sheet is cited
        (
            "Оценка служащих категории Е-4, не занимающих руководящие должности, осуществляется "
            "непосредственным руководителем по форме согласно приложению 1 к настоящей Методике",
            "ru",
            1,
            PAIRED,
            ("evaluation_sheet_staff", "2"),
        ),
        (
            "Басшылық лауазымдарды атқаратын өзге қызметшілерді бағалауды бөлімшенің басшысы осы "
            "Әдістеменің 2-қосымшасына сәйкес басшы лауазымды атқаратын адамның бағалау парағы бойынша жүргізеді",
            "kk",
            2,
            PAIRED,
            ("evaluation_sheet_leader", "1"),
        ),
        (
            "Оценка руководителя аппарата (категория Е-2) осуществляется по форме согласно приложению 2",
            "ru",
            2,
            PAIRED,
            ("evaluation_sheet_leader", "1"),
        ),
        # near misses: the evaluator is no cue; the right sheet; both groups in one sentence
        (
            "Оценка иных служащих осуществляется руководителем структурного подразделения по форме "
            "согласно приложению 2 к настоящей Методике",
            "ru",
            2,
            PAIRED,
            None,
        ),
        (
            "Басқа қызметшілерді бағалауды құрылымдық бөлімшенің басшысы осы Әдістеменің 2-қосымшасына "
            "сәйкес нысан бойынша жүргізеді",
            "kk",
            2,
            PAIRED,
            None,
        ),
        (
            "Оценка служащих, занимающих руководящие должности, и иных служащих проводится по форме "
            "согласно приложению 1",
            "ru",
            1,
            PAIRED,
            None,
        ),
        # roles speak only for forms made in two versions: a leader's KPI sheet is no leader's sheet
        (
            "Оценка руководителей структурных подразделений проводится по форме согласно приложению 2",
            "ru",
            2,
            {2: "kpi_sheet", 5: "sheet360_leader", 6: "sheet360_staff"},
            None,
        ),
        (
            "Оценка руководителей структурных подразделений методом 360 проводится по форме согласно приложению 6",
            "ru",
            6,
            {5: "sheet360_leader", 6: "sheet360_staff"},
            ("sheet360_leader", "5"),
        ),
    ],
)
def test_whose_form_a_sentence_names(
    sentence: str, lang: str, cited: int, kinds: dict[int, str], meant: tuple[str, str] | None
) -> None:
    at = re.search(rf"{cited}(?:-қосымша| к настоящей|\b)", sentence)
    assert at is not None
    assert _judge_form(sentence, at.start(), lang, kinds[cited], kinds, sentence) == meant


def test_the_words_after_a_comma_belong_to_the_next_reference() -> None:
    """«басшылары үшін 5-қосымшасына, өзге қызметшілер үшін 6-қосымшасына»: the staff are 6's, so 5
    (the leaders' 360 sheet) is right; a whole text with that sentence gets no finding."""
    from docgen.check.context import Ctx
    from docgen.check.xref import appendix_references

    path = ROOT / "tests" / "data" / "heldout2" / "h2_e1_kk_akimat.txt"
    doc = parse_document(path)
    text = doc.norm.text
    assert (
        "басшылары үшін осы Әдістеменің 5-қосымшасына, өзге қызметшілер үшін осы Әдістеменің 6-қосымшасына"
        in text
    )
    found = appendix_references(Ctx(doc, "kk"), catalogue_for_path(path))
    assert [f for f in found if f.point == "23"] == []


def test_the_leaders_and_the_staffs_360_sheets_swapped_are_both_found(tmp_path: Path) -> None:
    path = ROOT / "tests" / "data" / "heldout2" / "h2_e1_kk_akimat.txt"
    src = path.read_text(encoding="utf-8")
    right = (
        "басшылары үшін осы Әдістеменің 5-қосымшасына, өзге қызметшілер үшін осы Әдістеменің 6-қосымшасына"
    )
    swapped = right.replace("5-қосымша", "\0").replace("6-қосымша", "5-қосымша").replace("\0", "6-қосымша")
    wrong = tmp_path / "swapped_360.txt"
    wrong.write_text(src.replace(right, swapped), encoding="utf-8")
    got = sorted((f.actual, f.expected) for f in _appendix_findings(wrong) if f.point == "23")
    assert got == [("5", "6"), ("6", "5")]


def test_a_counterpart_form_is_named_in_words() -> None:
    assert counterpart("sheet360_staff") == "sheet360_leader" and counterpart("kpi_sheet") == ""
    assert _form_label("sheet360_leader", "ru") == "оценочный лист методом 360 для руководителей"
    assert _form_label("evaluation_sheet_staff", "kk") == "басшы лауазымды атқармайтын адамның бағалау парағы"


def test_the_adapter_reads_the_typed_catalogue() -> None:
    typed = Catalogue.from_json(
        {
            "document": {"language": "ru"},
            "parameters": {
                "quarterly_deadline_day": {"value": 20, "source": {"point": "4"}, "also_in": ["app1"]}
            },
            "forms": [{"appendix": 1, "kind": "evaluation_sheet_leader"}],
            "form_assignment": [{"form_appendix": 1, "source": {"point": "16"}}],
        }
    )
    view = catalogue_view(typed)
    assert view.sources["quarterly_deadline_day"] == ("4", "app1")
    assert view.forms == {1: "evaluation_sheet_leader"} and view.assignment_points == ("16",)
    assert catalogue_view(None).sources == {}


def test_what_a_point_holds_comes_from_the_catalogue() -> None:
    """Moving the catalogue's source of the deadline moves the suggestion: the checker keeps no list
    of point numbers of its own."""
    path = DEV / "ru_2025_a.txt"
    doc = parse_document(path)
    cat = catalogue_for_path(path)

    def p6(c: Catalogue) -> Finding:
        res = check_document(doc, c)
        return next(f for f in res.findings if f.code.startswith("broken_cross") and f.point == "6")

    assert p6(cat).expected == "4"
    data = copy.deepcopy(cat.to_json())
    for key in ("quarterly_deadline_day", "annual_final_deadline"):
        data["parameters"][key]["source"]["point"] = "3"
    assert p6(Catalogue.from_json(data)).expected == "3"


def _appendix_findings(path: Path) -> list[Finding]:
    result = check_path(str(path))
    return [f for f in result.findings if f.code == "broken_cross_reference.wrong_appendix"]


def test_a_reference_that_names_no_form_is_judged_by_its_chapter(tmp_path: Path) -> None:
    """«бағалау парағы … 4-қосымшасына сәйкес нысан бойынша» names no form; in the chapter of the
    differentiation method it must cite that method's sheet, in the KPI chapter the KPI sheet (a sheet,
    not the plan or the table of the same method)."""
    src = (DEV / "kk_2018_a.txt").read_text(encoding="utf-8")
    diff = "Бағалаушы адам осы Әдістеменің 4-қосымшасына сәйкес нысан бойынша бағалау парағының"
    kpi = "бағалаушы адам осы Әдістеменің 2-қосымшасына сәйкес нысан бойынша бағалау парағ"
    assert src.count(diff) == 1 and src.count(kpi) == 1
    baseline = {(f.point, f.actual) for f in _appendix_findings(DEV / "kk_2018_a.txt")}

    wrong = tmp_path / "diff_cites_kpi_sheet.txt"
    wrong.write_text(src.replace(diff, diff.replace("4-қосымша", "2-қосымша")), encoding="utf-8")
    new = [f for f in _appendix_findings(wrong) if (f.point, f.actual) not in baseline]
    assert [(f.actual, f.expected) for f in new] == [("2", "4")]
    assert "саралау әдісі бойынша бағалау парағы" in new[0].message

    wrong = tmp_path / "kpi_cites_diff_sheet.txt"
    wrong.write_text(src.replace(kpi, kpi.replace("2-қосымша", "4-қосымша")), encoding="utf-8")
    new = [f for f in _appendix_findings(wrong) if (f.point, f.actual) not in baseline]
    assert [(f.actual, f.expected) for f in new] == [("4", "2")]

    # near miss: the KPI chapter citing the plan of the same method (another form of that chapter)
    right = tmp_path / "kpi_cites_plan.txt"
    right.write_text(src.replace(kpi, kpi.replace("2-қосымша", "1-қосымша")), encoding="utf-8")
    assert [f for f in _appendix_findings(right) if (f.point, f.actual) not in baseline] == []


def test_the_commission_is_formed_where_the_catalogue_says(tmp_path: Path) -> None:
    """«Комиссия формируется в порядке, предусмотренном пунктом 5»: point 5 sets the commission up (the
    catalogue's source of its minimum membership); citing the quorum point instead is wrong."""
    src = (DEV / "ru_2017_a.txt").read_text(encoding="utf-8")
    ref = "Комиссия формируется в порядке, предусмотренном пунктом 5 настоящей Методики."
    assert src.count(ref) == 1
    wrong = tmp_path / "commission_cites_quorum.txt"
    wrong.write_text(src.replace(ref, ref.replace("пунктом 5", "пунктом 27")), encoding="utf-8")
    before = {(f.point, f.actual) for f in _findings("ru_2017_a.txt")}  # the planted ones
    got = [
        f
        for f in check_path(str(wrong)).findings
        if f.code.startswith("broken_cross_reference") and (f.point, f.actual) not in before
    ]
    assert [(f.point, f.actual, f.expected) for f in got] == [("26", "27", "5")]
    assert "образование комиссии по оценке" in got[0].message


def test_an_appeal_is_set_out_only_where_the_catalogue_says(tmp_path: Path) -> None:
    """Points after the appeal point speak of appealing too (refusing to sign, the court); a reference
    to one of them for the appeal procedure is wrong (text of the first held-out set, now development)."""
    src_path = ROOT / "tests" / "data" / "heldout_xref" / "01_kk_2017_commission.txt"
    src = src_path.read_text(encoding="utf-8")
    ref = "осы Әдістеменің 42-тармағында көзделген тәртіппен шағымданғаннан"
    before = {(f.point, f.actual) for f in check_path(str(src_path)).findings}
    wrong = tmp_path / "appeal_cites_41.txt"
    wrong.write_text(src.replace(ref, ref.replace("42-", "41-")), encoding="utf-8")
    got = [
        (f.point, f.actual, f.expected)
        for f in check_path(str(wrong)).findings
        if f.code.startswith("broken_cross_reference") and (f.point, f.actual) not in before
    ]
    assert got == [("43", "41", "42")]
