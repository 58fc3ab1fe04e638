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


_NO_GEO: list[str | None] = ["'0'"] + [None] * (len(_GEO) - 1)

_HAS_PLACE = "(e.location_name IS NOT NULL OR e.location_country IS NOT NULL)"
_GEO_TYPE = (
    f"CASE WHEN NOT {_HAS_PLACE} THEN 0 "
    "WHEN e.location_precision = 'country' THEN 1 "
    "WHEN e.location_precision = 'admin1' THEN CASE WHEN e.location_country = 'USA' THEN 2 ELSE 5 END "
    "ELSE CASE WHEN e.location_country = 'USA' THEN 3 ELSE 4 END END"
)
_COUNTRY_NAME = "COALESCE(f.name, e.location_country)"
_FULL_NAME = (
    "CASE e.location_precision "
    f"WHEN 'country' THEN COALESCE({_COUNTRY_NAME}, e.location_name) "
    f"WHEN 'admin1' THEN concat_ws(', ', COALESCE(e.location_admin1, e.location_name), "
    f"{_COUNTRY_NAME}) "
    "ELSE concat_ws(', ', e.location_name, "
    "CASE WHEN e.location_admin1 IS DISTINCT FROM e.location_name THEN e.location_admin1 END, "
    f"{_COUNTRY_NAME}) END"
)
_ACTION_GEO: list[str | None] = [
    _GEO_TYPE,
    f"CASE WHEN {_HAS_PLACE} THEN {_clean(_FULL_NAME)} END",
    "f.fips",
    "f.fips",  # no FIPS ADM1 codes here: the country code alone, as GDELT gives for countries
    None,
    _num("e.location_lat"),
    _num("e.location_lon"),
    "CASE WHEN e.location_precision = 'country' THEN f.fips END",
]


def _fips_values() -> str:
    def q(s: str) -> str:
        return "'" + s.replace("'", "''") + "'"

    return ", ".join(f"({q(k)}, {q(v[0])}, {q(v[1])})" for k, v in ISO3_TO_FIPS.items())


def gdelt_sql(event_columns: Iterable[str]) -> str:
    """Query with one VARCHAR column ``line``: the 61 GDELT fields joined by tabs.

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
        *_NO_GEO,  # Actor1Geo: actor locations are not resolved
        *_NO_GEO,  # Actor2Geo
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
        "FROM events ev LEFT JOIN documents d ON d.doc_id = ev.doc_id) "
        f"SELECT {line} AS line FROM ev e LEFT JOIN fips f ON f.iso3 = e.location_country "
        'ORDER BY e."date" NULLS LAST, e.doc_id, e.sentence_index, e.event_id'
    )
