"""Fuzzing (issue #13): any bytes or string into the ingest readers, extraction, the coder and
the Python API gives documents, or a typed error naming the input, never another exception.

The default run tries a few dozen examples per property; ``pytest -m slow tests/test_fuzz.py``
runs the longer fuzz (``EVENTWIRE_FUZZ_EXAMPLES``, default 1,000 per property)."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventwire
from eventwire.extract import ExtractError
from eventwire.ingest import iter_inputs
from eventwire.ingest.sniff import BinaryContentError, decode_bytes
from eventwire.model import Article, Event, IngestError, RawDocument

FAST = settings(
    max_examples=40, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip
SLOW = settings(FAST, max_examples=int(os.environ.get("EVENTWIRE_FUZZ_EXAMPLES", "1000")))

NEWSY = st.sampled_from(
    [
        "Russian troops seized the airport in Crimea on Friday, officials said.",
        "<html><body><p>Kiev protested to Moscow.</p></body></html>",
        '{"id": "a", "text": "Talks resumed in Geneva."}\n',
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\n",
        "\ud800", "\x00", "\ufeff", "<div>" * 300, "\u202e", "\r\n",
    ]
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=300), st.lists(st.one_of(NEWSY, st.text(max_size=40)), max_size=6).map("".join)
)
BYTES = st.one_of(
    st.binary(max_size=2000),
    TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    TEXT.map(lambda t: t.encode("utf-16-le", "surrogatepass")),
)
NAMES = st.sampled_from(
    ["x.txt", "x.html", "x.jsonl", "x.warc", "x", "x.txt.gz", "x.warc.gz", "x.jsonl.gz"]
)
FORMATS = st.sampled_from([None, "text", "html", "jsonl", "warc"])


def _check_items(items) -> None:
    for it in items:
        assert isinstance(it, RawDocument | IngestError), type(it)
        if isinstance(it, RawDocument):
            assert isinstance(it.content, str) and it.content.strip()
            it.content.encode("utf-8")  # no lone surrogates reach the parser or the store
            (it.doc_id or "").encode("utf-8")
        else:
            assert it.message and "\n" not in it.message and it.origin


def _ingest_bytes(data: bytes, name: str, fmt: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        _check_items(list(iter_inputs([str(path)], fmt, max_bytes=100_000)))


def _jsonl_records(records: list) -> None:
    lines = []
    for rec in records:
        try:
            lines.append(json.dumps(rec))
        except (TypeError, ValueError):
            continue
    _ingest_bytes("\n".join(lines).encode("utf-8", "surrogatepass"), "x.jsonl", None)


def _decode(data: bytes) -> None:
    try:
        text, warning = decode_bytes(data)
    except BinaryContentError as exc:
        assert "binary" in str(exc)
        return
    assert isinstance(text, str) and (warning is None or isinstance(warning, str))


def _extract(data: str | bytes) -> None:
    try:
        art = eventwire.extract(data)
    except ExtractError as exc:
        assert str(exc)
        return
    assert isinstance(art, Article) and art.body.strip()
    art.body.encode("utf-8")


def _code(text: str) -> None:
    events = eventwire.code(text, date="2021-06-10")
    assert isinstance(events, list) and all(isinstance(e, Event) for e in events)
    for e in events:
        assert 0 <= e.span[0] <= e.span[1] <= len(text)


RECORDS = st.lists(
    st.one_of(
        st.dictionaries(st.sampled_from(["id", "text", "html", "title", "date", "url", "source"]),
                        st.one_of(TEXT, st.integers(), st.none(), st.lists(st.integers(), max_size=2)),
                        max_size=5),
        TEXT, st.integers(), st.lists(st.text(max_size=5), max_size=3),
    ),
    max_size=8,
)  # fmt: skip


@FAST
@given(data=BYTES, name=NAMES, fmt=FORMATS)
def test_fuzz_ingest_any_bytes(data, name, fmt):
    _ingest_bytes(data, name, fmt)


@FAST
@given(records=RECORDS)
def test_fuzz_jsonl_any_records(records):
    _jsonl_records(records)


@FAST
@given(data=BYTES)
def test_fuzz_decode_any_bytes(data):
    _decode(data)


@FAST
@given(data=st.one_of(TEXT, BYTES))
def test_fuzz_extract_any_input(data):
    _extract(data)


@settings(FAST, max_examples=15)
@given(text=TEXT)
def test_fuzz_code_any_text(text):
    _code(text)


def test_fuzz_api_wrong_types_are_type_errors():
    with pytest.raises(TypeError):
        eventwire.code(Article(doc_id="x", body=None))  # type: ignore[arg-type]


# --- the longer run ----------------------------------------------------------------------


@pytest.mark.slow
@SLOW
@given(data=BYTES, name=NAMES, fmt=FORMATS)
def test_fuzz_long_ingest(data, name, fmt):
    _ingest_bytes(data, name, fmt)


@pytest.mark.slow
@SLOW
@given(records=RECORDS)
def test_fuzz_long_jsonl(records):
    _jsonl_records(records)


@pytest.mark.slow
@SLOW
@given(data=st.one_of(TEXT, BYTES))
def test_fuzz_long_extract(data):
    _extract(data)


@pytest.mark.slow
@settings(SLOW, max_examples=max(1, SLOW.max_examples // 5))
@given(text=TEXT)
def test_fuzz_long_code(text):
    _code(text)
