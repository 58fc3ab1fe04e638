"""Page metadata beyond the text: the article's URL, its outlet (and the outlet it was copied
from), and title and author freed of site furniture.

- **URL**: ``<link rel="canonical">``, else ``og:url``, ``twitter:url``, ``al:web:url``;
  relative ones are resolved against ``<base href>``, the container's URL or another absolute
  candidate; a candidate that is only the site root loses to one with a path.
- **Outlet**: the domain table (``outlets.tsv``) for the URL's host; but when the page's own
  site name (``og:site_name``, JSON-LD publisher, ``application-name``, ...) is another listed
  outlet, the page is that outlet's copy and the URL's outlet is where it came from (Fortune
  reprinting Time, Yahoo News carrying Fox News). Unlisted domains take the cleaned site name
  (not a section name like "U.S.", not the page title), else the registered domain.
- **Author**: split on ";", "By" dropped, cut at furniture ("Updated", "Link Copied", dates,
  job titles, "· CBC News"), outlet and agency names and placeholders dropped, ALL-CAPS names
  title-cased, repeats removed.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .outlets import OutletTable, host_of, name_key

_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_BASE = re.compile(r"<base\b[^>]*>", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_LD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_URL_KEYS = ("og:url", "twitter:url", "al:web:url")
_SITE_KEYS = (
    "og:site_name", "application-name", "dc.publisher", "publisher", "copyright", "twitter:site",
)  # fmt: skip
_COPYRIGHT = re.compile(
    r"(?:©|&copy;|&#xa9;|&#169;)\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{0,4})?)?[,\s]*"
    r"([^<>|©\n]{2,60}?)(?:\.?\s*all rights reserved|[<\n]|$)",
    re.IGNORECASE,
)
_TITLE_TAIL = re.compile(r"\s(?:[-–—|:]|::)\s|\s?[：｜－]\s?")


@dataclass
class HeadMeta:
    """What a page's head says about it."""

    url: str | None = None
    other_urls: list[str] = field(default_factory=list)  # og:url etc. when not the URL
    site_names: list[str] = field(default_factory=list)
    late_names: list[str] = field(default_factory=list)  # a short <title> suffix
    copyright: str | None = None  # the holder named in a "©" line, a last resort
    og_title: str | None = None
    html_title: str | None = None
    author: str | None = None


def _attrs(tag: str) -> dict[str, str]:
    return {k.lower(): html.unescape(v.strip("\"'")) for k, v in _ATTR.findall(tag)}


def _absolute(url: str, bases: list[str]) -> str | None:
    url = url.strip()
    if not url or url.startswith(("javascript:", "data:", "#")):
        return None
    if url.startswith("//"):
        url = "https:" + url
    if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname:
        return url
    for base in bases:
        if base and urlsplit(base).hostname:
            return urljoin(base, url)
    return None


def _ld_publishers(text: str) -> list[str]:
    out: list[str] = []

    def walk(obj: object) -> None:
        if isinstance(obj, dict):
            pub = obj.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                out.append(pub["name"])
            for v in obj.values():
                if isinstance(v, (dict, list)):
                    walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    for block in _LD.findall(text)[:5]:
        try:
            walk(json.loads(block))
        except (ValueError, RecursionError):
            continue
    return out


def head_meta(page: str, base_url: str | None = None) -> HeadMeta:
    """URL and site-name candidates, og:title, <title> and meta author of an HTML page.

    Saved pages sometimes carry ``value=`` where the live page had ``content=``: both count."""
    metas: dict[str, str] = {}
    for tag in _META.findall(page):
        a = _attrs(tag)
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        value = a.get("content") or a.get("value")
        if key and value and key not in metas:
            metas[key] = " ".join(value.split())
    canonical = None
    for tag in _LINK.findall(page):
        a = _attrs(tag)
        if "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            canonical = a["href"]
            break
    base = next((_attrs(t).get("href") for t in _BASE.findall(page)), None)
    raw = [canonical] + [metas.get(k) for k in _URL_KEYS]
    absolute_hints = [u for u in raw if u and urlsplit(u.strip()).hostname]
    bases = [b for b in (base, base_url, *absolute_hints) if b]
    urls = [u for u in (_absolute(r, bases) for r in raw if r) if u]
    deep = [u for u in urls if urlsplit(u).path.strip("/")]
    url = (deep or urls or [None])[0]
    title = _TITLE.search(page)
    html_title = " ".join(html.unescape(title.group(1)).split()) if title else None
    late = []
    if html_title and len(parts := _TITLE_TAIL.split(html_title)) > 1:
        label = _label(host_of(url))
        named = [p for p in parts if label and _alnum(p).startswith(label[:4])]
        if named:
            late.append(named[0])  # the part that spells the domain: "JVN iPedia"
        elif len(parts[-1]) <= 30:
            late.append(parts[-1])
    holder = _COPYRIGHT.search(page)
    return HeadMeta(
        url=url,
        other_urls=[u for u in urls if u != url],
        site_names=[metas[k] for k in _SITE_KEYS[:1] if metas.get(k)]
        + _ld_publishers(page)
        + [metas[k] for k in _SITE_KEYS[1:] if metas.get(k) and not metas[k].startswith("@")],
        late_names=late,
        copyright=html.unescape(holder.group(1)) if holder else None,
        og_title=metas.get("og:title") or metas.get("twitter:title"),
        html_title=html_title,
        author=metas.get("author"),
    )


def _alnum(s: str) -> str:
    return re.sub(r"[\W_]+", "", s.lower())


def _label(host: str | None) -> str:
    """The name part of a host: ``www.bookwalker.jp`` -> ``bookwalker``."""
    if not host:
        return ""
    labels = [x for x in host.split(".") if x not in ("www", "news", "com", "co", "org", "net")]
    return _alnum(max(labels[:-1] or labels, key=len)) if labels else ""


def clean_site_name(
    name: str | None, table: OutletTable, title: str | None = None, host: str | None = None
) -> str | None:
    """A site name fit to be an outlet: the part that spells the domain, else the part before a
    tagline; not a section name or the page title."""
    if not name:
        return None
    s = " ".join(html.unescape(name).split())
    s = re.sub(r"^(copyright\s*)?(©|\(c\))?\s*(\d{4}\s+)?", "", s, flags=re.IGNORECASE)
    parts = [
        p.strip()
        for p in re.split(r"\s+(?:[-–—|:·]|::)\s+|\s?[｜－]\s?|\.\s+all rights reserved", s)
        if p.strip()
    ]
    label = _label(host)
    s = next(
        (p for p in parts if label and _alnum(p).startswith(label[:6])), parts[0] if parts else ""
    )
    s = re.sub(
        r"[\s,]+(internet ventures|holdings|partners|inc|llc|ltd|co\.?,?\s*ltd|corporation|corp)\.?$",
        "",
        s,
        flags=re.IGNORECASE,
    )
    s = re.sub(r"^([\w-]+)\.(com|org|net)$", r"\1", s, flags=re.IGNORECASE)  # "NPR.org"
    if not s or s.lower() in table.not_outlets or len(s.split()) > 5:
        return None
    if title and name_key(s) == name_key(title):
        return None
    return s


@dataclass
class OutletGuess:
    outlet: str | None = None
    domain: str | None = None
    origin: str | None = None  # the outlet the page copied the story from, if not its own
    rule: str = ""


def choose_outlet(
    url: str | None, site_names: list[str], table: OutletTable, title: str | None = None
) -> OutletGuess:
    """Outlet and domain of a page (see the module docstring for the order)."""
    host = host_of(url)
    listed = table.lookup(host)
    names = [n for n in (clean_site_name(s, table, title, host) for s in site_names) if n]
    for n in names:
        hit = table.named(n)
        if hit and (listed is None or hit[0] != listed[0]):
            return OutletGuess(hit[1], hit[0], listed[1] if listed else None, "site-name-listed")
    if listed:
        return OutletGuess(listed[1], listed[0], None, "domain-table")
    reg = table.registered_domain(host)
    if names:
        return OutletGuess(names[0], reg, None, "site-name")
    return OutletGuess(reg, reg, None, "domain" if reg else "")


_BY = re.compile(r"^\s*(?:(?:written|words|story|reported|posted)\s+)?by[:\s]+", re.IGNORECASE)


def _title_case(s: str) -> str:
    if s.isupper() and any(c.isalpha() for c in s):
        return " ".join(w.capitalize() if len(w) > 1 else w for w in s.lower().split()).title()
    return s


def clean_author(
    value: str | None, table: OutletTable, not_names: set[str] = frozenset()
) -> str | None:
    """People named in an author field, "; "-separated; None when none is left.

    ``not_names`` are lower-cased names that are the outlet or an agency, never an author."""
    if not value:
        return None
    people: list[str] = []
    for part in re.split(r";|\s+and\s+|\s*&\s*", html.unescape(value)):
        s = _BY.sub("", " ".join(part.split()))
        cut = min((m.start() for p in table.author_furniture if (m := p.search(s))), default=None)
        if cut is not None:
            s = s[:cut]
        s = s.strip(" ,·•|-–—@《》「」【】")
        # "Meg Wagner NEW YORK DAILY NEWS", "John Patrick Pullen, TIME": a trailing outlet
        words = s.replace(",", " ").split()
        while len(words) > 1 and (
            words[-1].isupper() and any(w[:1].isupper() and not w.isupper() for w in words)
        ):
            words.pop()
        if table.named(" ".join(words)):
            continue  # the outlet itself ("THE NEW YORK TIMES")
        for k in (3, 2, 1):  # "Joe Davidson Washington Post": the outlet it came from
            if len(words) - k >= 2 and table.named(" ".join(words[-k:])):
                del words[-k:]
                break
        half = len(words) // 2
        if half and len(words) % 2 == 0 and words[:half] == words[half:]:
            words = words[:half]  # "Confreaks Confreaks"
        s = " ".join(words)
        key = s.lower()
        if (
            not s
            or not any(c.isalpha() for c in s)
            or key in table.not_authors
            or key in not_names
            or key.removeprefix("the ") in not_names
            or table.named(s) is not None
            or len(words) > 6
        ):
            continue
        s = _title_case(s)
        if s.lower() not in (p.lower() for p in people):
            people.append(s)
    if any(" " in p for p in people):  # "Mike Cason; Mcason": a handle beside the name
        people = [p for p in people if " " in p]
    return "; ".join(people) or None


def furniture_title(title: str | None, table: OutletTable, outlet: str | None = None) -> bool:
    """True for a "title" that is site furniture ("POLITICO Politico Logo", "Follow us")."""
    if not title:
        return True
    t = title.strip()
    if outlet and name_key(t) == name_key(outlet):
        return True
    return any(p.search(t) for p in table.not_titles)


@dataclass
class ArticleMeta:
    url: str | None
    title: str | None
    outlet: str | None
    outlet_domain: str | None
    agency: str | None
    source: str | None
    author: str | None


def article_meta(
    *,
    raw_url: str | None,
    head: HeadMeta | None,
    given_title: str | None,
    given_source: str | None,
    page_title: str | None,
    text_title: str | None,
    site: str | None,
    text_agency: str | None,
    author_agency: str | None,
    author: str | None,
    agency_name,
    split_suffix,
    table: OutletTable,
) -> ArticleMeta:
    """Every metadata field of an article, from what the container, the page's head and its
    text said (the precedence is in the module docstring and ``extract_document``)."""
    head = head or HeadMeta()
    url = raw_url or head.url
    given_agency = agency_name(given_source)
    names = [*head.site_names, *head.late_names, *([site] if site else [])]
    if not names and head.copyright:
        names = [head.copyright]
    if given_source and not given_agency:
        names.insert(0, given_source)  # the container names the outlet
    title = given_title
    if not title:
        title = (
            next(
                (
                    t
                    for t in (
                        page_title,
                        split_suffix(head.og_title),
                        split_suffix(head.html_title),
                    )
                    if t and not furniture_title(t, table)
                ),
                None,
            )
            or text_title
        )
    guess = choose_outlet(url, names, table, title)
    outlet = guess.outlet
    if outlet is None and given_source:
        outlet = given_agency or given_source
    origin = guess.origin
    for other in head.other_urls if origin is None else ():
        hit = table.lookup(host_of(other))
        if hit and hit[1] != outlet:
            origin = hit[1]  # og:url names the outlet the copy came from
            break
    agency = text_agency or author_agency or given_agency or origin
    if agency is None and outlet and agency_name(outlet):
        agency = agency_name(outlet)  # the agency's own site
    if title and furniture_title(title, table, outlet):
        title = (
            text_title if text_title and not furniture_title(text_title, table, outlet) else None
        )
    not_names = {n.lower() for n in (outlet, agency, *head.site_names) if n}
    return ArticleMeta(
        url=url,
        title=title,
        outlet=outlet,
        outlet_domain=guess.domain,
        agency=agency,
        source=given_agency or given_source or agency or outlet,
        author=clean_author(author, table, not_names),
    )
