"""The bridge-shared-report rule inside the store: a later batch's report merges two stored
events, the merge is recorded, the older id stays, and one batch or two give the same events."""

from __future__ import annotations

from eventwire.dedup import event_id_for
from eventwire.model import Actor, Article, DocResult, Event
from eventwire.store import Store

# one raid told three ways (the sentences of tests/test_dedup_bridges.py)
TEXTS = {
    "pentagon-1": (
        "U.S. SHELLS ROSTAM PLATFORM",
        "U.S. warships shelled an Iranian oil platform in the Rostam field, the Pentagon said.",
        "Iranian oil platform",
    ),
    "radio-2": (
        "IRAN SAYS FIVE CREW KILLED",
        (
            "American destroyers opened fire in the southern Gulf, killing five crew members, "
            "Tehran radio said."
        ),
        None,
    ),
    "navy-3": (
        "U.S. NAVY SHELLS ROSTAM",
        "U.S. warships shelled the Rostam field and killed five crew members in the southern Gulf.",
        None,
    ),
}


def doc(doc_id: str, outlet: str = "Wire") -> DocResult:
    title, body, target = TEXTS[doc_id.split("~")[-1]]
    art = Article(
        doc_id=doc_id, body=body, title=title, source=outlet, outlet=outlet,
        outlet_domain=outlet.lower() + ".example", published="2021-06-10T12:00:00",
    )  # fmt: skip
    ev = Event(
        doc_id=doc_id, event_id=f"{doc_id}:0",
        source=Actor("USAMIL", "USA", "MIL", body.split(" shelled")[0].split(" opened")[0]),
        target=Actor("IRN", "IRN", None, target or "Iran"),
        cameo="190", root="19", goldstein=-10.0, quad_class=4, plover="ASSAULT",
        date="2021-06-10", date_precision="day", sentence=body, sentence_index=0,
        span=(0, len(body)), trigger="shelled", rule="190.shell", confidence=0.8,
    )  # fmt: skip
    return DocResult(art, [ev])


def merges(st: Store) -> list[tuple]:
    return st._con.execute(
        "SELECT absorbed, into_event, rule, mention_id FROM event_merges"
    ).fetchall()


def test_a_later_report_merges_two_stored_events_and_the_merge_is_recorded() -> None:
    with Store(":memory:") as st:
        st.write([doc("pentagon-1"), doc("radio-2")])
        assert len(st.events()) == 2  # too few words in common
        st.write([doc("navy-3")])
        (ev,) = st.events()
        assert ev["event_id"] == event_id_for("pentagon-1:0")  # the older id stays
        assert (ev["num_mentions"], ev["num_articles"]) == (3, 3)
        assert merges(st) == [
            (event_id_for("radio-2:0"), event_id_for("pentagon-1:0"), "bridge-shared-report",
             "navy-3:0")
        ]  # fmt: skip
        # a reprint of the bridging report under a new id and outlet adds no event, no merge
        st.write([doc("reprint~navy-3", outlet="Daily")])
        (ev,) = st.events()
        assert ev["num_articles"] == 4 and len(merges(st)) == 1
    # one batch gives the same event
    with Store(":memory:") as st:
        st.write([doc("pentagon-1"), doc("radio-2"), doc("navy-3")])
        assert [e["event_id"] for e in st.events()] == [event_id_for("pentagon-1:0")]


def test_without_the_bridging_report_the_two_stay_apart() -> None:
    # control: the third report is what merges them
    with Store(":memory:") as st:
        st.write([doc("pentagon-1")])
        st.write([doc("radio-2")])
        assert len(st.events()) == 2 and merges(st) == []
