"""Provenance of the model profiles: structured sources inside the repository, validated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from docgen.catalogue import parse_document
from docgen.check import all_profiles, load_profile_file
from docgen.check.provenance import seed_ids, sources
from docgen.corpus import load_corpus
from docgen.editions import ProfileError

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "legal_corpus" / "models"
E4 = MODELS / "E4.yaml"


def _sources(node: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "source":
                yield where, value
            else:
                yield from _sources(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _sources(item, f"{where}[{i}]")


def _citations() -> Iterator[tuple[str, dict[str, Any]]]:
    for prof in all_profiles():
        for where, src in _sources(prof.data):
            for ref in src["refs"]:
                yield f"{prof.edition}{where}", ref
    for fact_id, fact in sources()["facts"].items():
        for ref in fact["sources"]:
            yield f"sources.yaml:{fact_id}", ref


def test_no_profile_points_outside_the_repository() -> None:
    for path in sorted(p for p in MODELS.rglob("*") if p.is_file()):
        assert "/work/" not in path.read_text(encoding="utf-8"), path.name


def test_every_source_is_structured_with_citations() -> None:
    count = 0
    for prof in all_profiles():
        for where, src in _sources(prof.data):
            assert set(src) == {"note", "refs"} and src["refs"], f"{prof.edition}{where}"
            count += 1
    assert count >= 150  # every dated value, provision, form, boundary and point numbering


def test_notes_naming_the_old_working_notes_resolve_to_a_fact() -> None:
    for prof in all_profiles():
        for where, src in _sources(prof.data):
            if "MODEL_EDITIONS" in src["note"]:
                assert any("fact" in r for r in src["refs"]), f"{prof.edition}{where}"


def test_every_cited_point_exists_in_its_seed() -> None:
    units: dict[str, set[str]] = {}
    for entry in load_corpus(ROOT / "legal_corpus"):
        doc = parse_document(str(entry.text_path))
        units[entry.text_path.stem[:3]] = (
            {p.number for p in doc.points}
            | {f"app{a.number}" for a in doc.appendices}
            | {f"ch{c.number}" for c in doc.chapters}
            | {"header"}
        )
    assert set(units) == seed_ids()
    for where, ref in _citations():
        if "point" in ref:
            for part in ref["point"].split("-") if ref["point"][0].isdigit() else [ref["point"]]:
                assert part in units[ref["act"]], f"{where}: {ref}"


def test_facts_and_documents_are_complete() -> None:
    data = sources()
    assert {"model_act", "e4_in_force", "model_point_offset", "e4_new_rules"} <= set(data["facts"])
    for doc in data["documents"].values():
        assert doc["url"].startswith(("https://", "http://"))
    cited = {ref.get("document") for _, ref in _citations()} | {ref.get("fact") for _, ref in _citations()}
    assert set(data["documents"]) <= cited, "a document nobody cites"


def _broken(tmp_path: Path, mutate) -> Path:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(E4.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "E9.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _first_value(d: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = d["parameters"]["min_tenure"]["values"][0]
    return entry


@pytest.mark.parametrize(
    ("mutate", "where", "words"),
    [
        (lambda d: _first_value(d).update(source="seeds 003/004 p. 5"), ".source", "note"),
        (lambda d: _first_value(d)["source"].update(refs=[]), ".source.refs", "at least one"),
        (
            lambda d: _first_value(d)["source"]["refs"].append({"act": "009", "point": "5"}),
            "].act",
            "no seed",
        ),
        (
            lambda d: _first_value(d)["source"]["refs"].append({"act": "003", "point": "p. 5"}),
            "].point",
            "like",
        ),
        (
            lambda d: _first_value(d)["source"]["refs"].append({"fact": "no_such_fact"}),
            "].fact",
            "unknown fact",
        ),
        (
            lambda d: _first_value(d)["source"]["refs"].append(
                {"url": "ftp://x", "title": "t", "date": "2025-01-01"}
            ),
            "].url",
            "http",
        ),
        (
            lambda d: _first_value(d)["source"]["refs"].append(
                {"url": "https://x.kz", "title": "t", "date": "May"}
            ),
            "].date",
            "date",
        ),
        (lambda d: _first_value(d)["source"]["refs"].append({"act": "003", "page": "5"}), "]", "citation"),
    ],
)
def test_bad_citations_are_rejected_with_their_place(tmp_path: Path, mutate, where: str, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ProfileError) as err:
        load_profile_file(_broken(tmp_path, mutate))
    assert err.value.exit_code == 2
    assert err.value.where and err.value.where.startswith("parameters.min_tenure.values[0].source")
    assert err.value.where.endswith(where), err.value.where
    assert words in err.value.message


def test_generation_ids_everywhere_are_the_profiles_ones() -> None:
    """The catalogue schema and the corpus metadata know exactly the generations the profiles define."""
    import json

    from docgen.editions import generation_edition

    generations = set(generation_edition())
    schema = json.loads((ROOT / "docgen" / "data" / "catalogue.schema.json").read_text(encoding="utf-8"))
    enum = schema["properties"]["document"]["properties"]["generation"]["enum"]
    assert set(enum) == generations | {None}
    assert {e.generation for e in load_corpus(ROOT / "legal_corpus")} <= generations


def test_no_profile_or_model_text_points_outside_the_repository() -> None:
    """Issue 9 item 6: the profiles once cited the project's working notes outside the repository;
    every note now names a fact of legal_corpus/models/sources.yaml instead."""
    models = Path(__file__).resolve().parents[2] / "legal_corpus" / "models"
    for path in sorted(models.rglob("*.yaml")) + [models / "README.md"]:
        text = path.read_text(encoding="utf-8")
        for outside in ("MODEL_EDITIONS", "DOMAIN.md", "STYLE.md", "/work/shared"):
            assert outside not in text, (path.name, outside)
