"""Stored events -> rows of the GDELT 2.0 Events table (61 tab-separated columns).

Mapping and its deviations from GDELT are documented in SCHEMA.md ("GDELT export").
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

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
# (IGOUNO -> UNO, NGOAMN -> AMN); the prefix itself is the actor type.
_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "NGM")


def global_event_id(event_id: str) -> int:
    """Stable 60-bit integer for an event id: the first 15 hex digits of its MD5."""
    return int(hashlib.md5(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _num(x: float | None) -> str:
    if x is None:
        return ""
    r = round(float(x), 4)
    return str(int(r)) if r.is_integer() else repr(r)


def _text(s: Any) -> str:
    if s is None:
        return ""
    return " ".join(str(s).split()) if any(c in str(s) for c in "\t\r\n") else str(s)


def _actor(code: str | None, country: str | None, sector: str | None, text: str | None) -> list:
    if not code:
        return [""] * len(_ACTOR)
    prefix = code[:3]
    group = code[3:6] if prefix in _GROUP_PREFIXES and len(code) >= 6 else ""
    type1 = sector or (prefix if prefix in _GROUP_PREFIXES else "")
    name = (text or "").upper()
    return [code, name, country or "", group, "", "", "", type1, "", ""]


def _geo(row: Mapping[str, Any]) -> list[str]:
    precision = row.get("location_precision")
    iso3 = row.get("location_country")
    if row.get("location_name") is None and iso3 is None:
        return ["0"] + [""] * (len(_GEO) - 1)
    fips, country_name = ISO3_TO_FIPS.get(iso3 or "", ("", iso3 or ""))
    in_us = iso3 == "USA"
    name, admin1 = row.get("location_name"), row.get("location_admin1")
    if precision == "country":
        geo_type, parts = 1, [country_name or name]
    elif precision == "admin1":
        geo_type, parts = (2 if in_us else 5), [admin1 or name, country_name]
    else:
        geo_type, parts = (3 if in_us else 4), [name, admin1, country_name]
    full = ", ".join(dict.fromkeys(p for p in parts if p))  # drop blanks and repeats
    return [
        str(geo_type),
        _text(full),
        fips,
        fips,  # no FIPS ADM1 codes here: the country code alone, as GDELT gives for countries
        "",
        _num(row.get("location_lat")),
        _num(row.get("location_lon")),
        fips if geo_type == 1 else "",
    ]


def _event_date(row: Mapping[str, Any]) -> date:
    d = row.get("date")
    if isinstance(d, date):
        return d
    published = row.get("published")
    if published:
        try:
            return date.fromisoformat(str(published)[:10])
        except ValueError:
            pass
    added = row.get("ingested_at")
    return added.date() if isinstance(added, datetime) else date(1970, 1, 1)


def gdelt_row(row: Mapping[str, Any]) -> list[str]:
    """One joined events+documents row -> the 61 GDELT 2.0 fields, as strings."""
    d = _event_date(row)
    cameo = row.get("cameo") or ""
    root = row.get("root") or cameo[:2]
    mentions = row.get("mentions") or 1
    added = row.get("ingested_at")
    no_geo = ["0"] + [""] * (len(_GEO) - 1)
    fields = [
        str(global_event_id(row["event_id"])),
        d.strftime("%Y%m%d"),
        d.strftime("%Y%m"),
        str(d.year),
        f"{d.year + (d.month * 30 + d.day) / 365:.4f}",
        *_actor(
            row["source_code"], row["source_country"], row["source_sector"], row["source_text"]
        ),
        *_actor(
            row["target_code"], row["target_country"], row["target_sector"], row["target_text"]
        ),
        "1" if row.get("sentence_index") == 0 else "0",
        cameo,
        cameo[:3],
        root,
        "" if row.get("quad_class") is None else str(row["quad_class"]),
        _num(row.get("goldstein")),
        str(mentions),
        str(row.get("sources") or 1),
        str(row.get("articles") or mentions),
        "",
        *no_geo,
        *no_geo,
        *_geo(row),
        added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else "",
        row.get("url") or row.get("origin") or "",
    ]
    return [_text(f) for f in fields]
