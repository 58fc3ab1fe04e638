"""Shards: the inputs of an ingest cut into units of work that read themselves.

A shard is a list of pieces; a piece is one file (a text or HTML document), a range of lines of
a JSONL file, or a range of records of a WARC file. Shards are listed in input order, and a
shard read gives the same documents (ids, origins) and errors, in the same order, as the local
ingest (``eventwire.ingest.iter_inputs``) gives for that part of the input. A shard's id
derives from its pieces and each file's size and modification time, so a changed input is a
new shard and a rerun over the same inputs finds the shards it already finished.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from eventwire.ingest import _expand, _iter_file, _jsonl_record, _size, detect_format
from eventwire.ingest.streams import (
    CHUNK,
    GZIP_MAGIC,
    ChunkReader,
    StreamState,
    file_chunks,
    gunzip_chunks,
    take_head,
)
from eventwire.model import IngestError, RawDocument

MAX_BYTES = 50_000_000  # one document, as the local ingest
HEAD_BYTES = 8192


class ShardError(ValueError):
    """The inputs cannot be sharded (stdin, a bad input format)."""


@dataclass(frozen=True)
class Piece:
    path: str
    kind: str  # "file" | "lines" (JSONL, 1-based, stop exclusive) | "records" (WARC items)
    start: int = 0
    stop: int | None = None  # None: to the end of the file
    size: int = 0
    mtime_ns: int = 0


@dataclass(frozen=True)
class Shard:
    shard_id: str
    index: int  # position in the input order
    pieces: tuple[Piece, ...]
    input_format: str | None = None
    size_hint: int = 0  # documents it may hold (for the progress bar)


@dataclass
class Plan:
    shards: list[Shard] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)  # inputs that could not be read

    @property
    def total(self) -> int:
        return sum(s.size_hint for s in self.shards)


def _stat(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def _head(path: Path) -> tuple[bytes, Iterator[bytes], StreamState, object]:
    fh = path.open("rb")
    state = StreamState()
    magic, chunks = take_head(file_chunks(fh), 2)
    if magic.startswith(GZIP_MAGIC):
        chunks = gunzip_chunks(chunks, state)
    head, chunks = take_head(chunks, HEAD_BYTES)
    return head, chunks, state, fh


def _format(path: Path, input_format: str | None) -> str | None:
    try:
        head, _chunks, _state, fh = _head(path)
    except OSError:
        return None  # the read reports it
    with fh:  # type: ignore[attr-defined]
        if not head:
            return None
        return input_format or detect_format(str(path), head)


def _count_lines(path: Path) -> tuple[int, bool]:
    """Lines of a (possibly gzipped) JSONL file, and whether any holds more than blanks."""
    _head_bytes, chunks, _state, fh = _head(path)  # chunks start with the head again
    with fh:  # type: ignore[attr-defined]
        n, last, content = 0, b"\n", False
        for chunk in chunks:
            if chunk:
                n += chunk.count(b"\n")
                content = content or bool(chunk.strip())
                last = chunk[-1:]
        return n + (last != b"\n"), content


def _shard_id(pieces: list[Piece], input_format: str | None) -> str:
    spec = json.dumps(
        [input_format, [(p.path, p.kind, p.start, p.stop, p.size, p.mtime_ns) for p in pieces]]
    )
    return hashlib.sha1(spec.encode()).hexdigest()[:16]


def plan(inputs: list[str], input_format: str | None = None, size: int = 100) -> Plan:
    """Shards of about ``size`` documents each, in input order."""
    if size < 1:
        raise ShardError(f"shard size must be at least 1, got {size}")
    out = Plan()
    group: list[Piece] = []

    def add(pieces: list[Piece], hint: int) -> None:
        out.shards.append(
            Shard(_shard_id(pieces, input_format), len(out.shards), tuple(pieces), input_format,
                  hint)
        )  # fmt: skip

    def close_group() -> None:
        if group:
            add(list(group), len(group))
            group.clear()

    for spec in inputs:
        if spec == "-":
            raise ShardError("--engine ray reads files, not stdin: save the input to a file")
        problems: list[IngestError] = []
        paths = _expand(spec, problems)
        out.errors.extend(problems)
        if isinstance(paths, IngestError):
            out.errors.append(paths)
            continue
        for path in paths:
            try:
                fsize, mtime = _stat(path)
            except OSError:
                fsize, mtime = 0, 0
            fmt = _format(path, input_format) if fsize else None
            if fmt == "jsonl":
                lines, content = _count_lines(path)
                if content:
                    close_group()
                    for a in range(1, lines + 1, size):
                        stop = a + size if a + size <= lines else None
                        piece = Piece(str(path), "lines", a, stop, fsize, mtime)
                        add([piece], min(size, lines - a + 1))
                    continue
            elif fmt == "warc":
                n = sum(1 for _ in _iter_file(path, input_format, MAX_BYTES))
                close_group()
                for a in range(0, max(n, 1), size):
                    stop = a + size if a + size < n else None
                    add([Piece(str(path), "records", a, stop, fsize, mtime)], min(size, n - a))
                continue
            group.append(Piece(str(path), "file", 0, None, fsize, mtime))
            if len(group) >= size:
                close_group()
    close_group()
    return out


def read(shard: Shard) -> list[RawDocument | IngestError]:
    """The documents and errors of a shard, as the local ingest reads them."""
    out: list[RawDocument | IngestError] = []
    for p in shard.pieces:
        path = Path(p.path)
        if p.kind == "lines":
            out.extend(_read_lines(path, p.start, p.stop))
        elif p.kind == "records":
            items = _iter_file(path, shard.input_format, MAX_BYTES)
            out.extend(islice(items, p.start, p.stop))
        else:
            out.extend(_iter_file(path, shard.input_format, MAX_BYTES))
    return out


def _read_lines(path: Path, start: int, stop: int | None) -> Iterator[RawDocument | IngestError]:
    """Lines ``start`` to ``stop`` (1-based, stop exclusive) of a JSONL file: what
    ``ingest._iter_jsonl`` makes of them; lines before ``start`` are skipped unparsed."""
    origin = str(path)
    try:
        _head_bytes, chunks, state, fh = _head(path)  # chunks start with the head again
    except OSError as exc:
        yield IngestError(origin, f"cannot open: {exc.strerror or exc}")
        return

    with fh:  # type: ignore[attr-defined]
        reader = io.BufferedReader(ChunkReader(chunks), CHUNK)
        lineno = 0
        while line := reader.readline(MAX_BYTES + 1):
            lineno += 1
            over = len(line) > MAX_BYTES and not line.endswith(b"\n")
            size = len(line)
            while over and line and not line.endswith(b"\n"):
                line = reader.readline(CHUNK)
                size += len(line)
            if lineno < start:
                continue
            if stop is not None and lineno >= stop:
                return
            if over:
                msg = f"line is {_size(size)}, over the {_size(MAX_BYTES)} limit"
                yield IngestError(origin, msg, line=lineno)
                continue
            item = _jsonl_record(line, origin, lineno)
            if item is not None:
                yield item
        if state.error:
            yield IngestError(origin, f"{state.error} after line {lineno}")


def describe(shard: Shard) -> str:
    """A short name of a shard for messages: its first piece."""
    p = shard.pieces[0]
    where = os.path.basename(p.path)
    if p.kind == "lines":
        where += f":{p.start}-{'end' if p.stop is None else p.stop - 1}"
    elif p.kind == "records":
        where += f"#{p.start + 1}-{'end' if p.stop is None else p.stop}"
    more = f" (+{len(shard.pieces) - 1} files)" if len(shard.pieces) > 1 else ""
    return where + more
