"""``eventwire ingest --engine ray``: code shards on Ray actors, link across shards in Ray tasks,
write a partitioned Parquet dataset.

1. The inputs are cut into shards (``shards.py``); shards without a manifest entry in the
   output are coded by ``CodingWorker`` actors (one per CPU of the cluster), each writing its
   results and then its manifest entry, so a rerun after a killed worker or driver redoes only
   the shards that were not finished.
2. The driver forms the local ingest's write batches from the coded shards, in input order
   (``batches.py``); linking runs as one Ray task per partition of dyads, each writing every
   batch into a store of its own with only its dyads' reports (``linkstep.py``), so reports of
   one event coded on different workers meet, and the decisions are the store's own.
3. The tables are put together and written as Parquet (``dataset.py``).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from . import batches, dataset, shards
from .output import Output, OutputError


class EngineError(RuntimeError):
    """The Ray run cannot go on (no Ray, no cluster, unfinished shards); one line."""


@dataclass
class Summary:
    shards: int = 0
    coded: list[str] = field(default_factory=list)  # shards coded by this run, in finish order
    reused: int = 0  # shards finished by an earlier run
    documents: int = 0
    events: int = 0
    mentions: int = 0
    errors: int = 0
    duplicates: int = 0
    workers: int = 0
    seconds: float = 0.0
    coding_seconds: float = 0.0
    linking_seconds: float = 0.0
    out: str = ""


Progress = Callable[[str, int, int | None], None]  # (stage, done, total)


def _reachable(address: str, timeout: float = 10.0) -> None:
    """A one-line error when nothing listens at ``host:port`` (or ``ray://host:port``)."""
    import socket

    hostport = address.split("://", 1)[-1]
    host, _, port = hostport.rpartition(":")
    if not host or not port.isdigit():
        raise EngineError(f"--address {address}: use auto, HOST:PORT or ray://HOST:PORT")
    try:
        socket.create_connection((host, int(port)), timeout=timeout).close()
    except OSError as exc:
        raise EngineError(
            f"cannot reach the Ray cluster at {address}: {exc.strerror or exc}"
        ) from exc


def _start_ray(address: str | None, num_cpus: int | None) -> bool:
    """Connect to (or start) Ray; True when this call started it."""
    try:
        import ray
    except ImportError as exc:
        raise EngineError(
            "--engine ray needs Ray: pip install 'eventwire[ray]' (or 'ray>=2.9,<3')"
        ) from exc
    if ray.is_initialized():
        return False
    if address and address != "auto":
        _reachable(address)  # Ray itself retries an unreachable address for minutes
    kw = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.WARNING}
    try:
        if address:
            ray.init(address=address, **kw)
        else:
            ray.init(num_cpus=num_cpus or os.cpu_count() or 1, **kw)
    except Exception as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise EngineError(f"cannot start or reach {where}: {msg}") from exc
    return True


def run(
    inputs: list[str],
    out: str,
    *,
    address: str | None = None,
    input_format: str | None = None,
    shard_size: int = 100,
    workers: int = 0,
    batch: int = 500,
    min_confidence: float = 0.0,
    progress: Progress | None = None,
    keep_ray: bool = False,
) -> Summary:
    """The whole Ray ingest; see the module docstring. ``workers`` 0: one per cluster CPU."""
    t0 = time.perf_counter()
    try:
        output = Output(out)
        plan = shards.plan(inputs, input_format, shard_size)
    except (OutputError, shards.ShardError) as exc:
        raise EngineError(str(exc)) from exc
    if not plan.shards and not plan.errors:
        raise EngineError("no input documents")
    summary = Summary(shards=len(plan.shards), out=output.uri)
    done = output.finished()
    todo = [s for s in plan.shards if s.shard_id not in done]
    summary.reused = len(plan.shards) - len(todo)
    started = _start_ray(address, workers or None)
    import ray

    try:
        cpus = int(ray.cluster_resources().get("CPU", 1)) or 1
        summary.workers = max(1, min(workers or cpus, cpus, max(1, len(todo))))
        actors: list = []
        try:
            if todo:
                actors = _code(todo, output, summary, plan, progress)
            summary.coding_seconds = time.perf_counter() - t0
            t1 = time.perf_counter()
            parts = max(1, cpus)
            _link_and_write(plan, output, summary, batch, min_confidence, parts, actors, progress)
            summary.linking_seconds = time.perf_counter() - t1
        finally:
            for actor in actors:
                ray.kill(actor)
    finally:
        if started and not keep_ray:
            ray.shutdown()
    summary.seconds = time.perf_counter() - t0
    return summary


def _code(todo, output: Output, summary: Summary, plan, progress: Progress | None) -> list:
    """Code the shards on actors; returns the (warm) actors for the linking step."""
    import ray
    from ray.exceptions import RayError

    from .worker import CodingWorker

    total = plan.total
    finished_docs = sum(s.size_hint for s in plan.shards) - sum(s.size_hint for s in todo)
    actors = [CodingWorker.remote(output.uri) for _ in range(summary.workers)]
    queue = list(todo)
    tries: dict[str, int] = {}
    running: dict = {}
    failed: list[str] = []

    def submit(actor) -> None:
        if queue:
            shard = queue.pop(0)
            running[actor.code.remote(shard)] = (shard, actor)

    for actor in actors:  # two in flight per actor: it never waits for the driver
        submit(actor)
        submit(actor)
    if progress:
        progress("coding", finished_docs, total)
    try:
        while running:
            ready, _ = ray.wait(list(running), num_returns=1)
            ref = ready[0]
            shard, actor = running.pop(ref)
            try:
                info = ray.get(ref)
            except RayError as exc:
                n = tries[shard.shard_id] = tries.get(shard.shard_id, 0) + 1
                if n >= 2:
                    failed.append(f"{shards.describe(shard)}: {str(exc).splitlines()[0]}")
                else:
                    queue.append(shard)
                if _dead(actor):
                    actors.remove(actor)
                    actor = CodingWorker.remote(output.uri)
                    actors.append(actor)
                submit(actor)
                continue
            summary.coded.append(info["shard_id"])
            finished_docs += shard.size_hint
            if progress:
                progress("coding", finished_docs, total)
            submit(actor)
    except BaseException:
        for actor in actors:
            ray.kill(actor)
        raise
    if failed:
        for actor in actors:
            ray.kill(actor)
        raise EngineError(
            f"{len(failed)} shard(s) could not be coded ({failed[0]}); the others are saved: "
            "run the same command again to finish"
        )
    return actors


def _dead(actor) -> bool:
    import ray
    from ray.exceptions import RayError

    try:
        ray.get(actor.pid.remote(), timeout=60)
        return False
    except (RayError, TimeoutError):
        return True
    except Exception:  # noqa: BLE001 - GetTimeoutError and the like
        return True


def _link_and_write(plan, output, summary, batch, min_confidence, parts, actors, progress) -> None:
    import ray

    from .worker import link_task

    def coded():
        for s in plan.shards:
            try:
                yield output.load_shard(s.shard_id)
            except OutputError as exc:
                output.forget(s.shard_id)
                raise EngineError(f"{exc}; run the same command again to redo it") from exc

    if progress:
        progress("linking", 0, None)
    rp = batches.replay(coded(), batch=batch, min_confidence=min_confidence)
    rp.errors[:0] = plan.errors
    run = dataset.new_run_id()
    sizes = batches.count_parts(rp, parts)
    todo = [k for k, n in enumerate(sizes) if n] or [0]  # the first also gives the documents
    ref = ray.put(rp.batches)  # once in the object store, read by every task
    calls = []
    for i, k in enumerate(todo):
        args = (ref, k, parts, run, i == 0)
        if actors:  # warm: everything imported
            calls.append(actors[i % len(actors)].link.remote(*args))
        else:  # a rerun with nothing left to code: plain tasks
            calls.append(link_task.remote(*args))
    results = ray.get(calls)
    now = datetime.now(UTC).replace(tzinfo=None)
    con = dataset.build(rp, results, run, now)
    if progress:
        progress("writing", 0, None)
    try:
        desc = dataset.write(
            output, con, run,
            {"shards": [s.shard_id for s in plan.shards], "batch": batch,
             "min_confidence": min_confidence},
        )  # fmt: skip
    finally:
        con.close()
    c = desc["counts"]
    summary.documents, summary.events = c["documents"], c["events"]
    summary.mentions, summary.errors = c["mentions"], c["ingest_errors"]
    summary.duplicates = rp.duplicates
