"""eventwire.dates: more families of English time expressions in news, each with its TimeML
granularity (a week is a week, a month a month); sentences are our own. Anchor: Thursday
2 November 1989."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import resolve_date

A = date(1989, 11, 2)  # a Thursday


def _iso(expression: str, sentence: str | None = None) -> str | None:
    """The result as TimeML writes a value: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY."""
    r = resolve_date(expression, A, context=sentence)
    if r is None:
        return None
    d, p = r
    if p == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}.get(p, p)


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # the unit that holds a named day: a week of statistics, a reporting month
        ("the week of Oct. 23", "Sales rose sharply the week of Oct. 23.", "1989-W43"),
        ("the week ended Oct. 27", "Claims fell in the week ended Oct. 27.", "1989-W43"),
        ("the week ending Oct. 27", "Claims fell in the week ending Oct. 27.", "1989-W43"),
        ("the month ended Oct. 31", "Output rose in the month ended Oct. 31.", "1989-10"),
        ("the week ended Oct. 27, 1988", None, "1988-W43"),
        ("the week beginning Monday", "Talks resume the week beginning Monday.", "1989-W45"),
    ],
)
def test_the_unit_holding_a_day(expression: str, sentence: str | None, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("midyear", "1989"),
        ("mid-year", "1989"),
        ("midweek", "1989-W44"),
        ("mid-month", "1989-11"),
        ("year-end 1990", "1990-12"),
        ("the 1988 period", "1988"),
        ("the 1990 season", "1990"),
    ],
)
def test_mid_units_and_years_as_periods(expression: str, value: str) -> None:
    assert _iso(expression) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        ("the same month last year", None, "1988-11"),
        ("the same week a year ago", None, "1988-W44"),
        ("the same day a year earlier", None, "1988-11-02"),
        # measured from the month the sentence is about, not the story's
        (
            "the same month a year earlier",
            "Car sales in August rose 5% from the same month a year earlier.",
            "1988-08",
        ),
        ("the prior month", "Orders fell 2% from the prior month.", "1989-10"),
        ("the prior week", "Jobless claims fell from the prior week.", "1989-W43"),
        ("the prior year", "Net income was $4 million the prior year.", "1988"),
    ],
)
def test_comparison_periods(expression: str, sentence: str | None, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        ("Friday next week", None, "1989-11-10"),
        ("Tuesday of last week", None, "1989-10-24"),
        ("Monday this week", None, "1989-10-30"),
        ("a week from Friday", None, "1989-11-10"),
        ("a week from tomorrow", None, "1989-11-10"),
        # a bare day of the month: this month's or the next's by tense
        ("the 15th", "The board meets on the 15th.", "1989-11-15"),
        ("the 30th", "The board met on the 30th.", "1989-10-30"),
        ("the 28th of last month", None, "1989-10-28"),
        ("the 3rd of next month", None, "1989-12-03"),
    ],
)
def test_days_named_by_week_or_by_number(expression: str, sentence: str | None, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        ("the first of the year", "Prices will rise after the first of the year.", "1990-01-01"),
        ("St. Patrick's Day", "The parade was held on St. Patrick's Day.", "1989-03-17"),
        ("New Year's", "Stores reopen after New Year's.", "1990-01-01"),
    ],
)
def test_named_days_with_numbers_and_abbreviations(
    expression: str, sentence: str, value: str
) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        ("9/11", "Airport security has tightened since 9/11.", "2001-09-11"),
        ("Sept. 11", "Security has tightened since the Sept. 11 terrorist attacks.", "2001-09-11"),
        ("September 11", "The hijackers of September 11 trained in Florida.", "2001-09-11"),
        ("Black Monday", "Stocks fell further than on Black Monday in 1987's crash.", "1987-10-19"),
        # without a cue of the event, the date is an ordinary one
        ("Sept. 11", "The committee voted on Sept. 11.", "1989-09-11"),
    ],
)
def test_named_days_of_history(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


def test_named_events_table_is_checked() -> None:
    from eventwire.dates import DateTableError, tables

    bad = "name\tcue\tdate\tnote\nd day\t-\t1944-13-06\tno month 13\n"
    with pytest.raises(DateTableError, match=r"named_events.tsv:2: date must be YYYY-MM-DD"):
        tables.named_events(bad)


@pytest.mark.parametrize(
    ("expression", "value"),
    [("a decade ago", "1979"), ("two decades ago", "1969"), ("a century ago", "1889")],
)
def test_decades_ago_are_years(expression: str, value: str) -> None:
    """TimeML dates "a decade ago" to the year ten years back, not to a decade."""
    assert _iso(expression) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "start", "flags"),
    [
        # a season is the three months from its first: TimeML's SU/FA/WI/SP at quarter grain
        ("this summer", None, date(1989, 6, 1), ("season",)),
        ("last winter", None, date(1988, 12, 1), ("season",)),
        ("next spring", None, date(1990, 3, 1), ("season",)),
        ("the summer of 1987", None, date(1987, 6, 1), ("season",)),
        ("autumn 1990", None, date(1990, 9, 1), ("season",)),
        # a bare season is chosen like a month, by the tense
        ("the spring", "Elections will be held in the spring.", date(1990, 3, 1), ("season",)),
        ("the spring", "Elections were held in the spring.", date(1989, 3, 1), ("season",)),
    ],
)
def test_seasons(expression: str, sentence: str | None, start: date, flags: tuple) -> None:
    r = resolve_date(expression, A, context=sentence)
    assert r is not None and (r.date, r.precision) == (start, "quarter")
    assert set(flags) <= set(r.flags) and (r.span[1] - r.span[0]).days in (89, 90, 91, 92)


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # ordinal words in parts ("first" is written "1st" before the grammar reads it)
        ("the first half of 1990", "1990"),
        ("the first part of next year", "1990"),
        ("the second half", "1989"),
    ],
)
def test_halves_keep_the_year(expression: str, value: str) -> None:
    assert _iso(expression) == value


@pytest.mark.parametrize(
    "expression",
    ["the coming months", "the past years", "the next weeks", "the days", "recent years"],
)
def test_plural_units_are_no_date(expression: str) -> None:
    """ "the coming months" is a vague stretch of time (TimeML FUTURE_REF), no month."""
    assert resolve_date(expression, A) is None


@pytest.mark.parametrize(
    ("expression", "anchor", "start"),
    [
        ("the nineties", date(1989, 11, 2), date(1990, 1, 1)),  # about to begin
        ("the '90s", date(2013, 3, 22), date(1990, 1, 1)),
        ("the twenties", date(2013, 3, 22), date(1920, 1, 1)),  # not the 2020s yet
        ("the '80s", date(1989, 11, 2), date(1980, 1, 1)),
    ],
)
def test_decades_without_a_century(expression: str, anchor: date, start: date) -> None:
    assert resolve_date(expression, anchor) == (start, "decade")


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # the wire services' "end-March", "end-1989", "end of the year" (no article)
        ("end-March", "1990-03"),
        ("end of October", "1989-10"),  # a bare month next to the anchor's: the near one
        ("end-1990", "1990"),
        ("end of the year", "1989"),
        ("by end-June", "1990-06"),
    ],
)
def test_parts_without_an_article(expression: str, value: str) -> None:
    assert _iso(expression, f"The plant will close {expression}.") == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # "the following Monday" is measured from the day in focus when the sentence names one
        (
            "the following Monday",
            "He arrived on Oct. 18 and left the following Monday.",
            "1989-10-23",
        ),
        (
            "the previous Friday",
            "Shares fell on Oct. 20, a week after the previous Friday.",
            "1989-10-13",
        ),
        ("the following Monday", "He left the following Monday.", "1989-11-06"),
        # two steps: "the week after next", "the year before last"
        ("the week after next", None, "1989-W46"),
        ("the year before last", None, "1987"),
        # an anniversary: a day named, then moved back
        ("a year ago today", None, "1988-11-02"),
        ("a week ago Friday", None, "1989-10-20"),
        # "on or about": an approximation of the day
        ("on or about Oct. 28", "The ship sank on or about Oct. 28.", "1989-10-28"),
    ],
)
def test_focus_weekdays_two_steps_and_anniversaries(
    expression: str, sentence: str | None, value: str
) -> None:
    assert _iso(expression, sentence) == value


def test_extended_finder_finds_the_new_families() -> None:
    from eventwire.dates import find_date_expressions

    def found(text: str, extended: bool = True) -> list[str]:
        return [m.text for m in find_date_expressions(text, extended=extended)]

    assert found("Talks resume this fall after they broke down last summer.") == [
        "this fall",
        "last summer",
    ]
    assert found("Prices fall in the summer.") == []  # a verb, and a season without a year
    assert found("The mine closed in the spring of 1988.") == ["the spring of 1988"]
    assert found("Debt is to halve by end-March.") == ["end-March"]
    assert found("Airport rules changed after 9/11.") == ["9/11"]
    assert found("Claims fell in the week ended Oct. 27.") == ["the week ended Oct. 27"]
    assert found("Claims fell in the week ended Oct. 27.", extended=False) == ["Oct. 27"]


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("Monday, Jan. 8", "1990-01-08"),  # 8 January 1990 is a Monday (1989's was a Sunday)
        ("Sunday, Jan. 8", "1989-01-08"),
        ("Thursday, the 2nd of November", "1989-11-02"),
    ],
)
def test_a_weekday_tells_the_year(expression: str, value: str) -> None:
    assert _iso(expression) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # the earnings report's comparison periods: a year back, at the grain the noun names
        ("the year-earlier period", None, "1988"),
        ("the year-ago period", None, "1988"),
        ("the prior-year period", None, "1988"),
        ("the year-ago level", None, "1988"),
        ("the same period last year", None, "1988"),
        ("the same period a year earlier", None, "1988"),
        ("the corresponding period of 1987", None, "1987"),
        ("the year-earlier month", "Sales in August rose from the year-earlier month.", "1988-08"),
        ("the 1988 quarter", None, "1988"),
        # an anaphoric "the previous year" still looks back from the year in focus
        ("the previous year", "He won in 1984; he had run the previous year.", "1983"),
        # a period with nothing to date it is no date
        ("the same period", None, None),
    ],
)
def test_comparison_periods_of_earnings_reports(
    expression: str, sentence: str | None, value: str | None
) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # the part of a unit up to now is still that unit
        ("so far this year", "1989"),
        ("thus far this month", "1989-11"),
        ("this year to date", "1989"),
        ("the year so far", "1989"),
        ("so far in 1988", "1988"),
    ],
)
def test_the_unit_so_far(expression: str, value: str) -> None:
    assert _iso(expression, f"Sales rose 5% {expression}.") == value
    assert resolve_date("so far", A) is None  # the words alone date nothing


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # "preceding" counts back like "previous": from the anchor, or the year in focus
        ("the preceding year", None, "1988"),
        ("the preceding year", "He won in 1984 after losing the preceding year.", "1983"),
        ("the preceding month", "Sales rose in August from the preceding month.", "1989-07"),
        # "calendar year" is a year
        ("this calendar year", None, "1989"),
        ("next calendar year", None, "1990"),
    ],
)
def test_preceding_and_calendar_years(expression: str, sentence: str | None, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # more words for "the next" one and "the one after"
        ("the subsequent year", "He won in 1984 and lost the subsequent year.", "1985"),
        ("the ensuing year", None, "1990"),
        ("the upcoming week", None, "1989-W45"),
        ("the year following", "He won in 1984 and lost the year following.", "1985"),
        # an exact approximator changes nothing
        ("exactly a year ago", None, "1988"),
        # the first or last days, weeks, months of a unit are in that unit
        ("the closing days of 1988", None, "1988"),
        ("the first days of 1990", None, "1990"),
        ("the final months of last year", None, "1988"),
        ("the last days of October", "Sales fell in the last days of October.", "1989-10"),
        ("the final week of October", None, "1989-W44"),
    ],
)
def test_synonyms_of_next_and_ends_of_units(
    expression: str, sentence: str | None, value: str
) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # the first or last N units of a named unit are in it, at its grain
        ("the first nine months of this year", "1989"),
        ("the first 10 months of 1988", "1988"),
        ("the last two weeks of March", "1989-03"),
        # a stretch named by its length alone dates nothing: no day made up for it
        ("the first nine months", None),
        ("the 1970s and 1980s", None),
    ],
)
def test_stretches_of_a_unit(expression: str, value: str | None) -> None:
    assert _iso(expression, f"Profit rose in {expression}.") == value
    # numeric dates still go to the fallback reader
    assert _iso("3/20/1989") == "1989-03-20"


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        ("International Women's Day", "Rallies will mark International Women's Day.", "1990-03-08"),
        ("Earth Day", "Marchers gathered on Earth Day.", "1989-04-22"),
        ("Orthodox Christmas", "Serbs will celebrate Orthodox Christmas.", "1990-01-07"),
        ("Canada Day", "Crowds filled Ottawa on Canada Day.", "1989-07-01"),
    ],
)
def test_more_fixed_named_days(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # a possessive determiner in place of "the": "its fiscal year", "their fiscal 1990"
        ("its fiscal year", "1989"),
        ("their fiscal 1990", "1990"),
        ("its 1988 fiscal year", "1988"),
        ("its third quarter", "quarter"),
        # years of a trade's own calendar name their year: autos, crops, taxes, schools
        ("the 1990 model year", "1990"),
        ("the 1988 crop year", "1988"),
        ("the 1989 tax year", "1989"),
        ("the 1990 calendar year", "1990"),
        # controls: a possessive before what is no time expression, a kind of year with none
        ("its results", None),
        ("the model year", None),
    ],
)
def test_possessive_determiners_and_kinds_of_year(expression: str, value: str | None) -> None:
    assert _iso(expression) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # a change counted "since year-end" is counted from the year's last day (a point)
        ("year-end", "The index has gained 12% since year-end.", "1988-12-31"),
        ("year-end 1987", "Prices have doubled since year-end 1987.", "1987-12-31"),
        # controls: elsewhere year-end is the year's last month
        ("year-end", "The index should reach 3,000 by year-end.", "1989-12"),
        ("year-end", "The index fell at year-end.", "1988-12"),
    ],
)
def test_since_year_end_is_the_last_day(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # "last" / "next" / "this" before a month and day: the occurrence before or after the
        # anchor, or the anchor year's
        ("last Dec. 12", "The plant closed last Dec. 12.", "1988-12-12"),
        ("last Oct. 5", "The plant closed last Oct. 5.", "1989-10-05"),
        ("next Jan. 15", "The plant will close next Jan. 15.", "1990-01-15"),
        ("this Dec. 12", "The plant will close this Dec. 12.", "1989-12-12"),
        # a year named before does not move an explicit "last"
        ("last Dec. 12", "Founded in 1975, the plant closed last Dec. 12.", "1988-12-12"),
        # "the first of the month": the anchor month's, or the one tense picks
        ("the first of the month", "Rents rose on the first of the month.", "1989-11-01"),
        # controls: with no modifier, the nearest (the rule for a day within two months)
        ("Dec. 12", "The plant closed Dec. 12.", "1989-12-12"),  # near the anchor
        ("Oct. 5", "The plant closed Oct. 5.", "1989-10-05"),
    ],
)
def test_last_and_next_before_a_month_day(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # a weekday and a day of the month: the month whose day falls on it, the latest one,
        # or the coming one in a future clause
        ("Friday the 13th", "Stocks plunged on Friday the 13th.", "1989-10-13"),
        ("Tuesday the 5th", "The vote will be held Tuesday the 5th.", "1989-12-05"),
        # a bare day of the month is always near the anchor: a stated tense decides
        ("the 13th", "Stocks plunged on the 13th.", "1989-10-13"),
        ("the 20th", "The vote will be held on the 20th.", "1989-11-20"),
        # control: with no tense, the nearest
        ("the 15th", None, "1989-11-15"),
    ],
)
def test_days_of_the_month(expression: str, sentence: str | None, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # a fiscal year whose end the sentence names after it takes that convention: the one
        # ending next (a past "ended": the one just over), named by the year it ends in
        ("the fiscal year", "It expects a loss for the fiscal year ending June 30.", "1990"),
        (
            "the current fiscal year",
            "It expects a loss in the current fiscal year, which ends in March.",
            "1990",
        ),
        ("the fiscal year", "Net rose 5% in the fiscal year ended Sept. 30.", "1989"),
        ("next fiscal year", "Sales will rise next fiscal year, ending Sept. 30.", "1991"),
        (
            "the current fiscal year",
            "He cut his estimate for the current fiscal year ending in August.",
            "1990",
        ),
        (
            "the previous fiscal year",
            "It lost money in the previous fiscal year ended Jan. 31, 1987.",
            "1987",
        ),
        # controls: no end named, the calendar year (flagged); "ending" after a year given
        ("the fiscal year", "It expects a loss for the fiscal year.", "1989"),
        ("fiscal 1990", "It expects a loss in fiscal 1990, ending June 30.", "1990"),
    ],
)
def test_a_fiscal_year_with_its_end_named(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # a span of years is dated by its first year (it was read as a day: "2014-15" as the
        # 15th of the anchor's month)
        ("1989-90", "1989"),
        ("the 1986/87 season", "1986"),
        ("2012-2013", "2012"),
        ("1999-00", "1999"),
        # controls: a year and month, a fiscal year named by its end
        ("1989-05", "1989-05"),
        ("fiscal 1989-90", "1990"),
    ],
)
def test_spans_of_years(expression: str, value: str) -> None:
    assert _iso(expression) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # a month or day with a two-digit year after an apostrophe, in the century nearest
        ("October '87", "1987-10"),
        ("Oct. 19, '87", "1987-10-19"),
        ("June of '88", "1988-06"),
        ("Jan. '02", "2002-01"),
        # controls: the four-digit forms, a bare short year
        ("October 1987", "1987-10"),
        ("'87", "1987"),
    ],
)
def test_months_and_days_with_a_short_year(expression: str, value: str) -> None:
    assert _iso(expression) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # a year spoken as a two-digit number ("in ninety-seven"), in the century nearest
        ("ninety-seven", "1997"),
        ("in eighty-eight", "1988"),
        ("since ninety-one", "1991"),
        # controls: digits alone, a number under twenty
        ("97", None),
        ("thirteen", None),
    ],
)
def test_years_spoken_as_two_digits(expression: str, value: str | None) -> None:
    assert _iso(expression) == value
