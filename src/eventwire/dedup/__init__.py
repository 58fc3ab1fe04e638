"""Deduplication: story clusters of near-duplicate articles and cross-document event linking.

``stories`` groups wire copies, reprints and updates (MinHash/LSH); ``link`` turns mentions
(coded rows of documents) into events with stable ids. Both are pure; ``eventwire.store`` calls
them when it writes a batch and keeps their results (see ``store/SCHEMA.md``).
"""

from __future__ import annotations

from .linker import (
    LinkedEvent,
    LinkResult,
    Mention,
    Merge,
    Place,
    actor_key,
    date_gap,
    event_id_for,
    link,
    modality_group,
    place_ok,
    sentence_key,
)
from .stories import StoredDoc, StoryAssignment, assign_stories, band_keys, signature, similarity

__all__ = [
    "LinkResult",
    "LinkedEvent",
    "Mention",
    "Merge",
    "Place",
    "StoredDoc",
    "StoryAssignment",
    "actor_key",
    "assign_stories",
    "band_keys",
    "date_gap",
    "event_id_for",
    "link",
    "modality_group",
    "place_ok",
    "sentence_key",
    "signature",
    "similarity",
]
