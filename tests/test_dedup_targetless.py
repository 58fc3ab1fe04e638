"""Reports without a target: their block says only who acted and the root, so two of them
from different stories need more shared content than a dyad's reports (``TARGETLESS_SHARED``)."""

from __future__ import annotations

from eventwire.dedup import LinkedEvent, Mention, actor_key, link, modality_group
from eventwire.dedup.linker import (
    MIN_SHARED,
    NO_ACTOR,
    TARGETLESS_SHARED,
    bridges_reports,
    content_terms,
)
from eventwire.dedup.terms import report_terms, shared


def m(mid: str, doc: str, date: str = "2020-05-04", **kw: object) -> Mention:
    base = {
        "source": actor_key("USAGOV", "USA", "GOV"),
        "target": actor_key(None, None, None),
        "root": "03",
        "modality": modality_group("asserted"),
        "date": date,
        "date_precision": "day",
        "story_id": doc,
        "cameo": "030",
    }
    base.update(kw)
    return Mention(mention_id=mid, doc_id=doc, **base)  # type: ignore[arg-type]


def events(*ms: Mention) -> int:
    return len(set(link(list(ms), []).assign.values()))


def test_no_target_is_its_own_actor_key() -> None:
    assert actor_key(None, None, None) == NO_ACTOR
    assert TARGETLESS_SHARED > MIN_SHARED


def test_two_targetless_acts_of_one_government_sharing_two_words_stay_apart() -> None:
    # "the U.S. said it hoped to reach an agreement" on a development bank's reform, and an
    # under-secretary's "we can reach agreement" on farm trade, published the same day: who
    # acted and the root are one, and "reach" and "accord" are words of any agreement
    bank = report_terms(
        "The U.S. said it remains hopeful they can reach an agreement on the development bank.",
        "U.S., LATIN NATIONS DELAY DECISION ON BANK",
        ("U.S.", None),
    )
    farm = report_terms(
        "Amstutz said he thought the U.S. could reach agreement on farm trade in 1988.",
        "AMSTUTZ SAYS FARM TRADE ACCORD POSSIBLE",
        ("U.S. undersecretary Daniel Amstutz", None),
    )
    a, b = m("a:0", "a", terms=bank), m("b:0", "b", terms=farm)
    assert MIN_SHARED <= shared(content_terms(b), bank) < TARGETLESS_SHARED
    assert events(a, b) == 2
    # the same two reports with a target (one dyad) still link on two shared terms
    tgt = actor_key("JPNGOV", "JPN", "GOV")
    assert events(m("a:0", "a", terms=bank, target=tgt), m("b:0", "b", terms=farm, target=tgt)) == 1


def test_two_reports_of_one_targetless_act_still_link() -> None:
    # positive control: one strike at a broadcaster told by two stories shares its subject
    strike = frozenset({"strike", "nbc", "broadcast_employee", "2,800", "contract", "network"})
    a = m("a:0", "a", root="14", cameo="143", terms=strike)
    b = m("b:0", "b", root="14", cameo="143", terms=strike - {"2,800", "network"})
    assert shared(b.terms, a.terms) == TARGETLESS_SHARED
    assert events(a, b) == 1
    # one fewer shared term is not enough without a target
    c = m("c:0", "c", root="14", cameo="143", terms=strike - {"2,800", "network", "contract"})
    assert events(a, c) == 2


def test_one_named_person_on_one_day_needs_no_more_without_a_target() -> None:
    # "President Sarney declared war on inflation" in two stories of one cabinet meeting:
    # one person's same-code act of one day links on one shared term, target or not
    who = "Jose Sarney"
    a = m("a:0", "a", root="19", cameo="190", person=who, terms=frozenset({"inflation", "war"}))
    b = m("b:0", "b", root="19", cameo="190", person=who, terms=frozenset({"inflation", "total"}))
    assert events(a, b) == 1
    assert events(a, m("b:0", "b", root="19", cameo="190", terms=b.terms)) == 2


def test_copies_of_one_story_link_without_shared_terms() -> None:
    # the content check is for reports of other stories: a copy in the story's own cluster
    # joins its event whatever it shares
    a = m("a:0", "a", terms=frozenset({"accord", "reach"}))
    b = m("b:0", "b", story_id="a", copy=True, terms=frozenset({"accord"}))
    assert events(a, b) == 1


def test_a_targetless_bridge_needs_as_many_terms() -> None:
    # a report sharing three terms with a report of each of two target-less events of its
    # root does not merge them: three are no more than one such report needs to join one
    one = LinkedEvent(
        event_id="ev-1", source="USA/GOV", target=NO_ACTOR, root="03", modality="asserted",
        date="2020-05-04", date_precision="day", stories={"a"}, docs={"a"},
        terms={"grain", "accord", "soviet", "wheat"}, reports=[frozenset({"grain", "accord", "soviet", "wheat"})],
    )  # fmt: skip
    two = LinkedEvent(
        **{**one.__dict__, "event_id": "ev-2", "stories": {"b"}, "docs": {"b"},
           "terms": {"grain", "accord", "soviet", "corn"},
           "reports": [frozenset({"grain", "accord", "soviet", "corn"})]}
    )  # fmt: skip
    x = m("x:0", "x", terms=frozenset({"grain", "accord", "soviet", "offer"}))
    assert not bridges_reports(x, content_terms(x), one, two)
    y = m("y:0", "y", terms=frozenset({"grain", "accord", "soviet", "wheat", "corn"}))
    assert bridges_reports(y, content_terms(y), one, two)


def test_a_stated_day_after_the_other_reports_publication_is_another_act() -> None:
    # "Earlier on Tuesday congressional leaders called for an economic summit" (stated, the
    # 20th) and a Monday story of two congressmen urging one (no day stated: its publication
    # day, the 19th): the Monday story, out before Tuesday, cannot tell of Tuesday's call
    call = frozenset({"summit", "budget", "stock", "market"})
    leg, gov = actor_key("USALEG", "USA", "LEG"), actor_key("USAGOV", "USA", "GOV")

    def ask(mid: str, date: str, stated: bool) -> Mention:
        return m(mid, mid[0], date, source=leg, target=gov, root="02", cameo="026",
                 terms=call, date_stated=stated)  # fmt: skip

    monday = ask("a:0", "2020-10-19", False)
    assert events(monday, ask("b:0", "2020-10-20", True)) == 2
    assert events(ask("b:0", "2020-10-20", True), monday) == 2  # either order
    # positive controls: a stated day on or before the other's publication day, two
    # publication days a day apart, and a plan announced for the next day
    assert events(monday, ask("c:0", "2020-10-19", True)) == 1
    assert events(monday, ask("d:0", "2020-10-18", True)) == 1
    assert events(monday, ask("e:0", "2020-10-20", False)) == 1
    plan = modality_group("intent")
    later = [
        m(x.mention_id, x.doc_id, x.date, source=leg, target=gov, root="02", cameo="026",
          terms=call, date_stated=x.date_stated, modality=plan)
        for x in (monday, ask("f:0", "2020-10-20", True))
    ]  # fmt: skip
    assert events(*later) == 1
