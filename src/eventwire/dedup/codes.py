"""Codes of different CAMEO roots that can report one event (``data/dedup/compatible_codes.tsv``).

One outlet codes a bombing 183 (suicide attack), another 190 (fighting); an accord reached at
talks is 057 in one report and 032 ("agreed to cooperate") or 040 in another. The table lists
such pairs of code prefixes; ``compatible`` says whether two codes may be one event, and
``group`` puts the roots the table joins into one linking group (the connected roots), so
that the linker looks across them. ``joint_roots`` (``data/dedup/joint_roots.txt``) are the
roots of joint acts, where two reports may name different participants as the source.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ._tsv import rows

DATA = Path(__file__).resolve().parent.parent / "data" / "dedup" / "compatible_codes.tsv"
JOINT = DATA.with_name("joint_roots.txt")


class CodesDataError(ValueError):
    """The compatible-codes table is malformed; the message names the file and line."""


@lru_cache(maxsize=4)
def load(path: Path = DATA) -> tuple[tuple[str, str], ...]:
    pairs = []
    for n, line, cols in rows(path, ("a", "b", "why"), CodesDataError, exact=False):
        if len(cols) != 3 or not cols[2].strip():
            raise CodesDataError(
                f"{path}:{n}: three tab-separated columns (a, b, why), got {line!r}"
            )
        a, b = cols[0].strip(), cols[1].strip()
        for code in (a, b):
            if not (code.isdigit() and 2 <= len(code) <= 4):
                raise CodesDataError(f"{path}:{n}: {code!r} is no CAMEO code prefix (2-4 digits)")
        if a[:2] == b[:2]:
            raise CodesDataError(f"{path}:{n}: {a} and {b} share a root: they link already")
        pairs.append((a, b))
    return tuple(pairs)


@lru_cache(maxsize=4)
def joint_roots(path: Path = JOINT) -> frozenset[str]:
    """Roots of joint acts (``data/dedup/joint_roots.txt``): either side may be the source."""
    roots = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if not (s.isdigit() and len(s) == 2):
            raise CodesDataError(f"{path}:{n}: one two-digit CAMEO root a line, got {line!r}")
        roots.add(s)
    return frozenset(roots)


def compatible(a: str, b: str, path: Path = DATA) -> bool:
    """Two CAMEO codes that may report one event: the same root, or a row of the table."""
    if not a or not b or a[:2] == b[:2]:
        return True
    return any(
        (a.startswith(x) and b.startswith(y)) or (a.startswith(y) and b.startswith(x))
        for x, y in load(path)
    )


@lru_cache(maxsize=4)
def _groups(path: Path = DATA) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(r: str) -> str:
        parent.setdefault(r, r)
        while parent[r] != r:
            r = parent[r]
        return r

    for x, y in load(path):
        a, b = find(x[:2]), find(y[:2])
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {r: find(r) for r in parent}


def group(root: str, path: Path = DATA) -> str:
    """The linking group of a root: the smallest root the table connects it to (itself if
    none)."""
    return _groups(path).get(root, root)


def roots_of(root: str, path: Path = DATA) -> list[str]:
    """Every root in ``root``'s linking group (for looking up stored events)."""
    g = group(root, path)
    same = sorted(r for r, h in _groups(path).items() if h == g)
    return same or [root]
