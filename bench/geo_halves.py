"""Score the geoparser on the two halves of a toponym gold set (default: GeoVirus dev).

    .venv/bin/python bench/geo_halves.py [GOLD.jsonl] [--errors A|B] [--case lower|upper]

Half A (read errors from) and half B (scored only) are split by a stable hash of the id: the
first hex digit of md5(id) even -> A. Each half is written to a temp directory and scored with
the project scorer (``../shared/tools/score_geo.py``) in a subprocess. ``--errors A`` prints the
gold toponyms of half A that were missed or placed more than 161 km away.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def half(rid: str) -> str:
    return "A" if int(hashlib.md5(rid.encode()).hexdigest()[0], 16) % 2 == 0 else "B"


def km(a: float, b: float, c: float, d: float) -> float:
    p = math.pi / 180
    h = (
        math.sin((c - a) * p / 2) ** 2
        + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def errors(rows: list[dict]) -> None:
    import eventwire

    for r in rows:
        places = eventwire.geoparse(r["text"])
        for t in r["toponyms"]:
            hit = next(
                (
                    p
                    for p in places
                    if p.start is not None and p.start < t["end"] and t["start"] < p.end
                ),
                None,
            )
            ctx = r["text"][max(0, t["start"] - 40) : t["end"] + 40].replace("\n", " ")
            if hit is None:
                print(f"MISS {t['name']!r:28} | {ctx}")
            elif hit.lat is not None and km(t["lat"], t["lon"], hit.lat, hit.lon) > 161:
                d = km(t["lat"], t["lon"], hit.lat, hit.lon)
                print(
                    f"FAR  {t['name']!r:28} -> {hit.name}, {hit.admin1}, {hit.country} "
                    f"({hit.precision}) {d:.0f} km | {ctx}"
                )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default=str(SHARED / "dev" / "geovirus.jsonl"))
    ap.add_argument("--scorer", default=str(SHARED / "tools" / "score_geo.py"))
    ap.add_argument("--errors", choices=["A", "B"])
    ap.add_argument(
        "--case", choices=["lower", "upper"], help="score the texts lower-cased or in capitals"
    )
    a = ap.parse_args()
    with open(a.gold, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if a.case:  # character by character, so the gold offsets still hold ("ß" stays)
        for r in rows:
            conv = [c.lower() if a.case == "lower" else c.upper() for c in r["text"]]
            r["text"] = "".join(
                x if len(x) == 1 else c for x, c in zip(conv, r["text"], strict=True)
            )
    halves = {
        "A": [r for r in rows if half(r["id"]) == "A"],
        "B": [r for r in rows if half(r["id"]) == "B"],
    }
    if a.errors:
        errors(halves[a.errors])
        return
    with tempfile.TemporaryDirectory() as tmp:
        for name, part in halves.items():
            path = Path(tmp) / f"half{name}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
            out = subprocess.run(
                [sys.executable, a.scorer, str(path)], capture_output=True, text=True, check=True
            ).stdout.strip()
            print(f"half {name} ({len(part)} paragraphs): {out}")


if __name__ == "__main__":
    main()
