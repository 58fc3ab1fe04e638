"""The DuckDB-backed Store: bulk, idempotent, transactional writes; filtered reads; exports."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb
import pyarrow as pa

from eventwire.model import Article, DocResult, Event, IngestError

from . import locks, migrate, rows, schema, versions
from .gdelt import GDELT_COLUMNS, gdelt_sql
from .gdelt_mentions import MENTION_COLUMNS, mentions_sql
from .recode import recode as recode_batch
from .writer import WriteStats, write_batch

EXPORT_FORMATS = ("parquet", "jsonl", "csv", "gdelt")
_ORDER = 'ORDER BY "date" NULLS LAST, doc_id, sentence_index, event_id'
_FETCH = 10_000
# columns kept for the store's own work, not exported
_INTERNAL = {
    "source_json", "target_json", "speaker_json", "location_json", "block", "seq", "terms",
}  # fmt: skip


def mentions_path(out: str | os.PathLike[str]) -> Path:
    """Where an export of events to ``out`` puts the mentions: ``x.parquet`` -> ``x.mentions.parquet``."""
    p = Path(out)
    return (
        p.with_name(f"{p.stem}.mentions{p.suffix}")
        if p.suffix
        else p.with_name(f"{p.name}.mentions")
    )


class StoreError(RuntimeError):
    """The store cannot be opened or used (bad path, not a DuckDB file, locked, read-only)."""


class StoreLocked(StoreError, locks.LockedError):
    """Another process holds the database file (an ingest writing, or readers)."""


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

    ``wait``: seconds to keep trying while another process holds the file (then
    ``StoreLocked``). ``release=True`` (what ``eventwire ingest`` uses) lets go of the file
    after each write, so that readers get in between batches; it is opened again when needed.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = "eventwire.duckdb",
        *,
        read_only: bool = False,
        wait: float = 0.0,
        release: bool = False,
    ):
        self.path = str(path)
        self.read_only = read_only
        self.wait = wait
        self.release = release
        self._lock = threading.RLock()
        self._conn: duckdb.DuckDBPyConnection | None = None
        self._closed = False
        self._conn = self._open()
        try:
            self._check_version()
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
                versions.ensure(self._con)
        except duckdb.Error as exc:
            self._con.close()
            raise StoreError(f"{self.path}: cannot set up the store: {exc}") from exc
        except StoreError:
            self._con.close()
            raise
        if release:
            self._let_go()

    @property
    def _con(self) -> duckdb.DuckDBPyConnection:
        """The connection, opened again (waiting for the lock) after a release."""
        if self._conn is None:
            if self._closed:
                raise StoreError(f"{self.path}: the store is closed")
            self._conn = self._open()
        return self._conn

    def _let_go(self) -> None:
        """Close the connection (releasing the file lock) until it is needed again."""
        with self._lock:
            if self._conn is not None and self.path != ":memory:":
                self._conn.close()
                self._conn = None

    def _open(self) -> duckdb.DuckDBPyConnection:
        def timeout(exc: BaseException) -> Exception:
            return StoreLocked(locks.lock_message(self.path, exc, self.wait))

        return locks.retrying(self._connect, self.wait, timeout)

    def _check_version(self) -> None:
        """Upgrade a database written by an older eventwire (store/migrate.py), or refuse it
        with one line naming the file and what to do."""
        try:
            what = migrate.needed(self._con, self._tables())
        except migrate.MigrationError as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        if what is None:
            return
        con = self._con
        if self.read_only:  # a short writable connection does the upgrade
            con.close()
            self._conn = None
            try:
                con = locks.retrying(
                    lambda: duckdb.connect(self.path), self.wait,
                    lambda e: StoreLocked(locks.lock_message(self.path, e, self.wait)),
                )  # fmt: skip
            except duckdb.Error as exc:
                self._conn = self._open()
                raise StoreError(
                    f"{self.path}: written by an older eventwire and cannot be upgraded here "
                    f"({str(exc).splitlines()[0]}); make the file writable and open it again"
                ) from None
        try:
            migrate.upgrade(self, con, what)
        except Exception as exc:  # noqa: BLE001 - any failure: one line, the file unchanged
            raise StoreError(
                f"{self.path}: cannot upgrade it to schema {schema.SCHEMA_VERSION}: "
                f"{str(exc).splitlines()[0]}; the file is left as it was"
            ) from None
        finally:
            if what == "rebuild" or self.read_only:
                with contextlib.suppress(duckdb.Error):
                    con.close()
                self._conn = None
                self._conn = self._open()

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
            if locks.is_lock_error(exc):
                raise StoreLocked(locks.lock_message(self.path, exc, 0)) from exc
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
        on_conflict: str = "error",
        raw_hashes: Mapping[str, str] | None = None,
        force: bool = False,
    ) -> WriteStats:
        """Store documents, their events and ingest errors in one transaction.

        Idempotent by document id: a document already stored, or repeated later in the batch,
        with the same content is skipped together with its events. With other content it is
        a conflict, handled as ``on_conflict`` says (``error``, ``skip`` or ``replace``: see
        ``store/versions.py``). Events are filed under their article's doc_id; an event id
        already stored (or repeated) is written once. Errors are always appended.
        ``raw_hashes`` (doc_id -> ``doc_id_for`` of the input text) lets a later ingest skip
        the documents before parsing them. ``force`` (``ingest --force``): a stored document
        with the same content is re-coded instead of skipped, its reports replaced by the new
        ones and every mention linked again, as ``recode`` does (ids kept).
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot write")
        versions.check_mode(on_conflict)
        try:
            with self._lock:
                return self._write(
                    results, list(errors), run_id, on_conflict, raw_hashes or {}, force
                )
        finally:
            if self.release:
                self._let_go()

    def _write(
        self,
        results: Sequence[DocResult],
        errors: list[IngestError],
        run_id: str | None,
        on_conflict: str,
        raw_hashes: Mapping[str, str],
        force: bool = False,
    ) -> WriteStats:
        run_id = run_id or uuid.uuid4().hex[:12]
        now = datetime.now(UTC).replace(tzinfo=None)

        seen_docs: dict[str, Article] = {}
        seen_events: set[str] = set()
        batch: list[tuple[Article, list[Event]]] = []
        repeated = conflicts = 0
        for res in results:
            doc_id = res.article.doc_id
            if not doc_id:
                raise ValueError(f"article without doc_id (origin {res.article.origin!r})")
            if doc_id in seen_docs:
                repeated += 1
                if not versions.same_content(seen_docs[doc_id].body, res.article.body):
                    conflicts += 1
                    errors.append(versions.conflict_error(res.article, "error"))
                continue
            seen_docs[doc_id] = res.article
            evs = []
            for ev in res.events:
                if ev.event_id not in seen_events:
                    seen_events.add(ev.event_id)
                    evs.append(ev)
            batch.append((res.article, evs))

        stored = self.has_documents(seen_docs)
        replace: list[DocResult] = []
        again: list[DocResult] = []  # stored, same content, re-coded (force)
        if stored:
            bodies = versions.stored_bodies(self._con, stored)
            for art, evs in batch:
                old = bodies.get(art.doc_id)
                if art.doc_id in stored and not versions.same_content(old, art.body):
                    conflicts += 1
                    if on_conflict == "replace":
                        replace.append(DocResult(article=art, events=evs))
                    else:
                        errors.append(versions.conflict_error(art, on_conflict))
                elif art.doc_id in stored and force:
                    again.append(DocResult(article=art, events=evs))
        hashes = {d: h for d, h in raw_hashes.items() if d in seen_docs and d not in stored}
        stats = write_batch(self._con, batch, errors, stored, run_id, now, hashes)
        if replace or again:
            recode_batch(self._con, replace + again)
        if replace:
            arts = [r.article for r in replace]
            versions.replace_documents(self._con, arts, raw_hashes, run_id, now)
        stats.skipped_documents = (
            len(batch) - stats.documents + repeated - len(replace) - len(again)
        )
        stats.recoded = len(again)
        stats.conflicts = conflicts
        stats.replaced = len(replace)
        return stats

    def known_documents(self) -> dict[str, str | None]:
        """Every stored doc_id with the hash of its input text (None when not recorded): what
        a resumed ingest skips before parsing."""
        try:
            with self._lock:
                return versions.known(self._con)
        finally:
            if self.release:
                self._let_go()

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

    def _where(
        self,
        source: str | None,
        target: str | None,
        code: str | None,
        since: str | None,
        until: str | None,
        min_confidence: float,
        doc_id: str | None,
    ) -> tuple[str, list[Any]]:
        """The SQL of the one event filter (``analytics.EventFilter``, which the CLI, the API
        and ``export`` use too); values taken literally (``RUS%`` is no pattern)."""
        from eventwire.analytics.filters import EventFilter

        since_day, until_day = _check_day("since", since), _check_day("until", until)
        flt = EventFilter(
            source=source or None,
            target=target or None,
            code=code or None,
            since=date.fromisoformat(since_day) if since_day else None,
            until=date.fromisoformat(until_day) if until_day else None,
            min_confidence=min_confidence,
            doc_id=doc_id,
        )
        return flt.sql()

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
        with_mentions: bool = False,
    ) -> list[dict[str, Any]]:
        """Linked events as JSONL-contract dicts (with their counts), ordered by date, document,
        sentence; the event's fields are those of its first report.

        ``source``/``target``/``code`` match prefixes (RUS matches RUSGOV; 04 matches 042);
        ``since``/``until`` bound ``date`` inclusively (YYYY-MM-DD; undated events drop out);
        ``doc_id`` keeps events with a mention in that document. ``with_mentions`` adds each
        event's ``mentions`` list (every report: document, sentence, span, outlet, url, ...).
        """
        where, params = self._where(source, target, code, since, until, min_confidence, None)
        if doc_id is not None:
            where += " AND event_id IN (SELECT event_id FROM mentions WHERE doc_id = ?)"
            params.append(doc_id)
        sql = f"SELECT {rows.EVENT_SELECT} FROM events WHERE {where} {_ORDER}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._lock:
            cur = self._con.execute(sql, params)
            names = [d[0] for d in cur.description]
            got = [rows.event_to_dict(dict(zip(names, r, strict=True))) for r in cur.fetchall()]
            if with_mentions and got:
                lists = self._mention_lists([e["event_id"] for e in got])
                for e in got:
                    e["mentions"] = lists.get(e["event_id"], [])
        return got

    def _mention_lists(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        return mention_lists(self._con, event_ids)

    def mentions(
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
        """Every coded report (one row per document sentence, as ``eventwire code`` gives it),
        with ``linked_event_id``, ``in_lead``, ``link_rule``, ``outlet`` and ``url``."""
        where, params = self._where(source, target, code, since, until, min_confidence, doc_id)
        with self._lock:
            return query_mentions(self._con, where, params, limit)

    def counts(self) -> dict[str, int]:
        """Row counts: documents, events (linked), mentions (reports), ingest_errors."""
        with self._lock:
            return {
                table: self._con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
                for table in ("documents", "events", "mentions", "ingest_errors")
            }

    # ---------------------------------------------------------------- re-coding

    def articles(self, batch: int = 500) -> Iterator[Article]:
        """Every stored document as an Article (body and metadata), in the order stored."""
        fields = [f.name for f in dataclasses.fields(Article)]
        have = set(schema.names(schema.DOCUMENT_COLUMNS))
        cols = ", ".join(f'"{f}"' if f in have else f"NULL AS {f}" for f in fields)
        with self._lock:
            cur = self._con.cursor()
        try:
            cur.execute(
                f"SELECT {cols} FROM documents d ORDER BY ingested_at, "
                "(SELECT min(seq) FROM mentions m WHERE m.doc_id = d.doc_id) NULLS LAST, doc_id"
            )
            while got := cur.fetchmany(batch):
                for r in got:
                    yield Article(**dict(zip(fields, r, strict=True)))
        finally:
            cur.close()
            if self.release:
                self._let_go()

    def recode(self, results: Sequence[DocResult]) -> dict[str, int]:
        """Replace the reports of stored documents by new coding results and link every
        mention again; events keep their ids where their reports did (store/recode.py)."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot write")
        stored = self.has_documents(r.article.doc_id for r in results)
        missing = [r.article.doc_id for r in results if r.article.doc_id not in stored]
        if missing:
            raise ValueError(f"not stored, cannot re-code: {', '.join(missing[:5])}")
        try:
            with self._lock:
                return recode_batch(self._con, results)
        finally:
            if self.release:
                self._let_go()

    # ---------------------------------------------------------------- export

    def export(
        self,
        out: str | os.PathLike[str],
        fmt: str,
        *,
        header: bool = False,
        where: tuple[str, Sequence[Any]] | None = None,
    ) -> int:
        """Write every linked event to ``out`` (or those ``where`` keeps: a clause over the
        ``events`` columns and its parameters, e.g. ``EventFilter.sql()``, and the mentions of
        those); returns the number of events written.

        ``parquet``: the ``events`` columns, and the ``mentions`` columns beside it
        (:func:`mentions_path`); ``csv`` the ``events`` columns with a header row; ``jsonl`` one
        event a line in the JSONL contract with its counts and ``mentions`` list; ``gdelt`` the
        GDELT 2.0 Events table (61 tab-separated columns, no header unless ``header=True``) and
        the GDELT 2.0 Mentions table (16 columns) beside it.
        """
        fmt = fmt.lower()
        if fmt not in EXPORT_FORMATS:
            raise ValueError(
                f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}"
            )
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        cond, args = where or ("TRUE", [])
        args = list(args)
        # the events kept, as a table expression every format reads from
        events = "events" if where is None else f"(SELECT * FROM events WHERE {cond})"
        with self._lock:
            if fmt in ("parquet", "csv"):
                options = "FORMAT PARQUET" if fmt == "parquet" else "FORMAT CSV, HEADER"
                flat = ", ".join(
                    f'"{n}"' for n in schema.names(schema.EVENT_COLUMNS) if n not in _INTERNAL
                )
                got = self._con.execute(
                    f"COPY (SELECT {flat} FROM {events} {_ORDER}) TO {_quote(path)} ({options})",
                    args,
                ).fetchall()
                if fmt == "parquet":
                    mflat = ", ".join(
                        f'"{n}"' for n in schema.names(schema.MENTION_COLUMNS)
                        if n not in _INTERNAL
                    )  # fmt: skip
                    kept = "" if where is None else (
                        f" WHERE event_id IN (SELECT event_id FROM {events})"
                    )  # fmt: skip
                    self._con.execute(
                        f"COPY (SELECT {mflat} FROM mentions{kept} ORDER BY seq) TO "
                        f"{_quote(mentions_path(path))} (FORMAT PARQUET)",
                        args,
                    )
                return int(got[0][0]) if got else 0
            if fmt == "jsonl":
                return self._export_jsonl(path, events, args)
            columns = [r[0] for r in self._con.execute("DESCRIBE events").fetchall()]
            first = "\t".join(GDELT_COLUMNS) if header else None
            n = self._write_lines(
                path, gdelt_sql(columns, events), lambda r: r["line"], first, args
            )
            mfirst = "\t".join(MENTION_COLUMNS) if header else None
            self._write_lines(
                mentions_path(path), mentions_sql(events), lambda r: r["line"], mfirst, args
            )
            return n

    def _export_jsonl(self, path: Path, events: str = "events", args: Sequence[Any] = ()) -> int:
        n = 0
        cur = self._con.cursor()
        try:
            cur.execute(f"SELECT {rows.EVENT_SELECT} FROM {events} {_ORDER}", list(args))
            names = [d[0] for d in cur.description]
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                while batch := cur.fetchmany(_FETCH):
                    evs = [rows.event_to_dict(dict(zip(names, r, strict=True))) for r in batch]
                    lists = self._mention_lists([e["event_id"] for e in evs])
                    for e in evs:
                        e["mentions"] = lists.get(e["event_id"], [])
                        fh.write(json.dumps(e, ensure_ascii=False) + "\n")
                    n += len(evs)
        finally:
            cur.close()
        return n

    def _write_lines(
        self,
        path: Path,
        sql: str,
        line: Callable[[dict[str, Any]], str],
        first: str | None = None,
        args: Sequence[Any] = (),
    ) -> int:
        n = 0
        cur = self._con.cursor()  # its own result, so a failed export leaves none pending
        try:
            cur.execute(sql, list(args))
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
            if self._conn is not None:
                self._conn.close()
            self._conn = None
            self._closed = True

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


def mention_lists(
    con: duckdb.DuckDBPyConnection, event_ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """Each event's reports, in the order they were stored (document, sentence, span, outlet,
    url, confidence, in_lead, the linking rule that put it there, its story cluster)."""
    ids = pa.table({"event_id": pa.array(event_ids, pa.string())})
    con.register("_ew_ids", ids)
    try:
        cur = con.execute(
            "SELECT m.event_id, m.mention_id, m.doc_id, m.sentence_index, m.span_start, "
            "m.span_end, CAST(m.date AS VARCHAR), m.cameo, m.confidence, m.in_lead, "
            "m.link_rule, d.outlet, d.outlet_domain, d.agency, d.url, d.story_id "
            "FROM mentions m JOIN documents d ON d.doc_id = m.doc_id "
            "WHERE m.event_id IN (SELECT event_id FROM _ew_ids) ORDER BY m.seq"
        )
        got = cur.fetchall()
    finally:
        con.unregister("_ew_ids")
    out: dict[str, list[dict[str, Any]]] = {}
    for (eid, mid, did, si, a, b, day, cameo, conf, lead, rule, outlet, dom, agency,
         url, story) in got:  # fmt: skip
        out.setdefault(eid, []).append(
            {"mention_id": mid, "doc_id": did, "sentence_index": si, "span": [a, b],
             "date": day, "cameo": cameo, "confidence": conf, "in_lead": bool(lead),
             "link_rule": rule, "outlet": outlet, "outlet_domain": dom, "agency": agency,
             "url": url, "story_id": story}
        )  # fmt: skip
    return out


def query_mentions(
    con: duckdb.DuckDBPyConnection, where: str, params: list[Any], limit: int | None = None
) -> list[dict[str, Any]]:
    """Stored reports matching ``where`` (over the report columns, e.g. from the filters of
    ``Store.mentions`` or ``analytics.EventFilter``) as JSONL-contract dicts, by date."""
    sql = (
        f"SELECT {rows.select_report(schema.MENTION_COLUMNS, 'm')}, d.outlet, d.url "
        f"FROM (SELECT * FROM mentions WHERE {where}) m "
        "JOIN documents d ON d.doc_id = m.doc_id "
        'ORDER BY m."date" NULLS LAST, m.doc_id, m.sentence_index, m.mention_id'
    )
    if limit is not None:
        sql += f" LIMIT {max(0, int(limit))}"
    cur = con.cursor()
    try:
        res = cur.execute(sql, params)
        names = [d[0] for d in res.description]
        return [rows.mention_to_dict(dict(zip(names, r, strict=True))) for r in res.fetchall()]
    finally:
        cur.close()
