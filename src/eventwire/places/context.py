"""Where an event happened: the document's places computed once, then one choice per event.

    >>> doc = document_places(article.body, doc=spacy_doc, dateline=article.dateline)
    >>> place, rule = event_place(["Crimea"], doc.in_span(s, e), doc.dateline, ["RUS"], doc)

``event_place`` follows a fixed order and says which rule chose the place:

1. ``clause-locative``: the first name (or ``Place``) of the clause's locative phrases ("in
   Crimea", "travels to Kiev") that resolves, in the document's scope;
2. ``sentence-place``: else a place the sentence names: one after a locative cue ("in",
   "near", "into", "the streets of") first, a doer's name last ("captured by Israel"), then
   one in an actor's country, then the finer (a town or division before a country; never a
   continent or sea) -- unless it is a country or state that holds the dateline's town, which
   is then the finer answer (``dateline``: "WASHINGTON - The U.S. Treasury said"). For a
   verbal act (``cameo=``) under a dateline only a place the sentence gives as where it was
   said counts ("said in Tokyo"); the dateline beats the places it talks about ("LONDON -
   Funaro said Brazil would not ..."), except in a relayed report (see ``event_place``).
   Places that name an affiliation or an origin are not the sentence's (``DocPlaces.in_span``:
   "Air U.K. Ltd", "Turkey's ambassador", "Chicago physician", "Tokyo-based");
3. ``dateline``: else the dateline's place ("KIEV, March 20 (Reuters) -");
4. ``actor-country``: else the first actor country that is a real country, on the country's
   point at precision "country";
5. ``story-country``: else the story's dominant country (countries named, towns resolved),
   at precision "country".

Under a dateline, acts the text does not place are put in a country at precision "country"
(GDELT's answer when nothing finer is known; rule ``actor-country``) rather than in the filing
town: talks, agreements and signings (``joint_codes``: the dateline's country when it is a
party's, else the doer's), verbal acts of a government named as the clause's doer or by a
national body ("Washington is pressing Taiwan", "the U.S. Commerce Department"), fighting
(``field_roots``: the acted-on party's country). A pact named by its place ("the Paris
accord") and a meeting the story placed earlier ("at the talks" ... "talks in London") place
joint and verbal acts. So do the one pact town the story names for a joint act it does not
place ("the February 22 Paris agreement", ``_venues._story_pact``), a visitor or talks "here"
in the neighbouring sentence (the dateline), and a member body's seat as the dateline ("GENEVA
- ... GATT": members act there, ``_members``). A material act placed after a cue in waters or
an island ("hit in the Gulf", ``_waters``) is placed there; one whose sentence names only
origins ("imported from France") is not placed at the origin.

Actor countries may be CAMEO codes (as ``Actor.country`` holds them) or ISO alpha-3.

This module holds the two entry points and the order of the rules; their parts are private
modules of the package: ``_docplaces`` (``DocPlaces``, country codes), ``_cues`` (the cue word
before a name), ``_affiliations`` (names of an affiliation, an origin, a modifier),
``_clauses`` (what the parse says a name is to its clause), ``_media`` (relayed reports),
``_ranking`` (which of a sentence's places), ``_venues`` (meetings, "here", visitors, the
story's pact), ``_members`` (member seats), ``_waters`` (acts at sea) and ``_home`` (who acts
at home rather than at the dateline).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from eventwire.model import Place
from eventwire.places._affiliations import _affiliated, _modifiers
from eventwire.places._clauses import _before_nouns, _in_clause, _said_at, _seats, _subjects
from eventwire.places._cues import DISTANCE, FAR_KM, _cues_before
from eventwire.places._docplaces import RULES, DocPlaces, SpanPlaces, _iso, country_place
from eventwire.places._home import (
    _doer_seat,
    _government_named,
    _national_body_elsewhere,
    _refines,
    _spread_country,
    _unstated,
)
from eventwire.places._media import _relayed, media_phrases
from eventwire.places._members import at_member_seat
from eventwire.places._ranking import _act_cue, _cue, _inside, _joint, _order, _relayed_place, _with
from eventwire.places._venues import _meeting_place, _says_here, _story_pact, _talks_here_nearby
from eventwire.places._waters import _afloat, story_waters
from eventwire.places.doers import body_mentions, owners, spread_over_country
from eventwire.places.gazetteer import Gazetteer, get_gazetteer
from eventwire.places.geoparse import dateline_place, get_ner, parse, resolve_dateline
from eventwire.places.resolve import resolve_id
from eventwire.places.scan import cue_sets


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
    places = story_waters(text, places, g)  # "hit in the Gulf": in a story about Iran
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
    modifiers = _modifiers(doc, places)
    affiliated = _affiliated(doc, places) | modifiers
    cues = _cues_before(text, places)
    return DocPlaces(
        places,
        d,
        dominant,
        scope,
        g,
        end,
        text,
        affiliated,
        cues,
        _said_at(doc, places, cues),
        _relayed(doc, end),
        _seats(doc, places, modifiers),
        _before_nouns(doc, places, "pact_nouns"),
        _subjects(doc, places),
        _before_nouns(doc, places, "seat_nouns"),
        owners(doc, places),
        body_mentions(doc, g),
        _in_clause(doc, places, cues),
        _in_clause(doc, places, cues, "cues"),
        at_member_seat(text, d, g),
    )


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
    ``verbal_roots`` in ``cues.tsv``) took place where the speaker was, which under a dateline
    is the dateline's place unless the sentence says where it was made ("said in Tokyo",
    ``verbal_cues``; for consultations also "visited Washington", ``visit_cues``): the other
    places a statement names are its topic ("LONDON - Funaro rejected suggestions that
    Brazil ...", "BRUSSELS - The Commission said ... the Soviet Union is dumping mercury").
    In a relayed report (``DocPlaces.relayed``: "BAHRAIN - ... the official Saudi Press
    Agency said") by actors of another country, the dateline is only where it was monitored:
    a place the sentence names abroad, else the speaker's country."""
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
    cues = doc_places.cue_before if doc_places is not None else {}
    verbal = cameo is not None and cameo[:2] in cue_sets()["verbal_roots"]
    material = cameo is not None and not verbal
    usable = [
        p
        for p in sentence_places
        if (
            p.precision != "region"
            and p.country
            # "vessels hit in the Gulf", "south of Kharg": waters or an island after a cue
            or material
            and _afloat(p)
            and _order(p, countries, cues)[0] == 0
        )
        and not (
            doc_places is not None
            and p.start in doc_places.owners
            and p.country not in countries[:1]
        )
    ]  # "France protested over Canada's decision": Canada owns the decision
    relayed = doc_places is not None and doc_places.relayed
    if relayed and dateline is not None and dateline.country and dateline.country not in countries:
        return _relayed_place(usable, countries, dateline, cues, None if verbal else doc_places)
    span = getattr(sentence_places, "span", None)
    joint = cameo is not None and _joint(cameo)
    if joint and doc_places is not None and span is not None:
        named = [
            p
            for p in doc_places.places
            if p.start is not None
            and span[0] <= p.start < span[1]
            and p.start in doc_places.pacts
            and p.country
            and p.precision != "region"
        ]
        if named:  # "the February 22 Paris accord", "the Geneva talks"
            return _with(named[0], "sentence-place")
    if verbal and dateline is not None and dateline.country:
        said_at = doc_places.said_at if doc_places is not None else None
        named = _government_named(sentence_places, countries, dateline, doc_places)
        usable = [p for p in usable if _act_cue(p, cues, said_at, cameo or "")]
        met = None if usable else _meeting_place(doc_places, span)
        if met is not None:  # "blocked the proposal at the coffee talks" (in London)
            return _with(met, "sentence-place")
        seat = None if usable or joint else _doer_seat(doc_places, span, dateline)
        if seat is not None and not _says_here(doc_places, span):
            rule = "dateline" if seat is dateline else "sentence-place"
            return _with(seat, rule)  # "the EC Commission rejected all bids"
        pact = _story_pact(doc_places, span) if joint and not usable else None
        if pact is not None and not _says_here(doc_places, span):
            return _with(pact, "sentence-place")  # "agreed on February 22" (the Paris accord)
        seated_members = doc_places is not None and doc_places.member_seat
        if (
            not usable
            and (joint or named)
            and not seated_members
            and not _says_here(doc_places, span)
            and not (joint and _talks_here_nearby(doc_places, span))
        ):
            # the dateline is where the story was filed; a government named acts at home
            return _unstated(countries[:1] if named else countries, dateline)
        if not usable and _national_body_elsewhere(doc_places, span, dateline):
            country = country_place(dateline.country)
            if country is not None:  # "NEW YORK - ... opposed by the U.S. Commerce Department"
                return _with(country, "actor-country")
    field_act = cameo is not None and cameo[:2] in cue_sets()["field_roots"]
    if not usable and not verbal and doc_places is not None:
        usable = [
            p
            for p in doc_places.places
            if span is not None
            and p.start is not None
            and span[0] <= p.start < span[1]
            and p.start in doc_places.seats
            and p.country
        ]  # "the bank was closed by the Brunei government"
        met = None if usable else _meeting_place(doc_places, span)
        if met is not None:  # "in hearings before the federal judge" (in Chicago)
            return _with(met, "sentence-place")
    if not verbal and doc_places is not None and spread_over_country(doc_places.text, span):
        country = _spread_country(usable, dateline, countries)
        if country is not None:  # "70 strikes throughout the country"
            return _with(country, "sentence-place")
    if (
        not verbal
        and not field_act
        and dateline is not None
        and not any(_order(p, countries, cues)[0] == 0 for p in usable)
        and _government_named(sentence_places, countries, dateline, doc_places)
    ):  # "GEORGETOWN - Trinidad and Tobago had restricted imports of Guyanese rice"
        country = country_place(countries[0])
        if country is not None:  # the country the sentence names as the doer
            return _with(country, "sentence-place")
    origins = cue_sets()["origin_cues"]
    if not verbal and dateline is not None and all(_cue(p, cues) in origins for p in usable):
        usable = []  # "beetles found in parsley imported from France": where it came from only
    if usable:
        of_verb = doc_places.of_verb if doc_places is not None else None

        def rank(p: Place) -> tuple[int, ...]:
            o = _order(p, countries, cues)  # of places after a cue, the verb's first:
            by_verb = 0 if o[0] > 0 or of_verb is None or p.start in of_verb else 1
            return (o[0], by_verb, *o[1:])  # "ships near Hormuz ... moved into the sea"

        best = min(usable, key=rank)
        seat = (
            None
            if verbal or _order(best, countries, cues)[0] == 0
            else _doer_seat(doc_places, span, dateline)
        )
        if seat is not None:  # "the EC Commission has charged the United States"
            return _with(seat, "dateline" if seat is dateline else "sentence-place")
        in_clause = doc_places.in_clause if doc_places is not None else None
        spread = (  # "in X" of the clause: somewhere in the country ("killed ... in northern Chad")
            not verbal
            and best.precision in ("country", "admin1")
            and _order(best, countries, cues)[0] == 0
            and in_clause is not None
            and best.start in in_clause
        )
        if (
            dateline is not None
            and not spread  # "N'DJAMENA - troops routed a force in northern Chad": not the capital
            and _inside(dateline, best)
            and _refines(dateline, best)
        ):
            return _with(dateline, "dateline")  # "WASHINGTON - The U.S. Treasury said ..."
        if _cue(best, cues) == DISTANCE and best.precision != "country":
            country = country_place(best.country or "")  # "340 km north of Baghdad": Iraq
            if country is not None:
                return _with(country, "sentence-place")
        return _with(best, "sentence-place")
    if field_act and dateline is not None and dateline.country and not _says_here(doc_places, span):
        return _unstated(countries[::-1], dateline)  # fighting is rarely where news is filed
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
    "DISTANCE",
    "FAR_KM",
    "RULES",
    "DocPlaces",
    "SpanPlaces",
    "actor_place",
    "country_place",
    "document_places",
    "event_place",
    "media_phrases",
]
