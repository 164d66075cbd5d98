"""``docgen --help`` and every command's ``--help`` are Russian and Kazakh (texts: docgen/data/help.yaml).

Every command, argument and option has an entry in both languages (a new option without one fails
here), no entry names something that is gone, and the help printed contains no English prose: option
names, the values an option takes, format and file names are all that stays Latin.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from typing import Any

import click
import pytest
from click.testing import CliRunner

from docgen.cli import cli, main
from docgen.cli_help import (
    command_entry,
    english_metavar,
    help_data,
    localized,
    metavar,
    option_key,
    param_entry,
)
from docgen.commands import COMMANDS, load_command
from tests.test_error_messages import english_words

_KK_ONLY = re.compile(r"[ӘәІіҢңҒғҮүҰұҚқӨөҺһ]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _ctx(cmd: click.Command, key: str) -> click.Context:
    """A context like docgen's own (click caches a command's help option with the first context's
    names, so a bare Context here would take ``-h`` away from the shared command objects)."""
    return click.Context(
        cmd, info_name=key.rsplit(" ", 1)[-1] or "docgen", help_option_names=["-h", "--help"]
    )


def _commands() -> list[tuple[str, click.Command]]:
    """("", docgen), ("fill", fill), ..., ("protocol calibration", ...): every command a user can call."""
    out: list[tuple[str, click.Command]] = [("", cli)]
    for name in sorted(COMMANDS):
        cmd = load_command(name)
        assert cmd is not None, name
        out.append((name, cmd))
        if isinstance(cmd, click.Group):
            ctx = _ctx(cmd, name)
            for sub in cmd.list_commands(ctx):
                sub_cmd = cmd.get_command(ctx, sub)
                assert sub_cmd is not None
                out.append((f"{name} {sub}", sub_cmd))
    return out


COMMAND_KEYS = [key for key, _ in _commands()]


def _ru_kk(text: Any, where: str) -> list[str]:
    """Problems of one {ru, kk} text pair."""
    if not isinstance(text, dict) or not text.get("ru") or not text.get("kk"):
        return [f"{where}: no ru + kk text"]
    ru, kk = str(text["ru"]), str(text["kk"])
    problems = []
    if not _CYRILLIC.search(ru) or _KK_ONLY.search(ru):
        problems.append(f"{where}: ru is not Russian: {ru!r}")
    if not _CYRILLIC.search(kk):
        problems.append(f"{where}: kk is not Kazakh: {kk!r}")
    return problems


def missing_entries(key: str, cmd: click.Command) -> list[str]:
    """What command ``key`` lacks in help.yaml: its description, an argument's or an option's text,
    an argument's metavar, an option's metavar word in ru/kk."""
    ctx = _ctx(cmd, key)
    entry = command_entry(key)
    if entry is None:
        return [f"{key!r}: no entry"]
    problems = _ru_kk(entry.get("long"), f"{key!r} long")
    if key:
        problems += _ru_kk(entry.get("short"), f"{key!r} short")
    for p in cmd.get_params(ctx):
        where = f"{key!r} {option_key(p)}"
        e = param_entry(key, p)
        problems += _ru_kk(e, where)
        if isinstance(p, click.Argument):
            problems += _ru_kk((e or {}).get("metavar"), f"{where} metavar")
        elif isinstance(p, click.Option) and not p.is_flag:
            for lang in ("ru", "kk"):
                word = metavar(p, ctx, key, lang)
                if not (_CYRILLIC.search(word) or (word.startswith("[") and "|" in word)):
                    problems.append(f"{where}: metavar {english_metavar(p, ctx)!r} has no {lang} word")
    return problems


def test_every_command_argument_and_option_has_russian_and_kazakh_text() -> None:
    problems = [p for key, cmd in _commands() for p in missing_entries(key, cmd)]
    assert problems == []
    assert len(COMMAND_KEYS) >= 16


def test_a_new_option_without_an_entry_fails() -> None:
    fill = load_command("fill")
    assert fill is not None
    extra = click.Option(["--brand-new"], help="Not in help.yaml.")
    grown = click.Command("fill", params=[*fill.params, extra], help=fill.help)
    assert any("--brand-new" in p for p in missing_entries("fill", grown))
    assert missing_entries("no-such-command", grown) == ["'no-such-command': no entry"]


def test_no_entry_names_something_that_is_gone() -> None:
    commands = dict(_commands())
    data = help_data()
    assert set(data["commands"]) == set(commands)
    used_common = set()
    for key, entry in data["commands"].items():
        cmd = commands[key]
        ctx = _ctx(cmd, key)
        params = cmd.get_params(ctx)
        args = {option_key(p) for p in params if isinstance(p, click.Argument)}
        opts = {option_key(p) for p in params if isinstance(p, click.Option)}
        assert set(entry.get("arguments") or {}) == args, key
        assert set(entry.get("options") or {}) <= opts, (key, set(entry.get("options") or {}) - opts)
        assert set(entry) <= {"short", "long", "arguments", "options"}, key
        used_common |= opts - set(entry.get("options") or {})
    assert set(data["common"]) <= used_common
    for name, word in data["words"].items():
        if name != "metavars":
            assert _ru_kk(word, name) == []
    for name, word in data["words"]["metavars"].items():
        assert set(word) == {"ru", "kk"} and all(_CYRILLIC.search(w) for w in word.values()), name


def _literals(key: str) -> set[str]:
    """Latin words the help of ``key`` may show: the values its options take, its subcommands' names."""
    cmd = dict(_commands())[key]
    ctx = _ctx(cmd, key)
    out = {"docgen", *re.findall(r"[A-Za-z]+", key)}
    for p in cmd.get_params(ctx):
        if isinstance(p.type, click.Choice):
            out |= {str(c) for c in p.type.choices}
        if isinstance(p.default, str):
            out |= set(re.findall(r"[A-Za-z]+", p.default))
    if isinstance(cmd, click.Group):
        out |= {w for name in cmd.list_commands(ctx) for w in re.findall(r"[A-Za-z]+", name)}
    return out


def help_english(text: str, key: str) -> list[str]:
    """English words of a help text, after what stays Latin is set aside: the program's and the
    commands' names, option values, file names (index.json, .xlsx), model editions (E4),
    ``DOCGEN_LANG=kk`` and "API"."""
    bare = re.sub(r"DOCGEN_LANG=\w+", " ", text)
    bare = re.sub(r"[\w<>.-]*\.[a-z]{2,5}\b", " ", bare)  # file names and extensions
    bare = re.sub(r"\bE\d\b", " ", bare)
    allowed = _literals(key) | {"API"}
    return [w for w in english_words(bare) if w not in allowed]


@pytest.mark.parametrize("key", COMMAND_KEYS)
def test_help_of_every_command_is_russian_then_kazakh(key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCGEN_LANG", raising=False)
    res = CliRunner().invoke(cli, [*key.split(), "--help"], prog_name="docgen")
    assert res.exit_code == 0, res.output
    out = res.output
    assert out.count("Использование: docgen") == 1 and out.count("Қолданылуы: docgen") == 1
    ru, _, kk = out.partition("Қолданылуы:")
    assert "Параметры:" in ru and "Параметрлер:" in kk and "-h, --help" in kk
    assert not _KK_ONLY.search(ru), ru
    assert help_english(out, key) == [], out
    # every option of the command is listed in both blocks
    cmd = dict(_commands())[key]
    for p in cmd.get_params(_ctx(cmd, key)):
        if isinstance(p, click.Option):
            assert option_key(p) in ru and option_key(p) in kk, option_key(p)


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("key", ["", "fill", "protocol calibration"])
def test_docgen_lang_shows_one_language(key: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_LANG", lang)
    res = CliRunner().invoke(cli, [*key.split(), "-h"], prog_name="docgen")
    assert res.exit_code == 0
    assert ("Использование:" in res.output) == (lang == "ru")
    assert ("Қолданылуы:" in res.output) == (lang == "kk")


def test_the_top_level_help_lists_every_command_with_its_line() -> None:
    res = CliRunner().invoke(cli, ["--help"], prog_name="docgen", env={"DOCGEN_LANG": "ru"})
    assert res.exit_code == 0
    for name in COMMANDS:
        short = help_data()["commands"][name]["short"]["ru"]
        assert re.search(rf"^  {re.escape(name)}\s+{re.escape(short.split()[0])}", res.output, re.M), name
    assert "DOCGEN_LANG=kk" in res.output


def test_version_still_works() -> None:
    res = CliRunner().invoke(cli, ["--version"], prog_name="docgen")
    assert res.exit_code == 0 and res.output.strip() == f"docgen {version('docgen')}"


def test_a_group_without_its_subcommand_prints_its_help_and_exits_2() -> None:
    res = CliRunner().invoke(cli, ["protocol"], prog_name="docgen", env={"DOCGEN_LANG": "kk"})
    assert res.exit_code == 2
    assert "Қолданылуы: docgen protocol" in res.output and "calibration" in res.output
    assert "ошибка" not in res.output and help_english(res.output, "protocol") == []


def test_an_unknown_top_level_option_is_one_russian_and_kazakh_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--bogus"])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["docgen: ошибка / қате: нет параметра --bogus; --bogus параметрі жоқ (docgen -h)"]


def test_localized_copy_leaves_the_module_command_alone() -> None:
    fill = load_command("fill")
    assert fill is not None
    copy = localized(fill, "fill")
    assert copy is not fill and type(fill) is click.Command and isinstance(copy, click.Command)
    assert fill.get_help(_ctx(fill, "fill")).startswith("Usage:")


def test_dash_h_works_after_a_command_ran_outside_docgen_context() -> None:
    # run-corpus calls a command's main() directly: click then caches a help option without "-h"
    parse = load_command("parse")
    assert parse is not None
    try:
        parse.main(["--help"], prog_name="docgen parse", standalone_mode=False)
        res = CliRunner().invoke(cli, ["parse", "-h"], prog_name="docgen")
        assert res.exit_code == 0 and "-h, --help" in res.output
    finally:
        parse._help_option = None


@pytest.mark.parametrize(
    ("args", "ru", "kk"),
    [
        (["fill"], "не указан аргумент «ФАЙЛ»", "«ФАЙЛ» аргументі көрсетілмеген"),
        (["diff", "old.txt"], "не указан аргумент «НОВЫЙ»", "«ЖАҢА» аргументі көрсетілмеген"),
        (["parse"], "не указан аргумент «ФАЙЛ...»", "«ФАЙЛ...» аргументі көрсетілмеген"),
        (["catalogue", "build"], "не указан аргумент «КОРПУС»", "«КОРПУС» аргументі көрсетілмеген"),
    ],
)
def test_a_missing_argument_is_named_by_its_help_word(args: list[str], ru: str, kk: str) -> None:
    res = CliRunner().invoke(cli, args, prog_name="docgen")
    assert res.exit_code == 2
    assert (
        res.output.strip()
        == f"docgen: ошибка / қате: {ru}; {kk} (docgen {' '.join(args[:2] if args[0] == 'catalogue' else args[:1])} -h)"
    )
