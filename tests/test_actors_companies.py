"""Company names are businesses, never the country or city their name mentions (business wire
copy: "Trading Corp of Pakistan Ltd", "London International Group Plc", tickers in angle
brackets). Each "no event" check has a positive control with a state actor in the same frame."""

from __future__ import annotations

import eventwire

DATE = "1987-03-20"


def codes(text: str) -> list[tuple[str, str | None, str]]:
    return [
        (e.source.code, e.target.code if e.target else None, e.cameo)
        for e in eventwire.code(text, date=DATE)
        if e.modality == "asserted"
    ]


def test_company_named_after_a_country_is_no_state_actor():
    got = codes("The Trading Corporation of Egypt Ltd said it agreed to sell its ships to Greece.")
    assert not any(s.startswith("EGY") and s != "EGYBUS" for s, _, _ in got), got
    # positive control: the country itself agreeing a deal with another is an event
    ctl = codes("Egypt said it agreed to sell its ships to Greece.")
    assert any(s == "EGY" for s, _, _ in ctl), ctl


def test_company_named_after_a_city_is_no_government():
    got = codes("PARIS - Paris Industrial Holdings SA proposed the cancellation of its shares.")
    assert got == [], got
    ctl = codes("PARIS - The French government proposed the cancellation of the tax to Germany.")
    assert any(s == "FRAGOV" for s, _, _ in ctl), ctl


def test_ticker_in_angle_brackets_is_no_country():
    # "<ROK>" is a ticker here, not the Republic of Korea
    got = codes(
        "Widget Makers Inc <ROK> and Gadget Corp <GAD.N> have agreed to set up a joint venture."
    )
    assert not any("KOR" in s for s, _, _ in got), got
    assert got == [], got


def test_company_keeps_its_name_country_and_business_sector():
    got = codes("British Steel Corp Plc accused the Spanish government of unfair subsidies.")
    assert ("GBRBUS", "ESPGOV", "112") in got, got


def test_company_as_target_of_a_state():
    got = codes("The Kenyan government accused Nairobi Widget Holdings Ltd of tax fraud.")
    assert any(s == "KENGOV" and t and t.endswith("BUS") for s, t, _ in got), got
    assert not any(t == "KENGOV" for _, t, _ in got), got


def test_company_name_with_a_conjunction():
    got = codes("American Widget and Telegraph Co agreed to sell its cable unit.")
    assert got == [], got
    # positive control: two countries joined by "and" stay two state actors
    ctl = codes("Britain and France agreed to cooperate on border controls.")
    assert ("GBR", "FRA", "0312") in ctl or any(s == "GBR" for s, _, _ in ctl), ctl


def test_a_persons_role_takes_the_sector_of_the_body_named_beside_it():
    # "union leaders", "leaders of the union": labour, not the government they face
    for text in (
        "Union leaders rejected the government's wage offer.",
        "The leaders of the union rejected the offer from the government.",
    ):
        got = codes(text)
        assert any(s.endswith("LAB") and r == "120" for s, _, r in got), (text, got)
        assert not any(s.endswith("GOV") for s, _, _ in got), (text, got)
    # "the president of X Corp" is the company's, not a head of state
    got = codes("The president of Toyota Motor Corp criticised the prime minister.")
    assert got and all(s.endswith("BUS") for s, _, _ in got), got
    # control: a bare role, or one of a country, is the government's
    assert any(s == "KENGOV" for s, _, _ in codes("Kenyan leaders rejected the British offer."))
    got = codes("The president of Ukraine met the Polish prime minister.")
    assert ("UKRGOV", "POLGOV", "040") in got, got


def test_a_role_in_what_a_company_said_is_the_companys():
    # a company's president resigning is business news, not a government's resignation
    assert codes("DALLAS, March 12 - Triton Energy Corp said president Thomas Goff resigned.") == []
    assert codes("Triton Energy Corp said its president resigned.") == []
    # controls: the same words said by a ministry, and a formal title, stay the government's
    assert any(s.endswith("GOV") for s, _, _ in codes("The ministry said its president resigned."))
    assert any(
        s.endswith("GOV")
        for s, _, _ in codes("Triton Energy Corp said President Reagan accused Japan of fraud.")
    )
