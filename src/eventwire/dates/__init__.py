"""Dates stage: find time expressions in sentences and resolve them against the publication date.

    >>> from datetime import date
    >>> from eventwire.dates import resolve_date, find_date_expressions
    >>> resolve_date("on Tuesday", date(2014, 1, 2))
    DateResult(datetime.date(2013, 12, 31), 'day')
    >>> resolve_date("Jan. 14", date(2000, 1, 5), context="INS set a Jan. 14 deadline.")
    DateResult(datetime.date(2000, 1, 14), 'day', flags=('nearest',))
    >>> resolve_date("1979", None, context="They have fought since 1979.")
    DateResult(datetime.date(1979, 1, 1), 'year', kind='period', relation='since')
    >>> [m.text for m in find_date_expressions("Talks ended on Wednesday and resume March 24.")]
    ['Wednesday', 'March 24']

A result unpacks as ``(date, precision)``; precision is day, week (dated by its Monday),
month, quarter, year, decade or century. Modules: ``find`` (the finder, the coder's hot path),
``grammar`` (an expression read as anchor / offset / unit / granularity parts), ``context``
(tense and preposition from the sentence), ``resolve`` (an expression's date from its parts
and clues), ``choose`` (which occurrence: tense, nearness, century), ``calendar``
(arithmetic, named days), ``numbers`` (spelled numbers), ``tables`` (the data files in
``eventwire/data/dates/``, checked on load), ``result`` (``DateResult``), ``dateline`` (a story's own date from its wire dateline, the
anchor of its relative dates: ``story_anchor``).
"""

from eventwire.dates.dateline import dateline_date, story_anchor
from eventwire.dates.find import DateMention, find_date_expressions
from eventwire.dates.resolve import resolve_date, to_date
from eventwire.dates.result import DateResult
from eventwire.dates.tables import DateTableError, month_names, weekday_names

__all__ = [
    "DateMention",
    "DateResult",
    "DateTableError",
    "dateline_date",
    "find_date_expressions",
    "month_names",
    "resolve_date",
    "story_anchor",
    "to_date",
    "weekday_names",
]
