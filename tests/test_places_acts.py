"""Where an act happened, by the kind of act and the role of the places its sentence names.

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
    sent = text.rfind(". ", 0, len(text) - 2)  # the last sentence is the event's
    start = sent + 2 if sent >= 0 else 0
    place, rule = event_place(
        [], dp.in_span(start, len(text)), dp.dateline, countries, dp, cameo=cameo
    )
    return (place.name if place else None), rule


def test_a_statement_is_made_where_the_story_was_filed(nlp) -> None:  # type: ignore[no-untyped-def]
    # the countries a statement talks about are its topic
    text = (
        "BRUSSELS, March 2 - The European Commission said it had opened an inquiry into "
        "claims that Chile is dumping copper on the European market."
    )
    assert place_of(nlp, text, "090", []) == ("Brussels", "dateline")
    # control: a material act in the same sentence shape is where the sentence says
    text2 = "BRUSSELS, March 2 - Chilean troops crossed into Peru, the Commission said."
    assert place_of(nlp, text2, "190", ["CHL", "PER"]) == ("Peru", "sentence-place")


def test_a_statement_made_where_the_sentence_says(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "LONDON, May 4 - Farm leaders told a news conference in Seville they would end the protests."
    assert place_of(nlp, text, "030", ["ESP"]) == ("Seville", "sentence-place")
    # "in X" after another noun says what the act is about, not where it was made
    text2 = (
        "DENVER, May 4 - Acme Corp said it agreed to become the distributor of "
        "Osaka-based Nikko toys in Brazil and Chile."
    )
    # an agreement whose place the text does not give is the doer's country, not the dateline
    assert place_of(nlp, text2, "030", ["USA"]) == ("United States", "actor-country")
    assert place_of(nlp, text2, "010", ["USA"]) == ("Denver", "dateline")


def test_a_visit_is_where_it_went(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "LONDON, May 4 - The Brazilian finance minister visited Washington last week."
    assert place_of(nlp, text, "042", ["BRA"]) == ("Washington, D.C.", "sentence-place")
    # the same cue says nothing for a statement
    text2 = "LONDON, May 4 - The minister said exports to Canada would fall."
    assert place_of(nlp, text2, "010", ["BRA"]) == ("London", "dateline")


def test_a_name_before_a_noun_is_an_affiliation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "SINGAPORE, March 2 - The Sydney, London and Toronto authorities have agreed on a "
        "common trading system."
    )
    dp = document_places(text, doc=nlp(text))
    named = {p.text for p in dp.places}
    assert {"Sydney", "London", "Toronto"} <= named  # still toponyms (ActorGeo material)
    assert not {p.text for p in dp.in_span(0, len(text))} & {"Sydney", "London", "Toronto"}
    text2 = "HOUSTON, May 4 - Talks went on with Boston physician John Smith and Denver-based Acme."
    dp2 = document_places(text2, doc=nlp(text2))
    assert [p.text for p in dp2.in_span(0, len(text2))] == []
    # controls: a name before a site, or after a locative cue, is where things happen
    text3 = "HOUSTON, May 4 - Strikers blocked the Rotterdam port while in France farmers marched."
    dp3 = document_places(text3, doc=nlp(text3))
    assert {p.text for p in dp3.in_span(0, len(text3))} == {"Rotterdam", "France"}


def test_the_place_taken_outranks_the_taker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The West Bank, held by Jordan until 1967, was captured by Israel in that war."
    assert place_of(nlp, text, "190", ["ISR"]) == ("West Bank", "sentence-place")
    # control: a place after a locative cue beats both
    text2 = "Iran said its forces advanced on a road leading into Basra."
    assert place_of(nlp, text2, "192", ["IRN"]) == ("Al Basrah", "sentence-place")


def test_an_origin_is_no_place_of_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "BANGKOK, May 4 - Thailand's exports rose, helped by investment from Japan."
    assert place_of(nlp, text, "070", ["THA"]) == ("Bangkok", "dateline")
    text2 = "BANGKOK, May 4 - Thai exports rose, helped by investment in Japan."
    assert place_of(nlp, text2, "070", ["THA"]) == ("Japan", "sentence-place")


def test_a_relayed_report_is_placed_with_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAHRAIN, March 2 - Kuwait's oil minister reaffirmed the country's support for the "
        "OPEC accord, the official Kuwait News Agency KUNA said."
    )
    assert place_of(nlp, text, "030", ["KWT"]) == ("Kuwait", "sentence-place")
    text3 = (
        "BAHRAIN, March 2 - The Saudi oil minister reaffirmed support for the OPEC accord, "
        "the official Saudi Press Agency SPA said."
    )
    assert place_of(nlp, text3, "030", ["SAU"]) == ("Saudi Arabia", "actor-country")
    # control: the same lead without a medium is said where it was filed
    text2 = (
        "BAHRAIN, March 2 - Kuwait's oil minister said the country supported the "
        "OPEC accord, officials said."
    )
    assert place_of(nlp, text2, "010", ["KWT"]) == ("Bahrain", "dateline")


def test_talks_the_text_does_not_place_are_in_the_doers_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # a dateline is where the story was filed, not where the parties met: GDELT's answer
    # when nothing finer is known is the country, at precision "country"
    text = "LIMA, May 4 - Peru agreed last Friday with its creditor banks to stretch repayments."
    assert place_of(nlp, text, "030", ["PER"]) == ("Peru", "actor-country")
    text2 = "LIMA, May 4 - Chilean negotiators opened talks last August with Peruvian officials."
    assert place_of(nlp, text2, "040", ["CHL", "PER"]) == ("Peru", "actor-country")
    text3 = "WASHINGTON, May 4 - Japan has pledged to buy more American car parts, officials said."
    assert place_of(nlp, text3, "030", ["JPN"]) == ("Japan", "actor-country")
    text7 = "LIMA, May 4 - Peru said last week it had agreed with its banks to stretch repayments."
    assert place_of(nlp, text7, "030", ["PER"]) == ("Peru", "actor-country")
    # controls: talks the sentence places, or puts "here"; a statement is made at the dateline
    text4 = "LIMA, May 4 - Peru agreed with its creditor banks at talks in Santiago yesterday."
    assert place_of(nlp, text4, "030", ["PER"]) == ("Santiago", "sentence-place")
    text5 = "LIMA, May 4 - Peru and Bolivia agreed after two days of talks here to open the border."
    assert place_of(nlp, text5, "030", ["PER", "BOL"]) == ("Lima", "dateline")
    text6 = "LIMA, May 4 - Peru said last Friday it would stretch repayments."
    assert place_of(nlp, text6, "010", ["PER"]) == ("Lima", "dateline")


def test_a_pact_named_by_its_place_is_agreed_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NEW YORK, May 4 - The minister declined comment on the February 22 Paris accord "
        "among the six nations under which they agreed to foster currency stability."
    )
    assert place_of(nlp, text, "030", ["USA"]) == ("Paris", "sentence-place")
    text2 = "TOKYO, May 4 - He said the Geneva currency pact among six nations does not bind Japan."
    assert place_of(nlp, text2, "057", ["JPN"]) == ("Geneve", "sentence-place")
    # controls: the same name before another noun is no place of the act; nor for a statement
    text3 = "TOKYO, May 4 - He said the Geneva bankers agreed to cut rates for Japan."
    assert place_of(nlp, text3, "030", ["JPN"]) == ("Japan", "actor-country")
    assert place_of(nlp, text2, "010", ["JPN"]) == ("Tokyo", "dateline")


def test_fighting_is_placed_in_the_country_not_the_filing_town(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "BAGHDAD, May 4 - Iranian forces shelled Iraqi positions overnight, a spokesman said."
    assert place_of(nlp, text, "190", ["IRN", "IRQ"]) == ("Iraq", "actor-country")
    text2 = "LIMA, May 4 - Guerrillas blew up a railway line carrying copper to the coast."
    assert place_of(nlp, text2, "183", ["PER"]) == ("Peru", "actor-country")
    text3 = "BAGHDAD, May 4 - The army repelled an attack on a peak 340 km north of Mosul."
    assert place_of(nlp, text3, "190", ["IRQ"]) == ("Iraq", "sentence-place")
    # controls: fighting the sentence places; "here"; an arrest under its dateline; a town
    # named without a distance
    text4 = "BAGHDAD, May 4 - Iranian forces shelled Basra overnight, a spokesman said."
    assert place_of(nlp, text4, "190", ["IRN", "IRQ"]) == ("Al Basrah", "sentence-place")
    text5 = "SARAGOSSA, May 4 - Thousands of farmers battled police here during a march."
    assert place_of(nlp, text5, "190", ["ESP"]) == ("Zaragoza", "dateline")
    text6 = "SYDNEY, May 4 - Police charged a bank clerk with fraud."
    assert place_of(nlp, text6, "173", ["AUS"]) == ("Sydney", "dateline")
    text7 = "BAGHDAD, May 4 - The army repelled an attack on a peak in the mountains near Mosul."
    assert place_of(nlp, text7, "190", ["IRQ"]) == ("Mosul", "sentence-place")
    text8 = "BAGHDAD, May 4 - The army repelled an attack on a peak some 40 km north of Mosul."
    assert place_of(nlp, text8, "190", ["IRQ"]) == ("Mosul", "sentence-place")
    text9 = "SARAGOSSA, May 4 - Farmers battled police in this northeastern city during a march."
    assert place_of(nlp, text9, "190", ["ESP"]) == ("Zaragoza", "dateline")


def test_a_former_states_code_is_placed_in_its_successor(nlp) -> None:  # type: ignore[no-untyped-def]
    # CAMEO's USR, DDR, YUG have no ISO code of today: the map puts them where news names them
    text = "BASLE, May 4 - The company said it had signed a letter of intent with a ministry."
    assert place_of(nlp, text, "057", ["USR"]) == ("Russian Federation", "actor-country")
    assert place_of(nlp, text, "057", ["YUG"]) == ("Serbia", "actor-country")
    # control: a code of today's map, and no code at all (the dateline's country)
    assert place_of(nlp, text, "057", ["FRA"]) == ("France", "actor-country")
    assert place_of(nlp, text, "057", []) == ("Switzerland", "dateline")


def test_names_opened_by_an_article_and_older_country_names() -> None:
    from eventwire.places import geoparse

    got = {p.text: p.country for p in geoparse("El Salvador and Guatemala backed Brazil.")}
    assert got == {"El Salvador": "SLV", "Guatemala": "GTM", "Brazil": "BRA"}
    # control: "The" opens no name ("The U.S." is the U.S.)
    assert [p.country for p in geoparse("The U.S. and Surinam signed a pact.")] == ["USA", "SUR"]


def test_parties_recipients_and_monitors_are_not_the_act_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "PARIS, May 4 - Speakers at the conference showed a growing U.S.-European consensus."
    assert place_of(nlp, text, "141", ["FRA"]) == ("Paris", "dateline")
    # a recipient ranks with the bare names, so the actor's own country comes first
    text2 = "The spy passed documents to Israel, Canada said."
    assert place_of(nlp, text2, "173", ["CAN"]) == ("Canada", "sentence-place")
    text3 = (
        "WASHINGTON, May 4 - Senator Jane Smith of Maryland told the hearing banks were to blame."
    )
    assert place_of(nlp, text3, "111", ["USA"]) == ("Washington, D.C.", "dateline")
    # controls: a venue named before talks is where they were; a destination of a visit
    text4 = "LONDON, May 4 - Chile and Peru backed Brazil at the Geneva talks."
    assert place_of(nlp, text4, "051", ["CHL"]) == ("Geneve", "sentence-place")
    text5 = "WASHINGTON, May 4 - The senator from Maryland was arrested in Baltimore."
    assert place_of(nlp, text5, "173", ["USA"]) == ("Baltimore", "sentence-place")


def test_a_monitored_report_is_placed_where_the_act_was(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "LONDON, May 4 - Iran said its troops advanced. The Iranian news agency IRNA, received "
        "in London, said Iran had backed Kurdish rebels in attacks in northern Iraq."
    )
    assert place_of(nlp, text, "051", ["IRN"]) == ("Iraq", "sentence-place")
    # control: without a medium the report is where it was filed
    text2 = (
        "LONDON, May 4 - Iran said its troops advanced. Officials said Iran had backed Kurdish "
        "rebels."
    )
    assert place_of(nlp, text2, "051", ["IRN"]) == ("London", "dateline")


def test_a_body_named_by_its_seat_acts_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "PEKING, May 4 - The Sichuan government ordered all meetings cancelled."
    assert place_of(nlp, text, "160", ["CHN"]) == ("Sichuan", "sentence-place")
    # controls: a statement is still made where the story was filed; another place wins
    text2 = "PEKING, May 4 - The Sichuan government said the drought was severe."
    assert place_of(nlp, text2, "010", ["CHN"]) == ("Beijing", "dateline")
    text3 = "PEKING, May 4 - The Sichuan government ordered troops into Chengdu."
    assert place_of(nlp, text3, "160", ["CHN"]) == ("Chengdu", "sentence-place")


def test_a_national_act_is_the_countrys_unless_filed_from_its_capital(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "SAO PAULO, May 4 - Brazil has suspended imports of maize."
    assert place_of(nlp, text, "160", ["BRA"]) == ("Brazil", "sentence-place")
    text2 = "BRASILIA, May 4 - Brazil has suspended imports of maize."
    assert place_of(nlp, text2, "160", ["BRA"]) == ("Brasilia", "dateline")


def test_a_place_of_the_venue_phrase_is_where_a_statement_was_made(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "TOKYO, May 4 - At the talks among the six nations in Paris, Japan promised a package."
    assert place_of(nlp, text, "030", ["JPN"]) == ("Paris", "sentence-place")
    # control: "in X" of a thing, not of the talks, is the topic
    text2 = "TOKYO, May 4 - Japan promised a package of projects in Indonesia."
    assert place_of(nlp, text2, "030", ["JPN"]) == ("Japan", "actor-country")


def test_a_meeting_the_sentence_names_without_a_place_is_the_datelines(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "GENEVA, May 4 - Canada and the EC told a GATT council meeting that the fee is illegal."
    assert place_of(nlp, text, "040", ["CAN"]) == ("Geneve", "dateline")
    text2 = "TOKYO, May 4 - Officials of the parties agreed at a meeting of the committee's board."
    assert place_of(nlp, text2, "030", ["JPN"]) == ("Tokyo", "dateline")
    # control: talks named without a meeting the reporter covers
    text3 = "GENEVA, May 4 - Canada and the EC have held talks on the fee."
    assert place_of(nlp, text3, "040", ["CAN"]) == ("Canada", "actor-country")


def test_backing_and_praise_are_said_where_the_story_was_filed(nlp) -> None:  # type: ignore[no-untyped-def]
    # 05 other than signings (057) is a verbal act: the dateline, as for statements
    text = "BRUSSELS, May 4 - Diplomats said Spain and Portugal backed the court's view."
    assert place_of(nlp, text, "051", ["ESP"]) == ("Brussels", "dateline")
    # control: a signing is a joint act, placed in a party's country when not said
    text2 = "BRUSSELS, May 4 - Diplomats said Spain and Portugal signed a fisheries accord."
    assert place_of(nlp, text2, "057", ["ESP", "PRT"]) == ("Spain", "actor-country")


def test_a_government_named_as_the_doer_acts_at_home(nlp) -> None:  # type: ignore[no-untyped-def]
    # metonymy: "Washington", "Japan" stand for a government, which acts at home when the
    # story is filed from another country and the sentence does not say where
    text = "TAIPEI, May 4 - Washington is pressing Taiwan to open its markets wider."
    assert place_of(nlp, text, "100", ["USA", "TWN"]) == ("United States", "actor-country")
    text2 = "NEW DELHI, May 4 - Japan has asked India to reduce iron ore prices, sources said."
    assert place_of(nlp, text2, "020", ["JPN", "IND"]) == ("Japan", "actor-country")
    # controls: a person speaking (may be at the dateline), a place of the statement, a
    # government at home under its own dateline, a meeting the reporter covers
    text3 = "NEW DELHI, May 4 - The Japanese minister asked India to reduce iron ore prices."
    assert place_of(nlp, text3, "020", ["JPN", "IND"]) == ("New Delhi", "dateline")
    text4 = "NEW DELHI, May 4 - Japan asked India to cut prices, the minister said in Bombay."
    assert place_of(nlp, text4, "020", ["JPN", "IND"]) == ("Mumbai", "sentence-place")
    text5 = "TOKYO, May 4 - Japan has asked India to reduce iron ore prices."
    assert place_of(nlp, text5, "020", ["JPN", "IND"]) == ("Tokyo", "dateline")
    text6 = "GENEVA, May 4 - Australia told the GATT council the U.S. was protectionist."
    assert place_of(nlp, text6, "112", ["AUS", "USA"]) == ("Geneve", "dateline")


def test_a_legislature_named_bare_is_no_town() -> None:
    dp = document_places("In a report to Congress, the President asked for more aid.")
    assert dp.resolve("Congress") is None
    # control: the Arizona town, qualified by its state
    dp2 = document_places("The fire near Congress, Arizona, burned 300 acres.")
    got = dp2.resolve("Congress")
    assert got is not None and got.admin1 == "Arizona"


def test_the_meeting_the_story_placed_earlier(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the talks" refers back to talks the story placed when it first named them
    text = (
        "JAKARTA, May 4 - Coffee producers met for talks in London this week. "
        "Brazil blocked the proposal at the coffee talks."
    )
    assert place_of(nlp, text, "120", ["BRA"]) == ("London", "sentence-place")
    text2 = (
        "WASHINGTON, May 4 - The London talks on cocoa ended. "
        "France backed the Ivory Coast during the talks."
    )
    assert place_of(nlp, text2, "051", ["FRA"]) == ("London", "sentence-place")
    # controls: talks the story never placed; "a meeting" is not the one named before
    text3 = "WASHINGTON, May 4 - Cocoa prices fell. France backed the Ivory Coast during the talks."
    assert place_of(nlp, text3, "051", ["FRA"]) == ("Washington, D.C.", "dateline")
    text4 = "WASHINGTON, May 4 - Talks in London ended. France backed the Ivory Coast at a meeting."
    assert place_of(nlp, text4, "051", ["FRA"]) == ("Washington, D.C.", "dateline")


def test_where_the_doer_is_says_where_a_statement_was_made(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "WOLFSBURG, May 4 - A spokeswoman said prosecutors in Frankfurt were looking into the case."
    )
    assert place_of(nlp, text, "090", ["DEU"]) == ("Frankfurt am Main", "sentence-place")
    text2 = "TOKYO, May 4 - Officials in Washington said the talks would resume."
    assert place_of(nlp, text2, "010", ["USA"]) == ("Washington, D.C.", "sentence-place")
    # control: "in X" after a subject that is no doer is the statement's topic
    text3 = "LONDON, May 4 - The minister said exports in Brazil would fall."
    assert place_of(nlp, text3, "010", ["BRA"]) == ("London", "dateline")


def test_a_country_named_with_and_is_one_place() -> None:
    import eventwire

    got = [
        (p.text, p.precision) for p in eventwire.geoparse("Trinidad and Tobago restricted imports.")
    ]
    assert got == [("Trinidad and Tobago", "country")]
    # control: two places joined by "and" stay two
    got2 = [p.name for p in eventwire.geoparse("Talks were held in Brazil and Chile.")]
    assert got2 == ["Brazil", "Chile"]


def test_a_national_body_named_with_its_country_acts_at_home(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "TOKYO, May 4 - The sale was opposed by the Canadian government and Canada's agency."
    assert place_of(nlp, text, "120", ["CAN"]) == ("Canada", "actor-country")
    text1 = "TOKYO, May 4 - The sale was opposed by the Canada Industry Department, analysts said."
    assert place_of(nlp, text1, "120", ["CAN"]) == ("Canada", "actor-country")
    text2 = "ST HELIER, May 4 - Britain's Department of Trade is investigating the takeover."
    assert place_of(nlp, text2, "090", ["GBR"]) == ("United Kingdom", "actor-country")
    # controls: the body under its own country's dateline; a body of another country
    text3 = "OTTAWA, May 4 - The sale was opposed by the Canada Industry Department."
    assert place_of(nlp, text3, "120", ["CAN"]) == ("Ottawa", "dateline")
    text4 = "TOKYO, May 4 - The sale was opposed by the Japanese trade ministry, analysts said."
    assert place_of(nlp, text4, "120", ["JPN"]) == ("Tokyo", "dateline")


def test_a_national_body_under_a_second_city_is_its_countrys(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "TORONTO, May 4 - The sale was opposed by the Canada Industry Department."
    assert place_of(nlp, text, "120", ["CAN"]) == ("Canada", "actor-country")
    # controls: under the capital the body is there; a company under its seat stays there
    text2 = "OTTAWA, May 4 - The sale was opposed by the Canada Industry Department."
    assert place_of(nlp, text2, "120", ["CAN"]) == ("Ottawa", "dateline")
    text3 = "TORONTO, May 4 - The sale was opposed by the board of Northern Telecom."
    assert place_of(nlp, text3, "120", ["CAN"]) == ("Toronto", "dateline")
