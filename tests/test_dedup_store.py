"""Linking inside the store: reprints, incremental merges, stable ids, GDELT Mentions, recode."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from eventwire.dedup import event_id_for
from eventwire.model import Actor, Article, DocResult, Event, Place
from eventwire.store import GDELT_COLUMNS, GDELT_MENTION_COLUMNS, Store, global_event_id

WIRE = (
    "YEREVAN, May 4 - Armenia's foreign minister met his Azerbaijani counterpart in Tbilisi on "
    "Monday for talks on the disputed border.\n"
    "Later that day Azerbaijani troops shelled two villages near the border, a regional "
    "governor said. Nobody was hurt, he said."
)
MEET = "Armenia's foreign minister met his Azerbaijani counterpart in Tbilisi on Monday for talks on the disputed border."
SHELL = "Later that day Azerbaijani troops shelled two villages near the border, a regional governor said."
TBILISI = Place("Tbilisi", "GEO", "Tbilisi", 41.69, 44.83, "city", text="Tbilisi")


def _events(doc_id: str, body: str) -> list[Event]:
    s1 = body.index(MEET)
    s2 = body.index(SHELL)
    meet = Event(
        doc_id=doc_id,
        event_id=f"{doc_id}:0",
        source=Actor("ARMGOV", "ARM", "GOV", "Armenia's foreign minister"),
        target=Actor("AZEGOV", "AZE", "GOV", "his Azerbaijani counterpart"),
        cameo="040",
        root="04",
        goldstein=1.0,
        quad_class=1,
        plover="CONSULT",
        date="2020-05-04",
        date_text="Monday",
        date_precision="day",
        location=TBILISI,
        sentence=MEET,
        sentence_index=0,
        span=(s1, s1 + len(MEET)),
        trigger="met",
        rule="040.meet",
        confidence=0.8,
    )
    shell = Event(
        doc_id=doc_id,
        event_id=f"{doc_id}:1",
        source=Actor("AZEMIL", "AZE", "MIL", "Azerbaijani troops"),
        target=Actor("ARM", "ARM", None, "two villages"),
        cameo="195",
        root="19",
        goldstein=-10.0,
        quad_class=4,
        plover="ASSAULT",
        date="2020-05-04",
        date_precision="day",
        sentence=SHELL,
        sentence_index=1,
        span=(s2, s2 + len(SHELL)),
        trigger="shelled",
        rule="195.shell",
        confidence=0.7,
        speaker=Actor("ARMGOV", "ARM", "GOV", "a regional governor"),
    )
    return [meet, shell]


def wire(
    doc_id: str = "wire-1", outlet: str = "Wire Agency", domain: str = "wire.example"
) -> DocResult:
    art = Article(
        doc_id=doc_id,
        body=WIRE,
        title="Armenian, Azeri ministers meet",
        source=outlet,
        outlet=outlet,
        outlet_domain=domain,
        agency="Wire Agency",
        published="2020-05-04T18:00:00",
        url=f"https://{domain}/{doc_id}",
    )
    return DocResult(art, _events(doc_id, WIRE))


def reprint(doc_id: str, outlet: str, domain: str) -> DocResult:
    body = "Published by " + outlet + "\n" + WIRE + "\nCopyright the wire agency."
    art = Article(
        doc_id=doc_id,
        body=body,
        outlet=outlet,
        outlet_domain=domain,
        agency="Wire Agency",
        url=f"https://{domain}/world/{doc_id}",
    )
    evs = _events(doc_id, body)
    for ev in evs:
        ev.sentence_index += 1  # the outlet's line comes first: no longer the lead
    return DocResult(art, evs)


def counts(st: Store) -> dict[str, tuple[int, int, int, bool]]:
    return {
        e["cameo"]: (e["num_mentions"], e["num_articles"], e["num_sources"], e["is_root_event"])
        for e in st.events()
    }


def test_reprint_under_new_ids_and_outlets_adds_no_event_and_doubles_articles() -> None:
    with Store(":memory:") as st:
        st.write([wire()])
        before = {e["event_id"] for e in st.events()}
        assert counts(st) == {"040": (1, 1, 1, True), "195": (1, 1, 1, False)}
        stats = st.write([reprint("paper-9", "Daily Paper", "dailypaper.example")])
        assert (stats.documents, stats.mentions, stats.events, stats.linked) == (1, 2, 0, 2)
        assert {e["event_id"] for e in st.events()} == before
        assert counts(st) == {"040": (2, 2, 2, True), "195": (2, 2, 2, False)}
        # the reprint is kept as evidence in the wire story's cluster
        stories = dict(st._con.execute("SELECT doc_id, story_id FROM documents").fetchall())
        assert stories == {"wire-1": "wire-1", "paper-9": "wire-1"}
        rules = dict(st._con.execute("SELECT mention_id, link_rule FROM mentions").fetchall())
        assert rules["paper-9:0"] == "join:same-story" and rules["wire-1:0"] == "new"
        # the same outlet printing it twice is one more article, not one more source
        st.write([reprint("paper-10", "Daily Paper", "dailypaper.example")])
        assert counts(st)["040"] == (3, 3, 2, True)


def test_event_with_its_mentions_list() -> None:
    with Store(":memory:") as st:
        st.write([wire(), reprint("paper-9", "Daily Paper", "dailypaper.example")])
        (ev,) = st.events(code="04", with_mentions=True)
    assert ev["event_id"] == event_id_for("wire-1:0") and ev["doc_id"] == "wire-1"
    assert [(x["doc_id"], x["outlet"], x["in_lead"]) for x in ev["mentions"]] == [
        ("wire-1", "Wire Agency", True),
        ("paper-9", "Daily Paper", False),
    ]
    assert ev["mentions"][1]["url"] == "https://dailypaper.example/world/paper-9"
    assert ev["mentions"][1]["span"][0] == len("Published by Daily Paper\n") + WIRE.index(MEET)


def test_incremental_writes_give_the_ids_of_one_batch(tmp_path: Path) -> None:
    docs = [wire(), reprint("p1", "A", "a.example"), reprint("p2", "B", "b.example")]
    with Store(tmp_path / "one.duckdb") as one:
        one.write(docs)
        whole = {(e["cameo"], e["event_id"], e["num_articles"]) for e in one.events()}
    with Store(tmp_path / "many.duckdb") as many:
        for d in docs:
            many.write([d])
        assert {(e["cameo"], e["event_id"], e["num_articles"]) for e in many.events()} == whole
    assert {n for _, _, n in whole} == {3}


def test_other_day_and_other_place_are_new_events() -> None:
    # another story five days later (a copy re-dated by its dateline would be the same event)
    body = (
        "Talks resumed after a week in which both sides traded accusations over grazing land, "
        "water rights and a road that villagers on each side say was built on their fields. "
        "Diplomats said neither government wanted the dispute to spread, and that a joint "
        "commission on the road would meet again before the end of the month in the capital. "
        "Farmers in the valley said they had not been able to reach their orchards since "
        "April, and traders said prices of fruit in the border markets had doubled.\n"
        + MEET
        + "\n"
        + SHELL
    )
    later = DocResult(replace(wire("wire-2").article, body=body), _events("wire-2", body))
    for ev in later.events:
        ev.date = "2020-05-09"
    elsewhere = wire("wire-3")
    elsewhere.article.body = WIRE + " (corrected)"
    elsewhere.events[0].location = Place("Baku", "AZE", "Baku", 40.4, 49.9, "city")
    elsewhere.events = elsewhere.events[:1]
    with Store(":memory:") as st:
        st.write([wire(), later, elsewhere])
        got = sorted(
            (e["cameo"], e["date"], (e["location"] or {}).get("name")) for e in st.events()
        )
    assert got == [
        ("040", "2020-05-04", "Baku"),
        ("040", "2020-05-04", "Tbilisi"),
        ("040", "2020-05-09", "Tbilisi"),
        ("195", "2020-05-04", None),
        ("195", "2020-05-09", None),
    ]


def test_stored_events_are_placed_by_their_first_stated_place() -> None:
    # batch by batch: a dateline's place never keeps reports apart, the first place a
    # clause states does (the event's shown place stays its first report's)
    def report(doc_id: str, place: Place) -> DocResult:
        body = f"Report {doc_id}.\n" + WIRE
        res = DocResult(replace(wire(doc_id).article, body=body), _events(doc_id, body)[:1])
        res.events[0].location = place
        return res

    yerevan = Place("Yerevan", "ARM", "Yerevan", 40.18, 44.51, "city", rule="dateline")
    baku = Place("Baku", "AZE", "Baku", 40.4, 49.9, "city", rule="clause-locative")
    with Store(":memory:") as st:
        st.write([report("a", yerevan)])
        st.write([report("b", baku)])
        st.write([report("c", replace(TBILISI, rule="clause-locative"))])
        got = sorted((e["num_articles"], e["location"]["name"]) for e in st.events())
    assert got == [(1, "Tbilisi"), (2, "Yerevan")]


def test_a_later_batch_links_across_compatible_roots() -> None:
    # the shelling coded 195 by the wire, as a massacre (202) by a paper a batch later
    paper = reprint("paper-9", "Daily Paper", "dailypaper.example")
    paper.events = [replace(paper.events[1], cameo="202", root="20", event_id="paper-9:1")]
    with Store(":memory:") as st:
        st.write([wire()])
        st.write([paper])
        got = {e["cameo"]: e["num_articles"] for e in st.events()}
        rules = {m["event_id"]: m["link_rule"] for m in st.mentions()}
    assert got == {"040": 1, "195": 2}
    assert rules["paper-9:1"] == "join:same-story"


def test_a_later_batch_keeps_two_speakers_apart() -> None:
    # the wire's report of a statement by one minister, a paper's of another minister's the
    # same day: the stored event remembers who spoke
    def said(doc_id: str, who: str) -> DocResult:
        res = reprint(doc_id, "Daily Paper", "dailypaper.example")
        ev = replace(res.events[0], cameo="111", root="11", event_id=f"{doc_id}:0")
        ev.source = Actor("ARMGOV", "ARM", "GOV", who, kind="person", name=who)
        return DocResult(res.article, [ev])

    with Store(":memory:") as st:
        st.write([said("paper-1", "Ara Ayvazian")])
        st.write([said("paper-2", "Zohrab Mnatsakanian"), said("paper-3", "Ara Ayvazian")])
        got = sorted(e["num_articles"] for e in st.events())
    assert got == [1, 2]


def test_place_comes_from_the_first_mention_that_has_one() -> None:
    first = wire("wire-1")
    first.events[0].location = None
    with Store(":memory:") as st:
        st.write([first])
        assert st.events(code="04")[0]["location"] is None
        st.write([reprint("paper-9", "Daily Paper", "dailypaper.example")])
        assert st.events(code="04")[0]["location"]["name"] == "Tbilisi"


def test_gdelt_events_and_mentions_export(tmp_path: Path) -> None:
    with Store(":memory:") as st:
        st.write([wire(), reprint("paper-9", "Daily Paper", "dailypaper.example")])
        out = tmp_path / "x.tsv"
        assert st.export(out, "gdelt") == 2
        events = [
            dict(zip(GDELT_COLUMNS, ln.split("\t"), strict=True))
            for ln in out.read_text().splitlines()
        ]
        lines = (tmp_path / "x.mentions.tsv").read_text().splitlines()
        mentions = [dict(zip(GDELT_MENTION_COLUMNS, ln.split("\t"), strict=True)) for ln in lines]
        bodies = dict(st._con.execute("SELECT doc_id, body FROM documents").fetchall())
    meet = next(e for e in events if e["EventCode"] == "040")
    assert (meet["NumMentions"], meet["NumArticles"], meet["NumSources"], meet["IsRootEvent"]) == (
        "2",
        "2",
        "2",
        "1",
    )
    assert meet["GLOBALEVENTID"] == str(global_event_id(event_id_for("wire-1:0")))
    assert len(mentions) == 4 and all(len(x) == 16 for x in mentions)
    of_meet = [x for x in mentions if x["GLOBALEVENTID"] == meet["GLOBALEVENTID"]]
    assert [x["MentionSourceName"] for x in of_meet] == ["wire.example", "dailypaper.example"]
    assert of_meet[1]["MentionIdentifier"] == "https://dailypaper.example/world/paper-9"
    assert [x["SentenceID"] for x in of_meet] == ["1", "2"]
    assert of_meet[0]["EventTimeDate"] == meet["DATEADDED"]
    body = bodies["paper-9"]
    a1, a2, act = (
        int(of_meet[1][k]) for k in ("Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset")
    )
    assert body[a1:].startswith("Armenia's foreign minister")
    assert body[a2:].startswith("his Azerbaijani counterpart")
    assert body[act:].startswith("met")
    assert of_meet[1]["Confidence"] == "80" and of_meet[1]["MentionDocLen"] == str(len(body))
    assert of_meet[1]["InRawText"] == "1" and of_meet[1]["MentionType"] == "1"


def test_parquet_export_writes_events_and_mentions(tmp_path: Path) -> None:
    import duckdb

    with Store(":memory:") as st:
        st.write([wire(), reprint("paper-9", "Daily Paper", "dailypaper.example")])
        assert st.export(tmp_path / "ev.parquet", "parquet") == 2
    con = duckdb.connect()
    ev = con.execute(
        f"SELECT event_id, num_articles FROM '{tmp_path / 'ev.parquet'}' ORDER BY 1"
    ).fetchall()
    me = con.execute(
        f"SELECT event_id, count(*) FROM '{tmp_path / 'ev.mentions.parquet'}' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert ev == me and {n for _, n in ev} == {2}


def test_month_precision_date_says_so_in_gdelt(tmp_path: Path) -> None:
    doc = wire()
    doc.events[0].date, doc.events[0].date_precision = "2020-05-01", "month"
    doc.events[1].date, doc.events[1].date_precision = "2020-01-01", "year"
    with Store(":memory:") as st:
        st.write([doc])
        st.export(tmp_path / "g.tsv", "gdelt")
    rows = [
        dict(zip(GDELT_COLUMNS, ln.split("\t"), strict=True))
        for ln in (tmp_path / "g.tsv").read_text().splitlines()
    ]
    got = {
        r["EventCode"]: (r["SQLDATE"], r["MonthYear"], r["Year"], r["FractionDate"]) for r in rows
    }
    assert got == {"040": ("", "202005", "2020", ""), "195": ("", "", "2020", "")}


def test_recode_keeps_event_ids_and_counts() -> None:
    with Store(":memory:") as st:
        st.write([wire(), reprint("paper-9", "Daily Paper", "dailypaper.example")])
        before = {e["cameo"]: e["event_id"] for e in st.events()}
        arts = list(st.articles())
        assert [a.doc_id for a in arts] == ["wire-1", "paper-9"]
        assert arts[1].outlet == "Daily Paper" and arts[1].body.startswith("Published by")
        # the new dictionaries code the meeting as 042 with another trigger id (a new mention id)
        results = []
        for art in arts:
            evs = _events(art.doc_id, art.body)
            evs[0] = replace(evs[0], cameo="042", event_id=f"{art.doc_id}:v2", trigger="held talks")
            if art.doc_id == "paper-9":
                for ev in evs:
                    ev.sentence_index += 1
            results.append(DocResult(art, evs))
        got = st.recode(results)
        assert got == {"documents": 2, "mentions": 4, "events": 2}
        after = {e["root"]: (e["cameo"], e["event_id"], e["num_articles"]) for e in st.events()}
        assert after == {"04": ("042", before["040"], 2), "19": ("195", before["195"], 2)}
        assert st.counts()["mentions"] == 4


def test_recode_ids_stay_unique_when_new_rules_split_an_old_event() -> None:
    from eventwire.dedup import LinkResult
    from eventwire.store.recode import keep_ids

    e1, e3 = event_id_for("m1"), event_id_for("m3")
    keys = {m: (m, 0, "b") for m in ("m1", "m2", "m3")}
    old = {keys["m1"]: e1, keys["m2"]: e1, keys["m3"]: e3}
    # the new rules put m2 with m3 (the bigger event keeps e1 or e3) and m1 alone: m1's
    # usual id is an old id another event may hold, so it must not be taken twice
    res = LinkResult(assign={"m2": event_id_for("m2"), "m3": event_id_for("m2"), "m1": e1})
    got = keep_ids(res, keys, old)
    assert len(set(got.values())) == 2
    assert got[event_id_for("m2")] in (e1, e3)


def test_a_later_batch_compares_a_report_with_each_stored_report() -> None:
    # two stories of one Armenian complaint about the shelling of Tovuz; a later story of
    # another complaint shares "frontier" with one and "artillery" with the other: the stored
    # event keeps each report's terms, so it is not joined, in one batch or in two
    said = {
        "a": "Armenia accused Azerbaijan of shelling Tovuz with mortars along the frontier.",
        "b": "Armenia accused Azerbaijan of shelling Tovuz, damaging artillery depots.",
        "c": "Armenia blamed Azerbaijan for artillery fire on the frontier as ceasefire talks stalled.",
        "d": "Armenia accused Azerbaijan of shelling Tovuz again overnight.",
    }  # fmt: skip

    def story(doc_id: str) -> DocResult:
        body = said[doc_id]
        art = Article(doc_id=doc_id, body=body, title=None, published="2020-05-04T18:00:00")
        ev = replace(_events(doc_id, WIRE)[0], sentence=body, span=(0, len(body)), cameo="112",
                     root="11", event_id=f"{doc_id}:0", date_text=None, location=None)  # fmt: skip
        ev.source = Actor("ARMGOV", "ARM", "GOV", "Armenia")
        ev.target = Actor("AZEGOV", "AZE", "GOV", "Azerbaijan")
        return DocResult(art, [ev])

    def events(batches: list[list[str]]) -> dict[str, str]:
        with Store(":memory:") as st:
            for batch in batches:
                st.write([story(d) for d in batch])
            return {m["doc_id"]: m["linked_event_id"] for m in st.mentions()}

    two = events([["a", "b"], ["c", "d"]])
    assert two["a"] == two["b"] == two["d"]  # positive control: three terms of one report
    assert two["c"] != two["a"]
    assert events([["a", "b", "c", "d"]]) == two
