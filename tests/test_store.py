"""Tests for eventwire.store: bulk idempotent writes, filtered reads, exports, bad paths."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from eventwire.dedup import event_id_for
from eventwire.model import Actor, Article, DocResult, Event, IngestError, Place
from eventwire.store import GDELT_COLUMNS, Store, StoreError, core, global_event_id

BODY = (
    "KYIV, March 20 (Reuters) - Russian troops fired on Ukrainian marines near Kherson on "
    "Thursday, Ukraine's defence ministry said.\nRussia's foreign minister met the UN envoy."
)


def _doc1() -> DocResult:
    art = Article(
        doc_id="reuters-2014-03-20-001",
        body=BODY,
        title="Russian troops fire on Ukrainian marines",
        source="Reuters",
        published="2014-03-20T17:50:00+00:00",
        author="Pavel Polityuk",
        dateline="KYIV",
        url="https://example.com/news/ukraine-crisis-0320",
        origin="news/reuters-0320.html",
        format="html",
    )
    kherson = Place(
        name="Kherson",
        country="UKR",
        admin1="Khersonska",
        lat=46.6354,
        lon=32.6169,
        precision="city",
        text="Kherson",
    )
    fight = Event(
        doc_id=art.doc_id,
        event_id="reuters-2014-03-20-001:0:0",
        source=Actor("RUSMIL", "RUS", "MIL", "Russian troops"),
        target=Actor("UKRMIL", "UKR", "MIL", "Ukrainian marines"),
        cameo="190",
        root="19",
        goldstein=-10.0,
        quad_class=4,
        plover="ASSAULT",
        plover_mode="firearms",
        date="2014-03-20",
        date_text="Thursday",
        date_precision="day",
        location=kherson,
        sentence="Russian troops fired on Ukrainian marines near Kherson on Thursday.",
        sentence_index=0,
        span=(30, 126),
        trigger="fired on",
        rule="190.fire_on",
        confidence=0.86,
        speaker=Actor("UKRGOV", "UKR", "GOV", "Ukraine's defence ministry"),
    )
    meet = Event(
        doc_id=art.doc_id,
        event_id="reuters-2014-03-20-001:1:0",
        source=Actor("RUSGOV", "RUS", "GOV", "Russia's foreign minister"),
        target=Actor("IGOUNO", None, None, "the UN envoy", kind="igo"),
        cameo="040",
        root="04",
        goldstein=1.0,
        quad_class=1,
        plover="CONSULT",
        date="2014-03-20",
        date_text="Thursday",
        date_precision="day",
        sentence="Russia's foreign minister met the UN envoy.",
        sentence_index=1,
        span=(127, 170),
        trigger="met",
        rule="040.meet",
        confidence=0.74,
    )
    return DocResult(art, [fight, meet])


def _doc2() -> DocResult:
    art = Article(
        doc_id="ap-2014-04-02-017",
        body="Ukraine's government appealed to NATO for military aid.",
        title="Ukraine asks NATO for aid",
        source="AP",
        published="2014-04-02",
        origin="dump.jsonl:17",
        format="text",
    )
    appeal = Event(
        doc_id=art.doc_id,
        event_id="ap-2014-04-02-017:0:0",
        source=Actor("UKRGOV", "UKR", "GOV", "Ukraine's government"),
        target=Actor("IGONAT", None, None, "NATO", kind="igo"),
        cameo="0212",
        root="02",
        goldstein=3.4,
        quad_class=1,
        plover="REQUEST",
        location=Place("Ukraine", "UKR", lat=49.0, lon=32.0, precision="country"),
        sentence="Ukraine's government appealed to NATO for military aid.",
        span=(0, 55),
        trigger="appealed to",
        rule="021.appeal",
        confidence=0.61,
    )
    return DocResult(art, [appeal])


def _doc3_no_events() -> DocResult:
    return DocResult(Article(doc_id="blog-9", body="Nothing happened.", origin="b.txt"), [])


def _contract(ev: Event) -> dict:
    """What `eventwire code` prints for an event: the stored reports give back exactly this."""
    return json.loads(json.dumps(ev.to_dict()))


def _linked(ev: Event, **counts: object) -> dict:
    """The linked event first reported by ``ev``: its report with the event's id and counts."""
    d = _contract(ev)
    d["event_id"] = event_id_for(ev.event_id)
    d.update({"num_mentions": 1, "num_articles": 1, "num_sources": 1, "is_root_event": False})
    d.update(counts)
    return d


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "ew.duckdb") as s:
        s.write([_doc1(), _doc2(), _doc3_no_events()], run_id="run-1")
        yield s


def test_write_and_counts(tmp_path: Path) -> None:
    with Store(tmp_path / "db" / "ew.duckdb") as s:  # parent dir created
        stats = s.write([_doc1(), _doc2(), _doc3_no_events()])
        assert (stats.documents, stats.events, stats.errors, stats.skipped_documents) == (
            3,
            3,
            0,
            0,
        )
        assert s.counts() == {"documents": 3, "events": 3, "mentions": 3, "ingest_errors": 0}
        assert s.has_documents(["ap-2014-04-02-017", "nope", "blog-9"]) == {
            "ap-2014-04-02-017",
            "blog-9",
        }
        assert s.has_documents([]) == set()
    # survives reopening, also read-only
    with Store(tmp_path / "db" / "ew.duckdb", read_only=True) as s:
        assert s.counts()["events"] == 3
        with pytest.raises(StoreError, match="read-only"):
            s.write([_doc1()])


def test_event_roundtrip_matches_contract(store: Store) -> None:
    (ev,) = store.events(code="19")
    fight = _doc1().events[0]
    assert ev == _linked(fight, is_root_event=True)
    assert ev["speaker"]["code"] == "UKRGOV" and ev["source"]["kind"] == "country"
    assert ev["location"]["name"] == "Kherson" and ev["span"] == [30, 126]
    (m,) = store.mentions(code="19")
    extra = {"linked_event_id", "in_lead", "link_rule", "outlet", "url"}
    assert {k: v for k, v in m.items() if k not in extra} == _contract(fight)
    assert m["linked_event_id"] == ev["event_id"] and m["in_lead"] is True
    assert m["link_rule"] == "new" and m["url"] == "https://example.com/news/ukraine-crisis-0320"


def test_filters(store: Store) -> None:
    def ids(**kw: object) -> list[str]:
        return [e["event_id"] for e in store.mentions(**kw)]  # type: ignore[arg-type]

    def linked(**kw: object) -> list[str]:
        return [e["event_id"] for e in store.events(**kw)]  # type: ignore[arg-type]

    assert len(ids()) == 3
    assert ids(source="RUS") == ["reuters-2014-03-20-001:0:0", "reuters-2014-03-20-001:1:0"]
    assert linked(source="RUS") == [event_id_for(i) for i in ids(source="RUS")]
    assert ids(source="RUSGOV") == ["reuters-2014-03-20-001:1:0"]
    assert ids(target="IGO") == ["reuters-2014-03-20-001:1:0", "ap-2014-04-02-017:0:0"]
    assert ids(code="04") == ["reuters-2014-03-20-001:1:0"]
    assert ids(code="02") == ["ap-2014-04-02-017:0:0"]
    assert ids(since="2014-03-20", until="2014-03-20") == ids(source="RUS")
    assert ids(since="2014-03-21") == [] == linked(since="2014-03-21")  # undated drop out
    assert ids(min_confidence=0.8) == ["reuters-2014-03-20-001:0:0"]
    assert linked(min_confidence=0.8) == [event_id_for("reuters-2014-03-20-001:0:0")]
    assert ids(doc_id="ap-2014-04-02-017") == ["ap-2014-04-02-017:0:0"]
    assert linked(doc_id="ap-2014-04-02-017") == [event_id_for("ap-2014-04-02-017:0:0")]
    assert len(ids(limit=2)) == 2 == len(linked(limit=2))
    assert ids(source="RUS%") == [] == linked(source="RUS%")  # prefixes are literal
    undated = store.events(doc_id="ap-2014-04-02-017")[0]
    assert undated["date"] is None
    assert undated["location"]["precision"] == "country"
    with pytest.raises(ValueError, match="since"):
        store.events(since="March 2014")
    with pytest.raises(ValueError, match="until"):
        store.mentions(until="soon")


def test_target_and_location_null() -> None:
    art = Article(doc_id="d", body="Protesters rallied.")
    ev = Event(
        doc_id="d",
        event_id="d:0:0",
        source=Actor("UKROPP", "UKR", "OPP", "Protesters"),
        target=None,
        cameo="141",
        root="14",
        goldstein=-6.5,
        quad_class=3,
        plover="PROTEST",
    )
    with Store(":memory:") as s:
        s.write([DocResult(art, [ev])])
        (got,) = s.events()
        (rep,) = s.mentions()
    assert got["target"] is None and got["location"] is None and got["speaker"] is None
    assert got == _linked(ev, is_root_event=True)
    assert rep["event_id"] == "d:0:0" and rep["linked_event_id"] == got["event_id"]


def test_idempotent_rewrite(store: Store) -> None:
    before = store.counts()
    stats = store.write([_doc1(), _doc2()], run_id="run-2")
    assert (stats.documents, stats.events, stats.skipped_documents) == (0, 0, 2)
    assert store.counts() == before
    # an already-stored document with *new* events is still skipped entirely
    changed = _doc1()
    changed.events[0].event_id = "brand-new"
    assert store.write([changed]).events == 0
    assert store.counts() == before
    # run_id of the first write is kept
    run_ids = store._con.execute("SELECT DISTINCT run_id FROM documents").fetchall()
    assert run_ids == [("run-1",)]


def test_duplicates_in_one_batch() -> None:
    with Store(":memory:") as s:
        d1 = _doc1()
        d1.events.append(d1.events[0])  # same event twice in a document
        stats = s.write([d1, _doc1(), _doc2(), _doc2()])
        assert (stats.documents, stats.events, stats.skipped_documents) == (2, 3, 2)
        assert s.counts()["events"] == 3 == s.counts()["mentions"]
        n_events = dict(s._con.execute("SELECT doc_id, n_events FROM documents").fetchall())
        assert n_events == {"reuters-2014-03-20-001": 2, "ap-2014-04-02-017": 1}


def test_ingest_errors_stored(store: Store) -> None:
    errors = [
        IngestError("dump.jsonl", "invalid JSON: Expecting value", line=12),
        IngestError("crawl.warc.gz#3", "no article text extracted", stage="extract"),
    ]
    stats = store.write([], errors, run_id="run-3")
    assert stats.errors == 2 and stats.documents == 0
    rows = store._con.execute(
        'SELECT origin, line, stage, message, run_id, "at" IS NOT NULL FROM ingest_errors '
        "ORDER BY origin"
    ).fetchall()
    assert rows == [
        ("crawl.warc.gz#3", None, "extract", "no article text extracted", "run-3", True),
        ("dump.jsonl", 12, "ingest", "invalid JSON: Expecting value", "run-3", True),
    ]
    assert store.counts()["ingest_errors"] == 2


def test_failed_write_rolls_back(store: Store) -> None:
    before = store.counts()
    bad = _doc2()
    bad.article.doc_id = "new-doc"
    bad.events[0].quad_class = "four"  # type: ignore[assignment]  # fails Arrow conversion
    with pytest.raises(Exception):  # noqa: B017
        store.write([bad, DocResult(Article(doc_id="other", body="x"))])
    assert store.counts() == before
    worse = _doc2()
    worse.article.doc_id = None  # type: ignore[assignment]
    with pytest.raises(ValueError, match="doc_id"):
        store.write([DocResult(Article(doc_id="ok-doc", body="x")), worse])
    assert store.counts() == before


def test_failure_inside_transaction_rolls_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Events and documents are inserted, then the ingest_errors insert fails: nothing lands."""
    before = store.counts()
    real = core.schema.select_list

    def broken(cols: list, skip: tuple = ()) -> str:
        return "no_such_column" if cols is core.schema.ERROR_COLUMNS else real(cols, skip)

    monkeypatch.setattr(core.schema, "select_list", broken)
    with pytest.raises(duckdb.Error):
        store.write([_synthetic(1, 3)[0], DocResult(Article(doc_id="ok-doc", body="x"))])
    assert store.counts() == before
    assert store.has_documents(["ok-doc"]) == set()


def test_export_parquet_and_csv(store: Store, tmp_path: Path) -> None:
    n = store.export(tmp_path / "out" / "events.parquet", "parquet")
    assert n == 3
    got = duckdb.sql(
        f"SELECT event_id, source_code, cameo, date, location_lat "
        f"FROM '{tmp_path / 'out' / 'events.parquet'}' ORDER BY event_id"
    ).fetchall()
    assert sorted(r[0] for r in got) == sorted(
        event_id_for(m)
        for m in (
            "ap-2014-04-02-017:0:0",
            "reuters-2014-03-20-001:0:0",
            "reuters-2014-03-20-001:1:0",
        )
    )
    fight = next(r for r in got if r[1] == "RUSMIL" and r[2] == "190")
    assert fight[1:] == ("RUSMIL", "190", __import__("datetime").date(2014, 3, 20), 46.6354)
    # the mentions beside the events
    mentions = tmp_path / "out" / "events.mentions.parquet"
    got = duckdb.sql(
        f"SELECT mention_id, event_id, in_lead FROM '{mentions}' ORDER BY 1"
    ).fetchall()
    assert [r[0] for r in got] == [
        "ap-2014-04-02-017:0:0",
        "reuters-2014-03-20-001:0:0",
        "reuters-2014-03-20-001:1:0",
    ]
    assert all(r[1] == event_id_for(r[0]) for r in got)

    assert store.export(tmp_path / "events.csv", "csv") == 3
    with open(tmp_path / "events.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 3
    first = rows[0]
    assert first["event_id"] == event_id_for("reuters-2014-03-20-001:0:0")
    assert first["num_mentions"] == "1" and first["is_root_event"] == "true"
    assert (first["source_code"], first["target_code"], first["cameo"]) == (
        "RUSMIL",
        "UKRMIL",
        "190",
    )
    assert first["date"] == "2014-03-20" and first["location_name"] == "Kherson"
    assert first["sentence"].startswith("Russian troops fired")


def test_export_jsonl(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert store.export(out, "jsonl") == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    parsed = [json.loads(line) for line in lines]
    assert parsed == store.events(with_mentions=True)
    assert [m["mention_id"] for m in parsed[0]["mentions"]] == ["reuters-2014-03-20-001:0:0"]
    assert parsed[0]["mentions"][0]["url"] == "https://example.com/news/ukraine-crisis-0320"
    assert parsed[0]["source"]["code"] == "RUSMIL" and parsed[0]["span"] == [30, 126]


def test_export_gdelt(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.gdelt.tsv"
    assert store.export(out, "gdelt") == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 61 for r in rows)
    g = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]

    fight, meet, appeal = g
    assert fight["GLOBALEVENTID"] == str(
        global_event_id(event_id_for("reuters-2014-03-20-001:0:0"))
    )
    assert int(fight["GLOBALEVENTID"]) > 0
    assert (fight["SQLDATE"], fight["MonthYear"], fight["Year"]) == ("20140320", "201403", "2014")
    assert fight["FractionDate"] == f"{2014 + (3 * 30 + 20) / 365:.4f}" == "2014.3014"
    assert (fight["Actor1Code"], fight["Actor1Name"], fight["Actor1CountryCode"]) == (
        "RUSMIL",
        "RUSSIAN TROOPS",
        "RUS",
    )
    assert fight["Actor1Type1Code"] == "MIL" and fight["Actor1KnownGroupCode"] == ""
    assert (fight["Actor2Code"], fight["Actor2CountryCode"], fight["Actor2Type1Code"]) == (
        "UKRMIL",
        "UKR",
        "MIL",
    )
    assert fight["IsRootEvent"] == "1" and meet["IsRootEvent"] == "0"
    assert (fight["EventCode"], fight["EventBaseCode"], fight["EventRootCode"]) == (
        "190",
        "190",
        "19",
    )
    assert (fight["QuadClass"], fight["GoldsteinScale"]) == ("4", "-10")
    assert (fight["NumMentions"], fight["NumSources"], fight["NumArticles"]) == ("1", "1", "1")
    assert fight["AvgTone"] == ""
    assert fight["Actor1Geo_Type"] == "0" and fight["Actor2Geo_FullName"] == ""
    assert fight["ActionGeo_Type"] == "4"  # world city
    assert fight["ActionGeo_FullName"] == "Kherson, Khersonska, Ukraine"
    assert fight["ActionGeo_CountryCode"] == "UP"  # FIPS 10-4, not ISO
    assert (fight["ActionGeo_Lat"], fight["ActionGeo_Long"]) == ("46.6354", "32.6169")
    assert fight["ActionGeo_FeatureID"] == ""
    assert len(fight["DATEADDED"]) == 14 and fight["DATEADDED"].isdigit()
    assert fight["SOURCEURL"] == "https://example.com/news/ukraine-crisis-0320"

    assert (meet["Actor2Code"], meet["Actor2KnownGroupCode"], meet["Actor2Type1Code"]) == (
        "IGOUNO",
        "UNO",
        "IGO",
    )
    assert (meet["EventCode"], meet["EventBaseCode"], meet["EventRootCode"]) == ("040", "040", "04")
    assert meet["ActionGeo_Type"] == "0"

    # undated event: no date at all (not the publication or the ingest day); origin as URL
    assert (appeal["SQLDATE"], appeal["MonthYear"], appeal["Year"]) == ("", "", "")
    assert (appeal["FractionDate"], appeal["EventBaseCode"]) == ("", "021")
    assert (appeal["ActionGeo_Type"], appeal["ActionGeo_FullName"]) == ("1", "Ukraine")
    assert appeal["ActionGeo_CountryCode"] == appeal["ActionGeo_FeatureID"] == "UP"
    assert appeal["GoldsteinScale"] == "3.4"
    assert appeal["SOURCEURL"] == "dump.jsonl:17"

    with_header = tmp_path / "h.tsv"
    assert store.export(with_header, "gdelt", header=True) == 3
    head = with_header.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert head == GDELT_COLUMNS and head[0] == "GLOBALEVENTID" and head[-1] == "SOURCEURL"

    with pytest.raises(ValueError, match="unknown export format"):
        store.export(tmp_path / "x", "xml")


def _synthetic(n_docs: int, per_doc: int) -> list[DocResult]:
    out = []
    for d in range(n_docs):
        doc_id = f"syn-{d:05d}"
        events = [
            Event(
                doc_id=doc_id,
                event_id=f"{doc_id}:{i}",
                source=Actor("USAGOV", "USA", "GOV", "Washington"),
                target=Actor("CHNGOV", "CHN", "GOV", "Beijing"),
                cameo="036",
                root="03",
                goldstein=4.0,
                quad_class=1,
                plover="CONSULT",
                date=f"2020-01-{1 + i % 28:02d}",
                location=Place("Geneva", "CHE", "Geneva", 46.2, 6.15),
                sentence="Washington offered to meet Beijing in Geneva.",
                sentence_index=i,
                span=(i * 50, i * 50 + 45),
                trigger="offered to meet",
                rule="036.offer_meet",
                confidence=0.5,
            )
            for i in range(per_doc)
        ]
        out.append(DocResult(Article(doc_id=doc_id, body="x" * 200, source="Syn"), events))
    return out


def test_bulk_write_10k(tmp_path: Path) -> None:
    batch = _synthetic(1000, 10)
    with Store(tmp_path / "bulk.duckdb") as s:
        stats = s.write(batch)
        # 1000 documents report the same ten meetings (one a day): ten events, 10k mentions
        assert (stats.documents, stats.events, stats.mentions) == (1000, 10, 10_000)
        assert s.write(batch).events == 0
        assert s.counts() == {
            "documents": 1000,
            "events": 10,
            "mentions": 10_000,
            "ingest_errors": 0,
        }
        (day10,) = s.events(source="USA", since="2020-01-10")
        assert (day10["num_mentions"], day10["num_articles"], day10["num_sources"]) == (
            1000,
            1000,
            1,
        )
        assert len(s.mentions(source="USA", since="2020-01-10")) == 1000
        assert s.export(tmp_path / "bulk.tsv", "gdelt") == 10
        assert len((tmp_path / "bulk.mentions.tsv").read_text().splitlines()) == 10_000


def test_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory") as exc:
        Store(tmp_path)
    assert str(tmp_path) in str(exc.value)

    junk = tmp_path / "notes.duckdb"
    junk.write_text("this is not a database\n" * 100)
    with pytest.raises(StoreError, match="notes.duckdb"):
        Store(junk)

    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    with pytest.raises(StoreError, match="plain.txt"):  # parent is a file: cannot write there
        Store(a_file / "sub" / "ew.duckdb")

    with pytest.raises(StoreError, match="missing.duckdb"):
        Store(tmp_path / "missing.duckdb", read_only=True)

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()  # a DuckDB file, but not ours
    with pytest.raises(StoreError, match="not an eventwire store"):
        Store(other, read_only=True)

    assert issubclass(StoreError, RuntimeError)


def test_gdelt_us_places_and_messy_text(tmp_path: Path) -> None:
    art = Article(doc_id="x1", body="…", url="https://example.com/a\tb", published="2021-01-06")
    ev = Event(
        doc_id="x1",
        event_id="x1:0",
        source=Actor("USAOPP", "USA", "OPP", 'the\tprotesters,\nin "groups"'),
        target=None,
        cameo="145",
        root="14",
        goldstein=-7.5,
        quad_class=3,
        plover="PROTEST",
        date="2021-01-06",
        location=Place("Washington", "USA", "District of Columbia", 38.8951, -77.0364),
        sentence_index=3,
    )
    state = Event(
        doc_id="x1",
        event_id="x1:1",
        source=Actor("USAGOV", "USA", "GOV", "officials"),
        target=None,
        cameo="010",
        root="01",
        goldstein=0.0,
        quad_class=1,
        plover="STATEMENT",
        date="2021-01-07",
        location=Place("Texas", "USA", "Texas", 31.0, -100.0, precision="admin1"),
    )
    with Store(":memory:") as s:
        s.write([DocResult(art, [ev, state])])
        s.export(tmp_path / "g.tsv", "gdelt")
    lines = (tmp_path / "g.tsv").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) == 3
    city, texas = (dict(zip(GDELT_COLUMNS, ln.split("\t"), strict=True)) for ln in lines[:2])
    assert city["Actor1Name"] == 'THE PROTESTERS, IN "GROUPS"'
    assert city["SOURCEURL"] == "https://example.com/a b"
    assert city["Actor2Code"] == "" and city["IsRootEvent"] == "0"
    assert (city["ActionGeo_Type"], city["ActionGeo_CountryCode"]) == ("3", "US")
    assert city["ActionGeo_FullName"] == "Washington, District of Columbia, United States"
    assert (texas["ActionGeo_Type"], texas["ActionGeo_FullName"]) == ("2", "Texas, United States")
    assert texas["GoldsteinScale"] == "0"


def test_fips_table() -> None:
    from eventwire.store.fips import ISO3_TO_FIPS

    fips = [f for f, _ in ISO3_TO_FIPS.values()]
    assert len(fips) == len(set(fips)) >= 240
    known = {"UKR": "UP", "DEU": "GM", "RUS": "RS", "GBR": "UK", "CHN": "CH", "CHE": "SZ"}
    assert {k: ISO3_TO_FIPS[k][0] for k in known} == known
    assert all("," not in name and "\t" not in name for _, name in ISO3_TO_FIPS.values())
