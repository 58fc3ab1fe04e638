"""Protest and headline phenomena of news: protesters coming together is a demonstration,
whatever verb of gathering is used ("protesters gathered", "thousands of demonstrators turned
out"); a headline verb the parser hangs on its subject noun keeps that subject ("Police in X fire
tear gas and arrest protesters"); a "from" phrase hung on the last of several objects still
makes a taking of people from their homes (181). Controls: others gathering is no protest."""

from __future__ import annotations

import eventwire

DATE = "2020-06-01"


def events(text: str) -> list[tuple[str, str]]:
    return [
        (e.cameo, e.source.code)
        for e in eventwire.code(text, date=DATE)
        if e.modality == "asserted"
    ]


def test_protesters_gathering_is_a_demonstration():
    assert any(c == "141" for c, _ in events("Protesters gathered outside parliament on Monday."))
    got = events("Thousands of protesters turned out in Louisville to demand justice.")
    assert ("141", "USACVL") in got, got
    got = events("Hundreds of demonstrators converged on the main square in Minsk.")
    assert ("141", "BLRCVL") in got, got
    # controls: shoppers and voters gathering protest nothing
    assert events("Shoppers gathered outside the store on Monday.") == []
    assert events("Voters turned out in large numbers in Louisville.") == []


def test_a_headline_verb_hung_on_its_subject_noun():
    got = events("Police in Lagos fire tear gas and arrest peaceful demonstrators.")
    assert ("173", "NGACOP") in got, got
    # control: a plain sentence
    assert ("173", "NGACOP") in events("Police in Lagos arrested peaceful demonstrators.")


def test_taking_people_from_a_phrase_on_the_last_object():
    got = events(
        "Pakistani forces have taken at least five people including a woman and a child from "
        "different areas of Balochistan."
    )
    assert ("181", "PAKMIL") in got, got
    assert events("The company took a loan from the bank.") == []
