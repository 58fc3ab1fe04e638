"""Set-equality of two stores (a DuckDB file or a Ray dataset directory): events, mentions and
documents compared row for row, ids included, leaving out only when and by which run they
were written (``first_added``, ``ingested_at``, ``run_id``)."""

from __future__ import annotations

import os

import duckdb

from eventwire.store import schema
from eventwire.store.dataset import is_dataset, open_dataset

_WHEN = {"first_added", "ingested_at", "run_id", "at"}
TABLES = ("events", "mentions", "documents", "event_merges")


def _db(path: str | os.PathLike[str]) -> str:
    return str(open_dataset(path)) if is_dataset(path) else str(path)


def compare(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> dict[str, dict[str, int]]:
    """Per table: rows in each, rows only in ``a``, only in ``b``."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{_db(a)}' AS a (READ_ONLY)")
        con.execute(f"ATTACH '{_db(b)}' AS b (READ_ONLY)")
        out = {}
        for t in TABLES:
            cols = ", ".join(f'"{n}"' for n in schema.names(schema.TABLES[t]) if n not in _WHEN)
            q = f"SELECT {cols} FROM a.{t} EXCEPT ALL SELECT {cols} FROM b.{t}"
            r = f"SELECT {cols} FROM b.{t} EXCEPT ALL SELECT {cols} FROM a.{t}"
            out[t] = {
                "a": con.execute(f"SELECT count(*) FROM a.{t}").fetchall()[0][0],
                "b": con.execute(f"SELECT count(*) FROM b.{t}").fetchall()[0][0],
                "only_a": con.execute(f"SELECT count(*) FROM ({q})").fetchall()[0][0],
                "only_b": con.execute(f"SELECT count(*) FROM ({r})").fetchall()[0][0],
            }
        return out
    finally:
        con.close()


def equal(report: dict[str, dict[str, int]]) -> bool:
    return all(r["only_a"] == 0 and r["only_b"] == 0 for r in report.values())
