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
from eventwire.store.writer import refresh

from .batches import Replay
from .linkstep import LOCATION, PartitionResult, cast_date
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


def _arrow(columns: dict[str, list[Any]], cols: list[tuple[str, str]], skip=()) -> pa.Table:
    return pa.Table.from_pydict(columns, schema=schema.arrow_schema(cols, skip))


def build(rp: Replay, parts: list[PartitionResult], run_id: str, now: datetime):
    """An in-memory DuckDB holding the store's tables for the replayed run."""
    con = duckdb.connect(":memory:")
    for stmt in schema.ddl():
        con.execute(stmt)
    assign: dict[str, tuple[str, str]] = {}
    roots: dict[str, tuple[str, dict[str, Any]]] = {}
    merges: list[tuple] = []
    for p in parts:
        assign.update(p.assign)
        roots.update(p.events)
        merges.extend(p.merges)
    mention_rows = []
    by_id = {}
    for r in rp.mentions:
        row = {k: v for k, v in r.items() if k != "_link"}
        row["event_id"], row["link_rule"] = assign[row["mention_id"]]
        mention_rows.append(row)
        by_id[row["mention_id"]] = row
    event_cols: dict[str, list[Any]] = {n: [] for n in schema.names(schema.EVENT_COLUMNS)}
    report = schema.names(schema.REPORT_COLUMNS)
    for eid, (root_mid, place) in sorted(roots.items(), key=lambda t: by_id[t[1][0]]["seq"]):
        root = by_id[root_mid]
        for n in report:
            v = place[n] if n in LOCATION else root[n]
            event_cols[n].append(cast_date(v) if n == "date" else v)
        event_cols["event_id"].append(eid)
        event_cols["root_mention_id"].append(root_mid)
        for n in ("num_mentions", "num_articles", "num_sources"):
            event_cols[n].append(0)
        event_cols["is_root_event"].append(False)
        event_cols["first_added"].append(now)
    merge_cols = {
        "absorbed": [m[0] for m in merges],
        "into_event": [m[1] for m in merges],
        "rule": [m[2] for m in merges],
        "mention_id": [m[3] for m in merges],
        "run_id": [run_id] * len(merges),
        "at": [now] * len(merges),
    }
    tables = {
        "documents": _arrow(
            rows.article_columns(rp.documents), schema.DOCUMENT_COLUMNS, schema.DOCUMENT_STORE_SET
        ),
        "mentions": _arrow(rows.mention_columns(mention_rows), schema.MENTION_COLUMNS),
        "events": _arrow(event_cols, schema.EVENT_COLUMNS),
        "event_merges": _arrow(merge_cols, schema.MERGE_COLUMNS),
        "ingest_errors": _arrow(
            rows.error_columns(rp.errors), schema.ERROR_COLUMNS, schema.ERROR_STORE_SET
        ),
        "story_bands": pa.table(
            {
                "band_key": pa.array([k for k, _ in rp.band_keys], pa.int64()),
                "doc_id": pa.array([d for _, d in rp.band_keys], pa.string()),
            }
        ),
    }
    for name, table in tables.items():
        con.register(f"_ew_{name}", table)
    cols = schema.TABLES
    con.execute(
        f"INSERT INTO documents SELECT "
        f"{schema.select_list(cols['documents'], schema.DOCUMENT_STORE_SET)}, ?, ? "
        "FROM _ew_documents",
        [now, run_id],
    )
    con.execute(
        f"INSERT INTO mentions SELECT {schema.select_list(cols['mentions'])} FROM _ew_mentions"
    )
    con.execute(f"INSERT INTO events SELECT {schema.select_list(cols['events'])} FROM _ew_events")
    con.execute("INSERT INTO event_merges SELECT * FROM _ew_event_merges")
    con.execute(
        f"INSERT INTO ingest_errors SELECT "
        f"{schema.select_list(cols['ingest_errors'], schema.ERROR_STORE_SET)}, ?, ? "
        "FROM _ew_ingest_errors",
        [run_id, now],
    )
    con.execute("INSERT INTO story_bands SELECT band_key, doc_id FROM _ew_story_bands")
    for name in tables:
        con.unregister(f"_ew_{name}")
    con.execute("CREATE TEMP TABLE _ew_all AS SELECT event_id FROM events")
    refresh(con, "_ew_all")  # counts (num_mentions, ...) as the store computes them
    return con


def _parquet(table: pa.Table) -> bytes:
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def _table(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """A query's rows as a pyarrow Table (DuckDB 1.x ``arrow()``, 2.x ``to_arrow_table()``)."""
    rel = con.sql(sql)
    if hasattr(rel, "to_arrow_table"):
        return rel.to_arrow_table()
    got = rel.arrow()
    return got.read_all() if hasattr(got, "read_all") else got


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
