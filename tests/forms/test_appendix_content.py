"""The act's appendix is the source of the form (issue 10 item 1): rows, row groups, criteria and notes.

Expected content below is written by reading the acts (legal_corpus/acts/*), never from program output:
seed 000 (energy-ministry-order-325) apps 4, 5 and 6. Each form is rendered, read back from the DOCX
table, and compared with what the appendix prints.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from official_layout import is_continuation

from docgen.catalogue import read_catalogue_json
from docgen.forms.blank import blank_forms

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seed_catalogues"
SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
KK_ONLY = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")

# 000 app. 5 (leaders): competency -> its three questions, then its «... орташа баға(лау)» row.
APP5 = [
    (
        "Қызметті басқару",
        [
            "Стратегиялық мақсаттарға сәйкес нақты міндеттер қояды және тапсырмалар береді",
            "Бөлімшенің қойылған міндеттерді сапалы және уақтылы орындауына ұжымды бағыттайды және жағдай жасайды",
            "Басымдық бере отырып, бөлімшенің жұмысын тиімді ұйымдастырады",
        ],
        "Қызметті басқару бойынша орташа баға",
    ),
    (
        "Тиімді коммуникацияларды құру",
        [
            "Өз қызметін әріптестерімен үйлестіре алады, коммуникацияларға ашық, іскерлік ынтымақтастыққа дайындық "
            "танытады, қажет болған жағдайда әріптестеріне көмектеседі",
            "Жанжалдарды ортақ іс үшін пайдамен шеше алады, бұл ретте өз көзқарасын дәлелді жеткізеді және "
            "әріптестерінің пікірін ескереді",
            "Мүдделі тараптармен топтың/команданың / тиімді жұмысын құрады",
        ],
        "Тиімді коммуникацияларды құру бойынша орташа баға",
    ),
    (
        "Әдеп нормалары мен қағидаларын ұстану",
        [
            "Әдеп кодексіне сәйкес барлық жағдайларда әдеп мінез-құлық ережелерін қатаң сақтайды",
            "Парасаттылық, шынайылық, тілектестік, әріптестері мен мүдделі тараптарға сыйластық қағидағтарын ұстанады",
            "Күйзелістік жағдайда өзін ұстай алады, шешім іздейді және табады",
        ],
        "Әдеп нормалары мен қағидаларын ұстану бойынша орташа баға",
    ),
    (
        "Өзгерістерді басқару",
        [
            "Ұйымдағы өзгерістерге оң көзқараспен қарайды",
            "Өзгерген жағдайға сәйкес өз әрекеттерінің тактикасын бейімдейді, сәтсіздіктің себептерін талдайды және "
            "тәсілдерді немесе стратегияны өзгертеді",
            "Қызметкерлердің бастамаларын қолдайды және көтермелейді",
        ],
        "Өзгерістерді басқару бойынша орташа баға",
    ),
    (
        "Нәтижеге бейімделу",
        [
            "Күрделі мақсаттар қойып, оларға қол жеткізеді",
            "Тапсырмаларды орындау үшін қосымша күш салады",
            "Нәтижеге қол жеткізу үшін жауапкершілікті өзіне алады",
        ],
        "Нәтижеге бағдар бойынша орташа баға",
    ),
    (
        "Дербестік және шешім қабылдау дағдылары",
        [
            "Мүмкіндіктерді, тәуекелдерді талдай алады, сондай-ақ ресурстарды есептей және жоспарлай алады",
            "Белгісіздік жағдайында тиімді әрекет ете алады",
            "Ықтимал тәуекелдерді ескере отырып, мәселелерді шешудің бірнеше нұсқасын ұсынады",
        ],
        "Дербестік және шешім қабылдау дағдылары бойынша орташа баға",
    ),
    (
        "Команданы басқару",
        [
            "Ешқашан адамдарға тәуелді емес, әрқашан жеке ұнату немесе ұнатпаудан аулақ бола алады",
            "Өзара әрекеттесу және ынталандыру кезінде бағыныштының даралығын анықтай және ескере алады",
            "Команданы шабыттандыра және ынталандыра алады",
        ],
        "Команданы басқару бойынша орташа баға",
    ),
    (
        "Көшбасшылық қасиеттер",
        [
            "Ынта мен талантты, өз-өзіне деген сенімді көрсетеді",
            "Харизматикалық тұлға, бағыныштыларды ынталандыру үшін өзінің тұлғалық күшін пайдаланады",
            "Қызметкерлерді ынталандыруға дайын, көтермелеу мен сөгіс арақатынасын сауатты таңдайды",
        ],
        "Көшбасшылық қасиеттер бойынша орташа баға",
    ),
    (
        "Ынтымақтастық",
        [
            "Құзыреті шегінде қызметкерлерді мемлекеттік органдармен және ұйымдармен өзара тиімді іс-қимыл жасауға "
            "бағдарлайды",
            "Қойылған міндеттерге қол жеткізу үшін әрбір қызметкердің әлеуетін пайдаланады",
            "Министрліктің құрылымдық бөлімшелерімен бірлесіп жоспарларды іске асырады және ортақ нәтижелерге қол "
            "жеткізеді",
        ],
        "Ынтымақтастық бойынша орташа бағалау",
    ),
    (
        "Жеделділік",
        [
            "Ұжымға жаңа басымдықтарды уақтылы жеткізеді",
            "Өзгерістерге уақтылы әрекет ету үшін тиімді шараларды әзірлейді",
            "Бөлімшені тиімді басқарып, ішкі және сыртқы өзгерістер кезінде нәтижеге қол жеткізеді",
        ],
        "Жеделділік бойынша орташа баға",
    ),
    (
        "Өзін өзі дамыту",
        [
            "Перспективті қызметкерлерді анықтайды және оларды жылжыту бойынша ұсыныстар енгізеді",
            "Қызметкерлерді дамыту бойынша жүйелі шаралар қабылдайды",
            "Өз мысалында өзін-өзі дамытуға деген ұмтылысты көрсетеді",
        ],
        "Өзін-өзі дамыту бойынша орташа баға",
    ),
    (
        "Бастамашылық",
        [
            "Қызметтің тиімділігін арттыруға бағытталған инновациялық тәсілдер мен шешімдерді енгізу жөніндегі "
            "ұсыныстарды қарайды және әзірлейді",
            "Қызметтің тиімділігін арттыруға бағытталған инновациялық тәсілдер мен шешімдерді енгізу бойынша "
            "ұсыныстарды талдайды және енгізеді",
            "Министрліктің қызметін жетілдіру үшін жобаларға бастамашылық етеді",
        ],
        "Бастамашылық бойынша орташа бағалау",
    ),
]

# 000 app. 6 (staff): eight competencies, three questions each (the first one wrapped by the scraper
# before the row of competency 1), an average row each.
APP6_FIRST_QUESTIONS = [
    "Өз қызметін әріптестерімен үйлестіре алады, коммуникацияларға ашық, іскерлік ынтымақтастыққа дайындық "
    "танытады, қажет болған жағдайда әріптестеріне көмектеседі",
    "Әдеп кодексіне сәйкес барлық жағдайларда әдеп мінез-құлық ережелерін қатаң сақтайды",
    "Ұйымдағы өзгерістерге оң көзқараспен қарайды",
    "Күрделі мақсаттар қойып, оларға қол жеткізеді",
    "Мүмкіндіктерді, тәуекелдерді талдай алады, сондай-ақ ресурстарды есептей және жоспарлай алады",
    "Құзыреті шегінде қызметкерлерді мемлекеттік органдармен және ұйымдармен тиімді өзара іс-қимыл жасауға "
    "бағдарлайды",
    "Жұмысты жақсарту бойынша ұсыныстар енгізеді",
    "Жаңа білім мен технологияларға қызығушылық танытады",
]
APP6_LAST_QUESTION = "Тиімділігін арттыруға мүмкіндік беретін жаңа дағдыларды іс жүзінде қолданады"

# 000 app. 4: parameter -> criteria, as printed.
APP4 = [
    ("Функционалдық міндеттерді орындау сапасы", "Негізделген ескертулер мен шағымдардың болмауы"),
    ("Міндеттерді орындау мерзімдерін сақтау", "Құжаттарды, тапсырмаларды орындау мерзімдерінің бұзылмауы"),
    (
        "Дербестік және бастамашылық",
        "Қызметшінің функционалдық міндеттерін жоғары деңгейде дербес орындай алуы. Министрлік қызметінің "
        "саласын жетілдіруге бағытталған ұсыныстар мен пысықталған тәсілдерде бастамашылдық таныту. Министрлік "
        "міндеттерін орындаудағы белсенділігі мен қатысуы.",
    ),
    (
        "Еңбек тәртібін сақтау",
        "Дәлелді себептерсіз жұмыстан кешікпеу, уақытынан бұрын жұмыстан кетпеу, тәртіптік жазасының болмауы, "
        "қызметтік әдептің бұзылмауы.",
    ),
]


def _forms(seed: str) -> dict[tuple[int, str], bytes]:
    cat = read_catalogue_json(next(SEEDS.glob(f"{seed}_*.json")))
    items, _ = blank_forms(cat, ("kk", "ru"))
    return {(i.appendix, i.lang): i.render() for i in items}


@pytest.fixture(scope="module")
def seed000() -> dict[tuple[int, str], bytes]:
    return _forms("000")


def _table(docx: bytes, index: int = 0) -> list[list[str]]:
    """The rows of the ``index``-th table as printed: a table inside a row's cell (a sheet's last
    rows, kept with its signature in the table's last row) prints its rows in that row's place, and a
    table continued under a hidden paragraph is one table on paper."""
    doc = Document(io.BytesIO(docx))
    printed: list[list[list[str]]] = []

    def walk(table: Any) -> list[list[str]]:
        out: list[list[str]] = []
        for row in table.rows:
            inner = row.cells[0].tables
            out += [r for t in inner for r in walk(t)] if inner else [[c.text.strip() for c in row.cells]]
        return out

    for table in doc.tables:
        rows = walk(table)
        if printed and is_continuation(table._tbl):
            printed[-1].extend(rows)
        else:
            printed.append(rows)
    return printed[index]


def _paragraphs(docx: bytes) -> list[str]:
    """The paragraphs outside the tables' grid, in print order: the body's, and the closing block a
    sheet keeps in its table's last row (the one cell holding the last rows' table)."""
    out = []
    for item in Document(io.BytesIO(docx)).iter_inner_content():
        if hasattr(item, "rows"):
            out += [p.text.strip() for r in item.rows for c in r.cells[:1] if c.tables for p in c.paragraphs]
        else:
            out.append(item.text.strip())
    return out


def test_360_leader_questionnaire_has_every_question_and_average_row_of_the_act(seed000) -> None:
    rows = _table(seed000[(5, "kk")])
    assert rows[0] == ["№ р/р", "Құзыреттердің атауы", "Құзыреттер бойынша сұрақтар", "Жауаптар"]
    body = rows[1:]
    assert len(body) == 12 * 4  # 12 competencies x (3 questions + 1 average row)
    for i, (name, questions, average) in enumerate(APP5):
        group = body[4 * i : 4 * i + 4]
        assert group[0][:3] == [str(i + 1), name, questions[0]]
        assert [r[2] for r in group[1:3]] == questions[1:]
        assert group[3][1] == average and group[3][2] == ""


def test_360_staff_questionnaire_repairs_the_wrapped_question_and_keeps_all_groups(seed000) -> None:
    body = _table(seed000[(6, "kk")])[1:]
    assert len(body) == 8 * 4
    assert [body[4 * i][2] for i in range(8)] == APP6_FIRST_QUESTIONS
    assert body[-2][2] == APP6_LAST_QUESTION
    assert all("орташа баға" in body[4 * i + 3][1] for i in range(8))
    assert all(body[4 * i + k][2] for i in range(8) for k in range(3))  # no empty question cell


@pytest.mark.parametrize("appendix", [5, 6])
def test_360_questionnaire_in_russian_has_the_same_rows_translated_without_kazakh(seed000, appendix) -> None:
    kk, ru = _table(seed000[(appendix, "kk")]), _table(seed000[(appendix, "ru")])
    assert len(ru) == len(kk) and all(len(a) == len(b) for a, b in zip(kk, ru, strict=True))
    cells = [c for row in ru for c in row if c]
    assert not [c for c in cells if KK_ONLY.search(c)]
    questions = [row[2] for row in ru[1:] if row[2]]
    assert len(questions) == (36 if appendix == 5 else 24)
    assert sum("Средняя оценка" in row[1] for row in ru[1:]) == (12 if appendix == 5 else 8)
    # the E1 wording of the first leader question (term base, written from the model methodology)
    if appendix == 5:
        assert ru[1][2].startswith("Ставит конкретные задачи")


def test_differentiation_sheet_has_the_acts_criteria_and_a_line_for_the_unexplained_asterisk(seed000) -> None:
    rows = _table(seed000[(4, "kk")])
    assert rows[0] == ["Параметрлер", "Критерийлер", "Бағалау (1-ден 5 баллға дейін)", "Негіздеме"]
    body = [r for r in rows[1:] if r[0][:1].isdigit()]
    assert len(body) == 4
    for row, (name, criteria) in zip(body, APP4, strict=True):
        assert name in row[0] and row[1] == criteria
    assert body[0][0].endswith("*")
    # the act stars parameter 1 but its appendix prints no text for the asterisk: the form says so
    # instead of inventing one
    notes = [p for p in _paragraphs(seed000[(4, "kk")]) if p.startswith("*")]
    assert notes == ["* Әдістеменің қосымшасында жұлдызшамен белгіленген ескертпенің мәтіні келтірілмеген."]
    ru = _table(seed000[(4, "ru")])
    ru_body = [r for r in ru[1:] if r[0][:1].isdigit()]
    assert len(ru_body) == 4 and all(r[1] and not KK_ONLY.search(r[1]) for r in ru_body)
    assert ru_body[0][1] == "Отсутствие обоснованных замечаний и жалоб"


# 000 app. 7 (leaders) and app. 8 (staff): «№ | Құзырет | Құзыреттер бойынша орташа қорытынды баға | Паутинка».
APP7 = [
    "Қызметті басқару",
    "Тиімді коммуникацияларды құру",
    "Әдеп нормалары мен қағидаларын ұстану",
    "Өзгерістерді басқару",
    "Нәтижеге бағдарлану",
    "Дербестік және шешімдерді қабылдау дағдылары",
    "Топты басқару",
    "Көшбасшылық қасиеттер",
    "Ынтымақтастық",
    "Жеделділік",
    "Өзін-өзі дамыту",
    "Бастамашылдық",
]
APP8 = [
    "Тиімді коммуникациялар құру",
    "Әдеп нормалары мен қағидаларын ұстану",
    "Өзгерістерді басқару",
    "Нәтижеге бағдарлану",
    "Дербестік және шешім қабылдау дағдылары",
    "Ынтымақтастық",
    "Жеделділік",
    "Өзін-өзі дамыту",
]


def test_docgen_forms_renders_the_360_result_forms_of_apps_7_and_8(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from docgen.cli import cli

    catalogue = next(SEEDS.glob("000_*.json"))
    res = CliRunner().invoke(cli, ["forms", str(catalogue), "--lang", "both", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert len(list(tmp_path.glob("*.docx"))) == 16  # all eight appendices of 000, kk and ru
    for appendix, kind, names in ((7, "result360_leader", APP7), (8, "result360_staff", APP8)):
        kk = _table((tmp_path / f"app{appendix}_{kind}.kk.docx").read_bytes())
        ru = _table((tmp_path / f"app{appendix}_{kind}.ru.docx").read_bytes())
        assert kk[0][:3] == ["№", "Құзырет", "Құзыреттер бойынша орташа қорытынды баға"]
        # 000 app. 7 prints «Т и і м д і» spaced out by the scraper: compared with the letters joined
        got = [SPACED.sub(lambda m: m.group().replace(" ", ""), r[1]) for r in kk[1:]]
        assert [r[0] for r in kk[1:]] == [str(i) for i in range(1, len(names) + 1)]
        assert got == names
        assert len(ru) == len(kk) and not [r[1] for r in ru[1:] if KK_ONLY.search(r[1])]
        text = "\n".join(_paragraphs((tmp_path / f"app{appendix}_{kind}.kk.docx").read_bytes()))
        assert f"{appendix}-қосымша" in text and "Бағалау нәтижесі" in text


def test_001_truncated_appendix_5_is_marked_and_never_filled_from_another_act(tmp_path: Path) -> None:
    """001 (Kazygurt) ends with the first words of app. 5's caption («"Б" корпусы Қазығұрт»); its body
    (points 36, 38) says app. 5 is the commission's protocol."""
    from click.testing import CliRunner

    from docgen.cli import cli

    catalogue = next(SEEDS.glob("001_*.json"))
    cat = read_catalogue_json(catalogue)
    app5 = cat.form_at(5)
    assert app5 is not None and app5.get("truncated") is True
    assert app5.kind == "commission_protocol" and app5.rows == () and app5.title is None
    assert app5.get("printed") == '"Б" корпусы Қазығұрт'
    res = CliRunner().invoke(cli, ["forms", str(catalogue), "--lang", "both", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert not list(tmp_path.glob("app5_*"))
    assert (
        "5-қосымша (Комиссия отырысының хаттамасы): актінің мәтіні осы қосымшаның тақырыбында үзіледі"
        in res.output
    )
    assert "commission_protocol" not in res.output


def test_001_kpi_sheet_is_the_acts_own_and_differs_from_000s(tmp_path: Path) -> None:
    """001 app. 2 (read from the act): БЕКІТЕМІН / Жоғары тұрған басшы; columns № п/п | Нысаналы мақсатты
    индикаторлардың атауы | Өлшем бірлігі | Жоспарлы мәні | Нақты мәні | Көрсеткішке қол жетті/көрсеткішке
    қол жетпеді; «Бағалау нәтижесі» with (қанағаттанарлықсыз, қанағаттанарлық, тиімді, өте жақсы);
    signatures Қызметші and Тікелей басшы."""
    f001, f000 = _forms("001"), _forms("000")
    kk = f001[(2, "kk")]
    assert kk != f000[(2, "kk")]
    head = _table(kk)[0]
    assert head == [
        "№ п/п",
        "Нысаналы мақсатты индикаторлардың атауы",
        "Өлшем бірлігі",
        "Жоспарлы мәні",
        "Нақты мәні",
        "Көрсеткішке қол жетті/көрсеткішке қол жетпеді",
    ]
    text = "\n".join(_paragraphs(kk))
    assert "БЕКІТЕМІН" in text and "Жоғары тұрған басшы" in text
    assert "(қанағаттанарлықсыз, қанағаттанарлық, тиімді, өте жақсы)" in text
    signs = " ".join(c for row in _table(kk, 1) for c in row)
    assert "Қызметші" in signs and "Тікелей басшы" in signs
    ru = f001[(2, "ru")]
    ru_head = _table(ru)[0]
    assert len(ru_head) == 6 and ru_head[-1] == "Показатель достигнут/показатель не достигнут"
    ru_text = "\n".join(_paragraphs(ru))
    assert "УТВЕРЖДАЮ" in ru_text
    assert "(неудовлетворительно, удовлетворительно, эффективно, превосходно)" in ru_text
    assert not KK_ONLY.search(ru_text + " ".join(ru_head))


def test_000_app1_kk_and_ru_have_the_same_title_and_columns(seed000) -> None:
    """000 app. 1 prints seven top-level columns, «Жоспарлы мәні» and «Қол жеткізу мерзімі» each over four
    quarters (13 grid columns; python-docx repeats a merged cell in every column it covers); kk and ru
    carry the same cells, and the same title."""
    kk, ru = _table(seed000[(1, "kk")]), _table(seed000[(1, "ru")])
    top = [c for i, c in enumerate(kk[0]) if i == 0 or c != kk[0][i - 1]]
    assert top[:2] == ["№ р/р", "НМИ атауы"] and top[3:] == [
        "Өлшем бірлігі",
        "Жоспарлы мәні",
        "Қол жеткізу мерзімі",
        "Түйінді нәтиже*",
    ]
    assert len(ru[0]) == len(kk[0]) == 13 and len(ru) == len(kk)
    assert ru[0][1] == "Наименование КЦИ" and not [c for r in ru[:2] for c in r if KK_ONLY.search(c)]
    kk_title = next(p for p in _paragraphs(seed000[(1, "kk")]) if p.endswith("жеке жұмыс жоспары"))
    ru_title = next(p for p in _paragraphs(seed000[(1, "ru")]) if p.startswith("Индивидуальный план работы"))
    assert "басшысының" in kk_title and "руководителя структурного подразделения" in ru_title
