"""Actor dictionaries: countries, groups, people, sector terms and overrides, loaded once.

The packaged files are in ``data/actors/``; users add or replace rows with files of the same names
in the directories listed in ``EVENTWIRE_ACTORS`` (``os.pathsep``-separated) or passed to
:func:`load_lexicon`. File formats (TSV, header row, ``;`` between alternatives, ``#`` comments):

- ``countries.tsv``: code, iso3, kind, name, aliases, adjectives, capitals, seats.
  A user row replaces the packaged row with the same code.
- ``groups.tsv``: code, names, kind (igo|ngo|group|party|rebel|militant), country, sector.
  The first name is the canonical one; a user row with the same first name replaces it.
- ``people.tsv``: name, aliases, code, country, sector, role, start, end (YYYY-MM-DD; empty end =
  in office). One row per office; a user row with the same name and start replaces it.
- ``sectors.tsv``: term, sector, position (head|modifier|both). Same term: replaced.
- ``overrides.tsv``: phrase, code[, note]. Same phrase: replaced.

Phrases are matched after :func:`normalize`. A name written in capitals in a file ("US", "UN",
"WHO", "IS") is an acronym and matches only text written in capitals, so "us", "who" and "is"
stay words; list a mixed-case form ("Nato") to match it too. A name written with a leading "="
("=Western", "=Polish") matches only text with exactly that case, so "western Ukraine" and
"polish" are not actors.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.data_files import DataError, read_tsv, split_list
from eventwire.ontology import Ontology, get_ontology

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"
ENV = "EVENTWIRE_ACTORS"
GROUP_KINDS = {
    "igo": "igo",
    "ngo": "ngo",
    "group": "group",
    "party": "group",
    "rebel": "group",
    "militant": "group",
}
POSITIONS = ("head", "modifier", "both")
COUNTRY_COLUMNS = ["code", "iso3", "kind", "name", "aliases", "adjectives", "capitals", "seats"]
GROUP_COLUMNS = ["code", "names", "kind", "country", "sector"]
PEOPLE_COLUMNS = ["name", "aliases", "code", "country", "sector", "role", "start", "end"]
SECTOR_COLUMNS = ["term", "sector", "position"]
SECTOR_RULE_COLUMNS = ["sector", "without_country"]
WORD_COLUMNS = ["set", "word"]
WORD_SETS = (
    "ngo_head",
    "part_noun",
    "people_noun",
    "company_designator",
    "armed_group_head",
    "role_head",
    "organisation_noun",
    "thing_noun",
    "rank_title",
    "public_body_head",
    "foreign_role",
)
OVERRIDE_COLUMNS = ["phrase", "code"]
ETHNIC_COLUMNS = ["code", "names"]

_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201b\u2032`\u00b4\u02bc\u02bb", "'"),  # quotes
        **dict.fromkeys("\u201c\u201d", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014", "-"),  # dashes
        **dict(zip("\u0142\u0141\u00f8\u00d8\u0111\u0110\u0131\u00f0\u00a0", "lLoOdDid ")),
        "\u00df": "ss",
        "\u00e6": "ae",
        "\u00c6": "AE",
        "\u0153": "oe",
        "\u0152": "OE",
        "\u00fe": "th",
    }
)
_POSSESSIVE = re.compile(r"(?<=\S)'s\b|(?<=s)'(?=\s|$)", re.IGNORECASE)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c))


def _prepare(phrase: str) -> str:
    """Quotes and diacritics folded, leading "the" and possessive "'s" dropped; case kept."""
    s = " ".join(_fold(phrase).split())
    s = _THE.sub("", s)
    return _POSSESSIVE.sub("", s).strip()


def _key(prepared: str) -> str:
    s = prepared.replace(".", "").replace("-", " ").replace("/", " ")
    return " ".join(s.casefold().split())


def normalize(phrase: str) -> str:
    """Lookup key of a phrase: "the U.S.'s" -> "us", "Côte d’Ivoire" -> "cote d'ivoire"."""
    return _key(_prepare(phrase))


def _cased_key(prepared: str) -> str:
    s = prepared.replace(".", "").replace("-", " ").replace("/", " ")
    return " ".join(s.split())


def _all_caps(prepared: str) -> bool:
    letters = [c for c in prepared if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Entry:
    code: str  # full actor code: RUS, RUSGOV, IGOUNO, WST, USAMIL
    country: str | None  # CAMEO country/region code, None for IGOs/NGOs
    sector: str | None
    kind: str  # country|adjective|capital|seat|region|igo|ngo|group|person|override
    name: str  # canonical name
    role: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class _Row:
    layer: int  # 0 packaged, 1.. user directories in order
    path: str
    line: int
    data: dict[str, str]


class ActorLexicon:
    """Normalised phrase -> actor entry, people by date, and sector terms."""

    def __init__(
        self,
        phrases: dict[str, Entry],
        acronyms: dict[str, Entry],
        exact: dict[str, Entry],
        people: dict[str, list[Entry]],
        sectors: dict[str, tuple[str, str]],
        max_words: int,
        ethnic: dict[str, str] | None = None,
        no_unknown_country: frozenset[str] = frozenset(),
        non_political: frozenset[str] = frozenset(),
        words: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self._phrases = phrases
        self._acronyms = acronyms
        self._exact = exact
        self._people = people
        self._sectors = sectors
        self.max_words = max_words
        self._ethnic = ethnic or {}
        # sectors that are not coded at all when no country is known (see sector_rules.tsv)
        self.no_unknown_country = no_unknown_country
        # sectors whose actors alone make no political event (sector_rules.tsv)
        self.non_political = non_political
        # word lists the resolver consults (words.tsv): ngo_head, part_noun, people_noun
        self.words = {k: frozenset() for k in WORD_SETS} | (words or {})
        self._lookup_cache: dict[str, Entry | None] = {}
        self._sector_cache: dict[str, tuple[str, str] | None] = {}
        self._fuzzy_index: dict[str, set[str]] | None = None
        self._squashed_people: dict[str, set[str]] | None = None

    def lookup(self, phrase: str) -> Entry | None:
        """The actor a phrase names: country, adjective, capital, seat, region, group, override,
        or a person's full name. Case-insensitive except for acronyms and "="-names (see the
        module doc)."""
        return _memo(self._lookup_cache, phrase, self._lookup)

    def _lookup(self, phrase: str) -> Entry | None:
        prepared = _prepare(phrase)
        key = _key(prepared)
        if not key:
            return None
        if _all_caps(prepared):
            hit = self._acronyms.get(key)
            if hit is not None:
                return hit
        hit = self._exact.get(_cased_key(prepared))
        return hit if hit is not None else self._phrases.get(key)

    def ethnic(self, word: str) -> str | None:
        """The CAMEO ethnic-group code a word names ("Albanians" -> "alb"), if any."""
        return self._ethnic.get(normalize(word))

    def fuzzy(self, word: str) -> Entry | None:
        """A country, demonym or capital one typing slip away from ``word`` ("Ethopia",
        "Quatar", "Phillippines"), when exactly one such name is that close. Only for
        capitalised single words of six letters or more that name nothing exactly."""
        key = normalize(word)
        if len(key) < 6 or " " in key or not word[:1].isupper() or not key.isalpha():
            return None
        if self._fuzzy_index is None:
            index: dict[str, set[str]] = {}
            for k, e in self._phrases.items():
                if e.kind in ("country", "adjective", "capital") and len(k) >= 6 and k.isalpha():
                    for d in _deletions(k):
                        index.setdefault(d, set()).add(k)
            self._fuzzy_index = index
        cands: set[str] = set()
        for d in _deletions(key):
            cands |= self._fuzzy_index.get(d, set())
        hits = {self._phrases[c].code for c in cands if c != key and _one_slip(key, c)}
        if len(hits) != 1:
            return None
        code = hits.pop()
        return next(self._phrases[c] for c in cands if self._phrases[c].code == code)

    def person(self, name: str, on: dt.date | None = None) -> Entry | None:
        """The office a person (full name or alias) held on ``on``.

        Without a date, or when no office covers it, the nearest office in time (latest first);
        more than a year away from it, the person is one of the country's elites (``USAELI``).
        An alias shared by several people ("Bush") is resolved by the same rule.
        """
        offices = self._people.get(normalize(name))
        if not offices:
            parts = name.split()
            if len(parts) > 1 and parts[0].rstrip(".").lower() in ("mr", "mrs", "ms", "dr"):
                offices = self._people.get(normalize(" ".join(parts[1:])))
        if not offices and len(normalize(name)) >= 6:
            # "Mitterand" for "Mitterrand": doubled letters are the commonest slip in names
            if self._squashed_people is None:
                sq: dict[str, set[str]] = {}
                for k in self._people:
                    sq.setdefault(_squash(k), set()).add(k)
                self._squashed_people = sq
            keys = self._squashed_people.get(_squash(normalize(name)), set())
            if len(keys) == 1:
                offices = self._people[next(iter(keys))]
        if not offices:
            return None
        if on is None:
            return max(offices, key=_recency)
        if isinstance(on, dt.datetime):
            on = on.date()
        best = min(offices, key=lambda e: (_distance(e, on), _neg_recency(e)))
        if best.country and _distance(best, on) > FORMER_DAYS:
            # out of office by more than a year ("former President Carter" in 1987): one of
            # the country's elites, as CAMEO codes former officials, not its government
            return dataclasses.replace(best, code=best.country + "ELI", sector="ELI")
        return best

    def people_named(self, name: str) -> list[Entry]:
        """Every office row of the people a name or alias refers to."""
        return list(self._people.get(normalize(name), ()))

    def sector_of(self, term: str) -> tuple[str, str] | None:
        """(sector, position) for a role word or phrase ("officials" -> ("GOV", "head"))."""
        return _memo(self._sector_cache, term, self._sector_of)

    def _sector_of(self, term: str) -> tuple[str, str] | None:
        key = " ".join(_fold(term).casefold().replace("-", " ").split())
        hit = self._sectors.get(key)
        if hit is None and key.endswith("s"):
            plural_es = key[:-2] if key.endswith("es") else ""  # "witnesses", not "shops"
            for cand in (key[:-3] + "y" if key.endswith("ies") else "", plural_es, key[:-1]):
                if cand and cand in self._sectors:
                    return self._sectors[cand]
        return hit

    @property
    def phrases(self) -> dict[str, Entry]:
        """All case-insensitive phrases (normalised) and their entries."""
        return dict(self._phrases)


_MEMO_LIMIT = 200_000  # entries per cache: a long run's distinct phrases stay bounded


def _memo(cache: dict, key: str, compute: Callable[[str], Any]) -> Any:
    try:
        return cache[key]
    except KeyError:
        value = compute(key)
        if len(cache) < _MEMO_LIMIT:
            cache[key] = value
        return value


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_slip(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of at most one (one letter added, dropped, changed or two
    neighbours swapped)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) <= 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_DOUBLE = re.compile(r"([a-z])\1+")


def _squash(key: str) -> str:
    return _DOUBLE.sub(r"\1", key)


def _date(raw: str) -> dt.date:
    return dt.date.fromisoformat(raw)


def _recency(e: Entry) -> tuple[str, str]:
    return (e.start or "", e.end or "9999-99-99")


def _neg_recency(e: Entry) -> tuple[int, int]:
    s = _date(e.start).toordinal() if e.start else 0
    end = _date(e.end).toordinal() if e.end else 10**7
    return (-s, -end)


FORMER_DAYS = 365  # a person this long out of (or not yet in) office holds none


def _distance(e: Entry, on: dt.date) -> int:
    start = _date(e.start) if e.start else dt.date.min
    end = _date(e.end) if e.end else dt.date.max
    if on < start:
        return (start - on).days
    if on > end:
        return (on - end).days
    return 0


# -- loading -----------------------------------------------------------------------------------
class _Codes:
    """Checks actor codes against the ontology."""

    def __init__(self, onto: Ontology) -> None:
        self.onto = onto
        self.generic = {
            c for c, t in onto.actor_types.items() if t.category == "international_generic"
        }
        self.parts = set(onto.sectors) | set(onto.known_groups) | set(onto.countries)

    def check(
        self, code: str, country: str | None, sector: str | None, where: tuple[str, int]
    ) -> None:
        path, line = where
        if not re.fullmatch(r"(?:[A-Z]{3})+", code):
            raise DataError(f"bad actor code {code!r} (groups of 3 capital letters)", path, line)
        chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
        if chunks[0] not in self.onto.countries and chunks[0] not in self.generic:
            raise DataError(
                f"{code}: {chunks[0]!r} is not a CAMEO country, region or international actor type",
                path,
                line,
            )
        for c in chunks[1:]:
            if c not in self.parts:
                raise DataError(
                    f"{code}: {c!r} is not a CAMEO actor type, known group or country code",
                    path,
                    line,
                )
        if country is not None:
            if country not in self.onto.countries:
                raise DataError(f"unknown country code {country!r}", path, line)
            if chunks[0] != country:
                raise DataError(
                    f"code {code!r} does not begin with its country {country!r}", path, line
                )
        if sector is not None:
            if sector not in self.onto.sectors:
                raise DataError(f"unknown sector (actor type) {sector!r}", path, line)
            if sector not in chunks:
                raise DataError(f"code {code!r} does not contain its sector {sector!r}", path, line)

    def split(self, code: str) -> tuple[str | None, str | None]:
        """(country, sector) of a code: RUSMIL -> (RUS, MIL); IGOUNO -> (None, IGO)."""
        head, rest = code[:3], code[3:6]
        if head in self.onto.countries:
            return head, (rest if rest in self.onto.sectors else None)
        return None, head


def _rows(
    dirs: Sequence[Path],
    name: str,
    columns: list[str],
    key_of: Callable[[dict[str, str]], Hashable],
) -> list[_Row]:
    """Rows of ``name`` from every directory; later layers replace rows with the same key."""
    merged: dict[Hashable, _Row] = {}
    for layer, d in enumerate(dirs):
        path = d / name
        if not path.exists():
            continue
        seen: dict[Hashable, int] = {}
        for line, data in read_tsv(path, columns):
            key = key_of(data)
            if not (key[0] if isinstance(key, tuple) else key):
                raise DataError(f"empty {columns[0]}", path, line)
            if key in seen:
                raise DataError(f"duplicate row {key!r} (first at line {seen[key]})", path, line)
            seen[key] = line
            merged.pop(key, None)
            merged[key] = _Row(layer, str(path), line, data)
    return sorted(merged.values(), key=lambda r: r.layer)


class _Index:
    """Builds phrase -> entry maps; two rows of one file may not give a phrase different codes."""

    def __init__(self) -> None:
        self.phrases: dict[str, tuple[Entry, str, int]] = {}
        self.acronyms: dict[str, tuple[Entry, str, int]] = {}
        self.exact: dict[str, tuple[Entry, str, int]] = {}
        self.max_words = 1

    def add(self, phrase: str, entry: Entry, row: _Row) -> None:
        exact = phrase.startswith("=")
        phrase = phrase[1:] if exact else phrase
        prepared = _prepare(phrase)
        key = _cased_key(prepared) if exact else _key(prepared)
        if not key:
            return
        if exact:
            table = self.exact
        else:
            table = self.acronyms if _all_caps(prepared) else self.phrases
        old = table.get(key)
        if old is not None and old[1] == row.path and old[0].code != entry.code:
            raise DataError(
                f"{phrase!r} already names {old[0].code} (line {old[2]}), not {entry.code}",
                row.path,
                row.line,
            )
        table[key] = (entry, row.path, row.line)
        self.max_words = max(self.max_words, len(phrase.replace("-", " - ").split()))


def _check_date(raw: str, what: str, row: _Row) -> str | None:
    if not raw:
        return None
    if not _DATE.match(raw):
        raise DataError(f"{what} {raw!r} must be YYYY-MM-DD", row.path, row.line)
    try:
        _date(raw)
    except ValueError:
        raise DataError(f"{what} {raw!r} is not a valid date", row.path, row.line) from None
    return raw


def _build(dirs: Sequence[Path], onto: Ontology) -> ActorLexicon:
    codes = _Codes(onto)
    idx = _Index()

    # countries, regions: names, aliases, adjectives, capitals, seats
    for row in _rows(dirs, "countries.tsv", COUNTRY_COLUMNS, lambda d: d["code"]):
        r, where = row.data, (row.path, row.line)
        code = r["code"]
        c = onto.country(code)
        if c is None:
            raise DataError(f"unknown CAMEO country code {code!r}", *where)
        if r["kind"] != c.kind:
            raise DataError(f"{code}: kind {r['kind']!r}, the ontology says {c.kind!r}", *where)
        if r["iso3"] and r["iso3"] != c.iso3:
            raise DataError(f"{code}: iso3 {r['iso3']!r}, the ontology says {c.iso3!r}", *where)
        if not r["name"]:
            raise DataError(f"{code}: empty name", *where)
        kind = "country" if c.kind == "country" else "region"
        name = r["name"].lstrip("=")
        for phrase in [r["name"], *split_list(r["aliases"])]:
            idx.add(phrase, Entry(code, code, None, kind, name), row)
        for phrase in split_list(r["adjectives"]):
            idx.add(phrase, Entry(code, code, None, "adjective", name), row)
        for col in ("capitals", "seats"):
            for phrase in split_list(r[col]):
                idx.add(phrase, Entry(code + "GOV", code, "GOV", col[:-1], name), row)

    # groups
    for row in _rows(
        dirs,
        "groups.tsv",
        GROUP_COLUMNS,
        lambda d: normalize(split_list(d["names"])[0].lstrip("=")) if d["names"] else "",
    ):
        r, where = row.data, (row.path, row.line)
        if r["kind"] not in GROUP_KINDS:
            raise DataError(f"kind must be one of {sorted(GROUP_KINDS)}, not {r['kind']!r}", *where)
        country = r["country"] or None
        sector = r["sector"] or None
        if sector is None:
            raise DataError("empty sector", *where)
        codes.check(r["code"], country, sector, where)
        names = split_list(r["names"])
        e = Entry(r["code"], country, sector, GROUP_KINDS[r["kind"]], names[0].lstrip("="))
        for phrase in names:
            idx.add(phrase, e, row)

    # people
    people: dict[str, list[Entry]] = {}
    full_names: list[tuple[str, _Row]] = []
    for row in _rows(
        dirs, "people.tsv", PEOPLE_COLUMNS, lambda d: (normalize(d["name"]), d["start"])
    ):
        r, where = row.data, (row.path, row.line)
        country = r["country"] or None
        sector = r["sector"] or None
        codes.check(r["code"], country, sector, where)
        if not r["role"]:
            raise DataError("empty role", *where)
        start = _check_date(r["start"], "start", row)
        end = _check_date(r["end"], "end", row)
        if start is None:
            raise DataError("empty start date", *where)
        if end is not None and end < start:
            raise DataError(f"end {end} is before start {start}", *where)
        e = Entry(r["code"], country, sector, "person", r["name"], r["role"], start, end)
        for phrase in {normalize(p) for p in [r["name"], *split_list(r["aliases"])]}:
            if phrase:
                people.setdefault(phrase, []).append(e)
        full_names.append((r["name"], row))
    for name, row in full_names:
        latest = max(people[normalize(name)], key=_recency)
        if latest.name == name:
            idx.add(name, latest, row)

    # sector terms
    sectors: dict[str, tuple[str, str]] = {}
    for row in _rows(
        dirs,
        "sectors.tsv",
        SECTOR_COLUMNS,
        lambda d: " ".join(d["term"].casefold().replace("-", " ").split()),
    ):
        r = row.data
        if r["sector"] not in onto.sectors:
            raise DataError(f"unknown sector (actor type) {r['sector']!r}", row.path, row.line)
        if r["position"] not in POSITIONS:
            raise DataError(
                f"position must be one of {POSITIONS}, not {r['position']!r}", row.path, row.line
            )
        term = " ".join(_fold(r["term"]).casefold().replace("-", " ").split())
        sectors[term] = (r["sector"], r["position"])

    # overrides
    for row in _rows(dirs, "overrides.tsv", OVERRIDE_COLUMNS, lambda d: normalize(d["phrase"])):
        r = row.data
        country, sector = codes.split(r["code"])
        codes.check(r["code"], country, None, (row.path, row.line))
        idx.add(r["phrase"], Entry(r["code"], country, sector, "override", r["phrase"]), row)

    # ethnic groups
    ethnic: dict[str, str] = {}
    for row in _rows(dirs, "ethnic_groups.tsv", ETHNIC_COLUMNS, lambda d: d["code"]):
        r = row.data
        if not re.fullmatch(r"[a-z]{3}", r["code"]):
            raise DataError(
                f"ethnic code must be three lower-case letters, not {r['code']!r}",
                row.path,
                row.line,
            )
        names = split_list(r["names"])
        if not names:
            raise DataError(f"{r['code']}: no names", row.path, row.line)
        for n in names:
            ethnic[normalize(n)] = r["code"]

    # sectors never coded without a country
    no_unknown: set[str] = set()
    non_political: set[str] = set()
    for row in _rows(dirs, "sector_rules.tsv", SECTOR_RULE_COLUMNS, lambda d: d["sector"]):
        r = row.data
        if r["sector"] not in onto.sectors:
            raise DataError(f"unknown sector (actor type) {r['sector']!r}", row.path, row.line)
        if r["without_country"] not in ("yes", "no"):
            raise DataError(
                f"without_country must be yes or no, not {r['without_country']!r}",
                row.path,
                row.line,
            )
        if r["without_country"] == "no":
            no_unknown.add(r["sector"])
        political = r.get("political") or "yes"
        if political not in ("yes", "no"):
            raise DataError(f"political must be yes or no, not {political!r}", row.path, row.line)
        if political == "no":
            non_political.add(r["sector"])

    # word lists the resolver consults
    words: dict[str, set[str]] = {k: set() for k in WORD_SETS}
    for row in _rows(dirs, "words.tsv", WORD_COLUMNS, lambda d: (d["set"], d["word"].lower())):
        r = row.data
        if r["set"] not in words:
            raise DataError(
                f"unknown word set {r['set']!r} ({', '.join(WORD_SETS)})", row.path, row.line
            )
        words[r["set"]].add(r["word"].strip().lower())

    return ActorLexicon(
        phrases={k: v[0] for k, v in idx.phrases.items()},
        acronyms={k: v[0] for k, v in idx.acronyms.items()},
        exact={k: v[0] for k, v in idx.exact.items()},
        people=people,
        sectors=sectors,
        max_words=idx.max_words,
        ethnic=ethnic,
        no_unknown_country=frozenset(no_unknown),
        non_political=frozenset(non_political),
        words={k: frozenset(v) for k, v in words.items()},
    )


def _env_dirs() -> list[str]:
    return [d for d in os.environ.get(ENV, "").split(os.pathsep) if d]


def load_lexicon(extra_dirs: Sequence[str | os.PathLike[str]] = ()) -> ActorLexicon:
    """The packaged dictionaries plus user files from ``EVENTWIRE_ACTORS`` and ``extra_dirs``
    (later directories win). Cached per set of directories."""
    dirs = tuple(str(Path(d)) for d in (*_env_dirs(), *extra_dirs))
    return _load(dirs)


def build_lexicon(
    dirs: Iterable[str | os.PathLike[str]], onto: Ontology | None = None
) -> ActorLexicon:
    """Uncached: exactly the given directories, in order (no packaged data unless listed)."""
    return _build([Path(d) for d in dirs], onto or get_ontology())


@functools.lru_cache(maxsize=8)
def _load(dirs: tuple[str, ...]) -> ActorLexicon:
    return _build([DATA, *(Path(d) for d in dirs)], get_ontology())
