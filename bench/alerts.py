"""Score escalation alerts on synthetic weekly dyad series with injected escalations.

    python bench/alerts.py [--dyads 40] [--weeks 104] [--injected 30] [--growth 3] [--seeds 5]
                           [--z 3] [--window 16]

Media volume grows --growth-fold over the period (so raw counts rise everywhere); each
injected escalation is one dyad-week where the conflict share jumps 35 points or conflict
events triple. Prints hits (an alert for that dyad in that week), misses and false alarms
(alerts anywhere else), per seed and in total, at the default thresholds.
"""

from __future__ import annotations

import argparse

import duckdb

from eventwire.analytics import EventFilter, alerts
from eventwire.analytics.alerts import WARMUP, WINDOW
from eventwire.analytics.synthetic import escalation_scenario
from eventwire.store import schema


def run(seed: int, args: argparse.Namespace) -> tuple[int, int, int, int, dict[str, int], list]:
    con = duckdb.connect()
    for stmt in schema.ddl():
        con.execute(stmt)
    sc = escalation_scenario(
        con,
        n_dyads=args.dyads,
        n_weeks=args.weeks,
        n_injected=args.injected,
        growth=args.growth,
        seed=seed,
    )
    got = alerts(con, EventFilter(), z=args.z, window=args.window, limit=10_000).records()
    found = {(r["a"], r["b"], r["period"]) for r in got}
    hits = len(found & sc.injected)
    kinds: dict[str, int] = {}
    for r in got:
        tag = "hit" if (r["a"], r["b"], r["period"]) in sc.injected else "false"
        for k in r["kinds"]:
            kinds[f"{tag}:{k}"] = kinds.get(f"{tag}:{k}", 0) + 1
    dyad_weeks = len(sc.dyads) * (len(sc.weeks) - min(args.window, WARMUP))  # after the warm-up
    sizes = [(sc.extra[k], k in found) for k in sc.injected]
    return hits, len(sc.injected), len(found - sc.injected), dyad_weeks, kinds, sizes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dyads", type=int, default=40)
    ap.add_argument("--weeks", type=int, default=104)
    ap.add_argument("--injected", type=int, default=30)
    ap.add_argument("--growth", type=float, default=3.0)
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--z", type=float, default=3.0)
    ap.add_argument("--window", type=int, default=WINDOW, help="baseline periods")
    args = ap.parse_args()
    tot = [0, 0, 0, 0]
    sizes: list[tuple[float, bool]] = []
    for seed in range(1, args.seeds + 1):
        hits, n, false, dw, kinds, sz = run(seed, args)
        sizes += sz
        for i, v in enumerate((hits, n, false, dw)):
            tot[i] += v
        print(
            f"seed {seed}: {hits}/{n} escalations found, {false} false alarms "
            f"in {dw} dyad-weeks; tests that fired: {dict(sorted(kinds.items()))}"
        )
    hits, n, false, dw = tot
    print(
        f"total: hit rate {hits / n:.3f} ({hits}/{n}); false alarms {false} "
        f"= {false / dw:.4f} per dyad-week ({52 * false / dw:.2f} per dyad-year)"
    )

    for lo, hi in ((0, 3), (3, 6), (6, 12), (12, 1e9)):
        grp = [hit for size, hit in sizes if lo <= size < hi]
        if grp:
            print(
                f"  escalations adding {lo:g}-{hi:g} conflict events: hit rate "
                f"{sum(grp) / len(grp):.2f} ({sum(grp)}/{len(grp)})"
            )


if __name__ == "__main__":
    main()
