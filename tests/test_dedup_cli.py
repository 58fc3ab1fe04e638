"""`eventwire events --mentions`, `events --format jsonl` with mention lists, and `recode`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "examples"
runner = CliRunner(env={"COLUMNS": "200"})


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def test_events_mentions_and_recode_keep_ids(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    assert invoke("ingest", EXAMPLES, "--db", db).exit_code == 0
    r = invoke("events", "--db", db, "--format", "jsonl")
    assert r.exit_code == 0, r.output
    events = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert events and all(e["mentions"] for e in events)
    assert all(e["num_mentions"] == len(e["mentions"]) for e in events)
    r = invoke("events", "--db", db, "--format", "jsonl", "--mentions")
    reports = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert sum(e["num_mentions"] for e in events) == len(reports)
    linked = {e["event_id"] for e in events}
    assert {m["linked_event_id"] for m in reports} == linked
    assert all("speaker" in m and "kind" in m["source"] for m in reports)  # the code contract
    # re-coding with the same dictionaries changes nothing: same events, same ids, same counts
    r = invoke("recode", "--db", db)
    assert r.exit_code == 0, r.output
    assert "7 documents re-coded" in r.stdout
    r = invoke("events", "--db", db, "--format", "jsonl")
    again = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert [(e["event_id"], e["num_mentions"]) for e in again] == [
        (e["event_id"], e["num_mentions"]) for e in events
    ]


def test_export_writes_mentions_beside(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    assert invoke("ingest", EXAMPLES, "--db", db).exit_code == 0
    r = invoke("export", tmp_path / "g.tsv", "--db", db, "--format", "gdelt")
    assert r.exit_code == 0, r.output
    assert "mentions ->" in r.stdout
    lines = (tmp_path / "g.mentions.tsv").read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 16 for line in lines)


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_code_events_and_export_give_the_same_jsonl_contract(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    assert invoke("ingest", EXAMPLES, "--db", db).exit_code == 0
    coded = {e["event_id"]: e for e in _jsonl(invoke("code", EXAMPLES, "--format", "jsonl").stdout)}
    reports = _jsonl(invoke("events", "--db", db, "--format", "jsonl", "--mentions").stdout)
    assert coded and {m["event_id"] for m in reports} == set(coded)
    extra = {"linked_event_id", "in_lead", "link_rule", "outlet", "url"}
    for m in reports:  # every field of every report as `code` printed it, values too
        assert {k: v for k, v in m.items() if k not in extra} == coded[m["event_id"]]
    events = _jsonl(invoke("events", "--db", db, "--format", "jsonl").stdout)
    assert invoke("export", tmp_path / "x.jsonl", "--db", db).exit_code == 0
    exported = _jsonl((tmp_path / "x.jsonl").read_text(encoding="utf-8"))
    key = lambda e: e["event_id"]
    assert sorted(exported, key=key) == sorted(events, key=key)
    counts = {"num_mentions", "num_articles", "num_sources", "is_root_event", "mentions"}
    for e in events:  # an event is its first report plus the counts and the mentions list
        first = coded[e["mentions"][0]["mention_id"]]
        assert set(e) == set(first) | counts
        assert {k: v for k, v in e.items() if k not in counts | {"event_id"}} == {
            k: v for k, v in first.items() if k != "event_id"
        }


def test_ingest_force_recodes_stored_documents(tmp_path: Path) -> None:
    # a first ingest that kept only its surest reports stands for an older coder; --force
    # codes the stored documents again: what a fresh ingest gives, the old events' ids kept
    db, fresh = tmp_path / "x.duckdb", tmp_path / "fresh.duckdb"
    assert invoke("ingest", EXAMPLES, "--db", db, "--min-confidence", 0.8).exit_code == 0
    before = _jsonl(invoke("events", "--db", db, "--format", "jsonl").stdout)
    r = invoke("ingest", EXAMPLES, "--db", db)
    assert r.exit_code == 0 and "7 already stored" in r.output  # without --force: skipped
    r = invoke("ingest", EXAMPLES, "--db", db, "--force")
    assert r.exit_code == 0, r.output
    assert "7 documents (0 already stored, 7 re-coded)" in r.output
    after = _jsonl(invoke("events", "--db", db, "--format", "jsonl").stdout)
    assert invoke("ingest", EXAMPLES, "--db", fresh).exit_code == 0
    clean = _jsonl(invoke("events", "--db", fresh, "--format", "jsonl").stdout)
    assert len(after) == len(clean) > len(before)

    def shape(evs: list[dict]) -> list[tuple]:
        return sorted(
            (e["doc_id"], e["sentence_index"], e["cameo"], e["num_mentions"]) for e in evs
        )

    assert shape(after) == shape(clean)
    assert {e["event_id"] for e in before} <= {e["event_id"] for e in after}
    r = invoke("events", "--db", db, "--format", "jsonl", "--mentions")
    assert sum(e["num_mentions"] for e in after) == len(_jsonl(r.stdout))


def test_recode_keeps_reports_as_sure_as_ingest_did(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    assert invoke("ingest", EXAMPLES, "--db", db, "--min-confidence", 0.8).exit_code == 0
    sure = _jsonl(invoke("events", "--db", db, "--format", "jsonl", "--mentions").stdout)
    r = invoke("recode", "--db", db, "--min-confidence", 0.8)
    assert r.exit_code == 0, r.output
    again = _jsonl(invoke("events", "--db", db, "--format", "jsonl", "--mentions").stdout)
    assert sorted(m["event_id"] for m in again) == sorted(m["event_id"] for m in sure)
    assert all(m["confidence"] >= 0.8 for m in again)
    r = invoke("recode", "--db", db, "--min-confidence", 2)
    assert r.exit_code == 2 and "between 0 and 1" in r.output


def _can_open_elsewhere(db: Path) -> bool:
    """Whether another process can open ``db`` for writing right now (DuckDB's file lock)."""
    import subprocess
    import sys

    code = f"import duckdb; duckdb.connect({str(db)!r}).close()"
    got = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, timeout=60)
    return got.returncode == 0


def test_recode_lets_go_of_the_database_between_reading_and_writing(tmp_path: Path) -> None:
    from eventwire.store import Store

    db = tmp_path / "x.duckdb"
    assert invoke("ingest", EXAMPLES, "--db", db).exit_code == 0
    with Store(db, release=True) as st:
        docs = list(st.articles())  # what recode reads before it codes
        assert len(docs) == 7
        assert _can_open_elsewhere(db)  # readers get in while the documents are coded
    with Store(db) as st:  # control: a store that keeps its connection holds the lock
        list(st.articles())
        assert not _can_open_elsewhere(db)
    r = invoke("recode", "--db", db, "--wait", 5)
    assert r.exit_code == 0, r.output
    assert "7 documents re-coded" in r.stdout
    assert _can_open_elsewhere(db)
