"""Expected findings for the five seeds (tests/data/check/seeds/<seed>.json), read by a person."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest

from docgen.catalogue import read_catalogue_json
from docgen.check import CheckResult, check_path

from .conftest import DATA, ROOT, SEEDS, load_json, matches

CASES = sorted(p.stem for p in (DATA / "seeds").glob("*.json"))


@lru_cache(maxsize=8)
def _result(seed: str) -> CheckResult:
    spec = load_json(DATA / "seeds" / f"{seed}.json")
    catalogue = read_catalogue_json(ROOT / "tests" / "data" / "expected" / f"{seed}.json")
    return check_path(str(SEEDS[seed]), as_of=dt.date.fromisoformat(spec["as_of"]), catalogue=catalogue)


@pytest.mark.parametrize("seed", CASES)
def test_every_expected_finding_is_reported(seed: str) -> None:
    spec = load_json(DATA / "seeds" / f"{seed}.json")
    result = _result(seed)
    assert result.edition == spec["edition"]
    assert result.act_date == spec["act_date"]
    for exp in spec["findings"]:
        assert any(matches(exp, f) for f in result.findings), f"missing {exp}"


@pytest.mark.parametrize("seed", CASES)
def test_no_unexpected_error_or_warning(seed: str) -> None:
    spec = load_json(DATA / "seeds" / f"{seed}.json")
    result = _result(seed)
    for f in result.findings:
        if f.severity == "info":
            continue
        assert any(matches(exp, f) for exp in spec["findings"]), f"unexpected {f.code} {f.point}: {f.message}"


@pytest.mark.parametrize("seed", CASES)
def test_quotes_are_exact_substrings_of_the_raw_text(seed: str) -> None:
    raw = SEEDS[seed].read_text(encoding="utf-8")
    for f in _result(seed).findings:
        assert f.quote in raw, (f.code, f.quote)


def test_messages_are_in_the_act_language() -> None:
    kk = _result("003_2e27b257be2a4c2f")
    ru = _result("004_cb6464f9152e2bf0")
    assert kk.language == "kk" and ru.language == "ru"
    ref_kk = next(f for f in kk.findings if f.code == "broken_cross_reference.inherited" and f.point == "18")
    ref_ru = next(f for f in ru.findings if f.code == "broken_cross_reference.inherited" and f.point == "18")
    assert "тармақ" in ref_kk.message and "пункт" in ref_ru.message
    assert ref_kk.evidence == ref_ru.evidence == "INFERRED"
    assert ref_ru.details["should_be"] == "10" and ref_ru.details["need"] == "calibration_procedure"


def test_seeds_with_defects_fail() -> None:
    """Exit 1 exactly for the seeds whose reading records an error (001's only defect is its cut-off
    source, a warning)."""
    for seed in CASES:
        errors = any(
            f.get("severity") == "error" for f in load_json(DATA / "seeds" / f"{seed}.json")["findings"]
        )
        assert _result(seed).exit_code == (1 if errors else 0), seed
