"""Dates stage: find time expressions in sentences and resolve them against the publication date.

    >>> from datetime import date
    >>> from eventwire.dates import resolve_date, find_date_expressions
    >>> resolve_date("on Tuesday", date(2014, 1, 2))
    (datetime.date(2013, 12, 31), 'day')
    >>> [m.text for m in find_date_expressions("Talks ended on Wednesday and resume March 24.")]
    ['Wednesday', 'March 24']

Precision is "day", "week" (dated by the week's Monday: "last week"), "month" or "year".
Word lists live in ``eventwire/data/dates/words.json``; rules in ``eventwire.dates.core``.
"""

from eventwire.dates.core import DateMention, find_date_expressions, resolve_date, to_date

__all__ = ["DateMention", "find_date_expressions", "resolve_date", "to_date"]
