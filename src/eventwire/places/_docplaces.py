"""The document's places as ``event_place`` reads them (``DocPlaces``, ``SpanPlaces``), and
country codes: CAMEO or ISO to the gazetteer's ISO alpha-3 (``_iso``), a country on its own
point (``country_place``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from eventwire.model import Place
from eventwire.places.gazetteer import Gazetteer, get_gazetteer, normalize
from eventwire.places.resolve import Scope, resolve_id
from eventwire.places.scan import common_words

RULES = ("clause-locative", "sentence-place", "dateline", "actor-country", "story-country")
_RANK = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}


class SpanPlaces(list):  # type: ignore[type-arg]
    """The places of a span (``DocPlaces.in_span``): a list of ``Place`` with its ``span``."""

    span: tuple[int, int] | None = None


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
    cue_before: dict[int, str] = field(default_factory=dict)  # start -> "in", "by", "visited"
    said_at: frozenset[int] | None = None  # "in/at" places of a verb or venue (None: no parse)
    relayed: bool = False  # the lead relays another medium's report ("..., SPA said")
    seats: frozenset[int] = frozenset()  # "the Sichuan government": the doer's seat (modifiers)
    pacts: frozenset[int] = frozenset()  # "the Paris accord", "the Geneva talks": where agreed
    subjects: frozenset[int] | None = None  # "Washington is pressing ...": the clause's doer
    bodies: frozenset[int] = frozenset()  # "the U.S. Commerce Department", "Britain's ministry"
    owners: frozenset[int] = frozenset()  # "Canada's decision": whose thing, not where
    seated: tuple[tuple[int, int], ...] = ()  # (start, seat id): "the Federal Reserve approved"
    in_clause: frozenset[int] | None = None  # "in X" of a verb or its object: "killed ... in Chad"
    of_verb: frozenset[int] | None = None  # after any locative cue, of the verb: "moved into X"
    member_seat: bool = False  # filed from the seat of a member body it names: "GENEVA - ... GATT"

    def in_span(self, start: int, end: int) -> SpanPlaces:
        """The places inside a character span (a sentence of the same text), without the
        dateline's and without affiliations: in parentheses ("Senator Dole (R-Kan.)"), inside
        an organisation's name ("Air U.K. Ltd", "the Bank of England"), "of X" after one
        ("All Nippon Airways of Japan"), an envoy's country ("Turkey's ambassador"), a name
        before a noun ("Chicago physician", "the Singapore and New York authorities"). A list
        that remembers its span, so ``event_place`` can read what else the sentence says."""
        lo = max(start, self.dateline_end)
        out = SpanPlaces(
            p
            for p in self.places
            if p.start is not None
            and lo <= p.start < end
            and p.start not in self.affiliated
            and not self._bracketed(p)
        )
        out.span = (start, end)
        return out

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

            iso = cameo_to_iso3(c) or _former_country(g, c)
        if iso and iso in g.country_ids and iso not in out:
            out.append(iso)
    return out


def _former_country(g: Gazetteer, code: str) -> str | None:
    """The country a former state's CAMEO code (USR, DDR, YUG) stands for on a map: its name
    through the gazetteer's aliases ("Soviet Union" -> Russian Federation, ``aliases.tsv``)."""
    from eventwire.ontology import get_ontology

    c = get_ontology().countries.get(code)
    if c is None or not getattr(c, "name", None):
        return None
    for i in g.aliases.get(normalize(c.name), ()):
        if g.place(i).precision == "country":
            return g.country[i] or None
    return None


def country_place(code: str) -> Place | None:
    """A country (CAMEO or ISO code) on its own point, at precision "country"."""
    iso = _iso([code])
    if not iso:
        return None
    g = get_gazetteer()
    return g.place(g.country_ids[iso[0]], text="")
