"""Police and state acts as South Asian and wire news word them: a prepositional phrase the
parser hangs on the object still marks the verb's sense ("booked the accused under the Arms
Act"); the CID is police; silencing or gagging the media is a restriction of freedoms (1721);
a state of emergency declared against fires fanned by heat and wind is no coercion. Each "no
event" check has a positive control."""

from __future__ import annotations

import eventwire

DATE = "2002-03-05"


def codes(text: str, date: str = DATE) -> list[tuple[str, str | None, str]]:
    return [
        (e.source.code, e.target.code if e.target else None, e.cameo)
        for e in eventwire.code(text, date=date)
        if e.modality == "asserted"
    ]


def test_phrase_hung_on_the_object_still_marks_the_sense():
    got = codes("Police booked the accused under the Arms Act on Sunday.")
    assert any(s.endswith("COP") and c == "173" for s, _, c in got), got
    # the row's own objects must still match: a booking of a flight is no charge
    assert not codes("He booked a flight to London for the summit.")


def test_the_cid_is_police():
    got = codes("The CID interrogated the suspect on Monday.")
    assert any(s.endswith("COP") for s, _, _ in got), got


def test_silencing_the_media_restricts_freedoms():
    got = codes("The police silenced certain news channels during the riots.")
    assert any(c == "1721" and s.endswith("COP") for s, _, c in got), got
    assert not codes("The coach silenced his critics with a win.")


def test_emergency_against_fires_fanned_by_heat_is_no_coercion():
    got = codes(
        "Fueled by searing temperatures and high winds, more than 200 fires are burning "
        "across the province. The government declared a state of emergency on Thursday."
    )
    assert not any(c.startswith("172") for _, _, c in got), got
    ctl = codes(
        "Troops opened fire on protesters in the capital. "
        "The government declared a state of emergency on Thursday."
    )
    assert any(c.startswith("172") for _, _, c in ctl), ctl


def place_rules(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.location.name if e.location else None, e.location.rule if e.location else None)
        for e in eventwire.code(text, date=DATE)
    ]


def test_an_addressee_is_no_clause_locative_a_journey_goal_is():
    got = place_rules("The minister called on the United States to lift the sanctions on Iran.")
    assert got and ("United States", "clause-locative") not in got, got
    got = place_rules("The UN envoy flew to Kiev for talks with the Ukrainian government.")
    assert any(r == "clause-locative" and n and "Kiev" in n for n, r in got), got


def test_an_object_with_no_is_a_negation():
    got = [
        (e.cameo, e.modality)
        for e in eventwire.code("No arrests were made after the clashes.", date=DATE)
    ]
    assert not any(m == "asserted" and c == "173" for c, m in got), got
    assert any(c == "173" for _, _, c in codes("Police made several arrests after the clashes."))


def test_forces_striking_at_a_target_is_no_labour_strike():
    got = codes("The army said its forces struck at rebel positions near the border on Monday.")
    assert not any(c == "143" for _, _, c in got), got
    ctl = codes("Bank workers in the capital are striking over pay.")
    assert any(c == "143" for _, _, c in ctl), ctl


def test_a_security_named_like_a_legal_act_is_no_arrest():
    assert not codes("Belgium plans to issue Swiss franc warrants to buy gold.")
    ctl = codes("Police issued warrants against three opposition leaders.")
    assert any(c == "173" for _, _, c in ctl), ctl


def test_backing_an_act_against_someone_is_no_backing_of_them():
    got = codes("Britain backed the campaign against the rebels in Sierra Leone.")
    assert not any(c.startswith("05") and t and t.endswith("REB") for _, t, c in got), got
    ctl = codes("Britain backed the government of Sierra Leone.")
    assert any(c.startswith("05") and t == "SLEGOV" for _, t, c in ctl), ctl


def test_a_vow_to_avenge_is_a_threat():
    got = codes("Iran vowed to avenge the attack on its oil rig.")
    assert any(c.startswith("13") for _, _, c in got), got


def test_a_possessor_names_the_agent_of_an_event_noun():
    got = codes(
        "Prime Minister Yasuhiro Nakasone has told his ruling Liberal Democratic Party to "
        "come up with a draft economic package in time for his visit to Washington.",
        date="1987-03-27",
    )
    assert any(c.startswith("04") and s == "JPNGOV" for s, _, c in got), got
    assert not any(c.startswith("04") and s.endswith("PTY") for s, _, c in got), got
    # control: the one who orders patrols by the police does them, as the gold codes it
    got = codes("The government of Sindh province ordered patrols by police and soldiers.")
    assert any(s.endswith("GOV") for s, _, _ in got), got


def test_an_attack_noun_tied_to_nothing_physical_is_no_attack():
    got = codes("The attacks often broke down along developed and developing country lines.")
    assert not any(c.startswith("19") for _, _, c in got), got
    ctl = codes("The attack near the embassy killed two guards.")
    assert any(c.startswith("19") for _, _, c in ctl), ctl


def test_an_offer_of_securities_or_products_with_no_party_is_market_news():
    assert not codes("Canada will offer a 1.2 billion dlr, four-part bond issue tomorrow.")
    assert not codes("Data General said it will offer several software packages.")
    ctl = codes("Iran offered to mediate between the two sides.")
    assert any(c.startswith("03") for _, _, c in ctl), ctl
    ctl = codes("Zaire agreed to limit its tin exports.")
    assert any(c.startswith("03") for _, _, c in ctl), ctl


def test_section_144_is_a_prohibitory_order():
    got = codes("police imposed section 144 in the town after the clashes.")
    assert any(c == "1721" for _, _, c in got), got
    assert not [c for _, _, c in codes("The court imposed a fine on the company.") if c == "1721"]


def test_people_taken_from_their_homes_and_a_booed_leader():
    got = codes("Security forces have taken at least five people from their homes in Balochistan.")
    assert any(c == "181" for _, _, c in got), got
    ctl = codes("Police took two men into custody on Friday.")
    assert any(c == "173" for _, _, c in ctl) and not any(c == "181" for _, _, c in ctl), ctl
    got = codes("The president was booed by a group of strikers outside the theatre.")
    assert any(c.startswith("14") for _, _, c in got), got


def test_defying_a_ban_to_protest_is_the_protest():
    got = codes("Crowds of protesters defied a police ban to take to the streets on Saturday.")
    assert any(c.startswith("14") for _, _, c in got), got
    ctl = codes("The students refused to take to the streets on Saturday.")
    assert not any(c.startswith("14") for _, _, c in ctl), ctl


def test_protesters_turning_violent_riot():
    got = codes("Protesters turned violent in Hamburg as the summit got underway.")
    assert any(c == "145" for _, _, c in got), got
    assert not codes("The weather turned violent over the weekend.")
