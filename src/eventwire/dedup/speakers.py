"""Who, by name, is the source of a report: a named person, or a named union or company.

Linking (rule 1 in ``linker``) keeps the reports of two differently named sources apart outside
the joint-act roots, and lets one named source's same-code reports on one day link on fewer
shared words. A person is named by the actor resolver (its canonical name); an actor of a
sector listed in ``data/dedup/named_sectors.txt`` (unions, companies) by the capitalised words
of its text ("United Paperworkers International Union"), when there are at least two of them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .terms import common_words

DATA = Path(__file__).resolve().parent.parent / "data" / "dedup" / "named_sectors.txt"
# the actors' word sets (read only): company_designator rows are legal-form words
WORDS = DATA.parent.parent / "actors" / "words.tsv"
_CAP = re.compile(r"[A-Z][\w&'’.-]*")


class SpeakersDataError(ValueError):
    """The named-sectors file is malformed; the message names the file and line."""


@lru_cache(maxsize=2)
def named_sectors(path: Path = DATA) -> frozenset[str]:
    out = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if not (s.isalpha() and s.isupper() and len(s) == 3):
            raise SpeakersDataError(
                f"{path}:{n}: one three-letter CAMEO sector a line, got {line!r}"
            )
        out.add(s)
    return frozenset(out)


@lru_cache(maxsize=2)
def legal_forms(path: Path = WORDS) -> frozenset[str]:
    """Legal-form words of company names ("corp", "plc"): the ``company_designator`` rows."""
    out = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        cols = line.split("\t")
        if cols[0] != "company_designator":
            continue
        if len(cols) < 2 or not cols[1].strip() or " " in cols[1].strip():
            raise SpeakersDataError(f"{path}:{n}: a company_designator row needs one word")
        out.add(cols[1].strip().lower())
    return frozenset(out)


def org_name(text: str | None) -> str | None:
    """The proper name in an actor's text: its capitalised words less common news words and
    legal-form words, when two or more are left ("The United Auto Workers union" -> "United
    Auto Workers"), or one beside a legal-form word ("BankAmerica Corp" -> "BankAmerica")."""
    if not text or not any(c.islower() for c in text):
        return None  # all capitals: no telling names from words
    common, legal = common_words(), legal_forms()
    caps = [w.rstrip(".") for w in _CAP.findall(text)]
    words = [w for w in caps if w and w.lower().removesuffix("'s") not in common | legal]
    company = any(w.lower() in legal for w in caps)
    return " ".join(words) if len(words) >= 2 or (words and company) else None


def speaker(kind: str | None, name: str | None, text: str | None, sector: str | None) -> str | None:
    """The named source of a report, or None: a person's canonical name, else ``org:`` and
    the proper name of a union or company (sectors of ``named_sectors.txt``)."""
    if kind == "person" and name:
        return name
    if sector and sector in named_sectors():
        got = org_name(text)
        return f"org:{got}" if got else None
    return None
