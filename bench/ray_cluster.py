"""A simulated multi-node run: Ray's ``cluster_utils.Cluster`` starts a head and worker nodes on
this machine (a raylet each, 1 CPU each), the Ray engine codes and links across them, and the
result is compared with the local engine's.

    python bench/ray_cluster.py --nodes 4 --limit 500

Prints the nodes that coded shards, the time, and whether the stores are set-equal.
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=4)
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--shard-size", type=int, default=50)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--keep", type=Path, help="directory to keep the stores in")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus}: no corpus (the shared Reuters file)")
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="ew-cluster-"))
    tmp.mkdir(parents=True, exist_ok=True)
    src = tmp / f"reuters-{args.limit}.jsonl"
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh, open(src, "w") as out:
        out.writelines(itertools.islice(fh, args.limit))
    db, data = tmp / "local.duckdb", tmp / "cluster"
    db.unlink(missing_ok=True)
    subprocess.run(["rm", "-rf", str(data)], check=True)
    t0 = time.perf_counter()
    subprocess.run([str(BIN), "ingest", str(src), "--db", str(db), "--workers", "2"],
                   check=True, capture_output=True, env={**os.environ})  # fmt: skip
    print(f"local engine: {time.perf_counter() - t0:.1f} s")

    import ray
    from ray.cluster_utils import Cluster

    from eventwire.scale import run
    from eventwire.scale.compare import compare, equal

    node = {"num_cpus": 1, "object_store_memory": 200 * 1024**2}
    cluster = Cluster(initialize_head=True, head_node_args=node)
    try:
        for _ in range(args.nodes - 1):
            cluster.add_node(**node)
        cluster.wait_for_nodes()
        ray.init(address=cluster.address, include_dashboard=False, log_to_driver=False)
        print(f"cluster: {len([n for n in ray.nodes() if n['Alive']])} nodes, "
              f"{ray.cluster_resources().get('CPU')} CPUs")  # fmt: skip
        t0 = time.perf_counter()
        s = run([str(src)], str(data), shard_size=args.shard_size)
        el = time.perf_counter() - t0
        nodes = {json.loads(p.read_text())["node"] for p in (data / "_manifest").glob("*.json")}
        print(f"ray engine on {s.workers} workers: {el:.1f} s; {s.documents} documents, "
              f"{s.events} events, {s.mentions} mentions; shards coded on {len(nodes)} nodes")  # fmt: skip
        ray.shutdown()
    finally:
        cluster.shutdown()
    report = compare(db, data)
    print(json.dumps(report))
    print("SET-EQUAL" if equal(report) else "DIFFERENT")


if __name__ == "__main__":
    main()
