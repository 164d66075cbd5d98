"""Every one-line error the user reads is Russian and Kazakh (docgen/data/errors.yaml, DocgenError.one_line)."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen import reading
from docgen.cli import cli
from docgen.errors import InputError, message_table, render_entry, user_text
from tests.check.test_messages import clean_sentence_problems

# Latin words a Russian/Kazakh sentence may carry: format and program names, not English prose
_ALLOWED_LATIN = {
    "UTF", "XML", "HTML", "DTD", "XXE", "NUL", "Word", "JSON", "YAML", "PDF", "PNG", "JPEG", "GIF", "TIFF",
    "WebP", "MS", "Office", "RTF", "RAR", "Zip", "ELF", "Excel", "PowerPoint", "OpenDocument", "LibreOffice",
    "doc", "docx", "xls", "xlsx", "pptx", "odt", "ods", "json", "yaml", "zip", "gzip", "cp", "windows", "le",
    "utf", "be", "ENTITY", "U",
    "E",  # model editions E0, E1, E4: the names --model takes and every check report uses
}  # fmt: skip
_OPTION = re.compile(r"(?<!\w)--?[a-z][a-z-]*")


def english_words(text: str) -> list[str]:
    """Latin words of a sentence that are neither quoted («…»), an option (--force) nor a format name."""
    bare = re.sub(r"«[^»]*»", "«»", text)
    bare = _OPTION.sub(" ", bare)
    return [w for w in re.findall(r"[A-Za-z]+", bare) if w not in _ALLOWED_LATIN]


def test_every_entry_renders_clean_russian_and_kazakh() -> None:
    table = message_table()
    assert len(table) >= 70
    for rx, entry in table:
        assert set(entry) <= {"en", "example", "ru", "kk", "values"}, entry["en"]
        m = rx.fullmatch(entry["example"])
        assert m, entry["en"]
        for lang in ("ru", "kk"):
            fields = {f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f}
            assert fields <= set(rx.groupindex), (entry["en"], lang, fields)
        # sample fields (a field's English free text, e.g. an OS reason, is the caller's, not the table's);
        # every translated value of a field renders clean too
        sample: dict[str, str | None] = {name: "7" for name in rx.groupindex}
        variants = [sample]
        for name, values in (entry.get("values") or {}).items():
            variants += [{**sample, name: v} for v in values]
            for v, tr in values.items():
                assert set(tr) == {"ru", "kk"}, v
        for groups in variants:
            fake = _FakeMatch(groups)
            line = render_entry(entry, fake)  # type: ignore[arg-type]
            ru, _, kk = line.partition("; ")
            assert ru and kk, line
            assert clean_sentence_problems(line) == [], line
            assert english_words(line) == [], (entry["en"], line)
            assert ru != kk and re.search(r"[а-яё]", kk) and not re.search(r"[әіңғүұқөһ]", ru), line


class _FakeMatch:
    def __init__(self, groups: dict[str, str | None]) -> None:
        self._groups = groups

    def groupdict(self) -> dict[str, str | None]:
        return self._groups


def test_every_example_is_reached_by_its_own_entry() -> None:
    """An earlier, broader pattern must not swallow a later entry's message."""
    table = message_table()
    for _rx, entry in table:
        first = next(e for r, e in table if r.fullmatch(entry["example"]))
        assert first is entry, (entry["en"], first["en"])


def test_kazakh_or_russian_messages_pass_unchanged_and_unknown_english_stays() -> None:
    kk_ru = "язык текста не определён; мәтіннің тілі анықталмады"
    assert user_text(kk_ru) == kk_ru
    assert user_text("something new") == "something new"
    err = InputError("file is empty", path="a/b.txt", where="3")
    assert err.one_line() == "a/b.txt:3: файл пуст; файл бос"
    assert err.message == "file is empty"


def _run(args: list[str]) -> tuple[int, str]:
    res = CliRunner().invoke(cli, args)
    return res.exit_code, res.output


@pytest.mark.parametrize(
    ("name", "data", "ru", "kk"),
    [
        ("missing.txt", None, "нет такого файла", "мұндай файл жоқ"),
        ("empty.txt", b"", "файл пуст", "файл бос"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "изображение PNG", "PNG суреті"),
        ("binary.txt", b"\x00\x01\x02\x03" * 64, "двоичные данные", "екілік деректер"),
    ],
)
def test_bad_inputs_through_the_cli_read_russian_and_kazakh(
    tmp_path: Path, name: str, data: bytes | None, ru: str, kk: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    code, out = _run(["parse", str(path)])
    assert code == 2
    line = out.strip()
    assert line.count("\n") == 0, out
    assert line.startswith("docgen: ошибка / қате: ")
    assert str(path) in line
    assert ru in line and kk in line, line
    assert english_words(line.split(str(path), 1)[1]) == [], line


def test_oversize_input_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Жалпы ережелер\n" * 20, encoding="utf-8")
    monkeypatch.setattr(reading, "MAX_INPUT_BYTES", 100)
    code, out = _run(["parse", str(path)])
    assert code == 2
    tail = out.strip().split(str(path), 1)[1]
    assert "байт" in tail and "100" in tail, out
    assert english_words(tail) == [], out


@pytest.mark.parametrize(
    ("args", "ru", "kk"),
    [
        (["parse"], "не указан аргумент «ФАЙЛ...»", "«ФАЙЛ...» аргументі көрсетілмеген"),
        (["parse", "--bogus", "x"], "нет параметра --bogus", "--bogus параметрі жоқ"),
        (["check", "--format", "pdf", "x"], "недопустимое значение «pdf»", "«pdf» мәні жарамсыз"),
        (["no-such-command"], "нет команды «no-such-command»", "«no-such-command» командасы жоқ"),
    ],
)
def test_usage_errors_of_our_commands_read_russian_and_kazakh(args: list[str], ru: str, kk: str) -> None:
    code, out = _run(args)
    assert code == 2
    line = out.strip()
    assert line.count("\n") == 0 and line.startswith("docgen: ошибка / қате: "), out
    assert ru in line and kk in line, line
    assert "Error" not in line and "Usage" not in line, line


def _user_error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """``DocgenError`` and every class that derives from it, found over the package's source."""
    names = {"DocgenError"}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _sample_message(arg: ast.expr) -> str | None:
    """The English text of a raise site, every ``{field}`` of an f-string given a sample value."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.JoinedStr):
        return "".join(_sample_field(v) for v in arg.values)
    return None


def _sample_field(part: ast.expr) -> str:
    """A plausible value for one part of an f-string: ``{x!r}`` is quoted, ``{sorted(...)}`` a list."""
    if isinstance(part, ast.Constant):
        return str(part.value)
    assert isinstance(part, ast.FormattedValue)
    if isinstance(part.value, ast.Call) and getattr(part.value.func, "id", "") in {"sorted", "list"}:
        return "['7', '8']"
    if part.format_spec is not None:
        return "0007"
    return "'7'" if part.conversion == ord("r") else "7"


def test_every_user_error_raised_in_the_package_reads_russian_and_kazakh() -> None:
    """Every ``raise SomeDocgenError("English …")`` in docgen/ is known to the message table, so the
    user reads Russian and Kazakh; a new English message without a table entry fails here."""
    root = Path(__file__).resolve().parents[1] / "docgen"
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(root.rglob("*.py"))}
    classes = _user_error_classes(trees)
    untranslated = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
                continue
            func = node.exc.func
            if getattr(func, "id", getattr(func, "attr", None)) not in classes:
                continue
            text = _sample_message(node.exc.args[0])
            if text is None or re.search(r"[\u0400-\u04ff]", text):
                continue
            line = user_text(text)
            if english_words(line) or not re.search(r"[\u0400-\u04ff]", line):
                untranslated.append(f"{path.relative_to(root.parent)}:{node.lineno}: {text}")
    assert untranslated == [], "\n".join(untranslated)


def test_an_operating_system_reason_inside_a_message_is_read_in_both_languages():
    import errno
    import os

    from docgen.errors import file_system_error, user_text

    for code in (errno.ENOENT, errno.EACCES, errno.EIO, errno.ELOOP):
        text = user_text(f"cannot read profile: {os.strerror(code)}")
        assert not re.search(r"[A-Za-z]", text), text
        assert "; " in text
    odd = file_system_error(OSError(errno.EIO, os.strerror(errno.EIO), "/x/y.docx"))
    assert not re.search(r"[A-Za-z]", str(odd).replace("/x/y.docx", "")), odd
