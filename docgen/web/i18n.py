"""Interface words of the web page in Kazakh and Russian, and row errors said in them.

``t(key, lang)`` is a word of the interface; ``row_error(message, lang)`` says a batch row problem
(``docgen.batch`` words it for the CLI's stderr) in the interface language, with numbers kept.
"""

from __future__ import annotations

import functools
import re

from ..batch.messages import message as batch_message
from ..batch.messages import templates as batch_messages

LANGS = ("kk", "ru")

UI: dict[str, dict[str, str]] = {
    "app": {"kk": "docgen — бағалау әдістемелері", "ru": "docgen — методики оценки"},
    "nav.act": {"kk": "Акт", "ru": "Акт"},
    "nav.forms": {"kk": "Нысандар", "ru": "Формы"},
    "nav.fill": {"kk": "Толтыру", "ru": "Заполнение"},
    "nav.compare": {"kk": "Салыстыру", "ru": "Сравнение"},
    "nav.check": {"kk": "Тексеру", "ru": "Проверка"},
    "nav.api": {"kk": "API", "ru": "API"},
    "nav.draft": {"kk": "Жоба", "ru": "Проект"},
    "lang.switch": {"kk": "Тіл", "ru": "Язык"},
    "act.title": {"kk": "Әдістемені талдау", "ru": "Разбор методики"},
    "act.intro": {
        "kk": "Әдістеме мәтінін жүктеңіз (.txt, .docx, .html) немесе енгізілген корпустан актіні таңдаңыз.",
        "ru": "Загрузите текст методики (.txt, .docx, .html) или выберите акт из встроенного корпуса.",
    },
    "field.act": {"kk": "Әдістеме файлы", "ru": "Файл методики"},
    "field.corpus": {"kk": "немесе корпустан акт", "ru": "или акт из корпуса"},
    "field.body": {"kk": "Органның деректері (YAML)", "ru": "Данные органа (YAML)"},
    "field.corpus.name": {"kk": "Корпустағы акт", "ru": "Акт из корпуса"},
    "field.format": {"kk": "Формат", "ru": "Формат"},
    "field.form": {"kk": "Пішін", "ru": "Форма"},
    "field.server": {"kk": "Сервер", "ru": "Сервер"},
    "field.none": {"kk": "— таңдалмаған —", "ru": "— не выбран —"},
    "field.lang": {"kk": "Нысандардың тілі", "ru": "Язык форм"},
    "field.lang.auto": {"kk": "актінің тілі", "ru": "язык акта"},
    "field.lang.both": {"kk": "екі тілде", "ru": "оба языка"},
    "field.data": {"kk": "Толтырылған кітап (.xlsx, .csv)", "ru": "Заполненная книга (.xlsx, .csv)"},
    "field.old": {"kk": "Бұрынғы редакция", "ru": "Прежняя редакция"},
    "field.new": {"kk": "Жаңа редакция", "ru": "Новая редакция"},
    "field.model": {"kk": "Үлгілік әдістеме редакциясы", "ru": "Редакция типовой методики"},
    "field.model.auto": {"kk": "актінің күні бойынша", "ru": "по дате акта"},
    "button.show": {"kk": "Көрсету", "ru": "Показать"},
    "button.forms": {"kk": "Нысандарды жүктеп алу (ZIP)", "ru": "Скачать формы (ZIP)"},
    "button.template": {"kk": "Енгізу үлгісін жүктеп алу (XLSX)", "ru": "Скачать шаблон ввода (XLSX)"},
    "button.fill": {"kk": "Парақтарды толтыру", "ru": "Заполнить листы"},
    "button.compare": {"kk": "Салыстыру", "ru": "Сравнить"},
    "button.check": {"kk": "Тексеру", "ru": "Проверить"},
    "busy": {"kk": "Орындалуда, күте тұрыңыз…", "ru": "Выполняется, подождите…"},
    "download": {"kk": "Жүктеп алу", "ru": "Скачать"},
    "download.catalogue": {"kk": "Каталог (JSON)", "ru": "Каталог (JSON)"},
    "download.text": {"kk": "Талданған мәтін", "ru": "Разобранный текст"},
    "download.zip": {"kk": "Парақтар мен жиынтықтар (ZIP)", "ru": "Листы и сводки (ZIP)"},
    "download.redline": {"kk": "Түзетулері бар Word құжаты", "ru": "Документ Word с правками"},
    "download.table": {"kk": "Салыстыру кестесі (HTML)", "ru": "Таблица сравнения (HTML)"},
    "download.json": {"kk": "Салыстыру (JSON)", "ru": "Сравнение (JSON)"},
    "download.report": {"kk": "Есеп (DOCX)", "ru": "Отчёт (DOCX)"},
    "params.title": {"kk": "Параметрлер", "ru": "Параметры"},
    "params.label": {"kk": "Параметр", "ru": "Параметр"},
    "params.value": {"kk": "Мәні", "ru": "Значение"},
    "params.unit": {"kk": "Бірлігі", "ru": "Единица"},
    "params.point": {"kk": "Тармақ", "ru": "Пункт"},
    "params.quote": {"kk": "Дәйексөз", "ru": "Цитата"},
    "params.count": {"kk": "Табылған мәндер", "ru": "Найдено значений"},
    "text.title": {"kk": "Актінің мәтіні", "ru": "Текст акта"},
    "outline.title": {"kk": "Құрылымы", "ru": "Структура"},
    "forms.title": {"kk": "Бос нысандар", "ru": "Бланки форм"},
    "forms.intro": {
        "kk": "Әдістеме қосымшаларының бос нысандары Word форматында, бір ZIP мұрағатында.",
        "ru": "Бланки форм из приложений методики в формате Word, одним архивом ZIP.",
    },
    "fill.title": {"kk": "Бағалау парақтарын толтыру", "ru": "Заполнение оценочных листов"},
    "fill.intro": {
        "kk": "Алдымен енгізу үлгісін жүктеп алып толтырыңыз, содан кейін оны осында жүктеңіз.",
        "ru": "Сначала скачайте и заполните шаблон ввода, затем загрузите его здесь.",
    },
    "fill.results": {"kk": "Нәтижелер", "ru": "Результаты"},
    "fill.rows": {"kk": "Жолдар", "ru": "Строк"},
    "fill.bad": {"kk": "Қате жолдар", "ru": "Строк с ошибками"},
    "fill.rendered": {"kk": "Құжаттар", "ru": "Документов"},
    "fill.done": {"kk": "Дайын парақтар", "ru": "Готово листов"},
    "fill.total": {"kk": "Кітаптағы жолдар", "ru": "Строк в книге"},
    "fill.name": {"kk": "Аты-жөні", "ru": "ФИО"},
    "fill.period": {"kk": "Кезең", "ru": "Период"},
    "fill.final": {"kk": "Қорытынды балл", "ru": "Итоговый балл"},
    "fill.grade": {"kk": "Баға", "ru": "Оценка"},
    "fill.errors": {"kk": "Жолдардағы қателер", "ru": "Ошибки в строках"},
    "fill.row": {"kk": "Жол", "ru": "Строка"},
    "fill.column": {"kk": "Баған", "ru": "Столбец"},
    "fill.problem": {"kk": "Мәселе", "ru": "Проблема"},
    "fill.value": {"kk": "Мәні", "ru": "Значение"},
    "compare.title": {"kk": "Екі редакцияны салыстыру", "ru": "Сравнение двух редакций"},
    "compare.rules": {"kk": "Ережелердің өзгерістері", "ru": "Изменения правил"},
    "compare.side": {"kk": "Мәтіндер қатар", "ru": "Тексты рядом"},
    "compare.none": {"kk": "Ережелерде өзгеріс жоқ.", "ru": "Изменений правил нет."},
    "compare.key": {"kk": "Параметр", "ru": "Параметр"},
    "compare.change": {"kk": "Өзгеріс", "ru": "Изменение"},
    "compare.old": {"kk": "Бұрын", "ru": "Было"},
    "compare.new": {"kk": "Қазір", "ru": "Стало"},
    "check.title": {"kk": "Актіні тексеру", "ru": "Проверка акта"},
    "check.none": {"kk": "Ескертулер жоқ.", "ru": "Замечаний нет."},
    "check.edition": {"kk": "Үлгілік әдістеме редакциясы", "ru": "Редакция типовой методики"},
    "severity.error": {"kk": "Қателер", "ru": "Ошибки"},
    "severity.warning": {"kk": "Ескертулер", "ru": "Предупреждения"},
    "severity.info": {"kk": "Мәліметтер", "ru": "Сведения"},
    "api.title": {"kk": "API сипаттамасы", "ru": "Описание API"},
    "api.intro": {
        "kk": "Беттегі жұмыстар API арқылы да қолжетімді; толық сипаттама — openapi.json.",
        "ru": "Те же задачи доступны через API; полное описание — openapi.json.",
    },
    # --- the Draft page (a body's methodology from the model's text) ---
    "draft.title": {"kk": "Органның әдістемесінің жобасы", "ru": "Проект методики органа"},
    "draft.intro": {
        "kk": "Органның деректерін толтырыңыз: жоба үлгілік әдістеменің мәтінінен жазылады.",
        "ru": "Заполните данные органа: проект составляется из текста типовой методики.",
    },
    "draft.body_name.kk": {"kk": "Органның атауы (қазақша)", "ru": "Наименование органа (на казахском)"},
    "draft.body_name.ru": {"kk": "Органның атауы (орысша)", "ru": "Наименование органа (на русском)"},
    "draft.body_kind": {"kk": "Органның түрі", "ru": "Вид органа"},
    "draft.approving_act.kind": {"kk": "Бекітетін актінің түрі", "ru": "Вид утверждающего акта"},
    "draft.approving_act.number": {"kk": "Бекітетін актінің нөмірі", "ru": "Номер утверждающего акта"},
    "draft.approving_act.date": {"kk": "Бекітетін актінің күні", "ru": "Дата утверждающего акта"},
    "draft.model": {"kk": "Үлгілік әдістеме редакциясы", "ru": "Редакция типовой методики"},
    "draft.lang": {"kk": "Жобаның тілі", "ru": "Язык проекта"},
    "draft.params": {
        "kk": "Үлгілік әдістеме органның шешуіне қалдыратын мәндер",
        "ru": "Значения, которые типовая методика оставляет на усмотрение органа",
    },
    "draft.range": {"kk": "{min}–{max} аралығында", "ru": "от {min} до {max}"},
    "draft.odd": {"kk": "тақ сан", "ru": "нечетное число"},
    "draft.blank": {
        "kk": "бос болса — үлгілік әдістеменің мәні",
        "ru": "если пусто — значение типовой методики",
    },
    "draft.text": {"kk": "Жобаның мәтіні", "ru": "Текст проекта"},
    "draft.not_in_force": {"kk": "бүгін күшінде емес", "ru": "сегодня не действует"},
    "button.draft": {"kk": "Жобаны жасау", "ru": "Составить проект"},
    "download.draft": {"kk": "Жоба: DOCX және TXT (ZIP)", "ru": "Проект: DOCX и TXT (ZIP)"},
    "amend.title": {"kk": "Қолданыстағы актіге өзгерістер", "ru": "Изменения в действующий акт"},
    "amend.intro": {
        "kk": "Келесі редакция, түзетулері бар құжат, салыстыру кестесі және өзгерістер енгізу туралы шешімнің мәтіні — бір ZIP мұрағатында.",
        "ru": "Следующая редакция, документ с правками, сравнительная таблица и текст решения о внесении изменений — одним архивом ZIP.",
    },
    "amend.set": {
        "kk": "Жаңа мәндер (әр жолда ПАРАМЕТР=МӘН)",
        "ru": "Новые значения (по одному ПАРАМЕТР=ЗНАЧЕНИЕ в строке)",
    },
    "amend.delete": {"kk": "Алынып тасталатын тармақтар (нөмірлері)", "ru": "Исключаемые пункты (номера)"},
    "amend.new_edition": {
        "kk": "Жаңа редакцияда (тармақтар қайта нөмірленеді)",
        "ru": "В новой редакции (пункты перенумеровываются)",
    },
    "button.amend": {"kk": "Өзгерістерді жасау", "ru": "Подготовить изменения"},
    "amend.to": {
        "kk": "Үлгілік әдістеменің редакциясына келтіру",
        "ru": "Привести к редакции Типовой методики",
    },
    "amend.to.none": {"kk": "келтірмеу", "ru": "не приводить"},
    "amend.warnings": {"kk": "Тексеріңіз", "ru": "Проверьте"},
    "amend.no_warnings": {"kk": "Ескертулер жоқ.", "ru": "Замечаний нет."},
    "download.amend": {
        "kk": "Келесі редакция, түзетулер, салыстыру кестесі, шешімнің мәтіні (ZIP)",
        "ru": "Следующая редакция, правки, сравнительная таблица, текст решения (ZIP)",
    },
    "body_kind.akimat": {"kk": "әкімдік", "ru": "акимат"},
    "body_kind.maslikhat": {"kk": "мәслихат", "ru": "маслихат"},
    "body_kind.ministry": {"kk": "министрлік", "ru": "министерство"},
    "body_kind.committee": {"kk": "комитет", "ru": "комитет"},
    "body_kind.agency": {"kk": "агенттік", "ru": "агентство"},
    "body_kind.other": {"kk": "басқа орган", "ru": "иной орган"},
    "lang.kk": {"kk": "қазақ тілі", "ru": "казахский"},
    "lang.ru": {"kk": "орыс тілі", "ru": "русский"},
    "error.timeout": {
        "kk": "Жұмыс рұқсат етілген уақыттан ұзаққа созылды; кішірек файлмен қайталаңыз",
        "ru": "Задача заняла больше допустимого времени; повторите с файлом поменьше",
    },
    "error.title": {"kk": "Қате", "ru": "Ошибка"},
    "error.input": {"kk": "Файлды оқу мүмкін емес немесе ол жарамсыз", "ru": "Файл не читается или неверен"},
    "error.usage": {"kk": "Сұрау дұрыс емес", "ru": "Неверный запрос"},
    "error.data": {"kk": "Деректерде қате бар", "ru": "В данных есть ошибки"},
    "error.too_large": {"kk": "Файл тым үлкен", "ru": "Файл слишком большой"},
    "error.missing": {"kk": "Қажетті өріс толтырылмаған", "ru": "Не заполнено обязательное поле"},
    "error.token": {"kk": "Кіру белгісі қажет", "ru": "Нужен токен доступа"},
    "error.csrf": {
        "kk": "Пішін ескірген; бетті жаңартып, қайталаңыз",
        "ru": "Форма устарела; обновите страницу и повторите",
    },
    "error.origin": {"kk": "Басқа сайттан келген сұрау", "ru": "Запрос с другого сайта"},
    "error.internal": {"kk": "Ішкі қате; сұрау орындалмады", "ru": "Внутренняя ошибка; запрос не выполнен"},
    "error.not_found": {"kk": "Бет табылмады", "ru": "Страница не найдена"},
    "error.expired": {
        "kk": "Нәтиже енді сақталмайды; жұмысты қайталаңыз",
        "ru": "Результат больше не хранится; повторите задачу",
    },
    "error.no_forms": {"kk": "Мәтінде қосымша нысандар жоқ", "ru": "В тексте нет форм приложений"},
    "error.where": {"kk": "Орны", "ru": "Место"},
}

# Row problems as docgen.batch words them (English, for stderr) -> kk / ru; groups are kept.
_ROW_ERRORS: list[tuple[re.Pattern[str], dict[str, str]]] = [
    (re.compile(r"^missing score$"), {"kk": "балл көрсетілмеген", "ru": "не указан балл"}),
    (re.compile(r"^missing\b.*"), {"kk": "толтырылмаған", "ru": "не заполнено"}),
    (re.compile(r"^not a number$"), {"kk": "сан емес", "ru": "не число"}),
    (
        re.compile(r"^outside the methodology's range (\S+)\.\.(\S+)$"),
        {"kk": "әдістеменің {0}–{1} шегінен тыс", "ru": "вне пределов методики {0}–{1}"},
    ),
    (
        re.compile(r"^not a period like .*"),
        {"kk": "кезең 2026-Q1 түрінде болуы керек", "ru": "период должен быть вида 2026-Q1"},
    ),
    (
        re.compile(r"^the methodology evaluates per .*"),
        {"kk": "кезең әдістемедегі кезеңге сәйкес емес", "ru": "период не соответствует методике"},
    ),
    (re.compile(r"^unknown sanction.*"), {"kk": "белгісіз жаза", "ru": "неизвестное взыскание"}),
    (re.compile(r"^unknown category$"), {"kk": "белгісіз санат", "ru": "неизвестная категория"}),
    (
        re.compile(r"^must be leader or staff$"),
        {"kk": "leader немесе staff болуы керек", "ru": "должно быть leader или staff"},
    ),
    (
        re.compile(r"^the methodology has no .* sheet$"),
        {"kk": "әдістемеде мұндай парақ жоқ", "ru": "в методике нет такого листа"},
    ),
    (
        re.compile(r"^the methodology assigns no form .*"),
        {"kk": "әдістеме бұл санатқа нысан белгілемейді", "ru": "методика не назначает форму этой категории"},
    ),
    (
        re.compile(r"^the \S+ sheet has (\d+) parameters$"),
        {"kk": "парақта {0} параметр бар", "ru": "в листе {0} параметров"},
    ),
]
_ROW_FALLBACK = {"kk": "мәні жарамсыз", "ru": "недопустимое значение"}


def lang_of(value: str | None) -> str:
    return value if value in LANGS else "ru"


def t(key: str, lang: str) -> str:
    entry = UI.get(key)
    if entry is None:
        return key
    return entry[lang_of(lang)]


_FIELD_WORDS = {
    "act": "field.act",
    "body": "field.body",
    "corpus": "field.corpus.name",
    "data": "field.data",
    "old": "field.old",
    "new": "field.new",
    "model": "field.model",
    "lang": "field.lang",
    "format": "field.format",
    "csrf": "field.form",
    "fill": "nav.fill",
    "server": "field.server",
    "download": "download",
    "set": "amend.set",
}


def where_words(where: str, lang: str) -> str:
    """The place of an error for a page: the form field in words, then the place inside the file
    as the reader gave it (line, row, point)."""
    field, _, rest = where.partition(":")
    key = _FIELD_WORDS.get(field)
    head = t(key, lang) if key else field
    return f"{head}, {rest}" if rest else head


@functools.lru_cache(maxsize=1)
def _batch_row_patterns() -> list[tuple[re.Pattern[str], str]]:
    """The batch's own row messages (``docgen/batch/data/{kk,ru}.yaml``, keys ``err_*``) as patterns
    that give back the key and the fields, so a row error in the act's language is said again in the
    interface's."""
    out: list[tuple[re.Pattern[str], str]] = []
    for src in ("kk", "ru"):
        for key, template in batch_messages(src).items():
            if not key.startswith("err_"):
                continue
            parts = re.split(r"\{(\w+)\}", template)
            rx = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
            out.append((re.compile(f"^{rx}$"), key))
    return out


def row_error(message: str, lang: str) -> str:
    lg = lang_of(lang)
    for rx, key in _batch_row_patterns():
        m = rx.match(message)
        if m:
            return batch_message(lg, key, **m.groupdict())
    for pat, words in _ROW_ERRORS:
        m = pat.match(message)
        if m:
            return words[lg].format(*m.groups())
    return _ROW_FALLBACK[lg]
