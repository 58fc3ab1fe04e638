"""Lemma repair: irregular past forms of prefixed verbs that the small model leaves unlemmatised
("retook" tagged as a present), checked on the parse and through the coder."""

from __future__ import annotations

import eventwire
from eventwire.nlp import parse
from eventwire.nlp.lemmas import irregular_forms, lemma_of
from eventwire.nlp.prefilter import inflections


def lemmas(text: str) -> dict[str, tuple[str, str]]:
    return {t.text: (t.lemma_, t.tag_) for t in parse(text)}


def test_prefixed_irregular_past_gets_its_lemma_and_a_past_tag():
    got = lemmas("The rebels retook the town.") | lemmas("They outfought the garrison.")
    assert got["retook"] == ("retake", "VBD"), got
    assert got["outfought"][0] == "outfight", got


def test_base_forms_that_look_irregular_are_kept():
    # "rebound" is itself a verb, not re- + "bound" (bind); "take" stays "take"
    assert lemma_of("rebound") is None
    assert lemmas("Prices rebound and traders take profits.")["take"][0] == "take"
    assert lemma_of("retook") == "retake" and lemma_of("overran") == "overrun"


def test_prefilter_knows_the_irregular_forms_of_a_prefixed_verb():
    assert {"retook", "retaken"} <= inflections("retake")
    assert "overrode" in irregular_forms("override")
    assert not irregular_forms("protest")  # a regular verb has none


def test_the_coder_codes_a_retaking_and_its_present_control():
    past = eventwire.code(
        "Rebel fighters retook the town from government troops.", date="2024-05-06"
    )
    assert any(e.cameo == "192" and e.modality == "asserted" for e in past), past
    control = eventwire.code(
        "Rebel fighters retake the town from government troops.", date="2024-05-06"
    )
    assert any(e.cameo == "192" for e in control), control


def test_relative_pronoun_subject_is_its_antecedent():
    # "a bomb that killed four soldiers": the weapon did it, so unknown attackers are coded
    g = eventwire.code(
        "A car bomb that killed twelve people in Baghdad was claimed by the group.",
        date="2024-05-06",
    )
    assert any(e.cameo[:2] in ("18", "19") and e.source.code == "IRQUAF" for e in g), g
    # control: the antecedent is an actor, who acts
    g = eventwire.code(
        "The soldiers who shot two protesters in Lagos were arrested.", date="2024-05-06"
    )
    assert any(e.cameo == "193" and e.source.code == "NGAMIL" for e in g), g


def test_silent_e_is_kept_where_the_consonant_is_not_doubled():
    got = {t.text: t.lemma_ for t in parse("He hoped they stared, scared and rated it, hoping.")}
    assert got["hoped"] == "hope" and got["hoping"] == "hope"
    assert got["stared"] == "stare" and got["scared"] == "scare" and got["rated"] == "rate"
    # a doubled consonant is the short-vowel verb; no "e" verb, no change
    got = {t.text: t.lemma_ for t in parse("They hopped on, planned it, visited and opened.")}
    assert got["hopped"] == "hop" and got["planned"] == "plan"
    assert got["visited"] == "visit" and got["opened"] == "open"
