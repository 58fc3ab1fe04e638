"""Page metadata: URL from canonical/og:url, outlet and domain, wire agency, author and title
furniture. Pages are small ones of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.extract import extract_document
from eventwire.extract.meta import choose_outlet, clean_author, clean_site_name, head_meta
from eventwire.extract.outlets import OutletDataError, default_outlets, host_of, load_outlets
from eventwire.model import RawDocument

STORY = (
    "<p>The foreign ministers of Chile and Peru met in Lima on Tuesday and agreed to reopen "
    "talks on their maritime border, officials from both governments said after the meeting.</p>"
    "<p>The two countries broke off the talks last year after a dispute over fishing rights in "
    "waters both claim, and trade between them has fallen since then.</p>"
    "<p>Both ministers said they hoped to sign an agreement before the end of the year.</p>"
)


def page(head: str, body: str = STORY) -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def art(html: str, url: str | None = None, **kw: str):
    raw = RawDocument(content=html, format="html", origin="p.html", doc_id="p1", url=url, **kw)
    return extract_document(raw)


T = default_outlets()


# ----------------------------------------------------------------------------- URL


def test_canonical_url_wins_over_og_url() -> None:
    h = head_meta(
        page(
            '<link rel="canonical" href="https://www.example-news.com/world/talks-1">'
            '<meta property="og:url" content="https://exm.pl/short">'
        )
    )
    assert h.url == "https://www.example-news.com/world/talks-1"
    assert h.other_urls == ["https://exm.pl/short"]


def test_relative_and_protocol_relative_urls_are_resolved() -> None:
    rel = page(
        '<link rel="canonical" href="/world/talks-2"><meta name="og:url" '
        'value="https://daily.example.org/world/talks-2?ref=x">'  # saved pages write value=
    )
    assert head_meta(rel).url == "https://daily.example.org/world/talks-2"
    assert head_meta(page('<link href="//blog.example.net/p/9" rel="canonical">')).url == (
        "https://blog.example.net/p/9"
    )
    base = page('<base href="https://paper.example.com/"><link rel="canonical" href="a/b.html">')
    assert head_meta(base).url == "https://paper.example.com/a/b.html"
    assert head_meta(page('<link rel="canonical" href="/only/a/path">')).url is None


def test_a_root_canonical_loses_to_an_article_og_url() -> None:
    h = head_meta(
        page(
            '<link rel="canonical" href="https://city.example.com/">'
            '<meta property="og:url" content="https://city.example.com/news/shelters">'
        )
    )
    assert h.url == "https://city.example.com/news/shelters"


def test_container_url_wins_and_page_url_fills_in() -> None:
    html = page('<link rel="canonical" href="https://www.theguardian.com/world/2020/x">')
    assert art(html, url="https://mirror.example.org/copy").url == "https://mirror.example.org/copy"
    assert art(html).url == "https://www.theguardian.com/world/2020/x"


# ----------------------------------------------------------------------------- outlet


def test_hosts_and_registered_domains() -> None:
    assert host_of("https://www.bbc.co.uk/news/x") == "bbc.co.uk"
    assert host_of("https://m.edition.cnn.com/x") == "edition.cnn.com"
    assert host_of("not a url") is None and host_of("/relative") is None
    assert T.registered_domain("sport.example.co.uk") == "example.co.uk"
    assert T.registered_domain("a.b.example.com") == "example.com"
    assert T.lookup("us.cnn.com") == ("cnn.com", "CNN")  # the longest listed suffix
    assert T.lookup("money.cnn.com") == ("money.cnn.com", "CNN Business")
    assert T.lookup("abcnews.go.com") == ("abcnews.go.com", "ABC News")
    assert T.lookup("unknown.example") is None


def test_the_domain_table_beats_a_section_site_name() -> None:
    html = page(
        '<link rel="canonical" href="https://www.reuters.com/article/idX">'
        '<meta property="og:site_name" content="U.S.">'
    )
    a = art(html)
    assert (a.outlet, a.outlet_domain, a.agency, a.source) == (
        "Reuters",
        "reuters.com",
        "Reuters",
        "Reuters",
    )


def test_site_name_of_another_listed_outlet_means_a_syndicated_copy() -> None:
    g = choose_outlet("http://time.com/123/gadgets/", ["Fortune"], T)
    assert (g.outlet, g.domain, g.origin) == ("Fortune", "fortune.com", "Time")


def test_og_url_of_another_outlet_names_where_the_copy_came_from() -> None:
    html = page(
        '<link rel="canonical" href="https://www.yahoo.com/news/m/abc">'
        '<meta property="og:url" content="http://nation.foxnews.com/2016/10/03/story">'
        '<meta name="application-name" content="Yahoo News - Latest News &amp; Headlines">'
    )
    a = art(html)
    assert (a.outlet, a.agency) == ("Yahoo News", "Fox News")


def test_unlisted_domain_takes_the_cleaned_site_name() -> None:
    html = page(
        '<link rel="canonical" href="https://www.valleyherald.example/news/1">'
        '<meta property="og:site_name" content="Valley Herald - Celebrating 30 Years of News">'
    )
    a = art(html)
    assert (a.outlet, a.outlet_domain) == ("Valley Herald", "valleyherald.example")
    assert clean_site_name("BOOK☆WALKER | e-books", T, host="bookwalker.example") == "BOOK☆WALKER"
    assert clean_site_name("e-books | BOOK☆WALKER", T, host="bookwalker.example") == "BOOK☆WALKER"
    assert clean_site_name("NPR.org", T) == "NPR"
    assert clean_site_name("Magazine", T) is None
    assert clean_site_name("The headline itself", T, title="The headline itself") is None


def test_without_metadata_the_title_suffix_then_the_copyright_holder() -> None:
    a = art(
        "<html><head><title>Ministers meet in Lima – Coast Weekly</title></head>"
        f"<body><article>{STORY}</article></body></html>"
    )
    assert a.outlet == "Coast Weekly"
    b = art(
        "<html><head><title>Ministers meet in Lima</title></head>"
        f"<body><article>{STORY}</article><footer>© ACME PRESS CO.,LTD.</footer></body></html>"
    )
    assert b.outlet == "ACME PRESS"


def test_wire_story_on_an_outlet_keeps_both() -> None:
    body = STORY.replace("<p>The foreign", "<p>LIMA, June 3 (Reuters) - The foreign", 1)
    html = page(
        '<link rel="canonical" href="https://www.theguardian.com/world/2020/jun/03/x">', body
    )
    a = art(html)
    assert (a.outlet, a.outlet_domain, a.agency, a.source) == (
        "The Guardian",
        "theguardian.com",
        "Reuters",
        "Reuters",
    )


def test_jsonl_source_names_the_outlet() -> None:
    raw = RawDocument(
        content="Chile and Peru agreed on Tuesday to reopen talks on their maritime border.",
        format="text",
        origin="d.jsonl:1",
        doc_id="j1",
        title="Chile, Peru reopen talks",
        source="Coast Weekly",
    )
    a = extract_document(raw)
    assert (a.outlet, a.agency, a.source) == ("Coast Weekly", None, "Coast Weekly")
    raw.source = "AP"
    a = extract_document(raw)
    assert (a.outlet, a.agency, a.source) == (
        "Associated Press",
        "Associated Press",
        "Associated Press",
    )


# ----------------------------------------------------------------------------- author, title


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("By Jane Roe; MARK SMITH; ANNA LEE December", "Jane Roe; Mark Smith; Anna Lee"),
        ("Tom Poe Updated Mar 3, 2021", "Tom Poe"),
        ("Lena Park Link Copied", "Lena Park"),
        ("Sam Doe Senior Politics Editor; The Daily Example", "Sam Doe; The Daily Example"),
        ("Ravi Rao Staff Writer", "Ravi Rao"),
        ("Ana Cruz · CBC News", "Ana Cruz"),
        ("Joe Kim Washington Post", "Joe Kim"),
        ("Meg Hart NEW YORK DAILY NEWS", "Meg Hart"),
        ("THE NEW YORK TIMES", None),
        ("Condé Nast", None),
        ("Dec", None),
        ("Mike Lo; Mlo Com", "Mike Lo"),
        ("Confreaks Confreaks", "Confreaks"),
        ("Theresa May", "Theresa May"),
        ("April Glaser", "April Glaser"),
    ],
)
def test_author_furniture_is_removed(value: str, want: str | None) -> None:
    assert clean_author(value, T, {"cbc news"}) == want


def test_furniture_title_gives_way_to_og_title() -> None:
    html = page(
        '<meta property="og:title" content="Chile and Peru reopen border talks">'
        "<title>EXAMPLE Example Logo</title>"
    )
    assert art(html).title == "Chile and Peru reopen border talks"


# ----------------------------------------------------------------------------- data files


def test_user_outlets_and_bad_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("domain\toutlet\ncoast.example\tCoast Weekly\n", encoding="utf-8")
    assert load_outlets(mine).lookup("www.coast.example".removeprefix("www.")) == (
        "coast.example",
        "Coast Weekly",
    )
    monkeypatch.setenv("EVENTWIRE_OUTLETS", str(mine))
    assert load_outlets().lookup("coast.example")[1] == "Coast Weekly"
    bad = tmp_path / "bad.tsv"
    bad.write_text("domain\toutlet\nnot a domain\tX\n", encoding="utf-8")
    with pytest.raises(OutletDataError, match=r"bad.tsv:2: 'not a domain' is not a domain"):
        load_outlets(bad, use_env=False)
    bad.write_text("host\tname\n", encoding="utf-8")
    with pytest.raises(OutletDataError, match=r"bad.tsv:1: header"):
        load_outlets(bad, use_env=False)
