"""Dyad and actor time series: counts per quad class, Goldstein sum and mean, events vs mentions.

One SQL statement per series, grouped in DuckDB; empty periods are filled with zeros so a chart
or a change test sees every week.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import duckdb

from .filters import REAL_MODALITIES, EventFilter, FilterError, actor_code
from .result import Result

PERIODS = {"day": "1 day", "week": "1 week", "month": "1 month"}
DIRECTIONS = ("both", "ab", "ba")
# Count columns the event-linking stage may add (one row = one event reported N times).
MENTION_COLUMNS = ("num_mentions", "mentions")


def event_columns(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("DESCRIBE events").fetchall()}


def mentions_expr(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for one row's number of mentions: the linking stage's count column, else 1."""
    cols = event_columns(con)
    for name in MENTION_COLUMNS:
        if name in cols:
            return f'coalesce("{name}", 1)'
    return "1"


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise FilterError("by", f"use one of {', '.join(PERIODS)}, got {str(by)[:20]!r}")
    return by


def dyad_filter(
    a: str, b: str | None = None, direction: str = "both", base: EventFilter | None = None
) -> EventFilter:
    """The filter for a's events with b: a→b (``ab``), b→a (``ba``) or either (``both``).

    Without ``b``: every event a is a side of (``both``), or acts in (``ab``), or is acted on
    in (``ba``). Events that did not happen (negated, denied, hypothetical) are left out unless
    ``base`` names modalities.
    """
    if direction not in DIRECTIONS:
        raise FilterError("direction", f"use one of {', '.join(DIRECTIONS)}, got {direction!r}")
    a = actor_code("a", a)
    b = actor_code("b", b) if b else None
    base = base or EventFilter()
    kw: dict[str, Any] = {"source": None, "target": None, "actor": None, "dyad": None}
    if not base.modality:
        kw["modality"] = REAL_MODALITIES
    if b is None:
        kw.update({"both": {"actor": a}, "ab": {"source": a}, "ba": {"target": a}}[direction])
    elif direction == "both":
        kw["dyad"] = (a, b)
    elif direction == "ab":
        kw.update(source=a, target=b)
    else:
        kw.update(source=b, target=a)
    return dataclasses.replace(base, **kw)


def series(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, by: str = "week", *, rollup: bool = False
) -> Result:
    """Per period: events, mentions, q1..q4 counts, conflict share, Goldstein sum and mean.

    Columns: ``period`` (first day), ``events``, ``mentions``, ``q1``..``q4`` (verbal/material
    cooperation, verbal/material conflict), ``conflict_share`` ((q3+q4)/events, null when no
    events), ``goldstein_sum``, ``goldstein_mean``. Undated events are not counted. Periods
    between the first and the last event (within ``since``/``until``) without events are zeros.
    ``rollup``: ``con`` is a cursor of a ``Rollup`` (rollup.py) whose rows are summed instead.
    """
    step = PERIODS[check_period(by)]
    where, params = flt.sql()
    period = f"""CAST(date_trunc('{by}', "date") AS DATE) AS period"""
    if rollup:
        agg = f"""SELECT {period}, CAST(sum(n) AS BIGINT) AS events,
               CAST(sum(m) AS BIGINT) AS mentions,
               {", ".join(f"CAST(coalesce(sum(n) FILTER (WHERE quad_class = {q}), 0) AS BIGINT) AS q{q}"
                          for q in (1, 2, 3, 4))},
               sum(g) AS goldstein_sum, sum(g) / nullif(sum(gn), 0) AS goldstein_mean
        FROM dyad_days WHERE {where} GROUP BY period"""  # fmt: skip
    else:
        agg = f"""SELECT {period}, count(*) AS events, CAST(sum({mentions_expr(con)}) AS BIGINT)
                   AS mentions,
               {", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS q{q}" for q in (1, 2, 3, 4))},
               sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean
        FROM events WHERE "date" IS NOT NULL AND {where} GROUP BY period"""  # fmt: skip
    sql = f"""
    WITH agg AS ({agg}
    ), bounds AS (
        SELECT greatest(CAST(date_trunc('{by}', CAST(? AS DATE)) AS DATE), min(period)) AS lo,
               least(CAST(date_trunc('{by}', CAST(? AS DATE)) AS DATE), max(period)) AS hi
        FROM agg
    ), periods AS (
        SELECT CAST(unnest(generate_series(lo, hi, INTERVAL '{step}')) AS DATE) AS period
        FROM bounds WHERE lo IS NOT NULL AND hi IS NOT NULL
    )
    SELECT p.period,
           coalesce(a.events, 0) AS events, coalesce(a.mentions, 0) AS mentions,
           coalesce(a.q1, 0) AS q1, coalesce(a.q2, 0) AS q2,
           coalesce(a.q3, 0) AS q3, coalesce(a.q4, 0) AS q4,
           CASE WHEN a.events > 0 THEN (a.q3 + a.q4) / a.events END AS conflict_share,
           coalesce(a.goldstein_sum, 0) AS goldstein_sum, a.goldstein_mean
    FROM periods p LEFT JOIN agg a USING (period)
    ORDER BY p.period
    """
    return Result.from_query(con, sql, [*params, flt.since, flt.until])
