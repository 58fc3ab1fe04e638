"""The rows of the linking stage's small tab-separated tables (``data/dedup/*.tsv``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path


def rows(
    path: Path, header: Sequence[str], error: type[ValueError], *, exact: bool = True
) -> Iterator[tuple[int, str, list[str]]]:
    """``(line number, line, cells)`` of each data row after the header; blank lines and
    ``#`` comments are skipped. A header other than ``header`` (or, with ``exact=False``, not
    starting with it) raises ``error`` naming the file and line."""
    want = list(header)
    seen = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not seen:
            if (cols if exact else cols[: len(want)]) != want:
                raise error(f"{path}:{n}: header must be {', '.join(want)}; got {line!r}")
            seen = True
            continue
        yield n, line, cols
