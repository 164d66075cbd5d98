"""Planted defects (tests/data/check/variants) and clean texts generated from the model profiles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docgen.catalogue import read_catalogue_json
from docgen.check import check_path, load_profile
from docgen.check.generate import generate_clean

from .conftest import DATA, load_json, matches

VARIANTS = sorted(p.name[: -len(".expected.json")] for p in (DATA / "variants").glob("*.expected.json"))


@pytest.mark.parametrize("name", VARIANTS)
def test_planted_defects_are_found(name: str) -> None:
    base = DATA / "variants" / name
    catalogue = read_catalogue_json(Path(f"{base}.catalogue.json"))
    expected = load_json(Path(f"{base}.expected.json"))["findings"]
    as_of = dt.date.fromisoformat(str(catalogue.act.act_date))
    result = check_path(f"{base}.txt", as_of=as_of, catalogue=catalogue)
    for exp in expected:
        assert any(matches(exp, f) for f in result.findings), (
            f"missing {exp}: {[f.code + '@' + f.point for f in result.findings]}"
        )
    for f in result.findings:
        if f.severity != "info":
            assert any(matches(exp, f) for exp in expected), f"unexpected {f.code} {f.point}: {f.message}"
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("edition", "lang"), [("E4", "kk"), ("E4", "ru"), ("E1", "kk"), ("E0", "kk"), ("E0", "ru")]
)
def test_clean_text_from_profile_has_no_error(tmp_path: Path, edition: str, lang: str) -> None:
    profile = load_profile(edition)
    text, catalogue = generate_clean(profile, lang)
    path = tmp_path / f"clean_{edition}_{lang}.txt"
    path.write_text(text, encoding="utf-8")
    as_of = dt.date.fromisoformat(str(catalogue.act.act_date))
    result = check_path(str(path), as_of=as_of, catalogue=catalogue)
    assert result.edition == edition
    assert [f.code for f in result.findings if f.severity == "error"] == []
    assert result.exit_code == 0


def test_clean_text_checked_against_another_edition_deviates(tmp_path: Path) -> None:
    text, catalogue = generate_clean(load_profile("E4"), "ru")
    path = tmp_path / "clean.txt"
    path.write_text(text, encoding="utf-8")
    result = check_path(str(path), "E1", catalogue=catalogue, as_of=dt.date(2025, 9, 30))
    codes = {f.code for f in result.findings}
    assert result.edition == "E1"
    assert "model_deviation.parameter" in codes  # 20th instead of the 10th
    assert any(f.details.get("key") == "quarterly_deadline_day" for f in result.findings)
