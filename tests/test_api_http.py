"""The HTTP API: every endpoint, cursor pages, provenance, 4xx bodies, SQL injection attempts
through every filter, OpenAPI."""

from __future__ import annotations

import warnings

import duckdb
import pytest

from eventwire.analytics.synthetic import fill, small_store
from eventwire.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventwire.api import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    with Store(path) as st:
        small_store(st._con)
        fill(st._con, 3000, start="2023-01-01", days=400)
        # two undated events: they come last in pages
        st._con.execute("UPDATE events SET \"date\" = NULL WHERE event_id IN ('syn10', 'syn20')")
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, warm=False)) as c:
        yield c


def _count(db) -> int:
    c = duckdb.connect(str(db), read_only=True)
    try:
        return c.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        c.close()


def test_health(client, db):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["events"] == _count(db) == 3009
    assert body["documents"] >= 5
    assert body["warm"] is True  # warm=False: nothing to wait for


def test_the_server_warms_up_in_the_background(db):
    app = create_app(db)
    with TestClient(app) as c:
        app.state.warm.join(60)
        assert c.get("/api/health").json()["warm"] is True
    assert app.state.data._rollup is not None  # the series read the rollup from then on


def test_openapi_lists_the_endpoints(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/series", "/api/alerts",
                 "/api/documents",
                 "/api/actors", "/api/dyads", "/api/documents/{doc_id}", "/api/health",
                 "/api/places", "/api/countries/{country}"):  # fmt: skip
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"dyad", "quad", "plover", "modality", "since", "until", "q", "cursor"} <= names


def test_cursor_pages_cover_every_match_once_newest_first(client, db):
    seen, cursor = [], None
    for _ in range(100):
        params = {"limit": 37, "actor": "RUS"}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/api/events", params=params).json()
        seen += [(e["date"], e["event_id"]) for e in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    c = duckdb.connect(str(db), read_only=True)
    want = c.execute(
        "SELECT count(*) FROM events WHERE starts_with(source_code, 'RUS') "
        "OR starts_with(target_code, 'RUS')"
    ).fetchone()[0]
    c.close()
    assert len(seen) == len(set(seen)) == want
    dated = [d for d, _ in seen if d is not None]
    assert dated == sorted(dated, reverse=True)


def test_undated_events_come_last(client):
    seen, cursor = [], None
    while True:
        params = {"limit": 500} | ({"cursor": cursor} if cursor else {})
        body = client.get("/api/events", params=params).json()
        seen += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == 3009
    assert [e["event_id"] for e in seen[-2:]] == ["syn10", "syn20"]


def test_filters_on_events(client):
    body = client.get("/api/events", params={"dyad": "RUS,UKR", "quad": [3, 4],
                                             "since": "2024-03-01"}).json()  # fmt: skip
    assert body["items"] and all(e["quad_class"] in (3, 4) for e in body["items"])
    assert all({e["source"]["code"][:3], e["target"]["code"][:3]} == {"RUS", "UKR"}
               for e in body["items"])  # fmt: skip
    q = client.get("/api/events", params={"q": "shelled villages"}).json()
    assert [e["event_id"] for e in q["items"]] == ["s-w3-0"]
    place = client.get("/api/events", params={"place": "geneva"}).json()
    assert [e["trigger"] for e in place["items"]] == ["met"]
    hyp = client.get("/api/events", params={"modality": "hypothetical", "since": "2024-01-01"})
    assert [e["cameo"] for e in hyp.json()["items"]] == ["163"]


def test_one_event_with_its_provenance(client):
    ev = client.get("/api/events/s-w3-1").json()
    assert ev["trigger"] == "struck back" and ev["rule"] == "test.190"
    assert ev["document"]["url"] == "https://example.org/shelling"
    s, t = ev["context"]["sentence"]
    assert ev["context"]["text"][s:t] == ev["sentence"]
    assert ev["mentions"] and ev["mentions"][0]["doc_id"] == "s-w3"


def test_document_list_pages(client):
    seen, cursor = [], None
    for _ in range(50):
        body = client.get(
            "/api/documents", params={"limit": 200} | ({"cursor": cursor} if cursor else {})
        ).json()
        seen += [d["doc_id"] for d in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) and {"s-w1", "s-w5"} <= set(seen)
    hit = client.get("/api/documents", params={"q": "aid convoy"}).json()["items"]
    assert [d["doc_id"] for d in hit] == ["s-w5"]
    assert client.get("/api/documents", params={"q": "x' OR 1=1 --"}).json()["items"] == []
    assert client.get("/api/documents", params={"limit": 0}).status_code == 400


def test_document_with_event_spans(client):
    doc = client.get("/api/documents/s-w1").json()
    assert doc["title"] == "Border guards trade fire"
    for e in doc["events"]:
        assert doc["body"][e["span_start"] : e["span_end"]].endswith(".")


def test_series_alerts_actors_dyads_countries_places(client):
    s = client.get("/api/series", params={"a": "RUS", "b": "UKR", "since": "2024-03-01",
                                          "by": "week"}).json()  # fmt: skip
    weeks = {r["period"]: r for r in s["items"]}
    assert weeks["2024-03-04"]["events"] >= 2
    assert client.get("/api/alerts").status_code == 200
    al = client.get("/api/alerts", params={"z": 1.5, "window": 4}).json()
    for a in al["items"]:
        assert a["events_url"].startswith("/api/events?dyad=")
        assert client.get(a["events_url"]).json()["items"]  # the events behind the alert
    actors = client.get("/api/actors", params={"level": "country", "limit": 5}).json()["items"]
    assert len(actors) == 5
    assert client.get("/api/dyads", params={"limit": 3}).json()["items"][0]["events"] > 0
    rus = client.get("/api/countries/RUS").json()
    assert rus["country"] == "RUS" and rus["events"] > 0
    places = client.get("/api/places", params={"dyad": "RUS,UKR", "since": "2024-03-01"}).json()
    assert {"Kharkiv", "Geneva", "Belgorod"} <= {p["name"] for p in places["items"]}


@pytest.mark.parametrize(
    ("url", "params", "param"),
    [
        ("/api/events", {"limit": 0}, "limit"),
        ("/api/events", {"limit": 501}, "limit"),
        ("/api/events", {"limit": "ten"}, "limit"),
        ("/api/events", {"since": "2024-02-31"}, "since"),
        ("/api/events", {"since": "1800-01-01", "until": "2024-01-01"}, "until"),
        ("/api/events", {"cursor": "not-a-cursor"}, "cursor"),
        ("/api/events", {"quad": 5}, "quad"),
        ("/api/events", {"dyad": "RUS"}, "dyad"),
        ("/api/events", {"colour": "red"}, "colour"),
        ("/api/series", {}, "a"),
        ("/api/series", {"a": "RUS", "by": "year"}, "by"),
        ("/api/series", {"a": "RUS", "direction": "sideways"}, "direction"),
        ("/api/series", {"a": "RUS", "by": "day", "since": "1950-01-01", "until": "2024-01-01"},
         "until"),
        ("/api/alerts", {"window": 1}, "window"),
        ("/api/alerts", {"z": 0}, "z"),
        ("/api/actors", {"level": "planet"}, "level"),
        ("/api/dyads", {"limit": 5000}, "limit"),
        ("/api/places", {"limit": 0}, "limit"),
    ],
)  # fmt: skip
def test_bad_parameters_get_a_400_naming_them(client, url, params, param):
    r = client.get(url, params=params)
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["param"] == param and err["message"]


def test_unknown_ids_get_404(client):
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404 and r.json()["error"]["param"] == "event_id"
    assert client.get("/api/documents/nope").status_code == 404


INJECTIONS = [
    "RUS' OR '1'='1",
    "1; DROP TABLE events; --",
    "%' OR 1=1 --",
    'UKR") OR TRUE --',
    "' UNION SELECT * FROM documents --",
]
FILTERS = ["source", "target", "actor", "dyad", "code", "root", "quad", "plover", "modality",
           "since", "until", "place", "q", "min_confidence", "cursor"]  # fmt: skip


@pytest.mark.parametrize("name", FILTERS)
def test_sql_injection_through_every_filter(client, db, name):
    before = _count(db)
    for payload in INJECTIONS:
        r = client.get("/api/events", params={name: payload})
        # refused as malformed, or taken literally as text: never run as SQL
        assert r.status_code in (200, 400), (name, payload, r.text)
        if r.status_code == 200:
            assert r.json()["items"] == [], (name, payload)
        else:
            assert r.json()["error"]["param"] == name
        s = client.get("/api/series", params={"a": "RUS", name: payload})
        assert s.status_code in (200, 400)
        if s.status_code == 200:
            assert all(row["events"] == 0 for row in s.json()["items"])
        if name == "cursor":
            continue  # only /api/events pages
        for url in ("/api/alerts", "/api/actors", "/api/dyads", "/api/places",
                    "/api/countries/RUS"):  # fmt: skip
            got = client.get(url, params={name: payload})
            assert got.status_code in (200, 400), (url, name, payload)
            if got.status_code == 200:
                body = got.json()
                assert body.get("items", []) == [] and body.get("events", 0) == 0, (url, name)
    assert _count(db) == before


def test_injection_through_path_ids(client, db):
    for payload in INJECTIONS:
        assert client.get(f"/api/events/{payload}").status_code == 404
        assert client.get(f"/api/countries/{payload}").status_code == 400
    assert _count(db) == 3009


def test_the_api_cannot_write(client, db):
    con = client.app.state.data.cursor()
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM events")
    con.close()
    assert _count(db) == 3009


def test_dashboard_and_assets_are_served_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and "chart-quad" in page.text
    assert "http" not in page.text.split("<body>")[0].replace('href="/static', "")
    for asset in ("uPlot.iife.min.js", "leaflet.js", "app.js", "app.css", "world.geojson"):
        assert client.get(f"/static/{asset}").status_code == 200, asset
    world = client.get("/static/world.geojson").json()
    assert len(world["features"]) > 150


def test_json_bodies_have_null_for_nan_and_iso_dates():
    import json
    from datetime import date
    from decimal import Decimal

    from eventwire.api.app import _ok

    body = json.loads(_ok({"z": float("nan"), "d": date(2024, 3, 4), "n": Decimal(3)}).body)
    assert body == {"z": None, "d": "2024-03-04", "n": 3.0}
