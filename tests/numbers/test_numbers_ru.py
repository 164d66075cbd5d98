"""Russian number words through pymorphy3, digits with endings, ranges and fractions (table-driven)."""

from __future__ import annotations

import pytest

from docgen.numbers import find_fractions, find_numbers, find_ranges, parse_number_word

# nominative, genitive, dative, accusative, instrumental, prepositional
RU_CASES: dict[int, list[str]] = {
    1: ["один", "одного", "одному", "один", "одним", "одном", "одна", "одной", "одну", "одно"],
    2: ["два", "двух", "двум", "два", "двумя", "двух", "две"],
    3: ["три", "трех", "трем", "три", "тремя", "трех", "трёх", "трём"],
    4: ["четыре", "четырех", "четырем", "четыре", "четырьмя", "четырех", "четырёх"],
    5: ["пять", "пяти", "пяти", "пять", "пятью", "пяти"],
    6: ["шесть", "шести", "шести", "шесть", "шестью", "шести"],
    7: ["семь", "семи", "семи", "семь", "семи"],
    8: ["восемь", "восьми", "восьми", "восемь", "восемью", "восьмью", "восьми"],
    9: ["девять", "девяти", "девяти", "девять", "девятью", "девяти"],
    10: ["десять", "десяти", "десяти", "десять", "десятью", "десяти"],
    11: ["одиннадцать", "одиннадцати", "одиннадцатью"],
    12: ["двенадцать", "двенадцати", "двенадцатью"],
    13: ["тринадцать", "тринадцати", "тринадцатью"],
    14: ["четырнадцать", "четырнадцати", "четырнадцатью"],
    15: ["пятнадцать", "пятнадцати", "пятнадцатью"],
    16: ["шестнадцать", "шестнадцати", "шестнадцатью"],
    17: ["семнадцать", "семнадцати", "семнадцатью"],
    18: ["восемнадцать", "восемнадцати", "восемнадцатью"],
    19: ["девятнадцать", "девятнадцати", "девятнадцатью"],
    20: ["двадцать", "двадцати", "двадцатью"],
    30: ["тридцать", "тридцати", "тридцатью"],
    50: ["пятьдесят", "пятидесяти", "пятьюдесятью"],
    100: ["сто", "ста"],
    25: ["двадцать пять", "двадцати пяти", "двадцатью пятью"],
    125: ["сто двадцать пять", "ста двадцати пяти"],
    200: ["двести", "двухсот", "двумстам", "двумястами", "двухстах"],
    2000: ["две тысячи", "двух тысяч"],
    2023: ["две тысячи двадцать три", "двух тысяч двадцати трех"],
    1000: ["тысяча", "тысячи"],
    0: ["ноль", "нуля", "нуль"],
}

# ordinals in several cases and genders
RU_ORDINALS: dict[int, list[str]] = {
    1: ["первый", "первого", "первому", "первым", "первом", "первая", "первой", "первую", "первые", "первых"],
    2: ["второй", "второго", "второму", "вторым", "втором", "вторая", "вторую"],
    3: ["третий", "третьего", "третьему", "третьим", "третьем", "третья", "третьей", "третью"],
    4: ["четвертый", "четвёртого", "четвертому"],
    5: ["пятый", "пятого", "пятому", "пятым", "пятом", "пятая", "пятой"],
    10: ["десятый", "десятого", "десятому", "десятым", "десятом"],
    15: ["пятнадцатый", "пятнадцатого", "пятнадцатому"],
    20: ["двадцатый", "двадцатого", "двадцатому", "двадцатым", "двадцатом", "двадцатая", "двадцатой"],
    21: ["двадцать первого", "двадцать первое"],
    30: ["тридцатого", "тридцатое"],
    100: ["сотый", "сотого"],
    2023: ["две тысячи двадцать третьего", "две тысячи двадцать третьем"],
}


@pytest.mark.parametrize(("value", "form"), [(v, f) for v, forms in RU_CASES.items() for f in forms])
def test_ru_cardinal_forms(value: int, form: str) -> None:
    assert parse_number_word(form, "ru") == value
    ms = find_numbers(f"не менее {form} дней", "ru")
    assert [(m.text, m.value, m.kind) for m in ms] == [(form, value, "cardinal")]


@pytest.mark.parametrize(("value", "form"), [(v, f) for v, forms in RU_ORDINALS.items() for f in forms])
def test_ru_ordinal_forms(value: int, form: str) -> None:
    assert parse_number_word(form, "ru") == value
    (m,) = find_numbers(f"до {form} числа", "ru")
    assert (m.text, m.value, m.kind) == (form, value, "ordinal")


@pytest.mark.parametrize(
    ("text", "quote", "value", "kind"),
    [
        ("не позднее двадцатого числа месяца", "двадцатого", 20, "ordinal"),
        ("не менее пятнадцати фактически отработанных", "пятнадцати", 15, "cardinal"),
        ("не менее трех", "трех", 3, "cardinal"),
        ("в течение 5 (пяти) рабочих дней", "5 (пяти)", 5, "cardinal"),
        ("в течение 5(пяти) рабочих дней", "5(пяти)", 5, "cardinal"),
        ("в течение пяти (5) рабочих дней", "пяти (5)", 5, "cardinal"),
        ("от 0 до 5-ти.", "5-ти", 5, "cardinal"),
        ("менее одного месяца", "одного", 1, "cardinal"),
        ("превышает двадцать человек", "двадцать", 20, "cardinal"),
        ("решению первого руководителя", "первого", 1, "ordinal"),
        ("до 20-го числа", "20-го", 20, "ordinal"),
        ("2-х", "2-х", 2, "cardinal"),
        ("3,99 балла", "3,99", 3.99, "decimal"),
        ("45 %", "45 %", 45, "cardinal"),
        ("в течение десяти рабочих дней", "десяти", 10, "cardinal"),
        ("5-балльной шкале", "5", 5, "cardinal"),
    ],
)
def test_ru_find_numbers(text: str, quote: str, value: float, kind: str) -> None:
    found = {m.text: m for m in find_numbers(text, "ru")}
    assert quote in found, found
    m = found[quote]
    assert (m.value, m.kind, m.start) == (value, kind, text.index(quote))


def test_ru_parenthesised_mismatch_is_two_numbers() -> None:
    ms = find_numbers("5 (шести)", "ru")
    assert [(m.text, m.value) for m in ms] == [("5", 5), ("шести", 6)]


def test_ru_percent_words() -> None:
    (m,) = find_numbers("45 процентов", "ru")
    assert m.percent and m.text == "45"


@pytest.mark.parametrize("text", ["в том числе", "стали", "сорока на ветке", "семью сотрудника", "сторону"])
def test_ru_non_numbers(text: str) -> None:
    assert [m for m in find_numbers(text, "ru") if m.value not in (40,)] == []


@pytest.mark.parametrize(
    ("text", "quote", "low", "high"),
    [
        ("от 0 до 5-ти.", "от 0 до 5-ти", 0, 5),
        ("от 3 до 5", "от 3 до 5", 3, 5),
        ("от 3 до 3,99 баллов", "от 3 до 3,99", 3, 3.99),
        ("от 1 (одного) до 5 (пяти)", "от 1 (одного) до 5 (пяти)", 1, 5),
        ("от трех до семи", "от трех до семи", 3, 7),
        ("от 3 баллов до 5 баллов", "от 3 баллов до 5", 3, 5),
        ("95-99,99", "95-99,99", 95, 99.99),
    ],
)
def test_ru_ranges(text: str, quote: str, low: float, high: float) -> None:
    found = {r.text: r for r in find_ranges(text, "ru")}
    assert quote in found, found
    r = found[quote]
    assert (r.low, r.high, r.start) == (low, high, text.index(quote))


@pytest.mark.parametrize("text", ["до 5 дней", "от 3 человек", "5-4", "от имени до 5"])
def test_ru_not_ranges(text: str) -> None:
    assert find_ranges(text, "ru") == []


@pytest.mark.parametrize(
    ("text", "quote", "num", "den"),
    [
        ("не менее двух третей членов", "двух третей", 2, 3),
        ("две трети", "две трети", 2, 3),
        ("трех четвертей", "трех четвертей", 3, 4),
        ("одной трети", "одной трети", 1, 3),
        ("две пятых", "две пятых", 2, 5),
        ("одна пятая", "одна пятая", 1, 5),
        ("3/4 индикаторов", "3/4", 3, 4),
        ("не менее половины", "половины", 1, 2),
    ],
)
def test_ru_fractions(text: str, quote: str, num: int, den: int) -> None:
    found = {f.text: f for f in find_fractions(text, "ru")}
    assert quote in found, found
    f = found[quote]
    assert (f.numerator, f.denominator, f.start) == (num, den, text.index(quote))


@pytest.mark.parametrize("text", ["№ 13/2 от", "первой половине года", "28/189", "две первых"])
def test_ru_not_fractions(text: str) -> None:
    assert find_fractions(text, "ru") == []
