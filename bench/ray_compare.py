"""The Ray engine against the local engine on Reuters stories: same events and mentions (ids
included), and throughput on this machine.

    python bench/ray_compare.py --limit 5000 --workers 2

Writes the first N stories of the shared Reuters corpus to a temporary JSONL file, ingests it
with ``eventwire ingest --workers W`` (local) and ``eventwire ingest --engine ray`` (a local
Ray with W CPUs), each in its own process and timed from start to exit (Ray's start-up
included), then compares the two stores table by table.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "reuters21578.jsonl.gz"
BIN = Path(sys.executable).parent / "eventwire"


def timed(cmd: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    env = {**os.environ, "COLUMNS": "200"}
    got = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    el = time.perf_counter() - t0
    if got.returncode:
        sys.exit(f"failed ({got.returncode}): {' '.join(cmd)}\n{got.stderr[-2000:]}")
    return el, got.stderr.strip().splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--shard-size", type=int, default=100)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--keep", type=Path, help="directory to keep the stores in")
    ap.add_argument("--skip-local", action="store_true", help="reuse --keep's local.duckdb")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus}: no corpus (the shared Reuters file)")
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="ew-ray-"))
    tmp.mkdir(parents=True, exist_ok=True)
    src = tmp / f"reuters-{args.limit}.jsonl"
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh, open(src, "w") as out:
        out.writelines(itertools.islice(fh, args.limit))
    db, data = tmp / "local.duckdb", tmp / "ray"
    if not args.skip_local:
        db.unlink(missing_ok=True)
        t_local, line_local = timed(
            [str(BIN), "ingest", str(src), "--db", str(db), "--workers", str(args.workers)]
        )
        print(f"local  {t_local:7.1f} s  {args.limit / t_local:6.1f} docs/s   {line_local}")
    subprocess.run(["rm", "-rf", str(data)], check=True)
    t_ray, line_ray = timed(
        [str(BIN), "ingest", str(src), "--engine", "ray", "--out", str(data),
         "--workers", str(args.workers), "--shard-size", str(args.shard_size)]
    )  # fmt: skip
    print(f"ray    {t_ray:7.1f} s  {args.limit / t_ray:6.1f} docs/s   {line_ray}")
    if not args.skip_local:
        print(f"ray / local throughput: {t_local / t_ray:.3f}")

    from eventwire.scale.compare import compare, equal

    report = compare(db, data)
    print(json.dumps(report, indent=1))
    print("SET-EQUAL" if equal(report) else "DIFFERENT")


if __name__ == "__main__":
    main()
