"""Round trip on drafts of four invented bodies, kk and ru (issue 11 item 5): parse(draft) gives
every value the draft states, at the provision that states it; check(draft) has no error-level
finding; every cross reference resolves to the provision it links (by content, not by number)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from docgen.check import check_path
from docgen.draft import Draft, draft, load_body
from docgen.draft.adapter import cross_references_of, parameters_of, parsed_catalogue

DATA = Path(__file__).parent / "data"
BODIES = ["body_akimat", "body_maslikhat", "body_agency", "body_committee"]
CASES = [(b, lang) for b in BODIES for lang in ("kk", "ru")]


@cache
def _made(body: str, lang: str, tmp: str) -> tuple[Draft, dict[str, Any], Path]:
    d = draft("E4", load_body(DATA / f"{body}.yaml"), lang)
    path = Path(tmp) / f"{body}.{lang}.txt"
    path.write_text(d.text, encoding="utf-8")
    return d, parsed_catalogue(path), path


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("drafts"))


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_parse_gives_every_value_at_its_point(body: str, lang: str, tmp: str) -> None:
    d, cat, _ = _made(body, lang, tmp)
    got = parameters_of(cat)
    assert got == d.stated
    assert cat.act.generation == "2025_quarterly_sheets"


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_body_parameters_come_back(body: str, lang: str, tmp: str) -> None:
    d, cat, _ = _made(body, lang, tmp)
    params = load_body(DATA / f"{body}.yaml").parameters
    got = parameters_of(cat)
    for key, value in params.items():
        assert got[key]["value"] == value
        assert got[key]["point"] == "19"  # the calibration session provision, 19th in the draft


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_check_has_no_error(body: str, lang: str, tmp: str) -> None:
    _, cat, path = _made(body, lang, tmp)
    result = check_path(str(path), "E4", as_of=dt.date(2026, 6, 1), catalogue=cat)
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize(("body", "lang"), CASES)
def test_cross_references_resolve(body: str, lang: str, tmp: str) -> None:
    d, cat, _ = _made(body, lang, tmp)
    points = {b.number: b for b in d.blocks if b.kind == "point"}
    parsed = {(r["from_point"], str(r.get("to_point"))) for r in cross_references_of(cat) if "to_point" in r}
    assert len(d.links) == 3  # p. 6 -> deadlines, pp. 18 and 20 -> calibration application
    for link in d.links:
        assert (link["point"], link["target_point"]) in parsed
        target = points[link["target_point"]].text
        # the content the link is meant for: the deadlines point, the calibration application point
        words = {
            ("deadlines", "kk"): "тоқсаннан кейінгі айдың",
            ("deadlines", "ru"): "месяца, следующего за отчетным кварталом",
            ("calibration_application", "kk"): "калибрлеу сессиясын өткізу жөнінде",
            ("calibration_application", "ru"): "о проведении калибровочной сессии",
        }[(link["target_id"], lang)]
        assert words in target


def test_a_value_the_body_sets_changes_only_its_slot(tmp: str) -> None:
    a, _, _ = _made("body_akimat", "kk", tmp)
    b, _, _ = _made("body_maslikhat", "kk", tmp)
    diff = [k for k in a.stated if a.stated[k] != b.stated[k]]
    assert diff == ["calibration_min_members"]
