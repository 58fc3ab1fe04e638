"""The Ray engine on a local Ray with 2 CPUs (one Ray session for the module): the same events,
mentions and documents as the local engine, reruns that redo only unfinished shards, a killed
worker and a killed driver that lose nothing, and the dataset read back by the CLI and the API.

The stories are written for these tests: each is reported by three outlets (an original, a
wire copy, an update a day later), so reports of one event land on different workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="the ray extra is not installed (pip install -e '.[ray]')")

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.scale import run, shards
from eventwire.scale.compare import compare, equal
from eventwire.scale.output import Output

pytestmark = pytest.mark.ray

STORIES = [
    (("KIEV, March 4 (Reuters) - Russian troops attacked Ukrainian positions near Kharkiv on "
     "Tuesday, Ukraine's defence ministry said.\n\nThe ministry said the shelling lasted "
     "several hours."), "2014-03-04", "Russian troops attack Ukrainian positions"),
    (("BRUSSELS, March 5 (AFP) - The European Union imposed sanctions on Russian officials on "
     "Wednesday over the crisis in Crimea.\n\nEU foreign ministers agreed the measures after "
     "talks in Brussels."), "2014-03-05", "EU imposes sanctions on Russian officials"),
    (("WASHINGTON, March 6 - President Barack Obama met Chinese President Xi Jinping in "
     "Washington on Thursday to discuss trade.\n\nThe two leaders also discussed North Korea."),
     "2014-03-06", "Obama meets Xi"),
    (("NEW DELHI, March 7 - Indian police arrested twelve protesters in New Delhi on Friday "
     "after a march against rising prices turned violent."), "2014-03-07", "Delhi arrests"),
    (("TOKYO, March 8 - Japan's prime minister praised South Korea's president for her efforts "
     "to improve relations, officials said on Saturday."), "2014-03-08", "Japan praises Seoul"),
    (("CAIRO, March 9 - Egypt accused Turkey of interfering in its internal affairs on Sunday "
     "and expelled the Turkish ambassador."), "2014-03-09", "Egypt expels Turkish envoy"),
]  # fmt: skip
UPDATE = "\n\nOfficials gave no further details on Monday, and more talks were expected."
BUSINESS = [
    (
        "Shares of the chipmaker rose four percent in early trading after quarterly results beat "
        "forecasts, and analysts raised their targets."
    ),
    "Wheat futures fell for a third day as rain improved the outlook for the harvest.",
]


def _corpus(path: Path) -> Path:
    lines = []
    for k, (text, day, title) in enumerate(STORIES):
        lines.append({"id": f"orig-{k}", "title": title, "date": day, "source": "Reuters",
                      "text": text})  # fmt: skip
        lines.append({"id": f"copy-{k}", "title": title, "date": day, "source": "Daily Wire",
                      "text": text})  # fmt: skip
    for k, (text, day, title) in enumerate(STORIES):  # updates come later, on other shards
        lines.append({"id": f"upd-{k}", "title": title + " (update)", "date": day,
                      "source": "Global Post", "text": text + UPDATE})  # fmt: skip
    for k, text in enumerate(BUSINESS):
        lines.append({"id": f"biz-{k}", "title": "Markets", "date": "2014-03-05", "text": text})
    body = "\n".join(json.dumps(x) for x in lines) + "\n{broken\n"
    path.write_text(body, encoding="utf-8")
    return path


SHARD = 3
BATCH = 5


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _corpus(tmp_path_factory.mktemp("corpus") / "news.jsonl")


@pytest.fixture(scope="module")
def local_db(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    got = CliRunner().invoke(
        app, ["ingest", str(corpus), "--db", str(db), "--workers", "1", "--batch", str(BATCH)]
    )
    assert got.exit_code == 0, got.output
    return db


@pytest.fixture(scope="module")
def ray_session():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="WARNING")
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


@pytest.fixture(scope="module")
def dataset_dir(ray_session, corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("ray") / "out"
    seen: list[tuple] = []
    summary = run([str(corpus)], str(out), shard_size=SHARD, batch=BATCH, workers=2,
                  progress=lambda *a: seen.append(a))  # fmt: skip
    return out, summary, seen


def _shard_of(corpus: Path) -> dict[str, int]:
    plan = shards.plan([str(corpus)], None, SHARD)
    return {getattr(d, "doc_id", None): s.index for s in plan.shards for d in shards.read(s)}


def test_same_events_mentions_and_documents_as_the_local_engine(dataset_dir, local_db, corpus):
    out, summary, seen = dataset_dir
    report = compare(local_db, out)
    assert equal(report), report
    assert report["events"]["a"] >= 6 and report["mentions"]["a"] > report["events"]["a"]
    assert summary.documents == 20 and summary.errors == 1  # the broken line
    assert len(summary.coded) == summary.shards == 7 and summary.reused == 0
    assert seen[-3][0] == "coding" and seen[-3][1] == seen[-3][2] == 21  # totals: docs + bad
    # reports of one event coded on different shards (workers) are one event
    where = _shard_of(corpus)
    got = CliRunner().invoke(app, ["events", "--data", str(out), "--format", "jsonl"])
    assert got.exit_code == 0, got.output
    events = [json.loads(line) for line in got.output.splitlines()]
    spread = [e for e in events if len({where[m["doc_id"]] for m in e["mentions"]}) > 1]
    assert len(spread) >= 6
    assert all(e["num_articles"] == 3 for e in spread)
    # the layout: events and mentions by event date, documents by ingest day
    desc = json.loads((out / "_dataset.json").read_text())
    assert any(f.startswith("events/event_date=2014-03-04/") for f in desc["files"]["events"])
    assert any(f.startswith("mentions/event_date=") for f in desc["files"]["mentions"])
    assert all(f.startswith("documents/ingest_day=") for f in desc["files"]["documents"])


def test_the_dataset_reads_as_the_database(dataset_dir, local_db):
    out, _summary, _seen = dataset_dir
    runner = CliRunner()
    for args in (["events", "--format", "jsonl", "--dyad", "RUS,UKR"], ["export", "-"]):
        a = runner.invoke(app, [*args, "--db", str(local_db)])
        b = runner.invoke(app, [*args, "--data", str(out)])
        assert a.exit_code == b.exit_code == 0, b.output
        assert a.output == b.output and a.output.strip()
    from fastapi.testclient import TestClient

    from eventwire.api import create_app
    from eventwire.store.dataset import open_dataset

    client = TestClient(create_app(open_dataset(out), warm=False))
    health = client.get("/api/health").json()
    assert health["events"] == compare(local_db, out)["events"]["a"]
    first = client.get("/api/events", params={"limit": 1}).json()
    one = client.get(f"/api/events/{first['items'][0]['event_id']}")
    assert one.status_code == 200 and one.json()["mentions"]


def test_a_rerun_codes_nothing_and_changes_nothing(dataset_dir, local_db, corpus):
    out, first, _seen = dataset_dir
    before = json.loads((out / "_dataset.json").read_text())
    again = run([str(corpus)], str(out), shard_size=SHARD, batch=BATCH, workers=2)
    assert again.coded == [] and again.reused == first.shards
    assert equal(compare(local_db, out))
    after = json.loads((out / "_dataset.json").read_text())
    assert after["run_id"] != before["run_id"]
    old = {f for fs in before["files"].values() for f in fs}
    assert not any((out / f).exists() for f in old)  # the previous run's files are gone


def test_a_killed_worker_loses_nothing(ray_session, corpus, local_db, tmp_path):
    out = tmp_path / "out"
    killed: list[int] = []

    def kill_one(stage, done, total):
        if stage == "coding" and done and not killed:
            info = [json.loads(p.read_text()) for p in (out / "_manifest").glob("*.json")]
            killed.append(info[0]["pid"])  # the actor that finished it has more in flight
            os.kill(info[0]["pid"], signal.SIGKILL)

    summary = run([str(corpus)], str(out), shard_size=SHARD, batch=BATCH, workers=2,
                  progress=kill_one)  # fmt: skip
    assert killed
    assert sorted(summary.coded) == sorted({s for s in summary.coded})  # each shard once
    assert len(summary.coded) == summary.shards
    pids = {json.loads(p.read_text())["pid"] for p in (out / "_manifest").glob("*.json")}
    assert killed[0] in pids and len(pids) >= 3  # two actors, and the killed one restarted
    assert equal(compare(local_db, out))


@pytest.mark.slow  # 25 s: a second driver process starts its actors
def test_a_killed_driver_then_a_rerun_codes_only_unfinished_shards(
    ray_session, corpus, local_db, tmp_path
):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--engine", "ray",
           "--address", ray_session, "--out", str(out), "--shard-size", str(SHARD),
           "--batch", str(BATCH), "--workers", "2"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    manifest = out / "_manifest"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if manifest.is_dir() and any(manifest.glob("*.json")):
                break
            time.sleep(0.05)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    time.sleep(3)  # the dead driver's actors are stopped by Ray
    finished = Output(out).finished()
    assert finished, proc.stderr.read().decode()[-2000:]
    summary = run([str(corpus)], str(out), shard_size=SHARD, batch=BATCH, workers=2)
    every = {s.shard_id for s in shards.plan([str(corpus)], None, SHARD).shards}
    assert set(summary.coded) == every - finished
    assert summary.reused == len(finished)
    assert equal(compare(local_db, out))
