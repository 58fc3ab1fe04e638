"""A report of another root than an event's joins it only by a row of the compatible-codes
table pairing its code with one of the event's own-root codes, not through a code of its own
root that another report brought in by the table."""

from __future__ import annotations

from eventwire.dedup import Mention, actor_key, codes, link, modality_group

TERMS = frozenset({"paris", "february", "cooperate", "exchange", "rate", "stability", "level"})


def m(mid: str, cameo: str, **kw: object) -> Mention:
    base = {
        "source": actor_key("USAGOV", "USA", "GOV"),
        "target": actor_key("FRAGOV", "FRA", "GOV"),
        "root": cameo[:2],
        "modality": modality_group("asserted"),
        "date": "2020-02-22",
        "date_precision": "day",
        "story_id": mid[0],
        "cameo": cameo,
        "terms": TERMS,
    }
    base.update(kw)
    return Mention(mention_id=mid, doc_id=mid[0], **base)  # type: ignore[arg-type]


def test_the_table_pairs_these_codes() -> None:
    assert codes.compatible("032", "057") and codes.compatible("040", "057")
    assert not codes.compatible("032", "051") and not codes.compatible("040", "051")


def test_an_endorsement_does_not_join_an_accord_through_the_accords_signing() -> None:
    # "the ministers agreed to cooperate" (032), "they signed the Paris accord" (057: the
    # table pairs it with 03x), then "the authorities' actions backed up the Paris pact"
    # (051): an endorsement of the accord, not the agreeing, though 051 and 057 share a root
    agreed, signed = m("a:0", "032"), m("b:0", "057")
    got = link([agreed, signed, m("c:0", "051")], [])
    assert got.assign["a:0"] == got.assign["b:0"] != got.assign["c:0"]
    # positive controls: another signing report joins, so do talks (04x) the table pairs
    # with the signing, and an endorsement joins an event of its own root
    got = link([agreed, signed, m("d:0", "057"), m("e:0", "040")], [])
    assert len(set(got.assign.values())) == 1
    got = link([m("f:0", "057"), m("g:0", "051")], [])
    assert got.assign["f:0"] == got.assign["g:0"]
