"""Catalogue stage: one catalogue per text (structure + parameters), and a dated index of a corpus.

``catalogue_for_path(path)`` reads, normalises, structures and extracts one text. ``build_corpus``
writes one catalogue per act and version plus ``index.json``: for each key, its values across acts
and dates with their sources (OpenFisca-style dated values). Consumes files; produces a typed
:class:`~docgen.catalogue_model.Catalogue` (JSON only at the edges: ``to_json`` / ``read_catalogue_json``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ._atomic import check_writable, write_text
from .catalogue_model import Catalogue, catalogue_from_json, validate
from .errors import InputError, UsageError
from .model import Document


def parse_document(path: str | Path) -> Document:
    from .normalize import normalize
    from .reading import read_source
    from .structure import parse_structure

    source = read_source(path)
    norm = normalize(source.raw)
    return parse_structure(source, norm)


def catalogue_for_document(doc: Document, *, explain: bool = False) -> Catalogue:
    from .extract import extract
    from .structure.export import structure_json

    out: dict[str, Any] = structure_json(doc)
    body, trace = extract(doc)
    document = out.setdefault("document", {})
    document["generation"] = body.pop("generation")
    document["generation_evidence"] = body.pop("generation_evidence")
    out.update(body)
    if explain:
        out["explain"] = [
            {
                "rule": t.rule,
                "key": t.key,
                "point": t.point,
                "quote": t.quote,
                "value": t.value,
                "kept": t.kept,
                "why": t.why,
            }
            for t in trace
        ]
    return catalogue_from_json(out)


def catalogue_for_path(path: str | Path, *, explain: bool = False) -> Catalogue:
    return catalogue_for_document(parse_document(path), explain=explain)


MAX_CATALOGUE_BYTES = 20_000_000


MAX_CACHED_TEXT_BYTES = 50_000_000


def load_catalogue(path: str | Path, *, cache: bool = True) -> Catalogue:
    """A catalogue from a ``.json`` file (``docgen parse`` output or an expected catalogue), or parsed
    from a regulation text -- through the catalogue cache (:mod:`docgen.catalogue_cache`) unless
    ``cache`` is false. Used by every command that takes "a methodology or its catalogue"."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return read_catalogue_json(p)
    from . import catalogue_cache

    if not cache or catalogue_cache.disabled():
        return catalogue_for_path(p)
    try:
        data = p.read_bytes() if p.stat().st_size <= MAX_CACHED_TEXT_BYTES else None
    except OSError:
        data = None  # the reader says what is wrong with the file
    if data is None:
        return catalogue_for_path(p)
    key = catalogue_cache.entry_key(data, p.suffix)
    cat = catalogue_cache.get(key)
    if cat is None:
        cat = catalogue_for_path(p)
        catalogue_cache.put(key, cat)
    return cat


def load_methodology(path: str | None, catalogue_file: str | None = None, *, cache: bool = True) -> Catalogue:
    """The catalogue a command works on: ``PATH`` (a text, parsed; or a catalogue ``.json``) or
    ``--catalogue FILE.json``, exactly one of them."""
    if bool(path) == bool(catalogue_file):
        raise UsageError(
            "give exactly one of the methodology text (PATH / --methodology) or --catalogue FILE.json"
        )
    if catalogue_file:
        return read_catalogue_json(catalogue_file)
    assert path is not None
    return load_catalogue(path, cache=cache)


def read_catalogue_json(path: str | Path) -> Catalogue:
    """A catalogue saved as JSON, validated against ``docgen/data/catalogue.schema.json``; a one-line
    ``InputError`` naming the file (and the JSON path of the first problem) for anything else."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_CATALOGUE_BYTES:
            raise InputError(f"catalogue file larger than {MAX_CATALOGUE_BYTES} bytes", path=str(p))
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(p)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a JSON catalogue ({exc})", path=str(p)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("parameters"), dict):
        raise InputError("not a catalogue (no 'parameters' object)", path=str(p))
    validate(data, str(p))
    return catalogue_from_json(data)


def build_index(catalogues: list[tuple[dict[str, str], Catalogue]]) -> dict[str, Any]:
    """``[(entry_meta, catalogue)]`` → ``{key: [{act, date, value, unit, source}]}`` sorted by date."""
    index: dict[str, list[dict[str, Any]]] = {}
    for meta, cat in catalogues:
        for p in cat:
            index.setdefault(p.key, []).append(
                {
                    "act": meta["slug"],
                    "date": meta["date"],
                    "language": meta["language"],
                    "generation": cat.act.generation,
                    "value": p.value,
                    "unit": p.unit,
                    "source": {"point": p.source.point, "quote": p.source.quote},
                }
            )
    for values in index.values():
        values.sort(key=lambda v: (v["date"], v["act"]))
    return {"keys": dict(sorted(index.items()))}


def build_corpus(root: str | Path, outdir: str | Path, *, force: bool = False) -> list[Path]:
    from .corpus import load_corpus

    out = Path(outdir)
    written: list[Path] = []
    pairs: list[tuple[dict[str, str], Catalogue]] = []
    for entry in load_corpus(root):
        cat = catalogue_for_path(entry.text_path).with_extra(
            corpus={
                "act": entry.slug,
                "version_date": entry.version_date,
                "seed_file": entry.meta["seed_file"],
            }
        )
        target = out / entry.slug / f"{entry.version_date}.json"
        check_writable(target, force)
        write_text(target, json.dumps(cat.to_json(), ensure_ascii=False, indent=1), force=force)
        written.append(target)
        pairs.append(({"slug": entry.slug, "date": entry.version_date, "language": entry.language}, cat))
    index_path = out / "index.json"
    check_writable(index_path, force)
    write_text(index_path, json.dumps(build_index(pairs), ensure_ascii=False, indent=1), force=force)
    written.append(index_path)
    return written
