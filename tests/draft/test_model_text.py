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
    appendix = model.data["appendix"]
    for para in [*appendix["head"], *appendix["notes"]["text"], *appendix["tail"]]:
        assert literal_numbers(para) == []


def test_body_parameters_name_a_provision() -> None:
    model = load_model_text("E4", "kk")
    for key, spec in model.body_parameters.items():
        assert key in KEYS
        prov = next(p for p in model.provisions if p["id"] == spec["provision"])
        assert key in prov["params"]
        assert spec["min"] <= model.value(key, __import__("datetime").date(2026, 1, 1)) <= spec["max"]


def _points(text: str, start: str, stop: str) -> dict[str, str]:
    """Point number -> its paragraphs joined, from the chapter-1 heading to the first appendix caption."""
    body = text[text.index(start) :]
    end = re.search(stop, body, re.M)
    body = body[: end.start()] if end else body
    out: dict[str, list[str]] = {}
    cur = 0
    for line in body.splitlines():
        m = re.match(r"\s*(\d+)\. (.*)", line)
        if m and int(m.group(1)) in (cur + 1, cur + 2):
            cur = int(m.group(1))
            out[str(cur)] = [m.group(2)]
        elif cur and line.strip():
            out[str(cur)].append(line.strip())
    return {k: " ".join(" ".join(v).split()) for k, v in out.items()}


# Where the model text departs from its source act on purpose (the provision's source.note says why):
# ru 1 cites order No. 13 as 003 does and not the law's date; ru 2 and 16 keep only the category list common to 003 and 004; ru 19 leaves out 004's
# revision-commission rule; kk 23 runs into the appendix caption, whose lines name the body.
DEPARTURES = {("ru", "1"): 0.75, ("ru", "2"): 0.9, ("ru", "16"): 0.75, ("ru", "19"): 0.9, ("kk", "23"): 0.93}


@pytest.mark.parametrize(
    ("lang", "seed", "start", "stop"),
    [("kk", "003", "1-тарау", r"^\s*1-қосымша\s*$"), ("ru", "004", "Глава 1", r"^\s*Приложение 1\b")],
)
def test_text_reproduces_its_source_act(lang: str, seed: str, start: str, stop: str) -> None:
    """Drafted for the seed's own body with the seed's values, each point matches the seed's point."""
    import datetime as dt
    import difflib

    from docgen.draft import draft
    from docgen.draft.body import Body

    names = {
        "kk": "Павлодар қаласы әкімдігінің атқарушы органдары",
        "ru": 'государственное учреждение "Аппарат акима Западно-Казахстанской области" и областные исполнительные органы',
    }
    made = draft("E4", Body(names, "akimat", "resolution", "1", dt.date(2026, 4, 9)), lang)
    mine = _points(made.text, start, stop)
    theirs = _points(SEEDS[seed], start, stop)
    assert len(mine) == 23
    for number, text in mine.items():
        source = "24" if (seed, number) == ("004", "23") else number  # 004 skips 23
        ratio = difflib.SequenceMatcher(None, text, theirs[source], autojunk=False).ratio()
        assert ratio >= DEPARTURES.get((lang, number), 0.97), (lang, number, round(ratio, 3))
