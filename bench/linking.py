"""Score cross-document event linking on hand-labelled mention pairs.

    eventwire ingest ../shared/corpus/reuters21578.jsonl.gz --db /tmp/reuters.duckdb
    python bench/linking.py --db /tmp/reuters.duckdb [--pairs bench/linking_pairs.jsonl] [--errors [--show]]

``bench/linking_pairs.jsonl`` holds, one pair a line, two mentions identified by document id,
sentence span, linking block (source and target at country+sector level, CAMEO root,
modality group) and CAMEO code, and our verdict (``same_event``) after reading both sentences and their
stories; never any corpus text. The stored mentions are linked again in memory with the current
rules (``eventwire.dedup.link``, in the order they were stored), so the score follows the code.

Reported: pairwise precision and recall of "linked to the same event" against the verdicts, and
B-cubed precision/recall/F1 of the clusters (gold clusters: the connected components of the
same-event pairs), for all pairs and for each half of a fixed split by pair id (half A is the
one we read errors from, half B is only scored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import duckdb

from eventwire import dedup
from eventwire.dates import resolve_date, story_anchor
from eventwire.dedup.terms import report_terms
from eventwire.extract import parse_dateline
from eventwire.store.recode import _all_mentions

HERE = Path(__file__).resolve().parent


def half(pair_id: str) -> str:
    return "A" if int(hashlib.md5(pair_id.encode()).hexdigest(), 16) % 2 == 0 else "B"


def key(m: dict) -> tuple:
    return (m["doc_id"], m["span"][0], m["span"][1], m["block"])


def resolve(pairs: list[dict], links: dict[tuple, str]) -> dict[str, int]:
    """Point each labelled mention at a stored one, in place, and count how: ``exact`` (same
    document, sentence span and block), else the one stored mention of the same document whose
    sentence overlaps the label's, with the same dyad and the same CAMEO code (``code``), else
    the same dyad and root (``root``), else the one with the same CAMEO code (the same root
    when the label has none) and modality whose actors are the label's at country level, each
    the same or one of the two without a sector (``sector``: the coder now says "U.S.
    Agriculture Secretary Richard Lyng" is USA/GOV, not USA/), or the label's actor of unknown
    country (``---MIL``) is now of a known one with its sector (``IRQ/MIL``): a coder change
    that moves a sentence boundary, a modality or an actor's sector, or finds an unknown
    actor's country, keeps the label; one that changes an actor's known country or another
    sector, or drops the event, does not."""
    by_doc: dict[str, list[tuple]] = defaultdict(list)
    for k in links:
        by_doc[k[0]].append(k)
    how = {"exact": 0, "code": 0, "root": 0, "sector": 0, "lost": 0}
    for p in pairs:
        for side in ("a", "b"):
            m = p[side]
            if key(m) in links:
                how["exact"] += 1
                continue
            src, tgt, root, _ = m["block"].split("|")
            near = [
                k
                for k in by_doc.get(m["doc_id"], ())
                if k[1] < m["span"][1] and k[2] > m["span"][0] and k[3].split("|")[:2] == [src, tgt]
            ]
            by_code = [k for k in near if m.get("cameo") and codes_of.get(k) == m["cameo"]]
            by_root = [k for k in near if k[3].split("|")[2] == root]
            overlap = [
                k
                for k in by_doc.get(m["doc_id"], ())
                if k[1] < m["span"][1] and k[2] > m["span"][0]
            ]
            by_sector = [k for k in overlap if refined(m, k)]
            for name, got in (("code", by_code), ("root", by_root), ("sector", by_sector)):
                if len(got) == 1:
                    m["span"], m["block"] = list(got[0][1:3]), got[0][3]
                    how[name] += 1
                    break
            else:
                how["lost"] += 1
    return how


codes_of: dict[tuple, str] = {}
# (doc_id, span_start, span_end, block) -> what ``--show`` prints of a mention (read from the
# store when asked; never written anywhere)
shown: dict[tuple, str] = {}


def _same_or_sectorless(a: str, b: str) -> bool:
    """Two linking-block actors that are one actor told more or less exactly: equal, of one
    country with one of them without a sector (``USA/`` and ``USA/GOV``), or of one sector
    with the label's unknown country (``---``) now known (``---MIL`` and ``IRQ/MIL``: the
    resolver found whose troops)."""
    if a == b:
        return True
    if "/" not in a and a.startswith("---") and "/" in b:
        return a[3:] == b.split("/", 1)[1] and not b.startswith("---")
    if "/" not in a or "/" not in b:
        return False
    (ca, sa), (cb, sb) = a.split("/", 1), b.split("/", 1)
    return ca == cb and ca != "---" and (not sa or not sb)


def refined(m: dict, k: tuple) -> bool:
    """A stored mention (``k``) that is the labelled one with an actor's sector added or
    dropped: same code (root when the label has none), same modality, actors
    ``_same_or_sectorless``."""
    src, tgt, root, modality = m["block"].split("|")
    ks, kt, kroot, kmod = k[3].split("|")
    if (kroot, kmod) != (root, modality):
        return False
    if m.get("cameo") and codes_of.get(k) != m["cameo"]:
        return False
    return _same_or_sectorless(src, ks) and _same_or_sectorless(tgt, kt)


def _coder_anchor(when: str | None, pub: dt.date) -> dt.date:
    """The anchor the coder dates a story from (coding/_common.py ``_dateline_anchor``): the
    dateline's day only on or up to 31 days before the publication day."""
    r = resolve_date(when, pub) if when else None
    if r is None or r[1] != "day" or not (0 <= (pub - r[0]).days <= 31):
        return pub
    return r[0]


def story_anchor_dates(con: duckdb.DuckDBPyConnection, mentions: list) -> tuple[list, int]:
    """What-if: the mentions dated as they would be were the coder to count a story's relative
    dates from ``eventwire.dates.story_anchor`` (a dateline up to three days after the
    publication timestamp is the story's day). A mention with a date expression is moved by
    the difference the new anchor makes to that expression read in its sentence; an undated
    one takes the new anchor. Returns the mentions and how many were moved."""
    moved_anchor: dict[str, tuple[dt.date, dt.date]] = {}
    for doc, pub, head in con.execute(
        "SELECT doc_id, published, substr(body, 1, 300) FROM documents"
    ).fetchall():
        if not pub:
            continue
        day = dt.date.fromisoformat(pub[:10])
        when = parse_dateline(head or "")[1]
        old, new = _coder_anchor(when, day), story_anchor(when, day)
        if old != new:
            moved_anchor[doc] = (old, new)
    texts = dict(con.execute("SELECT mention_id, date_text FROM mentions").fetchall())
    sents = dict(con.execute("SELECT mention_id, sentence FROM mentions").fetchall())
    out, moved = [], 0
    for m in mentions:
        if m.doc_id not in moved_anchor or not m.date:
            out.append(m)
            continue
        old, new = moved_anchor[m.doc_id]
        text = texts.get(m.mention_id)
        if text:
            a, b = (
                resolve_date(text, old, context=sents[m.mention_id]),
                resolve_date(text, new, context=sents[m.mention_id]),
            )
            if a is None or b is None or a[0] == b[0]:
                out.append(m)
                continue
            day = dt.date.fromisoformat(m.date[:10]) + (b[0] - a[0])
        else:
            day = new
        out.append(replace(m, date=day.isoformat()))
        moved += 1
    return out, moved


def load_links(
    db: str, stored_terms: bool = False, anchor: bool = False
) -> tuple[dict[tuple, str], int]:
    """(doc_id, span_start, span_end, block) -> event id under the current rules (content
    terms worked out again from the stored sentence, headline and actors unless
    ``stored_terms``; mentions re-dated by ``story_anchor_dates`` with ``anchor``)."""
    con = duckdb.connect(db, read_only=True)
    try:
        pairs = _all_mentions(con)
        if anchor:
            redated, moved = story_anchor_dates(con, [m for m, _ in pairs])
            pairs = [(m, k) for m, (_, k) in zip(redated, pairs, strict=True)]
            print(f"what-if: {moved} mentions re-dated from their dateline's day")
        spans, texts = {}, {}
        for mid, d, a, b, blk, sent, title, src, tgt, cameo in con.execute(
            "SELECT m.mention_id, m.doc_id, m.span_start, m.span_end, m.block, m.sentence, "
            "d.title, m.source_text, m.target_text, m.cameo FROM mentions m "
            "JOIN documents d USING (doc_id)"
        ).fetchall():
            spans[mid] = (d, a, b, blk)
            codes_of[(d, a, b, blk)] = cameo or ""
            texts[mid] = (sent, title, (src, tgt))
            shown[(d, a, b, blk)] = f"{d} {blk} {cameo}\n      T: {title}\n      S: {sent}"
    finally:
        con.close()
    mentions = [m for m, _ in pairs]
    if not stored_terms:
        mentions = [replace(m, terms=report_terms(*texts[m.mention_id])) for m in mentions]
    result = dedup.link(mentions, [])
    out = {spans[mid]: eid for mid, eid in result.assign.items()}
    for m in mentions:
        k = spans[m.mention_id]
        shown[k] = (
            f"{result.rules[m.mention_id]} {m.date}/{m.date_precision} stated={m.date_stated} "
            f"{shown[k]}"
        )
        content[k] = dedup.linker.content_terms(m)
    return out, len(result.new_events)


content: dict[tuple, frozenset[str]] = {}


def pairwise(rows: list[tuple[bool, bool]]) -> dict[str, float]:
    tp = sum(1 for g, p in rows if g and p)
    fp = sum(1 for g, p in rows if p and not g)
    fn = sum(1 for g, p in rows if g and not p)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return {"pairs": len(rows), "tp": tp, "fp": fp, "fn": fn, "precision": prec, "recall": rec}


def bcubed(pairs: list[dict], links: dict[tuple, str]) -> dict[str, float]:
    parent: dict[tuple, tuple] = {}

    def find(x: tuple) -> tuple:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    items: set[tuple] = set()
    for p in pairs:
        a, b = key(p["a"]), key(p["b"])
        items |= {a, b}
        find(a), find(b)
        if p["same_event"]:
            parent[find(a)] = find(b)
    gold: dict[tuple, set] = defaultdict(set)
    pred: dict[str, set] = defaultdict(set)
    for x in items:
        gold[find(x)].add(x)
        pred[links[x]].add(x)
    precision = recall = 0.0
    for x in items:
        g, p = gold[find(x)], pred[links[x]]
        inter = len(g & p)
        precision += inter / len(p)
        recall += inter / len(g)
    n = len(items) or 1
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"mentions": len(items), "precision": precision, "recall": recall, "f1": f1}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="an eventwire database holding the corpus")
    ap.add_argument("--pairs", default=str(HERE / "linking_pairs.jsonl"))
    ap.add_argument("--errors", action="store_true", help="list the wrong pairs of half A")
    ap.add_argument(
        "--show",
        action="store_true",
        help="with --errors: print each wrong pair's sentences, headlines, dates and shared "
        "content terms (half A only: half B is only scored)",
    )
    ap.add_argument(
        "--select",
        metavar="REGEX",
        help="score only the pairs whose id matches (a round: '^r9-'; the earlier ones: "
        "'^(?!r9-)'); the half of a pair never changes",
    )
    ap.add_argument("--json", action="store_true", help="also print the scores as JSON")
    ap.add_argument(
        "--stored-terms", action="store_true", help="use the content terms stored at ingest"
    )
    ap.add_argument(
        "--story-anchor",
        action="store_true",
        help="what-if: date each story's relative dates from its dateline's day when that lies "
        "up to three days after the publication timestamp (eventwire.dates.story_anchor), "
        "as the coder does not yet",
    )
    args = ap.parse_args(argv)
    lines = Path(args.pairs).read_text(encoding="utf-8").splitlines()
    pairs = [json.loads(line) for line in lines if line.strip()]
    if args.select:
        pairs = [p for p in pairs if re.search(args.select, p["pair"])]
    links, n_events = load_links(args.db, args.stored_terms, args.story_anchor)
    how = resolve(pairs, links)
    found = [p for p in pairs if key(p["a"]) in links and key(p["b"]) in links]
    missing = len(pairs) - len(found)
    print(f"{len(pairs)} labelled pairs ({sum(p['same_event'] for p in pairs)} same-event); "
          f"{missing} not found among the stored mentions (coder changed?); "
          f"{len(links)} mentions linked into {n_events} events")  # fmt: skip
    print(
        f"labelled mentions matched: {how['exact']} exactly, {how['code']} by document, "
        f"sentence, dyad and code, {how['root']} by dyad and root, {how['sector']} by "
        f"actors' sectors; {how['lost']} lost"
    )
    report = {}
    for name, sel in (
        ("all", found),
        *((h, [p for p in found if half(p["pair"]) == h]) for h in "AB"),
    ):
        rows = [(p["same_event"], links[key(p["a"])] == links[key(p["b"])]) for p in sel]
        pw, b3 = pairwise(rows), bcubed(sel, links)
        report[name] = {"pairwise": pw, "bcubed": b3}
        print(
            f"{name:>3}: pairs {pw['pairs']:4d}  pairwise P {pw['precision']:.3f} "
            f"R {pw['recall']:.3f} (tp {pw['tp']}, fp {pw['fp']}, fn {pw['fn']})  "
            f"B-cubed P {b3['precision']:.3f} R {b3['recall']:.3f} F1 {b3['f1']:.3f}"
        )
    by_kind: dict[str, list] = defaultdict(list)
    for p in found:
        if half(p["pair"]) != "A":
            continue  # half B is only scored as a whole: its errors are not broken down
        by_kind[p.get("kind", "?")].append(
            (p["same_event"], links[key(p["a"])] == links[key(p["b"])])
        )
    for kind, rows in sorted(by_kind.items()):
        pw = pairwise(rows)
        print(f"  A: {kind:24s} {pw['pairs']:4d} pairs  tp {pw['tp']} fp {pw['fp']} fn {pw['fn']}")
    if args.errors:
        for p in found:
            same = links[key(p["a"])] == links[key(p["b"])]
            if half(p["pair"]) == "A" and same != p["same_event"]:
                what = "false link" if same else "missed link"
                print(f"{what}: {p['pair']} {p.get('kind')} {p.get('note', '')}")
                if args.show:
                    a, b = key(p["a"]), key(p["b"])
                    both = sorted(content[a] & content[b])
                    for k in (a, b):
                        print("    " + shown[k])
                    print(f"    shared content terms: {both}")
    if args.json:
        json.dump(report, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
