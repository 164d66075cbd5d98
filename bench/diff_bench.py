"""Benchmark of ``docgen diff``: two ~70 KB texts (seed 000 and an edited copy), parse + text diff
+ redline + rule diff of the catalogues, best of N runs. Run: ``.venv/bin/python bench/diff_bench.py``.
Writes ``bench/diff_bench.json``.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from pathlib import Path

from _timing import best_of

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "legal_corpus" / "acts").glob("*/000_*.txt"))


def _best(fn, n: int = 5) -> float:  # type: ignore[no-untyped-def]
    return best_of(fn, n, 4)


def main() -> dict[str, object]:
    from docgen.catalogue import catalogue_for_document, parse_document
    from docgen.diff import diff_documents
    from docgen.diff.redline import build_redline
    from docgen.diff.report import to_json
    from docgen.diff.rules import diff_rules
    from docgen.diff.text import diff_text

    old_text = SEED.read_text(encoding="utf-8")
    new_text = old_text.replace("үш айдан кем", "бір айдан кем", 1)
    new_text = re.sub(r"\n15\. [^\n]*\n", "\n", new_text, count=1)  # a point removed
    new_text = new_text.replace("\n20. ", "\n20. Жаңа тармақ: бағалау нәтижелері жарияланады.\n\n21. ", 1)
    new_text = new_text.replace("Жалпы ережелер", "Жалпы ережелер (жаңа редакция)", 1)
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "old.txt", Path(tmp) / "new.txt"
        a.write_text(old_text, encoding="utf-8")
        b.write_text(new_text, encoding="utf-8")
        parse_s = _best(lambda: (parse_document(a), parse_document(b)))
        da, db = parse_document(a), parse_document(b)
        text_s = _best(lambda: diff_text(da, db))
        td = diff_text(da, db)
        redline_s = _best(lambda: build_redline(td))
        ca, cb = catalogue_for_document(da), catalogue_for_document(db)
        rules_s = _best(lambda: diff_rules(ca, cb))
        report_s = _best(lambda: to_json(diff_documents(da, db, ca, cb)))
        other = parse_document(next((ROOT / "legal_corpus" / "acts").glob("*/002_*.txt")))
        two_bodies_s = _best(lambda: build_redline(diff_text(da, other)))
        t = time.perf_counter()
        catalogue_for_document(da), catalogue_for_document(db)
        extract_s = round(time.perf_counter() - t, 4)
    out: dict[str, object] = {
        "input_bytes": [len(old_text.encode()), len(new_text.encode())],
        "parse_both_s": parse_s,
        "text_diff_s": text_s,
        "redline_docx_s": redline_s,
        "rule_diff_s": rules_s,
        "full_diff_and_json_report_s": report_s,
        "diff_core_total_s": round(parse_s + text_s + redline_s + rules_s, 4),
        "two_bodies_000_vs_002_text_diff_and_redline_s": two_bodies_s,
        "catalogue_extraction_both_s (not part of the diff core, spaCy warm)": extract_s,
    }
    (ROOT / "bench" / "diff_bench.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    print(json.dumps(main(), indent=1))
