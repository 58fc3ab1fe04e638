"""Toponym resolution: one name (plus the article's countries) -> one gazetteer entry.

Order of decisions:

1. An alias (``aliases.tsv``) names its target outright: "Kyiv" -> Kiev, "Washington" ->
   Washington, D.C., "Gaza" -> the Gaza Strip.
2. A country name always means the country, never a town or state sharing it: "Georgia" ->
   GEO, "Jordan" -> JOR, even when the article's actors are American. The US state is reached
   with ``prefer="admin1"`` or through a qualified form ("Atlanta, Georgia").
3. Otherwise the highest score wins: static rank (capital 100, major city 60, town named like
   its admin1 +35, admin1 30, town named like its admin2 +10) plus ``CONTEXT_BONUS`` (45) when
   the place lies in one of ``context_countries``; ties keep file order. So "Paris" is the
   French capital even with US context, and "Punjab" with PAK context is Pakistan's.
4. "City, Region" / "City, Country" (and "City, Tex."): the town of that name inside the
   region or country ("Paris, Texas" -> the US town); without such a town, the city part alone.
5. "X province|region|oblast|governorate|state" -> admin1 X; "X city" -> town X.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.model import Place
from eventwire.places.gazetteer import (
    ADMIN1,
    CITY,
    CONTEXT_BONUS,
    COUNTRY,
    KIND_CODES,
    Gazetteer,
    get_gazetteer,
    normalize,
)

_SUFFIX_KIND = {
    "province": ADMIN1,
    "region": ADMIN1,
    "oblast": ADMIN1,
    "governorate": ADMIN1,
    "state": ADMIN1,
    "prefecture": ADMIN1,
    "city": CITY,
}


def _best(g: Gazetteer, ids: Sequence[int], ctx: Sequence[str], kind: int | None) -> int | None:
    if kind is not None:
        ids = [i for i in ids if g.kind[i] == kind] or ids
    if not ids:
        return None
    if not ctx:
        return max(ids, key=g.rank.__getitem__)  # first of the top rank (ids are rank-sorted)
    best, best_score = -1, -(10**9)
    rank, country = g.rank, g.country
    for i in ids:
        r = rank[i]
        if r + CONTEXT_BONUS <= best_score:
            continue
        s = r + CONTEXT_BONUS if country[i] in ctx else r
        if s > best_score:
            best, best_score = i, s
    return best


def _all(g: Gazetteer, key: str) -> list[int]:
    """Alias targets first, then index entries (for qualified forms and kind filters)."""
    out = list(g.aliases.get(key, ()))
    out += [i for i in g.index.get(key, ()) if i not in out]
    return out


def resolve_qualified(
    g: Gazetteer, head: str, qualifier: str, ctx: Sequence[str] = ()
) -> int | None:
    """The town/admin1 ``head`` inside the region or country ``qualifier``, or None."""
    qkey = normalize(qualifier)
    quals = [i for i in _all(g, qkey) if g.kind[i] != CITY]
    if qkey in g.qualifiers:
        quals.append(g.qualifiers[qkey])
    if not quals:
        return None
    matches = []
    for h in _all(g, normalize(head)):
        if g.kind[h] == COUNTRY or h in quals:
            continue
        for q in quals:
            if g.country[h] == g.country[q] and (g.kind[q] == COUNTRY or g.parent[h] == q):
                matches.append(h)
                break
    return _best(g, matches, ctx, None)


def resolve_id(
    g: Gazetteer, name: str, ctx: Sequence[str] = (), kind: int | None = None
) -> int | None:
    key = normalize(name)
    if not key:
        return None
    ids = _all(g, key) if kind is not None else g.candidates(key)
    if ids:
        return _best(g, ids, ctx, kind)
    if "," in name:
        head, _, tail = name.rpartition(",")
        i = resolve_qualified(g, head, tail, ctx)
        if i is not None:
            return i
        q = resolve_id(g, tail, ctx)
        return resolve_id(g, head, (*ctx, g.country[q]) if q is not None else ctx, kind)
    base, _, last = key.rpartition(" ")
    if base and last in _SUFFIX_KIND:
        return resolve_id(g, base, ctx, _SUFFIX_KIND[last])
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
    ``prefer``: "country" | "admin1" | "city" to pick that kind among homonyms when one exists.
    """
    g = gazetteer or get_gazetteer()
    kind = KIND_CODES.get(prefer) if prefer else None
    i = resolve_id(g, name, tuple(context_countries), kind)
    return g.place(i, text=name) if i is not None else None
