"""Acts the text does not report as done: a condition on the last of coordinated acts holds for
all of them; a condition on the verb an act depends on ("If Tokyo failed to act, Britain was
ready to retaliate", "if the government failed to accept"); a direct question; a clause of
conjecture ("the possibility she will call an election", "speculation has been in the market
that ..."). And things an actor has or spends are no actor ("defence spending"). Each check
has a control: the same act stated as done is coded, asserted."""

from __future__ import annotations

import eventwire

DATE = "2004-03-20"


def events(text: str) -> list[tuple[str, str, str]]:
    return [(e.cameo, e.source.code, e.modality) for e in eventwire.code(text, date=DATE)]


def asserted(text: str) -> list[tuple[str, str, str]]:
    return [e for e in events(text) if e[2] in ("asserted", "intent", "planned")]


def test_condition_on_a_coordinated_act_holds_for_all():
    got = asserted(
        "The opposition said it would boycott the election and withdraw from parliament "
        "if the government refused to talk."
    )
    assert not any(c.startswith(("14", "16", "08")) for c, _, _ in got), got
    ctl = asserted(
        "The opposition said it would boycott the election and withdraw from parliament."
    )
    assert any(c.startswith("14") for c, _, _ in ctl), ctl


def test_condition_on_the_governing_verb():
    got = events("If Tokyo failed to act, Britain was ready to retaliate against Japanese banks.")
    assert got and all(m == "hypothetical" for _, _, m in got), got
    ctl = events("Britain was ready to retaliate against Japanese banks, he added.")
    assert any(m == "intent" for _, _, m in ctl), ctl
    got = events("The union would strike if the government failed to accept the package.")
    assert not any(c.startswith("12") and m == "asserted" for c, _, m in got), got
    ctl = events("The government failed to accept the package offered by the union.")
    assert any(c.startswith("12") and m == "asserted" for c, _, m in ctl), ctl


def test_a_direct_question_is_no_report():
    got = asserted("Will the army attack the rebel town?")
    assert got == [], got
    ctl = asserted("The army attacked the rebel town on Sunday.")
    assert any(c.startswith("19") for c, _, _ in ctl), ctl


def test_clause_of_conjecture_is_not_done():
    got = asserted(
        "There is growing speculation that the United States is considering sanctions on Iran."
    )
    assert got == [], got
    got = asserted("Fears grew that the army would attack the rebel town.")
    assert got == [], got
    ctl = asserted("Officials said the army would attack the rebel town.")
    assert any(c.startswith("19") for c, _, _ in ctl), ctl


def test_things_an_actor_spends_are_no_actor():
    got = [
        (e.source.code, e.target.code if e.target else None)
        for e in eventwire.code(
            "The French parliament approved an increase in defence spending.", date=DATE
        )
    ]
    assert not any(t and t.endswith("MIL") for _, t in got), got
    ctl = [
        e.source.code for e in eventwire.code("Army troops attacked the rebel village.", date=DATE)
    ]
    assert any(s.endswith("MIL") for s in ctl), ctl
