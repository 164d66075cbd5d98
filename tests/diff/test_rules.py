"""Rule-level diff on catalogues (JSON edited here, typed by Catalogue.from_json) (expected catalogues written from the seeds)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.catalogue_model import Catalogue, Parameter
from docgen.diff import rules as _rules
from docgen.diff.rules import values_equal


def diff_rules(old: dict, new: dict) -> dict:
    return _rules.diff_rules(Catalogue.from_json(old), Catalogue.from_json(new))


def diff_form_assignment(old: dict, new: dict) -> list:
    return _rules.diff_form_assignment(Catalogue.from_json(old), Catalogue.from_json(new))


def _typed_params(d: dict) -> dict[str, Parameter]:
    return dict(Catalogue.from_json({"document": {"language": ""}, "parameters": d}).parameters)


def diff_parameters(old: dict, new: dict) -> list:
    return _rules.diff_parameters(_typed_params(old), _typed_params(new))


def _by_key(r: dict) -> dict:
    return {p["key"]: p for p in r["parameters"]}


def test_same_generation_two_bodies_min_tenure(expected: dict) -> None:
    r = diff_rules(expected["000"], expected["002"])
    p = _by_key(r)["min_tenure"]
    assert p["change"] == "changed"
    assert (p["old"]["value"], p["new"]["value"]) == (3, 1)
    assert p["old"]["unit"] == p["new"]["unit"] == "months"
    assert p["old"]["point"] == p["new"]["point"] == "5"
    assert _by_key(r)["additional_evaluators_threshold"]["change"] == "removed"
    assert not any(d["field"] == "generation" for d in r["document"])


def test_kk_ru_same_model_no_rule_changes(expected: dict) -> None:
    r = diff_rules(expected["003"], expected["004"])
    assert r["parameters"] == []
    assert r["forms"] == []  # rows compared through the kk<->ru dictionary
    cats = {a["category"]: a for a in r["form_assignment"]}
    assert "D-1" in cats and cats["D-1"]["change"] == "added"
    assert cats["D-1"]["new"][0]["form_kind"] == "evaluation_sheet_leader"
    assert "E-1" not in cats  # same assignment in both
    assert {"field": "language", "old": "kk", "new": "ru"} in r["document"]
    assert not any(d["field"] == "issuer" for d in r["document"])  # printed in two languages


def test_generation_change(expected: dict) -> None:
    r = diff_rules(expected["002"], expected["003"])
    by = _by_key(r)
    for key in (
        "kpi_min_count",
        "kpi_max_count",
        "method360_min_respondents",
        "method360_competencies_leaders",
    ):
        assert by[key]["change"] == "removed"
    for key in (
        "disciplinary_cap_minor",
        "disciplinary_cap_major",
        "min_worked_days",
        "calibration_min_members",
    ):
        assert by[key]["change"] == "added"
    assert (
        by["quarterly_deadline_day"]["old"]["value"] == 10
        and by["quarterly_deadline_day"]["new"]["value"] == 20
    )
    assert {f["kind"] for f in r["forms"] if f["change"] == "added"} == {
        "evaluation_sheet_leader",
        "evaluation_sheet_staff",
    }
    assert {"field": "generation", "old": "2018_kpi_diff_360", "new": "2025_quarterly_sheets"} in r[
        "document"
    ]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_self_diff_empty(expected: dict, seed: str) -> None:
    r = diff_rules(expected[seed], copy.deepcopy(expected[seed]))
    assert r["parameters"] == r["forms"] == r["form_assignment"] == r["document"] == []


def test_tables_row_by_row(expected: dict) -> None:
    old = expected["000"]
    new = copy.deepcopy(old)
    table = new["parameters"]["kpi_score_table"]["value"]
    table[1]["score_min"] = 4.7
    del table[-1]
    grades = new["parameters"]["grades"]["value"]
    grades[1]["max"] = 3.89
    r = _by_key(diff_rules(old, new))
    rows = r["kpi_score_table"]["rows"]
    assert {"change": "changed", "old_row": 2, "new_row": 2} == {
        k: rows[0][k] for k in ("change", "old_row", "new_row")
    }
    assert rows[-1]["change"] == "removed" and rows[-1]["old_row"] == len(table) + 1
    assert r["grades"]["rows"][0]["old"]["max"] == 3.99 and r["grades"]["rows"][0]["new"]["max"] == 3.89


def test_forms_row_by_row(expected: dict) -> None:
    old = expected["004"]
    new = copy.deepcopy(old)
    new["forms"][1]["rows"].insert(2, "Инициативность в цифровизации")
    new["forms"][0]["rows"][0] = "Качество руководства"
    forms = {f["kind"]: f for f in diff_rules(old, new)["forms"]}
    assert forms["evaluation_sheet_staff"]["rows"] == [
        {
            "change": "added",
            "old_row": None,
            "new_row": 3,
            "old": None,
            "new": "Инициативность в цифровизации",
        }
    ]
    assert forms["evaluation_sheet_leader"]["rows"][0]["change"] == "changed"


def test_form_assignment_category_by_category(expected: dict) -> None:
    old = expected["003"]
    new = copy.deepcopy(old)
    new["form_assignment"][0]["categories"] = [
        "Е-1",
        "E-R-1",
    ]  # Cyrillic Е-1 is the same category; E-2 dropped
    out = {a["category"]: a["change"] for a in diff_form_assignment(old, new)}
    assert out == {"E-2": "removed"}


def test_cross_language_printed_lists_compared_by_count() -> None:
    old = {
        "document": {"language": "kk"},
        "parameters": {"method360_answer_scale": {"value": ["а", "б"], "source": {"point": "app5"}}},
    }
    new = {
        "document": {"language": "ru"},
        "parameters": {"method360_answer_scale": {"value": ["x", "y"], "source": {"point": "app5"}}},
    }
    assert diff_rules(old, new)["parameters"] == []
    new["parameters"]["method360_answer_scale"]["value"].append("z")
    assert diff_rules(old, new)["parameters"][0]["change"] == "changed"


_values = st.recursive(
    st.one_of(st.integers(-5, 100), st.floats(0, 100, allow_nan=False), st.booleans(), st.text(max_size=5)),
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.sampled_from(["min", "max", "id"]), c, max_size=3),
    max_leaves=8,
)
_params = st.dictionaries(
    st.sampled_from(["a", "b", "c", "d", "e"]),
    st.builds(
        lambda v, u: {"value": v, "unit": u, "source": {"point": "1"}},
        _values,
        st.sampled_from([None, "points"]),
    ),
    max_size=5,
)


@settings(max_examples=80, deadline=None)
@given(_params, _params)
def test_parameter_diff_properties(old: dict, new: dict) -> None:
    assert diff_parameters(old, old) == []
    out = diff_parameters(old, new)
    keys = {p["key"] for p in out}
    assert {p["key"] for p in out if p["change"] == "added"} == set(new) - set(old)
    assert {p["key"] for p in out if p["change"] == "removed"} == set(old) - set(new)
    for k in set(old) & set(new):
        same = values_equal(old[k]["value"], new[k]["value"]) and old[k]["unit"] == new[k]["unit"]
        assert (k in keys) != same or isinstance(old[k]["value"], list)
    back = {p["key"]: p["change"] for p in diff_parameters(new, old)}
    flip = {"added": "removed", "removed": "added", "changed": "changed"}
    assert back == {p["key"]: flip[p["change"]] for p in out}
