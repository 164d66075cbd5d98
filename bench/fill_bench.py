"""Benchmark: filled evaluation sheets per second, docgen vs plain docxtpl, same data, same run.

Generates N rows of synthetic data (random Kazakh/Russian names, scores, sanctions) for a 2025
catalogue, then times, end to end (data read, validation, scoring, rendering, writing, summaries):

- ``docgen``: :func:`docgen.batch.run.fill_batch` on all N rows;
- ``docxtpl``: the obvious peer -- ``DocxTemplate(...).render(ctx); save(path)`` per row, on a
  sample of ``--docxtpl-n`` rows (same contexts), its rate extrapolated.

Prints docs/s for both and the ratio. Run: ``.venv/bin/python bench/fill_bench.py [--n 5000]``.

``--command N`` also times the whole command, ``docgen fill <act> --data ... -o ...`` in fresh
processes (start-up, reading the act, extraction or the catalogue cache, N rows), on seed 004's text:
``--no-cache`` once (what every run cost before the cache), a cold cache (a new empty cache folder each
run: extracts, then stores) and a warm cache (skips extraction and spaCy), ``--repeat`` times each,
writing to this machine's disk (``bench/results``) and to tmpfs (``/dev/shm``) (``--places``), with
the median, minimum and maximum docs/s, the CPU seconds and peak resident memory of each run, the
load average, and the ratio to plain docxtpl measured at the start of the same run. ``--compare DIR``
runs the docgen found in DIR (e.g. ``git archive main | tar -x -C DIR``) alternately with this one,
for before/after figures under the same load. ``--sizes 500,2000,8000`` prints the warm command's
time and peak memory against the number of rows.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import statistics
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


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """(wall s, CPU s of the process and its workers, peak resident MB, stderr) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"docgen fill failed ({proc.returncode}): {err.strip()[-300:]}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss // 1024, err


def _median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def _places(spec: str) -> list[tuple[str, Path]]:
    out = []
    for name in spec.split(","):
        if name == "tmpfs":
            if Path("/dev/shm").is_dir():
                out.append(("tmpfs", Path("/dev/shm")))
        elif name == "disk":
            out.append(("disk", ROOT / "bench" / "results"))
        elif name:
            out.append((name, Path(name)))
    return out


def bench_command(
    data: Path,
    n: int,
    *,
    repeat: int,
    places: list[tuple[str, Path]],
    peer: float,
    compare: Path | None = None,
    kinds: tuple[str, ...] = ("no", "cold", "warm"),
) -> dict[tuple[str, str, str], list[float]]:
    """docs/s of the whole ``docgen fill`` command in fresh processes: ``--no-cache``, a cold cache
    (a new, empty cache folder each time: extracts, then stores) and a warm cache (skips extraction
    and spaCy), ``repeat`` times each, in every place; with ``compare`` the same runs of the docgen
    found in that folder (e.g. ``git archive main``), alternating with this one."""
    trees: list[tuple[str, Path | None]] = [("this", None)]
    if compare is not None:
        trees.append(("compare", compare))
    rates: dict[tuple[str, str, str], list[float]] = {}
    cpus: dict[tuple[str, str, str], list[float]] = {}
    for place, base in places:
        work = Path(tempfile.mkdtemp(prefix="docgen-fillcmd-", dir=base))
        try:
            shutil.copy(data, work / "data.csv")
            print(f"-- {place} ({work.parent}), {n} rows, load average {_load()}")
            for rep in range(repeat):
                for tree, path in trees:
                    env = dict(os.environ)
                    env.pop("DOCGEN_NO_CACHE", None)
                    if path is not None:
                        env["DOCGEN_BENCH_TREE"] = str(path)
                    warm_cache = work / f"cache-{tree}"
                    for label in ("no cache", "cold cache", "warm cache"):
                        if label.split()[0] not in kinds:
                            continue
                        if label == "no cache" and rep:
                            continue  # once per place: it extracts like the cold run
                        cache = (
                            warm_cache if label == "warm cache" else work / f"cache-{tree}-{label[:4]}-{rep}"
                        )
                        if label == "warm cache" and not warm_cache.exists():
                            env["DOCGEN_CACHE_DIR"] = str(warm_cache)
                            _run(_cmd(work / "data.csv", work / f"prime-{tree}"), env)  # fills the cache
                        env["DOCGEN_CACHE_DIR"] = str(cache)
                        out = work / f"out-{tree}-{label[:4]}-{rep}"
                        extra = ["--no-cache"] if label == "no cache" else []
                        wall, cpu, rss, _ = _run(_cmd(work / "data.csv", out, extra), env)
                        rates.setdefault((place, tree, label), []).append(n / wall)
                        cpus.setdefault((place, tree, label), []).append(cpu)
                        print(
                            f"{place:5s} {tree:7s} {label:10s} run {rep + 1}: {wall:.2f} s = {n / wall:,.0f} docs/s "
                            f"(CPU {cpu:.2f} s, peak {rss} MB, load {_load()})",
                            flush=True,
                        )
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nmedians ({repeat} runs; no cache: 1 run), plain docxtpl in the same run: {peer:,.1f} docs/s")
    for (place, tree, label), xs in rates.items():
        m = _median(xs)
        cpu = _median(cpus[(place, tree, label)])
        print(
            f"{place:5s} {tree:7s} {label:10s}: median {m:,.0f} docs/s (min {min(xs):,.0f}, max {max(xs):,.0f}) "
            f"= {m / peer:,.1f}x docxtpl; CPU median {cpu:.2f} s = {n / cpu:,.0f} docs per CPU-second"
        )
    return rates


# runs ``docgen`` from the folder in $DOCGEN_BENCH_TREE when set (the editable install of this
# checkout would otherwise win over PYTHONPATH), else this checkout's
_LAUNCH = (
    "import os, runpy, sys\n"
    "tree = os.environ.get('DOCGEN_BENCH_TREE')\n"
    "if tree:\n"
    "    sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f).lower()]\n"
    "    sys.path.insert(0, tree)\n"
    "sys.argv[0] = 'docgen'\n"
    "runpy.run_module('docgen', run_name='__main__', alter_sys=True)\n"
)


def _cmd(data: Path, out: Path, extra: list[str] | None = None) -> list[str]:
    args = ["fill", str(ACT), "--data", str(data), "-o", str(out), *(extra or [])]
    return [sys.executable, "-c", _LAUNCH, *args]


_PER_ROW = (
    "import os, sys, time, shutil, tempfile\n"
    "tree = os.environ.get('DOCGEN_BENCH_TREE')\n"
    "if tree:\n"
    "    sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f).lower()]\n"
    "    sys.path.insert(0, tree)\n"
    "from docgen.catalogue import read_catalogue_json\n"
    "from docgen.batch.run import fill_batch\n"
    "cat = read_catalogue_json(sys.argv[1])\n"
    "best = None\n"
    "for _ in range(int(sys.argv[4])):\n"
    "    out = tempfile.mkdtemp(dir=sys.argv[3])\n"
    "    t = time.process_time()\n"
    "    report, _ = fill_batch(cat, sys.argv[2], out, langs=('ru',), force=True, jobs=1, progress=False)\n"
    "    dt = (time.process_time() - t) / report.rendered\n"
    "    best = dt if best is None else min(best, dt)\n"
    "    shutil.rmtree(out)\n"
    "print(f'{best * 1e6:.0f}')\n"
)


def bench_per_row(data: Path, work: Path, compare: Path | None, repeat: int) -> None:
    """CPU microseconds per row of ``fill_batch`` in one process (no workers), best of ``repeat``,
    for this docgen and, with ``compare``, the other tree: the per-row work without start-up."""
    for tree, path in [("this", None)] + ([("compare", compare)] if compare else []):
        env = dict(os.environ)
        if path is not None:
            env["DOCGEN_BENCH_TREE"] = str(path)
        res = subprocess.run(
            [sys.executable, "-c", _PER_ROW, str(CATALOGUE), str(data), str(work), str(repeat)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        print(
            f"per row, one process, CPU: {tree:7s} {res.stdout.strip()} µs (best of {repeat}, load {_load()})"
        )


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def bench_sizes(sizes: list[int], place: tuple[str, Path], repeat: int) -> None:
    """Time and peak memory of the warm command against the number of rows."""
    name, base = place
    work = Path(tempfile.mkdtemp(prefix="docgen-fillsize-", dir=base))
    try:
        env = dict(os.environ, DOCGEN_CACHE_DIR=str(work / "cache"))
        env.pop("DOCGEN_NO_CACHE", None)
        print(f"\n-- warm command against input size ({name}), load average {_load()}")
        for n in sizes:
            data = work / f"data{n}.csv"
            make_data(data, n, seed=13)
            _run(_cmd(data, work / f"prime{n}"), env)
            walls, rss = [], 0
            for rep in range(repeat):
                wall, _, r, _ = _run(_cmd(data, work / f"out{n}-{rep}"), env)
                walls.append(wall)
                rss = max(rss, r)
            m = _median(walls)
            size = data.stat().st_size / 1e6
            print(
                f"{n:>7,} rows ({size:.1f} MB CSV): median {m:.2f} s = {n / m:,.0f} docs/s, "
                f"peak resident {rss} MB (load {_load()})",
                flush=True,
            )
            shutil.rmtree(work / f"prime{n}", ignore_errors=True)
            for rep in range(repeat):
                shutil.rmtree(work / f"out{n}-{rep}", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


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
    ap.add_argument(
        "--n", type=int, default=5000, help="documents for docgen in-process (default 5000; 0 skips)"
    )
    ap.add_argument(
        "--docxtpl-n", type=int, default=200, help="documents for the docxtpl sample (default 200)"
    )
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores, up to 4)")
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: a temporary folder)")
    ap.add_argument(
        "--command", type=int, default=0, help="also time the whole `docgen fill` command on N rows"
    )
    ap.add_argument("--repeat", type=int, default=5, help="runs of each command figure (median reported)")
    ap.add_argument(
        "--places",
        default="disk,tmpfs",
        help="where the command writes: disk (bench/results, this machine's disk), tmpfs (/dev/shm), or folders",
    )
    ap.add_argument("--compare", type=Path, default=None, help="another docgen tree, timed alternately")
    ap.add_argument("--per-row", type=int, default=0, help="CPU per row of N rows in one process")
    ap.add_argument("--kinds", default="no,cold,warm", help="command runs: no (--no-cache), cold, warm cache")
    ap.add_argument("--sizes", default="", help="rows for time/memory against input size, e.g. 500,2000,8000")
    args = ap.parse_args(argv)
    cat = read_catalogue_json(CATALOGUE)
    work = Path(tempfile.mkdtemp(prefix="docgen-bench-", dir=args.out))
    try:
        data = work / "data.csv"
        make_data(data, max(args.n, args.docxtpl_n))
        jobs = args.jobs or default_jobs()
        print(f"load average at start: {_load()} ({os.cpu_count()} cores)")
        peer = bench_docxtpl(cat, data, work / "docxtpl", args.docxtpl_n)
        print(f"docxtpl: {args.docxtpl_n} docs sample = {peer:,.1f} docs/s (render+save per document)")
        if args.n:
            start = time.perf_counter()
            report, _ = fill_batch(
                cat, data, work / "docgen", langs=("ru",), force=True, jobs=jobs, progress=False
            )
            dt = time.perf_counter() - start
            rate = report.rendered / dt
            print(
                f"docgen : {report.rendered} docs in {dt:.2f} s = {rate:,.0f} docs/s (jobs={jobs}, in-process)"
            )
            print(f"ratio  : {rate / peer:,.1f}x")
        if args.per_row:
            pdata = work / "per_row.csv"
            make_data(pdata, args.per_row, seed=11)
            bench_per_row(pdata, work, args.compare, max(3, args.repeat))
        if args.command:
            cdata = work / "command.csv"
            make_data(cdata, args.command, seed=11)
            bench_command(
                cdata,
                args.command,
                repeat=args.repeat,
                places=_places(args.places),
                peer=peer,
                compare=args.compare,
                kinds=tuple(args.kinds.split(",")),
            )
        if args.sizes:
            places = _places(args.places)
            bench_sizes([int(x) for x in args.sizes.split(",")], places[-1], max(1, args.repeat // 2))
        print(f"load average at end: {_load()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
