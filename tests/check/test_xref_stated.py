"""A time limit the sentence states itself asks nothing of a reference (``stated`` of the deadline need
in ``docgen/check/xref.yaml``): «направляет документы, указанные в пункте 20, … не позднее пятого
числа» cites point 20 for the documents, not for a deadline; «не позднее срока, установленного пунктом
20» has no value of its own and asks point 20 for the deadline. The cause: held-out set 5's first run
(``bench/results/xref_heldout5_first_run.txt``) reported «доводит КЦИ, предусмотренные пунктами 18–19,
… не позднее пятого числа» as two wrong deadline references.

Texts (read for this test): ``heldout_xref5/03_ru`` point 4 sets the quarterly deadline («не позднее
десятого числа месяца, следующего за отчётным кварталом»), point 20 the KPI sheet; ``heldout_xref5/04_kk``
point 5 sets the deadline, point 21 the KPI sheet, point 10 is replaced here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_xref_duties import _changed

RU = "heldout_xref5/03_ru_2018_kpi_diff_360.txt"
RU_OLD = (
    "Оценивающее лицо доводит КЦИ, предусмотренные пунктами 18–19 настоящей Методики, до сведения "
    "руководителя подразделения не позднее пятого числа первого месяца оцениваемого квартала."
)
KK = "heldout_xref5/04_kk_2018_kpi_diff_360.txt"
KK_OLD = "360 әдісі бойынша бағалау нәтижелері қызметшіні оқыту туралы шешімдер қабылдауға негіз болады."


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        (
            RU,
            RU_OLD,
            "Оценивающее лицо направляет документы, указанные в пункте 20, руководителю подразделения "
            "не позднее пятого числа первого месяца оцениваемого квартала.",
        ),
        (
            RU,
            RU_OLD,
            "Оценивающее лицо направляет документы, указанные в пункте 20, руководителю подразделения "
            "в срок не позднее 5-го числа.",
        ),
        (
            KK,
            KK_OLD,
            "Бағалаушы адам 21-тармақта көрсетілген парақты есепті тоқсаннан кейінгі айдың бесінші "
            "күнінен кешіктірмей кадр қызметіне жібереді.",
        ),
    ],
)
def test_a_deadline_the_sentence_states_is_not_asked_of_its_reference(
    tmp_path: Path, name: str, old: str, new: str
) -> None:
    assert _changed(tmp_path, name, old, new) == (set(), set())


def test_a_deadline_word_without_a_value_still_asks_for_the_deadline(tmp_path: Path) -> None:
    # near misses: the deadline is the cited point's, and point 20 / 21 states none
    ru = "Оценивающее лицо направляет документы руководителю подразделения не позднее срока, установленного пунктом 20."
    assert _changed(tmp_path, RU, RU_OLD, ru) == ({("21", "wrong_target", "20", "4")}, set())
    kk = "Бағалаушы адам парақты 21-тармақта белгіленген мерзімнен кешіктірмей кадр қызметіне жібереді."
    assert _changed(tmp_path, KK, KK_OLD, kk) == ({("10", "wrong_target", "21", "5")}, set())
