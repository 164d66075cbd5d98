"""Examples for the special (Python) rules of docgen/extract/special.py: one text each must match, with its value,
and one near miss each must not, per language. Texts are passages of the acts in legal_corpus/ and the variant
texts (kk for kk, ru for ru), values written by reading them.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest

from docgen.accuracy import _norm
from docgen.extract import special  # noqa: F401  (registers the special rules)
from docgen.extract.registry import Context, rules
from docgen.model import Appendix, Document, Point, Table
from docgen.normalize import normalize

RU_GRADES = (
    'Результату "Выполняет функциональные обязанности эффективно" соответствует диапазон оценок от 4 до 5 баллов, '
    '"Выполняет функциональные обязанности надлежащим образом" от 3 до 3,99 баллов, "Выполняет функциональные '
    'обязанности удовлетворительно" от 2 до 2,99 баллов, "Выполняет функциональные обязанности не '
    'удовлетворительно" от 0 до 1,99 баллов.'
)
KK_GRADES = (
    '"Функционалдық міндеттерін тиімді атқарады" нәтижесіне 4-тен 5 баллға дейін, "Функционалдық міндеттерін '
    'тиісті түрде атқарады" нәтижесіне 3-тен 3,99 баллға дейін, "Функционалдық міндеттерін қанағаттанарлық түрде '
    'атқарады" нәтижесіне 2-ден 2,99 баллға дейін, "Функционалдық міндеттерін қанағаттанарлықсыз түрде атқарады" '
    "нәтижесіне 0-ден 1,99 баллға дейінгі бағалар диапазоны сәйкес келеді."
)
BANDS = [
    {"id": "effective", "min": 4, "max": 5},
    {"id": "proper", "min": 3, "max": 3.99},
    {"id": "satisfactory", "min": 2, "max": 2.99},
    {"id": "unsatisfactory", "min": 0, "max": 1.99},
]

RU_KPI_GRADES = (
    'при достижении всех четырех ЦИ выставляется оценка "превосходно";\n\n'
    'при достижении трех из четырех ЦИ – "эффективно";\n\n'
    'при достижении двух из четырех ЦИ – "удовлетворительно";\n\n'
    'при достижении менее двух из четырех ЦИ – "неудовлетворительно".'
)
KK_KPI_GRADES = (
    'НМИ барлығы орындалған жағдайда "өте жақсы" баға қойылады.\n\n'
    'НМИ санының 5-нен 4-і орындалған жағдайда "тиімді" баға қойылады.\n\n'
    'НМИ санының 5-нен 3-і орындалған жағдайда "қанағаттанарлық" баға қойылады.\n\n'
    'НМИ санының 5-нен 3-тен азы орындалған жағдайда "қанағаттанарлықсыз" баға қойылады.'
)


def _grades(of: int, rows: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    return [{"achieved_min": lo, "achieved_max": hi, "of": of, "grade": g} for lo, hi, g in rows]


RU_360 = (
    "Оценка методом 360 проводится по следующим компетенциям:\n"
    "для руководителей структурных подразделений: управление деятельностью; построение эффективных "
    "коммуникаций; следование этическим нормам и принципам; управление изменениями; ориентация на результат; "
    "самостоятельность и навыки принятия решений; управление командой; лидерские качества; сотрудничество; "
    "оперативность; саморазвитие; инициативность;\n"
    "для служащих корпуса «Б»: построение эффективных коммуникаций; следование этическим нормам и принципам; "
    "управление изменениями; ориентация на результат; самостоятельность и навыки принятия решений; "
    "сотрудничество; оперативность; саморазвитие."
)
KK_360 = (
    "34. 360 әдісімен бағалау кезінде бағаланатын адамдардың санаттарына байланысты мынадай құзыреттер "
    "бағаланады:\n\n- құрылымдық бөлімшелердің басшылары үшін:\n- қызметті басқару;\n"
    "- тиімді коммуникацияларды құру;\n- әдеп нормалары мен қағидаларын ұстану;\n- өзгерістерді басқару;\n"
    "- нәтижеге бағдарлану;\n- дербестік және шешімдерді қабылдау дағдылары;\n- топты басқару;\n"
    "- көшбасшылық қасиеттер;\n- ынтымақтастық;\n- жеделділік;\n- өзін-өзі дамыту;\n- бастамшылдық;\n"
    '- "Б" корпусының қызметшілері үшін:\n\nтиімді коммуникацияларды құру;\n'
    "әдеп нормалары мен қағидаларын ұстану;\nөзгерістерді басқару;\nнәтижеге бағдарлану;\n"
    "дербестік және шешімдерді қабылдау дағдылары;\nынтымақтастық;\nжеделділік;\nөзін-өзі дамыту."
)
RU_LEADERS = (
    "управление деятельностью|построение эффективных коммуникаций|следование этическим нормам и принципам|"
    "управление изменениями|ориентация на результат|самостоятельность и навыки принятия решений|"
    "управление командой|лидерские качества|сотрудничество|оперативность|саморазвитие|инициативность"
).split("|")
RU_STAFF = (
    "построение эффективных коммуникаций|следование этическим нормам и принципам|управление изменениями|"
    "ориентация на результат|самостоятельность и навыки принятия решений|сотрудничество|оперативность|"
    "саморазвитие"
).split("|")
KK_LEADERS = (
    "қызметті басқару|тиімді коммуникацияларды құру|әдеп нормалары мен қағидаларын ұстану|өзгерістерді басқару|"
    "нәтижеге бағдарлану|дербестік және шешімдерді қабылдау дағдылары|топты басқару|көшбасшылық қасиеттер|"
    "ынтымақтастық|жеделділік|өзін-өзі дамыту|бастамшылдық"
).split("|")
KK_STAFF = (
    "тиімді коммуникацияларды құру|әдеп нормалары мен қағидаларын ұстану|өзгерістерді басқару|"
    "нәтижеге бағдарлану|дербестік және шешімдерді қабылдау дағдылары|ынтымақтастық|жеделділік|өзін-өзі дамыту"
).split("|")

RU_SCALE = (
    "В графе «Ответы» указывается один из вариантов: компетенция не проявляется; компетенция проявляется "
    "редко; компетенция проявляется в половине случаев; компетенция проявляется в большинстве случаев; "
    "компетенция проявляется всегда."
)
KK_SCALE = (
    "Жауаптар бағанында жауаптың ұсынылған нұсқаларының бірін көрсету қажет (құзырет көрінбейді; құзырет "
    "сирек көрінеді; құзырет жағдайлардың жартысында көрінеді; құзырет көп жағдайда көрінеді; құзырет "
    "әрқашан көрінеді)."
)

RU_TABLE = [
    ("Процент достижения КЦИ", "Допустимый диапазон оценки"),
    ("100 и выше", "5"),
    ("90–99,99", "4–4,99"),
    ("75–89,99", "3–3,99"),
    ("50–74,99", "2–2,99"),
    ("25–49,99", "1–1,99"),
    ("0–24,99", "0–0,99"),
]
KK_TABLE = [
    (
        "Нысаналы мақсатты индикаторды пайызбен және саралау параметрлерін іске асыру",
        "Рұқсат етілген бағалау ауқымы*",
    ),
    ("100 және одан жоғары", "5"),
    ("95-99,99", "4,75-4,99"),
    ("90-94,99", "4,5-4,74"),
    ("85-89,99", "4,25-4,49"),
]
RU_TABLE_ROWS = [
    (100, None, 5, 5),
    (90, 99.99, 4, 4.99),
    (75, 89.99, 3, 3.99),
    (50, 74.99, 2, 2.99),
    (25, 49.99, 1, 1.99),
    (0, 24.99, 0, 0.99),
]
KK_TABLE_ROWS = [(100, None, 5, 5), (95, 99.99, 4.75, 4.99), (90, 94.99, 4.5, 4.74), (85, 89.99, 4.25, 4.49)]
# near miss: a two-column table of numbered competencies (a number, then words) is no score table
COMPETENCY_TABLE = [
    ("№", "Компетенция"),
    ("1", "управление деятельностью"),
    ("2", "лидерские качества"),
    ("3", "сотрудничество"),
]


def _score_rows(rows: list[tuple[Any, Any, Any, Any]]) -> list[dict[str, Any]]:
    return [{"pct_min": a, "pct_max": b, "score_min": c, "score_max": d} for a, b, c, d in rows]


def context(lang: str, point: str, table: list[tuple[str, str]] | None = None) -> Context:
    """A one-point document; with ``table``, an appendix 3 holding that table (tab-separated rows)."""
    raw = point
    appendices: tuple[Appendix, ...] = ()
    if table is not None:
        body = "\n".join("\t".join(r) for r in table)
        start = len(point) + 2
        raw = point + "\n\n" + body
        t = Table(start, len(raw), tuple(tuple(r) for r in table), "tabs")
        appendices = (Appendix(3, "3", "", "", start, len(raw), (t,)),)
    norm = normalize(raw)
    assert norm.text == raw, "examples are written already normalised"
    doc = SimpleNamespace(
        norm=norm, language=lang, points=(Point("1", 0, len(point), None),), appendices=appendices
    )
    return Context(cast(Document, doc))


def run(name: str, ctx: Context) -> Context:
    next(r for r in rules() if r.name == name).func(ctx)
    return ctx


CASES = [
    ("ru", "grade_bands", RU_GRADES, None, {"grades": BANDS}),
    ("kk", "grade_bands", KK_GRADES, None, {"grades": BANDS}),
    (
        "ru",
        "kpi_count_grades",
        RU_KPI_GRADES,
        None,
        {
            "kpi_count_grades": _grades(
                4,
                [(4, 4, "excellent"), (3, 3, "effective"), (2, 2, "satisfactory"), (0, 1, "unsatisfactory")],
            )
        },
    ),
    (
        "kk",
        "kpi_count_grades",
        KK_KPI_GRADES,
        None,
        {
            "kpi_count_grades": _grades(
                5,
                [(5, 5, "excellent"), (4, 4, "effective"), (3, 3, "satisfactory"), (0, 2, "unsatisfactory")],
            )
        },
    ),
    (
        "ru",
        "competency_lists_360",
        RU_360,
        None,
        {"method360_competencies_leaders": RU_LEADERS, "method360_competencies_staff": RU_STAFF},
    ),
    (
        "kk",
        "competency_lists_360",
        KK_360,
        None,
        {"method360_competencies_leaders": KK_LEADERS, "method360_competencies_staff": KK_STAFF},
    ),
    (
        "ru",
        "answer_scale_360",
        RU_SCALE,
        None,
        {
            "method360_answer_scale": [
                "компетенция не проявляется",
                "компетенция проявляется редко",
                "компетенция проявляется в половине случаев",
                "компетенция проявляется в большинстве случаев",
                "компетенция проявляется всегда",
            ]
        },
    ),
    (
        "kk",
        "answer_scale_360",
        KK_SCALE,
        None,
        {
            "method360_answer_scale": [
                "құзырет көрінбейді",
                "құзырет сирек көрінеді",
                "құзырет жағдайлардың жартысында көрінеді",
                "құзырет көп жағдайда көрінеді",
                "құзырет әрқашан көрінеді",
            ]
        },
    ),
    (
        "ru",
        "kpi_percent_score_table",
        "Приложение 3",
        RU_TABLE,
        {"kpi_score_table": _score_rows(RU_TABLE_ROWS)},
    ),
    (
        "kk",
        "kpi_percent_score_table",
        "3-қосымша",
        KK_TABLE,
        {"kpi_score_table": _score_rows(KK_TABLE_ROWS)},
    ),
]

MISSES = [
    # two grades are no scale of grades
    (
        "ru",
        "grade_bands",
        RU_GRADES.split(', "Выполняет функциональные обязанности удовлетворительно"')[0],
        None,
    ),
    ("kk", "grade_bands", KK_GRADES.split(', "Функционалдық міндеттерін қанағаттанарлық')[0], None),
    # the same grading of competencies, without a KPI word, is no KPI-count grading
    ("ru", "kpi_count_grades", RU_KPI_GRADES.replace(" ЦИ", " компетенций"), None),
    ("kk", "kpi_count_grades", KK_KPI_GRADES.replace("НМИ", "Құзыреттер"), None),
    # a list of two competencies per category
    (
        "ru",
        "competency_lists_360",
        "Оценка методом 360 проводится по следующим компетенциям:\n"
        "для руководителей структурных подразделений: управление деятельностью; лидерские качества.",
        None,
    ),
    (
        "kk",
        "competency_lists_360",
        "360 әдісімен бағалау кезінде мынадай құзыреттер бағаланады:\n"
        "- құрылымдық бөлімшелердің басшылары үшін:\n- қызметті басқару;\n- топты басқару.",
        None,
    ),
    # two answer options are no 360 answer scale
    ("ru", "answer_scale_360", "В графе «Ответы» указывается один из вариантов: да; нет.", None),
    (
        "kk",
        "answer_scale_360",
        "Жауаптар бағанында жауаптың ұсынылған нұсқаларының бірін көрсету қажет (иә; жоқ).",
        None,
    ),
    ("ru", "kpi_percent_score_table", "Приложение 3", COMPETENCY_TABLE),
    ("kk", "kpi_percent_score_table", "3-қосымша", KK_TABLE[:3]),
]


@pytest.mark.parametrize(
    ("lang", "name", "text", "table", "want"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES]
)
def test_special_rule_matches_its_example(
    lang: str, name: str, text: str, table: list[tuple[str, str]] | None, want: dict[str, Any]
) -> None:
    ctx = run(name, context(lang, text, table))
    for key, value in want.items():
        assert key in ctx.params, f"{name}: {key} not found"
        p = ctx.params[key]
        assert _norm(p.value) == _norm(value), f"{name}: {key} = {p.value!r}"
        assert p.rule == name
        assert ctx.quote(p.start, p.end).strip()


@pytest.mark.parametrize(("lang", "name", "text", "table"), MISSES, ids=[f"{c[0]}:{c[1]}" for c in MISSES])
def test_special_rule_does_not_match_its_near_miss(
    lang: str, name: str, text: str, table: list[tuple[str, str]] | None
) -> None:
    ctx = run(name, context(lang, text, table))
    assert not [t for t in ctx.trace if t.rule == name], ctx.trace


def test_every_special_rule_has_examples_in_both_languages() -> None:
    names = {r.name for r in rules()}
    for cases in (CASES, MISSES):
        assert {(c[0], c[1]) for c in cases} == {(lang, n) for lang in ("ru", "kk") for n in names}
