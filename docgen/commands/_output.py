"""CLI helper shared by the commands that write a set of documents at once (``draft``, ``amend``):
refuse before writing anything when one of them exists without ``--force``, then write each atomically
and say where it went."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import click

from .._atomic import write_bytes, write_text
from ..errors import OutputExistsError


def write_all(
    outputs: Sequence[tuple[Path, bytes | str]], *, force: bool, exists: str, said: Callable[[Path], str]
) -> None:
    """Write every ``(path, data)``; ``exists``: the one-line refusal when a file is there already;
    ``said(path)``: the line printed for each file written."""
    existing = [p for p, _ in outputs if p.exists()]
    if existing and not force:
        raise OutputExistsError(exists, path=str(existing[0]))
    for path, data in outputs:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            write_bytes(path, data, force=True)
        else:
            write_text(path, data, force=True)
        click.echo(said(path))
