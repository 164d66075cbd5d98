"""Russian acts of edition E0 (the 2018 commission model): E0.yaml's Russian wording (written for
docgen from the Kazakh of seed 001, marked unreviewed) lets `check --model E0` compare them.

The clean act `tests/data/check/e0_ru/clean_maslikhat.txt` was written by hand to follow the profile
(values of seed 001: 3 months, 5 working days, 5 members, 10 working days, five indicators, 3/4, 2/3,
3 years, 10 working days to appeal); it names the indicators «КЦИ», as later acts do, where the
profile says «ЦИ»: both are read. The planted variants change one value and one form row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docgen.check import check_path, load_profile
from docgen.check.generate import generate_clean

from .conftest import DATA
from .test_messages import clean_sentence_problems

CLEAN_RU = DATA / "e0_ru" / "clean_maslikhat.txt"
IN_E0 = dt.date(2019, 6, 1)  # E0 in force: no "superseded edition" note

# (language, what the act says, what the variant says instead) — one value, one row of appendix 3
PLANTS = {
    "ru": [
        ("в течение десяти рабочих дней после начала", "в течение пятнадцати рабочих дней после начала"),
        ("3\tПринятие решений\t", "3\tПринятие управленческих решений\t"),
    ],
    "kk": [
        ("10 жұмыс күні ішінде НМИ", "15 жұмыс күні ішінде НМИ"),
        ("3. Шешім қабылдау\t", "3. Басқарушылық шешім қабылдау\t"),
    ],
}
EXPECTED = {
    "ru": {
        ("model_deviation.parameter", "error", "15 рабочих дней", "10 рабочих дней"),
        ("form_deviation.row_differs", "warning", "Принятие управленческих решений", "Принятие решений"),
    },
    "kk": {
        ("model_deviation.parameter", "error", "15 жұмыс күні", "10 жұмыс күні"),
        ("form_deviation.row_differs", "warning", "Басқарушылық шешім қабылдау", "Шешім қабылдау"),
    },
}


def _clean_text(lang: str) -> str:
    if lang == "ru":
        return CLEAN_RU.read_text(encoding="utf-8")
    text, _ = generate_clean(load_profile("E0"), "kk")
    return text


def _plant(text: str, lang: str) -> str:
    for old, new in PLANTS[lang]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_e0_ru_wording_is_marked_unreviewed_and_covers_every_kk_wording() -> None:
    profile = load_profile("E0")
    assert profile.data["wording_reviewed"] == {"kk": True, "ru": False}
    for prov in profile.provisions:
        if prov.get("text", {}).get("kk"):
            assert prov["text"].get("ru"), prov["id"]
    for form in profile.forms:
        assert set(form["title"]) == {"kk", "ru"}, form["kind"]
        if "rows" in form:
            assert len(form["rows"]["ru"]) == len(form["rows"]["kk"]), form["kind"]
    for chapter in profile.data["chapters"]:
        assert set(chapter["title"]) == {"kk", "ru"}


def test_clean_ru_text_generated_from_the_profile_has_no_error(tmp_path: Path) -> None:
    text, catalogue = generate_clean(load_profile("E0"), "ru")
    path = tmp_path / "clean_E0_ru.txt"
    path.write_text(text, encoding="utf-8")
    for cat in (catalogue, None):  # the profile's values, and what docgen itself reads from the text
        result = check_path(str(path), "E0", as_of=IN_E0, catalogue=cat)
        assert result.edition == "E0" and result.language == "ru"
        assert [f.code for f in result.findings if f.severity != "info"] == []
        assert result.exit_code == 0


def test_clean_hand_written_ru_act_has_no_finding() -> None:
    for model in ("E0", "auto"):
        result = check_path(str(CLEAN_RU), model, as_of=IN_E0)
        assert result.edition == "E0" and result.language == "ru"
        assert [(f.code, f.point) for f in result.findings if f.severity != "info"] == []
        assert result.exit_code == 0


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_planted_wording_and_value_deviations_are_exactly_the_findings(tmp_path: Path, lang: str) -> None:
    path = tmp_path / f"e0_{lang}_planted.txt"
    path.write_text(_plant(_clean_text(lang), lang), encoding="utf-8")
    result = check_path(str(path), "E0", as_of=IN_E0)
    got = {(f.code, f.severity, f.actual, f.expected) for f in result.findings if f.severity != "info"}
    assert got == EXPECTED[lang]
    assert result.exit_code == 1
    by_code = {f.code: f for f in result.findings}
    assert by_code["model_deviation.parameter"].details["key"] == "kpi_setting_deadline"
    assert by_code["form_deviation.row_differs"].point == "app3"
    for f in result.findings:
        assert clean_sentence_problems(f.message) == [], (f.code, f.message)
        assert f.code not in f.message


def test_a_missing_provision_of_a_ru_act_quotes_the_russian_model_wording(tmp_path: Path) -> None:
    text = CLEAN_RU.read_text(encoding="utf-8")
    appeal = next(line for line in text.splitlines() if line.strip().startswith("15. Обжалование"))
    path = tmp_path / "no_appeal.txt"
    path.write_text(text.replace(appeal + "\n", ""), encoding="utf-8")
    result = check_path(str(path), "E0", as_of=IN_E0)
    missing = [f for f in result.findings if f.code == "missing_provision.topic"]
    assert [f.details["topic"] for f in missing] == ["appeal"]
    assert missing[0].expected.startswith("Обжалование служащим решения Комиссии")
    assert missing[0].severity == "error"  # SEED-FACT
    assert clean_sentence_problems(missing[0].message) == []


def test_cli_check_model_e0_on_the_ru_act(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docgen.cli import main

    def run(path: Path) -> tuple[int, str]:
        with pytest.raises(SystemExit) as exc:
            main(["check", str(path), "--model", "E0", "--as-of", IN_E0.isoformat()])
            raise SystemExit(0)  # main() returns when the exit code is 0
        return int(exc.value.code or 0), capsys.readouterr().out

    code, out = run(CLEAN_RU)
    assert code == 0
    planted = tmp_path / "planted.txt"
    planted.write_text(_plant(CLEAN_RU.read_text(encoding="utf-8"), "ru"), encoding="utf-8")
    code, out = run(planted)
    assert code == 1
    assert "Принятие управленческих решений" in out and "15 рабочих дней" in out
    for line in out.splitlines():
        if not line.strip().startswith(("Файл:", "Цитата из акта:", "Должно быть:")):
            assert clean_sentence_problems(line.strip()) == [], line


def test_a_missing_row_is_not_paired_with_a_close_row_the_act_does_print(tmp_path: Path) -> None:
    """«Оперативность» left out, «Инициативность» printed: one missing row, nothing "differs" (the
    close later row used to be paired away with the missing one and then reported missing too)."""
    text = CLEAN_RU.read_text(encoding="utf-8")
    assert text.count("4\tОперативность\t\n") == 1
    path = tmp_path / "no_row.txt"
    path.write_text(text.replace("4\tОперативность\t\n", ""), encoding="utf-8")
    result = check_path(str(path), "E0", as_of=IN_E0)
    got = [(f.code, f.expected, f.actual) for f in result.findings if f.severity != "info"]
    assert got == [("form_deviation.row_missing", "Оперативность", "")]
