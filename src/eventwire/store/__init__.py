"""Storage stage: documents, coded events and ingest errors in DuckDB, with exports.

See SCHEMA.md (next to this file) for every table and column.
"""

from __future__ import annotations

from .core import (
    EXPORT_FORMATS,
    Store,
    StoreError,
    StoreLocked,
    WriteStats,
    mention_lists,
    mentions_path,
    query_mentions,
)
from .gdelt import GDELT_COLUMNS, global_event_id
from .gdelt_mentions import MENTION_COLUMNS as GDELT_MENTION_COLUMNS
from .rows import event_to_dict, mention_to_dict

__all__ = [
    "EXPORT_FORMATS",
    "GDELT_COLUMNS",
    "GDELT_MENTION_COLUMNS",
    "Store",
    "StoreError",
    "StoreLocked",
    "WriteStats",
    "event_to_dict",
    "global_event_id",
    "mention_lists",
    "mention_to_dict",
    "mentions_path",
    "query_mentions",
]
