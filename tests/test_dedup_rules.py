"""Linking rules added for the labelled pairs' causes: country names are no shared content,
one named speaker on one day, two publication days, and the choice among several events."""

from __future__ import annotations

import pytest

from eventwire.dedup import LinkedEvent, Mention, actor_key, link, modality_group
from eventwire.dedup.linker import content_terms
from eventwire.dedup.terms import (
    TermsDataError,
    _country_words,
    _seat_words,
    actor_phrase,
    country_terms,
    report_terms,
)


def m(mid: str, doc: str, date: str | None = "2020-05-04", **kw: object) -> Mention:
    base = {
        "source": actor_key("ARMGOV", "ARM", "GOV"),
        "target": actor_key("AZEGOV", "AZE", "GOV"),
        "root": "11",
        "modality": modality_group("asserted"),
        "date": date,
        "date_precision": "day" if date else None,
        "story_id": doc,
        "cameo": "112",
    }
    base.update(kw)
    return Mention(mention_id=mid, doc_id=doc, **base)  # type: ignore[arg-type]


def test_country_terms_name_the_country_its_people_and_capital() -> None:
    usa = country_terms("USA")
    assert {"u.s", "american", "washington", "united_state"} <= usa
    assert {"armenia", "armenian", "yerevan"} <= country_terms("ARM")
    assert "republic" not in country_terms("ARM")  # a multi-word alias gives its joined term
    assert country_terms("") == country_terms(None) == frozenset()


def test_the_actors_country_names_are_no_shared_content() -> None:
    # two unrelated complaints by Armenia about Azerbaijan on one day: what they share is the
    # countries' names, which the block already matches
    a = report_terms(
        "Armenia accused Azerbaijan of closing the Baku road to Armenian lorries.",
        "ARMENIA PROTESTS TO AZERBAIJAN",
        ("Armenia", "Azerbaijan"),
    )
    b = report_terms(
        "Yerevan criticised Azeri plans for a new dam, Armenian officials said in Yerevan.",
        "ARMENIAN ANGER AT AZERI DAM",
        ("Yerevan", "Azeri plans"),
    )
    ma, mb = m("a:0", "a", terms=a), m("b:0", "b", terms=b)
    assert not content_terms(mb) & a  # nothing left in common
    assert len(set(link([ma, mb], []).assign.values())) == 2
    # positive control: the same two reports of one act share what it was about
    c = report_terms(
        "Yerevan condemned the closure of the Baku road to lorries, Armenian officials said.",
        None,
        ("Yerevan", None),
    )
    assert len(set(link([ma, m("c:0", "c", terms=c)], []).assign.values())) == 1
    # a country-less actor (an IGO) drops nothing
    igo = m("d:0", "d", source=actor_key("IGOUNO", None, None), terms=frozenset({"armenia"}))
    assert content_terms(igo) == {"armenia"}


def test_one_named_speaker_on_one_day_needs_one_shared_term() -> None:
    # "Minister Sarkissian blamed Baku for the shelling" / "... criticised the Azeri shelling
    # of border villages": one statement, each outlet in its own words
    said = frozenset({"shelling", "blamed"})
    told = frozenset({"shelling", "criticised", "village"})
    who = "Vazgen Sarkissian"
    one = link([m("a:0", "a", person=who, terms=said), m("b:0", "b", person=who, terms=told)], [])
    assert len(set(one.assign.values())) == 1
    # not without the person, not on the next day, not for another code of the root
    for kw in ({"person": None}, {"date": "2020-05-05"}, {"cameo": "111"}):
        b = m("b:0", "b", **{"person": who, "terms": told, **kw})  # type: ignore[arg-type]
        two = link([m("a:0", "a", person=who, terms=said), b], [])
        assert len(set(two.assign.values())) == 2, kw


def test_two_publication_days_may_be_two_days_apart_with_strong_content() -> None:
    # a loan announced on Friday and reported again on Sunday, neither sentence saying the day
    loan = frozenset({"lend", "barrel", "crude", "pipeline", "export"})
    a = m("a:0", "a", "2020-05-01", root="07", cameo="071", terms=loan)
    b = m("b:0", "b", "2020-05-03", root="07", cameo="071", terms=loan - {"export"})
    assert len(set(link([a, b], []).assign.values())) == 1
    # two shared terms are enough a day apart but not two days apart
    weak = m("c:0", "c", "2020-05-03", root="07", cameo="071", terms=frozenset({"lend", "crude"}))
    assert len(set(link([a, weak], []).assign.values())) == 2
    # three days apart, or a day the sentence states, is another act
    late = m("d:0", "d", "2020-05-04", root="07", cameo="071", terms=loan)
    assert len(set(link([a, late], []).assign.values())) == 2
    stated = m("e:0", "e", "2020-05-03", root="07", cameo="071", terms=loan, date_stated=True)
    assert len(set(link([a, stated], []).assign.values())) == 2


def test_an_act_announced_for_later_is_one_plan_reported_over_a_week() -> None:
    # "Venezuela would loan crude to Ecuador", then three days later "Venezuela will lend
    # Ecuador crude": one loan announced, neither sentence saying the day of the telling
    plan = modality_group("planned")
    loan = frozenset({"lend", "barrel", "crude", "export"})
    a = m("a:0", "a", "2020-05-01", root="07", cameo="071", modality=plan, terms=loan)
    b = m("b:0", "b", "2020-05-04", root="07", cameo="071", modality=plan, terms=loan)
    assert len(set(link([a, b], []).assign.values())) == 1
    # controls: a done act three days later is another act; so is a plan sharing little, or
    # one reported more than a week later, or on a day the sentence states
    done = [m(x.mention_id, x.doc_id, x.date, root="07", cameo="071", terms=loan) for x in (a, b)]
    assert len(set(link(done, []).assign.values())) == 2
    weak = m("c:0", "c", "2020-05-04", root="07", cameo="071", modality=plan,
             terms=frozenset({"lend", "crude"}))  # fmt: skip
    assert len(set(link([a, weak], []).assign.values())) == 2
    late = m("d:0", "d", "2020-05-09", root="07", cameo="071", modality=plan, terms=loan)
    assert len(set(link([a, late], []).assign.values())) == 2
    stated = m("e:0", "e", "2020-05-04", root="07", cameo="071", modality=plan, terms=loan,
               date_stated=True)  # fmt: skip
    assert len(set(link([a, stated], []).assign.values())) == 2


def test_the_fields_of_news_are_no_shared_content() -> None:
    # two requests of one government to another on one day, both "to ease protectionist
    # pressures on trade": the field of the news is shared, the act asked for is not
    def ask(mid: str, sentence: str, actors: tuple[str, str]) -> Mention:
        return m(mid, mid[0], root="02", cameo="020", source=actor_key("USAGOV", "USA", "GOV"),
                 target=actor_key("JPN", "JPN", None), terms=report_terms(sentence, None, actors))  # fmt: skip

    farm = ask(
        "a:0",
        "Agriculture Secretary Richard Lyng asked Japan to open its farm market further to "
        "ease protectionist pressures and the trade deficit.",
        ("Agriculture Secretary Richard Lyng", "Japan"),
    )
    growth = ask(
        "b:0",
        "U.S. officials urged Japan to stimulate economic growth, which could relieve "
        "protectionist pressures and the trade deficit.",
        ("U.S. officials", "Japan"),
    )
    assert not {"trade", "protectionist", "pressure", "deficit"} & farm.terms
    assert len(set(link([farm, growth], []).assign.values())) == 2
    # positive control: the same request in other words shares what was asked for
    again = ask(
        "c:0",
        "U.S. officials asked Japan to open its farm market wider to ease trade pressures.",
        ("U.S. officials", "Japan"),
    )
    assert len(set(link([farm, again], []).assign.values())) == 1


def test_of_several_events_the_one_sharing_most_terms_is_joined() -> None:
    # a rumoured strike and the real one, same dyad, day and root: the report of the real
    # strike joins the event whose reports share its words, not the older one
    def event(eid: str, terms: set[str]) -> LinkedEvent:
        return LinkedEvent(
            event_id=eid, source="ARM/GOV", target="AZE/GOV", root="11", modality="asserted",
            date="2020-05-04", date_precision="day", stories={eid}, docs={eid}, terms=terms,
            codes={"112"},
        )  # fmt: skip

    rumour = event("ev-old", {"rumour", "shelling", "market"})
    real = event("ev-new", {"shelling", "village", "destroyed", "border"})
    got = link([m("x:0", "x", terms=frozenset({"shelling", "village", "border", "market"}))],
               [rumour, real])  # fmt: skip
    assert got.assign["x:0"] == "ev-new"
    # with equal overlap the older event still wins
    even = link([m("y:0", "y", terms=frozenset({"shelling", "market", "village"}))], [rumour, real])
    assert even.assign["y:0"] == "ev-old"


def test_two_shared_terms_must_come_from_one_report() -> None:
    # two reports of one Armenian shelling of the Azeri town of Tovuz, then a third story the
    # same day about an Armenian ceasefire appeal: it shares "border" with one report and
    # "artillery" with the other, words of the conflict, not of one act
    a = m("a:0", "a", terms=frozenset({"shelled", "tovuz", "border", "mortar"}))
    b = m("b:0", "b", terms=frozenset({"shelled", "tovuz", "artillery", "depot"}))
    assert len(set(link([a, b], []).assign.values())) == 1
    c = m("c:0", "c", terms=frozenset({"border", "artillery", "ceasefire", "appeal"}))
    got = link([a, b, c], [])
    assert got.assign["c:0"] != got.assign["a:0"]
    # positive control: two terms of one report are enough
    d = m("d:0", "d", terms=frozenset({"tovuz", "shelled", "ceasefire"}))
    got = link([a, b, d], [])
    assert got.assign["d:0"] == got.assign["a:0"]
    # a stored event known only by the union of its reports' terms is compared with that
    union = LinkedEvent(
        event_id="ev-1", source=a.source, target=a.target, root="11", modality="asserted",
        date="2020-05-04", date_precision="day", stories={"a"}, docs={"a", "b"},
        terms=set(a.terms | b.terms), codes={"112"},
    )  # fmt: skip
    assert link([c], [union]).assign["c:0"] == "ev-1"
    split = LinkedEvent(**{**union.__dict__, "reports": [a.terms, b.terms]})
    assert link([c], [split]).assign["c:0"] != "ev-1"


def test_seats_of_government_are_no_shared_content() -> None:
    # "Pentagon" in two reports of one U.S.-Iran dyad says who acted, like "Washington"
    assert {"pentagon", "capitol_hill"} <= country_terms("USA")
    assert "hill" not in country_terms("USA")  # a multi-word name gives only its joined term
    assert {"moscow", "kremlin", "soviet"} <= country_terms("USR")
    usa, irn = actor_key("USA", "USA", None), actor_key("IRN", "IRN", None)
    raid = m("a:0", "a", source=usa, target=irn, root="19", cameo="190",
             terms=frozenset({"pentagon", "raid", "platform", "gulf"}))  # fmt: skip
    rumour = m("b:0", "b", source=usa, target=irn, root="19", cameo="190",
               terms=frozenset({"pentagon", "rumor", "london", "raid"}))  # fmt: skip
    assert len(set(link([raid, rumour], []).assign.values())) == 2
    # positive control: another report of the raid shares more than the seat
    other = m("c:0", "c", source=usa, target=irn, root="19", cameo="190",
              terms=frozenset({"pentagon", "raid", "platform"}))  # fmt: skip
    assert len(set(link([raid, other], []).assign.values())) == 1


def test_an_actor_described_in_the_same_words_is_shared_content() -> None:
    # "Japan said it understood why the U.S. attacked an Iranian oil platform" and "U.S.
    # warships attacked an Iranian oil platform on Monday": what was attacked is in the
    # actor's words, which the block (IRN) does not say
    usa, irn = actor_key("USA", "USA", None), actor_key("IRN", "IRN", None)
    one = report_terms(
        "Japan said it understood why the U.S. attacked an Iranian oil platform on Monday.",
        None, ("U.S.", "Iranian oil platform"),
    )  # fmt: skip
    two = report_terms(
        "U.S. warships attacked an Iranian oil platform on Monday, the Pentagon said.",
        None, ("U.S. warships", "Iranian oil platform"),
    )  # fmt: skip
    assert "@t:iranian+oil+platform" in one & two and "platform" not in one
    a = m("a:0", "a", source=usa, target=irn, root="19", cameo="190", terms=one)
    b = m("b:0", "b", source=usa, target=irn, root="19", cameo="190", terms=two)
    assert len(set(link([a, b], []).assign.values())) == 1
    # positive control: another target ("Iranian gunboats") shares only the verb
    boats = report_terms(
        "U.S. helicopters attacked Iranian gunboats, the Pentagon said.",
        None, ("U.S. helicopters", "Iranian gunboats"),
    )  # fmt: skip
    c = m("c:0", "c", source=usa, target=irn, root="19", cameo="190", terms=boats)
    assert len(set(link([a, c], []).assign.values())) == 2
    # a name, or a description in common news words only, gives no such term
    assert actor_phrase("Japan", "t") is None and actor_phrase("U.S. officials", "s") is None
    assert actor_phrase("Finance Ministry", "s") is None
    assert actor_phrase("trust banks", "t") == "@t:trust+bank"


def test_seats_file_is_checked(tmp_path) -> None:
    bad = tmp_path / "seats.tsv"
    bad.write_text("# c\ncode\tname\n", encoding="utf-8")
    with pytest.raises(TermsDataError, match=r"seats.tsv:2: header must be"):
        _seat_words(bad)
    bad.write_text("code\tnames\twhy\nus\tPentagon\tits seat\n", encoding="utf-8")
    with pytest.raises(TermsDataError, match=r"seats.tsv:2: a CAMEO country code"):
        _seat_words(bad)
    bad.write_text("code\tnames\twhy\nUSA\t ; \tits seat\n", encoding="utf-8")
    with pytest.raises(TermsDataError, match=r"seats.tsv:2: a row needs names"):
        _seat_words(bad)
    bad.write_text("code\tnames\twhy\nUSA\tPentagon\tits seat\n", encoding="utf-8")
    assert _seat_words(bad) == {"USA": frozenset({"pentagon"})}


def test_country_table_is_checked(tmp_path) -> None:
    bad = tmp_path / "countries.tsv"
    bad.write_text("# c\ncode\tname\n", encoding="utf-8")
    with pytest.raises(TermsDataError, match=r"countries.tsv:2: unexpected header"):
        _country_words(bad)
    cols = "code\tiso3\tkind\tname\taliases\tadjectives\tcapitals\tseats\n"
    bad.write_text(cols + "XXX\tXXX\n", encoding="utf-8")
    with pytest.raises(TermsDataError, match=r"countries.tsv:2: a country row needs"):
        _country_words(bad)


def test_named_unions_and_companies_are_told_apart() -> None:
    from eventwire.dedup.speakers import org_name, speaker

    assert org_name("The United Auto Workers union") == "United Auto Workers"
    assert org_name("Spain's private bank staff") is None  # no name: one word left
    assert org_name("UNITED AUTO WORKERS") is None  # all capitals: no telling
    # a one-word company name counts beside a legal-form word, not alone
    assert org_name("Fernhill Corp") == "Fernhill" and org_name("Fernhill Plc") == "Fernhill"
    assert org_name("the Union") is None and org_name("Danish dairies") is None
    assert speaker("country", None, "the Amalgamated Dockers Union", "LAB") == (
        "org:Amalgamated Dockers Union"
    )
    assert speaker("country", None, "the Amalgamated Dockers Union", "GOV") is None
    assert speaker("person", "Jane Roe", "union leader Jane Roe", "LAB") == "Jane Roe"
    # "dockers of the Amalgamated Dockers Union struck" / "members of the Federated Rail
    # Workers Union walked out": both USA/LAB, same day and words, two strikes
    walkout = frozenset({"strike", "walked", "pay"})
    lab = {"source": "USA/LAB", "target": "USA/GOV", "root": "14", "cameo": "143"}
    docks = speaker("country", None, "the Amalgamated Dockers Union", "LAB")
    rail = speaker("country", None, "the Federated Rail Workers Union", "LAB")
    res = link(
        [
            m("a:0", "a", person=docks, terms=walkout, **lab),  # type: ignore[arg-type]
            m("b:0", "b", person=rail, terms=walkout, **lab),  # type: ignore[arg-type]
            m("c:0", "c", person=docks, terms=walkout, **lab),  # type: ignore[arg-type]
        ],
        [],
    )
    assert res.assign["a:0"] == res.assign["c:0"] != res.assign["b:0"]


def test_stored_rows_give_the_same_speaker_as_the_coder_actor() -> None:
    from eventwire.model import Actor
    from eventwire.store.linking import person_of, speaker_of_row

    union = Actor(
        code="USALAB", country="USA", sector="LAB", text="the Federated Rail Workers Union"
    )
    row = {"k": union.kind, "n": union.name, "t": union.text, "s": union.sector}
    assert person_of(union) == speaker_of_row(row) == "org:Federated Rail Workers Union"
    assert speaker_of_row(None) is None


def test_named_sectors_file_is_checked(tmp_path) -> None:
    from eventwire.dedup.speakers import SpeakersDataError, named_sectors

    assert {"LAB", "BUS"} <= named_sectors()
    from eventwire.dedup.speakers import legal_forms

    assert {"corp", "inc"} <= legal_forms()
    words = tmp_path / "words.tsv"
    words.write_text("set\tword\tnote\ncompany_designator\t\tempty\n", encoding="utf-8")
    with pytest.raises(SpeakersDataError, match=r"words.tsv:2: a company_designator row"):
        legal_forms(words)
    bad = tmp_path / "sectors.txt"
    bad.write_text("LAB\nlabour\n", encoding="utf-8")
    with pytest.raises(SpeakersDataError, match=r"sectors.txt:2: one three-letter"):
        named_sectors(bad)
