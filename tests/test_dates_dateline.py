"""A wire dateline's own date as the anchor of a story's relative dates."""

from datetime import date

from eventwire.dates import dateline_date, resolve_date, story_anchor


def test_dateline_a_day_or_two_after_the_wire_clock_is_the_story_date():
    # Tokyo's morning is London's evening before; a Friday story written for Sunday's papers
    assert dateline_date("April 8", date(1987, 4, 7)) == date(1987, 4, 8)
    assert dateline_date("April 5", date(1987, 4, 3)) == date(1987, 4, 5)
    assert dateline_date("Jan 2", date(1987, 12, 31)) == date(1988, 1, 2)


def test_dateline_before_the_publication_day_is_the_story_date():
    # a story sent late keeps its dateline's day, across a year end too
    assert dateline_date("March 20", date(1987, 3, 27)) == date(1987, 3, 20)
    assert dateline_date("Dec 31", date(1988, 1, 2)) == date(1987, 12, 31)
    assert dateline_date("March 18", date(1987, 3, 18)) == date(1987, 3, 18)


def test_misdated_or_dayless_dateline_is_no_story_date():
    assert dateline_date("May 18", date(1987, 3, 18)) is None  # two months ahead: a typo
    assert dateline_date("March 24", date(1987, 3, 17)) is None  # a week ahead
    assert dateline_date("March", date(1987, 3, 17)) is None  # no day
    assert dateline_date("April 4", date(1987, 4, 3)) == date(1987, 4, 4)  # control


def test_tomorrow_counts_from_the_dateline_day():
    # "WASHINGTON, April 5 - officials meet tomorrow", sent on Friday April 3: April 6
    anchor = story_anchor("April 5", date(1987, 4, 3))
    assert resolve_date("tomorrow", anchor)[0] == date(1987, 4, 6)
    assert resolve_date("on Monday", anchor, context="They meet on Monday.")[0] == date(1987, 4, 6)
    # control: a story datelined on its publication day counts from that day
    same = story_anchor("April 3", date(1987, 4, 3))
    assert resolve_date("tomorrow", same)[0] == date(1987, 4, 4)


def test_no_dateline_or_a_far_one_leaves_the_publication_day():
    assert story_anchor(None, date(1987, 3, 18)) == date(1987, 3, 18)
    assert story_anchor("May 18", date(1987, 3, 18)) == date(1987, 3, 18)
    assert story_anchor("April 5", None) is None
