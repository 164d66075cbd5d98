"""inconsistent_value for any numeric rule stated twice with different values (not only the score scale)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docgen.check import check_path

ROOT = Path(__file__).resolve().parents[2]
SEED = next(ROOT.glob("legal_corpus/acts/*/004_*.txt"))


def test_retention_stated_twice_with_other_value(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    anchor = "21. Служба управления персоналом организовывает деятельность калибровочной сессии."
    assert anchor in text
    planted = (
        anchor + " Протоколы калибровочной сессии хранятся в службе управления персоналом в течение пяти лет."
    )
    path = tmp_path / "act.txt"
    path.write_text(text.replace(anchor, planted), encoding="utf-8")
    result = check_path(path, as_of=dt.date(2026, 6, 1))
    hits = [f for f in result.findings if f.code == "inconsistent_value.parameter"]
    assert len(hits) == 1
    f = hits[0]
    assert f.point == "21" and f.severity == "error"
    assert f.expected == "3" and f.actual == "5"
    assert (
        "пяти лет" in f.quote and "«Срок хранения документов»" in f.message
    )  # the key by its name, not its code
    # the unmodified seed states its retention once: no such finding
    clean = check_path(SEED, as_of=dt.date(2026, 6, 1))
    assert not [f for f in clean.findings if f.code == "inconsistent_value.parameter"]
