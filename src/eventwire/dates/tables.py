"""The data tables of the dates stage, read once and checked on load.

Every table is a TSV file in ``eventwire/data/dates/`` with one header row; a malformed row is a
``DateTableError`` naming the file and the line. ``words.json`` (the word lists the finder uses)
is checked for its keys the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from functools import cache
from importlib import resources
from typing import Any


class DateTableError(ValueError):
    """A dates data file that cannot be used: the message names the file and the line."""


def _path(name: str) -> Any:
    return resources.files("eventwire").joinpath("data", "dates", name)


def read_tsv(
    name: str, columns: tuple[str, ...], text: str | None = None
) -> list[tuple[int, dict[str, str]]]:
    """``(line number, row)`` for each data row of a TSV table whose header is ``columns``
    (``text``: the table's content instead of the bundled file, as tests give it)."""
    if text is None:
        try:
            text = _path(name).read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError) as e:
            raise DateTableError(
                f"{name}: cannot read the table ({e.__class__.__name__})"
            ) from None
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise DateTableError(f"{name}:1: header must be {' TAB '.join(columns)}")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(columns) or not all(c.strip() for c in cells[:2]):
            raise DateTableError(f"{name}:{n}: expected {len(columns)} tab-separated cells")
        rows.append((n, dict(zip(columns, (c.strip() for c in cells), strict=True))))
    return rows


def _check(name: str, n: int, ok: bool, what: str) -> None:
    if not ok:
        raise DateTableError(f"{name}:{n}: {what}")


@cache
def words() -> dict[str, Any]:
    """``words.json``: weekday, month, day-offset, preposition lists (the finder's vocabulary)."""
    path = _path("words.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise DateTableError(f"words.json:{e.lineno}: {e.msg}") from None
    need = [
        "weekdays",
        "weekday_abbreviations",
        "months",
        "month_abbreviations",
        "day_offsets",
        "times_of_day",
        "period_modifiers",
        "weekday_modifiers",
        "month_modifiers",
        "numbers",
        "prepositions",
        "dateline_days",
    ]
    missing = [k for k in need if k not in data]
    if missing:
        raise DateTableError(f"words.json:1: missing keys {', '.join(missing)}")
    return data


@cache
def month_names() -> frozenset[str]:
    """Month names and their abbreviations, lower case ("march", "sept"), from ``words.json``."""
    w = words()
    return frozenset(w["months"]) | frozenset(w["month_abbreviations"])


@cache
def weekday_names() -> frozenset[str]:
    """Full weekday names, lower case ("monday"), from ``words.json``."""
    return frozenset(words()["weekdays"])


@cache
def numbers(text: str | None = None) -> dict[str, tuple[int, str]]:
    """Spelled numbers: word -> (value, kind), kind in cardinal/tens/scale/ordinal."""
    out = {}
    for n, r in read_tsv("numbers.tsv", ("word", "value", "kind"), text):
        _check("numbers.tsv", n, r["value"].isdigit(), f"value {r['value']!r} is not a number")
        kinds = ("cardinal", "tens", "scale", "ordinal")
        _check("numbers.tsv", n, r["kind"] in kinds, f"kind must be one of {', '.join(kinds)}")
        out[r["word"].lower()] = (int(r["value"]), r["kind"])
    return out


_RULE = re.compile(
    r"^(?:fixed (\d\d)-(\d\d)|nth (\d\d) (-?[1-5]) (mon|tue|wed|thu|fri|sat|sun)(?: ([+-]\d+))?"
    r"|easter ([+-]\d+)|hijri (\d\d)-(\d\d)|unknown)$"
)


@cache
def named_days(text: str | None = None) -> dict[str, str]:
    """Named days: lower-case name -> rule (``fixed MM-DD``, ``nth MM N WEEKDAY [+D]``,
    ``easter +D``, ``hijri MM-DD``, ``unknown``)."""
    out = {}
    for n, r in read_tsv("named_days.tsv", ("name", "rule", "where"), text):
        _check("named_days.tsv", n, bool(_RULE.match(r["rule"])), f"bad rule {r['rule']!r}")
        out[r["name"].lower()] = r["rule"]
    return out


@cache
def named_events(text: str | None = None) -> dict[str, tuple[frozenset[str], str]]:
    """Days known by a name that are one date in history ("9/11", "Black Monday"): normalised
    name -> (context cues, one of which must occur in the sentence; empty: none needed, ISO date)."""
    out = {}
    for n, r in read_tsv("named_events.tsv", ("name", "cue", "date", "note"), text):
        ok = re.fullmatch(r"\d{4}-\d\d-\d\d", r["date"]) is not None
        if ok:
            try:
                date.fromisoformat(r["date"])
            except ValueError:
                ok = False
        _check("named_events.tsv", n, ok, f"date must be YYYY-MM-DD: {r['date']!r}")
        cues = (
            frozenset()
            if r["cue"] == "-"
            else frozenset(c.strip().lower() for c in r["cue"].split("|"))
        )
        _check("named_events.tsv", n, all(cues), "empty cue between |")
        out[r["name"].lower()] = (cues, r["date"])
    return out


@cache
def fiscal_years(text: str | None = None) -> dict[str, tuple[int, str]]:
    """Fiscal-year conventions: a context cue -> (first month, "start"|"end": which calendar
    year names the fiscal year)."""
    out = {}
    for n, r in read_tsv("fiscal_years.tsv", ("cue", "start_month", "named_by", "note"), text):
        ok = r["start_month"].isdigit() and 1 <= int(r["start_month"]) <= 12
        _check("fiscal_years.tsv", n, ok, "start_month must be 1-12")
        _check("fiscal_years.tsv", n, r["named_by"] in ("start", "end"), "named_by: start|end")
        out[r["cue"].lower()] = (int(r["start_month"]), r["named_by"])
    return out


# future/past/present: the clause's tense; scheduled: a present form that means the future
# unless an auxiliary precedes it ("talks resume Friday"); future-to: only as the governor of
# an infinitive ("hope to sign"); adjective: an "-ed" form that is not a past verb; past-fixed:
# a phrase that means the past whatever auxiliary comes before it ("could not be reached")
TENSES = ("future", "past", "present", "scheduled", "future-to", "adjective", "past-fixed")


@cache
def tense_cues(text: str | None = None) -> dict[str, str]:
    """Words (or two-word phrases) that mark the tense of the clause -> one of ``TENSES``."""
    out = {}
    for n, r in read_tsv("tense_cues.tsv", ("cue", "tense", "note"), text):
        ok = r["tense"] in TENSES
        _check("tense_cues.tsv", n, ok, f"tense: {'|'.join(TENSES)}")
        out[r["cue"].lower()] = r["tense"]
    return out


_SETS: dict[str, Callable[[str], bool]] = {
    "unit": lambda v: (
        v in ("day", "week", "weekend", "month", "quarter", "year", "decade", "century")
    ),
    "relative": lambda v: re.fullmatch(r"-?\d+", v) is not None,
    "anaphoric": lambda v: v == "1",
    "direction": lambda v: v in ("-1", "1"),
    "approximator": lambda v: v == "approximate",
    "part": lambda v: v in ("early", "mid", "late", "end", "start", "half", "part"),
    "relation": lambda v: v in ("period", "point"),
    "season": lambda v: v.isdigit() and 1 <= int(v) <= 12,
    "cause": lambda v: v == "cause",
    "decade_word": lambda v: v.isdigit() and 1 <= int(v) <= 9,
    "count": lambda v: v.isdigit(),
    "modifier": lambda v: v in ("last", "next", "this", "that", "none"),
    "year_relative": lambda v: re.fullmatch(r"-?\d", v) is not None,
    "year_back": lambda v: v == "1",
    "continuation": lambda v: v == "1",
    "boundary_word": lambda v: v == "1",
    "be_have": lambda v: v == "1",
    "determiner": lambda v: v == "1",
    "not_verb": lambda v: v == "1",
    "prenominal": lambda v: v == "1",
    "auxiliary": lambda v: v == "1",
    "modal": lambda v: v == "1",
    "function_word": lambda v: v == "1",
    "copula": lambda v: v == "1",
    "habitual": lambda v: v == "1",
    "abbreviation": lambda v: v == "1",
    "future_modal": lambda v: v == "1",
    "subject_pronoun": lambda v: v == "1",
    "copula_preposition": lambda v: v == "1",
    "not_subject": lambda v: v == "1",
    "ing_noun": lambda v: v == "1",
    "intent_verb": lambda v: v == "1",
    "focus_blocker": lambda v: v == "1",
    "move_verb": lambda v: v == "1",
    "clause_opener": lambda v: v == "1",
    "request_verb": lambda v: v == "1",
    "prelude": lambda v: v == "1",
    "state_break": lambda v: v == "1",
    "level_noun": lambda v: v == "1",
    "degree_word": lambda v: v == "1",
    "plan_noun": lambda v: v == "1",
    "same_form": lambda v: v == "1",
    "set_verb": lambda v: v == "1",
    "year_kind": lambda v: v == "1",
    "possessive": lambda v: v == "1",
    "comparison": lambda v: v == "1",
    "relative_pronoun": lambda v: v == "1",
    "verb_particle": lambda v: v == "1",
    "period_end": lambda v: v == "1",
    "event_noun": lambda v: v == "1",
    "day_copula": lambda v: v == "1",
    "governing_preposition": lambda v: v == "1",
    "period_noun": lambda v: v == "1",
}


@cache
def lexicon(text: str | None = None) -> dict[str, dict[str, str]]:
    """The grammar's word sets (``lexicon.tsv``): set name -> {phrase: value}."""
    out: dict[str, dict[str, str]] = {k: {} for k in _SETS}
    for n, r in read_tsv("lexicon.tsv", ("set", "word", "value"), text):
        _check("lexicon.tsv", n, r["set"] in _SETS, f"unknown set {r['set']!r}")
        _check("lexicon.tsv", n, _SETS[r["set"]](r["value"]), f"bad value {r['value']!r}")
        out[r["set"]][r["word"].lower()] = r["value"]
    return out
