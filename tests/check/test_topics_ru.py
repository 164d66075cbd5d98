"""Russian topic vocabulary of check (topics.yaml) for the words of E0/E1-era acts: «КЦИ» / «ЦИ»
(whole words only: «кци» is also a piece of «функции»), «ключевые целевые индикаторы», «Комиссия по
оценке», «поведенческие индикаторы»; and the Russian titles of E0's forms."""

from __future__ import annotations

import pytest

from docgen.check.data import form_kind_from_title, topics_of


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("КЦИ устанавливаются в индивидуальном плане работы.", "kpi"),
        ("Оценка достижения ЦИ проводится по итогам года.", "kpi"),
        ("Ключевые целевые индикаторы определяются непосредственным руководителем.", "kpi"),
        ("Непосредственный руководитель заполняет оценочный лист по ключевым целевым индикаторам.", "kpi"),
        ("Количество КЦИ составляет пять.", "kpi_count"),
        ("Количество КЦИ составляет 5.", "kpi_count"),
        ("КЦИ должны быть конкретными, измеримыми, достижимыми.", "kpi_requirements"),
        (
            "КЦИ определяются в индивидуальном плане работы в течение десяти рабочих дней после начала.",
            "kpi_plan",
        ),
        ("Для проведения оценки создается Комиссия по оценке (далее – Комиссия).", "commission"),
        ("Количество членов Комиссии составляет не менее пяти человек.", "commission"),
        (
            "Оценка компетенций проводится с учетом поведенческих индикаторов согласно приложению 4.",
            "competencies",
        ),
        ("Поведенческие индикаторы компетенций приведены в приложении 4.", "competencies"),
        (
            "Служба управления персоналом ознакамливает служащего с результатами оценки.",
            "results_notification",
        ),
        (
            "Специалист ознакамливает оцениваемого служащего с результатами оценки в течение двух рабочих дней.",
            "results_notification",
        ),
    ],
)
def test_e0_era_russian_words_are_recognised(text: str, topic: str) -> None:
    assert topic in topics_of(text, "ru")


@pytest.mark.parametrize(
    "text",
    [
        "Служащий выполняет функциональные обязанности эффективно.",  # «кци» inside «функци»
        "Оценка проводится согласно должностной инструкции и функциям подразделения.",
        "Акцизы и дотации не относятся к оценке.",
        "Количество членов составляет пять.",
    ],
)
def test_abbreviations_match_only_as_whole_words(text: str) -> None:
    topics = topics_of(text, "ru")
    assert not topics & {"kpi", "kpi_count", "kpi_requirements"}, topics


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Оценочный лист по КЦИ", "kpi_sheet"),
        ("Оценочный лист по ключевым целевым индикаторам", "kpi_sheet"),
        ("Оценочный лист по целевым индикаторам", "kpi_sheet"),
        ("Лист оценки по целевым индикаторам", "kpi_sheet"),
        ("Оценочный лист по компетенциям", "competency_sheet"),
        ("Лист оценки компетенций", "competency_sheet"),
        ("Поведенческие индикаторы компетенций", "behaviour_indicators"),
        ("Протокол заседания Комиссии по оценке", "commission_protocol"),
        (
            'Индивидуальный план работы административного государственного служащего корпуса "Б"',
            "individual_work_plan",
        ),
    ],
)
def test_e0_form_titles_in_russian(title: str, kind: str) -> None:
    assert form_kind_from_title(title, "ru") == kind
