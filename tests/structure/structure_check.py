"""Shared checks for the structure tests: compare a parsed Document with an expected JSON file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docgen.model import Document, SourceText
from docgen.normalize import normalize
from docgen.structure import parse_structure
from docgen.structure.export import structure_json

ROOT = Path(__file__).resolve().parents[2]
SEED_EXPECTED = ROOT / "tests" / "data" / "structure"
VARIANTS = ROOT / "tests" / "data" / "variants_structure"


def parse_file(path: Path) -> Document:
    raw = path.read_bytes().decode("utf-8")
    return parse_structure(SourceText(str(path), raw, "utf-8", "txt"), normalize(raw))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check_document(doc: Document, exp: dict[str, Any]) -> None:
    js = structure_json(doc)
    d, s = js["document"], js["structure"]
    assert doc.language == exp["language"]
    for key, value in exp["document"].items():
        assert d[key] == value, (key, d[key], value)
    if "title_startswith" in exp:
        assert d["title"].startswith(exp["title_startswith"]), d["title"]
    if "repealed_by" in exp:
        assert d["repealed_by"] is not None
        assert {k: d["repealed_by"][k] for k in ("date", "number")} == exp["repealed_by"]
    assert [[c.number, c.title] for c in doc.chapters] == exp["chapters"]
    assert [c["points"] for c in s["chapters"]] == exp["chapter_ranges"]
    assert s["points"] == exp["points"]
    assert s["approving_points"] == exp["approving_points"]
    assert s["appendices"] == exp["appendices"]
    assert s["deleted_points"] == exp["deleted_points"]
    assert s["deleted_chapters"] == exp["deleted_chapters"]
    for num, subs in exp["subpoints"].items():
        assert s["subpoints"][num] == subs, num
    if not exp["subpoints"]:
        assert s["subpoints"] == {}
    for num, printed in exp["appendix_printed"].items():
        app = doc.appendix(int(num))
        assert app is not None and app.number_as_printed == printed
    for app in doc.appendices:
        if str(app.number) not in exp["appendix_printed"]:
            assert app.number_as_printed == str(app.number)
        assert app.form_label == exp["form_labels"].get(str(app.number), "")
    for num, title in exp["appendix_titles"].items():
        app = doc.appendix(int(num))
        assert app is not None and app.title == title, (num, app and app.title)
    for num, layouts in exp.get("table_layouts", {}).items():
        app = doc.appendix(int(num))
        assert app is not None and [t.layout for t in app.tables] == layouts
    for num, (n_rows, n_cols) in exp.get("table_shapes", {}).items():
        app = doc.appendix(int(num))
        assert app is not None
        assert len(app.tables[0].rows) == n_rows
        assert max(len(r) for r in app.tables[0].rows) == n_cols
    for num, rows in exp.get("table_rows", {}).items():
        app = doc.appendix(int(num))
        assert app is not None and [list(r) for r in app.tables[0].rows] == rows
    notes = [[n.target, n.kind, n.act_date, n.act_number] for n in doc.header.edit_notes]
    assert notes == exp["edit_notes"]
    for num, targets in exp.get("point_notes", {}).items():
        p = doc.point(num)
        assert p is not None and [n.target for n in p.edit_notes] == targets
    assert [i["kind"] for i in s["numbering_issues"]] == exp["issue_kinds"]
    if "missing_points" in exp:
        gaps = [i for i in s["numbering_issues"] if i["kind"] == "gap" and i["where"] == "point"]
        assert [m for g in gaps for m in g["missing"]] == exp["missing_points"]
    assert doc.text[doc.methodology_start :].startswith(exp["methodology_start_text"])
    for snippet in exp.get("text_contains", []):
        assert snippet in doc.text, snippet
    kinds = {r.kind for r in doc.norm.repairs}
    for kind in exp.get("repair_kinds", []):
        assert kind in kinds, kind
    check_invariants(doc)


def check_invariants(doc: Document) -> None:
    """Nodes partition the text; every span maps back into the raw text; points are in order."""
    text = doc.text
    if text:
        assert doc.nodes[0].start == 0 and doc.nodes[-1].end == len(text)
    for a, b in zip(doc.nodes, doc.nodes[1:], strict=False):
        assert a.end == b.start and a.start < a.end
    for n in doc.nodes:
        rs, re_ = doc.norm.raw_span(n.start, n.end)
        assert 0 <= rs <= re_ <= len(doc.norm.raw)
    for p in doc.points:
        assert doc.methodology_start <= p.start <= p.end <= len(text)
        assert text[p.start : p.start + len(p.number) + 1] == p.number + "."
        for sp in p.subpoints:
            assert p.start < sp.start <= sp.end <= p.end
    starts = [p.start for p in doc.points]
    assert starts == sorted(starts)
    for p in doc.approving_points:
        assert p.end <= doc.methodology_start
    for app in doc.appendices:
        assert app.start >= doc.methodology_start
        for t in app.tables:
            assert app.start <= t.start <= t.end <= app.end
