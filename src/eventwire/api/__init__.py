"""The HTTP API and dashboard server: ``create_app(db_path)``; ``eventwire serve`` runs it."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
