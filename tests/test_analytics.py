"""Analytics in the store: filters, dyad series, top actors/dyads, country summaries, alerts,
the reading API (eventwire.open) and the terminal views."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pytest

import eventwire
from eventwire.analytics import (
    EventFilter,
    FilterError,
    alerts,
    country_summary,
    dyad_filter,
    series,
    top_actors,
    top_dyads,
)
from eventwire.analytics.series import mentions_expr
from eventwire.analytics.synthetic import escalation_scenario, small_store
from eventwire.analytics.terminal import event_lines, sparkline, trend_lines
from eventwire.store import Store, schema


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "small.duckdb"
    with Store(path) as st:
        small_store(st._con)
    return path


@pytest.fixture
def con(db):
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


# ----------------------------------------------------------------------------- filters
def test_filter_values_are_bound_parameters_not_sql():
    flt = EventFilter.parse(q="x' OR 1=1 --", place="Kharkiv'; DROP TABLE events; --")
    where, params = flt.sql()
    assert "DROP" not in where and "1=1" not in where
    assert "x' OR 1=1 --" in params


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("source", "RUS' OR '1'='1"),
        ("dyad", "RUS"),
        ("dyad", "RUS,UKR,USA"),
        ("code", "19; DROP TABLE events"),
        ("root", "21"),
        ("quad", "0"),
        ("plover", "ASSAULT)--"),
        ("modality", "maybe"),
        ("since", "2024-02-30"),
        ("until", "yesterday"),
        ("min_confidence", "1.5"),
        ("nonsense", "1"),
    ],
)
def test_bad_filter_values_name_the_parameter(name, value):
    with pytest.raises(FilterError) as err:
        EventFilter.parse(**{name: value})
    assert err.value.param == name


def test_since_after_until_is_an_error():
    with pytest.raises(FilterError, match="after until"):
        EventFilter.parse(since="2024-05-01", until="2024-04-01")


def test_dyad_matches_both_directions_and_code_prefixes(con):
    where, params = EventFilter.parse(dyad="RUS,UKR").sql()
    got = con.execute(f"SELECT source_code, target_code FROM events WHERE {where}", params)
    pairs = {(s[:3], t[:3]) for s, t in got.fetchall()}
    assert pairs == {("RUS", "UKR"), ("UKR", "RUS")}


def test_modality_real_drops_what_did_not_happen(con):
    where, params = EventFilter.parse(modality="real").sql()
    mods = {
        m for (m,) in con.execute(f"SELECT modality FROM events WHERE {where}", params).fetchall()
    }
    assert "hypothetical" not in mods and {"asserted", "intent"} <= mods


# ----------------------------------------------------------------------------- series
def test_weekly_series_counts_quad_classes_and_fills_empty_weeks(con):
    rows = series(con, dyad_filter("RUS", "UKR"), "week").records()
    assert [r["period"] for r in rows] == [
        date(2024, 3, 4), date(2024, 3, 11), date(2024, 3, 18), date(2024, 3, 25)
    ]  # fmt: skip
    first = rows[0]
    # week 1: an assault (q4) and an accusation (q3); the hypothetical sanction (week 2) is out
    assert (first["events"], first["q3"], first["q4"]) == (2, 1, 1)
    assert first["goldstein_sum"] == pytest.approx(-12.0)
    assert first["conflict_share"] == 1.0
    assert rows[1]["events"] == 1 and rows[1]["q1"] == 1  # the meeting only
    # no linking counts stored: mentions = events
    assert all(r["mentions"] == r["events"] for r in rows)


def test_series_direction(con):
    ab = series(con, dyad_filter("RUS", "UKR", "ab"), "month").records()
    ba = series(con, dyad_filter("RUS", "UKR", "ba"), "month").records()
    both = series(con, dyad_filter("RUS", "UKR", "both"), "month").records()
    assert sum(r["events"] for r in ab) == 4  # fired on, met, shelled, offered talks
    assert sum(r["events"] for r in ba) == 2  # accused, struck back
    assert sum(r["events"] for r in both) == 6


def test_series_of_one_actor_and_empty_result(con):
    un = series(con, dyad_filter("IGO"), "week").records()
    assert [r["events"] for r in un] == [1]
    assert series(con, dyad_filter("USA", "CHN"), "week").records() == []


def test_mentions_sum_the_linking_count_when_the_column_exists():
    c = duckdb.connect()
    c.execute('CREATE TABLE events (source_code VARCHAR, target_code VARCHAR, "date" DATE, '
              "quad_class INT, goldstein DOUBLE, modality VARCHAR, num_mentions INT)")  # fmt: skip
    c.execute("INSERT INTO events VALUES ('RUS', 'UKR', DATE '2024-01-02', 4, -10, 'asserted', 5),"
              "('UKR', 'RUS', DATE '2024-01-03', 3, -2, 'asserted', NULL)")  # fmt: skip
    assert mentions_expr(c).startswith("coalesce")
    (row,) = series(c, dyad_filter("RUS", "UKR"), "week").records()
    assert (row["events"], row["mentions"]) == (2, 6)
    c.execute("ALTER TABLE events DROP COLUMN num_mentions")
    assert mentions_expr(c) == "1"
    (row,) = series(c, dyad_filter("RUS", "UKR"), "week").records()
    assert (row["events"], row["mentions"]) == (2, 2)


# ----------------------------------------------------------------------------- summaries
def test_top_actors_and_dyads(con):
    actors = top_actors(con, level="country").records()
    by = {a["actor"]: a for a in actors}
    assert actors[0]["actor"] in ("RUS", "UKR")
    assert by["IGOUNO"]["as_source"] == 1  # no country: the IGO stands for itself
    dyads = top_dyads(con).records()
    assert (dyads[0]["a"], dyads[0]["b"]) == ("RUS", "UKR")
    assert dyads[0]["a_to_b"] + dyads[0]["b_to_a"] == dyads[0]["events"] == 6


def test_country_summary(con):
    rus = country_summary(con, "RUS")
    # as source: fired on, met, shelled, offered talks; as target: accused, struck back, urged
    assert rus["as_source"] == 4 and rus["as_target"] == 3
    assert rus["placed_in"] == 1  # Belgorod
    assert [p["partner"] for p in rus["partners"]][:2] == ["UKR", "CHN"]
    assert rus["first_date"] == "2024-03-04"


# ----------------------------------------------------------------------------- alerts
def _scenario_con(**kw):
    c = duckdb.connect()
    for stmt in schema.ddl():
        c.execute(stmt)
    return c, escalation_scenario(c, **kw)


def test_alerts_find_injected_escalations_with_few_false_alarms():
    hits = injected = false = 0
    for seed in range(3, 9):  # several scenarios: one has too few escalations to judge by
        c, sc = _scenario_con(n_dyads=20, n_weeks=60, n_injected=12, seed=seed)
        got = alerts(c, limit=10_000).records()
        found = {(r["a"], r["b"], r["period"]) for r in got}
        hits += len(found & sc.injected)
        injected += len(sc.injected)
        false += len(found - sc.injected)
        assert all(r["kinds"] for r in got)
    assert hits >= 0.5 * injected, (hits, injected)
    # z >= 3 on three one-sided tests: about 0.4% of the dyad-weeks after the warm-up at most
    assert false <= 0.004 * 6 * 20 * 52, false


def test_media_growth_alone_is_not_escalation():
    c, _ = _scenario_con(n_dyads=20, n_weeks=60, n_injected=0, growth=6.0, seed=4)
    got = alerts(c, limit=10_000).records()
    assert len(got) <= 0.01 * 20 * 52, got[:3]


def test_alerts_since_and_bad_parameters():
    c, sc = _scenario_con(n_dyads=10, n_weeks=40, n_injected=6, seed=5)
    late = sc.weeks[30]
    got = alerts(c, EventFilter(since=late)).records()
    assert all(r["period"] >= late for r in got)
    with pytest.raises(FilterError):
        alerts(c, window=1)
    with pytest.raises(FilterError):
        alerts(c, by="year")


# ----------------------------------------------------------------------------- reading API
def test_open_returns_records_arrow_and_series(db):
    with eventwire.open(db) as data:
        assert len(data.events(dyad="RUS,UKR", quad=4)) == 4  # the sanction that may come, too
        ev = data.events(dyad="RUS,UKR", quad=4, modality="real")
        assert len(ev) == 3
        assert {r["cameo"] for r in ev.records()} == {"190", "195"}
        table = ev.arrow()
        assert table.num_rows == 3 and "sentence" in table.column_names
        s = data.series("RUS", "UKR", by="month")
        assert s.records()[0]["events"] == 6
        assert "EventData" in repr(data)


def test_open_df_needs_pandas_or_gives_a_frame(db):
    with eventwire.open(db) as data:
        res = data.events(limit=2)
        try:
            import pandas  # noqa: F401
        except ImportError:
            with pytest.raises(ImportError, match="pip install pandas"):
                res.df()
        else:
            assert len(res.df()) == 2


def test_open_missing_database_is_a_clear_error(tmp_path):
    from eventwire.store import StoreError

    with pytest.raises(StoreError, match="no such database"):
        eventwire.open(tmp_path / "nope.duckdb")


# ----------------------------------------------------------------------------- terminal views
def _events(db, **kw):
    with eventwire.open(db) as data:
        return data.event_dicts(EventFilter.parse(**kw))


def test_event_lines_fit_80_columns_and_wide_keeps_values(db):
    evs = _events(db)
    evs[0]["trigger"] = "a very long trigger phrase that cannot fit in the column at all"
    lines = event_lines(evs, width=80, sentence=True, articles={})
    assert max(len(line) for line in lines) <= 80
    assert lines[0].split()[:3] == ["date", "source", "target"]
    wide = event_lines(evs, width=80, wide=True)
    assert any(evs[0]["trigger"] in line for line in wide)


def test_sentence_marks_the_trigger(db):
    lines = event_lines(_events(db, code="190")[:1], width=80, sentence=True)
    assert "«fired on»" in " ".join(lines)


def test_sparkline_and_trend_lines(db):
    assert sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█"
    assert len(sparkline(list(range(100)), width=20)) == 20
    with eventwire.open(db) as data:
        rows = data.series("RUS", "UKR").records()
    lines = trend_lines(rows, title="RUS – UKR", width=80)
    assert max(len(line) for line in lines) <= 80
    assert any(line.startswith("2024-03-04") for line in lines)


def _g(pairs):
    import math

    g = 2 * sum(o * math.log(o / e) for o, e in pairs if o > 0)
    return math.sqrt(g)


def test_count_tests_are_signed_roots_of_the_likelihood_ratio():
    from eventwire.analytics.alerts import _G_SHARE, _G_VOLUME

    c = duckdb.connect()
    # volume: 10 conflict events this week, 20 in the baseline, the week has 20% of the news
    got = c.execute(
        f"SELECT {_G_VOLUME} FROM (SELECT 10.0 AS c, 20.0 AS c_base, 0.2 AS q)"
    ).fetchone()[0]
    n = 30.5
    assert got == pytest.approx(_g([(10, n * 0.2), (n - 10, n * 0.8)]))
    below = c.execute(
        f"SELECT {_G_VOLUME} FROM (SELECT 2.0 AS c, 40.0 AS c_base, 0.2 AS q)"
    ).fetchone()[0]
    assert below < 0  # fewer than expected: no escalation
    # share: 6 of 8 events conflict this week; the baseline 60 events at a 20% share (+2 pseudo)
    got = c.execute(
        f"SELECT {_G_SHARE} FROM (SELECT 6.0 AS c, 8.0 AS n, 60.0 AS n_base, 0.2 AS p0)"
    ).fetchone()[0]
    t, col = 8 + 62, 6 + 0.2 * 62
    cells = [(6, 8 * col / t), (2, 8 * (t - col) / t),
             (0.2 * 62, 62 * col / t), (0.8 * 62, 62 * (t - col) / t)]  # fmt: skip
    assert got == pytest.approx(_g(cells)) and 3 < got < 5


def test_goldstein_z_is_corrected_for_the_skew_of_few_scores():
    # a cooperative baseline with rare strongly negative scores is skewed to the left: a week
    # of three scores that drag the mean down is less surprising than a normal tail says
    c, _ = _scenario_con(n_dyads=1, n_weeks=2, n_injected=0, seed=1)
    c.execute("DELETE FROM events")
    rows = []
    for w in range(17):
        for i in range(10):
            g = -10.0 if i == 0 else 4.0
            rows.append((f"e{w}-{i}", date(2020, 1, 6) + timedelta(weeks=w),
                         g, 4 if g < 0 else 1))  # fmt: skip
    week = date(2020, 1, 6) + timedelta(weeks=17)
    rows += [(f"x{i}", week, g, 4 if g < 0 else 1) for i, g in enumerate((-10.0, -10.0, 4.0))]
    c.executemany(
        "INSERT INTO events (event_id, doc_id, source_code, source_country, target_code, "
        'target_country, "date", goldstein, quad_class, modality) '
        "VALUES (?, 'd', 'AAAGOV', 'AAA', 'BBBGOV', 'BBB', ?, ?, ?, 'asserted')",
        [(e, d, g, q) for e, d, g, q in rows],
    )
    got = alerts(c, z=1.0, limit=100).records()
    (last,) = [r for r in got if r["period"] == week]
    mean, base = last["goldstein_mean"], last["base_goldstein"]
    var = (16 * 10 * (((-10 - base) ** 2) + 9 * ((4 - base) ** 2)) / 10 + 5 * 16) / (160 + 5)
    plain = (mean - base) / (var / 3 + var / 160) ** 0.5
    assert last["z_goldstein"] > plain  # less extreme than the uncorrected z
