"""docgen.terms.translate / coverage: both directions, normalised matching, numbers, variants.

Expected texts are written from reading the acts: 003 (kk) and 004 (ru) print the same 2025 sheets;
000 and 001 print Kazakh only (their Russian is written in the term base and marked reviewed: false).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.catalogue import parse_document
from docgen.terms import coverage, default_terms, normalise, translate

ROOT = Path(__file__).resolve().parents[2]

# (kk as printed, ru as printed): 003 app 1 / 004 app 1, and the other editions' standard texts
BOTH_WAYS = [
    ("Тәртіптік жазалардың болмауы", "Отсутствие дисциплинарных взысканий"),
    ("Көшбасшылық және шешім қабылдау дағдылары", "Лидерство и навыки принятия решений"),
    ("Толтыру кезінде түсініктеме", "Пояснение при заполнении"),
    ("Бағалау (0-ден* 5 баллға дейін)", "Оценка (от 0* до 5 баллов)"),
    (
        "Басшы лауазымды атқармайтын адамның бағалау парағы",
        "Оценочный лист лица, занимающего не руководящую должность",
    ),
    ("Нысан", "Форма"),
    ("Қолы", "Подпись"),
    ("Күні", "Дата"),
    # 000 app 5: a competency, its first question and an answer option of the 360 scale (ru written)
    ("Қызметті басқару", "Управление деятельностью"),
    (
        "Стратегиялық мақсаттарға сәйкес нақты міндеттер қояды және тапсырмалар береді",
        "Ставит конкретные задачи и дает поручения в соответствии со стратегическими целями",
    ),
    ("құзырет әрқашан көрінеді", "компетенция проявляется всегда"),
    # 001 app 3: one of the nine E0 competencies
    ("Стресске орнықтылық", "Стрессоустойчивость"),
]


@pytest.mark.parametrize(("kk", "ru"), BOTH_WAYS)
def test_translate_both_ways(kk: str, ru: str) -> None:
    assert translate(kk, "kk", "ru") == ru
    assert translate(ru, "ru", "kk") == kk


def test_filling_guidance_carries_the_sanction_caps() -> None:
    kk = (
        "Бағаланатын тоқсанда қолданылған тәртіптік жаза ескеріледі. Тәртіптік жаза болған жағдайда: - ескерту, "
        "сөгіс, қатаң сөгіс үшін баға 2,99 баллдан аспауы керек; - жазаның өзге де түрлері түрінде, оның ішінде "
        "мемлекеттік қызметке кір келтіретін теріс қылықтары үшін баға 1,99 баллдан аспауы тиіс."
    )
    ru = translate(kk, "kk", "ru")
    assert ru is not None
    assert ru.startswith("Учитывается наложение дисциплинарных взысканий в оцениваемом квартале.")
    assert "строго выговора оценка не может превышать 2,99 баллов" in ru
    assert "оценка не может превышать 1,99 баллов" in ru
    assert translate(ru, "ru", "kk") == kk


def test_numbering_footnote_mark_and_capitals_are_kept() -> None:
    # 000 app 4 prints the parameter with its number and the footnote asterisk
    assert translate("1. Функционалдық міндеттерді орындау сапасы*", "kk", "ru") == (
        "1. Качество выполнения функциональных обязанностей*"
    )
    # 004 app 1: «5. Отсутствие ...»
    assert (
        translate("5. Отсутствие дисциплинарных взысканий", "ru", "kk") == "5. Тәртіптік жазалардың болмауы"
    )
    # 001 app 4 prints competency names in capitals
    assert translate("ЫНТЫМАҚТАСТЫҚ", "kk", "ru") == "СОТРУДНИЧЕСТВО"
    # the footnote itself (003 «* Бағалаудың 0 баллы ...»)
    assert (
        translate(
            "* Бағалаудың 0 баллы қызметші бағалау параметрін толық орындамаған жағдайда қойылады.",
            "kk",
            "ru",
        )
        == "* оценка 0 баллов выставляется в случае полного неисполнения служащим параметра оценки."
    )


def test_number_slots() -> None:
    assert translate("3 - тоқсан", "kk", "ru") == "3 квартал"  # 000 app 1 prints «3 - тоқсан»
    assert translate("4-тоқсан", "kk", "ru") == "4 квартал"
    assert translate("2 квартал", "ru", "kk") == "2-тоқсан"
    assert translate("100 және одан жоғары", "kk", "ru") == "100 и выше"
    assert translate("8-қосымша", "kk", "ru") == "Приложение 8"
    assert translate("Приложение 2", "ru", "kk") == "2-қосымша"
    caption = '"Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалау әдістемесіне 5-қосымша'
    assert translate(caption, "kk", "ru") == (
        'Приложение 5 к Методике оценки деятельности административных государственных служащих корпуса "Б"'
    )


def test_variants_translate_to_the_entry_text() -> None:
    # printed spellings of one item: 000 app 6 «Бнтымақтастық», app 7 «Топты басқару», 001 «Өздігінен даму»
    assert translate("Бнтымақтастық", "kk", "ru") == "Сотрудничество"
    assert translate("Топты басқару", "kk", "ru") == "Управление командой"
    assert translate("Өздігінен даму", "kk", "ru") == "Саморазвитие"
    assert translate("Саморазвитие", "ru", "kk") == "Өзін-өзі дамыту"
    # 003 prints «Бағалаушы адамның» (the evaluator's), 004 «Соблюдения»: both reach the corrected pair
    assert translate("Бағалаушы адамның еңбек тәртібін сақтауы", "kk", "ru") == (
        "Соблюдение трудовой дисциплины оцениваемым лицом"
    )
    assert translate("Соблюдения трудовой дисциплины оцениваемым лицом", "ru", "kk") == (
        "Бағаланатын адамның еңбек тәртібін сақтауы"
    )


NOISY = [
    ("Пaрaметрлер", "Latin a inside a Cyrillic word"),
    ("  параметрлер :", "case, spaces, trailing colon"),
    ("<p>Параметрлер</p>", "HTML residue"),
    ("Параметрлер.", "trailing full stop"),
]


@pytest.mark.parametrize(("text", "why"), NOISY)
def test_normalised_matching(text: str, why: str) -> None:
    assert translate(text, "kk", "ru") == "Параметры", why


def test_normalise_quotes_dashes_spacing() -> None:
    assert normalise("«Б» корпусы") == normalise('"Б" корпусы') == normalise("„Б“ корпусы")
    assert normalise("1 - тоқсан") == normalise("1-тоқсан") == normalise("1 – тоқсан")
    assert normalise("Т и і м д і коммуникацияларды құру") == normalise("Тиімді коммуникацияларды құру")
    assert normalise("Т. А.Ә.") == normalise("Т.А.Ә.")
    assert normalise("Күрделі мақсаттар қойып , оларға") == normalise("Күрделі мақсаттар қойып, оларға")
    assert normalise("Ёлка") == normalise("елка")
    # «и в с» must not be glued: fewer than four single letters in a row stay apart
    assert normalise("и в с") == "и в с"
    assert (
        translate("Т и і м д і коммуникацияларды құру", "kk", "ru") == "Построение эффективных коммуникаций"
    )
    assert translate("Оценочный лист методом 360 для служащих корпуса «Б»", "ru", "kk") == (
        '"Б" корпусы қызметшілерін 360 әдісімен бағалау парағы'
    )


def test_no_entry_same_language_and_unknown_language() -> None:
    assert translate("Павлодар қаласы әкімдігі", "kk", "ru") is None
    assert translate("Параметрлер", "kk", "kk") == "Параметрлер"
    assert translate("Параметрлер", "kk", "en") is None
    assert translate("Параметрлер", "en", "ru") is None
    assert translate("", "kk", "ru") is None


def test_coverage_splits_in_order() -> None:
    texts = ["Параметрлер", "Павлодар қаласы", "2-тоқсан", "Жауаптар"]
    covered, missing = coverage(texts, "kk")
    assert covered == ["Параметрлер", "2-тоқсан", "Жауаптар"]
    assert missing == ["Павлодар қаласы"]


def _cells(path: Path, number: int) -> list[str]:
    doc = parse_document(path)
    app = next(a for a in doc.appendices if a.number == number)
    return [c for t in app.tables for row in t.rows for c in row if c.strip()]


# cells whose 003 counterpart is not one contiguous text: the scraper split them over two table rows
SPLIT_IN_003 = {(1, "e4.leader.p2"), (1, "e4.leader.p2.guidance"), (2, "e4.p4.guidance")}


@pytest.mark.parametrize("number", [1, 2])
def test_every_cell_of_004_translates_into_text_printed_by_003(number: int) -> None:
    """The ru sheets of 004 and the kk sheets of 003 are one model: each 004 cell has an aligned entry
    whose kk side (or a printed variant of it) is what 003's same sheet prints."""
    ru_cells = _cells(next(ROOT.glob("legal_corpus/acts/*/004_*.txt")), number)
    doc003 = parse_document(next(ROOT.glob("legal_corpus/acts/*/003_*.txt")))
    app003 = next(a for a in doc003.appendices if a.number == number)
    kk_text = normalise(doc003.norm.text[app003.start : app003.end].replace("\t", " "))
    tb = default_terms()
    assert len(ru_cells) == 15  # 4 headings, 5 parameters with their guidance, the average row
    split = 0
    for cell in ru_cells:
        found = tb.lookup(cell, "ru")
        assert found is not None, cell
        term = found[0]
        assert term.evidence == "aligned", term.id
        if (number, term.id) in SPLIT_IN_003:
            split += 1
            continue
        printed = [term.kk, *term.variants.get("kk", ())]
        assert any(normalise(p) in kk_text for p in printed), term.id
    assert split == len([s for s in SPLIT_IN_003 if s[0] == number])


_NOISE = st.text(
    alphabet=st.sampled_from(list('аәбвқңөұүіыАӘҚ ТиaeopcxMKT.-–*;:()«»"<>p/12\t\n_')), max_size=40
)


@given(_NOISE)
def test_normalising_a_key_changes_nothing(text: str) -> None:
    key = normalise(text)
    assert normalise(key) == key


def test_every_entry_round_trips() -> None:
    """Each entry's own kk gives its ru and back (the loader keeps texts unique once normalised)."""
    tb = default_terms()
    for term in tb.terms:
        if "{n}" in term.kk:
            continue
        assert tb.translate(term.kk, "kk", "ru") == term.ru, term.id
        assert tb.translate(term.ru, "ru", "kk") == term.kk, term.id
        for variant in term.variants.get("kk", ()):
            assert tb.translate(variant, "kk", "ru") == term.ru, (term.id, variant)
