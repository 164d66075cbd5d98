"""Load benchmark of ``docgen serve``: concurrent ``check`` and 1,000-row ``fill`` requests.

Starts ``docgen serve`` as its own process on a free port, then

- sends ``--checks`` (20) ``POST /api/check`` at once, cycling over the five corpus acts;
- sends ``--fills`` (5) ``POST /api/fill`` at once, each with ``--rows`` (1,000) rows: the sample
  sheet of the West Kazakhstan act (legal_corpus/samples/sheets_2026Q1_ru.csv) repeated with
  numbered names;

and prints p50/p95 latency per kind and the server's peak resident memory (VmHWM). The peer, in
the same run: the same job called once directly in this process (no HTTP, no concurrency), so
"p50 / direct" says what queueing and HTTP add. Run: ``.venv/bin/python bench/web_load.py``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ACTS = sorted((ROOT / "legal_corpus" / "acts").glob("*/*.txt"))
WKO = next(p for p in ACTS if p.parent.name == "wko-akimat-53")
SHEETS = ROOT / "legal_corpus" / "samples" / "sheets_2026Q1_ru.csv"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rows_csv(n: int) -> bytes:
    rows = list(csv.reader(io.StringIO(SHEETS.read_text(encoding="utf-8"))))
    head, body = rows[0], rows[1:]
    name = head.index("full_name")
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(head)
    for i in range(n):
        row = list(body[i % len(body)])
        row[name] = f"{row[name]} {i}"
        w.writerow(row)
    return buf.getvalue().encode()


def peak_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def main() -> int:
    import httpx

    ap = argparse.ArgumentParser()
    ap.add_argument("--checks", type=int, default=20)
    ap.add_argument("--fills", type=int, default=5)
    ap.add_argument("--rows", type=int, default=1000)
    ap.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    args = ap.parse_args()

    port = free_port()
    docgen = Path(sys.executable).with_name("docgen")
    server = subprocess.Popen(
        [str(docgen), "serve", "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/forms", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("server did not start")
            time.sleep(0.3)
        data = rows_csv(args.rows)

        def check(i: int) -> float:
            act = ACTS[i % len(ACTS)]
            t0 = time.perf_counter()
            r = httpx.post(
                f"{base}/api/check",
                files={"act": (act.name, act.read_bytes())},
                data={"format": "json"},
                timeout=600,
            )
            assert r.status_code == 200, r.text
            return time.perf_counter() - t0

        def fill(i: int) -> float:
            t0 = time.perf_counter()
            r = httpx.post(
                f"{base}/api/fill",
                files={"act": (WKO.name, WKO.read_bytes()), "data": ("rows.csv", data)},
                timeout=1200,
            )
            assert r.status_code == 200 and r.headers["x-docgen-rows"] == str(args.rows), r.text[:200]
            return time.perf_counter() - t0

        check(0)  # warm the server's pipelines (not counted)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.checks) as ex:
            checks = list(ex.map(check, range(args.checks)))
        checks_wall = time.perf_counter() - t0
        mem_checks = peak_kb(server.pid)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.fills) as ex:
            fills = list(ex.map(fill, range(args.fills)))
        fills_wall = time.perf_counter() - t0
        mem = peak_kb(server.pid)
    finally:
        server.terminate()
        server.wait(30)

    # the peer: each job once, directly, in this process
    from docgen.web import jobs

    jobs.run_check(ACTS[0], "auto")
    t0 = time.perf_counter()
    for act in ACTS:
        jobs.run_check(act, "auto")
    direct_check = (time.perf_counter() - t0) / len(ACTS)
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "rows.csv"
        p.write_bytes(data)
        t0 = time.perf_counter()
        jobs.fill_zip(WKO, p, Path(d), None)
        direct_fill = time.perf_counter() - t0

    out = {
        "cpus": len(os.sched_getaffinity(0)),
        "checks": args.checks,
        "check_p50_s": round(statistics.median(checks), 2),
        "check_p95_s": round(pct(checks, 0.95), 2),
        "checks_wall_s": round(checks_wall, 2),
        "check_direct_s": round(direct_check, 2),
        "fills": args.fills,
        "rows": args.rows,
        "fill_p50_s": round(statistics.median(fills), 2),
        "fill_p95_s": round(pct(fills, 0.95), 2),
        "fills_wall_s": round(fills_wall, 2),
        "fill_direct_s": round(direct_fill, 2),
        "peak_rss_mb_after_checks": round(mem_checks / 1024),
        "peak_rss_mb": round(mem / 1024),
    }
    print(json.dumps(out, indent=1))
    print(
        f"{args.checks} concurrent checks: p50 {out['check_p50_s']} s, p95 {out['check_p95_s']} s "
        f"(one direct check: {out['check_direct_s']} s); {args.fills} concurrent {args.rows}-row fills: "
        f"p50 {out['fill_p50_s']} s, p95 {out['fill_p95_s']} s (one direct fill: {out['fill_direct_s']} s); "
        f"server peak RSS {out['peak_rss_mb']} MB"
    )
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
