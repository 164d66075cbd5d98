"""CLI: ``docgen fill PATH --data FILE.xlsx|.csv -o DIR [--lang kk|ru|both] [--pdf] [--force]``.

Consumes a methodology (or catalogue ``.json``) and one data row per employee and period; produces
one filled evaluation sheet per row (and language), ``summary.csv`` and ``summary.xlsx``. Bad rows
are reported on stderr as ``строка N, столбец C: problem`` (never with the cell's value; the summary
quotes it) and are not rendered. Everything the command says -- progress, row errors, refusals, the
closing lines, the summary's words -- is in the language the sheets are asked in (``--lang kk|ru``),
else (no ``--lang``, ``--lang both``) in the act's. Exit codes: 0 every row rendered; 1 some
rows bad (findings: the other rows are rendered and the summary lists them); 2 refused, nothing
written (unreadable data, no rows, a folder in use, a methodology without a sheet to fill or without
a value the sheets need -- one line naming the file); 3 ``--pdf`` without LibreOffice. ``--template FILE.xlsx`` instead writes the empty
input workbook (column keys, kk and ru captions, data validation). ``--cap-mode parameter`` applies
disciplinary caps to the "no disciplinary sanctions" row instead of the final score.
The output folder is locked for the run and checked before anything is written; the run keeps
``docgen-manifest.json`` (rows -> files) and removes sheets of earlier runs it replaced
(see :mod:`docgen.batch.folder`).
"""

from __future__ import annotations

import click

from ._methodology import MethodologySource, methodology_source


@click.command("fill")
@methodology_source()
@click.option(
    "--data", "data", type=click.Path(exists=True, dir_okay=False), help="Employee rows (.xlsx or .csv)."
)
@click.option("-o", "--output", "outdir", type=click.Path(), help="Output folder.")
@click.option(
    "--lang",
    "lang",
    type=click.Choice(["kk", "ru", "both"]),
    default=None,
    help="Language of the sheets (default: the text's language).",
)
@click.option("--pdf", is_flag=True, help="Also convert the sheets to PDF with LibreOffice.")
@click.option("--force", is_flag=True, help="Re-render and overwrite existing outputs.")
@click.option(
    "--cap-mode",
    type=click.Choice(["final", "parameter"]),
    default="final",
    show_default=True,
    help="Apply disciplinary caps to the final score or to the sanctions parameter row.",
)
@click.option(
    "--template",
    "template",
    type=click.Path(dir_okay=False),
    help="Write the empty input workbook to this .xlsx instead of filling.",
)
def fill(
    source: MethodologySource,
    data: str | None,
    outdir: str | None,
    lang: str | None,
    pdf: bool,
    force: bool,
    cap_mode: str,
    template: str | None,
) -> None:
    """Fill evaluation sheets for every employee row."""
    from ..errors import DataError, InputError, UsageError, choose_ui_lang

    choose_ui_lang(lang)  # kk|ru: refusals before the act is read are said in it too
    cat = source.load()
    from ..batch.messages import message

    msg_lang = choose_ui_lang(lang, cat.lang) or cat.lang

    if template:
        from ..batch.workbook import write_input_template

        try:
            out = write_input_template(cat, template, force=force)
        except DataError as exc:
            raise InputError(exc.message, path=source.path or source.catalogue_file) from exc
        click.echo(message(msg_lang, "template_written", path=out))
        return
    if not data or not outdir:
        raise UsageError("fill needs --data FILE and -o DIR (or --template FILE.xlsx)")
    from ..batch.run import fill_batch

    src = cat.lang
    langs = ("kk", "ru") if lang == "both" else ((lang,) if lang else (src,))

    def on_error(err: object) -> None:
        click.echo(f"docgen: {data}: {err}", err=True)

    try:
        report, _docs = fill_batch(
            cat,
            data,
            outdir,
            langs=langs,
            force=force,
            cap_mode=cap_mode,
            on_error=on_error,
            pdf=pdf,
            msg_lang=msg_lang,
        )
    except DataError as exc:
        # the methodology cannot be filled in (no sheet; a value the sheets need is not stated): bad
        # input, refused before any sheet is written -- exit 2 naming the methodology's file
        raise InputError(exc.message, path=source.path or source.catalogue_file) from exc
    for row in sorted(report.untranslated):
        click.echo(f"docgen: {message(msg_lang, 'untranslated', text=row)}", err=True)
    click.echo(
        message(
            msg_lang,
            "done",
            rows=report.rows,
            rendered=report.rendered,
            kept=report.kept,
            removed=report.removed,
            bad=report.bad_rows,
            pdfs=report.pdfs,
            summary_kept=message(msg_lang, "summary_kept") if report.summary_kept else "",
        )
    )
    click.echo(message(msg_lang, "written_to", folder=outdir))
    if report.bad_rows:
        raise SystemExit(1)
