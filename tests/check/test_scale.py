"""The score scale is read from the catalogue, one source of truth (issue 12, item 1).

``values.inconsistent_scale`` compares the places where the catalogue's ``score_min`` /
``score_max`` were stated (source point, ``also_in``, ``conflicts``); the checker has no scale
patterns of its own. One changed scale gives one finding: an appendix heading that differs from the
point is one ``inconsistent_value.score_range``; a scale changed everywhere is one model deviation,
never also a "missing provision".
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from docgen.catalogue_model import Catalogue
from docgen.check import check_path, load_profile
from docgen.check.data import topics_data
from docgen.check.generate import generate_clean

AS_OF = dt.date(2025, 10, 1)
HEADING = "Оценка (от 0* до 5 баллов)"


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "act.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_checker_holds_no_scale_patterns_of_its_own() -> None:
    assert "score_range" not in topics_data()["patterns"]


def test_a_form_heading_that_differs_from_the_point_is_one_finding(tmp_path: Path) -> None:
    text, _ = generate_clean(load_profile("E4"), "ru")
    assert text.count(HEADING) == 2  # appendices 1 and 2; point 17 says «от 0 до 5»
    changed = text.replace(HEADING, "Оценка (от 1* до 5 баллов)", 1)
    r = check_path(_write(tmp_path, changed), as_of=AS_OF)
    scale = [f for f in r.findings if f.code == "inconsistent_value.score_range"]
    assert [(f.point, f.expected, f.actual) for f in scale] == [("app1", "0–5", "1–5")]
    assert "от 1* до 5 баллов" in scale[0].quote
    assert not any(f.code == "model_deviation.parameter" for f in r.findings)
    assert not any(f.code.startswith("missing_provision") for f in r.findings)


def test_the_finding_follows_the_catalogue_not_the_text(tmp_path: Path) -> None:
    """The same clean text, with a catalogue that records a second statement of the scale at
    appendix 2: the finding comes from the catalogue's conflict."""
    text, catalogue = generate_clean(load_profile("E4"), "ru")
    data = copy.deepcopy(catalogue.to_json())
    data["parameters"]["score_min"]["conflicts"] = [
        {"value": 1, "point": "app2", "quote": "Оценка (от 1 до 5 баллов)", "rule": "scores_scale_in_form"}
    ]
    r = check_path(_write(tmp_path, text), as_of=AS_OF, catalogue=Catalogue.from_json(data))
    scale = [f for f in r.findings if f.code == "inconsistent_value.score_range"]
    assert [(f.point, f.actual) for f in scale] == [("app2", "1–5")]
    clean = check_path(_write(tmp_path, text), as_of=AS_OF, catalogue=catalogue)
    assert not any(f.code == "inconsistent_value.score_range" for f in clean.findings)


def test_a_scale_changed_everywhere_is_one_model_deviation(tmp_path: Path) -> None:
    text, _ = generate_clean(load_profile("E4"), "ru")
    changed = text.replace("от 0 до 5", "от 1 до 10").replace("от 0* до 5", "от 1* до 10")
    r = check_path(_write(tmp_path, changed), as_of=AS_OF)
    dev = [f for f in r.findings if f.code == "model_deviation.parameter"]
    assert len(dev) == 1 and dev[0].details["key"] == "score_scale"
    assert (dev[0].point, dev[0].expected, dev[0].actual) == ("17", "0–5 баллов", "1–10 баллов")
    assert dev[0].message.startswith("Шкала оценок: в акте 1–10 баллов")
    assert not any(f.code == "inconsistent_value.score_range" for f in r.findings)
    assert not any(f.code.startswith("missing_provision") for f in r.findings)
