"""The country a story is set in, for roles the text gives no country ("police", "troops").

CAMEO and analysts take an unnamed role's country from context: the place in the sentence (done
per phrase by the resolver), else the story's dateline ("KABUL -", "ahmedabad:"), else the one
country the story is about. This module works out the last two once per document.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from eventwire.model import Article

# a dateline at the start of the body or of its first paragraphs, in any case: "KABUL (AP) -",
# "ahmedabad: ", "NEW DELHI, March 3 -". The words before the colon or dash are the place.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Za-z][A-Za-z.'\- ]{1,30}?)[ \t]*(?:,[^:\n\u2014\u2013]{0,30})?"
    r"(?:\([^)\n]{1,30}\))?[ \t]*(?::|\s[-\u2014\u2013]+)\s",
    re.MULTILINE,
)
# a story is about a country when it names that country at least this often and more than
# half of all its country mentions are of it
STORY_MIN_MENTIONS = 2
STORY_SHARE = 0.5


def dateline_place(article: Article) -> str | None:
    """The dateline's place words: the extracted ``article.dateline``, else a dateline-shaped
    start of one of the first two paragraphs, in any case ("kolkata: the first ...")."""
    if article.dateline:
        return article.dateline
    head = article.body[:400]
    for m in _DATELINE.finditer(head):
        if m.start() > 300:
            break
        return m.group("place").strip()
    return None


def dateline_country(article: Article, resolver: Any) -> str | None:
    """CAMEO country of the dateline's place, if the dictionaries or the gazetteer know it."""
    place = dateline_place(article)
    if not place or len(place.split()) > 4:
        return None
    return resolver._country_of_span(place)


def story_country(doc: Any, resolver: Any) -> str | None:
    """The country a parsed story is about: named at least twice and in more than half of the
    story's country mentions."""
    counts: Counter[str] = Counter()
    for sent in doc.sents:
        for _, _, c in resolver._country_mentions(sent):
            counts[c] += 1
    if not counts:
        return None
    (top, n), total = counts.most_common(1)[0], sum(counts.values())
    if n >= STORY_MIN_MENTIONS and n / total > STORY_SHARE:
        return top
    return None


def document_country(article: Article, doc: Any, resolver: Any) -> tuple[str | None, str | None]:
    """(country, how): the dateline's country ("dateline"), else the story's ("story")."""
    c = dateline_country(article, resolver)
    if c:
        return c, "dateline"
    c = story_country(doc, resolver)
    if c:
        return c, "story"
    return None, None
