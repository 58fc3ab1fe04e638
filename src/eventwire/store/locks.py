"""The database file's lock: a clear error naming who holds it, and waiting for it.

DuckDB lets one process write a database file, or several read it, never both at once. An
ingest therefore holds the file only while it writes a batch (``Store(release=True)``) and
lets go between batches; readers (``eventwire events``, ``export``, ...) that find it locked
try again until ``--wait`` seconds have passed, then say who holds the lock.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TypeVar

import duckdb

T = TypeVar("T")
_PID = re.compile(r"\(PID (\d+)\)")


class LockedError(RuntimeError):
    """Base of StoreLocked (core.py makes it a StoreError too)."""


def is_lock_error(exc: BaseException) -> bool:
    """True when ``exc`` (or its cause) is DuckDB's "could not set lock on file"."""
    while exc is not None:
        if isinstance(exc, LockedError):
            return True
        if isinstance(exc, duckdb.Error) and "Conflicting lock" in str(exc):
            return True
        if isinstance(exc, duckdb.Error) and "Could not set lock" in str(exc):
            return True
        exc = exc.__cause__  # type: ignore[assignment]
    return False


def lock_message(path: str, exc: BaseException, waited: float) -> str:
    text, cause = "", exc
    while cause is not None:
        text += f" {cause}"
        cause = cause.__cause__
    m = _PID.search(text)
    who = f"process {m.group(1)}" if m else "another process"
    how = f"waited {waited:g} s; " if waited else ""
    return (
        f"{path}: the database is in use by {who} (an ingest or a server); {how}"
        "try again later or give --wait SECONDS"
    )


def retrying(
    fn: Callable[[], T], wait: float, on_timeout: Callable[[BaseException], Exception]
) -> T:
    """``fn()``, tried again while it fails on the file lock, for up to ``wait`` seconds;
    then ``on_timeout(last error)`` is raised. Other errors pass at once."""
    deadline = time.monotonic() + max(0.0, wait)
    pause = 0.05
    while True:
        try:
            return fn()
        except Exception as exc:
            if not is_lock_error(exc):
                raise
            left = deadline - time.monotonic()
            if left <= 0:
                raise on_timeout(exc) from exc
        time.sleep(min(pause, left))
        pause = min(pause * 2, 0.1)  # short: an ingest lets go only between batches
