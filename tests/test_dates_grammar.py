"""eventwire.dates: expression families the grammar reads (anchor / offset / unit / granularity),
spelled numbers, fiscal years, named days, and the data tables' checks. Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import DateTableError, resolve_date, tables
from eventwire.dates.grammar import parse
from eventwire.dates.numbers import digits

MON = date(1999, 11, 1)  # a Monday
A = date(2005, 10, 19)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nineteen eighty-four", "1984"),
        ("nineteen oh seven", "1907"),
        ("nineteen hundred", "1900"),
        ("two thousand and three", "2003"),
        ("the year two thousand", "the year 2000"),
        ("twenty twelve", "2012"),
        ("june twenty-first", "june 21st"),
        ("the third of may", "the 3rd of may"),
        ("five years ago", "5 years ago"),
        ("may", "may"),
        ("oh", "oh"),
    ],
)
def test_spelled_numbers(text: str, expected: str) -> None:
    assert digits(text) == expected


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        # spelled-out years and days
        ("nineteen eighty-four", date(1984, 1, 1), "year"),
        ("the year two thousand", date(2000, 1, 1), "year"),
        ("October twelfth", date(2005, 10, 12), "day"),
        ("this coming Saturday, October twenty-second", date(2005, 10, 22), "day"),
        # offsets: N units ago / earlier / from now, approximators dropped
        ("three days ago", date(2005, 10, 16), "day"),
        ("six weeks ago", date(2005, 9, 5), "week"),
        ("two months ago", date(2005, 8, 1), "month"),
        ("nearly five years ago", date(2000, 1, 1), "year"),
        ("a year earlier", date(2004, 1, 1), "year"),
        ("year-earlier", date(2004, 1, 1), "year"),
        ("a year from now", date(2006, 1, 1), "year"),
        ("a couple of weeks ago", date(2005, 10, 3), "week"),
        # relative units: this / last / next / the past / the current
        ("the past year", date(2004, 1, 1), "year"),
        ("the current year", date(2005, 1, 1), "year"),
        ("this coming week", date(2005, 10, 24), "week"),
        ("last quarter", date(2005, 7, 1), "quarter"),
        ("this month", date(2005, 10, 1), "month"),
        # parts keep the granularity of what they are part of
        ("early this week", date(2005, 10, 17), "week"),
        ("late next year", date(2006, 1, 1), "year"),
        ("the end of 2007", date(2007, 1, 1), "year"),
        ("the end of the year", date(2005, 1, 1), "year"),
        ("a good part of 2006", date(2006, 1, 1), "year"),
        ("2008 and beyond", date(2008, 1, 1), "year"),
        ("mid-November", date(2005, 11, 1), "month"),
        ("early Tuesday", date(2005, 10, 18), "day"),
        ("later in the day", A, "day"),
        ("earlier in the year", date(2005, 1, 1), "year"),
        ("around year-end", date(2005, 12, 1), "month"),
        # months with a year given relative to the anchor
        ("April next year", date(2006, 4, 1), "month"),
        ("February this year", date(2005, 2, 1), "month"),
        # decades and quarters
        ("the 1970s", date(1970, 1, 1), "decade"),
        ("the mid-1990s", date(1990, 1, 1), "decade"),
        ("the '80s", date(1980, 1, 1), "decade"),
        ("the sixties", date(1960, 1, 1), "decade"),
        ("the third quarter", date(2005, 7, 1), "quarter"),
        ("the fourth quarter of 2003", date(2003, 10, 1), "quarter"),
        ("the year's second quarter", None, None),
        # clock times and possessives around a day
        ("5 p.m. EDT Friday", date(2005, 10, 14), "day"),
        ("Tuesday's", date(2005, 10, 18), "day"),
    ],
)
def test_expression_families(expression: str, expected: date | None, precision: str | None) -> None:
    r = resolve_date(expression, A)
    if expected is None:
        assert r is None
    else:
        assert r == (expected, precision)


def test_specs_are_composed_of_parts() -> None:
    s = parse("almost four years ago")
    assert (s.form, s.unit, s.offset, s.flags) == ("offset", "year", -4, ("approximate",))
    s = parse("the end of next month")
    assert (s.form, s.unit, s.offset, s.part) == ("relative", "month", 1, "end")
    s = parse("since early May 2004")
    assert (s.form, s.year, s.month, s.part, s.relation) == ("month", 2004, 5, "early", "since")
    assert [
        parse(e).measured_from for e in ("May 2004", "Tuesday", "that year", "a day later")
    ] == [
        "none",
        "anchor",
        "focus",
        "focus",
    ]
    assert parse("six weeks ago").granularity == "week"
    assert parse("the ministry") is None
    assert parse("2014 dollars") is None


@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        ("Christmas", date(2005, 12, 1), date(2005, 12, 25)),
        ("last Christmas", date(2005, 12, 1), date(2004, 12, 25)),
        ("Christmas Day 1914", A, date(1914, 12, 25)),
        ("New Year's Day", date(2005, 12, 20), date(2006, 1, 1)),
        ("last Thanksgiving", date(2006, 2, 10), date(2005, 11, 24)),
        ("Election Day", date(2004, 10, 20), date(2004, 11, 2)),  # Tuesday after the 1st Monday
        ("Election Day", date(2008, 10, 20), date(2008, 11, 4)),
        ("Memorial Day", date(2005, 5, 1), date(2005, 5, 30)),  # last Monday of May
        ("Easter", date(2005, 3, 1), date(2005, 3, 27)),
        ("Good Friday", date(2005, 3, 1), date(2005, 3, 25)),
        ("Ramadan", date(2005, 9, 20), date(2005, 10, 4)),  # 1 Ramadan 1426, Umm al-Qura
        ("Eid al-Fitr", date(2010, 9, 1), date(2010, 9, 10)),
        ("the end of Ramadan", date(2010, 9, 1), date(2010, 9, 10)),
    ],
)
def test_named_days(expression: str, anchor: date, expected: date) -> None:
    assert resolve_date(expression, anchor) == (expected, "day")


def test_fiscal_years() -> None:
    # no convention in the sentence: the calendar year, flagged
    r = resolve_date("fiscal 2004", A, context="The retailer earned $3 million in fiscal 2004.")
    assert r == (date(2004, 1, 1), "year")
    assert "fiscal" in r.flags and "calendar-assumed" in r.flags
    # a convention the sentence names: its months
    r = resolve_date("fiscal 2006", A, context="The federal budget for fiscal 2006 was cut.")
    assert r == (date(2006, 1, 1), "year") and r.span == (date(2005, 10, 1), date(2006, 9, 30))
    r = resolve_date("fiscal 2005", A, context="Japan's exports rose in fiscal 2005.")
    assert r.span == (date(2005, 4, 1), date(2006, 3, 31))
    r = resolve_date(
        "the current fiscal year", A, context="Federal spending in the current fiscal year rose."
    )
    assert r.date.year == 2006  # 1 Oct 2005 - 30 Sep 2006
    assert resolve_date("the fiscal year", A) == (date(2005, 1, 1), "year")
    assert resolve_date("the 2003 fiscal year", A) == (date(2003, 1, 1), "year")
    assert resolve_date("fiscal 2004-05", A) == (date(2005, 1, 1), "year")


def test_tables_are_checked_with_file_and_line() -> None:
    with pytest.raises(DateTableError, match=r"named_days.tsv:3: bad rule"):
        tables.named_days("name\trule\twhere\nchristmas\tfixed 12-25\tx\nhogmanay\tsometime\tx\n")
    with pytest.raises(DateTableError, match=r"numbers.tsv:2: value"):
        tables.numbers("word\tvalue\tkind\nseven\tsept\tcardinal\n")
    with pytest.raises(DateTableError, match=r"lexicon.tsv:1: header"):
        tables.lexicon("set\tword\n")
    with pytest.raises(DateTableError, match=r"tense_cues.tsv:2: expected 3"):
        tables.tense_cues("cue\ttense\tnote\nwill\n")
    with pytest.raises(DateTableError, match=r"fiscal_years.tsv:2: start_month"):
        tables.fiscal_years("cue\tstart_month\tnamed_by\tnote\njapan\t13\tstart\tx\n")
    # the bundled tables load
    assert tables.named_days()["thanksgiving"] == "nth 11 4 thu"
    assert tables.numbers()["ninety"] == (90, "tens")


def test_extended_finder_adds_the_new_families_only_when_asked() -> None:
    from eventwire.dates import find_date_expressions

    s = (
        "Profit fell from a year earlier, and two days later the board met; in fiscal 2004 "
        "and the 1990s, and in nineteen seventy-nine, sales peaked at Christmas. He left on "
        "June 3, 1998 and returned the next day, two days before the vote."
    )
    assert [m.text for m in find_date_expressions(s)] == ["June 3, 1998"]
    found = find_date_expressions(s, extended=True)
    assert [m.text for m in found] == [
        "a year earlier",
        "two days later",
        "fiscal 2004",
        "the 1990s",
        "nineteen seventy-nine",
        "Christmas",
        "June 3, 1998",
        "the next day",
    ]  # not "two days before": it is measured from the vote, which is not a date
    assert all(s[m.start : m.end] == m.text for m in found)
    assert all(resolve_date(m.text, A, context=s) is not None for m in found)
    r = resolve_date("the next day", A, context=s)
    assert r == (date(1998, 6, 4), "day") and "anaphoric" in r.flags
