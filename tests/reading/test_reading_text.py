"""docgen.reading on plain-text inputs: exact decoding, encodings, refusals."""

from __future__ import annotations

import codecs
import glob
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from docgen.errors import InputError, UnsafeInputError
from docgen.reading import read_source

ROOT = Path(__file__).resolve().parents[2]
KK = "Қазақстан Республикасы Энергетика министрлігінің бұйрығы.\n1. Бағалау әдістемесі — «Б» корпусы\tүшін.\n"
RU = "Об утверждении методики оценки «Б» № 53.\r\n1. Оценка проводится ежегодно.\n\tПриложение 1\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _refuse(path: Path, cls: type[InputError] = InputError) -> str:
    with pytest.raises(cls) as ei:
        read_source(path)
    msg = str(ei.value)
    assert str(path) in msg and "\n" not in msg
    return msg


def test_seed_texts_read_back_identically() -> None:
    seeds = sorted(glob.glob(str(ROOT / "legal_corpus/acts/*/*.txt")))
    assert len(seeds) == 5
    for seed in seeds:
        src = read_source(seed)
        assert src.raw == Path(seed).read_text("utf-8")
        assert src.raw.encode("utf-8") == Path(seed).read_bytes()
        assert (src.fmt, src.encoding, src.path) == ("txt", "utf-8", seed)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (KK.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + KK.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + KK.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + KK.encode("utf-16-be"), "utf-16-be"),
        (KK.encode("utf-16-le"), "utf-16-le"),
        (KK.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_kazakh_encodings_exact(tmp_path: Path, data: bytes, encoding: str) -> None:
    src = read_source(_write(tmp_path, "kk.txt", data))
    assert src.raw == KK
    assert src.encoding == encoding and src.fmt == "txt"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (RU.encode("cp1251"), "cp1251"),
        (RU.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + RU.encode("utf-16-le"), "utf-16-le"),
        (RU.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_russian_encodings_keep_crlf(tmp_path: Path, data: bytes, encoding: str) -> None:
    src = read_source(_write(tmp_path, "ru.txt", data))
    assert src.raw == RU  # CRLF, tab, NBSP-free text unchanged
    assert src.encoding == encoding


def test_kazakh_utf8_never_cp1251(tmp_path: Path) -> None:
    text = "ӘІҢҒҮҰҚӨҺ әіңғүұқөһ\n" * 50
    assert read_source(_write(tmp_path, "kk2.txt", text.encode())).encoding == "utf-8"


def test_nbsp_and_bom_in_middle_kept(tmp_path: Path) -> None:
    text = "а\u00a0б\ufeffв\n"
    assert read_source(_write(tmp_path, "x.txt", codecs.BOM_UTF8 + text.encode())).raw == text


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "файл пуст"),
        (codecs.BOM_UTF8, "файл бос"),
        (b" \n\t\r\n  ", "только пробелы"),
        ("\u00a0\n".encode(), "тек бос орындар"),
        (bytes(range(256)) * 4, "двоичные данные"),
        (b"abc\x00\x01\x02\x03\xff\xfe\x00" * 10, "NUL"),
        (b"text" + b"\x01\x02\x03\x04\x05" * 20, "екілік деректер"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "старый файл MS Office"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        ("Le caf\u00e9 est d\u00e9j\u00e0 ferm\u00e9.".encode("latin-1"), "UTF-8"),
        ("Методика оценки".encode() + b"\xff" + "деятельности".encode(), "UTF-8"),
        (b'<?xml version="1.0"?><root/>', "XML"),
    ],
)
def test_refusals_name_the_file(tmp_path: Path, data: bytes, needle: str) -> None:
    msg = _refuse(_write(tmp_path, "input.txt", data))
    assert needle.lower() in msg.lower()


def test_directory_missing_and_oversize(tmp_path: Path) -> None:
    assert "это папка, а не файл" in _refuse(tmp_path)
    assert "нет такого файла; мұндай файл жоқ" in _refuse(tmp_path / "missing.txt")
    p = _write(tmp_path, "big.txt", b"a" * 100)
    with pytest.raises(UnsafeInputError) as ei:
        read_source(p, max_bytes=99)
    assert str(p) in str(ei.value)
    assert read_source(p, max_bytes=100).raw == "a" * 100


def test_docx_extension_with_text_content(tmp_path: Path) -> None:
    assert ".docx" in _refuse(_write(tmp_path, "fake.docx", KK.encode()))


# ---------------------------------------------------------------- properties
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
    | st.sampled_from("\n\r\t"),
    min_size=1,
    max_size=200,
).filter(lambda s: s.strip() != "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT, enc=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"]))
def test_any_text_round_trips(tmp_path: Path, text: str, enc: str) -> None:
    if enc.startswith("utf-16"):
        # FF FE / FE FF are also «яю»/«юя» in cp1251; a BOM followed by bytes that read as cp1251 Russian
        # is taken for cp1251. Only CJK-range text (never our inputs) can look like that.
        assume(all(ord(c) < 0x3000 for c in text))
    if enc == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    elif enc == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(enc)
    assert read_source(_write(tmp_path, "h.txt", data)).raw == text


def _two_letters(s: str) -> bool:
    """Two adjacent letters (not Ё/ё, whose cp1251 byte is a UTF-8 continuation byte) make the bytes
    invalid UTF-8, as in any real cp1251 text; "ВЁ" alone is valid UTF-8 ("¨") and reads as UTF-8.
    A text opening with «юя»/«яю» (the bytes of a UTF-16 byte-order mark) needs Russian letters after
    them to be read as cp1251 rather than as UTF-16."""
    if s.startswith(("юя", "яю")):
        return re.search(r"[а-яА-Я]{2}", s[2:]) is not None
    return re.search(r"[а-яА-Я]{2}", s) is not None


_RU_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_CP1251_TEXT = st.text(
    alphabet=_RU_LETTERS + " \n\r\t.,;:()0123456789«»№—–\u00a0", min_size=2, max_size=300
).filter(_two_letters)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_CP1251_TEXT)
def test_cp1251_russian_round_trips(tmp_path: Path, text: str) -> None:
    src = read_source(_write(tmp_path, "c.txt", text.encode("cp1251")))
    assert src.raw == text and src.encoding == "cp1251"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(["Қазақстан", "бағалау", "оценка", "№ 12", "2023", "«Б»"]), min_size=3))
def test_bomless_utf16_realistic_text(tmp_path: Path, words: list[str]) -> None:
    text = " ".join(words) + "\n"
    for enc in ("utf-16-le", "utf-16-be"):
        src = read_source(_write(tmp_path, "u.txt", text.encode(enc)))
        assert (src.raw, src.encoding) == (text, enc)
