"""Coder v2 rules on sentences of our own: actors without a country, country from context,
agentless acts, case restoration, headline grammar, nominal events, actor-driven recodes.

Every "no event" check sits beside a positive control that must give the event."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.nlp.truecase import case_profile, restore_case

DATE = "2024-05-06"


def code(text: str, date: str = DATE):
    return [e for e in eventwire.code(text, date=date) if e.modality == "asserted"]


def show(evs):
    return [(e.source.code, e.target.code if e.target else None, e.cameo, e.trigger) for e in evs]


def first(evs, root: str):
    hit = [e for e in evs if e.cameo.startswith(root)]
    assert hit, show(evs)
    return hit[0]


# --- roles without a country -------------------------------------------------------------------
def test_role_without_country_is_unknown_country():
    e = first(code("Police detained a well-known singer on Sunday."), "173")
    assert e.source.code == "---COP" and e.source.country is None
    assert e.source.country_from == "unknown"


def test_dateline_gives_the_country():
    e = first(code("KABUL - Police detained a well-known singer on Sunday."), "173")
    assert e.source.code == "AFGCOP" and e.source.country_from == "dateline"


def test_lower_case_dateline_gives_the_country():
    e = first(code("lahore: police arrested twelve traders on sunday."), "173")
    assert e.source.code == "PAKCOP"


def test_story_country_when_named_throughout():
    text = (
        "Kenya's parliament met on Monday. The vote in Kenya was close.\n\n"
        "Police arrested four students outside the building."
    )
    e = first(code(text), "173")
    assert e.source.code == "KENCOP" and e.source.country_from == "story"


def test_sentence_place_beats_the_dateline():
    e = first(code("KABUL - Police in Lahore arrested four students."), "173")
    assert e.source.code == "PAKCOP"


def test_business_role_without_country_is_not_an_actor():
    # positive control: a named company's country-less rival is no event, but police are
    assert code("Police arrested two traders.")
    assert not [e for e in code("The company agreed to buy a rival.") if e.source.sector == "BUS"]


# --- agentless acts ----------------------------------------------------------------------------
def test_agentless_arrest_is_by_the_police_of_the_place():
    e = first(code("A missionary was arrested in Lebanon on Friday."), "173")
    assert e.source.code == "LBNCOP"


def test_agentless_arrest_without_place_is_unknown_police():
    e = first(code("About thirty people were arrested after the meeting."), "173")
    assert e.source.code == "---COP"


def test_arrests_were_made_is_an_arrest():
    e = first(code("Several arrests were made in Nairobi overnight."), "173")
    assert e.source.sector == "COP"


def test_agentless_abduction_is_by_unidentified_armed_men():
    e = first(code("Two aid workers were kidnapped near Kandahar on Monday."), "181")
    assert e.source.sector == "UAF"


def test_protests_erupted_are_the_populations():
    e = first(code("Violent protests erupted in Bogota on Tuesday."), "14")
    assert e.source.code == "COLCVL"


def test_agentless_killing_without_weapon_is_no_event():
    # positive control: the same with a weapon named is an attack
    assert [e for e in code("Five people were killed by a car bomb in Mosul.") if e.root == "18"]
    assert not [e for e in code("Five people were killed in a road accident.") if e.root >= "18"]


# --- nominal events ----------------------------------------------------------------------------
def test_killed_in_an_attack_codes_the_attack_with_the_victims_as_target():
    e = first(code("Two soldiers were wounded in a rocket attack near Kandahar."), "19")
    assert e.source.sector == "UAF" and e.target is not None and e.target.sector == "MIL"


def test_died_in_an_air_strike_is_an_air_strike():
    e = first(code("Six civilians died in an air strike on the village."), "195")
    assert e.target is not None and e.target.sector == "CVL"


def test_a_fall_in_prices_is_no_attack():
    assert first(code("Six civilians died in an air strike on the village."), "195")
    assert not [e for e in code("The market was hit by a fall in prices.") if e.root >= "18"]


def test_cause_verb_licenses_event_noun():
    e = first(code("The verdict sparked protests in Lagos."), "14")
    assert e.source.sector == "CVL"


def test_weapons_striking_are_an_attack_not_a_labour_strike():
    e = first(code("Three rockets struck near the embassy in Baghdad."), "19")
    assert e.source.sector == "UAF"
    assert first(code("Bank workers are striking in Madrid."), "143")


# --- who acts changes what the act is ----------------------------------------------------------
def test_violence_by_rioters_is_a_violent_protest():
    e = first(code("Rioters clashed with police in Belfast on Wednesday."), "145")
    assert e.source.sector == "CVL"


def test_suicide_bombers_killing_is_a_suicide_bombing():
    e = first(code("Two suicide bombers killed eight people in Maiduguri."), "1831")
    assert e.source.sector == "UAF"


def test_soldiers_killing_stays_an_attack():
    evs = code("Soldiers killed eight rebels in Maiduguri.")
    assert first(evs, "19") and not [e for e in evs if e.cameo.startswith("18")]


# --- headline grammar --------------------------------------------------------------------------
def test_reduced_passive_headline():
    e = first(code("Three diplomats expelled by Canada"), "16")
    assert e.source.code.startswith("CAN")


def test_participle_describing_a_noun_in_a_sentence_stays_background():
    # positive control: the headline form above; here the sentence has a finite verb
    assert not [
        e for e in code("The diplomats expelled by Canada returned home.") if e.root == "16"
    ]


def test_headline_noun_root_with_joined_verb():
    e = first(code("Police in Kinshasa fire tear gas and arrest peaceful demonstrators."), "173")
    assert e.source.sector == "COP"


def test_all_caps_wire_copy_codes():
    e = first(code("POLICE ARREST 20 PROTESTERS IN CAIRO AFTER CLASHES"), "173")
    assert e.source.code == "EGYCOP"


# --- case restoration --------------------------------------------------------------------------
def test_case_profiles():
    assert case_profile("police arrested twenty people in the old city on sunday.") == "lower"
    assert case_profile("POLICE ARREST TWENTY PEOPLE IN THE OLD CITY") == "upper"
    assert case_profile("Police arrested twenty people in the old city.") == "mixed"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("police arrested him in cairo on sunday.", "Police arrested him in Cairo on Sunday."),
        ("the un and nato met in new delhi.", "The UN and Nato met in New Delhi."),
        ("chairman biman bose spoke.", "Chairman Biman Bose spoke."),
        ("police in police, poland, waited.", "Police in police, Poland, waited."),
        ("students march on march 3.", "Students march on March 3."),
    ],
)
def test_restore_case(text, want):
    out = restore_case(text)
    assert len(out) == len(text)
    assert out == want


def test_restore_case_keeps_normal_text():
    text = "Police arrested him in Cairo on Sunday. The UN said little."
    assert restore_case(text) == text


def test_title_case_headline_line_is_lowered():
    text = "Senate Approves Aid Package For Flood Victims\n\nThe Senate voted on Monday."
    out = restore_case(text)
    assert out.startswith("Senate approves aid package for flood victims\n")
    assert out.endswith("The Senate voted on Monday.")


def test_mojibake_is_repaired_before_coding():
    art = eventwire.extract("The ministerâ€™s convoy was attacked in Kabul.\n")
    assert "minister’s" in art.body


# --- the event's own date ----------------------------------------------------------------------
def test_absolute_date_stands_without_a_publication_date():
    e = first(
        [e for e in eventwire.code("Police arrested twelve protesters in Lagos on 15 April 2023.")],
        "173",
    )
    assert e.date == "2023-04-15" and e.date_precision == "day"


def test_relative_date_without_publication_date_is_no_date():
    # positive control: the same sentence with a publication date is dated
    assert first(code("Police arrested twelve protesters in Lagos on Tuesday."), "173").date
    e = first(list(eventwire.code("Police arrested twelve protesters in Lagos on Tuesday.")), "173")
    assert e.date is None


def test_a_period_is_not_the_events_date():
    e = first(code("The army has shelled the valley since 1979."), "19")
    assert e.date == DATE


def test_the_date_of_a_cause_is_not_the_events_date():
    e = first(code("Workers went on strike because of a drop in income last year."), "143")
    assert e.date == DATE
    assert first(code("Workers went on strike last Tuesday."), "143").date == "2024-04-30"


def test_emergency_against_a_hazard_is_not_coercion():
    # positive control: the same measure against unrest is coded
    assert first(
        code("Protests spread across the capital. The government declared a state of emergency."),
        "1724",
    )
    evs = code("Floods swept the delta. The government declared a state of emergency on Friday.")
    assert not [e for e in evs if e.cameo.startswith("172")], show(evs)


def test_deployed_police_show_force():
    e = first(code("Thousands of police were deployed in the old city of Hyderabad."), "15")
    assert e.source.sector == "COP"


def test_killed_in_police_firing_is_by_the_police():
    e = first(code("Two people were killed in police firing in Dhaka on Friday."), "19")
    assert e.source.code == "BGDCOP"


@pytest.mark.parametrize(
    "text",
    [
        "The police have not been able to arrest the kidnappers.",
        "The police were unable to arrest the gang.",
        "If necessary, the protesters will also be arrested.",
    ],
)
def test_inability_and_conditionals_are_not_asserted(text):
    # positive control: the plain act is asserted
    assert first(code("The police arrested the kidnappers."), "173")
    assert not [e for e in code(text) if e.cameo.startswith("173")]


def test_agentless_use_of_chemical_weapons_is_by_unidentified_forces():
    e = first(code("Chlorine was used as a chemical weapon in Douma."), "204")
    assert e.source.code == "SYRUAF"
    # a chemical used on weeds is no weapon (and no event)
    assert not [e for e in code("The chemical was used to kill weeds.") if e.root == "20"]


def test_an_arrest_and_a_dispersal_on_one_day_are_two_events():
    evs = code(
        "Police arrested ten men in Lahore on Monday. Later the police fired tear gas to "
        "disperse the crowd in Lahore."
    )
    codes = {e.cameo[:3] for e in evs if e.source.sector == "COP"}
    assert {"173", "175"} <= codes, show(evs)


def test_actor_place_for_gdelt_actor_geo():
    evs = code("Demonstrators in Kisumu clashed with police on Monday.")
    src = next(e.source for e in evs if e.source.sector == "CVL")
    assert src.place is not None and src.place.name == "Kisumu"
    # an actor the text does not place has none
    assert all(e.source.place is None for e in evs if e.source.sector == "COP")


def test_business_only_acts_and_addressless_comments_are_not_events():
    # positive controls: a political actor on one side, a comment aimed at someone
    assert first(code("The government criticised the mining company."), "11")
    assert not code("The company agreed to sell its packaging unit to a rival firm.")
    assert not [
        e
        for e in code("The minister said he hoped the cabinet would approve the tax cut.")
        if e.root == "01"
    ]


def test_an_obligation_on_no_actor_is_a_rule_not_a_demand():
    assert first(code("The minister said Japan must open its rice market."), "10")
    assert not [e for e in code("All shipments must be registered by June, the ministry said.")]


def test_may_be_able_to_is_hypothetical():
    assert not [
        e
        for e in code("Officials said the United States may be able to lift the sanctions on Iran.")
        if e.root == "08"
    ]
    assert first(code("The United States lifted the sanctions on Iran."), "08")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Soviet Union criticised the United States on Monday.", "USR"),
        ("The Israeli Defense Ministry criticised Hamas.", "ISRMIL"),  # a role in a name
    ],
)
def test_words_of_a_place_name_are_no_role(text, want):
    assert first(code(text), "11").source.code == want


def test_a_treaty_name_holds_no_role():
    evs = code("Japan will complain to the General Agreement on Tariffs and Trade about tariffs.")
    assert not [e for e in evs if e.target is not None and e.target.sector == "MIL"], show(evs)
    # positive control: a general before a person's name is military
    assert first(code("General Smith attacked the rebels."), "19").source.sector == "MIL"


def test_a_dateline_after_its_gmt_timestamp_anchors_relative_dates():
    # a story sent late on 3 April GMT and datelined 5 April: "tomorrow" is 6 April
    evs = eventwire.code(
        "WASHINGTON, April 5 - U.S. and Japanese officials will meet tomorrow to discuss trade.",
        date="1987-04-03",
    )
    assert any(e.date == "1987-04-06" for e in evs), [(e.cameo, e.date) for e in evs]
    # control: a dateline on the publication day anchors on that day
    evs = eventwire.code(
        "WASHINGTON, April 3 - U.S. and Japanese officials will meet tomorrow to discuss trade.",
        date="1987-04-03",
    )
    assert any(e.date == "1987-04-04" for e in evs), [(e.cameo, e.date) for e in evs]
