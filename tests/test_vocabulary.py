"""Event vocabulary in data/patterns/events.tsv, on sentences written for these tests: police and
security language of South Asian and other English-language news, protest, diplomacy, bombing,
territory and property words, and the blocker rows that keep business, sports and farming
metaphor from becoming violence. Each "no event" case has a near sentence that must give the
event, so a coder that returns nothing fails."""

from __future__ import annotations

import pytest

import eventwire

DATE = "2024-05-01"


def coded(text: str) -> list:
    return [
        e
        for e in eventwire.code(text, date=DATE)
        if e.modality not in ("negated", "denied", "hypothetical")
    ]


def codes(text: str) -> list[str]:
    return [e.cameo for e in coded(text)]


def has(text: str, prefix: str, sector: str | None = None) -> bool:
    """An event whose CAMEO code starts with ``prefix`` (and whose source has ``sector``)."""
    return any(
        e.cameo.startswith(prefix) and (sector is None or sector in e.source.code[3:])
        for e in coded(text)
    )


# --- what the words say happened: code (most specific the words support) and acting sector ----
POSITIVE = [
    # arrests in police English, in newswire and in lower case
    ("Police nabbed three youths near the railway station on Monday.", "173", "COP"),
    ("police nabbed three youths near the railway station on monday.", "173", "COP"),
    ("The army apprehended two men carrying rifles near the border.", "173", "MIL"),
    ("Police picked up the union leader from his house at midnight.", "173", "COP"),
    ("The trader was picked up by the police for questioning.", "173", "COP"),
    ("Police booked four men for rioting after the clash.", "173", "COP"),
    ("police booked the shopkeeper under the arms act.", "173", "COP"),
    ("Police registered a case against the organisers of the rally.", "173", "COP"),
    ("Police locked up the agitating farmers overnight.", "173", "COP"),
    ("The police put the gang leaders behind bars.", "173", "COP"),
    ("Police busted a gang of car thieves in the suburb.", "173", "COP"),
    ("Police charged the students with vandalism.", "173", "COP"),
    # force against crowds
    ("police lathicharged the agitating students outside the college.", "175", "COP"),
    ("Police charged the crowd with batons near the stadium.", "175", "COP"),
    ("The police resorted to a lathi-charge to scatter the crowd.", "175", "COP"),
    ("Police burst tear gas shells to scatter the stone-throwing crowd.", "175", "COP"),
    ("police lobbed teargas shells at the crowd near the bus stand.", "175", "COP"),
    ("Police fired in the air to scatter the crowd at the market.", "175", "COP"),
    ("police resorted to firing in the air near the temple.", "175", "COP"),
    ("Riot police chased the marchers through the old town.", "175", "COP"),
    ("Security forces crushed the uprising in the northern province.", "175", None),
    # protest, in South Asian and other English
    ("The students staged a dharna outside the vice-chancellor's office.", "141", None),
    ("Nurses staged a sit-in outside the health ministry.", "141", None),
    ("The workers shouted slogans against the management outside the factory.", "141", None),
    ("Angry villagers gheraoed the police station on Tuesday.", "144", None),
    ("Opposition parties observed a bandh across the state.", "143", None),
    ("Thousands of farmers took part in a protest march to the capital.", "141", None),
    ("Hundreds of students participated in a rally against the fee hike.", "141", None),
    ("Protesters hurled stones at the police near the bridge.", "145", None),
    ("the mob pelted stones at the police jeep.", "145", None),
    ("Rioters went on a rampage in the market area.", "145", None),
    # property destroyed
    ("Soldiers torched the houses in the village on Friday.", "1712", "MIL"),
    ("Militants ransacked the school in the village.", "1712", None),
    # bombs, grenades, killings, sexual violence
    ("Militants hurled a grenade at an army bunker in the town.", "183", None),
    ("The villagers were burnt alive by the militants.", "1823", None),
    ("Two soldiers molested a woman at the checkpoint.", "1821", "MIL"),
    ("The soldiers tortured the detainees at the camp.", "1822", "MIL"),
    # explosions named by their weapon: the unnamed users are the actor
    ("An improvised bomb exploded near the army convoy, killing two soldiers.", "183", None),
    ("Seven soldiers were injured in a grenade explosion near the camp.", "183", None),
    ("Three people were killed in a bomb blast near the bus stand.", "183", None),
    ("Militants exploded a bomb near the police station.", "183", "REB"),
    # artillery and territory
    ("The army lobbed mortar shells at the rebel positions.", "194", "MIL"),
    ("Government troops regained control of the town from the rebels.", "192", "MIL"),
    ("Troops wrested control of the district from the insurgents.", "192", "MIL"),
    ("The rebels seized two oil fields in the east on Tuesday.", "192", "REB"),
    # shows of force
    ("The army conducted a flag march in the old city on Sunday.", "150", "MIL"),
    ("Police conducted combing operations in the forest area.", "150", "COP"),
    ("The government called out the army in the city.", "154", None),
    # diplomacy and statements
    ("India inked a defence pact with France on Monday.", "057", None),
    ("The ministers of India and Nepal held parleys in Kathmandu.", "040", None),
    ("The chief minister flayed the government for its silence.", "111", None),
    ("Egypt snapped ties with Qatar on Monday.", "161", None),
    ("The rebels spurned the government's offer of talks.", "12", "REB"),
    ("The railway police kept a close vigil on the trains.", "151", "COP"),
    ("The police jammed the mobile phone network in the district.", "1721", "COP"),
    # concessions on freedoms, policy, rights and institutions (08x)
    ("The junta unbanned the opposition party.", "0812", None),
    ("The authorities unblocked the news website.", "0811", None),
    ("The government withdrew the controversial bill after the protests.", "0832", None),
    ("The king restored the voting rights of women.", "0833", None),
    ("Madrid granted autonomy to the region.", "0834", None),
    # security measures, concessions, probes, appeals
    ("Police cordoned off the market after the explosion.", "151", "COP"),
    ("Police made tight security arrangements for the festival.", "151", "COP"),
    ("Police beefed up security around the stadium.", "151", "COP"),
    ("Police relaxed the curfew in the old quarter on Sunday.", "0813", "COP"),
    ("The government withdrew the case against the students.", "081", None),
    ("The minister took the police to task for the delay.", "111", None),
    ("The bishop implored the rebels to free the hostages.", "02", None),
    ("Police questioned the suspect for six hours.", "090", "COP"),
    ("The high court opened a hearing into the deaths in custody.", "090", None),
    ("The rebels held the villagers as human shields.", "184", "REB"),
    ("Militants hacked the shopkeeper with swords.", "182", None),
    ("The opposition leader went on a fast to press his demands.", "142", None),
]


@pytest.mark.parametrize(("text", "prefix", "sector"), POSITIVE)
def test_vocabulary_codes_the_event(text, prefix, sector):
    got = [(e.source.code, e.cameo) for e in coded(text)]
    assert has(text, prefix, sector), f"want {prefix} by {sector or 'anyone'}: {got}"


# --- the precise code, not a near one -------------------------------------------------------
def test_a_baton_charge_is_repression_not_a_legal_charge():
    assert has("Police charged the crowd at the gate.", "175", "COP")
    assert not has("Police charged the crowd at the gate.", "173")
    assert has("Police charged the protesters with arson.", "173", "COP")


def test_tear_gas_shells_are_repression_not_artillery():
    assert has("Police fired tear gas shells at the students.", "175", "COP")
    assert not has("Police fired tear gas shells at the students.", "194")
    assert has("The army fired shells at the village.", "194", "MIL")


def test_rapping_an_authority_is_criticism_not_rape():
    assert has("The high court rapped the state government for the delay.", "111")
    assert not has("The high court rapped the state government for the delay.", "18")
    assert has("Soldiers raped two women in the village.", "1821", "MIL")


def test_an_fir_lodged_by_a_family_is_a_complaint_not_an_arrest():
    assert not has("The family lodged an FIR against the landlord.", "173")
    assert has("Police registered a case against the landlord.", "173", "COP")


# --- precision: no event here, and the near sentence that must give one ---------------------
NEGATIVE = [
    # (no event of this code prefix, positive control with the same trigger, prefix)
    (
        "The trade surplus hit 13.6 billion dollars in March.",
        "The rebels hit the convoy with rockets.",
        "19",
    ),
    (
        "Exports hit a record in May, the ministry said.",
        "The rebels hit the army convoy near the pass.",
        "19",
    ),
    (
        "The Democrat shot back at his critics on Twitter.",
        "The gunmen shot two policemen at the checkpoint.",
        "19",
    ),
    (
        "Farmers use chemicals to kill the disease in the orchards.",
        "The army used chlorine against the rebels.",
        "20",
    ),
    (
        "The Senate killed the bill on Tuesday.",
        "The gunmen killed three villagers on Tuesday.",
        "1",
    ),
    (
        "The company has taken the lead position in the chip market.",
        "The rebels have taken the town from the army.",
        "19",
    ),
    (
        "The investor took control of the company in March.",
        "The rebels took control of the town in March.",
        "19",
    ),
    (
        "The government shot down the proposal for a new airport.",
        "The army shot down a rebel helicopter over the valley.",
        "19",
    ),
    (
        "The company targets young customers in Asia.",
        "The rebels targeted an army post in the valley.",
        "19",
    ),
    (
        "The club fired its coach after the defeat.",
        "The soldiers fired at the protesters near the palace.",
        "1",
    ),
    (
        "The minister battled inflation for two years.",
        "The army battled the rebels for two days.",
        "19",
    ),
    ("He booked a flight to London for the summit.", "Police booked five men for murder.", "173"),
    (
        "The airline booked a profit of two million dollars.",
        "police booked the shopkeeper under the arms act.",
        "173",
    ),
    (
        "She picked up the phone and called her lawyer.",
        "Police picked up the student leader from the campus.",
        "173",
    ),
    (
        "The new bonds were picked up by Japanese banks.",
        "The activist was picked up by the police at dawn.",
        "173",
    ),
    ("He locked up the shop and went home.", "Police locked up the protest leaders.", "173"),
    (
        "The bank will charge a fee on every transfer.",
        "Police charged the farmers with rioting.",
        "173",
    ),
    (
        "The inspector general sent a circular to all the jails in the state.",
        "The court sent the accused to jail for ten years.",
        "173",
    ),
    (
        "The air show took place over the city on Sunday.",
        "The rebels took over the city on Sunday.",
        "19",
    ),
    (
        "The ministry said the won had been appreciating against the dollar.",
        "The minister appreciated the efforts of the police.",
        "051",
    ),
    (
        "A gas cylinder exploded in the kitchen, killing two people.",
        "A bomb exploded in the kitchen, killing two people.",
        "1",
    ),
    (
        "Two workers were killed in an explosion at the chemical plant.",
        "Two workers were killed in a bomb blast at the chemical plant.",
        "18",
    ),
    (
        "The crowd exploded in anger at the verdict.",
        "A bomb exploded near the court after the verdict.",
        "18",
    ),
    (
        "The United States went off the gold standard in 1971.",
        "Militants exploded a bomb near the police station.",
        "18",
    ),
    (
        "Hackers hacked into the ministry's computers.",
        "Militants hacked the shopkeeper with swords.",
        "18",
    ),
    (
        "The striker torched the defence in the second half.",
        "The soldiers torched the police post in the second week of fighting.",
        "17",
    ),
]


@pytest.mark.parametrize(("negative", "control", "prefix"), NEGATIVE)
def test_metaphor_is_not_the_event_but_the_near_sentence_is(negative, control, prefix):
    assert not has(negative, prefix), f"{negative!r}: {codes(negative)}"
    assert has(control, prefix), f"control {control!r}: {codes(control)}"
