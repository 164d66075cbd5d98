"""CLI edge: ``docgen diff OLD NEW [--format text|json|html|docx] [--lang kk|ru] [-o OUT] [--force]``.

Consumes two regulation texts (any format ``docgen.reading`` reads) or catalogue JSON files;
produces the rule diff (from the two catalogues) and, when both texts share a language, the
aligned text diff, as a text report, JSON, a side-by-side HTML page or a DOCX redline with tracked
changes; the report speaks kk or ru (the new act's language unless ``--lang`` says otherwise). Heavy modules (spaCy through the catalogue stage) are imported only when the command runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .._atomic import check_writable, write_bytes, write_text
from ..catalogue_model import Catalogue
from ..errors import UsageError

__all__ = ["diff", "run_diff"]


def _load(path: str, rules: bool) -> tuple[Any, Catalogue | None]:
    """(Document or None, catalogue or None) for one input."""
    if Path(path).suffix.lower() == ".json":
        from ..catalogue import load_catalogue

        return None, load_catalogue(path)
    from ..catalogue import catalogue_for_document, parse_document

    doc = parse_document(path)
    return doc, (catalogue_for_document(doc) if rules else None)


def run_diff(old: str, new: str, *, rules: bool = True) -> Any:
    from ..diff import diff_documents

    old_doc, old_cat = _load(old, rules)
    new_doc, new_cat = _load(new, rules)
    return diff_documents(
        old_doc, new_doc, old_cat, new_cat, old_label=Path(old).name, new_label=Path(new).name
    )


@click.command("diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "html", "docx"]), default="text", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to FILE (atomically)."
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--rules/--no-rules", default=True, show_default=True, help="Compare the rule catalogues too.")
@click.option("--author", default="docgen", show_default=True, help="Author of the tracked changes (docx).")
@click.option("--date", "date", default=None, help="ISO date of the tracked changes (docx); default now.")
@click.option("--exit-code", is_flag=True, help="Exit with status 1 when the versions differ.")
@click.option(
    "--lang",
    type=click.Choice(["kk", "ru"]),
    default=None,
    help="Language of the report (text, HTML, JSON labels); default: the new act's language.",
)
def diff(
    old: str,
    new: str,
    fmt: str,
    output: str | None,
    force: bool,
    rules: bool,
    author: str,
    date: str | None,
    exit_code: bool,
    lang: str | None,
) -> None:
    """Compare two regulation versions: rule changes, aligned text changes, Word redline.

    OLD and NEW are texts (same act's editions, two bodies' methodologies, or the kk and ru texts
    of one act) or catalogue .json files. Across languages only the rule diff is reported."""
    from ..errors import choose_ui_lang

    choose_ui_lang(lang)  # --lang kk|ru: refusals are said in it alone
    if output is not None:
        check_writable(output, force)
    if fmt == "docx" and output is None:
        raise UsageError("--format docx needs -o FILE")
    result = run_diff(old, new, rules=rules)
    from ..diff.lang import msg, report_language

    lg = report_language(lang, result.language)
    if fmt == "docx":
        from ..diff.redline import build_redline

        if result.text is None:
            from ..diff.report import skipped_text

            raise UsageError(skipped_text(result, lg) or str(result.text_skipped))
        assert output is not None
        write_bytes(
            output,
            build_redline(
                result.text,
                author=author,
                date=date,
                title=msg("title", lg, old=old, new=new),
                lang=result.language,
            ),
            force=force,
        )
        _finish(exit_code, result.is_empty)
        return
    if fmt == "json":
        from ..diff.report import to_json

        text = json.dumps(to_json(result, lang), ensure_ascii=False, indent=1) + "\n"
    elif fmt == "html":
        from ..diff.html import to_html

        text = to_html(result, lang)
    else:
        from ..diff.report import to_text

        text = to_text(result, lang)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text(output, text, force=force)
    _finish(exit_code, result.is_empty)


def _finish(exit_code: bool, empty: bool) -> None:
    if exit_code and not empty:
        click.get_current_context().exit(1)
