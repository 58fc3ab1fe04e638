"""Scale out on Ray: ``eventwire ingest --engine ray`` (see README, "Scale out on Ray").

Nothing here imports Ray until a run starts (``engine.run``); ``worker.py`` is the only module
that imports it at the top, and only the engine imports that.
"""

from __future__ import annotations

from .engine import EngineError, Summary, run

__all__ = ["EngineError", "Summary", "run"]
