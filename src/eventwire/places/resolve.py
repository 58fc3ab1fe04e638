"""Toponym resolution: one name (plus what the document says) -> one gazetteer entry.

Order of decisions:

1. An alias (``aliases.tsv``) names its target outright: "Kyiv" -> Kiev, "Washington" ->
   Washington, D.C., "Gaza" -> the Gaza Strip.
2. A country name always means the country (prior 100), never a town or state sharing it:
   "Georgia" -> GEO, "Jordan" -> JOR. The US state is reached with ``prefer="admin1"``, through
   a qualified form ("Atlanta, Georgia") or, in geoparsing, in a list of US states.
3. Otherwise the highest score wins: the static prior (log10 population; capitals +1, major
   cities +0.5; a town named like its admin1 +0.6; divisions -0.5/-1.2 as their population is
   spread out), plus, from the ``Scope`` of the document:
   ``CTX_COUNTRY`` when the place lies in a context country (actors, countries named, dateline),
   ``CTX_DOMINANT`` more in the story's dominant country, ``CTX_PARENT`` when the document names
   the place's admin1 or admin2 (hierarchy: "Paris" in a story that names Texas), ``CTX_NEAR``
   when it lies within ``NEAR_KM`` of another town the document names. So "Paris" alone is the
   French capital, even with US actors, and Paris, Texas in a story about Texas.
4. "City, Region" / "City, Country" (and "City, Tex."): the town of that name inside the
   region or country; without such a town, the city part alone.
5. "X province|region|oblast|governorate|state|county|district" -> the division X.

Regions and continents (``regions.tsv``) resolve only when asked (``regions=True``): they are
places for a geoparser, never a country for an actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from eventwire.model import Place
from eventwire.places.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    COUNTRY,
    KIND_CODES,
    REGION,
    Gazetteer,
    get_gazetteer,
    normalize,
)

CTX_COUNTRY = 2.0  # Tripoli + Lebanon -> Lebanon's Tripoli (0.23M) over Libya's capital (1.1M)
CTX_DOMINANT = 0.5
CTX_PARENT = 3.0
CTX_NEAR = 1.5
NEAR_KM = 250.0
DIVISION_MARGIN = 1.0

_SUFFIX_KIND = {
    "province": ADMIN1,
    "region": ADMIN1,
    "oblast": ADMIN1,
    "governorate": ADMIN1,
    "state": ADMIN1,
    "prefecture": ADMIN1,
    "county": ADMIN2,
    "district": ADMIN2,
    "parish": ADMIN2,
    "municipality": ADMIN2,
    "regency": ADMIN2,
    "city": CITY,
}


@dataclass
class Scope:
    """What a document says about where it is: context countries (actors, countries named,
    the dateline's), its dominant country, the divisions it names, the towns it names."""

    countries: tuple[str, ...] = ()
    dominant: str | None = None
    divisions: frozenset[int] = frozenset()
    towns: tuple[int, ...] = ()
    _near_cache: dict[int, bool] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, ctx: Sequence[str] | Scope | None) -> Scope:
        if isinstance(ctx, Scope):
            return ctx
        return cls(countries=tuple(ctx or ()))


def score(g: Gazetteer, i: int, scope: Scope) -> float:
    s = float(g.prior[i])
    c = g.country[i]
    if c and c in scope.countries:
        s += CTX_COUNTRY
        if c == scope.dominant:
            s += CTX_DOMINANT
    local = g.kind[i] in (CITY, ADMIN2)
    if local and (g.parent[i] in scope.divisions or g.parent2[i] in scope.divisions):
        s += CTX_PARENT
    if local and any(t != i and g.km(i, t) <= NEAR_KM for t in scope.towns):
        s += CTX_NEAR
    return s


def best(
    g: Gazetteer, ids: Sequence[int], ctx: Sequence[str] | Scope | None, kind: int | None
) -> int | None:
    """The best-scoring of ``ids`` (sorted by prior) in the context; ``kind`` filters first."""
    if kind is not None:
        ids = [i for i in ids if g.kind[i] == kind] or ids
    if not ids:
        return None
    if len(ids) == 1:
        return ids[0]
    scope = Scope.of(ctx)
    if not scope.countries and not scope.divisions and not scope.towns:
        return ids[0]  # ids are sorted by prior
    top, top_s = -1, -1e9
    ceiling = CTX_COUNTRY + CTX_DOMINANT + CTX_PARENT + CTX_NEAR
    for i in ids:
        if g.prior[i] + ceiling <= top_s:
            break  # sorted by prior: nothing further down can win
        s = score(g, i, scope)
        if s > top_s:
            top, top_s = i, s
    if g.kind[top] in (CITY, ADMIN2):
        # a state or province far larger than any same-named town is what the name means,
        # whatever the context ("Oregon" in a story that names Ohio is not Oregon, Ohio)
        div = next((i for i in ids if g.kind[i] == ADMIN1), None)
        larger = div is not None and g.prior[div] >= g.prior[top] + DIVISION_MARGIN
        if larger and (not scope.countries or g.country[div] in scope.countries):
            return div
    return top


def all_ids(g: Gazetteer, key: str) -> list[int]:
    """Alias targets first, then index entries (for qualified forms and kind filters)."""
    out = list(g.aliases.get(key, ()))
    out += [i for i in g.index.get(key, ()) if i not in out]
    return out


def resolve_qualified(
    g: Gazetteer, head: str, qualifier: str, ctx: Sequence[str] | Scope | None = ()
) -> int | None:
    """The town/division ``head`` inside the region or country ``qualifier``, or None."""
    pair = resolve_pair(g, head, qualifier, ctx)
    return pair[0] if pair else None


def resolve_pair(
    g: Gazetteer, head: str, qualifier: str, ctx: Sequence[str] | Scope | None = ()
) -> tuple[int, int] | None:
    """(town, qualifier) ids for "Atlanta, Georgia": the qualifier is the division or country
    that holds the town (here the US state, not the country Georgia)."""
    qkey = normalize(qualifier)
    quals = [i for i in all_ids(g, qkey) if g.kind[i] in (COUNTRY, ADMIN1, ADMIN2)]
    if qkey in g.qualifiers:
        quals.append(g.qualifiers[qkey])
    if not quals:
        return None
    matches: dict[int, int] = {}
    for h in all_ids(g, normalize(head)):
        if g.kind[h] in (COUNTRY, REGION) or h in quals:
            continue
        for q in quals:
            if g.country[h] != g.country[q]:
                continue
            if g.kind[q] == COUNTRY or g.parent[h] == q or g.parent2[h] == q:
                matches[h] = q
                break
    h = best(g, list(matches), ctx, None)
    return (h, matches[h]) if h is not None else None


def resolve_id(
    g: Gazetteer,
    name: str,
    ctx: Sequence[str] | Scope | None = (),
    kind: int | None = None,
    *,
    regions: bool = False,
    minor: bool = True,
) -> int | None:
    key = normalize(name)
    if not key:
        return None
    ids = all_ids(g, key) if kind is not None else g.candidates(key)
    if not regions:
        if any(g.kind[i] == REGION for i in ids):
            return None  # "Middle East", "Europe": a region, never a same-named neighbourhood
        if not minor:
            ids = [i for i in ids if i not in g.minor]
    if ids:
        return best(g, ids, ctx, kind)
    if "," in name:
        head, _, tail = name.rpartition(",")
        i = resolve_qualified(g, head, tail, ctx)
        if i is not None:
            return i
        q = resolve_id(g, tail, ctx)
        scope = Scope.of(ctx)
        if q is not None:
            scope = Scope(countries=(*scope.countries, g.country[q]), divisions=frozenset({q}))
        return resolve_id(g, head, scope, kind)
    base, _, last = key.rpartition(" ")
    if base and last in _SUFFIX_KIND:
        want = _SUFFIX_KIND[last]
        i = resolve_id(g, base, ctx, want)
        if i is not None and want == ADMIN2 and g.kind[i] not in (ADMIN1, ADMIN2):
            return None  # "Scott County" is not the town of Scott
        return i
    return None


def resolve_place(
    name: str,
    *,
    context_countries: Sequence[str] = (),
    prefer: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Place | None:
    """Resolve one toponym to a ``Place`` (``text`` = ``name``), or None if unknown.

    ``context_countries``: ISO alpha-3 codes of the article's actors and dateline country;
    ``prefer``: "country" | "admin1" | "admin2" | "city" to pick that kind among homonyms.
    Continents and regions are not resolved here (``geoparse`` finds them), nor villages of
    under 1000 inhabitants (``geoparse`` takes those only with a cue): a word that is only a
    hamlet's name somewhere should not make an actor a place.
    """
    g = gazetteer or get_gazetteer()
    kind = KIND_CODES.get(prefer) if prefer else None
    i = resolve_id(g, name, tuple(context_countries), kind, minor=False)
    return g.place(i, text=name) if i is not None else None
