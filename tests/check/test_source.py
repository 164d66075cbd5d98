"""Issue 12 item 4: input that is not a clean methodology (tests/data/check/truth, read by a person)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from docgen.catalogue_model import catalogue_from_json
from docgen.check import check_path
from docgen.check.source import NotMethodologyError
from docgen.cli import cli

from .conftest import DATA, ROOT

TRUTH = DATA / "truth"


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("junk_ru_recipe", "это не методика оценки"),
        ("junk_kk_weather", "бұл бағалау әдістемесі емес"),
    ],
)
def test_not_a_methodology_is_one_line_exit_2(name: str, why: str) -> None:
    path = str(TRUTH / f"{name}.txt")
    with pytest.raises(NotMethodologyError):
        check_path(path)
    run = subprocess.run(
        [sys.executable, "-m", "docgen", "check", path], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and path in lines[0] and why in lines[0]


def test_seed_001_is_cut_inside_appendix_5_caption_not_missing_appendix() -> None:
    seed = next((ROOT / "legal_corpus" / "acts").glob("*/001_*.txt"))
    result = check_path(str(seed), as_of=dt.date(2026, 6, 1))
    cut = [f for f in result.findings if f.code == "check.truncated_source"]
    assert [(f.point, f.severity, f.details["cut_inside"]) for f in cut] == [("app5", "warning", "caption")]
    assert cut[0].quote == '"Б" корпусы Қазығұрт'
    assert not [f for f in result.findings if f.code == "missing_appendix.referenced"]


@pytest.mark.parametrize(
    ("name", "point", "inside"),
    [
        ("cut_ru_caption", "app2", "caption"),  # stops after «Приложение 2 / к Методике»
        ("cut_ru_table", "app2", "table"),  # stops in row 3 of the table of appendix 2
        ("cut_ru_sentence", "22", "sentence"),  # stops in the middle of point 22
    ],
)
def test_truncated_source_is_a_warning_and_what_was_cut_is_not_missing(
    name: str, point: str, inside: str
) -> None:
    result = check_path(str(TRUTH / f"{name}.txt"), as_of=dt.date(2025, 10, 1))
    cut = [f for f in result.findings if f.code == "check.truncated_source"]
    assert [(f.point, f.severity, f.details["cut_inside"]) for f in cut] == [(point, "warning", inside)]
    assert "неполный" in cut[0].message
    assert [f.code for f in result.findings if f.severity == "error"] == []
    assert result.exit_code == 0


def test_clean_endings_are_not_truncated() -> None:
    texts = sorted((ROOT / "legal_corpus" / "acts").glob("*/*.txt"))
    texts += sorted((ROOT / "tests" / "data" / "variants").glob("*.txt"))
    texts += sorted((DATA / "variants").glob("*.txt"))
    texts = [t for t in texts if not t.name.startswith("001_")]
    for t in texts:
        result = check_path(str(t), as_of=dt.date(2026, 6, 1))
        assert not [f for f in result.findings if f.code == "check.truncated_source"], t.name


@pytest.mark.parametrize(
    ("name", "values"),
    [
        (
            "excerpt_ru_news",
            {
                "quarterly_deadline_day": 20,
                "annual_final_deadline": "01-30",
                "min_tenure": 1,
                "records_retention": 3,
            },
        ),
        ("excerpt_kk_news", {"min_tenure": 1, "records_retention": 3}),
    ],
)
def test_excerpt_without_point_numbers_is_read_by_paragraph(name: str, values: dict[str, object]) -> None:
    path = str(TRUTH / f"{name}.txt")
    run = CliRunner().invoke(cli, ["parse", path])
    assert run.exit_code == 0
    data = json.loads(run.stdout)
    assert data["document"]["structure_quality"] == "paragraphs"
    catalogue = catalogue_from_json(data)
    assert catalogue.act.structure_quality == "paragraphs"
    for key, value in values.items():
        param = catalogue.param(key)
        assert param is not None and param.value == value, key
        assert str(param.source.point).startswith("par")
    assert "абзац" in run.stderr  # the warning of `parse`
    from docgen.check.context import Ctx
    from docgen.check.inputs import load
    from docgen.check.modelcheck import catalogue_topics

    doc, _ = load(path, build_catalogue=False)
    assert {"min_tenure", "records_retention"} <= catalogue_topics(Ctx(doc, doc.language), catalogue)
    result = check_path(path, as_of=dt.date(2025, 10, 1))
    assert [f.code for f in result.findings if f.severity == "warning"] == ["check.unnumbered_source"]
    assert result.exit_code == 0


def test_excerpt_deviation_is_still_found() -> None:
    """«не позднее десятого числа» in a news quote: the value is compared (an earlier day than E4's
    bound of the 20th: a warning that it differs), the absences are not errors."""
    result = check_path(str(TRUTH / "excerpt_ru_news_tenth.txt"), as_of=dt.date(2025, 10, 1))
    dev = [f for f in result.findings if f.code.startswith("model_deviation.")]
    assert [(f.code, f.point, f.details["key"], f.severity) for f in dev] == [
        ("model_deviation.earlier_deadline", "par2", "quarterly_deadline_day", "warning")
    ]
    assert {f.severity for f in result.findings if f.code.startswith("missing_provision")} <= {"info"}


def test_structure_quality_round_trips_and_numbered_is_not_emitted() -> None:
    seed = json.loads((ROOT / "tests" / "data" / "expected" / "004_cb6464f9152e2bf0.json").read_text("utf-8"))
    assert "structure_quality" not in seed["document"]
    cat = catalogue_from_json(seed)
    assert cat.act.structure_quality == "numbered"
    assert "structure_quality" not in cat.to_json()["document"]
    seed["document"]["structure_quality"] = "numbered"  # written explicitly: kept on a round trip
    assert catalogue_from_json(seed).to_json()["document"]["structure_quality"] == "numbered"
    schema = json.loads((ROOT / "docgen" / "data" / "catalogue.schema.json").read_text("utf-8"))
    assert schema["properties"]["document"]["properties"]["structure_quality"]["enum"] == [
        "numbered",
        "paragraphs",
    ]


def test_paragraph_label_in_reports() -> None:
    from docgen.check.data import point_label

    assert point_label("par3", "kk") == "3-абзац" and point_label("par3", "ru") == "абзац 3"
