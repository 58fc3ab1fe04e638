"""eventwire.places: one sense per discourse and other document-level choices (sentences
written for these tests)."""

from __future__ import annotations

from eventwire.places import geoparse


def senses(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.text or "", p.precision, p.country) for p in geoparse(text)]


def test_a_qualified_state_keeps_its_sense() -> None:
    got = senses(
        "Regulators closed a feed mill in Tifton, Georgia. Grain from the Georgia mill "
        "was sent to three states."
    )
    assert got[-1] == ("Georgia", "admin1", "USA")  # the US state, not the country
    # without the qualified mention the bare name is the country
    assert senses("Grain from Georgia was sent to three states.") == [("Georgia", "country", "GEO")]


def test_a_state_named_as_such_keeps_its_sense() -> None:
    got = senses(
        "The governor declared an emergency across New York state on Monday. Hospitals in "
        "New York reported 40 new cases."
    )
    assert [g[1] for g in got] == ["admin1", "admin1"]
    assert senses("Hospitals in New York reported 40 new cases.")[0][1] == "city"


def test_a_country_named_like_its_own_province_stays_the_country() -> None:
    got = senses("Farmers in Pingtung County, Taiwan culled ducks. Taiwan banned poultry imports.")
    assert got[-1] == ("Taiwan", "country", "TWN")


def sentence_places(text: str) -> list[str]:
    from eventwire.places import document_places

    return [p.text or "" for p in document_places(text).in_span(0, len(text))]


def test_affiliations_are_no_event_place() -> None:
    # a place inside an organisation's name, "of X" after one, an envoy's country and a
    # journey's origin say whose or whence, not where the event happened
    assert sentence_places("The airline agreed to buy a stake in Air U.K. Ltd on Monday.") == []
    assert sentence_places("The Bank of England raised its key rate.") == []
    assert sentence_places("Airbus sold ten jets to All Nippon Airways of Japan.") == []
    assert sentence_places("The protest was made to Turkey's ambassador during talks.") == []
    assert sentence_places("Protesters gathered outside the U.S. embassy in Manila.") == ["Manila"]
    assert sentence_places("He spoke to reporters on his return from Ethiopia.") == []
    # places that do locate the event stay
    assert sentence_places("Troops withdrew from Kabul on Monday.") == ["Kabul"]
    assert sentence_places("Police fired tear gas at protesters in Kisumu.") == ["Kisumu"]


def test_older_english_exonyms() -> None:
    from eventwire.places import resolve_place

    for old, new, iso in [("Saragossa", "Zaragoza", "ESP"), ("Dacca", "Dhaka", "BGD")]:
        p = resolve_place(old)
        assert p is not None and (p.name, p.country) == (new, iso)
    (p,) = geoparse("SARAGOSSA, March 2 - Farmers marched through the city.")
    assert p.name == "Zaragoza" and p.precision == "city"


def test_a_persons_surname_is_no_town() -> None:
    text = "The senator praised Robert Gates on Monday. At Gates's request the vote was delayed."
    assert [p.text for p in geoparse(text)] == []
    # a country or state that is also a surname stays a place
    assert senses("Senator Jim Jordan flew to Jordan.")[-1] == ("Jordan", "country", "JOR")


def test_german_exonyms_in_context_and_qualified_namesakes() -> None:
    assert senses("Farmers marched through the streets of Hanover.") == [("Hanover", "city", "DEU")]
    assert senses("A college in Hanover, N.H. closed.")[0] == ("Hanover", "city", "USA")
