"""Outlets: who published a copy of a story, from its URL and the page's own site name.

Data (validated on load, errors name the file and line): ``data/extract/outlets.tsv`` maps
domains to outlet names (a host matches its longest listed suffix: ``edition.cnn.com`` ->
``cnn.com``); ``data/extract/metadata.toml`` holds the public suffixes, the site names that are
sections rather than outlets, and the author/title furniture patterns (see ``meta.py``).
Users add rows with ``EVENTWIRE_OUTLETS`` (os.pathsep-separated TSV files of the same form).
"""

from __future__ import annotations

import html
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

DATA = Path(__file__).resolve().parent.parent / "data" / "extract"
ENV_VAR = "EVENTWIRE_OUTLETS"
_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
_META_KEYS = {
    "version", "public_suffixes", "not_outlets", "author_furniture", "not_authors", "not_titles",
}  # fmt: skip


class OutletDataError(ValueError):
    """An outlets table or metadata file is malformed; the message names the file and line."""


@dataclass
class OutletTable:
    by_domain: dict[str, str] = field(default_factory=dict)
    public_suffixes: set[str] = field(default_factory=set)
    not_outlets: set[str] = field(default_factory=set)
    author_furniture: list[re.Pattern[str]] = field(default_factory=list)
    not_authors: set[str] = field(default_factory=set)
    not_titles: list[re.Pattern[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_name: dict[str, str] = {}
        self._index()

    def _index(self) -> None:
        self.by_name = {}
        for domain, name in self.by_domain.items():
            self.by_name.setdefault(name_key(name), domain)
            self.by_name.setdefault(name_key(name).removeprefix("the "), domain)

    def lookup(self, host: str | None) -> tuple[str, str] | None:
        """(matched domain, outlet) for the longest listed suffix of ``host``."""
        if not host:
            return None
        labels = host.split(".")
        for i in range(len(labels) - 1):
            cand = ".".join(labels[i:])
            if cand in self.by_domain:
                return cand, self.by_domain[cand]
        return None

    def named(self, name: str | None) -> tuple[str, str] | None:
        """(domain, outlet) of a listed outlet called ``name`` ("The Guardian", "guardian")."""
        if not name:
            return None
        key = name_key(name)
        domain = self.by_name.get(key) or self.by_name.get(key.removeprefix("the "))
        return (domain, self.by_domain[domain]) if domain else None

    def registered_domain(self, host: str | None) -> str | None:
        """``www.bbc.co.uk`` -> ``bbc.co.uk``; ``edition.cnn.com`` -> ``cnn.com``."""
        if not host:
            return None
        labels = host.split(".")
        if len(labels) >= 3 and ".".join(labels[-2:]) in self.public_suffixes:
            return ".".join(labels[-3:])
        return ".".join(labels[-2:])


def name_key(name: str) -> str:
    s = html.unescape(name).lower().replace("’", "'")
    s = re.sub(r"\.(com|org|net|co\.uk)$", "", s.strip())
    return " ".join(re.sub(r"[^\w' ]+", " ", s).split())


def host_of(url: str | None) -> str | None:
    """Lower-case host of an absolute URL, without ``www.``/``m.``/``amp.``; None if none."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    for prefix in ("www.", "www2.", "m.", "amp.", "mobile."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
    return host if _HOST.match(host) else None


def _read_tsv(path: Path, into: dict[str, str]) -> None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise OutletDataError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not lines or lines[0].split("\t") != ["domain", "outlet"]:
        raise OutletDataError(f"{path}:1: header must be 'domain<TAB>outlet'")
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[1].strip():
            raise OutletDataError(f"{path}:{n}: expected 'domain<TAB>outlet', got {line!r}")
        domain = parts[0].strip().lower()
        if not _HOST.match(domain):
            raise OutletDataError(f"{path}:{n}: {parts[0]!r} is not a domain name")
        into[domain] = parts[1].strip()


def _regexes(values: list[str], where: str) -> list[re.Pattern[str]]:
    out = []
    for i, v in enumerate(values):
        try:
            out.append(re.compile(v, re.IGNORECASE))
        except re.error as exc:
            raise OutletDataError(f"{where}[{i}]: bad regex {v!r}: {exc}") from exc
    return out


def _read_meta(path: Path, table: OutletTable) -> None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise OutletDataError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise OutletDataError(f"{path}: invalid TOML: {exc}") from exc
    unknown = set(data) - _META_KEYS
    if unknown:
        raise OutletDataError(f"{path}: unknown keys {sorted(unknown)}")
    for key in _META_KEYS - {"version"}:
        v = data.get(key, [])
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            raise OutletDataError(f"{path}: {key} must be a list of non-empty strings")
    table.public_suffixes |= {s.lower() for s in data.get("public_suffixes", [])}
    table.not_outlets |= {s.lower() for s in data.get("not_outlets", [])}
    table.not_authors |= {s.lower() for s in data.get("not_authors", [])}
    table.author_furniture += _regexes(
        data.get("author_furniture", []), f"{path}: author_furniture"
    )
    table.not_titles += _regexes(data.get("not_titles", []), f"{path}: not_titles")


def load_outlets(*extra: str | Path, use_env: bool = True) -> OutletTable:
    """The bundled table and rules, plus ``extra`` TSV files (and ``EVENTWIRE_OUTLETS``)."""
    table = OutletTable()
    _read_tsv(DATA / "outlets.tsv", table.by_domain)
    paths = list(map(Path, extra))
    if use_env and os.environ.get(ENV_VAR):
        paths += [Path(p) for p in os.environ[ENV_VAR].split(os.pathsep) if p]
    for p in paths:
        _read_tsv(p, table.by_domain)
    _read_meta(DATA / "metadata.toml", table)
    table._index()
    return table


@lru_cache(maxsize=1)
def default_outlets() -> OutletTable:
    return load_outlets()
