"""Meetings and "here": a sentence that puts its act at the dateline's place ("talks here",
"told a GATT council meeting", "signed by the visiting minister": ``_says_here``), the place
the story gave a meeting it names again without one (``_meeting_place``), and the one pact
the story places ("the February 22 Paris agreement") for a joint act it does not
(``_story_pact``)."""

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
    council meeting", "at the session": the meeting the reporter at the dateline covers), or
    names a visitor who is at the dateline (``_visitor_here``)."""
    if doc_places is None or span is None or not doc_places.text:
        return False
    text = doc_places.text
    return (
        _HERE.search(text, span[0], span[1]) is not None
        or _venue_phrase().search(text, span[0], span[1]) is not None
        or _visitor_here(doc_places, span)
    )


@functools.lru_cache(maxsize=1)
def _visitor_words() -> re.Pattern[str]:
    words = sorted(map(re.escape, cue_sets()["visitor_words"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b\s*", re.IGNORECASE)


def _visitor_here(doc_places: DocPlaces, span: tuple[int, int]) -> bool:
    """The sentence names a visitor (``visitor_words``: "signed by the visiting Indonesian
    Finance Minister", "the visitors") who is visiting the dateline's country, or nowhere it
    names ("visiting Washington" under a Tokyo dateline is a visit elsewhere)."""
    dateline = doc_places.dateline
    if dateline is None or not dateline.country:
        return False
    for m in _visitor_words().finditer(doc_places.text, span[0], span[1]):
        went = next((p for p in doc_places.places if p.start == m.end()), None)
        if went is None or went.country == dateline.country:
            return True
    return False


def _story_pact(doc_places: DocPlaces | None, span: tuple[int, int] | None) -> Place | None:
    """The place of the one pact the story names by its place ("the February 22 Paris
    agreement", "the Paris accord": ``DocPlaces.pacts``, all at one town), for a joint act
    whose sentence gives no place and no recent day (``recent_words``: "agreed today" is a new
    act, not the story's pact); not a body named for a town ("the Paris Club agreement")."""
    if doc_places is None or span is None or not doc_places.text:
        return None
    text = doc_places.text
    recent = cue_sets()["recent_words"]
    if any(w.lower() in recent for w in re.findall(r"[A-Za-z]+", text[span[0] : span[1]])):
        return None
    nouns = cue_sets()["pact_nouns"]
    found: dict[str | None, Place] = {}
    for p in doc_places.places:
        if p.start is None or p.end is None or p.start not in doc_places.pacts:
            continue
        if not p.country or p.precision != "city" or span[0] <= p.start < span[1]:
            continue
        nxt = re.match(r"\s+([A-Z][\w-]*)", text[p.end : p.end + 30])
        if nxt is not None and nxt.group(1).lower() not in nouns:
            continue  # "the Paris Club agreement": a body's name
        found.setdefault(p.geonameid, p)
    return next(iter(found.values())) if len(found) == 1 else None


@functools.lru_cache(maxsize=1)
def _venue_phrase() -> re.Pattern[str]:
    """ "at/during/told/addressed/before the|a ... <venue noun>" (``venue_openers``,
    ``venue_nouns``); a bracketed gloss counts as one word ("told a GATT (General Agreement
    on Tariffs and Trade) council meeting")."""
    nouns = "|".join(sorted(map(re.escape, cue_sets()["venue_nouns"]), key=len, reverse=True))
    openers = "|".join(sorted(map(re.escape, cue_sets()["venue_openers"]), key=len, reverse=True))
    return re.compile(
        r"\b(?:" + openers + r")\s+(?P<det>the|a|an|this|its|their)\s+"
        r"(?:[\w'-]+\s+|\([^()]{0,60}\)\s+){0,4}?(?P<noun>" + nouns + r")\b",
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


@functools.lru_cache(maxsize=1)
def _talks_here() -> re.Pattern[str]:
    """ "<venue noun> ... here" within a clause ("after talks with the committee here")."""
    nouns = "|".join(sorted(map(re.escape, cue_sets()["venue_nouns"]), key=len, reverse=True))
    return re.compile(r"\b(?:" + nouns + r")\b[^.;]{0,40}?\bhere\b", re.IGNORECASE)


def _talks_here_nearby(doc_places: DocPlaces | None, span: tuple[int, int] | None) -> bool:
    """The sentence before or after the act's puts the story's talks at the dateline
    ("Brazil and its bank committee agreed ... Speaking after talks with the committee here,
    Gros said"): a joint act the sentence does not place was made there."""
    if doc_places is None or span is None or not doc_places.text:
        return False
    text = doc_places.text
    lo = text.rfind(".", 0, max(0, text.rfind(".", 0, span[0]) - 1)) + 1 if span[0] > 0 else 0
    nxt = text.find(".", span[1] + 1)
    hi = len(text) if nxt < 0 else nxt + 1
    return _talks_here().search(text, max(0, lo), hi) is not None
