"""The store's side of deduplication: feed ``eventwire.dedup`` from the database, collect rows.

:func:`plan_batch` reads what the new documents could join (stored story signatures sharing a
band, stored events sharing a linking block), runs story clustering and event linking (pure
functions in ``eventwire.dedup``) and returns the rows and updates that ``Store.write`` applies
in its transaction. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import duckdb
import pyarrow as pa

from eventwire import dedup
from eventwire.dedup import codes as link_codes
from eventwire.dedup import linker as link_rules
from eventwire.dedup import speakers, stories
from eventwire.dedup.terms import report_terms
from eventwire.model import Actor, Article, Event

from .rows import report_values


@dataclass
class Plan:
    doc_extra: dict[str, dict[str, Any]] = field(default_factory=dict)
    band_keys: list[int] = field(default_factory=list)
    band_docs: list[str] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)  # mention ids that start a new event
    merges: list[dedup.Merge] = field(default_factory=list)
    story_merges: dict[str, str] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)  # existing events that got mentions


def lead_end(body: str) -> int:
    """End offset of the lead paragraph: the first line break after the first text."""
    start = len(body) - len(body.lstrip())
    end = body.find("\n", start)
    return len(body) if end < 0 else end


def mention_terms(ev: Event, title: str | None) -> frozenset[str]:
    """Content terms of a report: its sentence and headline, without the actors' words."""
    return report_terms(ev.sentence, title, (ev.source.text, ev.target.text if ev.target else None))


def block_of(ev: Event) -> tuple[str, str, str, str]:
    src, tgt = ev.source, ev.target
    return (
        dedup.actor_key(src.code, src.country, src.sector),
        dedup.actor_key(tgt.code, tgt.country, tgt.sector) if tgt else "-",
        ev.root,
        dedup.modality_group(ev.modality),
    )


def _register(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    con.register(name, table)


def _stored_docs(con: duckdb.DuckDBPyConnection, keys: list[int]) -> dict[int, list]:
    if not keys:
        return {}
    _register(con, "_ew_keys", pa.table({"k": pa.array(sorted(set(keys)), pa.int64())}))
    try:
        got = con.execute(
            "SELECT b.band_key, d.doc_id, d.story_id, d.minhash FROM story_bands b "
            "JOIN documents d ON d.doc_id = b.doc_id "
            "WHERE b.band_key IN (SELECT k FROM _ew_keys) AND d.minhash IS NOT NULL"
        ).fetchall()
    finally:
        con.unregister("_ew_keys")
    out: dict[int, list] = {}
    for key, doc_id, story_id, blob in got:
        out.setdefault(key, []).append(
            stories.StoredDoc(doc_id, story_id or doc_id, stories.from_bytes(blob))
        )
    return out


def stored_events(
    con: duckdb.DuckDBPyConnection,
    blocks: Iterable[str],
    days: tuple[str, str] | None = None,
) -> list[dedup.LinkedEvent]:
    """The stored events of the given linking blocks, oldest first, with their story clusters
    and documents: undated and month/year-precision ones, and day-level ones within ``days``
    (first, last: the batch's day-level dates) widened by the linker's widest window."""
    # the blocks of every root in each block's linking group (dedup/codes.py)
    wide = set()
    for blk in blocks:
        src, tgt, root, mod = blk.split("|")
        wide |= {f"{src}|{tgt}|{r}|{mod}" for r in link_codes.roots_of(root)}
    blocks = sorted(wide)
    if not blocks:
        return []
    when = "e.\"date\" IS NULL OR e.date_precision IN ('month', 'year')"
    params: list[Any] = []
    if days is not None:
        # as far as the linker looks: copies re-dated by a week, a week-precision date's week
        lo = date.fromisoformat(days[0]) - timedelta(days=link_rules.MAX_COPY_DAYS)
        hi = date.fromisoformat(days[1]) + timedelta(days=link_rules.MAX_COPY_DAYS)
        when += ' OR e."date" BETWEEN ? AND ?'
        params = [lo, hi]
    _register(con, "_ew_blocks", pa.table({"b": pa.array(blocks, pa.string())}))
    try:
        got = con.execute(
            'SELECT e.event_id, e.block, CAST(e."date" AS VARCHAR), e.date_precision, '
            # the event's place as linking sees it: its first mention's that is evidence
            "arg_min({'c': m.location_country, 'n': m.location_name, 'lat': m.location_lat, "
            "'lon': m.location_lon, 'p': m.location_precision, 'r': "
            f"{PLACE_RULE_SQL}}}, m.seq) FILTER ({PLACE_EVIDENCE_SQL}), "
            "list(DISTINCT d.story_id) FILTER (d.story_id IS NOT NULL), "
            "list(DISTINCT m.doc_id), string_agg(m.terms, ' '), list(m.sentence), "
            "list(DISTINCT m.cameo), e.date_text IS NOT NULL, "
            f"list(DISTINCT {SPEAKER_SQL}), list(m.terms ORDER BY m.seq) "
            "FROM events e JOIN mentions m ON m.event_id = e.event_id "
            "JOIN documents d ON d.doc_id = m.doc_id "
            f"WHERE e.block IN (SELECT b FROM _ew_blocks) AND ({when}) "
            "GROUP BY ALL ORDER BY min(m.seq), e.event_id",
            params,
        ).fetchall()
    finally:
        con.unregister("_ew_blocks")
    out = []
    for row in got:
        eid, block, day, prec, where, story_ids, doc_ids, words = row[:8]
        src, tgt, root, mod = block.split("|")
        w = where or {}
        out.append(
            dedup.LinkedEvent(
                event_id=eid,
                source=src,
                target=tgt,
                root=root,
                modality=mod,
                date=day,
                date_precision=prec,
                place=dedup.Place(
                    country=w.get("c"),
                    name=w.get("n"),
                    lat=w.get("lat"),
                    lon=w.get("lon"),
                    precision=w.get("p"),
                    rule=w.get("r"),
                ),
                stories=set(story_ids or ()),
                docs=set(doc_ids or ()),
                terms=set((words or "").split()),
                sentences={dedup.sentence_key(s) for s in row[8] or ()} - {""},
                codes=set(row[9] or ()) - {None},
                date_stated=bool(row[10]),
                persons={p for p in map(speaker_of_row, row[11] or ()) if p},
                reports=[frozenset((t or "").split()) for t in row[12] or ()],
            )
        )
    return out


# what a stored mention's named source is worked out from (dedup.speakers.speaker)
SPEAKER_SQL = (
    "{'k': json_extract_string(m.source_json, '$.kind'), "
    "'n': json_extract_string(m.source_json, '$.name'), 't': m.source_text, "
    "'s': json_extract_string(m.source_json, '$.sector')}"
)


def speaker_of_row(row: dict[str, Any] | None) -> str | None:
    """The named source (a person, a named union or company) of a stored mention."""
    if not row:
        return None
    return speakers.speaker(row.get("k"), row.get("n"), row.get("t"), row.get("s"))


def person_of(actor: Actor | None) -> str | None:
    """The named source of a report: a person's canonical name, a union's or company's name."""
    if actor is None:
        return None
    return speakers.speaker(actor.kind, actor.name, actor.text, actor.sector)


# the rule that chose a stored mention's place, and whether that place is evidence for linking
PLACE_RULE_SQL = "json_extract_string(m.location_json, '$.rule')"
PLACE_EVIDENCE_SQL = (
    "(m.location_name IS NOT NULL OR m.location_country IS NOT NULL) AND "
    f"COALESCE({PLACE_RULE_SQL}, '') NOT IN "
    f"({', '.join(repr(r) for r in sorted(link_rules.WEAK_PLACE_RULES))})"
)


def next_seq(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT COALESCE(max(seq), 0) + 1 FROM mentions").fetchall()[0][0])


def plan_batch(
    con: duckdb.DuckDBPyConnection, fresh: Sequence[tuple[Article, list[Event]]]
) -> Plan:
    """Story clusters and event links for new documents (in order) and their coded events."""
    plan = Plan()
    sigs = [(art.doc_id, stories.signature(art.body or "")) for art, _ in fresh]
    all_keys: list[int] = []
    keys_of: dict[str, list[int]] = {}
    for doc_id, sig in sigs:
        keys_of[doc_id] = stories.band_keys(sig)
        all_keys.extend(keys_of[doc_id])
    stored = _stored_docs(con, all_keys)

    def lookup(keys: Iterable[int]) -> list[stories.StoredDoc]:
        return [d for k in keys for d in stored.get(k, ())]

    assigned = stories.assign_stories(sigs, lookup)
    plan.story_merges = assigned.merged
    for doc_id, sig in sigs:
        plan.doc_extra[doc_id] = {
            "story_id": assigned.story[doc_id],
            "story_similarity": assigned.similarity[doc_id] or None,
            "minhash": stories.to_bytes(sig),
        }
        plan.band_keys.extend(keys_of[doc_id])
        plan.band_docs.extend([doc_id] * len(keys_of[doc_id]))

    seq = next_seq(con)
    link_in: list[dedup.Mention] = []
    for art, events in fresh:
        lead = lead_end(art.body or "")
        story = assigned.story[art.doc_id]
        for ev in events:
            block = block_of(ev)
            row = report_values(ev)
            words = mention_terms(ev, art.title)
            row.update(
                terms=" ".join(sorted(words)),
                mention_id=ev.event_id,
                doc_id=art.doc_id,
                block="|".join(block),
                in_lead=ev.sentence_index == 0 or ev.span[0] < lead and ev.span[1] > ev.span[0],
                seq=seq,
            )
            seq += 1
            plan.mentions.append(row)
            loc = ev.location
            place = (
                dedup.Place(
                    country=loc.country,
                    name=loc.name,
                    lat=loc.lat,
                    lon=loc.lon,
                    precision=loc.precision,
                    rule=loc.rule,
                )
                if loc
                else dedup.Place()
            )
            link_in.append(
                dedup.Mention(
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
                    copy=assigned.similarity[art.doc_id] >= stories.COPY_SIMILARITY,
                    terms=words,
                    sentence_key=dedup.sentence_key(ev.sentence),
                    cameo=ev.cameo,
                    date_stated=bool(ev.date_text),
                    person=person_of(ev.source),
                )
            )
    day_dates = sorted(
        m.date for m in link_in if m.date and m.date_precision in link_rules.DAY_PRECISIONS
    )
    span = (day_dates[0][:10], day_dates[-1][:10]) if day_dates else None
    existing = stored_events(con, (row["block"] for row in plan.mentions), span)
    # story clusters merged by this batch: the stored events see the merged ids
    if plan.story_merges:
        for ev in existing:
            ev.stories = {plan.story_merges.get(s, s) for s in ev.stories}
    result = dedup.link(link_in, existing)
    new_ids = {ev.event_id for ev in result.new_events}
    plan.roots = [ev.root_mention for ev in result.new_events if ev.root_mention]
    plan.merges = result.merges
    for row in plan.mentions:
        eid = result.assign[row["mention_id"]]
        row["event_id"] = eid
        row["link_rule"] = result.rules[row["mention_id"]]
        if eid not in new_ids:
            plan.touched.add(eid)
    plan.touched |= {m.into for m in result.merges}
    return plan
