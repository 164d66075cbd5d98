"""Accuracy of the extractor on the seeds and the variant texts (expected catalogues written by reading).

Usage: python bench/accuracy.py [--misses]
Prints precision/recall of values and of source points, per text and overall.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen.accuracy import score, summary  # noqa: E402
from docgen.catalogue import catalogue_for_path, read_catalogue_json  # noqa: E402


def cases() -> list[tuple[str, Path, Path]]:
    out = []
    for exp in sorted((ROOT / "tests/data/expected").glob("*.json")):
        seed = next(ROOT.glob(f"legal_corpus/acts/*/{exp.stem}.txt"), None)
        if seed:
            out.append(("seed", seed, exp))
    for group, folder in (
        ("variant", "variants"),
        ("heldout", "heldout"),
        ("heldout2", "heldout2"),
        ("heldout3", "heldout3"),
    ):
        for exp in sorted((ROOT / "tests/data" / folder).glob("*.json")):
            src = next(
                (exp.with_suffix(s) for s in (".txt", ".docx", ".html") if exp.with_suffix(s).exists()), None
            )
            if src is not None:
                out.append((group, src, exp))
    return out


def main() -> int:
    show = "--misses" in sys.argv
    groups: dict[str, list] = {"seed": [], "variant": [], "heldout": [], "heldout2": [], "heldout3": []}
    print(f"{'text':40} {'exp':>4} {'got':>4} {'hit':>4} {'prec':>6} {'rec':>6} {'p.prec':>6} {'p.rec':>6}")
    for group, txt, exp in cases():
        expected = read_catalogue_json(exp)
        actual = catalogue_for_path(txt)
        rep = score(expected, actual, txt.name)
        groups[group].append(rep)
        t = rep.total
        print(
            f"{txt.name:40} {t.expected:4} {t.extracted:4} {t.value_hits:4} {t.precision:6.3f} {t.recall:6.3f} "
            f"{t.point_precision:6.3f} {t.point_recall:6.3f}"
        )
        if show:
            for m in rep.misses:
                print("   -", m)
    for group, reps in groups.items():
        if reps:
            print(group, json.dumps(summary(reps), ensure_ascii=False))
    print("all", json.dumps(summary([r for reps in groups.values() for r in reps]), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
