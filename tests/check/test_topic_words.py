"""Topic recognition is general (docgen/check/topics.yaml, docgen/check/data.py): word forms, active and
passive verbs, word order and small insertions, number words, synonyms a drafter uses, list items under a
lead-in; and it stays precise: a sentence that names a topic in passing does not count. Small texts of our
own, kk and ru, one for each mechanism; then forms: titles in other words and rows in other word forms."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from docgen.catalogue import read_catalogue_json
from docgen.check import check_path, load_profile
from docgen.check.data import form_kind_from_title, topics_of
from docgen.check.generate import generate_clean


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        # word forms (case, number)
        (
            "ru",
            'Служащие корпуса "Б", уволенные до окончания оцениваемого периода, оцениваются без их участия.',
            "dismissed",
        ),
        (
            "kk",
            "Бағаланатын кезең аяқталғанға дейін қызметтен босатылған қызметшілер олардың қатысуынсыз бағаланады.",
            "dismissed",
        ),
        # active / passive verb
        (
            "kk",
            "Кадр қызметі бағалау парағын ақпараттық жүйе арқылы бағалаушы тұлғаға жібереді.",
            "sheet_dispatch",
        ),
        ("kk", "Бағалаушы адамға бағалау парағы ақпараттық жүйе арқылы жіберіледі.", "sheet_dispatch"),
        ("ru", "Служба управления персоналом направляет оценочный лист оценивающему лицу.", "sheet_dispatch"),
        # word order and insertions
        (
            "ru",
            "Организацию калибровочной сессии осуществляет служба управления персоналом.",
            "calibration_organiser",
        ),
        (
            "kk",
            "Калибрлеу сессиясын ұйымдастыруды осы Әдістеменің 9-тармағында көрсетілген кадр қызметі қамтамасыз етеді.",
            "calibration_organiser",
        ),
        ("ru", "Непосредственный руководитель проводит встречу по обратной связи.", "feedback"),
        ("kk", "Тікелей басшы қызметшімен кері байланыс бойынша әңгімелесу өткізеді.", "feedback"),
        # number words
        (
            "kk",
            "Бағаланатын тұлғалардың саны жиырмадан асқан жағдайда бағалауды өзге қызметшілер де жүргізеді.",
            "additional_evaluators",
        ),
        (
            "ru",
            "В случае если количество оцениваемых лиц превышает двадцать, оценку проводят также иные служащие.",
            "additional_evaluators",
        ),
        (
            "ru",
            "Если численность работников отдела превышает 50 человек, оценку проводят также иные лица.",
            "additional_evaluators",
        ),
        # synonyms
        (
            "kk",
            "Персоналды басқару қызметі калибрлеу сессиясының қызметін ұйымдастырады.",
            "calibration_organiser",
        ),
        ("ru", "Проведение калибровочной сессии организует кадровая служба.", "calibration_organiser"),
        ("ru", "Оценка методом ранжирования проводится непосредственным руководителем.", "differentiation"),
        ("kk", "ҚТК саны үштен беске дейін болады.", "kpi_count"),
        # a list item carries its lead-in
        (
            "ru",
            "Руководитель службы управления персоналом:\n1) обеспечивает организацию и сопровождение оценки;\n"
            "2) организует проведение калибровочной сессии;",
            "hr_head_duties",
        ),
        (
            "ru",
            "Служба управления персоналом:\n1) обеспечивает организацию и сопровождение оценки;",
            "hr_support",
        ),
        (
            "kk",
            "Персоналды басқару қызметінің басшысы:\n1) бағалауды ұйымдастырады және сүйемелдейді;\n"
            "2) калибрлеу сессиясын өткізуді қамтамасыз етеді;",
            "hr_head_duties",
        ),
        (
            "kk",
            "Бағалау нәтижелері екі жұмыс күні ішінде ақпараттық жүйе арқылы қызметшінің назарына жеткізіледі.",
            "results_notification",
        ),
        # the sheet named «лист оценки» as well as «оценочный лист»; «жолдайды» for «жібереді»
        (
            "ru",
            "Кадровая служба направляет лист оценки оценивающему лицу через информационную систему.",
            "sheet_dispatch",
        ),
        (
            "kk",
            "Персоналды басқару қызметі бағалау парағын бағалаушы адамға ақпараттық жүйе арқылы жолдайды.",
            "sheet_dispatch",
        ),
        ("kk", "Бағалау парағы бағалаушы тұлғаға кадр қызметі арқылы жолданады.", "sheet_dispatch"),
        # evaluators and forms as a list under a lead-in, the sheet named «лист оценки»
        (
            "ru",
            "Оценка служащих осуществляется:\nзаведующих секторами – руководителем управления по листу оценки "
            "(приложение 1);",
            "form_assignment",
        ),
        (
            "kk",
            "Қызметшілерді бағалауды мыналар жүргізеді:\nсектор меңгерушілерін – басқарма басшысы бағалау парағы "
            "бойынша (1-қосымша);",
            "form_assignment",
        ),
        # the respondents of the 360 method as a range
        (
            "ru",
            "Количество опрашиваемых составляет от трех до семи лиц из рабочего окружения.",
            "method360_respondents",
        ),
        ("ru", "Число респондентов – не менее трех и не более семи человек.", "method360_respondents"),
        ("kk", "Респонденттер саны үштен жетіге дейін адамды құрайды.", "method360_respondents"),
        ("ru", "Количество респондентов составляет от пяти до восьми человек.", "method360_respondents"),
        # the meeting on the results without the words «обратная связь» / «кері байланыс»
        (
            "ru",
            "После ознакомления с итогами оценки руководитель проводит встречу со служащим для обсуждения "
            "достигнутых результатов.",
            "feedback",
        ),
        ("ru", "Оценивающее лицо проводит с оцениваемым встречу для обсуждения его достижений.", "feedback"),
        (
            "kk",
            "Бағалаушы адам бағаланатын қызметшімен бағалау нәтижелерін талқылау үшін кездесу өткізеді.",
            "feedback",
        ),
        # the HR head's duties laid on another head who organises the evaluation
        (
            "ru",
            "Руководитель аппарата акима в части организации оценки обеспечивает:\n1) сопровождение процесса "
            "оценки;\n2) проведение калибровочной сессии;",
            "hr_head_duties",
        ),
        (
            "kk",
            "Аппарат басшысы бағалауды ұйымдастыру бөлігінде мыналарды қамтамасыз етеді:\n1) бағалау процесін "
            "сүйемелдеу;\n2) калибрлеу сессиясын өткізу;",
            "hr_head_duties",
        ),
    ],
)
def test_a_topic_in_other_words_is_recognised(lang: str, text: str, topic: str) -> None:
    assert topic in topics_of(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        # a sentence that names the topic in passing, not the rule itself
        (
            "ru",
            "Служащий в течение пяти рабочих дней со дня ознакомления с результатами подает заявление о "
            "проведении калибровочной сессии.",
            "results_notification",
        ),
        (
            "kk",
            "Қызметші нәтижелермен танысқан күннен бастап бес жұмыс күні ішінде калибрлеу сессиясын өткізу "
            "туралы өтініш береді.",
            "results_notification",
        ),
        ("kk", "Респонденттер саны үш адамнан кем емес және жеті адамнан аспайды.", "additional_evaluators"),
        ("ru", "Количество респондентов не превышает семи человек.", "additional_evaluators"),
        ("ru", "Организацию калибровочной сессии осуществляет служба управления персоналом.", "hr_support"),
        (
            "kk",
            "Іссапарға жіберілген тұлғаларды бағалау бағалау парағы бойынша қабылдаушы органда жүргізіледі.",
            "sheet_dispatch",
        ),
        # the words of a topic in two different sentences of one point are not the rule
        ("ru", "Служащие уволены. Оценка проводится без их участия.", "dismissed"),
        ("ru", "Калибровочная сессия – встреча оценивающих лиц для обсуждения результатов.", "feedback"),
        ("ru", "Служащий выполняет функциональные обязанности эффективно.", "kpi"),
        (
            "ru",
            "Не согласный с результатами оценки служащий обращается в течение пяти рабочих дней со дня "
            "ознакомления с ними.",
            "results_notification",
        ),
        ("ru", "Оценка служащих государственной организации проводится ежеквартально.", "hr_support"),
        ("ru", "Служащие уволены, их участие в оценке не требуется.", "dismissed"),
        ("ru", "Помощь в разрешении спорных вопросов путем консультирования.", "disagreements"),
        ("kk", "Тексеру комиссиясының мүшелерін бағалау калибрлеу сессиясында қаралады.", "commission"),
        # set 4's mechanisms, in passing: a meeting one takes part in, the calibration session as a meeting,
        # a duty to give feedback without a meeting, a range of days, a sheet and a business trip, an Address
        (
            "ru",
            "Служащий принимает участие во встречах, проводимых руководителем для обсуждения результатов оценки.",
            "feedback",
        ),
        (
            "ru",
            "Калибровочная сессия проводится в форме встречи оценивающих лиц для обсуждения результатов.",
            "feedback",
        ),
        (
            "kk",
            "Бағаланатын адам бағалау нәтижелерін талқылау бойынша басшымен кездесулерге қатысады.",
            "feedback",
        ),
        (
            "kk",
            "Калибрлеу сессиясы бағалау нәтижелерін талқылау үшін бағалаушы адамдардың кездесуі ретінде өткізіледі.",
            "feedback",
        ),
        (
            "kk",
            "Бағалаушы адам кері байланыс ұсынуға және калибрлеу сессияларына қатысуға жауапты болады.",
            "feedback",
        ),
        (
            "ru",
            "Срок рассмотрения обращения составляет от трех до семи рабочих дней.",
            "method360_respondents",
        ),
        ("kk", "Өтінішті қарау мерзімі үштен жеті жұмыс күніне дейін.", "method360_respondents"),
        (
            "ru",
            "Оценка служащего, направляемого в командировку, проводится по листу оценки в принимающем органе.",
            "sheet_dispatch",
        ),
        ("kk", "Президенттің Жолдауын іске асыру бойынша бағалау парағы толтырылады.", "sheet_dispatch"),
        ("kk", "Кадр қызметі бағалау нәтижелері туралы хабарламаны қызметшіге жолдайды.", "sheet_dispatch"),
        (
            "ru",
            "Решение о проведении калибровочной сессии принимает руководитель государственного органа.",
            "hr_head_duties",
        ),
        (
            "kk",
            "Калибрлеу сессиясын өткізу туралы шешімді мемлекеттік орган басшысы қабылдайды.",
            "hr_head_duties",
        ),
        ("ru", "Лист оценки хранится в личном деле служащего.", "form_assignment"),
    ],
)
def test_a_passing_mention_is_not_the_topic(lang: str, text: str, topic: str) -> None:
    assert topic not in topics_of(text, lang)


@pytest.mark.parametrize(
    ("lang", "title", "kind"),
    [
        ("kk", "Бағалау парағы (басшы емес лауазымдар үшін)", "evaluation_sheet_staff"),
        ("kk", "Бағалау парағы\n(басшылық лауазымдар үшін)", "evaluation_sheet_leader"),
        ("kk", "ҚТК бойынша бағалау парағы", "kpi_sheet"),
        ("kk", "НМИ-ге қол жеткізу пайызы мен балл аралығының арақатынасы", "kpi_score_table"),
        ("ru", "Соотношение процента достижения КЦИ и диапазона баллов", "kpi_score_table"),
        ("ru", "Оценочный лист (для должностей, не являющихся руководящими)", "evaluation_sheet_staff"),
        ("ru", "Оценочный лист (для руководящих должностей)", "evaluation_sheet_leader"),
        ("ru", "Оценочный лист (метод ранжирования)", "differentiation_sheet"),
    ],
)
def test_a_form_title_in_other_words_names_its_kind(lang: str, title: str, kind: str) -> None:
    assert form_kind_from_title(title, lang) == kind


def _clean_with_rows(tmp_path: Path, lang: str, edit: dict[str, str | None]) -> list[tuple[str, str, str]]:
    """The E4 clean text with rows of appendix 1 reworded (or dropped, value None) in text and catalogue."""
    text, catalogue = generate_clean(load_profile("E4"), lang)
    data = catalogue.to_json()
    form = next(f for f in data["forms"] if f["appendix"] == 1)
    for old, new in edit.items():
        lines = text.split("\n")
        i = next(k for k, line in enumerate(lines) if line.split("\t")[0].endswith(old))
        if new is None:
            del lines[i]
        else:
            lines[i] = lines[i].replace(old, new)
        text = "\n".join(lines)
        form["rows"] = (
            [r for r in form["rows"] if r != old]
            if new is None
            else [new if r == old else r for r in form["rows"]]
        )
    src, cat = tmp_path / "act.txt", tmp_path / "act.json"
    src.write_text(text, encoding="utf-8")
    cat.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    as_of = dt.date.fromisoformat(str(catalogue.act.act_date))
    result = check_path(str(src), as_of=as_of, catalogue=read_catalogue_json(cat))
    return [
        (f.code, f.severity, f.expected) for f in result.findings if f.code.startswith(("form_", "wording"))
    ]


def test_rows_in_other_word_forms_are_the_same_rows(tmp_path: Path) -> None:
    found = _clean_with_rows(
        tmp_path,
        "kk",
        {
            "Жетекшілік ететін бөлімшелерде (жетекшілік ететін қызметшілердің) міндеттердің орындалу "
            "мерзімдерінің сақталуын қамтамасыз ету": "Жетекшілік ететін бөлімшелердің мерзімдерді сақтауы",
            "Бағаланатын адамның еңбек тәртібін сақтауы": "Бағаланатын тұлғаның еңбек тәртібі",
        },
    )
    assert not [f for f in found if f[1] == "error"], found
    # the rows keep the model's stems but drop or change words: close wording (info), not "only spelling"
    assert sum(f[0] == "wording.close" and f[1] == "info" for f in found) == 2, found
    assert not [f for f in found if f[0] == "wording.variant"], found


def test_a_row_really_missing_stays_an_error(tmp_path: Path) -> None:
    found = _clean_with_rows(tmp_path, "ru", {"Лидерство и навыки принятия решений": None})
    assert ("form_deviation.row_missing", "error", "Лидерство и навыки принятия решений") in found
