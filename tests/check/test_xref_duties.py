"""Duties a point lists, and sub-points a cited point does not have (development set 5, 05_ru point
14: «с учетом обязанностей, предусмотренных подпунктом 3) пункта 16», where point 15 lists the duties
of the head of the personnel service and point 16 has no sub-points).

Each case changes one sentence of a development text and gives the reference findings the changed text
brings (beside the ones the text has anyway), written by reading the sentence against the text's
points. The texts: ``dev_xref5/05_ru_2025_quarterly_sheets.txt`` (13 confidentiality, 14 disagreements,
15 «Руководитель службы управления персоналом:» with sub-points 1)–4), 16 who evaluates whom, no
sub-points); ``check_xref/kk_2018_a.txt`` (14 storage, 16 disagreements, 17 the evaluator's duties, 18
the person evaluated's duties, 19 the duties of the head of the personnel department, each with
sub-points 1)–4) or 1)–5)); ``heldout_xref4/08_kk_2018_kpi_diff_360.txt`` (16 the head of the
personnel service «… келісуге, … жауапты болады.» in one sentence, without sub-points).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.check import check_path

from .conftest import ROOT

DATA = ROOT / "tests" / "data"
RU5 = "dev_xref5/05_ru_2025_quarterly_sheets.txt"
RU5_OLD = "с учетом обязанностей, предусмотренных подпунктом 3) пункта 16 настоящей Методики."
KK = "check_xref/kk_2018_a.txt"
KK_OLD = "Министрліктің Персоналды басқару департаменті қарастырады."
KK4 = "heldout_xref4/08_kk_2018_kpi_diff_360.txt"
KK4_OLD = (
    "Калибрлеу сессиясын 16-тармақта аталған міндеттерге сәйкес персоналды басқару қызметі ұйымдастырады."
)

Found = set[tuple[str, str, str, str]]


def _refs(path: Path) -> Found:
    return {
        (f.point, f.code.rsplit(".", 1)[1], f.actual, f.expected)
        for f in check_path(str(path)).findings
        if re.match(r"broken_cross_reference\.|missing_appendix\.referenced", f.code)
        # the rules' findings: the learned model's own warnings («unrelated_target») move with each
        # retraining and are measured on the held-out sets (README), not pinned on constructed cases
        and f.code != "broken_cross_reference.unrelated_target"
    }


_BASE: dict[str, Found] = {}


def _changed(tmp_path: Path, name: str, old: str, new: str) -> tuple[Found, Found]:
    """(findings the changed text has and the original has not, findings the original has and the
    changed text has not)."""
    src = (DATA / name).read_text(encoding="utf-8")
    assert src.count(old) == 1, old
    path = tmp_path / Path(name).name
    path.write_text(src.replace(old, new), encoding="utf-8")
    if name not in _BASE:
        _BASE[name] = _refs(DATA / name)
    got = _refs(path)
    return got - _BASE[name], _BASE[name] - got


def test_the_set5_reference_to_a_point_without_duties_is_found() -> None:
    assert ("14", "wrong_target", "16", "15") in _refs(DATA / RU5)


# (text, sentence replaced, the new sentence, findings it brings)
CASES: list[tuple[str, str, str, Found]] = [
    # ru: the point that lists the duties, with the sub-point it has
    (
        RU5,
        RU5_OLD,
        "с учетом обязанностей, предусмотренных подпунктом 3) пункта 15 настоящей Методики.",
        set(),
    ),
    # the confidentiality point lists no duties: the duties point is meant
    (
        RU5,
        RU5_OLD,
        "с учетом обязанностей, предусмотренных пунктом 13 настоящей Методики.",
        {("14", "wrong_target", "13", "15")},
    ),
    # near miss: one's own job duties are no point's list (the sentence asks nothing of point 16)
    (RU5, RU5_OLD, "с учетом должностных обязанностей служащего и пункта 16 настоящей Методики.", set()),
    # near miss: the duties point without the cited sub-point, and no other point lists duties: no
    # guess
    (
        RU5,
        RU5_OLD,
        "с учетом обязанностей, предусмотренных подпунктом 6) пункта 15 настоящей Методики.",
        set(),
    ),
    # kk: the head of the personnel department's duties (19 has sub-point 4)
    (
        KK,
        KK_OLD,
        KK_OLD + " Бұл ретте осы Әдістеменің 19-тармағының 4) тармақшасында көзделген міндеттер ескеріледі.",
        set(),
    ),
    # the storage point lists no duties; of the three lists, the one whose lead-in names the person
    (
        KK,
        KK_OLD,
        KK_OLD
        + " Бұл ретте Персоналды басқару департаменті басшысының осы Әдістеменің 14-тармағында көзделген"
        " міндеттері ескеріледі.",
        {("16", "wrong_target", "14", "19")},
    ),
    # a point without sub-points cited by a sub-point: a list that has it is meant; of the two lists
    # with a sub-point 3), the one of the department the sentence names (19: its head, whose 3) is
    # helping to resolve disputes, the subject of point 16), not the evaluator's (17)
    (
        KK,
        KK_OLD,
        KK_OLD + " Бұл ретте осы Әдістеменің 16-тармағының 3) тармақшасында көзделген міндеттер ескеріледі.",
        {("16", "wrong_target", "16", "19")},
    ),
    # near miss: the job duties of the person evaluated are no point's list; the storage point holds
    # the storage of documents
    (
        KK,
        KK_OLD,
        KK_OLD
        + " Қызметшінің функционалдық міндеттеріне қатысты құжаттар осы Әдістеменің 14-тармағына сәйкес"
        " сақталады.",
        set(),
    ),
    # near miss: a list of duties that lacks the cited sub-point (19 has 1)–5)), no list has it: no
    # guess
    (
        KK,
        KK_OLD,
        KK_OLD + " Бұл ретте осы Әдістеменің 19-тармағының 7) тармақшасында көзделген міндеттер ескеріледі.",
        set(),
    ),
    # kk: duties stated in one sentence («… келісуге, … жауапты болады.») are a list of duties too
    (KK4, KK4_OLD, KK4_OLD, set()),
    (
        KK4,
        KK4_OLD,
        "Калибрлеу сессиясын 17-тармақта аталған міндеттерге сәйкес персоналды басқару қызметі ұйымдастырады.",
        {("20", "wrong_target", "17", "16")},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_duties_and_sub_points(tmp_path: Path, case: tuple[str, str, str, Found]) -> None:
    name, old, new, expected = case
    added, gone = _changed(tmp_path, name, old, new)
    if name == RU5 and new != old:
        # the set's own wrong reference (14 -> 16) is gone: the sentence is replaced
        gone.discard(("14", "wrong_target", "16", "15"))
    assert (added, gone) == (expected, set())
