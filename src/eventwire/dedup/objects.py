"""Kinds of things acted on (``data/dedup/object_kinds.tsv``): two reports that describe what
was acted on with head nouns of different kinds tell of two acts.

A report's target described in words is a ``@t:`` term of its content terms
(``terms.actor_phrase``: "Iranian gunboats" -> ``@t:iranian+gunboat``); its head noun is the
last word, or the last two ("patrol boat"). ``kinds`` gives the kinds of a set of terms,
``apart`` whether a report and an event (the kinds of all its reports) are kept apart: both
have kinds and share none ("three Iranian gunboats" and "an Iranian oil platform", though the
dyad, root and day are one).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ._tsv import rows

DATA = Path(__file__).resolve().parent.parent / "data" / "dedup" / "object_kinds.tsv"


class ObjectsDataError(ValueError):
    """The object-kinds table is malformed; the message names the file and line."""


@lru_cache(maxsize=2)
def load(path: Path = DATA) -> dict[str, str]:
    """Head noun (singular, ``+`` between the words of a two-word noun) -> its kind."""
    from .terms import _norm

    out: dict[str, str] = {}
    for n, line, cols in rows(path, ("kind", "nouns", "why"), ObjectsDataError):
        if len(cols) != 3 or not cols[0].strip() or not cols[2].strip():
            raise ObjectsDataError(f"{path}:{n}: three columns (kind, nouns, why), got {line!r}")
        kind = cols[0].strip()
        nouns = [x.strip() for x in cols[1].split(";") if x.strip()]
        if not nouns:
            raise ObjectsDataError(f"{path}:{n}: a kind needs nouns, got {line!r}")
        for noun in nouns:
            if noun != noun.lower() or len(noun.split()) > 2:
                raise ObjectsDataError(f"{path}:{n}: {noun!r}: a lower-case noun of 1-2 words")
            key = "+".join(_norm(w) for w in noun.split())
            if out.get(key, kind) != kind:
                raise ObjectsDataError(f"{path}:{n}: {noun!r} is already of kind {out[key]}")
            out[key] = kind
    return out


def kinds(terms: Iterable[str]) -> frozenset[str]:
    """The kinds of the described targets among some content terms."""
    table = load()
    out = set()
    for t in terms:
        if not t.startswith("@t:"):
            continue
        words = t[3:].split("+")
        got = table.get("+".join(words[-2:])) if len(words) > 1 else None
        got = got or table.get(words[-1])
        if got:
            out.add(got)
    return frozenset(out)


def apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sets of kinds of things acted on that tell of two acts: both known, none shared."""
    return bool(a) and bool(b) and not a & b
