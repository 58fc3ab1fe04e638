"""Headline repair (``eventwire.nlp.headline``): a present-tense headline verb the small model
read as a noun is put in the past tense and the text parsed again; offsets map back to the
text as written. Each "no event" headline sits beside one that must give its event."""

from __future__ import annotations

import eventwire
from eventwire.nlp import parse
from eventwire.nlp.headline import Rewrite, past_form, rewrite_headlines
from eventwire.pipeline import _headline_words

DATE = "2024-05-06"


def rewritten(text: str) -> str | None:
    verbs, is_actor = _headline_words()
    rw = rewrite_headlines(parse(text), verbs, is_actor)
    return rw.text if rw else None


def coded(text: str) -> list[tuple[str, str, str | None, str]]:
    return [
        (e.cameo, e.source.code, e.target.code if e.target else None, e.trigger)
        for e in eventwire.code(text, date=DATE)
        if e.modality == "asserted"
    ]


def test_past_form_regular_and_irregular():
    assert past_form("storm") == "stormed"
    assert past_form("chase") == "chased"
    assert past_form("bury") == "buried"
    assert past_form("seize") == "seized"
    assert past_form("take") == "took"  # the model's exception table, the simple past


def test_rewrite_maps_offsets_back():
    old = "Police chase men and storm camp"
    new = "Police chased men and stormed camp"
    rw = Rewrite(text=new, changes=((7, 6, 5), (22, 7, 5)), words={"chased": "chase"})
    assert rw.back(0) == 0
    assert new[rw.back(0)] == old[0]
    assert old[rw.back(new.index("men")) :].startswith("men")
    assert old[rw.back(new.index("camp")) :].startswith("camp")
    assert rw.back(new.index("stormed")) == old.index("storm")
    assert rw.back(len(new)) == len(old)


def test_verb_read_as_noun_is_repaired_and_coded():
    text = "Riot police chase protesters in Santiago"
    assert rewritten(text) == "Riot police chased protesters in Santiago"
    assert ("175", "CHLCOP", "CHLCVL", "chase") in coded(text)


def test_repaired_event_keeps_the_sentence_as_written():
    text = "Troops storm rebel stronghold in Idlib.\n\nThe army said nothing."
    evs = [e for e in eventwire.code(text, date=DATE) if e.cameo.startswith("19")]
    assert evs, "the assault must be coded"
    e = evs[0]
    assert e.sentence == "Troops storm rebel stronghold in Idlib."
    assert e.trigger == "storm"
    assert e.source.code == "SYRMIL"
    place = e.target.place
    assert place is not None and text[place.start : place.end] == "Idlib"


def test_coordinated_headline_verbs_are_two_acts():
    g = coded("Police fire tear gas at protesters and arrest 20 students in Dhaka")
    assert {c[:3] for c, *_ in g} >= {"175", "173"}, g


def test_no_actor_object_no_event_after_repair():
    # the repair applies ("Fans stormed pitch"), but a pitch is no actor to assault
    assert rewritten("Fans storm pitch after cup final") == "Fans stormed pitch after cup final"
    assert coded("Fans storm pitch after cup final") == []
    # positive control: the same frame with an actor object
    assert any(c.startswith("19") for c, *_ in coded("Troops storm rebel stronghold in Idlib"))


def test_sentence_with_a_verb_root_is_left_alone():
    assert rewritten("Riot police chased protesters in Santiago") is None
    assert rewritten("Oil prices hit record high") is None
    assert coded("Oil prices hit record high") == []
    assert any(c == "175" for c, *_ in coded("Riot police chased protesters in Santiago"))
