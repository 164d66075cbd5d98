"""`docgen parse --format json` output validates against the JSON Schema in the repo, for every corpus text."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE_SCHEMA = json.loads((ROOT / "docgen/data/catalogue.schema.json").read_text(encoding="utf-8"))
# what `docgen parse` always writes on top of what any catalogue a command reads must have
PARSE_OUTPUT = {
    "type": "object",
    "required": ["source", "document", "structure", "repairs", "parameters"],
    "properties": {
        "document": {"required": ["language", "act_type", "status", "generation", "generation_evidence"]},
        "structure": {"required": ["chapters", "points", "appendices"]},
        "parameters": {
            "additionalProperties": {
                "required": ["value", "unit", "source", "rule"],
                "properties": {"source": {"required": ["point", "quote", "start", "end"]}},
            }
        },
        "forms": {"items": {"required": ["appendix", "kind", "title", "rows", "columns"]}},
    },
}
SCHEMA = {"allOf": [CATALOGUE_SCHEMA, PARSE_OUTPUT]}
SEEDS = sorted(ROOT.glob("legal_corpus/acts/*/*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name for s in SEEDS])
def test_parse_json_validates(seed: Path) -> None:
    res = CliRunner().invoke(cli, ["parse", str(seed), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    jsonschema.validate(data, SCHEMA)
    assert data["parameters"] and data["document"]["generation"]


def test_several_paths_give_one_object_per_line() -> None:
    res = CliRunner().invoke(cli, ["parse", *map(str, SEEDS[:2])])
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 2
    for ln in lines:
        jsonschema.validate(json.loads(ln), SCHEMA)


def test_explain_names_rules_and_quotes() -> None:
    seed = next(s for s in SEEDS if s.name.startswith("004_"))
    res = CliRunner().invoke(cli, ["parse", str(seed), "--format", "text", "--explain"])
    assert res.exit_code == 0
    assert "deadline_day_after_quarter" in res.output
    assert "двадцатого числа месяца, следующего за отчетным кварталом" in res.output


def test_help_does_not_import_spacy_and_starts_fast() -> None:
    code = (
        "import sys, time; t=time.perf_counter();\n"
        "from docgen.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
        "assert 'pymorphy3' not in sys.modules\n"
    )
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "parse" in proc.stdout
    # generous bound for a loaded CI machine; bench/ measures the real figure
    assert time.perf_counter() - t < 5
