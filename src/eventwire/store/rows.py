"""Conversions between model objects, flat table columns and the JSONL event contract."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventwire.model import Article, Event, IngestError

from . import schema


def _columns(names: list[str]) -> dict[str, list[Any]]:
    return {name: [] for name in names}


def article_columns(articles: list[tuple[Article, int]]) -> dict[str, list[Any]]:
    """Columns of ``documents`` (without the store-set ones) for (article, n_events) pairs."""
    cols = _columns(schema.names(schema.DOCUMENT_COLUMNS, schema.DOCUMENT_STORE_SET))
    for art, n_events in articles:
        cols["doc_id"].append(art.doc_id)
        cols["title"].append(art.title)
        cols["source"].append(art.source)
        cols["published"].append(art.published)
        cols["author"].append(art.author)
        cols["dateline"].append(art.dateline)
        cols["url"].append(art.url)
        cols["origin"].append(art.origin)
        cols["format"].append(art.format)
        cols["body"].append(art.body)
        cols["n_events"].append(n_events)
    return cols


def event_columns(events: list[tuple[str, Event]]) -> dict[str, list[Any]]:
    """Columns of ``events`` for (doc_id, event) pairs; doc_id is the article's, not the event's."""
    cols = _columns(schema.names(schema.EVENT_COLUMNS))
    for doc_id, ev in events:
        src, tgt, loc = ev.source, ev.target, ev.location
        cols["event_id"].append(ev.event_id)
        cols["doc_id"].append(doc_id)
        cols["source_code"].append(src.code)
        cols["source_country"].append(src.country)
        cols["source_sector"].append(src.sector)
        cols["source_text"].append(src.text)
        cols["target_code"].append(tgt.code if tgt else None)
        cols["target_country"].append(tgt.country if tgt else None)
        cols["target_sector"].append(tgt.sector if tgt else None)
        cols["target_text"].append(tgt.text if tgt else None)
        cols["cameo"].append(ev.cameo)
        cols["root"].append(ev.root)
        cols["plover"].append(ev.plover)
        cols["plover_mode"].append(ev.plover_mode)
        cols["quad_class"].append(ev.quad_class)
        cols["goldstein"].append(ev.goldstein)
        cols["modality"].append(ev.modality)
        cols["date"].append(ev.date)
        cols["date_text"].append(ev.date_text)
        cols["date_precision"].append(ev.date_precision)
        cols["location_name"].append(loc.name if loc else None)
        cols["location_country"].append(loc.country if loc else None)
        cols["location_admin1"].append(loc.admin1 if loc else None)
        cols["location_lat"].append(loc.lat if loc else None)
        cols["location_lon"].append(loc.lon if loc else None)
        cols["location_precision"].append(loc.precision if loc else None)
        cols["sentence"].append(ev.sentence)
        cols["sentence_index"].append(ev.sentence_index)
        cols["span_start"].append(ev.span[0])
        cols["span_end"].append(ev.span[1])
        cols["trigger"].append(ev.trigger)
        cols["rule"].append(ev.rule)
        cols["confidence"].append(ev.confidence)
        cols["speaker_code"].append(ev.speaker.code if ev.speaker else None)
    return cols


def error_columns(errors: list[IngestError]) -> dict[str, list[Any]]:
    cols = _columns(schema.names(schema.ERROR_COLUMNS, schema.ERROR_STORE_SET))
    for err in errors:
        cols["origin"].append(err.origin)
        cols["line"].append(err.line)
        cols["stage"].append(err.stage)
        cols["message"].append(err.message)
    return cols


# SELECT list that event_to_dict() reads: every events column, ``date`` as YYYY-MM-DD text.
EVENT_SELECT = ", ".join(
    'CAST("date" AS VARCHAR) AS "date"' if name == "date" else f'"{name}"'
    for name in schema.names(schema.EVENT_COLUMNS)
)


def _actor(row: Mapping[str, Any], side: str) -> dict[str, Any] | None:
    code = row[f"{side}_code"]
    if code is None:
        return None
    return {
        "code": code,
        "country": row[f"{side}_country"],
        "sector": row[f"{side}_sector"],
        "text": row[f"{side}_text"],
    }


def event_to_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """One ``events`` row (as selected by EVENT_SELECT) -> the JSONL event contract."""
    location = None
    if row["location_name"] is not None or row["location_country"] is not None:
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
        "event_id": row["event_id"],
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "cameo": row["cameo"],
        "root": row["root"],
        "plover": row["plover"],
        "plover_mode": row["plover_mode"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "date": None if row["date"] is None else str(row["date"]),
        "date_text": row["date_text"],
        "date_precision": row["date_precision"],
        "location": location,
        "modality": row["modality"],
        "sentence": row["sentence"],
        "sentence_index": row["sentence_index"],
        "span": [row["span_start"], row["span_end"]],
        "trigger": row["trigger"],
        "rule": row["rule"],
        "confidence": row["confidence"],
    }
