"""Time expressions: find them in sentences (regex only) and resolve them against an anchor.

Conventions (``resolve_date``):

* precision is "day", "week", "month" or "year"; a "week" date is the Monday of that ISO week
  ("last week", "this week", "two weeks ago", "the weekend" -> that week's Saturday);
* a bare weekday ("Wednesday", "on Wednesday", "this Wednesday") is the most recent such day on
  or before the anchor; with ``future=True`` the first on or after it. A weekday equal to the
  anchor's is the anchor day in both modes (news style: a Friday story's "on Friday" is that
  day). "last Wednesday" is strictly before the anchor, "next Friday" strictly after;
* a day and month without a year take the year that puts the date nearest the anchor without
  passing it, but dates up to ``PAST_MODE_SLACK_DAYS`` (7) after the anchor keep the anchor's
  year ("talks set for March 24" in a March 20 story is not 2013); with ``future=True``, the
  first on or after the anchor, ``FUTURE_MODE_SLACK_DAYS`` (1) allowed before it;
* a month without a year ("in March") is the most recent such month, the anchor's own included
  (with ``future=True``: the next, the anchor's included); "last March" strictly before the
  anchor's month, "next March" strictly after;
* "in 2013" -> 2013-01-01, "year"; "March 2014" -> 2014-03-01, "month".

Odd explicit forms ("20.03.2014", "3/20/2014") go to ``dateparser`` as a fallback, never in
``find_date_expressions``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources
from itertools import compress, count
from operator import itemgetter, or_
from typing import Any

PAST_MODE_SLACK_DAYS = 7
FUTURE_MODE_SLACK_DAYS = 1


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression in a sentence: ``text == sentence[start:end]``."""

    text: str
    start: int
    end: int


def _load_words() -> dict[str, Any]:
    path = resources.files("eventwire").joinpath("data", "dates", "words.json")
    return json.loads(path.read_text(encoding="utf-8"))


W = _load_words()
WEEKDAYS: dict[str, int] = {**W["weekdays"], **W["weekday_abbreviations"]}
MONTHS: dict[str, int] = {**W["months"], **W["month_abbreviations"]}
DAY_OFFSETS: dict[str, int] = W["day_offsets"]
PERIOD_MODIFIERS: dict[str, int] = W["period_modifiers"]
WEEKDAY_MODIFIERS: dict[str, str] = W["weekday_modifiers"]
NUMBERS: dict[str, int] = W["numbers"]


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
    "year": rf"\b(?:{_PREP}|(?i:early|mid|late))[\s-]+{_Y}\b(?![-/.]\d|\s*(?:%|percent)|{_UNIT})",
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


def find_date_expressions(text: str) -> list[DateMention]:
    """Time expressions in a sentence, in order, leading prepositions left out ("on Friday" ->
    "Friday"; "in 2013" -> "2013"). Regexes only, tried just at trigger words (month and
    weekday names, "yesterday", "week", years, day numbers) and the few words before them."""
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


# ----------------------------------------------------------------------- resolving
_CLEAN_PREP = re.compile(rf"^(?:{_alt(W['prepositions'])})\s+")
_WDX = _alt(WEEKDAYS)
_MX = _alt(MONTHS)
_ORD = r"(?:st|nd|rd|th)?"
_RULES_RE = {
    "ago": re.compile(rf"^(\d{{1,3}}|{_alt(NUMBERS)}) (day|week|month|year)s? ago$"),
    "period": re.compile(rf"^({_alt(PERIOD_MODIFIERS)}) (week|month|year|weekend)$"),
    "weekend": re.compile(r"^(?:over |at )?the weekend$"),
    "weekday": re.compile(rf"^(?:({_alt(WEEKDAY_MODIFIERS)}) )?({_WDX})\.?$"),
    "iso": re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$"),
    "dmy": re.compile(
        rf"^(?:(?:{_WDX})\.?,? )?(?:the )?(\d{{1,2}}){_ORD}(?: of)? ({_MX})\.?(?:,? (\d{{4}}))?$"
    ),
    "mdy": re.compile(rf"^(?:(?:{_WDX})\.?,? )?({_MX})\.? (\d{{1,2}}){_ORD}(?:,? (\d{{4}}))?$"),
    "my": re.compile(
        rf"^(?:(?:early|mid|late|the end of|the beginning of|the start of)[ -])?"
        rf"({_MX})\.?,? (?:of )?(\d{{4}})$"
    ),
    "month": re.compile(
        rf"^(?:(early|mid|late|last|this|next|the end of|the beginning of"
        rf"|the start of)[ -])?({_MX})\.?$"
    ),
    "year": re.compile(r"^(?:(?:early|mid|late)[ -])?(\d{4})$"),
}
_TOD_SUFFIX = re.compile(rf" (?:{_alt(W['times_of_day'])})$")
_DIGITS = re.compile(r"\d+")
_MONTH_WORD = re.compile(rf"\b(?:{_MX})\b")


def to_date(anchor: date | datetime | str) -> date:
    """The calendar date of an anchor (a date, a datetime, or an ISO 8601 string)."""
    if isinstance(anchor, datetime):
        return anchor.date()
    if isinstance(anchor, date):
        return anchor
    if isinstance(anchor, str):
        s = anchor.strip()
        try:
            return datetime.fromisoformat(s).date()
        except ValueError:
            pass
        try:
            return date.fromisoformat(s[:10])
        except ValueError:
            pass
        import dateparser

        parsed = dateparser.parse(s, languages=["en"])
        if parsed is not None:
            return parsed.date()
    raise ValueError(f"not a date: {anchor!r}")


def _clean(expression: str) -> str:
    e = " ".join(expression.lower().replace("\u2019", "'").split()).strip(" .,;:()")
    while True:
        e2 = _CLEAN_PREP.sub("", e, count=1)
        if e2 == e:
            return e
        e = e2


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, 1)


def _weekday(target: int, a: date, modifier: str | None, future: bool) -> date:
    back = (a.weekday() - target) % 7  # 0..6 days before the anchor
    ahead = (target - a.weekday()) % 7  # 0..6 days after
    if modifier == "last":
        return a - timedelta(days=back or 7)
    if modifier == "next":
        return a + timedelta(days=ahead or 7)
    return a + timedelta(days=ahead) if future else a - timedelta(days=back)


def _day_month(day: int, month: int, a: date, future: bool) -> date | None:
    cands = []
    for y in range(a.year - 4, a.year + 5):  # wide enough for February 29
        try:
            cands.append(date(y, month, day))
        except ValueError:
            pass
    if future:
        ok = [c for c in cands if c >= a - timedelta(days=FUTURE_MODE_SLACK_DAYS)]
        return min(ok) if ok else None
    ok = [c for c in cands if c <= a + timedelta(days=PAST_MODE_SLACK_DAYS)]
    return max(ok) if ok else None


def _month(month: int, modifier: str | None, a: date, future: bool) -> date:
    this_year = date(a.year, month, 1)
    if modifier == "this":
        return this_year
    if modifier == "last" or (modifier != "next" and not future):
        strict = modifier == "last"
        if month < a.month or (month == a.month and not strict):
            return this_year
        return date(a.year - 1, month, 1)
    strict = modifier == "next"
    if month > a.month or (month == a.month and not strict):
        return this_year
    return date(a.year + 1, month, 1)


def _explicit(day: int, month: int, year: int | None, a: date, future: bool) -> date | None:
    if year is None:
        return _day_month(day, month, a, future)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(e: str, a: date, future: bool) -> tuple[date, str] | None:
    base = _TOD_SUFFIX.sub("", e)
    for form in (e, base):
        if form in DAY_OFFSETS:
            return a + timedelta(days=DAY_OFFSETS[form]), "day"
    r = _RULES_RE
    if m := r["weekday"].match(base):
        mod = WEEKDAY_MODIFIERS.get(m.group(1)) if m.group(1) else None
        return _weekday(WEEKDAYS[m.group(2)], a, mod, future), "day"
    if m := r["period"].match(e):
        off, unit = PERIOD_MODIFIERS[m.group(1)], m.group(2)
        if unit == "week":
            return _monday(a) + timedelta(weeks=off), "week"
        if unit == "weekend":
            return _monday(a) + timedelta(weeks=off, days=5), "week"
        if unit == "month":
            return _add_months(a, off), "month"
        return date(a.year + off, 1, 1), "year"
    if r["weekend"].match(e):
        return _weekday(5, a, None, future), "week"
    if m := r["ago"].match(e):
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBERS[m.group(1)]
        unit = m.group(2)
        if unit == "day":
            return a - timedelta(days=n), "day"
        if unit == "week":
            return _monday(a - timedelta(weeks=n)), "week"
        if unit == "month":
            return _add_months(a, -n), "month"
        return date(a.year - n, 1, 1), "year"
    if m := r["iso"].match(e):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day"
        except ValueError:
            return None
    for key, d_i, m_i in (("dmy", 1, 2), ("mdy", 2, 1)):
        if m := r[key].match(e):
            year = int(m.group(3)) if m.group(3) else None
            d = _explicit(int(m.group(d_i)), MONTHS[m.group(m_i)], year, a, future)
            return (d, "day") if d else None
    if m := r["my"].match(e):
        return date(int(m.group(2)), MONTHS[m.group(1)], 1), "month"
    if m := r["month"].match(e):
        mod = m.group(1) if m.group(1) in ("last", "this", "next") else None
        return _month(MONTHS[m.group(2)], mod, a, future), "month"
    if m := r["year"].match(e):
        y = int(m.group(1))
        return (date(y, 1, 1), "year") if 1000 <= y <= 2999 else None
    return None


_PERIODS = {"day": "day", "time": "day", "week": "week", "month": "month", "year": "year"}


def _fallback(e: str, a: date, future: bool) -> tuple[date, str] | None:
    """dateparser for explicit forms the rules do not cover ("20.03.2014", "3/20/2014")."""
    digits = len(_DIGITS.findall(e))
    if digits == 0 or (digits == 1 and not _MONTH_WORD.search(e)):  # "15", "may be": no
        return None
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(a.year, a.month, a.day, 12),
        "PREFER_DATES_FROM": "future" if future else "past",
        "STRICT_PARSING": False,
    }
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(e)
    except (ValueError, TypeError, OverflowError, AttributeError, IndexError, KeyError):
        # dateparser raises assorted errors on junk
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if abs(d.year - a.year) > 200:
        return None
    period = _PERIODS.get(data.period or "day", "day")
    if period == "month":
        d = d.replace(day=1)
    elif period == "year":
        d = date(d.year, 1, 1)
    elif period == "week":
        d = _monday(d)
    return d, period


def resolve_date(
    expression: str, anchor: date | datetime | str, *, future: bool = False
) -> tuple[date, str] | None:
    """``(date, precision)`` for a time expression relative to ``anchor`` (the publication
    time), or None when the expression is not a date. See the module docstring for the rules;
    ``future=True`` for planned events ("travels to Kiev on Friday")."""
    a = to_date(anchor)
    e = _clean(expression)
    if not e:
        return None
    return _resolve(e, a, future) or _fallback(e, a, future)
