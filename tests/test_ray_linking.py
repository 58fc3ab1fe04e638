"""The Ray engine's linking (replayed batches, block partitions) against the store's own
(``Store.write`` in batches), on random coded documents: same tables, ids included. No Ray and
no parser: this is the logic the Ray tasks run. And shards read what the local ingest reads."""

from __future__ import annotations

import gzip
import json
import random
from datetime import UTC, date, datetime, timedelta

import pytest

from eventwire.ingest import iter_inputs
from eventwire.model import Actor, Article, DocResult, Event, IngestError, Place
from eventwire.scale import batches, dataset, linkstep, shards
from eventwire.scale.compare import compare, equal
from eventwire.store import Store

ACTORS = [("RUS", "MIL"), ("UKR", None), ("USA", "GOV")]
ROOTS = [("190", "19"), ("112", "11")]
PLACES = [
    None,
    Place("Kharkiv", "UKR", lat=49.99, lon=36.23),
    Place("Izium", "UKR", lat=49.21, lon=37.26),
    Place("Cairo", "EGY", lat=30.04, lon=31.24),
    Place("Ukraine", "UKR", precision="country"),
]
WORDS = [
    "shelling",
    "border",
    "talks",
    "trade",
    "sanctions",
    "ambassador",
    "protest",
    "ceasefire",
    "artillery",
    "convoy",
    "summit",
    "tariffs",
    "harbour",
    "refinery",
    "envoy",
    "parliament",
    "election",
    "village",
    "bridge",
    "airport",
]


def _actor(rng: random.Random) -> Actor:
    country, sector = rng.choice(ACTORS)
    return Actor(code=country + (sector or ""), country=country, sector=sector, text=country)


def _event(rng: random.Random, doc_id: str, eid: str, k: int, like: Event | None) -> Event:
    if like is not None:  # the same report in a copy or an update, sometimes re-dated
        shift = rng.choice([0, 0, 1, 3]) if like.date else 0
        day = like.date and (date.fromisoformat(like.date) + timedelta(days=shift)).isoformat()
        return Event(
            **{
                **like.__dict__,
                "doc_id": doc_id,
                "event_id": eid,
                "date": day,
                "sentence_index": k,
                "location": rng.choice([like.location, None, rng.choice(PLACES)]),
            }
        )
    cameo, root = rng.choice(ROOTS)
    day = date(2014, 3, 1) + timedelta(days=rng.randint(0, 9))
    prec = rng.choice(["day", "day", "day", "day", "month", None])
    start = rng.randint(0, 50)
    return Event(
        doc_id=doc_id, event_id=eid, source=_actor(rng),
        target=_actor(rng) if rng.random() < 0.8 else None, cameo=cameo, root=root,
        goldstein=-5.0, quad_class=4, plover="ASSAULT",
        modality=rng.choice(["asserted", "asserted", "asserted", "intent"]),
        date=None if prec is None else day.isoformat(), date_precision=prec,
        location=rng.choice(PLACES), sentence=" ".join(rng.choices(WORDS, k=6)),
        sentence_index=k, span=(start, start + 30), trigger="x", rule="r",
        confidence=0.5 + k / 10,
    )  # fmt: skip


def _docs(seed: int, n: int = 80) -> list[DocResult]:
    """Documents with events over few dyads, days and words, copies of stories, updates and
    round-ups of two stories (which merge story clusters): many links, some bridges."""
    rng = random.Random(seed)
    out: list[DocResult] = []
    for i in range(n):
        doc_id = f"d{seed}-{i:03d}"
        like: list[Event] = []
        r = rng.random()
        if len(out) > 2 and r < 0.15:  # a round-up of two earlier stories
            a, b = rng.sample(out, 2)
            body = a.article.body + " " + b.article.body
            like = a.events[:1] + b.events[:1]
        elif out and r < 0.5:  # a copy or an update of an earlier story
            a = rng.choice(out)
            body = a.article.body
            if rng.random() < 0.5:
                body += " " + " ".join(rng.choices(WORDS, k=10))
            like = list(a.events)
        else:
            body = " ".join(rng.choices(WORDS, k=40))
        art = Article(doc_id=doc_id, body=body, title=" ".join(rng.choices(WORDS, k=4)),
                      outlet=rng.choice(["A", "B", "C"]), source="wire")  # fmt: skip
        evs = [_event(rng, doc_id, f"m{doc_id}-{k}", k, e) for k, e in enumerate(like)]
        evs += [_event(rng, doc_id, f"m{doc_id}-{k}", k, None)
                for k in range(len(evs), len(evs) + rng.randint(0, 2))]  # fmt: skip
        out.append(DocResult(article=art, events=evs))
    return out


@pytest.mark.parametrize(("seed", "parts"), [(1, 1), (1, 3), (2, 3), (3, 2), (4, 3)])
def test_replayed_linking_matches_the_store(tmp_path, seed, parts):
    docs = _docs(seed)
    size = 7
    local = tmp_path / "local.duckdb"
    with Store(local) as st:
        for k in range(0, len(docs), size):
            st.write(docs[k : k + size], [IngestError("x.jsonl", "bad line", line=k)])
    # the same documents in shards of 5 (another cut than the batches)
    coded = [docs[k : k + 5] + ([IngestError("x.jsonl", "bad line", line=k)] if k % 7 == 0 else [])
             for k in range(0, len(docs), 5)]  # fmt: skip
    rp = batches.replay(coded, batch=size)
    results = [linkstep.link_partition(rp.batches, k, parts, "t", k == 0) for k in range(parts)]
    con = dataset.build(rp, results, "test", datetime.now(UTC).replace(tzinfo=None))
    ray_db = tmp_path / "replayed.duckdb"
    con.execute(f"ATTACH '{ray_db}' AS out")
    for t in ("documents", "events", "mentions", "event_merges"):
        con.execute(f"CREATE TABLE out.{t} AS SELECT * FROM {t}")
    con.close()
    report = compare(local, ray_db)
    assert equal(report), report
    assert report["mentions"]["a"] > 50
    assert report["events"]["a"] < report["mentions"]["a"]  # something was linked


def test_min_confidence_and_repeated_ids_as_the_ingest():
    docs = _docs(5, 12)
    coded = [docs + docs[:2]]  # two documents come again
    rp = batches.replay(coded, batch=4, min_confidence=0.65)
    assert rp.duplicates == 2
    assert [len(b) for b in rp.batches] == [4, 4, 4]
    assert all(e.confidence >= 0.65 for b in rp.batches for r in b for e in r.events)
    assert list(rp.seq.values()) == list(range(1, len(rp.seq) + 1))
    assert (
        sum(rp.n_events.values())
        == len(rp.seq)
        == sum(1 for d in docs for e in d.events if e.confidence >= 0.65)
    )


def test_a_dyad_is_one_partition_both_ways():
    docs = _docs(6, 30)
    evs = [e for d in docs for e in d.events]
    for e in evs:
        back = Event(**{**e.__dict__, "source": e.target or e.source, "target": e.source})
        assert batches.dyad_of(back) == batches.dyad_of(e) or e.target is None
    assert batches.partition_of("RUS/MIL|UKR/", 7) == batches.partition_of("RUS/MIL|UKR/", 7)
    assert {batches.partition_of(f"A|B{i}", 4) for i in range(40)} == {0, 1, 2, 3}


# ---------------------------------------------------------------- shards


def _items(inputs):
    return [(type(i).__name__, getattr(i, "doc_id", None), i.origin, getattr(i, "line", None))
            for i in inputs]  # fmt: skip


def _lines(n: int) -> list[str]:
    out = []
    for i in range(n):
        if i % 9 == 4:
            out.append("")  # blank: no document
        elif i % 11 == 6:
            out.append("{not json")
        else:
            out.append(json.dumps({"id": f"s{i}", "text": f"Story {i} about a border dispute."}))
    return out


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("size", [1, 4, 10, 100])
def test_shards_read_what_the_ingest_reads(tmp_path, gz, size):
    text = "\n".join(_lines(37)) + "\n"
    if gz:
        path = tmp_path / "a.jsonl.gz"
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path = tmp_path / "a.jsonl"
        path.write_text(text)
    (tmp_path / "b.txt").write_text("Police in Lagos arrested two journalists on Monday.")
    (tmp_path / "c.txt").write_text("")  # an error of its own
    (tmp_path / "d.html").write_text("<html><body><p>Talks in Geneva.</p></body></html>")
    inputs = [str(tmp_path), str(tmp_path / "missing.jsonl")]
    plan = shards.plan(inputs, None, size)
    got = [i for s in plan.shards for i in shards.read(s)]
    want = list(iter_inputs(inputs))
    assert _items(plan.errors + got) == _items(
        [i for i in want if i.origin.endswith("missing.jsonl")]
        + [i for i in want if not i.origin.endswith("missing.jsonl")]
    )
    assert len({s.shard_id for s in plan.shards}) == len(plan.shards)
    assert all(len(shards.read(s)) <= size + 1 for s in plan.shards if s.pieces[0].kind == "lines")


def test_a_changed_file_is_a_new_shard(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(_lines(5)) + "\n")
    first = {s.shard_id for s in shards.plan([str(path)], None, 2).shards}
    assert first == {s.shard_id for s in shards.plan([str(path)], None, 2).shards}
    path.write_text("\n".join(_lines(6)) + "\n")
    assert not first & {s.shard_id for s in shards.plan([str(path)], None, 2).shards}


def test_stdin_is_refused_in_one_line():
    with pytest.raises(shards.ShardError, match="stdin"):
        shards.plan(["-"])


# ---------------------------------------------------------------- output


def test_shard_results_and_manifest_round_trip(tmp_path):
    from eventwire.scale.output import Output

    for local in (True, False):  # False: the object-store path (open_output_stream)
        out = Output(tmp_path / f"out-{local}")
        out.local = local
        docs = _docs(7, 3)
        assert out.finished() == set()
        out.save_shard("abc", docs, {"documents": 3})
        assert out.finished() == {"abc"}
        assert [d.article.doc_id for d in out.load_shard("abc")] == [d.article.doc_id for d in docs]
        out.forget("abc")
        assert out.finished() == set()
    (tmp_path / "file").write_text("x")
    from eventwire.scale.output import OutputError

    with pytest.raises(OutputError, match="cannot create the output directory"):
        Output(tmp_path / "file" / "sub")
