"""Accuracy of the catalogue on the seeds and variant texts against expected catalogues written by reading.

The expected files (tests/data/expected, tests/data/variants) were written by people reading the texts,
never copied from program output. Aim of the issue: recall >= 0.95 and precision >= 0.98 per text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docgen.accuracy import score
from docgen.catalogue import catalogue_for_path, read_catalogue_json
from docgen.catalogue_model import Catalogue

ROOT = Path(__file__).resolve().parents[2]


def _cases() -> list[tuple[Path, Path]]:
    out = []
    for exp in sorted((ROOT / "tests/data/expected").glob("*.json")):
        seed = next(ROOT.glob(f"legal_corpus/acts/*/{exp.stem}.txt"))
        out.append((seed, exp))
    for folder in ("variants", "heldout", "heldout2", "heldout3"):
        for exp in sorted((ROOT / "tests/data" / folder).glob("*.json")):
            src = next(exp.with_suffix(s) for s in (".txt", ".docx", ".html") if exp.with_suffix(s).exists())
            out.append((src, exp))
    return out


CASES = _cases()


@pytest.fixture(scope="module")
def catalogues() -> dict[Path, dict]:
    return {txt: catalogue_for_path(txt).to_json() for txt, _ in CASES}


def test_there_are_five_seeds_and_at_least_six_variants() -> None:
    seeds = [t for t, _ in CASES if "legal_corpus" in str(t)]
    variants = [t for t, _ in CASES if "/variants/" in str(t)]
    assert len(seeds) == 5
    assert len(variants) >= 6
    langs = {t.name.split("_")[1] for t in variants}
    gens = {t.name.split("_")[0] for t in variants}
    assert langs == {"kk", "ru"} and gens == {"e0", "e1", "e4"}


@pytest.mark.parametrize(("txt", "exp"), CASES, ids=[t.name for t, _ in CASES])
def test_values_and_points(txt: Path, exp: Path, catalogues: dict[Path, dict]) -> None:
    rep = score(read_catalogue_json(exp), Catalogue.from_json(catalogues[txt]), txt.name)
    assert rep.total.recall >= 0.95, rep.misses
    assert rep.total.precision >= 0.98, rep.misses
    # source points: annotators sometimes pick a later statement of the same value (the format says the
    # first one); per text we allow that, overall the points must agree (test below)
    assert rep.total.point_recall >= 0.9, rep.misses


def test_overall_points(catalogues: dict[Path, dict]) -> None:
    from docgen.accuracy import summary

    reps = [score(read_catalogue_json(e), Catalogue.from_json(catalogues[t]), t.name) for t, e in CASES]
    total = summary(reps)["parameters"]
    assert total["precision"] >= 0.98 and total["recall"] >= 0.95
    assert total["point_precision"] >= 0.98 and total["point_recall"] >= 0.98


@pytest.mark.parametrize(("txt", "exp"), CASES, ids=[t.name for t, _ in CASES])
def test_every_quote_is_the_raw_text_at_its_offsets(
    txt: Path, exp: Path, catalogues: dict[Path, dict]
) -> None:
    from docgen.reading import read_source

    raw = read_source(txt).raw
    cat = catalogues[txt]
    assert cat["parameters"], "no parameters extracted"
    for key, p in cat["parameters"].items():
        src = p["source"]
        assert raw[src["start"] : src["end"]] == src["quote"], key
        assert src["quote"].strip(), key
        assert p["rule"], key
    for ref in cat["cross_references"]:
        assert ref["quote"] in raw


@pytest.mark.parametrize(("txt", "exp"), CASES, ids=[t.name for t, _ in CASES])
def test_generation_and_form_kinds(txt: Path, exp: Path, catalogues: dict[Path, dict]) -> None:
    expected = json.loads(exp.read_text(encoding="utf-8"))
    cat = catalogues[txt]
    assert cat["document"]["generation"] == expected["document"]["generation"]
    assert cat["document"]["generation_evidence"]
    kinds = {f["appendix"]: f["kind"] for f in cat["forms"]}
    for f in expected.get("forms", []):
        assert kinds.get(f["appendix"]) == f["kind"], f["appendix"]


def test_absent_keys_are_absent_not_defaulted(catalogues: dict[Path, dict]) -> None:
    cat = next(c for t, c in catalogues.items() if t.name.startswith("002_"))
    # 002 (Shakhtinsk) has no own appendices, so no sheet caps and no KPI table
    for key in ("disciplinary_cap_minor", "disciplinary_cap_major", "kpi_score_table", "commission_quorum"):
        assert key not in cat["parameters"]
    assert cat["forms"] == []
