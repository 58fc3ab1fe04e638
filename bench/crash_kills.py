"""Crash safety at scale: ``kill -9`` a real ingest N times at random points, re-run it to the
end, and compare the store with a clean run's (issue #13).

    python bench/crash_kills.py [--docs 600] [--kills 5] [--workers 2] [--batch 25]

The corpus is generated here (news-like JSONL, half with given ids). Prints one JSON line:
documents and events of both runs, kills that landed mid-run, documents lost (clean run's
documents missing after the re-run) and whether the stores are identical.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.store import Store, StoreLocked

PEOPLE = [
    "Russian troops",
    "Ukrainian forces",
    "Turkish police",
    "Iranian officials",
    "Chinese envoys",
]
ACTS = ["attacked", "met", "criticised", "accused", "praised", "threatened"]


def corpus(path: Path, n: int) -> None:
    with open(path, "w") as fh:
        for i in range(n):
            a, b = PEOPLE[i % 5], PEOPLE[(i * 3 + 1) % 5]
            text = (
                f"{a} {ACTS[i % 6]} {b.split()[0]} delegates in report {i} on Tuesday, officials "
                f"said.\n\nThe talks about item {i} will continue next week in Geneva."
            )
            rec = {"text": text, "date": "2021-06-10"} | ({"id": f"given-{i}"} if i % 2 else {})
            fh.write(json.dumps(rec) + "\n")


def ingest(src: Path, db: Path, workers: int, batch: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(src), "--db", str(db),
           "-j", str(workers), "--batch", str(batch)]  # fmt: skip
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def state(db: Path) -> tuple:
    with Store(db, read_only=True, wait=60) as st:
        con = st._con
        docs = sorted(r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall())
        events = sorted(r[0] for r in con.execute("SELECT event_id FROM events").fetchall())
        mentions = con.execute("SELECT count(*) FROM mentions").fetchall()[0][0]
    return docs, events, mentions


def documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with Store(db, read_only=True, wait=2) as st:
            return st.counts()["documents"]
    except StoreLocked:
        return -1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=25)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        src, clean, db = (
            Path(tmp) / "in.jsonl",
            Path(tmp) / "clean.duckdb",
            Path(tmp) / "crash.duckdb",
        )
        corpus(src, args.docs)
        t0 = time.perf_counter()
        ingest(src, clean, args.workers, args.batch).wait()
        clean_s = time.perf_counter() - t0
        want = state(clean)
        landed, points = 0, []
        for _ in range(args.kills):
            before = max(0, documents(db))
            proc = ingest(src, db, args.workers, args.batch)
            while proc.poll() is None and documents(db) <= before:
                time.sleep(0.1)  # until this run has stored something
            time.sleep(rng.uniform(0.0, 1.0))  # then somewhere in a later batch
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                landed += 1
            proc.wait()
            points.append(documents(db))
        final = ingest(src, db, args.workers, args.batch)
        final.wait()
        got = state(db)
        print(json.dumps({
            "docs": args.docs, "kills_tried": args.kills, "kills_mid_run": landed,
            "documents_after_each_kill": points, "clean_documents": len(want[0]),
            "clean_events": len(want[1]), "clean_mentions": want[2],
            "rerun_documents": len(got[0]), "rerun_events": len(got[1]), "rerun_mentions": got[2],
            "documents_lost": len(set(want[0]) - set(got[0])), "identical": got == want,
            "final_exit": final.returncode, "clean_seconds": round(clean_s, 1),
        }))  # fmt: skip


if __name__ == "__main__":
    main()
