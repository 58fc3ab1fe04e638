"""The notebook API: ``eventwire.extract``, ``code``, ``resolve_date`` and ``geoparse``."""

from __future__ import annotations

import importlib
from datetime import date

from conftest import CONTRACT_FIELDS

import eventwire
from eventwire import Article, Event, Place

PAGE = b"""<!DOCTYPE html>
<html lang="en"><head>
<title>Chile and Argentina sign border accord | Example News</title>
<meta property="og:title" content="Chile and Argentina sign border accord">
<meta property="article:published_time" content="2023-04-11T09:00:00Z">
</head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Chile and Argentina sign border accord</h1>
<p>SANTIAGO (AP) - The foreign ministers of Chile and Argentina signed an accord on Tuesday
settling the last disputed section of their border in Patagonia.</p>
<p>The agreement ends a dispute that has lasted more than a century, officials in both
capitals said after the ceremony in Santiago.</p>
<p>Argentina's foreign minister praised Chile for its patience during the long
negotiations.</p>
</article>
<footer>All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""


def test_extract_html():
    url = "https://example.org/world/chile-argentina-border"
    art = eventwire.extract(PAGE, url=url)
    assert isinstance(art, Article)
    assert art.title == "Chile and Argentina sign border accord"
    assert art.url == url
    assert "foreign ministers of Chile and Argentina signed an accord" in " ".join(art.body.split())
    assert "praised Chile for its patience" in art.body
    assert "All rights reserved" not in art.body
    assert "Subscribe" not in art.body
    assert "Sport" not in art.body
    assert (art.published or "").startswith("2023-04-11")
    # a second call gives the same article (the API must stay callable after first use)
    again = eventwire.extract(PAGE, url=url)
    assert (again.title, again.body) == (art.title, art.body)


def test_extract_stays_callable_after_subpackage_import():
    importlib.import_module("eventwire.extract")
    assert callable(eventwire.extract), type(eventwire.extract)
    art = eventwire.extract(PAGE, url="https://example.org/x")
    assert art.title == "Chile and Argentina sign border accord"


def test_code_text():
    text = "Egypt condemned Israel for the air strike on Gaza on Tuesday."
    evs = eventwire.code(text, date="2021-06-10")
    assert evs and all(isinstance(e, Event) for e in evs)
    dicts = [e.to_dict() for e in evs]
    for d in dicts:
        missing = [f for f in CONTRACT_FIELDS if f not in d]
        assert not missing, (missing, d)
        for f in ("code", "country", "sector", "text"):
            assert f in d["source"]
        assert d["date"], d
        start, end = d["span"]
        assert text[start:end].strip() == d["sentence"].strip()
    accuse = [d for d in dicts if d["source"]["code"] == "EGY" and d["root"] == "11"]
    assert accuse, dicts
    ev = accuse[0]
    assert ev["target"]["code"] == "ISR"
    assert ev["plover"] == "ACCUSE"
    assert ev["date"] == "2021-06-08"  # the Tuesday before Thursday 2021-06-10
    assert ev["modality"] == "asserted"


def test_code_article_takes_date():
    art = Article(doc_id="api-1", body="Japan and South Korea held talks in Tokyo on Monday.")
    evs = eventwire.code(art, date="2023-03-15")
    assert evs
    assert all(e.doc_id == "api-1" for e in evs)
    assert {e.date for e in evs} == {"2023-03-13"}


def test_resolve_date():
    assert eventwire.resolve_date("on Wednesday", "2014-03-20") == (date(2014, 3, 19), "day")


def test_geoparse_offsets():
    text = "Officials met in Kiev and Moscow on Monday to discuss the crisis."
    places = eventwire.geoparse(text)
    assert all(isinstance(p, Place) for p in places)
    by_text = {text[p.start : p.end]: p for p in places}
    for p in places:
        assert text[p.start : p.end] == p.text
    assert {"Kiev", "Moscow"} <= set(by_text), places
    assert by_text["Kiev"].country == "UKR"
    assert by_text["Moscow"].country == "RUS"
    assert by_text["Kiev"].start == text.index("Kiev")
    assert by_text["Moscow"].start == text.index("Moscow")
