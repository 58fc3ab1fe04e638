"""Finding time expressions in a sentence: regexes only, tried just at trigger words.

    >>> [m.text for m in find_date_expressions("Talks ended on Wednesday and resume March 24.")]
    ['Wednesday', 'March 24']

Word lists come from ``data/dates/words.json``. This is the hot path of the coder (every
sentence goes through it), so it is written for speed: the common sentence without a trigger
word costs a few microseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter, or_
from typing import Any

from eventwire.dates.tables import words


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression in a sentence: ``text == sentence[start:end]``."""

    text: str
    start: int
    end: int


W = words()
DAY_OFFSETS: dict[str, int] = W["day_offsets"]


def _alt(words: list[str] | dict[str, Any]) -> str:
    """Regex alternation, longest first, spaces matching any whitespace."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


# ----------------------------------------------------------------------- finding (hot path)
_WD = rf"(?i:{_alt(W['weekdays'])})"
_MONTH = "|".join(f"{m.title()}|{m.upper()}" for m in W["months"])
_MABBR = "|".join(m.title() for m in W["month_abbreviations"])
_M = rf"(?:(?:{_MONTH})\b|(?:{_MABBR})\b\.?)"  # a month, with or without a day number
_MFULL = rf"(?:{_MONTH})\b"
_D = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89][0-9]{2}|2[01][0-9]{2})"
_TOD = rf"(?:\s+(?i:{_alt(W['times_of_day'])}))?"
_PREP = rf"(?i:{_alt(W['prepositions'])})"
_MMOD = r"(?i:early|mid|late|last|this|next|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)"
_NUM = rf"(?i:\d{{1,3}}|{_alt(W['numbers'])})"
_DAYREL = rf"(?i:{_alt(DAY_OFFSETS)})"
_UNIT = r"\s+(?i:dollars|euros|prices|levels|terms|figures)\b"  # "in 2012 dollars"
_PERIOD_MOD = r"(?i:(?:earlier|later)\s+this|this|last|next|coming)"

_PATTERNS = {
    "iso": rf"(?<![\d-]){_Y}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?!\d)",
    "dmy": rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?<![\d.,]){_D}(?:\s+of)?\s+{_M}(?:,?\s+{_Y}\b)?",
    "mdy": rf"\b(?:{_WD},?\s+)?{_M}\s+{_D}(?!\d)\b(?:,?\s+{_Y}\b)?",
    "my": rf"\b(?:{_MMOD}[\s-]+)?{_MFULL},?\s+(?:of\s+)?{_Y}\b",
    "month": rf"\b(?:{_PREP}\s+(?:{_MMOD}[\s-]+)?|{_MMOD}[\s-]+){_MFULL}(?!\s+\d)",
    # after early/mid/late, not a decade written "1970's" ("the late 1970's": no year 1970)
    "year": rf"\b(?:{_PREP}[\s-]+{_Y}\b|(?i:early|mid|late)[\s-]+{_Y}\b(?!(?<=0)'s\b))"
    rf"(?![-/.]\d|\s*(?:%|percent)|{_UNIT})",
    "ago": rf"\b{_NUM}\s+(?i:days?|weeks?|months?|years?)\s+(?i:ago)\b",
    "period": rf"\b{_PERIOD_MOD}\s+(?i:week|month|year|weekend)\b",
    "weekend": r"\b(?i:over|at)\s+the\s+(?i:weekend)\b",
    "dayrel": rf"\b{_DAYREL}\b{_TOD}\b",
    "weekday": rf"\b(?:(?i:this\s+coming|last|past|this|next|coming)\s+)?{_WD}\b{_TOD}\b",
}
# Which patterns can start at a word (lower case), so that each attempt tries only those.
_STARTS: dict[str, set[str]] = {}
for _words, _names in (
    (W["weekdays"], {"dmy", "mdy", "weekday"}),
    ([*W["months"], *W["month_abbreviations"]], {"mdy", "my"}),
    (["the"], {"dmy", "dayrel", "my", "month"}),  # "the 20th of", "the end of March"
    (W["prepositions"], {"month", "year", "weekend"}),
    (["early", "mid", "late"], {"my", "month", "year"}),
    (["last", "this", "next", "coming", "past"], {"my", "month", "period", "weekday", "dayrel"}),
    (["earlier", "later"], {"period", "dayrel"}),
    (W["numbers"], {"ago"}),
    ([p.split()[0] for p in DAY_OFFSETS], {"dayrel"}),
):
    for _w in _words:
        _STARTS.setdefault(_w, set()).update(_names)
_STARTS["0"] = {"iso", "dmy", "ago"}  # any number
_COMPILED: dict[frozenset[str], re.Pattern[str]] = {}
_FIND: dict[str, re.Pattern[str]] = {}
for _w, _names in _STARTS.items():
    _key = frozenset(_names)
    if _key not in _COMPILED:  # keep _PATTERNS order: longer forms first
        _COMPILED[_key] = re.compile("|".join(p for n, p in _PATTERNS.items() if n in _key))
    _FIND[_w] = _COMPILED[_key]
_LEAD_PREP = re.compile(rf"(?:{_PREP})\s+(?=\S)")
# Punctuation and spaces (ASCII and common Unicode ones) -> " ": one-to-one, so splitting on
# " " keeps every offset.
_SEPARATORS = str.maketrans(
    {
        c: " "
        for c in [*map(chr, range(128)), *"\u00a0\u2009\u202f\u2013\u2014\u2018\u2019\u201c\u201d"]
        if not c.isalnum()
    }
)
_FIRST_CHAR = itemgetter(slice(0, 1))
_DIGIT = re.compile(r"[0-9]")
# Words that every time expression contains (besides numbers); matching starts at the first of
# the words before one that may open an expression ("in early March", "the day before
# yesterday", "Thursday, March 20").
TRIGGERS = frozenset(
    [*W["weekdays"], *W["months"], *W["month_abbreviations"], *W["times_of_day"]]
    + [w for phrase in DAY_OFFSETS for w in phrase.split() if w not in ("the", "day", "this")]
    + ["week", "weeks", "weekend", "month", "months", "year", "years", "days", "ago"]
)
OPENERS = frozenset(
    [*W["weekdays"], *W["prepositions"], *W["numbers"], *W["period_modifiers"]]
    + [w for m in W["month_modifiers"] for w in m.split()]
    + [
        "the",
        "day",
        "before",
        "after",
        "earlier",
        "later",
        "past",
        "coming",
        "this",
        "last",
        "next",
        "over",
        "at",
    ]
)
LOOKBACK = 3
_CENTURIES = frozenset(["18", "19", "20", "21"])
_AFTER_NUMBER = frozenset(["of", "day"])
_ORDINALS = frozenset(["st", "nd", "rd", "th"])


def _digit_flags(words: list[str]) -> Any:
    """Per word: does it start with a digit (C-level maps, no Python loop)."""
    return map(str.isdigit, map(_FIRST_CHAR, words))


def _number_cue(word: str, words: list[str], i: int) -> bool:
    """A number that may be part of a date: a year, or a day/count before a month or unit."""
    if len(word) == 4 and word.isdigit():
        return word[:2] in _CENTURIES
    if word[-2:] in _ORDINALS:
        return True
    if len(word) > 3 or not word.isdigit():
        return False
    for nxt in words[i + 1 : i + 3]:  # the next word, past an empty token (", ")
        if nxt:
            return nxt in _AFTER_NUMBER or nxt in TRIGGERS
    return False


def _extended_patterns() -> re.Pattern[str]:
    from eventwire.dates.tables import named_days

    names = [
        " ".join(w[:1].upper() + w[1:] for w in n.split())
        for n in named_days()
        if not n.startswith("the ")
    ]
    spelled = (
        "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
        "thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|one|two|three|four|five|six|"
        "seven|eight|nine|oh"
    )
    unit = r"(?:day|week|month|year|decade)s?"
    det = r"(?:the|a|an|his|her|its|their|this|that)"
    count = rf"(?:\d{{1,3}}|{_alt(W['numbers'])}|several|a\s+few|a\s+couple\s+of)"
    parts = [
        # days or weeks from a day named: "the day after Christmas", "two days before Nov. 7"
        (
            rf"\b(?i:(?:the|{count})\s+(?:day|week)s?\s+(?:before|after))\s+"
            rf"(?:{_alt(names)}|{_M}\s+{_D}(?!\d))\b"
        ),
        # "two days later", "a year earlier" (not "two days before the vote": that is the vote's)
        rf"\b(?i:{count}\s+{unit}\s+(?:earlier|later))\b",
        rf"\b(?i:{count}\s+{unit}\s+(?:before|after))\b(?!\s+{det}\b)",
        r"\b(?i:year(?:[\s-](?:earlier|end)|-ago))\b",
        # named days
        (
            rf"\b(?:(?i:last|this|next)\s+)?(?:{_alt(names)})(?:\s+(?i:weekend|week)\b)?"
            rf"(?:,?\s+(?:1[89]|20)\d\d)?\b"
        ),
        # fiscal years
        r"\b(?i:fiscal(?:\s+year)?|FY)\s?'?\d{2,4}(?:[-/]\d{2,4})?\b",
        r"\b(?i:(?:the\s+)?(?:current|last|next|previous|this)\s+fiscal\s+year)\b",
        # decades
        r"\b(?i:(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:1[89]|20)\d0'?s)(?!\w)",
        r"\b(?i:the\s+(?:(?:early|mid|late)[\s-]+)?'\d0s)(?!\w)",
        # spelled-out years
        rf"\b(?i:(?:nineteen|two\s+thousand)(?:[\s-]+(?:and\s+)?(?:{spelled}))*)\b",
        # measured from a date named before
        (
            r"\b(?i:(?:(?:earlier|later)\s+)?(?:the\s+(?:following|next|previous|same)|that)"
            r"\s+(?:day|week|month|year|morning|afternoon|evening|night))\b"
        ),
        r"\b(?i:the\s+day\s+(?:before|after))\b(?!\s+(?:yesterday|tomorrow)\b)",
        (
            r"\b(?i:the\s+(?:end|beginning|start|middle)\s+of\s+(?:the|this|next|last)"
            r"\s+(?:year|month|week|decade))\b"
        ),
        # seasons with a modifier or a year (a bare "fall" is a verb as often)
        (
            r"\b(?i:(?:(?:this|last|next|this\s+past|this\s+coming)\s+"
            r"(?:spring|summer|autumn|fall|winter))"
            r"|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?,?\s+(?:1[89]|20)\d\d)\b"
        ),
        # fractions of long units: "a year and a half ago", "half a century ago"
        (
            rf"\b(?i:(?:(?:{count})[\s-]+(?:and[\s-]+a[\s-]+half[\s-]+(?:years|decades|centuries)"
            r"|(?:year|decade|century)\s+and\s+a\s+half)|half\s+an?\s+(?:year|decade|century)"
            r"|a\s+quarter(?:\s+of\s+a)?\s+century)\s+(?:ago|earlier|later))\b"
        ),
        # a run of months named as a period: "the January-March quarter", "March-April 1990"
        # (not a bare "April/May": a trade's delivery months)
        (
            rf"\b(?:(?i:the)\s+(?:{_MONTH})[-/](?:{_MONTH})\s+(?i:quarter|period)\b"
            rf"|(?:{_MONTH})[-/](?:{_MONTH}),?\s+(?:1[89]|20)\d\d\b)"
        ),
        # a weekday counted within a month: "the first Tuesday in November"
        (
            rf"\b(?i:the\s+(?:first|second|third|fourth|fifth|last|final)\s+{_WD}\s+(?:in|of)"
            rf"\s+(?:(?:the|this|next|last)\s+month|(?:{_MONTH})(?:,?\s+(?:1[89]|20)\d\d)?))\b"
        ),
        # the wire services' "end-March", "end-1987"; "9/11"; "the week ended Oct. 27"
        rf"\b(?i:end-(?:{_MONTH}|(?:1[89]|20)\d\d))\b",
        r"(?<![\d/])9/11(?![\d/])",
        rf"\b(?i:the\s+(?:week|month)\s+(?:ended|ending|of))\s+{_M}\s+{_D}(?!\d)",
    ]
    return re.compile("|".join(f"(?:{p})" for p in parts))


_EXTENDED: list[re.Pattern[str]] = []


def _extended(text: str, out: list[DateMention]) -> list[DateMention]:
    """``out`` plus the families only ``extended=True`` finds; a longer match replaces the
    default mentions it contains."""
    if not _EXTENDED:
        _EXTENDED.append(_extended_patterns())
    extra = []
    for m in _EXTENDED[0].finditer(text):
        if m.group(0).strip().lower() in ("nineteen", "two thousand"):
            continue  # a count, not a year
        extra.append(DateMention(m.group(0), m.start(), m.end()))
    if not extra:
        return out
    keep = [d for d in out if not any(x.start <= d.start and d.end <= x.end for x in extra)]
    merged = keep + [x for x in extra if not any(d.start < x.end and x.start < d.end for d in keep)]
    return sorted(merged, key=lambda d: d.start)


def find_date_expressions(text: str, *, extended: bool = False) -> list[DateMention]:
    """Time expressions in a sentence, in order, leading prepositions left out ("on Friday" ->
    "Friday"; "in 2013" -> "2013"). Regexes only, tried just at trigger words (month and
    weekday names, "yesterday", "week", years, day numbers) and the few words before them.

    ``extended=True`` also finds the families ``resolve_date`` reads that the default leaves
    out (so that the coder's output does not change until it asks for them): "two days later",
    "a year earlier", "year-end", named days ("Christmas", "Election Day"), fiscal years,
    decades ("the 1990s"), spelled-out years, "the following day", "later that year", "the
    day before", "the end of the year", seasons ("last summer", "the spring of 1988"),
    "end-March", "9/11", "the week ended Oct. 27", "the first Tuesday in November"."""
    out = _find(text)
    return _extended(text, out) if extended else out


def _find(text: str) -> list[DateMention]:
    tokens = text.translate(_SEPARATORS).split(" ")  # same lengths as in text, "" between seps
    words = " ".join(tokens).lower().split(" ")
    if TRIGGERS.isdisjoint(words) and not _DIGIT.search(text):
        return []  # the common case, ~5 µs
    hits = list(compress(count(), map(or_, map(TRIGGERS.__contains__, words), _digit_flags(words))))
    if not hits:
        return []
    out: list[DateMention] = []
    done = 0  # text before this offset is consumed
    for i in hits:
        word = words[i]
        if word[:1].isdigit() and not _number_cue(word, words, i):
            continue
        pos = sum(map(len, tokens[:i])) + i
        if pos < done:
            continue
        # start candidates: the trigger and up to LOOKBACK opener words right before it
        starts = [(i, pos)]
        j, p = i, pos
        while j > 0 and len(starts) <= LOOKBACK:
            j -= 1
            p -= len(tokens[j]) + 1
            prev = words[j]
            if not prev:
                continue
            if p < done or (prev not in OPENERS and not prev[:1].isdigit()):
                break
            starts.append((j, p))
        for k, start in reversed(starts):
            w = words[k]
            pattern = _FIND["0"] if w[:1].isdigit() else _FIND.get(w)
            m = pattern.match(text, start) if pattern is not None else None
            if m is None or m.end() <= pos:
                continue
            start, end = m.start(), m.end()
            lead = _LEAD_PREP.match(text, start, end)
            if lead is not None:
                start = lead.end()
            out.append(DateMention(text[start:end], start, end))
            done = end
            break
    return out
