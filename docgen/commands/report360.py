"""CLI edge: ``docgen report360 PATH --data answers.xlsx -o DIR`` (and ``--template FILE.xlsx``).

Consumes the methodology (PATH, parsed by the catalogue stage, or ``--catalogue FILE.json``) and the answers
workbook (columns: docs/protocols.md, "360 answers"). Produces ``DIR/result360_<person_id>.docx`` per
evaluated person with a native radar chart, or an empty answers workbook with ``--template``. Prints only
the paths written; refusals are said in the reports' language (``--lang``, else the methodology's).
"""

from __future__ import annotations

import click

from ._methodology import MethodologySource, methodology_source


@click.command("report360")
@methodology_source(required=False, catalogue_option=True)
@click.option("--data", "data", type=click.Path(dir_okay=False), help="Answers workbook (.xlsx).")
@click.option(
    "-o", "--output", "output", type=click.Path(file_okay=False), help="Output folder for the reports."
)
@click.option(
    "--template", "template", type=click.Path(dir_okay=False), help="Write an empty answers workbook here."
)
@click.option(
    "--lang", type=click.Choice(["kk", "ru"]), default=None, help="Language (default: the methodology's)."
)
@click.option("--period", default="", help="Evaluated period, printed in the reports (e.g. '2024 жыл').")
@click.option("--force", is_flag=True, help="Overwrite existing outputs.")
def report360(
    source: MethodologySource,
    data: str | None,
    output: str | None,
    template: str | None,
    lang: str | None,
    period: str,
    force: bool,
) -> None:
    """360 result reports with the «Паутинка» radar chart, one per evaluated person."""
    from ..errors import UsageError, choose_ui_lang

    choose_ui_lang(lang)
    if not template and not (data and output):
        raise UsageError("give --data FILE.xlsx and -o DIR (or --template FILE.xlsx)")
    cat = source.load()
    choose_ui_lang(lang, cat.lang)
    if template:
        from ..report360 import write_answers_template

        click.echo(str(write_answers_template(cat, template, force=force)))
    if data and output:
        from ..report360 import make_reports

        for p in make_reports(data, cat, output, lang=lang, period=period, force=force):
            click.echo(str(p))
