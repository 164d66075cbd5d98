"""Model profiles: loading, validation errors, dated values, edition selection; data completeness."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from docgen.check import all_profiles, in_force_on, load_profile, load_profile_file
from docgen.check.data import fold, messages_data, topics_data
from docgen.errors import DataError, UsageError

E4 = Path(__file__).resolve().parents[2] / "legal_corpus" / "models" / "E4.yaml"


def test_bundled_editions_load_and_chain() -> None:
    eds = [p.edition for p in all_profiles()]
    assert eds == ["E0", "E1", "E4"]
    assert in_force_on(dt.date(2018, 4, 9)).edition == "E0"  # type: ignore[union-attr]
    assert in_force_on(dt.date(2023, 3, 31)).edition == "E1"  # type: ignore[union-attr]
    assert in_force_on(dt.date(2025, 7, 31)).edition == "E1"  # type: ignore[union-attr]
    assert in_force_on(dt.date(2025, 8, 1)).edition == "E4"  # type: ignore[union-attr]


def test_dated_values_and_evidence() -> None:
    e1 = load_profile("E1")
    assert e1.value_at("min_tenure", dt.date(2022, 6, 1))["value"] == 3  # type: ignore[index]
    later = e1.value_at("min_tenure", dt.date(2023, 9, 19))
    assert later is not None and later["value"] == 1 and later["evidence"] == "INFERRED"
    e4 = load_profile("e4")
    deadline = e4.value_at("quarterly_deadline_day", dt.date(2026, 1, 1))
    assert deadline is not None and deadline["value"] == 20 and deadline["evidence"] == "FACT"
    assert e4.model_points == {"deadlines": "5", "calibration_application": "11", "appeal": "12"}


def test_profile_by_path() -> None:
    assert load_profile(str(E4)).edition == "E4"


def test_unknown_edition_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        load_profile("E7")


def _broken(tmp_path: Path, mutate) -> Path:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(E4.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "E9.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "where", "words"),
    [
        (
            lambda d: d["parameters"]["min_tenure"]["values"][0].update(evidence="GUESS"),
            "parameters.min_tenure.values[0].evidence",
            "FACT",
        ),
        (
            lambda d: d["parameters"]["min_tenure"]["values"][0].update({"from": "2025-13-01"}),
            "parameters.min_tenure.values[0].from",
            "date",
        ),
        (
            lambda d: d["provisions"][3].update(topics=["no_such_topic"]),
            "provisions.deadlines.topics",
            "unknown topic",
        ),
        (
            lambda d: d["provisions"][3].update(params=["no_such_key"]),
            "provisions.deadlines.params",
            "no dated values",
        ),
        (lambda d: d.pop("in_force"), "profile", "in_force"),
        (lambda d: d["forms"][0].pop("evidence"), "forms[0]", "evidence"),
        (lambda d: d.pop("signals"), "profile", "signals"),
        (lambda d: d["signals"].update(keys="min_tenure"), "signals.keys", "list"),
        (lambda d: d.update(generation="2030_unknown"), "generation", "unknown generation"),
    ],
)
def test_validation_errors_are_precise(tmp_path: Path, mutate, where: str, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataError) as err:
        load_profile_file(_broken(tmp_path, mutate))
    assert err.value.where == where
    assert words in err.value.message
    assert "E9.yaml" in err.value.one_line()


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("edition: E9\nparameters: [\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_profile_file(path)
    assert err.value.where and err.value.where.startswith("line")


def test_every_message_code_has_both_languages() -> None:
    for code, entry in messages_data()["codes"].items():
        assert set(entry) == {"kk", "ru"}, code


def test_every_topic_has_both_languages_and_a_label() -> None:
    labels = messages_data()["labels"]["topics"]
    for topic, spec in topics_data()["topics"].items():
        assert set(spec) == {"kk", "ru"}, topic
        assert set(labels[topic]) == {"kk", "ru"}, topic


def test_profile_topics_exist_in_both_languages_for_worded_provisions() -> None:
    for prof in all_profiles():
        for prov in prof.provisions:
            for lang in prov.get("text", {}):
                for t in prov.get("topics", []):
                    assert lang in topics_data()["topics"][t]


@given(
    st.text(
        alphabet="абвгдеёжзиклмнопрстуфхцчшщыэюяәғқңөұүһіaceoprxyirstmkABCEHIKMOPTX -.,\n0123456789",
        max_size=200,
    )
)
def test_fold_keeps_length_and_is_idempotent(s: str) -> None:
    once = fold(s)
    assert len(once) == len(s)
    assert fold(once) == once


def test_generations_and_their_signals_come_from_the_profiles() -> None:
    """One table: the extractor's detector and the checker's edition choice read the profiles."""
    from docgen.editions import generation_edition, generation_signals
    from docgen.extract.generation import decide_generation

    profiles = all_profiles()
    assert generation_edition() == {p.generation: p.edition for p in profiles}
    assert list(generation_signals()) == [p.generation for p in profiles]  # oldest first: ties -> older
    for p in profiles:
        sig = p.data["signals"]
        params = {k: {"source": {"point": "1"}} for k in sig["keys"]}
        forms = [{"kind": k, "appendix": i + 1} for i, k in enumerate(sig["forms"])]
        generation, evidence = decide_generation(params, forms)
        assert generation == p.generation
        assert len(evidence) == len(sig["keys"]) + len(sig["forms"])
    assert decide_generation({}, []) == (None, [])
