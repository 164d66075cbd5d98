"""Kazakh number words, digits with endings, ranges and fractions (table-driven)."""

from __future__ import annotations

import pytest

from docgen.numbers import find_fractions, find_numbers, find_ranges, parse_number_word

# every case ending for 1..10, 15, 20, 30, 50, plus ordinals with and without case endings
KK_FORMS: dict[int, list[str]] = {
    1: [
        "бір",
        "бірдің",
        "бірді",
        "бірмен",
        "бірі",
        "бірінен",
        "біріне",
        "бірінің",
        "бірінде",
        "бірін",
        "бірінші",
        "біріншіден",
        "біріншісі",
    ],
    2: [
        "екі",
        "екіден",
        "екіге",
        "екінің",
        "екіде",
        "екіні",
        "екімен",
        "екісі",
        "екісінен",
        "екісіне",
        "екінші",
        "екіншіден",
        "екеу",
        "екеуі",
    ],
    3: ["үш", "үштен", "үшке", "үштің", "үште", "үшті", "үшпен", "үші", "үшінен", "үшіне", "үшінші", "үшеу"],
    4: ["төрт", "төрттен", "төртке", "төрттің", "төртте", "төртті", "төртпен", "төрті", "төртінші"],
    5: [
        "бес",
        "бестен",
        "беске",
        "бестің",
        "бесте",
        "бесті",
        "беспен",
        "бесі",
        "бесінші",
        "бесіншісі",
        "бесеу",
        "бестегі",
    ],
    6: ["алты", "алтыдан", "алтыға", "алтының", "алтыда", "алтыны", "алтымен", "алтысы", "алтыншы", "алтау"],
    7: ["жеті", "жетіден", "жетіге", "жетінің", "жетіде", "жетіні", "жетімен", "жетісі", "жетінші", "жетеу"],
    8: ["сегіз", "сегізден", "сегізге", "сегіздің", "сегізде", "сегізді", "сегізбен", "сегізі", "сегізінші"],
    9: ["тоғыз", "тоғыздан", "тоғызға", "тоғыздың", "тоғызда", "тоғызды", "тоғызбен", "тоғызы", "тоғызыншы"],
    10: ["он", "оннан", "онға", "онның", "онды", "онмен", "оныншы", "оныншыдан", "оныншысы"],
    15: [
        "он бес",
        "он бестен",
        "он беске",
        "он бестің",
        "он бесте",
        "он бесті",
        "он беспен",
        "он бесі",
        "он бесінші",
    ],
    20: [
        "жиырма",
        "жиырмадан",
        "жиырмаға",
        "жиырманың",
        "жиырмада",
        "жиырманы",
        "жиырмамен",
        "жиырмасы",
        "жиырмасыншы",
        "жиырмасыншыдан",
        "жиырманшы",
        "жиырмамыншы",
    ],
    30: ["отыз", "отыздан", "отызға", "отыздың", "отызда", "отызды", "отызбен", "отызы", "отызыншы"],
    40: ["қырық", "қырықтан", "қырыққа", "қырқы", "қырқыншы"],
    50: ["елу", "елуден", "елуге", "елудің", "елуде", "елуді", "елумен", "елуі", "елуінші"],
    25: ["жиырма бес", "жиырма бесінші", "жиырма беске"],
    100: ["жүз", "бір жүз", "жүзден", "жүзінші"],
    250: ["екі жүз елу"],
    95: ["тоқсан бес"],
    90: ["тоқсан"],  # alone only through parse_number_word
    2023: ["екі мың жиырма үш", "екі мың жиырма үшінші"],
    0: ["нөл", "нөлден"],
}


@pytest.mark.parametrize(("value", "form"), [(v, f) for v, forms in KK_FORMS.items() for f in forms])
def test_kk_forms_parse(value: int, form: str) -> None:
    assert parse_number_word(form, "kk") == value
    assert parse_number_word(form.upper(), "kk") == value


@pytest.mark.parametrize(
    "form", ["бірінші", "оныншы", "бесінші", "жиырмасыншы", "жиырмамыншы", "үшіншіден", "жиырма бесінші"]
)
def test_kk_ordinals_have_ordinal_kind(form: str) -> None:
    (m,) = find_numbers(form, "kk")
    assert m.kind == "ordinal"
    assert m.text == form


@pytest.mark.parametrize(
    "word",
    [
        "оның",
        "оны",
        "онда",
        "үшін",
        "бірге",
        "бірден",
        "бірде",
        "жүзеге",
        "жүзінде",
        "бірлесіп",
        "бірнеше",
        "бірыңғай",
        "жетістік",
        "жетілдіру",
        "оныншылар",
        "бесік",
        "тоқсаннан",
        "тоқсан",
        "алтын",
        "елін",
    ],
)
def test_kk_non_numbers_in_running_text(word: str) -> None:
    assert find_numbers(f"мәтін {word} мәтін", "kk") == []


def test_kk_excluded_forms_still_end_a_compound() -> None:
    (m,) = find_numbers("он бірге дейін", "kk")
    assert (m.text, m.value) == ("он бірге", 11)


@pytest.mark.parametrize(
    ("text", "quote", "value", "kind"),
    [
        ("жиырмасыншы күнінен кешіктірілмей", "жиырмасыншы", 20, "ordinal"),
        ("айдың жиырмамыншы күнінен", "жиырмамыншы", 20, "ordinal"),
        ("кемінде он бес жұмыс күнін", "он бес", 15, "cardinal"),
        ("бір айдан кем болған", "бір", 1, "cardinal"),
        ("үш айдан кем болған", "үш", 3, "cardinal"),
        ("елу адамнан асқан", "елу", 50, "cardinal"),
        ("(0-ден 5-ке дейін)", "5-ке", 5, "cardinal"),
        ("5-ке", "5-ке", 5, "cardinal"),
        ("10-ы", "10-ы", 10, "cardinal"),
        ("4-тен", "4-тен", 4, "cardinal"),
        ("3,99-ға дейін", "3,99-ға", 3.99, "decimal"),
        ("баға 2,99 баллдан аспауы", "2,99", 2.99, "decimal"),
        ("5-ші", "5-ші", 5, "ordinal"),
        ("45%", "45%", 45, "cardinal"),
        ("45 % орындалса", "45 %", 45, "cardinal"),
        ("5 (бес) жұмыс күні", "5 (бес)", 5, "cardinal"),
        ("бес (5) жұмыс күні", "бес (5)", 5, "cardinal"),
        ("1-тарау", "1", 1, "cardinal"),
        ("тоқсан бес адам", "тоқсан бес", 95, "cardinal"),
    ],
)
def test_kk_find_numbers(text: str, quote: str, value: float, kind: str) -> None:
    found = {m.text: m for m in find_numbers(text, "kk")}
    assert quote in found, found
    m = found[quote]
    assert (m.value, m.kind, m.start) == (value, kind, text.index(quote))
    assert text[m.start : m.end] == quote


def test_kk_percent_flag() -> None:
    (a,) = find_numbers("45%", "kk")
    (b,) = find_numbers("45 пайыз", "kk")
    (c,) = find_numbers("45 адам", "kk")
    assert a.percent and b.percent and not c.percent
    assert b.text == "45"


@pytest.mark.parametrize(
    ("text", "quote", "low", "high"),
    [
        ("үштен беске дейін", "үштен беске дейін", 3, 5),
        ("үштен беске дейінгі адам", "үштен беске дейінгі", 3, 5),
        ("нәтижесіне 4-тен 5 баллға дейін,", "4-тен 5 баллға дейін", 4, 5),
        ("(0-ден 5-ке дейін)", "0-ден 5-ке дейін", 0, 5),
        ("3-тен 3,99-ға дейін", "3-тен 3,99-ға дейін", 3, 3.99),
        ("3-тен 3,99 баллға дейін", "3-тен 3,99 баллға дейін", 3, 3.99),
        ("(0-ден* 5 баллға дейін)", "0-ден* 5 баллға дейін", 0, 5),
        ("1 баллдан 5 баллға дейін", "1 баллдан 5 баллға дейін", 1, 5),
        ("95-99,99\t4,75-4,99", "95-99,99", 95, 99.99),
        ("95-99,99\t4,75-4,99", "4,75-4,99", 4.75, 4.99),
        ("2018-2023 жылдар", "2018-2023", 2018, 2023),
    ],
)
def test_kk_ranges(text: str, quote: str, low: float, high: float) -> None:
    found = {r.text: r for r in find_ranges(text, "kk")}
    assert quote in found, found
    r = found[quote]
    assert (r.low, r.high, r.start) == (low, high, text.index(quote))


@pytest.mark.parametrize(
    "text", ["үштен кем болмауы", "5-нен 3-тен азы", "1-тарау 2-тарау", "99-2", "бестен кейін беске"]
)
def test_kk_not_ranges(text: str) -> None:
    assert find_ranges(text, "kk") == []


@pytest.mark.parametrize(
    ("text", "quote", "num", "den"),
    [
        ("мүшелерінің үштен екісі қатысқан", "үштен екісі", 2, 3),
        ("төрттен үші", "төрттен үші", 3, 4),
        ("үштен бірі", "үштен бірі", 1, 3),
        ("индикаторларының 3/4 немесе", "3/4", 3, 4),
        ("3/4-нен кеміне", "3/4-нен", 3, 4),
        ("2/3 бөлігі", "2/3", 2, 3),
        ("НМИ санының 5-нен 4-і орындалған", "5-нен 4-і", 4, 5),
        ("мүшелерінің жартысы", "жартысы", 1, 2),
    ],
)
def test_kk_fractions(text: str, quote: str, num: int, den: int) -> None:
    found = {f.text: f for f in find_fractions(text, "kk")}
    assert quote in found, found
    f = found[quote]
    assert (f.numerator, f.denominator, f.start) == (num, den, text.index(quote))


@pytest.mark.parametrize(
    "text",
    ["№ 28/189-VI шешімі", "№ 278/5 шешімі", "№ 660/1", "үштен беске дейін", "жылдың бірінші жартысында"],
)
def test_kk_not_fractions(text: str) -> None:
    assert find_fractions(text, "kk") == []


def test_kk_mixed_script_word() -> None:
    # Latin "a" inside a Cyrillic word (real noise in the seeds)
    assert parse_number_word("жиырмa", "kk") == 20


def test_half_after_a_cardinal() -> None:
    from docgen.numbers import find_numbers

    (m,) = find_numbers("бір жарым айдан кем болған", "kk")
    assert (m.value, m.text) == (1.5, "бір жарым")
    (m,) = find_numbers("екі жарым жыл", "kk")
    assert m.value == 2.5
