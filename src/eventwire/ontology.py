"""CAMEO/PLOVER ontology: event codes, actor types, known groups, countries, PLOVER types.

The facts live in ``data/ontology/*.tsv`` (see the comment lines at the top of each file) and are
loaded once, validated, by :func:`get_ontology`. A bad row raises :class:`DataError` naming the
file and line.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.data_files import DataError, read_tsv, split_list

DATA = Path(__file__).resolve().parent / "data" / "ontology"
COUNTRY_KINDS = ("country", "region", "substate")
# GDELT's rule: QuadClass by root code
GDELT_QUAD = {
    **{f"{r:02d}": 1 for r in range(1, 6)},
    **{f"{r:02d}": 2 for r in range(6, 10)},
    **{f"{r:02d}": 3 for r in range(10, 15)},
    **{f"{r:02d}": 4 for r in range(15, 21)},
}
_EVENT_CODE = re.compile(r"^\d{2,4}$")
_ALPHA3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class EventCode:
    code: str  # "190"
    label: str  # eventwire's short label
    goldstein: float
    quad_class: int  # GDELT rule: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material
    quad_class_phoenix: int  # Phoenix/PETRARCH convention (0-4)
    root: str  # "19"
    parent: str | None  # "19" for "190"; None for a root
    plover: str | None  # PLOVER event type, None where PLOVER drops the code (01x, 02x)
    plover_mode: str | None = None
    plover_context: str | None = None  # ";"-joined when several
    level: int = 1  # 1 root, 2 three-digit, 3 four-digit
    goldstein_phoenix: float | None = None


@dataclass(frozen=True)
class Country:
    code: str  # CAMEO code: ROM, USA, WST, GZS
    iso3: str | None  # ISO 3166-1 alpha-3 (ROU for ROM), None for regions
    name: str
    kind: str  # country | region | substate
    historical: bool = False  # USR, YUG, CSK, ...
    same_as: str | None = None  # ROU -> ROM: the code eventwire writes for this entity


@dataclass(frozen=True)
class ActorType:
    code: str  # GOV, MIL, ...
    label: str
    category: str
    in_gdelt: bool
    plover: bool  # also a PLOVER sector code


@dataclass(frozen=True)
class KnownGroup:
    code: str  # UNO
    name: str
    full_code: str | None  # IGOUNO; None when the manual gives none
    prefix: str | None  # IGO | NGO


@dataclass(frozen=True)
class PloverType:
    name: str  # ASSAULT
    quad_class: int | None
    requires_recipient: bool
    modes: tuple[str, ...]
    score: float | None
    status: str  # current | legacy
    replaced_by: str | None
    summary: str


class Ontology:
    """All ontology tables, with lookups. Build it with :func:`get_ontology`."""

    def __init__(
        self,
        events: dict[str, EventCode],
        countries: dict[str, Country],
        actor_types: dict[str, ActorType],
        known_groups: dict[str, KnownGroup],
        plover_types: dict[str, PloverType],
        plover_modes: dict[tuple[str, str], float | None],
    ) -> None:
        self.events = events
        self.countries = countries
        self.actor_types = actor_types
        self.known_groups = known_groups
        self.plover_types = plover_types
        self.plover_modes = plover_modes
        self.sectors: frozenset[str] = frozenset(actor_types)
        self._iso_to_cameo: dict[str, str] = {}
        for c in countries.values():
            if c.iso3 and not c.same_as and not c.historical:
                self._iso_to_cameo.setdefault(c.iso3, c.code)
        self._children: dict[str, list[str]] = {}
        for e in events.values():
            if e.parent:
                self._children.setdefault(e.parent, []).append(e.code)

    # -- events ------------------------------------------------------------------------------
    def event(self, code: str) -> EventCode:
        """The event code's facts; ``KeyError`` for an unknown code."""
        try:
            return self.events[code]
        except KeyError:
            raise KeyError(f"{code!r} is not a CAMEO event code") from None

    def is_event_code(self, code: str) -> bool:
        return code in self.events

    def children(self, code: str) -> list[str]:
        """Direct sub-codes ("19" -> ["190", "191", ...])."""
        return list(self._children.get(code, ()))

    @property
    def roots(self) -> list[str]:
        return [c for c, e in self.events.items() if e.level == 1]

    def plover(self, code: str) -> str | None:
        return self.event(code).plover

    # -- actors ------------------------------------------------------------------------------
    def country(self, code: str) -> Country | None:
        return self.countries.get(code)

    def is_country(self, code: str) -> bool:
        return code in self.countries

    def is_sector(self, code: str) -> bool:
        return code in self.sectors

    def known_group(self, code: str) -> KnownGroup | None:
        return self.known_groups.get(code)

    def cameo_to_iso3(self, code: str | None) -> str | None:
        """ISO 3166-1 alpha-3 of a CAMEO country code (ROM -> ROU); None for regions/unknown."""
        c = self.countries.get(code or "")
        return c.iso3 if c else None

    def iso3_to_cameo(self, iso3: str | None) -> str | None:
        """CAMEO code of an ISO alpha-3 code (ROU -> ROM, TLS -> TMP); None if CAMEO has none."""
        return self._iso_to_cameo.get((iso3 or "").upper())

    def canonical_country(self, code: str) -> str:
        """The code eventwire writes for an entity (ROU -> ROM, SUN -> USR); else ``code``."""
        c = self.countries.get(code)
        return c.same_as if c and c.same_as else code


# -- loading -----------------------------------------------------------------------------------
def _float(raw: str, what: str, path: Path, line: int, *, blank: bool = False) -> float | None:
    if blank and not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        raise DataError(f"{what} {raw!r} is not a number", path, line) from None


def _int(raw: str, what: str, path: Path, line: int, allowed: range) -> int:
    if not raw.isdigit() or int(raw) not in allowed:
        raise DataError(
            f"{what} {raw!r} must be an integer in {allowed.start}-{allowed.stop - 1}", path, line
        )
    return int(raw)


def _yn(raw: str, what: str, path: Path, line: int) -> bool:
    if raw not in ("Y", "N"):
        raise DataError(f"{what} must be Y or N, not {raw!r}", path, line)
    return raw == "Y"


def _dup(key: object, seen: dict, path: Path, line: int) -> None:  # type: ignore[type-arg]
    if key in seen:
        raise DataError(f"duplicate key {key!r}", path, line)


def _load_plover(d: Path) -> tuple[dict[str, PloverType], dict[tuple[str, str], float | None]]:
    path = d / "plover_types.tsv"
    cols = [
        "event_type",
        "quad_class",
        "requires_recipient",
        "modes",
        "score",
        "status",
        "replaced_by",
        "summary",
    ]
    types: dict[str, PloverType] = {}
    for n, r in read_tsv(path, cols):
        name = r["event_type"]
        if not re.fullmatch(r"[A-Z]+", name):
            raise DataError(f"bad PLOVER event type {name!r}", path, n)
        _dup(name, types, path, n)
        if r["status"] not in ("current", "legacy"):
            raise DataError(f"status must be current or legacy, not {r['status']!r}", path, n)
        types[name] = PloverType(
            name=name,
            quad_class=_int(r["quad_class"], "quad_class", path, n, range(1, 5))
            if r["quad_class"]
            else None,
            requires_recipient=r["requires_recipient"] == "Y",
            modes=tuple(split_list(r["modes"])),
            score=_float(r["score"], "score", path, n, blank=True),
            status=r["status"],
            replaced_by=r["replaced_by"] or None,
            summary=r["summary"],
        )
        if r["status"] == "current" and types[name].quad_class is None:
            raise DataError(f"current type {name} needs a quad_class", path, n)
    modes: dict[tuple[str, str], float | None] = {}
    path = d / "plover_modes.tsv"
    for n, r in read_tsv(path, ["event_type", "mode", "score"]):
        if r["event_type"] not in types:
            raise DataError(f"unknown PLOVER event type {r['event_type']!r}", path, n)
        key = (r["event_type"], r["mode"])
        _dup(key, modes, path, n)
        modes[key] = _float(r["score"], "score", path, n, blank=True)
    return types, modes


def _load_events(d: Path, plover: dict[str, PloverType]) -> dict[str, EventCode]:
    path = d / "event_codes.tsv"
    cols = [
        "code",
        "label",
        "goldstein",
        "quad_class",
        "quad_class_phoenix",
        "root",
        "parent",
        "level",
        "plover_type",
        "plover_mode",
    ]
    events: dict[str, EventCode] = {}
    lines: dict[str, int] = {}
    for n, r in read_tsv(path, cols):
        code = r["code"]
        if not _EVENT_CODE.match(code):
            raise DataError(f"bad event code {code!r} (2-4 digits)", path, n)
        _dup(code, events, path, n)
        if not r["label"]:
            raise DataError(f"{code}: empty label", path, n)
        level = _int(r["level"], "level", path, n, range(1, 4))
        if level != len(code) - 1:
            raise DataError(f"{code}: level {level} does not fit a {len(code)}-digit code", path, n)
        root = r["root"]
        if root != code[:2] or root not in GDELT_QUAD:
            raise DataError(f"{code}: unknown or wrong root {root!r}", path, n)
        parent = r["parent"] or None
        want_parent = None if level == 1 else code[:2] if level == 2 else code[:3]
        if parent != want_parent:
            raise DataError(f"{code}: parent must be {want_parent!r}, not {parent!r}", path, n)
        gold = _float(r["goldstein"], "goldstein", path, n)
        assert gold is not None
        if not -10.0 <= gold <= 10.0:
            raise DataError(f"{code}: goldstein {gold} outside -10..10", path, n)
        quad = _int(r["quad_class"], "quad_class", path, n, range(1, 5))
        if quad != GDELT_QUAD[root]:
            raise DataError(
                f"{code}: quad_class {quad} breaks the GDELT rule (root {root} -> "
                f"{GDELT_QUAD[root]})",
                path,
                n,
            )
        pl = r["plover_type"] or None
        if pl is not None and (pl not in plover or plover[pl].status != "current"):
            raise DataError(f"{code}: unknown PLOVER event type {pl!r}", path, n)
        events[code] = EventCode(
            code=code,
            label=r["label"],
            goldstein=gold,
            quad_class=quad,
            quad_class_phoenix=_int(
                r["quad_class_phoenix"], "quad_class_phoenix", path, n, range(5)
            ),
            root=root,
            parent=parent,
            plover=pl,
            plover_mode=r["plover_mode"] or None,
            plover_context=r.get("plover_context") or None,
            level=level,
            goldstein_phoenix=_float(
                r.get("goldstein_phoenix", ""), "goldstein_phoenix", path, n, blank=True
            ),
        )
        lines[code] = n
    for code, e in events.items():
        if e.parent is not None and e.parent not in events:
            raise DataError(f"{code}: parent {e.parent!r} missing", path, lines[code])
        if e.root not in events:
            raise DataError(f"{code}: root {e.root!r} missing", path, lines[code])
    return events


def _load_countries(d: Path) -> dict[str, Country]:
    path = d / "countries.tsv"
    out: dict[str, Country] = {}
    lines: dict[str, int] = {}
    for n, r in read_tsv(path, ["code", "iso3", "name", "kind", "historical", "same_as"]):
        code = r["code"]
        if not _ALPHA3.match(code):
            raise DataError(f"bad country code {code!r} (3 capital letters)", path, n)
        _dup(code, out, path, n)
        if r["kind"] not in COUNTRY_KINDS:
            raise DataError(f"kind must be one of {COUNTRY_KINDS}, not {r['kind']!r}", path, n)
        if r["iso3"] and not _ALPHA3.match(r["iso3"]):
            raise DataError(f"bad iso3 {r['iso3']!r}", path, n)
        if not r["name"]:
            raise DataError(f"{code}: empty name", path, n)
        out[code] = Country(
            code=code,
            iso3=r["iso3"] or None,
            name=r["name"],
            kind=r["kind"],
            historical=_yn(r["historical"], "historical", path, n),
            same_as=r["same_as"] or None,
        )
        lines[code] = n
    for code, c in out.items():
        if c.same_as and c.same_as not in out:
            raise DataError(f"{code}: same_as {c.same_as!r} is not a known code", path, lines[code])
    return out


def _load_actor_types(d: Path) -> dict[str, ActorType]:
    path = d / "actor_types.tsv"
    out: dict[str, ActorType] = {}
    for n, r in read_tsv(path, ["code", "label", "category", "in_gdelt", "plover"]):
        code = r["code"]
        if not _ALPHA3.match(code):
            raise DataError(f"bad actor type code {code!r} (3 capital letters)", path, n)
        _dup(code, out, path, n)
        out[code] = ActorType(
            code=code,
            label=r["label"],
            category=r["category"],
            in_gdelt=_yn(r["in_gdelt"], "in_gdelt", path, n),
            plover=_yn(r["plover"], "plover", path, n),
        )
    return out


def _load_known_groups(d: Path, sectors: dict[str, ActorType]) -> dict[str, KnownGroup]:
    path = d / "known_groups.tsv"
    out: dict[str, KnownGroup] = {}
    for n, r in read_tsv(path, ["code", "name", "full_code", "prefix"]):
        code = r["code"]
        if not _ALPHA3.match(code):
            raise DataError(f"bad group code {code!r} (3 capital letters)", path, n)
        _dup(code, out, path, n)
        full = r["full_code"] or None
        prefix = r["prefix"] or None
        if full is not None:
            if not re.fullmatch(r"(?:[A-Z]{3}){2,3}", full) or not full.endswith(code):
                raise DataError(f"{code}: full_code {full!r} must end with the group code", path, n)
            if prefix is None or not full.startswith(prefix) or prefix not in sectors:
                raise DataError(
                    f"{code}: prefix {prefix!r} must be the actor type that begins {full!r}",
                    path,
                    n,
                )
        out[code] = KnownGroup(code=code, name=r["name"], full_code=full, prefix=prefix)
    return out


def load_ontology(directory: str | os.PathLike[str] | None = None) -> Ontology:
    """Read and validate the ontology tables of ``directory`` (default: the packaged ones)."""
    d = Path(directory) if directory is not None else DATA
    plover, modes = _load_plover(d)
    events = _load_events(d, plover)
    actor_types = _load_actor_types(d)
    return Ontology(
        events=events,
        countries=_load_countries(d),
        actor_types=actor_types,
        known_groups=_load_known_groups(d, actor_types),
        plover_types=plover,
        plover_modes=modes,
    )


@functools.lru_cache(maxsize=1)
def get_ontology() -> Ontology:
    """The packaged ontology, loaded and validated once per process."""
    return load_ontology()


def cameo_to_iso3(code: str | None) -> str | None:
    """ISO alpha-3 for a CAMEO country code (ROM -> ROU), using the packaged ontology."""
    return get_ontology().cameo_to_iso3(code)


def iso3_to_cameo(code: str | None) -> str | None:
    """CAMEO country code for an ISO alpha-3 code (ROU -> ROM), using the packaged ontology."""
    return get_ontology().iso3_to_cameo(code)
