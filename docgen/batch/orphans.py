"""Batch stage helper: pool workers die with the process that started them.

Without this, a SIGKILL of ``docgen fill`` leaves its workers running: they finish their chunk, write
more documents, then print multiprocessing's traceback when the result pipe is gone (issue 13,
case 8). :func:`die_with_parent` is the pool initializer: on Linux the kernel kills the worker the
moment its parent dies (``PR_SET_PDEATHSIG``); elsewhere a watcher thread exits it within 0.2 s.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time

__all__ = ["die_with_parent"]

_PR_SET_PDEATHSIG = 1


def _kernel_kills_on_parent_death() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            with contextlib.suppress(OSError):
                sys.stderr.flush()
            os._exit(0)
        time.sleep(0.2)


def die_with_parent(parent: int) -> None:
    """Pool initializer (``initargs=(os.getpid(),)``)."""
    kernel = _kernel_kills_on_parent_death()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(0)
    if not kernel:
        threading.Thread(target=_watch, args=(parent,), daemon=True, name="docgen-orphan-watch").start()
