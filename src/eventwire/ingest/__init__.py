"""Ingest: turn files, directories, globs and stdin into a stream of RawDocuments.

Formats: crawler-saved text, HTML, JSONL (one document a line) and WARC, each optionally
gzipped. Bad input never stops a run: it becomes an ``IngestError`` in the stream and
reading carries on with the next line, record or file. Non-UTF-8 text that is clearly text is
decoded as cp1252/latin-1 and logged as a warning on the ``eventwire.ingest`` logger.
"""

from __future__ import annotations

import glob
import io
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.ingest.sniff import (
    FORMATS,
    BinaryContentError,
    binary_kind,
    decode_bytes,
    detect_format,
    doc_id_for,
    looks_like_html,
    scrub_text,
)
from eventwire.ingest.streams import (
    CHUNK,
    GZIP_MAGIC,
    ChunkReader,
    StreamState,
    file_chunks,
    gunzip_chunks,
    read_limited,
    take_head,
)
from eventwire.model import IngestError, RawDocument

__all__ = [
    "FORMATS",
    "decode_bytes",
    "detect_format",
    "doc_id_for",
    "iter_inputs",
    "looks_like_html",
]

log = logging.getLogger(__name__)

HEAD_BYTES = 8192
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}

Item = RawDocument | IngestError


def iter_inputs(
    inputs: list[str], input_format: str | None = None, *, max_bytes: int = 50_000_000
) -> Iterator[Item]:
    """Stream documents (and errors) from file paths, directories, glob patterns or ``-``.

    ``input_format`` forces one of ``text|html|jsonl|warc``; otherwise each input's format is
    detected from its name and content. ``max_bytes`` limits one document: a text/HTML file,
    a JSONL line or a WARC payload (containers themselves are streamed, never read whole)."""
    if input_format is not None and input_format not in FORMATS:
        raise ValueError(f"unknown input format {input_format!r}; use one of {FORMATS}")
    for item in inputs:
        spec = os.fspath(item)
        if spec == "-":
            yield from _iter_stream(sys.stdin.buffer, "<stdin>", input_format, max_bytes, None)
            continue
        problems: list[IngestError] = []
        paths = _expand(spec, problems)
        yield from problems
        if isinstance(paths, IngestError):
            yield paths
            continue
        for path in paths:
            yield from _iter_file(path, input_format, max_bytes)


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _dir_files(root: Path, errors: list[IngestError] | None = None) -> list[Path]:
    """Files under ``root`` (hidden ones left out); a directory that cannot be listed is an
    error naming it (in ``errors``), and the walk goes on with the others."""
    files: list[Path] = []

    def failed(exc: OSError) -> None:
        if errors is not None:
            where = exc.filename or str(root)
            errors.append(IngestError(str(where), f"cannot read directory: {_why(exc)}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=failed):
        base = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            p = base / name
            if name.startswith(".") or _is_hidden(p, root):
                continue
            try:
                regular = p.is_file()
            except OSError as exc:
                if errors is not None:
                    errors.append(IngestError(str(p), f"cannot open: {_why(exc)}"))
                continue
            if regular:
                files.append(p)
    return sorted(files, key=lambda p: p.parts)


def _expand(spec: str, errors: list[IngestError] | None = None) -> list[Path] | IngestError:
    """Resolve one input spec to a sorted list of files, or an error naming the spec.

    Problems below the spec (an unreadable subdirectory) go to ``errors`` when given."""
    path = Path(spec)
    try:
        if path.is_dir():
            files = _dir_files(path, errors)
            if files or (errors and any(e.origin != spec for e in errors)):
                return files
            return IngestError(spec, "directory has no files")
        if path.is_file():
            return [path]
        if path.exists():
            return IngestError(spec, "not a regular file")
    except OSError as exc:  # e.g. a parent directory without search permission
        return IngestError(spec, f"cannot access: {_why(exc)}")
    if glob.has_magic(spec):
        files = []
        for match in sorted(glob.glob(spec, recursive=True)):
            m = Path(match)
            try:
                if m.is_dir():
                    files.extend(_dir_files(m, errors))
                elif m.is_file() and not m.name.startswith("."):
                    files.append(m)
            except OSError as exc:
                if errors is not None:
                    errors.append(IngestError(match, f"cannot access: {_why(exc)}"))
        if files or errors:
            return files
        return IngestError(spec, "no files match this pattern")
    return IngestError(spec, "no such file or directory")


def _size(n: int) -> str:
    return f"{round(n / 1e6, 1):g} MB" if n >= 100_000 else f"{n} bytes"


def _iter_file(path: Path, input_format: str | None, max_bytes: int) -> Iterator[Item]:
    origin = str(path)
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except OSError as exc:
        yield IngestError(origin, f"cannot open: {_why(exc)}")
        return
    with fh:
        try:
            yield from _iter_stream(fh, origin, input_format, max_bytes, size)
        except OSError as exc:
            yield IngestError(origin, f"read error: {_why(exc)}")


def _iter_stream(
    fh: BinaryIO, origin: str, input_format: str | None, max_bytes: int, size: int | None
) -> Iterator[Item]:
    """Read one input (file or stdin): gunzip if needed, detect format, dispatch."""
    if size == 0:
        yield IngestError(origin, "empty file")
        return
    state = StreamState()
    magic, chunks = take_head(file_chunks(fh), 2)
    gzipped = magic.startswith(GZIP_MAGIC)
    if gzipped:
        chunks = gunzip_chunks(chunks, state)
    head, chunks = take_head(chunks, HEAD_BYTES)
    if not head:
        yield IngestError(origin, state.error or "empty file")
        return
    fmt = input_format or detect_format(origin, head)
    if fmt == "warc":
        yield from _iter_warc(chunks, origin, max_bytes, state)
        return
    if fmt != "jsonl" and size is not None and size > max_bytes:
        what = "compressed file" if gzipped else "file"
        yield IngestError(origin, f"{what} is {_size(size)}, over the {_size(max_bytes)} limit")
        return
    kind = binary_kind(head)
    if kind:
        yield IngestError(origin, f"binary file ({kind}), not text")
        return
    if fmt == "jsonl":
        yield from _iter_jsonl(chunks, origin, max_bytes, state)
        return
    data, over = read_limited(chunks, max_bytes)
    if over:
        what = "decompressed content" if gzipped else "input"
        yield IngestError(origin, f"{what} is over the {_size(max_bytes)} limit")
        return
    if data.strip():
        yield from _single_doc(data, origin, fmt)
    elif not state.error:
        yield IngestError(origin, "empty file (only whitespace)")
    if state.error:
        kept = f"; kept the {_size(len(data))} read" if data.strip() else "; nothing could be read"
        yield IngestError(origin, state.error + kept)


def _decode(data: bytes, origin: str, charset: str | None = None) -> str:
    text, warning = decode_bytes(data, charset=charset)
    if warning:
        log.warning("%s: %s", origin, warning)
    return text


def _single_doc(data: bytes, origin: str, fmt: str) -> Iterator[Item]:
    try:
        text = _decode(data, origin)
    except BinaryContentError as exc:
        yield IngestError(origin, str(exc))
        return
    if fmt == "text":
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        yield IngestError(origin, "empty file (only whitespace)")
        return
    yield RawDocument(content=text, format=fmt, origin=origin, doc_id=doc_id_for(text))


# --- JSONL -------------------------------------------------------------------------------


def _iter_jsonl(
    chunks: Iterator[bytes], origin: str, max_bytes: int, state: StreamState
) -> Iterator[Item]:
    """One document a line; a bad line is an error for that line only."""
    reader = io.BufferedReader(ChunkReader(chunks), CHUNK)
    lineno = 0
    produced = False
    while line := reader.readline(max_bytes + 1):
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while line and not line.endswith(b"\n"):
                line = reader.readline(CHUNK)
                size += len(line)
            msg = f"line is {_size(size)}, over the {_size(max_bytes)} limit"
            yield IngestError(origin, msg, line=lineno)
            produced = True
            continue
        item = _jsonl_record(line, origin, lineno)
        if item is not None:
            produced = True
            yield item
    if state.error:
        yield IngestError(origin, f"{state.error} after line {lineno}")
    elif not produced:
        yield IngestError(origin, "no documents in file (only blank lines)")


def _field(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def _scrubbed(obj: dict, where: str) -> dict:
    """The record's string fields with lone surrogates replaced (a warning says how many)."""
    out, fixed = {}, 0
    for key, value in obj.items():
        if isinstance(value, str):
            value, n = scrub_text(value)
            fixed += n
        out[key] = value
    if fixed:
        log.warning(
            "%s: %d invalid Unicode escape(s) (lone surrogates) replaced by U+FFFD", where, fixed
        )
    return out


def _jsonl_record(line: bytes, origin: str, lineno: int) -> Item | None:
    if not line.strip():
        return None
    try:
        text = _decode(line, f"{origin}:{lineno}")
        obj = json.loads(text)
    except BinaryContentError as exc:
        return IngestError(origin, str(exc), line=lineno)
    except json.JSONDecodeError as exc:
        return IngestError(origin, f"invalid JSON: {exc.msg} at column {exc.colno}", line=lineno)
    if not isinstance(obj, dict):
        kind = type(obj).__name__
        return IngestError(origin, f"expected a JSON object, got {kind}", line=lineno)
    obj = _scrubbed(obj, f"{origin}:{lineno}")
    fmt, content = "text", obj.get("text")
    if not (isinstance(content, str) and content.strip()):
        fmt, content = "html", obj.get("html")
    if not (isinstance(content, str) and content.strip()):
        return IngestError(origin, 'no "text" or "html" field with content', line=lineno)
    if fmt == "text" and looks_like_html(content, strong_only=True):
        fmt = "html"
    return RawDocument(
        content=content,
        format=fmt,
        origin=f"{origin}:{lineno}",
        doc_id=_field(obj, "id") or doc_id_for(content),
        title=_field(obj, "title"),
        date=_field(obj, "date"),
        source=_field(obj, "source"),
        url=_field(obj, "url"),
    )


# --- WARC --------------------------------------------------------------------------------


def _record_format(record) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    """(format, charset) of a WARC record's payload, or (None, None) to skip it."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None, None
        status = http.get_statuscode() or ""
        if status and not status.startswith("2"):
            return None, None
        ctype = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None, None
    mime, _, params = ctype.partition(";")
    mime = mime.strip().lower()
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    if mime in HTML_TYPES:
        return "html", charset
    if mime in TEXT_TYPES:
        return "text", charset
    return None, None


def _warc_doc(  # type: ignore[no-untyped-def]
    record, where: str, fmt: str, charset: str | None, length: int, max_bytes: int
) -> Iterator[Item]:
    """The document of one HTML/text WARC record (or an error for it)."""
    if length > max_bytes:
        yield IngestError(where, f"record is {_size(length)}, over the {_size(max_bytes)} limit")
        return
    payload = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0):
        return  # the record ends early: the caller reports the truncation, no document
    try:
        content = _decode(payload, where, charset) if payload.strip() else ""
    except BinaryContentError as exc:
        yield IngestError(where, str(exc))
        return
    if not content.strip():
        yield IngestError(where, "empty payload")
        return
    yield RawDocument(
        content=content,
        format=fmt,
        origin=where,
        doc_id=doc_id_for(content),
        date=record.rec_headers.get_header("WARC-Date"),
        url=record.rec_headers.get_header("WARC-Target-URI"),
    )


def _iter_warc(
    chunks: Iterator[bytes], origin: str, max_bytes: int, state: StreamState
) -> Iterator[Item]:
    """HTML and text/plain ``response`` (and ``resource``) records of a WARC file."""
    stream = ChunkReader(chunks)
    archive = ArchiveIterator(stream)
    n = 0
    found = 0
    problem: str | None = None
    try:
        for record in archive:
            n += 1
            where = f"{origin}#{n}"
            declared = record.rec_headers.get_header("Content-Length")
            if record.rec_type is None or declared is None or not declared.isdigit():
                problem = f"truncated or invalid WARC: incomplete headers in record {n}"
                break
            fmt, charset = _record_format(record)
            if fmt is not None:
                found += 1
                yield from _warc_doc(record, where, fmt, charset, int(declared), max_bytes)
            while record.raw_stream.read(CHUNK):  # skip the rest; warcio would read it anyway
                pass
            short = getattr(record.raw_stream, "limit", 0) or 0
            if short:
                problem = f"truncated WARC: record {n} is missing {short} bytes"
                break
    except ArchiveLoadFailed as exc:
        problem = f"truncated or invalid WARC after record {n}: {exc}"
    except Exception:  # noqa: BLE001 - warcio raises assorted errors on damaged input
        problem = f"truncated or invalid WARC after record {n}"
    if state.error:
        problem = f"{state.error} after record {n}"
    elif problem is None and stream.tell() - archive.offset > 4:
        problem = f"truncated WARC: incomplete record after record {n}"
    if problem:
        yield IngestError(origin, problem)
    elif not found:
        yield IngestError(origin, "no HTML or text response records in WARC")
