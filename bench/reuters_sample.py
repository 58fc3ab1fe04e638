"""A fixed random sample of 100 coded events from the Reuters corpus, for reading by hand
(issue #9: ">= 90 of 100 are real events of the coded type between the coded actors").

    .venv/bin/python bench/reuters_sample.py [--corpus ../shared/corpus/reuters21578.jsonl.gz]
        [--every 5] [--seed 2026] [--n 100] [--out /tmp/reuters_sample.txt]
        [--verdicts bench/reuters_sample_verdicts.tsv] [--cache /tmp/reuters_events.jsonl]

Subset: every ``--every``-th story of the corpus in file order (stories 0, 5, 10, ...: 3,520 of
17,600 with the default). The subset is coded with ``eventwire.pipeline.run``; events whose
modality is asserted, intent or planned are kept (negated, denied, hypothetical and the rest
are not claims that something happened).

Sampling, at most one event per story: every story that produced a kept event gets the rank
sha1("<seed>|<doc_id>") and the ``--n`` lowest-ranked stories are taken; inside a story the
event with the lowest sha1("<seed>|<doc_id>|<sentence_index>|<trigger>") is taken. A ranking by
hash (rather than ``random.sample`` over the list of stories) keeps the sample stable when a
new coder version gains or loses events in a few stories: the other stories keep their place.

The listing (corpus text: research-only, never commit it) goes to ``--out``; the sampled events
as JSON Lines beside it (``.jsonl``). With ``--verdicts`` an earlier verdict file is read and
each sampled event whose ``event_id`` (a hash of document, sentence, trigger, actors and code)
is unchanged shows its verdict (an event with a new id but the same story, code and actors
shows it too, marked for checking), so that only new or changed events need reading again.
``--cache`` keeps every coded event of the subset (and, beside it, ``.commit``: the commit
that coded them) so that a re-sample needs no re-coding (``--recode`` ignores it).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl.gz"
KEEP_MODALITIES = ("asserted", "intent", "planned")


def take_subset(corpus: Path, every: int, out: Path) -> int:
    """Write every ``every``-th story (0, every, 2*every, ...) to ``out``; return the count."""
    n = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for i, line in enumerate(f):
            if i % every == 0 and line.strip():
                w.write(line if line.endswith("\n") else line + "\n")
                n += 1
    return n


def code_subset(path: Path) -> tuple[list[dict], int, int]:
    """(every event as a dict, documents coded, documents that failed)."""
    from eventwire.model import DocResult
    from eventwire.pipeline import run

    events: list[dict] = []
    docs = errors = 0
    t0 = time.time()
    for item in run([str(path)], "jsonl"):
        if isinstance(item, DocResult):
            docs += 1
            events.extend(e.to_dict() for e in item.events)
        else:
            errors += 1
            print(f"  error: {item}", file=sys.stderr)
        if (docs + errors) % 500 == 0:
            print(f"  {docs + errors} stories, {time.time() - t0:.0f}s", file=sys.stderr)
    return events, docs, errors


def _h(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def sample(events: list[dict], n: int, seed: int) -> list[dict]:
    """At most one kept event per story, from the ``n`` stories ranked first by hash."""
    by_doc: dict[str, list[dict]] = {}
    for e in events:
        if e.get("modality") in KEEP_MODALITIES:
            by_doc.setdefault(e["doc_id"], []).append(e)
    docs = sorted(by_doc, key=lambda d: _h(f"{seed}|{d}"))[:n]
    out = []
    for d in docs:
        out.append(
            min(
                by_doc[d],
                key=lambda e: (
                    _h(f"{seed}|{d}|{e['sentence_index']}|{e['trigger']}"),
                    e["event_id"],
                ),
            )
        )
    return out


def codes_key(doc_id: str, cameo: str, source: str, target: str) -> str:
    return f"{doc_id}|{cameo}|{source}|{target}"


def read_verdicts(path: Path) -> dict[str, tuple[str, str]]:
    """(verdict, reason) by event_id and by codes_key from a verdict file (``#`` lines are
    comments)."""
    got: dict[str, tuple[str, str]] = {}
    if not path.is_file():
        return got
    head: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if head is None:
            head = cells
            continue
        row = dict(zip(head, cells))
        vr = (row.get("verdict", ""), row.get("reason", ""))
        got[row["event_id"]] = vr
        got.setdefault(
            codes_key(row["doc_id"], row["cameo"], row["source"], row.get("target", "")), vr
        )
    return got


def earlier(e: dict, verdicts: dict[str, tuple[str, str]]) -> tuple[str, str, str] | None:
    """The earlier verdict of this event: by its id, else ("same codes") by story, code and
    actors (an id also changes when only the sentence numbering does; read those again)."""
    if e["event_id"] in verdicts:
        return (*verdicts[e["event_id"]], "same event_id")
    tgt = (e.get("target") or {}).get("code", "")
    key = codes_key(e["doc_id"], e["cameo"], e["source"]["code"], tgt)
    if key in verdicts:
        return (*verdicts[key], "same story, code and actors only: check")
    return None


def actor_words(a: dict | None) -> str:
    if not a:
        return "-"
    note = f" [country from {a['country_from']}]" if a.get("country_from") else ""
    return f"{a['code']} ({a.get('text') or ''}){note}"


def listing(sampled: list[dict], verdicts: dict[str, tuple[str, str]]) -> str:
    from eventwire.ontology import get_ontology

    onto = get_ontology()
    lines = []
    for i, e in enumerate(sampled, 1):
        try:
            label = onto.event(e["cameo"]).label
        except KeyError:
            label = "?"
        lines.append(f"[{i}] {e['doc_id']}  {e['event_id']}  modality={e['modality']}")
        lines.append(f"  source  {actor_words(e['source'])}")
        lines.append(f"  target  {actor_words(e.get('target'))}")
        lines.append(
            f"  cameo   {e['cameo']} {label}   plover {e.get('plover')}   rule {e['rule']}"
        )
        lines.append(f"  trigger {e['trigger']!r}")
        lines.append(f"  sent    {' '.join(e['sentence'].split())}")
        old = earlier(e, verdicts)
        if old is not None:
            lines.append(f"  EARLIER VERDICT ({old[2]}): {old[0]} {old[1]}")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--every", type=int, default=5, help="code every N-th story (default 5)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--out", type=Path, default=Path("/tmp/reuters_sample.txt"))
    ap.add_argument("--verdicts", type=Path, default=None, help="earlier verdicts to reuse")
    ap.add_argument("--cache", type=Path, default=None, help="coded events of the subset (JSONL)")
    ap.add_argument("--recode", action="store_true", help="code again even when --cache exists")
    a = ap.parse_args()
    if not a.corpus.is_file():
        print(f"no corpus at {a.corpus}", file=sys.stderr)
        return 2
    if a.every < 1 or a.n < 1:
        print("--every and --n must be at least 1", file=sys.stderr)
        return 2
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run(
        [*git, "rev-parse", "--short", "HEAD"], check=False, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        [*git, "status", "--porcelain", "--", "src"], check=False, capture_output=True, text=True
    ).stdout.strip()
    if dirty:  # other engineers edit the same tree: say the coder was not the commit alone
        commit += f" + uncommitted changes in {len(dirty.splitlines())} file(s) under src/"
    if a.cache is not None and a.cache.is_file() and not a.recode:
        events = [json.loads(x) for x in a.cache.open(encoding="utf-8") if x.strip()]
        meta = a.cache.with_suffix(".commit")
        commit = meta.read_text(encoding="utf-8").strip() if meta.is_file() else "unknown commit"
        print(f"{len(events)} events read from {a.cache} (coded at {commit})", file=sys.stderr)
    else:
        with tempfile.TemporaryDirectory(prefix="ew-reuters-") as tmp:
            sub = Path(tmp) / "subset.jsonl"
            n = take_subset(a.corpus, a.every, sub)
            print(f"coding {n} stories (every {a.every}th of {a.corpus.name})", file=sys.stderr)
            t0 = time.time()
            events, docs, errors = code_subset(sub)
            print(
                f"{docs} stories coded, {errors} errors, {len(events)} events, "
                f"{time.time() - t0:.0f}s",
                file=sys.stderr,
            )
        if a.cache is not None:
            a.cache.with_suffix(".commit").write_text(commit + "\n", encoding="utf-8")
            with a.cache.open("w", encoding="utf-8") as w:
                for e in events:
                    w.write(json.dumps(e) + "\n")
    kept = [e for e in events if e.get("modality") in KEEP_MODALITIES]
    stories = len({e["doc_id"] for e in kept})
    sampled = sample(events, a.n, a.seed)
    verdicts = read_verdicts(a.verdicts) if a.verdicts else {}
    head = (
        f"# bench/reuters_sample.py --every {a.every} --seed {a.seed} --n {a.n} at {commit}\n"
        f"# {len(events)} events, {len(kept)} asserted/intent/planned in {stories} stories; "
        f"{len(sampled)} sampled\n\n"
    )
    a.out.write_text(head + listing(sampled, verdicts), encoding="utf-8")
    jl = a.out.with_suffix(".jsonl")
    with jl.open("w", encoding="utf-8") as w:
        for i, e in enumerate(sampled, 1):
            w.write(json.dumps({"index": i, **e}) + "\n")
    reused = sum(e["event_id"] in verdicts for e in sampled)
    by_codes = sum(
        e["event_id"] not in verdicts and earlier(e, verdicts) is not None for e in sampled
    )
    print(head.strip().replace("# ", ""), file=sys.stderr)
    if a.verdicts:
        print(
            f"{reused} of {len(sampled)} sampled events have an earlier verdict by event_id, "
            f"{by_codes} more by story, code and actors",
            file=sys.stderr,
        )
    print(f"listing: {a.out}  events: {jl}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
