"""docgen draft on the command line: four files per run; bad input is one line, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.cli import main

DATA = Path(__file__).parent / "data"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
        raise SystemExit(0)
    return int(exc.value.code or 0), capsys.readouterr().err


def test_writes_docx_and_text_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, err = _run(
        ["draft", "--model", "E4", "--body", str(DATA / "body_akimat.yaml"), "-o", str(out)], capsys
    )
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert names == ["methodology.kk.docx", "methodology.kk.txt", "methodology.ru.docx", "methodology.ru.txt"]
    doc = Document(str(out / "methodology.ru.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert "Утверждена" in texts
    assert "постановлением акимата Сарыбулакского района" in texts
    assert "от 16 февраля 2026 года № 118/4" in texts
    assert "Глава 3. Порядок проведения калибровочных сессий и предоставления обратной связи" in texts
    assert any(t.startswith("23. По результатам калибровочной сессии") for t in texts)
    assert len(doc.tables) == 2  # the two evaluation sheets
    kk = (out / "methodology.kk.txt").read_text(encoding="utf-8")
    assert kk.startswith(
        "Сарыбұлақ ауданының әкімдігінің\n2026 жылғы 16 ақпандағы\n№ 118/4 қаулысына\nқосымша\n"
    )
    # refuses to overwrite
    code, err = _run(
        ["draft", "--body", str(DATA / "body_akimat.yaml"), "--lang", "kk", "-o", str(out)], capsys
    )
    assert code == 2 and "--force" in err


BAD = [
    (
        "body_kind: akimat\napproving_act: {kind: order, number: 1, date: 2026-01-01}\n",
        "body_name",
        "нет обязательного поля",
    ),
    (
        "body_name: {kk: А әкімдігі, ru: акимат А}\nbody_kind: akimat\napproving_act: {kind: order, number: 1}\n",
        "approving_act.date",
        "нет обязательного поля",
    ),
    (
        "body_name: {kk: А әкімдігі, ru: акимат А}\nbody_kind: akimat\n"
        "approving_act: {kind: order, number: 1, date: 2026-01-01}\ncolour: red\n",
        "colour",
        "неизвестное поле",
    ),
    (
        "body_name: {kk: А әкімдігі, ru: акимат А}\nbody_kind: bank\napproving_act: {kind: order, number: 1, date: 2026-01-01}\n",
        "body_kind",
        "ожидается одно из",
    ),
    (
        "body_name: {kk: А әкімдігі, ru: акимат А}\nbody_kind: akimat\n"
        "approving_act: {kind: order, number: 1, date: 2025-07-31}\n",
        "approving_act.date",
        "еще не действовала (действует с 2025-08-01)",
    ),
    (
        "body_name: [А]\nbody_kind: akimat\napproving_act: {kind: order, number: 1, date: 2026-01-01}\n",
        "body_name",
        "ожидается словарь",
    ),
    (
        "body_name: {kk: А әкімдігі, ru: акимат А}\nbody_kind: akimat\n"
        "approving_act: {kind: order, number: 1, date: 2026-01-01}\nparameters: {calibration_min_members: пять}\n",
        "parameters.calibration_min_members",
        "ожидается целое число",
    ),
    (
        "body_name: {kk: А әкімдігі, ru: акимат А}\nbody_kind: akimat\n"
        "approving_act: {kind: order, number: 1, date: 2026-01-01}\nparameters: {min_tenure: 2}\n",
        "parameters.min_tenure",
        "не оставляет это значение",
    ),
]


@pytest.mark.parametrize(("body", "field", "words"), BAD)
def test_bad_body_is_one_line(
    body: str, field: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "BODY.yaml"
    path.write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    code, err = _run(["draft", "--body", str(path), "--lang", "ru", "-o", str(out)], capsys)
    assert code == 2
    assert err.count("\n") == 1 and f"{path}:{field}: " in err and words in err, err
    assert not out.exists()


@pytest.mark.parametrize(
    ("value", "lang", "words"), [(4, "ru", "пунктом 19"), (1, "kk", "19-тармағы"), (17, "ru", "от 3 до 15")]
)
def test_value_outside_the_model_is_refused(
    value: int, lang: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "BODY.yaml"
    path.write_text(
        "body_name: {kk: А әкімдігі, ru: акимат А}\nbody_kind: akimat\n"
        f"approving_act: {{kind: order, number: 1, date: 2026-01-01}}\nparameters: {{calibration_min_members: {value}}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, err = _run(["draft", "--body", str(path), "--lang", lang, "-o", str(out)], capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert "parameters.calibration_min_members" in err and str(value) in err and words in err, err
    assert not out.exists()


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 30) | st.text(max_size=8) | st.dates().map(str),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
_FIELDS = st.sampled_from(
    ["body_name", "body_kind", "approving_act", "parameters", "body_name_forms", "kk", "ru", "kind", "date"]
)


@settings(max_examples=60)
@given(st.dictionaries(_FIELDS, _VALUES, max_size=5))
def test_any_body_file_is_a_body_or_one_line_error(data: dict[str, object]) -> None:
    """Whatever BODY.yaml holds: a body and a draft, or an InputError (exit 2); nothing else escapes."""
    import tempfile

    import yaml

    from docgen.draft import draft, load_body
    from docgen.errors import InputError

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "BODY.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            body = load_body(path)
            draft("E4", body, "ru", str(path))
        except InputError as exc:
            assert exc.exit_code == 2 and "\n" not in exc.one_line()


def test_the_docx_parses_like_the_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """parse(methodology.<lang>.docx) gives every value the draft states, at its point, as the .txt does."""
    from docgen.draft import draft, load_body
    from docgen.draft.adapter import parsed_parameters

    out = tmp_path / "out"
    body = DATA / "body_maslikhat.yaml"
    code, err = _run(["draft", "--body", str(body), "-o", str(out)], capsys)
    assert code == 0, err
    for lang in ("kk", "ru"):
        stated = draft("E4", load_body(body), lang).stated
        assert parsed_parameters(out / f"methodology.{lang}.docx") == stated


def test_one_language_and_unknown_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kk"
    code, _ = _run(
        ["draft", "--body", str(DATA / "body_agency.yaml"), "--lang", "kk", "-o", str(out)], capsys
    )
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["methodology.kk.docx", "methodology.kk.txt"]
    out2 = tmp_path / "none"
    code, err = _run(
        ["draft", "--model", "E9", "--body", str(DATA / "body_agency.yaml"), "-o", str(out2)], capsys
    )
    assert code == 2 and err.count("\n") == 1 and "E9" in err and "E4" in err
    assert not out2.exists()
