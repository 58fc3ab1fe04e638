"""Where the time goes, stage by stage, in one process on the same documents.

    .venv/bin/python bench/stages.py [--corpus ../shared/corpus/reuters21578.jsonl.gz] [--limit 1000]

Prints seconds for extract, pre-filter, spaCy parse, coding (actors + patterns, dates and places
included) and, inside coding, dates and places alone; then coding as a share of the parse time
of the same text and dates+places as a share of the end-to-end time; then geoparsing each
parsed document once (``eventwire.places.document_places``) and its share of the end to end.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "reuters21578.jsonl.gz"


class Clock:
    """Accumulates the time spent inside wrapped functions."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, fn):
        def timed(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                self.seconds += time.perf_counter() - t

        return timed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=1000)
    a = ap.parse_args()
    if not a.corpus.exists():
        print(f"corpus not found: {a.corpus}", file=sys.stderr)
        return 2

    from eventwire import dates, places
    from eventwire.coding import engine
    from eventwire.extract import extract_document
    from eventwire.model import RawDocument
    from eventwire.nlp import get_nlp, mask_dateline
    from eventwire.nlp.prefilter import select
    from eventwire.pipeline import actor_probe, cue_forms, get_coder

    coder = get_coder()
    nlp = get_nlp()
    cues, probe = cue_forms(), actor_probe()
    dp = Clock()
    dates.find_date_expressions = dp.wrap(dates.find_date_expressions)
    dates.resolve_date = dp.wrap(dates.resolve_date)
    places.resolve_place = dp.wrap(places.resolve_place)
    assert engine  # the coder imports dates/places lazily, so the wrapped functions are used

    raws = []
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("text", "").strip():
                raws.append(
                    RawDocument(
                        content=rec["text"],
                        format="text",
                        origin="bench",
                        doc_id=str(rec.get("id")),
                        date=rec.get("date"),
                    )
                )
            if len(raws) >= a.limit:
                break
    t = time.perf_counter()
    arts = [extract_document(r) for r in raws]
    t_extract = time.perf_counter() - t
    t = time.perf_counter()
    sels = [select(mask_dateline(x.body), cues, probe) for x in arts]
    t_filter = time.perf_counter() - t
    t = time.perf_counter()
    docs = list(nlp.pipe((s.text for s in sels), batch_size=32))
    t_parse = time.perf_counter() - t
    t = time.perf_counter()
    n_events = sum(
        len(coder.code_doc(d, x, to_body=s.to_body))
        for d, x, s in zip(docs, arts, sels, strict=True)
    )
    t_code = time.perf_counter() - t
    # geoparsing as the coder will run it once it calls eventwire.places.event_place: the
    # document's places (document_places on the parsed Doc) once per document
    t = time.perf_counter()
    for d, x, s in zip(docs, arts, sels, strict=True):
        places.document_places(s.text, doc=d, dateline=x.dateline)
    t_geo = time.perf_counter() - t
    total = t_extract + t_filter + t_parse + t_code
    print(f"{len(arts)} documents, {n_events} events")
    print(
        f"extract {t_extract:.1f} s, pre-filter {t_filter:.1f} s, parse {t_parse:.1f} s, "
        f"code {t_code:.1f} s (of which dates+places {dp.seconds:.1f} s)"
    )
    print(f"coding / parse of the same text: {t_code / t_parse:.0%}")
    print(f"dates+places / end to end: {dp.seconds / total:.1%}")
    print(
        f"geoparse (document_places) {t_geo:.1f} s: {t_geo / (total + t_geo):.1%} of end to end "
        "with it"
    )
    print(
        json.dumps(
            {
                "docs": len(arts),
                "extract_s": round(t_extract, 2),
                "prefilter_s": round(t_filter, 2),
                "parse_s": round(t_parse, 2),
                "code_s": round(t_code, 2),
                "dates_places_s": round(dp.seconds, 2),
                "code_over_parse": round(t_code / t_parse, 3),
                "dates_places_share": round(dp.seconds / total, 4),
                "geoparse_s": round(t_geo, 2),
                "geoparse_share": round(t_geo / (total + t_geo), 4),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
