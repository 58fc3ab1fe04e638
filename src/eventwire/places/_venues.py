"""Meetings and "here": a sentence that puts its act at the dateline's place ("talks here",
"told a GATT council meeting", ``_says_here``), and the place the story gave a meeting it
names again without one (``_meeting_place``)."""

from __future__ import annotations

import functools
import re

from eventwire.model import Place
from eventwire.places._docplaces import DocPlaces
from eventwire.places.scan import cue_sets

_HERE = re.compile(r"\b(?:here|in this (?:[a-z]+ )?(?:city|capital|town|port))\b", re.IGNORECASE)


def _says_here(doc_places: DocPlaces | None, span: tuple[int, int] | None) -> bool:
    """The sentence puts its act at the dateline's place ("agreed after two days of talks
    here", "in this capital"), or at a meeting it names without a place ("told a GATT
    council meeting", "at the session": the meeting the reporter at the dateline covers)."""
    if doc_places is None or span is None or not doc_places.text:
        return False
    text = doc_places.text
    return (
        _HERE.search(text, span[0], span[1]) is not None
        or _venue_phrase().search(text, span[0], span[1]) is not None
    )


@functools.lru_cache(maxsize=1)
def _venue_phrase() -> re.Pattern[str]:
    """ "at/during/told/addressed/before the|a ... <venue noun>" (``venue_openers``,
    ``venue_nouns``)."""
    nouns = "|".join(sorted(map(re.escape, cue_sets()["venue_nouns"]), key=len, reverse=True))
    openers = "|".join(sorted(map(re.escape, cue_sets()["venue_openers"]), key=len, reverse=True))
    return re.compile(
        r"\b(?:" + openers + r")\s+(?P<det>the|a|an|this|its|their)\s+"
        r"(?:[\w'-]+\s+){0,4}?(?P<noun>" + nouns + r")\b",
        re.IGNORECASE,
    )


def _meeting_place(doc_places: DocPlaces | None, span: tuple[int, int] | None) -> Place | None:
    """The place of a meeting the sentence names with "the" and no place ("blocked the
    proposal at the coffee talks", "during the talks") that the story placed when it first
    named it ("the talks in London", "the London talks"): the nearest such place before the
    sentence, else the first after it. None when the story never places it."""
    if doc_places is None or span is None or not doc_places.text:
        return None
    text = doc_places.text
    m = _venue_phrase().search(text, span[0], span[1])
    if m is None or m.group("det").lower() != "the":
        return None
    courts = cue_sets()["court_nouns"]
    noun = m.group("noun").lower()
    stems = sorted({w.rstrip("s") for w in courts}) if noun in courts else [noun.rstrip("s")]
    stem = "(?:" + "|".join(map(re.escape, stems)) + ")"  # a court is also its judge
    before = re.compile(r"\b" + stem + r"s?\b[^.;]{0,50}\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
    after = re.compile(r"\s+(?:[\w'-]+\s+){0,2}?" + stem + r"s?\b", re.IGNORECASE)
    found = []
    for p in doc_places.places:
        if p.start is None or p.end is None or not p.country or p.precision == "region":
            continue
        if noun in courts and p.precision == "country":
            continue  # "the U.S. District Court": its jurisdiction, not its town
        if span[0] <= p.start < span[1] or p.start < doc_places.dateline_end:
            continue
        named = before.search(text, max(0, p.start - 70), p.start) is not None or (
            p.start in doc_places.pacts and after.match(text, p.end) is not None
        )
        if named:
            found.append(p)
    if not found:
        return None
    earlier = [p for p in found if p.start is not None and p.start < span[0]]
    return earlier[-1] if earlier else found[0]
