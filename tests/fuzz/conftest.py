"""tests/fuzz: a failing example may be a 60 kB text; Hypothesis warns that its repr is large, and the
suite's ``filterwarnings = error`` would turn that warning into the failure reported instead of the
real one."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.filterwarnings("ignore:Generating overly large repr"))
