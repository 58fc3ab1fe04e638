"""How many coded events get a place with ``eventwire.places.event_place``, and at what cost.

    .venv/bin/python bench/event_places.py [--corpus ../shared/corpus/reuters21578.jsonl.gz]
        [--limit 1000] [--skip 0] [--sample 100] [--sample-out /tmp/event_places_sample.tsv]
        [--verdicts bench/event_places_verdicts.tsv] [--redo]

Runs extract -> pre-filter -> parse -> code on the first N stories and takes, per asserted
event, the place the coder gave it (the coder calls ``event_place`` with the clause's
locative, the sentence's places, the dateline, the actors' countries and the event's code;
an event it leaves without a place has none: ``--redo`` places those through ``event_place``
here). ``document_places`` is also run on each parsed text once, for its time and for
``--redo``. Prints the share of
asserted events (modality "asserted") with a place, by rule, and the share the coder placed
itself (its own output); the time of ``document_places`` against the end-to-end
time; and writes a sample of located events to check by hand: one event per sentence, the
sentences with the smallest md5 of (doc id, sentence), so the sample stays put while the coder
changes. ``--verdicts`` scores the sample against hand verdicts keyed by that hash and the
place (``key``, ``doc_id``, ``place``, ``verdict`` right|wrong|unclear, ``cause``, ``cameo``;
no corpus text; a verdict with a CAMEO code holds only while the sampled event keeps that code)
and lists the sampled events not judged yet. The sample file also gives each event's code
and actors.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "reuters21578.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument(
        "--skip",
        type=int,
        default=0,
        help="leave out the first N stories (a held-out sample: --skip 1000 --limit 1000)",
    )
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--sample-out", type=Path, default=Path("/tmp/event_places_sample.tsv"))
    ap.add_argument("--verdicts", type=Path, default=HERE / "event_places_verdicts.tsv")
    ap.add_argument(
        "--redo",
        action="store_true",
        help="place the events the coder left without a place with event_place (as a coder "
        "that does not call it would)",
    )
    a = ap.parse_args()
    if not a.corpus.exists():
        print(f"corpus not found: {a.corpus}", file=sys.stderr)
        return 2

    from eventwire.extract import extract_document
    from eventwire.model import RawDocument
    from eventwire.nlp import get_nlp, mask_dateline
    from eventwire.nlp.prefilter import select
    from eventwire.pipeline import actor_probe, cue_forms, get_coder
    from eventwire.places import document_places, event_place, get_gazetteer

    t0 = time.perf_counter()
    get_gazetteer()
    t_gaz = time.perf_counter() - t0
    coder, nlp = get_coder(), get_nlp()
    cues, probe = cue_forms(), actor_probe()
    raws = []
    seen = 0
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("text", "").strip() and (seen := seen + 1) > a.skip:
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
    sels = [select(mask_dateline(x.body), cues, probe) for x in arts]
    docs = list(nlp.pipe((s.text for s in sels), batch_size=32))
    results = [
        coder.code_doc(d, x, to_body=s.to_body) for d, x, s in zip(docs, arts, sels, strict=True)
    ]
    t_pipeline = time.perf_counter() - t
    t = time.perf_counter()
    dps = [
        document_places(s.text, doc=d, dateline=x.dateline)
        for d, x, s in zip(docs, arts, sels, strict=True)
    ]
    t_geo = time.perf_counter() - t

    rules: Counter[str] = Counter()
    located = []
    n = by_coder = 0
    for x, s, dp, events in zip(arts, sels, dps, results, strict=True):
        for ev in events:
            if ev.modality != "asserted":
                continue
            n += 1
            by_coder += ev.location is not None and ev.location.country is not None
            at = s.text.find(ev.sentence) if ev.sentence else -1
            in_sent = dp.in_span(at, at + len(ev.sentence)) if at >= 0 else []
            actors = [ev.source.country, ev.target.country if ev.target else None]
            if ev.location is not None and ev.location.rule:  # the coder called event_place
                place, rule = ev.location, ev.location.rule
            elif ev.location is None and not a.redo:  # the coder found no place: none
                place, rule = None, None
            else:
                clause = [ev.location] if ev.location is not None else []
                place, rule = event_place(clause, in_sent, dp.dateline, actors, dp, cameo=ev.cameo)
            rules[rule or "none"] += 1
            if place is not None:
                located.append(
                    (
                        x.doc_id,
                        ev.event_id,
                        rule,
                        place.name,
                        place.country,
                        place.precision,
                        ev.cameo,
                        f"{ev.source.code}>{ev.target.code if ev.target else ''}",
                        ev.sentence,
                    )
                )
    total = t_pipeline + t_geo
    print(f"{len(arts)} documents, {n} asserted events; gazetteer load {t_gaz:.2f} s")
    share = 1 - rules["none"] / n if n else 0.0
    print(f"with a place: {share:.1%}  by rule: {dict(rules.most_common())}")
    coder_share = by_coder / n if n else 0.0
    print(f"placed by the coder itself (its output, a place with a country): {coder_share:.1%}")
    print(
        f"pipeline {t_pipeline:.1f} s, document_places {t_geo:.1f} s "
        f"({t_geo / total:.1%} of end to end with it)"
    )
    by_key: dict[str, tuple] = {}
    for row in located:
        key = hashlib.md5(f"{row[0]}\t{row[-1]}".encode()).hexdigest()[:12]
        by_key.setdefault(key, row)  # one event per sentence
    keys = sorted(by_key)[: a.sample]
    sample = [(k, *by_key[k]) for k in keys]
    with open(a.sample_out, "w", encoding="utf-8") as fh:
        fh.write(
            "key\tdoc_id\tevent_id\trule\tplace\tcountry\tprecision\tcameo\tactors\tsentence\n"
        )
        fh.writelines(
            "\t".join(str(c).replace("\t", " ").replace("\n", " ") for c in row) + "\n"
            for row in sample
        )
    print(f"sample of {len(sample)} located events: {a.sample_out}")
    verdicts: dict[tuple[str, str], tuple[str, str]] = {}
    if a.verdicts.exists():
        for line in a.verdicts.read_text(encoding="utf-8").splitlines()[1:]:
            f = line.split("\t")
            if len(f) >= 4:
                verdicts[(f[0], f[2])] = (f[3], f[5].strip() if len(f) > 5 else "")
    tally: Counter[str] = Counter()
    for row in sample:
        got = verdicts.get((row[0], row[4]))
        # a verdict recorded with a CAMEO code holds for that code only (old rows have none)
        v = got[0] if got is not None and got[1] in ("", row[7]) else None
        tally[v or "unjudged"] += 1
        if v is None:
            print(f"  not judged: {row[0]}\t{row[1]}\t{row[4]}\t{row[7]}")
    print(f"hand verdicts ({a.verdicts.name}): {dict(tally)}")
    print(
        json.dumps(
            {
                "docs": len(arts),
                "asserted_events": n,
                "with_place": round(share, 4),
                "coder_placed": round(coder_share, 4),
                "rules": dict(rules),
                "pipeline_s": round(t_pipeline, 2),
                "document_places_s": round(t_geo, 2),
                "geo_share": round(t_geo / total, 4),
                "gazetteer_load_s": round(t_gaz, 3),
                "verdicts": dict(tally),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
