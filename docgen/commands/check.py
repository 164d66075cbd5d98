"""CLI edge of the check stage: ``docgen check PATH [--model auto|E0|E1|E4|FILE] [--format ...] [-o OUT]``.

Consumes a local act (txt/docx/html) and optionally a catalogue JSON; prints or writes the report.
Exits (``ctx.exit``) 0 when no finding has severity ``error``, 1 otherwise; usage and input errors
(a missing ``--model`` file included) exit with 2. With ``-o`` the report goes to the file and one
line in the act's language says where. Heavy
modules (the checker, python-docx) are imported only when the command runs.
"""

from __future__ import annotations

import datetime as dt
import sys

import click

from ..errors import UsageError


@click.command("check", help="Check a local act against the model methodology and against itself.")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option(
    "--model",
    "model",
    default="auto",
    show_default=True,
    help="Model edition: auto (from the act's date and generation), E0, E1, E4, or a profile .yaml path.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "docx", "html"]), default="text", show_default=True
)
@click.option(
    "-o", "--output", "output", type=click.Path(dir_okay=False), default=None, help="Write the report here."
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option(
    "--catalogue",
    "catalogue_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Use this catalogue JSON instead of building one.",
)
@click.option(
    "--as-of",
    "as_of",
    default=None,
    help="Reference date YYYY-MM-DD for 'edition superseded' notes (default: today).",
)
@click.pass_context
def check(
    ctx: click.Context,
    path: str,
    model: str,
    fmt: str,
    output: str | None,
    force: bool,
    catalogue_path: str | None,
    as_of: str | None,
) -> None:
    from .._atomic import check_writable, write_bytes, write_text
    from ..check import check_path
    from ..check.report import render

    try:
        ref_day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        raise UsageError(f"--as-of expects YYYY-MM-DD, got {as_of!r}") from None
    if fmt == "docx" and not output:
        raise UsageError("--format docx needs -o OUT")
    if output:
        check_writable(output, force)
    catalogue = None
    if catalogue_path:
        from ..catalogue import read_catalogue_json

        catalogue = read_catalogue_json(catalogue_path)
    result = check_path(path, model, as_of=ref_day, catalogue=catalogue)
    rendered = render(result, fmt)
    if output:
        if isinstance(rendered, bytes):
            write_bytes(output, rendered, force=True)
        else:
            write_text(output, rendered, force=True)
        from ..check.data import label
        from ..errors import ui_lang

        # the language a calling command chose (run-corpus --lang), else the act's
        said = ui_lang() or result.language
        sys.stdout.write(label("report.written", said).format(path=output) + "\n")
    else:
        assert isinstance(rendered, str)
        sys.stdout.write(rendered)
    ctx.exit(result.exit_code)
