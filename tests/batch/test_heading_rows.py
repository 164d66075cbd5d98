"""Column headings repeat on every printed page (``w:tblHeader`` on a table's heading rows), in the
templates scripts/templates/forms.py builds, in the sheets ``docgen fill`` writes from them, in the
blank forms ``docgen forms`` writes and in a draft's appendix tables; tables without column headings
(a signature table, a sheet's last rows kept with its signature) mark none.

The rendering on paper (the heading over the rows and over the signature on a later page) is asserted
in test_sheet_layout.py through LibreOffice."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from lxml import etree
from render.helpers import CATALOGUES, load_catalogue

from docgen.cli import cli

from .test_fill import GOOD, write_csv

ROOT = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# the sheets with the closing row (the last rows' table inside the sheet's table)
SHEETS = ("evaluation_sheet_leader", "evaluation_sheet_staff", "differentiation_sheet")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _forms_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "template_forms", ROOT / "scripts" / "templates" / "forms.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["template_forms"] = module
    spec.loader.exec_module(module)
    return module


def _document(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


def _heading(tr: etree._Element) -> bool:
    return tr.find(f"{_w('trPr')}/{_w('tblHeader')}") is not None


def _text(el: etree._Element) -> str:
    return "".join(el.itertext())


def _tables(root: etree._Element) -> list[tuple[etree._Element, bool]]:
    """Every table, with whether it stands inside another table's cell."""
    return [(t, t.getparent().tag == _w("tc")) for t in root.iter(_w("tbl"))]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_templates_mark_their_column_headings_and_nothing_else(lang: str) -> None:
    """Every template forms.py builds: the row of column headings (``{{ columns[i] }}``) of its table
    repeats; no other row does, in a signature table or in a sheet's last rows."""
    for kind in _forms_script().BUILDERS:
        root = _document((ROOT / f"templates_{lang}" / f"{kind}.docx").read_bytes())
        tables = _tables(root)
        headed = [t for t, nested in tables if not nested]
        columns = [
            t for t in headed if all("{{ columns[" in _text(tc) for tc in t.find(_w("tr")).findall(_w("tc")))
        ]
        assert len(columns) == 1, kind  # one table of columns per form
        rows = columns[0].findall(_w("tr"))
        assert _heading(rows[0]), f"{lang}/{kind}: heading row"
        marked = [tr for t, _ in tables for tr in t.findall(_w("tr")) if _heading(tr)]
        assert marked == [rows[0]], f"{lang}/{kind}: a row other than the heading repeats"
        if kind in SHEETS:  # the last rows' table, inside the sheet's table, has no heading
            assert [nested for _, nested in tables] == [False, True], kind


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_template_marks_a_row_that_is_not_column_headings(lang: str) -> None:
    """Every template (forms.py's and protocols.py's): a row loop's tag row (``{%tr for ... %}``, never
    printed, above a signature list or a sheet's last rows) is no heading; a table whose first row is
    one has no heading row at all."""
    for path in sorted((ROOT / f"templates_{lang}").glob("*.docx")):
        for table, _ in _tables(_document(path.read_bytes())):
            rows = table.findall(_w("tr"))
            if _text(rows[0]).lstrip().startswith("{%tr"):
                assert not [tr for tr in rows if _heading(tr)], path.name


def test_templates_are_the_build_of_forms_py(tmp_path: Path) -> None:
    """The committed templates are what scripts/templates/forms.py writes (never edited by hand)."""
    written = _forms_script().build(tmp_path)
    assert len(written) == 2 * len(_forms_script().BUILDERS)
    for path in written:
        committed = ROOT / path.parent.name / path.name
        with zipfile.ZipFile(path) as new, zipfile.ZipFile(committed) as old:
            assert new.read("word/document.xml") == old.read("word/document.xml"), committed.name


def test_the_builder_itself_marks_the_heading_row() -> None:
    """forms.py marks the heading row (the official layout pass, docgen/official.py, would add a
    missing mark to a first row, but it is the template's own)."""
    forms = _forms_script()
    for kind in SHEETS:
        doc = forms.BUILDERS[kind]("ru")
        first = doc.element.body.find(_w("tbl"))
        rows = first.findall(_w("tr"))
        assert _heading(rows[0]) and not [tr for tr in rows[1:] if _heading(tr)]


def test_filled_sheets_repeat_their_column_headings(tmp_path: Path) -> None:
    """``docgen fill`` on the fill tests' spreadsheet, both languages: the heading row, printed with the
    act's column captions, repeats; parameter rows, the total and the closing block do not."""
    data = write_csv(tmp_path / "data.csv", GOOD)
    out = tmp_path / "out"
    res = CliRunner().invoke(
        cli,
        ["fill", str(CATALOGUES / "ru_2025.json"), "--data", str(data), "-o", str(out), "--lang", "both"],
    )
    assert res.exit_code == 0, res.output
    docs = sorted(out.glob("*.docx"))
    assert {d.suffixes[-2] for d in docs} == {".kk", ".ru"} and len(docs) == 2 * len(GOOD)
    cat = load_catalogue("ru_2025.json")
    for doc in docs:
        root = _document(doc.read_bytes())
        (table, _), *inner = _tables(root)
        assert [nested for _, nested in inner] == [True]  # the last rows, in the closing row
        rows = table.findall(_w("tr"))
        assert _heading(rows[0]), doc.name
        marked = [tr for t, _ in _tables(root) for tr in t.findall(_w("tr")) if _heading(tr)]
        assert marked == [rows[0]], doc.name
        heading = [_text(tc).strip() for tc in rows[0].findall(_w("tc"))]
        if doc.suffixes[-2] == ".ru":  # the act's own captions (the Russian act, appendices 1 and 2)
            sheet = "leader" if "_leader_" in doc.name else "staff"
            form = next(f for f in cat.forms if f.kind == f"evaluation_sheet_{sheet}")
            assert heading == list(form.columns)
            assert heading[0] == "Параметры"
        else:
            assert len(heading) == 4 and all(heading)
            assert "Параметры" not in heading  # printed in Kazakh


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_blank_forms_repeat_their_column_headings(tmp_path: Path, lang: str) -> None:
    """``docgen forms``: the blank sheets of seed 004 (templates) mark their heading row, and only it."""
    act = next(ROOT.glob("legal_corpus/acts/*/004_*.txt"))
    res = CliRunner().invoke(cli, ["forms", str(act), "--lang", lang, "-o", str(tmp_path / "f")])
    assert res.exit_code == 0, res.output
    docs = sorted(tmp_path.glob(f"f/*.{lang}.docx"))
    assert docs
    for doc in docs:
        root = _document(doc.read_bytes())
        top = [t for t, nested in _tables(root) if not nested]
        rows = top[0].findall(_w("tr"))
        assert _heading(rows[0]), doc.name
        marked = [tr for t, _ in _tables(root) for tr in t.findall(_w("tr")) if _heading(tr)]
        assert marked == [rows[0]], doc.name


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_draft_appendix_tables_repeat_their_heading_row(lang: str) -> None:
    """A draft methodology's Word document (docgen/draft/docx.py): every appendix table's first row,
    its column headings, repeats; its other rows do not."""
    from docgen.draft import draft, load_body, render_docx

    d = draft("E4", load_body(ROOT / "tests" / "draft" / "data" / "body_akimat.yaml"), lang)
    root = _document(render_docx(d))
    tables = _tables(root)
    assert len(tables) == len([b for b in d.blocks if b.kind == "table" and b.rows]) >= 2
    for (table, nested), block in zip(
        tables, [b for b in d.blocks if b.kind == "table" and b.rows], strict=True
    ):
        assert not nested
        rows = table.findall(_w("tr"))
        assert _heading(rows[0]) and not [tr for tr in rows[1:] if _heading(tr)]
        assert [_text(tc) for tc in rows[0].findall(_w("tc"))] == block.rows[0]
