"""eventwire.dates: the expression families of issue 15 and the tense cases that choose among
their occurrences, each with a positive control; sentences are our own. Anchor: Thursday
2 November 1989 unless a case says otherwise."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import find_date_expressions, resolve_date

A = date(1989, 11, 2)  # a Thursday


def _iso(expression: str, sentence: str | None = None, anchor: date = A) -> str | None:
    """The result as TimeML writes a value (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY), a decade as
    its first year and "decade"."""
    r = resolve_date(expression, anchor, context=sentence)
    if r is None:
        return None
    d, p = r
    if p == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if p == "decade":
        return f"{d.year} decade"
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}.get(p, p)


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # a decade's plural written with an apostrophe, once a word stands before it
        ("the 1980's", "1980 decade"),
        ("the late 1970's", "1970 decade"),
        ("mid-1990's", "1990 decade"),
        ("the '60's", "1960 decade"),
        # controls: a year's possessive
        ("1987's", "1987"),
        ("1980's", "1980"),
        ("this year's", "1989"),
    ],
)
def test_decades_written_with_an_apostrophe(expression: str, value: str) -> None:
    assert _iso(expression) == value


def test_the_finder_takes_no_year_out_of_a_decade() -> None:
    text = "Prices soared in the late 1970's, fell in late 1987 and in 1988's first half."
    assert [m.text for m in find_date_expressions(text)] == ["late 1987", "1988"]
    found = find_date_expressions("Prices soared in the late 1970's.", extended=True)
    assert [m.text for m in found] == ["the late 1970's"]


@pytest.mark.parametrize(
    ("expression", "sentence", "anchor", "start"),
    [
        # "this" + a season the anchor lies in is that season, whatever the tense
        ("this fall", "The car will be introduced this fall.", A, date(1989, 9, 1)),
        ("this winter", "It will stay cold this winter.", date(1990, 1, 10), date(1989, 12, 1)),
        ("this winter", "It has been cold this winter.", date(1990, 1, 10), date(1989, 12, 1)),
        # controls: a season not yet begun, or over
        ("this spring", "The car will be introduced this spring.", A, date(1990, 3, 1)),
        ("this summer", "The car was introduced this summer.", A, date(1989, 6, 1)),
    ],
)
def test_this_season(expression: str, sentence: str, anchor: date, start: date) -> None:
    r = resolve_date(expression, anchor, context=sentence)
    assert r is not None and (r.date, r.precision) == (start, "quarter")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a plural subject (two names joined, a relative pronoun) before a verb of schedule in
        # the present: a day still to come
        ("Israel and Syria meet Monday.", "1989-11-06"),
        ("The U.S. and Japan resume talks Monday.", "1989-11-06"),
        ("The shares, which begin trading Monday, are priced at $40.", "1989-11-06"),
        # controls: the past, and a singular noun
        ("The talks between Israel and Syria began Monday.", "1989-10-30"),
        ("The shares, which began trading Monday, are priced at $40.", "1989-10-30"),
        ("The state visit Monday was brief.", "1989-10-30"),
    ],
)
def test_plural_subjects_of_a_schedule(sentence: str, value: str) -> None:
    assert _iso("Monday", sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # the past verb the date modifies keeps a year-less date in the current year (news
        # leaves out the current year), against a next-year occurrence nearer the anchor
        ("Jan. 1", "The law took effect Jan. 1.", "1989-01-01"),
        ("Jan. 5", "The company's founder died on Jan. 5.", "1989-01-05"),
        ("January", "The company filed for bankruptcy in January.", "1989-01"),
        # controls: another verb's past, a future, a date set, no tense
        ("Jan. 15", "The board declared a dividend of 10 cents, payable Jan. 15.", "1990-01-15"),
        ("Jan. 1", "The law will take effect Jan. 1.", "1990-01-01"),
        ("Jan. 1", "The vote was set for Jan. 1.", "1990-01-01"),
        ("Jan. 1", "The Jan. 1 deadline worries investors.", "1990-01-01"),
    ],
)
def test_a_governing_past_against_nearness(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "anchor", "value"),
    [
        # a named day is a date: one within two months of the anchor (three for a "before"
        # or a deadline) is the near one whatever the verb of what happened before it
        (
            "Election Day",
            "Dinkins led Giuliani by 14 points a week before Election Day.",
            A,
            "1989-11-07",
        ),
        ("Election Day", "In the week before Election Day, the polls tightened.", A, "1989-11-07"),
        (
            "Election Day",
            "Both candidates said they would campaign until Election Day.",
            A,
            "1989-11-07",
        ),
        ("Election Day", "Voters go to the polls on Election Day.", A, "1989-11-07"),
        # controls: a far one goes by the tense; a past verb it modifies keeps it in the year
        ("Election Day", "On Election Day, turnout was low.", date(1989, 2, 10), "1988-11-08"),
        ("New Year's Day", "The law took effect on New Year's Day.", A, "1989-01-01"),
        ("New Year's Day", "The law will take effect on New Year's Day.", A, "1990-01-01"),
    ],
)
def test_named_days_near_the_anchor(
    expression: str, sentence: str, anchor: date, value: str
) -> None:
    assert _iso(expression, sentence, anchor) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("the fiscal year 1990", "1990"),
        ("the financial year 1988", "1988"),
        ("fiscal 1989", "1989"),  # control
    ],
)
def test_fiscal_year_named_after_its_noun(expression: str, value: str) -> None:
    assert _iso(expression) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # a weekday counted within a month, the month's year chosen among the days themselves
        ("the first Monday in December", "The vote is the first Monday in December.", "1989-12-04"),
        ("the fourth Thursday in November", None, "1989-11-23"),
        ("the last Monday of May 1990", None, "1990-05-28"),
        ("the third Wednesday of next month", None, "1989-12-20"),
        (
            "the second Tuesday of March",
            "The vote was held the second Tuesday of March.",
            "1989-03-14",
        ),
        (
            "the second Tuesday of March",
            "The vote is set for the second Tuesday of March.",
            "1990-03-13",
        ),
        # a month without a fifth Friday: no date
        ("the fifth Friday of the month", None, None),
    ],
)
def test_nth_weekday_of_a_month(expression: str, sentence: str | None, value: str | None) -> None:
    assert _iso(expression, sentence) == value


def test_the_extended_finder_takes_a_counted_weekday_whole() -> None:
    text = "The vote is the first Monday in December, not Friday."
    found = find_date_expressions(text, extended=True)
    assert [m.text for m in found] == ["the first Monday in December", "Friday"]


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("a year ago this month", "1988-11"),
        ("two years ago this week", "1987-W44"),
        ("a year ago today", "1988-11-02"),  # control
    ],
)
def test_years_ago_this_unit(expression: str, value: str) -> None:
    assert _iso(expression) == value


SUNDAY = date(1998, 10, 25)


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # on a Sunday the ISO week ends today: the week a future verb means starts tomorrow
        ("this week", "The Senate will vote this week.", "1998-W44"),
        ("later this week", "The Senate is expected to vote later this week.", "1998-W44"),
        # controls: the past, no tense, and a Saturday
        ("this week", "The Senate voted this week.", "1998-W43"),
        ("this week", None, "1998-W43"),
        ("next week", "The Senate will vote next week.", "1998-W44"),
    ],
)
def test_this_week_in_a_sunday_story(expression: str, sentence: str | None, value: str) -> None:
    assert _iso(expression, sentence, SUNDAY) == value
    if expression == "this week" and sentence and "will" in sentence:
        assert _iso(expression, sentence, date(1998, 10, 24)) == "1998-W43"


MONDAY = date(1990, 1, 8)


@pytest.mark.parametrize(
    ("expression", "sentence", "anchor", "value"),
    [
        # issue 15's families, one sentence each (our own), at TimeML's granularity
        ("the end of 1990", "The plant will close by the end of 1990.", A, "1990"),
        ("fiscal 1989", "In fiscal 1989, profit rose 12%.", A, "1989"),
        ("the current year", "Profit will rise in the current year.", A, "1989"),
        ("a year earlier", "Profit was $5 million, up from $4 million a year earlier.", A, "1988"),
        ("year-earlier", "The year-earlier profit was $4 million.", A, "1988"),
        (
            "the following month",
            "He resigned in May 1988 and left the following month.",
            A,
            "1988-06",
        ),
        ("the second day", "The strike entered its second day.", A, "1989-11-02"),
        ("Election Day", "Voters go to the polls on Election Day.", A, "1989-11-07"),
        ("nineteen ninety-one", "The law takes effect in nineteen ninety-one.", A, "1991"),
        ("1990 and beyond", "Growth will slow in 1990 and beyond.", A, "1990"),
        ("a good part of 1990", "The slump will last a good part of 1990.", A, "1990"),
        # granularity: weeks are weeks, a bare month a month
        ("this week", "Talks began this week.", A, "1989-W44"),
        ("next week", "Talks will begin next week.", A, "1989-W45"),
        ("six weeks ago", "He quit six weeks ago.", A, "1989-W38"),
        ("the weekend", "Protesters marched over the weekend.", A, "1989-W43"),
        ("April", "Sales peaked in April.", A, "1989-04"),
        # tense and modal: the coming date or the past one
        ("Jan. 14", "The agency will decide by Jan. 14.", date(1990, 1, 6), "1990-01-14"),
        ("Jan. 14", "The agency decided on Jan. 14.", date(1990, 2, 6), "1990-01-14"),
        ("Tuesday", "The Senate will vote Tuesday.", MONDAY, "1990-01-09"),
        ("Tuesday", "The Senate voted Tuesday.", MONDAY, "1990-01-02"),
        ("Tuesday", "The Senate plans to vote Tuesday.", MONDAY, "1990-01-09"),
        ("Tuesday", "The Senate is expected to vote Tuesday.", MONDAY, "1990-01-09"),
        ("March", "Talks are expected to resume in March.", A, "1990-03"),
        ("March", "Talks resumed in March.", A, "1989-03"),
        # the expression's own preposition
        ("Friday", "Bids are due by Friday.", A, "1989-11-03"),
        ("Friday", "Shares have fallen since Friday.", A, "1989-10-27"),
        ("Friday", "The company has until Friday to respond.", A, "1989-11-03"),
        # no tense: the nearest occurrence
        ("Dec. 15", None, A, "1989-12-15"),
        ("Sept. 15", None, A, "1989-09-15"),
    ],
)
def test_issue_families(expression: str, sentence: str | None, anchor: date, value: str) -> None:
    assert _iso(expression, sentence, anchor) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # a counted year offset after a day that ends a period or dates a balance compares
        # that day with the same day a year back (TimeML writes the day)
        (
            "a year earlier",
            "Assets at June 30 rose to $5 billion from $4 billion a year earlier.",
            "1988-06-30",
        ),
        ("a year ago", "Net for the quarter ended June 30 rose 5% from a year ago.", "1988-06-30"),
        (
            "two years earlier",
            "Debt as of March 31 was double that of two years earlier.",
            "1987-03-31",
        ),
        # controls: a day of report, no day, a period's noun, the adjective
        (
            "a year earlier",
            "The company said on June 30 that sales rose from a year earlier.",
            "1988",
        ),
        (
            "a year earlier",
            "In the nine months, net rose to $5 million from a year earlier.",
            "1988",
        ),
        (
            "a year ago",
            "Sales in the quarter ended June 30 rose from the same period a year ago.",
            "1988",
        ),
        (
            "year-earlier",
            "Net for the quarter ended June 30 beat the year-earlier $4 million.",
            "1988",
        ),
    ],
)
def test_a_year_earlier_than_a_period_end(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # a scheduled event dated by a possessive weekday, object of a future or modal verb
        ("Tuesday", "The mayor could lose Tuesday's election.", "1989-11-07"),
        ("Sunday", "Voters will turn out for Sunday's presidential election.", "1989-11-05"),
        ("Sunday", "The president will attend Sunday's summit meeting.", "1989-11-05"),
        # controls: a result of a past event, a compound whose head is a result, the past
        ("Friday", "The party will appeal Friday's ruling.", "1989-10-27"),
        ("Sunday", "The party will challenge Sunday's election results.", "1989-10-29"),
        ("Tuesday", "The mayor lost Tuesday's election.", "1989-10-31"),
    ],
)
def test_a_possessive_weekday_of_a_scheduled_event(
    expression: str, sentence: str, value: str
) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "anchor", "value"),
    [
        # a named day's weekend is the one next to it (before a Monday, after a Thursday),
        # its week the week holding it
        (
            "the Labor Day weekend",
            "Traffic will be heavy over the Labor Day weekend.",
            date(1989, 8, 20),
            "1989-W35",
        ),
        ("Thanksgiving weekend", "Stores will be busy over Thanksgiving weekend.", A, "1989-W47"),
        ("Christmas week", "Stores will be busy during Christmas week.", A, "1989-W52"),
        # controls: the day itself
        ("Labor Day", "Traffic will be heavy on Labor Day.", date(1989, 8, 20), "1989-09-04"),
        ("Thanksgiving", "Stores will be busy after Thanksgiving.", A, "1989-11-23"),
    ],
)
def test_a_named_days_weekend_or_week(
    expression: str, sentence: str, anchor: date, value: str
) -> None:
    assert _iso(expression, sentence, anchor) == value


def test_the_extended_finder_takes_a_named_days_weekend() -> None:
    found = find_date_expressions("Traffic was heavy over the Labor Day weekend.", extended=True)
    assert [m.text for m in found] == ["Labor Day weekend"]


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("19980108", "1998-01-08"),  # ISO 8601 basic, as wire headers write it
        ("1998-01-08", "1998-01-08"),
        ("19981332", None),  # no month 13
        ("the first week of next month", "1989-W49"),
        ("the last week of this month", "1989-W48"),
    ],
)
def test_compact_iso_and_weeks_of_a_relative_month(expression: str, value: str | None) -> None:
    assert _iso(expression) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "anchor", "start"),
    [
        # a quarter of no year named: begun by the anchor for a past verb, not yet over for a
        # future one, else the one holding the anchor or the nearest
        (
            "the fourth quarter",
            "Profit rose in the fourth quarter.",
            date(1998, 1, 8),
            date(1997, 10, 1),
        ),
        (
            "the fourth quarter",
            "Profit will rise in the fourth quarter.",
            date(1998, 1, 8),
            date(1998, 10, 1),
        ),
        ("the first quarter", "Profit rose in the first quarter.", A, date(1989, 1, 1)),
        ("the first quarter", "Profit will rise in the first quarter.", A, date(1990, 1, 1)),
        ("the fourth quarter", None, A, date(1989, 10, 1)),
        # the adjective names the period a report is of, whatever the verb
        (
            "fourth-quarter",
            "The company will report fourth-quarter earnings Tuesday.",
            date(1998, 1, 8),
            date(1997, 10, 1),
        ),
        # controls: a year given
        ("the fourth quarter of this year", None, date(1998, 1, 8), date(1998, 10, 1)),
        ("the fourth quarter of last year", None, date(1998, 1, 8), date(1997, 10, 1)),
    ],
)
def test_which_years_quarter(
    expression: str, sentence: str | None, anchor: date, start: date
) -> None:
    r = resolve_date(expression, anchor, context=sentence)
    assert r is not None and (r.date, r.precision) == (start, "quarter")


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # a fraction of a long unit, counted in the next smaller one (months, years)
        ("a year and a half ago", "1988-05"),
        ("two and a half years ago", "1987-05"),
        ("half a century ago", "1939"),
        ("a quarter century ago", "1964"),
        ("a decade and a half ago", "1974"),
        # controls: whole units
        ("18 months ago", "1988-05"),
        ("a century ago", "1889"),
        # a spoken day of the month
        ("March the twentieth", "1990-03-20"),
        ("November the 15th", "1989-11-15"),
    ],
)
def test_fractions_of_units_and_spoken_days(expression: str, value: str) -> None:
    assert _iso(expression) == value


def test_the_extended_finder_takes_fractions_of_units() -> None:
    text = "He left a year and a half ago and came back half a century later."
    found = find_date_expressions(text, extended=True)
    assert [m.text for m in found] == ["a year and a half ago", "half a century later"]


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # a headline writes a plan as "to" + a verb with no finite verb
        ("Friday", "Senate To Vote Friday On Budget", "1989-11-03"),
        ("MONDAY", "IRAQ TO ALLOW INSPECTIONS MONDAY", "1989-11-06"),
        # controls: a finite verb in the headline decides
        ("Friday", "Senate Voted Friday On Budget", "1989-10-27"),
        ("Friday", "Trip To Moscow Friday Was Brief", "1989-10-27"),
        # running text: an infinitive with no plan stays open (the latest)
        ("Friday", "The decision to vote Friday surprised many senators.", "1989-10-27"),
    ],
)
def test_headline_infinitives(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # a month or day followed by a year named from the anchor is of that year
        ("Jan. 15", "The process began Jan. 15 last year.", "1988-01-15"),
        ("Jan. 15", "The process will begin Jan. 15 next year.", "1990-01-15"),
        ("October", "The process began in October a year ago.", "1988-10"),
        ("October", "The process began in October two years ago.", "1987-10"),
        ("Oct. 19", "Stocks crashed on Oct. 19 two years ago.", "1987-10-19"),
        ("Tuesday", "The process began Tuesday a week ago.", "1989-10-24"),
        # controls: a comparison after another word, and a bare month
        ("October", "Sales in October rose 3% from a year ago.", "1989-10"),
        ("October", "The process began in October.", "1989-10"),
    ],
)
def test_a_date_then_a_year_from_the_anchor(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "start", "precision", "last"),
    [
        # a run of months, from its first (chosen as a month is): a calendar quarter at
        # quarter precision, else the first month's, the span to the last month's end
        (
            "the January-March quarter",
            "Profit rose in the January-March quarter.",
            date(1989, 1, 1),
            "quarter",
            date(1989, 3, 31),
        ),
        (
            "the April-June quarter",
            "Profit will rise in the April-June quarter.",
            date(1990, 4, 1),
            "quarter",
            date(1990, 6, 30),
        ),
        (
            "September-October",
            "Exports fell in September-October.",
            date(1989, 9, 1),
            "month",
            date(1989, 10, 31),
        ),
        (
            "the November-January period",
            "Sales will rise in the November-January period.",
            date(1989, 11, 1),
            "month",
            date(1990, 1, 31),
        ),
        ("Jan.-March 1990", None, date(1990, 1, 1), "quarter", date(1990, 3, 31)),
    ],
)
def test_runs_of_months(
    expression: str, sentence: str | None, start: date, precision: str, last: date
) -> None:
    r = resolve_date(expression, A, context=sentence)
    assert r is not None and (r.date, r.precision, r.span[1]) == (start, precision, last)
    assert "range" in r.flags


def test_the_extended_finder_takes_a_run_of_months() -> None:
    text = "Profit rose in the January-March quarter, not in March."
    found = find_date_expressions(text, extended=True)
    assert [m.text for m in found] == ["the January-March quarter", "March"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a weekday that is the subject of a present "is": a day still to come
        ("Tuesday is the deadline.", "1989-11-07"),
        ("Officials said Tuesday is the deadline for bids.", "1989-11-07"),
        ("Tuesday remains the deadline.", "1989-11-07"),
        # controls: the past copula; a weekday that is no subject
        ("Tuesday was the deadline.", "1989-10-31"),
        ("The offer that ended Tuesday is worth $40 a share.", "1989-10-31"),
    ],
)
def test_a_weekday_as_the_subject_of_is(sentence: str, value: str) -> None:
    assert _iso("Tuesday", sentence) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # days or weeks from a day named: "the week ..." is a week, "a week ..." a day
        ("the day after Christmas", "1989-12-26"),
        ("the day before Thanksgiving", "1989-11-22"),
        ("two days before Nov. 7", "1989-11-05"),
        ("a week after Oct. 19", "1989-10-26"),
        ("the week after Christmas", "1990-W01"),
        # controls: the day itself, and the deictic forms
        ("Christmas", "1989-12-25"),
        ("the day before yesterday", "1989-10-31"),
    ],
)
def test_units_from_a_day_named(expression: str, value: str) -> None:
    assert _iso(expression) == value


def test_the_extended_finder_takes_units_from_a_day_named() -> None:
    text = "Stores reopen the day after Christmas and close two days before Nov. 7."
    found = find_date_expressions(text, extended=True)
    assert [m.text for m in found] == ["the day after Christmas", "two days before Nov. 7"]


@pytest.mark.parametrize(
    "row",
    [
        "day_copula\tis\t2",
        "event_noun\telection\tyes",
        "verb_particle\teffect\t0",
        "period_end\tended\t-1",
    ],
)
def test_this_sessions_lexicon_sets_are_checked(row: str) -> None:
    from eventwire.dates import DateTableError, tables

    with pytest.raises(DateTableError, match=r"lexicon.tsv:2: bad value"):
        tables.lexicon(f"set\tword\tvalue\n{row}\n")


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        # "from today" names a day, as "ago today" does; "from now" keeps the unit's grain
        ("a year from today", "1990-11-02"),
        ("two weeks from today", "1989-11-16"),
        ("a year from now", "1990"),  # control
        ("a year ago today", "1988-11-02"),  # control
    ],
)
def test_units_from_today(expression: str, value: str) -> None:
    assert _iso(expression) == value
