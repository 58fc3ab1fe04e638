"""The reading API for notebooks: ``eventwire.open(path)`` → an ``EventData``.

>>> data = eventwire.open("eventwire.duckdb")
>>> data.events(dyad="RUS,UKR", quad=4, since="2014-03-01").df()
>>> data.series("RUS", "UKR", by="week").arrow()
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Self

import duckdb

from . import summary
from .alerts import WINDOW
from .alerts import alerts as run_alerts
from .filters import EventFilter
from .result import Result
from .rollup import Rollup, usable
from .series import dyad_filter, series

# Flat event columns for tables; ``events(..., columns="all")`` gives every stored column.
EVENT_COLUMNS = (
    "event_id",
    "doc_id",
    '"date"',
    "source_code",
    "target_code",
    "cameo",
    "root",
    "plover",
    "quad_class",
    "goldstein",
    "modality",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "trigger",
    "sentence",
    "confidence",
)
MAX_ROWS = 1_000_000


class EventData:
    """A read-only view of an eventwire database. Thread-safe; use as a context manager."""

    def __init__(self, path: str | os.PathLike[str], *, wait: float = 10.0, rollup: bool = False):
        from eventwire.store import Store, StoreError, StoreLocked
        from eventwire.store.locks import retrying

        p = Path(path)
        if not p.exists():
            raise StoreError(f"{path}: no such database")
        # Store validates that this is an eventwire database and gives clear errors; while an
        # ingest writes a batch the file is held, so opening waits up to ``wait`` seconds
        with Store(p, read_only=True, wait=wait):
            pass
        self.path = str(p)
        self._con = retrying(
            lambda: duckdb.connect(self.path, read_only=True),
            wait,
            lambda exc: StoreLocked(
                f"{path}: the database is held by another process (waited {wait:g} s)"
            ),
        )
        self._lock = threading.Lock()
        self._want_rollup = rollup
        self._rollup: Rollup | None = None
        self._building = threading.Lock()

    def prepare(self) -> Rollup:
        """Build the dyad-by-day rollup (rollup.py) now, once; series read it from then on."""
        with self._building:
            if self._rollup is None:
                self._rollup = self._run(Rollup)
        return self._rollup

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own (one per thread or request) on the shared read-only connection."""
        with self._lock:
            return self._con.cursor()

    def _run(self, fn, *args, **kw):
        cur = self.cursor()
        try:
            return fn(cur, *args, **kw)
        finally:
            cur.close()

    def events(
        self, *, limit: int | None = 10_000, columns: str = "flat", **filters: Any
    ) -> Result:
        """Events matching the filters (see ``EventFilter``), newest first."""
        flt = EventFilter.parse(**filters)
        where, params = flt.sql()
        cols = "*" if columns == "all" else ", ".join(EVENT_COLUMNS)
        n = MAX_ROWS if limit is None else max(0, min(int(limit), MAX_ROWS))
        sql = (
            f"SELECT {cols} FROM events WHERE {where} "
            f'ORDER BY "date" DESC NULLS LAST, event_id LIMIT {n}'
        )
        return self._run(Result.from_query, sql, params)

    def event_dicts(self, flt: EventFilter, limit: int | None = None) -> list[dict[str, Any]]:
        """Events as JSONL-contract dicts (the store's own row conversion), oldest first."""
        from eventwire.store.rows import EVENT_SELECT, event_to_dict

        where, params = flt.sql()
        sql = (
            f"SELECT {EVENT_SELECT} FROM events WHERE {where} "
            'ORDER BY "date" NULLS LAST, doc_id, sentence_index, event_id'
        )
        if limit is not None:
            sql += f" LIMIT {max(0, int(limit))}"
        cur = self.cursor()
        try:
            res = cur.execute(sql, params)
            names = [d[0] for d in res.description]
            return [event_to_dict(dict(zip(names, r, strict=True))) for r in res.fetchall()]
        finally:
            cur.close()

    def documents(self, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Title, source, URL and origin of the given documents, by id."""
        ids = sorted(set(doc_ids))
        if not ids:
            return {}
        got = self.sql(
            "SELECT doc_id, title, source, url, origin, published FROM documents "
            f"WHERE doc_id IN ({', '.join('?' * len(ids))})",
            ids,
        ).records()
        return {d["doc_id"]: d for d in got}

    def series(
        self,
        a: str,
        b: str | None = None,
        *,
        by: str = "week",
        direction: str = "both",
        **filters: Any,
    ) -> Result:
        """Per-period counts of a's events with b (or all of a's events): see ``series()``."""
        return self.series_for(dyad_filter(a, b, direction, EventFilter.parse(**filters)), by)

    def series_for(self, flt: EventFilter, by: str = "week") -> Result:
        """``series()`` of a built filter: from the rollup when it answers the filter and is
        built (``rollup=True`` builds it on first use, unless it is being built), else from
        the events table."""
        roll = self._rollup
        if roll is None and self._want_rollup and not self._building.locked():
            roll = self.prepare()
        if roll is not None and usable(flt):
            cur = roll.cursor()
            try:
                return series(cur, flt, by, rollup=True)
            finally:
                cur.close()
        return self._run(series, flt, by)

    def top_actors(self, *, level: str = "code", limit: int = 20, **filters: Any) -> Result:
        return self._run(summary.top_actors, EventFilter.parse(**filters), level=level, limit=limit)

    def top_dyads(self, *, level: str = "country", limit: int = 20, **filters: Any) -> Result:
        return self._run(summary.top_dyads, EventFilter.parse(**filters), level=level, limit=limit)

    def country(self, code: str, **filters: Any) -> dict:
        return self._run(summary.country_summary, code, EventFilter.parse(**filters))

    def alerts(
        self, *, by: str = "week", window: int = WINDOW, z: float = 3.0, **filters: Any
    ) -> Result:
        return self._run(run_alerts, EventFilter.parse(**filters), by=by, window=window, z=z)

    def sql(self, query: str, params: list[Any] | None = None) -> Result:
        """Any read-only SQL over the tables (``events``, ``documents``, ...)."""
        return self._run(Result.from_query, query, list(params or []))

    def close(self) -> None:
        if self._rollup is not None:
            self._rollup.close()
        self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EventData({self.path!r})"


def open_db(
    path: str | os.PathLike[str] = "eventwire.duckdb", *, wait: float = 10.0, rollup: bool = False
) -> EventData:
    return EventData(path, wait=wait, rollup=rollup)
