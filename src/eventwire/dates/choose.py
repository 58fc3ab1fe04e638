"""Choosing a date among the occurrences an expression could name, and the anchor itself:
``to_date`` (an anchor as a date), ``choose`` (the occurrence the tense asks for, or the nearest),
``month_of`` (which year's April), ``century`` (the century of "'89" or "the '80s"), and
``explicit`` (dateparser for numeric forms the grammar does not read, "20.03.2014")."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from eventwire.dates import calendar as cal
from eventwire.dates.grammar import normalise
from eventwire.dates.result import DateResult

PAST_MODE_SLACK_DAYS = 7
FUTURE_MODE_SLACK_DAYS = 1


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


def choose(
    cands: list[date], a: date, tense: str | None, slack_past: int, near: int = 0
) -> tuple[date, bool] | None:
    """Among occurrences of a date, the one the tense asks for; (date, chosen-by-nearness).
    ``near``: an occurrence that close to the anchor wins whatever the tense ("payable April
    10" in a March story whose verb is "declared")."""
    cands = sorted(set(cands))
    if near and cands:
        closest = min(cands, key=lambda c: (abs((c - a).days), c > a))
        if abs((closest - a).days) <= near:
            return closest, True
    if tense == "future":
        ok = [c for c in cands if c >= a - timedelta(days=FUTURE_MODE_SLACK_DAYS)]
        return (ok[0], False) if ok else None
    if tense == "past":
        ok = [c for c in cands if c <= a + timedelta(days=slack_past)]
        return (ok[-1], False) if ok else None
    if not cands:
        return None
    return min(cands, key=lambda c: (abs((c - a).days), c > a)), True


def month_of(
    month: int, modifier: str | None, a: date, tense: str | None, near: int = 0
) -> tuple[date, bool]:
    this_year = date(a.year, month, 1)
    if modifier == "this":  # "will open this March" in a November story: the coming March
        ahead = tense == "future" and month < a.month
        return (date(a.year + 1, month, 1) if ahead else this_year), False
    if modifier == "last":
        return (this_year if month < a.month else date(a.year - 1, month, 1)), False
    if modifier == "next":
        return (this_year if month > a.month else date(a.year + 1, month, 1)), False
    cands = [date(a.year + k, month, 1) for k in (-1, 0, 1)]
    a1 = a.replace(day=1)
    got = choose(cands, a1, tense, 0, near)
    assert got is not None
    return got


def year_earlier(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def century(two: int, a: date | None, decade: bool = False) -> int:
    """A two-digit year (or the decade digit) in the century that puts it nearest the anchor,
    not after it for a decade ("the '80s")."""
    base = (a or date(1950, 1, 1)).year
    cands = [c * 100 + two for c in range(base // 100 - 1, base // 100 + 2)]
    if decade:  # the latest decade begun or about to begin: "the nineties" in 1989 are the 1990s
        return max(c for c in cands if c <= base + 2)
    return min(cands, key=lambda y: abs(y - base))


# units and decades belong to the grammar: dateparser would invent a day for them ("the first
# nine months" -> 1 February, "the 1970s and 1980s" -> the anchor)
_UNIT_WORDS = re.compile(
    r"\b(?:days?|weeks?|weekends?|months?|quarters?|years?|decades?|centur(?:y|ies)|halves|half)\b"
    r"|\d0'?s\b"
)

_PERIODS = {"day": "day", "time": "day", "week": "week", "month": "month", "year": "year"}


def explicit(expression: str, a: date | None) -> DateResult | None:
    """dateparser for explicit forms the grammar does not read ("20.03.2014", "3/20/2014")."""

    e = normalise(expression)
    digits = len(re.findall(r"\d+", e))
    has_month = re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", e)
    if digits == 0 or (digits == 1 and not has_month):  # "15", "may be": no
        return None
    if _UNIT_WORDS.search(e):  # "the first nine months of this year": a stretch, not a date
        return None
    if a is None and not re.search(r"\b\d{4}\b|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", e):
        return None  # nothing absolute to read
    from dateparser.date import DateDataParser

    base = a or date(2000, 1, 1)
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day, 12),
        "PREFER_DATES_FROM": "past",
        "STRICT_PARSING": False,
    }
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(e)
    except (ValueError, TypeError, OverflowError, AttributeError, IndexError, KeyError):
        return None  # dateparser raises assorted errors on junk
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if abs(d.year - base.year) > 200:
        return None
    if not re.search(r"\d{4}|\d[./-]\d{1,2}[./-]\d", e) and abs(d.year - base.year) > 1:
        return None  # "Feb. 10 and 11" read as 1911: a year the text does not give
    period = _PERIODS.get(data.period or "day", "day")
    d = cal.start_of(d, period)
    return DateResult(d, period, flags=("dateparser",))
