"""The HTTP API (FastAPI) and the dashboard at ``/``: ``create_app(db_path)``.

Read-only: one read-only DuckDB connection, a cursor per request, parameterised SQL. Bad
parameters get a 400 with ``{"error": {"param": ..., "message": ...}}``; unknown ids a 404.
"""

from __future__ import annotations

import json
import math
import os
import threading
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.analytics import (
    EventData,
    EventFilter,
    FilterError,
    alerts,
    country_summary,
    dyad_filter,
    top_actors,
    top_dyads,
)
from eventwire.analytics.series import PERIODS

from . import queries

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_RANGE_DAYS = 366 * 100
MAX_PERIODS = 20_000
CACHE_SIZE = 256

Text = Annotated[str | None, Query()]
Many = Annotated[list[str] | None, Query()]


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return None  # internal blobs (e.g. minhash signatures) are not part of the API
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _ok(obj: Any) -> Response:
    """JSON straight from the rows (FastAPI's encoder is ~7x slower on a long series)."""
    try:
        body = json.dumps(obj, default=_default, ensure_ascii=False, allow_nan=False)
    except ValueError:  # a NaN or an infinity somewhere: JSON has null for it
        body = json.dumps(_finite(obj), default=_default, ensure_ascii=False, allow_nan=False)
    return Response(body, media_type="application/json")


def _finite(obj: Any) -> Any:
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def _error(status: int, param: str | None, message: str) -> JSONResponse:
    return JSONResponse({"error": {"param": param, "message": message}}, status_code=status)


def event_filter(
    request: Request,
    source: Annotated[str | None, Query(description="source actor code prefix, e.g. RUS")] = None,
    target: Annotated[str | None, Query(description="target actor code prefix")] = None,
    actor: Annotated[str | None, Query(description="either side, code prefix")] = None,
    dyad: Annotated[str | None, Query(description="A,B: either direction")] = None,
    code: Annotated[str | None, Query(description="CAMEO code prefix, e.g. 19")] = None,
    root: Annotated[list[str] | None, Query(description="CAMEO roots 01-20")] = None,
    quad: Annotated[list[str] | None, Query(description="quad classes 1-4")] = None,
    plover: Annotated[list[str] | None, Query(description="PLOVER types")] = None,
    modality: Annotated[list[str] | None, Query(description="modalities, or 'real'")] = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD, inclusive")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD, inclusive")] = None,
    place: Annotated[str | None, Query(description="ISO alpha-3 country or place name")] = None,
    q: Annotated[str | None, Query(description="words in the sentence")] = None,
    min_confidence: Annotated[str | None, Query()] = None,
) -> EventFilter:
    flt = EventFilter.parse(
        source=source,
        target=target,
        actor=actor,
        dyad=dyad,
        code=code,
        root=root,
        quad=quad,
        plover=plover,
        modality=modality,
        since=since,
        until=until,
        place=place,
        q=q,
        min_confidence=min_confidence,
    )
    if flt.since and flt.until and (flt.until - flt.since).days > MAX_RANGE_DAYS:
        raise FilterError("until", f"a date range is at most {MAX_RANGE_DAYS // 366} years")
    return flt


Filter = Annotated[EventFilter, Depends(event_filter)]


def _cursor(request: Request):
    c = request.app.state.data.cursor()
    try:
        yield c
    finally:
        c.close()


Cur = Annotated[Any, Depends(_cursor)]


def create_app(db_path: str | os.PathLike[str], *, warm: bool = True) -> FastAPI:
    """The app over one database. ``warm``: compute the dashboard's top lists and then the
    series rollup in a background thread at start, so the first visitor does not wait for
    them (series asked for while the rollup is being built read the events table)."""
    data = EventData(db_path, rollup=True)
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Political event data: events with provenance, dyad series, alerts.",
    )
    app.state.data = data
    # A read-only DuckDB file cannot change while it is open here: the date span is fixed.
    c = data.cursor()
    app.state.bounds = queries.date_bounds(c)
    c.close()
    # ... so aggregate answers (top lists, alerts, summaries) can be kept once computed.
    cache: dict[tuple, Any] = {}

    def memo(key: tuple, compute):
        if key not in cache:
            if len(cache) >= CACHE_SIZE:
                cache.pop(next(iter(cache)))
            cache[key] = compute()
        return cache[key]

    @app.exception_handler(FilterError)
    async def _bad_filter(request: Request, exc: FilterError) -> JSONResponse:
        return _error(400, exc.param, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path")]
        return _error(400, ".".join(loc) or None, str(first.get("msg", "bad request")))

    @app.middleware("http")
    async def _unknown_params(request: Request, call_next):
        route_params = _route_params(app, request)
        if route_params is not None:
            unknown = sorted(set(request.query_params) - route_params)
            if unknown:
                return _error(
                    400,
                    unknown[0],
                    f"unknown parameter; this endpoint takes {', '.join(sorted(route_params))}",
                )
        return await call_next(request)

    @app.get("/api/health")
    def health(c: Cur) -> dict:
        """Liveness and what the database holds."""
        (n_ev, lo, hi) = c.execute(
            'SELECT count(*), CAST(min("date") AS VARCHAR), CAST(max("date") AS VARCHAR) '
            "FROM events"
        ).fetchone()
        (n_doc,) = c.execute("SELECT count(*) FROM documents").fetchone()
        return {
            "status": "ok",
            "version": __version__,
            "events": n_ev,
            "documents": n_doc,
            "first_date": lo,
            "last_date": hi,
            # the start-up work is done: top lists computed, the series rollup built
            "warm": not app.state.warm.is_alive(),
        }

    @app.get("/api/events")
    def events(
        c: Cur, flt: Filter, limit: Annotated[int, Query(ge=1, le=500)] = 100, cursor: Text = None
    ) -> dict:
        """Events, newest first, a page at a time; pass ``next_cursor`` back as ``cursor``."""
        page = queries.events_page(c, flt, limit, cursor, app.state.bounds)
        return _ok(page)

    @app.get("/api/events/{event_id}")
    def event(c: Cur, event_id: str):
        """One event with its provenance: document, mentions, sentence, span, rule, context."""
        got = queries.event_detail(c, event_id)
        if got is None:
            return _error(404, "event_id", f"no event {event_id[:80]!r}")
        return _ok(got)

    @app.get("/api/documents")
    def documents(
        c: Cur,
        q: Annotated[str | None, Query(description="words in the title")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
        cursor: Text = None,
    ) -> dict:
        """Stored articles by id, a page at a time (``next_cursor`` → ``cursor``)."""
        return _ok(queries.document_list(c, q, limit, cursor))

    @app.get("/api/documents/{doc_id}")
    def document(c: Cur, doc_id: str):
        """A stored article: metadata, body and the spans of its events."""
        got = queries.document_detail(c, doc_id)
        if got is None:
            return _error(404, "doc_id", f"no document {doc_id[:80]!r}")
        return _ok(got)

    @app.get("/api/series")
    def dyad_series(
        flt: Filter,
        a: Annotated[str, Query(description="actor code prefix, e.g. RUS")],
        b: Text = None,
        by: Annotated[str, Query(description="day, week or month")] = "week",
        direction: Annotated[str, Query(description="both, ab (a→b) or ba")] = "both",
    ) -> dict:
        """Per-period counts by quad class, Goldstein sum and mean, events and mentions."""
        f = dyad_filter(a, b, direction, flt)
        _check_periods(f, by)
        res = app.state.data.series_for(f, by)  # the rollup when it answers the filter
        return _ok({"a": f.source or a.upper(), "b": b, "by": by,
                                 "direction": direction, "items": res.records()})  # fmt: skip

    @app.get("/api/alerts")
    def alert_list(
        c: Cur,
        flt: Filter,
        by: str = "week",
        window: Annotated[int, Query(ge=2, le=104)] = 16,
        z: Annotated[float, Query(ge=1, le=10)] = 3.0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict:
        """Escalation alerts, most severe first, each with the query for its events."""
        rows = memo(
            ("alerts", flt, by, window, z, limit),
            lambda: alerts(c, flt, by=by, window=window, z=z, limit=limit).records(),
        )
        for r in rows:
            r["events_url"] = (
                f"/api/events?dyad={r['a']},{r['b']}&since={r['period']}"
                f"&until={r['period_end']}&modality=real"
            )
        return _ok({"by": by, "window": window, "z": z, "items": rows})

    @app.get("/api/actors")
    def actors(
        c: Cur,
        flt: Filter,
        level: str = "code",
        limit: Annotated[int, Query(ge=1, le=1000)] = 20,
    ) -> dict:
        """Top actors by events they are a side of."""
        got = memo(
            ("actors", flt, level, limit), lambda: top_actors(c, flt, level=level, limit=limit)
        )
        return _ok({"items": got.records()})

    @app.get("/api/dyads")
    def dyads(
        c: Cur,
        flt: Filter,
        level: str = "country",
        limit: Annotated[int, Query(ge=1, le=1000)] = 20,
    ) -> dict:
        """Top dyads (either direction) by events between them."""
        got = memo(
            ("dyads", flt, level, limit), lambda: top_dyads(c, flt, level=level, limit=limit)
        )
        return _ok({"items": got.records()})

    @app.get("/api/countries/{country}")
    def country_view(c: Cur, flt: Filter, country: str) -> dict:
        """One country's summary: counts by role and quad class, partners, places."""
        return _ok(memo(("country", country, flt), lambda: country_summary(c, country, flt)))

    @app.get("/api/places")
    def place_list(c: Cur, flt: Filter, limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> dict:
        """Event places for the map."""
        return _ok({"items": queries.places(c, flt, limit)})

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def _warm() -> None:
        c = data.cursor()
        try:
            flt = EventFilter()
            memo(("dyads", flt, "country", 30), lambda: top_dyads(c, flt, limit=30))
            memo(("actors", flt, "country", 100),
                 lambda: top_actors(c, flt, level="country", limit=100))  # fmt: skip
        finally:
            c.close()
        data.prepare()  # the dyad-by-day rollup series read (analytics/rollup.py)

    app.state.warm = threading.Thread(target=_warm, daemon=True, name="eventwire-warm")
    if warm:
        app.state.warm.start()
    return app


def _check_periods(flt: EventFilter, by: str) -> None:
    if by not in PERIODS:
        raise FilterError("by", f"use one of {', '.join(PERIODS)}, got {by[:20]!r}")
    if flt.since and flt.until:
        days = (flt.until - flt.since).days
        step = {"day": 1, "week": 7, "month": 28}[by]
        if days / step > MAX_PERIODS:
            raise FilterError("until", f"at most {MAX_PERIODS} periods: use a coarser 'by'")


def _route_params(app: FastAPI, request: Request) -> set[str] | None:
    """The query parameter names of the route the request goes to (None: not an API route)."""
    from starlette.routing import Match

    if not request.url.path.startswith("/api/"):
        return None
    for route in app.router.routes:
        match, _ = route.matches(request.scope)
        if match == Match.FULL and hasattr(route, "dependant"):
            names: set[str] = set()
            stack = [route.dependant]
            while stack:
                dep = stack.pop()
                names.update(p.alias for p in dep.query_params)
                stack.extend(dep.dependencies)
            return names
    return None
