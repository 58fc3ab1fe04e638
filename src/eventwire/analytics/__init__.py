"""Analytics over the store, in DuckDB SQL: dyad series, top actors and dyads, country
summaries, escalation alerts, and the reading API behind ``eventwire.open()``."""

from __future__ import annotations

from .alerts import alerts
from .filters import MODALITIES, REAL_MODALITIES, EventFilter, FilterError
from .reader import EventData, open_db
from .result import Result
from .series import PERIODS, dyad_filter, series
from .summary import country_summary, top_actors, top_dyads

__all__ = [
    "MODALITIES",
    "PERIODS",
    "REAL_MODALITIES",
    "EventData",
    "EventFilter",
    "FilterError",
    "Result",
    "alerts",
    "country_summary",
    "dyad_filter",
    "open_db",
    "series",
    "top_actors",
    "top_dyads",
]
