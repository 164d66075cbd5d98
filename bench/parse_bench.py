"""Parsing speed on the embedded corpus.

Usage: python bench/parse_bench.py [-n 5]
Prints, for the whole corpus parsed N times: MB/s and ms per document for
  - docgen structure only (read + normalise + structure),
  - docgen full catalogue (+ spaCy pipeline + extraction rules),
  - the peer: spaCy's own blank pipeline just tokenising the same texts (the floor any spaCy-based
    extractor pays), and the ratio docgen / peer;
and the start-up time of `docgen --help` (must not import spaCy; target < 0.5 s).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=5)
    args = ap.parse_args()
    from docgen.catalogue import catalogue_for_document, parse_document
    from docgen.nlp import get_nlp

    paths = sorted(ROOT.glob("legal_corpus/acts/*/*.txt"))
    mb = sum(p.stat().st_size for p in paths) / 1e6
    for p in paths:  # warm caches (spaCy, pymorphy3, compiled rules)
        catalogue_for_document(parse_document(p))

    def timed(fn) -> float:  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        for _ in range(args.n):
            for p in paths:
                fn(p)
        return time.perf_counter() - t

    t_struct = timed(parse_document)
    t_full = timed(lambda p: catalogue_for_document(parse_document(p)))
    texts = {p: p.read_text(encoding="utf-8") for p in paths}
    langs = {p: parse_document(p).language for p in paths}
    import spacy

    blank = {lang: spacy.blank(lang) for lang in ("kk", "ru")}
    t_peer = timed(lambda p: blank[langs[p]](texts[p]))
    get_nlp("ru")
    docs = len(paths) * args.n
    print(f"corpus: {len(paths)} texts, {mb:.3f} MB, x{args.n}")
    for name, t in (
        ("structure only", t_struct),
        ("full catalogue", t_full),
        ("peer: spaCy blank tokenizer", t_peer),
    ):
        print(f"{name:30} {mb * args.n / t:8.3f} MB/s {1000 * t / docs:9.1f} ms/doc")
    print(f"ratio full catalogue / spaCy tokenizer time: {t_full / t_peer:.1f}x")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "docgen", "--help"], check=True, capture_output=True)
    print(f"docgen --help start-up: {time.perf_counter() - t:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
