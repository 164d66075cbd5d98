"""A position code («C-O-5») in a sentence on «иных служащих» is not a cap on the score for «иные
взыскания» (held-out set 9, text 06 p. 16: «Оценка служащих категорий C-4, C-O-5 … оценка иных служащих –
руководителем …»; the same reading was in held-out set 7, text 05 p. 4); a cap stated with a dash next to
the sanctions is. On variants of set 9's acts; expected values written by reading the variants."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docgen.check import Finding, check_path

SET9 = Path(__file__).resolve().parents[1] / "data" / "heldout_xref9"


def _check(tmp_path: Path, name: str, old: str, new: str) -> tuple[Finding, ...]:
    text = (SET9 / name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return tuple(check_path(str(path), as_of=dt.date(2026, 12, 7)).findings)


def _caps(found: tuple[Finding, ...]) -> list[Finding]:
    return [
        f
        for f in found
        if (f.details or {}).get("key") == "disciplinary_cap_major"
        or (f.code == "inconsistent_value.parameter" and "1,99" in f.quote)
    ]


def test_a_position_code_is_not_a_cap_ru(tmp_path: Path) -> None:
    found = _check(
        tmp_path,
        "06_ru_2025_quarterly_sheets_stroy.txt",
        "Оценка служащих категорий C-4, C-O-5 (за исключением руководителя отдела)",
        "Оценка служащих категорий C-4, C-O-5, C-R-3 (за исключением руководителя отдела)",
    )
    assert _caps(found) == []


def test_a_cap_after_a_dash_is_read_ru(tmp_path: Path) -> None:
    found = _check(
        tmp_path,
        "06_ru_2025_quarterly_sheets_stroy.txt",
        "иные виды – не более 1,99 балла",
        "при наличии иных взысканий – 2,5 балла",
    )
    # app. 2 now caps other sanctions at 2,5 while app. 1 keeps 1,99
    assert {(f.point, f.expected, f.actual) for f in found if f.code == "inconsistent_value.parameter"} == {
        ("app2", "1.99", "2.5")
    }


def test_a_position_code_is_not_a_cap_kk(tmp_path: Path) -> None:
    found = _check(
        tmp_path,
        "09_kk_2025_quarterly_sheets_zhetisu.txt",
        "Өзге қызметшілерді бағалауды құрылымдық",
        "C-O-5, C-O-6 санаттарының өзге қызметшілерін – құрылымдық",
    )
    assert _caps(found) == []
