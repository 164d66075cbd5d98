"""CLI: ``docgen amend ACT --set KEY=VALUE ... [--delete-point N] [--new-edition] -o DIR [--force]``.

The next edition of an existing act (:mod:`docgen.draft.amend`): numbering kept, or with
``--new-edition`` the whole act renumbered and its references re-pointed. Writes into DIR:
``edition.<lang>.txt`` and ``.docx`` (official layout), ``redline.docx`` (tracked changes against the
old edition), ``comparison.docx`` (the comparison table) and ``amendment.<lang>.txt`` / ``.docx`` (the
operative wording of the amending decision). Everything is made in memory first: bad input writes nothing (one
line, exit code 2).
"""

from __future__ import annotations

import click


@click.command("amend")
@click.argument("act", type=click.Path(dir_okay=False))
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="New value of a catalogue parameter.")
@click.option(
    "--delete-point", "deletes", multiple=True, metavar="N", help="Exclude point N (numbering kept)."
)
@click.option(
    "--to",
    "to",
    default=None,
    help="Model edition to bring the act to: its new provisions inserted, dropped ones excluded.",
)
@click.option(
    "--new-edition",
    is_flag=True,
    help="The whole act in a new wording: points renumbered, references re-pointed.",
)
@click.option(
    "-o", "--output", "outdir", type=click.Path(file_okay=False), required=True, help="Output folder."
)
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.option("--author", default="docgen", show_default=True, help="Author of the tracked changes.")
@click.option("--date", "date", default=None, help="ISO date of the tracked changes; default now.")
def amend(
    act: str,
    sets: tuple[str, ...],
    deletes: tuple[str, ...],
    to: str | None,
    new_edition: bool,
    outdir: str,
    force: bool,
    author: str,
    date: str | None,
) -> None:
    """Make the next edition of an act: new text, redline, comparison table, amending wording."""
    from pathlib import Path

    from ..catalogue import catalogue_for_document, parse_document
    from ..diff.redline import build_redline
    from ..diff.text import diff_text
    from ..draft.amend import amend as make_amendment
    from ..draft.amend import amendment_text, document_from_text, parse_sets
    from ..draft.comparison import render_comparison
    from ..draft.edition import render_amendment, render_edition
    from ._output import write_all
    from .amend_model import plan_for

    doc = parse_document(act)
    lang = doc.language if doc.language in ("kk", "ru") else "ru"
    cat = catalogue_for_document(doc)
    plan = plan_for(doc, cat, to, lang, act)
    am = make_amendment(
        doc,
        cat,
        parse_sets(sets, lang, act),
        list(deletes),
        act,
        new_edition=new_edition,
        inserts=plan.inserts,
        model_deletes=plan.model_deletes,
        edition=to or "",
    )
    am.notes = plan.notes
    am.warnings = [*plan.warnings, *am.warnings]
    new_doc = document_from_text(am.new_text, f"edition.{lang}.txt")
    title = cat.act.title or Path(act).stem
    out = Path(outdir)
    outputs: list[tuple[Path, bytes | str]] = [
        (out / f"edition.{lang}.txt", am.new_text),
        (out / f"edition.{lang}.docx", render_edition(new_doc, lang, title)),
        (
            out / "redline.docx",
            build_redline(diff_text(doc, new_doc), author=author, date=date, title=title, lang=lang),
        ),
        (out / "comparison.docx", render_comparison(am, title)),
        (out / f"amendment.{lang}.txt", wording := amendment_text(am, cat.act)),
        (out / f"amendment.{lang}.docx", render_amendment(wording, lang, title)),
    ]
    write_all(
        outputs,
        force=force,
        exists="файл бар; қайта жазу үшін --force"
        if lang == "kk"
        else "файл существует; для перезаписи --force",
        said=lambda path: f"{'жазылды' if lang == 'kk' else 'записано'}: {path}",
    )
    for line in [*am.warnings, *am.notes]:
        click.echo(line, err=True)
