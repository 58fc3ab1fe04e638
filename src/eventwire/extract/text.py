"""News clean-up for text as crawlers save it: strip site boilerplate, recover the headline,
byline (author, agency, publication time), wire dateline and the story body.

The rules follow how news pages are built, not any one site: banners and navigation come
before the headline; a byline block (agency, time, author) sits between headline and story;
the story opens with a wire dateline ("MOSCOW (AP) —") or a first full paragraph; footers
(copyright, standards notes, related links) follow the story.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.extract.patterns import NewsPatterns, default_patterns

_MONTH = (
    r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTH_WORD = re.compile(rf"^{_MONTH}$", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE)
_DATE_TEXT = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
_PARTICLE = r"(?:de|da|del|des|di|du|la|le|al|el|es|am|an|upon|sur|of|the)"
_PWORD = r"[A-Z][\w'’.\-]*"
_PLACE = rf"{_PWORD}(?:\s+(?:{_PWORD}|{_PARTICLE})){{0,4}}"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})(?:\s?,\s*{_PLACE}){{0,2}}(?:\s?,?\s+(?P<date>{_DATE_TEXT}))?"
    rf"(?:\s*\((?P<agency>[^()]{{1,40}})\))?(?P<dash>\s*(?:--|[-–—])\s*|\s+(?:--|[-–—])\s+|:\s+)"
    r"(?=\S)"
)
_AGENCY_LIKE = re.compile(r"^[A-Z][\w.'’-]*(?:[ /-][A-Z][\w.'’-]*){0,3}$")
_AGENCY_ONLY_DATELINE = re.compile(r"^\((?P<agency>[^()]{1,40})\)\s*(?:--|[-–—])\s*(?=\S)")

_TAG_NAMES = (
    "a|abbr|article|aside|audio|b|blockquote|body|br|button|caption|center|cite|code|dd|div|dl|"
    "dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|"
    "label|li|link|main|meta|nav|noscript|ol|option|p|picture|pre|q|s|section|select|small|"
    "source|span|strong|sub|sup|svg|table|tbody|td|tfoot|th|thead|time|title|tr|u|ul|video"
)
# Only real (lowercase) HTML tags: "<Tractebel SA>" or "<ICGS.L>" in wire copy are not markup.
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]{{0,500}})?/?>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_STRAY = re.compile(r"<!--|-->|<!\[CDATA\[|\]\]>")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SENTENCE_END = re.compile(r"[.!?…。！？]['\"’”)\]」』）]*$|[)\]）」』]$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_TIME_HINT = re.compile(rf"{_MONTH}\s+\d|\d\s+{_MONTH}|\d[:.]\d\d|\bago\b", re.IGNORECASE)
_BREADCRUMB = re.compile(r"\s(?:\||>|»|›|/|•|·)\s")
_NAME = r"(?:[A-Z][\w'’.\-]*|(?:de|da|del|der|den|di|du|la|le|van|von|al|el|bin|ibn|ben)\b)"
_PERSON = rf"[A-Z][\w'’.\-]*(?:\s+{_NAME}){{1,4}}"
_PEOPLE = rf"{_PERSON}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_PERSON})*"


@dataclass
class Cleaned:
    """What the clean-up recovered from one page's text."""

    body: str
    title: str | None = None
    author: str | None = None
    source: str | None = None
    published: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None


def strip_markup(text: str) -> str:
    """Remove HTML comments, tags and stray markup markers; unescape entities."""
    text = _SCRIPT.sub(" ", text)
    text = _COMMENT.sub(" ", text)
    text = _STRAY.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text).replace("\u00a0", " ")
    text = _INVISIBLE.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines as (block number, whitespace-normalised line); blank lines split blocks."""
    out: list[tuple[int, str]] = []
    block = 0
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            block += 1
        elif any(c.isalnum() for c in line):
            out.append((block, line))
    return out


def parse_dateline(
    body: str, patterns: NewsPatterns | None = None
) -> tuple[str | None, str | None]:
    """Wire dateline at the start of ``body``: (place, date text) or (None, None).

    "UNITED NATIONS, March 20 (Reuters) - ..." -> ("UNITED NATIONS", "March 20");
    "MOSCOW (AP) — ..." -> ("MOSCOW", None); "KIEV, Ukraine, March 3 (Reuters) -" -> "KIEV"."""
    m = _match_dateline(body.lstrip(), patterns or default_patterns())
    return (m.group("place"), m.group("date")) if m else (None, None)


def _match_dateline(line: str, pats: NewsPatterns) -> re.Match[str] | None:
    m = _DATELINE.match(line)
    if not m:
        return None
    place, agency, dash = m.group("place"), m.group("agency"), m.group("dash")
    words = place.split()
    if any(_MONTH_WORD.match(w) or _WEEKDAY_WORD.match(w) for w in words):
        return None
    if " ".join(place.lower().replace(".", "").split()) in pats.not_places:
        return None
    if agency is not None:  # "(Reuters)", "(AP)", or a short capitalised name
        if dash.strip() == ":":
            return None
        known = pats.agency_name(agency) or _AGENCY_LIKE.match(agency.strip())
        return m if known else None
    # No agency: only an all-capitals place ("WASHINGTON —") counts, spaced dash or colon.
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return None
    return m if dash.strip() == ":" or dash[:1].isspace() else None


@lru_cache(maxsize=8)
def _agency_line_re(agency: str) -> re.Pattern[str]:
    return re.compile(
        rf"^(?:(?:by|from|source:?)\s+)?(?:the\s+)?({agency})(?:\s+(?:staff|reporters?|wire|"
        rf"news|report))?\.?$|^[-–—]+\s*({agency})\.?$|^\(\s*({agency})\s*\)\.?$",
        re.IGNORECASE,
    )


@lru_cache(maxsize=8)
def _author_line_re(labels: str) -> re.Pattern[str]:
    return re.compile(
        rf"^(?:{labels})\s+(?P<people>{_PEOPLE})"
        rf"(?:\s*(?:,|\||[-–—]|\bfor\b|\bin\b)\s*(?P<tail>[^,|]{{1,60}}))?\.?$",
        re.IGNORECASE,
    )


def _agency_in_line(line: str, pats: NewsPatterns) -> str | None:
    """Agency of a signature line: "by Reuters", "Reuters Staff", "- AP", "(AFP)"."""
    m = _agency_line_re(pats.agency_re).match(line)
    if not m:
        return None
    return pats.agency_name(next(g for g in m.groups() if g))


def _titlecase_caps(name: str) -> str:
    return name.title() if name.isupper() else name


def _author_in_line(line: str, pats: NewsPatterns) -> tuple[str, str | None] | None:
    """(author, agency or None) of a byline: "By Jane Doe", "By JOHN ROE, Associated Press"."""
    m = _author_line_re(pats.byline_label_re).match(line)
    if not m:
        return None
    segments = [seg.strip() for seg in m.group("people").split(",")]
    tail = m.group("tail")
    agency = pats.agency_name(tail.strip()) if tail else None
    while len(segments) > 1:  # "Jane Doe, Associated Press" / "Jane Doe, Staff Writer"
        last = segments[-1]
        if pats.agency_name(last):
            agency = agency or pats.agency_name(last)
        elif not any(w.lower() in pats.byline_roles for w in last.split()):
            break
        segments.pop()
    people = ", ".join(segments)
    words = re.findall(r"[\w'’.\-]+", people)
    if any(_MONTH_WORD.match(w) or _WEEKDAY_WORD.match(w) for w in words):
        return None
    if not people[:1].isupper() or pats.agency_name(people):
        return None
    return _titlecase_caps(people), agency


def _nwords(line: str) -> int:
    """Word count; text in scripts without spaces (CJK) counts two characters a word."""
    return max(len(line.split()), len(_CJK.findall(line)) // 2)


def _is_paragraph(line: str) -> bool:
    words = _nwords(line)
    return words >= 40 or (words >= 15 and bool(_SENTENCE_END.search(line)))


def _is_trailing_label(line: str) -> bool:
    """A short label such as a section name or tag under a story (no digits, no sentence)."""
    return (
        _nwords(line) < 5 and not any(c.isdigit() for c in line) and not _SENTENCE_END.search(line)
    )


def _is_title_like(line: str) -> bool:
    words = _nwords(line)
    return (
        3 <= words <= 30
        and len(line) <= 250
        and not line.endswith(":")
        and len(_BREADCRUMB.findall(line)) < 2
    )


def split_title_suffix(title: str, pats: NewsPatterns, site: str | None = None) -> tuple[str, str]:
    """Split "Headline - Reuters" / "Headline | Site" into (headline, agency or site or "").

    A dash suffix is only split off when it names an agency or the site; a pipe suffix of a
    few words always is."""
    m = re.match(r"^(?P<head>.+?)\s+(?:[-–—|:]|::)\s+(?P<tail>[^-–—|]{1,60})$", title)
    if not m:
        return title, ""
    tail = m.group("tail").strip()
    agency = pats.agency_name(tail)
    if agency:
        return m.group("head").strip(), agency
    if site and tail.lower() == site.lower():
        return m.group("head").strip(), site
    if " | " in title and len(tail.split()) <= 5:  # "Headline | Site Name"
        return m.group("head").strip(), tail
    return title, ""


@dataclass
class _Line:
    block: int
    text: str
    kind: str = "text"  # text | noise | footer | author | agency | date | dateline
    author: str | None = None
    agency: str | None = None
    date: str | None = None


HEADER_LINES = 80  # bylines are looked for in this many first lines only


def _classify(block: int, text: str, pats: NewsPatterns, head: bool = True) -> _Line:
    """Kind of one line; bylines and date lines are only looked for when ``head``."""
    line = _Line(block, text)
    words = len(text.split())
    if pats.is_noise(text):
        line.kind = "noise"
    elif pats.is_footer(text):
        line.kind = "footer"
    elif words <= 12 and (agency := _agency_in_line(text, pats)):
        line.kind, line.agency = "agency", agency
    elif not head:
        pass
    elif words <= 16 and (found := _author_in_line(text, pats)):
        line.kind, (line.author, line.agency) = "author", found
    elif words <= 14 and (date := pats.published(text)):
        line.kind, line.date = "date", date
    elif words <= 12 and pats.date_label_re.match(text) and _TIME_HINT.search(text):
        line.kind = "date"  # "Updated on September 19 at 3:15 p.m.": a byline line, no year
    return line


_BYLINE = ("author", "agency", "date")


def _find_start(lines: list[_Line], pats: NewsPatterns, lenient: bool) -> int:
    """Index of the first body line: the dateline, else the first line after the byline block,
    else the first full paragraph (or, ``lenient``, the first plain text line).

    A dateline only counts before the story's first full paragraph (counted from the last
    byline line, so that banner sentences above the headline do not hide it)."""
    seen_paragraph = False
    for i, line in enumerate(lines):
        if line.kind == "footer" and seen_paragraph:
            break  # datelines after the story's footer belong to other stories
        if line.kind in _BYLINE:
            seen_paragraph = False
        elif line.kind == "text" and not seen_paragraph and _match_dateline(line.text, pats):
            line.kind = "dateline"
            return i
        seen_paragraph = seen_paragraph or (line.kind == "text" and _is_paragraph(line.text))
    para = next(
        (i for i, ln in enumerate(lines) if ln.kind == "text" and _is_paragraph(ln.text)), None
    )
    limit = len(lines) if para is None else para
    last_byline = max((i for i in range(limit) if lines[i].kind in _BYLINE), default=None)
    if last_byline is not None:
        after = [i for i in range(last_byline + 1, len(lines)) if lines[i].kind == "text"]
        if after:
            return after[0]
    if para is not None and not lenient:
        return para
    texts = [i for i, ln in enumerate(lines) if ln.kind == "text"]
    if lenient and texts:
        return texts[0]
    return para if para is not None else (texts[0] if texts else len(lines))


def _find_title(header: list[_Line]) -> str | None:
    """The headline: the title-like line just before the byline block (skipping standfirst
    sentences), else the last title-like line of the header."""

    def candidates(end: int) -> list[str]:
        return [ln.text for ln in header[:end] if ln.kind == "text" and _is_title_like(ln.text)]

    for i, line in enumerate(header):
        if line.kind in _BYLINE and candidates(i):
            found = candidates(i)
            break
    else:
        found = candidates(len(header))
    if not found:
        return None
    for text in reversed(found):
        if not _SENTENCE_END.search(text) or text.endswith(")"):
            return text
    return found[-1]


def _paragraphs(body: list[_Line]) -> list[str]:
    """Join body lines into paragraphs. Blank-line separated blocks whose lines look
    hard-wrapped are joined with spaces; otherwise every line is its own paragraph."""
    blocks: dict[int, list[str]] = {}
    for line in body:
        blocks.setdefault(line.block, []).append(line.text)
    wrapped = len(blocks) >= 2
    out: list[str] = []
    for lines in blocks.values():
        if wrapped and len(lines) > 1 and all(40 <= len(t) <= 100 for t in lines[:-1]):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def clean_news_text(text: str, pats: NewsPatterns, *, lenient: bool = False) -> Cleaned:
    """Strip boilerplate from a page's text and recover its metadata.

    ``lenient`` (for text already extracted from HTML) starts the body at the first plain
    line after the header instead of requiring a full paragraph."""
    lines = [
        _classify(b, t, pats, i < HEADER_LINES)
        for i, (b, t) in enumerate(_lines(strip_markup(text)))
    ]
    start = _find_start(lines, pats, lenient)
    header, rest = lines[:start], lines[start:]
    out = Cleaned(body="", title=_find_title(header))
    for line in header:
        if line.kind in _BYLINE:
            out.author = out.author or line.author
            out.source = out.source or line.agency
            out.published = out.published or line.date
    body: list[_Line] = []
    for line in rest:
        if line.kind == "footer":
            break
        if line.kind == "noise":
            continue
        if line.kind == "agency":
            out.source = out.source or line.agency  # a "- AP" signature under the story
            continue
        body.append(line)
    while len(body) > 1 and _is_trailing_label(body[-1].text):
        body.pop()  # trailing tags, section names, share labels
    if body and (m := _match_dateline(body[0].text, pats)):
        out.dateline, out.dateline_date = m.group("place"), m.group("date")
        out.source = out.source or pats.agency_name(m.group("agency"))
    elif body and (m := _AGENCY_ONLY_DATELINE.match(body[0].text)):
        out.source = out.source or pats.agency_name(m.group("agency"))
    if out.title:
        out.title, suffix = split_title_suffix(out.title, pats)
        out.source = out.source or pats.agency_name(suffix)
    out.body = "\n\n".join(_paragraphs(body))
    return out
