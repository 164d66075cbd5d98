"""The unit-by-unit translator of the forms (docgen/render/untranslated.py) and the DOCX mark pass."""

from __future__ import annotations

import io
import zipfile

from docgen.render.untranslated import (
    MARK,
    Translator,
    is_marked,
    mark,
    mark_document,
    needs_translation,
    unmark,
)


def test_numbers_blanks_and_position_codes_are_not_units() -> None:
    tr = Translator("kk", "ru")
    for text in ("12", "____", "Е-3", "E-R-1", "E-2, E-3", "№", " "):
        assert not needs_translation(text) and tr(text, "row 1") == text
    assert tr.units == []


def test_same_language_records_nothing() -> None:
    tr = Translator("ru", "ru")
    assert tr("Что угодно", "title") == "Что угодно" and tr.units == []


def test_a_known_text_is_translated_and_an_unknown_one_marked() -> None:
    # «Лидерство и навыки принятия решений» is printed by 004 app. 1 and its kk pair by 003 app. 1
    tr = Translator("ru", "kk")
    assert tr("Лидерство и навыки принятия решений", "row 3") == "Көшбасшылық және шешім қабылдау дағдылары"
    out = tr("Совершенно новая строка", "row 4")
    assert is_marked(out) and unmark(out) == "Совершенно новая строка" and out.endswith(MARK)
    assert tr.counts == (1, 2) and tr.untranslated == ["Совершенно новая строка"]
    assert [u.place for u in tr.units] == ["row 3", "row 4"]
    assert mark(out) == out  # marked once


def test_a_wrapped_line_is_joined_with_the_next_when_only_the_join_has_an_entry() -> None:
    tr = Translator("ru", "kk")
    cell = "Лидерство и навыки\nпринятия решений\nСовсем неизвестное"
    lines = tr.lines(cell, "row 1").split("\n")
    assert lines[0] == "Көшбасшылық және шешім қабылдау дағдылары"
    assert len(lines) == 2 and is_marked(lines[1])
    assert tr.counts == (1, 2)


def _docx(body: str) -> bytes:
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f'{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def _xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml").decode()


def test_mark_document_sets_italics_and_adds_the_legend_before_the_section() -> None:
    body = (
        "<w:p><w:r><w:t>Переведено</w:t></w:r></w:p>"
        f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{mark("Аударылмаған")}</w:t></w:r>'
        f"<w:r><w:t>{mark('Екінші')}</w:t></w:r></w:p>"
    )
    xml = _xml(mark_document(_docx(body), "ru"))
    assert xml.count("<w:i/>") == 3  # two marked runs and the legend
    assert "<w:r><w:t>Переведено</w:t></w:r>" in xml  # a translated run is untouched
    legend = xml.index(f"{MARK} отмечен текст без перевода")
    assert legend < xml.index("<w:sectPr") and xml.count(MARK) == 3


def test_mark_document_leaves_a_document_without_marks_as_it_is() -> None:
    data = _docx("<w:p><w:r><w:t>Всё переведено</w:t></w:r></w:p>")
    assert mark_document(data, "kk") == data
