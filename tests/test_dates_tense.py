"""eventwire.dates: the tense cues of English news that decide past vs future for a date with no
year or week given, one family per test; sentences are our own. The anchor is Thursday 2 November
1989: a bare "Friday" is 27 October in the past and 3 November in the future."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import resolve_date
from eventwire.dates.context import read

A = date(1989, 11, 2)  # a Thursday
LAST_FRI, NEXT_FRI = date(1989, 10, 27), date(1989, 11, 3)


def _day(expression: str, sentence: str) -> date:
    r = resolve_date(expression, A, context=sentence)
    assert r is not None and r.precision == "day"
    return r.date


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a present "be" whose complement is the date: the date is ahead
        ("The deadline for bids is Friday.", NEXT_FRI),
        ("The final round of talks is on Friday.", NEXT_FRI),
        ("Memorial services are Friday at the cathedral.", NEXT_FRI),
        # ... but the past form keeps the past
        ("The deadline for bids was Friday.", LAST_FRI),
        # "has until": a deadline still to come
        ("The union has until Friday to accept the offer.", NEXT_FRI),
        ("Both sides have until Friday to file their briefs.", NEXT_FRI),
    ],
)
def test_predicative_be_and_has_until(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # present progressive with a time adverbial is an arrangement: the future
        ("The foreign minister is flying to Bonn on Friday.", NEXT_FRI),
        ("The two sides are resuming negotiations Friday.", NEXT_FRI),
        ("On Friday, the delegates are meeting in Geneva.", NEXT_FRI),
        # a noun in -ing after "is" is no progressive
        ("The only thing left is nothing but a vote Friday, he said.", LAST_FRI),
        # the past progressive is not moved
        ("Police said the gunman was hiding in the building Friday.", LAST_FRI),
    ],
)
def test_present_progressive_is_future(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "On Friday, the cabinet is expected to approve the budget.",
        "Friday, the governors are scheduled to meet in Denver.",
        "On Friday the verdict is due, lawyers said.",
        "On Friday the new minister is likely to be sworn in.",
    ],
)
def test_is_expected_after_a_leading_date(sentence: str) -> None:
    """A date that opens the sentence takes the tense of the verb after it; "is expected",
    "is scheduled", "is due", "is likely" are predictions, not states."""
    assert _day("Friday", sentence) == NEXT_FRI


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Friday's vote is expected to be close.", NEXT_FRI),
        ("In Friday's runoff, voters will choose between two former generals.", NEXT_FRI),
        ("Friday's vote was close.", LAST_FRI),
        ("In Friday's runoff, voters chose a former general.", LAST_FRI),
    ],
)
def test_possessive_date_opening_the_clause(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The parliament reconvenes Friday after a two-week recess.",
        "The court hears arguments in the case Friday.",
        "The prime minister takes office Friday.",
        "The two leaders hold talks Friday in Malta.",
        "The strike ends Friday under the agreement.",
        "He faces a confidence vote Friday.",
        "Opposition groups plan a rally on Friday.",
        "The union threatens a walkout Friday unless the talks resume.",
    ],
)
def test_scheduled_present_and_intentions(sentence: str) -> None:
    """The simple present of a scheduled act, and an intention verb with an object, date the
    coming occurrence."""
    assert _day("Friday", sentence) == NEXT_FRI


@pytest.mark.parametrize(
    "sentence",
    [
        "The plans Friday were rejected by the board.",  # a noun after a determiner
        "The spokesman could not be reached for comment Friday.",
        "A company spokesman couldn't be reached Friday.",
    ],
)
def test_nouns_and_fixed_phrases_keep_the_past(sentence: str) -> None:
    assert _day("Friday", sentence) == LAST_FRI


def test_modal_perfects() -> None:
    """ "will have" is a future; "may have", "could have" + participle guess at the past."""
    assert _day("Friday", "The firm will have repaid the loan by Friday.") == NEXT_FRI
    got = resolve_date("June", A, context="Exports may have totalled $2 billion in June.")
    assert got is not None and got.date == date(1989, 6, 1)
    got = resolve_date("September", A, context="The bonds will have a coupon of 6% in September.")
    assert got is not None and got.date == date(1990, 9, 1)


def test_a_new_clause_after_and_does_not_lend_its_tense() -> None:
    """The words after an expression are read up to a coordinated clause with its own subject."""
    s = "The bid was announced by the group (ABC.X) in early December and no rival bid is likely."
    assert read("early December", s).tense is None
    s = "In December and January, exports rose sharply."
    assert read("December", s).tense == "past"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a plan reported on a past day is measured from that day
        ("The minister said Tuesday he would resign Wednesday.", date(1989, 11, 1)),
        ("The minister said Monday he would resign Friday.", NEXT_FRI),
        # "will" is measured from now; no day of reporting: from the anchor
        ("The minister said Tuesday he will resign Wednesday.", date(1989, 11, 8)),
        ("The minister said he would resign Wednesday.", date(1989, 11, 8)),
    ],
)
def test_future_in_the_past(sentence: str, expected: date) -> None:
    assert _day("Wednesday" if "Wednesday" in sentence else "Friday", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an abbreviation's full stop ends no clause
        ("Iraq will allow U.N. inspectors into the site Friday.", NEXT_FRI),
        ("The group will buy Acme Corp. shares Friday.", NEXT_FRI),
        ("He will meet Mr. Baker in Geneva on Friday.", NEXT_FRI),
        # a headline, or capitals: a capital letter is no name here
        ("Iraq Says It Will Allow Inspections Friday", NEXT_FRI),
        ("IRAQ SAYS IT WILL ALLOW INSPECTIONS FRIDAY", NEXT_FRI),
        ("Iraq Allowed Inspections Friday", LAST_FRI),
        # a noun that is also a scheduled verb ("head") after "was"
        ("He was head of the central bank until Friday.", LAST_FRI),
        # a habit has no date ahead: the default (the latest Friday) stands
        ("The central bank usually holds its auction on Friday.", LAST_FRI),
    ],
)
def test_abbreviations_headlines_and_habits(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


def test_this_weekday_follows_the_tense() -> None:
    """ "this Tuesday" is the anchor's week's Tuesday, unless the verb looks ahead."""
    assert _day("this Tuesday", "The envoys will meet this Tuesday.") == date(1989, 11, 7)
    assert _day("this Tuesday", "The envoys met this Tuesday.") == date(1989, 10, 31)
    s = "By this Saturday, traders estimated, 2,000 tonnes will have been shipped."
    assert _day("this Saturday", s) == date(1989, 11, 4)
    assert resolve_date("this Tuesday", A) == (date(1989, 10, 31), "day")
    assert resolve_date("this Saturday", A) == (date(1989, 11, 4), "day")


def test_this_month_name_follows_a_future_verb() -> None:
    got = resolve_date("this March", A, context="The plant will open this March.")
    assert got == (date(1990, 3, 1), "month")
    got = resolve_date("this March", A, context="The plant opened this March.")
    assert got == (date(1989, 3, 1), "month")


def test_typographic_punctuation() -> None:
    """Curly apostrophes and em dashes read as their plain forms."""
    assert _day("Friday", "Friday\u2019s vote is expected to be close.") == NEXT_FRI
    assert _day("Friday", "The council didn\u2019t meet on Friday.") == LAST_FRI
    s = "The council will meet \u2014 officials said so on Friday \u2014 in Rome."
    assert _day("Friday", s) == LAST_FRI


@pytest.mark.parametrize(
    "sentence",
    [
        "They'll vote on the plan Friday.",
        "She said she'd announce her decision Friday.",
        "We're meeting the lenders on Friday.",
    ],
)
def test_contracted_auxiliaries(sentence: str) -> None:
    assert _day("Friday", sentence) == NEXT_FRI


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the new date of a deadline or meeting that was moved lies ahead of the move
        ("The company extended the offer to Friday.", NEXT_FRI),
        ("The vote was postponed until Friday.", NEXT_FRI),
        ("The judge adjourned the trial to Friday.", NEXT_FRI),
        ("The deadline was extended from Monday to Friday.", NEXT_FRI),
        # without a verb of moving, "to" or "until" after a past verb stays in the past
        ("Stocks rose to a record on Friday.", LAST_FRI),
        ("The rebels held the town until Friday.", LAST_FRI),
    ],
)
def test_a_date_something_was_moved_to(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a possessive date opening a reported clause takes that clause's verb
        ("Officials said Friday's meeting would be crucial.", NEXT_FRI),
        ("But Friday's rally will test the police.", NEXT_FRI),
        ("He said Friday's attack killed 20 people.", LAST_FRI),
        # a possessive inside the object of a verb does not: the noun's event came first
        ("The army will investigate Friday's attack.", LAST_FRI),
    ],
)
def test_a_possessive_date_opening_a_reported_clause(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verb of asking: the act it asks of its object is ahead
        ("The mayor urged the council to vote Friday.", NEXT_FRI),
        ("The envoy pressed both sides to sign the accord Friday.", NEXT_FRI),
        ("He called on the rebels to lay down their arms Friday.", NEXT_FRI),
        # another verb between governs the infinitive: "went to Cairo to vote"
        ("He told reporters he went to Cairo to vote Friday.", LAST_FRI),
        # no verb of asking: a past verb keeps the past
        ("He forced the council to vote Friday.", LAST_FRI),
    ],
)
def test_what_a_verb_of_asking_asks_for(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what the clause prepares for is still to come
        ("Ahead of Friday's vote, the parties campaigned hard.", NEXT_FRI),
        ("Troops were deployed in the run-up to Friday's election.", NEXT_FRI),
        ("Stocks rose in advance of the jobs report Friday.", NEXT_FRI),
        # the date of the clause's own verb, before "ahead of": the past
        ("Stocks rose Friday ahead of the jobs report.", LAST_FRI),
        # a verb after "ahead of" dates the date instead
        ("Troops massed ahead of the vote, which was held Friday.", LAST_FRI),
    ],
)
def test_a_date_inside_ahead_of(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a present state ending on the date: of a past day one writes "was"
        ("The president is in Chicago Friday.", NEXT_FRI),
        ("The market is closed Friday for the holiday.", NEXT_FRI),
        ("The airport remains closed Friday.", NEXT_FRI),
        # the past forms keep the past
        ("The market was closed Friday for the holiday.", LAST_FRI),
        ("Schools remained closed Friday.", LAST_FRI),
        # a cause, a comparison, a report or a number between: no state on that day
        ("Two people are dead after a shooting Friday.", LAST_FRI),
        ("The index is higher than Friday.", LAST_FRI),
        ("Two people are reported killed Friday.", LAST_FRI),
        ("Shares are up 5% Friday.", LAST_FRI),
        ("He remains in custody after his arrest Friday.", LAST_FRI),
    ],
)
def test_a_present_state_on_a_day(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a weekday something is due by, or good until, with no tense to say otherwise
        ("The bill needs approval by Friday.", NEXT_FRI),
        ("The offer is good until Friday.", NEXT_FRI),
        # a present that runs on to the day
        ("The talks run until Friday.", NEXT_FRI),
        ("Voting continues until Friday.", NEXT_FRI),
        ("The ceasefire lasts until Friday.", NEXT_FRI),
        # past forms and a past perfect keep the past
        ("The ceasefire lasted until Friday.", LAST_FRI),
        ("By Friday, 20 people had died.", LAST_FRI),
        ("He stayed until Friday.", LAST_FRI),
    ],
)
def test_deadlines_and_states_running_to_a_day(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a comparison of levels is no prelude: "well ahead of Friday's final"
        ("Sterling closed at 72.4, well ahead of Friday's final 71.8.", LAST_FRI),
        ("The index ended just ahead of Friday's close.", LAST_FRI),
        # the start a planned thing is set for
        ("The company is paying $35 a share in a tender offer to begin Friday.", NEXT_FRI),
        ("They signed an accord to take effect Friday.", NEXT_FRI),
        # another verb after the plan noun leaves the date to the clause
        ("He made an offer to buy the shares Friday.", LAST_FRI),
    ],
)
def test_comparisons_and_planned_starts(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


def test_a_long_clause_keeps_its_verb() -> None:
    # "will" is 20 words before the date; the reporting verb after it is another clause's
    sentence = (
        "Officials of the utility will hold the first meeting with members of a new debt "
        "negotiating committee representing its many creditors in Barcelona on Friday, a "
        "spokesman said."
    )
    assert _day("Friday", sentence) == NEXT_FRI
    assert _day("Friday", sentence.replace("will hold", "held")) == LAST_FRI


def test_but_between_two_phrases_is_no_clause_boundary() -> None:
    # "but before November" goes on with the same clause, whose verb is "will be compiled"
    a = date(1987, 4, 7)
    s = "The budget will probably be compiled no earlier than August but before November."
    r = resolve_date("November", a, context=s)
    assert r is not None and r.date == date(1987, 11, 1)
    # "but" before a new subject opens a new clause: its own past verb decides
    s2 = "He will resign, but he said the vote was held in June."
    r2 = resolve_date("June", a, context=s2)
    assert r2 is not None and r2.date == date(1986, 6, 1)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verb whose past is its base form ("cut", "quit", "hit", "put", "set") after "to", a
        # modal or "do" is the base form: the word before it decides
        ("The central bank is expected to cut interest rates Friday.", NEXT_FRI),
        ("Analysts said the central bank might cut rates Friday.", NEXT_FRI),
        ("The storm is likely to hit the coast Friday, forecasters said.", NEXT_FRI),
        ("The agency is to set the new quota Friday.", NEXT_FRI),
        ("The senator said he would quit Friday.", NEXT_FRI),
        ("The senator did not quit Friday, as aides had predicted.", LAST_FRI),
        # controls: the same verbs as past forms
        ("The central bank cut interest rates Friday.", LAST_FRI),
        ("The storm hit the coast Friday.", LAST_FRI),
        ("The agency set the new quota Friday.", LAST_FRI),
    ],
)
def test_same_form_verbs_after_a_modal_or_to(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the day a thing was set for is ahead of the act of setting it, whatever its tense
        ("Unions called a general strike for Friday.", NEXT_FRI),
        ("The talks were rescheduled for Friday, a spokesman said.", NEXT_FRI),
        ("The judge set a hearing for Friday.", NEXT_FRI),
        # controls: the same verbs without "for", a possessive (a past event's day), and a month
        # after "for" (as often the month data cover)
        ("Unions called a general strike Friday.", LAST_FRI),
        ("Police arrested him for Friday's attack.", LAST_FRI),
        ("Hundreds were left homeless by Friday's earthquake.", LAST_FRI),
    ],
)
def test_a_day_something_was_set_for(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected


def test_a_month_after_for_stays_the_data_month() -> None:
    r = resolve_date("October", A, context="The index was put at 97.1 for October.")
    assert r is not None and r.date == date(1989, 10, 1)
    r = resolve_date("October", A, context="The rate was set at 5% for October.")
    assert r is not None and r.date == date(1989, 10, 1)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a deadline given or granted lies ahead of the act of giving it
        ("Iraq was given until Friday to comply.", NEXT_FRI),
        ("The court granted the company an extension until Friday.", NEXT_FRI),
        ("The council gave the rebels until Friday to disarm.", NEXT_FRI),
        # controls: the same verbs with no deadline
        ("He was given the award Friday.", LAST_FRI),
        ("The court granted the company's motion Friday.", LAST_FRI),
    ],
)
def test_a_deadline_given_is_ahead(sentence: str, expected: date) -> None:
    assert _day("Friday", sentence) == expected
