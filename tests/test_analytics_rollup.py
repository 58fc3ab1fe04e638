"""The dyad-by-day rollup: series read from it equal series read from the events table, for
every filter it answers; the filters it cannot answer go to the events table."""

from __future__ import annotations

import math

import pytest

from eventwire.analytics import EventData, EventFilter, dyad_filter, series
from eventwire.analytics.rollup import usable
from eventwire.analytics.synthetic import escalation_scenario, fill, small_store
from eventwire.store import Store


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = tmp_path_factory.mktemp("rollup") / "r.duckdb"
    with Store(path) as st:
        small_store(st._con)
        escalation_scenario(st._con, n_dyads=10, n_weeks=30, n_injected=4, seed=3)
        fill(st._con, 20_000, seed=5)
    d = EventData(path, rollup=True)
    yield d
    d.close()


def _same(a: list[dict], b: list[dict]) -> None:
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=True):
        assert x.keys() == y.keys()
        for k, v in x.items():
            if isinstance(v, float) or isinstance(y[k], float):
                assert (v is None) == (y[k] is None) and (
                    v is None or math.isclose(v, y[k], rel_tol=1e-9, abs_tol=1e-9)
                ), (k, x, y)
            else:
                assert v == y[k], (k, x, y)


CASES = [
    ("RUS", "UKR", "both", {}, "week"),
    ("UKR", "RUS", "ab", {}, "month"),
    ("RUS", "UKR", "ba", {"since": "2024-02-01", "until": "2024-05-31"}, "day"),
    ("USA", None, "both", {}, "month"),
    ("CHN", None, "ab", {"quad": "3,4"}, "week"),
    ("RU", "UK", "both", {"modality": "negated,hypothetical"}, "week"),
    ("USA", "CHN", "both", {"modality": "real", "since": "2003-01-01"}, "month"),
]


@pytest.mark.parametrize(("a", "b", "direction", "raw", "by"), CASES)
def test_rollup_series_equal_the_events_series(data, a, b, direction, raw, by):
    flt = dyad_filter(a, b, direction, EventFilter.parse(**raw))
    assert usable(flt)
    from_rollup = data.series_for(flt, by).records()
    cur = data.cursor()
    try:
        from_events = series(cur, flt, by).records()
    finally:
        cur.close()
    assert from_events and sum(r["events"] for r in from_events) > 0
    _same(from_rollup, from_events)


@pytest.mark.parametrize(
    "raw",
    [{"code": "19"}, {"root": "18"}, {"plover": "ASSAULT"}, {"place": "UKR"}, {"q": "fire"},
     {"min_confidence": "0.5"}],
)  # fmt: skip
def test_other_filters_read_the_events_table(data, raw):
    flt = dyad_filter("RUS", "UKR", "both", EventFilter.parse(**raw))
    assert not usable(flt)
    cur = data.cursor()
    try:
        want = series(cur, flt, "week").records()
    finally:
        cur.close()
    _same(data.series_for(flt, "week").records(), want)


def test_longer_actor_prefixes_are_not_in_the_rollup(data):
    flt = dyad_filter("RUSMIL", "UKR", "both")
    assert not usable(flt)
    got = data.series_for(flt, "month").records()
    assert got and sum(r["events"] for r in got) < sum(
        r["events"] for r in data.series("RUS", "UKR", by="month").records()
    )


def test_the_rollup_is_built_once_and_is_smaller(data):
    first = data.prepare()
    assert data.prepare() is first
    (n,) = data.sql('SELECT count(*) FROM events WHERE "date" IS NOT NULL').records()[0].values()
    assert 0 < first.rows < n


def test_without_rollup_nothing_is_built(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as st:
        small_store(st._con)
    with EventData(path) as d:
        assert d.series("RUS", "UKR").records()
        assert d._rollup is None
