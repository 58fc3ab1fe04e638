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
