"""A rule the act states without the value the model gives it is one warning naming that value, not a
missing provision (``value_required`` in docgen/check/topics.yaml): KPI set in the individual work plan
with no deadline anywhere. A deadline the act does state, in words the extractor did not read, is not
missing. kk and ru."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docgen.check import check_path

DATA = Path(__file__).resolve().parents[1] / "data"
DAY = dt.date(2026, 12, 7)


def _missing(path: Path) -> list[tuple[str, str, str]]:
    result = check_path(str(path), as_of=DAY)
    return [
        (f.point, f.expected, f.message) for f in result.findings if f.code == "model_deviation.value_missing"
    ]


@pytest.mark.parametrize(
    ("name", "point", "words"),
    [
        (
            "03_ru_2018_kpi_diff_360.txt",
            "17",
            "В акте не указано значение «Срок установления целевых индикаторов»",
        ),
        ("04_kk_2018_kpi_diff_360.txt", "17", "Актіде «НМИ белгілеу мерзімі» мәні көрсетілмеген"),
    ],
)
def test_kpi_plan_without_its_deadline(name: str, point: str, words: str) -> None:
    """dev_xref6 p. 17: «КЦИ устанавливаются руководителем Управления в индивидуальном плане работы …» /
    «ННК … жеке жұмыс жоспарында белгіленеді», no deadline in any point."""
    found = _missing(DATA / "dev_xref6" / name)
    assert [(p, e) for p, e, _ in found] == [
        (point, "10 рабочих дней" if "_ru_" in name else "10 жұмыс күні")
    ]
    assert found[0][2].startswith(words)
    result = check_path(str(DATA / "dev_xref6" / name), as_of=DAY)
    assert not [
        f
        for f in result.findings
        if (f.details or {}).get("topic") == "kpi_plan" and f.code.startswith("missing")
    ]


@pytest.mark.parametrize(
    "path",
    [
        # «НМИ жеке жұмыс жоспарында бағаланатын кезеңнің басынан бастап он жұмыс күні ішінде … белгіленеді» (p. 9)
        DATA / "dev_xref5" / "01_kk_2017_commission.txt",
        # «ҚТК-сі … бағаланатын кезең басталғаннан кейін он жұмыс күні ішінде … жеке жұмыс жоспарында белгіленеді»
        DATA / "dev_xref5" / "03_kk_2018_kpi_diff_360.txt",
        # «КЦИ устанавливаются … в течение десяти рабочих дней с начала оцениваемого периода» (p. 11)
        DATA / "dev_xref6" / "01_ru_2017_commission.txt",
    ],
)
def test_a_deadline_stated_is_not_missing(path: Path) -> None:
    assert _missing(path) == []
