"""eventwire.dates with context: the clause's tense decides past vs future, the preposition
point vs period. One test per tense case, on sentences of our own."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

import eventwire
from eventwire.dates import DateResult, resolve_date

MON = date(2010, 3, 1)  # a Monday
OCT = date(2007, 10, 30)  # late in the year


@pytest.mark.parametrize(
    ("expression", "context", "expected"),
    [
        # weekdays: a future clause looks forward, a past or bare one back
        ("Tuesday", "The council will vote Tuesday on the budget.", date(2010, 3, 2)),
        ("Tuesday", "The council voted Tuesday on the budget.", date(2010, 2, 23)),
        ("Tuesday", "The council met on Tuesday.", date(2010, 2, 23)),
        ("Friday", "The minister is expected to arrive on Friday.", date(2010, 3, 5)),
        ("Friday", "She plans to visit the camp Friday.", date(2010, 3, 5)),
        ("Friday", "He said the envoy would travel to Cairo on Friday.", date(2010, 3, 5)),
        ("Monday", "Parliament convened Monday.", MON),  # the anchor's own weekday
        # the present tense of a schedule, after a plural subject or in the third person
        ("Friday", "Talks resume Friday in Geneva.", date(2010, 3, 5)),
        ("Friday", "The bill, which goes to the Senate on Friday, passed.", date(2010, 3, 5)),
        ("Friday", "The president did not visit Beijing on Friday.", date(2010, 2, 26)),
        ("Friday", "On Friday, Ahmed Ali, head of the council, said so.", date(2010, 2, 26)),
        # infinitives: governed by a plan or a hope, or "to be held"
        ("Friday", "Officials hope to sign the accord on Friday.", date(2010, 3, 5)),
        ("Friday", "The summit to be held Friday is expected to fail.", date(2010, 3, 5)),
        ("Friday", "He vowed revenge on Friday.", date(2010, 2, 26)),
        ("Thursday", "Oil rose due to a quake on Thursday.", date(2010, 2, 25)),  # because of
        # an infinitive takes a plan from its clause, not a past
        ("Friday", "Profits will enable the firm to report gains on Friday.", date(2010, 3, 5)),
        ("Friday", "There are no plans for the envoy to meet them on Friday.", date(2010, 3, 5)),
        ("Friday", "The bank is unlikely to change rates on Friday.", date(2010, 3, 5)),
        ("Friday", "He went to Cairo to meet the president on Friday.", date(2010, 2, 26)),
        ("Friday", "Unions have called a general strike for Friday.", date(2010, 3, 5)),
        ("Friday", "Asked on Friday whether he would resign, he declined.", date(2010, 2, 26)),
    ],
)
def test_weekday_tense(expression: str, context: str, expected: date) -> None:
    assert resolve_date(expression, MON, context=context) == (expected, "day")


@pytest.mark.parametrize(
    ("expression", "context", "expected"),
    [
        # a modal or a plan: the coming date
        ("Jan. 12", "The merger will be completed by Jan. 12.", date(2008, 1, 12)),
        ("February", "The dividend would be paid on a date in February.", date(2008, 2, 1)),
        ("March", "The company expects to report results in March.", date(2008, 3, 1)),
        ("Nov. 20", "The bank plans to open new offices on Nov. 20.", date(2007, 11, 20)),
        # a past verb (regular or irregular): the last one
        ("December", "The firm switched to a calendar year in December.", date(2006, 12, 1)),
        ("March", "Smith stepped down as chief executive in March.", date(2007, 3, 1)),
        ("Feb. 28", "For the fiscal year ended Feb. 28, sales rose 4%.", date(2007, 2, 28)),
        ("April", "The chairman took office in April.", date(2007, 4, 1)),
        # an "-ed" adjective after a determiner is not a past verb
        ("January", "It would be paid on a still unspecified date in January.", date(2008, 1, 1)),
        # no cue: the nearest occurrence (within half a year)
        ("Nov. 15", "Holders of record Nov. 15 get the payment.", date(2007, 11, 15)),
        ("January", "Loans through January total $90 million.", date(2008, 1, 1)),
        # a date that modifies a noun takes no tense from the verb
        ("Dec. 10", "Officials gave no reason for the Dec. 10 deadline.", date(2007, 12, 10)),
        # since: the past
        ("Nov. 2", "Police have searched for him since the Nov. 2 attack.", date(2006, 11, 2)),
        ("the Nov. 2", "Police have searched for him since the Nov. 2 attack.", date(2006, 11, 2)),
        # a date within a month of the anchor wins over a verb it may not belong to
        ("Nov. 20", "The board declared a dividend, payable Nov. 20.", date(2007, 11, 20)),
        ("Nov. 28", "The board voted a split, payable Nov. 28, record Nov. 1.", date(2007, 11, 28)),
        ("Oct. 1", "The plan, announced in May, is effective from Oct. 1.", date(2007, 10, 1)),
        # and a deadline within a quarter
        ("Jan. 22", "The firm had been given until Jan. 22 to comply.", date(2008, 1, 22)),
        # a date that names a noun's time: "for May delivery", "the June-July period"
        ("February", "Coffee for February delivery ended lower.", date(2008, 2, 1)),
        ("March 7", "It set the February 27-March 7 shipment period.", date(2008, 3, 7)),
        # a verb right after the date is its own; "-ed" adjectives are not past verbs
        (
            "Saturday",
            "Seamen decided to stay on strike even after the court Saturday ruled it illegal.",
            date(2007, 10, 27),
        ),
        (
            "Feb. 14",
            "The utility said it will redeem its preferred stock on Feb. 14.",
            date(2008, 2, 14),
        ),
        ("Feb. 24", "He said elections Feb. 24 will decide it.", date(2008, 2, 24)),
        ("Feb. 24", "They said a lockout imposed on Feb. 24 would end.", date(2007, 2, 24)),
        ("April", "It is similar to the rules that agreed in April.", date(2007, 4, 1)),
        # a sentence boundary stops the search for a cue
        ("March", "Officials resigned. The new rules apply from March.", date(2008, 3, 1)),
        # "May" the month is not the modal
        ("June", "May sales fell and June orders rose, the company said.", date(2007, 6, 1)),
    ],
)
def test_month_and_day_tense(expression: str, context: str, expected: date) -> None:
    r = resolve_date(expression, OCT, context=context)
    assert r is not None and r.date == expected


def test_the_sentence_completes_an_expression() -> None:
    ctx = "Profit rose to $5 million from $4 million a year earlier."
    assert resolve_date("a year", OCT, context=ctx) == (date(2006, 1, 1), "year")
    ctx = "The three countries join the alliance in April next year."
    assert resolve_date("April", OCT, context=ctx) == (date(2008, 4, 1), "month")


def test_offsets_count_from_the_period_the_clause_is_about() -> None:
    # "a year earlier" is the month in focus a year back, as TimeML writes it (the grain of
    # what is compared: a quarter's, a month's); not a month it is compared with ("from ... in
    # December"); with none, the year before the story's
    ctx = "In January 2004, prices were 3.9 pct lower than a year earlier."
    assert resolve_date("a year earlier", OCT, context=ctx) == (date(2003, 1, 1), "month")
    ctx = "Output rose in January from December and was flat from a year earlier."
    assert resolve_date("a year earlier", OCT, context=ctx) == (date(2006, 1, 1), "month")
    ctx = "Output rose to 5.1 mln in January from 4.9 mln in December and 4.2 mln a year earlier."
    assert resolve_date("a year earlier", OCT, context=ctx) == (date(2006, 1, 1), "month")
    ctx = "Output rose to 5.1 mln from 4.9 mln in December and 4.2 mln a year earlier."
    assert resolve_date("a year earlier", OCT, context=ctx) == (date(2006, 1, 1), "year")
    ctx = "Output rose to 5.1 mln from a year earlier."
    assert resolve_date("a year earlier", OCT, context=ctx) == (date(2006, 1, 1), "year")
    # a comparison word far before the month is another phrase's ("against the dollar"); a
    # period's start ("since May 2005") is no focus either
    ctx = "The peso's value against the dollar fell in March from 9.8 a year earlier."
    assert resolve_date("a year earlier", OCT, context=ctx) == (date(2006, 3, 1), "month")
    ctx = "Prices fell in March, the first drop since May 2005, and were 2% below a year earlier."
    assert resolve_date("a year earlier", OCT, context=ctx) == (date(2006, 3, 1), "month")
    # "a year ago" and "year-ago" likewise, for a month of the last twelve
    ctx = "Output stood at 127.3 in September and was up 1.7 pct from a year ago."
    assert resolve_date("a year ago", OCT, context=ctx) == (date(2006, 9, 1), "month")
    ctx = "Sales in September were above year-ago levels."
    assert resolve_date("year-ago", OCT, context=ctx) == (date(2006, 9, 1), "month")
    ctx = "Output was up 1.7 pct from a year ago."
    assert resolve_date("a year ago", OCT, context=ctx) == (date(2006, 1, 1), "year")
    ctx = "In May 2003, output was up 1.7 pct from a year ago."
    assert resolve_date("a year ago", OCT, context=ctx) == (date(2006, 1, 1), "year")
    ctx = "Talks opened on Monday and broke down two days later."
    assert resolve_date("two days later", OCT, context=ctx) == (date(2007, 10, 31), "day")


def test_anaphora_takes_the_date_named_before() -> None:
    ctx = "He fled to Florida in June 1998 and returned to Cuba later that year."
    assert resolve_date("later that year", OCT, context=ctx) == (date(1998, 1, 1), "year")
    ctx = "The talks opened on March 3, 2001, and collapsed the next day."
    assert resolve_date("the next day", OCT, context=ctx) == (date(2001, 3, 4), "day")
    # nothing named before: measured from the anchor
    assert resolve_date("the next day", OCT, context="They left the next day.") == (
        date(2007, 10, 31),
        "day",
    )


@pytest.mark.parametrize(
    ("expression", "context", "relation"),
    [
        ("1979", "The two countries have been at odds since 1979.", "since"),
        ("March", "The curfew stays in force until March.", "until"),
        ("Dec. 15", "The deal should close by Dec. 15.", "by"),
        ("Friday", "Rebels must withdraw before Friday.", "before"),
        ("since 1979", None, "since"),
        ("until next month", None, "until"),
        ("Sept. 30", "Sales must be registered no later than Sept. 30.", "no later than"),
    ],
)
def test_periods(expression: str, context: str | None, relation: str) -> None:
    r = resolve_date(expression, OCT, context=context)
    assert r is not None and r.kind == "period" and r.relation == relation


def test_points_are_points() -> None:
    for expr, ctx in [("1979", "Soviet troops entered Afghanistan in 1979."), ("Friday", None)]:
        r = resolve_date(expr, OCT, context=ctx)
        assert r is not None and r.kind == "point" and r.relation is None
    r = resolve_date("1979", OCT, context="They have fought since 1979.")
    assert r == (date(1979, 1, 1), "year")  # a period still gives its bound and precision


def test_absolute_dates_need_no_anchor() -> None:
    assert resolve_date("on 15 April 2023", None) == (date(2023, 4, 15), "day")
    assert resolve_date("March 3, 1999", None) == (date(1999, 3, 3), "day")
    assert resolve_date("in 2011", None) == (date(2011, 1, 1), "year")
    assert resolve_date("May 2004", None) == (date(2004, 5, 1), "month")
    assert resolve_date("20.03.2014", None) == (date(2014, 3, 20), "day")
    # relative ones cannot be resolved without one
    for expr in ("yesterday", "Tuesday", "March 3", "last year", "two weeks ago", "in March"):
        assert resolve_date(expr, None) is None


def test_result_is_a_pair_with_more() -> None:
    r = resolve_date("since early 2009", OCT)
    d, precision = r
    assert (d, precision) == (date(2009, 1, 1), "year") and r[0] == d and len(r) == 2
    assert r.kind == "period" and "part:early" in r.flags
    assert r.span == (date(2009, 1, 1), date(2009, 12, 31))
    assert pickle.loads(pickle.dumps(r)).relation == "since"
    assert r.to_dict()["span"] == ["2009-01-01", "2009-12-31"]
    with pytest.raises(AttributeError):
        r.kind = "point"  # type: ignore[misc]
    with pytest.raises(ValueError):
        DateResult(date(2009, 1, 1), "fortnight")


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="expression must be a string"):
        resolve_date(None, OCT)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a date: 'soon'"):
        resolve_date("Friday", "soon")
    assert resolve_date("Friday", OCT, context="") == (date(2007, 10, 26), "day")


def test_forced_modes_still_win() -> None:
    ctx = "The council voted Tuesday."
    assert resolve_date("Tuesday", MON, context=ctx, future=True) == (date(2010, 3, 2), "day")
    assert resolve_date("Jan. 12", OCT, future=False) == (date(2007, 1, 12), "day")


def test_public_wrapper_passes_context() -> None:
    r = eventwire.resolve_date("Tuesday", MON, context="The council will vote Tuesday.")
    assert r == (date(2010, 3, 2), "day")
    assert eventwire.resolve_date("2001-09-11", None) == (date(2001, 9, 11), "day")


def test_offset_picks_the_occurrence_and_spans_are_accepted() -> None:
    ctx = "He resigned on Friday and will fly home on Friday."
    second = ctx.rindex("Friday")
    assert resolve_date("Friday", MON, context=ctx) == (date(2010, 2, 26), "day")
    assert resolve_date("Friday", MON, context=ctx, offset=second) == (date(2010, 3, 5), "day")

    class Span:  # what the coder holds: anything with .text
        text = "The council will vote Tuesday."

    assert resolve_date("Tuesday", MON, context=Span()) == (date(2010, 3, 2), "day")


@pytest.mark.parametrize(
    ("expression", "context", "cause"),
    [
        ("last year", "Profits fell because of a drop in income last year.", "because of"),
        ("last year", "The strike ended because wages rose last year.", "because"),
        ("last week", "Protests erupted after last week's vote.", "after"),
        ("March", "The army, angered over the March killings, attacked.", "over"),
        ("last week", "Protests erupted last week.", None),
        ("Friday", "Talks resumed after Friday.", None),  # its own relation, not a cause
        ("Friday", "Police arrested him on Friday after a raid.", None),
    ],
)
def test_dates_of_causes_are_flagged(expression: str, context: str, cause: str | None) -> None:
    r = resolve_date(expression, OCT, context=context)
    assert r is not None
    flagged = [f for f in r.flags if f.startswith("cause:")]
    assert flagged == ([f"cause:{cause}"] if cause else [])


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # the month is found as written, not as the modal or the noun before it
        ("He said it may be sold in May.", date(1990, 5, 1)),
        ("The company may sell the unit, which it bought in May.", date(1989, 5, 1)),
        ("Protesters plan a march, as they did in March.", date(1989, 3, 1)),
    ],
)
def test_a_month_found_as_written(sentence: str, value: date) -> None:
    expression = "May" if "May" in sentence else "March"
    r = resolve_date(expression, date(1990, 1, 17), context=sentence)
    assert r is not None and (r.date, r.precision) == (value, "month")
