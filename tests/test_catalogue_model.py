"""The typed catalogue: seeds round-trip byte for byte, the loader validates, the small API answers."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from docgen.catalogue import catalogue_for_path, load_catalogue, read_catalogue_json
from docgen.catalogue_model import Catalogue, catalogue_from_json
from docgen.commands.parse import parse_to_json
from docgen.errors import DataError, InputError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted(ROOT.glob("legal_corpus/acts/*/*.txt"))
SNAPSHOTS = ROOT / "tests/data/seed_catalogues"


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_parse_output_is_byte_identical_to_the_committed_snapshot(
    seed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # snapshots were written by `docgen parse <seed> -o ...` from the repository root before the typed
    # catalogue existed; the catalogue now goes Document -> Catalogue -> to_json()
    expected = (SNAPSHOTS / f"{seed.stem}.json").read_text(encoding="utf-8")
    monkeypatch.chdir(ROOT)
    assert _dump(parse_to_json(str(seed.relative_to(ROOT)))) == expected


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_snapshot_reads_and_writes_back_unchanged(seed: Path) -> None:
    path = SNAPSHOTS / f"{seed.stem}.json"
    cat = read_catalogue_json(path)
    assert isinstance(cat, Catalogue)
    assert _dump(cat.to_json()) == path.read_text(encoding="utf-8")
    assert load_catalogue(path) == cat


def test_catalogue_for_path_is_typed() -> None:
    seed = next(s for s in SEEDS if s.name.startswith("004_"))
    cat = catalogue_for_path(seed)
    # the act says "оцениваемый период – квартал" (point 2) and "двадцатого числа месяца" (point 4)
    assert cat.lang == "ru"
    assert cat.value("evaluation_period") == "quarter"
    p = cat.param("quarterly_deadline_day")
    assert p is not None and p.value == 20 and p.unit == "days_of_month" and p.source.point == "4"
    assert cat.form_at(1) is not None and cat.form_at(1) is cat.form("evaluation_sheet_leader")


def _cat(**params: object) -> Catalogue:
    return catalogue_from_json(
        {
            "document": {"language": "kk", "act_type": "order", "status": "in_force"},
            "parameters": {
                k: {"value": v, "unit": None, "source": {"point": "1", "quote": "q"}}
                for k, v in params.items()
            },
            "forms": [{"appendix": 3, "kind": "kpi_sheet", "title": "t", "rows": [], "columns": []}],
        }
    )


GRADES = [
    {"id": "effective", "min": 4, "max": 5},
    {"id": "proper", "min": 3, "max": 3.99},
    {"id": "satisfactory", "min": 2, "max": 2.99},
    {"id": "unsatisfactory", "min": 0, "max": 1.99},
]


def test_require_names_every_missing_key() -> None:
    cat = _cat(score_min=0)
    assert cat.require("score_min") == (0,)
    with pytest.raises(DataError) as err:
        cat.require("score_min", "score_max", "grades")
    assert "«Максимальная оценка»" in str(err.value) and "«Градация результатов»" in str(err.value)
    assert cat.value("nope") is None


@pytest.mark.parametrize(
    "score, grade",
    [
        (Decimal("4.00"), "effective"),
        (Decimal("3.99"), "proper"),
        (3.994, "proper"),
        (3.995, "effective"),  # half-up to the printed two decimals
        (0, "unsatisfactory"),
        (5, "effective"),
    ],
)
def test_grade_for_is_the_one_grade_function(score: Decimal | float, grade: str) -> None:
    cat = _cat(grades=GRADES)
    assert cat.grade_for(score) == grade
    assert all(isinstance(b.min, Decimal) for b in cat.grades)


def test_grade_for_below_every_band_and_without_bands() -> None:
    with pytest.raises(DataError):
        _cat(grades=GRADES).grade_for(-1)
    with pytest.raises(DataError, match="Градация результатов"):
        _cat().grade_for(3)


def test_forms_and_language() -> None:
    cat = _cat()
    assert cat.appendix_of("kpi_sheet") == 3 and cat.form("sheet360_staff") is None
    assert cat.lang_or(None) == "kk" and cat.lang_or("ru") == "ru"


@pytest.mark.parametrize(
    "content, where",
    [
        ('{"document": {"language": "en"}, "parameters": {}}', "$.document.language"),
        (
            '{"document": {"language": "kk", "act_type": "order", "status": "in_force"},'
            ' "parameters": {"x": {"value": 1, "unit": null, "source": {"point": "p 1", "quote": "q"}}}}',
            "$.parameters.x.source.point",
        ),
        ('{"document": {"language": "kk"}}', ""),
        ("[1, 2]", ""),
        ("{", ""),
    ],
)
def test_bad_catalogue_is_one_line_naming_file_and_path(tmp_path: Path, content: str, where: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_catalogue_json(path)
    line = err.value.one_line()
    assert "\n" not in line and str(path) in line and where in line
    assert err.value.exit_code == 2


CATALOGUE_NAMES = {"cat", "catalogue", "old_catalogue", "new_catalogue", "expected", "actual"}


def test_no_function_outside_the_catalogue_modules_takes_the_catalogue_as_a_dict() -> None:
    import ast

    offenders = []
    for path in sorted((ROOT / "docgen").rglob("*.py")):
        if path.parent.name == "docgen" and path.name.startswith("catalogue"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for a in node.args.args + node.args.kwonlyargs:
                ann = ast.unparse(a.annotation) if a.annotation is not None else ""
                if a.arg in CATALOGUE_NAMES and ("dict" in ann or "Mapping" in ann or not ann):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}({a.arg}: {ann})")
    assert offenders == []
