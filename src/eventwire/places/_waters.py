"""Events at sea: the waters a story names by a bare word ("hit in the Gulf",
``data/places/waters.tsv``), and the regions a material act may be placed in (``_afloat``:
waters by ``water_words``, or a region inside one country such as an island, "south of
Kharg").

The geoparser does not take a bare "the Gulf" (in US local news it is another sea); a story
that names one of the row's countries does (``story_waters``), for event places only.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence

from eventwire.data_files import DataError
from eventwire.model import Place
from eventwire.places.build import data_file, read_tsv
from eventwire.places.gazetteer import REGION, Gazetteer, normalize
from eventwire.places.scan import cue_sets

_TABLES: dict[int, tuple[tuple[re.Pattern[str], int, frozenset[str]], ...]] = {}


def waters_table(g: Gazetteer) -> tuple[tuple[re.Pattern[str], int, frozenset[str]], ...]:
    """``waters.tsv`` as (pattern of "the <words>", region id, countries); a region the
    gazetteer lacks is an error naming the file and line."""
    got = _TABLES.get(id(g))
    if got is not None:
        return got
    path = data_file("waters.tsv")
    rows = []
    for n, row in read_tsv(path):
        if len(row) < 3 or not row[0] or not row[2].split():
            raise DataError("expected words, region, countries", path, n)
        ids = [i for i in g.index.get(normalize(row[1]), ()) if g.kind[i] == REGION]
        if not ids:
            raise DataError(f"no region {row[1]!r} in regions.tsv", path, n)
        # "the Gulf", not "the Gulf of Mexico", "the Gulf Cooperation Council", "Gulf-based"
        pattern = re.compile(
            r"(?<=\bthe )" + re.escape(row[0]) + r"\b(?![-\u2019']|\s+(?:of\b|[A-Z]))"
        )
        rows.append((pattern, ids[0], frozenset(row[2].split())))
    _TABLES[id(g)] = got = tuple(rows)
    return got


def story_waters(text: str, places: Sequence[Place], g: Gazetteer) -> list[Place]:
    """The places ``places`` plus, in text order, the waters of ``waters.tsv`` the text names
    by a bare word, when it also names one of the row's countries (a toponym of the text)."""
    named = {p.country for p in places if p.country}
    extra = []
    for pattern, i, countries in waters_table(g):
        if not named & countries:
            continue
        for m in pattern.finditer(text):
            if any(
                p.start is not None and p.end is not None and p.start <= m.start() < p.end
                for p in places
            ):
                continue
            extra.append(
                dataclasses.replace(g.place(i, text=m.group()), start=m.start(), end=m.end())
            )
    if not extra:
        return list(places)
    return sorted([*places, *extra], key=lambda p: p.start if p.start is not None else -1)


@functools.lru_cache(maxsize=1)
def _water_words() -> frozenset[str]:
    return cue_sets()["water_words"]


def _afloat(p: Place) -> bool:
    """A region a material act may happen in: waters (a word of ``water_words`` in its name:
    the Persian Gulf, the Arabian Sea, the Strait of Hormuz) or a region inside one country
    (an island: Kharg Island); never a continent or a macro-region."""
    if p.precision != "region":
        return False
    return bool(p.country) or any(w in _water_words() for w in normalize(p.name).split())
