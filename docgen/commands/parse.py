"""CLI edge: ``docgen parse PATH... [--format json|text] [-o FILE] [--force]``.

Consumes regulation files (read by ``docgen.reading.read_source``), runs normalisation (stage 2)
and structure (stage 3); produces the structure JSON (one object per line for several paths) or a
text outline. ``parse_to_json(path)`` builds the JSON for one file so catalogue fields can be added
later. spaCy is not imported here.
"""

from __future__ import annotations

import json
from typing import Any

import click

from .._atomic import check_writable, write_text
from ..model import Document
from ..normalize import normalize
from ..structure import parse_structure
from ..structure.export import outline_text, structure_json

__all__ = ["parse", "parse_to_json", "parse_document"]


def parse_document(path: str) -> Document:
    from ..reading import read_source

    source = read_source(path)
    return parse_structure(source, normalize(source.raw))


def parse_to_json(path: str, *, catalogue: bool = True, explain: bool = False) -> dict[str, Any]:
    """JSON of one file: ``source``, ``document``, ``structure``, ``repairs`` and (with ``catalogue``)
    ``parameters``, ``forms``, ``form_assignment``, ``cross_references``, the generation, ``explain``."""
    doc = parse_document(path)
    out: dict[str, Any] = {
        "source": {"path": doc.source.path, "encoding": doc.source.encoding, "format": doc.source.fmt}
    }
    if catalogue:
        from ..catalogue import catalogue_for_document

        out.update(catalogue_for_document(doc, explain=explain).to_json())
    else:
        out.update(structure_json(doc))
    return out


_UNNUMBERED = {
    "kk": "мәтінде тармақ нөмірлері жоқ (үзінді болуы мүмкін): мәндер абзацтар бойынша ізделді",
    "ru": "в тексте нет номеров пунктов (по-видимому, это выдержка): значения искались по абзацам",
}
_WARNING = {"kk": "ескерту", "ru": "предупреждение"}


def _warn_structure(path: str, quality: str | None, lang: str | None) -> None:
    """One line on stderr for a text without point numbers (``document.structure_quality``)."""
    if quality and quality != "numbered":
        lang = lang if lang in _UNNUMBERED else "ru"
        click.echo(f"docgen: {_WARNING[lang]}: {path}: {_UNNUMBERED[lang]}", err=True)


def _explain_text(data: dict[str, Any]) -> str:
    lines = ["-- rules that fired (kept = the value reported; else why it was not):"]
    for t in data.get("explain", []):
        mark = "kept" if t["kept"] else f"skip: {t['why']}"
        lines.append(
            f"  {t['rule']:34} {t['key']:34} p.{t['point']:5} {t['value']!r:22} [{mark}] «{t['quote']}»"
        )
    return "\n".join(lines)


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--structure-only", is_flag=True, help="Only the structure (no rule parameters): faster.")
@click.option("--explain", is_flag=True, help="Show which rule fired on which text.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to FILE (atomically)."
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def parse(
    paths: tuple[str, ...], fmt: str, structure_only: bool, explain: bool, output: str | None, force: bool
) -> None:
    """Parse regulation texts into JSON (structure + catalogue; one object per line for several paths)."""
    if output is not None:
        check_writable(output, force)
    chunks: list[str] = []
    for path in paths:
        if fmt == "json":
            data = parse_to_json(path, catalogue=not structure_only, explain=explain)
            doc_part = data.get("document") or {}
            _warn_structure(path, doc_part.get("structure_quality"), doc_part.get("language"))
            if len(paths) == 1:
                chunks.append(json.dumps(data, ensure_ascii=False, indent=1))
            else:
                chunks.append(json.dumps(data, ensure_ascii=False))
        else:
            header = f"== {path}\n" if len(paths) > 1 else ""
            parsed = parse_document(path)
            _warn_structure(path, parsed.structure_quality, parsed.language)
            text = outline_text(parsed).rstrip("\n")
            if explain:
                text += "\n" + _explain_text(parse_to_json(path, explain=True))
            chunks.append(header + text)
    text = "\n".join(chunks) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text(output, text, force=force)
