"""Hardening, faults of issue #13: a worker process killed mid-run (OOM killer, segfault) is
detected, its chunk retried once in a fresh worker, then recorded as errors; never a hang."""

from __future__ import annotations

import json
import os
import signal
from contextlib import contextmanager

import pytest

from eventwire import pipeline
from eventwire.ingest.pool import ordered_map
from eventwire.model import Article, DocResult, IngestError, RawDocument

MARK = {}


@contextmanager
def deadline(seconds: int):
    """Fail (not hang) when the body takes longer than ``seconds``."""

    def boom(signum, frame):
        raise TimeoutError(f"hung for {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _fake_work(chunk, batch_size=32):
    """Stands in for extract+parse+code; dies like an OOM-killed worker on marked documents."""
    out = []
    for item in chunk:
        if isinstance(item, IngestError):
            out.append(item)
            continue
        if "DIE-ALWAYS" in item.content:
            os.kill(os.getpid(), signal.SIGKILL)
        if "DIE-ONCE" in item.content and not os.path.exists(MARK["once"]):
            open(MARK["once"], "w").close()
            os.kill(os.getpid(), signal.SIGKILL)
        out.append(DocResult(article=Article(doc_id=item.doc_id, body=item.content)))
    return out


@pytest.fixture
def fake_workers(monkeypatch, tmp_path):
    MARK["once"] = str(tmp_path / "died-once")
    monkeypatch.setattr(pipeline, "_work", _fake_work)
    monkeypatch.setattr(pipeline, "_warm", lambda: None)
    return tmp_path


def _jsonl(path, n, marks):
    with open(path, "w") as fh:
        for i in range(n):
            text = f"story {i} {marks.get(i, '')}"
            fh.write(json.dumps({"id": f"d{i:03d}", "text": text}) + "\n")


def test_a_killed_worker_is_retried_once_then_the_document_at_fault_is_an_error(fake_workers):
    path = fake_workers / "in.jsonl"
    # chunks of 32: #1 (docs 32-63) kills a worker once, #2 (64-95) every time
    _jsonl(path, 100, {40: "DIE-ONCE", 70: "DIE-ALWAYS"})
    with deadline(180):
        got = list(pipeline.run([str(path)], "jsonl", n_process=2))
    assert len(got) == 100
    ids = [g.article.doc_id if isinstance(g, DocResult) else g.origin for g in got]
    assert ids[:64] == [f"d{i:03d}" for i in range(64)]  # the chunk killed once: retried, all in
    assert os.path.exists(MARK["once"])
    # the chunk that kills every worker is halved down to the one document that does
    dead = [g for g in got if isinstance(g, IngestError)]
    assert len(dead) == 1 and dead[0] is got[70] and dead[0].stage == "worker"
    assert dead[0].origin == f"{path}:71" and "died on this document" in dead[0].message
    assert [g.article.doc_id for g in got if isinstance(g, DocResult)] == [
        f"d{i:03d}" for i in range(100) if i != 70
    ]


def test_screened_documents_keep_their_places_and_are_not_parsed(fake_workers):
    path = fake_workers / "in.jsonl"
    _jsonl(path, 70, {5: "DIE-ALWAYS", 50: "DIE-ALWAYS"})  # parsing them would kill a worker

    def screen(docs: list[RawDocument]):
        return {
            k: pipeline.Skipped(d.doc_id, d.origin)
            for k, d in enumerate(docs)
            if "DIE" in d.content
        }

    for n in (1, 2):
        with deadline(120):
            got = list(pipeline.run([str(path)], "jsonl", n_process=n, screen=screen))
        kinds = [type(g).__name__ for g in got]
        assert len(got) == 70 and kinds.count("Skipped") == 2, n
        assert got[5].doc_id == "d005" and got[50].doc_id == "d050"
        assert got[6].article.doc_id == "d006" and got[49].article.doc_id == "d049"


def _square(x):
    if x == 13:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * x


def test_ordered_map_survives_deaths_and_keeps_order():
    with deadline(120):
        got = list(ordered_map(_square, range(30), 2, lambda x, why: -1, window=3))
    assert got == [-1 if x == 13 else x * x for x in range(30)]


def _stuck(x):
    if x == 5:
        import time

        time.sleep(600)  # a worker that hangs rather than dies
    return x * x


def test_a_stuck_worker_times_out_and_its_chunk_is_recorded_never_a_hang():
    with deadline(60):
        got = list(ordered_map(_stuck, range(10), 2, lambda x, why: why, window=2, timeout=2))
    assert got == ["took over 2 s twice" if x == 5 else x * x for x in range(10)]


def test_a_chunk_that_raises_is_done_document_by_document(monkeypatch, tmp_path):
    real = pipeline.code_items

    def fragile(items, **kw):
        items = list(items)
        if any("POISON" in getattr(a, "body", "") for a in items):
            raise RuntimeError("parser blew up")
        return real(items, **kw)

    monkeypatch.setattr(pipeline, "code_items", fragile)
    path = tmp_path / "in.jsonl"
    _jsonl(path, 6, {2: "POISON"})
    got = list(pipeline.run([str(path)], "jsonl"))
    assert [type(g).__name__ for g in got] == ["DocResult"] * 2 + ["IngestError"] + [
        "DocResult"
    ] * 3
    assert got[2].stage == "code" and "parser blew up" in got[2].message
    assert got[2].origin == f"{path}:3"
