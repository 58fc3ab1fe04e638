"""Where an act happened when its sentence gives no town: at sea, with a visitor at the
dateline, at the pact the story places.

Sentences written for these tests; parsed with the pipeline's own model (eventwire.nlp).
The event's sentence is the text's last."""

from __future__ import annotations

import pytest

from eventwire.places import document_places, event_place


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from eventwire.nlp import get_nlp

    return get_nlp()


def place_of(nlp, text: str, cameo: str, countries: list[str]) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    dp = document_places(text, doc=nlp(text))
    sent = text.rfind(". ", 0, len(text) - 2)
    start = sent + 2 if sent >= 0 else 0
    place, rule = event_place(
        [], dp.in_span(start, len(text)), dp.dateline, countries, dp, cameo=cameo
    )
    return (place.name if place else None), rule


# --- at sea: waters named after a locative cue are where a material act happened


def test_an_attack_in_the_gulf_is_at_sea(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAGHDAD, March 9 - Iraq said its jets struck Iranian oil installations. "
        "Two tankers were hit in the Gulf by Iranian gunboats."
    )
    assert place_of(nlp, text, "190", ["IRN"]) == ("Persian Gulf", "sentence-place")
    # control: a statement about the Gulf is no act at sea
    text2 = "BAGHDAD, March 9 - Iraq said its jets struck Iranian oil installations. Iraq said shipping in the Gulf was safe."
    assert place_of(nlp, text2, "010", ["IRQ"])[0] != "Persian Gulf"


def test_the_gulf_needs_a_gulf_country_in_the_story(nlp) -> None:  # type: ignore[no-untyped-def]
    # control: a story that names no Gulf country means another gulf by "the Gulf"
    text = "HOUSTON, May 2 - Gunmen attacked two supply boats in the Gulf, the company said."
    assert place_of(nlp, text, "190", ["USA"])[0] != "Persian Gulf"
    dp = document_places(text, doc=nlp(text))
    assert "Persian Gulf" not in [p.name for p in dp.places]
    # "the Gulf of Mexico", "the Gulf Cooperation Council" are not the bare word
    text2 = (
        "KUWAIT, May 2 - Kuwait said the Gulf Cooperation Council met. "
        "Pirates attacked a tanker in the Gulf of Mexico."
    )
    dp2 = document_places(text2, doc=nlp(text2))
    assert "Persian Gulf" not in [p.name for p in dp2.places]


def test_warships_moved_into_a_sea_and_a_tanker_hit_off_an_island(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "WASHINGTON, March 24 - The Pentagon has moved 18 warships into the northern Arabian Sea."
    )
    assert place_of(nlp, text, "154", ["USA"]) == ("Arabian Sea", "sentence-place")
    # a compass word and "of" without a distance: the island is near the act
    text2 = (
        "BAGHDAD, March 9 - Iraq claimed new attacks. "
        "An Iranian tanker was hit south of Kharg by Iraqi jets."
    )
    assert place_of(nlp, text2, "190", ["IRQ"]) == ("Kharg Island", "sentence-place")
    # control: a continent is never an act's place
    text3 = "LONDON, March 9 - Rebels attacked several towns in Africa."
    assert place_of(nlp, text3, "190", ["GBR"])[0] != "Africa"


# --- a visitor: the act is where the story was filed


def test_a_visitor_signs_at_the_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "TOKYO, March 11 - The loan accord was signed by the visiting Indonesian Finance "
        "Minister, a bank spokesman said."
    )
    assert place_of(nlp, text, "057", ["IDN"]) == ("Tokyo", "dateline")
    # control: without the visitor, a signing the text does not place is the doer's country
    text2 = (
        "TOKYO, March 11 - The loan accord was signed by the Indonesian Finance Minister, "
        "a bank spokesman said."
    )
    assert place_of(nlp, text2, "057", ["IDN"]) == ("Indonesia", "actor-country")
    # control: a visit to somewhere else does not put him at the dateline
    text3 = (
        "TOKYO, March 11 - The Indonesian minister, visiting Washington, signed the loan "
        "accord, a bank spokesman said."
    )
    assert place_of(nlp, text3, "057", ["IDN"])[0] != "Tokyo"


# --- the pact the story places: a joint act the sentence does not place


def test_an_agreement_the_story_places_by_its_pact(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "TOKYO, March 3 - The yen held within the ranges set by the February 22 Paris "
        "accord. Canada, Britain and Japan agreed to cooperate in stabilising exchange rates."
    )
    assert place_of(nlp, text, "032", ["CAN", "GBR"]) == ("Paris", "sentence-place")
    # control: an agreement made today is a new act, not the story's pact
    text2 = text.replace("agreed to", "agreed today to")
    assert place_of(nlp, text2, "032", ["CAN", "GBR"])[0] != "Paris"


def test_a_body_named_for_a_town_and_two_pacts_place_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    # control: "the Paris Club agreement" names a body, not where it was agreed
    text = (
        "LONDON, March 24 - The accord follows the Paris Club agreement of December. "
        "Nigeria and Britain signed a debt agreement."
    )
    assert place_of(nlp, text, "057", ["NGA", "GBR"])[0] != "Paris"
    # control: pacts at two towns say nothing about a third act
    text2 = (
        "TOKYO, March 3 - Dealers cited the Paris accord and the Geneva talks. "
        "Canada, Britain and Japan agreed to cooperate in stabilising exchange rates."
    )
    assert place_of(nlp, text2, "032", ["CAN", "GBR"])[0] not in ("Paris", "Geneva")


# --- member seats: filed from the seat of a body the story names, members act there


def test_members_act_at_the_seat_of_their_body(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "GENEVA, March 5 - Australia accused the U.S. of protectionism in farm trade and "
        "asked for an end to its exemption from GATT rules."
    )
    assert place_of(nlp, text, "112", ["AUS", "USA"]) == ("Geneve", "dateline")
    text2 = "BRUSSELS, March 5 - EC farm ministers meet here. Britain and France agreed to cut milk output."
    assert place_of(nlp, text2, "030", ["GBR", "FRA"]) == ("Brussels", "dateline")
    # controls: without the body, a government named acts at home; a body named under
    # another town's dateline does not bring its members there
    text3 = "GENEVA, March 5 - The GATT council met. Japan has asked India to cut ore prices."
    assert place_of(nlp, text3, "020", ["JPN", "IND"]) == ("Geneve", "dateline")
    text4 = "GENEVA, March 5 - The council met. Japan has asked India to cut ore prices."
    assert place_of(nlp, text4, "020", ["JPN", "IND"]) == ("Japan", "actor-country")
    text5 = "ZURICH, March 5 - The GATT council met. Japan has asked India to cut ore prices."
    assert place_of(nlp, text5, "020", ["JPN", "IND"]) == ("Japan", "actor-country")


def test_a_member_seat_row_names_its_file_and_line(
    tmp_path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from eventwire.data_files import DataError
    from eventwire.places import _members, get_gazetteer

    bad = tmp_path / "member_seats.tsv"
    bad.write_text("# header\nGATT\tNowhere City\tCHE\tcity\n", encoding="utf-8")
    monkeypatch.setattr(_members, "data_file", lambda *parts: tmp_path / parts[-1])
    monkeypatch.setattr(_members, "_SEATS", {})
    with pytest.raises(DataError, match=r"member_seats\.tsv:2: no city 'Nowhere City'"):
        _members.member_seats(get_gazetteer())


# --- an origin alone: where something came from is no place of the act


def test_an_origin_alone_does_not_place_a_material_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "DUBLIN, March 24 - Inspectors seized three boxes of parsley imported from France."
    assert place_of(nlp, text, "171", ["IRL"]) == ("Dublin", "dateline")
    # controls: an origin with another place, and the act's own locative, still count
    text2 = "DUBLIN, March 24 - Inspectors in Cork seized parsley imported from France."
    assert place_of(nlp, text2, "171", ["IRL"]) == ("Cork", "sentence-place")
    text3 = "DUBLIN, March 24 - Inspectors seized parsley in France."
    assert place_of(nlp, text3, "171", ["IRL"]) == ("France", "sentence-place")


# --- the next sentence puts the talks at the dateline


def test_talks_the_next_sentence_puts_here(nlp) -> None:  # type: ignore[no-untyped-def]
    lead = (
        "MIAMI, March 24 - Brazil and its bank committee agreed to extend credit lines, "
        "the central bank president said."
    )
    text = lead + " Speaking after talks with the committee here, he said payments would wait."
    dp = document_places(text, doc=nlp(text))
    end = len(lead)
    place, rule = event_place([], dp.in_span(0, end), dp.dateline, ["BRA"], dp, cameo="030")
    assert (place.name if place else None, rule) == ("Miami", "dateline")
    # control: without "here" the talks the text does not place are the doer's country's
    text2 = lead + " Speaking after talks with the committee, he said payments would wait."
    dp2 = document_places(text2, doc=nlp(text2))
    place2, rule2 = event_place([], dp2.in_span(0, end), dp2.dateline, ["BRA"], dp2, cameo="030")
    assert (place2.name if place2 else None, rule2) == ("Brazil", "actor-country")


# --- a foreign official's statement where the text says he spoke


def test_a_statement_where_its_speaker_spoke(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "BRASILIA, March 3 - Baker, speaking in Washington, said Brazil should adopt a plan."
    assert place_of(nlp, text, "010", ["USA", "BRA"]) == ("Washington, D.C.", "sentence-place")
    text2 = (
        "BRASILIA, March 3 - Baker told a Senate committee in Washington that Brazil "
        "should adopt a plan."
    )
    assert place_of(nlp, text2, "010", ["USA", "BRA"]) == ("Washington, D.C.", "sentence-place")
    # controls: the text does not say where he spoke; a plan's place is not the statement's
    text3 = "BRASILIA, March 3 - Baker said Brazil should adopt a plan."
    assert place_of(nlp, text3, "010", ["USA", "BRA"]) == ("Brasilia", "dateline")
    text4 = "BRASILIA, March 3 - Baker, speaking to reporters, said Brazil should build a plant in Recife."
    assert place_of(nlp, text4, "010", ["USA", "BRA"]) == ("Brasilia", "dateline")


def test_of_two_places_after_a_cue_the_verbs_wins(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "WASHINGTON, March 24 - In addition to ships near the Straits of Hormuz, the Pentagon "
        "has moved 18 warships into the northern Arabian Sea."
    )
    assert place_of(nlp, text, "154", ["USA"]) == ("Arabian Sea", "sentence-place")
    # control: not the last named, the verb's
    text2 = (
        "WASHINGTON, March 24 - The Pentagon has moved 18 warships into the northern "
        "Arabian Sea, joining ships near the Straits of Hormuz."
    )
    assert place_of(nlp, text2, "154", ["USA"]) == ("Arabian Sea", "sentence-place")


def test_a_meeting_named_with_a_bracketed_gloss_is_the_datelines(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NEW DELHI, May 4 - Japan has asked India to cut ore prices at a GATT (General "
        "Agreement on Tariffs and Trade) council meeting."
    )
    assert place_of(nlp, text, "020", ["JPN", "IND"]) == ("New Delhi", "dateline")
    # control: no meeting named, a government named as the doer acts at home
    text2 = "NEW DELHI, May 4 - Japan has asked India to cut ore prices, sources said."
    assert place_of(nlp, text2, "020", ["JPN", "IND"]) == ("Japan", "actor-country")
