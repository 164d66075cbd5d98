"""Deleted sub-points («12) алып тасталды», «3) исключен») are kept in the numbering and flagged."""

from __future__ import annotations

from pathlib import Path

from docgen.model import SourceText
from docgen.normalize import normalize
from docgen.structure import parse_structure
from docgen.structure.export import structure_json

ROOT = Path(__file__).resolve().parents[2]


def _parse(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    return structure_json(parse_structure(SourceText(str(path), raw, "utf-8", "txt"), normalize(raw)))


def test_seed_002_definition_12_is_deleted_but_kept() -> None:
    s = _parse(next(ROOT.glob("legal_corpus/acts/*/002_*.txt")))["structure"]
    assert s["subpoints"]["2"][-1] == "12"
    assert s["deleted_subpoints"] == {"2": ["12"]}


def test_russian_deleted_subpoint(tmp_path: Path) -> None:
    text = (
        "Приказ Министерства от 1 января 2026 года № 1\n\nПРИКАЗЫВАЮ:\n\n1. Утвердить методику.\n\n"
        "Утверждена приказом\n\nМетодика оценки\n\nГлава 1. Общие положения\n\n"
        "1. Основные понятия:\n\n1) оценивающее лицо – руководитель;\n\n2) исключен приказом от 02.02.2026 № 5;\n\n"
        "3) оцениваемый период – квартал.\n\n2. Оценка проводится ежеквартально.\n"
    )
    path = tmp_path / "act.txt"
    path.write_text(text, encoding="utf-8")
    s = _parse(path)["structure"]
    assert s["subpoints"]["1"] == ["1", "2", "3"]
    assert s["deleted_subpoints"] == {"1": ["2"]}
