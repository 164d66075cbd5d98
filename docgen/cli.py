"""Command-line edge of docgen: ``docgen parse | catalogue | forms | fill | report360 | protocol | diff | check``.

Subcommands live in ``docgen.commands.<name>`` and are imported only when invoked, so
``docgen --help`` starts fast (spaCy is never imported for help). Every ``DocgenError`` becomes a
one-line message on stderr and its exit code; no traceback reaches the user.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from .errors import DocgenError, file_system_error

# name -> (module, attribute, one-line help). Modules are imported lazily.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "parse": (
        "docgen.commands.parse",
        "parse",
        "Parse regulation texts into structure (and catalogue) JSON.",
    ),
    "catalogue": ("docgen.commands.catalogue", "catalogue", "Build versioned catalogues of a corpus."),
    "forms": ("docgen.commands.forms", "forms", "Render the blank appendix forms of a methodology."),
    "fill": ("docgen.commands.fill", "fill", "Fill evaluation sheets for every employee row."),
    "report360": ("docgen.commands.report360", "report360", "Render 360 reports with a radar chart."),
    "protocol": ("docgen.commands.protocol", "protocol", "Render calibration / commission protocols."),
    "diff": ("docgen.commands.diff", "diff", "Compare two regulation versions."),
    "check": ("docgen.commands.check", "check", "Check a local act against the model and itself."),
    "run-corpus": ("docgen.commands.run_corpus", "run_corpus", "Run the main job on the embedded corpus."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None:
            return None
        module_name, attr, short = spec
        if ctx.resilient_parsing or "--help" in sys.argv[1:2]:
            # top-level help: do not import the subcommand module
            return click.Command(cmd_name, help=short, short_help=short)
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return click.Command(cmd_name, help=short + " (not available in this build)")
            raise
        cmd: click.Command = getattr(module, attr)
        return cmd


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="docgen")
def cli() -> None:
    """docgen: Kazakh and Russian "B" corps evaluation methodologies -> catalogues, forms, diffs, checks."""


def main(argv: list[str] | None = None) -> None:
    try:
        rv = cli.main(args=argv, prog_name="docgen", standalone_mode=False)
    except DocgenError as exc:
        click.echo(f"docgen: error: {exc.one_line()}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("docgen: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("docgen: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:  # read-only folder, -o under a file, disk full: the user's to fix (exit 2)
        err = file_system_error(exc)
        click.echo(f"docgen: error: {err.one_line()}", err=True)
        sys.exit(err.exit_code)
    except Exception as exc:  # last resort: one line, no traceback (DOCGEN_DEBUG=1 shows it)
        if os.environ.get("DOCGEN_DEBUG"):
            raise
        click.echo(
            f"docgen: internal error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} "
            "(run with DOCGEN_DEBUG=1 for details)",
            err=True,
        )
        sys.exit(70)
    if isinstance(rv, int) and rv:
        sys.exit(rv)


if __name__ == "__main__":  # pragma: no cover
    main()
