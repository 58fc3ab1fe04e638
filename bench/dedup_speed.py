"""What story clustering and event linking add to ingest time, at several corpus sizes.

    python bench/dedup_speed.py --sizes 1000,5000,17600 --workers 2 [--cache /tmp/coded.pkl]

Codes the first max(sizes) Reuters-21578 stories once (extract + parse + code, timed; the
results can be cached in a pickle so a re-run only re-times the writes), then for each size
writes them into a fresh DuckDB in batches of 500 as ``eventwire ingest`` does, timing the
whole write and, inside it, the deduplication work (``store.linking.plan_batch``: MinHash
signatures, LSH look-ups, loading candidate events, linking). Prints, per size: documents,
mentions, events, coding time, write time, dedup time, dedup time as a share of end-to-end
ingest time (coding + write) and dedup time per 1,000 documents (flat = linear scaling).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import pickle
import tempfile
import time
from pathlib import Path

from eventwire.extract import extract_document
from eventwire.model import DocResult, RawDocument
from eventwire.pipeline import code_items
from eventwire.store import Store, linking

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reuters21578.jsonl.gz"


def code_corpus(n: int, workers: int) -> tuple[list[DocResult], float]:
    raws = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            d = json.loads(line)
            raws.append(
                RawDocument(
                    content=d["text"], format="text", origin=f"reuters:{i + 1}", doc_id=d["id"],
                    title=d.get("title"), date=d.get("date"), source=d.get("source"),
                )
            )  # fmt: skip
    t0 = time.perf_counter()
    arts = [extract_document(r) for r in raws]
    got = [r for r in code_items(arts, n_process=workers) if isinstance(r, DocResult)]
    return got, time.perf_counter() - t0


def reprint(results: list[DocResult]) -> list[DocResult]:
    """The same stories under new document ids, another outlet and new mention ids."""
    out = []
    for r in results:
        art = dataclasses.replace(
            r.article, doc_id="reprint-" + r.article.doc_id, outlet="Reprint Daily",
            outlet_domain="reprint.example", source="Reprint Daily", url=None,
        )  # fmt: skip
        evs = [
            dataclasses.replace(e, doc_id=art.doc_id, event_id="reprint-" + e.event_id)
            for e in r.events
        ]
        out.append(DocResult(art, evs))
    return out


def timed_write(
    results: list[DocResult], batch: int = 500, check_reprint: bool = False
) -> dict[str, float]:
    spent = {"dedup": 0.0}
    real = linking.plan_batch

    def plan(con, fresh):
        t = time.perf_counter()
        try:
            return real(con, fresh)
        finally:
            spent["dedup"] += time.perf_counter() - t

    linking.plan_batch = plan
    try:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as st:
            t0 = time.perf_counter()
            for i in range(0, len(results), batch):
                st.write(results[i : i + batch])
            spent["write"] = time.perf_counter() - t0
            spent.update(st.counts())
            dedup_time = spent["dedup"]
            if check_reprint:
                before = {e["event_id"]: e["num_articles"] for e in st.events()}
                for i in range(0, len(results), batch):
                    st.write(reprint(results[i : i + batch]))
                after = {e["event_id"]: e["num_articles"] for e in st.events()}
                spent["reprint_new_events"] = len(set(after) - set(before))
                spent["reprint_doubled"] = sum(after.get(k) == 2 * v for k, v in before.items())
            spent["dedup"] = dedup_time
    finally:
        linking.plan_batch = real
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000,17600")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cache", help="pickle of the coded stories (written if missing)")
    ap.add_argument(
        "--reprint",
        action="store_true",
        help="then write every story again under new ids and another outlet: count new events "
        "and events whose num_articles doubled",
    )
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        results, t_code = pickle.loads(cache.read_bytes())
    else:
        results, t_code = code_corpus(max(sizes), args.workers)
        if cache:
            cache.write_bytes(pickle.dumps((results, t_code)))
    per_doc = t_code / len(results)
    print(f"coded {len(results)} stories in {t_code:.1f} s ({args.workers} workers)")
    print("  docs  mentions  events  code_s  write_s  dedup_s  dedup/ingest  dedup_s/1k docs")
    for n in sizes:
        sub = results[:n]
        got = timed_write(sub, check_reprint=args.reprint)
        code_s = per_doc * len(sub)
        share = got["dedup"] / (code_s + got["write"])
        print(
            f"{len(sub):6d}  {got['mentions']:8d}  {got['events']:6d}  {code_s:6.1f}  "
            f"{got['write']:7.2f}  {got['dedup']:7.2f}  {100 * share:11.1f}%  "
            f"{1000 * got['dedup'] / len(sub):14.3f}"
        )
        if args.reprint:
            print(
                f"        reprint under new ids and outlet: {got['reprint_new_events']} new "
                f"events; num_articles doubled for {got['reprint_doubled']} of {got['events']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
