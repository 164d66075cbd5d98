"""The learned second opinion on cross references (``docgen/check/xref_learned.py``): the shipped model is
what ``scripts/train_xref_model.py`` makes of the annotated sets, it ranks the point a sentence speaks of
first, and it grades the rules' findings: one it backs is an error, one it does not back is a warning
(«check this reference»).

Texts read for the expectations: ``check_xref/ru_2018_a`` point 29 lets the servant appeal the session's
decision «в порядке, предусмотренном пунктом 14»: point 13 sets the appeal, point 14 the storage of
documents (wrong); ``check_xref/kk_2018_a`` point 25 cites the requirements of point 22 (who sets the
KPI with whom), which point 24 states (wrong); ``heldout_xref6/04_ru`` point 38 holds the calibration
session «в составе, утвержденном согласно пункту 37», and point 37 is the official who approves the
session's composition (right); ``heldout_xref6/03_kk`` point 38 «37-тармаққа сәйкес бекітілген
құрамда», point 37 approving the composition (right).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from docgen.check import check_path
from docgen.check.xref_learned import margin, model, point_words

from .conftest import ROOT

DATA = ROOT / "tests" / "data"


def test_the_shipped_model_is_what_training_on_the_sets_gives() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_xref_model.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    m = model()
    assert m["veto_at"] < m["report_at"] and m["stem"] == 5 and m["near"] == 12
    assert "tests/data/heldout_xref6" in m["trained_on"] and m["references"] > 1000


def _offers(lang: str) -> dict[str, frozenset[str]]:
    if lang == "ru":
        texts = {
            "7": 'Результаты оценки: "эффективно", "надлежащим образом", "удовлетворительно", '
            '"неудовлетворительно".',
            "10": "Служащий, не согласный с результатами оценки, в течение пяти рабочих дней со дня "
            "ознакомления подает заявление о проведении калибровочной сессии.",
            "12": "Решение калибровочной сессии служащий вправе обжаловать в суде.",
        }
    else:
        texts = {
            "7": 'Бағалау нәтижелері: "тиімді", "тиісті түрде", "қанағаттанарлық", "қанағаттанарлықсыз".',
            "10": "Бағалау нәтижелерімен келіспеген қызметші нәтижелермен танысқан күннен бастап бес жұмыс "
            "күні ішінде калибрлеу сессиясын өткізу туралы өтініш береді.",
            "12": "Қызметші калибрлеу сессиясының шешіміне сотқа шағымдана алады.",
        }
    stem = int(model()["stem"])
    return {p: point_words(t, [], stem) for p, t in texts.items()}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("ru", "Калибровочная сессия проводится по заявлению служащего, поданному согласно пункту N."),
        ("kk", "Калибрлеу сессиясы қызметшінің N-тармаққа сәйкес берген өтініші бойынша өткізіледі."),
    ],
)
def test_the_point_the_sentence_speaks_of_scores_best(lang: str, sentence: str) -> None:
    offers = _offers(lang)
    pos = sentence.index("N")
    assert margin(sentence, pos, "10", offers) == (0.0, "10")
    gap, best = margin(sentence, pos, "7", offers)
    assert best == "10" and gap > 0
    # a point the act lacks: no opinion
    assert margin(sentence, pos, "99", offers) == (0.0, None)


def _reference_findings(name: str) -> dict[tuple[str, str], str]:
    return {
        (f.point, f.actual): f.severity
        for f in check_path(str(DATA / name)).findings
        if f.code.startswith("broken_cross_reference.")
    }


@pytest.mark.parametrize(
    ("name", "point", "cited", "severity"),
    [
        ("check_xref/ru_2018_a.txt", "29", "14", "error"),  # wrong (13): backed
        ("check_xref/kk_2018_a.txt", "25", "22", "error"),  # wrong (24): backed
        ("heldout_xref6/04_ru_2018_kpi_diff_360_mangystau_maslikhat.txt", "38", "37", "warning"),  # right
        ("heldout_xref6/03_kk_2018_kpi_diff_360_water_committee.txt", "38", "37", "warning"),  # right
    ],
)
def test_a_finding_the_model_does_not_back_is_a_warning(
    name: str, point: str, cited: str, severity: str
) -> None:
    assert _reference_findings(name)[(point, cited)] == severity


def test_the_models_own_warnings_say_they_are_learned() -> None:
    """A reference warning the model adds is a warning with evidence LEARNED, and its evidence reads
    in words in both languages (never the constant)."""
    from docgen.check.data import messages_data

    added = [
        f
        for name in sorted((DATA / "heldout_xref5").glob("0*.txt"))
        for f in check_path(str(name)).findings
        if f.code == "broken_cross_reference.unrelated_target"
    ]
    assert added
    assert {(f.severity, f.evidence) for f in added} == {("warning", "LEARNED")}
    labels = messages_data()["labels"]["evidence"]["LEARNED"]
    assert "модел" in labels["ru"] and "модель" in labels["kk"]
