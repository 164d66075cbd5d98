"""docgen.reading on .docx inputs: document order, tables, revisions, XXE/billion laughs, bombs."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.enum.text import WD_BREAK

from docgen.errors import InputError, UnsafeInputError
from docgen.reading import read_source

from .zipkit import W_NS, Member, body_xml, build_zip, docx_with_document_xml


def _refuse(path: Path, cls: type[InputError] = InputError) -> InputError:
    t0 = time.perf_counter()
    with pytest.raises(cls) as ei:
        read_source(path)
    assert time.perf_counter() - t0 < 2.0
    assert str(path) in str(ei.value)
    return ei.value


def test_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Приложение 1 к Методике")
    p = d.add_paragraph("1.")
    run = p.add_run()
    run.add_tab()
    run.add_text("Бағалау")
    run.add_break(WD_BREAK.LINE)
    run.add_text("жыл сайын")
    d.add_paragraph("")
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).text = "№"
    t.cell(0, 1).text = "Показатель"
    t.cell(0, 2).text = "Балл"
    t.cell(1, 0).text = "1"
    c = t.cell(1, 1)
    c.text = "первая строка"
    c.add_paragraph("вторая строка")
    inner = t.cell(1, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "x"
    inner.cell(0, 1).text = "y"
    d.add_paragraph("Соңғы абзац")
    path = tmp_path / "form.docx"
    d.save(str(path))
    src = read_source(path)
    assert src.fmt == "docx" and src.path == str(path)
    assert src.raw == (
        "Приложение 1 к Методике\n"
        "1.\tБағалау\nжыл сайын\n"
        "\n"
        "№\tПоказатель\tБалл\n"
        "1\tпервая строка вторая строка\tx y\n"
        "Соңғы абзац\n"
    )


def test_revisions_sdt_and_special_runs(tmp_path: Path) -> None:
    inner = (
        "<w:p><w:r><w:t>Балл </w:t></w:r>"
        "<w:del><w:r><w:delText>пять</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>шесть</w:t></w:r></w:ins>"
        '<w:r><w:noBreakHyphen/><w:t xml:space="preserve"> бір </w:t><w:sym w:font="Symbol" w:char="F0B7"/>'
        "<w:cr/><w:t>жаңа</w:t></w:r></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        "<w:sdt><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>из элемента управления</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:del><w:p><w:r><w:delText>удалённый абзац</w:delText></w:r></w:p></w:del>"
        "<w:p><w:hyperlink><w:r><w:t>сілтеме</w:t></w:r></w:hyperlink></w:p>"
        "<w:sectPr/>"
    )
    path = docx_with_document_xml(tmp_path / "rev.docx", body_xml(inner))
    assert read_source(path).raw == "Балл шесть- бір \nжаңа\n7\nиз элемента управления\nсілтеме\n"


XXE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
    b"</w:body></w:document>"
)
LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']>\n<w:document xmlns:w="'
    + W_NS.encode()
    + b'"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
)


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["xxe", "billion_laughs"])
def test_dtd_and_entities_refused(tmp_path: Path, xml: bytes) -> None:
    err = _refuse(docx_with_document_xml(tmp_path / "evil.docx", xml), UnsafeInputError)
    assert err.where == "word/document.xml"
    assert "root:" not in str(err)


def test_utf16_document_xml_with_doctype_refused(tmp_path: Path) -> None:
    xml = XXE.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    _refuse(docx_with_document_xml(tmp_path / "evil16.docx", xml), UnsafeInputError)


def test_utf16_document_xml_without_doctype_reads(tmp_path: Path) -> None:
    xml = body_xml("<w:p><w:r><w:t>Әдістеме</w:t></w:r></w:p>").decode()
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    assert (
        read_source(docx_with_document_xml(tmp_path / "u16.docx", xml.encode("utf-16"))).raw == "Әдістеме\n"
    )


def test_docx_bomb_and_evil_names(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * 30_000_000 + b"</w:document>")
    assert "ratio" in _refuse(bomb, UnsafeInputError).message
    declared = build_zip(
        tmp_path / "declared.docx", [Member(b"word/document.xml", body_xml(""), declared_size=10 * 2**30)]
    )
    _refuse(declared, UnsafeInputError)
    evil = build_zip(
        tmp_path / "evil.docx", [Member(b"word/document.xml", body_xml("")), Member(b"../evil.xml", b"<x/>")]
    )
    assert _refuse(evil, UnsafeInputError).where == "../evil.xml"


def test_other_inputs_refused(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["a"])
    xlsx = tmp_path / "sheet.xlsx"
    wb.save(xlsx)
    assert "Excel" in _refuse(xlsx).message
    plain = build_zip(tmp_path / "data.zip", [Member(b"readme.txt", b"hello")])
    assert "not a .docx" in _refuse(plain).message
    empty = tmp_path / "empty.docx"
    docx.Document().save(str(empty))
    assert "no text" in _refuse(empty).message
    broken = docx_with_document_xml(tmp_path / "broken.docx", b"<w:document><w:body>")
    assert "malformed" in _refuse(broken).message
    not_word = docx_with_document_xml(tmp_path / "notword.docx", b"<html/>")
    assert "WordprocessingML" in _refuse(not_word).message


def test_docx_content_wins_over_extension(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Мазмұны")
    path = tmp_path / "named_as.txt"
    d.save(str(path))
    src = read_source(path)
    assert (src.fmt, src.raw) == ("docx", "Мазмұны\n")
