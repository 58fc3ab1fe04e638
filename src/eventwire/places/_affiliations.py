"""Places that name whose person, body or thing it is, or where it came from, not where
anything happens: affiliations and origins (``_affiliated``), names before a noun
(``_modifiers``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from eventwire.model import Place
from eventwire.places._cues import _LIST_GAP, _word_before
from eventwire.places.scan import cue_sets

# entities whose names may hold a place without being one ("Air U.K. Ltd", "the Warsaw Pact")
_NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|')?\s+(\w+)")
_OF_BEFORE = re.compile(r"[>)]?\s+of\s+$")  # "<All Nippon Airways> of Japan"
_ORIGIN_BEFORE = re.compile(r"\b(?:return|returned|returning|back)\s+from\s+$", re.IGNORECASE)
# where a report was monitored: "IRNA, monitored by the BBC in London", "received in London"
_MONITORED = re.compile(r"\b(?:monitored|received)\b[^.;,]{0,25}\b(?:in|at)\s+$", re.IGNORECASE)


def _affiliated(doc: Any, places: Sequence[Place]) -> frozenset[int]:
    """Starts of the places that name an affiliation or an origin, not where anything
    happens: inside a longer organisation, product, law or event name; "of X" right after an
    organisation's name; a country before an envoy noun ("Turkey's ambassador", "the U.S.
    embassy"); where a journey came from ("on his return from Ethiopia and Djibouti"); "of X"
    after a person ("Senator Mikulski of Maryland"); where a report was monitored ("IRNA,
    received in London")."""
    text = doc.text
    names = [
        (e.start_char, e.end_char) for e in getattr(doc, "ents", ()) if e.label_ in _NAME_LABELS
    ]
    org_ends = {e for _, e in names} | {
        e.end_char for e in getattr(doc, "ents", ()) if e.label_ == "PERSON"
    }  # "Senator Barbara Mikulski of Maryland": whose senator, not where she spoke
    envoy = cue_sets()["affiliation_nouns"]
    out: set[int] = set()
    out_origin: set[int] = set()
    prev: int | None = None
    prev_end = 0
    for p in places:
        if p.start is None or p.end is None:
            continue
        inside = any(s <= p.start and p.end <= e and e - s > p.end - p.start for s, e in names)
        lo = max(0, p.start - 12)
        of = _OF_BEFORE.search(text, lo, p.start)
        after_org = of is not None and any(of.start() <= e <= p.start for e in org_ends)
        m = _POSSESSIVE.match(text, p.end)
        envoy_of = m is not None and m.group(1).lower() in envoy
        origin = _ORIGIN_BEFORE.search(text, max(0, p.start - 20), p.start) is not None
        origin = origin or _MONITORED.search(text, max(0, p.start - 40), p.start) is not None
        if not origin and prev is not None and prev in out_origin:
            origin = text[prev_end : p.start] in (", ", " and ", ", and ")
        if origin:
            out_origin.add(p.start)
        if inside or after_org or envoy_of or origin:
            out.add(p.start)
        prev, prev_end = p.start, p.end
    return frozenset(out)


def _modifiers(doc: Any, places: Sequence[Place]) -> frozenset[int]:
    """Starts of the places that modify a noun: whose person, body or thing it is, not where
    anything happens ("Chicago physician LeRoy Pesch", "New York bankers", "Tokyo-based
    Bandai"); a list of names before one noun are all modifiers ("the Singapore, London and
    New York authorities"), a name joined to another by a hyphen ("U.S.-European consensus",
    "the Iran-Iraq war"). A name before a site or a venue ("the Kenosha plant", "the London
    talks") or after "in/at" ("in France pig-farmers barricaded roads") stays a place. Needs the tagger's parts of
    speech ("-based" alone without them)."""
    text = doc.text
    tagged = hasattr(doc, "has_annotation") and doc.has_annotation("POS")
    by_char = {t.idx: t for t in doc} if tagged else {}
    c = cue_sets()
    sites = c["site_nouns"] | c["place_nouns"] | c["suffixes"] | c["landforms"] | c["venue_nouns"]
    locative = c["verbal_cues"]  # "in France pig-farmers"; not "bow to U.S. pressure"
    out: list[int] = []
    ordered = [p for p in places if p.start is not None and p.end is not None]
    for k in range(len(ordered) - 1, -1, -1):
        p = ordered[k]
        assert p.start is not None and p.end is not None
        if _word_before(text, p.start) in locative:
            continue
        after = text[p.end : p.end + 7].lower()
        hyphened = after[:1] == "-" and after[1:2].isalpha() or text[p.start - 1 : p.start] == "-"
        if after.startswith("-based") or hyphened:  # "Tokyo-based", "U.S.-European consensus"
            out.append(p.start)
            continue
        nxt = k + 1 < len(ordered) and ordered[k + 1].start in out
        if nxt and text[p.end : ordered[k + 1].start] in _LIST_GAP:
            out.append(p.start)
            continue
        j = p.end + (len(text[p.end :]) - len(text[p.end :].lstrip(" ")))
        t = by_char.get(j)
        if t is None or t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in ("GPE", "LOC"):
            continue
        while t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i:
            t = t.head
        if t.lower_ not in sites and t.lemma_.lower() not in sites:
            out.append(p.start)
    return frozenset(out)
