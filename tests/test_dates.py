"""eventwire.dates: finding time expressions and resolving them against a publication date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.dates import DateMention, find_date_expressions, resolve_date

THU = date(2014, 3, 20)  # a Thursday
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        # weekdays, past by default; the anchor's own weekday is the anchor day
        ("on Wednesday", date(2014, 3, 19), "day"),
        ("Wednesday", date(2014, 3, 19), "day"),
        ("Thursday", THU, "day"),
        ("on Friday", date(2014, 3, 14), "day"),
        ("Monday morning", date(2014, 3, 17), "day"),
        ("Wednesday night", date(2014, 3, 19), "day"),
        ("last Wednesday", date(2014, 3, 19), "day"),
        ("last Thursday", date(2014, 3, 13), "day"),
        ("next Friday", date(2014, 3, 21), "day"),
        ("next Thursday", date(2014, 3, 27), "day"),
        # relative days
        ("today", THU, "day"),
        ("tonight", THU, "day"),
        ("this morning", THU, "day"),
        ("this afternoon", THU, "day"),
        ("this evening", THU, "day"),
        ("yesterday", date(2014, 3, 19), "day"),
        ("yesterday morning", date(2014, 3, 19), "day"),
        ("last night", date(2014, 3, 19), "day"),
        ("tomorrow", date(2014, 3, 21), "day"),
        ("the day before yesterday", date(2014, 3, 18), "day"),
        ("two days ago", date(2014, 3, 18), "day"),
        ("3 days ago", date(2014, 3, 17), "day"),
        # weeks: the Monday of that week, precision "week"
        ("last week", date(2014, 3, 10), "week"),
        ("this week", date(2014, 3, 17), "week"),
        ("earlier this week", date(2014, 3, 17), "week"),
        ("next week", date(2014, 3, 24), "week"),
        ("over the weekend", date(2014, 3, 15), "week"),
        # months and years
        ("earlier this month", date(2014, 3, 1), "month"),
        ("this month", date(2014, 3, 1), "month"),
        ("last month", date(2014, 2, 1), "month"),
        ("next month", date(2014, 4, 1), "month"),
        ("last year", date(2013, 1, 1), "year"),
        ("this year", date(2014, 1, 1), "year"),
        ("earlier this year", date(2014, 1, 1), "year"),
        # explicit dates
        ("March 20", THU, "day"),
        ("on March 20", THU, "day"),
        ("March 20th", THU, "day"),
        ("20 March 2014", THU, "day"),
        ("the 20th of March", THU, "day"),
        ("Mar. 20", THU, "day"),
        ("Sept. 3, 2013", date(2013, 9, 3), "day"),
        ("Thursday, March 20, 2014", THU, "day"),
        ("2014-03-20", THU, "day"),
        ("MARCH 20", THU, "day"),
        ("March 2014", date(2014, 3, 1), "month"),
        ("mid-March 2014", date(2014, 3, 1), "month"),
        ("in March", date(2014, 3, 1), "month"),
        ("early April", date(2014, 4, 1), "month"),  # the nearest April
        ("last March", date(2013, 3, 1), "month"),
        ("in 2013", date(2013, 1, 1), "year"),
        ("late 2012", date(2012, 1, 1), "year"),
        # odd explicit forms go to dateparser
        ("20.03.2014", THU, "day"),
        ("3/20/2014", THU, "day"),
    ],
)
def test_expression_kinds(expression: str, expected: date, precision: str) -> None:
    assert resolve_date(expression, THU) == (expected, precision)


@pytest.mark.parametrize(
    ("expression", "past", "future"),
    [
        ("on Friday", date(2014, 3, 14), date(2014, 3, 21)),
        ("Wednesday", date(2014, 3, 19), date(2014, 3, 26)),
        ("Thursday", THU, THU),
        ("Sunday", date(2014, 3, 16), date(2014, 3, 23)),
        ("next Friday", date(2014, 3, 21), date(2014, 3, 21)),
        ("last Friday", date(2014, 3, 14), date(2014, 3, 14)),
    ],
)
def test_future_and_past_weekdays(expression: str, past: date, future: date) -> None:
    assert resolve_date(expression, THU) == (past, "day")
    assert resolve_date(expression, THU, future=True) == (future, "day")


@pytest.mark.parametrize(
    ("expression", "anchor", "future", "expected"),
    [
        ("on Tuesday", date(2014, 1, 2), False, date(2013, 12, 31)),
        ("Monday", date(2014, 3, 1), False, date(2014, 2, 24)),
        ("Friday", date(2013, 12, 30), True, date(2014, 1, 3)),
        ("yesterday", date(2014, 1, 1), False, date(2013, 12, 31)),
        ("tomorrow", date(2013, 12, 31), False, date(2014, 1, 1)),
        ("yesterday", date(2012, 3, 1), False, date(2012, 2, 29)),
        ("December 28", date(2014, 1, 5), False, date(2013, 12, 28)),
        ("January 3", date(2013, 12, 30), True, date(2014, 1, 3)),
        ("January 3", date(2013, 12, 30), False, date(2014, 1, 3)),  # within the slack
        ("January 10", date(2013, 12, 30), False, date(2013, 1, 10)),
        ("February 29", date(2014, 3, 20), False, date(2012, 2, 29)),
    ],
)
def test_month_and_year_boundaries(
    expression: str, anchor: date, future: bool, expected: date
) -> None:
    assert resolve_date(expression, anchor, future=future) == (expected, "day")


def test_period_boundaries() -> None:
    jan2 = date(2014, 1, 2)
    assert resolve_date("last month", jan2) == (date(2013, 12, 1), "month")
    assert resolve_date("last week", jan2) == (date(2013, 12, 23), "week")
    assert resolve_date("last year", jan2) == (date(2013, 1, 1), "year")
    assert resolve_date("next month", date(2013, 12, 15)) == (date(2014, 1, 1), "month")
    assert resolve_date("in December", jan2) == (date(2013, 12, 1), "month")
    assert resolve_date("in December", jan2, future=True) == (date(2014, 12, 1), "month")
    assert resolve_date("in January", jan2) == (date(2014, 1, 1), "month")


def test_dates_without_year_stay_near_the_anchor() -> None:
    # future=False: the past, a week's slack for scheduled events; future=True looks forward
    assert resolve_date("March 18", THU, future=False) == (date(2014, 3, 18), "day")
    assert resolve_date("March 24", THU, future=False) == (date(2014, 3, 24), "day")
    assert resolve_date("March 30", THU, future=False) == (date(2013, 3, 30), "day")
    assert resolve_date("March 30", THU, future=True) == (date(2014, 3, 30), "day")
    assert resolve_date("March 10", THU, future=True) == (date(2015, 3, 10), "day")
    assert resolve_date("September 25", THU, future=False) == (date(2013, 9, 25), "day")
    assert resolve_date("early April", THU, future=False) == (date(2013, 4, 1), "month")
    # neither forced nor told by a sentence: the occurrence nearest the anchor
    assert resolve_date("March 30", THU) == (date(2014, 3, 30), "day")
    assert resolve_date("September 25", THU) == (date(2013, 9, 25), "day")  # 176 days back
    assert resolve_date("September 15", THU) == (date(2014, 9, 15), "day")  # 179 days ahead
    assert resolve_date("in March", THU) == (date(2014, 3, 1), "month")


def test_explicit_dates_with_year_ignore_the_anchor() -> None:
    assert resolve_date("20 March 2011", THU) == (date(2011, 3, 20), "day")
    assert resolve_date("March 20, 2016", THU, future=True) == (date(2016, 3, 20), "day")
    assert resolve_date("Feb 30 2014", THU) is None
    assert resolve_date("2014-02-30", THU) is None


@pytest.mark.parametrize(
    "anchor",
    [
        THU,
        datetime(2014, 3, 20, 17, 50),
        datetime(2014, 3, 20, 17, 50, tzinfo=UTC),
        "2014-03-20",
        "2014-03-20T17:50:00+00:00",
        "2014-03-20T17:50:00Z",
    ],
)
def test_anchor_types(anchor: date | datetime | str) -> None:
    assert resolve_date("yesterday", anchor) == (date(2014, 3, 19), "day")


def test_bad_anchor() -> None:
    with pytest.raises(ValueError):
        resolve_date("yesterday", "not a date at all, really")


@pytest.mark.parametrize(
    "expression",
    ["", "   ", "hello", "the ministry", "Kiev", "15", "may be", "a week", "2014 dollars"],
)
def test_non_dates(expression: str) -> None:
    assert resolve_date(expression, THU) is None


def test_find_date_expressions_offsets() -> None:
    s = (
        "UNITED NATIONS, March 20 (Reuters) - Ban travels to Kiev on Friday, the U.N. said "
        "on Thursday, after talks last week and a vote on 16 March 2014; elections were held "
        "in 2013 and again in early April, officials said yesterday morning."
    )
    found = find_date_expressions(s)
    assert [m.text for m in found] == [
        "March 20",
        "Friday",
        "Thursday",
        "last week",
        "16 March 2014",
        "2013",
        "early April",
        "yesterday morning",
    ]
    for m in found:
        assert isinstance(m, DateMention)
        assert s[m.start : m.end] == m.text
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_find_date_expressions_forms() -> None:
    def texts(s: str) -> list[str]:
        return [m.text for m in find_date_expressions(s)]

    assert texts("The treaty takes effect 2014-04-01.") == ["2014-04-01"]
    assert texts("They met on Thursday, March 20, 2014 in Geneva.") == ["Thursday, March 20, 2014"]
    assert texts("Rebels attacked two days ago and will talk next week.") == [
        "two days ago",
        "next week",
    ]
    assert texts("He left Mar. 3rd and came back the day before yesterday.") == [
        "Mar. 3rd",
        "the day before yesterday",
    ]
    assert texts("Fighting eased over the weekend and earlier this month.") == [
        "the weekend",
        "earlier this month",
    ]
    assert texts("The vote on the 20th of March was delayed.") == ["the 20th of March"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The spokesman said the message was well received by the officials.",
        "Protesters march on the capital and the ministry may decide soon.",
        "At least 15 people were killed and 2,013 wounded, police said.",
        "Prices rose 3 percent in 2012 dollars.",
        "Mon dieu, said the satellite operator on Sat TV.",
        "",
    ],
)
def test_find_nothing(sentence: str) -> None:
    assert find_date_expressions(sentence) == []


@settings(max_examples=300, deadline=None)
@given(
    anchor=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    weekday=st.integers(min_value=0, max_value=6),
    modifier=st.sampled_from(["", "on ", "this "]),
)
def test_weekday_property(anchor: date, weekday: int, modifier: str) -> None:
    expression = modifier + WEEKDAY_NAMES[weekday]
    past, precision = resolve_date(expression, anchor, future=False) or (None, None)
    assert precision == "day" and past is not None
    assert past.weekday() == weekday
    assert 0 <= (anchor - past).days <= 6
    future, _ = resolve_date(expression, anchor, future=True) or (None, None)
    assert future is not None and future.weekday() == weekday
    assert 0 <= (future - anchor).days <= 6
    last, _ = resolve_date("last " + WEEKDAY_NAMES[weekday], anchor) or (None, None)
    assert last is not None and 1 <= (anchor - last).days <= 7
    # unforced, "this Friday" is the Friday of the anchor's week
    this, _ = resolve_date("this " + WEEKDAY_NAMES[weekday], anchor) or (None, None)
    assert this is not None and this.isocalendar()[:2] == anchor.isocalendar()[:2]
    assert this.weekday() == weekday


@settings(max_examples=200, deadline=None)
@given(d=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_explicit_date_round_trip(d: date) -> None:
    anchor = d + timedelta(days=40)
    for fmt in ("%B %d, %Y", "%d %B %Y", "%Y-%m-%d", "%A, %B %d, %Y"):
        assert resolve_date(d.strftime(fmt), anchor) == (d, "day")
    no_year = resolve_date(d.strftime("%B %d"), anchor)
    assert no_year is not None and no_year[0] <= anchor


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aM 1,.-Tuesdaymarch20yesterdaylastweek")), max_size=80)
)
def test_find_is_total_and_offsets_hold(text: str) -> None:
    for m in find_date_expressions(text):
        assert text[m.start : m.end] == m.text
        assert resolve_date(m.text, THU) is not None
