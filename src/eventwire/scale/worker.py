"""The Ray side: a stateful coding actor (the spaCy model and the dictionaries loaded once per
actor) and the linking task. Imported only by the Ray engine; importing it imports Ray."""

from __future__ import annotations

import os
import time

import ray

from eventwire.model import DocResult

from . import shards
from .linkstep import link_partition
from .output import Output


def code_shard(shard: shards.Shard, out: Output) -> dict:
    """Read, extract, parse and code one shard as the local engine does, and save it."""
    from eventwire.pipeline import _work

    t0 = time.perf_counter()
    results = _work(shards.read(shard))
    docs = sum(isinstance(r, DocResult) for r in results)
    info = {
        "shard_id": shard.shard_id,
        "index": shard.index,
        "what": shards.describe(shard),
        "documents": docs,
        "errors": len(results) - docs,
        "events": sum(len(r.events) for r in results if isinstance(r, DocResult)),
        "seconds": round(time.perf_counter() - t0, 3),
        "pid": os.getpid(),
        "node": ray.get_runtime_context().get_node_id(),
    }
    out.save_shard(shard.shard_id, results, info)
    return info


@ray.remote(num_cpus=1, max_restarts=1, max_task_retries=1)
class CodingWorker:
    """One per CPU: holds the model, the dictionaries and the gazetteer for its whole life."""

    def __init__(self, out_uri: str):
        from eventwire.pipeline import _warm

        _warm()
        self.out = Output(out_uri)

    def pid(self) -> int:
        return os.getpid()

    def code(self, shard: shards.Shard) -> dict:
        return code_shard(shard, self.out)

    def link(self, batches, part: int, parts: int, run_id: str, shared: bool) -> dict:
        """Link one dyad partition (the second step runs on the warm actors)."""
        return link_partition(batches, part, parts, run_id, shared)


link_task = ray.remote(num_cpus=1, max_retries=2)(link_partition)
