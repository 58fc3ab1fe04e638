"""The Parquet dataset of a Ray run: the store's tables, built in an in-memory DuckDB with the
store's own schema and count SQL, written partitioned (events and mentions by event date,
documents by ingest day) under a new run id; ``_dataset.json`` then names the run's files and
only after that are the previous run's files deleted, so a reader never sees half a run.
"""

from __future__ import annotations

import io
import json
import uuid
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.store import rows, schema

from .batches import Replay
from .linkstep import arrow_table as _table
from .output import DATASET, Output

# table -> (partition directory key, SQL of its value, ORDER BY)
PARTITIONED = {
    "documents": ("ingest_day", "CAST(CAST(ingested_at AS DATE) AS VARCHAR)", "doc_id"),
    "events": (
        "event_date",
        "COALESCE(CAST(\"date\" AS VARCHAR), 'none')",
        '"date" NULLS LAST, doc_id, sentence_index, event_id',
    ),
    "mentions": ("event_date", "COALESCE(CAST(\"date\" AS VARCHAR), 'none')", "seq"),
}
FLAT = {
    "story_bands": "band_key, doc_id",
    "event_merges": '"at", absorbed',
    "ingest_errors": '"at", origin, line',
}
TABLES = (*PARTITIONED, *FLAT)


def build(
    rp: Replay, parts: list[dict[str, pa.Table]], run_id: str, now: datetime
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the store's tables for the run: the partitions' linked tables
    (each report's ``seq`` its place in the whole run), the shared ones from the first
    partition (``n_events`` over all partitions), the ingest errors."""
    con = duckdb.connect(":memory:")
    for stmt in schema.ddl():
        con.execute(stmt)
    seq = pa.table(
        {
            "mention_id": pa.array(list(rp.seq), pa.string()),
            "seq": pa.array(list(rp.seq.values()), pa.int64()),
        }
    )
    n_events = pa.table(
        {
            "doc_id": pa.array(list(rp.n_events), pa.string()),
            "n": pa.array(list(rp.n_events.values()), pa.int32()),
        }
    )
    errors = pa.Table.from_pydict(
        rows.error_columns(rp.errors),
        schema=schema.arrow_schema(schema.ERROR_COLUMNS, schema.ERROR_STORE_SET),
    )
    con.register("_ew_seq", seq)
    con.register("_ew_n", n_events)
    con.register("_ew_errors", errors)
    for k, part in enumerate(parts):
        for name, table in part.items():
            con.register("_ew_part", table)
            if name == "mentions":
                sql = (
                    "SELECT p.* REPLACE (s.seq AS seq) FROM _ew_part p "
                    "JOIN _ew_seq s ON s.mention_id = p.mention_id"
                )
            elif name == "documents":
                sql = (
                    "SELECT p.* REPLACE (COALESCE(n.n, 0) AS n_events) FROM _ew_part p "
                    "LEFT JOIN _ew_n n ON n.doc_id = p.doc_id"
                )
            else:
                sql = "SELECT * FROM _ew_part"
            if name in ("documents", "story_bands") and k:
                continue  # the same in every partition
            con.execute(f"INSERT INTO {name} BY NAME {sql}")
            con.unregister("_ew_part")
    cols = schema.select_list(schema.ERROR_COLUMNS, schema.ERROR_STORE_SET)
    con.execute(f"INSERT INTO ingest_errors SELECT {cols}, ?, ? FROM _ew_errors", [run_id, now])
    for name in ("_ew_seq", "_ew_n", "_ew_errors"):
        con.unregister(name)
    return con


def _parquet(table: pa.Table) -> bytes:
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def new_run_id() -> str:
    return uuid.uuid4().hex[:12]


def write(
    out: Output, con: duckdb.DuckDBPyConnection, run: str, info: dict[str, Any]
) -> dict[str, Any]:
    """Write the tables of ``con`` as run ``run``; returns the dataset description."""
    files: dict[str, list[str]] = {}
    for table in TABLES:
        files[table] = []
        if table in PARTITIONED:
            key, expr, order = PARTITIONED[table]
            data = _table(con, f"SELECT *, {expr} AS _part FROM {table} ORDER BY _part, {order}")
            parts = data.column("_part").to_pylist()
            data = data.drop_columns(["_part"])
            start = 0
            for i in range(1, len(parts) + 1):
                if i == len(parts) or parts[i] != parts[start]:
                    rel = f"{table}/{key}={parts[start]}/part-{run}.parquet"
                    out.write(rel, _parquet(data.slice(start, i - start)))
                    files[table].append(rel)
                    start = i
        else:
            data = _table(con, f"SELECT * FROM {table} ORDER BY {FLAT[table]}")
            if data.num_rows:
                rel = f"{table}/part-{run}.parquet"
                out.write(rel, _parquet(data))
                files[table].append(rel)
    counts = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
        for t in ("documents", "events", "mentions", "ingest_errors")
    }
    old = out.dataset()
    desc = {
        "format": "eventwire-dataset",
        "schema_version": schema.SCHEMA_VERSION,
        "run_id": run,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "files": files,
        "counts": counts,
        **info,
    }
    out.write(DATASET, json.dumps(desc, indent=1, sort_keys=True).encode())
    if old:
        keep = {f for fs in files.values() for f in fs}
        for fs in old.get("files", {}).values():
            for f in fs:
                if f not in keep:
                    out.delete(f)
    return desc
