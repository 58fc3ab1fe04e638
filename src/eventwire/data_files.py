"""Shared reader for the package's TSV data files, and the error every loader raises.

Format of every data file: UTF-8, tab-separated, no quoting, one header row naming the columns.
Blank lines and lines starting with ``#`` are ignored. Cells are stripped of surrounding spaces.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path


class DataError(ValueError):
    """A bad data file or row. The message starts with ``<file>:<line>:`` when a line is known."""

    def __init__(
        self, message: str, path: str | os.PathLike[str] | None = None, line: int | None = None
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        if self.path is not None:
            where = f"{self.path}:{line}" if line is not None else self.path
            message = f"{where}: {message}"
        super().__init__(message)


def read_tsv(
    path: str | os.PathLike[str],
    columns: Sequence[str] | None = None,
    *,
    min_columns: int | None = None,
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_no, row)`` for each data row of a TSV file (line numbers start at 1).

    ``columns``: names the header must contain (it may hold more; order is the header's).
    A row must have exactly as many cells as the header, or at least ``min_columns`` cells
    when that is given (missing trailing cells read as ""). Raises :class:`DataError`.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError("file not found", p) from None
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 ({exc.reason} at byte {exc.start})", p) from None
    header: list[str] | None = None
    for line_no, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if header is None:
            header = cells
            if len(set(header)) != len(header) or "" in header:
                raise DataError(
                    f"bad header {header!r}: empty or repeated column names", p, line_no
                )
            missing = [c for c in (columns or ()) if c not in header]
            if missing:
                raise DataError(
                    f"header lacks column(s) {missing}; expected {list(columns or ())}", p, line_no
                )
            continue
        n = len(header)
        low = n if min_columns is None else min(min_columns, n)
        if not low <= len(cells) <= n:
            want = str(n) if low == n else f"{low}-{n}"
            raise DataError(f"{len(cells)} columns, expected {want} (tab-separated)", p, line_no)
        cells += [""] * (n - len(cells))
        yield line_no, dict(zip(header, cells, strict=True))
    if header is None:
        raise DataError("no header row", p)


def split_list(cell: str, sep: str = ";") -> list[str]:
    """Split a multi-value cell ("a; b;c") into its non-empty, stripped parts."""
    return [x.strip() for x in cell.split(sep) if x.strip()]
