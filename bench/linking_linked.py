"""Propose mention pairs the linker joins across story clusters, to label (the verdicts are ours).

    python bench/linking_linked.py --db /tmp/reuters.duckdb --out /tmp/linked.jsonl \
        --exclude bench/linking_pairs.jsonl --prefix r9- [--n 120] [--show]

Every false link is a pair the linker joins, so a sample of what it joins measures precision
where random same-block pairs rarely reach: the stored mentions are linked again with the
current rules (as ``bench/linking.py`` does), and of each event holding reports from two
story clusters or more one pair of mentions from different clusters (and documents) is drawn,
with a fixed seed, events in random order. Kind ``linked``. Output lines hold ids, spans,
blocks and codes only; ``--show`` prints what to read (the two sentences, headlines, dates and
story leads; never stored). The sample depends on the rules it was drawn with: judge it before
changing them, and score it apart from the earlier rounds.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict

import duckdb
import linking  # bench/linking.py
from linking_candidates import _labelled


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--n", type=int, default=120, help="pairs to propose (one per event)")
    ap.add_argument("--exclude", help="a label file whose document pairs are not proposed again")
    ap.add_argument("--prefix", default="", help="round name put before each pair id")
    ap.add_argument("--show", action="store_true", help="print what to read of each pair")
    ap.add_argument(
        "--targeted", action="store_true", help="only events whose block has a target (a dyad)"
    )
    args = ap.parse_args()
    links, _ = linking.load_links(args.db)
    con = duckdb.connect(args.db, read_only=True)
    story = dict(con.execute("SELECT doc_id, coalesce(story_id, doc_id) FROM documents").fetchall())
    seen = _labelled(args.exclude) if args.exclude else set()
    by_event: dict[str, list[tuple]] = defaultdict(list)
    for k, eid in sorted(links.items()):
        by_event[eid].append(k)
    rng = random.Random(args.seed)
    events = sorted(
        e
        for e, ks in by_event.items()
        if len({story[k[0]] for k in ks}) > 1
        and not (args.targeted and ks[0][3].split("|")[1] == "-")
    )
    rng.shuffle(events)
    n = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for eid in events:
            ks = by_event[eid]
            cross = [
                (a, b)
                for i, a in enumerate(ks)
                for b in ks[i + 1 :]
                if story[a[0]] != story[b[0]] and frozenset((a[0], b[0])) not in seen
            ]
            if not cross:
                continue
            a, b = rng.choice(cross)
            n += 1
            rec = {
                "pair": f"{args.prefix}linked-{n:04d}",
                "kind": "linked",
                "a": {
                    "doc_id": a[0],
                    "span": [a[1], a[2]],
                    "block": a[3],
                    "cameo": linking.codes_of[a],
                },
                "b": {
                    "doc_id": b[0],
                    "span": [b[1], b[2]],
                    "block": b[3],
                    "cameo": linking.codes_of[b],
                },
            }
            fh.write(json.dumps(rec) + "\n")
            if args.show:
                print(f"## {rec['pair']} {a[3]} ({len(ks)} reports)")
                for k in (a, b):
                    row = con.execute(
                        "SELECT m.cameo, CAST(m.date AS VARCHAR), m.date_text, m.location_name, "
                        "d.published, m.source_text, m.target_text, m.sentence, d.title, "
                        "substr(d.body, 1, 700) FROM mentions m JOIN documents d USING (doc_id) "
                        "WHERE m.doc_id = ? AND m.span_start = ? AND m.span_end = ? "
                        "AND m.block = ?",
                        list(k),
                    ).fetchone()
                    print(f"  {k[0]} code {row[0]} date {row[1]} ({row[2]}) place {row[3]} "
                          f"pub {row[4]}\n    actors {row[5]!r} -> {row[6]!r}\n    T: {row[8]}\n"
                          f"    S: {row[7]}\n    L: {' '.join((row[9] or '').split())}")  # fmt: skip
            if n >= args.n:
                break
    print(f"{n} linked pairs -> {args.out} ({len(events)} events across story clusters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
