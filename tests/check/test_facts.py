"""`docgen check` states the act's dates and the model editions right (issue 12, item 3).

Expected dates are read from the acts themselves: 001 (Kazygurt) was adopted on 09.04.2018 and
repealed on 06.04.2022 (note at the top of the text, decision No. 24/109-VII); 002 (Shakhtinsk) was
adopted on 19.09.2023 and edited on 14.06.2024; 004 (West Kazakhstan) was adopted on 15.03.2018 and
is printed in the edition of 05.05.2026.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from click.testing import CliRunner

from docgen.check import CheckResult, check_path, load_profile
from docgen.check.generate import generate_clean
from docgen.check.report import render_text
from docgen.commands.check import check

from .conftest import SEEDS

KAZYGURT = "001_5c60304e067c4e63"
SHAKHTINSK = "002_41e2e9a45393dd30"
PAVLODAR = "003_2e27b257be2a4c2f"
WKO = "004_cb6464f9152e2bf0"
AS_OF = dt.date(2026, 6, 1)


@lru_cache(maxsize=16)
def _check(seed: str, model: str = "auto") -> CheckResult:
    return check_path(str(SEEDS[seed]), model, as_of=AS_OF)


def test_repealed_act_dates_are_reported_as_such() -> None:
    r = _check(KAZYGURT)
    assert r.facts["adopted"] == "2018-04-09"
    assert r.facts["edition_date"] == "2018-04-09"  # the repeal note does not move the edition date
    assert r.act_date == "2018-04-09"
    assert r.facts["status"] == "repealed"
    assert r.facts["repealed_on"] == "2022-04-06"
    assert r.facts["repealed_by"] == "24/109-VII"
    assert r.edition == "E0" and r.facts["in_force_at_adoption"] == "E0"
    first = render_text(r).splitlines()[0]
    assert "күші жойылған" in first and "06.04.2022" in first and "24/109-VII" in first
    assert not any(f.code.startswith("outdated_edition") for f in r.findings)


def test_edit_note_date_is_the_edition_date() -> None:
    r = _check(SHAKHTINSK)
    assert (r.facts["adopted"], r.facts["edition_date"], r.facts["status"]) == (
        "2023-09-19",
        "2024-06-14",
        "in_force",
    )
    w = _check(WKO)
    assert (w.facts["adopted"], w.facts["edition_date"]) == ("2018-03-15", "2026-05-05")
    assert (w.facts["in_force_at_adoption"], w.facts["in_force_at_edition"], w.edition) == ("E0", "E4", "E4")
    text = render_text(w)
    assert "15.03.2018" in text and "05.05.2026" in text
    assert not text.splitlines()[0].startswith("Акт утратил")


def test_model_not_in_force_is_a_warning_at_the_top_and_the_header_agrees() -> None:
    r = _check(KAZYGURT, "E1")
    assert r.edition == "E1"
    top = r.findings[0]
    assert top.code == "outdated_edition.model_not_in_force" and top.severity == "warning"
    assert "E1" in top.message and "E0" in top.message and "09.04.2018" in top.message
    assert not any("бойынша жүргізілді" in f.message and "E1" not in f.message for f in r.findings)
    p = _check(PAVLODAR, "E0")
    assert p.findings[0].code == "outdated_edition.model_not_in_force"
    assert "E0" in p.findings[0].message and "E4" in p.findings[0].message
    lines = render_text(p).splitlines()
    findings_start = lines.index("") + 1
    assert "E0" in lines[findings_start] and lines[findings_start].startswith("[ескерту]")


def test_model_in_force_gives_no_such_warning() -> None:
    r = _check(PAVLODAR, "E4")
    assert not any(f.code == "outdated_edition.model_not_in_force" for f in r.findings)


def test_act_older_than_every_edition_is_not_comparable(tmp_path: Path) -> None:
    text, _ = generate_clean(load_profile("E0"), "kk", dt.date(2016, 5, 1))
    src = tmp_path / "old.txt"
    src.write_text(text, encoding="utf-8")
    r = check_path(str(src), as_of=AS_OF)
    assert [f.code for f in r.findings] == ["outdated_edition.not_comparable"]
    assert r.exit_code == 0 and r.edition == ""
    assert "01.05.2016" in r.findings[0].message and "16.01.2018" in r.findings[0].message
    text_ru, _ = generate_clean(load_profile("E4"), "ru", dt.date(2016, 5, 1))
    src.write_text(text_ru, encoding="utf-8")
    ru = check_path(str(src), as_of=AS_OF)
    assert len(ru.findings) == 1 and "Типовой методик" in ru.findings[0].message


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(check, list(args), standalone_mode=False)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        code = getattr(result.exception, "exit_code", None)
        if code is None:
            raise result.exception
        return int(code), result.output
    return int(result.return_value if result.return_value is not None else result.exit_code), result.output


def test_missing_model_file_is_an_input_error(tmp_path: Path) -> None:
    assert _run(str(SEEDS[WKO]), "--model", str(tmp_path / "absent.yaml"))[0] == 2
    assert _run(str(SEEDS[WKO]), "--model", "absent")[0] == 2


def test_output_file_is_written_and_named(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    code, printed = _run(str(SEEDS[WKO]), "-o", str(out), "--as-of", "2026-06-01")
    assert code == 1
    assert printed.strip() == f"Отчёт записан: {out}"
    assert out.read_text(encoding="utf-8").startswith("Результат проверки")


def _generated(tmp_path: Path, edition: str, lang: str, day: dt.date) -> CheckResult:
    text, catalogue = generate_clean(load_profile(edition), lang, day)
    src = tmp_path / f"{edition}_{lang}_{day.isoformat()}.txt"
    src.write_text(text, encoding="utf-8")
    return check_path(str(src), as_of=day, catalogue=catalogue)


def test_auto_mode_compares_with_the_edition_in_force_at_the_edition_date(tmp_path: Path) -> None:
    """An act written after E1 but dated 02.02.2026 is compared with E4, the edition in force then
    (01.08.2025, FACT), not with the edition it was written after; the header names both."""
    r = _generated(tmp_path, "E1", "kk", dt.date(2026, 2, 2))
    assert r.edition == "E4" and r.facts["in_force_at_edition"] == "E4"
    top = next(f for f in r.findings if f.code == "outdated_edition.act")
    assert (top.severity, top.actual, top.expected) == ("error", "E1", "E4")
    assert "E1" in top.message and "E4" in top.message and "02.02.2026" in top.message
    header = render_text(r)
    assert "E4 — " in header


def test_older_act_after_an_inferred_boundary_is_compared_with_the_edition_then_in_force(
    tmp_path: Path,
) -> None:
    """An E0-style act dated 01.03.2022: E1 is in force from 01.07.2021 (INFERRED), so E1 is the
    yardstick; the report warns that the boundary is not exactly known."""
    r = _generated(tmp_path, "E0", "kk", dt.date(2022, 3, 1))
    assert r.edition == "E1"
    w = next(f for f in r.findings if f.code == "outdated_edition.boundary_uncertain")
    assert (w.severity, w.actual, w.expected) == ("warning", "E0", "E1")


def test_act_already_after_a_newer_edition_with_an_inferred_start_is_compared_with_it(tmp_path: Path) -> None:
    """An E1-style act dated 01.03.2021, before E1's inferred start (01.07.2021): the act itself shows
    that E1 existed, so it is compared with E1 and the warning says the start date is uncertain."""
    r = _generated(tmp_path, "E1", "kk", dt.date(2021, 3, 1))
    assert r.edition == "E1" and r.facts["in_force_at_edition"] == "E0"
    w = next(f for f in r.findings if f.code == "outdated_edition.boundary_uncertain")
    assert (w.actual, w.expected) == ("E1", "E1")
    assert "E1" in w.message and "01.03.2021" in w.message
    assert [f.code for f in r.findings if f.severity == "error"] == []


def test_header_names_the_edition_in_force_at_adoption() -> None:
    w = _check(WKO)
    lines = render_text(w).splitlines()
    row = next(line for line in lines if line.startswith("Редакция Типовой методики на дату принятия акта"))
    assert row.endswith("E0")
    row = next(line for line in lines if line.startswith("Редакция Типовой методики на дату редакции акта"))
    assert row.endswith("E4")
