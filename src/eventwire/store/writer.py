"""One transactional batch write: documents, mentions, linked events, story bands, errors."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.model import Article, Event, IngestError

from . import linking, rows, schema, versions


@dataclass
class WriteStats:
    documents: int = 0  # new documents stored
    events: int = 0  # new (linked) events
    errors: int = 0  # ingest errors stored
    skipped_documents: int = 0  # already stored, or repeated within the batch: not written
    mentions: int = 0  # new mentions (coded reports) stored
    linked: int = 0  # of those, mentions that joined an event already stored
    merged: int = 0  # events merged into another by the bridge rule
    conflicts: int = 0  # stored (or repeated) ids that came with different content
    replaced: int = 0  # of those, documents replaced by the new version (on_conflict=replace)
    recoded: int = 0  # stored documents with the same content coded again (force)


def _arrow(columns: dict[str, list[Any]], cols: list[tuple[str, str]], skip=()) -> pa.Table:
    return pa.Table.from_pydict(columns, schema=schema.arrow_schema(cols, skip))


def _cols(cols: list[tuple[str, str]], skip: tuple[str, ...] = ()) -> str:
    return ", ".join(f'"{n}"' for n in schema.names(cols, skip))


REFRESH_COUNTS = """
UPDATE events SET num_mentions = c.n, num_articles = c.a, num_sources = c.s,
  is_root_event = c.r
FROM (
  SELECT m.event_id, count(*) AS n, count(DISTINCT m.doc_id) AS a,
    count(DISTINCT COALESCE(d.outlet_domain, lower(d.outlet), lower(d.source), '?')) AS s,
    bool_or(m.in_lead) AS r
  FROM mentions m JOIN documents d ON d.doc_id = m.doc_id
  WHERE m.event_id IN (SELECT event_id FROM {touched})
  GROUP BY m.event_id
) c
WHERE events.event_id = c.event_id
"""

_LOC = (
    "location_name",
    "location_country",
    "location_admin1",
    "location_lat",
    "location_lon",
    "location_precision",
    "location_json",
)
REFRESH_PLACE = (
    "UPDATE events SET "
    + ", ".join(f"{c} = p.{c}" for c in _LOC)
    + " FROM (SELECT DISTINCT ON (event_id) event_id, "
    + ", ".join(_LOC)
    + " FROM mentions WHERE event_id IN (SELECT event_id FROM {touched}) "
    "AND (location_name IS NOT NULL OR location_country IS NOT NULL) ORDER BY event_id, seq) p "
    "WHERE events.event_id = p.event_id AND events.location_name IS NULL "
    "AND events.location_country IS NULL"
)


def refresh(con: duckdb.DuckDBPyConnection, touched: str) -> None:
    """Recompute counts (and a missing place) of the events listed in table ``touched``."""
    con.execute(REFRESH_COUNTS.format(touched=touched))
    con.execute(REFRESH_PLACE.format(touched=touched))


def write_batch(
    con: duckdb.DuckDBPyConnection,
    results: Sequence[tuple[Article, list[Event]]],
    errors: Sequence[IngestError],
    stored: set[str],
    run_id: str,
    now: datetime,
    hashes: Mapping[str, str] | None = None,
) -> WriteStats:
    """Write new documents (not in ``stored``) with their mentions, linked to events, and
    the raw-content ``hashes`` of new documents (``store/versions.py``)."""
    stats = WriteStats()
    fresh = [(art, evs) for art, evs in results if art.doc_id not in stored]
    plan = linking.plan_batch(con, fresh)
    docs = [(art, len(evs), plan.doc_extra[art.doc_id]) for art, evs in fresh]
    tables = {
        "_ew_docs": _arrow(
            rows.article_columns(docs), schema.DOCUMENT_COLUMNS, schema.DOCUMENT_STORE_SET
        ),
        "_ew_mentions": _arrow(rows.mention_columns(plan.mentions), schema.MENTION_COLUMNS),
        "_ew_errors": _arrow(
            rows.error_columns(list(errors)), schema.ERROR_COLUMNS, schema.ERROR_STORE_SET
        ),
        "_ew_bands": pa.table(
            {
                "band_key": pa.array(plan.band_keys, pa.int64()),
                "doc_id": pa.array(plan.band_docs, pa.string()),
            }
        ),
        "_ew_roots": pa.table({"mention_id": pa.array(plan.roots, pa.string())}),
        "_ew_touched": pa.table({"event_id": pa.array(sorted(plan.touched | set()), pa.string())}),
    }
    report = schema.names(schema.REPORT_COLUMNS)
    event_select = ", ".join(
        [
            "event_id",
            *(f'TRY_CAST("{n}" AS DATE)' if n == "date" else f'"{n}"' for n in report),
            "mention_id",
            "0",
            "0",
            "0",
            "false",
            "?",
        ]
    )
    for name, table in tables.items():
        con.register(name, table)
    try:
        con.execute("BEGIN TRANSACTION")
        (stats.documents,) = con.execute(
            f"INSERT INTO documents ({_cols(schema.DOCUMENT_COLUMNS)}) "
            f"SELECT {schema.select_list(schema.DOCUMENT_COLUMNS, schema.DOCUMENT_STORE_SET)}"
            ", ?, ? FROM _ew_docs",
            [now, run_id],
        ).fetchall()[0]
        con.execute("INSERT INTO story_bands SELECT band_key, doc_id FROM _ew_bands")
        for gone, keep in plan.story_merges.items():
            con.execute("UPDATE documents SET story_id = ? WHERE story_id = ?", [keep, gone])
        (stats.mentions,) = con.execute(
            f"INSERT OR IGNORE INTO mentions ({_cols(schema.MENTION_COLUMNS)}) "
            f"SELECT {schema.select_list(schema.MENTION_COLUMNS)} FROM _ew_mentions"
        ).fetchall()[0]
        (stats.events,) = con.execute(
            f"INSERT INTO events ({_cols(schema.EVENT_COLUMNS)}) SELECT {event_select} "
            "FROM _ew_mentions WHERE mention_id IN (SELECT mention_id FROM _ew_roots)",
            [now],
        ).fetchall()[0]
        for m in plan.merges:
            con.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", [m.into, m.absorbed])
            con.execute("DELETE FROM events WHERE event_id = ?", [m.absorbed])
            con.execute(
                "INSERT INTO event_merges VALUES (?, ?, ?, ?, ?, ?)",
                [m.absorbed, m.into, m.rule, m.mention_id, run_id, now],
            )
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _ew_refresh AS SELECT DISTINCT event_id FROM "
            "(SELECT event_id FROM _ew_touched UNION ALL SELECT event_id FROM _ew_mentions)"
        )
        refresh(con, "_ew_refresh")
        (stats.errors,) = con.execute(
            f"INSERT INTO ingest_errors ({_cols(schema.ERROR_COLUMNS)}) "
            f"SELECT {schema.select_list(schema.ERROR_COLUMNS, schema.ERROR_STORE_SET)}"
            ", ?, ? FROM _ew_errors",
            [run_id, now],
        ).fetchall()[0]
        con.execute("DROP TABLE IF EXISTS _ew_refresh")
        versions.record_hashes(con, hashes or {})
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # e.g. BEGIN itself failed
            con.execute("ROLLBACK")
        raise
    finally:
        for name in tables:
            con.unregister(name)
    stats.linked = sum(1 for row in plan.mentions if row["event_id"] in plan.touched)
    stats.merged = len(plan.merges)
    return stats
