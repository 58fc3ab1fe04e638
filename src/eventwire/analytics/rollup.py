"""A dyad-by-day rollup of the events table, kept in memory beside a read-only store.

The events table is stored in ingest (roughly date) order, so one dyad's events are spread over
every row group and a series has to read all of them (100-500 ms at 10 million events). The
rollup holds, per (source country part, target country part, day, quad class, modality), the
number of events, their mentions and their Goldstein sum, **sorted by dyad and day**: a dyad's
series reads the few row groups its rows are in (DuckDB's min/max zone maps skip the rest).

An actor code's country part is its first three letters (``RUSGOV`` → ``RUS``, ``IGOUNO`` →
``IGO``): the rollup answers filters on actor prefixes of at most three letters, quad classes,
modalities and dates; any other filter (CAMEO code, root, PLOVER, place, words, confidence, a
longer actor prefix) is answered from the events table itself (``usable``).

It is built on first use (``EventData(rollup=True)``; the server builds it at start) into an
in-memory DuckDB database of its own. A read-only DuckDB file cannot change while it is open,
so the rollup never goes stale while its store is open; a new ``EventData`` builds a new one.
"""

from __future__ import annotations

import threading
import time

import duckdb

from .filters import EventFilter
from .series import mentions_expr

PREFIX = 3  # letters of an actor code the rollup keeps (the country part)
TABLE = "dyad_days"


def usable(flt: EventFilter) -> bool:
    """Whether the rollup answers ``flt`` exactly (else query the events table)."""
    codes = [flt.source, flt.target, flt.actor, *(flt.dyad or ())]
    if any(c is not None and len(c) > PREFIX for c in codes):
        return False
    return not (
        flt.code or flt.root or flt.plover or flt.place or flt.q or flt.doc_id
        or flt.min_confidence
    )  # fmt: skip


class Rollup:
    """The rollup of one store's events (see the module text); ``cursor()`` per query."""

    def __init__(self, source: duckdb.DuckDBPyConnection):
        t0 = time.perf_counter()
        m = mentions_expr(source)
        got = source.sql(
            f"""
            SELECT left(source_code, {PREFIX}) AS source_code,
                   left(target_code, {PREFIX}) AS target_code, "date",
                   CAST(quad_class AS TINYINT) AS quad_class, modality,
                   CAST(count(*) AS INTEGER) AS n, CAST(sum({m}) AS BIGINT) AS m,
                   sum(goldstein) AS g, CAST(count(goldstein) AS INTEGER) AS gn
            FROM events WHERE "date" IS NOT NULL GROUP BY ALL
            """
        ).to_arrow_table()
        self._con = duckdb.connect()
        self._con.execute("SET enable_progress_bar = false")
        # compressed in memory: about a third of the plain size
        self._con.execute("ATTACH ':memory:' AS rollup (COMPRESS)")
        self._con.execute("USE rollup")
        self._con.register("_ew_rollup", got)
        self._con.execute(
            f"CREATE TABLE {TABLE} AS SELECT * FROM _ew_rollup ORDER BY source_code, "
            'target_code, "date"'
        )
        self._con.unregister("_ew_rollup")
        self.rows = got.num_rows
        del got
        self.seconds = time.perf_counter() - t0
        self._lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            cur = self._con.cursor()
        cur.execute("USE rollup")
        return cur

    def close(self) -> None:
        self._con.close()
