"""Additions at the start of a point, a sub-point or a paragraph, right after a punctuation mark, whole
sentences, paragraphs and sub-points (legal technique: «перед словами … дополнить словами …»,
«дополнить предложением / абзацем / подпунктом … следующего содержания» / «… деген сөздердің алдынан …
толықтырылсын», «мынадай мазмұндағы сөйлеммен / абзацпен / тармақшамен толықтырылсын»).

The old points are seeds 003 (kk) and 004 (ru) as printed; each new point is the old one with words
added, and the expected wording was written by reading the point (which words occur once in it, how
many paragraphs it has). Every wording is then applied back by a small reader of the wording written
here (not the package's), on the whole act: the edition re-parsed holds exactly the intended point."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.catalogue import catalogue_for_document, parse_document
from docgen.draft.amend import Amendment, Change, amend, amendment_text, document_from_text, word_edit
from docgen.draft.wording import composite_edit
from docgen.numbers import parse_number_word

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {p.name[:3]: p for p in sorted((ROOT / "legal_corpus" / "acts").glob("*/*.txt"))}


def _point(seed: str, number: str) -> str:
    doc = parse_document(SEEDS[seed])
    p = doc.point(number)
    assert p is not None
    return doc.text[p.start : p.end].rstrip()


# (seed, point, old words, new words, the wording)
CASES = [
    # ---- ru, seed 004 ----
    # the point's first word gets words before it and loses its capital: the first word is replaced
    ("004", "12", "12. Документы, связанные", "12. Все документы, связанные",
     "в пункте 12 слово «Документы» заменить словами «Все документы»"),
    # right after a comma: before the next word («хранятся» occurs once in point 12)
    ("004", "12", "с оценкой, хранятся", "с оценкой, обязательно хранятся",
     "пункт 12 перед словом «хранятся» дополнить словом «обязательно»"),
    # words that bring their own comma: after the word before the comma, the comma quoted
    ("004", "12", "с оценкой, хранятся", "с оценкой, в том числе электронные, хранятся",
     "пункт 12 после слова «оценкой» дополнить словами «, в том числе электронные»"),
    # a sentence at the end of a one-paragraph point
    ("004", "12", "в информационной системе.",
     "в информационной системе. Срок хранения исчисляется со дня завершения оценки.",
     "пункт 12 дополнить предложением следующего содержания:\n"
     "«Срок хранения исчисляется со дня завершения оценки.»"),
    # a sentence between the two sentences of point 19's third paragraph
    ("004", "19", "нечетного количества членов. Количество",
     "нечетного количества членов. Персональный состав утверждается приказом. Количество",
     "абзац третий пункта 19 после первого предложения дополнить предложением следующего содержания:\n"
     "«Персональный состав утверждается приказом.»"),
    # the start of the fourth paragraph: «В» and «В состав» also begin the fifth, «В состав конкретной»
    # occurs once in the point (three words), «В» once in the paragraph (one word and the paragraph named)
    ("004", "19", "В состав конкретной", "Как правило, в состав конкретной",
     "в абзаце четвертом пункта 19 слово «В» заменить словами «Как правило, в»"),
    # a sub-point added after sub-point 2)
    ("004", "2", "прямом подчинении в соответствии с его должностной инструкцией;\n",
     "прямом подчинении в соответствии с его должностной инструкцией;\n\n"
     "2-1) прямой руководитель – непосредственный руководитель оцениваемого лица;\n",
     "пункт 2 дополнить подпунктом 2-1) следующего содержания:\n"
     "«2-1) прямой руководитель – непосредственный руководитель оцениваемого лица;»"),
    # after the dash of sub-point 4): «непосредственный» occurs in 2) and 4), once in 4)
    ("004", "2", "4) оценивающее лицо – непосредственный", "4) оценивающее лицо – прямой непосредственный",
     "подпункт 4) пункта 2 перед словом «непосредственный» дополнить словом «прямой»"),
    # ---- kk, seed 003 ----
    ("003", "12", "12. Бағалаумен байланысты", "12. Барлық бағалаумен байланысты",
     "12-тармақтағы «Бағалаумен» деген сөз «Барлық бағалаумен» деген сөздермен ауыстырылсын"),
    # right after an opening parenthesis: before «бағалауы», which occurs once in point 19
    ("003", "19", "(бағалауы калибрлеу", "(тек бағалауы калибрлеу",
     "19-тармақ «бағалауы» деген сөздің алдынан «тек» деген сөзбен толықтырылсын"),
    ("003", "12", "ақпараттық жүйеде сақталады.",
     "ақпараттық жүйеде сақталады. Сақтау мерзімі бағалау аяқталған күннен бастап есептеледі.",
     "12-тармақ мынадай мазмұндағы сөйлеммен толықтырылсын:\n"
     "«Сақтау мерзімі бағалау аяқталған күннен бастап есептеледі.»"),
    ("003", "19", "тақ санынан тұрады. Калибрлеу",
     "тақ санынан тұрады. Құрамы бұйрықпен бекітіледі. Калибрлеу",
     "19-тармақтың екінші абзацы бірінші сөйлемнен кейін мынадай мазмұндағы сөйлеммен толықтырылсын:\n"
     "«Құрамы бұйрықпен бекітіледі.»"),
    ("003", "2", "лауазымдық нұсқаулығына сәйкес оған тікелей бағынысты болатын адам;\n",
     "лауазымдық нұсқаулығына сәйкес оған тікелей бағынысты болатын адам;\n\n"
     "2-1) бағаланатын кезеңнің соңы – тоқсанның соңғы жұмыс күні;\n",
     "2-тармақ мынадай мазмұндағы 2-1) тармақшамен толықтырылсын:\n"
     "«2-1) бағаланатын кезеңнің соңы – тоқсанның соңғы жұмыс күні;»"),
    # «тікелей» occurs twice in 2) and once in 4), «тікелей басшы» in 2) and 4)
    ("003", "2", "4) бағалаушы адам – тікелей басшы", "4) бағалаушы адам – лауазымы бойынша тікелей басшы",
     "2-тармақтың 4) тармақшасы «тікелей» деген сөздің алдынан «лауазымы бойынша» деген сөздермен "
     "толықтырылсын"),
]  # fmt: skip


def _appended(seed: str, number: str, line: str) -> tuple[str, str]:
    old = _point(seed, number)
    return old, old + "\n\n" + line


def _cases() -> list[tuple[str, str, str, str, str]]:
    out = []
    for seed, number, before, after, wording in CASES:
        old = _point(seed, number)
        assert old.count(before) == 1, (seed, number, before)
        out.append((seed, number, old, old.replace(before, after), wording))
    # a paragraph after the last one: point 19 has five paragraphs in 004, four in 003
    old, new = _appended("004", "19", "Состав калибровочной сессии размещается на интернет-ресурсе.")
    out.append(
        ("004", "19", old, new, "пункт 19 дополнить абзацем шестым следующего содержания:\n"
         "«Состав калибровочной сессии размещается на интернет-ресурсе.»")
    )  # fmt: skip
    old, new = _appended("003", "19", "Калибрлеу сессиясының құрамы интернет-ресурста орналастырылады.")
    out.append(
        ("003", "19", old, new, "19-тармақ мынадай мазмұндағы бесінші абзацпен толықтырылсын:\n"
         "«Калибрлеу сессиясының құрамы интернет-ресурста орналастырылады.»")
    )  # fmt: skip
    # exclusions of a whole sentence, a paragraph, sub-points (point 19: the third paragraph's sentences
    # «Состав … членов.» and «Количество … трех.»; 003's second paragraph likewise)
    for seed, number, gone, wording in [
        (
            "004",
            "19",
            " Количество членов калибровочной сессии не должно быть менее трех.",
            "второе предложение абзаца третьего пункта 19 исключить",
        ),
        (
            "004",
            "19",
            "Состав калибровочной сессии состоит из нечетного количества членов. ",
            "первое предложение абзаца третьего пункта 19 исключить",
        ),
        (
            "003",
            "19",
            " Калибрлеу сессиясы мүшелерінің саны үштен кем болмауы тиіс.",
            "19-тармақтың екінші абзацының екінші сөйлемі алып тасталсын",
        ),
        (
            "004",
            "19",
            "\n\nВ состав конкретной калибровочной сессии не включается лицо, несогласное с оценкой, а "
            "также лицо, оценившее его.",
            "абзац четвертый пункта 19 исключить",
        ),
        (
            "003",
            "19",
            "\n\nНақты калибрлеу сессиясының құрамына бағамен келіспейтін адам, сондай-ақ оны бағалаған "
            "адам кірмейді.",
            "19-тармақтың үшінші абзацы алып тасталсын",
        ),
        (
            "004",
            "2",
            "\n\n5) оцениваемое лицо – лицо, в отношении которого проводится оценка;",
            "подпункт 5) пункта 2 исключить",
        ),
        (
            "003",
            "2",
            "\n\n5) бағаланатын адам – өзіне қатысты бағалау жүргізілетін адам;",
            "2-тармақтың 5) тармақшасы алып тасталсын",
        ),
    ]:
        old = _point(seed, number)
        assert old.count(gone) == 1, gone
        out.append((seed, number, old, old.replace(gone, ""), wording))
    return out


@pytest.mark.parametrize(("seed", "number", "old", "new", "wording"), _cases())
def test_the_wording(seed: str, number: str, old: str, new: str, wording: str) -> None:
    lang = "kk" if seed == "003" else "ru"
    assert word_edit(old, new, number, lang) == wording


# ---- a reader of the wording, written from the forms above (not the package's code) ----

_RU_ORD = {"первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5, "шестой": 6}
_RU_ORD |= {"первом": 1, "втором": 2, "третьем": 3, "четвертом": 4, "пятом": 5}
_RU_ORD_GEN = {"первого": 1, "второго": 2, "третьего": 3}
_KK_ORD = {"бірінші": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "бесінші": 5}


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _unit(point: str, unit: str) -> tuple[int, int]:
    """The span of «подпункт 4) пункта 2», «абзац третий пункта 19», «2-тармақтың 4) тармақшасы»,
    «19-тармақтың екінші абзацы», or the whole point."""
    lines = _lines(point)
    if m := re.search(r"(\d+(?:-\d+)?)\) (?:тармақшасы|пункта)|подпункте? (\d+(?:-\d+)?)\)", unit):
        n = m.group(1) or m.group(2)
        return next((s, e) for s, e in lines if point[s:e].lstrip().startswith(f"{n})"))
    if m := re.search(r"абзаце? (\w+) пункта|тармақтың (.+?) абзацы", unit):
        word = m.group(1) or m.group(2)
        place = _RU_ORD.get(word) or parse_number_word(word, "kk")
        assert place is not None
        return lines[place - 1]
    return 0, len(point)


def _once(text: str, words: str) -> int:
    # whole words: a number joined by a hyphen («4-тармақ») is not the word «4»
    found = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text)]
    assert len(found) == 1, (words, len(found))
    return found[0]


def _sentence_ends(text: str) -> list[int]:
    body = re.sub(r"^\s*\d+(?:-\d+)?[.)]\s", lambda m: " " * len(m.group()), text)
    return [m.end() for m in re.finditer(r"[.!?](?=\s+[А-ЯЁӘІҢҒҮҰҚӨҺ«\"]|\s*$)", body)]


def _drop(point: str, wording: str) -> str | None:
    """The exclusions of a sentence, paragraphs or sub-points, or None for another form."""
    if m := re.fullmatch(
        r"(\w+) предложение (?:абзаца (\w+) |подпункта (\d+(?:-\d+)?)\) )?пункта \d+ исключить", wording
    ) or (
        m := re.fullmatch(
            r"\d+-тармақтың (?:(.+?) абзацының |(\d+(?:-\d+)?)\) тармақшасының )?(.+?) сөйлемі алып тасталсын",
            wording,
        )
    ):
        ru = wording.endswith("исключить")
        nth, para, sub = (m.group(1), m.group(2), m.group(3)) if ru else (m.group(3), m.group(1), m.group(2))
        lang = "ru" if ru else "kk"
        lines = _lines(point)
        if para:
            place = parse_number_word(para, lang)
            assert place is not None
            s, e = lines[place - 1]
        elif sub:
            s, e = next((s, e) for s, e in lines if point[s:e].lstrip().startswith(f"{sub})"))
        else:
            s, e = 0, len(point)
        k = parse_number_word(nth, lang)
        assert k is not None
        ends = [s + x for x in _sentence_ends(point[s:e])]
        lead = re.match(r"\s*(?:\d+(?:-\d+)?[.)]\s)?\s*", point[s:e])
        assert lead is not None
        start = ends[k - 2] if k > 1 else s + lead.end()
        stop = (
            ends[k - 1]
            if k > 1
            else len(point[: ends[0]]) + len(point[ends[0] :]) - len(point[ends[0] :].lstrip(" "))
        )
        return point[:start] + point[stop:]
    if m := re.fullmatch(r"(подпункты?|абзацы?) (.+) пункта \d+ исключить", wording) or (
        m := re.fullmatch(
            r"\d+-тармақтың (.+) (тармақшалары|тармақшасы|абзацтары|абзацы) алып тасталсын", wording
        )
    ):
        ru = wording.endswith("исключить")
        what, names = (m.group(1), m.group(2)) if ru else (m.group(2), m.group(1))
        lines = _lines(point)
        gone: list[tuple[int, int]] = []
        for name in re.split(r", | и | және ", names):
            if name.endswith(")"):
                gone.append(next((s, e) for s, e in lines if point[s:e].lstrip().startswith(name)))
            else:
                place = parse_number_word(name, "ru" if ru else "kk")
                assert place is not None and what.startswith("абзац")
                gone.append(lines[place - 1])
        for s, e in sorted(gone, reverse=True):
            point = point[:s] + point[e:]
        return point
    return None


def apply_wording(point: str, wording: str) -> str:
    """The point as the operative wording leaves it."""
    if m := re.fullmatch(r"(в пункте (\d+)|(\d+)-тармақта):\n(.+)", wording, flags=re.S):
        # several clauses under «в пункте 19:» / «19-тармақта:», each said as for the whole point
        for clause in m.group(4).split(";\n"):
            if m.group(2):
                unit = (
                    f"пункт {m.group(2)} "
                    if clause.startswith(("после", "перед"))
                    else f"в пункте {m.group(2)} "
                )
            else:
                adds = clause.endswith("толықтырылсын")
                unit = f"{m.group(3)}-тармақ " if adds else f"{m.group(3)}-тармақтағы "
            point = apply_wording(point, unit + clause)
        return point
    dropped = _drop(point, wording)
    if dropped is not None:
        return dropped
    head, _, quoted = wording.partition(":\n«")
    added = quoted[:-1] if quoted else ""
    if m := re.fullmatch(r"(.+?) дополнить (?:подпунктом|абзацем) .+ следующего содержания", head) or (
        m := re.fullmatch(r"(.+?) мынадай мазмұндағы .+ (?:тармақшамен|абзацпен) толықтырылсын", head)
    ):
        if "подпункт" in head or "тармақша" in head:
            n = re.match(r"(\d+)", added)
            assert n is not None
            after = next(e for s, e in _lines(point) if point[s:e].lstrip().startswith(f"{n.group(1)})"))
        else:
            # «абзацем шестым» / «бесінші абзацпен»: the new paragraph becomes the sixth / fifth
            word = re.search(r"абзацем (\w+)|мазмұндағы (.+?) абзацпен", head)
            assert word is not None
            place = parse_number_word(word.group(1) or word.group(2), "ru" if word.group(1) else "kk")
            assert place is not None
            after = _lines(point)[place - 2][1]
        return point[:after] + "\n" + added + point[after:]
    if m := re.fullmatch(
        r"(.+?)(?: после (\w+) предложения)? дополнить предложением следующего содержания", head
    ) or (
        m := re.fullmatch(
            r"(.+?)(?: (\w+) сөйлемнен кейін)? мынадай мазмұндағы сөйлеммен толықтырылсын", head
        )
    ):
        s, e = _unit(point, m.group(1))
        ends = _sentence_ends(point[s:e])
        at = s + (
            ends[(_RU_ORD_GEN.get(m.group(2)) or _KK_ORD[m.group(2)]) - 1]
            if m.group(2)
            else len(point[s:e].rstrip())
        )
        return point[:at] + " " + added + point[at:]
    if (
        m := re.fullmatch(
            r"(.+?) (после|перед) (?:слова|слов|словом|словами) «(.+?)» дополнить (?:словом|словами) «(.+)»",
            wording,
        )
        or (
            m := re.fullmatch(
                r"(.+?) «(.+?)» деген (?:сөзден|сөздерден) кейін «(.+)» деген сөз\w* толықтырылсын", wording
            )
        )
        or (
            m := re.fullmatch(
                r"(.+?) «(.+?)» деген (?:сөздің|сөздердің) алдынан «(.+)» деген сөз\w* толықтырылсын", wording
            )
        )
    ):
        groups = m.groups()
        unit, anchor, words = (groups[0], groups[2], groups[3]) if len(groups) == 4 else groups
        before = (groups[1] == "перед") if len(groups) == 4 else ("алдынан" in wording)
        s, e = _unit(point, unit)
        k = s + _once(point[s:e], anchor)
        if before:
            return point[:k] + words + " " + point[k:]
        k += len(anchor)
        glue = "" if words[0] in ",;:" else " "
        return point[:k] + glue + words + point[k:]
    if m := re.fullmatch(r"в (.+?) (?:слово|слова) «(.+)» исключить", wording) or (
        m := re.fullmatch(r"(.+?)(?:тағы|ндағы) «(.+)» деген сөз\w* алып тасталсын", wording)
    ):
        s, e = _unit(point, m.group(1))
        k = s + _once(point[s:e], m.group(2))
        return point[:k] + point[k + len(m.group(2)) :]
    if m := re.fullmatch(r"в (.+?) (?:слово|слова) «(.+?)» заменить (?:словом|словами) «(.+)»", wording) or (
        m := re.fullmatch(r"(.+?)тағы «(.+?)» деген сөз\w* «(.+)» деген сөз\w* ауыстырылсын", wording)
    ):
        s, e = _unit(point, m.group(1))
        k = s + _once(point[s:e], m.group(2))
        return point[:k] + m.group(3) + point[k + len(m.group(2)) :]
    raise AssertionError(f"a form this reader does not know: {wording}")  # fmt: skip


def _paras(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize(("seed", "number", "old", "new", "wording"), _cases())
def test_round_trip_the_edition_reparsed_holds_the_intended_point(
    seed: str, number: str, old: str, new: str, wording: str
) -> None:
    doc = parse_document(SEEDS[seed])
    p = doc.point(number)
    assert p is not None
    applied = apply_wording(old, wording)
    assert _paras(applied) == _paras(new)
    edition = document_from_text(doc.text[: p.start] + applied + doc.text[p.start + len(old) :], "e.txt")
    q = edition.point(number)
    assert q is not None
    assert _paras(edition.text[q.start : q.end]) == _paras(new)
    # every other point is as it was
    assert [x.number for x in edition.points] == [x.number for x in doc.points]
    for x in doc.points:
        if x.number != number:
            y = edition.point(x.number)
            assert y is not None and _paras(edition.text[y.start : y.end]) == _paras(
                doc.text[x.start : x.end]
            )


def test_no_anchor_names_one_place_so_the_point_is_replaced() -> None:
    # «да» and «да, да» occur more than once, the colon and the sentence's end stop the anchor: nothing
    # names the place
    assert word_edit("1. Ответ: да, да, да.", "1. Ответ: да, да, нет, да.", "1", "ru") is None
    assert word_edit("1. Жауап: иә, иә, иә.", "1. Жауап: иә, иә, жоқ, иә.", "1", "kk") is None
    am = Amendment("ru", "", "", [Change("set", "1", "1. Ответ: да, да, да.", "1. Ответ: да, да, нет, да.")])
    assert "пункт 1 изложить в следующей редакции:\n«1. Ответ: да, да, нет, да.»" in amendment_text(am)


@pytest.mark.parametrize(
    ("seed", "before", "after", "wording"),
    [
        # «подразделения/государственного органа» is in sub-points 3) and 4) of 004's point 2
        ("004", "подразделения/государственного органа;", "подразделения;",
         "в подпункте 4) пункта 2 слова «/государственного органа» исключить"),
        ("003", "бөлімшенің/мемлекеттік органның басшысы;", "бөлімшенің басшысы;",
         "2-тармақтың 4) тармақшасындағы «/мемлекеттік органның» деген сөздер алып тасталсын"),
    ],
)  # fmt: skip
def test_a_deletion_names_its_sub_point_when_the_words_recur_in_the_point(
    seed: str, before: str, after: str, wording: str
) -> None:
    old = _point(seed, "2")
    assert old.count(before) == 1
    new = old.replace(before, after)
    assert word_edit(old, new, "2", "kk" if seed == "003" else "ru") == wording


def test_the_amending_decision_numbers_the_new_forms() -> None:
    p12, p19 = _point("004", "12"), _point("004", "19")
    sentence = p12 + " Срок хранения исчисляется со дня завершения оценки."
    start = p19.replace("В состав конкретной", "Как правило, в состав конкретной")
    am = Amendment("ru", "", "", [Change("set", "12", p12, sentence), Change("set", "19", p19, start)])
    text = amendment_text(am)
    assert (
        "1) пункт 12 дополнить предложением следующего содержания:\n"
        "«Срок хранения исчисляется со дня завершения оценки.»;\n\n"
        "2) в абзаце четвертом пункта 19 слово «В» заменить словами «Как правило, в».\n"
    ) in text


@pytest.mark.parametrize(
    ("seed", "wording"),
    [
        # 004 point 19: «в течение трех рабочих дней» and «не должно быть менее трех»; «трех» alone
        # occurs twice, «трех рабочих» and «менее трех» once each
        ("004", "1) в пункте 19:\nслова «трех рабочих» заменить словами «пяти рабочих»;\n"
         "слова «менее трех» заменить словами «менее пяти»."),
        # 003 point 19: «үш жұмыс күн ішінде» and «үштен кем болмауы тиіс»: «үш» and «үштен» once each
        ("003", "1) 19-тармақта:\n«үш» деген сөз «бес» деген сөзбен ауыстырылсын;\n"
         "«үштен» деген сөз «бестен» деген сөзбен ауыстырылсын."),
    ],
)  # fmt: skip
def test_two_values_of_one_point_are_two_clauses_and_round_trip(seed: str, wording: str) -> None:
    doc = parse_document(SEEDS[seed])
    cat = catalogue_for_document(doc)
    sets = [("calibration_decision_deadline", "5"), ("calibration_min_members", "5")]
    am = amend(doc, cat, sets, [], f"{seed}.txt")
    text = amendment_text(am)
    assert wording in text
    assert "редакци" not in text  # no longer the whole point in a new wording
    # the wording applied to the old point gives the edition's point 19, and the edition reads 5 and 5
    p = doc.point("19")
    assert p is not None
    old = doc.text[p.start : p.end].rstrip()
    applied = apply_wording(old, wording.removeprefix("1) ").removesuffix("."))
    edition = document_from_text(am.new_text, "e.txt")
    q = edition.point("19")
    assert q is not None
    assert _paras(applied) == _paras(edition.text[q.start : q.end])
    new = catalogue_for_document(edition)
    for key in ("calibration_decision_deadline", "calibration_min_members"):
        value = new.param(key)
        assert value is not None and value.value == 5


def test_edits_that_do_not_each_name_one_place_set_the_point_out_anew() -> None:
    old = "7. Ответ: да, да, да. Итог: да."
    new = "7. Ответ: да, нет, да, да. Итог: нет."
    am = Amendment("ru", "", "", [Change("set", "7", old, new)])
    assert (
        "пункт 7 изложить в следующей редакции:\n«7. Ответ: да, нет, да, да. Итог: нет.»"
        in amendment_text(am)
    )


@pytest.mark.parametrize("seed", ["003", "004"])
def test_random_edits_of_every_point_round_trip(seed: str) -> None:
    """Words added, replaced or deleted at random places of every point of the seed (a fixed random
    order): whenever a wording is given, the reader above applies it to the old point and gets the new
    one; when no wording names the place, None (the point is then replaced or set out anew)."""
    import random

    rng = random.Random(int(seed))
    doc = parse_document(SEEDS[seed])
    lang = "kk" if seed == "003" else "ru"
    worded = 0
    for p in doc.points:
        old = doc.text[p.start : p.end].rstrip()
        words = list(re.finditer(r"\w+", old))[2:]
        if len(words) < 6:
            continue
        for count in (1, 2):
            new = old
            for k in sorted(rng.sample(range(len(words)), count), reverse=True):
                w = words[k]
                how = rng.choice(["replace", "insert", "delete"])
                if how == "replace":
                    new = new[: w.start()] + "өзге" + new[w.end() :]
                elif how == "insert":
                    new = new[: w.start()] + "қосымша " + new[w.start() :]
                else:
                    new = new[: w.start()] + new[w.end() :].lstrip(" ")
            got = (
                word_edit(old, new, p.number, lang)
                if count == 1
                else composite_edit(old, new, p.number, lang)
            )
            if got is not None:
                worded += 1
                assert _paras(apply_wording(old, got)) == _paras(new), got
    assert worded >= 20
