"""Who acts at home, not in the town a story was filed from: a government named as the doer
(``_government_named``), a national body (``_national_body_elsewhere``), a body at its seat
(``_doer_seat``), an act spread over a country (``_spread_country``), an act the text does not
place (``_unstated``); and when the dateline's town is the finer answer (``_refines``)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from eventwire.model import Place
from eventwire.places._docplaces import DocPlaces, country_place
from eventwire.places._ranking import _with
from eventwire.places.gazetteer import get_gazetteer, normalize
from eventwire.places.geoparse import _dateline_table


@functools.lru_cache(maxsize=1)
def _capital_ids() -> frozenset[str]:
    g = get_gazetteer()
    return frozenset(str(g.gid[i]) for i in g.capitals)


def _refines(dateline: Place, best: Place) -> bool:
    """The dateline's town stands for a country the sentence names only when it is the
    country's capital ("WASHINGTON - The U.S. Treasury"; not "SAO PAULO - Brazil has
    suspended imports": a national act is the country's); a division's town always."""
    return best.precision != "country" or (dateline.geonameid or "") in _capital_ids()


def _government_named(
    places: Sequence[Place], countries: Sequence[str], dateline: Place, doc_places: DocPlaces | None
) -> bool:
    """The sentence's doer is the actor's own country or capital (metonymy for its
    government: "Washington is pressing Taiwan", "Japan has asked India ..., sources said",
    "Iraq rejected its quota"; ``DocPlaces.subjects``) and the story is filed from another
    country, or from a town of the same country that is not its capital ("MIAMI -
    Washington has threatened"), not from a body's seat where governments act as members
    ("UNITED NATIONS", ``datelines.tsv``): a government acts at home."""
    if doc_places is None or doc_places.subjects is None or not countries:
        return False
    capitals = _capital_ids()
    if countries[0] == dateline.country and (dateline.geonameid or "") in capitals:
        return False  # "WASHINGTON - The United States has threatened": the dateline is home
    g = doc_places.gazetteer or get_gazetteer()
    if normalize(dateline.text or "") in _dateline_table(g):
        return False
    if any(
        p.country == countries[0]
        and p.start in doc_places.subjects
        and (p.precision == "country" or (p.geonameid or "") in capitals)
        and p.geonameid != dateline.geonameid
        for p in places
    ):
        return True  # also "MIAMI - Washington has threatened": the capital acts, not Miami
    span = getattr(places, "span", None)
    return span is not None and any(
        p.start is not None
        and span[0] <= p.start < span[1]
        and p.start in doc_places.bodies
        and p.country == countries[0]
        and p.precision == "country"
        for p in doc_places.places
    )  # "the U.S. Commerce Department opposed", "Britain's Department of Trade is investigating"


def _national_body_elsewhere(
    doc_places: DocPlaces | None, span: tuple[int, int] | None, dateline: Place
) -> bool:
    """The sentence names a national body by the dateline's country ("the U.S. Commerce
    Department", ``DocPlaces.bodies``) and the dateline is not that country's capital: the
    body acts at its seat, not in the town the story was filed from ("NEW YORK - The sale has
    been opposed by the U.S. Commerce Department")."""
    if doc_places is None or span is None or (dateline.geonameid or "") in _capital_ids():
        return False
    return any(
        p.start is not None
        and span[0] <= p.start < span[1]
        and p.start in doc_places.bodies
        and p.precision == "country"
        and p.country == dateline.country
        for p in doc_places.places
    )


def _doer_seat(
    doc_places: DocPlaces | None, span: tuple[int, int] | None, dateline: Place | None
) -> Place | None:
    """The seat of the first body of ``bodies.tsv`` that the sentence names as a doer ("the
    Federal Reserve Board approved", "opposed by the World Bank"; ``DocPlaces.seated``); the
    dateline itself when the seat is the dateline's town ("BRUSSELS - The EC Commission")."""
    if doc_places is None or span is None:
        return None
    g = doc_places.gazetteer or get_gazetteer()
    for start, i in doc_places.seated:
        if span[0] <= start < span[1]:
            seat = g.place(i)
            if dateline is not None and seat.geonameid == dateline.geonameid:
                return dateline
            return seat
    return None


def _spread_country(
    usable: Sequence[Place], dateline: Place | None, countries: Sequence[str]
) -> Place | None:
    """The country an act spread over it is in: one the sentence names ("in Peru, strikes
    spread throughout the country"), else the dateline's, else the first actor's."""
    for p in usable:
        if p.precision == "country":
            return p
    for c in ([dateline.country] if dateline is not None and dateline.country else []) + list(
        countries
    ):
        p = country_place(c or "")
        if p is not None:
            return p
    return None


def _unstated(countries: Sequence[str], dateline: Place) -> tuple[Place | None, str | None]:
    """An act the text does not place, under a dateline that is only where the story was
    filed: the country, at precision "country" -- the dateline's when it is a party's (the
    reporter is in one party's country: "NAIROBI - Kenya has signed an agreement"), else the
    first of ``countries`` ("WASHINGTON - Japan has pledged"), else the dateline's."""
    if dateline.country in countries or not countries:
        p = country_place(dateline.country or "")
        return _with(p, "actor-country" if countries else "dateline") if p else (None, None)
    for c in countries:
        p = country_place(c)
        if p is not None:
            return _with(p, "actor-country")
    return None, None
