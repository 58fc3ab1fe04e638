"""Table definitions for the DuckDB store (documented in SCHEMA.md; keep the two in step)."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "2"

# (column, SQL type) in table order. Columns set by the store itself come last.
DOCUMENT_COLUMNS: list[tuple[str, str]] = [
    ("doc_id", "VARCHAR PRIMARY KEY"),
    ("title", "VARCHAR"),
    ("source", "VARCHAR"),
    ("outlet", "VARCHAR"),
    ("outlet_domain", "VARCHAR"),
    ("agency", "VARCHAR"),
    ("published", "VARCHAR"),
    ("author", "VARCHAR"),
    ("dateline", "VARCHAR"),
    ("url", "VARCHAR"),
    ("origin", "VARCHAR"),
    ("format", "VARCHAR"),
    ("body", "VARCHAR"),
    ("n_events", "INTEGER"),
    ("story_id", "VARCHAR"),
    ("story_similarity", "DOUBLE"),
    ("minhash", "BLOB"),
    ("ingested_at", "TIMESTAMP"),
    ("run_id", "VARCHAR"),
]
DOCUMENT_STORE_SET = ("ingested_at", "run_id")  # filled from the write() call, not the Article

# What one report of an event says: shared by ``mentions`` (every report) and ``events`` (the
# linked event, described by its first report).
REPORT_COLUMNS: list[tuple[str, str]] = [
    ("doc_id", "VARCHAR NOT NULL"),
    ("source_code", "VARCHAR"),
    ("source_country", "VARCHAR"),
    ("source_sector", "VARCHAR"),
    ("source_text", "VARCHAR"),
    ("target_code", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("target_sector", "VARCHAR"),
    ("target_text", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("root", "VARCHAR"),
    ("plover", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"),
    ("modality", "VARCHAR"),
    ("date", "DATE"),
    ("date_text", "VARCHAR"),
    ("date_precision", "VARCHAR"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_admin1", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("location_precision", "VARCHAR"),
    ("sentence", "VARCHAR"),
    ("sentence_index", "INTEGER"),
    ("span_start", "INTEGER"),
    ("span_end", "INTEGER"),
    ("trigger", "VARCHAR"),
    ("rule", "VARCHAR"),
    ("confidence", "DOUBLE"),
    ("speaker_code", "VARCHAR"),
    ("source_json", "VARCHAR"),  # the whole actor objects of the JSONL contract, as JSON
    ("target_json", "VARCHAR"),
    ("speaker_json", "VARCHAR"),
    ("location_json", "VARCHAR"),
    ("block", "VARCHAR"),  # linking block: source|target|root|modality group
]

MENTION_COLUMNS: list[tuple[str, str]] = [
    ("mention_id", "VARCHAR PRIMARY KEY"),
    ("event_id", "VARCHAR"),
    *REPORT_COLUMNS,
    ("in_lead", "BOOLEAN"),
    ("link_rule", "VARCHAR"),
    ("seq", "BIGINT"),
    ("terms", "VARCHAR"),  # content terms for linking (dedup/terms.py), space-separated
]

EVENT_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "VARCHAR PRIMARY KEY"),
    *REPORT_COLUMNS,
    ("root_mention_id", "VARCHAR"),
    ("num_mentions", "INTEGER"),
    ("num_articles", "INTEGER"),
    ("num_sources", "INTEGER"),
    ("is_root_event", "BOOLEAN"),
    ("first_added", "TIMESTAMP"),
]

STORY_BAND_COLUMNS: list[tuple[str, str]] = [("band_key", "BIGINT"), ("doc_id", "VARCHAR")]

MERGE_COLUMNS: list[tuple[str, str]] = [
    ("absorbed", "VARCHAR"),
    ("into_event", "VARCHAR"),
    ("rule", "VARCHAR"),
    ("mention_id", "VARCHAR"),
    ("run_id", "VARCHAR"),
    ("at", "TIMESTAMP"),
]

ERROR_COLUMNS: list[tuple[str, str]] = [
    ("origin", "VARCHAR"),
    ("line", "INTEGER"),
    ("stage", "VARCHAR"),
    ("message", "VARCHAR"),
    ("run_id", "VARCHAR"),
    ("at", "TIMESTAMP"),
]
ERROR_STORE_SET = ("run_id", "at")

META_COLUMNS: list[tuple[str, str]] = [("key", "VARCHAR PRIMARY KEY"), ("value", "VARCHAR")]

TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": DOCUMENT_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "events": EVENT_COLUMNS,
    "story_bands": STORY_BAND_COLUMNS,
    "event_merges": MERGE_COLUMNS,
    "ingest_errors": ERROR_COLUMNS,
    "meta": META_COLUMNS,
}


def ddl() -> list[str]:
    """CREATE TABLE IF NOT EXISTS statements for every table."""
    out = []
    for table, cols in TABLES.items():
        body = ",\n  ".join(f'"{name}" {sql}' for name, sql in cols)
        out.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  {body}\n)")
    out.append("CREATE INDEX IF NOT EXISTS story_bands_key ON story_bands (band_key)")
    return out


_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "DATE": pa.string(),  # loaded as text, converted with TRY_CAST in SQL
    "TIMESTAMP": pa.timestamp("us"),
    "BIGINT": pa.int64(),
    "BOOLEAN": pa.bool_(),
    "BLOB": pa.binary(),
}


def names(cols: list[tuple[str, str]], skip: tuple[str, ...] = ()) -> list[str]:
    return [name for name, _ in cols if name not in skip]


def arrow_schema(cols: list[tuple[str, str]], skip: tuple[str, ...] = ()) -> pa.Schema:
    """Arrow schema for the staging table of ``cols`` (minus the ``skip`` columns)."""
    return pa.schema(
        [(name, _ARROW_TYPES[sql.split()[0]]) for name, sql in cols if name not in skip]
    )


def select_list(cols: list[tuple[str, str]], skip: tuple[str, ...] = ()) -> str:
    """SELECT list that reads a staging table into ``cols`` (DATE text -> DATE, bad -> NULL)."""
    parts = []
    for name, sql in cols:
        if name in skip:
            continue
        parts.append(f'TRY_CAST("{name}" AS DATE)' if sql.startswith("DATE") else f'"{name}"')
    return ", ".join(parts)
