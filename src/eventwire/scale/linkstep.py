"""Event linking of one partition of linking blocks, batch by batch (a Ray task's work).

The same decisions ``eventwire ingest`` makes when it writes each batch (``store/linking.py``
and ``store/writer.py``), held in memory for the blocks of one partition: before a batch the
stored events of its mentions' blocks are those that are undated or of month/year precision,
or dated within the batch's day span widened by the linking window; they carry their current
place, story clusters, documents, content terms and sentences, oldest first. ``dedup.link``
decides; then bridge merges move mentions, and an event with no place takes the first placed
mention's (as ``REFRESH_PLACE``). Pure Python: no Ray, no database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from eventwire import dedup
from eventwire.dedup import linker as link_rules

from .batches import Batch

LOCATION = (
    "location_name",
    "location_country",
    "location_admin1",
    "location_lat",
    "location_lon",
    "location_precision",
    "location_json",
)


def cast_date(value: str | None) -> str | None:
    """The text of ``TRY_CAST(value AS DATE)``: a YYYY-MM-DD date, else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat() if len(value) >= 10 else None
    except ValueError:
        return None


@dataclass
class _Event:
    event_id: str
    block: str
    date: str | None
    precision: str | None
    location: dict[str, Any]
    root_mention: str
    mentions: list[str] = field(default_factory=list)


@dataclass
class PartitionResult:
    assign: dict[str, tuple[str, str]] = field(default_factory=dict)  # mention -> (event, rule)
    events: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)  # id -> root, place
    merges: list[tuple[str, str, str, str, int]] = field(default_factory=list)  # +batch index


def link_partition(batches: list[Batch]) -> PartitionResult:
    """Link the mentions of one partition's batches, in order."""
    rows: dict[str, dict[str, Any]] = {}
    events: dict[str, _Event] = {}
    by_block: dict[str, set[str]] = {}
    of: dict[str, str] = {}  # mention -> event
    rules: dict[str, str] = {}  # mention -> link_rule
    story: dict[str, str] = {}  # document -> story cluster (current)
    members: dict[str, set[str]] = {}
    merges: list[tuple[str, str, str, str, int]] = []

    for b in batches:
        for gone, keep in b.story_merges.items():
            moved = members.pop(gone, set())
            for d in moved:
                story[d] = keep
            members.setdefault(keep, set()).update(moved)
        for d, s in b.stories.items():
            story[d] = s
            members.setdefault(s, set()).add(d)
        if not b.mentions:
            continue
        existing = _stored(b, events, by_block, rows, story)
        result = dedup.link([r["_link"] for r in b.mentions], existing)
        new_ids = {ev.event_id for ev in result.new_events}
        touched: set[str] = set()
        for r in b.mentions:
            mid = r["mention_id"]
            rows[mid] = r
            eid = result.assign[mid]
            of[mid] = eid
            rules[mid] = result.rules[mid]
            if eid not in new_ids:
                touched.add(eid)
        for ev in result.new_events:
            root = rows[ev.root_mention]
            e = _Event(
                ev.event_id,
                root["block"],
                cast_date(root["date"]),
                root["date_precision"],
                {c: root[c] for c in LOCATION},
                ev.root_mention,
            )
            events[e.event_id] = e
            by_block.setdefault(e.block, set()).add(e.event_id)
        for r in b.mentions:
            events[of[r["mention_id"]]].mentions.append(r["mention_id"])
        for m in result.merges:
            touched.add(m.into)
            gone = events.pop(m.absorbed, None)
            if gone is not None:
                by_block[gone.block].discard(gone.event_id)
                for mid in gone.mentions:
                    of[mid] = m.into
                keep = events[m.into]
                keep.mentions = sorted(keep.mentions + gone.mentions, key=lambda x: rows[x]["seq"])
            merges.append((m.absorbed, m.into, m.rule, m.mention_id, b.index))
        for eid in touched | {of[r["mention_id"]] for r in b.mentions}:
            e = events.get(eid)
            if e is not None:
                _fill_place(e, rows)
    out = PartitionResult(merges=merges)
    for mid, eid in of.items():
        out.assign[mid] = (eid, rules[mid])
    for e in events.values():
        out.events[e.event_id] = (e.root_mention, e.location)
    return out


def _fill_place(e: _Event, rows: dict[str, dict[str, Any]]) -> None:
    if e.location["location_name"] is not None or e.location["location_country"] is not None:
        return
    for mid in sorted(e.mentions, key=lambda x: rows[x]["seq"]):
        r = rows[mid]
        if r["location_name"] is not None or r["location_country"] is not None:
            e.location = {c: r[c] for c in LOCATION}
            return


def _stored(
    b: Batch,
    events: dict[str, _Event],
    by_block: dict[str, set[str]],
    rows: dict[str, dict[str, Any]],
    story: dict[str, str],
) -> list[dedup.LinkedEvent]:
    """``store.linking.stored_events`` for the batch's blocks, from memory."""
    lo = hi = None
    if b.span is not None:
        lo = (date.fromisoformat(b.span[0]) - timedelta(days=link_rules.MAX_DAYS)).isoformat()
        hi = (date.fromisoformat(b.span[1]) + timedelta(days=link_rules.MAX_DAYS)).isoformat()
    picked: list[tuple[int, str, _Event]] = []
    for block in {r["block"] for r in b.mentions}:
        for eid in by_block.get(block, ()):
            e = events[eid]
            if not (
                e.date is None
                or e.precision in ("month", "year")
                or (lo is not None and lo <= e.date <= hi)
            ):
                continue
            picked.append((min(rows[m]["seq"] for m in e.mentions), e.event_id, e))
    picked.sort(key=lambda t: (t[0], t[1]))
    out = []
    for _seq, _eid, e in picked:
        src, tgt, root, mod = e.block.split("|")
        loc = e.location
        ms = [rows[m] for m in e.mentions]
        words = " ".join(r["terms"] for r in ms if r["terms"] is not None)
        out.append(
            dedup.LinkedEvent(
                event_id=e.event_id,
                source=src,
                target=tgt,
                root=root,
                modality=mod,
                date=e.date,
                date_precision=e.precision,
                place=dedup.Place(
                    country=loc["location_country"],
                    name=loc["location_name"],
                    lat=loc["location_lat"],
                    lon=loc["location_lon"],
                    precision=loc["location_precision"],
                ),
                stories={story[r["doc_id"]] for r in ms if story.get(r["doc_id"])},
                docs={r["doc_id"] for r in ms},
                terms=set(words.split()),
                sentences={dedup.sentence_key(r["sentence"]) for r in ms} - {""},
            )
        )
    return out
