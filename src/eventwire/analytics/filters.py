"""One event filter for the CLI, the HTTP API and the reading API: validated, then SQL.

Every value reaches DuckDB as a bound parameter; only column names chosen here appear in the
SQL text. A bad value raises ``FilterError`` naming the parameter, never a DuckDB error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

MODALITIES = (
    "asserted",
    "intent",
    "planned",
    "negated",
    "denied",
    "hypothetical",
    "threat",
    "demand",
    "obligation",
    "attempt",
)
# What the analyses count as reported happenings (README: scorers and analyses drop these three).
NOT_HAPPENED = ("negated", "denied", "hypothetical")
REAL_MODALITIES = tuple(m for m in MODALITIES if m not in NOT_HAPPENED)

_CODE = re.compile(r"^[A-Za-z0-9-]{1,15}$")  # "---" is an unknown country
_CAMEO = re.compile(r"^[0-9]{1,4}$")
_PLOVER = re.compile(r"^[A-Za-z_]{2,20}$")
_MAX_TEXT = 200


class FilterError(ValueError):
    """A filter value is malformed; ``param`` names the filter."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def _items(value: Any) -> list[str]:
    """'a,b' or ['a', 'b,c'] -> ['a', 'b', 'c'] (blank items dropped)."""
    if value is None:
        return []
    if isinstance(value, str | int):
        value = [value]
    out: list[str] = []
    for v in value:
        out.extend(p.strip() for p in str(v).split(","))
    return [p for p in out if p]


def parse_day(param: str, value: str | date | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise FilterError(param, f"must be a YYYY-MM-DD date, got {str(value)[:40]!r}") from None


def actor_code(param: str, value: str) -> str:
    value = str(value).strip()
    if not _CODE.match(value):
        raise FilterError(
            param,
            f"an actor code is 1-15 letters, digits or - (e.g. RUS, RUSGOV, ---GOV), got {value[:40]!r}",
        )
    return value.upper()


def parse_dyad(value: str | tuple[str, str] | list[str] | None) -> tuple[str, str] | None:
    parts = _items(value)
    if not parts:
        return None
    if len(parts) != 2:
        raise FilterError("dyad", f"give two actor codes as A,B (e.g. RUS,UKR), got {value!r}")
    return actor_code("dyad", parts[0]), actor_code("dyad", parts[1])


@dataclass(frozen=True)
class EventFilter:
    """Which events: every field is optional; lists mean 'any of'.

    ``source``/``target``/``actor`` (either side) and both codes of ``dyad`` (either direction)
    match actor code prefixes (``RUS`` matches ``RUSGOV``); ``code`` matches CAMEO code prefixes;
    ``root`` two-digit roots; ``place`` an ISO alpha-3 place country or a place name; ``q``
    words in the sentence (case-insensitive).
    """

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    code: str | None = None
    root: tuple[str, ...] = ()
    quad: tuple[int, ...] = ()
    plover: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    place: str | None = None
    q: str | None = None
    min_confidence: float = 0.0
    doc_id: str | None = None

    @classmethod
    def parse(cls, **raw: Any) -> EventFilter:
        """Build from loose values (CLI options, query strings); raises FilterError."""
        unknown = set(raw) - {f.name for f in fields(cls)}
        if unknown:
            raise FilterError(min(unknown), "unknown filter")
        kw: dict[str, Any] = {}
        for name in ("source", "target", "actor"):
            if raw.get(name):
                kw[name] = actor_code(name, raw[name])
        kw["dyad"] = parse_dyad(raw.get("dyad"))
        if raw.get("code"):
            code = str(raw["code"]).strip()
            if not _CAMEO.match(code):
                raise FilterError(
                    "code", f"a CAMEO code is 1-4 digits (e.g. 04, 190), got {code!r}"
                )
            kw["code"] = code
        roots = []
        for r in _items(raw.get("root")):
            if not (r.isdigit() and 1 <= int(r) <= 20):
                raise FilterError("root", f"a CAMEO root is 01-20, got {r[:20]!r}")
            roots.append(f"{int(r):02d}")
        kw["root"] = tuple(roots)
        quads = []
        for qv in _items(raw.get("quad")):
            if not (qv.isdigit() and 1 <= int(qv) <= 4):
                raise FilterError("quad", f"quad class is 1-4, got {qv[:20]!r}")
            quads.append(int(qv))
        kw["quad"] = tuple(quads)
        plovers = []
        for p in _items(raw.get("plover")):
            if not _PLOVER.match(p):
                raise FilterError("plover", f"a PLOVER type is a word like ASSAULT, got {p[:30]!r}")
            plovers.append(p.upper())
        kw["plover"] = tuple(plovers)
        mods = []
        for m in _items(raw.get("modality")):
            m = m.lower()
            if m == "real":
                mods.extend(REAL_MODALITIES)
            elif m in MODALITIES:
                mods.append(m)
            else:
                raise FilterError(
                    "modality", f"use one of {', '.join(MODALITIES)} or 'real', got {m[:30]!r}"
                )
        kw["modality"] = tuple(dict.fromkeys(mods))
        kw["since"] = parse_day("since", raw.get("since"))
        kw["until"] = parse_day("until", raw.get("until"))
        if kw["since"] and kw["until"] and kw["since"] > kw["until"]:
            raise FilterError("since", "is after until")
        for name in ("place", "q", "doc_id"):
            v = raw.get(name)
            if v is not None and str(v).strip():
                v = str(v).strip()
                if len(v) > _MAX_TEXT or "\x00" in v:
                    raise FilterError(name, f"at most {_MAX_TEXT} characters, no NUL")
                kw[name] = v
        mc = raw.get("min_confidence")
        if mc not in (None, ""):
            try:
                mcf = float(mc)
            except (TypeError, ValueError):
                raise FilterError("min_confidence", f"must be a number, got {mc!r}") from None
            if not 0.0 <= mcf <= 1.0:
                raise FilterError("min_confidence", f"must be between 0 and 1, got {mc!r}")
            kw["min_confidence"] = mcf
        return cls(**kw)

    def sql(self) -> tuple[str, list[Any]]:
        """``(where_clause, params)`` over the ``events`` columns (``TRUE`` when empty); the
        rollup (``rollup.py``) has the columns its filters use under the same names."""
        where: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            where.append(clause)
            params.extend(values)

        src, tgt = "starts_with(source_code, ?)", "starts_with(target_code, ?)"
        if self.source:
            add(src, self.source)
        if self.target:
            add(tgt, self.target)
        if self.actor:
            add(f"({src} OR {tgt})", self.actor, self.actor)
        if self.dyad:
            a, b = self.dyad
            add(f"(({src} AND {tgt}) OR ({src} AND {tgt}))", a, b, b, a)
        if self.code:
            add("starts_with(cameo, ?)", self.code)
        for column, values in (
            ("root", self.root),
            ("quad_class", self.quad),
            ("plover", self.plover),
            ("modality", self.modality),
        ):
            if values:
                add(f"{column} IN ({', '.join('?' * len(values))})", *values)
        if self.since:
            add('"date" >= ?', self.since)
        if self.until:
            add('"date" <= ?', self.until)
        if self.place:
            add(
                "(location_country = ? OR lower(location_name) = lower(?))",
                self.place.upper(),
                self.place,
            )
        if self.q:
            add("contains(lower(sentence), lower(?))", self.q)
        if self.min_confidence:
            add("confidence >= ?", self.min_confidence)
        if self.doc_id:
            add("doc_id = ?", self.doc_id)
        return (" AND ".join(where) or "TRUE"), params
