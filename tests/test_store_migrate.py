"""Opening databases written by older eventwire versions: upgraded in place or refused in one
line, never a traceback, never data loss (store/migrate.py)."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from eventwire.store import Store, StoreError, schema

# The tables of schema 1 as eventwire wrote them (one row per report in ``events``).
V1_DDL = [
    (
        "CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, title VARCHAR, source VARCHAR, "
        "published VARCHAR, author VARCHAR, dateline VARCHAR, url VARCHAR, origin VARCHAR, "
        "format VARCHAR, body VARCHAR, n_events INTEGER, ingested_at TIMESTAMP, run_id VARCHAR)"
    ),
    (
        "CREATE TABLE events (event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, "
        "source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_text VARCHAR, "
        "target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_text VARCHAR, "
        "cameo VARCHAR, root VARCHAR, plover VARCHAR, plover_mode VARCHAR, quad_class INTEGER, "
        'goldstein DOUBLE, modality VARCHAR, "date" DATE, date_text VARCHAR, date_precision VARCHAR, '
        "location_name VARCHAR, location_country VARCHAR, location_admin1 VARCHAR, "
        "location_lat DOUBLE, location_lon DOUBLE, location_precision VARCHAR, sentence VARCHAR, "
        "sentence_index INTEGER, span_start INTEGER, span_end INTEGER, trigger VARCHAR, "
        "rule VARCHAR, confidence DOUBLE, speaker_code VARCHAR)"
    ),
    'CREATE TABLE ingest_errors (origin VARCHAR, line INTEGER, stage VARCHAR, message VARCHAR, run_id VARCHAR, "at" TIMESTAMP)',
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "INSERT INTO meta VALUES ('schema_version', '1')",
]

TALKS = (
    "GENEVA, June 3 - Iran's foreign minister met the European Union's foreign policy chief in "
    "Geneva on Tuesday for talks on the nuclear programme, diplomats said.\n"
    "Separately, Iraqi police arrested three protesters in Basra."
)
SENT1 = TALKS.split("\n")[0]
SENT2 = TALKS.split("\n")[1]


def _v1(path: Path) -> None:
    """A schema 1 database: a wire story, a reprint of it by another site, one undated report
    in a third document, an ingest error."""
    con = duckdb.connect(str(path))
    for stmt in V1_DDL:
        con.execute(stmt)
    reprint = "From our wire partner\n" + TALKS
    con.executemany(
        "INSERT INTO documents VALUES (?, ?, ?, ?, NULL, 'GENEVA', ?, ?, 'text', ?, ?, ?, ?)",
        [
            ["wire-1", "Iran, EU meet in Geneva", "Wire", "2019-06-04", "https://wire.example/a",
             "feed.jsonl:1", TALKS, 2, "2019-06-04 10:00:00", "run-a"],
            ["site-7", "Iran and EU hold talks", "Site", "2019-06-04", "https://news.example/b",
             "feed.jsonl:2", reprint, 1, "2019-06-05 09:00:00", "run-b"],
            ["blog-3", "Notes", None, None, None, "notes.txt", "Police detained a man.", 1,
             "2019-06-06 08:00:00", "run-b"],
        ],
    )  # fmt: skip
    base = [
        "IRNGOV", "IRN", "GOV", "Iran's foreign minister", "IGOEU", None, None,
        "the European Union's foreign policy chief", "040", "04", "CONSULT", None, 1, 1.0,
        "asserted", "2019-06-04", "Tuesday", "day", "Geneva", "CHE", "Geneva", 46.2, 6.15,
        "city", SENT1, 0, 0, len(SENT1), "met", "040.meet", 0.8, None,
    ]  # fmt: skip
    arrest = [
        "IRQCOP", "IRQ", "COP", "Iraqi police", "IRQ", "IRQ", None, "three protesters", "173",
        "17", "COERCE", "arrest", 4, -5.0, "asserted", None, None, None, "Basra", "IRQ", "Basra",
        30.5, 47.8, "city", SENT2, 1, len(SENT1) + 1, len(TALKS), "arrested", "173.arrest",
        0.7, "IRNGOV",
    ]  # fmt: skip
    rows = [
        ["wire-1:0", "wire-1", *base],
        ["wire-1:1", "wire-1", *arrest],
        ["site-7:1", "site-7", *base[:24], SENT1, 1, 22, 22 + len(SENT1), *base[28:]],
    ]
    con.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 34)})", rows)
    con.execute(
        "INSERT INTO ingest_errors VALUES ('bad.html', NULL, 'extract', 'no text', 'run-a', "
        "'2019-06-04 10:00:01')"
    )
    con.close()


def _table(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_schema1_is_rebuilt_in_place_and_the_old_file_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "old.duckdb"
    _v1(db)
    before = _table(db, "SELECT * FROM events ORDER BY event_id")
    with caplog.at_level(logging.WARNING, logger="eventwire.store"), Store(db) as st:
        counts = st.counts()
        events = st.events(with_mentions=True)
        reports = {m["event_id"]: m for m in st.mentions()}
    [line] = [r.getMessage() for r in caplog.records if "migrated" in r.getMessage()]
    assert "\n" not in line
    assert f"{db}: migrated from schema 1 to {schema.SCHEMA_VERSION}" in line
    assert "3 documents, 3 reports linked into 2 events" in line
    assert counts == {"documents": 3, "events": 2, "mentions": 3, "ingest_errors": 1}
    # the reprint's report joined the wire story's event; its values are the stored ones
    talks = next(e for e in events if e["cameo"] == "040")
    assert (talks["num_mentions"], talks["num_articles"], talks["num_sources"]) == (2, 2, 2)
    assert [m["doc_id"] for m in talks["mentions"]] == ["wire-1", "site-7"]
    assert talks["source"] == {
        "code": "IRNGOV", "country": "IRN", "sector": "GOV", "text": "Iran's foreign minister",
    }  # fmt: skip
    assert talks["location"]["name"] == "Geneva" and talks["date"] == "2019-06-04"
    arrest = reports["wire-1:1"]
    assert arrest["date"] is None and arrest["speaker"] == {"code": "IRNGOV"}
    assert arrest["span"] == [len(SENT1) + 1, len(TALKS)] and arrest["plover_mode"] == "arrest"
    # documents keep their times and runs; outlets come from the URLs
    got = _table(db, "SELECT doc_id, ingested_at, run_id, outlet_domain FROM documents")
    assert {(d, str(t), r) for d, t, r, _ in got} == {
        ("wire-1", "2019-06-04 10:00:00", "run-a"),
        ("site-7", "2019-06-05 09:00:00", "run-b"),
        ("blog-3", "2019-06-06 08:00:00", "run-b"),
    }
    assert {d: o for d, _, _, o in got}["site-7"] == "news.example"
    assert _table(db, "SELECT value FROM meta WHERE key = 'schema_version'") == [
        (schema.SCHEMA_VERSION,)
    ]
    # nothing lost: the old file, unchanged, beside it
    backup = tmp_path / "old.duckdb.schema1"
    assert _table(backup, "SELECT * FROM events ORDER BY event_id") == before
    assert not (tmp_path / "old.duckdb.migrating").exists()
    # opening it again changes nothing
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="eventwire.store"), Store(db) as st:
        assert st.counts()["events"] == 2
    assert not caplog.records


def test_read_only_open_upgrades_too(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _v1(db)
    with Store(db, read_only=True) as st:
        assert st.counts()["mentions"] == 3
        with pytest.raises(StoreError, match="read-only"):
            st.write([])


def test_failed_rebuild_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "old.duckdb"
    _v1(db)
    before = _table(db, "SELECT * FROM events ORDER BY event_id")

    def broken(self, *a, **k):
        raise duckdb.IOException("IO Error: No space left on device")

    monkeypatch.setattr(Store, "write", broken)
    with pytest.raises(StoreError) as err:
        Store(db)
    msg = str(err.value)
    assert "\n" not in msg and str(db) in msg and "left as it was" in msg
    assert "No space left" in msg
    assert _table(db, "SELECT * FROM events ORDER BY event_id") == before
    assert _table(db, "SELECT value FROM meta WHERE key = 'schema_version'") == [("1",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.duckdb"]


def _v2_without_terms(path: Path) -> None:
    """A schema 2 database written before mentions had their content terms."""
    from tests.test_dedup_store import wire

    with Store(path) as st:
        st.write([wire()])
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE mentions DROP COLUMN terms")
    con.close()


def test_schema2_without_terms_gets_the_column_in_place(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "v2.duckdb"
    _v2_without_terms(db)
    ids = _table(db, "SELECT mention_id, event_id FROM mentions ORDER BY mention_id")
    with caplog.at_level(logging.WARNING, logger="eventwire.store"), Store(db) as st:
        assert st.counts()["mentions"] == 2
    [line] = [r.getMessage() for r in caplog.records]
    assert (
        line == f"{db}: upgraded in place (added mentions.terms); stored events and links are kept"
    )
    assert _table(db, "SELECT mention_id, event_id FROM mentions ORDER BY mention_id") == ids
    terms = dict(_table(db, "SELECT mention_id, terms FROM mentions"))
    # the meeting's terms: its subject and place, not its actors' words
    assert {"tbilisi", "talk", "disputed", "border"} <= set(terms["wire-1:0"].split())
    assert "armenia" not in terms["wire-1:0"].split()


def test_a_newer_schema_is_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    with Store(db):
        pass
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError) as err:
            Store(db, read_only=read_only)
        msg = str(err.value)
        assert "\n" not in msg and msg.startswith(f"{db}: ") and "schema 9" in msg
        assert "ingest the documents into a new database" in msg
    assert _table(db, "SELECT value FROM meta WHERE key = 'schema_version'") == [("9",)]


def test_cli_on_a_schema1_database_says_so_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _v1(db)
    got = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "events", "--db", str(db), "--format", "jsonl"],
        check=False, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert got.returncode == 0, got.stderr
    assert got.stderr.strip().count("\n") == 0 and "migrated from schema 1" in got.stderr
    assert len(got.stdout.splitlines()) == 2
