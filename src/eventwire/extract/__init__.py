"""Extract: turn a RawDocument (crawler text or HTML) into a clean Article with metadata.

HTML goes through trafilatura (lxml fallback); then text of both kinds gets the same
news-specific clean-up: boilerplate lines dropped, headline, byline (author, agency,
publication time) and wire dateline recovered, story body cut before the footer. Patterns
(agencies, boilerplate phrases, labels) live in ``eventwire/data/extract/news.toml``.
"""

from __future__ import annotations

import dataclasses
import logging
import sys as _sys
import types as _types

from eventwire.extract.dates import parse_published
from eventwire.extract.html import page_text
from eventwire.extract.meta import article_meta, head_meta
from eventwire.extract.outlets import default_outlets
from eventwire.extract.patterns import (
    NewsPatterns,
    PatternsError,
    default_patterns,
    load_patterns,
)
from eventwire.extract.repair import repair_text
from eventwire.extract.text import (
    clean_news_text,
    parse_dateline,
    split_title_suffix,
    strip_markup,
)
from eventwire.ingest.sniff import (
    BinaryContentError,
    decode_bytes,
    doc_id_for,
    looks_like_html,
    scrub_text,
)
from eventwire.model import Article, RawDocument
from eventwire.nlp import MAX_CHARS

__all__ = [
    "ExtractError",
    "NewsPatterns",
    "PatternsError",
    "clean_news_text",
    "default_patterns",
    "extract",
    "extract_document",
    "load_patterns",
    "page_text",
    "parse_dateline",
    "parse_published",
    "split_title_suffix",
    "strip_markup",
]


log = logging.getLogger(__name__)


class ExtractError(ValueError):
    """No article body could be found in a document."""


def _clean_meta(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None


def _split_author(value: str | None, pats: NewsPatterns) -> tuple[str | None, str | None]:
    """Split an HTML author field into (people, agency): "Jane Doe; The Associated Press"."""
    people: list[str] = []
    agency = None
    for part in (value or "").split(";"):
        part = " ".join(part.split())
        if pats.agency_name(part):
            agency = agency or pats.agency_name(part)
        elif part:
            people.append(part)
    return ("; ".join(people) or None), agency


def _scrub(raw: RawDocument) -> RawDocument:
    """``raw`` with lone surrogates in its strings replaced by U+FFFD (with a warning)."""
    fixed, changes = 0, {}
    for name in ("content", "title", "date", "source", "url", "doc_id", "origin"):
        value = getattr(raw, name)
        if isinstance(value, str):
            new, n = scrub_text(value)
            if n:
                fixed += n
                changes[name] = new
    if not fixed:
        return raw
    log.warning("%s: %d lone surrogate(s) replaced by U+FFFD", raw.origin or "document", fixed)
    return dataclasses.replace(raw, **changes)


def _long_body(body: str, where: str) -> None:
    if len(body) > MAX_CHARS:
        log.warning(
            "%s: body is %d characters; only the first %d are coded", where, len(body), MAX_CHARS
        )


def extract_document(raw: RawDocument, *, patterns: NewsPatterns | None = None) -> Article:
    """Extract the article of one RawDocument; raises ExtractError when there is no body.

    Metadata precedence: title and source given by the container (JSONL, WARC) win; then
    what the page text says (byline block, dateline); then HTML metadata. The publication
    time prefers the page's byline, then the container's date, then HTML metadata."""
    pats = patterns or default_patterns()
    raw = _scrub(raw)
    where = raw.origin or raw.doc_id or "document"
    if not raw.content or not raw.content.strip():
        raise ExtractError(f"{where}: no article body found (the document is empty)")
    meta_title = meta_author = meta_date = meta_published = site = None
    if raw.format == "html":
        page = page_text(raw.content, raw.url)
        text, lenient = page.text, True
        meta_author, meta_date, site = page.author, page.date, _clean_meta(page.sitename)
        meta_published = page.published
        if page.title:
            meta_title = split_title_suffix(_clean_meta(page.title) or "", pats, site)[0]
    else:
        # A title given by the container means the text is the story itself, not a whole page:
        # start the body at its first line instead of looking for a full paragraph.
        text, lenient = raw.content, bool(raw.title)
    cleaned = clean_news_text(repair_text(text), pats, lenient=lenient)
    if not cleaned.body:
        what = "only boilerplate" if text.strip() else "no text"
        raise ExtractError(f"{where}: no article body found (the page has {what})")
    _long_body(cleaned.body, where)
    given_source = _clean_meta(raw.source)
    meta_author, author_agency = _split_author(meta_author, pats)
    meta = article_meta(
        raw_url=raw.url,
        head=head_meta(raw.content, raw.url) if raw.format == "html" else None,
        given_title=_clean_meta(raw.title),
        given_source=given_source,
        page_title=meta_title,
        text_title=cleaned.title,
        site=site,
        text_agency=cleaned.source,
        author_agency=author_agency,
        author=cleaned.author or meta_author,
        agency_name=pats.agency_name,
        split_suffix=lambda t: split_title_suffix(_clean_meta(t) or "", pats, site)[0] or None,
        table=default_outlets(),
    )
    return Article(
        doc_id=raw.doc_id or doc_id_for(raw.content),
        body=cleaned.body,
        title=meta.title,
        source=meta.source,
        outlet=meta.outlet,
        outlet_domain=meta.outlet_domain,
        agency=meta.agency,
        published=(
            cleaned.published
            or (pats.published(raw.date) if raw.date else None)
            or (pats.published(meta_published) if meta_published else None)
            or (pats.published(meta_date) if meta_date else None)
        ),
        author=meta.author,
        dateline=cleaned.dateline,
        url=meta.url,
        origin=raw.origin,
        format=raw.format,
    )


def extract(
    data: bytes | str,
    *,
    url: str | None = None,
    doc_id: str | None = None,
    patterns: NewsPatterns | None = None,
) -> Article:
    """Extract an article from raw bytes or a string, sniffing HTML versus plain text."""
    if isinstance(data, bytes):
        try:
            text, _ = decode_bytes(data)
        except BinaryContentError as exc:
            raise ExtractError(f"{url or 'input'}: {exc}") from exc
    else:
        text = data
    fmt = "html" if looks_like_html(text) else "text"
    raw = RawDocument(
        content=text,
        format=fmt,
        origin=url or "<data>",
        doc_id=doc_id or doc_id_for(text),
        url=url,
    )
    return extract_document(raw, patterns=patterns)


class _CallableModule(_types.ModuleType):
    """``eventwire.extract`` is both this package and the public function: importing the
    package must not take the function away from ``import eventwire; eventwire.extract(...)``."""

    def __call__(self, data: bytes | str, *, url: str | None = None, doc_id: str | None = None):
        return extract(data, url=url, doc_id=doc_id)


_sys.modules[__name__].__class__ = _CallableModule
