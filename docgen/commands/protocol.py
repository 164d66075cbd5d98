"""CLI edge: ``docgen protocol calibration|commission --data FILE.yaml -o FILE.docx``.

Consumes a session/meeting YAML (format: docs/protocols.md) and the rules of a methodology
(``--methodology PATH`` parsed by the catalogue stage, or ``--catalogue FILE.json``). Produces one DOCX
protocol, written atomically (no overwrite without ``--force``). Heavy modules are imported only when a
subcommand runs. Nothing personal is printed: only the output path. Warnings and refusals are said in
the protocol's language (``--lang``, else the methodology's).
"""

from __future__ import annotations

import click

from ..errors import choose_ui_lang, user_text
from ._methodology import MethodologySource, methodology_source

_source = [
    methodology_source(positional=False, catalogue_option=True),
    click.option(
        "--lang", type=click.Choice(["kk", "ru"]), default=None, help="Language (default: the methodology's)."
    ),
    click.option("--data", "data", required=True, type=click.Path(dir_okay=False), help="Input YAML."),
    click.option(
        "-o", "--output", "output", required=True, type=click.Path(dir_okay=False), help="Output .docx."
    ),
    click.option("--force", is_flag=True, help="Overwrite an existing output."),
]


def _with_source(f):  # type: ignore[no-untyped-def]
    for opt in reversed(_source):
        f = opt(f)
    return f


@click.group("protocol")
def protocol() -> None:
    """Render calibration-session / commission protocols, validated against the methodology."""


@protocol.command("calibration")
@_with_source
@click.option("--allow-late", is_flag=True, help="Record a decision/session held after its deadline (warns).")
def calibration(
    source: MethodologySource,
    lang: str | None,
    data: str,
    output: str,
    force: bool,
    allow_late: bool,
) -> None:
    """Calibration-session protocol (2018 and 2025 models)."""
    from ..protocols import render_calibration

    choose_ui_lang(lang)
    cat = source.load()
    said = choose_ui_lang(lang, cat.lang)
    ctx = render_calibration(data, cat, output, lang=lang, force=force, allow_late=allow_late)
    word = {"kk": "ескерту", "ru": "предупреждение"}.get(said or "", "предупреждение / ескерту")
    for w in ctx.warnings:
        click.echo(f"docgen: {word}: {user_text(w)}", err=True)
    click.echo(output)


@protocol.command("commission")
@_with_source
def commission(source: MethodologySource, lang: str | None, data: str, output: str, force: bool) -> None:
    """Evaluation-commission protocol (2017 model)."""
    from ..protocols import render_commission

    choose_ui_lang(lang)
    cat = source.load()
    choose_ui_lang(lang, cat.lang)
    render_commission(data, cat, output, lang=lang, force=force)
    click.echo(output)
