"""Check stage, provenance: the structured ``source`` of every profile value and the facts behind them.

Consumes ``legal_corpus/models/sources.yaml`` (public documents and the model-edition facts, each with
its citations) and the ``source`` nodes of a profile; produces nothing but validation: a citation that
names no seed, no known document or fact, or has a malformed address or date raises
:class:`~docgen.editions.ProfileError` naming the file and the exact place. Shapes of a citation:
``{act, point}`` (``point`` omitted = the act as a whole, for "absent in" claims), ``{url, title, date}``,
``{document: id}``, ``{fact: id}``. A profile's ``source`` is ``{note, refs: [citation, ...]}``; the
note is the reading printed in check reports.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..editions import ProfileError, models_dir, read_profile_yaml
from .findings import EVIDENCE

POINT = re.compile(r"(\d+(-\d+)?|app\d+|ch\d+|header)")
URL = re.compile(r"https?://\S+")
SHAPES = ({"act"}, {"act", "point"}, {"url", "title", "date"}, {"document"}, {"fact"})
FACT_EVIDENCE = (*EVIDENCE, "UNKNOWN")


def _corpus_root() -> Path:
    root = models_dir().parent
    return root if (root / "acts").is_dir() else Path(__file__).resolve().parents[2] / "legal_corpus"


@lru_cache(maxsize=4)
def _seed_ids(root: str) -> frozenset[str]:
    from ..corpus import load_corpus

    return frozenset(e.text_path.stem[:3] for e in load_corpus(root))


def seed_ids() -> frozenset[str]:
    """Seed numbers (``000`` ... ``004``) of the acts in ``legal_corpus/acts``."""
    return _seed_ids(str(_corpus_root()))


def note(source: Any) -> str:
    """The human reading of a source (what check reports print as ``model_source``)."""
    return str(source.get("note", "")) if isinstance(source, dict) else str(source)


def check_citation(ref: Any, known: dict[str, Any], path: str, where: str) -> None:
    if not isinstance(ref, dict) or set(ref) not in SHAPES:
        shapes = " or ".join("{" + ", ".join(sorted(s)) + "}" for s in SHAPES)
        raise ProfileError(f"a citation is {shapes}", path=path, where=where)
    if "act" in ref:
        if str(ref["act"]) not in seed_ids():
            raise ProfileError(
                f"no seed {ref['act']!r} in legal_corpus/acts", path=path, where=f"{where}.act"
            )
        if "point" in ref and not (isinstance(ref["point"], str) and POINT.fullmatch(ref["point"])):
            raise ProfileError(
                f"point must be like '10', '28-32', 'app1', 'ch6' or 'header', found {ref['point']!r}",
                path=path,
                where=f"{where}.point",
            )
    elif "url" in ref:
        if not (isinstance(ref["url"], str) and URL.fullmatch(ref["url"])):
            raise ProfileError(f"not an http(s) address: {ref['url']!r}", path=path, where=f"{where}.url")
        if not (isinstance(ref["title"], str) and ref["title"].strip()):
            raise ProfileError("a title is required", path=path, where=f"{where}.title")
        try:
            dt.date.fromisoformat(str(ref["date"]))
        except ValueError:
            raise ProfileError(
                f"expected a date YYYY-MM-DD, found {ref['date']!r}", path=path, where=f"{where}.date"
            ) from None
    else:
        kind = "document" if "document" in ref else "fact"
        if ref[kind] not in known[kind + "s"]:
            raise ProfileError(
                f"unknown {kind} {ref[kind]!r} (see legal_corpus/models/sources.yaml)",
                path=path,
                where=f"{where}.{kind}",
            )


def check_source(node: Any, path: str, where: str) -> None:
    """One profile ``source``: ``{note, refs}`` with at least one valid citation."""
    if not isinstance(node, dict) or set(node) != {"note", "refs"}:
        raise ProfileError("source must be {note: ..., refs: [citation, ...]}", path=path, where=where)
    if not (isinstance(node["note"], str) and node["note"].strip()):
        raise ProfileError("the note must be text", path=path, where=f"{where}.note")
    refs = node["refs"]
    if not isinstance(refs, list) or not refs:
        raise ProfileError("needs at least one citation", path=path, where=f"{where}.refs")
    known = sources()
    for i, ref in enumerate(refs):
        check_citation(ref, known, path, f"{where}.refs[{i}]")


def check_all_sources(data: Any, path: str, where: str = "") -> None:
    """Every ``source`` anywhere in a profile (values, provisions, forms, boundaries, point numbers)."""
    if isinstance(data, dict):
        for key, value in data.items():
            here = f"{where}.{key}" if where else str(key)
            if key == "source":
                check_source(value, path, here)
            else:
                check_all_sources(value, path, here)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            check_all_sources(item, path, f"{where}[{i}]")


def _validate_sources(data: Any, path: str) -> dict[str, Any]:
    if not isinstance(data, dict) or set(data) != {"documents", "facts"}:
        raise ProfileError("sources.yaml has two mappings: documents and facts", path=path)
    docs, facts = data["documents"], data["facts"]
    if not isinstance(docs, dict) or not isinstance(facts, dict):
        raise ProfileError("documents and facts must be mappings", path=path)
    known = {"documents": docs, "facts": facts}
    for doc_id, doc in docs.items():
        if not isinstance(doc, dict) or set(doc) != {"url", "title", "date"}:
            raise ProfileError("a document is {url, title, date}", path=path, where=f"documents.{doc_id}")
        check_citation(doc, known, path, f"documents.{doc_id}")
    for fact_id, fact in facts.items():
        where = f"facts.{fact_id}"
        if not isinstance(fact, dict) or set(fact) != {"statement", "evidence", "sources"}:
            raise ProfileError("a fact is {statement, evidence, sources}", path=path, where=where)
        if fact["evidence"] not in FACT_EVIDENCE:
            raise ProfileError(
                f"evidence must be one of {', '.join(FACT_EVIDENCE)}", path=path, where=f"{where}.evidence"
            )
        if not isinstance(fact["sources"], list) or not fact["sources"]:
            raise ProfileError("needs at least one citation", path=path, where=f"{where}.sources")
        for i, ref in enumerate(fact["sources"]):
            if isinstance(ref, dict) and "fact" in ref:
                raise ProfileError("a fact cites documents and acts, not facts", path=path, where=where)
            check_citation(ref, known, path, f"{where}.sources[{i}]")
    return known


@lru_cache(maxsize=4)
def _sources(directory: str) -> dict[str, Any]:
    path = Path(directory) / "sources.yaml"
    return _validate_sources(read_profile_yaml(path), str(path))


def sources() -> dict[str, Any]:
    """``{"documents": {...}, "facts": {...}}`` of ``legal_corpus/models/sources.yaml`` (validated)."""
    return _sources(str(models_dir()))
