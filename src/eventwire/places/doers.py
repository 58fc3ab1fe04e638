"""What a sentence says about where its doer acts, beyond the toponyms it names.

- ``body_mentions``: bodies that decide at one seat (``data/places/bodies.tsv``: "the Federal
  Reserve Board", "the EC Commission", "the World Bank") named as a clause's doer (its subject,
  or after "by" of a passive): their acts happen at the seat;
- ``owners``: toponyms written as a possessive before a noun that is no site ("Canada's
  decision", "South Korea's plan"): whose thing it is, not where the act happened ("Canada's
  capital", "Iraq's port of Basra" stay places);
- ``spread_over_country``: a sentence that spreads its act over a whole country ("strikes
  throughout the country", "went on strike nationwide").
"""

from __future__ import annotations

import functools
import re
from typing import Any

from eventwire.data_files import DataError
from eventwire.places.build import data_file, read_tsv
from eventwire.places.gazetteer import KIND_CODES, KINDS, Gazetteer
from eventwire.places.scan import cue_sets

_BODIES: dict[int, tuple[re.Pattern[str], dict[str, int]]] = {}


def body_seats(g: Gazetteer) -> tuple[re.Pattern[str], dict[str, int]]:
    """``bodies.tsv`` as one case-sensitive pattern of whole names and name -> seat's id."""
    return seat_table(g, data_file("bodies.tsv"), _BODIES)


def seat_table(
    g: Gazetteer, path: Any, cache: dict[int, tuple[re.Pattern[str], dict[str, int]]]
) -> tuple[re.Pattern[str], dict[str, int]]:
    """A table of bodies and their seats (body, canonical, iso3, kind) as one case-sensitive
    pattern of whole names and name -> seat's id, kept per gazetteer in ``cache``; a seat the
    gazetteer lacks is an error naming the file and line."""
    got = cache.get(id(g))
    if got is not None:
        return got
    seats: dict[str, int] = {}
    for n, row in read_tsv(path):
        if len(row) < 4 or row[3] not in KIND_CODES:
            raise DataError(f"expected body, canonical, iso3, kind ({'|'.join(KINDS)})", path, n)
        i = g._find(row[1], row[2], KIND_CODES[row[3]])
        if i is None:
            raise DataError(f"no {row[3]} {row[1]!r} in {row[2]}", path, n)
        seats[row[0]] = i
    if not seats:
        raise DataError("no bodies", path)
    names = sorted(seats, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    cache[id(g)] = got = (pattern, seats)
    return got


def body_mentions(doc: Any, g: Gazetteer) -> tuple[tuple[int, int], ...]:
    """(start, seat id) of each body of ``bodies.tsv`` that is the doer of its clause: the
    subject of a verb ("the Federal Reserve Board approved", "the IMF has warned") or the
    agent of a passive ("was opposed by the World Bank"); not a body named as an object, a
    recipient or inside another name ("a loan from the World Bank", "World Bank projects").
    Empty without a dependency parse."""
    if not (hasattr(doc, "has_annotation") and doc.has_annotation("DEP")):
        return ()
    pattern, seats = body_seats(g)
    by_char = {t.idx: t for t in doc}
    out = []
    for m in pattern.finditer(doc.text):
        t = by_char.get(m.start())
        if t is None:
            continue
        while t.head.i != t.i and m.start() <= t.head.idx < m.end():  # the name's head word
            t = t.head
        if t.dep_ == "appos":  # "its regulator, the Federal Reserve Board, approved"
            t = t.head
        doer = t.dep_ in ("nsubj", "nsubjpass") or (
            t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.dep_ == "agent"
        )
        if doer:
            out.append((m.start(), seats[m.group(0)]))
    return tuple(out)


def owners(doc: Any, places: Any) -> frozenset[int]:
    """Starts of the places written as a possessive ("Canada's decision", "Surinam's bauxite
    industry") before a noun that is not a site or a place ("Canada's capital", "Iraq's
    southern port of Basra", "Kenya's Rift Valley"): the owner of a thing, which is where
    the act happened only when the owner is its doer. Needs the tagger."""
    if not (hasattr(doc, "has_annotation") and doc.has_annotation("POS")):
        return frozenset()
    c = cue_sets()
    sites = c["site_nouns"] | c["place_nouns"] | c["landforms"] | c["part_nouns"]
    by_char = {t.idx: t for t in doc}
    out = set()
    for p in places:
        if p.start is None or p.end is None:
            continue
        t = by_char.get(p.end)
        if t is None or t.dep_ != "case" or t.lower_ not in ("'s", "\u2019s", "'"):
            continue
        head = t.head  # the name's own head word
        while head.head.i != head.i and p.start <= head.idx < p.end:
            head = head.head
        if head.idx >= p.end:  # "Canada 's decision": the possessed noun
            noun = head
        else:
            noun = head.head
        if noun.pos_ in ("NOUN", "PROPN") and not (
            noun.lower_ in sites or noun.lemma_.lower() in sites or noun.ent_type_ in ("GPE", "LOC")
        ):
            out.add(p.start)
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _spread() -> re.Pattern[str]:
    c = cue_sets()
    cues = "|".join(sorted(map(re.escape, c["spread_cues"]), key=len, reverse=True))
    nouns = "|".join(sorted(map(re.escape, c["spread_nouns"]), key=len, reverse=True))
    words = "|".join(sorted(map(re.escape, c["spread_words"]), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?:{cues})\s+the\s+(?:whole\s+|entire\s+)?(?:{nouns})|{words})\b", re.IGNORECASE
    )


def spread_over_country(text: str, span: tuple[int, int] | None) -> bool:
    """The sentence spreads its act over a whole country ("70 strikes throughout the
    country", "across the nation", "went on strike nationwide"; ``spread_cues``,
    ``spread_nouns``, ``spread_words`` in ``cues.tsv``)."""
    if span is None or not text:
        return False
    return _spread().search(text, span[0], span[1]) is not None
