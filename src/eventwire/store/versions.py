"""Same document id, new content: content hashes, conflicts and kept versions.

A document's id is its content hash unless the input gives one (a JSONL ``id``). A given id
may come back with other content (a corrected story, a reused id). ``on_conflict`` says what
then happens, never a silent drop:

- ``error`` (default): an ingest error (stage ``conflict``) is recorded; the stored version stays;
- ``skip``: the stored version stays; the conflict is counted and a warning says so;
- ``replace``: the stored version is kept in ``document_versions`` and the new one replaces it
  (its reports re-coded and every mention linked again, as ``eventwire recode`` does).

``document_hashes`` holds each document's raw-content hash (``doc_id_for`` of the input
text), so that a resumed ingest can skip stored documents before parsing them. Documents
stored before that table existed have no hash: they count as unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime

import duckdb
import pyarrow as pa

from eventwire.ingest.sniff import doc_id_for
from eventwire.model import Article, IngestError, RawDocument

ON_CONFLICT = ("error", "skip", "replace")

DDL = [
    "CREATE TABLE IF NOT EXISTS document_hashes (doc_id VARCHAR PRIMARY KEY, raw_hash VARCHAR)",
    (
        "CREATE TABLE IF NOT EXISTS document_versions (doc_id VARCHAR, title VARCHAR, "
        "published VARCHAR, url VARCHAR, origin VARCHAR, body VARCHAR, raw_hash VARCHAR, "
        "ingested_at TIMESTAMP, replaced_at TIMESTAMP, replaced_by_run VARCHAR)"
    ),
]
_UPDATED = (
    "title", "source", "outlet", "outlet_domain", "agency", "published", "author", "dateline",
    "url", "origin", "format", "body",
)  # fmt: skip


def check_mode(on_conflict: str) -> str:
    if on_conflict not in ON_CONFLICT:
        raise ValueError(
            f"on_conflict must be one of {', '.join(ON_CONFLICT)}, got {on_conflict!r}"
        )
    return on_conflict


def ensure(con: duckdb.DuckDBPyConnection) -> None:
    for stmt in DDL:
        con.execute(stmt)


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    got = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchall()
    return bool(got[0][0])


def known(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """Every stored doc_id with its raw-content hash (None when not recorded)."""
    if not _has_table(con, "document_hashes"):
        return {d: None for (d,) in con.execute("SELECT doc_id FROM documents").fetchall()}
    got = con.execute(
        "SELECT d.doc_id, h.raw_hash FROM documents d LEFT JOIN document_hashes h USING (doc_id)"
    ).fetchall()
    return dict(got)


def stored_bodies(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, str]:
    table = pa.table({"doc_id": pa.array(sorted(set(ids)), pa.string())})
    con.register("_ew_vids", table)
    try:
        got = con.execute(
            "SELECT doc_id, body FROM documents WHERE doc_id IN (SELECT doc_id FROM _ew_vids)"
        ).fetchall()
    finally:
        con.unregister("_ew_vids")
    return dict(got)


def same_content(a: str | None, b: str | None) -> bool:
    """Bodies equal up to whitespace and Unicode normalisation (as document ids are)."""
    return doc_id_for(a or "") == doc_id_for(b or "")


def conflict_error(art: Article, on_conflict: str) -> IngestError:
    kept = (
        "kept the stored version (--on-conflict skip)"
        if on_conflict == "skip"
        else "kept the stored version; --on-conflict replace stores the new one"
    )
    return IngestError(
        origin=art.origin or art.doc_id,
        message=f"document id {art.doc_id!r} is already stored with different content: {kept}",
        stage="conflict",
    )


def record_hashes(con: duckdb.DuckDBPyConnection, hashes: Mapping[str, str]) -> None:
    """Store raw-content hashes (inside the caller's transaction)."""
    if not hashes:
        return
    table = pa.table(
        {
            "doc_id": pa.array(list(hashes), pa.string()),
            "raw_hash": pa.array(list(hashes.values()), pa.string()),
        }
    )
    con.register("_ew_hashes", table)
    try:
        con.execute(
            "INSERT OR REPLACE INTO document_hashes SELECT doc_id, raw_hash FROM _ew_hashes"
        )
    finally:
        con.unregister("_ew_hashes")


def replace_documents(
    con: duckdb.DuckDBPyConnection,
    articles: list[Article],
    hashes: Mapping[str, str],
    run_id: str,
    now: datetime,
) -> None:
    """Keep the stored versions of ``articles`` in ``document_versions`` and put the new
    metadata and body in ``documents`` (their reports are re-coded by the caller first)."""
    con.execute("BEGIN TRANSACTION")
    try:
        for art in articles:
            con.execute(
                "INSERT INTO document_versions SELECT d.doc_id, d.title, d.published, d.url, "
                "d.origin, d.body, h.raw_hash, d.ingested_at, ?, ? FROM documents d "
                "LEFT JOIN document_hashes h USING (doc_id) WHERE d.doc_id = ?",
                [now, run_id, art.doc_id],
            )
            sets = ", ".join(f'"{c}" = ?' for c in _UPDATED)
            con.execute(
                f"UPDATE documents SET {sets}, run_id = ? WHERE doc_id = ?",
                [*(getattr(art, c) for c in _UPDATED), run_id, art.doc_id],
            )
        con.execute(
            "DELETE FROM document_hashes WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [[a.doc_id for a in articles]],
        )
        record_hashes(con, {a.doc_id: hashes[a.doc_id] for a in articles if a.doc_id in hashes})
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def resume_screen(
    known: dict[str, str | None], hashes: dict[str, str], on_conflict: str
) -> Callable[[list[RawDocument]], dict[int, object]]:
    """The ingest's screen (``pipeline.run(screen=)``): documents already stored with the
    same input text (or with no hash recorded) are skipped before parsing; a changed one is
    a conflict error, kept aside (``skip``) or let through to replace the stored one.
    ``known`` maps stored ids to raw hashes; ``hashes`` collects those of documents let
    through, for the write."""
    from eventwire.pipeline import Skipped

    check_mode(on_conflict)

    def screen(docs: list[RawDocument]) -> dict[int, object]:
        out: dict[int, object] = {}
        for k, d in enumerate(docs):
            doc_id = d.doc_id or doc_id_for(d.content)
            h = doc_id_for(d.content)
            if doc_id not in known:
                hashes[doc_id] = h
                continue
            old = known[doc_id]
            if old is None or old == h or doc_id == h:
                out[k] = Skipped(doc_id, d.origin)
            elif on_conflict == "skip":
                why = "already stored with different content: kept the stored version"
                out[k] = Skipped(doc_id, d.origin, why)
            elif on_conflict == "error":
                art = Article(doc_id=doc_id, body="", origin=d.origin)
                out[k] = conflict_error(art, on_conflict)
            else:
                hashes[doc_id] = h
        return out

    return screen
