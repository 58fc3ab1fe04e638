"""Propose mention pairs to label for bench/linking_pairs.jsonl (the verdicts are ours).

    python bench/linking_candidates.py --db /tmp/reuters.duckdb --out /tmp/candidates.jsonl

Kinds, sampled with a fixed seed: ``near`` (same linking block, dates at most a day apart,
different story clusters: what the linker joins across stories), ``copy`` (the same, inside one
story cluster: wire copies and repeats, the easy positives), ``day`` (same block and CAMEO code, 2 to 10 days apart: hard
negatives by day), ``place`` (same block, same day, places in different countries or far
apart: hard negatives by place), ``root`` (same dyad, same or next day, another root of the
same quad class: links the linker cannot make). Mentions without a target are never proposed
(the SQL keeps dyads only): ``bench/linking_linked.py`` samples what the linker joins,
target-less reports included. Output lines hold ids, spans and blocks only;
``--show`` prints the sentences to read (never stored). ``--exclude`` skips the pairs of
documents an earlier label file already holds (a new round of labels), ``--prefix`` names the
round in the pair ids (``r6-near-0001``).
"""

from __future__ import annotations

import argparse
import json
import random

import duckdb

PAIRS_SQL = """
WITH m AS (
  SELECT m.mention_id, m.doc_id, m.span_start, m.span_end, m.block, m.cameo, m.root,
         m.quad_class, m."date" AS day, m.location_country AS lc, m.location_name AS ln,
         split_part(m.block, '|', 1) || '|' || split_part(m.block, '|', 2) AS dyad, d.story_id
  FROM mentions m JOIN documents d ON d.doc_id = m.doc_id
  WHERE m."date" IS NOT NULL AND split_part(m.block, '|', 2) <> '-'
)
SELECT a.mention_id, b.mention_id, a.doc_id, a.span_start, a.span_end, a.block,
       b.doc_id, b.span_start, b.span_end, b.block, a.cameo, b.cameo,
       abs(date_diff('day', a.day, b.day)) AS gap, a.cameo = b.cameo AS same_code,
       a.block = b.block AS same_block, a.quad_class = b.quad_class AS same_quad,
       a.lc IS NOT NULL AND b.lc IS NOT NULL AND (a.lc <> b.lc OR a.ln <> b.ln) AS other_place,
       a.story_id = b.story_id AS same_story
FROM m a JOIN m b ON a.dyad = b.dyad AND a.doc_id < b.doc_id
WHERE abs(date_diff('day', a.day, b.day)) <= 10
"""


def _labelled(path: str) -> set[frozenset[str]]:
    """The document pairs an earlier label file holds (one label per pair of documents)."""
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                p = json.loads(line)
                out.add(frozenset((p["a"]["doc_id"], p["b"]["doc_id"])))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1987)
    ap.add_argument("--per-kind", default="copy=60,near=150,day=80,place=30,root=40")
    ap.add_argument("--show", action="store_true", help="print the two sentences of each pair")
    ap.add_argument("--exclude", help="a label file whose mention pairs are not proposed again")
    ap.add_argument("--prefix", default="", help="round name put before each pair id")
    args = ap.parse_args()
    quota = {k: int(v) for k, v in (x.split("=") for x in args.per_kind.split(","))}
    con = duckdb.connect(args.db, read_only=True)
    rows = con.execute(PAIRS_SQL).fetchall()
    seen = _labelled(args.exclude) if args.exclude else set()
    kinds: dict[str, list] = {k: [] for k in quota}
    for r in rows:
        gap, same_code, same_block, same_quad, other_place, same_story = r[12:]
        if frozenset((r[2], r[6])) in seen:
            continue
        if same_block and gap <= 1 and not other_place:
            kinds["copy" if same_story else "near"].append(r)
        elif same_block and same_code and 2 <= gap <= 10:
            kinds["day"].append(r)
        elif same_block and gap <= 1 and other_place:
            kinds["place"].append(r)
        elif not same_block and same_quad and gap <= 1 and r[5].split("|")[3] == r[9].split("|")[3]:
            kinds["root"].append(r)
    rng = random.Random(args.seed)
    n = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for kind, cands in kinds.items():
            rng.shuffle(cands)
            for r in cands[: quota[kind]]:
                n += 1
                rec = {
                    "pair": f"{args.prefix}{kind}-{n:04d}",
                    "kind": kind,
                    "a": {"doc_id": r[2], "span": [r[3], r[4]], "block": r[5], "cameo": r[10]},
                    "b": {"doc_id": r[6], "span": [r[7], r[8]], "block": r[9], "cameo": r[11]},
                }
                fh.write(json.dumps(rec) + "\n")
                if args.show:
                    sa, sb = (
                        con.execute(
                            "SELECT m.doc_id, CAST(m.date AS VARCHAR), m.cameo, m.modality, "
                            "m.location_name, d.title, m.sentence FROM mentions m "
                            "JOIN documents d USING (doc_id) "
                            "WHERE m.mention_id = ?",
                            [mid],
                        ).fetchone()
                        for mid in (r[0], r[1])
                    )
                    print(f"## {rec['pair']} gap {r[12]} {r[5]}\n A {sa}\n B {sb}")
    print(
        f"{n} candidate pairs -> {args.out} ({', '.join(f'{k} {len(v)}' for k, v in kinds.items())} available)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
