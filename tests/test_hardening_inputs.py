"""Hardening, input rows of issue #13: invalid Unicode, permissions, encodings, truncated WARC,
deep HTML. Inputs are made here, under tmp_path."""

from __future__ import annotations

import gzip
import json
import logging
import os
import shutil
import subprocess
import sys
from io import BytesIO

import pytest

from eventwire.extract import extract, extract_document
from eventwire.ingest import iter_inputs
from eventwire.ingest.sniff import decode_bytes, doc_id_for, scrub_text
from eventwire.model import IngestError, RawDocument

STORY = "Russian troops seized the airport in Crimea on Friday, officials said in report {}."


def _docs(items):
    return [i for i in items if isinstance(i, RawDocument)]


def _errors(items):
    return [i for i in items if isinstance(i, IngestError)]


# --- lone surrogates ---------------------------------------------------------------------


def test_lone_surrogate_record_is_repaired_and_the_batch_goes_on(tmp_path, caplog):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": STORY.format(i)}) for i in range(45)]
    lines.insert(
        7, '{"id": "x\\ud800", "text": "Kiev protested \\udc00 to Moscow.", "title": "\\ud800"}'
    )
    path.write_text("\n".join(lines) + "\n")
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest"):
        items = list(iter_inputs([str(path)]))
    docs = _docs(items)
    assert len(docs) == 46 and not _errors(items)
    bad = docs[7]
    assert bad.content == "Kiev protested \ufffd to Moscow." and bad.doc_id == "x\ufffd"
    bad.content.encode("utf-8")  # encodable now
    assert "lone surrogates" in caplog.text and "batch.jsonl:8" in caplog.text


def test_scrub_text_keeps_valid_text_and_counts_repairs():
    assert scrub_text("plain") == ("plain", 0)
    assert scrub_text("emoji \U0001f600 ok") == ("emoji \U0001f600 ok", 0)
    assert scrub_text("a\ud800b\udfffc") == ("a\ufffdb\ufffdc", 2)
    assert len(doc_id_for("x\ud800")) == 16  # ids never raise


def test_python_api_with_a_lone_surrogate_extracts_and_codes():
    import eventwire

    art = extract("Russian troops \ud800 seized the airport in Crimea, officials said.")
    assert "\ufffd" in art.body
    events = eventwire.code(
        "Russian troops \ud800 seized the airport in Crimea.", date="2014-03-01"
    )
    assert any(e.source.country == "RUS" for e in events)


# --- permissions -------------------------------------------------------------------------


def _unprivileged(code: str) -> list[str]:
    """Run ``code`` without root's right to read everything; skip when that is impossible."""
    if os.geteuid() != 0:
        return [sys.executable, "-c", code]
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv is absent: cannot drop the permission to read")
    return [
        "setpriv",
        "--reuid=nobody",
        "--regid=nogroup",
        "--clear-groups",
        sys.executable,
        "-c",
        code,
    ]


@pytest.fixture
def open_dir():
    """A directory every user may enter (pytest's own tmp_path is private to root)."""
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp(prefix="ew-perm-"))
    path.chmod(0o755)
    yield path
    for sub in path.rglob("*"):
        if sub.is_dir():
            sub.chmod(0o755)
    shutil.rmtree(path)


def test_unreadable_directories_at_any_depth_are_errors_and_the_rest_is_read(open_dir):
    tmp_path = open_dir
    good = tmp_path / "in" / "good"
    locked = tmp_path / "in" / "locked"
    (locked / "deep").mkdir(parents=True)
    good.mkdir()
    for i in range(3):
        (good / f"s{i}.txt").write_text(STORY.format(i))
    (locked / "deep" / "x.txt").write_text(STORY.format("x"))
    for p in (tmp_path / "in", good, *good.iterdir()):
        p.chmod(0o755)
    locked.chmod(0o000)
    code = (
        "import sys; from eventwire.ingest import iter_inputs\n"
        "for it in iter_inputs(sys.argv[1:]):\n"
        "    print(type(it).__name__, it.origin, getattr(it, 'message', ''), sep='|')\n"
    )
    args = [str(tmp_path / "in"), str(locked / "deep" / "x.txt"), str(locked / "deep")]
    try:
        out = subprocess.run(
            [*_unprivileged(code), *args],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
            cwd="/",
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
    finally:
        locked.chmod(0o755)
    assert out.returncode == 0, out.stderr[-2000:]
    rows = [line.split("|") for line in out.stdout.splitlines()]
    assert [r[1] for r in rows if r[0] == "RawDocument"] == [
        str(good / f"s{i}.txt") for i in range(3)
    ]
    errs = {r[1]: r[2] for r in rows if r[0] == "IngestError"}
    assert errs[str(locked)] == "cannot read directory: Permission denied"
    assert errs[str(locked / "deep" / "x.txt")] == "cannot access: Permission denied"
    assert errs[str(locked / "deep")] == "cannot access: Permission denied"
    assert "Traceback" not in out.stderr


# --- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_without_a_bom_is_detected_not_called_binary(tmp_path, enc):
    text = "Ukraine’s president met Putin in Moscow on Tuesday, Kiev said.\n" * 5
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(enc))
    items = list(iter_inputs([str(path)]))
    assert not _errors(items)
    assert _docs(items)[0].content == text


def test_binary_with_nul_bytes_is_still_binary():
    with pytest.raises(ValueError, match="NUL bytes"):
        decode_bytes(bytes(range(256)) * 20)
    with pytest.raises(ValueError, match="NUL bytes"):
        decode_bytes(b"hello world\x00\x00\x00\x00 abc" * 100)


# --- truncated WARC ----------------------------------------------------------------------


def _warc(n: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i in range(n):
        body = f"<html><body><p>{STORY.format(i)} {'More words. ' * 40}</p></body></html>"
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            f"http://example.org/{i}", "response", payload=BytesIO(body.encode()), http_headers=http
        )
        writer.write_record(rec)
    return buf.getvalue()


@pytest.mark.parametrize("zipped", [False, True])
def test_truncated_warc_record_is_an_error_not_a_short_document(tmp_path, zipped):
    data = _warc(3)
    cut = data[: data.index(b"report 1") + 20]
    path = tmp_path / ("cut.warc.gz" if zipped else "cut.warc")
    path.write_bytes(gzip.compress(cut) if zipped else cut)
    items = list(iter_inputs([str(path)]))
    docs = _docs(items)
    assert [d.origin for d in docs] == [f"{path}#1"]
    assert [e.message for e in _errors(items)] == [
        _errors(items)[0].message
    ] and "truncated WARC: record 2 is missing" in _errors(items)[0].message
    full = tmp_path / "full.warc"
    full.write_bytes(data)
    again = _docs(iter_inputs([str(full)]))
    assert len(again) == 3 and again[0].doc_id == docs[0].doc_id  # no second version of #2


# --- deep HTML ---------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [300, 3000, 30000])
def test_html_nested_deeper_than_libxml2_allows_keeps_its_text(depth):
    html = (
        "<html><head><title>Deep page</title></head><body>" + "<div>" * depth
        + "<p>Ukrainian border guards detained two men near Kharkiv on Monday.</p>"
        + "<p>The foreign ministry in Kiev protested to Moscow.</p>" + "</div>" * depth
        + "</body></html>"
    )  # fmt: skip
    art = extract_document(RawDocument(content=html, format="html", origin="deep.html"))
    assert "detained two men near Kharkiv" in art.body
    assert "protested to Moscow" in art.body


def test_text_past_the_coding_limit_is_a_warning_saying_what_is_coded(caplog):
    from eventwire.nlp import MAX_CHARS

    para = "Officials in Kiev said talks with Moscow would resume next week.\n\n"
    body = para * (MAX_CHARS // len(para) + 50)
    with caplog.at_level(logging.WARNING, logger="eventwire.extract"):
        art = extract_document(RawDocument(content=body, format="text", origin="long.txt"))
    assert len(art.body) > MAX_CHARS
    assert f"only the first {MAX_CHARS} are coded" in caplog.text and "long.txt" in caplog.text


def test_a_page_too_big_for_trafilatura_is_read_with_lxml_and_says_so(caplog):
    from eventwire.extract.html import TRAFILATURA_MAX

    para = "<p>Officials in Kiev said talks with Moscow would resume next week.</p>\n"
    page = (
        "<html><head><title>Big</title><script>" + "var x = 1;" * 1000 + "</script></head><body>"
        + para * (TRAFILATURA_MAX // len(para) + 10) + "</body></html>"
    )  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="eventwire.extract"):
        art = extract_document(RawDocument(content=page, format="html", origin="big.html"))
    assert art.body.startswith("Officials in Kiev said talks") and "var x" not in art.body
    assert "block text taken with lxml, not trafilatura" in caplog.text
