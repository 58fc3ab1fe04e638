"""The command-line side of ``eventwire ingest --engine ray``: a progress bar with totals across
the cluster, one summary line, one-line errors."""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


def ingest_ray(
    inputs: list[str],
    out: str | None,
    *,
    address: str | None,
    input_format: str | None,
    min_confidence: float,
    batch: int,
    workers: int,
    shard_size: int,
    strict: bool,
) -> int:
    """Run the Ray engine; returns the exit status (1: nothing processed, or errors with
    ``strict``; 2: the run could not be done)."""
    from .engine import EngineError, run

    console = Console(stderr=True)
    if not out:
        console.print(
            "error: --engine ray writes a Parquet dataset: give --out DIR", highlight=False
        )
        return 2
    t0 = time.perf_counter()
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} docs · {task.fields[rate]:.1f} docs/s"),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
        transient=True,
    ) as prog:
        task = prog.add_task("starting Ray", total=None, rate=0.0)

        def progress(stage: str, done: int, total: int | None) -> None:
            el = time.perf_counter() - t0
            prog.update(task, description=stage, completed=done, total=total,
                        rate=done / el if el else 0.0)  # fmt: skip

        try:
            s = run(
                inputs, out, address=address, input_format=input_format,
                shard_size=shard_size, workers=workers, batch=batch,
                min_confidence=min_confidence, progress=progress,
            )  # fmt: skip
        except EngineError as exc:
            console.print(f"error: {exc}", highlight=False, markup=False)
            return 2
    reused = f", {s.reused} finished before" if s.reused else ""
    dup = f", {s.duplicates} repeated ids left out" if s.duplicates else ""
    console.print(
        f"{s.documents} documents ({len(s.coded)} of {s.shards} shards coded now{reused}{dup}), "
        f"{s.mentions} reports, {s.events} events, {s.errors} errors in {s.seconds:.1f} s "
        f"on {s.workers} Ray workers ({s.documents / s.seconds if s.seconds else 0:.1f} docs/s) "
        f"-> {s.out}",
        highlight=False,
        markup=False,
    )
    if s.documents == 0 or (strict and s.errors):
        return 1
    return 0
