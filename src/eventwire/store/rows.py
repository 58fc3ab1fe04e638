"""Conversions between model objects, flat table columns and the JSONL event contract."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from eventwire.model import Article, Event, IngestError

from . import schema


def _columns(names: list[str]) -> dict[str, list[Any]]:
    return {name: [] for name in names}


def article_columns(articles: list[tuple[Article, int, dict[str, Any]]]) -> dict[str, list[Any]]:
    """Columns of ``documents`` (without the store-set ones) for (article, n_events, extra)
    triples; ``extra`` holds the columns dedup fills (story_id, story_similarity, minhash)."""
    cols = _columns(schema.names(schema.DOCUMENT_COLUMNS, schema.DOCUMENT_STORE_SET))
    for art, n_events, extra in articles:
        for name in cols:
            if name == "n_events":
                cols[name].append(n_events)
            elif name in extra:
                cols[name].append(extra[name])
            else:
                cols[name].append(getattr(art, name, None))
    return cols


def _json(obj: dict[str, Any] | None) -> str | None:
    return None if obj is None else json.dumps(obj, ensure_ascii=False, sort_keys=False)


def report_values(ev: Event) -> dict[str, Any]:
    """The REPORT_COLUMNS of one coded event (doc_id is filled by the caller)."""
    d = ev.to_dict()
    src, tgt, loc = ev.source, ev.target, ev.location
    return {
        "source_code": src.code,
        "source_country": src.country,
        "source_sector": src.sector,
        "source_text": src.text,
        "target_code": tgt.code if tgt else None,
        "target_country": tgt.country if tgt else None,
        "target_sector": tgt.sector if tgt else None,
        "target_text": tgt.text if tgt else None,
        "cameo": ev.cameo,
        "root": ev.root,
        "plover": ev.plover,
        "plover_mode": ev.plover_mode,
        "quad_class": ev.quad_class,
        "goldstein": ev.goldstein,
        "modality": ev.modality,
        "date": ev.date,
        "date_text": ev.date_text,
        "date_precision": ev.date_precision,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_admin1": loc.admin1 if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "location_precision": loc.precision if loc else None,
        "sentence": ev.sentence,
        "sentence_index": ev.sentence_index,
        "span_start": ev.span[0],
        "span_end": ev.span[1],
        "trigger": ev.trigger,
        "rule": ev.rule,
        "confidence": ev.confidence,
        "speaker_code": ev.speaker.code if ev.speaker else None,
        "source_json": _json(d.get("source")),
        "target_json": _json(d.get("target")),
        "speaker_json": _json(d.get("speaker")),
        "location_json": _json(d.get("location")),
    }


def mention_columns(mentions: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Columns of ``mentions`` from one dict a row (report_values() plus the mention's keys)."""
    cols = _columns(schema.names(schema.MENTION_COLUMNS))
    for row in mentions:
        for name, col in cols.items():
            col.append(row.get(name))
    return cols


def error_columns(errors: list[IngestError]) -> dict[str, list[Any]]:
    cols = _columns(schema.names(schema.ERROR_COLUMNS, schema.ERROR_STORE_SET))
    for err in errors:
        cols["origin"].append(err.origin)
        cols["line"].append(err.line)
        cols["stage"].append(err.stage)
        cols["message"].append(err.message)
    return cols


# SELECT list that report_to_dict() reads from ``mentions`` or ``events``: the report columns,
# ``date`` as YYYY-MM-DD text.
def select_report(table_cols: list[tuple[str, str]], alias: str = "") -> str:
    pre = f"{alias}." if alias else ""
    return ", ".join(
        f'CAST({pre}"date" AS VARCHAR) AS "date"' if name == "date" else f'{pre}"{name}"'
        for name in schema.names(table_cols)
    )


MENTION_SELECT = select_report(schema.MENTION_COLUMNS)
EVENT_SELECT = select_report(schema.EVENT_COLUMNS)


def _actor(row: Mapping[str, Any], side: str) -> dict[str, Any] | None:
    blob = row.get(f"{side}_json")
    if blob:
        return json.loads(blob)
    code = row.get(f"{side}_code")
    if code is None or side == "speaker":
        return None
    return {
        "code": code,
        "country": row[f"{side}_country"],
        "sector": row[f"{side}_sector"],
        "text": row[f"{side}_text"],
    }


def report_to_dict(row: Mapping[str, Any], id_column: str = "event_id") -> dict[str, Any]:
    """One ``mentions`` or ``events`` row -> the JSONL event contract (``event_id`` taken from
    ``id_column``: the mention's own id for reports, the linked id for events)."""
    location = None
    if row.get("location_json"):
        location = json.loads(row["location_json"])
    elif row["location_name"] is not None or row["location_country"] is not None:
        location = {
            "name": row["location_name"],
            "country": row["location_country"],
            "admin1": row["location_admin1"],
            "lat": row["location_lat"],
            "lon": row["location_lon"],
            "precision": row["location_precision"],
        }
    return {
        "doc_id": row["doc_id"],
        "event_id": row[id_column],
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "cameo": row["cameo"],
        "root": row["root"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "plover": row["plover"],
        "plover_mode": row["plover_mode"],
        "modality": row["modality"],
        "date": None if row["date"] is None else str(row["date"]),
        "date_text": row["date_text"],
        "date_precision": row["date_precision"],
        "location": location,
        "sentence": row["sentence"],
        "sentence_index": row["sentence_index"],
        "span": [row["span_start"], row["span_end"]],
        "trigger": row["trigger"],
        "rule": row["rule"],
        "confidence": row["confidence"],
        "speaker": _actor(row, "speaker"),
    }


def event_to_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """One ``events`` row -> the JSONL contract plus the event's counts."""
    d = report_to_dict(row)
    d["num_mentions"] = row.get("num_mentions")
    d["num_articles"] = row.get("num_articles")
    d["num_sources"] = row.get("num_sources")
    d["is_root_event"] = bool(row.get("is_root_event"))
    return d


def mention_to_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """One ``mentions`` row -> the JSONL contract (event_id: the mention's own id) plus the id
    of the event it was linked to and the report's metadata."""
    d = report_to_dict(row, "mention_id")
    d["linked_event_id"] = row.get("event_id")
    d["in_lead"] = bool(row.get("in_lead"))
    d["link_rule"] = row.get("link_rule")
    for key in ("outlet", "url"):
        if key in row:
            d[key] = row[key]
    return d
