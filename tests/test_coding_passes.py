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
