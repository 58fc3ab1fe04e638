"""Linking of one dyad partition (a Ray task's work), by the store's own code.

The partition's task writes every batch, in order, into a store of its own (a DuckDB file in
a temporary directory): all the documents (story clusters need them all) with only the events
of its dyads. Linking then decides exactly as in the local ingest (``store/linking.py``,
``store/writer.py``: stored events of a block and date window, story clusters, bridges, place
and count refreshes), because no decision depends on reports of another dyad, and it follows
whatever that code does. The task returns the tables; ``dataset.py`` puts them together, with
each report's ``seq`` its place in the whole run.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import duckdb
import pyarrow as pa

from eventwire.model import DocResult
from eventwire.store import Store

from .batches import dyad_of, partition_of

LINKED = ("mentions", "events", "event_merges")
SHARED = ("documents", "story_bands")  # the same in every partition: taken from the first


def arrow_table(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """A query's rows as a pyarrow Table (DuckDB 1.x ``arrow()``, 2.x ``to_arrow_table()``)."""
    rel = con.sql(sql)
    if hasattr(rel, "to_arrow_table"):
        return rel.to_arrow_table()
    got = rel.arrow()
    return got.read_all() if hasattr(got, "read_all") else got


def link_partition(
    batches: list[list[DocResult]], part: int, parts: int, run_id: str, shared: bool = False
) -> dict[str, pa.Table]:
    """The ``mentions``, ``events`` and ``event_merges`` of partition ``part`` of ``parts``
    (and with ``shared`` the ``documents`` and ``story_bands`` too)."""
    with tempfile.TemporaryDirectory(prefix="eventwire-link-") as tmp:
        path = Path(tmp) / "part.duckdb"
        with Store(path) as st:
            for batch in batches:
                mine = [
                    dataclasses.replace(
                        r, events=[e for e in r.events if partition_of(dyad_of(e), parts) == part]
                    )
                    for r in batch
                ]
                st.write(mine, run_id=run_id)
        con = duckdb.connect(str(path), read_only=True)
        try:
            names = LINKED + (SHARED if shared else ())
            return {t: arrow_table(con, f"SELECT * FROM {t}") for t in names}
        finally:
            con.close()
