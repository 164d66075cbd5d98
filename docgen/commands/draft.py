"""CLI: ``docgen draft --model E4 --body BODY.yaml --lang kk|ru|both -o DIR [--force]``.

A model edition no longer in force (E0, E1) drafts as it stood, with a first line on stderr that says
so and names the edition in force today.

Writes ``DIR/methodology.<lang>.docx`` (official layout) and ``DIR/methodology.<lang>.txt`` for each
language. Everything is composed in memory first: a bad BODY.yaml, a value outside what the model
allows, or an existing output without ``--force`` writes nothing (one line, exit code 2).
"""

from __future__ import annotations

import click


@click.command("draft")
@click.option("--model", "edition", default="E4", show_default=True, help="Model edition with a text.")
@click.option("--body", "body_path", type=click.Path(dir_okay=False), required=True, help="BODY.yaml.")
@click.option("--lang", "lang", type=click.Choice(["kk", "ru", "both"]), default="both", show_default=True)
@click.option(
    "-o", "--output", "outdir", type=click.Path(file_okay=False), required=True, help="Output folder."
)
@click.option("--force", is_flag=True, help="Overwrite existing files.")
def draft(edition: str, body_path: str, lang: str, outdir: str, force: bool) -> None:
    """Draft a body's methodology from the model edition's text."""
    from pathlib import Path

    from ..draft import draft as make_draft
    from ..draft import edition_warning, load_body, render_docx
    from ..draft.messages import messages, msg
    from ..errors import user_text_in
    from ._output import write_all

    langs = ("kk", "ru") if lang == "both" else (lang,)
    ui = "kk" if lang == "kk" else "ru"
    body = load_body(body_path, ui)
    out = Path(outdir)
    outputs: list[tuple[Path, bytes | str]] = []
    for code in langs:
        d = make_draft(edition, body, code, body_path)
        outputs.append((out / f"methodology.{code}.docx", render_docx(d)))
        outputs.append((out / f"methodology.{code}.txt", d.text))
    warning = edition_warning(edition)
    if warning:  # the edition has ended: said first, in the user's language (errors.yaml)
        click.echo(f"docgen: {msg(ui, 'warning')}: {user_text_in(warning, ui)}", err=True)
    write_all(
        outputs,
        force=force,
        exists=msg(ui, "exists"),
        said=lambda path: str(messages()["written"][ui]).format(path=path),
    )
