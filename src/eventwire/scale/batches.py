"""The local ingest's write batches, replayed over coded shards, and their dyad partitions.

``eventwire ingest`` stores coded documents in batches of ``batch`` documents, in input order;
story clustering and event linking see the store as it is before each batch. To give the same
events and mentions (ids included), the Ray engine forms the same batches from the coded
shards, in shard order. Linking never joins reports of two different dyads (its block starts
with the source and target at country+sector level), so each partition of dyads is linked on
its own (``linkstep.py``), one Ray task each, by the store's own code.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from eventwire.model import DocResult, Event, IngestError
from eventwire.store.linking import block_of


@dataclass
class Replay:
    """The write batches of a run, in order, and what fell out of them."""

    batches: list[list[DocResult]] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    seq: dict[str, int] = field(default_factory=dict)  # mention id -> its place in the store
    n_events: dict[str, int] = field(default_factory=dict)  # doc_id -> reports stored
    duplicates: int = 0  # documents whose id came again (the first one is kept)


def replay(
    coded: Iterable[list[DocResult | IngestError]],
    *,
    batch: int = 500,
    min_confidence: float = 0.0,
) -> Replay:
    """The batches ``eventwire ingest --batch`` writes for the coded shards (in order):
    ``batch`` documents each, events under ``min_confidence`` left out, a repeated document
    id left out after its first document."""
    out = Replay()
    seen: set[str] = set()
    pending: list[DocResult] = []

    def flush() -> None:
        if pending:
            seen_events: set[str] = set()
            for res in pending:
                n = 0
                for ev in res.events:  # as Store.write: an event id repeated in a batch once
                    if ev.event_id not in seen_events and ev.event_id not in out.seq:
                        seen_events.add(ev.event_id)
                        out.seq[ev.event_id] = len(out.seq) + 1
                        n += 1
                out.n_events[res.article.doc_id] = n
            out.batches.append(list(pending))
            pending.clear()

    for items in coded:
        for item in items:
            if isinstance(item, IngestError):
                out.errors.append(item)
                continue
            doc_id = item.article.doc_id
            if doc_id in seen:
                out.duplicates += 1
                continue
            seen.add(doc_id)
            item.events = [e for e in item.events if e.confidence >= min_confidence]
            pending.append(item)
            if len(pending) >= batch:
                flush()
    flush()
    return out


def dyad_of(ev: Event) -> str:
    """The unordered dyad of an event at linking level (``RUS/MIL`` and ``UKR/``)."""
    src, tgt = block_of(ev)[:2]
    return "|".join(sorted((src, tgt)))


def partition_of(dyad: str, parts: int) -> int:
    """The linking partition of a dyad (stable across runs and machines)."""
    return zlib.crc32(dyad.encode("utf-8")) % parts


def count_parts(rp: Replay, parts: int) -> list[int]:
    """Reports in each partition (empty partitions need no task)."""
    n = [0] * parts
    for b in rp.batches:
        for res in b:
            for ev in res.events:
                n[partition_of(dyad_of(ev), parts)] += 1
    return n
