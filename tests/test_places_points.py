"""eventwire.places.points: where countries and divisions sit (shapes and records built by hand
for these tests, plus the built gazetteer's own points)."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.places import geoparse, points, resolve_place
from eventwire.places.build import admin1_variants
from eventwire.places.gazetteer import normalize


def square(lat: float, lon: float, size: float) -> list[list[float]]:
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size]]


def test_equal_area_centroid_is_not_pulled_north() -> None:
    # a box from the equator to 60N: on a plain lat/lon shoelace its centroid sits at 30N; on
    # an equal-area projection its northern part is narrower in kilometres, so it lies south
    box = [[-30.0, 0.0], [30.0, 0.0], [30.0, 60.0], [-30.0, 60.0]]
    lat, lon, area = points.ring_centroid(box)
    assert abs(lon) < 1e-6 and area > 0
    assert 20 < lat < 29
    # a small square near the equator: both agree
    lat, lon, _ = points.ring_centroid(square(0, 10, 2))
    assert abs(lat - 1) < 0.01 and abs(lon - 11) < 0.01


def test_country_point_rules() -> None:
    def info(rings: list[list[list[float]]], latlng: list[float]) -> dict:
        feats = [{"geometry": {"type": "Polygon", "coordinates": [r]}} for r in rings]
        return {"latlng": latlng, "geoJSON": {"features": feats}}

    # one landmass near the conventional point: its centroid
    pt = points.country_point(info([square(10, 10, 4)], [12, 13]))
    assert pt is not None and abs(pt[0] - 12) < 0.05 and abs(pt[1] - 12) < 0.05
    # the centroid far (>400 km) from the conventional point (a bent country): latlng
    assert points.country_point(info([square(10, 10, 4)], [20, 12])) == (20.0, 12.0)
    # an archipelago without a main landmass (two equal islands): latlng
    two = [square(0, 100, 2), square(0, 110, 2)]
    assert points.country_point(info(two, [1, 106])) == (1.0, 106.0)
    # no outline: latlng; nothing at all: None
    assert points.country_point({"latlng": [5, 6]}) == (5.0, 6.0)
    assert points.country_point({}) is None


def test_subdivision_points_by_name_and_top_level_first(tmp_path: Path) -> None:
    data = {
        "XA": {
            "XA-WJ": {"name": "Jawa Barat", "localOtherName": "West Java (eng)", "parentCode": None, "latLng": [-6.9, 107.6]},
            "XA-HB": {"name": "Hebei Sheng", "localOtherName": "", "parentCode": None, "latLng": [39.0, 116.0]},
            "XA-X1": {"name": "Hebei", "localOtherName": "", "parentCode": "XA-HB", "latLng": [1.0, 1.0]},
            "XA-NO": {"name": "Nowhere", "parentCode": None, "latLng": []},
        }
    }  # fmt: skip
    path = tmp_path / "iso.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    got = points.subdivision_points(path, normalize, admin1_variants)
    assert got[("XA", "west java")] == got[("XA", "jawa barat")] == (-6.9, 107.6)
    assert got[("XA", "hebei")] == (39.0, 116.0)  # the province, not a same-named part of it
    assert ("XA", "nowhere") not in got
    assert points.subdivision_points(tmp_path / "missing.json", normalize, admin1_variants) == {}


def test_extent_guard() -> None:
    towns = [(47.0, -122.0), (46.0, -118.0), (48.5, -117.5)]
    assert points.within_extent((47.4, -120.5), towns)
    assert not points.within_extent((38.9, -77.0), towns)  # a same-named place elsewhere
    assert not points.within_extent((1.0, 1.0), [])


def test_built_points_sit_on_conventional_centres() -> None:
    # large countries and provinces on their centre, never on the capital or a coastal crowd
    def at(text: str) -> tuple[float, float]:
        (p,) = geoparse(f"Officials in {text} said so.")
        assert p.lat is not None and p.lon is not None
        return p.lat, p.lon

    assert points.km(at("Canada"), (60.0, -95.0)) < 161  # not Ottawa, not the southern belt
    assert points.km(at("Ontario"), (50.0, -85.0)) < 161  # not Toronto's corner
    assert points.km(at("China"), (35.0, 103.0)) < 161
    assert points.km(at("the United States"), (39.5, -98.5)) < 250  # not Washington, D.C.
    assert points.km(at("Alaska"), (64.0, -150.0)) < 161
    wa = resolve_place("Washington State")  # the state's ISO name matches the District's too
    assert wa is not None and wa.precision == "admin1" and wa.lat is not None and wa.lat > 45
