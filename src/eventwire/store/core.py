"""The DuckDB-backed Store: bulk, idempotent, transactional writes; filtered reads; exports."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb
import pyarrow as pa

from eventwire.model import Article, DocResult, Event, IngestError

from . import rows, schema
from .gdelt import GDELT_COLUMNS, gdelt_sql

EXPORT_FORMATS = ("parquet", "jsonl", "csv", "gdelt")
_ORDER = 'ORDER BY "date" NULLS LAST, doc_id, sentence_index, event_id'
_FETCH = 10_000


class StoreError(RuntimeError):
    """The store cannot be opened or used (bad path, not a DuckDB file, locked, read-only)."""


@dataclass
class WriteStats:
    documents: int = 0  # new documents stored
    events: int = 0  # new events stored
    errors: int = 0  # ingest errors stored
    skipped_documents: int = 0  # already stored, or repeated within the batch: not written


def _quote(path: str | os.PathLike[str]) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _check_day(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{name} must be a YYYY-MM-DD date, got {value!r}") from None


class Store:
    """Events, documents and ingest errors in one DuckDB file (or ``":memory:"``).

    Tables are created if missing. One Store may be shared between threads: calls are
    serialised by a lock. Use as a context manager or call ``close()``.
    """

    def __init__(
        self, path: str | os.PathLike[str] = "eventwire.duckdb", *, read_only: bool = False
    ):
        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._con = self._connect()
        try:
            if read_only:
                missing = set(schema.TABLES) - self._tables()
                if missing:
                    raise StoreError(
                        f"{self.path}: not an eventwire store (missing tables: "
                        f"{', '.join(sorted(missing))})"
                    )
            else:
                for stmt in schema.ddl():
                    self._con.execute(stmt)
                self._con.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                    [schema.SCHEMA_VERSION],
                )
        except duckdb.Error as exc:
            self._con.close()
            raise StoreError(f"{self.path}: cannot set up the store: {exc}") from exc
        except StoreError:
            self._con.close()
            raise

    def _connect(self) -> duckdb.DuckDBPyConnection:
        if self.path != ":memory:":
            p = Path(self.path)
            if p.is_dir():
                raise StoreError(f"{self.path}: is a directory, not a database file")
            if self.read_only and not p.exists():
                raise StoreError(f"{self.path}: no such database (opened read-only)")
            if not self.read_only:
                try:
                    p.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"{self.path}: cannot create its directory: {exc}") from exc
        try:
            return duckdb.connect(self.path, read_only=self.read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open as a DuckDB database: {exc}") from exc

    def _tables(self) -> set[str]:
        got = self._con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
        return {name for (name,) in got}

    # ---------------------------------------------------------------- writing

    def write(
        self,
        results: Sequence[DocResult],
        errors: Sequence[IngestError] = (),
        *,
        run_id: str | None = None,
    ) -> WriteStats:
        """Store documents, their events and ingest errors in one transaction.

        Idempotent by document id: a document already stored, or repeated later in the batch,
        is skipped together with its events. Events are filed under their article's doc_id; an
        event id already stored (or repeated) is written once. Errors are always appended.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot write")
        run_id = run_id or uuid.uuid4().hex[:12]
        now = datetime.now(UTC).replace(tzinfo=None)

        seen_docs: set[str] = set()
        seen_events: set[str] = set()
        docs: list[tuple[Article, int]] = []
        events: list[tuple[str, Event]] = []
        repeated = 0
        for res in results:
            doc_id = res.article.doc_id
            if not doc_id:
                raise ValueError(f"article without doc_id (origin {res.article.origin!r})")
            if doc_id in seen_docs:
                repeated += 1
                continue
            seen_docs.add(doc_id)
            n = 0
            for ev in res.events:
                if ev.event_id not in seen_events:
                    seen_events.add(ev.event_id)
                    events.append((doc_id, ev))
                    n += 1
            docs.append((res.article, n))

        doc_table = self._arrow(
            rows.article_columns(docs),
            schema.arrow_schema(schema.DOCUMENT_COLUMNS, schema.DOCUMENT_STORE_SET),
        )
        event_table = self._arrow(
            rows.event_columns(events), schema.arrow_schema(schema.EVENT_COLUMNS)
        )
        error_table = self._arrow(
            rows.error_columns(list(errors)),
            schema.arrow_schema(schema.ERROR_COLUMNS, schema.ERROR_STORE_SET),
        )
        doc_cols = ", ".join(f'"{n}"' for n in schema.names(schema.DOCUMENT_COLUMNS))
        event_cols = ", ".join(f'"{n}"' for n in schema.names(schema.EVENT_COLUMNS))
        error_cols = ", ".join(f'"{n}"' for n in schema.names(schema.ERROR_COLUMNS))

        stats = WriteStats()
        with self._lock:
            con = self._con
            con.register("_ew_docs", doc_table)
            con.register("_ew_events", event_table)
            con.register("_ew_errors", error_table)
            try:
                con.execute("BEGIN TRANSACTION")
                # Events first: the documents anti-join below must still see the old state.
                (stats.events,) = con.execute(
                    f"INSERT OR IGNORE INTO events ({event_cols}) "
                    f"SELECT {schema.select_list(schema.EVENT_COLUMNS)} FROM _ew_events "
                    "WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
                ).fetchall()[0]
                (stats.documents,) = con.execute(
                    f"INSERT INTO documents ({doc_cols}) "
                    f"SELECT {schema.select_list(schema.DOCUMENT_COLUMNS, schema.DOCUMENT_STORE_SET)}"
                    ", ?, ? FROM _ew_docs WHERE doc_id NOT IN (SELECT doc_id FROM documents)",
                    [now, run_id],
                ).fetchall()[0]
                (stats.errors,) = con.execute(
                    f"INSERT INTO ingest_errors ({error_cols}) "
                    f"SELECT {schema.select_list(schema.ERROR_COLUMNS, schema.ERROR_STORE_SET)}"
                    ", ?, ? FROM _ew_errors",
                    [run_id, now],
                ).fetchall()[0]
                con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(duckdb.Error):  # e.g. BEGIN itself failed
                    con.execute("ROLLBACK")
                raise
            finally:
                for name in ("_ew_docs", "_ew_events", "_ew_errors"):
                    con.unregister(name)
        stats.skipped_documents = len(docs) - stats.documents + repeated
        return stats

    @staticmethod
    def _arrow(columns: dict[str, list[Any]], arrow_schema: pa.Schema) -> pa.Table:
        return pa.Table.from_pydict(columns, schema=arrow_schema)

    # ---------------------------------------------------------------- reading

    def has_documents(self, doc_ids: Iterable[str]) -> set[str]:
        """The subset of ``doc_ids`` already stored."""
        ids = pa.table({"doc_id": pa.array(list(dict.fromkeys(doc_ids)), pa.string())})
        if ids.num_rows == 0:
            return set()
        with self._lock:
            self._con.register("_ew_ids", ids)
            try:
                got = self._con.execute(
                    "SELECT doc_id FROM documents WHERE doc_id IN (SELECT doc_id FROM _ew_ids)"
                ).fetchall()
            finally:
                self._con.unregister("_ew_ids")
        return {doc_id for (doc_id,) in got}

    def events(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        code: str | None = None,
        since: str | None = None,
        until: str | None = None,
        min_confidence: float = 0.0,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events as JSONL-contract dicts, ordered by date, document, sentence.

        ``source``/``target``/``code`` match prefixes (RUS matches RUSGOV; 04 matches 042);
        ``since``/``until`` bound ``date`` inclusively (YYYY-MM-DD; undated events drop out).
        """
        where: list[str] = ["confidence >= ?"]
        params: list[Any] = [min_confidence]
        for column, prefix in (("source_code", source), ("target_code", target), ("cameo", code)):
            if prefix:
                where.append(f"starts_with({column}, ?)")
                params.append(prefix)
        if (day := _check_day("since", since)) is not None:
            where.append('"date" >= CAST(? AS DATE)')
            params.append(day)
        if (day := _check_day("until", until)) is not None:
            where.append('"date" <= CAST(? AS DATE)')
            params.append(day)
        if doc_id is not None:
            where.append("doc_id = ?")
            params.append(doc_id)
        sql = f"SELECT {rows.EVENT_SELECT} FROM events WHERE {' AND '.join(where)} {_ORDER}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._lock:
            cur = self._con.execute(sql, params)
            names = [d[0] for d in cur.description]
            got = cur.fetchall()
        return [rows.event_to_dict(dict(zip(names, r, strict=True))) for r in got]

    def counts(self) -> dict[str, int]:
        """Row counts: documents, events, ingest_errors."""
        with self._lock:
            return {
                table: self._con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
                for table in ("documents", "events", "ingest_errors")
            }

    # ---------------------------------------------------------------- export

    def export(self, out: str | os.PathLike[str], fmt: str, *, header: bool = False) -> int:
        """Write every event to ``out``; returns the number of rows written.

        ``fmt``: ``parquet`` and ``csv`` (with a header row) hold the flat ``events`` columns;
        ``jsonl`` one event a line in the JSONL contract; ``gdelt`` the GDELT 2.0 Events table,
        61 tab-separated columns, no header unless ``header=True``.
        """
        fmt = fmt.lower()
        if fmt not in EXPORT_FORMATS:
            raise ValueError(
                f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}"
            )
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            if fmt in ("parquet", "csv"):
                options = "FORMAT PARQUET" if fmt == "parquet" else "FORMAT CSV, HEADER"
                got = self._con.execute(
                    f"COPY (SELECT * FROM events {_ORDER}) TO {_quote(path)} ({options})"
                ).fetchall()
                return int(got[0][0]) if got else 0
            if fmt == "jsonl":
                return self._write_lines(
                    path,
                    f"SELECT {rows.EVENT_SELECT} FROM events {_ORDER}",
                    lambda r: json.dumps(rows.event_to_dict(r), ensure_ascii=False),
                )
            columns = [r[0] for r in self._con.execute("DESCRIBE events").fetchall()]
            first = "\t".join(GDELT_COLUMNS) if header else None
            return self._write_lines(path, gdelt_sql(columns), lambda r: r["line"], first)

    def _write_lines(
        self, path: Path, sql: str, line: Callable[[dict[str, Any]], str], first: str | None = None
    ) -> int:
        n = 0
        cur = self._con.cursor()  # its own result, so a failed export leaves none pending
        try:
            cur.execute(sql)
            names = [d[0] for d in cur.description]
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                if first is not None:
                    fh.write(first + "\n")
                while batch := cur.fetchmany(_FETCH):
                    fh.writelines(line(dict(zip(names, r, strict=True))) + "\n" for r in batch)
                    n += len(batch)
        finally:
            cur.close()
        return n

    # ---------------------------------------------------------------- lifecycle

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = ", read_only=True" if self.read_only else ""
        return f"Store({self.path!r}{mode})"
