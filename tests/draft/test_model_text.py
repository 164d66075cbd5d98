"""The model edition E4 as text (legal_corpus/models/texts/E4.kk.yaml, E4.ru.yaml): every provision
has its source act and point and an evidence label; values are slots bound to catalogue keys, cross
references are links to provisions; never a literal number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from docgen.draft.model import PLACEHOLDER, literal_numbers, load_model_text

ROOT = Path(__file__).resolve().parents[2]
KEYS = set(yaml.safe_load((ROOT / "docgen" / "data" / "keys.yaml").read_text(encoding="utf-8")))
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in (ROOT / "legal_corpus" / "acts").glob("*/*.txt")}


def _paragraphs(prov: dict) -> list[str]:  # type: ignore[type-arg]
    return [*prov["text"], *prov.get("items", [])]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_provision_has_source_and_evidence(lang: str) -> None:
    model = load_model_text("E4", lang)
    assert len(model.provisions) == 23  # points 1-23 of 003; 004 has the same 23 (numbered up to 24)
    for prov in model.provisions:
        assert prov["evidence"] in ("FACT", "SEED-FACT", "INFERRED")
        src = prov["source"]
        seed = SEEDS[src["act"]]
        # the cited point exists in the cited seed ("17. ..." at the start of a line)
        assert re.search(rf"^\s*{src['point']}\. ", seed, re.M), (prov["id"], src)
        assert src["act"] == ("003" if lang == "kk" else "004")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_same_provisions_as_the_profile(lang: str) -> None:
    model = load_model_text("E4", lang)
    ids = [p["id"] for p in model.provisions]
    assert ids == [p["id"] for p in model.profile["provisions"] if p.get("chapter")]
    other = load_model_text("E4", "ru" if lang == "kk" else "kk")
    assert ids == [p["id"] for p in other.provisions]
    for mine, theirs in zip(model.provisions, other.provisions, strict=True):
        assert mine.get("params") == theirs.get("params")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_values_are_slots_and_links(lang: str) -> None:
    model = load_model_text("E4", lang)
    ids = {p["id"] for p in model.provisions}
    for prov in model.provisions:
        for key in prov.get("params", []):
            assert key in KEYS, key
        for para in _paragraphs(prov):
            if prov["id"] != "purpose":  # point 1 cites the Law (art. 33 p. 5) and order No. 13 of 2018
                assert literal_numbers(para) == [], (prov["id"], para)
            for m in PLACEHOLDER.finditer(para):
                what, arg = m.group(1), m.group(2)
                if what == "ref":
                    assert arg in ids
                if what in ("p", "n"):
                    key = arg.split(":")[0].split(".")[0]
                    assert key in KEYS and key in prov.get("params", []), (prov["id"], key)
    notes = model.data["appendix"]["notes"]
    for para in notes["text"]:
        assert literal_numbers(para) == []


def test_body_parameters_name_a_provision() -> None:
    model = load_model_text("E4", "kk")
    for key, spec in model.body_parameters.items():
        assert key in KEYS
        prov = next(p for p in model.provisions if p["id"] == spec["provision"])
        assert key in prov["params"]
        assert spec["min"] <= model.value(key, __import__("datetime").date(2026, 1, 1)) <= spec["max"]
