"""Actor countries from names that hold other names: divisions whose names hold another
country's word (British Columbia, New South Wales), long organisation names with an of/on
phrase, and a country that is the other party of the act rather than the actor's own."""

from __future__ import annotations

import eventwire

DATE = "1987-03-20"


def codes(text: str) -> list[tuple[str, str | None, str]]:
    return [
        (e.source.code, e.target.code if e.target else None, e.cameo[:2])
        for e in eventwire.code(text, date=DATE)
        if e.modality == "asserted"
    ]


def test_a_division_named_with_another_countrys_word_is_its_own_countrys():
    assert ("CANGOV", "CANLAB", "11") in codes(
        "British Columbia officials accused the union of breaking the agreement."
    )
    assert any(
        s == "AUSGOV" for s, _, _ in codes("The New South Wales government criticised the plan.")
    )
    assert any(
        s == "USAGOV" for s, _, _ in codes("New Mexico officials accused the tribe of fraud.")
    )
    # control: the demonym alone still names its country
    assert ("GBRGOV", "GBRLAB", "11") in codes(
        "British officials accused the union of breaking the agreement."
    )


def test_a_long_organisation_name_with_a_preposition_is_matched_whole():
    # the tagger calls it a LAW entity; the whole name is still the trade body
    assert ("IGOWTO", "USA", "11") in codes(
        "The General Agreement on Tariffs and Trade condemned the U.S. measures."
    )
    assert ("IGOWTO", "USA", "11") in codes("GATT condemned the U.S. measures.")


def test_the_country_acted_on_is_not_the_actors_own():
    # no dateline, no other country: the secretary's country is unknown, not Japan's
    got = codes("The Trade Secretary warned Japan against restricting imports.")
    assert got and all(not s.startswith("JPN") for s, _, _ in got), got
    # controls: a locative or a demonym on the actor's own side still gives the country
    assert any(
        s == "JPNGOV"
        for s, _, _ in codes("Officials in Tokyo accused the United States of dumping chips.")
    )
    assert any(
        s == "ZMBGOV"
        for s, _, _ in codes("President Mwanawasa reneged on his commitment to the Zambian people.")
    )
