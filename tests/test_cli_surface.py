"""The analyst's command line at 80 columns: events, trends, alerts, serve, --version, -h."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.analytics.synthetic import escalation_scenario, small_store
from eventwire.cli import app
from eventwire.store import Store

ENV = {"COLUMNS": "80", "LINES": "40"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    with Store(path) as st:
        small_store(st._con)
        escalation_scenario(st._con, n_dyads=12, n_weeks=40, n_injected=6, seed=2)
    return str(path)


def run(*args: str):
    return CliRunner().invoke(app, list(args), env=ENV)


def _text(r) -> str:
    return r.stdout + (r.stderr if r.stderr_bytes is not None else "")


def _fits(out: str, width: int = 80) -> None:
    long = [line for line in out.splitlines() if len(line) > width]
    assert not long, long


def test_events_fit_80_columns_with_full_dates_and_codes(db):
    r = run("events", "--db", db, "--dyad", "RUS,UKR", "--sentence", "--article")
    assert r.exit_code == 0, _text(r)
    _fits(r.stdout)
    assert "2024-03-04" in r.stdout  # whole dates, not "2024-…"
    assert "asserted" in r.stdout and "ASSAULT" in r.stdout
    assert "«fired on»" in r.stdout  # the sentence, trigger marked
    assert "Border guards trade fire — https://example.org/border-fire" in r.stdout


def test_dyad_is_both_directions(db):
    r = run("events", "--db", db, "--dyad", "UKR,RUS", "--format", "jsonl")
    pairs = {(e["source"]["code"][:3], e["target"]["code"][:3])
             for e in map(json.loads, r.stdout.splitlines())}  # fmt: skip
    assert pairs == {("RUS", "UKR"), ("UKR", "RUS")}


@pytest.mark.parametrize(
    ("option", "value", "field", "allowed"),
    [
        ("--quad", "4", "quad_class", {4}),
        ("--plover", "ASSAULT,DISAPPROVE", "plover", {"ASSAULT", "DISAPPROVE"}),
        ("--modality", "intent", "modality", {"intent"}),
    ],
)
def test_filters(db, option, value, field, allowed):
    r = run("events", "--db", db, "--actor", "RUS", "--since", "2024-01-01", option, value,
            "--format", "jsonl")  # fmt: skip
    assert r.exit_code == 0, _text(r)
    got = [json.loads(line) for line in r.stdout.splitlines()]
    assert got and {e[field] for e in got} <= allowed


def test_wide_keeps_long_values(db):
    narrow = run("events", "--db", db, "--search", "convoy")
    wide = run("events", "--db", db, "--search", "convoy", "--wide", "--sentence")
    assert "IGOUNO" in narrow.stdout
    assert "A United Nations convoy «delivered» food aid to villages hit by the shelling." in (
        wide.stdout
    )


@pytest.mark.parametrize(
    "args",
    [
        ("events", "--since", "2024-13-01"),
        ("events", "--until", "tomorrow"),
        ("events", "--dyad", "RUS"),
        ("events", "--quad", "7"),
        ("events", "--modality", "perhaps"),
        ("events", "--limit", "-3"),
        ("trends", "RUS", "UKR", "--by", "fortnight"),
        ("trends", "RUS'--", "UKR"),
        ("alerts", "--since", "last week"),
        ("alerts", "--window", "0"),
    ],
)
def test_bad_values_are_one_line_errors(db, args):
    r = run(args[0], "--db", db, *args[1:])
    assert r.exit_code == 2
    text = _text(r)
    assert "Traceback" not in text
    if "Usage" not in text:  # our own errors are one line (typer's usage errors are a box)
        assert len([line for line in r.stderr.splitlines() if line.strip()]) == 1, text
    assert "error" in text.lower() or "invalid" in text.lower()


def test_missing_database(tmp_path):
    for cmd in ("events", "trends", "alerts"):
        args = [cmd, "--db", str(tmp_path / "none.duckdb")] + (["RUS"] if cmd == "trends" else [])
        r = run(*args)
        assert r.exit_code == 2 and "no such database" in r.stderr


def test_trends_prints_series_and_sparklines(db):
    r = run("trends", "RUS", "UKR", "--db", db, "--by", "week")
    assert r.exit_code == 0, _text(r)
    _fits(r.stdout)
    lines = r.stdout.splitlines()
    assert lines[0].startswith("RUS – UKR: 6 events by week")
    assert any(line.startswith("events ") and set(line[12:]) <= set("▁▂▃▄▅▆▇█") for line in lines)
    week = next(line for line in lines if line.startswith("2024-03-04"))
    assert week.split()[1] == "2"  # two events that week
    csv = run("trends", "RUS", "UKR", "--db", db, "--format", "csv")
    assert csv.stdout.splitlines()[0].startswith("period,events,mentions,q1")


def test_alerts_command(db):
    r = run("alerts", "--db", db)
    assert r.exit_code == 0, _text(r)
    _fits(r.stdout)
    assert "alerts (by week, 16-period baseline" in r.stdout
    assert "eventwire events --dyad" in r.stdout  # the way to the events behind it
    js = run("alerts", "--db", db, "--format", "jsonl")
    first = json.loads(js.stdout.splitlines()[0])
    assert first["kinds"] and first["score"] >= 3


def test_version_and_short_help():
    from eventwire import __version__

    assert run("--version").stdout.strip() == f"eventwire {__version__}"
    h = run("-h")
    assert h.exit_code == 0
    for cmd in ("serve", "trends", "alerts", "events"):
        assert cmd in h.stdout
    assert "--dyad" in run("events", "-h").stdout


def test_serve_refuses_a_missing_database(tmp_path):
    r = run("serve", "--db", str(tmp_path / "none.duckdb"))
    assert r.exit_code == 2 and "no such database" in r.stderr


def test_make_demo_events_table_fits_80_columns(tmp_path):
    """What `make demo` shows first: the bundled examples, coded and listed."""
    from conftest import EXAMPLES

    db = str(tmp_path / "demo.duckdb")
    r = run("ingest", str(EXAMPLES), "--db", db, "--workers", "1")
    assert r.exit_code == 0, _text(r)
    out = run("events", "--db", db)
    assert out.exit_code == 0
    _fits(out.stdout)
    rows = [line for line in out.stdout.splitlines() if line[:4].isdigit()]
    assert rows and all(len(line.split()[0]) == 10 for line in rows)  # 2024-09-12, not 2024-…
    assert "…" not in "".join(line[:57] for line in rows)  # no cut codes, types or modalities


def test_extract_several_inputs_writes_json_lines():
    from conftest import EXAMPLES

    texts = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    r = run("extract", *texts)
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert len(lines) == len(texts) >= 2
    assert all(json.loads(line)["body"] for line in lines)
    one = run("extract", texts[0])
    assert json.loads(one.stdout)["doc_id"] and one.stdout.startswith("{\n")  # one: indented


def test_progress_total_is_known_for_files_of_one_document(tmp_path):
    from eventwire.cli import _known_total

    for name in ("a.txt", "b.html", "c.txt.gz"):
        (tmp_path / name).write_text("x")
    assert _known_total([str(tmp_path)], None) == 3
    assert _known_total([str(tmp_path / "*.txt")], None) == 1
    (tmp_path / "d.jsonl").write_text("{}\n")
    assert _known_total([str(tmp_path)], None) is None  # a container: unknown until read
    assert _known_total(["-"], None) is None
    assert _known_total([str(tmp_path / "a.txt")], "jsonl") is None


def test_export_infers_the_format_and_writes_stdout(db, tmp_path):
    out = tmp_path / "events.csv"
    r = run("export", str(out), "--db", db)
    assert r.exit_code == 0, _text(r)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("event_id,") and sum(ln.startswith("event_id,") for ln in lines) == 1
    js = run("export", "-", "--db", db)
    assert js.exit_code == 0
    assert {json.loads(line)["event_id"] for line in js.stdout.splitlines()} >= {"s-w1-0"}
    bad = run("export", str(tmp_path / "events.xyz"), "--db", db)
    assert bad.exit_code == 2 and "extension" in bad.stderr
    assert run("export", "-", "--db", db, "--format", "parquet").exit_code == 2


def test_serve_answers_on_loopback(db):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "eventwire.cli", "serve", "--db", db, "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as r:
                    body = json.loads(r.read())
                break
            except OSError as exc:
                if time.monotonic() > deadline or proc.poll() is not None:
                    proc.terminate()
                    err = proc.communicate(timeout=10)[1].decode(errors="replace")
                    raise AssertionError(f"server did not answer: {err[-2000:]}") from exc
                time.sleep(0.2)
        assert body["status"] == "ok" and body["events"] > 0
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert b"chart-quad" in r.read()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


EXPORT_FILTERS = [
    ("--dyad", "UKR,RUS"),
    ("--actor", "RUS"),
    ("--source", "UKR"),
    ("--root", "19"),
    ("--quad", "3,4"),
    ("--plover", "ASSAULT"),
    ("--modality", "real"),
    ("--since", "2024-03-01"),
    ("-q", "convoy"),
]


@pytest.mark.parametrize(("option", "value"), EXPORT_FILTERS)
def test_export_takes_the_filters_of_events(db, option, value):
    ev = run("events", "--db", db, option, value, "--format", "jsonl")
    ex = run("export", "-", "--db", db, option, value)
    assert ev.exit_code == 0 == ex.exit_code, _text(ex)
    want = [json.loads(line)["event_id"] for line in ev.stdout.splitlines()]
    got = [json.loads(line)["event_id"] for line in ex.stdout.splitlines()]
    everything = run("export", "-", "--db", db).stdout.splitlines()
    assert want and got == want and len(got) < len(everything)


def test_export_filters_in_every_format(db, tmp_path):
    import csv

    import pyarrow.parquet as pq

    args = ("--db", db, "--dyad", "RUS,UKR", "--quad", "4")
    want = {json.loads(line)["event_id"]
            for line in run("events", *args, "--format", "jsonl").stdout.splitlines()}  # fmt: skip
    assert want
    r = run("export", str(tmp_path / "x.parquet"), *args)
    assert r.exit_code == 0, _text(r)
    assert set(pq.read_table(tmp_path / "x.parquet")["event_id"].to_pylist()) == want
    mentions = pq.read_table(tmp_path / "x.mentions.parquet")["event_id"].to_pylist()
    assert set(mentions) <= want
    r = run("export", str(tmp_path / "x.csv"), *args)
    with open(tmp_path / "x.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {row["event_id"] for row in rows} == want and all(
        row["quad_class"] == "4" for row in rows
    )
    r = run("export", str(tmp_path / "x.tsv"), *args)
    assert r.exit_code == 0, _text(r)
    lines = (tmp_path / "x.tsv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(want) and all(line.split("\t")[29] == "4" for line in lines)
    stdout_csv = run("export", "-", *args, "--format", "csv").stdout.splitlines()
    assert sum(line.startswith("event_id,") for line in stdout_csv) == 1
    assert len(stdout_csv) == len(want) + 1


@pytest.mark.parametrize(
    "args",
    [("--since", "2024-02-31"), ("--dyad", "RUS"), ("--quad", "9"), ("--root", "33"),
     ("--source", "RUS'; DROP TABLE events; --")],
)  # fmt: skip
def test_export_bad_filters_are_one_line_errors(db, tmp_path, args):
    r = run("export", str(tmp_path / "x.jsonl"), "--db", db, *args)
    assert r.exit_code == 2 and "Traceback" not in _text(r)
    assert len([line for line in r.stderr.splitlines() if line.strip()]) == 1, _text(r)
    assert not (tmp_path / "x.jsonl").exists()


def test_export_text_search_is_a_value_not_sql(db):
    r = run("export", "-", "--db", db, "-q", "x') OR 1=1 OR contains(sentence, '")
    assert r.exit_code == 0 and r.stdout == ""
    assert run("export", "-", "--db", db).stdout.count("\n") > 10  # the table is still there
