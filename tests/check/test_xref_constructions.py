"""Reference constructions read since held-out set 3 (each with the verdict a reader of the sentence
gives, and near misses): ranges (each end judged) and lists of points («пунктами 14–15», «пунктами 11, 14 и 15»,
«14–15-тармақтарында», «13, 14 және 15-тармақтарында»), sub-points in their cases («подпункта 2) пункта
16», «22-тармағының 2) тармақшасында / тармақшасына / тармақшасымен»), references from inside an
appendix (to points and to other appendices), appendix references that name a form by its title, and
the causes of set 3's misses (appeal by the noun, results received, the number of respondents, forms
for those who are not leaders, results brought to one's notice, the deadline of familiarisation).

Each variant text is a development text of ``tests/data/check_xref/`` with one sentence added; the
expected findings are the ones the added sentence should bring, written by reading it against the
text's points: ru_2018_a (4 deadlines, 7 grades, 11 familiarisation, 12 calibration application,
13 appeal, 14 storage, 15 confidentiality, 16 KPI set, 17 KPI requirements with sub-points 1)–4),
appendix 2 KPI sheet, 3 score table, 4 differentiation sheet); kk_2018_a (4 deadlines, 11
familiarisation, 13 appeal, 14 storage, 15 confidentiality, 22 KPI set, 24 KPI requirements with
sub-points 1)–5), appendix 2 KPI sheet, 3 score table, 4 differentiation sheet).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.check import check_path
from docgen.check.xref import _by_title, _stems, need_of, reference_items

from .conftest import ROOT

DEV = ROOT / "tests" / "data" / "check_xref"
RU_POINT = (
    "      8. Организационное сопровождение оценки обеспечивается главным специалистом по кадровой работе"
)
RU_APP2 = "Итоговая оценка выражается по градации, предусмотренной пунктом 7 настоящей Методики."
KK_POINT = "10. Бағалауды ұйымдастырушылық сүйемелдеуді Министрліктің Персоналды басқару департаменті"
KK_APP2 = "Қызметшінің бағалау нәтижесі қорытынды бағаның негізінде қойылады"


def _refs(path: Path) -> set[tuple[str, str, str, str]]:
    return {
        (f.point, f.code.rsplit(".", 1)[1], f.actual, f.expected)
        for f in check_path(str(path)).findings
        if re.match(r"broken_cross_reference\.|missing_appendix\.referenced", f.code)
        # the rules' findings: the learned model's own warnings («unrelated_target») move with each
        # retraining and are measured on the held-out sets (README), not pinned on constructed cases
        and f.code != "broken_cross_reference.unrelated_target"
    }


_BASE: dict[str, set[tuple[str, str, str, str]]] = {}


def _new(
    tmp_path: Path, name: str, anchor: str, added: str, *, before: bool = False
) -> set[tuple[str, str, str, str]]:
    """The reference findings the sentence ``added`` brings to ``name`` (put after ``anchor``'s
    sentence, or right before ``anchor`` when ``before``)."""
    src = (DEV / name).read_text(encoding="utf-8")
    assert src.count(anchor) == 1, anchor
    if before:
        text = src.replace(anchor, added + "\n\n" + anchor)
    else:
        at = src.index(anchor) + len(anchor)
        stop = min(i for i in (src.find(".", at), src.find("\n", at)) if i >= 0)
        stop = stop + 1 if src[stop] == "." else stop
        text = src[:stop] + " " + added + src[stop:]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    if name not in _BASE:
        _BASE[name] = _refs(DEV / name)
    return _refs(path) - _BASE[name]


RU = "ru_2018_a.txt"
KK = "kk_2018_a.txt"


# (text, anchor, added sentence, expected new findings[, True: the sentence goes before the anchor])
CASES: list[tuple[object, ...]] = [
    # a range holding the deadline point is right; a range of two other points is wrong as a whole
    (
        RU,
        RU_POINT,
        "Документы хранятся и являются конфиденциальными согласно пунктам 14–15 настоящей Методики.",
        set(),
    ),
    (
        RU,
        RU_POINT,
        "Оценка проводится в сроки, установленные пунктами 14–15 настоящей Методики.",
        {("8", "wrong_target", "14", "4"), ("8", "wrong_target", "15", "4")},
    ),
    (
        RU,
        RU_POINT,
        "Оценка проводится в сроки, установленные пунктами с 14 по 15 настоящей Методики.",
        {("8", "wrong_target", "14", "4"), ("8", "wrong_target", "15", "4")},
    ),
    # a list: every number is judged; the appeal is set out in 13 only
    (
        RU,
        RU_POINT,
        "Служащий вправе обжаловать результаты оценки в порядке, предусмотренном пунктами 13 и 15 настоящей Методики.",
        {("8", "wrong_target", "15", "13")},
    ),
    (
        RU,
        RU_POINT,
        "Служащий ознакамливается с результатами оценки в срок, предусмотренный пунктами 11, 14 и 15 настоящей Методики.",
        {("8", "wrong_target", "14", "11"), ("8", "wrong_target", "15", "11")},
    ),
    (
        RU,
        RU_POINT,
        "Результаты выставляются по градации и в баллах, предусмотренных пунктами 7 и 10 Методики.",
        set(),
    ),
    # sub-points: the point is judged, the suggestion is the point that has the sub-point
    (
        RU,
        RU_POINT,
        "Целевые индикаторы, не отвечающие требованию подпункта 2) пункта 16 настоящей Методики, возвращаются.",
        {("8", "wrong_target", "16", "17")},
    ),
    (
        RU,
        RU_POINT,
        "Целевые индикаторы, не отвечающие требованию, установленному подпунктом 2) пункта 16 Методики, возвращаются.",
        {("8", "wrong_target", "16", "17")},
    ),
    (
        RU,
        RU_POINT,
        "Целевые индикаторы, не отвечающие требованию подпункта 2) пункта 17 Методики, возвращаются.",
        set(),
    ),
    # inside an appendix: a range of points, and a reference to another appendix by the form's content
    (
        RU,
        RU_APP2,
        "Оценка выражается по градации, предусмотренной пунктами 14–15 настоящей Методики.",
        {("app2", "wrong_target", "14", "7"), ("app2", "wrong_target", "15", "7")},
    ),
    (
        RU,
        RU_APP2,
        "Допустимая оценка определяется по таблице допустимой оценки согласно приложению 4 к настоящей Методике.",
        {("app2", "wrong_appendix", "4", "3")},
    ),
    (
        RU,
        RU_APP2,
        "Допустимая оценка определяется по таблице допустимой оценки согласно приложению 3 к Методике.",
        set(),
    ),
    # set 3's causes: the appeal by its noun; the number of respondents; familiarisation with a protocol
    (
        RU,
        RU_POINT,
        "Подача жалобы на результаты оценки осуществляется в порядке пункта 14 настоящей Методики.",
        {("8", "wrong_target", "14", "13")},
    ),
    (
        RU,
        RU_POINT,
        "Респонденты определяются кадровой службой в количестве, установленном пунктом 22 Методики.",
        {("8", "wrong_target", "22", "23")},
    ),
    (
        RU,
        RU_POINT,
        "Респонденты определяются кадровой службой в количестве, установленном пунктом 23 Методики.",
        set(),
    ),
    (
        RU,
        RU_POINT,
        "С протоколом калибровочной сессии служащий ознакамливается в срок, установленный пунктом 15 Методики.",
        {("8", "wrong_target", "15", "11")},
    ),
    (
        RU,
        RU_POINT,
        "С протоколом калибровочной сессии служащий ознакамливается в срок, установленный пунктом 11 Методики.",
        set(),
    ),
    # kk: ranges, lists, sub-points in three cases, an appendix inside an appendix
    (
        KK,
        KK_POINT,
        "Бағалау құжаттары осы Әдістеменің 14–15-тармақтарына сәйкес сақталады және құпия ақпарат болып табылады.",
        set(),
        True,
    ),
    (
        KK,
        KK_POINT,
        "Бағалау осы Әдістеменің 14–15-тармақтарында белгіленген мерзімдерде жүргізіледі.",
        {("9", "wrong_target", "14", "4"), ("9", "wrong_target", "15", "4")},
        True,
    ),
    (
        KK,
        KK_POINT,
        "Қызметші бағалау нәтижелеріне осы Әдістеменің 13, 14 және 15-тармақтарында көзделген тәртіппен шағымдана алады.",
        {("9", "wrong_target", "14", "13"), ("9", "wrong_target", "15", "13")},
        True,
    ),
    (
        KK,
        KK_POINT,
        "Осы Әдістеменің 22-тармағының 2) тармақшасында көрсетілген талаптарға сәйкес келмейтін НМИ қайтарылады.",
        {("9", "wrong_target", "22", "24")},
        True,
    ),
    (
        KK,
        KK_POINT,
        "НМИ осы Әдістеменің 22-тармағының 2) тармақшасына сәйкес талаптарға сай болмаса, қайтарылады.",
        {("9", "wrong_target", "22", "24")},
        True,
    ),
    (
        KK,
        KK_POINT,
        "НМИ осы Әдістеменің 22-тармағының 2) тармақшасымен белгіленген талаптарға сай болмаса, қайтарылады.",
        {("9", "wrong_target", "22", "24")},
        True,
    ),
    (
        KK,
        KK_POINT,
        "Осы Әдістеменің 24-тармағының 2) тармақшасында көрсетілген талаптарға сай емес НМИ қайтарылады.",
        set(),
        True,
    ),
    (
        KK,
        KK_APP2,
        "Рұқсат етілетін баға осы Әдістеменің 4-қосымшасына сәйкес іске асыру пайызына байланысты анықталады.",
        {("app2", "wrong_appendix", "4", "3")},
    ),
    (
        KK,
        KK_APP2,
        "Рұқсат етілетін баға осы Әдістеменің 3-қосымшасына сәйкес іске асыру пайызына байланысты анықталады.",
        set(),
    ),
    # kk, set 3's causes: results received in a passive participle; the appeal
    (
        KK,
        KK_POINT,
        "Тікелей басшы осы Әдістеменің 14-тармағына сәйкес алынған бағалау нәтижелері бойынша кездесу өткізеді.",
        {("9", "wrong_target", "14", "11")},
        True,
    ),
    (
        KK,
        KK_POINT,
        "Тікелей басшы осы Әдістеменің 11-тармағына сәйкес алынған бағалау нәтижелері бойынша кездесу өткізеді.",
        set(),
        True,
    ),
    # set 5's causes: a Russian participle phrase qualifies the noun before it (the protocol, not the
    # storage the sentence goes on to); a KPI requirement under another abbreviation («ҚТК»)
    (
        RU,
        RU_POINT,
        "Протоколы калибровочных сессий, указанные в пункте 14 настоящей Методики, хранятся в информационной системе.",
        {("8", "wrong_target", "14", "29")},
    ),
    (
        RU,
        RU_POINT,
        "Протоколы калибровочных сессий, указанные в пункте 29 настоящей Методики, хранятся в информационной системе.",
        set(),
    ),
    (
        KK,
        KK_POINT,
        "ҚТК осы Әдістеменің 22-тармағында белгіленген талаптарға сай болмаса, пысықтауға қайтарылады.",
        {("9", "wrong_target", "22", "24")},
        True,
    ),
    (
        KK,
        KK_POINT,
        "ҚТК осы Әдістеменің 24-тармағында белгіленген талаптарға сай болмаса, пысықтауға қайтарылады.",
        set(),
        True,
    ),
    # a range of appendices names its two ends; the form the sentence names is judged at each
    (
        KK,
        KK_POINT,
        "360 әдісі бойынша бағалау осы Әдістеменің 5–8-қосымшаларына сәйкес нысандар бойынша жүргізіледі.",
        set(),
        True,
    ),
    (
        KK,
        KK_POINT,
        "360 әдісі бойынша бағалау осы Әдістеменің 1–2-қосымшаларына сәйкес нысандар бойынша жүргізіледі.",
        {("9", "wrong_appendix", "1", "5"), ("9", "wrong_appendix", "2", "5")},
        True,
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_reference_constructions(tmp_path: Path, case: tuple[object, ...]) -> None:
    name, anchor, added, expected, *before = case
    assert isinstance(name, str) and isinstance(anchor, str) and isinstance(added, str)
    assert _new(tmp_path, name, anchor, added, before=bool(before and before[0])) == expected


@pytest.mark.parametrize(
    ("nums", "numbers", "items"),
    [
        # a range: its two ends are judged, the points inside only count as named
        ("4–6", set(), [("4", ["4", "5"]), ("6", ["6"])]),
        ("4-6", set(), [("4", ["4", "5"]), ("6", ["6"])]),
        ("с 4 по 6", set(), [("4", ["4", "5"]), ("6", ["6"])]),
        ("4, 5 и 7", set(), [("4", ["4"]), ("5", ["5"]), ("7", ["7"])]),
        ("4, 5 және 7", set(), [("4", ["4"]), ("5", ["5"]), ("7", ["7"])]),
        # an inserted point: the act has it, or the second number is not greater
        ("12-1", set(), [("12-1", ["12-1"])]),
        ("4-6", {"4-6"}, [("4-6", ["4-6"])]),
    ],
)
def test_the_items_of_a_reference(nums: str, numbers: set[str], items: list[tuple[str, list[str]]]) -> None:
    assert reference_items(nums, numbers) == items


TITLES = {
    1: "Индивидуальный план работы",
    2: "Оценочный лист по достижению целевых индикаторов",
    4: "Оценочный лист по методу дифференциации",
    6: "Журнал регистрации обращений служащих",
}


@pytest.mark.parametrize(
    ("words", "cited", "meant"),
    [
        ("Обращения регистрируются в журнале регистрации обращений по форме согласно приложению 2", 2, "6"),
        ("Обращения регистрируются в журнале регистрации обращений по форме согласно приложению 6", 6, None),
        # near misses: no title's own words; words every sheet has («оценочный лист») tell no form
        ("Документ составляется по форме согласно приложению 2", 2, None),
        ("Оценочный лист заполняется по форме согласно приложению 4", 4, None),
    ],
)
def test_a_form_named_by_its_title(words: str, cited: int, meant: str | None) -> None:
    titles = {n: _stems(t) for n, t in TITLES.items()}
    judged = _by_title(words, cited, titles, {})
    assert (judged[1] if judged else None) == meant


def test_a_form_named_by_its_title_in_a_text(tmp_path: Path) -> None:
    """An appendix whose form has no kind the checker knows is still told by its title (ru and kk)."""
    cases = [
        (
            RU,
            "\n\tПриложение 6 к Методике оценки деятельности\n\tФорма\n Журнал регистрации обращений служащих\n"
            "      Дата\tФамилия\tСодержание\n",
            RU_POINT,
            "Обращения служащих вносятся в журнал регистрации обращений по форме согласно приложению {n} к Методике.",
        ),
        (
            KK,
            '\nҚазақстан Республикасы\nЭнергетика министрлігінің\n"Б" корпусы мемлекеттік\n'
            "әкімшілік қызметшілерінің\nқызметін бағалау әдістемесіне\n9-қосымша\nНысан\n\n"
            "Қызметшілердің өтініштерін тіркеу журналы\n\nКүні\tТегі\tМазмұны\n",
            KK_POINT,
            "Өтініштер осы Әдістеменің {n}-қосымшасына сәйкес нысан бойынша өтініштерді тіркеу журналына енгізіледі.",
        ),
    ]
    for name, appendix, anchor, sentence in cases:
        src = (DEV / name).read_text(encoding="utf-8").rstrip("\n") + "\n" + appendix
        number = "9" if name == KK else "6"  # kk_2018_a has 8 appendices, ru_2018_a 5
        for cited, expected in ((number, set()), ("2", {"wrong_appendix"})):
            added = sentence.format(n=cited)
            text = (
                src.replace(anchor, added + "\n\n" + anchor)
                if name == KK
                else src.replace(anchor, anchor + " " + added)
            )
            path = tmp_path / f"{cited}_{name}"
            path.write_text(text, encoding="utf-8")
            base = _refs(DEV / name)
            new = {(f[1], f[2], f[3]) for f in _refs(path) - base}
            assert {code for code, _, _ in new} == expected, (name, cited, new)
            if expected:
                assert new == {("wrong_appendix", "2", number)}


@pytest.mark.parametrize(
    ("sentence", "lang", "need"),
    [
        ("подача жалобы осуществляется в порядке пункта 33 Методики", "ru", "appeal"),
        ("рассмотрение предложений осуществляется в порядке пункта 33 Методики", "ru", None),
        (
            "Тікелей басшы осы Әдістеменің 12-тармағына сәйкес алынған бағалау нәтижелері бойынша кездесу өткізеді",
            "kk",
            "familiarization",
        ),
        ("Тікелей басшы осы Әдістеменің 12-тармағына сәйкес алынған құжаттарды қарайды", "kk", None),
        ("Респонденты определяются в количестве, установленном пунктом 23 Методики", "ru", "respondents"),
        ("Респонденты заполняют анкету в порядке пункта 23 Методики", "ru", None),
        (
            "Қызметші нәтижелермен танысудан бас тартқан жағдайда ол осы Әдістеменің 10-тармағында көзделген мерзім өткен соң таныстырылған болып есептеледі",
            "kk",
            "familiarization",
        ),
        (
            "Служащий ознакамливается с результатами оценки в срок, предусмотренный пунктом 11",
            "ru",
            "familiarization",
        ),
    ],
)
def test_what_a_sentence_needs_set3(sentence: str, lang: str, need: str | None) -> None:
    m = re.search(r"\d+", sentence)
    assert m is not None
    assert need_of(sentence, m.start(), lang) == need


def test_a_companion_point_is_right_beside_the_holder_and_wrong_alone(tmp_path: Path) -> None:
    """Point 17 of set 5's text 02 is the competency scale: cited beside the grade point 13 («градациями
    пунктов 13 и 17») it is right, cited alone for the grades it is wrong (13 is meant)."""
    src_path = ROOT / "tests" / "data" / "dev_xref5" / "02_ru_2017_commission.txt"
    src = src_path.read_text(encoding="utf-8")
    both = "руководствуясь градациями пунктов 13 и 17 Методики"
    assert src.count(both) == 1
    base = _refs(src_path)
    assert not {f for f in base if f[0] == "19" and f[2] in ("13", "17")}
    alone = tmp_path / "alone.txt"
    alone.write_text(src.replace(both, "руководствуясь градацией пункта 17 Методики"), encoding="utf-8")
    assert _refs(alone) - base == {("19", "wrong_target", "17", "13")}
