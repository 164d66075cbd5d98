"""Wrong internal references: how many of the planted ones ``docgen check`` finds, and how often it
cries wolf, on a set of texts with an ``answers.yaml`` that lists every internal reference with its
verdict. Default set: ``tests/data/heldout_xref/`` (10 texts written by someone who never saw the
checker; after its first run it became a development set). Any other directory in the same format is
scored with ``--set DIR``:

    .venv/bin/python bench/xref_accuracy.py --set DIR [--misses]

``answers.yaml`` maps a file name (relative to DIR) to ``{language, generation, references}``; each
reference has ``in_point`` (point number or ``appendix N``), ``cites`` (number or ``appendix N``),
``correct`` and, when wrong, ``should_cite``. A text that ``docgen check`` refuses (exit 2) is
reported on one ``ERROR`` line and counts as finding nothing.

A finding counts as a reference finding when its code is ``broken_cross_reference.*`` or
``missing_appendix.referenced``. It is matched to an answer by the point it stands in and the number it
cites. True positive: it matches a wrong reference. False positive: it matches a correct one, or no
reference of the key at all. The suggested target is scored on the true positives. A reference to
several points («пунктами 4, 5 и 7», «4–6-тармақтарында») may be keyed as one entry or one per number:
a finding matches when the numbers it names and the numbers the entry cites share one.

Naming of a place inside an appendix: the key writes ``in_point: appendix N`` and ``cites: appendix N``;
``docgen check`` names the place ``app<N>`` (the catalogue's naming of an appendix as a source,
shared/catalogue/keys.yaml) and puts the bare number in ``actual`` / ``expected``. :func:`_place`
maps both spellings to one, so an answer and a finding about the same place match.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "heldout_xref"
CODES = ("broken_cross_reference.", "missing_appendix.referenced")


def _place(point: str) -> str:
    m = re.fullmatch(r"\s*(?:appendix|app)\s*(\d+)\s*", point)
    return f"app{m.group(1)}" if m else point.strip()


def _num(cites: str) -> str:
    m = re.search(r"\d+(?:-\d+)?", cites)
    return m.group(0) if m else cites


def _nums(cites: str) -> frozenset[str]:
    """The points (or appendices) ``cites`` names: «12», «12-1» (an inserted point), a range «4–6» or
    «4-6» (4, 5 and 6), a list «4, 5 и 7»."""
    out: set[str] = set()
    for m in re.finditer(r"(\d+)(?:\s*([-\u2013\u2014])\s*(\d+))?", cites):
        a, dash, b = m.group(1), m.group(2), m.group(3)
        if b is None:
            out.add(a)
        elif dash == "-" and int(b) <= int(a):
            out.add(f"{a}-{b}")
        else:
            out.update(str(n) for n in range(int(a), int(b) + 1))
    return frozenset(out) or frozenset({cites.strip()})


def _is_missing(f: dict[str, Any]) -> bool:
    return str(f["code"]).startswith("missing_appendix.")


def _cited(f: dict[str, Any]) -> str:
    """The number a finding says the reference cites: ``actual`` of a wrong reference; a reference to
    an appendix the act lacks (``missing_appendix.referenced``) names it in ``expected`` (what the
    reference expects to exist) and leaves ``actual`` empty (nothing found)."""
    if _is_missing(f):
        return str(f.get("actual") or f.get("expected") or "")
    return str(f.get("actual", ""))


class Refused(Exception):
    """``docgen check`` did not judge the text (exit 2: usage or input error)."""


def check_findings_in_process(path: Path) -> list[dict[str, Any]]:
    """The same report as :func:`check_findings` without starting a process: ``docgen check`` is
    ``check_path`` plus printing (used by the test that re-runs the scorer)."""
    from docgen.check import check_path

    report = check_path(str(path)).to_json()
    return [f for f in report["findings"] if str(f["code"]).startswith(CODES)]


def check_findings(path: Path) -> list[dict[str, Any]]:
    proc = subprocess.run(
        [sys.executable, "-m", "docgen", "check", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode not in (0, 1):
        raise Refused(f"{path.name}: docgen check exit {proc.returncode}: {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    return [f for f in report["findings"] if str(f["code"]).startswith(CODES)]


def score(
    misses: bool = False,
    data: Path = DATA,
    runner: Callable[[Path], list[dict[str, Any]]] = check_findings,
) -> dict[str, Any]:
    """The figures of every reference finding; ``errors_only`` holds the same figures counting only
    the findings of severity ``error`` (a finding the learned model does not back is a warning)."""
    answers = yaml.safe_load((data / "answers.yaml").read_text(encoding="utf-8"))
    found: dict[str, list[dict[str, Any]]] = {}
    refused: dict[str, str] = {}
    for name in sorted(answers):
        try:
            found[name] = runner(data / name)
        except Refused as exc:
            refused[name] = f"ERROR {exc}"
            found[name] = []
    result, lines = _tally(answers, found, refused)
    errors = {n: [f for f in fs if f.get("severity", "error") == "error"] for n, fs in found.items()}
    only, _ = _tally(answers, errors, refused)
    result["errors_only"] = {
        k: only[k] for k in ("true_positives", "false_positives", "recall", "precision", "right_suggestion")
    }
    if misses:
        result["lines"] = lines
    return result


def _tally(
    answers: dict[str, Any], found_by: dict[str, list[dict[str, Any]]], refused: dict[str, str]
) -> tuple[dict[str, Any], list[str]]:
    tp = fp = fn = suggested = 0
    lines: list[str] = []
    for name, spec in sorted(answers.items()):
        refs = spec["references"]
        if name in refused:
            lines.append(refused[name])
        found = found_by[name]
        used: set[int] = set()
        for ref in refs:
            if ref["correct"]:
                continue
            hit = next(
                (
                    i
                    for i, f in enumerate(found)
                    if i not in used
                    and _place(str(f.get("point"))) == _place(str(ref["in_point"]))
                    and _nums(_cited(f)) & _nums(str(ref["cites"]))
                ),
                None,
            )
            if hit is None:
                fn += 1
                lines.append(f"MISS {name} p.{ref['in_point']} cites {ref['cites']} ({ref['needs']})")
                continue
            used.add(hit)
            tp += 1
            should = "" if _is_missing(found[hit]) else str(found[hit].get("expected") or "")
            if _nums(should) & _nums(str(ref.get("should_cite", ""))):
                suggested += 1
            else:
                lines.append(
                    f"SUGGEST {name} p.{ref['in_point']} cites {ref['cites']}: suggested {should or '-'},"
                    f" key {ref.get('should_cite')} ({ref['needs']})"
                )
        for i, f in enumerate(found):
            if i in used:
                continue
            fp += 1
            sev = " warning" if f.get("severity") == "warning" else ""
            lines.append(f"EXTRA {name} p.{f.get('point')} -> {_cited(f)} [{f['code']}{sev}]")
    wrong = tp + fn
    result: dict[str, Any] = {
        "texts": len(answers),
        "wrong_references": wrong,
        "correct_references": sum(1 for s in answers.values() for r in s["references"] if r["correct"]),
        "true_positives": tp,
        "false_positives": fp,
        "recall": round(tp / wrong, 3) if wrong else 1.0,
        "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
        "right_suggestion": suggested,
    }
    return result, lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--misses", action="store_true", help="list every miss and every extra finding")
    ap.add_argument(
        "--set",
        "--data",
        dest="data",
        type=Path,
        default=DATA,
        help="a directory with texts and answers.yaml",
    )
    args = ap.parse_args()
    if not (args.data / "answers.yaml").is_file():
        raise SystemExit(f"{args.data}: no answers.yaml")
    res = score(args.misses, args.data)
    for line in res.pop("lines", []):
        print(line)
    print(json.dumps(res, ensure_ascii=False))


if __name__ == "__main__":
    main()
