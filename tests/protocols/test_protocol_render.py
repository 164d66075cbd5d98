"""Rendering: kk/ru templates pair up with the typed contexts; values come out exactly; CLI; LibreOffice."""

from __future__ import annotations

import copy
import dataclasses
import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen._docxtext import load_yaml
from docgen.catalogue_model import Catalogue
from docgen.cli import main
from docgen.errors import InputError, OutputExistsError, UnsafeInputError
from docgen.protocols import calibration, commission, render_calibration
from docgen.protocols.labels import labels
from docgen.protocols.render import render_docx, template_variables
from docgen.report360.report import Report360Context

from .conftest import CATS, HERE, to_pdf_text

FORMS = {
    "calibration_protocol": calibration.CalibrationContext,
    "commission_protocol": commission.CommissionContext,
    "result360_leader": Report360Context,
    "result360_staff": Report360Context,
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_templates_pair_with_context(form: str) -> None:
    fields = {f.name for f in dataclasses.fields(FORMS[form])} - {"warnings"}
    kk, ru = template_variables(form, "kk"), template_variables(form, "ru")
    assert kk == ru
    assert kk == fields


def test_label_files_have_the_same_shape() -> None:
    def shape(d: Any) -> Any:
        return {k: shape(v) for k, v in d.items()} if isinstance(d, dict) else type(d).__name__

    assert shape(labels("kk")) == shape(labels("ru"))


def _all_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


TRICKY = "ТОО «Ромашка» & <b>\"Сигма\"</b> 'x' {{ 7*7 }} {% if 1 %}"


def test_special_characters_come_out_exactly(session: dict[str, Any], cat2025: Catalogue) -> None:
    s = copy.deepcopy(session)
    s["body"] = TRICKY
    s["evaluator"]["argument"] = "строка 1\nстрока\t2 «цитата»"
    ctx = calibration.build_context(s, cat2025, "ru")
    text = _all_text(render_docx("calibration_protocol", "ru", ctx))
    assert TRICKY in text
    assert "строка 1\nстрока\t2 «цитата»" in text
    assert "49" not in text.split(TRICKY)[0][-5:]  # no template evaluation of values


printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from("\t\n<>&«»\"'"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() and all(q not in s for q in ("{_{", "}_}", "{_%", "%_}")))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(printable)
def test_render_read_back_roundtrip(session: dict[str, Any], cat2025: Catalogue, value: str) -> None:
    s = copy.deepcopy(session)
    s["evaluated"]["position"] = value
    ctx = calibration.build_context(s, cat2025, "ru")
    text = _all_text(render_docx("calibration_protocol", "ru", ctx))
    assert f"Оцениваемое лицо: {ctx.evaluated_name}, {value}" in text


def test_yaml_safety(tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("a: &x [1, 2]\nb: *x\n", encoding="utf-8")
    with pytest.raises(UnsafeInputError, match=r"ссылки YAML \(\*имя\) не допускаются"):
        load_yaml(f)
    f.write_text("a: !!python/object:os.system {}\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_yaml(f)
    f.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(Exception, match="верхний уровень"):
        load_yaml(f)
    f.write_bytes(b"a: \xff\n")
    with pytest.raises(InputError, match="UTF-8"):
        load_yaml(f)


def test_no_overwrite_without_force(tmp_path: Path, cat2025: Catalogue) -> None:
    out = tmp_path / "p.docx"
    out.write_bytes(b"keep")
    with pytest.raises(OutputExistsError):
        render_calibration(HERE / "session_ru.yaml", cat2025, out)
    assert out.read_bytes() == b"keep"
    render_calibration(HERE / "session_ru.yaml", cat2025, out, force=True)
    assert out.read_bytes()[:2] == b"PK"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.docx"
    main(
        [
            "protocol",
            "commission",
            "--catalogue",
            str(CATS / "cat_001_2017_commission_kk.json"),
            "--data",
            str(HERE / "meeting_kk.yaml"),
            "-o",
            str(out),
            "--lang",
            "ru",
        ]
    )
    assert out.is_file()
    captured = capsys.readouterr()
    assert "Бағаланушы" not in captured.out + captured.err  # no personal data on the console
    with pytest.raises(SystemExit) as e:
        main(
            [
                "protocol",
                "commission",
                "--catalogue",
                str(CATS / "cat_001_2017_commission_kk.json"),
                "--data",
                str(HERE / "meeting_kk.yaml"),
                "-o",
                str(out),
            ]
        )
    assert e.value.code == 2
    # a Kazakh methodology without --lang: the refusal is said in Kazakh alone
    refusal = capsys.readouterr().err
    assert refusal.startswith("docgen: қате: ") and "--force" in refusal and "файл" in refusal
    assert "ошибка" not in refusal
    bad = tmp_path / "bad.yaml"
    d = yaml.safe_load((HERE / "session_ru.yaml").read_text(encoding="utf-8"))
    d["members"] = d["members"][:2]
    bad.write_text(yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        main(
            [
                "protocol",
                "calibration",
                "--catalogue",
                str(CATS / "cat_004_2025_ru.json"),
                "--data",
                str(bad),
                "-o",
                str(tmp_path / "x.docx"),
            ]
        )
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("docgen: ошибка: ") and "участников" in err and "не менее 3" in err
    assert not re.search("[әғқңөұүһі]", err, re.I)  # a Russian methodology: Russian alone
    assert not (tmp_path / "x.docx").exists()
    with pytest.raises(SystemExit) as e:
        main(["protocol", "calibration", "--data", str(bad), "-o", str(tmp_path / "x.docx")])
    assert e.value.code == 2


def test_libreoffice_opens_protocols(
    tmp_path: Path, session: dict[str, Any], cat2025: Catalogue, cat2017: Catalogue
) -> None:
    s = copy.deepcopy(session)
    s["body"] = TRICKY
    f = tmp_path / "s.yaml"
    f.write_text(yaml.safe_dump(s, allow_unicode=True), encoding="utf-8")
    cal = tmp_path / "calibration.docx"
    com = tmp_path / "commission.docx"
    render_calibration(f, cat2025, cal, lang="ru")
    from docgen.protocols import render_commission

    render_commission(HERE / "meeting_kk.yaml", cat2017, com)
    texts = to_pdf_text([cal, com], tmp_path)
    t = re.sub(r"\s+", " ", texts[cal])
    assert TRICKY in t
    assert "Итоговая оценка: 3,20 – надлежащим образом" in t and "Форма" in t
    c = re.sub(r"\s+", " ", texts[com])
    assert "Нысан" in c and "5-қосымша" in c and "Бағалау жөніндегі комиссия отырысының хаттамасы № 1" in c
