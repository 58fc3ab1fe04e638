"""Content terms of a report: what two reports of one event share beyond their actors.

A mention's terms are the words of its sentence and its document's headline, lower-cased,
possessives and plural "s" stripped, numbers kept (``100,000``), words of two letters or
fewer and the common news words of ``data/dedup/common_words.txt`` dropped, variants of
one thing made one term (``data/dedup/variants.tsv``: "pact" and "agreement" are
``accord``), and without the actors' own words (``report_terms``). Two reports from
different story clusters link only if they share at least ``MIN_SHARED`` terms (rule 3b in
``linker``): reports of one meeting share the names, the place, the numbers, the subject;
two unrelated acts by the same pair of actors on one day share none of them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ._tsv import rows

DATA = Path(__file__).resolve().parent.parent / "data" / "dedup" / "common_words.txt"
COUNTRIES = DATA.parent.parent / "actors" / "countries.tsv"
SEATS = DATA.with_name("seats.tsv")
VARIANTS = DATA.with_name("variants.tsv")
COUNTRY_COLUMNS = ["code", "iso3", "kind", "name", "aliases", "adjectives", "capitals", "seats"]
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


@lru_cache(maxsize=2)
def _country_words(path: Path = COUNTRIES) -> dict[str, frozenset[str]]:
    """CAMEO country code -> the terms of its name, one-word aliases, adjectives, capitals and
    seats (the actors' table, read only: ``data/actors/countries.tsv``); a multi-word alias
    gives only its joined term ("federal_republic" but not "federal")."""
    out: dict[str, frozenset[str]] = {}
    header = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            if cols[:8] != COUNTRY_COLUMNS:
                raise TermsDataError(f"{path}:{n}: unexpected header {line!r}")
            continue
        if len(cols) < 4 or not cols[0].strip():
            raise TermsDataError(f"{path}:{n}: a country row needs a code and a name, got {line!r}")
        cols += [""] * (8 - len(cols))
        words: set[str] = set()
        for i, cell in enumerate(cols[3:8], start=3):
            for phrase in (p.strip().lstrip("=") for p in cell.split(";")):
                got = terms(phrase)
                if i == 4 and " " in phrase:
                    got = frozenset(t for t in got if "_" in t)
                words |= got
        out[cols[0].strip()] = frozenset(words)
    return out


@lru_cache(maxsize=2)
def _seat_words(path: Path = SEATS) -> dict[str, frozenset[str]]:
    """CAMEO country code -> the terms of the names that stand for its government beyond the
    actors' table (``data/dedup/seats.tsv``: "Pentagon", "Kremlin", "capitol_hill")."""
    out: dict[str, frozenset[str]] = {}
    for n, line, cols in rows(path, ("code", "names", "why"), TermsDataError):
        code = cols[0].strip()
        if len(cols) != 3 or not (code.isalpha() and code.isupper() and len(code) == 3):
            raise TermsDataError(f"{path}:{n}: a CAMEO country code, names and why, got {line!r}")
        names = [x.strip() for x in cols[1].split(";") if x.strip()]
        if not names or not cols[2].strip():
            raise TermsDataError(f"{path}:{n}: a row needs names and a why, got {line!r}")
        # a multi-word name gives only its joined term ("capitol_hill", not "hill")
        got = [terms(x) if " " not in x else {t for t in terms(x) if "_" in t} for x in names]
        out[code] = out.get(code, frozenset()).union(*got)
    return out


def country_terms(code: str | None) -> frozenset[str]:
    """The terms that name a CAMEO country ("u.s", "american", "washington", "pentagon" for
    USA): words two reports of one dyad share whatever they report, so they are no shared
    content. From the actors' ``countries.tsv`` and ``data/dedup/seats.tsv``."""
    key = code or ""
    return _country_words().get(key, frozenset()) | _seat_words().get(key, frozenset())


@lru_cache(maxsize=2)
def variants(path: Path = VARIANTS) -> dict[str, str]:
    """Word -> the one term news writing's variants of it become (``data/dedup/variants.tsv``:
    "agreement" and "pact" -> ``accord``)."""
    out: dict[str, str] = {}
    for n, line, cols in rows(path, ("term", "words", "why"), TermsDataError):
        if len(cols) != 3 or not cols[2].strip():
            raise TermsDataError(f"{path}:{n}: three columns (term, words, why), got {line!r}")
        term = cols[0].strip()
        words = [w.strip() for w in cols[1].split(";") if w.strip()]
        for w in [term, *words]:
            if not w or w != w.lower() or not w.isalpha():
                raise TermsDataError(f"{path}:{n}: {w!r}: one lower-case word expected")
        for w in words:
            if out.get(w, term) != term:
                raise TermsDataError(f"{path}:{n}: {w!r} is already a variant of {out[w]!r}")
            out[w] = term
    return out


def _norm(tok: str) -> str:
    t = tok.lower().replace("’", "'").strip(".'-")
    t = t.removesuffix("'s")
    if len(t) > 4 and t.endswith("s") and not t.endswith("ss") and not t[0].isdigit():
        t = t[:-1]
    return variants().get(t, t)


def _runs(text: str, common: frozenset[str]) -> set[str]:
    """Multi-word names of mixed-case text as one term each ("Hong Kong" -> ``hong_kong``):
    runs of capitalised words with only a space between them, common words dropped."""
    if not any(c.islower() for c in text):
        return set()  # all capitals: no telling names from words
    out: set[str] = set()
    run: list[str] = []
    end = -1
    for tok in _TOKEN.finditer(text):
        word = tok.group()
        if not word[:1].isupper() or (run and text[end : tok.start()] != " "):
            if len(run) > 1:
                out.add("_".join(run))
            run = []
        if word[:1].isupper():
            t = _norm(word)
            if len(t) > 2 and t not in common:
                run.append(t)
        end = tok.end()
    if len(run) > 1:
        out.add("_".join(run))
    return out


def terms(*texts: str | None) -> frozenset[str]:
    """The content terms of some texts (a sentence, a headline): words, and multi-word names
    as ``a_b`` terms besides their words."""
    common = common_words()
    out = set()
    for text in texts:
        for tok in _TOKEN.findall(text or ""):
            t = _norm(tok)
            if len(t) > 2 and t not in common:
                out.add(t)
        out |= _runs(text or "", common)
    return frozenset(out)


_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


def actor_phrase(text: str | None, side: str) -> str | None:
    """One term for an actor described in words, not only named: ``@t:iranian+oil+platform``
    for the target "Iranian oil platform", when the text has two words or more and one of
    them is a lower-case word that is no common news word ("U.S. officials" gives none, nor
    "Japan"). Two reports that describe an actor in the same words ("an Iranian oil
    platform") share what was acted on, which the block (country and sector) does not say."""
    words = _WORD.findall(text or "")
    if len(words) < 2 or not any(c.islower() for c in text or ""):
        return None
    common = common_words()
    described = [
        w for w in words if w[:1].islower() and w.lower() not in common and _norm(w) not in common
    ]
    if not described:
        return None
    return f"@{side}:" + "+".join(_norm(w) for w in words)


def report_terms(
    sentence: str | None, title: str | None, actors: tuple[str | None, ...] = ()
) -> frozenset[str]:
    """A report's content terms: its sentence's and headline's, minus the words naming its
    actors (the linking block already matches the actors), and minus the names holding
    them ("Finance Minister Kiichi Miyazawa" when the actor is "Kiichi Miyazawa"); plus one
    ``actor_phrase`` term for each actor described in words (source, then target)."""
    actor = terms(*actors)
    words = terms(sentence, title) - actor
    out = {t for t in words if "_" not in t or not set(t.split("_")) & actor}
    for side, text in zip("st", actors):
        phrase = actor_phrase(text, side)
        if phrase:
            out.add(phrase)
    return frozenset(out)


def shared(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> int:
    """How many things two sets of terms share: a multi-word name both have counts once,
    not once per word ("Hong Kong" is one place)."""
    both = a & b
    runs = [t for t in both if "_" in t]
    covered = {w for r in runs for w in r.split("_")}
    return (
        len(runs)
        + len({t for t in both if "_" not in t} - covered)
        + _described_alike(a - both, b - both)
    )


def _phrase(term: str) -> tuple[str, str, frozenset[str]]:
    side, _, words = term.partition(":")
    parts = words.split("+")
    return side, parts[-1], frozenset(parts)


def _described_alike(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> int:
    """Described actors (``actor_phrase`` terms) of one side told with more or fewer
    modifiers: the same head noun, one's words all in the other's ("an Iranian oil platform",
    "an Iranian offshore oil platform"). Counts 1 for a side that has such a pair."""
    pa = [_phrase(t) for t in a if t.startswith("@")]
    if not pa:
        return 0
    pb = [_phrase(t) for t in b if t.startswith("@")]
    sides = {
        s for s, h, w in pa for s2, h2, w2 in pb if s == s2 and h == h2 and (w <= w2 or w2 <= w)
    }
    return len(sides)
