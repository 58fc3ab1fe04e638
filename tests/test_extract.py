"""Extract: the acceptance page, boilerplate stripping, HTML, datelines, bylines, times."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventwire.extract.html as html_mod
from eventwire.extract import (
    ExtractError,
    extract,
    extract_document,
    load_patterns,
    parse_dateline,
    parse_published,
)
from eventwire.ingest import iter_inputs
from eventwire.model import RawDocument

REPO = Path(__file__).resolve().parents[1]
ACCEPTANCE = REPO.parent / "shared" / "acceptance"
EXAMPLES = REPO / "src" / "eventwire" / "examples"


def text_doc(content: str, **kw: str) -> RawDocument:
    return RawDocument(content=content, format="text", origin="test.txt", doc_id="t1", **kw)


# --- acceptance ---------------------------------------------------------------------------


def test_acceptance_reuters_page() -> None:
    page = ACCEPTANCE / "reuters-2014-03-20-crimea.txt"
    expected_file = ACCEPTANCE / "reuters-2014-03-20-crimea.expected.json"
    if not page.exists() or not expected_file.exists():
        pytest.skip(f"acceptance files not found in {ACCEPTANCE}")
    want = json.loads(expected_file.read_text(encoding="utf-8"))["article"]
    [raw] = list(iter_inputs([str(page)]))
    assert isinstance(raw, RawDocument)
    art = extract_document(raw)
    for key in ("title", "source", "published", "author", "dateline"):
        assert getattr(art, key) == want[key], key
    assert art.body.startswith(want["body_starts_with"])
    assert art.body.endswith(want["body_ends_with"])
    for junk in want["boilerplate_not_in_body"]:
        assert junk not in art.body
    assert "\n\n" in art.body and "\n\n\n" not in art.body


# --- crawler text of our own ---------------------------------------------------------------

CRAWLED = """×
<!-- site banner -->
Our journalism has moved to a new website

Subscribe for unlimited access

World | Africa

Nigeria and Niger reopen border after talks in Abuja

by AFP
Tuesday, 4 June 2024 08:15 GMT

By Chinedu Okafor

ABUJA, June 4 (AFP) - Nigeria and Niger agreed on Tuesday to reopen their land border, closed since a coup in Niamey last year, after talks between their foreign ministers in the Nigerian capital.

Advertisement

Nigeria's foreign minister said trade would resume at the main crossing within a week and that both countries would set up a joint security committee.

Share this article

Niger's foreign minister thanked Abuja and said his government wanted good relations with all its neighbours. (Reporting by Chinedu Okafor; Editing by Anna Weiss)

All rights reserved. This material may not be published.
Related coverage
NAIROBI, June 3 (AFP) - Another story that must not be used.
-->
"""


def test_crawled_text_boilerplate_and_metadata() -> None:
    art = extract_document(text_doc(CRAWLED))
    assert art.title == "Nigeria and Niger reopen border after talks in Abuja"
    assert art.source == "Agence France-Presse"
    assert art.published == "2024-06-04T08:15:00+00:00"
    assert art.author == "Chinedu Okafor"
    assert art.dateline == "ABUJA"
    paragraphs = art.body.split("\n\n")
    assert paragraphs[0].startswith("ABUJA, June 4 (AFP) - Nigeria and Niger agreed")
    assert paragraphs[-1].endswith("(Reporting by Chinedu Okafor; Editing by Anna Weiss)")
    assert len(paragraphs) == 3
    for junk in ("Advertisement", "Share this", "Subscribe", "has moved", "NAIROBI", "-->", "×"):
        assert junk not in art.body


NO_DATELINE = """Home
World
Europe
Germany summons Hungarian ambassador over veto of EU aid package
By Jane Doe | Staff Writer
Updated March 3, 2024 at 10:15 a.m. CET
Germany's foreign ministry summoned Hungary's ambassador on Sunday to protest against Budapest's veto of a European Union aid package for Ukraine, a ministry spokeswoman said in Berlin.
Read more: EU leaders meet in Brussels
The spokeswoman said the German foreign minister would raise the issue with her Hungarian counterpart next week.
Hungary's government said it would not bow to pressure.
Tags: Germany, Hungary, EU
Share this article
"""


def test_text_without_dateline_single_newlines() -> None:
    art = extract_document(text_doc(NO_DATELINE))
    assert art.title == "Germany summons Hungarian ambassador over veto of EU aid package"
    assert art.author == "Jane Doe"
    assert art.published == "2024-03-03T10:15:00+01:00"
    assert art.dateline is None and art.source is None
    first = (
        "Germany's foreign ministry summoned Hungary's ambassador on Sunday to protest against "
        "Budapest's veto of a European Union aid package for Ukraine, a ministry spokeswoman "
        "said in Berlin."
    )
    second = (
        "The spokeswoman said the German foreign minister would raise the issue with her "
        "Hungarian counterpart next week."
    )
    third = "Hungary's government said it would not bow to pressure."
    assert art.body.split("\n\n") == [first, second, third]


def test_no_byline_nav_lines_and_standfirst_dropped() -> None:
    page = (
        "Menu\nSearch\nNews | Africa | Politics\n"
        "Kenya and Somalia agree to reopen border crossing\n"
        "The decision follows months of talks.\n"
        "Kenya and Somalia agreed on Wednesday to reopen their main border crossing at Mandera, "
        "which has been closed for two years, the Kenyan interior ministry said.\n"
        "Traders on both sides welcomed the move.\n"
        "Most popular\nEthiopia and Eritrea trade accusations\n"
    )
    art = extract_document(text_doc(page))
    assert art.title == "Kenya and Somalia agree to reopen border crossing"
    assert art.body.startswith("Kenya and Somalia agreed on Wednesday")
    assert art.body.endswith("Traders on both sides welcomed the move.")


def test_hard_wrapped_paragraphs_and_headline_agency_suffix() -> None:
    page = (
        "Russia says prisoner exchange talks with Ukraine stalled - Reuters\n\n"
        "MOSCOW, June 4 (Reuters) - Russia's foreign ministry said on Tuesday that\n"
        "talks with Ukraine on a prisoner exchange had stalled and accused Kyiv of\n"
        "making new demands at the last minute.\n\n"
        "The ministry said Moscow remained ready to continue the talks in Istanbul.\n"
    )
    art = extract_document(text_doc(page))
    assert art.title == "Russia says prisoner exchange talks with Ukraine stalled"
    assert art.source == "Reuters"
    assert art.body.split("\n\n")[0].endswith(
        "accused Kyiv of making new demands at the last minute."
    )
    assert art.body.count("\n\n") == 1


def test_agency_signature_at_end() -> None:
    page = (
        "CAIRO (AP) — Egypt's president met Sudan's foreign minister in Cairo on Monday to "
        "discuss the war in Sudan and refugees crossing the border, the presidency said.\n\n"
        "The two sides agreed to set up a joint committee on refugees.\n\n— AP\n"
    )
    art = extract_document(text_doc(page))
    assert art.source == "Associated Press" and art.dateline == "CAIRO"
    assert art.body.endswith("committee on refugees.")


def test_dateline_only_at_story_start() -> None:
    page = (
        "Lawmakers in Ottawa debated on Tuesday a bill that would expand trade with Mexico and "
        "tighten rules on foreign investment, officials said.\n\n"
        "WASHINGTON WEIGHS IN — U.S. officials said they were watching the debate closely.\n\n"
        "A vote is expected next week.\n"
    )
    art = extract_document(text_doc(page))
    assert art.dateline is None
    assert art.body.startswith("Lawmakers in Ottawa debated")
    assert art.body.count("\n\n") == 2


def test_wire_copy_brackets_and_footnotes_survive() -> None:
    page = (
        "LONDON, March 9 - <Tractebel SA> and <ICGS.L> said on Monday they would merge, and "
        "<b>the</b> deal was approved.\n\n(C) - Sales made on own account.\n\nShr 72 cts vs 71 cts\n"
    )
    art = extract_document(text_doc(page, title="Tractebel merger"))
    lead = (
        "LONDON, March 9 - <Tractebel SA> and <ICGS.L> said on Monday they would merge, and "
        "the deal was approved."
    )
    assert art.body.split("\n\n") == [
        lead,
        "(C) - Sales made on own account.",
        "Shr 72 cts vs 71 cts",
    ]


def test_cjk_paragraphs_are_kept() -> None:
    page = (
        "日本と韓国の外相がソウルで会談\n\n"
        "日本の外相は金曜日、ソウルで韓国の外相と会談し、北朝鮮のミサイル開発について協議した。\n\n"
        "両外相は安全保障対話を拡大することで合意した。\n"
    )
    art = extract_document(text_doc(page))
    assert art.title == "日本と韓国の外相がソウルで会談"
    assert art.body.endswith("両外相は安全保障対話を拡大することで合意した。")
    assert art.body.count("\n\n") == 1


def test_container_metadata_wins() -> None:
    raw = text_doc(
        "BRASILIA, Aug 9 (Reuters) - Brazil recalled its ambassador to Venezuela on Friday.",
        title="Brazil recalls envoy",
        source="AFP",
        date="2024-08-09",
        url="https://example.org/x",
    )
    art = extract_document(raw)
    assert (art.title, art.source, art.published) == (
        "Brazil recalls envoy",
        "Agence France-Presse",
        "2024-08-09",
    )
    assert (art.doc_id, art.url, art.origin, art.format) == (
        "t1",
        "https://example.org/x",
        "test.txt",
        "text",
    )


@pytest.mark.parametrize(
    "content",
    ["", "   \n", "Subscribe\nAdvertisement\nRead more\n© 2024 Example News. All rights reserved."],
)
def test_no_body_raises(content: str) -> None:
    with pytest.raises(ExtractError, match="test.txt: no article body"):
        extract_document(text_doc(content))


# --- HTML ---------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Vietnam and Philippines agree hotline on South China Sea | Pacific Courier</title>
<meta property="og:site_name" content="Pacific Courier">
<meta name="author" content="Maria Santos">
<meta property="article:published_time" content="2024-08-30T09:30:00+07:00">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/asia">Asia</a> | <a href="/subscribe">Subscribe</a></nav></header>
<div class="ad">Advertisement</div>
<article>
<h1>Vietnam and Philippines agree hotline on South China Sea</h1>
<p class="byline">By Maria Santos</p>
<p>HANOI, Vietnam — Vietnam and the Philippines agreed on Friday to set up a hotline between their coast guards to prevent incidents in the South China Sea, the two governments said after talks between their defence ministers in Hanoi.</p>
<p>The ministers also agreed to hold joint search and rescue exercises next year and to share information on fishing boats in distress, according to a joint statement.</p>
<div class="ad">Advertisement</div>
<p>China's foreign ministry said the two countries should not take actions that complicate the situation at sea, and urged them to respect its claims.</p>
</article>
<aside><h3>Most read</h3><ul><li>Story one about Laos</li><li>Story two about Cambodia</li></ul></aside>
<footer><p>&copy; 2024 Pacific Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def test_html_page_with_trafilatura() -> None:
    art = extract_document(
        RawDocument(
            content=PAGE, format="html", origin="page.html", doc_id="h1", url="https://pc.example/a"
        )
    )
    assert art.title == "Vietnam and Philippines agree hotline on South China Sea"
    assert art.source == "Pacific Courier"
    assert art.author == "Maria Santos"
    assert art.published == "2024-08-30T09:30:00+07:00"
    assert art.dateline == "HANOI"
    assert art.body.startswith("HANOI, Vietnam — Vietnam and the Philippines agreed on Friday")
    assert art.body.endswith("urged them to respect its claims.")
    assert art.body.count("\n\n") == 2
    for junk in ("Advertisement", "Most read", "Privacy", "Subscribe", "Home", "Laos"):
        assert junk not in art.body


def test_html_lxml_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_mod.trafilatura, "bare_extraction", lambda *a, **k: None)
    art = extract_document(RawDocument(content=PAGE, format="html", origin="page.html"))
    assert art.title == "Vietnam and Philippines agree hotline on South China Sea"
    assert art.dateline == "HANOI"
    assert "Advertisement" not in art.body and "Privacy" not in art.body
    assert art.body.endswith("urged them to respect its claims.")


def test_empty_html_raises() -> None:
    with pytest.raises(ExtractError, match="no article body"):
        extract_document(
            RawDocument(content="<html><body></body></html>", format="html", origin="e.html")
        )


def test_extract_sniffs_bytes_and_html() -> None:
    art = extract(PAGE.encode("utf-8"), url="https://pc.example/a")
    assert art.format == "html" and art.url == "https://pc.example/a" and art.dateline == "HANOI"
    latin = (
        "LIMA (Reuters) - Peru’s president met Chile’s foreign minister in Lima on Monday.".encode(
            "cp1252"
        )
    )
    art = extract(latin, doc_id="x1")
    assert art.format == "text" and art.doc_id == "x1" and "Peru’s" in art.body
    assert art.source == "Reuters"


# --- datelines, bylines, times ------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "place", "date"),
    [
        ("UNITED NATIONS, March 20 (Reuters) - Officials met.", "UNITED NATIONS", "March 20"),
        ("MOSCOW (AP) — Russia said on Monday.", "MOSCOW", None),
        ("KIEV, Ukraine, March 3 (Reuters) - Troops moved.", "KIEV", "March 3"),
        ("Paris (AFP) - France said.", "Paris", None),
        ("SEOUL, March 14 (Yonhap) -- South Korea said.", "SEOUL", "March 14"),
        ("WASHINGTON — The Senate voted on Tuesday.", "WASHINGTON", None),
        ("NEW DELHI: India summoned the envoy.", "NEW DELHI", None),
        ("BEIJING, 5 March 2024 (Xinhua) - China said.", "BEIJING", "5 March 2024"),
        ("RIO DE JANEIRO, Brazil (AP) — Police said.", "RIO DE JANEIRO", None),
        ("The minister said - without giving details - that talks failed.", None, None),
        ("Russia and Ukraine held talks on Monday.", None, None),
        ("March 20 (Reuters) - no place here.", None, None),
        ("U.S.-Russia talks - a summary.", None, None),
        ("ATLANTA , March 3 - Officials said.", "ATLANTA", "March 3"),
        ("RELATED: Ministers meet in Rome", None, None),
        ("UPDATE — Talks resumed on Monday.", None, None),
        ("Snapchat (username and followers): WhiteHouse", None, None),
    ],
)
def test_parse_dateline(body: str, place: str | None, date: str | None) -> None:
    assert parse_dateline(body) == (place, date)


@pytest.mark.parametrize(
    ("byline", "author", "source"),
    [
        ("By Daniel Okoro", "Daniel Okoro", None),
        ("by Reuters", None, "Reuters"),
        ("By JOHN SMITH, Associated Press", "John Smith", "Associated Press"),
        ("By Jane Doe and Ahmed Karimi", "Jane Doe; Ahmed Karimi", None),  # people, "; "-joined
        ("By Ana de la Cruz, Staff Writer", "Ana de la Cruz", None),
        ("Written by Lena Fischer | dpa", "Lena Fischer", "Deutsche Presse-Agentur"),
        ("Reuters Staff", None, "Reuters"),
        ("From AFP", None, "Agence France-Presse"),
    ],
)
def test_bylines(byline: str, author: str | None, source: str | None) -> None:
    page = (
        "Ministers meet in Oslo to discuss Arctic security\n\n"
        f"{byline}\n\n"
        "Foreign ministers from Norway and Finland met in Oslo on Monday to discuss security in "
        "the Arctic and agreed to hold regular talks, officials said.\n"
    )
    art = extract_document(text_doc(page))
    assert (art.author, art.source) == (author, source)
    assert art.title == "Ministers meet in Oslo to discuss Arctic security"
    assert art.body.startswith("Foreign ministers from Norway")


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    page = (
        "By Thursday, troops from both sides had pulled back from the border, the ministry said.\n"
    )
    art = extract_document(text_doc(page))
    assert art.author is None and art.body.startswith("By Thursday")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Thursday, 20 March 2014 17:50 GMT", "2014-03-20T17:50:00+00:00"),
        ("March 20, 2014 5:50 PM ET", "2014-03-20T17:50:00-04:00"),
        ("Jan 20, 2014 5:50 PM ET", "2014-01-20T17:50:00-05:00"),
        ("Mar 20, 2014 | 1:50pm EDT", "2014-03-20T13:50:00-04:00"),
        ("20 March 2014, 17:50 UTC", "2014-03-20T17:50:00+00:00"),
        ("Published: March 20, 2014 at 5:50 p.m. EST", "2014-03-20T17:50:00-05:00"),
        ("Updated 5:50 PM GMT, Thu March 20, 2014", "2014-03-20T17:50:00+00:00"),
        ("2014-03-20T17:50:00Z", "2014-03-20T17:50:00+00:00"),
        ("2014-03-20 17:50 +0300", "2014-03-20T17:50:00+03:00"),
        ("20 March 2014 - 17:50 GMT+3", "2014-03-20T17:50:00+03:00"),
        ("March 20, 2014 10:00 MSK", "2014-03-20T10:00:00+04:00"),  # Moscow was UTC+4 then
        ("Sept. 9, 2019", "2019-09-09"),
        ("20.03.2014 17:50", "2014-03-20T17:50:00"),  # dateparser fallback
        ("Russian and Ukrainian officials in contact", None),
        ("Top 10 stories", None),
    ],
)
def test_parse_published(line: str, iso: str | None) -> None:
    assert parse_published(line, label_re=load_patterns().date_label_re) == iso


# --- patterns file ------------------------------------------------------------------------


def test_user_patterns_extend_builtin(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        "[[agency]]\nname = 'Balkan Wire'\naliases = ['BW']\n"
        "[lines]\nnoise = ['^support our journalism']\n"
    )
    pats = load_patterns(extra, use_env=False)
    assert pats.agency_name("bw") == "Balkan Wire" and pats.agency_name("AP") == "Associated Press"
    page = (
        "SKOPJE (BW) - North Macedonia and Bulgaria resumed talks on Monday on a dispute over "
        "language and history, the foreign ministry said.\n\nSupport our journalism today\n\n"
        "Diplomats said a deal was not expected soon.\n"
    )
    art = extract_document(text_doc(page), patterns=pats)
    assert art.source == "Balkan Wire"
    assert "Support our" not in art.body


def test_patterns_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "env.toml"
    extra.write_text("[[agency]]\nname = 'Caucasus Wire'\naliases = ['CW']\n")
    monkeypatch.setenv("EVENTWIRE_EXTRACT_PATTERNS", str(extra))
    assert load_patterns().agency_name("CW") == "Caucasus Wire"
    assert load_patterns(use_env=False).agency_name("CW") is None


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[lines]\nnoise = ['(unclosed']\n", "lines.noise\\[0\\]: bad regex"),
        ("colour = 1\n", "unknown keys"),
        ("[[agency]]\naliases = ['X']\n", "agency\\[0\\] needs a string 'name'"),
        ("byline_labels = 'by'\n", "byline_labels: must be a list"),
        ("version = 2\n", "unsupported version"),
        ("not toml at all [\n", "invalid TOML"),
    ],
)
def test_bad_patterns_file(tmp_path: Path, toml: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(toml)
    with pytest.raises(ValueError, match=f"bad.toml.*{message}"):
        load_patterns(bad, use_env=False)


# --- bundled examples ---------------------------------------------------------------------


def test_examples_ingest_and_extract() -> None:
    found = list(iter_inputs([str(EXAMPLES)]))
    raws = [x for x in found if isinstance(x, RawDocument)]
    assert len(raws) == len(found) == 7
    arts = {Path(r.origin).name: extract_document(r) for r in raws}
    assert {a.format for a in arts.values()} == {"text", "html"}
    txt = arts["poland-belarus-sanctions.txt"]
    assert (txt.author, txt.source, txt.dateline) == (
        "Marek Kowalczyk",
        "Associated Press",
        "WARSAW",
    )
    assert txt.published == "2025-03-05T15:12:00-05:00"
    assert "Copyright" not in txt.body and "cookie" not in txt.body
    html = arts["japan-south-korea-talks.html"]
    assert html.title == "Japan, South Korea foreign ministers agree to expand security dialogue"
    assert (html.source, html.dateline) == ("Yonhap", "SEOUL")
    assert html.published == "2025-03-14T17:05:00+09:00"
    assert "(END)" not in html.body and "newsletter" not in html.body
    india = arts["india-bangladesh-border-clash.txt"]
    assert india.author == "Priya Raman; Karim Hossain"
    assert india.published == "2024-09-12T09:40:00+05:30"
    assert india.body.endswith(
        "(Reporting by Priya Raman in Agartala and Karim Hossain in Dhaka; "
        "Editing by Louise Martin)"
    )
    assert "Related stories" not in india.body and "Read more" not in india.body
    for art in arts.values():
        assert art.title and art.source and art.published and art.dateline
        assert "Advertisement" not in art.body and "All rights reserved" not in art.body
