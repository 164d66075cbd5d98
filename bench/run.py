"""Run every benchmark in turn (``make bench``): accuracy, parsing speed, batch filling, diff speed, scale (time and memory up to the input limits)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    ["accuracy.py"],
    ["parse_bench.py", "-n", "3"],
    ["fill_bench.py", "--command", "2000"],
    ["diff_bench.py"],
    ["draft_bench.py"],
    ["scale_bench.py"],
]


def main() -> int:
    rc = 0
    for script, *args in SCRIPTS:
        path = HERE / script
        if not path.exists():
            continue
        print(f"== {script} {' '.join(args)}", flush=True)
        rc |= subprocess.run([sys.executable, str(path), *args], check=False).returncode
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
