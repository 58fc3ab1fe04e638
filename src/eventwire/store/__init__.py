"""Storage stage: documents, coded events and ingest errors in DuckDB, with exports.

See SCHEMA.md (next to this file) for every table and column.
"""

from __future__ import annotations

from .core import EXPORT_FORMATS, Store, StoreError, WriteStats
from .gdelt import GDELT_COLUMNS, global_event_id
from .rows import event_to_dict

__all__ = [
    "EXPORT_FORMATS",
    "GDELT_COLUMNS",
    "Store",
    "StoreError",
    "WriteStats",
    "event_to_dict",
    "global_event_id",
]
