"""The causes of development set 6's misses and false findings (its first run:
``bench/results/xref_dev6_first_run.txt``), each with a Kazakh and a Russian case and near misses.

Each case changes one sentence of a development text (or adds one) and gives the reference findings
the change brings and the ones it takes away, written by reading the sentence against the text's
points. The texts of set 6 (``tests/data/dev_xref6/``): 01_ru (2017; 4 tenure, 12 KPI qualities, 13
resubmission in two working days, 21 the personnel service sends the sheets five working days before
the meeting), 02_kk (2017; 15 KPI qualities, 16 resubmission in two working days), 04_kk (2018; 12 the
calibration application, 13 appeal, 14 storage), 05_ru (2025; 11 the one who disagrees «обращается»
within five working days, 12 appeal, 13 storage), 06_kk (2025; 10 the one who disagrees «жүгінеді»
within five working days, 11 appeal, «калибровкалық сессия»). The development texts of
``tests/data/check_xref/``: ru_2018_a and kk_2018_a (4 the quarterly deadline, 14 storage).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_xref_duties import DATA, Found, _changed, _refs

RU1 = "dev_xref6/01_ru_2017_commission.txt"
KK2 = "dev_xref6/02_kk_2017_commission.txt"
KK4 = "dev_xref6/04_kk_2018_kpi_diff_360.txt"
RU5 = "dev_xref6/05_ru_2025_quarterly_sheets.txt"
KK6 = "dev_xref6/06_kk_2025_quarterly_sheets.txt"
RU18 = "check_xref/ru_2018_a.txt"
KK18 = "check_xref/kk_2018_a.txt"
RU18_AT = "Результаты оценки являются конфиденциальной информацией."
KK18_AT = "Бағалау рәсіміне байланысты келіспеушіліктерді"

RU5_APPLY = "в порядке, определенном пунктом 11."
RU5_SESSIONS = "Государственный орган проводит калибровочные сессии в порядке пункта 11 настоящей Методики."
RU5_APPEAL = "В случае обжалования решения калибровочной сессии в порядке, установленном пунктом 11,"
KK6_APPLY = "он жұмыс күні ішінде 11-тармағында айқындалған тәртіппен өткізіледі."
KK6_SESSIONS = "Мемлекеттік орган калибровкалық сессияларды 11-тармақта белгіленген тәртіппен өткізеді."
RU1_MATERIALS = "Комиссия рассматривает материалы, представленные в срок, установленный пунктом 12 Методики"
KK2_PLAN = "Жеке жұмыс жоспары 15-тармақта белгіленген мерзімде"
KK4_BRACKET = "Шағым жасалған жағдайда (12-тармақ)"


def test_the_set6_references_are_found_with_the_right_point() -> None:
    """What the set's texts give as they are (the first run missed the references of the first list
    and judged the second list's right references wrong)."""
    found = {name: _refs(DATA / name) for name in (RU1, KK2, KK4, RU5, KK6)}
    assert ("22", "wrong_target", "12", "21") in found[RU1]
    assert ("19", "wrong_target", "15", "16") in found[KK2]
    assert ("14", "wrong_target", "12", "13") in found[KK4]
    assert ("18", "inherited", "11", "10") in found[KK6]
    assert ("20", "inherited", "11", "10") in found[KK6]
    assert not {f for f in found[RU5] if f[2] == "11" and f[0] in ("15", "19", "21")}


# (text, sentence replaced, the new sentence, findings it brings, findings it takes away)
CASES: list[tuple[str, str, str, Found, Found]] = [
    # the calibration application by «обращается» (ru) / «жүгінеді» (kk), without the words
    # «заявление», «өтініш» or «калибровка»: the catalogue finds the point (five working days)
    (RU5, RU5_APPLY, "в порядке, определенном пунктом 13.", {("21", "wrong_target", "13", "11")}, set()),
    (KK6, KK6_APPLY, KK6_APPLY.replace("11-", "10-"), set(), {("20", "inherited", "11", "10")}),
    # «калибровкалық» and «калибровка» are the calibration as much as «калибрлеу», «калибровочный»
    (KK6, KK6_SESSIONS, KK6_SESSIONS.replace("11-", "10-"), set(), {("18", "inherited", "11", "10")}),
    (
        RU5,
        RU5_SESSIONS,
        "Заявление о проведении калибровки подается в порядке пункта 13 настоящей Методики.",
        {("19", "wrong_target", "13", "11")},
        set(),
    ),
    # an act that states no evaluation deadline (2017): a deadline is held by a point that sets a
    # time limit; the one the sentence relies on is the nearest before it
    (RU1, RU1_MATERIALS, RU1_MATERIALS.replace("12", "21"), set(), {("22", "wrong_target", "12", "21")}),
    (KK2, KK2_PLAN, KK2_PLAN.replace("15", "16"), set(), {("19", "wrong_target", "15", "16")}),
    # near miss: a point that sets another time limit (resubmission in two working days) holds a
    # deadline in such an act
    (RU1, RU1_MATERIALS, RU1_MATERIALS.replace("12", "13"), set(), {("22", "wrong_target", "12", "21")}),
    # a reference in brackets ends at the bracket: the words after it («сот актісі заңды күшіне») do not
    # make it another act's point; the same in Russian
    (KK4, KK4_BRACKET, KK4_BRACKET.replace("12", "13"), set(), {("14", "wrong_target", "12", "13")}),
    (
        RU5,
        RU5_APPEAL,
        "В случае обжалования (пункт 11) документы хранятся до вступления в законную силу судебного акта,",
        set(),
        set(),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_set6_causes(tmp_path: Path, case: tuple[str, str, str, Found, Found]) -> None:
    name, old, new, brings, takes = case
    assert _changed(tmp_path, name, old, new) == (brings, takes)


# near misses in texts that state the evaluation deadline (2018): another time limit (storage for three
# years) is no deadline there, the deadline point is meant
ADDED: list[tuple[str, str, str, Found]] = [
    (
        RU18,
        RU18_AT,
        RU18_AT + " Материалы представляются в срок, установленный пунктом 14 настоящей Методики.",
        {("15", "wrong_target", "14", "4")},
    ),
    (
        KK18,
        KK18_AT,
        "Бағалау парақтары осы Әдістеменің 14-тармағында белгіленген мерзімде ұсынылады. " + KK18_AT,
        {("16", "wrong_target", "14", "4")},
    ),
]


@pytest.mark.parametrize("case", ADDED, ids=["ru", "kk"])
def test_a_stated_deadline_keeps_its_point(tmp_path: Path, case: tuple[str, str, str, Found]) -> None:
    name, old, new, brings = case
    assert _changed(tmp_path, name, old, new) == (brings, set())


def test_a_weak_deadline_gives_way_to_the_need_the_act_states() -> None:
    """«… 6-тармағында белгіленген мерзім ішінде сақталады» in a 2017 text (held-out 4): the storage
    point is meant (records), not a point with a time limit."""
    assert ("33", "wrong_target", "6", "5") in _refs(DATA / "heldout_xref4" / "02_kk_2017_commission.txt")


# ---------------------------------------------------------------------------------------------------
# The second round on set 6: forms, the act's own KPI abbreviation, leaders beside «except those named»,
# the respondents a point sets out, the calibration sessions a point provides for, the final grade.
# More texts of set 6: 03_ru (2018; 4 the deadlines and the yearly grade as the mean of the quarters, 7
# the grades, 11 the calibration application, 26 the respondents, 30 the decision on a session;
# appendix 1 the individual plan, 2 «Лист оценки по КЦИ», 3 the table of percentages), 04_kk (2018; its
# own abbreviation «негізгі нысаналы көрсеткіштер (бұдан әрі – ННК)»; 26 the respondents, 30 the decision
# on a session; appendix 2 «ННК бойынша бағалау парағы», 3 the table), 05_ru (2025; 17 the categories
# Е-2, Е-R-1 evaluated on appendix 1, «иных … руководящие» and «остальных» after them; appendix 1 the
# leaders' sheet, 2 «(для неруководящих должностей)»), 06_kk (2025; 4 the deadline and the yearly grade
# as the mean, 7 the grades; 16 Е-1, Е-2, Е-R-1, then «… көрсетілген адамдарды қоспағанда, басшы
# лауазымдарды атқаратын …», then «Өзге қызметшілерді …»; appendix 1 the leaders' sheet, 2 the staff's).

RU3 = "dev_xref6/03_ru_2018_kpi_diff_360.txt"

RU3_SHEET = "Оценка по КЦИ проводится путем заполнения листа оценки по форме, предусмотренной приложением 1"
KK4_SHEET = "ННК бойынша бағалау 3-қосымшаға сәйкес нысан бойынша бағалау парағын"
RU3_FINAL = "переводится в итоговую оценку согласно пункту 8."
KK6_FINAL = "қорытынды баға 8-тармаққа сәйкес айқындалады."
RU3_RESP = "Ответы респондентов, определенных пунктом 25,"
KK4_RESP = "26-тармақта айқындалған респонденттердің жауаптары"
RU3_CAL = "2) организует калибровочные сессии в соответствии с главой 5 и пунктом 11 настоящей Методики;"
KK4_CAL = "2) 10-тармақта көзделген калибровкалық сессияларды өткізуді қамтамасыз етеді;"
RU5_LEAD = "Оценка иных служащих, занимающих руководящие должности, проводится"
RU5_PART1 = "(руководители отделов) проводится непосредственным руководителем по форме согласно приложению 1"
RU5_REST = (
    "Оценка остальных служащих проводится руководителем структурного подразделения по форме приложения 1."
)
KK6_LEAD = "Осы тармақтың бірінші бөлігінде көрсетілген адамдарды қоспағанда, басшы лауазымдарды"
KK6_REST = "Өзге қызметшілерді бағалау құрылымдық бөлімшенің басшысымен 2-қосымшаға"

ROUND2: list[tuple[str, str, str, Found, Found]] = [
    # an evaluation by KPI carried out on a sheet asks for the KPI sheet, not the plan or the table;
    # citing the sheet is right; near miss: the same evaluation by the table of percentages (no sheet
    # named) is not judged by the sheet
    (
        RU3,
        RU3_SHEET,
        RU3_SHEET.replace("приложением 1", "приложением 2"),
        set(),
        {("20", "wrong_appendix", "1", "2")},
    ),
    (
        KK4,
        KK4_SHEET,
        KK4_SHEET.replace("3-қосымша", "2-қосымша"),
        set(),
        {("20", "wrong_appendix", "3", "2")},
    ),
    (
        RU3,
        RU3_SHEET,
        "Оценка по КЦИ проводится по таблице соответствия процента достижения КЦИ, предусмотренной приложением 3",
        set(),
        {("20", "wrong_appendix", "1", "2")},
    ),
    (
        KK4,
        KK4_SHEET,
        "ННК бойынша бағалау ННК-ға қол жеткізу пайызы мен бағаның 3-қосымшаға сәйкес кестесі бойынша",
        set(),
        {("20", "wrong_appendix", "3", "2")},
    ),
    # the final grade a point sets: the grades, or the yearly grade formed as the mean of the quarters
    # (point 4) — both right; near miss below (ADDED2): the final grade adopted by vote is no such need
    (RU3, RU3_FINAL, RU3_FINAL.replace("8", "7"), set(), {("24", "wrong_target", "8", "7")}),
    (KK6, KK6_FINAL, KK6_FINAL.replace("8-", "7-"), set(), {("17", "wrong_target", "8", "7")}),
    (RU3, RU3_FINAL, RU3_FINAL.replace("8", "4"), set(), {("24", "wrong_target", "8", "7")}),
    (KK6, KK6_FINAL, KK6_FINAL.replace("8-", "4-"), set(), {("17", "wrong_target", "8", "7")}),
    # the respondents a point sets out (who and how many): the point of the respondents
    (RU3, RU3_RESP, RU3_RESP.replace("25", "26"), set(), {("28", "wrong_target", "25", "26")}),
    (KK4, KK4_RESP, KK4_RESP.replace("26-", "25-"), {("28", "wrong_target", "25", "26")}, set()),
    # near miss: the respondents' answers gathered as a point says (no respondents set out there)
    (
        RU3,
        RU3_RESP,
        "Ответы респондентов, собранные в сроки пункта 4,",
        set(),
        {("28", "wrong_target", "25", "26")},
    ),
    # the calibration sessions a point provides for: any point that sets them out (the application
    # first); near miss: the point of the decision on a session is one of them
    (
        RU3,
        RU3_CAL,
        "2) организует калибровочные сессии, предусмотренные пунктом 10 настоящей Методики;",
        {("16", "wrong_target", "10", "11")},
        set(),
    ),
    (
        RU3,
        RU3_CAL,
        "2) организует калибровочные сессии, предусмотренные пунктом 30 настоящей Методики;",
        set(),
        set(),
    ),
    (KK4, KK4_CAL, KK4_CAL.replace("10-", "12-"), set(), {("16", "wrong_target", "10", "12")}),
    (KK4, KK4_CAL, KK4_CAL.replace("10-", "30-"), set(), {("16", "wrong_target", "10", "12")}),
    # leaders named by category code before «except those named in part one, the leading positions»
    # are leaders: the staff's sheet cited for them is wrong; near miss: without that clause the codes
    # are no leaders and the staff's sheet is not judged
    (KK6, KK6_LEAD, "Басшы лауазымдарды", set(), {("16", "wrong_appendix", "2", "1")}),
    # (the staff of «остальных» / «Өзге қызметшілер»: the sheet «для неруководящих должностей», one word)
    (RU5, RU5_REST, RU5_REST.replace("1.", "2."), set(), {("17", "wrong_appendix", "1", "2")}),
    (KK6, KK6_REST, KK6_REST.replace("2-", "1-"), {("16", "wrong_appendix", "1", "2")}, set()),
]


@pytest.mark.parametrize("case", ROUND2, ids=[f"{i}" for i in range(len(ROUND2))])
def test_set6_second_round(tmp_path: Path, case: tuple[str, str, str, Found, Found]) -> None:
    name, old, new, brings, takes = case
    assert _changed(tmp_path, name, old, new) == (brings, takes)


def test_russian_leaders_except_those_named_in_part_one(tmp_path: Path) -> None:
    """«За исключением лиц, указанных в части первой, … руководящие должности» makes the coded
    positions of part one leaders (ru, like the Kazakh «… қоспағанда, басшы лауазымдарды»); without
    it (near miss) they are not."""
    src = (DATA / RU5).read_text(encoding="utf-8")
    cited2 = src.replace(RU5_PART1, RU5_PART1.replace("приложению 1", "приложению 2"))
    path = tmp_path / "t.txt"
    path.write_text(
        cited2.replace(
            RU5_LEAD,
            "За исключением лиц, указанных в части первой настоящего пункта, оценка служащих, занимающих"
            " руководящие должности, проводится",
        ),
        encoding="utf-8",
    )
    assert ("17", "wrong_appendix", "2", "1") in _refs(path)
    path.write_text(
        cited2.replace(RU5_LEAD, "Оценка служащих, занимающих руководящие должности, проводится"),
        encoding="utf-8",
    )
    assert not {f for f in _refs(path) if f[0] == "17" and f[2] == "2"}


def _all_replaced(tmp_path: Path, name: str, pairs: list[tuple[str, str]]) -> Found:
    text = (DATA / name).read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / Path(name).name
    path.write_text(text, encoding="utf-8")
    return _refs(path)


def test_the_acts_own_kpi_abbreviation_reads_as_the_usual_one(tmp_path: Path) -> None:
    """A text that defines its own abbreviation for KPI («(бұдан әрі – ННК)», «(далее – КПЭ)») is read
    as one with the usual one: its references are judged alike."""
    kk = _refs(DATA / KK4)
    assert _all_replaced(tmp_path, KK4, [("ННК", "НМИ")]) == kk
    ru = _refs(DATA / RU3)
    assert _all_replaced(tmp_path, RU3, [("КЦИ", "КПЭ")]) == ru
    assert ("20", "wrong_appendix", "1", "2") in ru and ("20", "wrong_appendix", "3", "2") in kk


def test_an_abbreviation_of_another_term_is_no_kpi(tmp_path: Path) -> None:
    """Near miss: the same abbreviation defined for words that are no indicator is not the KPI: the
    sheet «ННК бойынша бағалау парағы» is then of no known form, and the reference is not judged."""
    got = _all_replaced(
        tmp_path,
        KK4,
        [("негізгі нысаналы көрсеткіштер (бұдан әрі – ННК)", "негізгі нысаналар (бұдан әрі – ННК)")],
    )
    assert ("20", "wrong_appendix", "3", "2") not in got
    got = _all_replaced(
        tmp_path,
        RU3,
        [("КЦИ", "КПЭ"), ("ключевые целевые индикаторы (далее – КПЭ)", "ключевые цели (далее – КПЭ)")],
    )
    assert ("20", "wrong_appendix", "1", "2") not in got


# near misses in texts of other sets: the final grade adopted by vote beside a reference to the
# information system is no final-grade need (ru); a Kazakh grade adopted by vote likewise
ADDED2: list[tuple[str, str, str]] = [
    (
        RU18,
        RU18_AT,
        RU18_AT
        + " Итоговая оценка принимается большинством голосов и размещается в системе, указанной в пункте 14.",
    ),
    (
        KK18,
        KK18_AT,
        "Қорытынды баға көпшілік дауыспен қабылданады және 14-тармақта көрсетілген жүйеде орналастырылады. "
        + KK18_AT,
    ),
]


@pytest.mark.parametrize("case", ADDED2, ids=["ru", "kk"])
def test_a_grade_adopted_by_vote_asks_for_no_final_grade(tmp_path: Path, case: tuple[str, str, str]) -> None:
    name, old, new = case
    assert _changed(tmp_path, name, old, new) == (set(), set())


def test_every_need_has_a_label_in_both_languages() -> None:
    """A need's name inside a message is words, never the need's code («calibration_sessions»)."""
    from docgen.check.data import messages_data
    from docgen.check.xref import xref_data

    labels = messages_data()["labels"]["needs"]
    for need in xref_data()["needs"]:
        assert labels.get(need, {}).get("kk") and labels[need].get("ru"), need


# The suggestions of set 6: the decision a calibration session adopts, the term of holding a session,
# and a report in a chapter of the 360 method. More of 05_ru: 12 «Решение калибровочной сессии, принятое
# согласно пункту 22, может быть обжаловано …», 21 the session held within ten working days, 22 «…
# организует проведение калибровочной сессии в пределах срока, установленного пунктом 12», 23 the
# session decides by a majority of votes; of 06_kk: 19 the decision to hold a session, 20 the session
# held within ten working days, 22 «Қорытынды баға көпшілік дауыспен қабылданады»; of 04_kk: 28 «…
# 3-қосымшаға сәйкес есепте жинақталады» in the chapter of the 360 method (appendix 7 the report, 5 and 6
# the questionnaires).

RU5_DECISION = "Решение калибровочной сессии, принятое согласно пункту 22,"
KK6_DECISION = "11. Калибровкалық сессияның шешіміне"
RU5_TERM = "в пределах срока, установленного пунктом 12."
KK6_TERM = "Калибровкалық сессияны ұйымдастыруды персонал қызметі 19-тармақта бекітілген құрам шеңберінде жүзеге асырады."
KK4_REPORT = "3-қосымшаға сәйкес есепте жинақталады"
RU3_REPORT = "обобщаются в отчете (приложение 7)"


def test_the_set6_suggestions() -> None:
    ru5, kk4 = _refs(DATA / RU5), _refs(DATA / KK4)
    assert ("12", "wrong_target", "22", "23") in ru5  # the point where the session decides
    assert ("22", "wrong_target", "12", "21") in ru5  # the session's term
    assert ("28", "wrong_appendix", "3", "7") in kk4  # the 360 report


ROUND3: list[tuple[str, str, str, Found, Found]] = [
    # the decision a session adopts: the point where it decides by votes (ru, kk); near miss: citing
    # that point is right
    (RU5, RU5_DECISION, RU5_DECISION.replace("22", "23"), set(), {("12", "wrong_target", "22", "23")}),
    (
        KK6,
        KK6_DECISION,
        "11. 19-тармаққа сәйкес қабылданған калибровкалық сессияның шешіміне",
        {("11", "wrong_target", "19", "22")},
        set(),
    ),
    (KK6, KK6_DECISION, "11. 22-тармаққа сәйкес қабылданған калибровкалық сессияның шешіміне", set(), set()),
    # the term of holding a session: the point of the session's term, or of the decision to hold it
    # (near miss); not the application's
    (RU5, RU5_TERM, RU5_TERM.replace("12", "21"), set(), {("22", "wrong_target", "12", "21")}),
    (RU5, RU5_TERM, RU5_TERM.replace("12", "20"), set(), {("22", "wrong_target", "12", "21")}),
    (
        KK6,
        KK6_TERM,
        "Персонал қызметі калибровкалық сессияны 10-тармақта белгіленген мерзімде өткізуді ұйымдастырады.",
        {("21", "wrong_target", "10", "20")},
        set(),
    ),
    (
        KK6,
        KK6_TERM,
        "Персонал қызметі калибровкалық сессияны 19-тармақта белгіленген мерзімде өткізуді ұйымдастырады.",
        set(),
        set(),
    ),
    # a report in the chapter of the 360 method: the report's form, not a questionnaire; near miss:
    # the report's own appendix is right
    (KK4, KK4_REPORT, KK4_REPORT.replace("3-", "7-"), set(), {("28", "wrong_appendix", "3", "7")}),
    (RU3, RU3_REPORT, RU3_REPORT.replace("7", "3"), {("28", "wrong_appendix", "3", "7")}, set()),
]


@pytest.mark.parametrize("case", ROUND3, ids=[f"{i}" for i in range(len(ROUND3))])
def test_set6_suggestions_cases(tmp_path: Path, case: tuple[str, str, str, Found, Found]) -> None:
    name, old, new, brings, takes = case
    assert _changed(tmp_path, name, old, new) == (brings, takes)
