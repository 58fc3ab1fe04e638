"""Where countries and divisions sit: their points, computed once when the gazetteer is built.

News gold (and GDELT, and a reader's map) puts a country or a state on its conventional centre
point, as Wikipedia, GeoNames and the CIA Factbook give it, never on its capital. The sources:

* **Countries** (``countryinfo``, MIT): the equal-area centroid of the main landmass when it
  holds 60% of the land (the contiguous United States, mainland China), else the country's
  ``latlng`` (the Factbook's whole-degree point: archipelagos such as Indonesia). When that
  centroid lies more than ``COUNTRY_OFF_KM`` from ``latlng``, the country's shape (long, bent,
  split or with a large arctic part: Chile, Norway, Somalia, Malaysia, Canada, India with its
  north) puts its centroid off the conventional centre, and ``latlng`` is taken.
* **First-level divisions** (``iso3166-2``, MIT): each ISO 3166-2 subdivision's centre point
  (``latLng``, as geocoders give it), matched by name within the country and kept only when it
  lies inside the extent of the division's own towns (a same-named subdivision elsewhere,
  "Washington" for the District of Columbia, is refused). Otherwise, and for second-level
  divisions, the equal-area centroid of the convex hull of the division's towns (the area they
  span, not where most of them crowd: Queensland's coast, southern Ontario).

Centroids are taken on a sinusoidal (equal-area) projection around the shape's mean meridian:
a plain lat/lon shoelace weighs northern land too much (mainland China's came out 0.7 degrees
north of its centre, Canada's 1.2).
"""

from __future__ import annotations

import ast
import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAIN_LANDMASS = 0.6  # share of a country's land its main landmass needs to give its point
COUNTRY_OFF_KM = 400.0  # centroid further than this from countryinfo's latlng: latlng
EXTENT_MARGIN = 0.5  # degrees around a division's towns an ISO 3166-2 point may lie

Point = tuple[float, float]


def km(a: Point, b: Point) -> float:
    """Great-circle distance in kilometres."""
    p = math.pi / 180
    h = (
        math.sin((b[0] - a[0]) * p / 2) ** 2
        + math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(lat, lon, area) of a polygon ring of [lon, lat] points, on a sinusoidal (equal-area)
    projection centred on the ring's mean longitude; area in projected square degrees."""
    if len(ring) < 3:
        return 0.0, 0.0, 0.0
    lon0 = sum(p[0] for p in ring) / len(ring)
    pts = [((x - lon0) * math.cos(math.radians(y)), y) for x, y, *_ in ring]
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if a == 0:
        return 0.0, 0.0, 0.0
    lat = cy / (3 * a)
    cos = math.cos(math.radians(lat))
    lon = lon0 + (cx / (3 * a)) / cos if cos > 1e-9 else lon0
    return lat, lon, abs(a) / 2


def hull(pts: list[Point]) -> list[Point]:
    """Convex hull (monotone chain) of (x, y) points, counter-clockwise."""
    pts = sorted(set(pts))
    if len(pts) <= 2:
        return pts

    def cross(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def towns_point(pts: list[Point]) -> Point:
    """A division's point from its towns' (lat, lon): the centroid of their convex hull; the
    mean for fewer than three distinct towns or a division across the antimeridian."""
    lons = [p[1] for p in pts]
    mean = (sum(p[0] for p in pts) / len(pts), sum(lons) / len(pts))
    if max(lons) - min(lons) > 180:
        return mean
    h = hull([(p[1], p[0]) for p in pts])  # (lon, lat) = (x, y)
    if len(h) < 3:
        return mean
    lat, lon, area = ring_centroid([list(p) for p in h])
    return (lat, lon) if area > 0 else mean


def within_extent(pt: Point, towns: list[Point], margin: float = EXTENT_MARGIN) -> bool:
    """Whether a point lies in the bounding box of the towns, widened by ``margin`` degrees."""
    if not towns:
        return False
    lats = [p[0] for p in towns]
    lons = [p[1] for p in towns]
    return (
        min(lats) - margin <= pt[0] <= max(lats) + margin
        and min(lons) - margin <= pt[1] <= max(lons) + margin
    )


def country_point(info: dict[str, Any]) -> Point | None:
    """A country's point from its countryinfo record (see the module's docstring)."""
    latlng = info.get("latlng")
    ll = (float(latlng[0]), float(latlng[1])) if latlng and len(latlng) >= 2 else None
    rings: list[list[list[float]]] = []
    try:
        gj = info.get("geoJSON")
        if isinstance(gj, str):
            gj = ast.literal_eval(gj)
        for feat in (gj or {}).get("features", []):
            geom = feat["geometry"]
            if geom["type"] == "Polygon":
                rings.append(geom["coordinates"][0])
            elif geom["type"] == "MultiPolygon":
                rings += [p[0] for p in geom["coordinates"]]
    except (ValueError, SyntaxError, KeyError, TypeError):
        rings = []
    parts = [c for c in (ring_centroid(r) for r in rings) if c[2] > 0]
    if parts:
        main = max(parts, key=lambda c: c[2])
        if ll is None:
            return main[0], main[1]
        if main[2] >= MAIN_LANDMASS * sum(c[2] for c in parts):
            pt = (main[0], main[1])
            return pt if km(pt, ll) <= COUNTRY_OFF_KM else ll
    return ll


def country_points(countryinfo_dir: Path) -> dict[str, Point]:
    """ISO alpha-3 -> point, for every countryinfo record that gives one."""
    out: dict[str, Point] = {}
    for f in sorted(countryinfo_dir.glob("*.json")):
        try:
            info = json.loads(f.read_text(encoding="utf-8"))
            iso3 = info["ISO"]["alpha3"]
        except (KeyError, TypeError, json.JSONDecodeError):
            continue
        pt = country_point(info)
        if pt is not None:
            out[iso3] = pt
    return out


_LANG_TAG = re.compile(r"\s*\([a-z]{3}\)\s*$")


def subdivision_points(
    path: Path, normalize: Callable[[str], str], variants: Callable[[str], list[str]]
) -> dict[tuple[str, str], Point]:
    """(ISO alpha-2, name key) -> centre point of the ISO 3166-2 subdivisions in ``path``
    (iso3166-2's JSON), under the subdivision's name, its other names ("West Java (eng)") and
    their ``variants`` ("Hebei Sheng" -> "hebei"). Top-level subdivisions win a shared key."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    out: dict[tuple[str, str], Point] = {}
    for top in (True, False):
        for cc, subs in data.items():
            if not isinstance(subs, dict):
                continue
            for rec in subs.values():
                ll = rec.get("latLng") if isinstance(rec, dict) else None
                if not ll or len(ll) < 2 or (rec.get("parentCode") is None) != top:
                    continue
                names = [rec.get("name") or ""]
                names += [
                    _LANG_TAG.sub("", x) for x in (rec.get("localOtherName") or "").split(",")
                ]
                for n in names:
                    k = normalize(n.strip())
                    for v in (k, *variants(k)) if k else ():
                        out.setdefault((cc, v), (float(ll[0]), float(ll[1])))
    return out
