"""Content terms of a report: what two reports of one event share beyond their actors.

A mention's terms are the words of its sentence and its document's headline, lower-cased,
possessives and plural "s" stripped, numbers kept (``100,000``), words of two letters or
fewer and the common news words of ``data/dedup/common_words.txt`` dropped, and without the
actors' own words (``report_terms``). Two reports from
different story clusters link only if they share at least ``MIN_SHARED`` terms (rule 3b in
``linker``): reports of one meeting share the names, the place, the numbers, the subject;
two unrelated acts by the same pair of actors on one day share none of them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "dedup" / "common_words.txt"
MIN_SHARED = 2
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_][\w'’.-]*", re.UNICODE)


class TermsDataError(ValueError):
    """The common-words file is malformed; the message names the file and line."""


@lru_cache(maxsize=1)
def common_words(path: Path = DATA) -> frozenset[str]:
    words = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if " " in s or s != s.lower():
            raise TermsDataError(f"{path}:{n}: one lower-case word a line, got {line!r}")
        words.add(s)
    return frozenset(words)


def _norm(tok: str) -> str:
    t = tok.lower().replace("’", "'").strip(".'-")
    t = t.removesuffix("'s")
    if len(t) > 4 and t.endswith("s") and not t.endswith("ss") and not t[0].isdigit():
        t = t[:-1]
    return t


def terms(*texts: str | None) -> frozenset[str]:
    """The content terms of some texts (a sentence, a headline)."""
    common = common_words()
    out = set()
    for text in texts:
        for tok in _TOKEN.findall(text or ""):
            t = _norm(tok)
            if len(t) > 2 and t not in common:
                out.add(t)
    return frozenset(out)


def report_terms(
    sentence: str | None, title: str | None, actors: tuple[str | None, ...] = ()
) -> frozenset[str]:
    """A report's content terms: its sentence's and headline's, minus the words naming its
    actors (the linking block already matches the actors)."""
    return terms(sentence, title) - terms(*actors)


def shared(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> int:
    return len(a & b)
