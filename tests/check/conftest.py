from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "check"
SEEDS = {p.stem: p for p in (ROOT / "legal_corpus" / "acts").glob("*/*.txt")}


def load_json(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def matches(expected: dict[str, Any], got: Any) -> bool:
    if expected["code"] != got.code or expected["point"] != got.point:
        return False
    if "severity" in expected and expected["severity"] != got.severity:
        return False
    if "actual" in expected and expected["actual"] != got.actual:
        return False
    if any(k in expected and expected[k] != got.details.get(k) for k in ("topic", "key")):
        return False
    return "expected" not in expected or expected["expected"] == got.expected
