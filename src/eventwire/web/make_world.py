"""Build ``static/world.geojson`` from world-atlas's ``countries-110m.json`` (TopoJSON).

One-off asset step (the result is shipped in the package; nothing is fetched at run time):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m eventwire.web.make_world package/countries-110m.json

world-atlas (ISC licence) packages Natural Earth's 1:110m countries (public domain).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "static" / "world.geojson"


def _arcs(topo: dict) -> list[list[list[float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:  # delta-encoded, quantised
            x, y = x + dx, y + dy
            pts.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
        out.append(pts)
    return out


def _ring(arcs: list, idx: list[int]) -> list[list[float]]:
    ring: list[list[float]] = []
    for i in idx:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts if not ring else pts[1:])
    return ring


def convert(topo: dict) -> dict:
    arcs = _arcs(topo)
    feats = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom.get("type") == "Polygon":
            coords = [[_ring(arcs, r) for r in geom["arcs"]]]
        elif geom.get("type") == "MultiPolygon":
            coords = [[_ring(arcs, r) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        feats.append(
            {
                "type": "Feature",
                "id": geom.get("id"),
                "properties": {"name": geom.get("properties", {}).get("name")},
                "geometry": {"type": "MultiPolygon", "coordinates": coords},
            }
        )
    return {"type": "FeatureCollection", "features": feats}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python -m eventwire.web.make_world countries-110m.json")
    topo = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    OUT.write_text(json.dumps(convert(topo), separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
