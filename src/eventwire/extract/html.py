"""Main text and metadata of an HTML page: trafilatura, with a plain lxml fallback."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import set_date_params

log = logging.getLogger(__name__)

_DROP = (
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "svg", "button", "select", "template",
)  # fmt: skip
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre")
_META_DATES = {
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.issued", "parsely-pub-date", "sailthru.date",
}  # fmt: skip
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_META_TAG = re.compile(r"<meta\s[^>]*>", re.IGNORECASE)
_TIME_TAG = re.compile(r"<time\s[^>]*\bdatetime\s*=[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")


@dataclass
class PageText:
    """Text of a page (paragraphs one a line) and the metadata found in its markup."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None  # as trafilatura found it (often a day only)
    published: str | None = None  # a timestamp from the page's meta tags, if any
    sitename: str | None = None


def _trafilatura(html: str, url: str | None) -> PageText | None:
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
            # htmldate's extensive search runs dateparser over every locale: seconds a page.
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura can fail on pathological markup
        log.debug("trafilatura failed: %s", exc)
        return None
    if doc is None:
        return None
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return PageText(
        text=get("text") or "",
        title=get("title"),
        author=get("author"),
        date=get("date"),
        sitename=get("sitename"),
    )


def _lxml(html: str) -> PageText:
    """Simple fallback: block-level text outside navigation, headers, footers and scripts."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return PageText(text="")
    metas = {
        (m.get("property") or m.get("name") or "").lower(): m.get("content")
        for m in root.iter("meta")
        if m.get("content")
    }
    title = metas.get("og:title") or (root.findtext(".//title") or "").strip() or None
    author = metas.get("author")
    for el in list(root.iter(*_DROP)):
        if el.getparent() is not None:
            el.drop_tree()
    parts = [" ".join(el.text_content().split()) for el in root.iter(*_BLOCKS)]
    text = "\n".join(p for p in parts if p)
    if not text:
        text = "\n".join(" ".join(t.split()) for t in root.text_content().splitlines())
    return PageText(text=text, title=title, author=author, sitename=metas.get("og:site_name"))


def _attrs(tag: str) -> dict[str, str]:
    return {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag)}


def meta_published(html: str) -> str | None:
    """Publication timestamp declared in JSON-LD, meta tags or the first <time datetime>."""
    m = _JSONLD_DATE.search(html)
    if m:
        return m.group(1)
    for tag in _META_TAG.findall(html):
        attrs = _attrs(tag)
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _META_DATES and attrs.get("content"):
            return attrs["content"]
    m = _TIME_TAG.search(html)
    return _attrs(m.group(0)).get("datetime") if m else None


# characters of HTML given to trafilatura (its time grows faster than the page: 10 s for 1 MB
# of paragraphs, 45 s for 2 MB); larger pages (without their scripts) go to the lxml fallback
TRAFILATURA_MAX = 1_000_000
_SCRIPT_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)


def _drop_scripts(html: str) -> str:
    """``html`` without its script and style elements, in one pass (an unclosed one is kept)."""
    low, parts, pos = html.lower(), [], 0
    while m := _SCRIPT_OPEN.search(html, pos):
        end = low.find(f"</{m.group(1).lower()}", m.end())
        if end < 0:
            break
        parts.append(html[pos : m.start()])
        close = html.find(">", end)
        pos = close + 1 if close >= 0 else len(html)
    parts.append(html[pos:])
    return " ".join(parts)


MAX_DEPTH = 200  # libxml2 stops parsing (and trafilatura loses the text) past 255 levels
_HUGE = lxml.html.HTMLParser(huge_tree=True, remove_comments=True)


_WRAPPERS = re.compile(
    r"</?(?:div|span|section|article|main|font|center|table|tbody|thead|tr|td|th|b|i|em|"
    r"strong|u|small|big)\b[^>]*>",
    re.IGNORECASE,
)


def _nesting(html: str) -> int:
    """Deepest nesting of wrapper elements (div, span, table cells, ...), from the tags."""
    depth = deepest = 0
    for m in _WRAPPERS.finditer(html):
        if m.group(0)[1] == "/":
            depth = max(0, depth - 1)
        elif not m.group(0).endswith("/>"):
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def flatten_deep(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` unchanged, or, when its elements nest deeper than ``limit`` levels, the page
    with each element at depth ``limit`` reduced to its text (one paragraph), so that parsers
    with a depth limit keep the content instead of silently dropping it."""
    if html.count("<") < limit:
        return html
    if _nesting(html) > limit:  # libxml2 stops near 2,048 levels even with huge_tree
        html = _WRAPPERS.sub(" ", html)
    try:
        root = lxml.html.document_fromstring(html, parser=_HUGE)
    except (etree.ParserError, ValueError):
        return html
    depth: dict[etree._Element, int] = {root: 0}
    deep = []
    for el in root.iterdescendants():
        parent = el.getparent()
        d = depth.get(parent, 0) + 1
        depth[el] = d
        if d == limit:
            deep.append(el)
    if not deep:
        return html
    log.warning("HTML nested deeper than %d levels: flattened below that depth", limit)
    for el in deep:
        text = " ".join(" ".join(el.itertext()).split())
        tail = el.tail
        for child in list(el):
            el.remove(child)
        el.tag = "p"
        el.attrib.clear()
        el.text, el.tail = text, tail
    return lxml.html.tostring(root, encoding="unicode")


def page_text(html: str, url: str | None = None) -> PageText:
    """Extract the main text of ``html``; trafilatura first, lxml if it finds nothing."""
    html = flatten_deep(html)
    if len(html) > TRAFILATURA_MAX:
        html = _drop_scripts(html)  # inline scripts and styles make most of a heavy page
    if len(html) > TRAFILATURA_MAX:
        log.warning(
            "page is %d characters (over %d): block text taken with lxml, not trafilatura",
            len(html), TRAFILATURA_MAX,
        )  # fmt: skip
        found = None  # trafilatura takes minutes and gigabytes on such pages
    else:
        found = _trafilatura(html, url)
    if found is None or not found.text.strip():
        fallback = _lxml(html)
        if found is not None:  # keep trafilatura's metadata even when its text is empty
            fallback.title = found.title or fallback.title
            fallback.author = found.author or fallback.author
            fallback.sitename = found.sitename or fallback.sitename
            fallback.date = found.date
        found = fallback
    found.published = meta_published(html)
    return found
