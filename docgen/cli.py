"""Command-line edge of docgen: ``docgen parse | catalogue | forms | fill | report360 | protocol | diff | check``.

Subcommands live in ``docgen.commands.<name>`` and are imported only when invoked, so
``docgen --help`` / ``docgen -h`` start fast (the command list comes from ``COMMANDS``, the Russian and
Kazakh texts from ``docgen/data/help.yaml`` through :mod:`docgen.cli_help`; no command
module and never spaCy is imported for help). Every command exits through click: a ``DocgenError``
becomes a one-line message on stderr and ``ctx.exit(its exit code)`` in :meth:`LazyGroup.invoke`,
and a command's own status is ``ctx.exit(n)``; so ``CliRunner().invoke(cli, ...)`` and
``python -m docgen ...`` give the same exit code. No traceback reaches the user.
"""

from __future__ import annotations

import os
import sys

import click

from .cli_help import localized, name_argument, short_help, write_help
from .commands import COMMANDS, load_command
from .errors import DocgenError, error_prefix, file_system_error, set_ui_lang, user_text


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None:
            return None
        if ctx.resilient_parsing:
            # shell completion: do not import the subcommand module
            short = short_help(cmd_name)
            return click.Command(cmd_name, help=short, short_help=short)
        cmd = load_command(cmd_name)
        return None if cmd is None else localized(cmd, cmd_name)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Top-level help in Russian and Kazakh from ``docgen/data/help.yaml`` alone, so ``-h`` /
        ``--help`` import no command module."""
        write_help(self, ctx, formatter, "")

    def invoke(self, ctx: click.Context) -> object:
        set_ui_lang(None, pin=True)  # a command with --lang kk|ru sets it; every command starts without
        try:
            return super().invoke(ctx)
        except DocgenError as exc:
            click.echo(f"docgen: {error_prefix()}: {exc.one_line()}", err=True)
            ctx.exit(exc.exit_code)
        except click.exceptions.NoArgsIsHelpError as exc:  # `docgen protocol` alone: its help, exit 2
            click.echo(exc.format_message(), err=True)
            ctx.exit(exc.exit_code)
        except click.UsageError as exc:  # a command's missing/unknown option: one ru+kk line, exit 2
            where = exc.ctx.command_path if exc.ctx is not None else ctx.command_path
            text = name_argument(user_text(exc.format_message()).replace("\n", " "), exc)
            click.echo(f"docgen: {error_prefix()}: {text} ({where} -h)", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:  # read-only folder, -o under a file, disk full: the user's to fix (exit 2)
            err = file_system_error(exc)
            click.echo(f"docgen: {error_prefix()}: {err.one_line()}", err=True)
            ctx.exit(err.exit_code)
        finally:
            set_ui_lang(None, pin=True)  # nothing of one command's choice outlives it


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="docgen", message="%(prog)s %(version)s")
def cli() -> None:
    """docgen: Kazakh and Russian "B" corps evaluation methodologies -> catalogues, forms, diffs, checks."""


def main(argv: list[str] | None = None) -> None:
    try:
        rv = cli.main(args=argv, prog_name="docgen", standalone_mode=False)
    except DocgenError as exc:
        click.echo(f"docgen: {error_prefix()}: {exc.one_line()}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("docgen: прервано / тоқтатылды", err=True)
        sys.exit(130)
    except click.UsageError as exc:  # `docgen --bogus`: one ru+kk line, exit 2 (`docgen` alone: its help)
        if isinstance(exc, click.exceptions.NoArgsIsHelpError):
            exc.show()
        else:
            text = user_text(exc.format_message()).replace("\n", " ")
            click.echo(f"docgen: {error_prefix()}: {text} (docgen -h)", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("docgen: прервано / тоқтатылды", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:  # read-only folder, -o under a file, disk full: the user's to fix (exit 2)
        err = file_system_error(exc)
        click.echo(f"docgen: {error_prefix()}: {err.one_line()}", err=True)
        sys.exit(err.exit_code)
    except Exception as exc:  # last resort: one line, no traceback (DOCGEN_DEBUG=1 shows it)
        if os.environ.get("DOCGEN_DEBUG"):
            raise
        click.echo(
            "docgen: внутренняя ошибка программы, сообщите о ней разработчикам / бағдарламаның ішкі қатесі, "
            "ол туралы әзірлеушілерге хабарлаңыз "
            f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}; DOCGEN_DEBUG=1)",
            err=True,
        )
        sys.exit(70)
    if isinstance(rv, int) and rv:
        sys.exit(rv)


if __name__ == "__main__":  # pragma: no cover
    main()
