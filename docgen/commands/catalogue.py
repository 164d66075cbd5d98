"""CLI edge: ``docgen catalogue build CORPUS -o DIR`` — one catalogue per act and version + a dated index."""

from __future__ import annotations

import click


@click.group("catalogue")
def catalogue() -> None:
    """Build versioned catalogues of a corpus."""


@catalogue.command("build")
@click.argument("corpus", type=click.Path(file_okay=False, path_type=str))
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=str),
    help="Folder for <act>/<version-date>.json and index.json.",
)
@click.option("--force", is_flag=True, help="Overwrite existing files.")
def build(corpus: str, outdir: str, force: bool) -> None:
    """Write one catalogue per act and version of CORPUS, and index.json (values of each key across acts and dates)."""
    from ..catalogue import build_corpus

    for path in build_corpus(corpus, outdir, force=force):
        click.echo(str(path))
