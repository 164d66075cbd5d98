"""CLI edge: ``docgen parse PATH... [--format json|text] [-o FILE] [--force]``.

Consumes regulation files (read by ``docgen.reading.read_source``), runs normalisation (stage 2)
and structure (stage 3); produces the structure JSON (one object per line for several paths) or a
text outline. ``parse_to_json(path)`` builds the JSON for one file so catalogue fields can be added
later. spaCy is not imported here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .._atomic import check_writable, write_text
from ..errors import InputError
from ..model import Document, SourceText
from ..normalize import normalize
from ..structure import parse_structure
from ..structure.export import outline_text, structure_json

__all__ = ["parse", "parse_to_json", "parse_document"]


def _read(path: str) -> SourceText:
    try:
        from ..reading import read_source
    except ImportError:  # pragma: no cover - TODO: drop once docgen.reading is always present
        return _read_plain_utf8(path)
    return read_source(path)


def _read_plain_utf8(path: str) -> SourceText:
    """TODO: fallback used only while docgen.reading is missing: plain UTF-8 .txt files."""
    p = Path(path)
    try:
        raw = p.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError("file not found", path=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read as UTF-8 text: {exc.__class__.__name__}", path=path) from exc
    return SourceText(path=str(p), raw=raw, encoding="utf-8", fmt="txt")


def parse_document(path: str) -> Document:
    source = _read(path)
    return parse_structure(source, normalize(source.raw))


def parse_to_json(path: str) -> dict[str, Any]:
    """Structure JSON of one file (``source`` + ``document`` + ``structure`` + ``repairs``)."""
    doc = parse_document(path)
    out: dict[str, Any] = {
        "source": {"path": doc.source.path, "encoding": doc.source.encoding, "format": doc.source.fmt}
    }
    out.update(structure_json(doc))
    return out


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to FILE (atomically)."
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def parse(paths: tuple[str, ...], fmt: str, output: str | None, force: bool) -> None:
    """Parse regulation texts into structure JSON (one object per line for several paths)."""
    if output is not None:
        check_writable(output, force)
    chunks: list[str] = []
    for path in paths:
        if fmt == "json":
            data = parse_to_json(path)
            if len(paths) == 1:
                chunks.append(json.dumps(data, ensure_ascii=False, indent=1))
            else:
                chunks.append(json.dumps(data, ensure_ascii=False))
        else:
            header = f"== {path}\n" if len(paths) > 1 else ""
            chunks.append(header + outline_text(parse_document(path)).rstrip("\n"))
    text = "\n".join(chunks) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text(output, text, force=force)
