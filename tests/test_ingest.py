"""Ingest: every input format, gzip, directories, globs, stdin, ids and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import logging
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import doc_id_for, iter_inputs
from eventwire.model import IngestError, RawDocument

TEXT = """World | Europe

Finland and Estonia agree joint patrols in the Gulf of Finland

By Liisa Korhonen

HELSINKI, May 6 (Reuters) - Finland and Estonia agreed on Monday to run joint naval patrols
in the Gulf of Finland after damage to an undersea cable, the Finnish defence minister said.
"""

HTML = """<!DOCTYPE html>
<html><head><title>Chile and Argentina sign border accord</title></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Chile and Argentina sign border accord</h1>
<p>SANTIAGO (AP) — The foreign ministers of Chile and Argentina signed an accord on Tuesday
settling the last disputed section of their border in Patagonia.</p></article>
<footer>All rights reserved.</footer></body></html>
"""

JSONL_DOCS = [
    {
        "id": 17,
        "text": "NAIROBI, Feb 2 (Reuters) - Kenya deployed police officers to Haiti on Friday.",
        "title": "Kenya deploys police to Haiti",
        "date": "2024-02-02",
        "source": "Reuters",
        "url": "https://example.org/kenya-haiti",
    },
    {
        "id": "b",
        "html": "<html><body><p>Ghana hosts a regional summit on security.</p></body></html>",
    },
    {"text": "Morocco and Spain held talks on migration in Rabat on Thursday."},
]


def items(inputs: list[str], **kw: object) -> list[RawDocument | IngestError]:
    return list(iter_inputs(inputs, **kw))  # type: ignore[arg-type]


def docs_of(found: list[RawDocument | IngestError]) -> list[RawDocument]:
    return [x for x in found if isinstance(x, RawDocument)]


def errors_of(found: list[RawDocument | IngestError]) -> list[IngestError]:
    return [x for x in found if isinstance(x, IngestError)]


def jsonl_bytes(rows: list[dict]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in rows).encode()


def warc_bytes(*, gz: bool = False) -> bytes:
    """A small WARC: warcinfo, an HTML page, a text page, an image, a 404 page."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "pytest"}))

    def response(url: str, ctype: str, body: bytes, status: str = "200 OK") -> None:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-05-02T10:00:00Z"},
        )
        writer.write_record(record)

    response("https://example.org/a", "text/html; charset=utf-8", HTML.encode())
    response("https://example.org/b.txt", "text/plain", TEXT.encode())
    response("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    response("https://example.org/gone", "text/html", b"<html>missing</html>", "404 Not Found")
    return buf.getvalue()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "c.jsonl").write_bytes(jsonl_bytes(JSONL_DOCS))
    (tmp_path / "d.warc").write_bytes(warc_bytes())
    return tmp_path


# --- formats ---------------------------------------------------------------------------


def test_text_file(corpus: Path) -> None:
    [doc] = items([str(corpus / "a.txt")])
    assert isinstance(doc, RawDocument)
    assert doc.format == "text"
    assert doc.content == TEXT
    assert doc.origin == str(corpus / "a.txt")
    assert doc.doc_id == doc_id_for(TEXT)


def test_html_file(corpus: Path) -> None:
    [doc] = items([str(corpus / "b.html")])
    assert isinstance(doc, RawDocument)
    assert doc.format == "html"
    assert doc.content == HTML


def test_jsonl_file(corpus: Path) -> None:
    path = str(corpus / "c.jsonl")
    found = items([path])
    assert [d.origin for d in docs_of(found)] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    first, second, third = docs_of(found)
    assert (first.doc_id, first.format, first.title) == (
        "17",
        "text",
        "Kenya deploys police to Haiti",
    )
    assert (first.date, first.source, first.url) == (
        "2024-02-02",
        "Reuters",
        "https://example.org/kenya-haiti",
    )
    assert (second.doc_id, second.format) == ("b", "html")
    assert third.doc_id == doc_id_for(JSONL_DOCS[2]["text"])
    assert third.title is None


def test_warc_file(corpus: Path) -> None:
    path = str(corpus / "d.warc")
    found = items([path])
    assert errors_of(found) == []
    html_doc, text_doc = docs_of(found)
    assert html_doc.origin == f"{path}#2"  # record 1 is warcinfo
    assert html_doc.format == "html" and "Chile and Argentina" in html_doc.content
    assert html_doc.url == "https://example.org/a"
    assert html_doc.date == "2024-05-02T10:00:00Z"
    assert text_doc.origin == f"{path}#3"
    assert text_doc.format == "text" and text_doc.content == TEXT


@pytest.mark.parametrize("name", ["a.txt", "b.html", "c.jsonl", "d.warc"])
def test_gzip_of_each_format_matches_plain(corpus: Path, name: str) -> None:
    plain = corpus / name
    gz = corpus / f"{name}.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    want = docs_of(items([str(plain)]))
    got = items([str(gz)])
    assert errors_of(got) == []
    assert [(d.content, d.format, d.doc_id) for d in docs_of(got)] == [
        (d.content, d.format, d.doc_id) for d in want
    ]
    assert all(d.origin.startswith(str(gz)) for d in docs_of(got))


def test_record_gzipped_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes(gz=True))
    found = items([str(path)])
    assert errors_of(found) == []
    assert [d.origin for d in docs_of(found)] == [f"{path}#2", f"{path}#3"]


def test_formats_sniffed_from_content(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(HTML)  # HTML saved with a .txt name
    (tmp_path / "dump").write_bytes(jsonl_bytes(JSONL_DOCS))
    (tmp_path / "crawl.dat").write_bytes(warc_bytes())
    (tmp_path / "zipped.txt").write_bytes(gzip.compress(TEXT.encode()))  # gzip without .gz
    found = items([str(tmp_path / n) for n in ("page.txt", "dump", "crawl.dat", "zipped.txt")])
    assert errors_of(found) == []
    formats = ["html", "text", "html", "text", "html", "text", "text"]
    assert [d.format for d in docs_of(found)] == formats
    assert docs_of(found)[-1].content == TEXT


def test_input_format_override(corpus: Path) -> None:
    [doc] = items([str(corpus / "a.txt")], input_format="html")
    assert isinstance(doc, RawDocument) and doc.format == "html"
    with pytest.raises(ValueError, match="unknown input format"):
        items([str(corpus / "a.txt")], input_format="pdf")


# --- directories, globs, stdin -----------------------------------------------------------


def test_directory_recursive_sorted_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Story z about talks in Oslo.")
    (tmp_path / "a.txt").write_text("Story a about talks in Rome.")
    (tmp_path / "b" / "c.txt").write_text("Story c about talks in Paris.")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden too")
    found = items([str(tmp_path)])
    assert [Path(d.origin).relative_to(tmp_path).as_posix() for d in docs_of(found)] == [
        "a.txt",
        "b/c.txt",
        "b/z.txt",
    ]
    assert errors_of(found) == []


def test_glob_patterns(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("one.txt", "two.txt", "three.html", "sub/four.txt"):
        (tmp_path / name).write_text(f"Ministers met in {name}.")
    flat = items([str(tmp_path / "*.txt")])
    assert [Path(d.origin).name for d in docs_of(flat)] == ["one.txt", "two.txt"]
    deep = items([str(tmp_path / "**" / "*.txt")])
    assert sorted(Path(d.origin).name for d in docs_of(deep)) == ["four.txt", "one.txt", "two.txt"]


def _fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, TEXT.encode())
    [doc] = items(["-"])
    assert isinstance(doc, RawDocument)
    assert (doc.origin, doc.format, doc.content) == ("<stdin>", "text", TEXT)


def test_stdin_gzipped_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, gzip.compress(jsonl_bytes(JSONL_DOCS)))
    found = items(["-"])
    assert [d.origin for d in docs_of(found)] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]


def test_stable_ids() -> None:
    a = doc_id_for("Kenya and Somalia agreed\non Wednesday.")
    assert a == doc_id_for("  Kenya and Somalia   agreed on Wednesday.\n")
    assert a != doc_id_for("Kenya and Somalia agreed on Thursday.")
    assert len(a) == 16 and int(a, 16) >= 0


def test_same_content_same_id_across_runs_and_containers(corpus: Path) -> None:
    first = docs_of(items([str(corpus)]))
    assert [d.doc_id for d in first] == [d.doc_id for d in docs_of(items([str(corpus)]))]
    by_origin = {Path(d.origin).name: d.doc_id for d in first}
    assert by_origin["a.txt"] == by_origin["d.warc#3"]  # the same text, inside a WARC
    assert by_origin["b.html"] == by_origin["d.warc#2"]
    assert len(set(by_origin.values())) == 5


# --- bad input ---------------------------------------------------------------------------


def _one_error(found: list[RawDocument | IngestError], origin: str) -> IngestError:
    errs = [e for e in errors_of(found) if e.origin == origin]
    assert len(errs) == 1, errors_of(found)
    return errs[0]


def test_missing_path_and_run_continues(corpus: Path) -> None:
    missing = str(corpus / "nope.txt")
    found = items([missing, str(corpus / "a.txt")])
    assert "no such file" in _one_error(found, missing).message
    assert str(_one_error(found, missing)).startswith(missing)
    assert len(docs_of(found)) == 1


def test_empty_and_whitespace_files(corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_bytes(b"  \n\n ")
    found = items([str(corpus / "empty.txt"), str(corpus / "blank.txt"), str(corpus / "a.txt")])
    assert _one_error(found, str(corpus / "empty.txt")).message == "empty file"
    assert "empty file" in _one_error(found, str(corpus / "blank.txt")).message
    assert len(docs_of(found)) == 1


def test_binary_files(corpus: Path) -> None:
    (corpus / "blob.txt").write_bytes(b"abc\x00\x01\x02" * 100)
    (corpus / "pic.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    found = items([str(corpus / "blob.txt"), str(corpus / "pic.html"), str(corpus / "a.txt")])
    assert "binary file" in _one_error(found, str(corpus / "blob.txt")).message
    assert "PNG" in _one_error(found, str(corpus / "pic.html")).message
    assert len(docs_of(found)) == 1


def test_non_utf8_text_decoded_with_warning(corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = "PARIS (AFP) - Le ministre a déclaré: “la réunion est terminée”."
    (corpus / "latin.txt").write_bytes(text.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest"):
        [doc] = items([str(corpus / "latin.txt")])
    assert isinstance(doc, RawDocument) and doc.content == text
    assert "cp1252" in caplog.text and "latin.txt" in caplog.text


def test_truncated_gzip_keeps_what_was_read(corpus: Path) -> None:
    body = " ".join(f"Paragraph {i} about border talks." for i in range(3000))
    packed = gzip.compress(body.encode())
    (corpus / "cut.txt.gz").write_bytes(packed[: len(packed) // 2])
    (corpus / "stub.txt.gz").write_bytes(packed[:12])
    found = items([str(corpus / "cut.txt.gz"), str(corpus / "stub.txt.gz"), str(corpus / "a.txt")])
    cut = [x for x in found if x.origin == str(corpus / "cut.txt.gz")]
    assert isinstance(cut[0], RawDocument) and body.startswith(cut[0].content)
    assert 0 < len(cut[0].content) < len(body)
    assert isinstance(cut[1], IngestError) and "truncated gzip" in cut[1].message
    assert "truncated gzip" in _one_error(found, str(corpus / "stub.txt.gz")).message
    assert docs_of(found)[-1].origin == str(corpus / "a.txt")


def test_truncated_jsonl_gzip(corpus: Path) -> None:
    packed = gzip.compress(jsonl_bytes(JSONL_DOCS * 200))
    (corpus / "cut.jsonl.gz").write_bytes(packed[: len(packed) * 3 // 4])
    found = items([str(corpus / "cut.jsonl.gz")])
    assert len(docs_of(found)) > 10
    assert any("truncated gzip" in e.message for e in errors_of(found))


@pytest.mark.parametrize("cut", [-300, -40])
def test_truncated_warc(corpus: Path, cut: int) -> None:
    data = warc_bytes()
    (corpus / "cut.warc").write_bytes(data[:cut])
    found = items([str(corpus / "cut.warc"), str(corpus / "a.txt")])
    err = _one_error(found, str(corpus / "cut.warc"))
    assert "truncated" in err.message
    origins = [d.origin for d in docs_of(found)]
    assert origins[:2] == [f"{corpus / 'cut.warc'}#2", f"{corpus / 'cut.warc'}#3"]
    assert origins[-1] == str(corpus / "a.txt")


def test_truncated_warc_in_headers(corpus: Path) -> None:
    data = warc_bytes()
    start = data.index(b"WARC/1.", data.index(b"https://example.org/b.txt"))
    (corpus / "cut.warc").write_bytes(data[: start + 40])
    found = items([str(corpus / "cut.warc")])
    assert [d.origin.rsplit("#", 1)[1] for d in docs_of(found)] == ["2", "3"]
    assert "truncated" in _one_error(found, str(corpus / "cut.warc")).message


def test_malformed_html_still_yielded(corpus: Path) -> None:
    bad = "<html><body><div><p>Ministers met in Lima <b>on Monday</p></div><table><tr><td>"
    (corpus / "bad.html").write_text(bad)
    [doc] = items([str(corpus / "bad.html")])
    assert isinstance(doc, RawDocument) and doc.format == "html" and doc.content == bad


def test_file_over_limit_not_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.write(b"Talks in Geneva. " * 100)
        fh.truncate(52_400_000)  # sparse: cheap to create
    small = tmp_path / "small.txt"
    small.write_text("Talks in Vienna.")
    found = items([str(big), str(small)])
    assert _one_error(found, str(big)).message == "file is 52.4 MB, over the 50 MB limit"
    assert [d.origin for d in docs_of(found)] == [str(small)]


def test_max_bytes_per_document(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("x" * 2000)
    rows = [
        {"id": "1", "text": "short"},
        {"id": "2", "text": "y" * 5000},
        {"id": "3", "text": "ok"},
    ]
    (tmp_path / "big.jsonl").write_bytes(jsonl_bytes(rows))
    found = items([str(tmp_path / "doc.txt"), str(tmp_path / "big.jsonl")], max_bytes=1000)
    assert "over the 1000 bytes limit" in _one_error(found, str(tmp_path / "doc.txt")).message
    err = _one_error(found, str(tmp_path / "big.jsonl"))
    assert err.line == 2 and "over the 1000 bytes limit" in err.message
    assert [d.doc_id for d in docs_of(found)] == ["1", "3"]


def test_jsonl_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"id": "1", "text": "Peru and Chile held talks."}\n'
        b'{"id": "2", "text": "broken\n'
        b"\n"
        b'{"id": "3", "title": "no body"}\n'
        b"[1, 2]\n"
        b'{"id": "5", "text": "Bolivia recalled its envoy."}\n'
    )
    found = items([str(path)])
    assert [d.doc_id for d in docs_of(found)] == ["1", "5"]
    errs = {e.line: e.message for e in errors_of(found)}
    assert set(errs) == {2, 4, 5}
    assert "invalid JSON" in errs[2]
    assert 'no "text" or "html"' in errs[4]
    assert "expected a JSON object" in errs[5]
    assert str(errors_of(found)[0]).startswith(f"{path}:2: ")


def test_empty_directory_and_unmatched_glob(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_text("x")
    found = items([str(empty), str(tmp_path / "*.nothing")])
    assert _one_error(found, str(empty)).message == "directory has no files"
    assert "no files match" in _one_error(found, str(tmp_path / "*.nothing")).message


def test_all_bad_inputs_together_do_not_stop_the_run(corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blob.bin").write_bytes(b"\x00\xff" * 64)
    (corpus / "cut.warc").write_bytes(warc_bytes()[:-300])
    (corpus / "cut.txt.gz").write_bytes(gzip.compress(TEXT.encode())[:20])
    bad = ["missing.txt", "empty.txt", "blob.bin", "cut.warc", "cut.txt.gz"]
    found = items([str(corpus / n) for n in bad] + [str(corpus / "b.html")])
    named = {Path(e.origin).name for e in errors_of(found)}
    assert named == set(bad)
    assert docs_of(found)[-1].origin == str(corpus / "b.html")
