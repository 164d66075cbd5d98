"""Stage 3 invariants (Hypothesis): on texts assembled from structural fragments and noise, parsing
never fails, the nodes partition the normalised text, and every node and point maps back to the raw text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from structure_check import check_invariants

from docgen.model import SourceText
from docgen.normalize import normalize
from docgen.structure import parse_structure

FRAGMENTS = [
    "Об утверждении методики оценки",
    "Постановление акимата области от 15 марта 2018 года № 53. Зарегистрировано 28 марта 2018 года № 5102.",
    "Облыс мәслихатының 2018 жылғы 9 сәуірдегі № 28/189-VI шешімі.",
    "Күшін жойған",
    "Сноска. Пункт 2 исключен постановлением от 01.06.2021 № 44.",
    "Ескерту. 2-тармаққа өзгеріс енгізілді - мәслихатының 14.06.2024 № 342/11 шешімімен",
    "ПОСТАНОВЛЯЕТ:",
    "Утверждено постановлением",
    "шешімімен бекітілген",
    "Қосымша",
    "Методика оценки деятельности",
    "Глава 1. Общие положения",
    "1-тaraу. Жалпы ережелер",
    "2-тарау. Бағалау",
    "1. Осы Әдістеме айқындайды.",
    "2. Оценка проводится <p>ежеквартально</p>.",
    "3. алып тасталды",
    "3. Исключен",
    "1) тікелей басшы – Е-1;",
    "- 2) оцениваемый период;",
    "әдістемесіне 1-қосымша",
    "әдістемесіне б-қосымша",
    "Приложение 2 к Методике",
    "Нысан",
    "Форма",
    "Параметры\tОценка\tПояснение",
    "1. Качество\t\t[image: ]Учитывается",
    "\t",
    "\t\u00a0",
    "\tЯчейка",
    "",
    "© 2012. Институт",
    "А.Кульгинов",
    "  \u00a0 ",
]
docs = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(docs, st.sampled_from(["\n", "\r\n"]))
def test_parse_invariants(raw: str, newline: str) -> None:
    raw = raw.replace("\n", newline)
    norm = normalize(raw)
    doc = parse_structure(SourceText("gen.txt", raw, "utf-8", "txt"), norm)
    check_invariants(doc)
    covered = sum(n.end - n.start for n in doc.nodes)
    assert covered == len(norm.text)
    for p in doc.points + doc.approving_points:
        rs, re_ = norm.raw_span(p.start, p.end)
        assert raw[rs : rs + len(p.number)] == p.number


def test_empty_text() -> None:
    doc = parse_structure(SourceText("e.txt", "", "utf-8", "txt"), normalize(""))
    assert doc.nodes == () and doc.points == () and doc.appendices == ()
