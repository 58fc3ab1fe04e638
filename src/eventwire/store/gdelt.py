"""Stored events -> lines of the GDELT 2.0 Events table (61 tab-separated columns).

The whole mapping is one SQL query (DuckDB does the work; Python only writes the lines). The
mapping and its deviations from GDELT are documented in SCHEMA.md ("GDELT export").
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from .fips import ISO3_TO_FIPS

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: list[str] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
]
assert len(GDELT_COLUMNS) == 61

# CAMEO prefixes of transnational actors: the next three letters are the known-group code
# (IGOUNO -> UNO, NGOAMN -> AMN) and the prefix itself is the actor type.
_GROUP_PREFIXES = "('IGO', 'NGO', 'IMG', 'NGM')"


def global_event_id(event_id: str) -> int:
    """Stable 60-bit integer for an event id: the first 15 hex digits of its MD5.

    The SQL below computes the same number; this is the reference for other tools.
    """
    return int(hashlib.md5(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _clean(expr: str) -> str:
    """Free text on one line with no tabs (GDELT files have no quoting)."""
    return rf"regexp_replace({expr}, '\s+', ' ', 'g')"


def _num(expr: str) -> str:
    """A number rounded to 4 decimals, without a trailing .0 (-10, 3.4, 46.6354)."""
    return rf"regexp_replace(CAST(round({expr}, 4) AS VARCHAR), '\.0$', '')"


def _actor(side: str) -> list[str | None]:
    code = f"e.{side}_code"
    prefix = f"substr({code}, 1, 3)"
    return [
        code,
        f"upper({_clean(f'e.{side}_text')})",
        f"e.{side}_country",
        (
            f"CASE WHEN {prefix} IN {_GROUP_PREFIXES} AND length({code}) >= 6 "
            f"THEN substr({code}, 4, 3) END"
        ),
        None,
        None,
        None,
        f"COALESCE(e.{side}_sector, CASE WHEN {prefix} IN {_GROUP_PREFIXES} THEN {prefix} END)",
        None,
        None,
    ]


def _geo_block(col: dict[str, str]) -> list[str | None]:
    """The eight GDELT Geo fields of one place (``col``: SQL for its name, country (ISO), admin1,
    lat, lon, precision, admin1_code, admin2, geonameid). Type: 1 country, 2 US state, 3 US
    town, 4 world town, 5 world division (an admin2 counts as a town); ADM1Code: FIPS country
    + GeoNames admin1 code ("USTX"), the country code alone for a country; ADM2Code: the
    second-level division's name (no GAUL codes offline); FeatureID: the FIPS code for a
    country (as GDELT writes it), else the GeoNames id."""
    name, country, admin1, prec = col["name"], col["country"], col["admin1"], col["precision"]
    fips = f"(SELECT fx.fips FROM fips fx WHERE fx.iso3 = {country})"
    cname = f"COALESCE((SELECT fx.name FROM fips fx WHERE fx.iso3 = {country}), {country})"
    has = f"({name} IS NOT NULL OR {country} IS NOT NULL)"
    typ = (
        f"CASE WHEN NOT {has} THEN 0 WHEN {prec} = 'country' THEN 1 "
        f"WHEN {prec} = 'admin1' THEN CASE WHEN {country} = 'USA' THEN 2 ELSE 5 END "
        f"ELSE CASE WHEN {country} = 'USA' THEN 3 ELSE 4 END END"
    )
    full = (
        f"CASE {prec} WHEN 'country' THEN COALESCE({cname}, {name}) "
        f"WHEN 'admin1' THEN concat_ws(', ', COALESCE({admin1}, {name}), {cname}) "
        f"ELSE concat_ws(', ', {name}, "
        f"CASE WHEN {admin1} IS DISTINCT FROM {name} THEN {admin1} END, {cname}) END"
    )
    return [
        typ,
        f"CASE WHEN {has} THEN {_clean(full)} END",
        fips,
        f"CASE WHEN {has} THEN COALESCE({col['admin1_code']}, {fips}) END",
        _clean(col["admin2"]),
        _num(col["lat"]),
        _num(col["lon"]),
        f"CASE WHEN {prec} = 'country' THEN {fips} ELSE {col['geonameid']} END",
    ]


def _json_place(json_col: str, path: str) -> dict[str, str]:
    def j(k: str) -> str:
        return f"json_extract_string({json_col}, '{path}.{k}')"

    out = {k: j(k) for k in ("name", "country", "admin1", "precision", "admin1_code", "admin2")}
    out["geonameid"] = j("geonameid")
    out["lat"] = f"TRY_CAST({j('lat')} AS DOUBLE)"
    out["lon"] = f"TRY_CAST({j('lon')} AS DOUBLE)"
    return out


_ACTION = {
    **{k: f"e.location_{k}" for k in ("name", "country", "admin1", "lat", "lon", "precision")},
    **{
        k: f"json_extract_string(e.location_json, '$.{k}')"
        for k in ("admin1_code", "admin2", "geonameid")
    },
}
_ACTION_GEO = _geo_block(_ACTION)
# Actor geo: the place an actor is located at, when the actor carries one ("place" in its JSON).
_ACTOR1_GEO = _geo_block(_json_place("e.source_json", "$.place"))
_ACTOR2_GEO = _geo_block(_json_place("e.target_json", "$.place"))


def _fips_values() -> str:
    def q(s: str) -> str:
        return "'" + s.replace("'", "''") + "'"

    return ", ".join(f"({q(k)}, {q(v[0])}, {q(v[1])})" for k, v in ISO3_TO_FIPS.items())


def gdelt_sql(event_columns: Iterable[str], events: str = "events") -> str:
    """Query with one VARCHAR column ``line``: the 61 GDELT fields joined by tabs, one line per
    row of ``events`` (the table, or a filtered subquery of it).

    ``event_columns`` are the columns the events table has now: ``num_mentions``,
    ``num_sources``, ``num_articles`` and ``is_root_event`` (linked events) fill NumMentions,
    NumSources, NumArticles and IsRootEvent.
    """
    have = set(event_columns)
    mentions = "COALESCE(e.num_mentions, 1)" if "num_mentions" in have else "1"
    sources = "COALESCE(e.num_sources, 1)" if "num_sources" in have else "1"
    articles = "COALESCE(e.num_articles, 1)" if "num_articles" in have else "1"
    root_event = (
        "CASE WHEN e.is_root_event THEN 1 ELSE 0 END"
        if "is_root_event" in have
        else "CASE WHEN e.sentence_index = 0 THEN 1 ELSE 0 END"
    )
    # No date, no SQLDATE; a month-precision date fills only MonthYear and Year, a year-precision
    # one only Year (GDELT has no precision field: the empty finer fields say so).
    day = 'e."date"'
    prec = "COALESCE(e.date_precision, 'day')"
    fields: list[str | None] = [
        "CAST(('0x' || substr(md5(e.event_id), 1, 15)) AS BIGINT)",
        f"CASE WHEN {prec} NOT IN ('month', 'year') THEN strftime({day}, '%Y%m%d') END",
        f"CASE WHEN {prec} <> 'year' THEN strftime({day}, '%Y%m') END",
        f"year({day})",
        (
            f"CASE WHEN {prec} NOT IN ('month', 'year') THEN "
            f"printf('%.4f', year({day}) + (month({day}) * 30 + day({day})) / 365) END"
        ),
        *_actor("source"),
        *_actor("target"),
        root_event,
        "e.cameo",
        "substr(e.cameo, 1, 3)",
        "COALESCE(e.root, substr(e.cameo, 1, 2))",
        "e.quad_class",
        _num("e.goldstein"),
        mentions,
        sources,
        articles,
        None,  # AvgTone: no tone model
        *_ACTOR1_GEO,
        *_ACTOR2_GEO,
        *_ACTION_GEO,
        "strftime(e._added, '%Y%m%d%H%M%S')",
        _clean("COALESCE(e._url, e._origin)"),
    ]
    assert len(fields) == 61
    line = " || chr(9) || ".join(
        "''" if f is None else f"COALESCE(CAST(({f}) AS VARCHAR), '')" for f in fields
    )
    return (
        f"WITH fips(iso3, fips, name) AS (VALUES {_fips_values()}), "
        "ev AS (SELECT ev.*, d.url AS _url, d.origin AS _origin, d.ingested_at AS _added "
        f"FROM {events} ev LEFT JOIN documents d ON d.doc_id = ev.doc_id) "
        f"SELECT {line} AS line FROM ev e "
        'ORDER BY e."date" NULLS LAST, e.doc_id, e.sentence_index, e.event_id'
    )
