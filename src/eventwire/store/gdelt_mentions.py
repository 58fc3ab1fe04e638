"""Stored mentions -> lines of the GDELT 2.0 Mentions table (16 tab-separated columns).

One line per mention (every report of every event), joined to its event by GLOBALEVENTID, as
in GDELT's ``*.mentions.CSV`` files. The mapping is documented in SCHEMA.md ("GDELT Mentions").
"""

from __future__ import annotations

MENTION_COLUMNS: list[str] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
]
assert len(MENTION_COLUMNS) == 16


def _clean(expr: str) -> str:
    return rf"regexp_replace({expr}, '\s+', ' ', 'g')"


def _offset(needle: str) -> str:
    """Body offset of ``needle`` inside the mention's sentence, -1 when it is not there."""
    pos = f"strpos(m.sentence, {needle})"
    return f"CASE WHEN {needle} IS NULL OR {needle} = '' OR {pos} = 0 THEN -1 ELSE m.span_start + {pos} - 1 END"


def mentions_sql(events: str = "events") -> str:
    """Query with one VARCHAR column ``line``: the 16 GDELT Mentions fields joined by tabs, for
    the mentions of the rows of ``events`` (the table, or a filtered subquery of it)."""
    fields: list[str | None] = [
        "CAST(('0x' || substr(md5(m.event_id), 1, 15)) AS BIGINT)",
        "strftime(e.first_added, '%Y%m%d%H%M%S')",
        "strftime(d.ingested_at, '%Y%m%d%H%M%S')",
        "1",  # WEB: identified by a URL (or, without one, by where the document was read from)
        _clean("COALESCE(d.outlet_domain, d.outlet, d.source)"),
        _clean("COALESCE(d.url, d.origin)"),
        "m.sentence_index + 1",
        _offset("m.source_text"),
        _offset("m.target_text"),
        _offset("m.trigger"),
        "1",  # coded from the text as read: no translation
        "CAST(round(100 * COALESCE(m.confidence, 0)) AS INTEGER)",
        "length(d.body)",
        None,  # MentionDocTone: no tone model
        None,  # MentionDocTranslationInfo: not translated
        None,  # Extras
    ]
    assert len(fields) == 16
    line = " || chr(9) || ".join(
        "''" if f is None else f"COALESCE(CAST(({f}) AS VARCHAR), '')" for f in fields
    )
    return (
        f"SELECT {line} AS line FROM mentions m "
        f"JOIN {events} e ON e.event_id = m.event_id "
        "LEFT JOIN documents d ON d.doc_id = m.doc_id ORDER BY m.seq"
    )
