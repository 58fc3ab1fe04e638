"""Byte streams for ingest: chunked reading, transparent gunzip that survives truncation."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

CHUNK = 1 << 16
GZIP_MAGIC = b"\x1f\x8b"


class StreamState:
    """Collects a problem found while streaming (e.g. truncated gzip) to report afterwards."""

    def __init__(self) -> None:
        self.error: str | None = None


def file_chunks(fh: BinaryIO, size: int = CHUNK) -> Iterator[bytes]:
    """Yield ``fh`` in chunks of at most ``size`` bytes."""
    while chunk := fh.read(size):
        yield chunk


def gunzip_chunks(chunks: Iterator[bytes], state: StreamState) -> Iterator[bytes]:
    """Decompress gzip data (any number of members); on truncation or corruption stop and
    set ``state.error`` instead of raising, so that the data read so far is kept."""
    dec = zlib.decompressobj(wbits=31)
    pending = False  # inside a member that has not ended yet
    members = 0  # members fully read
    for chunk in chunks:
        while chunk:
            if not pending and members and not chunk.startswith(GZIP_MAGIC[:1]):
                return  # padding or garbage after the last member: ignore, like gzip(1)
            pending = True
            try:
                out = dec.decompress(chunk)
            except zlib.error as exc:
                state.error = f"corrupt gzip data ({exc})"
                return
            if out:
                yield out
            if dec.eof:
                pending = False
                members += 1
                chunk = dec.unused_data
                dec = zlib.decompressobj(wbits=31)
            else:
                chunk = b""
    if pending:
        tail = dec.flush()
        if tail:
            yield tail
        state.error = "truncated gzip (compressed stream ended early)"


def take_head(chunks: Iterator[bytes], size: int) -> tuple[bytes, Iterator[bytes]]:
    """Read at least ``size`` bytes (unless the stream is shorter) and return them together
    with an iterator that replays them followed by the rest of the stream."""
    parts: list[bytes] = []
    n = 0
    for chunk in chunks:
        parts.append(chunk)
        n += len(chunk)
        if n >= size:
            break
    head = b"".join(parts)

    def replay() -> Iterator[bytes]:
        if head:
            yield head
        yield from chunks

    return head, replay()


class ChunkReader(io.RawIOBase):
    """A read-only file object over an iterator of byte chunks; ``tell`` counts bytes read."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buf = b""
        self._pos = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        while not self._buf:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._buf = chunk
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        self._pos += n
        return n


def read_limited(chunks: Iterator[bytes], limit: int) -> tuple[bytes, bool]:
    """Read all chunks, but stop once more than ``limit`` bytes are seen.

    Returns (data, over_limit); when over the limit the data is incomplete."""
    parts: list[bytes] = []
    n = 0
    for chunk in chunks:
        parts.append(chunk)
        n += len(chunk)
        if n > limit:
            return b"", True
    return b"".join(parts), False
