"""Worker processes that may die: an ordered parallel map that detects a dead worker.

``multiprocessing.Pool`` waits forever for the result of a worker killed by the OOM killer or
a segfault. Here chunks go to a ``ProcessPoolExecutor`` (forked, so the parent's loaded model
is shared), which notices a dead worker (``BrokenProcessPool``). Every chunk that was in
flight when a worker died is run again, alone, in a fresh one-process pool, so the chunk
that kills its worker is found; if it kills that worker too, the chunk (a list) is halved and
the halves run alone, down to the documents that kill a worker, for which ``on_dead`` gives
the results (an error each). Results come back in input order.
Workers exit when the parent dies, so a killed ingest leaves no process behind.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


def _orphan_watch(parent: int) -> None:
    """In a worker: exit as soon as the parent is gone (``kill -9`` of the ingest). Forked
    siblings hold the task pipe open, so a worker would otherwise wait on it forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="eventwire-orphan-watch", daemon=True).start()


def _pool(n: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        n, mp_context=mp.get_context("fork"), initializer=_orphan_watch, initargs=(os.getpid(),)
    )


DIED = "died twice"


def _kill_workers(ex: ProcessPoolExecutor) -> None:
    """Kill a pool's workers (one hangs): the pool breaks and its futures fail at once."""
    for proc in list((getattr(ex, "_processes", None) or {}).values()):
        proc.kill()


def _halves(chunk: list) -> list[list]:
    mid = len(chunk) // 2
    return [chunk[:mid], chunk[mid:]]


def _alone(
    fn: Callable[[T], R], chunk: T, on_dead: Callable[[T, str], R], timeout: float | None
) -> R:
    """``fn(chunk)`` in a fresh one-process pool; if that worker dies too, a list chunk is
    halved and each half tried alone in turn, down to the single items that kill a worker
    (``on_dead(item, why)``); ``on_dead(chunk, why)`` when it takes over ``timeout`` seconds."""
    ex = _pool(1)
    try:
        return ex.submit(fn, chunk).result(timeout=timeout)
    except BrokenProcessPool:
        if isinstance(chunk, list) and len(chunk) > 1:
            ex.shutdown(wait=True, cancel_futures=True)
            out: list = []
            for half in _halves(chunk):
                out.extend(_alone(fn, half, on_dead, timeout))  # type: ignore[arg-type]
            return out  # type: ignore[return-value]
        log.warning("a worker died again on the same document: it is recorded as an error")
        return on_dead(chunk, DIED)
    except FutureTimeout:
        _kill_workers(ex)
        log.warning("a chunk took over %g s twice: its documents are recorded as errors", timeout)
        return on_dead(chunk, f"took over {timeout:g} s twice")
    finally:
        ex.shutdown(wait=True, cancel_futures=True)


def ordered_map(
    fn: Callable[[T], R],
    chunks: Iterable[T],
    n_process: int,
    on_dead: Callable[[T, str], R],
    *,
    window: int | None = None,
    timeout: float | None = None,
) -> Iterator[R]:
    """``fn`` over ``chunks`` in ``n_process`` worker processes, results in input order.

    At most ``window`` chunks (default: twice the workers) are in flight. A worker's death
    never hangs the map: see the module's docstring. A chunk whose result is not there
    ``timeout`` seconds after it is waited for counts as a dead worker (the pool's workers
    are killed, its chunks retried alone). Exceptions raised by ``fn`` itself propagate."""
    window = window or 2 * n_process
    ex = _pool(n_process)
    pending: deque[tuple[T, Future[R]]] = deque()

    def take() -> R:
        nonlocal ex
        chunk, fut = pending.popleft()
        try:
            try:
                return fut.result(timeout=timeout)
            except FutureTimeout:
                log.warning("a chunk took over %g s: killing the workers to retry it", timeout)
                _kill_workers(ex)
                return fut.result(timeout=60)  # BrokenProcessPool, now
        except BrokenProcessPool:
            if getattr(ex, "_broken", False):  # the current pool: replace it
                log.warning("a worker process died (killed or crashed): retrying its chunks")
                ex.shutdown(wait=True, cancel_futures=True)
                ex = _pool(n_process)  # later chunks go to fresh workers
            return _alone(fn, chunk, on_dead, timeout)

    try:
        for chunk in chunks:
            while len(pending) >= window:
                yield take()
            try:
                pending.append((chunk, ex.submit(fn, chunk)))
            except BrokenProcessPool:  # the pool broke since the last result was taken
                ex.shutdown(wait=True, cancel_futures=True)
                ex = _pool(n_process)
                pending.append((chunk, ex.submit(fn, chunk)))
        while pending:
            yield take()
    finally:
        ex.shutdown(wait=True, cancel_futures=True)
