"""Re-coding stored documents: new reports replace the old, every mention is linked again, and
events keep their ids.

After the dictionaries or patterns change, ``eventwire recode`` codes the stored documents
again. Their old mentions are replaced by the new ones (document ids never change), then all
mentions are linked from scratch in their original order, and each resulting event takes the id
that most of its mentions' old counterparts (same document, sentence and linking block) had,
when no larger event claimed it first; otherwise the usual id of its first mention.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import duckdb
import pyarrow as pa

from eventwire import dedup
from eventwire.dedup.stories import COPY_SIMILARITY
from eventwire.model import DocResult

from . import linking, rows, schema
from .writer import _arrow, _cols, refresh


def _old_ids(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int, str], str]:
    got = con.execute("SELECT doc_id, sentence_index, block, event_id FROM mentions").fetchall()
    return {(d, si, b): e for d, si, b, e in got}


def _all_mentions(con: duckdb.DuckDBPyConnection) -> list[tuple[dedup.Mention, tuple]]:
    got = con.execute(
        'SELECT m.mention_id, m.doc_id, m.block, CAST(m."date" AS VARCHAR), m.date_precision, '
        "m.location_country, m.location_name, m.location_lat, m.location_lon, "
        "m.location_precision, d.story_id, m.sentence_index, d.story_similarity, m.terms, "
        "m.sentence, json_extract_string(m.location_json, '$.rule'), m.cameo, m.date_text, "
        f"{linking.SPEAKER_SQL} "
        "FROM mentions m "
        "JOIN documents d ON d.doc_id = m.doc_id ORDER BY m.seq, m.doc_id, m.sentence_index"
    ).fetchall()
    out = []
    for row in got:
        mid, doc, block, day, prec, country, name, lat, lon, lprec, story, si, sim, words = row[:14]
        src, tgt, root, mod = block.split("|")
        m = dedup.Mention(
            mention_id=mid,
            doc_id=doc,
            source=src,
            target=tgt,
            root=root,
            modality=mod,
            date=day,
            date_precision=prec,
            place=dedup.Place(
                country=country, name=name, lat=lat, lon=lon, precision=lprec, rule=row[15]
            ),
            story_id=story,
            copy=(sim or 0.0) >= COPY_SIMILARITY,
            terms=frozenset((words or "").split()),
            sentence_key=dedup.sentence_key(row[14]),
            cameo=row[16] or "",
            date_stated=bool(row[17]),
            person=linking.speaker_of_row(row[18]),
        )
        out.append((m, (doc, si, block)))
    return out


def keep_ids(
    result: dedup.LinkResult, keys: dict[str, tuple], old: dict[tuple, str]
) -> dict[str, str]:
    """New event id -> the id it keeps: the old id most of its mentions had, biggest first."""
    members: dict[str, list[str]] = {}
    for mid, eid in result.assign.items():
        members.setdefault(eid, []).append(mid)
    claimed: set[str] = set()
    rename: dict[str, str] = {}
    later: list[str] = []
    for eid in sorted(members, key=lambda e: (-len(members[e]), e)):
        votes = Counter(old[keys[m]] for m in members[eid] if keys[m] in old)
        choice = next((o for o, _ in votes.most_common() if o not in claimed), None)
        if choice is None:
            later.append(eid)
        else:
            rename[eid] = choice
            claimed.add(choice)
    # the rest take their usual id, or, when an old event already holds it (its first
    # mention now opens another event), the usual id of another of their mentions
    for eid in later:
        ids = [eid, *(dedup.event_id_for(m) for m in members[eid])]
        rename[eid] = next(
            (i for i in ids if i not in claimed), dedup.event_id_for(f"{eid}|{members[eid][0]}")
        )
        claimed.add(rename[eid])
    return rename


def recode(con: duckdb.DuckDBPyConnection, results: Sequence[DocResult]) -> dict[str, int]:
    """Replace the mentions of the given stored documents and re-link everything."""
    old = _old_ids(con)
    first_seq = dict(
        con.execute("SELECT doc_id, min(seq) FROM mentions GROUP BY doc_id").fetchall()
    )
    seq = linking.next_seq(con)
    new_rows = []
    for res in results:
        art = res.article
        lead = linking.lead_end(art.body or "")
        start = first_seq.get(art.doc_id)
        if start is None:
            start, seq = seq, seq + len(res.events)
        seen = set()
        for i, ev in enumerate(res.events):
            if ev.event_id in seen:
                continue
            seen.add(ev.event_id)
            row = rows.report_values(ev)
            row.update(
                terms=" ".join(sorted(linking.mention_terms(ev, art.title))),
                mention_id=ev.event_id,
                doc_id=art.doc_id,
                block="|".join(linking.block_of(ev)),
                in_lead=ev.sentence_index == 0 or ev.span[0] < lead and ev.span[1] > ev.span[0],
                seq=start + i,
            )
            new_rows.append(row)
    docs = pa.table(
        {
            "doc_id": pa.array([r.article.doc_id for r in results], pa.string()),
            "n": pa.array([len(r.events) for r in results], pa.int32()),
        }
    )
    con.register("_ew_recoded", docs)
    con.register("_ew_mentions", _arrow(rows.mention_columns(new_rows), schema.MENTION_COLUMNS))
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM mentions WHERE doc_id IN (SELECT doc_id FROM _ew_recoded)")
        con.execute(
            f"INSERT OR IGNORE INTO mentions ({_cols(schema.MENTION_COLUMNS)}) "
            f"SELECT {schema.select_list(schema.MENTION_COLUMNS)} FROM _ew_mentions"
        )
        con.execute(
            "UPDATE documents SET n_events = r.n FROM _ew_recoded r "
            "WHERE documents.doc_id = r.doc_id"
        )
        n_events = relink(con, old)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_ew_recoded")
        con.unregister("_ew_mentions")
    return {"documents": len(results), "mentions": len(new_rows), "events": n_events}


def relink(con: duckdb.DuckDBPyConnection, old: dict[tuple, str]) -> int:
    """Link every stored mention again (inside the caller's transaction); returns #events."""
    pairs = _all_mentions(con)
    result = dedup.link([m for m, _ in pairs], [])
    keys = {m.mention_id: key for m, key in pairs}
    rename = keep_ids(result, keys, old)
    roots = {ev.event_id: ev.root_mention for ev in result.new_events}
    mids = list(result.assign)
    table = pa.table(
        {
            "mention_id": pa.array(mids, pa.string()),
            "event_id": pa.array([rename[result.assign[m]] for m in mids], pa.string()),
            "rule": pa.array([result.rules[m] for m in mids], pa.string()),
            "is_root": pa.array([roots.get(result.assign[m]) == m for m in mids], pa.bool_()),
        }
    )
    report = schema.names(schema.REPORT_COLUMNS)
    select = ", ".join(
        [
            "a.event_id",
            *(f'm."{n}"' for n in report),
            "m.mention_id",
            "0",
            "0",
            "0",
            "false",
            "d.ingested_at",
        ]
    )
    con.register("_ew_assign", table)
    try:
        con.execute(
            "UPDATE mentions SET event_id = a.event_id, link_rule = a.rule FROM _ew_assign a "
            "WHERE mentions.mention_id = a.mention_id"
        )
        con.execute("DELETE FROM events")
        con.execute(
            f"INSERT INTO events ({_cols(schema.EVENT_COLUMNS)}) SELECT {select} "
            "FROM mentions m JOIN _ew_assign a ON a.mention_id = m.mention_id "
            "JOIN documents d ON d.doc_id = m.doc_id WHERE a.is_root"
        )
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _ew_refresh AS SELECT DISTINCT event_id FROM events"
        )
        refresh(con, "_ew_refresh")
        con.execute("DROP TABLE IF EXISTS _ew_refresh")
    finally:
        con.unregister("_ew_assign")
    return len(roots)
