"""docgen.reading on HTML pages saved from the legal database."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from docgen.errors import InputError, UnsafeInputError
from docgen.reading import read_source

PAGE = """<!DOCTYPE html>
<html lang="kk"><head><meta charset="utf-8"><title>Заголовок вкладки</title>
<script>var leak = "скрипт";</script><style>p { color: red }</style></head>
<body>
  <!-- комментарий -->
  <div class="container">
    <h1>Әдістемені   бекіту
      туралы</h1>
    <p>1. Бағалау&nbsp;жыл сайын &laquo;Б&raquo; корпусы &amp; т.б.<br>екінші жол</p>
    <div><span>Қосымша</span> <b>1</b></div>
    <table>
      <thead><tr><th>№</th><th>Көрсеткіш</th></tr></thead>
      <tbody>
        <tr><td>1</td><td><p>бірінші</p><p>екінші</p></td></tr>
        <tr><td>2</td><td><table><tr><td>a</td><td>b</td></tr></table></td></tr>
      </tbody>
    </table>
    <ul><li>бір</li><li>екі</li></ul>
    <p>   </p>
    Соңы
  </div>
  <script>document.write("x")</script>
</body></html>
"""
EXPECTED = (
    "Әдістемені бекіту туралы\n"
    "1. Бағалау\u00a0жыл сайын «Б» корпусы & т.б.\n"
    "екінші жол\n"
    "Қосымша 1\n"
    "№\tКөрсеткіш\n"
    "1\tбірінші екінші\n"
    "2\ta b\n"
    "бір\n"
    "екі\n"
    "Соңы\n"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_legal_database_page(tmp_path: Path) -> None:
    src = read_source(_write(tmp_path, "act.html", PAGE.encode("utf-8")))
    assert (src.fmt, src.encoding) == ("html", "utf-8")
    assert src.raw == EXPECTED


def test_html_sniffed_from_content_and_htm(tmp_path: Path) -> None:
    assert read_source(_write(tmp_path, "saved.txt", PAGE.encode())).raw == EXPECTED
    assert read_source(_write(tmp_path, "saved.htm", b"\xef\xbb\xbf" + PAGE.encode())).raw == EXPECTED


def test_cp1251_page_with_meta_charset(tmp_path: Path) -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>'
    page += "<body><p>Методика оценки</p><p>Приложение 2</p></body></html>"
    src = read_source(_write(tmp_path, "ru.html", page.encode("cp1251")))
    assert (src.raw, src.encoding) == ("Методика оценки\nПриложение 2\n", "cp1251")


def test_xhtml_with_public_doctype(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Тармақ 5</p></body></html>'
    )
    assert read_source(_write(tmp_path, "x.xhtml", page.encode())).raw == "Тармақ 5\n"


@pytest.mark.parametrize(
    "page",
    [
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>&xxe;</p></body></html>',
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><html><body>&b;</body></html>',
        "<!DOCTYPE html [ ]><html><body><p>x</p></body></html>",
    ],
)
def test_dtd_subset_refused(tmp_path: Path, page: str) -> None:
    p = _write(tmp_path, "evil.html", page.encode())
    t0 = time.perf_counter()
    with pytest.raises(UnsafeInputError) as ei:
        read_source(p)
    assert time.perf_counter() - t0 < 2.0
    assert str(p) in str(ei.value) and "root:" not in str(ei.value)


def test_page_without_text_refused(tmp_path: Path) -> None:
    p = _write(
        tmp_path, "blank.html", b"<html><head><title>t</title></head><body><script>x()</script></body></html>"
    )
    with pytest.raises(InputError) as ei:
        read_source(p)
    assert str(p) in str(ei.value) and "нет текста" in str(ei.value)
