"""Benchmark: filled evaluation sheets per second, docgen vs plain docxtpl, same data, same run.

Generates N rows of synthetic data (random Kazakh/Russian names, scores, sanctions) for a 2025
catalogue, then times, end to end (data read, validation, scoring, rendering, writing, summaries):

- ``docgen``: :func:`docgen.batch.run.fill_batch` on all N rows;
- ``docxtpl``: the obvious peer -- ``DocxTemplate(...).render(ctx); save(path)`` per row, on a
  sample of ``--docxtpl-n`` rows (same contexts), its rate extrapolated.

Prints docs/s for both and the ratio. Run: ``.venv/bin/python bench/fill_bench.py [--n 5000]``.

``--command N`` also times the whole command, ``docgen fill <act> --data ... -o ...`` in a fresh
process (start-up, reading the act, extraction or the catalogue cache, N rows), on seed 004's text:
``--no-cache`` (what every run cost before the cache), a cold cache (extracts, then stores) and a
warm cache (skips extraction and spaCy) -- in the same run as the docxtpl peer.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.batch.plan import FillPlan  # noqa: E402
from docgen.batch.reader import read_rows  # noqa: E402
from docgen.batch.run import default_jobs, fill_batch  # noqa: E402
from docgen.batch.sheet_context import SheetStatics, build_context  # noqa: E402
from docgen.catalogue import read_catalogue_json  # noqa: E402
from docgen.catalogue_model import Catalogue  # noqa: E402
from docgen.render import as_mapping  # noqa: E402
from docgen.render.docxtpl_render import render_docxtpl  # noqa: E402
from docgen.render.templates import template_path  # noqa: E402
from docgen.scoring.sheets import score_sheet  # noqa: E402

CATALOGUE = ROOT / "tests" / "data" / "catalogues" / "ru_2025.json"
ACT = ROOT / "legal_corpus" / "acts" / "wko-akimat-53" / "004_cb6464f9152e2bf0.txt"
SURNAMES = ["Иванов", "Сейітқали", "Әбілқайыр", "Петрова", "Нұрмағамбетов", "Ким", "Жақсылықова"]
NAMES = ["Айгүл", "Ерлан", "Мария", "Дәулет", "Сергей", "Гүлнұр"]
CATEGORIES = ["E-1", "E-2", "C-O-1", "D-4", "E-3", "E-4"]


def make_data(path: Path, n: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    head = ["full_name", "position", "category", "body", "evaluator_name", "evaluator_position", "period"]
    head += [f"score_{i}" for i in range(1, 6)] + ["sanction", "comment_1", "sheet"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(head)
        for i in range(n):
            name = f"{rnd.choice(SURNAMES)} {rnd.choice(NAMES)} «{i}»"
            scores = [str(rnd.choice([0, 1, 2, 3, 3.5, 4, 4.5, 5])) for _ in range(5)]
            sanction = rnd.choice(["none"] * 6 + ["remark", "reprimand", "severe_reprimand", "other"])
            w.writerow(
                [
                    name,
                    "бас маман",
                    rnd.choice(CATEGORIES),
                    "Аппарат <акима> & Ко",
                    "Петров П.П.",
                    "руководитель отдела",
                    f"2026-Q{i % 4 + 1}",
                    *scores,
                    sanction,
                    "",
                    "",
                ]
            )


def bench_command(data: Path, work: Path, n: int) -> dict[str, float]:
    """docs/s of the whole ``docgen fill`` command: no cache, cold cache, warm cache."""
    cache = work / "cache"
    env = dict(os.environ, DOCGEN_CACHE_DIR=str(cache))
    env.pop("DOCGEN_NO_CACHE", None)
    exe = [sys.executable, "-m", "docgen"]
    rates: dict[str, float] = {}
    for label, extra in (("no cache", ["--no-cache"]), ("cold cache", []), ("warm cache", [])):
        out = work / f"cmd-{label.replace(' ', '-')}"
        start = time.perf_counter()
        res = subprocess.run(
            [*exe, "fill", str(ACT), "--data", str(data), "-o", str(out), *extra],
            env=env,
            capture_output=True,
            text=True,
        )
        dt = time.perf_counter() - start
        if res.returncode != 0:
            raise SystemExit(f"docgen fill failed ({res.returncode}): {res.stderr.strip()[-300:]}")
        rates[label] = n / dt
        print(f"command: docgen fill, {n} rows, {label}: {dt:.2f} s = {n / dt:,.0f} docs/s (end to end)")
    return rates


def bench_docxtpl(cat: Catalogue, data: Path, out: Path, n: int) -> float:
    plan = FillPlan(cat)
    statics = {s: SheetStatics.build(cat, plan.sheets[s], "ru") for s in plan.sheets}
    rows = []
    for rownum, raw in read_rows(data):
        res = plan.validate(rownum, raw)
        if not isinstance(res, list):
            rows.append(res)
        if len(rows) >= n:
            break
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for res in rows:
        score = score_sheet(res.scores, res.sanction, plan.rules, sanction_row=res.sheet.sanction_row)
        ctx = as_mapping(build_context(res, score, statics[res.sheet.sheet]))
        (out / f"{res.row}.docx").write_bytes(render_docxtpl(template_path(res.sheet.kind, "ru"), ctx))
    return len(rows) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000, help="documents for docgen (default 5000)")
    ap.add_argument(
        "--docxtpl-n", type=int, default=200, help="documents for the docxtpl sample (default 200)"
    )
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores, up to 4)")
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: a temporary folder)")
    ap.add_argument(
        "--command", type=int, default=0, help="also time the whole `docgen fill` command on N rows"
    )
    args = ap.parse_args(argv)
    cat = read_catalogue_json(CATALOGUE)
    work = Path(tempfile.mkdtemp(prefix="docgen-bench-", dir=args.out))
    try:
        data = work / "data.csv"
        make_data(data, args.n)
        jobs = args.jobs or default_jobs()
        start = time.perf_counter()
        report, _ = fill_batch(
            cat, data, work / "docgen", langs=("ru",), force=True, jobs=jobs, progress=False
        )
        dt = time.perf_counter() - start
        rate = report.rendered / dt
        peer = bench_docxtpl(cat, data, work / "docxtpl", min(args.docxtpl_n, args.n))
        print(f"docgen : {report.rendered} docs in {dt:.2f} s = {rate:,.0f} docs/s (jobs={jobs}, end to end)")
        print(
            f"docxtpl: {min(args.docxtpl_n, args.n)} docs sample = {peer:,.1f} docs/s (render+save per document)"
        )
        print(f"ratio  : {rate / peer:,.1f}x")
        if args.command:
            cdata = work / "command.csv"
            make_data(cdata, args.command, seed=11)
            rates = bench_command(cdata, work, args.command)
            for label, r in rates.items():
                print(f"ratio  : command ({label}) / docxtpl = {r / peer:,.1f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
