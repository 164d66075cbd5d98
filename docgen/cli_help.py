"""``docgen --help`` and every command's ``--help`` in Russian and Kazakh (texts: ``docgen/data/help.yaml``).

The commands' decorators keep their English ``help=`` strings (for the code's readers); what the user
reads is written here from ``help.yaml``: the headings, the usage line with Russian/Kazakh metavar
words, the description, the arguments and the options (with "по умолчанию / әдепкі" and ranges). The
Russian block comes first, then the Kazakh block; ``DOCGEN_LANG=ru`` or ``DOCGEN_LANG=kk`` shows one.

:func:`localized` wraps a command that ``docgen.cli.LazyGroup`` hands to click (a shallow copy, so the
module's own command object, which ``run-corpus`` also calls, is untouched); subcommands of a group are
wrapped when the group resolves them. The top-level help reads only ``help.yaml`` (no command module).
"""

from __future__ import annotations

import copy
import functools
import os
import re
from pathlib import Path
from typing import Any

import click
from click.formatting import join_options

LANGS = ("ru", "kk")
ENV_LANG = "DOCGEN_LANG"
_DATA = Path(__file__).parent / "data" / "help.yaml"
_KEY_ATTR = "_docgen_help_key"


@functools.lru_cache(maxsize=1)
def help_data() -> dict[str, Any]:
    """``docgen/data/help.yaml``: ``words`` (headings, metavars), ``common`` and ``commands`` entries."""
    import yaml

    data: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return data


def help_langs() -> tuple[str, ...]:
    """Languages of the help: both (ru, then kk), or the one ``DOCGEN_LANG`` names."""
    lang = os.environ.get(ENV_LANG, "").strip().lower()
    return (lang,) if lang in LANGS else LANGS


def option_key(param: click.Parameter) -> str:
    """How ``help.yaml`` names a parameter: an argument by its name, an option by its long form."""
    if isinstance(param, click.Argument):
        return param.name or ""
    longs = [o for o in param.opts if o.startswith("--")]
    return longs[0] if longs else param.opts[0]


def command_entry(key: str) -> dict[str, Any] | None:
    """The entry of command ``key`` ("" is ``docgen`` itself, "protocol calibration" a subcommand)."""
    entry: dict[str, Any] | None = help_data()["commands"].get(key)
    return entry


def param_entry(key: str, param: click.Parameter) -> dict[str, Any] | None:
    """The entry of one parameter of command ``key``: its own, else the shared one in ``common``."""
    cmd = command_entry(key) or {}
    name = option_key(param)
    if isinstance(param, click.Argument):
        found: dict[str, Any] | None = (cmd.get("arguments") or {}).get(name)
        return found
    found = (cmd.get("options") or {}).get(name) or help_data()["common"].get(name)
    return found


def _word(name: str, lang: str) -> str:
    text: str = help_data()["words"][name][lang]
    return text


def _text(entry: dict[str, Any] | None, lang: str, fallback: str | None) -> str:
    if entry and entry.get(lang):
        return str(entry[lang]).strip()
    return (fallback or "").strip()


def english_metavar(param: click.Parameter, ctx: click.Context) -> str:
    """The metavar click would print (``FILE``, ``DIRECTORY``, ``TEXT``, ``[kk|ru]``...), without "..."."""
    mv = param.make_metavar(ctx)
    return mv[:-3] if mv.endswith("...") else mv


def metavar(param: click.Parameter, ctx: click.Context, key: str, lang: str) -> str:
    """The metavar in ``lang``: the parameter's own (``metavar:`` of its entry), else click's word
    translated by ``words.metavars``; a choice list (``[kk|ru|both]``) stays as typed."""
    entry = param_entry(key, param) or {}
    own = (entry.get("metavar") or {}).get(lang)
    if own:
        return str(own)
    english = english_metavar(param, ctx)
    table = help_data()["words"]["metavars"]
    return str(table[english][lang]) if english in table else english


def _arg_usage(arg: click.Argument, ctx: click.Context, key: str, lang: str) -> str:
    text = metavar(arg, ctx, key, lang)
    if arg.nargs != 1:
        text += "..."
    return text if arg.required else f"[{text}]"


def _number(value: float) -> str:
    return f"{value:g}"


def _extra(opt: click.Option, ctx: click.Context, lang: str) -> str:
    """ "[по умолчанию: final]", "[1–65535]", "[обязательный]" in ``lang``."""
    extra = opt.get_help_extra(ctx)
    items = []
    if "default" in extra:
        value = extra["default"]
        if opt.is_bool_flag and opt.secondary_opts:
            value = join_options(opt.opts if opt.default else opt.secondary_opts)[0]
        elif isinstance(opt.default, float):
            value = _number(opt.default)
        items.append(f"{_word('default', lang)}: {value}")
    if "range" in extra and isinstance(opt.type, click.types._NumberRangeBase):
        low, high = opt.type.min, opt.type.max
        if low is not None and high is not None:
            items.append(f"{_number(low)}–{_number(high)}")
        elif low is not None:
            items.append(f"≥ {_number(low)}")
        elif high is not None:
            items.append(f"≤ {_number(high)}")
    if "required" in extra:
        items.append(_word("required", lang))
    return f"[{'; '.join(items)}]" if items else ""


def _option_row(opt: click.Option, ctx: click.Context, key: str, lang: str) -> tuple[str, str]:
    spec = join_options(opt.opts)[0]
    if opt.secondary_opts:
        spec += " / " + join_options(opt.secondary_opts)[0]
    if not opt.is_flag and not opt.count:
        spec += " " + metavar(opt, ctx, key, lang)
    text = _text(param_entry(key, opt), lang, opt.help)
    extra = _extra(opt, ctx, lang)
    return spec, f"{text}  {extra}" if text and extra else text or extra


def _write_block(cmd: click.Command, ctx: click.Context, f: click.HelpFormatter, key: str, lang: str) -> None:
    entry = command_entry(key)
    params = cmd.get_params(ctx)
    args = [p for p in params if isinstance(p, click.Argument)]
    pieces = [f"[{_word('OPTIONS', lang)}]"] + [_arg_usage(a, ctx, key, lang) for a in args]
    if isinstance(cmd, click.Group):
        pieces += [_word("COMMAND", lang), f"[{_word('ARGS', lang)}]..."]
    f.write_usage(ctx.command_path, " ".join(pieces), prefix=f"{_word('usage', lang)}: ")

    text = _text((entry or {}).get("long"), lang, cmd.help)
    if text:
        f.write_paragraph()
        with f.indentation():
            f.write_text(text)
    if args:
        rows = [(metavar(a, ctx, key, lang), _text(param_entry(key, a), lang, None)) for a in args]
        with f.section(_word("arguments", lang)):
            f.write_dl(rows)
    opts = [_option_row(p, ctx, key, lang) for p in params if isinstance(p, click.Option) and not p.hidden]
    if opts:
        with f.section(_word("options", lang)):
            f.write_dl(opts)
    if isinstance(cmd, click.Group):
        prefix = f"{key} " if key else ""
        rows = []
        for name in cmd.list_commands(ctx):
            sub = command_entry(prefix + name)
            rows.append((name, _text((sub or {}).get("short"), lang, None)))
        if rows:
            with f.section(_word("commands", lang)):
                f.write_dl(rows)


def write_help(cmd: click.Command, ctx: click.Context, formatter: click.HelpFormatter, key: str) -> None:
    """The whole help of command ``key`` into ``formatter``: one block per language of :func:`help_langs`."""
    blocks = []
    for lang in help_langs():
        f = ctx.make_formatter()
        _write_block(cmd, ctx, f, key, lang)
        blocks.append(f.getvalue().rstrip("\n"))
    formatter.write("\n\n".join(blocks) + "\n")


def short_help(key: str) -> str:
    """One-line description of command ``key`` in the help languages ("ru / kk" for both)."""
    entry = command_entry(key) or {}
    return " / ".join(_text(entry.get("short"), lang, key) for lang in help_langs())


def name_argument(text: str, exc: click.UsageError) -> str:
    """A usage error about an argument, rendered "ru; kk", names it by its help word in each half:
    «PATH» becomes «ФАЙЛ», «NEW» «НОВЫЙ» / «ЖАҢА»."""
    param, ctx = getattr(exc, "param", None), exc.ctx
    key = getattr(ctx.command, _KEY_ATTR, None) if ctx is not None else None
    halves = text.split("; ")
    if not isinstance(param, click.Argument) or ctx is None or key is None or len(halves) != len(LANGS):
        return text
    english = param.make_metavar(ctx)
    dots = "..." if english.endswith("...") else ""
    word = re.compile(rf"(?<!\w){re.escape(english)}(?!\w)")
    out = []
    for half, lang in zip(halves, LANGS, strict=True):
        named = metavar(param, ctx, key, lang) + dots
        out.append(word.sub(named.replace("\\", "\\\\"), half))
    return "; ".join(out)


def localized(cmd: click.Command, key: str) -> click.Command:
    """A shallow copy of ``cmd`` whose help is written from ``help.yaml`` entry ``key``.

    The copy forgets click's cached help option: click keeps the option built with the first
    context's names, so a command once run without docgen's ``-h`` (``run-corpus`` calls the
    commands' ``main`` directly) would otherwise answer only ``--help``."""
    out = copy.copy(cmd)
    out.__class__ = _localized_class(type(cmd))
    out._help_option = None
    setattr(out, _KEY_ATTR, key)
    return out


_CLASSES: dict[type[click.Command], type[click.Command]] = {}


def _localized_class(base: type[click.Command]) -> type[click.Command]:
    if base not in _CLASSES:
        _CLASSES[base] = _make_localized_class(base)
    return _CLASSES[base]


def _make_localized_class(base: type[click.Command]) -> type[click.Command]:
    def format_help(self: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        write_help(self, ctx, formatter, getattr(self, _KEY_ATTR))

    namespace: dict[str, Any] = {"format_help": format_help, "__module__": __name__}
    if issubclass(base, click.Group):
        group_base: type[click.Group] = base

        def get_command(self: click.Group, ctx: click.Context, cmd_name: str) -> click.Command | None:
            sub = group_base.get_command(self, ctx, cmd_name)
            return None if sub is None else localized(sub, f"{getattr(self, _KEY_ATTR)} {cmd_name}")

        namespace["get_command"] = get_command
    return type(f"Localized{base.__name__}", (base,), namespace)
