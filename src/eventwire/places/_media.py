"""A relayed report: the story's opening names a news medium (``data/places/media.txt``), so
its dateline is only where the report was monitored."""

from __future__ import annotations

import functools
import re
from typing import Any

from eventwire.data_files import DataError
from eventwire.places.build import data_file


@functools.lru_cache(maxsize=1)
def media_phrases() -> re.Pattern[str]:
    """``data/places/media.txt``: phrases naming a news medium, as one pattern."""
    path = data_file("media.txt")
    phrases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        w = line.strip()
        if not w or w.startswith("#"):
            continue
        if not re.fullmatch(r"[a-z]+(?: [a-z]+)*", w):
            raise DataError("expected lower-case words", path, n)
        phrases.append(re.escape(w))
    if not phrases:
        raise DataError("no phrases", path)
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


def _relayed(doc: Any, dateline_end: int) -> bool:
    """True when the story's opening (its first three sentences after the dateline) names a
    news medium ("..., the official Saudi Press Agency SPA said", "The Iranian news agency
    IRNA, received in London, said"): a monitored report."""
    text = doc.text
    sents = getattr(doc, "sents", None)
    lead: list[str] = []
    try:
        for s in sents or ():
            if s.end_char > dateline_end + 1 and s.text.strip():
                lead.append(s.text)
                if len(lead) == 3:
                    break
    except ValueError:  # no sentence boundaries
        lead = [text[:600]]
    return media_phrases().search(" ".join(lead)) is not None
