"""One finding per real deviation (issue 12, item 1): a rule whose value the act states differently is a
deviation, never also a "missing provision" — on every development and held-out text, wherever the act
states it (a point or the sheet of an appendix)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check import check_path
from docgen.check.data import topics_data

DATA = Path(__file__).resolve().parents[1] / "data"
SETS = (
    "heldout",
    "heldout_xref",
    "heldout_xref2",
    "heldout_xref3",
    "heldout_xref4",
    "dev_xref5",
    "dev_xref6",
    "dev_xref7",
)
TEXTS = sorted(p for s in SETS for p in (DATA / s).glob("*.txt"))


def test_the_sets_are_there() -> None:
    assert len(TEXTS) >= 40


@pytest.mark.parametrize("path", TEXTS, ids=[f"{p.parent.name}/{p.stem}" for p in TEXTS])
def test_no_missing_provision_beside_its_deviation(path: Path) -> None:
    keys_of: dict[str, list[str]] = topics_data()["topic_keys"]
    findings = check_path(str(path)).findings
    deviated = {(f.details or {}).get("key") for f in findings if f.code.startswith("model_deviation")}
    for f in findings:
        if f.code == "missing_provision.topic":
            topic = (f.details or {}).get("topic")
            assert not deviated & set(keys_of.get(str(topic), ())), f"{topic}: missing and deviating at once"
