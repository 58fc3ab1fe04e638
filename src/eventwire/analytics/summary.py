"""Top actors, top dyads and country summaries for a period (SQL in DuckDB)."""

from __future__ import annotations

import dataclasses

import duckdb

from .filters import REAL_MODALITIES, EventFilter, FilterError, actor_code
from .result import Result
from .series import mentions_expr

LEVELS = ("code", "country")
MAX_TOP = 1000


def _real(flt: EventFilter | None) -> EventFilter:
    flt = flt or EventFilter()
    return flt if flt.modality else dataclasses.replace(flt, modality=REAL_MODALITIES)


def _side(level: str, side: str) -> str:
    if level not in LEVELS:
        raise FilterError("level", f"use code or country, got {str(level)[:20]!r}")
    # IGOs/NGOs have no country: they stand for themselves at country level.
    return f"{side}_code" if level == "code" else f"coalesce({side}_country, {side}_code)"


def _limit(limit: int) -> int:
    if not 1 <= int(limit) <= MAX_TOP:
        raise FilterError("limit", f"must be between 1 and {MAX_TOP}, got {limit}")
    return int(limit)


_STATS = """count(*) AS events, CAST(sum(m) AS BIGINT) AS mentions,
       count(*) FILTER (WHERE quad_class >= 3) / count(*) AS conflict_share,
       avg(goldstein) AS goldstein_mean"""


def top_actors(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    *,
    level: str = "code",
    limit: int = 20,
) -> Result:
    """Actors by number of events they are a side of: ``actor``, ``events``, ``as_source``,
    ``as_target``, ``mentions``, ``conflict_share``, ``goldstein_mean``."""
    flt = _real(flt)
    where, params = flt.sql()
    m = mentions_expr(con)
    src, tgt = _side(level, "source"), _side(level, "target")
    sql = f"""
    WITH sides AS (
        SELECT {src} AS actor, 1 AS s, 0 AS t, quad_class, goldstein, {m} AS m
        FROM events WHERE {where}
        UNION ALL
        SELECT {tgt}, 0, 1, quad_class, goldstein, {m}
        FROM events WHERE target_code IS NOT NULL AND {where}
    )
    SELECT actor, {_STATS}, CAST(sum(s) AS BIGINT) AS as_source, CAST(sum(t) AS BIGINT) AS as_target
    FROM sides WHERE actor IS NOT NULL GROUP BY actor
    ORDER BY events DESC, actor LIMIT {_limit(limit)}
    """
    return Result.from_query(con, sql, params + params)


def top_dyads(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    *,
    level: str = "country",
    limit: int = 20,
) -> Result:
    """Pairs of actors (either direction, self-pairs left out) by events between them:
    ``a``, ``b`` (a < b), ``events``, ``a_to_b``, ``b_to_a``, ``mentions``, ``conflict_share``,
    ``goldstein_mean``."""
    flt = _real(flt)
    where, params = flt.sql()
    m = mentions_expr(con)
    src, tgt = _side(level, "source"), _side(level, "target")
    sql = f"""
    WITH d AS (
        SELECT {src} AS s, {tgt} AS t, quad_class, goldstein, {m} AS m
        FROM events WHERE target_code IS NOT NULL AND {where}
    )
    SELECT least(s, t) AS a, greatest(s, t) AS b, {_STATS},
           count(*) FILTER (WHERE s < t) AS a_to_b, count(*) FILTER (WHERE s > t) AS b_to_a
    FROM d WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
    GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT {_limit(limit)}
    """
    return Result.from_query(con, sql, params)


def country_summary(
    con: duckdb.DuckDBPyConnection, country: str, flt: EventFilter | None = None
) -> dict:
    """One country (CAMEO code, e.g. ``RUS``): events as source and target, per quad class,
    Goldstein mean, first and last date, events placed in it, and its top partners."""
    country = actor_code("country", country)
    flt = _real(flt)
    where, params = flt.sql()
    mine = "(source_country = ? OR target_country = ?)"
    row = con.execute(
        f"""
        SELECT count(*) FILTER (WHERE source_country = ?) AS as_source,
               count(*) FILTER (WHERE target_country = ?) AS as_target,
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               avg(goldstein), CAST(min("date") AS VARCHAR), CAST(max("date") AS VARCHAR),
               count(*)
        FROM events WHERE {mine} AND {where}
        """,
        [country] * 4 + params,
    ).fetchone()
    names = ["as_source", "as_target", "q1", "q2", "q3", "q4", "goldstein_mean"]
    out = dict(zip([*names, "first_date", "last_date", "events"], row, strict=True))
    out["country"] = country
    (out["placed_in"],) = con.execute(
        f"SELECT count(*) FROM events WHERE location_country = ? AND {where}", [country, *params]
    ).fetchone()
    partners = con.execute(
        f"""
        SELECT CASE WHEN source_country = ? THEN coalesce(target_country, target_code)
                    ELSE coalesce(source_country, source_code) END AS partner,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class >= 3) / count(*) AS conflict_share,
               avg(goldstein) AS goldstein_mean
        FROM events WHERE target_code IS NOT NULL AND {mine} AND {where}
        GROUP BY 1 HAVING partner IS NOT NULL AND partner <> ?
        ORDER BY events DESC, partner LIMIT 10
        """,
        [country, country, country, *params, country],
    ).fetchall()
    out["partners"] = [
        dict(zip(("partner", "events", "conflict_share", "goldstein_mean"), p, strict=True))
        for p in partners
    ]
    return out
