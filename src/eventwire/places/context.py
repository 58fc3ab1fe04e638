"""Where an event happened: the document's places computed once, then one choice per event.

    >>> doc = document_places(article.body, doc=spacy_doc, dateline=article.dateline)
    >>> place, rule = event_place(["Crimea"], doc.in_span(s, e), doc.dateline, ["RUS"], doc)

``event_place`` follows a fixed order and says which rule chose the place:

1. ``clause-locative``: the first name (or ``Place``) of the clause's locative phrases ("in
   Crimea", "travels to Kiev") that resolves, in the document's scope;
2. ``sentence-place``: else a place the sentence names (a town or division before a country;
   one in an actor's country first; never a continent or sea) -- unless it is a country or
   state that holds the dateline's town, which is then the finer answer (``dateline``:
   "WASHINGTON - The U.S. Treasury said"), or, for a verbal act (``cameo=``), an actor's
   own country while the dateline lies abroad ("LONDON - Funaro said Brazil would not ...");
   places that name an affiliation or an origin are not the sentence's (``DocPlaces.in_span``);
3. ``dateline``: else the dateline's place ("KIEV, March 20 (Reuters) -");
4. ``actor-country``: else the first actor country that is a real country, on the country's
   point at precision "country";
5. ``story-country``: else the story's dominant country (countries named, towns resolved),
   at precision "country".

Actor countries may be CAMEO codes (as ``Actor.country`` holds them) or ISO alpha-3.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventwire.model import Place
from eventwire.places.gazetteer import Gazetteer, get_gazetteer, normalize
from eventwire.places.geoparse import dateline_place, get_ner, parse, resolve_dateline
from eventwire.places.resolve import Scope, resolve_id
from eventwire.places.scan import common_words, cue_sets

RULES = ("clause-locative", "sentence-place", "dateline", "actor-country", "story-country")
_RANK = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}


@dataclass
class DocPlaces:
    """Everything a document says about place, computed once per document."""

    places: list[Place] = field(default_factory=list)  # every toponym, with offsets
    dateline: Place | None = None
    dominant_country: str | None = None  # ISO alpha-3
    scope: Scope = field(default_factory=Scope)
    gazetteer: Gazetteer | None = field(default=None, repr=False)
    dateline_end: int = 0  # a dateline found in the text: its places are not the sentence's

    text: str = field(default="", repr=False)
    affiliated: frozenset[int] = frozenset()  # starts of places that name an affiliation

    def in_span(self, start: int, end: int) -> list[Place]:
        """The places inside a character span (a sentence of the same text), without the
        dateline's and without affiliations: in parentheses ("Senator Dole (R-Kan.)"), inside
        an organisation's name ("Air U.K. Ltd", "the Bank of England"), "of X" after one
        ("All Nippon Airways of Japan"), an envoy's country ("Turkey's ambassador")."""
        lo = max(start, self.dateline_end)
        return [
            p
            for p in self.places
            if p.start is not None
            and lo <= p.start < end
            and p.start not in self.affiliated
            and not self._bracketed(p)
        ]

    def _bracketed(self, p: Place) -> bool:
        if not self.text or p.start is None or p.end is None:
            return False
        before = self.text[max(0, p.start - 3) : p.start]
        return ("(" in before) and self.text[p.end : p.end + 1] == ")"

    def known(self, place: Place) -> bool:
        """False for a place named by a common English word ("Court", "Union") that the
        geoparser did not take as a place anywhere in the document."""
        key = normalize(place.text or place.name)
        return key not in common_words() or any(normalize(q.text) == key for q in self.places)

    def resolve(self, name: str, countries: Sequence[str] = ()) -> Place | None:
        """A locative phrase's name, resolved with the document's context plus ``countries``.
        A common English word ("Court", "Mobile") is a place only if the geoparser took it as
        one somewhere in the document."""
        g = self.gazetteer or get_gazetteer()
        if not self.known(Place(name, None, text=name)):
            return None
        scope = self.scope
        extra = tuple(c for c in _iso(countries) if c not in scope.countries)
        if extra:
            scope = dataclasses.replace(scope, countries=scope.countries + extra)
        i = resolve_id(g, name, scope)
        return g.place(i, text=name) if i is not None else None


def _iso(codes: Iterable[str | None]) -> list[str]:
    """ISO alpha-3 codes from CAMEO or ISO country codes (regions and unknowns dropped)."""
    g = get_gazetteer()
    out = []
    for c in codes:
        if not c:
            continue
        iso = c if c in g.country_ids else None
        if iso is None:
            from eventwire.ontology import cameo_to_iso3

            iso = cameo_to_iso3(c)
        if iso and iso in g.country_ids and iso not in out:
            out.append(iso)
    return out


def document_places(
    text: str,
    *,
    doc: Any = None,
    dateline: str | None = None,
    context_countries: Sequence[str] = (),
    nlp: Any = None,
    gazetteer: Gazetteer | None = None,
) -> DocPlaces:
    """Geoparse a document once. ``doc``: its spaCy ``Doc`` (with entities) when the caller has
    parsed it already; ``dateline``: the article's dateline text ("UNITED NATIONS"), else an
    ALL-CAPS dateline opening the text is used; ``context_countries``: CAMEO or ISO codes."""
    g = gazetteer or get_gazetteer()
    if not text.strip():
        return DocPlaces(gazetteer=g)
    if doc is None:
        doc = (nlp or get_ner())(text)
    places, scope = parse(doc, context_countries=_iso(context_countries), gazetteer=g)
    d = None
    if dateline:
        i = resolve_dateline(g, dateline, scope)
        d = g.place(i, text=dateline) if i is not None else None
    end = 0
    if not dateline:
        found = dateline_place(g, text, span=True)
        if found is not None:
            i, end = found
            d = g.place(i, text=g.names[i])
    dominant = scope.dominant
    if d is not None and d.country and d.country not in scope.countries:
        scope = dataclasses.replace(scope, countries=scope.countries + (d.country,))
    return DocPlaces(places, d, dominant, scope, g, end, text, _affiliated(doc, places))


# entities whose names may hold a place without being one ("Air U.K. Ltd", "the Warsaw Pact")
_NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|')?\s+(\w+)")
_OF_BEFORE = re.compile(r"[>)]?\s+of\s+$")  # "<All Nippon Airways> of Japan"
_ORIGIN_BEFORE = re.compile(r"\b(?:return|returned|returning|back)\s+from\s+$", re.IGNORECASE)


def _affiliated(doc: Any, places: Sequence[Place]) -> frozenset[int]:
    """Starts of the places that name an affiliation or an origin, not where anything
    happens: inside a longer organisation, product, law or event name; "of X" right after an
    organisation's name; a country before an envoy noun ("Turkey's ambassador", "the U.S.
    embassy"); where a journey came from ("on his return from Ethiopia and Djibouti")."""
    text = doc.text
    names = [
        (e.start_char, e.end_char) for e in getattr(doc, "ents", ()) if e.label_ in _NAME_LABELS
    ]
    org_ends = {e for _, e in names}
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
        if not origin and prev is not None and prev in out_origin:
            origin = text[prev_end : p.start] in (", ", " and ", ", and ")
        if origin:
            out_origin.add(p.start)
        if inside or after_org or envoy_of or origin:
            out.add(p.start)
        prev, prev_end = p.start, p.end
    return frozenset(out)


_ACTOR_LINK = re.compile(r"\s*(?:in|from|of|at|based in)\s+(?:the\s+)?$", re.IGNORECASE)


def actor_place(start: int, end: int, doc_places: DocPlaces) -> Place | None:
    """Where the text puts an actor whose words span ``start:end`` of the document's text (for
    GDELT's Actor1Geo/Actor2Geo): a place named inside the span ("Baghdad police", "the
    governor of Texas") or right after it through "in/from/of/at" ("demonstrators in Kisumu",
    "officials from Goma"); else None (an actor's country alone is no location)."""
    text = doc_places.text
    for p in doc_places.places:
        if p.start is None or p.precision == "region":
            continue
        if start <= p.start < end:
            return dataclasses.replace(p, rule="actor-span")
        if end <= p.start <= end + 20 and _ACTOR_LINK.fullmatch(text[end : p.start]):
            return dataclasses.replace(p, rule="actor-locative")
    return None


def country_place(code: str) -> Place | None:
    """A country (CAMEO or ISO code) on its own point, at precision "country"."""
    iso = _iso([code])
    if not iso:
        return None
    g = get_gazetteer()
    return g.place(g.country_ids[iso[0]], text="")


def _inside(fine: Place, coarse: Place) -> bool:
    """``fine`` is a town or division inside the country or division ``coarse``."""
    if fine.country != coarse.country or _RANK.get(fine.precision, 5) >= _RANK.get(
        coarse.precision, 5
    ):
        return False
    return coarse.precision == "country" or (
        coarse.precision == "admin1" and fine.admin1 is not None and fine.admin1 == coarse.admin1
    )


def _with(place: Place, rule: str) -> tuple[Place, str]:
    p = dataclasses.replace(place, rule=rule)
    return p, rule


def event_place(
    clause_locatives: Sequence[str | Place] = (),
    sentence_places: Sequence[Place] = (),
    dateline: Place | str | None = None,
    actor_countries: Sequence[str | None] = (),
    doc_places: DocPlaces | None = None,
    *,
    cameo: str | None = None,
) -> tuple[Place | None, str | None]:
    """The event's place and the rule that chose it (see the module docstring), or
    ``(None, None)`` when nothing locates it. ``cameo``: the event's code, when the caller
    has it: a verbal act (a statement, appeal, consultation, rejection, threat: the roots of
    ``verbal_roots`` in ``cues.tsv``) whose sentence names only an actor's own country took
    place where the story was filed, so the dateline in another country wins ("LONDON -
    Funaro rejected suggestions that Brazil ...")."""
    countries = _iso(actor_countries)
    for loc in clause_locatives:
        if isinstance(loc, Place):
            p: Place | None = loc if doc_places is None or doc_places.known(loc) else None
        elif doc_places is not None:
            p = doc_places.resolve(loc, countries)
        else:
            g = get_gazetteer()
            i = resolve_id(g, loc, tuple(countries))
            p = g.place(i, text=loc) if i is not None else None
        if p is not None and p.precision != "region":
            return _with(p, "clause-locative")
    if isinstance(dateline, str):
        if doc_places is not None:
            dateline = doc_places.resolve(dateline, countries)
        else:
            g = get_gazetteer()
            i = resolve_id(g, dateline, tuple(countries))
            dateline = g.place(i, text=dateline) if i is not None else None
    usable = [p for p in sentence_places if p.precision != "region" and p.country]
    if usable:
        mine = [p for p in usable if p.country in countries] or usable
        best = min(mine, key=lambda p: _RANK.get(p.precision, 5))
        if dateline is not None and _inside(dateline, best):
            return _with(dateline, "dateline")  # "WASHINGTON - The U.S. Treasury said ..."
        verbal = cameo is not None and cameo[:2] in cue_sets()["verbal_roots"]
        if (
            verbal
            and best.precision == "country"
            and best.country in countries
            and dateline is not None
            and dateline.country
            and dateline.country != best.country
        ):
            return _with(dateline, "dateline")
        return _with(best, "sentence-place")
    if dateline is not None and dateline.country:
        return _with(dateline, "dateline")
    for c in countries:
        p = country_place(c)
        if p is not None:
            return _with(p, "actor-country")
    if doc_places is not None and doc_places.dominant_country:
        p = country_place(doc_places.dominant_country)
        if p is not None:
            return _with(p, "story-country")
    return None, None


__all__ = [
    "RULES",
    "DocPlaces",
    "actor_place",
    "country_place",
    "document_places",
    "event_place",
]
