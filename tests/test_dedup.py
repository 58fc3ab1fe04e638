"""Story clusters and cross-document event linking (eventwire.dedup), pure functions."""

from __future__ import annotations

import pytest

from eventwire.dedup import (
    LinkedEvent,
    Mention,
    Place,
    StoredDoc,
    actor_key,
    assign_stories,
    band_keys,
    event_id_for,
    link,
    modality_group,
    signature,
    similarity,
)

STORY = (
    "The defence ministers of two neighbouring states met at a border town on Tuesday and "
    "agreed to reopen a crossing that has been closed since floods washed away its bridge in "
    "the spring. Engineers from both sides will start work on a temporary span next month, the "
    "ministers told reporters after three hours of talks. Traders on both sides of the river "
    "have lost most of their business since the crossing closed, and local officials had "
    "pressed the two governments for months to find money for the repairs."
)
# the same story as an outlet reprints it: its own headline kicker, a credit line, one more
# paragraph at the end, a typo fixed
REPRINT = (
    "UPDATE 2 - Crossing to reopen. (Wire staff) " + STORY.replace("spring", "Spring") + " The "
    "bridge had carried about two hundred lorries a day before the floods."
)
OTHER = (
    "Shares in a large shipping company fell sharply on Wednesday after it warned that freight "
    "rates would stay low for the rest of the year and that it would cut its dividend. The "
    "company said it would sell two of its oldest vessels and delay orders for new ones."
)


def _stories(docs: list[tuple[str, str]], stored: list[StoredDoc] = ()) -> dict[str, str]:
    index: dict[int, list[StoredDoc]] = {}
    for d in stored:
        for k in band_keys(d.sig):
            index.setdefault(k, []).append(d)

    def lookup(keys):
        return [d for k in keys for d in index.get(k, ())]

    return assign_stories([(i, signature(t)) for i, t in docs], lookup).story


def test_signature_similarity_reflects_shared_text() -> None:
    a, b, c = signature(STORY), signature(REPRINT), signature(OTHER)
    assert similarity(a, a) == 1.0
    assert similarity(a, b) >= 0.6
    assert similarity(a, c) <= 0.1
    assert len(band_keys(a)) == 32 and band_keys(a) == band_keys(signature(STORY))
    # markup, case and line breaks do not change the shingles
    assert similarity(a, signature(STORY.upper().replace(". ", ".\n\n"))) == 1.0


def test_reprint_joins_the_story_and_unrelated_text_does_not() -> None:
    got = _stories([("wire-1", STORY), ("paper-7", REPRINT), ("biz-3", OTHER)])
    assert got == {"wire-1": "wire-1", "paper-7": "wire-1", "biz-3": "biz-3"}


def test_story_found_among_stored_documents() -> None:
    stored = [StoredDoc("old-1", "old-1", signature(STORY))]
    assert _stories([("new-9", REPRINT)], stored) == {"new-9": "old-1"}


def test_a_document_bridging_two_stories_merges_them_to_the_smaller_id() -> None:
    half = len(STORY) // 2
    first, second = STORY[:half], STORY[half:]
    stored = [
        StoredDoc("b-doc", "b-doc", signature(first)),
        StoredDoc("a-doc", "a-doc", signature(second)),
    ]
    res = assign_stories(  # every stored document a candidate: the bridging is under test
        [("both", signature(first + " " + second))],
        lambda keys: stored,
        threshold=0.3,
    )
    assert res.story == {"both": "a-doc"} and res.merged == {"b-doc": "a-doc"}


# ----------------------------------------------------------------------------- linking


def m(mid: str, doc: str, date: str | None = "2020-05-04", **kw: object) -> Mention:
    base = {
        "source": actor_key("ARMGOV", "ARM", "GOV"),
        "target": actor_key("AZEGOV", "AZE", "GOV"),
        "root": "04",
        "modality": modality_group("asserted"),
        "date": date,
        "date_precision": "day" if date else None,
        "story_id": doc,
        "terms": frozenset({"border", "crossing", "talks"}),  # what reports of it share
    }
    base.update(kw)
    return Mention(mention_id=mid, doc_id=doc, **base)  # type: ignore[arg-type]


def test_actor_key_is_country_and_sector() -> None:
    assert actor_key("RUSMIL", "RUS", "MIL") == "RUS/MIL"
    assert actor_key("RUSMILREB", "RUS", "MIL") == "RUS/MIL"  # finer codes fold
    assert actor_key("IGOUNOKFR", None, None) == "IGOUNO"
    assert actor_key(None, None, None) == "-"
    assert modality_group("intent") == modality_group("planned") != modality_group("asserted")


def test_same_dyad_root_and_day_across_documents_is_one_event() -> None:
    res = link([m("a:0", "a"), m("b:0", "b", "2020-05-05"), m("c:0", "c", "2020-05-03")], [])
    assert len(res.new_events) == 1
    eid = event_id_for("a:0")
    assert res.assign == {"a:0": eid, "b:0": eid, "c:0": eid}
    assert res.rules["b:0"] == "join:dyad-root-date-place"


def test_other_stories_must_share_content_beyond_the_actors() -> None:
    """Same dyad, root and day, but nothing in common: two statements, not one."""
    ms = [
        m("a:0", "a", terms=frozenset({"border", "crossing", "reopen", "bridge"})),
        m("b:0", "b", terms=frozenset({"crossing", "reopen"})),  # shares two: the same talks
        m("c:0", "c", terms=frozenset({"pipeline", "gas", "border"})),  # one: another matter
        m("d:0", "d", story_id="a", terms=frozenset()),  # a copy in a's story needs none
    ]
    res = link(ms, [])
    assert res.assign["a:0"] == res.assign["b:0"] == res.assign["d:0"] != res.assign["c:0"]


def test_terms_leave_out_common_words_and_keep_names_and_numbers() -> None:
    from eventwire.dedup.terms import terms

    got = terms("Venezuela said on Monday it will lend Ecuador 50,000 barrels a day.", "OIL LOAN")
    assert got == {"venezuela", "lend", "ecuador", "50,000", "barrel", "day", "oil", "loan"}


def test_copies_may_differ_in_date_by_a_week() -> None:
    first = m("a:0", "a", "2020-05-04")
    copy = m("b:0", "b", "2020-05-08", story_id="a", copy=True)
    other = m("c:0", "c", "2020-05-08", story_id="a")  # same story, not a copy: too late
    res = link([first, copy, other], [])
    assert res.assign["a:0"] == res.assign["b:0"] != res.assign["c:0"]


def test_hard_negatives_stay_apart() -> None:
    res = link(
        [
            m("a:0", "a"),
            m("b:0", "b", "2020-05-06"),  # two days later: another meeting
            m("c:0", "c", root="19"),  # same day, other root: fighting, not talks
            m("d:0", "d", target=actor_key("TURGOV", "TUR", "GOV")),  # other target
            m("e:0", "e", modality=modality_group("negated")),  # "did not meet"
            m("f:0", "f", source=actor_key("ARMMIL", "ARM", "MIL")),  # other sector
        ],
        [],
    )
    assert len(set(res.assign.values())) == 6


def test_anchor_date_prevents_drift_along_a_chain() -> None:
    res = link(
        [m("a:0", "a", "2020-05-04"), m("b:0", "b", "2020-05-05"), m("c:0", "c", "2020-05-06")], []
    )
    assert res.assign["a:0"] == res.assign["b:0"] != res.assign["c:0"]


def test_places_must_agree() -> None:
    kyiv = Place("UKR", "Kyiv", 50.45, 30.52, "city")
    brovary = Place("UKR", "Brovary", 50.51, 30.79, "city")  # 20 km away
    lviv = Place("UKR", "Lviv", 49.84, 24.03, "city")  # 470 km away
    tbilisi = Place("GEO", "Tbilisi", 41.7, 44.8, "city")
    ukraine = Place("UKR", "Ukraine", 49.0, 32.0, "country")
    res = link(
        [
            m("a:0", "a", place=kyiv),
            m("b:0", "b", place=brovary),
            m("c:0", "c", place=ukraine),
            m("d:0", "d"),  # no place: fits
            m("e:0", "e", place=lviv),
            m("f:0", "f", place=tbilisi),
        ],
        [],
    )
    a = res.assign["a:0"]
    assert res.assign["b:0"] == res.assign["c:0"] == res.assign["d:0"] == a
    assert len({a, res.assign["e:0"], res.assign["f:0"]}) == 3


def test_only_a_place_the_clause_states_can_keep_reports_apart() -> None:
    # "Baghdad said its forces repulsed the attack" (a place named in the sentence) and a
    # Tehran-datelined report of the same attack (the dateline): where the news came from
    baghdad = Place("IRQ", "Baghdad", 33.34, 44.40, "city", rule="sentence-place")
    tehran = Place("IRN", "Tehran", 35.69, 51.42, "city", rule="dateline")
    iraq = Place("IRQ", "Iraq", 33.0, 44.0, "country", rule="actor-country")
    res = link([m("a:0", "a", place=baghdad), m("b:0", "b", place=tehran)], [])
    assert res.assign["a:0"] == res.assign["b:0"]
    # a weak place does not hold the event's place: a later stated one still has to agree
    basra = Place("IRQ", "Basra", 30.51, 47.81, "city", rule="clause-locative")
    abadan = Place("IRN", "Abadan", 30.34, 48.30, "city")  # the coder's own locative
    res = link(
        [
            m("a:0", "a", place=iraq),
            m("b:0", "b", place=basra),
            m("c:0", "c", place=abadan),
            m("d:0", "d", place=tehran),
        ],
        [],
    )
    assert res.assign["a:0"] == res.assign["b:0"] == res.assign["d:0"] != res.assign["c:0"]
    assert basra.evidence and abadan.evidence and not tehran.evidence and not iraq.evidence


def test_coarse_dates_link_only_at_their_precision() -> None:
    res = link(
        [
            m("a:0", "a", "2020-05-01", date_precision="month"),
            m("b:0", "b", "2020-05-01", date_precision="month"),
            m("c:0", "c", "2020-06-01", date_precision="month"),
            m("d:0", "d", "2020-05-01"),  # a day in that month: not the same claim
        ],
        [],
    )
    assert res.assign["a:0"] == res.assign["b:0"]
    assert len({res.assign[k] for k in ("a:0", "c:0", "d:0")}) == 3


def test_undated_mentions_link_only_within_their_story() -> None:
    res = link([m("a:0", "a", None), m("b:0", "b", None, story_id="a"), m("c:0", "c", None)], [])
    assert res.assign["a:0"] == res.assign["b:0"] != res.assign["c:0"]


def test_two_rows_of_one_document_are_two_events() -> None:
    res = link([m("a:0", "a", "2020-05-04"), m("a:3", "a", "2020-05-05")], [])
    assert res.assign["a:0"] != res.assign["a:3"]


def test_joins_stored_event_and_keeps_its_id() -> None:
    stored = LinkedEvent(
        event_id="ev-old",
        source="ARM/GOV",
        target="AZE/GOV",
        root="04",
        modality="asserted",
        date="2020-05-04",
        date_precision="day",
        stories={"x"},
        docs={"x"},
        terms={"border", "talks"},
    )
    res = link([m("n:0", "n", "2020-05-05")], [stored])
    assert res.assign == {"n:0": "ev-old"} and res.new_events == []
    assert stored.docs == {"x"}  # the input is not modified


def test_nearest_date_wins_and_no_merge_without_the_rule() -> None:
    talks = {"border", "talks"}
    e1 = LinkedEvent("ev-1", "ARM/GOV", "AZE/GOV", "04", "asserted", "2020-05-04", "day",
                     terms=talks)  # fmt: skip
    e2 = LinkedEvent("ev-2", "ARM/GOV", "AZE/GOV", "04", "asserted", "2020-05-06", "day",
                     terms=talks)  # fmt: skip
    res = link([m("n:0", "n", "2020-05-05"), m("p:0", "p", "2020-05-06")], [e1, e2])
    assert res.assign["n:0"] == "ev-1"  # equal gaps: the older event
    assert res.assign["p:0"] == "ev-2" and res.merges == []


def test_bridge_same_story_merges_and_records_it() -> None:
    # one story's copies were dated two days apart; a third copy dated between bridges them
    e1 = LinkedEvent("ev-1", "ARM/GOV", "AZE/GOV", "04", "asserted", "2020-05-04", "day",
                     stories={"s"}, docs={"d1"})  # fmt: skip
    e2 = LinkedEvent("ev-2", "ARM/GOV", "AZE/GOV", "04", "asserted", "2020-05-06", "day",
                     stories={"s"}, docs={"d2"})  # fmt: skip
    res = link([m("d3:0", "d3", "2020-05-05", story_id="s")], [e1, e2])
    assert res.assign == {"d3:0": "ev-1"}
    assert [(x.absorbed, x.into, x.rule, x.mention_id) for x in res.merges] == [
        ("ev-2", "ev-1", "bridge-same-story", "d3:0")
    ]
    assert res.rules["d3:0"] == "bridge-same-story"


def test_linking_is_the_same_one_by_one_or_in_one_batch() -> None:
    ms = [
        m("a:0", "a"),
        m("b:0", "b", "2020-05-05"),
        m("c:0", "c", "2020-05-07"),
        m("d:0", "d", "2020-05-06", root="19"),
        m("e:0", "e", "2020-05-08"),
    ]
    whole = link(ms, []).assign
    stored: list[LinkedEvent] = []
    one_by_one: dict[str, str] = {}
    for x in ms:
        res = link([x], stored)
        one_by_one.update(res.assign)
        stored.extend(res.new_events)
    assert one_by_one == whole
    assert whole["c:0"] == whole["e:0"] == event_id_for("c:0")


@pytest.mark.parametrize("mid", ["doc-1:0:0", "x"])
def test_event_ids_are_stable(mid: str) -> None:
    assert event_id_for(mid) == event_id_for(mid) and event_id_for(mid).startswith("ev")
    assert len(event_id_for(mid)) == 16 and event_id_for(mid) != event_id_for(mid + "!")


def test_a_copy_never_bridges() -> None:
    """A reprint of a story carries no new evidence: it joins, it does not merge."""
    e1 = LinkedEvent("ev-1", "ARM/GOV", "AZE/GOV", "04", "asserted", "2020-05-04", "day",
                     stories={"s"}, docs={"d1"})  # fmt: skip
    e2 = LinkedEvent("ev-2", "ARM/GOV", "AZE/GOV", "04", "asserted", "2020-05-06", "day",
                     stories={"s"}, docs={"d2"})  # fmt: skip
    res = link([m("d3:0", "d3", "2020-05-05", story_id="s", copy=True)], [e1, e2])
    assert res.assign == {"d3:0": "ev-1"} and res.merges == []


def test_codes_of_other_roots_link_only_by_the_table() -> None:
    # a car bomb: a suicide attack (183) in one report, fighting (190) in another, a massacre
    # (200) in a third; the same dyad's talks (040) that day are another event
    def hit(mid: str, code: str) -> Mention:
        return m(mid, mid[0], root=code[:2], cameo=code, terms=frozenset({"bomb", "market"}))

    res = link([hit("a:0", "183"), hit("b:0", "190"), hit("c:0", "200"), hit("d:0", "040")], [])
    assert res.assign["a:0"] == res.assign["b:0"] == res.assign["c:0"] != res.assign["d:0"]
    assert res.rules["b:0"] == "join:compatible-codes"
    # an accord: "agreed to cooperate" (032), "signed an accord" (057); a threat (138) never
    deal = [m("a:0", "a", root="03", cameo="032"), m("b:0", "b", root="05", cameo="057")]
    assert len(set(link(deal, []).assign.values())) == 1
    apart = [m("a:0", "a", root="13", cameo="138"), m("b:0", "b", root="05", cameo="057")]
    assert len(set(link(apart, []).assign.values())) == 2
    # without its code a mention links to its own root only
    assert len(set(link([hit("a:0", "183"), m("b:0", "b", root="19")], []).assign.values())) == 2


def test_same_root_is_preferred_to_a_compatible_code() -> None:
    bomb = m("a:0", "a", root="18", cameo="183", terms=frozenset({"bomb", "market"}))
    fight = m("b:0", "b", root="19", cameo="190")  # nothing in common with the bombing
    # fits both (the older is the bombing): joins the fighting, of its own root
    later = m(
        "c:0",
        "c",
        root="19",
        cameo="193",
        terms=frozenset({"bomb", "market", "border", "crossing"}),
    )
    res = link([bomb, fight, later], [])
    assert res.assign["a:0"] != res.assign["b:0"] == res.assign["c:0"]


def test_compatible_codes_table_is_checked(tmp_path) -> None:
    from eventwire.dedup import codes

    bad = tmp_path / "codes.tsv"
    bad.write_text("a\tb\twhy\n18\t183\tone root\n", encoding="utf-8")
    with pytest.raises(codes.CodesDataError, match=r"codes.tsv:2: 18 and 183 share a root"):
        codes.load(bad)
    bad.write_text("a\tb\twhy\n18\tX9\tno code\n", encoding="utf-8")
    with pytest.raises(codes.CodesDataError, match=r"codes.tsv:2: 'X9' is no CAMEO code"):
        codes.load(bad)
    assert codes.group("19") == codes.group("20") == "18" and codes.group("13") == "13"


def test_a_week_precision_date_covers_its_week() -> None:
    # "last week" (the Monday of that week, precision week) and "on Thursday" of that week
    res = link(
        [
            m("a:0", "a", "2020-05-04", date_precision="week"),
            m("b:0", "b", "2020-05-07"),
            m("c:0", "c", "2020-05-11"),  # a day after the week: still within a day
            m("d:0", "d", "2020-05-13"),  # two days after: another act
        ],
        [],
    )
    assert res.assign["a:0"] == res.assign["b:0"] == res.assign["c:0"] != res.assign["d:0"]


def test_a_multi_word_name_is_one_shared_term() -> None:
    from eventwire.dedup.terms import report_terms, shared

    a = report_terms("Officials met financial executives in Hong Kong on a trip.", None)
    b = report_terms("It signed an accord to build a plant in Hong Kong.", None)
    assert shared(a, b) == 1  # one place, not two words
    c = report_terms("Karl Otto Poehl and Gerhard Stoltenberg backed the Louvre accord.", None)
    d = report_terms("Stoltenberg met Karl Otto Poehl to discuss the Louvre pact.", None)
    assert shared(c, d) == 4  # the Poehl name, Stoltenberg, Louvre, the accord (a pact)
    # a name holding the actor's words is the actor's, not a term
    own = report_terms("Finance Minister Kiichi Miyazawa visits Washington.", None, ("Miyazawa",))
    assert "finance_minister_kiichi_miyazawa" not in own and "washington" in own


def test_two_stated_days_must_be_the_same_day() -> None:
    # "demonstrators battled police yesterday" in two stories published a day apart: two
    # days of protest; a report dated only by its publication day may still be a day after
    # the act, never before it (out before the day, it cannot tell of it)
    res = link(
        [
            m("a:0", "a", "2020-05-04", date_stated=True),
            m("b:0", "b", "2020-05-05", date_stated=True),
            m("d:0", "d", "2020-05-04", date_stated=True),
            m("e:0", "e", "2020-05-03"),  # no time expression: published the day before
        ],
        [],
    )
    assert res.assign["a:0"] == res.assign["d:0"] != res.assign["b:0"]
    assert res.assign["e:0"] not in (res.assign["a:0"], res.assign["b:0"])
    # a report of the next day that states no day (its publication day) may tell of it
    res = link([m("a:0", "a", "2020-05-04", date_stated=True), m("c:0", "c", "2020-05-05")], [])
    assert res.assign["a:0"] == res.assign["c:0"]


def test_different_named_speakers_are_different_statements() -> None:
    # "Premier Zhao said China must cut demand" / "Finance Minister Wang said it must cut
    # investment": the same dyad, root and day, two statements
    said = frozenset({"cut", "investment", "budget"})
    res = link(
        [
            m("a:0", "a", root="10", person="Zhao Ziyang", terms=said),
            m("b:0", "b", root="10", person="Wang Bingqian", terms=said),
            m("c:0", "c", root="10", person="Zhao Ziyang", terms=said),
            m("d:0", "d", root="10", terms=said),  # "China said": no person, fits
        ],
        [],
    )
    assert res.assign["a:0"] == res.assign["c:0"] == res.assign["d:0"] != res.assign["b:0"]
    # a joint act may name either participant: one meeting
    met = [m("a:0", "a", person="James Baker"), m("b:0", "b", person="Gerhard Stoltenberg")]
    assert len(set(link(met, []).assign.values())) == 1


def test_joint_roots_table_is_checked(tmp_path) -> None:
    from eventwire.dedup import codes

    assert codes.joint_roots() == frozenset({"03", "04", "05", "06"})
    bad = tmp_path / "joint.txt"
    bad.write_text("# roots\n04\n4a\n", encoding="utf-8")
    with pytest.raises(codes.CodesDataError, match=r"joint.txt:3: one two-digit CAMEO root"):
        codes.joint_roots(bad)
