"""Shared by the benchmarks: the best of n wall-clock runs of a callable."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(fn: Callable[[], object], n: int = 5, digits: int = 5) -> float:
    """The fastest of ``n`` runs of ``fn``, in seconds, rounded to ``digits``."""
    best = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return round(best, digits)
