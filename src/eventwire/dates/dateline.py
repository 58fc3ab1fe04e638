"""A story's own date from its wire dateline, the anchor of the story's relative dates.

A dateline ("WASHINGTON, April 5 -") states the day the story is for, in the place it was
filed; the publication timestamp is the wire's clock, in GMT, and may fall a day before it
(Tokyo's morning is the evening before in London) or days before it (a Friday story written
for Sunday's papers: "WASHINGTON, April 5 - officials meet tomorrow", sent on April 3, means
April 6). So "tomorrow", "on Monday" and an undated "said" count from the dateline's day when
it lies within ``words.json``'s ``dateline_days`` of the publication day, and from the
publication day otherwise (a dateline months away is misdated).

    >>> from datetime import date
    >>> dateline_date("April 5", date(1987, 4, 3))
    datetime.date(1987, 4, 5)
    >>> dateline_date("March 20", date(1987, 3, 27))
    datetime.date(1987, 3, 20)
    >>> dateline_date("May 18", date(1987, 3, 18)) is None
    True
"""

from __future__ import annotations

from datetime import date

from eventwire.dates.resolve import resolve_date
from eventwire.dates.tables import words


def dateline_date(when: str, published: date) -> date | None:
    """The day a dateline's date words (``"April 5"``, ``"Oct 19"``) name, read against the
    publication day, or None when they name no single day or one too far from it."""
    r = resolve_date(when, published)
    if r is None or r.precision != "day":
        return None
    window = words()["dateline_days"]
    lag = (published - r.date).days
    if -int(window["after"]) <= lag <= int(window["before"]):
        return r.date
    return None


def story_anchor(when: str | None, published: date | None) -> date | None:
    """The anchor of a story's relative dates: its dateline's day (``dateline_date``) when it
    carries one near the publication day, else the publication day."""
    if published is None:
        return None
    return (dateline_date(when, published) if when else None) or published
