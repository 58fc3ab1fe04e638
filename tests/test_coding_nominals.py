"""Event nouns read as their verb with the of-phrase as object (nominals.tsv): "announced a
suspension of air links with Serbia" is "suspend links" (161). A bare noun codes nothing, the
noun needs a verb that makes it an event, and the nominal's object is not an event of its own
("the lifting of the embargo" is no embargo)."""

from __future__ import annotations

import eventwire
from eventwire.coding.patterns import load_patterns

DATE = "1992-07-01"


def events(text: str) -> list[tuple[str, str, str]]:
    return [
        (e.cameo, e.source.code, e.target.code if e.target else "")
        for e in eventwire.code(text, date=DATE)
        if e.modality == "asserted"
    ]


def test_a_suspension_of_links_is_suspending_them():
    got = events("Italy announced a suspension of air links with Serbia on Wednesday.")
    assert ("161", "ITA", "SRB") in got, got
    # control: the verb itself codes the same
    assert ("161", "ITA", "SRB") in events("Italy suspended air links with Serbia on Wednesday.")


def test_the_lifting_of_an_embargo_is_no_embargo():
    got = events("The United States ordered the lifting of the embargo on Vietnam.")
    assert any(c.startswith("08") and s == "USA" and t == "VNM" for c, s, t in got), got
    assert not any(c.startswith("16") for c, _, _ in got), got


def test_a_nominal_needs_a_known_object_and_a_licensing_verb():
    got = events("Officials discussed the lifting of the ban.")
    assert not any(c.startswith("08") for c, _, _ in got), got
    assert not any(
        c.startswith("16") for c, _, _ in events("The suspension of the player angered fans.")
    )
    # control
    got = events("Britain announced the expulsion of three Soviet diplomats.")
    assert any(c == "161" and s == "GBR" for c, s, _ in got), got


def test_nominals_table_names_known_verbs():
    ps = load_patterns()
    assert ps.nominals["suspension"] == "suspend"
    assert all(v in ps.verbs for v in ps.nominals.values())
