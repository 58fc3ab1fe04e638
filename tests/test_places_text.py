"""eventwire.places.geoparse on running text: homonyms decided by context, counties and states,
lower-case and ALL-CAPS text, names the small model misses (sentences written for these tests)."""

from __future__ import annotations

from eventwire.places import geoparse
from eventwire.places.scan import caseless, cue_sets, tokens


def got(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(p.text, p.country, p.admin1, p.precision) for p in geoparse(text)]


def test_paris_decided_by_context() -> None:
    texas = got("Flooding closed roads in Paris and Tyler after storms swept across east Texas.")
    assert texas[0] == ("Paris", "USA", "Texas", "city")
    france = got("The exhibition opens in Paris next week, the French culture ministry said.")
    assert france == [("Paris", "FRA", "Ile-de-France", "city")]
    # qualified forms: the town and the state are two places
    assert got("A tornado struck Paris, Texas, on Sunday.")[:2] == [
        ("Paris", "USA", "Texas", "city"),
        ("Texas", "USA", "Texas", "admin1"),
    ]


def test_counties_and_states() -> None:
    assert got("Health officials in Scott County, Indiana, said cases began in Austin.") == [
        ("Scott County", "USA", "Indiana", "admin2"),
        ("Indiana", "USA", "Indiana", "admin1"),
        ("Austin", "USA", "Indiana", "city"),  # the Indiana town, not the Texas capital
    ]
    states = got("The governors of Alabama, Georgia and Florida declared emergencies.")
    assert [(t, c, k) for t, c, _, k in states] == [
        ("Alabama", "USA", "admin1"),
        ("Georgia", "USA", "admin1"),  # listed with US states: the state, not the country
        ("Florida", "USA", "admin1"),
    ]
    # a state far larger than any namesake town wins even when the story names that town's state
    oregon = got("Fires spread from Oregon into Ohio and Idaho.")
    assert oregon[0] == ("Oregon", "USA", "Oregon", "admin1")
    # "the state of X" and a state's office
    assert got("Drought hit farms in the state of Washington.")[0][3] == "admin1"
    assert got("New York Governor Jane Doe declared an emergency.")[0][3] == "admin1"
    assert got("Ferries sailed from Ipswich, Suffolk, to farms in Norfolk.")[1] == (
        "Suffolk",
        "GBR",
        "England",
        "admin2",
    )


def test_lower_case_and_all_caps_text() -> None:
    low = "officials in nairobi said the outbreak had reached kisumu and mombasa by monday."
    assert caseless(low) and caseless(low.upper()) and not caseless(low.capitalize() + " In Kisumu")
    want = [("KEN", "city")] * 3
    assert [(c, k) for _, c, _, k in got(low)] == want
    assert [(c, k) for _, c, _, k in got(low.upper())] == want
    # common words stay words when case says nothing
    assert got("the police said the mobile clinic was reading the signs in a nice way.") == []


def test_common_words_need_a_cue() -> None:
    assert got("Reading is fundamental, the teacher said on Monday.") == []
    assert [t for t, *_ in got("The mayor of Mobile, Alabama, visited Reading on Tuesday.")] == [
        "Mobile",
        "Alabama",
        "Reading",
    ]
    assert got("Jordan said he would not run for a second term.") == []
    assert got("Jordan closed its border with Syria.")[0][:2] == ("Jordan", "JOR")


def test_recall_beyond_the_entity_recogniser() -> None:
    # toponyms inside names, after hyphens, continents and seas, islands, divisions with suffixes
    found = {
        t
        for t, *_ in got(
            "The U.S. Food and Drug Administration and the Kenya Red Cross met in Asia-Pacific "
            "talks on Java and in Ituri district, near the Black Sea coast of Europe."
        )
    }
    assert {"U.S.", "Kenya", "Asia", "Pacific", "Java", "Black Sea", "Europe"} <= found
    listed = got("Birds must be kept indoors in Rogaland, Vestfold, Buskerud and Telemark.")
    assert [c for _, c, _, _ in listed] == ["NOR"] * 4
    # part of a longer unknown name is not a town ("Abu" in India, "Valley" in Alabama)
    assert got("Aid resumed at the Abu Shok camp and in the Swat Valley.") == []


def test_tokens_keep_abbreviations_and_drop_possessives() -> None:
    text = "U.S. troops left St. Louis. Java's coast and Kenya."
    assert [t.text for t in tokens(text)] == [
        "U.S.",
        "troops",
        "left",
        "St.",
        "Louis",
        "Java",
        "coast",
        "and",
        "Kenya",
    ]


def test_cue_sets_load() -> None:
    sets = cue_sets()
    assert "in" in sets["cues"] and "county" in sets["suffixes"] and "of" in sets["links"]


def test_months_and_state_abbreviations() -> None:
    assert got("Sales rose between August and October, the company said on Monday.") == []
    dole = got("Senator Jane Roe (Kan.) said farmers in Hawthorne, Calif., were hurt.")
    assert [(t, c, k) for t, c, _, k in dole] == [
        ("Kan.", "USA", "admin1"),
        ("Hawthorne", "USA", "city"),
        ("Calif.", "USA", "admin1"),
    ]


def test_state_holding_a_named_town() -> None:
    text = "The firm will sell its smelter in Goldendale, Washington. Output in Washington fell."
    assert [k for _, _, _, k in got(text)][-1] == "admin1"  # the state, not the capital
    stays = got("Police in New York questioned a man from Buffalo, New York.")
    assert stays[0][:2] == ("New York", "USA") and stays[0][3] == "city"
