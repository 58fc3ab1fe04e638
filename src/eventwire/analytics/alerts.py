"""Escalation alerts: per dyad and period, change tests against the dyad's own baseline.

Dyads are unordered pairs of countries (an IGO/NGO without a country stands for itself); only
events that happened (not negated, denied or hypothetical) count. For each dyad and period
(week by default) the baseline is the dyad's previous ``window`` periods (16), empty ones as
zeros, and three one-sided tests are run, all in one SQL statement. The two count tests are
likelihood-ratio tests, reported as the signed root of G = 2 sum O ln(O/E) (the deviance):
for the few events a dyad has in a week it is much nearer a normal deviate than the Wald z
(which gave a false alarm at z >= 3 twice as often as the nominal rate says).

``conflict_share``
    G-test of the 2x2 table conflict (quad classes 3-4) / other events x period / baseline,
    the baseline shrunk towards the share among all events of the window by 2 pseudo events
    (its share ``p0`` clamped to [0.02, 0.98]). A share is already normalised by the dyad's
    own coverage, so more reporting is not more conflict. Also required: the share is at
    least 25% above the baseline's (ACLED's "large increase") and at least 2 conflict events.
``goldstein``
    z of the period's Goldstein mean against the baseline mean and spread (the baseline's
    variance shrunk towards 16, a 4-point spread, by 5 pseudo events: a few baseline events
    that happen to agree do not make any change significant), corrected for the skew of a
    mean of few Goldstein scores by the Cornish-Fisher expansion (z - g/6 (z^2 - 1), g the
    baseline's skewness over the square root of the period's events: conflict scores reach
    -10, so a few of them drag a small week's mean further than a normal tail would);
    needing a drop of at least 1 point.
``conflict_volume``
    likelihood-ratio test of the conflict count against the baseline's conflict count given
    the period's share of the window's total news volume (a conditional binomial test of two
    Poisson rates, so media growth is not escalation), with 0.5 pseudo events in the
    baseline; at least ``min_events`` conflict events and 25% above the expected count. This
    catches surges of a dyad whose share was already high.

Every test needs ``min_events`` events in the dyad's baseline, and the share and Goldstein
tests as many in the period; the first ``WARMUP`` (8) periods of the data (or ``window``, if
shorter) are a warm-up and raise no alert; until ``window`` periods have passed the baseline
is the periods there are. An alert is raised when any test passes ``z`` (3); ``score`` is the
largest |z| that passed.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import duckdb

from .filters import REAL_MODALITIES, EventFilter, FilterError
from .result import Result
from .series import check_period

_UNIT = {"day": "day", "week": "week", "month": "month"}
WINDOW = 16  # baseline periods
WARMUP = 8  # periods of data before the first alert (the baseline may be longer)


def _shift(day: date, by: str, n: int) -> date:
    if by == "day":
        return day - timedelta(days=n)
    if by == "week":
        return day - timedelta(weeks=n)
    months = day.year * 12 + day.month - 1 - n
    return date(months // 12, months % 12 + 1, 1)


def alerts(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    *,
    by: str = "week",
    window: int = WINDOW,
    z: float = 3.0,
    min_events: int = 3,
    limit: int = 500,
) -> Result:
    """Alerts, most severe first: ``a``, ``b``, ``period``, ``period_end``, ``kinds`` (the tests
    that passed), ``score``, the period's ``events``/``conflict``/``conflict_share``/
    ``goldstein_mean``, the baseline's ``base_events``/``base_share``/``base_goldstein``, the
    three z values and ``expected_conflict``. ``flt.since``/``until`` bound the alert periods
    (the baseline reaches back before ``since``)."""
    check_period(by)
    if not 2 <= int(window) <= 104:
        raise FilterError("window", f"must be 2-104 periods, got {window}")
    if not 1.0 <= float(z) <= 10.0:
        raise FilterError("z", f"must be between 1 and 10, got {z}")
    if not 1 <= int(min_events) <= 1000:
        raise FilterError("min_events", f"must be 1-1000, got {min_events}")
    if not 1 <= int(limit) <= 10_000:
        raise FilterError("limit", f"must be 1-10000, got {limit}")
    flt = flt or EventFilter()
    since = flt.since
    base = dataclasses.replace(
        flt,
        since=_shift(since, by, int(window) + 1) if since else None,
        modality=flt.modality or REAL_MODALITIES,
    )
    where, params = base.sql()
    rng = f"RANGE BETWEEN INTERVAL '{int(window)} {_UNIT[by]}' PRECEDING AND INTERVAL '1 day' PRECEDING"
    step = f"INTERVAL '1 {_UNIT[by]}'"
    sql = f"""
    WITH ev AS (
        SELECT CAST(date_trunc('{by}', "date") AS DATE) AS period,
               coalesce(source_country, source_code) AS s,
               coalesce(target_country, target_code) AS t, quad_class, goldstein
        FROM events WHERE "date" IS NOT NULL AND {where}
    ), tot AS (
        SELECT period, count(*) AS n_all FROM ev GROUP BY period
    ), totw AS (
        SELECT period, n_all, sum(n_all) OVER w AS n_all_base, min(period) OVER () AS t0
        FROM tot WINDOW w AS (ORDER BY period {rng})
    ), dy AS (
        SELECT period, least(s, t) AS a, greatest(s, t) AS b, count(*) AS n,
               count(*) FILTER (WHERE quad_class >= 3) AS c,
               sum(goldstein) AS g, sum(goldstein ^ 2) AS g2, sum(goldstein ^ 3) AS g3
        FROM ev WHERE t IS NOT NULL AND s <> t GROUP BY ALL
    ), dyw AS (
        SELECT *, coalesce(sum(n) OVER w, 0) AS n_base, coalesce(sum(c) OVER w, 0) AS c_base,
               coalesce(sum(g) OVER w, 0) AS g_base, coalesce(sum(g2) OVER w, 0) AS g2_base,
               coalesce(sum(g3) OVER w, 0) AS g3_base
        FROM dy WINDOW w AS (PARTITION BY a, b ORDER BY period {rng})
    ), gshare AS (
        SELECT period, sum(c) OVER w2 / nullif(sum(n) OVER w2, 0) AS pg
        FROM (SELECT period, sum(n) AS n, sum(c) AS c FROM dy GROUP BY period)
        WINDOW w2 AS (ORDER BY period {rng})
    ), st AS (
        SELECT d.*, t.n_all, t.n_all_base, t.t0,
               greatest(0.02, least(0.98,
                   (c_base + 2 * coalesce(gl.pg, 0.5)) / (n_base + 2))) AS p0,
               CASE WHEN n_base > 0 THEN c_base / n_base END AS base_share,
               CASE WHEN n_base > 0 THEN g_base / n_base END AS base_goldstein,
               (greatest(0.0, g2_base - g_base ^ 2 / greatest(n_base, 1)) + 5 * 16.0)
                   / (n_base + 5) AS base_var,
               -- the baseline's third central moment, shrunk towards 0 like the variance
               CASE WHEN n_base > 0 THEN (g3_base - 3 * g_base * g2_base / n_base
                    + 2 * g_base ^ 3 / n_base ^ 2) / (n_base + 5) ELSE 0 END AS base_m3,
               CASE WHEN t.n_all_base > 0
                   THEN (c_base + 0.5) * t.n_all / t.n_all_base END AS expected_conflict
        FROM dyw d JOIN totw t USING (period) LEFT JOIN gshare gl USING (period)
    ), z AS (
        SELECT *,
               {_G_SHARE} AS z_share,
               -- Cornish-Fisher: the z of a skewed mean, as if it were normal
               zg - skew / 6 * (zg ^ 2 - 1) AS z_goldstein,
               {_G_VOLUME} AS z_volume
        FROM (SELECT *,
                     (g / n - coalesce(base_goldstein, 0))
                         / sqrt(base_var / n + base_var / greatest(n_base, 1)) AS zg,
                     base_m3 / base_var ^ 1.5 / sqrt(n) AS skew,
                     n_all / (n_all + n_all_base) AS q
              FROM st)
    ), flagged AS (
        SELECT *,
               n >= $min AND n_base >= $min AND c >= 2 AND z_share >= $z
                   AND c / n >= 1.25 * base_share AS hit_share,
               n >= $min AND n_base >= $min AND z_goldstein <= -$z
                   AND g / n <= base_goldstein - 1 AS hit_goldstein,
               n_base >= $min AND c >= $min AND z_volume >= $z
                   AND c >= 1.25 * expected_conflict AS hit_volume
        FROM z
    )
    SELECT a, b, period, CAST(period + {step} - INTERVAL '1 day' AS DATE) AS period_end,
           list_concat(CASE WHEN hit_share THEN ['conflict_share'] ELSE [] END,
                       CASE WHEN hit_goldstein THEN ['goldstein'] ELSE [] END,
                       CASE WHEN hit_volume THEN ['conflict_volume'] ELSE [] END) AS kinds,
           greatest(CASE WHEN hit_share THEN z_share ELSE 0 END,
                    CASE WHEN hit_goldstein THEN -z_goldstein ELSE 0 END,
                    CASE WHEN hit_volume THEN z_volume ELSE 0 END) AS score,
           n AS events, c AS conflict, c / n AS conflict_share, g / n AS goldstein_mean,
           CAST(n_base AS BIGINT) AS base_events, base_share, base_goldstein,
           z_share, z_goldstein, z_volume, expected_conflict
    FROM flagged
    WHERE (coalesce(hit_share, false) OR coalesce(hit_goldstein, false)
           OR coalesce(hit_volume, false))
      AND ($since IS NULL OR period >= CAST($since AS DATE))
      AND period >= t0 + INTERVAL '{min(int(window), WARMUP)} {_UNIT[by]}'
    ORDER BY score DESC, period DESC, a, b
    LIMIT {int(limit)}
    """
    named = {"min": int(min_events), "z": float(z), "since": since}
    for i, value in enumerate(params):
        named[f"p{i}"] = value
    sql = _number(sql, len(params))
    return Result.from_query(con, sql, named)


def _xlogy(x: str, e: str) -> str:
    return f"(CASE WHEN ({x}) > 0 THEN ({x}) * ln(({x}) / ({e})) ELSE 0 END)"


def _root_g(observed_expected: list[tuple[str, str]], sign: str) -> str:
    """The signed root of the likelihood-ratio statistic G = 2 sum O ln(O/E)."""
    g = " + ".join(_xlogy(o, e) for o, e in observed_expected)
    return f"sign({sign}) * sqrt(greatest(0.0, 2 * ({g})))"


# Conflict share: the 2x2 table (conflict, other) x (period, baseline with its 2 pseudo events
# at p0), G-test of independence. Conflict volume: c of the c + c_base + 0.5 conflict events
# of period and baseline, binomial with the period's share q of the news volume.
_T, _C = "(n + n_base + 2)", "(c + p0 * (n_base + 2))"
_G_SHARE = _root_g(
    [("c", f"n * {_C} / {_T}"), ("n - c", f"n * ({_T} - {_C}) / {_T}"),
     ("p0 * (n_base + 2)", f"(n_base + 2) * {_C} / {_T}"),
     ("(1 - p0) * (n_base + 2)", f"(n_base + 2) * ({_T} - {_C}) / {_T}")],
    "c / n - p0",
)  # fmt: skip
_N = "(c + c_base + 0.5)"
_G_VOLUME = _root_g([("c", f"{_N} * q"), (f"{_N} - c", f"{_N} * (1 - q)")], f"c - {_N} * q")


def _number(sql: str, n: int) -> str:
    """Turn the filter's ``?`` placeholders into ``$p0``.. (DuckDB cannot mix ? and $name)."""
    for i in range(n):
        sql = sql.replace("?", f"$p{i}", 1)
    return sql
