"""Issue 12 item 1: `check` judges provisions by the catalogue (values with provenance), not by its
own phrase lists, so a wording `parse` reads is not "missing", and one changed value is one finding."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.check import check_path
from docgen.check.inputs import load

from .conftest import DATA

TRUTH = DATA / "truth"


@pytest.mark.parametrize("name", ["e4_ru_digital_system", "e4_kk_digital_system"])
def test_digital_system_wording_is_not_missing(name: str) -> None:
    path = str(TRUTH / f"{name}.txt")
    _, catalogue = load(path, build_catalogue=True)
    assert catalogue is not None
    param = catalogue.param("evaluation_system")
    assert param is not None and param.value == "e_kyzmet" and param.source.point == "3"
    result = check_path(path, as_of=dt.date(2025, 10, 1))
    assert result.edition == "E4"
    assert [f for f in result.findings if f.severity != "info"] == []
    assert result.exit_code == 0


def test_changed_respondents_is_one_deviation_not_also_missing() -> None:
    result = check_path(str(TRUTH / "e1_kk_respondents_5.txt"), "E1", as_of=dt.date(2021, 9, 1))
    about_360 = [
        f
        for f in result.findings
        if f.details.get("provision") == "method360" or str(f.details.get("key", "")).startswith("method360")
    ]
    assert [(f.code, f.point, f.details.get("key")) for f in about_360] == [
        ("model_deviation.parameter", "19", "method360_min_respondents")
    ]
    assert about_360[0].actual == "5 адам" and about_360[0].expected == "3 адам"
    assert not [f for f in result.findings if f.code.startswith("missing_provision")]


def test_catalogue_value_without_provenance_in_the_text_does_not_count() -> None:
    """A key whose quote is not in the text (a stale catalogue) does not make a provision present."""
    from docgen.check.context import Ctx
    from docgen.check.modelcheck import catalogue_topics

    path = str(TRUTH / "e1_kk_respondents_5.txt")
    doc, catalogue = load(path, build_catalogue=True)
    assert catalogue is not None
    assert "method360_respondents" in catalogue_topics(Ctx(doc, "kk"), catalogue)
    other, _ = load(str(TRUTH / "e4_kk_digital_system.txt"), build_catalogue=False)
    assert "method360_respondents" not in catalogue_topics(Ctx(other, "kk"), catalogue)


def test_topic_keys_name_catalogue_keys_and_topics() -> None:
    from docgen.check.data import topics_data
    from docgen.extract.registry import key_specs

    spec = topics_data()
    keys = set(key_specs())
    for topic, names in spec["topic_keys"].items():
        assert topic in spec["topics"], topic
        assert set(names) <= keys, (topic, set(names) - keys)
