"""The local ingest's write batches, replayed over coded shards; story clusters; mention rows.

``eventwire ingest`` stores coded documents in batches of ``batch`` documents, in input order;
story clustering and event linking see the store as it is before each batch. To give the same
events and mentions (ids included), the Ray engine replays those batches over the coded shards,
in shard order: story clusters are assigned here, in the driver (cheap: the MinHash signatures
were computed by the workers), and the mentions are cut by linking block (source, target, CAMEO
root, modality group), which linking never crosses, into partitions that link independently
(``linkstep.py``), one Ray task each.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire import dedup
from eventwire.dedup import linker as link_rules
from eventwire.dedup import stories
from eventwire.model import Article, DocResult, IngestError
from eventwire.store.linking import block_of, lead_end, mention_terms
from eventwire.store.rows import report_values


@dataclass
class Batch:
    """One write batch as the linking of one partition sees it."""

    index: int
    span: tuple[str, str] | None  # first and last day-level date of the batch's mentions
    stories: dict[str, str] = field(default_factory=dict)  # doc_id -> story, new documents
    story_merges: dict[str, str] = field(default_factory=dict)  # absorbed story -> kept
    mentions: list[dict[str, Any]] = field(default_factory=list)  # rows, in seq order


@dataclass
class Replay:
    """Everything the driver worked out: documents, mention rows, batches, errors."""

    documents: list[tuple[Article, int, dict[str, Any]]] = field(default_factory=list)
    band_keys: list[tuple[int, str]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    batches: list[Batch] = field(default_factory=list)  # all mentions of each batch
    errors: list[IngestError] = field(default_factory=list)
    duplicates: int = 0  # documents whose id came again (the first one is kept)


class _Stories:
    """Story clusters of the documents stored so far (``story_bands`` and ``documents``)."""

    def __init__(self) -> None:
        self.bands: dict[int, list[str]] = {}
        self.sig: dict[str, Any] = {}
        self.story: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}

    def lookup(self, keys: Iterable[int]) -> list[stories.StoredDoc]:
        return [
            stories.StoredDoc(d, self.story[d], self.sig[d])
            for k in keys
            for d in self.bands.get(k, ())
        ]

    def add(self, new: list[tuple[str, Any, list[int]]], got: stories.StoryAssignment) -> None:
        for gone, keep in got.merged.items():
            moved = self.members.pop(gone, set())
            for d in moved:
                self.story[d] = keep
            self.members.setdefault(keep, set()).update(moved)
        for doc_id, sig, keys in new:
            s = got.story[doc_id]
            self.sig[doc_id] = sig
            self.story[doc_id] = s
            self.members.setdefault(s, set()).add(doc_id)
            for k in keys:
                self.bands.setdefault(k, []).append(doc_id)


def _mention(art: Article, ev, seq: int, story: str, copy: bool) -> dict[str, Any]:
    block = block_of(ev)
    row = report_values(ev)
    words = mention_terms(ev, art.title)
    lead = lead_end(art.body or "")
    loc = ev.location
    row.update(
        terms=" ".join(sorted(words)),
        mention_id=ev.event_id,
        doc_id=art.doc_id,
        block="|".join(block),
        in_lead=ev.sentence_index == 0 or ev.span[0] < lead and ev.span[1] > ev.span[0],
        seq=seq,
    )
    place = (
        dedup.Place(loc.country, loc.name, loc.lat, loc.lon, loc.precision)
        if loc
        else dedup.Place()
    )
    row["_link"] = dedup.Mention(
        mention_id=ev.event_id,
        doc_id=art.doc_id,
        source=block[0],
        target=block[1],
        root=block[2],
        modality=block[3],
        date=ev.date,
        date_precision=ev.date_precision,
        place=place,
        story_id=story,
        copy=copy,
        terms=words,
        sentence_key=dedup.sentence_key(ev.sentence),
    )
    return row


def replay(
    coded: Iterable[tuple[list[DocResult | IngestError], dict[str, bytes]]],
    *,
    batch: int = 500,
    min_confidence: float = 0.0,
) -> Replay:
    """Documents, mention rows and write batches of the coded shards (in order); ``coded``
    yields each shard's results with the MinHash signature (bytes) of each document."""
    out = Replay()
    st = _Stories()
    seen: set[str] = set()
    pending: list[tuple[DocResult, bytes]] = []
    seq = 1

    def flush() -> None:
        nonlocal seq
        if not pending:
            return
        new = []
        evs_of: dict[str, list] = {}
        seen_events: set[str] = set()
        for res, blob in pending:
            sig = stories.from_bytes(blob) if blob else stories.signature(res.article.body or "")
            new.append((res.article.doc_id, sig, stories.band_keys(sig)))
            evs = []
            for ev in res.events:
                if ev.event_id not in seen_events:
                    seen_events.add(ev.event_id)
                    evs.append(ev)
            evs_of[res.article.doc_id] = evs
        got = stories.assign_stories([(d, s) for d, s, _ in new], st.lookup)
        st.add(new, got)
        b = Batch(index=len(out.batches), span=None, story_merges=dict(got.merged))
        for (res, _blob), (doc_id, sig, keys) in zip(pending, new, strict=True):
            art = res.article
            story = got.story[doc_id]
            copy = got.similarity[doc_id] >= stories.COPY_SIMILARITY
            b.stories[doc_id] = story
            extra = {
                "story_id": story,
                "story_similarity": got.similarity[doc_id] or None,
                "minhash": stories.to_bytes(sig),
            }
            out.documents.append((art, len(evs_of[doc_id]), extra))
            out.band_keys.extend((k, doc_id) for k in keys)
            for ev in evs_of[doc_id]:
                row = _mention(art, ev, seq, story, copy)
                seq += 1
                b.mentions.append(row)
        days = sorted(
            r["_link"].date
            for r in b.mentions
            if r["_link"].date and r["_link"].date_precision in link_rules.DAY_PRECISIONS
        )
        b.span = (days[0][:10], days[-1][:10]) if days else None
        out.mentions.extend(b.mentions)
        out.batches.append(b)
        pending.clear()

    for items, sigs in coded:
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
            pending.append((item, sigs.get(doc_id, b"")))
            if len(pending) >= batch:
                flush()
    flush()
    # a story merged later relabels the documents stored before (UPDATE documents ...)
    for art, _n, extra in out.documents:
        extra["story_id"] = st.story[art.doc_id]
    return out


def partition_of(block: str, parts: int) -> int:
    """The linking partition of a block (stable across runs and machines)."""
    return zlib.crc32(block.encode("utf-8")) % parts


def partitions(rp: Replay, parts: int) -> list[list[Batch]]:
    """The batches of each partition: its blocks' mentions, and the story changes they see."""
    out: list[list[Batch]] = [[] for _ in range(parts)]
    for b in rp.batches:
        cut = [
            Batch(b.index, b.span, {}, b.story_merges, []) for _ in range(parts)
        ]  # fmt: skip
        for row in b.mentions:
            p = cut[partition_of(row["block"], parts)]
            p.mentions.append(row)
            p.stories[row["doc_id"]] = b.stories[row["doc_id"]]
        for p, part in zip(cut, out, strict=True):
            part.append(p)
    return out
