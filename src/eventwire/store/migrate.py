"""Databases written by an older eventwire: upgraded when opened, or refused with one line.

What ``Store`` does on opening a file whose ``meta.schema_version`` is not this one's, or whose
tables lack columns this version has (documented in SCHEMA.md, "Older databases"):

- **schema 2 with missing columns** (written before ``mentions.terms`` existed, or any column
  added since without a new version): the columns are added in place, in one transaction, and
  filled where they can be (``terms`` from the stored sentence, headline and actor words, as
  the writer makes them); the links already made are kept.
- **schema 1** (one row per report in ``events``, no ``mentions``, no story clusters): rebuilt.
  Every stored document and report is written again, in the order stored, into a new file next
  to it (``x.duckdb.migrating``) by the ordinary write path (story clusters, mentions, linking,
  counts); the reports keep their ids (an old ``event_id`` is the new ``mention_id``) and
  values, documents their ``ingested_at`` and ``run_id``; ingest errors and meta are copied.
  After the counts are checked the old file is kept as ``x.duckdb.schema1`` (a hard link, else
  a copy) and the new one takes its name in one atomic rename: a run killed midway leaves the
  old file as it was.
- **an unknown or newer version**: refused, naming the file and what to do.

A read-only open (``eventwire events``, ``serve``, ``eventwire.open``) upgrades too, through a
short writable connection, when the file can be written; else it is refused with what to do.
Each upgrade logs one line (logger ``eventwire.store``).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from eventwire.model import Actor, Article, DocResult, Event, Place

from . import schema

if TYPE_CHECKING:
    from .core import Store

log = logging.getLogger("eventwire.store")
OLDER = ("1",)  # versions this one can upgrade (besides missing columns of its own)
_BATCH = 500


class MigrationError(RuntimeError):
    """The database cannot be upgraded; the message names the file and what to do."""


def version(con: duckdb.DuckDBPyConnection, tables: set[str]) -> str | None:
    if "meta" not in tables:
        return None
    got = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return got[0][0] if got else None


def missing_columns(con: duckdb.DuckDBPyConnection, tables: set[str]) -> list[tuple[str, str, str]]:
    """(table, column, SQL type) of this version's columns absent from existing tables."""
    got = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"
    ).fetchall()
    have = {(t, c) for t, c in got}
    out = []
    for table, cols in schema.TABLES.items():
        if table not in tables:
            continue
        for name, sql in cols:
            if (table, name) not in have:
                out.append((table, name, sql.split()[0]))
    return out


def needed(con: duckdb.DuckDBPyConnection, tables: set[str]) -> str | None:
    """What opening this database needs: None, ``"columns"``, ``"rebuild"``; raises
    MigrationError for a version this one cannot read."""
    v = version(con, tables)
    if v is None or v == schema.SCHEMA_VERSION:
        return "columns" if v is not None and missing_columns(con, tables) else None
    if v in OLDER:
        return "rebuild"
    raise MigrationError(
        f"made by another eventwire version (schema {v}; this one reads schema "
        f"{schema.SCHEMA_VERSION} and upgrades {', '.join(OLDER)}): open it with the eventwire "
        "that wrote it, or ingest the documents into a new database"
    )


def upgrade(store: Store, con: duckdb.DuckDBPyConnection, what: str) -> str:
    """Upgrade the database ``store`` has open writable as ``con``; returns the line logged.
    After ``rebuild`` the caller must reopen its connection (the file was replaced)."""
    msg = add_columns(store.path, con) if what == "columns" else rebuild(store.path, con)
    log.warning("%s", msg)
    return msg


# ------------------------------------------------------------------ schema 2, missing columns


def add_columns(path: str, con: duckdb.DuckDBPyConnection) -> str:
    tables = {
        t
        for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
    }
    missing = missing_columns(con, tables)
    con.execute("BEGIN TRANSACTION")
    try:
        for table, name, sql in missing:
            con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {sql}')
        if ("mentions", "terms", "VARCHAR") in missing:
            fill_terms(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    added = ", ".join(f"{t}.{c}" for t, c, _ in missing)
    return f"{path}: upgraded in place (added {added}); stored events and links are kept"


def fill_terms(con: duckdb.DuckDBPyConnection) -> int:
    """Content terms of stored mentions that have none (dedup/terms.py, as the writer makes
    them: sentence and headline, minus the actors' words)."""
    from eventwire.dedup.terms import report_terms

    got = con.execute(
        "SELECT m.mention_id, m.sentence, d.title, m.source_text, m.target_text "
        "FROM mentions m JOIN documents d ON d.doc_id = m.doc_id WHERE m.terms IS NULL"
    ).fetchall()
    ids, words = [], []
    for mid, sentence, title, src, tgt in got:
        ids.append(mid)
        words.append(" ".join(sorted(report_terms(sentence, title, (src, tgt)))))
    con.register("_ew_terms", pa.table({"mention_id": ids, "terms": words}))
    try:
        con.execute(
            "UPDATE mentions SET terms = t.terms FROM _ew_terms t "
            "WHERE mentions.mention_id = t.mention_id"
        )
    finally:
        con.unregister("_ew_terms")
    return len(ids)


# ------------------------------------------------------------------ schema 1, rebuilt


def _actor(row: dict[str, Any], side: str) -> Actor | None:
    code = row.get(f"{side}_code")
    if code is None:
        return None
    return Actor(
        code=code,
        country=row.get(f"{side}_country"),
        sector=row.get(f"{side}_sector"),
        text=row.get(f"{side}_text") or "",
    )


def _event(row: dict[str, Any]) -> Event:
    loc = None
    if row.get("location_name") is not None or row.get("location_country") is not None:
        loc = Place(
            name=row.get("location_name") or "",
            country=row.get("location_country"),
            admin1=row.get("location_admin1"),
            lat=row.get("location_lat"),
            lon=row.get("location_lon"),
            precision=row.get("location_precision") or "city",
        )
    day = row.get("date")
    speaker = row.get("speaker_code")
    return Event(
        doc_id=row["doc_id"],
        event_id=row["event_id"],
        source=_actor(row, "source") or Actor(code="---"),
        target=_actor(row, "target"),
        cameo=row.get("cameo") or "",
        root=row.get("root") or (row.get("cameo") or "")[:2],
        goldstein=row.get("goldstein") or 0.0,
        quad_class=row.get("quad_class") or 0,
        plover=row.get("plover"),
        plover_mode=row.get("plover_mode"),
        modality=row.get("modality") or "asserted",
        date=None if day is None else str(day)[:10],
        date_text=row.get("date_text"),
        date_precision=row.get("date_precision"),
        location=loc,
        sentence=row.get("sentence") or "",
        sentence_index=row.get("sentence_index") or 0,
        span=(row.get("span_start") or 0, row.get("span_end") or 0),
        trigger=row.get("trigger") or "",
        rule=row.get("rule") or "",
        confidence=row.get("confidence") or 0.0,
        speaker=Actor(code=speaker) if speaker else None,
    )


def _article(row: dict[str, Any]) -> Article:
    from eventwire.extract.meta import choose_outlet
    from eventwire.extract.outlets import default_outlets

    guess = choose_outlet(row.get("url"), [], default_outlets()) if row.get("url") else None
    return Article(
        doc_id=row["doc_id"],
        body=row.get("body") or "",
        title=row.get("title"),
        source=row.get("source"),
        published=row.get("published"),
        author=row.get("author"),
        dateline=row.get("dateline"),
        url=row.get("url"),
        origin=row.get("origin"),
        format=row.get("format"),
        outlet=guess.outlet if guess else None,
        outlet_domain=guess.domain if guess else None,
    )


def _dicts(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _free_name(base: str) -> str:
    name, n = base, 1
    while os.path.exists(name):
        n += 1
        name = f"{base}.{n}"
    return name


def rebuild(path: str, con: duckdb.DuckDBPyConnection) -> str:
    """Schema 1 -> this schema through a new file (see the module docstring). ``con`` is
    closed on return; the file at ``path`` is the upgraded database."""
    from .core import Store

    if path == ":memory:":
        raise MigrationError("an in-memory schema 1 database cannot be upgraded")
    old_v = version(con, {"meta"})
    docs = _dicts(con, "SELECT * FROM documents ORDER BY ingested_at, doc_id")
    reports: dict[str, list[dict[str, Any]]] = defaultdict(list)
    old_table = con.sql(
        "SELECT * FROM events ORDER BY doc_id, sentence_index, event_id"
    ).to_arrow_table()
    names = old_table.column_names
    for r in old_table.to_pylist():
        reports[r["doc_id"]].append(r)
    errors = con.sql("SELECT * FROM ingest_errors").to_arrow_table()
    meta = con.execute("SELECT key, value FROM meta WHERE key <> 'schema_version'").fetchall()
    n_reports = old_table.num_rows
    tmp = f"{path}.migrating"
    for leftover in (tmp, f"{tmp}.wal"):
        if os.path.exists(leftover):
            os.remove(leftover)
    try:
        with Store(tmp) as new:
            for i in range(0, len(docs), _BATCH):
                chunk = docs[i : i + _BATCH]
                results = [
                    DocResult(article=_article(d), events=[_event(r) for r in reports[d["doc_id"]]])
                    for d in chunk
                ]
                new.write(results, run_id=f"migrate-schema{old_v}")
            n_events = _restore(new._con, docs, old_table, names, errors, meta)
            got = new.counts()
        if got["documents"] != len(docs) or got["mentions"] != n_reports:
            raise MigrationError(
                f"the rebuilt copy has {got['documents']} documents and {got['mentions']} "
                f"reports, the old file {len(docs)} and {n_reports}: left unchanged"
            )
    except BaseException:
        for leftover in (tmp, f"{tmp}.wal"):
            if os.path.exists(leftover):
                os.remove(leftover)
        raise
    con.close()
    backup = _free_name(f"{path}.schema{old_v}")
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
    os.replace(tmp, path)
    Path(f"{path}.wal").unlink(missing_ok=True)
    return (
        f"{path}: migrated from schema {old_v} to {schema.SCHEMA_VERSION} ({len(docs)} "
        f"documents, {n_reports} reports linked into {n_events} events); the old file is "
        f"kept as {backup}"
    )


_JSON = ("source_json", "target_json", "location_json", "speaker_json")
_REPORT = [n for n in schema.names(schema.REPORT_COLUMNS) if n not in ("doc_id", "block", *_JSON)]


def _restore(
    con: duckdb.DuckDBPyConnection,
    docs: list[dict[str, Any]],
    old: pa.Table,
    names: list[str],
    errors: pa.Table,
    meta: list[tuple[str, str]],
) -> int:
    """Put back what the rebuild cannot know from the write: the documents' times and runs,
    the reports' values exactly as stored, ingest errors and meta."""
    con.register(
        "_ew_olddocs",
        pa.table(
            {
                "doc_id": [d["doc_id"] for d in docs],
                "ingested_at": pa.array([d.get("ingested_at") for d in docs], pa.timestamp("us")),
                "run_id": [d.get("run_id") for d in docs],
            }
        ),
    )
    con.register("_ew_oldevents", old)
    sets = [f'"{n}" = o."{n}"' for n in _REPORT if n in names]
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute(
            "UPDATE documents SET ingested_at = COALESCE(o.ingested_at, documents.ingested_at), "
            "run_id = COALESCE(o.run_id, documents.run_id) FROM _ew_olddocs o "
            "WHERE documents.doc_id = o.doc_id"
        )
        # the actors and places as schema 1 had them: columns only (no kind/name to invent)
        con.execute(
            f"UPDATE mentions SET {', '.join(sets)}, source_json = NULL, target_json = NULL, "
            "location_json = NULL, speaker_json = CASE WHEN o.speaker_code IS NULL THEN NULL "
            "ELSE json_object('code', o.speaker_code)::VARCHAR END "
            "FROM _ew_oldevents o WHERE mentions.mention_id = o.event_id"
        )
        copied = ", ".join(f'"{n}" = m."{n}"' for n in (*_REPORT, *_JSON))
        con.execute(
            f"UPDATE events SET {copied}, "
            "first_added = d.ingested_at FROM mentions m JOIN documents d USING (doc_id) "
            "WHERE m.mention_id = events.root_mention_id"
        )
        if errors.num_rows:
            con.register("_ew_olderrors", errors)
            cols = ", ".join(f'"{c}"' for c in errors.column_names)
            con.execute(f"INSERT INTO ingest_errors ({cols}) SELECT {cols} FROM _ew_olderrors")
            con.unregister("_ew_olderrors")
        for key, value in meta:
            con.execute("INSERT OR IGNORE INTO meta VALUES (?, ?)", [key, value])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_ew_olddocs")
        con.unregister("_ew_oldevents")
    return int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
