"""Linking rules of issue 10's second pass: the kinds of things acted on keep two attacks
apart, and a report that fits two events of its root sharing words with a report of each
merges them (``bridge-shared-report``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.dedup import Mention, actor_key, link, modality_group, objects
from eventwire.dedup.linker import content_terms
from eventwire.dedup.terms import MIN_SHARED, report_terms, shared


def attack(mid: str, sentence: str, title: str, actors: tuple[str, str], **kw: object) -> Mention:
    doc = mid.split(":")[0]
    base = {
        "source": actor_key("USAMIL", "USA", "MIL"),
        "target": actor_key("IRN", "IRN", None),
        "root": "19",
        "modality": modality_group("asserted"),
        "date": "2021-06-10",
        "date_precision": "day",
        "story_id": doc,
        "cameo": "190",
        "terms": report_terms(sentence, title, actors),
    }
    base.update(kw)
    return Mention(mention_id=mid, doc_id=doc, **base)  # type: ignore[arg-type]


GUNBOATS = attack(
    "a:0",
    "U.S. helicopters sank three Iranian gunboats in the northern Gulf near Farsi island.",
    "U.S. HELICOPTERS SINK GUNBOATS NEAR FARSI",
    ("U.S. helicopters", "three Iranian gunboats"),
)
PLATFORM = attack(
    "b:0",
    "U.S. warships destroyed an Iranian oil platform in the northern Gulf near Farsi island.",
    "U.S. DESTROYS PLATFORM NEAR FARSI",
    ("U.S. warships", "Iranian oil platform"),
)
RIG = attack(
    "c:0",
    "American destroyers shelled an Iranian offshore rig in the northern Gulf off Farsi island.",
    "IRANIAN RIG SHELLED OFF FARSI",
    ("American destroyers", "Iranian offshore rig"),
)


def test_kinds_of_things_acted_on_come_from_the_described_target() -> None:
    assert objects.kinds(GUNBOATS.terms) == {"warship"}
    assert objects.kinds(PLATFORM.terms) == objects.kinds(RIG.terms) == {"installation"}
    # a two-word noun, and a target named, not described, gives no kind
    assert objects.kinds({"@t:iranian+patrol+boat"}) == {"warship"}
    assert objects.kinds(report_terms("The U.S. attacked Iran.", None, ("U.S.", "Iran"))) == set()
    assert objects.apart(frozenset({"warship"}), frozenset({"installation"}))
    assert not objects.apart(frozenset({"warship"}), frozenset({"warship", "installation"}))
    assert not objects.apart(frozenset(), frozenset({"installation"}))


def test_gunboats_sunk_and_a_platform_destroyed_on_one_day_are_two_attacks() -> None:
    # the words are enough to link them: the kinds of the targets are what keeps them apart
    assert shared(content_terms(GUNBOATS), PLATFORM.terms) >= MIN_SHARED
    got = link([GUNBOATS, PLATFORM], [])
    assert got.assign["a:0"] != got.assign["b:0"]
    # positive control: a rig and a platform are one kind, told of alike: one attack
    got = link([PLATFORM, RIG], [])
    assert got.assign["b:0"] == got.assign["c:0"]
    # a report whose target is not described joins either
    named = attack(
        "d:0",
        "The United States attacked Iran in the northern Gulf near Farsi island.",
        "U.S. ATTACKS IRAN NEAR FARSI",
        ("The United States", "Iran"),
    )
    got = link([GUNBOATS, named], [])
    assert got.assign["a:0"] == got.assign["d:0"]


def test_object_kinds_table_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "kinds.tsv"
    bad.write_text("kind\tnouns\twhy\nwarship\tgunboat\tarmed boats\nship\tGunboat\tx\n")
    with pytest.raises(objects.ObjectsDataError, match="lower-case"):
        objects.load(bad)
    bad.write_text("kind\tnouns\twhy\nwarship\tgunboat\tarmed boats\nship\tgunboat\tx\n")
    with pytest.raises(objects.ObjectsDataError, match="already of kind warship"):
        objects.load(bad)
    bad.write_text("kind\tnouns\nwarship\tgunboat\n")
    with pytest.raises(objects.ObjectsDataError, match="header"):
        objects.load(bad)
    good = tmp_path / "good.tsv"
    good.write_text("kind\tnouns\twhy\nwarship\tgunboat;patrol boat\tarmed boats\n")
    assert objects.load(good) == {"gunboat": "warship", "patrol+boat": "warship"}


# one raid told three ways: a report of the target, a report of the shooting, and one that
# tells both
TARGET = attack(
    "t:0",
    "U.S. warships shelled an Iranian oil platform in the Rostam field, the Pentagon said.",
    "U.S. SHELLS ROSTAM PLATFORM",
    ("U.S. warships", "Iranian oil platform"),
)
SHOTS = attack(
    "s:0",
    "American destroyers opened fire in the southern Gulf, killing five crew members, "
    "Tehran radio said.",
    "IRAN SAYS FIVE CREW KILLED",
    ("American destroyers", None),
)
BOTH = attack(
    "x:0",
    "U.S. warships shelled the Rostam field and killed five crew members in the southern Gulf.",
    "U.S. NAVY SHELLS ROSTAM",
    ("U.S. warships", None),
)


def test_a_report_sharing_words_with_a_report_of_each_of_two_events_merges_them() -> None:
    apart = link([TARGET, SHOTS], [])
    assert apart.assign["t:0"] != apart.assign["s:0"]  # too few words in common
    got = link([TARGET, SHOTS, BOTH], [])
    assert len(set(got.assign.values())) == 1
    (merge,) = got.merges
    assert (merge.rule, merge.mention_id) == ("bridge-shared-report", "x:0")
    assert merge.into == apart.assign["t:0"]  # the older event keeps its id
    assert got.rules["x:0"] == "bridge-shared-report"


@pytest.mark.parametrize(
    "change",
    [
        {"copy": True},  # a copy of a stored story adds no evidence
        {"date": "2021-06-12"},  # the events' days are two apart (the report fits each)
        {"person": "Caspar Weinberger"},  # the events' named sources are different people
    ],
)
def test_no_bridge_without_the_conditions(change: dict) -> None:
    from dataclasses import replace

    events = [TARGET, replace(SHOTS, date=change.get("date", SHOTS.date))]
    bridge = replace(BOTH, date="2021-06-11") if "date" in change else BOTH
    if "copy" in change:
        bridge = replace(BOTH, copy=True)
    if "person" in change:
        events = [
            replace(TARGET, person="Caspar Weinberger"),
            replace(SHOTS, person="Ali Shamkhani"),
        ]
        bridge = replace(BOTH, person=None)
    got = link([*events, bridge], [])
    assert not got.merges
    assert got.assign["t:0"] != got.assign["s:0"]


def test_a_described_actor_told_with_more_modifiers_is_shared() -> None:
    longer = report_terms(
        "U.S. warships shelled an Iranian offshore oil platform.", None,
        ("U.S. warships", "Iranian offshore oil platform"),
    )  # fmt: skip
    shorter = report_terms(
        "U.S. frigates attacked an Iranian oil platform.", None,
        ("U.S. frigates", "Iranian oil platform"),
    )  # fmt: skip
    assert shared(longer, shorter) == 1  # the platform, though the phrases differ
    # other modifiers of one head noun are other things, and a source is no target
    trust = report_terms("The ministry asked trust banks.", None, ("ministry", "trust banks"))
    commercial = report_terms(
        "The ministry asked commercial banks.", None, ("ministry", "commercial banks")
    )
    assert trust & commercial == {"asked"} and shared(trust, commercial) == 1  # "asked" only
    assert shared(frozenset({"@s:iranian+oil+platform"}), shorter) == 0


def test_one_persons_visit_and_the_meeting_on_it_link_on_one_term() -> None:
    # "Finance Minister Miyazawa visits Washington for the IMF meeting" (042) and "after an
    # hour-long meeting with Baker, Miyazawa said" (040): one visit, told as a visit and as
    # the meeting held on it, sharing one word
    def visit(mid: str, cameo: str, terms: set[str], **kw: object) -> Mention:
        base = {
            "source": actor_key("JPNGOV", "JPN", "GOV"),
            "target": actor_key("USAGOV", "USA", "GOV"),
            "root": "04",
            "modality": modality_group("asserted"),
            "date": "2021-04-07",
            "date_precision": "day",
            "story_id": mid.split(":")[0],
            "cameo": cameo,
            "terms": frozenset(terms),
            "person": "Kiichi Miyazawa",
        }
        base.update(kw)
        return Mention(mention_id=mid, doc_id=mid.split(":")[0], **base)  # type: ignore[arg-type]

    a = visit("a:0", "042", {"imf", "meeting", "budget"})
    b = visit("b:0", "040", {"meeting", "hour-long", "dollar"})
    got = link([a, b], [])
    assert got.assign["a:0"] == got.assign["b:0"]
    # controls: not without the named person, not on the next day
    for kw in ({"person": None}, {"date": "2021-04-08"}):
        got = link([a, visit("b:0", "040", {"meeting", "hour-long", "dollar"}, **kw)], [])
        assert got.assign["a:0"] != got.assign["b:0"], kw


def test_variants_of_one_noun_are_one_term() -> None:
    a = report_terms("Ministers said they would keep to the Louvre pact on currencies.", None)
    b = report_terms("Ministers said they stood by the Louvre agreement on currencies.", None)
    assert a & b == {"accord", "louvre", "currencie"}  # not "pact" and "agreement"
    # words of one act are not made one: "talks" and "meeting" stay two terms
    c = report_terms("The ministers held talks in Paris.", None)
    d = report_terms("The ministers held a meeting in Paris.", None)
    assert "talk" in c and "meeting" in d and not {"talk", "meeting"} & (c & d)


def test_variants_table_is_validated(tmp_path: Path) -> None:
    from eventwire.dedup.terms import TermsDataError, variants

    bad = tmp_path / "variants.tsv"
    bad.write_text("term\twords\twhy\naccord\tpact;Treaty\tone agreement\n")
    with pytest.raises(TermsDataError, match="lower-case"):
        variants(bad)
    bad.write_text("term\twords\twhy\naccord\tpact\tx\ndeal\tpact\ty\n")
    with pytest.raises(TermsDataError, match="already a variant of 'accord'"):
        variants(bad)
    good = tmp_path / "good.tsv"
    good.write_text("term\twords\twhy\naccord\tpact;treaty\tone agreement\n")
    assert variants(good) == {"pact": "accord", "treaty": "accord"}


def request(mid: str, sentence: str, target: str, **kw: object) -> Mention:
    return attack(
        mid,
        sentence,
        None,  # type: ignore[arg-type]
        ("The Finance Ministry", target),
        source=actor_key("JPNGOV", "JPN", "GOV"),
        target=actor_key("JPNBUS", "JPN", "BUS"),
        root="02",
        cameo="020",
        **kw,
    )


def test_requests_to_two_classes_of_bank_are_two_requests() -> None:
    # financial news addresses classes of bank apart: trust banks one day, commercial banks
    # the next, are two requests of the ministry, though the words are enough to link them
    trust = request(
        "a:0",
        "The Finance Ministry has asked trust banks to moderate their dollar selling, dealers said.",
        "trust banks",
    )
    commercial = request(
        "b:0",
        "The Finance Ministry has asked Japanese commercial banks to moderate their dollar "
        "selling, dealers said.",
        "Japanese commercial banks",
        date="2021-06-11",
    )
    assert objects.kinds(trust.terms) == {"trust_bank"}
    assert objects.kinds(commercial.terms) == {"commercial_bank"}
    assert shared(content_terms(trust), commercial.terms) >= MIN_SHARED
    got = link([trust, commercial], [])
    assert got.assign["a:0"] != got.assign["b:0"]
    # positive control: the same class, told with a nationality more, is one request
    again = request(
        "c:0",
        "The Finance Ministry asked Japanese trust banks to moderate their dollar selling.",
        "Japanese trust banks",
        date="2021-06-11",
    )
    got = link([trust, again], [])
    assert got.assign["a:0"] == got.assign["c:0"]


def meeting(mid: str, terms: set[str], cameo: str, person: str | None) -> Mention:
    doc = mid.split(":")[0]
    return Mention(
        mention_id=mid,
        doc_id=doc,
        source=actor_key("JPNGOV", "JPN", "GOV"),
        target=actor_key("USAGOV", "USA", "GOV"),
        root="04",
        modality=modality_group("asserted"),
        date="2021-04-07",
        date_precision="day",
        story_id=doc,
        cameo=cameo,
        terms=frozenset(terms),
        person=person,
    )


def test_a_named_persons_meeting_bridges_his_visit_and_the_talks_held_on_it() -> None:
    # "Miyazawa visits Washington this week for the IMF meetings" (042) and "Baker holds
    # talks with counterparts from Europe and Japan to urge them to speed growth" (040)
    # share no word; "Speaking after an hour-long meeting with Baker, Miyazawa said the
    # counterparts' accord to speed growth held" shares three with the talks and one, "meeting", with his
    # own visit that day: one visit, one meeting
    visit = meeting("a:0", {"visits", "imf", "meeting", "guideline"}, "042", "Kiichi Miyazawa")
    talks = meeting("b:0", {"talk", "counterpart", "europe", "speed", "accord"}, "040", "Baker")
    after = meeting(
        "c:0", {"meeting", "hour-long", "counterpart", "speed", "accord"}, "040", "Kiichi Miyazawa"
    )
    got = link([visit, talks, after], [])
    assert len(set(got.assign.values())) == 1
    assert [x.rule for x in got.merges] == ["bridge-shared-report"]
    # controls: the report of another person's meeting, or of a root of no joint act, merges
    # nothing
    other = replace(after, person="Gerhard Stoltenberg")
    assert len(set(link([visit, talks, other], []).assign.values())) == 2
    said = [replace(x, root="01", cameo="010") for x in (visit, talks, after)]
    assert len(set(link(said, []).assign.values())) == 2
