"""Actor dictionaries: countries, groups, people by date, sector terms, user files, validation."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from pathlib import Path

import pytest

from eventwire.actors.lexicon import DATA, ENV, build_lexicon, load_lexicon, normalize
from eventwire.data_files import DataError, read_tsv, split_list
from eventwire.ontology import get_ontology


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def code(lex, phrase: str) -> str | None:
    e = lex.lookup(phrase)
    return e.code if e else None


# -- normalisation ------------------------------------------------------------------------------
def test_normalize():
    assert normalize("the U.S.'s") == "us"
    assert normalize("Côte d’Ivoire") == "cote d'ivoire"
    assert normalize("  al-Qaida ") == normalize("al Qaida") == "al qaida"
    assert normalize("Russians'") == "russians"
    assert normalize("Wałęsa") == "walesa"


# -- countries ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("United States", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("U.S.A.", "USA"),
        ("United States of America", "USA"),
        ("America", "USA"),
        ("the United States", "USA"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("U.K.", "GBR"),
        ("UK", "GBR"),
        ("Russia", "RUS"),
        ("Russia's", "RUS"),
        ("Russian Federation", "RUS"),
        ("Burma", "MMR"),
        ("Zaire", "COD"),
        ("DRC", "COD"),
        ("Ivory Coast", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Soviet Union", "USR"),
        ("USSR", "USR"),
        ("Yugoslavia", "YUG"),
        ("Romania", "ROM"),
        ("Montenegro", "MTN"),
        ("East Timor", "TMP"),
        ("South Sudan", "SSD"),
        ("Sudan", "SDN"),
        ("Kosovo", "KSV"),
        ("Taiwan", "TWN"),
        ("Hong Kong", "HKG"),
        ("Palestine", "PSE"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("South Korea", "KOR"),
        ("Guinea-Bissau", "GNB"),
        ("Guinea", "GIN"),
        ("Türkiye", "TUR"),
        ("Gaza", "GZS"),
        ("West Bank", "WSB"),
        ("UAE", "ARE"),
    ],
)
def test_country_names_and_aliases(lex, phrase, want):
    e = lex.lookup(phrase)
    assert e is not None and e.code == want and e.country == want, phrase
    assert e.sector is None


def test_acronyms_only_match_capitals(lex):
    assert lex.lookup("us") is None and lex.lookup("Us") is None
    assert lex.lookup("who") is None and lex.lookup("is") is None and lex.lookup("un") is None
    assert code(lex, "WHO") == "IGOUNOWHO" and code(lex, "IS") == "IMGREB"
    assert code(lex, "Nato") == code(lex, "NATO") == "IGONAT"


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("British", "GBR"),
        ("Briton", "GBR"),
        ("Britons", "GBR"),
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Palestinian", "PSE"),
        ("Palestinians", "PSE"),
        ("Chinese", "CHN"),
        ("Ukrainian", "UKR"),
        ("Iranian", "IRN"),
        ("Syrian", "SYR"),
        ("French", "FRA"),
        ("Germans", "DEU"),
        ("Saudi", "SAU"),
        ("Turkish", "TUR"),
        ("North Korean", "PRK"),
        ("Congolese", "COD"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Soviet", "USR"),
    ],
)
def test_adjectives(lex, phrase, want):
    e = lex.lookup(phrase)
    assert e is not None and (e.code, e.country, e.kind) == (want, want, "adjective")


@pytest.mark.parametrize(
    ("phrase", "want", "kind"),
    [
        ("Moscow", "RUSGOV", "capital"),
        ("Kyiv", "UKRGOV", "capital"),
        ("Kiev", "UKRGOV", "capital"),
        ("Washington", "USAGOV", "capital"),
        ("Beijing", "CHNGOV", "capital"),
        ("Tehran", "IRNGOV", "capital"),
        ("Kremlin", "RUSGOV", "seat"),
        ("the Kremlin", "RUSGOV", "seat"),
        ("White House", "USAGOV", "seat"),
        ("Downing Street", "GBRGOV", "seat"),
        ("Elysee", "FRAGOV", "seat"),
        ("Élysée", "FRAGOV", "seat"),
    ],
)
def test_capitals_and_seats(lex, phrase, want, kind):
    e = lex.lookup(phrase)
    assert e is not None and (e.code, e.sector, e.kind) == (want, "GOV", kind)
    assert e.country == want[:3]


def test_regions(lex):
    for phrase, want in [
        ("the West", "WST"),
        ("Europe", "EUR"),
        ("Middle East", "MEA"),
        ("Latin America", "LAM"),
        ("Africa", "AFR"),
        ("Asia", "ASA"),
    ]:
        e = lex.lookup(phrase)
        assert e is not None and (e.code, e.kind) == (want, "region"), phrase
    e = lex.lookup("Western")
    assert e is not None and (e.code, e.kind) == ("WST", "adjective")
    assert code(lex, "European") == "EUR"
    assert code(lex, "European Union") == "IGOEEC"  # the IGO, not the region


def test_exact_case_names(lex):
    assert lex.lookup("western") is None and lex.lookup("the west") is None
    assert code(lex, "Western") == "WST" and code(lex, "the West") == "WST"
    assert lex.lookup("polish") is None and code(lex, "Polish") == "POL"
    assert code(lex, "Western Europe") == "EUR" and code(lex, "Western Sahara") == "ESH"
    assert lex.lookup("the West").name == "The West"


# -- groups and overrides -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "want", "country", "sector", "kind"),
    [
        ("United Nations", "IGOUNO", None, "IGO", "igo"),
        ("UN", "IGOUNO", None, "IGO", "igo"),
        ("U.N.", "IGOUNO", None, "IGO", "igo"),
        ("NATO", "IGONAT", None, "IGO", "igo"),
        ("North Atlantic Treaty Organization", "IGONAT", None, "IGO", "igo"),
        ("European Union", "IGOEEC", None, "IGO", "igo"),
        ("EU", "IGOEEC", None, "IGO", "igo"),
        ("E.U.", "IGOEEC", None, "IGO", "igo"),
        ("IMF", "IGOIMF", None, "IGO", "igo"),
        ("International Monetary Fund", "IGOIMF", None, "IGO", "igo"),
        ("World Bank", "IGOUNOWBK", None, "IGO", "igo"),
        ("UNHCR", "IGOUNOHCR", None, "IGO", "igo"),
        ("UNICEF", "IGOUNOKID", None, "IGO", "igo"),
        ("WFP", "IGOUNOWFP", None, "IGO", "igo"),
        ("IAEA", "IGOUNOIAE", None, "IGO", "igo"),
        ("African Union", "IGOOAU", None, "IGO", "igo"),
        ("Arab League", "IGOARL", None, "IGO", "igo"),
        ("ASEAN", "IGOASN", None, "IGO", "igo"),
        ("OPEC", "IGOOPC", None, "IGO", "igo"),
        ("WTO", "IGOWTO", None, "IGO", "igo"),
        ("Amnesty International", "NGOAMN", None, "NGO", "ngo"),
        ("Human Rights Watch", "NGOHRW", None, "NGO", "ngo"),
        ("Red Cross", "NGOIRC", None, "NGO", "ngo"),
        ("ICRC", "NGOIRC", None, "NGO", "ngo"),
        ("Hamas", "PSEREBHMS", "PSE", "REB", "group"),
        ("Hezbollah", "LBNREBHEZ", "LBN", "REB", "group"),
        ("Hizbollah", "LBNREBHEZ", "LBN", "REB", "group"),
        ("Taliban", "AFGREBTAL", "AFG", "REB", "group"),
        ("Al Qaeda", "IMGALQ", None, "IMG", "group"),
        ("al-Qaida", "IMGALQ", None, "IMG", "group"),
        ("al Qaeda", "IMGALQ", None, "IMG", "group"),
        ("Islamic State", "IMGREB", None, "REB", "group"),
        ("ISIL", "IMGREB", None, "REB", "group"),
        ("Houthis", "YEMREB", "YEM", "REB", "group"),
        ("Likud", "ISRPTYLKD", "ISR", "PTY", "group"),
    ],
)
def test_groups(lex, phrase, want, country, sector, kind):
    e = lex.lookup(phrase)
    assert e is not None, phrase
    assert (e.code, e.country, e.sector, e.kind) == (want, country, sector, kind)


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("Pentagon", "USAMIL"),
        ("the Pentagon", "USAMIL"),
        ("State Department", "USAGOV"),
        ("Foreign Office", "GBRGOV"),
        ("Quai d'Orsay", "FRAGOV"),
        ("Quai d’Orsay", "FRAGOV"),
        ("Security Council", "IGOUNO"),
        ("Western governments", "WST"),
        ("Palestinian Authority", "PSEGOV"),
    ],
)
def test_overrides(lex, phrase, want):
    e = lex.lookup(phrase)
    assert e is not None and (e.code, e.kind) == (want, "override")
    assert lex.lookup("Pentagon").sector == "MIL" and lex.lookup("Pentagon").country == "USA"


def test_media_named_after_places(lex):
    assert code(lex, "Washington Post") == "USAMED"  # not the US government
    assert code(lex, "Al Jazeera") == "QATMED" and code(lex, "TASS") == "RUSMED"


def test_every_known_group_has_a_dictionary_row():
    onto = get_ontology()
    codes = [r["code"] for _, r in read_tsv(DATA / "groups.tsv")]
    chunks = {c[i : i + 3] for c in codes for i in range(3, len(c), 3)}
    # PSE, the "Occupied Palestinian Territories" group code, is the country row PSE
    assert set(onto.known_groups) - chunks - {"PSE"} == set()


def test_every_country_code_has_a_row():
    onto = get_ontology()
    rows = {r["code"] for _, r in read_tsv(DATA / "countries.tsv")}
    missing = {
        c.code
        for c in onto.countries.values()
        if c.kind == "country" and not c.same_as and c.code not in rows
    }
    assert missing == set()
    assert len(rows) >= 250


# -- people -------------------------------------------------------------------------------------
def test_putin_by_date(lex):
    e = lex.person("Putin", dt.date(2010, 6, 1))
    assert e is not None and (e.code, e.role, e.name) == (
        "RUSGOV",
        "prime minister",
        "Vladimir Putin",
    )
    assert lex.person("Vladimir Putin", dt.date(2005, 1, 1)).role == "president"
    assert lex.person("Putin", dt.date(2015, 1, 1)).role == "president"
    latest = lex.person("Putin")
    assert (latest.role, latest.start, latest.end) == ("president", "2012-05-07", None)
    assert lex.person("putin", dt.datetime(2009, 1, 1, 12)).role == "prime minister"


def test_offices_by_date(lex):
    e = lex.person("Sergei Shoigu", dt.date(2020, 1, 1))
    assert (e.code, e.country, e.sector) == ("RUSMIL", "RUS", "MIL")
    assert lex.person("Shoigu", dt.date(2025, 1, 1)).code == "RUSGOV"
    e = lex.person("Ihor Tenyukh", dt.date(2014, 3, 10))
    assert (e.code, e.start, e.end) == ("UKRMIL", "2014-02-27", "2014-03-25")
    assert lex.person("Lavrov").start == "2004-03-09"
    e = lex.person("Ban Ki-moon", dt.date(2010, 1, 1))
    assert (e.code, e.country, e.sector, e.role) == ("IGOUNO", None, "IGO", "UN secretary-general")
    assert lex.person("Ban Ki-moon", dt.date(2005, 1, 1)).code == "KORGOV"
    assert lex.person("Stoltenberg", dt.date(2020, 1, 1)).code == "IGONAT"
    assert lex.person("Stoltenberg", dt.date(2010, 1, 1)).code == "NORGOV"
    assert lex.person("Zelensky", dt.date(2023, 1, 1)).code == "UKRGOV"
    assert lex.person("Reznikov", dt.date(2022, 3, 1)).code == "UKRMIL"
    assert lex.person("Mr. Netanyahu").code == "ISRGOV"


def test_shared_alias_resolved_by_date(lex):
    assert lex.person("Bush", dt.date(1991, 1, 1)).name == "George H. W. Bush"
    assert lex.person("Bush", dt.date(2003, 3, 20)).name == "George W. Bush"
    assert lex.person("Bush", dt.date(1999, 6, 1)).name == "George W. Bush"  # nearest in time
    assert lex.person("Clinton", dt.date(1995, 1, 1)).name == "Bill Clinton"
    assert lex.person("Clinton", dt.date(2012, 1, 1)).name == "Hillary Clinton"
    assert lex.person("Assad", dt.date(1990, 1, 1)).name == "Hafez al-Assad"


def test_unknown_and_common_names(lex):
    for name in ("Kim", "Lee", "Brown", "Li", "Wang", "Khan", "Smith", "Nobody Atall"):
        assert lex.person(name) is None, name


def test_person_full_names_in_lookup(lex):
    e = lex.lookup("Vladimir Putin")
    assert e is not None and (e.kind, e.code) == ("person", "RUSGOV")
    assert lex.lookup("Putin") is None  # surnames go through person()


def test_people_data_quality():
    rows = [r for _, r in read_tsv(DATA / "people.tsv")]
    assert len(rows) >= 400
    assert len({r["name"] for r in rows}) >= 400
    common = {
        "lee",
        "kim",
        "brown",
        "li",
        "wang",
        "khan",
        "zhang",
        "liu",
        "chen",
        "park",
        "singh",
        "smith",
        "johnson",
        "may",
        "major",
        "ali",
        "hussein",
        "mohammed",
    }
    for r in rows:
        for a in split_list(r["aliases"]):
            assert normalize(a) not in common, (r["name"], a)
        if r["sector"] == "MIL":
            assert r["code"].endswith("MIL")
    # an alias shared by several people must not point at offices held at the same time
    lex = load_lexicon()
    for key, offices in lex._people.items():
        for a, b in itertools.combinations(offices, 2):
            if a.name != b.name:
                assert not (a.start < (b.end or "9999") and b.start < (a.end or "9999")), key


# -- sector terms -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("term", "want"),
    [
        ("official", ("GOV", "head")),
        ("officials", ("GOV", "head")),
        ("defense", ("MIL", "modifier")),
        ("defence", ("MIL", "modifier")),
        ("defense minister", ("MIL", "head")),
        ("foreign minister", ("GOV", "head")),
        ("military", ("MIL", "both")),
        ("troops", ("MIL", "head")),
        ("forces", ("MIL", "head")),
        ("security forces", ("MIL", "head")),
        ("police", ("COP", "both")),
        ("parliament", ("LEG", "both")),
        ("lawmakers", ("LEG", "head")),
        ("MPs", ("LEG", "head")),
        ("court", ("JUD", "both")),
        ("rebels", ("REB", "both")),
        ("militants", ("REB", "both")),
        ("opposition", ("OPP", "both")),
        ("protesters", ("CVL", "head")),
        ("refugees", ("REF", "head")),
        ("companies", ("BUS", "head")),
        ("journalists", ("MED", "head")),
        ("party", ("PTY", "both")),
        ("Air Force", ("MIL", "both")),
    ],
)
def test_sector_of(lex, term, want):
    assert lex.sector_of(term) == want


def test_sector_table_size(lex):
    assert len(lex._sectors) >= 150
    assert lex.sector_of("giraffe") is None


def test_max_words_and_speed(lex):
    assert 5 <= lex.max_words <= 12
    t = time.perf_counter()
    for _ in range(2000):
        lex.lookup("the U.S. State Department's")
        lex.person("Putin", dt.date(2010, 1, 1))
    assert time.perf_counter() - t < 1.0


# -- user files ---------------------------------------------------------------------------------
def _write(d: Path, name: str, text: str) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    p = d / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_extension_via_env(tmp_path, monkeypatch):
    d = tmp_path / "mine"
    _write(
        d,
        "people.tsv",
        "name\taliases\tcode\tcountry\tsector\trole\tstart\tend\n"
        "# a made-up person\n"
        "Ivan Testovich\tTestovich\tRUSMIL\tRUS\tMIL\tdefence minister\t2030-01-01\t\n"
        "Vladimir Putin\tPutin\tRUSGOV\tRUS\tGOV\tpresident\t2012-05-07\t2030-12-31\n",
    )
    _write(d, "overrides.tsv", "phrase\tcode\nBlack Sea Fleet\tRUSMIL\nPentagon\tUSAGOV\n")
    _write(
        d,
        "countries.tsv",
        "code\tiso3\tkind\tname\taliases\tadjectives\tcapitals\tseats\n"
        "RUS\tRUS\tcountry\tRussia\tMuscovy; Russian Federation\tRussian; Russians\tMoscow\t"
        "Kremlin; Old Square\n",
    )
    _write(
        d,
        "groups.tsv",
        "code\tnames\tkind\tcountry\tsector\nRUSUAF\tTest Brigade; TB-9\tmilitant\tRUS\tUAF\n",
    )
    _write(d, "sectors.tsv", "term\tsector\tposition\nsiloviki\tSPY\thead\npolice\tMIL\tboth\n")
    monkeypatch.setenv(ENV, str(d))
    lex = load_lexicon()
    assert lex.person("Testovich").code == "RUSMIL"
    assert lex.person("Putin").end == "2030-12-31"  # same name and start: replaced
    assert lex.person("Putin", dt.date(2010, 1, 1)).role == "prime minister"  # others kept
    assert code(lex, "Black Sea Fleet") == "RUSMIL"
    assert code(lex, "Pentagon") == "USAGOV"
    assert code(lex, "Muscovy") == "RUS" and code(lex, "Old Square") == "RUSGOV"
    assert code(lex, "Test Brigade") == "RUSUAF" and lex.lookup("Test Brigade").kind == "group"
    assert lex.sector_of("siloviki") == ("SPY", "head")
    assert lex.sector_of("police") == ("MIL", "both")
    assert code(lex, "Ukraine") == "UKR"  # packaged rows still there
    monkeypatch.delenv(ENV)
    assert load_lexicon().person("Testovich") is None
    assert load_lexicon(extra_dirs=[d]).person("Testovich").code == "RUSMIL"
    assert load_lexicon() is load_lexicon()


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [
        (
            "people.tsv",
            "XXX Person\t\tXXXGOV\tXXX\tGOV\tpresident\t2001-01-01\t",
            2,
            "'XXX' is not a CAMEO country",
        ),
        (
            "people.tsv",
            "Some One\t\tRUSGOV\tRUS\tGOV\tpresident\t2001-13-01\t",
            2,
            "not a valid date",
        ),
        ("people.tsv", "Some One\t\tRUSGOV\tRUS\tGOV\tpresident\t2001\t", 2, "YYYY-MM-DD"),
        ("people.tsv", "Some One\t\tRUSZZZ\tRUS\tZZZ\tpresident\t2001-01-01\t", 2, "'ZZZ'"),
        (
            "people.tsv",
            "Some One\t\tRUSGOV\tUKR\tGOV\tpresident\t2001-01-01\t",
            2,
            "does not begin with its country",
        ),
        (
            "people.tsv",
            "Some One\t\tRUSGOV\tRUS\tGOV\tpresident\t2001-01-01\t2000-01-01",
            2,
            "before start",
        ),
        ("people.tsv", "Some One\t\tRUSGOV\tRUS\tGOV\tpresident", 2, "columns"),
        ("groups.tsv", "IGOUNO\tUnited Nations\tclub\t\tIGO", 2, "kind must be"),
        ("groups.tsv", "PSEREBHMS\tHamas\tmilitant\tPSE\tGOV", 2, "does not contain its sector"),
        ("countries.tsv", "QQQ\t\tcountry\tNowhere\t\t\t\t", 2, "unknown CAMEO country"),
        ("countries.tsv", "RUS\tRUS\tregion\tRussia\t\t\t\t", 2, "the ontology says"),
        ("sectors.tsv", "soldiers\tXYZ\thead", 2, "unknown sector"),
        ("sectors.tsv", "soldiers\tMIL\tsideways", 2, "position must be"),
        ("overrides.tsv", "Somewhere\tQQQGOV", 2, "not a CAMEO country"),
    ],
)
def test_bad_user_rows_name_file_and_line(tmp_path, name, text, line, message):
    headers = {
        "people.tsv": "name\taliases\tcode\tcountry\tsector\trole\tstart\tend",
        "groups.tsv": "code\tnames\tkind\tcountry\tsector",
        "countries.tsv": "code\tiso3\tkind\tname\taliases\tadjectives\tcapitals\tseats",
        "sectors.tsv": "term\tsector\tposition",
        "overrides.tsv": "phrase\tcode",
    }
    p = _write(tmp_path / "bad", name, f"{headers[name]}\n{text}\n")
    with pytest.raises(DataError) as exc:
        build_lexicon([p.parent])  # the user file alone: validation does not need the rest
    assert f"{p}:{line}:" in str(exc.value) and message in str(exc.value)


def test_conflicting_and_duplicate_rows(tmp_path):
    d = tmp_path / "dup"
    p = _write(d, "overrides.tsv", "phrase\tcode\nthe Pentagon\tUSAMIL\nPentagon\tUSAGOV\n")
    with pytest.raises(DataError, match=rf"{p}:3: duplicate row"):
        load_lexicon(extra_dirs=[d])
    p = _write(d, "overrides.tsv", "phrase\tcode\n")
    p = _write(
        d,
        "groups.tsv",
        "code\tnames\tkind\tcountry\tsector\n"
        "RUSUAF\tAlpha Group; Omega\tmilitant\tRUS\tUAF\n"
        "UKRUAF\tBeta Group; Omega\tmilitant\tUKR\tUAF\n",
    )
    with pytest.raises(DataError, match=rf"{p}:3: 'Omega' already names RUSUAF"):
        build_lexicon([d])


def test_build_lexicon_reads_only_given_dirs(tmp_path):
    d = tmp_path / "only"
    _write(
        d,
        "countries.tsv",
        "code\tiso3\tkind\tname\taliases\tadjectives\tcapitals\tseats\n"
        "RUS\tRUS\tcountry\tRussia\t\tRussian\tMoscow\t\n",
    )
    lex = build_lexicon([d])
    assert code(lex, "Moscow") == "RUSGOV" and lex.lookup("Ukraine") is None
    assert lex.person("Putin") is None
