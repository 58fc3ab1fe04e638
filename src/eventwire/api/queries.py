"""The API's event queries: keyset (cursor) pages, one event with its provenance, documents,
map points. Parameterised SQL only; every function takes a DuckDB cursor."""

from __future__ import annotations

import base64
import json
from datetime import date, timedelta
from typing import Any

import duckdb

from eventwire.analytics import EventFilter, FilterError
from eventwire.store.rows import EVENT_SELECT, event_to_dict

MAX_PAGE = 500
CONTEXT = 400  # characters of the article shown either side of the sentence
FIRST_WINDOW = 7  # days; widened 8-fold until a page is full
DateBounds = tuple[date | None, date | None]


def encode_cursor(day: str | None, event_id: str) -> str:
    raw = json.dumps([day, event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[date | None, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, event_id = json.loads(raw)
        return (None if day is None else date.fromisoformat(day)), str(event_id)
    except (ValueError, TypeError, json.JSONDecodeError, UnicodeDecodeError):
        raise FilterError("cursor", "not a cursor this API gave out (use next_cursor)") from None


def date_bounds(cur: duckdb.DuckDBPyConnection) -> DateBounds:
    return tuple(cur.execute('SELECT min("date"), max("date") FROM events').fetchone())


def events_page(
    cur: duckdb.DuckDBPyConnection,
    flt: EventFilter,
    limit: int,
    cursor: str | None,
    bounds: DateBounds | None = None,
) -> dict[str, Any]:
    """Events newest first (undated last; ties by id), ``limit`` a page, after ``cursor``.

    Keyset pagination. Dated events are read in date windows going back from the cursor (7
    days, then 8 times wider until the page is full): stores are written roughly in date
    order, so each window reads few of DuckDB's row groups instead of sorting them all.
    """
    if not 1 <= limit <= MAX_PAGE:
        raise FilterError("limit", f"must be between 1 and {MAX_PAGE}, got {limit}")
    where, params = flt.sql()
    after = decode_cursor(cursor) if cursor else None
    first, last = bounds or date_bounds(cur)
    need = limit + 1
    rows: list[dict[str, Any]] = []
    if first is not None and (after is None or after[0] is not None):
        hi = min(d for d in (last, flt.until, after[0] if after else None) if d is not None)
        lo_bound = max(first, flt.since) if flt.since else first
        span = FIRST_WINDOW
        while hi >= lo_bound:
            lo = max(lo_bound, hi - timedelta(days=span))
            sql, args = f'"date" BETWEEN ? AND ? AND {where}', [lo, hi, *params]
            if after:
                sql += ' AND ("date" < ? OR ("date" = ? AND event_id > ?))'
                args += [after[0], after[0], after[1]]
            rows = _select_dated(cur, sql, args, need)
            if len(rows) >= need or lo <= lo_bound:
                break
            span *= 8
    if len(rows) < need and not (flt.since or flt.until):
        sql, args = f'"date" IS NULL AND {where}', list(params)
        if after and after[0] is None:
            sql += " AND event_id > ?"
            args.append(after[1])
        rows += _select(cur, f"{sql} ORDER BY event_id", args, need - len(rows))
    more = len(rows) > limit
    items = [event_to_dict(r) for r in rows[:limit]]
    nxt = encode_cursor(items[-1]["date"], items[-1]["event_id"]) if more and items else None
    return {"items": items, "count": len(items), "next_cursor": nxt}


def _select(cur: duckdb.DuckDBPyConnection, where_order: str, args: list, n: int) -> list[dict]:
    res = cur.execute(f"SELECT {EVENT_SELECT} FROM events WHERE {where_order} LIMIT {n}", args)
    return _dicts(res)


def _select_dated(cur: duckdb.DuckDBPyConnection, where: str, args: list, n: int) -> list[dict]:
    """The newest ``n`` dated events matching ``where``, late-materialised: the page's keys
    (date, id) are found reading two columns, then only those rows are read whole (sorting a
    window's rows with all 45 columns took 4x as long)."""
    res = cur.execute(
        f"""
        WITH k AS (SELECT "date" AS d, event_id AS k FROM events WHERE {where}
                   ORDER BY "date" DESC, event_id LIMIT {n})
        SELECT {EVENT_SELECT} FROM events
        WHERE "date" BETWEEN (SELECT min(d) FROM k) AND (SELECT max(d) FROM k)
          AND event_id IN (SELECT k FROM k)
        ORDER BY "date" DESC, event_id
        """,
        args,
    )
    return _dicts(res)


def _dicts(res: duckdb.DuckDBPyConnection) -> list[dict]:
    names = [d[0] for d in res.description]
    return [dict(zip(names, r, strict=True)) for r in res.fetchall()]


def _tables(cur: duckdb.DuckDBPyConnection) -> set[str]:
    got = cur.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return {t for (t,) in got}


def _document(cur: duckdb.DuckDBPyConnection, doc_id: str, body: bool) -> dict[str, Any] | None:
    cols = "doc_id, title, source, published, author, dateline, url, origin, format, n_events"
    if body:
        cols += ", body"
    res = cur.execute(f"SELECT {cols} FROM documents WHERE doc_id = ?", [doc_id])
    names = [d[0] for d in res.description]
    row = res.fetchone()
    return dict(zip(names, row, strict=True)) if row else None


def event_detail(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event with its provenance: the document, every mention (the linking stage's
    ``mentions`` table when there is one, else the event's own sentence), and the article text
    around the sentence with the sentence's offsets in that excerpt."""
    res = cur.execute(f"SELECT {EVENT_SELECT} FROM events WHERE event_id = ?", [event_id])
    names = [d[0] for d in res.description]
    row = res.fetchone()
    if row is None:
        return None
    flat = dict(zip(names, row, strict=True))
    ev = event_to_dict(flat)
    ev["speaker_code"] = flat.get("speaker_code")
    doc = _document(cur, ev["doc_id"], body=True)
    body = (doc or {}).pop("body", None) or ""
    ev["document"] = doc
    start, end = ev["span"]
    if body and start is not None and end is not None and 0 <= start <= end <= len(body):
        lo, hi = max(0, start - CONTEXT), min(len(body), end + CONTEXT)
        ev["context"] = {
            "text": body[lo:hi],
            "offset": lo,
            "sentence": [start - lo, end - lo],
        }
    else:
        ev["context"] = None
    ev["mentions"] = _mentions(cur, ev, flat)
    return ev


def _mentions(cur: duckdb.DuckDBPyConnection, ev: dict, flat: dict) -> list[dict[str, Any]]:
    if "mentions" in _tables(cur):
        # every report the linking stage tied to this event, with its article's outlet and URL
        doc_cols = {r[0] for r in cur.execute("DESCRIBE documents").fetchall()}
        extra = [c for c in ("title", "outlet", "source", "url") if c in doc_cols]
        sel = ", ".join(f"d.{c} AS doc_{c}" for c in extra)
        res = cur.execute(
            f"SELECT m.*{', ' + sel if sel else ''} FROM mentions m "
            "LEFT JOIN documents d ON d.doc_id = m.doc_id WHERE m.event_id = ? "
            "ORDER BY m.doc_id, m.sentence_index",
            [ev["event_id"]],
        )
        names = [d[0] for d in res.description]
        got = [dict(zip(names, r, strict=True)) for r in res.fetchall()]
        if got:
            return [
                {
                    k: (str(v) if isinstance(v, date) else v)
                    for k, v in m.items()
                    if not k.endswith("_json") and k not in ("block", "seq")
                }
                for m in got
            ]
    doc = ev.get("document") or {}
    return [
        {
            "doc_id": ev["doc_id"],
            "sentence": ev["sentence"],
            "sentence_index": ev["sentence_index"],
            "span": ev["span"],
            "trigger": ev["trigger"],
            "rule": ev["rule"],
            "confidence": ev["confidence"],
            "source": doc.get("source"),
            "url": doc.get("url"),
            "is_lead": flat.get("sentence_index") == 0,
        }
    ]


def document_detail(cur: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """A stored article with its body and the spans of its events."""
    doc = _document(cur, doc_id, body=True)
    if doc is None:
        return None
    res = cur.execute(
        "SELECT event_id, cameo, plover, source_code, target_code, trigger, span_start, span_end "
        "FROM events WHERE doc_id = ? ORDER BY span_start, event_id",
        [doc_id],
    )
    names = [d[0] for d in res.description]
    doc["events"] = [dict(zip(names, r, strict=True)) for r in res.fetchall()]
    return doc


def places(cur: duckdb.DuckDBPyConnection, flt: EventFilter, limit: int) -> list[dict[str, Any]]:
    """Event places for the map: name, country, lat/lon, events and conflict share."""
    if not 1 <= limit <= 5000:
        raise FilterError("limit", f"must be between 1 and 5000, got {limit}")
    where, params = flt.sql()
    res = cur.execute(
        f"""
        SELECT location_name AS name, location_country AS country,
               round(avg(location_lat), 4) AS lat, round(avg(location_lon), 4) AS lon,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class >= 3) / count(*) AS conflict_share
        FROM events
        WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL AND {where}
        GROUP BY 1, 2 ORDER BY events DESC, name LIMIT {limit}
        """,
        params,
    )
    names = [d[0] for d in res.description]
    return [dict(zip(names, r, strict=True)) for r in res.fetchall()]


def document_list(
    cur: duckdb.DuckDBPyConnection, q: str | None, limit: int, cursor: str | None
) -> dict[str, Any]:
    """Stored articles by id, ``limit`` a page after ``cursor`` (a doc_id); ``q``: words in
    the title."""
    if not 1 <= limit <= MAX_PAGE:
        raise FilterError("limit", f"must be between 1 and {MAX_PAGE}, got {limit}")
    if q is not None and (len(q) > 200 or "\x00" in q):
        raise FilterError("q", "at most 200 characters, no NUL")
    cols = {r[0] for r in cur.execute("DESCRIBE documents").fetchall()}
    want = ["doc_id", "title", "source", "outlet", "published", "url", "n_events"]
    sel = ", ".join(c for c in want if c in cols)
    where, args = ["TRUE"], []
    if q:
        where.append("contains(lower(coalesce(title, '')), lower(?))")
        args.append(q)
    if cursor:
        where.append("doc_id > ?")
        args.append(cursor)
    res = cur.execute(
        f"SELECT {sel} FROM documents WHERE {' AND '.join(where)} ORDER BY doc_id "
        f"LIMIT {limit + 1}",
        args,
    )
    names = [d[0] for d in res.description]
    rows = [dict(zip(names, r, strict=True)) for r in res.fetchall()]
    more = len(rows) > limit
    rows = rows[:limit]
    return {"items": rows, "count": len(rows), "next_cursor": rows[-1]["doc_id"] if more else None}
