"""Where an act happened, from what the sentence says about its doer and its extent: bodies
that act at their seat, possessive owners, governments named at home, acts spread over a
country, places at sea and on a land's parts, places of a plan.

Sentences written for these tests; parsed with the pipeline's own model (eventwire.nlp)."""

from __future__ import annotations

import pytest

from eventwire.places import document_places, event_place


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from eventwire.nlp import get_nlp

    return get_nlp()


def place_of(nlp, text: str, cameo: str, countries: list[str]) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    dp = document_places(text, doc=nlp(text))
    place, _rule = event_place(
        [], dp.in_span(0, len(text)), dp.dateline, countries, dp, cameo=cameo
    )
    return (place.name if place else None), (place.precision if place else None)


def test_a_body_with_one_seat_acts_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "LOS ANGELES, March 12 - The Federal Reserve Board approved the purchase of the bank."
    assert place_of(nlp, text, "051", ["USA"]) == ("Washington, D.C.", "city")
    text = (
        "PARIS, March 5 - The EC Commission rejected all bids at the weekly tender, traders said."
    )
    assert place_of(nlp, text, "120", []) == ("Brussels", "city")
    # a material act: the body's seat beats a country named bare (the act's target)
    text = "ROME, March 20 - The European Commission has charged Japan with dumping ball bearings."
    assert place_of(nlp, text, "173", ["JPN"]) == ("Brussels", "city")
    text = "BRUSSELS, March 20 - The European Commission has charged Japan with dumping."
    assert place_of(nlp, text, "173", ["JPN"]) == ("Brussels", "city")
    # controls: a body that is no doer ("a loan from the World Bank") says nothing; a place
    # the sentence gives for the act wins over the seat
    text = "NAIROBI, March 5 - Kenya received a loan from the World Bank to build roads."
    assert place_of(nlp, text, "070", ["KEN"]) == ("Nairobi", "city")
    text = (
        "JAKARTA, March 5 - The World Bank told a news conference in Bali that growth would slow."
    )
    assert place_of(nlp, text, "010", []) == ("Bali", "admin1")


def test_a_possessive_owner_is_no_place_of_anothers_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "PARIS, March 18 - France today protested over Canada's decision to close its ports."
    assert place_of(nlp, text, "140", ["FRA", "CAN"]) == ("Paris", "city")
    # controls: the owner's own act, and a possessive before a place noun
    text = "PARIS, March 18 - Canada's fishermen protested against the quotas on Monday."
    assert place_of(nlp, text, "140", ["CAN"]) == ("Canada", "country")
    text = "PARIS, March 18 - Farmers protested in Canada's capital on Monday."
    assert place_of(nlp, text, "140", ["FRA"]) == ("Canada", "country")


def test_a_government_named_under_a_second_city_acts_at_home(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "MIAMI, March 23 - Washington has threatened to block the new loans."
    assert place_of(nlp, text, "130", ["USA"]) == ("United States", "country")
    text = "CHICAGO, March 23 - The United States has pressed the lenders to cut their rates."
    assert place_of(nlp, text, "100", ["USA"]) == ("United States", "country")
    # controls: filed from the capital, and a speaker's words about the government
    text = "WASHINGTON, March 23 - The United States has threatened to block the loans."
    assert place_of(nlp, text, "130", ["USA"]) == ("Washington, D.C.", "city")
    text = "MIAMI, March 23 - The mayor said Washington would block the loans."
    assert place_of(nlp, text, "010", ["USA"]) == ("Miami", "city")


def test_an_act_spread_over_the_country_is_the_countrys(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "MADRID, March 23 - Dockers went on strike nationwide on Monday."
    assert place_of(nlp, text, "143", ["ESP"]) == ("Spain", "country")
    text = "LIMA, March 23 - Officials reported 70 strikes throughout the country last week."
    assert place_of(nlp, text, "143", ["PER"]) == ("Peru", "country")
    # controls: a strike in a named town, and a statement (said where the story was filed)
    text = "MADRID, March 23 - Dockers went on strike in Bilbao on Monday."
    assert place_of(nlp, text, "143", ["ESP"]) == ("Bilbao", "city")
    text = "MADRID, March 23 - The union said it would call strikes across the country."
    assert place_of(nlp, text, "010", ["ESP"]) == ("Madrid", "city")


def test_places_at_sea_and_on_parts_of_a_land(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "LONDON, March 12 - Iran attacked a Saudi tanker off the United Arab Emirates last night."
    )
    assert place_of(nlp, text, "190", ["IRN", "SAU"]) == ("United Arab Emirates", "country")
    text = "NICOSIA, March 12 - Iran attacked across the snow-capped peaks of northeastern Iraq."
    assert place_of(nlp, text, "190", ["IRN", "IRQ"]) == ("Iraq", "country")
    # control: "of X" after another noun is no locative ("the supporters of Iraq")
    text = "NICOSIA, March 12 - Iran attacked the supporters of Iraq, the agency said."
    dp = document_places(text, doc=nlp(text))
    iraq = [p for p in dp.places if p.name == "Iraq"]
    assert iraq and dp.cue_before.get(iraq[0].start) is None


def test_the_place_of_a_plan_is_not_where_it_was_agreed(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "LAGOS, March 18 - The two ministers agreed to prospect for gold in Guinea."
    assert place_of(nlp, text, "030", ["NGA"]) == ("Nigeria", "country")
    # control: "agreed in X to ..." says where the agreement was made
    text = "LAGOS, March 18 - The two ministers agreed in Abuja to prospect for gold."
    assert place_of(nlp, text, "030", ["NGA"]) == ("Abuja", "city")


def test_a_government_named_as_the_doer_of_a_measure_acts_at_home(nlp) -> None:  # type: ignore[no-untyped-def]
    # an origin ("from Guyana") under Guyana's dateline is no place of Venezuela's ban
    text = "GEORGETOWN, March 18 - Venezuela has banned imports of rice from Guyana."
    assert place_of(nlp, text, "172", ["VEN", "GUY"]) == ("Venezuela", "country")
    # control: a place the sentence gives after a locative cue
    text = "GEORGETOWN, March 18 - Venezuela has banned imports of rice in Guyana."
    assert place_of(nlp, text, "172", ["VEN", "GUY"]) != ("Venezuela", "country")


def test_a_name_after_a_kinship_noun_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "NEW YORK, March 25 - Laurence Tisch and his brother Preston were named in the suit."
    dp = document_places(text, doc=nlp(text))
    assert "Preston" not in [p.text for p in dp.places]
    text = "WASHINGTON, March 25 - Reagan and his wife Nancy said they were pleased."
    dp = document_places(text, doc=nlp(text))
    assert "Nancy" not in [p.text for p in dp.places]
    # controls: the same names as places
    text = "LONDON, March 25 - Three men were charged in Preston, police said."
    assert "Preston" in [p.text for p in document_places(text, doc=nlp(text)).places]
    text = "PARIS, March 25 - The minister said in Nancy that he was pleased."
    assert "Nancy" in [p.text for p in document_places(text, doc=nlp(text)).places]


def _last(nlp, text: str, cameo: str, countries: list[str]) -> str | None:  # type: ignore[no-untyped-def]
    dp = document_places(text, doc=nlp(text))
    start = text.rfind(". ") + 2
    place, _rule = event_place(
        [], dp.in_span(start, len(text)), dp.dateline, countries, dp, cameo=cameo
    )
    return place.name if place else None


def test_the_court_the_story_placed_earlier(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "OAK BROOK, Ill., March 20 - Acme asked the U.S. District Court in Chicago for a "
        "ruling. In hearings before the federal judge, the defendants were charged with fraud."
    )
    assert _last(nlp, text, "173", ["USA"]) == "Chicago"
    text = (
        "NEW YORK, March 16 - The union said a Kansas City judge entered an order. The union "
        "said it petitioned the district court because of the airline's refusal."
    )
    assert _last(nlp, text, "020", ["USA"]) == "Kansas City"
    # controls: a court the story never placed, and another venue noun than a court
    text = (
        "NEW YORK, March 16 - Police in Boston arrested two men. The men were charged "
        "before the judge on Monday."
    )
    assert _last(nlp, text, "173", ["USA"]) == "New York City"
    text = (
        "NEW YORK, March 16 - A judge in Boston heard the case. The union said the "
        "talks would resume at the meeting."
    )
    assert _last(nlp, text, "010", ["USA"]) == "New York City"


def test_an_act_in_a_country_is_not_at_its_capital(nlp) -> None:  # type: ignore[no-untyped-def]
    # "in northern Chad" says the act was in the country; the capital's dateline is no finer
    text = "N'DJAMENA, March 25 - Troops killed 200 Libyan soldiers in northern Chad on Sunday."
    assert place_of(nlp, text, "190", ["TCD", "LBY"]) == ("Chad", "country")
    # controls: the country named bare as the doer under its capital, and a statement
    text = "BRASILIA, March 18 - Brazil has suspended imports of beef."
    assert place_of(nlp, text, "172", ["BRA"]) == ("Brasilia", "city")
    text = "WASHINGTON, March 25 - The Treasury said prices in the United States rose."
    assert place_of(nlp, text, "010", ["USA"]) == ("Washington, D.C.", "city")
    # "in X" of a noun is no place of the act ("the worst breach in U.S. history")
    text = "WASHINGTON, March 25 - He was sentenced for the worst breach in U.S. history."
    assert place_of(nlp, text, "173", ["USA"]) == ("Washington, D.C.", "city")


def test_a_relayed_report_keeps_the_place_it_gives(nlp) -> None:  # type: ignore[no-untyped-def]
    # a monitored report of another country's act: the dateline's country is no "abroad" to
    # skip when the sentence puts the act there
    text = (
        "BAGHDAD, March 9 - The Iraqi News Agency said Iranian troops attacked across the "
        "peaks of northeastern Iraq."
    )
    assert place_of(nlp, text, "190", ["IRN"]) == ("Iraq", "country")
    # control: a bare name in the dateline's country is still skipped for the actor's
    text = "BAGHDAD, March 9 - The Iraqi News Agency said Iran rejected talks with Iraq."
    assert place_of(nlp, text, "120", ["IRN"]) == ("Iran", "country")


def test_places_named_as_divisions_in_the_plural(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the states of X and Y" names divisions, where the act was, not the dateline's city
    text = (
        "SAO PAULO, March 18 - Farmers blockaded banks in several towns in the states of "
        "Sao Paulo and Parana."
    )
    assert place_of(nlp, text, "191", ["BRA"]) == ("Sao Paulo", "admin1")
    # controls: the city named as one, and "of X" after a noun that is no area
    text = "BRASILIA, March 18 - Farmers blockaded banks in the city of Sao Paulo."
    assert place_of(nlp, text, "191", ["BRA"]) == ("Sao Paulo", "city")
    text = "NICOSIA, March 12 - Iran attacked the supporters of Iraq, the agency said."
    dp = document_places(text, doc=nlp(text))
    iraq = [p for p in dp.places if p.name == "Iraq"]
    assert iraq and dp.cue_before.get(iraq[0].start) is None


def test_a_dateline_in_title_case(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Philadelphia, March 25 - The budget director criticised a proposal by the speaker."
    assert place_of(nlp, text, "111", ["USA"]) == ("Philadelphia", "city")
    dp = document_places(text, doc=nlp(text))
    assert dp.dateline is not None and dp.dateline_end > 0
    # control: a sentence that opens with a town and no date is no dateline
    text = "Philadelphia, the city said, will cut its budget by March."
    assert document_places(text, doc=nlp(text)).dateline is None
