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
