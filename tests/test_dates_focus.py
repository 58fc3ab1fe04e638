"""eventwire.dates: the time in focus of a sentence (a year it has just named, a day it has just
named) for the year-less dates, months and offsets after it; days at the ends of a named unit;
ranges of days of the month. Sentences are our own. Anchor: Wednesday 17 January 1990."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import resolve_date

A = date(1990, 1, 17)  # a Wednesday


def _iso(expression: str, sentence: str | None = None, anchor: date = A) -> str | None:
    """The result as TimeML writes a value: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY."""
    r = resolve_date(expression, anchor, context=sentence)
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
        # a year the sentence has just named is the year of the month or day after it
        ("October", "In 1987, sales peaked in October.", "1987-10"),
        ("March 3", "The company was founded in 1985 and went public on March 3.", "1985-03-03"),
        ("May", "He was born in 1950 and moved to Texas in May.", "1950-05"),
        ("April", "In March 1988 the plant closed, and in April it was sold.", "1988-04"),
        ("Nov. 9", "In 1989, the wall fell on Nov. 9.", "1989-11-09"),
    ],
)
def test_a_year_named_before_dates_the_month_after_it(
    expression: str, sentence: str, value: str
) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # the year of an apposition is not the clause's ("founded in 1920," ... "in March")
        ("March", "The company, founded in 1920, said in March that it would move.", "1989-03"),
        # a period's start is no focus: "since 1985 ... in June" is this story's June
        ("June", "He has been chairman since 1985 and resigned in June.", "1989-06"),
        # a later year-less date puts the anchor's time back in focus
        ("June", "In 1987 the firm grew; on Tuesday it said sales fell in June.", "1989-06"),
        # the anchor's own year changes nothing
        ("December", "In 1990, sales will peak in December.", "1990-12"),
    ],
)
def test_no_year_in_focus(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # a week, a day or a month after a day named without its year is counted from it
        ("a week later", "He arrived Jan. 4 and left a week later.", "1990-W02"),
        ("two weeks later", "He arrived Jan. 4 and left two weeks later.", "1990-W03"),
        ("three days later", "He arrived Jan. 4 and left three days later.", "1990-01-07"),
        ("two months later", "He arrived in March 1988 and left two months later.", "1988-05"),
        # without a day in the sentence, from the anchor
        ("a week later", "He left a week later.", "1990-W04"),
        # a year offset from a month in focus is that month a year back; a month compared
        # with ("from December") is no focus
        ("a year earlier", "Sales rose in January from December and a year earlier.", "1989-01"),
        ("a year earlier", "Sales rose from 5 in December and 4 a year earlier.", "1989"),
    ],
)
def test_offsets_from_a_day_in_focus(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        ("the first day of 1991", "The tax starts on the first day of 1991.", "1991-01-01"),
        (
            "the last day of March",
            "The offer expired on the last day of March.",
            "1989-03-31",
        ),
        (
            "the last day of the year",
            "The offer expires on the last day of the year.",
            "1990-12-31",
        ),
        (
            "the first day of next month",
            "The tax starts the first day of next month.",
            "1990-02-01",
        ),
        ("the month of March", "The tax was raised in the month of March.", "1989-03"),
        ("the month of March 1988", None, "1988-03"),
        # the days of the month in a range: the first of them
        ("the 20th and 21st", "The board meets on the 20th and 21st.", "1990-01-20"),
        ("the 10th to the 12th", "The fair ran from the 10th to the 12th.", "1990-01-10"),
    ],
)
def test_days_at_the_ends_of_a_unit_and_day_ranges(
    expression: str, sentence: str | None, value: str
) -> None:
    assert _iso(expression, sentence) == value


def test_first_day_of_a_fiscal_year_with_a_convention() -> None:
    # the Japanese fiscal year 1990 runs from April 1990: its last day is 31 March 1991
    r = resolve_date(
        "the last day of fiscal 1990", A, context="Japan's budget for the last day of fiscal 1990."
    )
    assert r is not None and r.precision == "day"
    plain = resolve_date("the last day of 1990", A)
    assert plain == (date(1990, 12, 31), "day")


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # a span cut short of the words that move it, as annotators sometimes mark it
        ("the year", "Sales had risen 5% the year before.", "1989"),
        ("the day", "He had arrived the day before, police said.", "1990-01-16"),
        ("the week", "He had left the week before and returned.", "1990-W02"),
        ("the year", "He arrived in Boston the year after.", "1991"),
        ("the same month", "Sales rose from the same month a year earlier.", "1989-01"),
        ("the same month", "Sales rose from the same month last year.", "1989-01"),
        ("Friday", "He will arrive Friday next week.", "1990-01-26"),
        ("Friday", "He left Friday, Jan. 12.", "1990-01-12"),
        # "after" with its own object is a preposition: the day stays the anchor's
        ("the day", "He left the day after the vote.", "1990-01-17"),
        ("the day", "On the day before the vote, he left.", "1990-01-17"),
        # and with nothing that moves it, the plain reading
        ("Friday", "He left Friday and came back.", "1990-01-12"),
        ("the year", "For the year, sales rose.", "1990"),
    ],
)
def test_words_after_the_expression_that_move_it(
    expression: str, sentence: str, value: str
) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # "the previous Friday" with no day named looks back from a Friday in focus, not now
        ("the previous Friday", "Stocks closed down 4% from the previous Friday.", "1990-01-05"),
        (
            "the previous Wednesday",
            "Stocks closed down 4% from the previous Wednesday.",
            "1990-01-10",
        ),
        # with a day named, from that day
        (
            "the previous Friday",
            "On Jan. 3 he said he had seen her the previous Friday.",
            "1989-12-29",
        ),
        # "last Friday" is the latest one
        ("last Friday", "Stocks closed down 4% from last Friday.", "1990-01-12"),
    ],
)
def test_the_previous_weekday(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [("a hundred years ago", "1890"), ("two thousand years ago", None)],
)
def test_large_spelled_offsets(expression: str, value: str | None) -> None:
    assert _iso(expression, "It happened " + expression + ".") == value


@pytest.mark.parametrize(
    ("expression", "sentence", "anchor", "value"),
    [
        # a bare month next to the anchor's is the near one, whatever verb the tense came from
        (
            "April",
            "Washington warned Tokyo its promised economic package in April must be large.",
            date(1987, 3, 9),
            "1987-04",
        ),
        ("December", "Sales will peak in December, the firm said.", date(1990, 1, 17), "1989-12"),
        # further off, the tense decides
        ("October", "Sales will peak in October.", date(1990, 1, 17), "1990-10"),
        ("October", "Sales peaked in October.", date(1990, 1, 17), "1989-10"),
    ],
)
def test_a_month_next_to_the_anchor(
    expression: str, sentence: str, anchor: date, value: str
) -> None:
    assert _iso(expression, sentence, anchor) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # "the year before" / "the year earlier" count from the year the sentence names, as
        # "a year earlier" and "the previous year" do
        ("the year before", "In 1985, exports rose 5% from the year before.", "1984"),
        ("the year before", "The mill closed in 1985; the year before, it lost money.", "1984"),
        ("the year earlier", "Exports in 1985 rose 5% from the year earlier.", "1984"),
        # controls: with no year named, from the anchor; "year ago" is always from now
        ("the year before", "Exports rose 5% from the year before.", "1989"),
        ("year ago", "In 1985, exports were higher than year ago levels.", "1989"),
    ],
)
def test_the_year_before_counts_from_the_year_in_focus(
    expression: str, sentence: str, value: str
) -> None:
    assert _iso(expression, sentence) == value


SPRING = date(1990, 3, 20)  # a story of late March: February is the nearest one, 1990's


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # a year named from the anchor that opens the sentence frames its year-less dates, as
        # an explicit year does ("In 1987, sales peaked in October")
        ("February", "Last year, sales peaked in February.", "1989-02"),
        ("Feb. 12", "Last year, the stock peaked on Feb. 12.", "1989-02-12"),
        ("February", "Two years ago, the plant was sold in February.", "1988-02"),
        (
            "Feb. 28",
            "In the comparable year-ago quarter, which ended Feb. 28, it earned $5.",
            "1989-02-28",
        ),
        ("April", "Next year, the agency will move in April.", "1991-04"),
        # controls: a year inside another phrase frames nothing ("controls lifted last year"),
        # nor one in a range, nor one the tense contradicts; without one, the nearest
        ("February", "Controls lifted last year caused a surge in February prices.", "1990-02"),
        ("Feb. 28", "Between July 1 last year and Feb. 28, imports fell.", "1990-02-28"),
        ("April", "Last year prices fell, but they will rise in April.", "1990-04"),
        ("February", "Sales peaked in February.", "1990-02"),
    ],
)
def test_an_opening_year_named_from_the_anchor_frames_the_sentence(
    expression: str, sentence: str, value: str
) -> None:
    assert _iso(expression, sentence, SPRING) == value


@pytest.mark.parametrize(
    ("expression", "sentence", "value"),
    [
        # "that" + a weekday: the weekday of the week the sentence has named; "that" + a month:
        # the month of the year in focus
        ("that Friday", "He arrived on Jan. 2 and left that Friday.", "1990-01-05"),
        ("that March", "He arrived in 1985 and left that March.", "1985-03"),
        # controls: with nothing named, a bare weekday or the anchor year's month
        ("that Friday", "The market fell sharply that Friday.", "1990-01-12"),
        ("that March", "He left that March.", "1990-03"),
    ],
)
def test_that_weekday_and_that_month(expression: str, sentence: str, value: str) -> None:
    assert _iso(expression, sentence) == value
