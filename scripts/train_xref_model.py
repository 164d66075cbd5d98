"""Train the learned second opinion on cross references (``docgen/check/xref_learned.py``) from the
annotated development sets and write ``docgen/check/xref_model.json.gz``.

    .venv/bin/python scripts/train_xref_model.py            # write the model
    .venv/bin/python scripts/train_xref_model.py --check    # exit 1 when the shipped model differs
    .venv/bin/python scripts/train_xref_model.py --leave-out tests/data/heldout_xref6 --out F

Every ``answers.yaml`` of :data:`SETS` lists each internal reference of its texts with the point it
cites and, when that is wrong, the point it should cite. For each point reference the model sees the
words of its sentence nearest to the reference and every other point of the act (its words and the
catalogue keys it is the source of); a ranking perceptron (averaged, a fixed number of passes in a
fixed shuffled order, so the output is the same on every machine) learns word-pair weights that put
the point the sentence speaks of first. A held-out set is never trained on before its first run is
recorded (README, "Cross references").
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.check.context import Ctx  # noqa: E402
from docgen.check.inputs import load  # noqa: E402
from docgen.check.xref import catalogue_view  # noqa: E402
from docgen.check.xref_learned import MODEL, features, near_words, point_words  # noqa: E402

SETS = [
    "tests/data/check_xref",
    "tests/data/xref_paraphrase",
    "tests/data/heldout_xref",
    "tests/data/heldout_xref2",
    "tests/data/heldout_xref3",
    "tests/data/heldout_xref4",
    "tests/data/heldout_xref5",
    "tests/data/heldout_xref6",
    "tests/data/heldout_xref7",
    "tests/data/heldout_xref8",
    "tests/data/heldout_xref9",
    "tests/data/heldout_xref10",
    "tests/data/dev_xref5",
    "tests/data/dev_xref6",
    "tests/data/dev_xref7",
]
SETTINGS = {"stem": 5, "near": 12, "passes": 3, "seed": 1, "veto_at": 10.0, "report_at": 50.0}

Example = tuple[dict[tuple[str, str], float], dict[str, dict[tuple[str, str], float]], str]


def examples(directory: Path, stem: int, near: int) -> list[Example]:
    """(features of the right point, features of every candidate, the right point's name) for every
    point reference of the set whose right point the act has."""
    answers = yaml.safe_load((directory / "answers.yaml").read_text(encoding="utf-8"))
    out: list[Example] = []
    for name in sorted(answers):
        doc, catalogue = load(str(directory / name), build_catalogue=True)
        ctx = Ctx(doc, "kk" if answers[name].get("language") == "kk" else "ru")
        sources = catalogue_view(catalogue).sources
        keys_at: dict[str, list[str]] = {}
        for key, points in sorted(sources.items()):
            for p in points:
                keys_at.setdefault(p, []).append(key)
        offers = {
            p.number: point_words(ctx.point_text(p), keys_at.get(p.number, []), stem) for p in ctx.live_points
        }
        for ref in answers[name]["references"]:
            cites = str(ref["cites"])
            target = cites if ref["correct"] else str(ref.get("should_cite", ""))
            if cites.startswith("appendix") or target not in offers or cites not in offers:
                continue
            quote = str(ref["quote"])
            at = ctx.text.find(quote)
            m = re.search(r"(?<!\d)" + re.escape(re.split(r"[–-]", cites)[0]) + r"(?!\d)", quote)
            if at < 0 or m is None:
                continue
            pos = at + m.start()
            c0, c1 = ctx.clause(pos)
            words = near_words(ctx.text[c0:c1], pos - c0, stem, near)
            own = str(ref["in_point"])
            cands = {p: features(words, offer) for p, offer in offers.items() if p != own}
            if target in cands:
                out.append((cands[target], cands, target))
    return out


def train(data: list[Example], passes: int, seed: int) -> dict[tuple[str, str], float]:
    """An averaged ranking perceptron: each pass, in a fixed shuffled order, the candidate scored first
    (the first in the act's order on a tie, so a tie teaches too) is pushed down and the right point
    up when they differ."""
    w: dict[tuple[str, str], float] = {}
    acc: dict[tuple[str, str], float] = {}
    n = 0
    order = list(range(len(data)))
    rnd = random.Random(seed)
    for _ in range(passes):
        rnd.shuffle(order)
        for i in order:
            _, cands, target = data[i]
            pred = max(cands, key=lambda c: sum(w.get(k, 0.0) * x for k, x in cands[c].items()))
            n += 1
            if pred == target:
                continue
            for k, x in cands[target].items():
                w[k] = w.get(k, 0.0) + x
                acc[k] = acc.get(k, 0.0) + n * x
            for k, x in cands[pred].items():
                w[k] = w.get(k, 0.0) - x
                acc[k] = acc.get(k, 0.0) - n * x
    return {k: v - acc[k] / n for k, v in w.items()}


def inputs_digest(sets: list[str]) -> str:
    """A digest of everything training reads: the package's code and data (the model file left out),
    the model profiles, the settings, and every file of the sets. Training is deterministic, so a model whose recorded digest
    is this one is what training would give now (``--check`` then skips retraining)."""
    digest = hashlib.sha256(json.dumps(SETTINGS, sort_keys=True).encode())
    files = [
        f
        for f in sorted((ROOT / "docgen").rglob("*"))
        if f.is_file() and f.suffix in (".py", ".yaml", ".json") and "__pycache__" not in f.parts
    ]
    files += sorted((ROOT / "legal_corpus" / "models").glob("*.yaml"))
    for s in sets:
        files += sorted(f for f in (ROOT / s).rglob("*") if f.is_file() and "__pycache__" not in f.parts)
    for f in files:
        digest.update(str(f.relative_to(ROOT)).encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()


def build(sets: list[str]) -> dict[str, Any]:
    stem, near = int(SETTINGS["stem"]), int(SETTINGS["near"])
    data: list[Example] = []
    digest = hashlib.sha256()
    for s in sets:
        data += examples(ROOT / s, stem, near)
        digest.update((ROOT / s / "answers.yaml").read_bytes())
    flat = train(data, int(SETTINGS["passes"]), int(SETTINGS["seed"]))
    weights: dict[str, dict[str, float]] = {}
    for (c, t), v in sorted(flat.items()):
        v = round(v, 2)
        if v:
            weights.setdefault(c, {})[t] = v
    return {
        **SETTINGS,
        "trained_on": sets,
        "answers_sha256": digest.hexdigest(),
        "inputs_sha256": inputs_digest(sets),
        "references": len(data),
        "weights": weights,
    }


def dump(model: dict[str, Any]) -> bytes:
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), mtime=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--check", action="store_true", help="exit 1 when the shipped model is not what training gives"
    )
    ap.add_argument("--leave-out", action="append", default=[], help="a set not to train on")
    ap.add_argument("--out", type=Path, default=MODEL)
    args = ap.parse_args(argv)
    left = {str(Path(p)).rstrip("/") for p in args.leave_out}
    sets = [s for s in SETS if s not in left]
    if args.check and MODEL.exists() and not left:
        with gzip.open(MODEL, "rt", encoding="utf-8") as fh:
            shipped = json.load(fh)
        if shipped.get("inputs_sha256") == inputs_digest(sets) and shipped.get("trained_on") == sets:
            print("the shipped model is up to date (trained on these very inputs)")
            return 0
    model = build(sets)
    blob = dump(model)
    if args.check:
        same = MODEL.exists() and MODEL.read_bytes() == blob
        print(
            "the shipped model is up to date" if same else "the shipped model differs from training: retrain"
        )
        return 0 if same else 1
    args.out.write_bytes(blob)
    n = sum(len(v) for v in model["weights"].values())
    print(f"{args.out}: {model['references']} references, {n} weights, {len(blob)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
