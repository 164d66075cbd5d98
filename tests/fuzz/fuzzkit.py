"""Shared pieces of the property tests "never exit 70" (issue 13, deliverable 5).

Every command is run through :func:`docgen.cli.main` (click's ``CliRunner`` isolation, in process) so
that the CLI's own error mapping is what is tested. :func:`assert_clean` states the contract for any
input: exit code 0, 1 or 2; on exit 2 exactly one line on stderr; never a traceback; nothing
half-written; and a time within a generous sanity cap proportional to the input size (speed itself
is measured in ``bench/``, this only catches hangs and quadratic blow-ups).

Budgets: in ``make test`` every property runs a few examples with a fixed seed (the whole directory
takes well under 30 s); ``make fuzz`` sets ``DOCGEN_FUZZ_SCALE`` (examples multiplied) and runs random
seeds round after round until ``FUZZ_MINUTES`` are spent.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from docgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "legal_corpus" / "acts").glob("*/*.txt"))
FUZZ_SCALE = float(os.environ.get("DOCGEN_FUZZ_SCALE", "0") or 0)
FUZZING = FUZZ_SCALE > 0

# sanity cap, not a speed assertion: 30 s + 5 s per MB of input
CAP_BASE_S = 30.0
CAP_PER_MB_S = 5.0


def fuzz_settings(examples: int) -> settings:
    """``examples`` in CI (fixed seed); ``examples * DOCGEN_FUZZ_SCALE`` with random seeds under make fuzz."""
    return settings(
        max_examples=max(1, int(examples * FUZZ_SCALE)) if FUZZING else examples,
        deadline=None,
        derandomize=not FUZZING,
        print_blob=True,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.function_scoped_fixture,
        ],
    )


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    code: int
    out: str
    err: str
    seconds: float


def run_cli(args: Iterable[str]) -> Run:
    """Run ``docgen ARGS`` in process; the exception of a crash that escapes ``main`` is a failure."""
    argv = [str(a) for a in args]
    env = {"DOCGEN_DEBUG": None}
    with CliRunner().isolation(env=env) as (out, err, _):
        t0 = time.monotonic()
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        seconds = time.monotonic() - t0
        return Run(
            tuple(argv),
            code,
            out.getvalue().decode("utf-8", "replace"),
            err.getvalue().decode("utf-8", "replace"),
            seconds,
        )


def cap_seconds(n_bytes: int) -> float:
    return CAP_BASE_S + CAP_PER_MB_S * n_bytes / 1_000_000


def _tmp_leftovers(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in folder.rglob("*") if p.name.endswith((".tmp", ".part")) or ".tmp" in p.name]


def assert_clean(
    run: Run,
    *,
    input_bytes: int,
    output: Path | None = None,
    out_dir: Path | None = None,
) -> None:
    """The contract of every command on any input (see the module docstring)."""
    what = f"docgen {' '.join(run.args)}"
    assert run.code in (0, 1, 2), f"{what}: exit {run.code}: {run.err[-2000:]}"
    assert "Traceback" not in run.err and "Traceback" not in run.out, f"{what}: {run.err[-2000:]}"
    err_lines = [ln for ln in run.err.splitlines() if ln.strip()]
    if run.code == 2:
        assert len(err_lines) == 1, f"{what}: exit 2 with {len(err_lines)} lines: {run.err[-2000:]}"
    for ln in err_lines:
        assert ln.startswith(("docgen:", "Error:", "Usage:")), f"{what}: stray stderr line {ln!r}"
    assert "внутренняя ошибка" not in run.err, f"{what}: {run.err}"
    assert run.seconds <= cap_seconds(input_bytes), f"{what}: {run.seconds:.1f} s for {input_bytes} bytes"
    if output is not None and run.code == 2:
        assert not output.exists(), f"{what}: refused but wrote {output}"
    for folder in {p for p in (output.parent if output else None, out_dir) if p is not None}:
        left = _tmp_leftovers(folder)
        assert not left, f"{what}: temporary files left behind: {left}"
    if out_dir is not None and run.code == 2 and out_dir.is_dir():
        written = [p for p in out_dir.rglob("*") if p.is_file() and not p.name.startswith(".")]
        assert not written, f"{what}: refused but wrote {written}"
