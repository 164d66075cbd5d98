"""The held-out figures of wrong cross references in the README are what the scorer measures now.

Re-runs ``bench/xref_accuracy.py`` (in process: the same ``check_path`` report that ``docgen check
--format json`` prints) on ``tests/data/heldout_xref/`` and compares with the README row. Also: on
texts of the other hand-written sets (parameter held-outs and variants, not written for references)
the only reference findings are the ones a reading of the text confirms.
"""

from __future__ import annotations

import importlib.util
import re
from types import ModuleType

from docgen.check import check_path

from .conftest import ROOT

README = ROOT / "README.md"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("xref_accuracy", ROOT / "bench" / "xref_accuracy.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _readme_row(label: str) -> list[str]:
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"| {label}"):
            return [c.strip() for c in line.strip("|").split("|")]
    raise AssertionError(f"no README row {label!r}")


def test_the_readme_figures_are_the_measured_ones() -> None:
    mod = _scorer()
    res = mod.score(runner=mod.check_findings_in_process)
    row = _readme_row("held-out, first run after issue 12")
    wrong, correct, recall, precision, suggested = row[1:6]
    assert res["texts"] == 10
    assert str(res["wrong_references"]) == wrong and str(res["correct_references"]) == correct
    assert f"{res['recall']:.3f}" == recall
    assert f"{res['precision']:.3f}" == precision
    assert suggested == f"{res['right_suggestion']} of {res['true_positives']}"
    # the recorded first run says the same
    first = (ROOT / "bench" / "results" / "xref_heldout_after_issue12_first_run.txt").read_text(
        encoding="utf-8"
    )
    assert f'"recall": {res["recall"]}' in first and f'"precision": {res["precision"]}' in first


def test_the_appendix_naming_of_answers_and_findings_is_one() -> None:
    mod = _scorer()
    assert mod._place("appendix 2") == mod._place("app2") == "app2"
    assert mod._place("17") == "17"


# Texts of other sets, read by a person: (file, point, code suffix, cited, should be).
CONFIRMED = {
    # points 11 (application, 10 working days) and 12 (appeal): the calibration procedure is in 11
    "variants/e1_kk_tupkaragan_noisy.txt": {("24", "wrong_target", "12", "11")},
    # the text has appendices 1 to 6 and cites «приложениям 7 и 8» of its own
    "variants/e1_ru_sko_nature_department.txt": {
        ("30", "referenced", "", "7"),
        ("30", "referenced", "", "8"),
    },
}
OTHERS = [
    "heldout/heldout_e1_ru_akimat.txt",
    "heldout/heldout_e4_ru_ministry.txt",
    "heldout3/h3_e0_ru_maslikhat.txt",
    "heldout3/h3_e4_ru_agency.txt",
    "heldout3/h3_e4_kk_oblast.txt",
    "heldout2/h2_e0_kk_maslikhat.txt",
    "variants/e1_kk_tupkaragan_noisy.txt",
    "variants/e1_ru_sko_nature_department.txt",
    "variants/e4_ru_karakum.txt",
]


def test_no_false_reference_finding_on_texts_of_other_sets() -> None:
    for name in OTHERS:
        result = check_path(str(ROOT / "tests" / "data" / name))
        got = {
            (f.point, f.code.rsplit(".", 1)[1], f.actual, f.expected)
            for f in result.findings
            if re.match(r"broken_cross_reference\.|missing_appendix\.referenced", f.code)
        }
        assert got == CONFIRMED.get(name, set()), name
