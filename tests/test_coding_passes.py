"""Registered passes: users' conventions run on every coded event."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.coding import passes

TEXT = "Police detained a singer in Lagos on Sunday. Gunmen opened fire on a bus."


@pytest.fixture
def clean():
    yield
    for name in ("test-drop", "test-recode", "test-broken"):
        passes.unregister(name)


def test_without_passes_both_events_are_coded(clean):
    roots = sorted(e.root for e in eventwire.code(TEXT, date="2024-05-06"))
    assert "17" in roots and "19" in roots


def test_a_pass_drops_events(clean):
    @passes.register("test-drop")
    def drop(event, sentence, article):
        return None if event.source.sector == "UAF" else event

    evs = eventwire.code(TEXT, date="2024-05-06")
    assert [e.root for e in evs] and all(e.source.sector != "UAF" for e in evs)
    assert "test-drop" in passes.registered()


def test_a_pass_sees_the_sentence_and_changes_the_event(clean):
    seen = []

    @passes.register("test-recode")
    def recode(event, sentence, article):
        seen.append(sentence.text)
        if event.cameo == "173":
            event.cameo = "1731" if "Lagos" in sentence.text else event.cameo
        return event

    evs = eventwire.code(TEXT, date="2024-05-06")
    assert any(e.cameo == "1731" for e in evs)
    assert any("Lagos" in s for s in seen)


def test_a_failing_pass_keeps_the_event(clean):
    @passes.register("test-broken")
    def broken(event, sentence, article):
        raise RuntimeError("boom")

    assert [e for e in eventwire.code(TEXT, date="2024-05-06") if e.root == "17"]


def test_prefilter_guarded_cues_need_their_rows_words():
    # "set" alone is no sign of an event; beside "fire" (set fire to) it is, and a head whose
    # row needs nothing more ("protest") is a cue on its own
    from eventwire.nlp.prefilter import cue_index, select

    cues = cue_index(
        [("set", [], ["fire", "deadline"]), ("protest", [], []), ("strike", ["air"], [])]
    )
    body = (
        "The board set a new dividend for Acme shareholders. Rebels set fire to the police station in Gao. "
        "Hundreds of Kenyans protest in Nairobi. Acme prices struck a high. An air strike hit Gaza."
    )
    kept = select(body, cues).text
    assert "dividend" not in kept and "struck a high" not in kept
    assert "set fire" in kept and "protest in Nairobi" in kept and "air strike" in kept


def test_pipeline_prefilter_keeps_trigger_sentences_with_their_objects():
    from eventwire.nlp.prefilter import select
    from eventwire.pipeline import actor_probe, cue_forms

    body = "The company set its prices for the year. Rebels set fire to a police post in Gao."
    kept = select(body, cue_forms(), actor_probe()).text
    assert "set fire" in kept and "prices" not in kept
