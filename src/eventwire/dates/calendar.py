"""Calendar arithmetic for the resolver: unit starts and shifts, weekdays, named days."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from eventwire.dates.tables import named_days, named_events

WEEKDAY_CODES = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5, "century": 6}


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def add_months(d: date, n: int) -> date:
    """The first day of the month ``n`` months after ``d``'s."""
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, 1)


def start_of(d: date, unit: str) -> date:
    """The first day of the ``unit`` (day, week, month, quarter, year, decade, century) holding d."""
    if unit == "day":
        return d
    if unit == "week":
        return monday(d)
    if unit == "month":
        return d.replace(day=1)
    if unit == "quarter":
        return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    if unit == "year":
        return date(d.year, 1, 1)
    if unit == "decade":
        return date(d.year // 10 * 10, 1, 1)
    return date(d.year // 100 * 100, 1, 1)


def shift(d: date, unit: str, n: int) -> date:
    """The start of the ``unit`` holding ``d``, moved ``n`` units."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return monday(d) + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(start_of(d, "quarter"), 3 * n)
    step = {"year": 1, "decade": 10, "century": 100}[unit]
    return date(start_of(d, unit).year + step * n, 1, 1)


def weekday_near(target: int, a: date, modifier: str | None, future: bool) -> date:
    """A weekday relative to ``a``: "last" strictly before, "next" strictly after; otherwise
    the one on or before ``a`` (or, with ``future``, on or after)."""
    back = (a.weekday() - target) % 7
    ahead = (target - a.weekday()) % 7
    if modifier == "last":
        return a - timedelta(days=back or 7)
    if modifier == "next":
        return a + timedelta(days=ahead or 7)
    return a + timedelta(days=ahead) if future else a - timedelta(days=back)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, n: int, weekday: int) -> date:
    """The n-th ``weekday`` (0 = Monday) of the month, counted from its end when n < 0; a
    fifth one may fall in the next month (the caller checks)."""
    return _nth_weekday(year, month, n, weekday)


def _nth_weekday(year: int, month: int, n: int, weekday: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


@cache
def _hijri_starts(month: int, day: int) -> tuple[date, ...]:
    """Gregorian dates of a Hijri month/day, every year the Umm al-Qura table covers."""
    from hijridate import Hijri

    out = []
    for hy in range(1343, 1501):
        try:
            g = Hijri(hy, month, day).to_gregorian()
        except (ValueError, OverflowError):
            continue
        out.append(date(g.year, g.month, g.day))
    return tuple(out)


def named_day(name: str, year: int) -> list[date]:
    """The dates a named day falls on in a Gregorian year (two for a Hijri day some years)."""
    rule = named_days().get(name)
    if rule is None or rule == "unknown":
        return []
    if m := re.match(r"fixed (\d\d)-(\d\d)$", rule):
        return [date(year, int(m[1]), int(m[2]))]
    if m := re.match(r"nth (\d\d) (-?\d) (\w+)(?: ([+-]\d+))?$", rule):
        d = _nth_weekday(year, int(m[1]), int(m[2]), WEEKDAY_CODES[m[3]])
        return [d + timedelta(days=int(m[4] or 0))]
    if m := re.match(r"easter ([+-]\d+)$", rule):
        return [easter(year) + timedelta(days=int(m[1]))]
    if m := re.match(r"hijri (\d\d)-(\d\d)$", rule):
        return [d for d in _hijri_starts(int(m[1]), int(m[2])) if d.year == year]
    return []


@cache
def _cue_pattern(cues: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![a-z]){alt}(?![a-z])")


def named_event(core: str, context: str | None) -> date | None:
    """The date of a day known by a name in history ("9/11"; "Sept. 11" when the sentence
    speaks of attacks or terror), from ``named_events.tsv``; ``core`` is the normalised
    expression without its preposition."""
    got = named_events().get(core)
    if got is None:
        return None
    cues, iso = got
    if cues and not (context and _cue_pattern(cues).search(context.lower())):
        return None
    return date.fromisoformat(iso)
