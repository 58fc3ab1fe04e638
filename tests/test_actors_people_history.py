"""Office holders of 1975-2000 in people.tsv: a named person is coded with the office held on
the article's date (Reagan and Thatcher in 1987, Stoltenberg at finance then at defence), and a
person more than a year out of office on the date is one of the country's elites (Carter in 1987
is USAELI, as CAMEO codes former officials), while within a year the nearest office holds."""

from __future__ import annotations

import datetime as dt

import eventwire
from eventwire.actors.lexicon import DATA, build_lexicon, load_lexicon

DATE = "1987-04-01"


def events(text: str, date: str = DATE) -> list[tuple[str, str | None, str]]:
    return [
        (e.source.code, e.target.code if e.target else None, e.cameo[:2])
        for e in eventwire.code(text, date=date)
        if e.modality == "asserted"
    ]


def sources(text: str, date: str = DATE) -> set[str]:
    return {s for s, _, _ in events(text, date)}


def targets(text: str, date: str = DATE) -> set[str | None]:
    return {t for _, t, _ in events(text, date)}


def office(name: str, date: str) -> str:
    e = load_lexicon().person(name, dt.date.fromisoformat(date))
    assert e is not None, name
    return e.code


def test_heads_of_government_of_the_1980s_carry_their_office():
    assert "USAGOV" in sources("President Reagan accused the Soviet Union of violating the treaty.")
    assert "USAGOV" in sources("Reagan accused the Soviet Union of violating the arms treaty.")
    assert "GBRGOV" in sources("Margaret Thatcher criticised Libya on Tuesday.")
    assert "GBRGOV" in sources("Mrs Thatcher criticised Libya on Tuesday.")
    got = events("Nakasone promised Reagan that Japan would open its markets.")
    assert ("JPNGOV", "USAGOV", "03") in got, got
    assert "KORGOV" in sources("Chun Doo-hwan accused North Korea of plotting an attack.")
    assert "AUSGOV" in sources("Bob Hawke criticised France on Tuesday.")


def test_ministers_and_central_bankers_without_a_title_in_the_sentence():
    # no "West German" or "Treasury Secretary" in the text: the table gives the office
    got = events("Gerhard Stoltenberg rejected U.S. demands for lower interest rates.")
    assert ("DEUGOV", "USA", "12") in got, got
    assert "USAGOV" in sources("James Baker urged Japan to stimulate its economy.")
    assert "USAGOV" in sources("Paul Volcker warned Brazil about its debt.")
    assert "DEUGOV" in sources("Karl Otto Poehl criticised the United States on Tuesday.")
    got = events("Hisham Nazer urged OPEC to cut production.")
    assert ("SAUGOV", "IGOOPC", "02") in got, got
    assert "SAUGOV" in sources("Sheikh Ahmed Zaki Yamani urged OPEC to cut output.", "1985-04-01")


def test_the_article_date_picks_the_office():
    text = "Gerhard Stoltenberg criticised the United States on Tuesday."
    assert sources(text, "1987-04-01") == {"DEUGOV"}  # finance minister
    assert sources(text, "1990-04-01") == {"DEUMIL"}  # defence minister
    text = "Yitzhak Rabin threatened Syria on Tuesday."
    assert sources(text, "1987-04-01") == {"ISRMIL"}  # defence minister 1984-90
    assert sources(text, "1993-04-01") == {"ISRGOV"}  # prime minister 1992-95
    text = "Jacques Delors criticised the United States on Tuesday."
    assert sources(text, "1983-04-01") == {"FRAGOV"}  # French finance minister
    assert sources(text, "1987-04-01") == {"IGOEEC"}  # European Commission president
    text = "Kurt Waldheim criticised Israel on Tuesday."
    assert sources(text, "1980-04-01") == {"IGOUNO"}
    assert sources(text, "1987-04-01") == {"AUTGOV"}
    text = "Manfred Woerner criticised the Soviet Union on Tuesday."
    assert sources(text, "1985-04-01") == {"DEUMIL"}
    assert sources(text, "1990-04-01") == {"IGONAT"}


def test_a_person_long_out_of_office_is_an_elite():
    # Carter in 1987, six years after his presidency, is a former president: USAELI
    text = "Jimmy Carter criticised the Soviet Union on Tuesday."
    assert sources(text, "1987-04-01") == {"USAELI"}
    assert sources(text, "1979-04-01") == {"USAGOV"}
    assert load_lexicon().person("Jimmy Carter", dt.date(1987, 4, 1)).role == "president"
    # the nearest office, not the latest: Bush was CIA director in 1976, vice president in 1987
    assert office("George Bush", "1976-06-01") == "USASPY"
    assert office("George Bush", "1987-04-01") == "USAGOV"
    assert office("Cheney", "1987-04-01") == "USAELI"  # defence from 1989: not yet in office
    assert office("Cheney", "1988-06-01") == "USAMIL"  # within a year of taking office


def test_a_surname_shared_across_decades_follows_the_date():
    assert office("Stoltenberg", "1987-04-01") == "DEUGOV"  # Gerhard
    assert office("Stoltenberg", "2016-01-01") == "IGONAT"  # Jens
    assert office("Carter", "1979-04-01") == "USAGOV"  # Jimmy
    assert office("Carter", "2016-01-01") == "USAMIL"  # Ash
    assert office("Trudeau", "1982-01-01") == "CANGOV"
    # a person met in a sentence is remembered: Gorbachev's target is Reagan's office
    got = events("Mikhail Gorbachev accused Ronald Reagan of blocking arms control.")
    assert ("USRGOV", "USAGOV", "11") in got, got


def test_no_alias_names_two_offices_with_different_codes_on_one_date():
    lex = build_lexicon([DATA])
    clashes = []
    for key, offices in lex._people.items():
        for a in offices:
            for b in offices:
                overlap = a.start <= (b.end or "9999") and b.start <= (a.end or "9999")
                if a.name < b.name and a.code != b.code and overlap:
                    clashes.append((key, a.name, a.code, b.name, b.code))
    assert not clashes, clashes
