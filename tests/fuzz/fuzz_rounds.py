"""``make fuzz``: the property tests of ``tests/fuzz`` run longer than in CI.

Round after round, each with a fresh random Hypothesis seed and ``DOCGEN_FUZZ_SCALE`` (default 10)
times the CI number of examples, until ``FUZZ_MINUTES`` (default 10) are spent (a round is not started
when the previous one's duration says it cannot finish in time); the first round also feeds the
100,000-point text (``DOCGEN_FUZZ_BIG=1``). Stops after the first round with a failure and prints the
command that replays it (Hypothesis also keeps the failing examples in ``.hypothesis/``). Exit code:
0 when every round passed, else pytest's.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    minutes = float(os.environ.get("FUZZ_MINUTES") or 10)
    scale = os.environ.get("DOCGEN_FUZZ_SCALE") or "10"
    t0 = time.monotonic()
    deadline = t0 + 60 * minutes
    n = 0
    last = 0.0  # duration of the previous round: a round that cannot finish in time is not started
    while True:
        left = deadline - time.monotonic()
        if n and left < max(30.0, last):
            break
        started = time.monotonic()
        n += 1
        seed = random.SystemRandom().randrange(2**32)
        env = dict(
            os.environ,
            DOCGEN_FUZZ_SCALE=scale,
            DOCGEN_FUZZ_BIG="1" if n == 1 else "",
            DOCGEN_HYPOTHESIS_RANDOM="1",
        )
        cmd = [sys.executable, "-m", "pytest", "tests/fuzz", "-q", f"--hypothesis-seed={seed}"]
        print(f"fuzz round {n}: seed {seed}, scale {scale}, {max(left, 0) / 60:.1f} min left", flush=True)
        try:
            code = subprocess.run(cmd, cwd=ROOT, env=env, timeout=max(left, 0) + 600).returncode
        except subprocess.TimeoutExpired:
            print(f"fuzz round {n} still running 10 min after the time limit: a hang? seed {seed}")
            return 1
        last = time.monotonic() - started
        if code != 0:
            big = env["DOCGEN_FUZZ_BIG"]
            replay = f"DOCGEN_FUZZ_SCALE={scale} DOCGEN_FUZZ_BIG={big} {sys.executable} " + " ".join(cmd[1:])
            print(f"fuzz round {n} failed; replay with: {replay}")
            return code
    print(f"fuzz: {n} round(s) passed in {(time.monotonic() - t0) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
