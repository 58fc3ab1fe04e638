"""Places stage: a gazetteer of countries, first-level divisions and towns, toponym resolution
and geoparsing, all offline.

    >>> from eventwire.places import resolve_place, geoparse
    >>> resolve_place("Kyiv").country
    'UKR'
    >>> [p.name for p in geoparse("Clashes in Paris, Texas and in Moscow.")]
    ['Paris', 'Moscow']

Event places: ``document_places(text, doc=..., dateline=...)`` once per document, then
``event_place(clause_locatives, sentence_places, dateline, actor_countries, doc_places)`` per
event (see ``eventwire.places.context``).

The gazetteer loads lazily on first use (``get_gazetteer()``): about 8 s to build from the
packaged GeoNames data the first time, then ~0.2 s from a pickle cached under
``~/.cache/eventwire/`` (see ``eventwire.places.gazetteer`` and ``build``). Extra aliases: put an
``aliases.tsv`` (format of ``eventwire/data/places/aliases.tsv``) in the directory named by
``$EVENTWIRE_PLACES``.
"""

from eventwire.places.context import (
    DocPlaces,
    actor_place,
    country_place,
    document_places,
    event_place,
)
from eventwire.places.gazetteer import Gazetteer, get_gazetteer, normalize, reset_gazetteer
from eventwire.places.geoparse import geoparse, geoparse_doc, get_ner
from eventwire.places.resolve import resolve_place

__all__ = [
    "DocPlaces",
    "Gazetteer",
    "actor_place",
    "country_place",
    "document_places",
    "event_place",
    "geoparse",
    "geoparse_doc",
    "get_gazetteer",
    "get_ner",
    "normalize",
    "reset_gazetteer",
    "resolve_place",
]
