"""Where an event happened: the document's places computed once, then one choice per event.

    >>> doc = document_places(article.body, doc=spacy_doc, dateline=article.dateline)
    >>> place, rule = event_place(["Crimea"], doc.in_span(s, e), doc.dateline, ["RUS"], doc)

``event_place`` follows a fixed order and says which rule chose the place:

1. ``clause-locative``: the first name (or ``Place``) of the clause's locative phrases ("in
   Crimea", "travels to Kiev") that resolves, in the document's scope;
2. ``sentence-place``: else a place the sentence names: one after a locative cue ("in",
   "near", "into", "the streets of") first, a doer's name last ("captured by Israel"), then
   one in an actor's country, then the finer (a town or division before a country; never a
   continent or sea) -- unless it is a country or state that holds the dateline's town, which
   is then the finer answer (``dateline``: "WASHINGTON - The U.S. Treasury said"). For a
   verbal act (``cameo=``) under a dateline only a place the sentence gives as where it was
   said counts ("said in Tokyo"); the dateline beats the places it talks about ("LONDON -
   Funaro said Brazil would not ..."), except in a relayed report (see ``event_place``).
   Places that name an affiliation or an origin are not the sentence's (``DocPlaces.in_span``:
   "Air U.K. Ltd", "Turkey's ambassador", "Chicago physician", "Tokyo-based");
3. ``dateline``: else the dateline's place ("KIEV, March 20 (Reuters) -");
4. ``actor-country``: else the first actor country that is a real country, on the country's
   point at precision "country";
5. ``story-country``: else the story's dominant country (countries named, towns resolved),
   at precision "country".

Under a dateline, acts the text does not place are put in a country at precision "country"
(GDELT's answer when nothing finer is known; rule ``actor-country``) rather than in the filing
town: talks, agreements and signings (``joint_codes``: the dateline's country when it is a
party's, else the doer's), verbal acts of a government named as the clause's doer or by a
national body ("Washington is pressing Taiwan", "the U.S. Commerce Department"), fighting
(``field_roots``: the acted-on party's country). A pact named by its place ("the Paris
accord") and a meeting the story placed earlier ("at the talks" ... "talks in London") place
joint and verbal acts.

Actor countries may be CAMEO codes (as ``Actor.country`` holds them) or ISO alpha-3.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventwire.data_files import DataError
from eventwire.model import Place
from eventwire.places.build import data_file
from eventwire.places.doers import body_mentions, owners, spread_over_country
from eventwire.places.gazetteer import Gazetteer, get_gazetteer, normalize
from eventwire.places.geoparse import (
    _dateline_table,
    dateline_place,
    get_ner,
    parse,
    resolve_dateline,
)
from eventwire.places.resolve import Scope, resolve_id
from eventwire.places.scan import common_words, cue_sets

RULES = ("clause-locative", "sentence-place", "dateline", "actor-country", "story-country")
_RANK = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}


class SpanPlaces(list):  # type: ignore[type-arg]
    """The places of a span (``DocPlaces.in_span``): a list of ``Place`` with its ``span``."""

    span: tuple[int, int] | None = None


@dataclass
class DocPlaces:
    """Everything a document says about place, computed once per document."""

    places: list[Place] = field(default_factory=list)  # every toponym, with offsets
    dateline: Place | None = None
    dominant_country: str | None = None  # ISO alpha-3
    scope: Scope = field(default_factory=Scope)
    gazetteer: Gazetteer | None = field(default=None, repr=False)
    dateline_end: int = 0  # a dateline found in the text: its places are not the sentence's

    text: str = field(default="", repr=False)
    affiliated: frozenset[int] = frozenset()  # starts of places that name an affiliation
    cue_before: dict[int, str] = field(default_factory=dict)  # start -> "in", "by", "visited"
    said_at: frozenset[int] | None = None  # "in/at" places of a verb or venue (None: no parse)
    relayed: bool = False  # the lead relays another medium's report ("..., SPA said")
    seats: frozenset[int] = frozenset()  # "the Sichuan government": the doer's seat (modifiers)
    pacts: frozenset[int] = frozenset()  # "the Paris accord", "the Geneva talks": where agreed
    subjects: frozenset[int] | None = None  # "Washington is pressing ...": the clause's doer
    bodies: frozenset[int] = frozenset()  # "the U.S. Commerce Department", "Britain's ministry"
    owners: frozenset[int] = frozenset()  # "Canada's decision": whose thing, not where
    seated: tuple[tuple[int, int], ...] = ()  # (start, seat id): "the Federal Reserve approved"
    in_clause: frozenset[int] | None = None  # "in X" of a verb or its object: "killed ... in Chad"

    def in_span(self, start: int, end: int) -> SpanPlaces:
        """The places inside a character span (a sentence of the same text), without the
        dateline's and without affiliations: in parentheses ("Senator Dole (R-Kan.)"), inside
        an organisation's name ("Air U.K. Ltd", "the Bank of England"), "of X" after one
        ("All Nippon Airways of Japan"), an envoy's country ("Turkey's ambassador"), a name
        before a noun ("Chicago physician", "the Singapore and New York authorities"). A list
        that remembers its span, so ``event_place`` can read what else the sentence says."""
        lo = max(start, self.dateline_end)
        out = SpanPlaces(
            p
            for p in self.places
            if p.start is not None
            and lo <= p.start < end
            and p.start not in self.affiliated
            and not self._bracketed(p)
        )
        out.span = (start, end)
        return out

    def _bracketed(self, p: Place) -> bool:
        if not self.text or p.start is None or p.end is None:
            return False
        before = self.text[max(0, p.start - 3) : p.start]
        return ("(" in before) and self.text[p.end : p.end + 1] == ")"

    def known(self, place: Place) -> bool:
        """False for a place named by a common English word ("Court", "Union") that the
        geoparser did not take as a place anywhere in the document."""
        key = normalize(place.text or place.name)
        return key not in common_words() or any(normalize(q.text) == key for q in self.places)

    def resolve(self, name: str, countries: Sequence[str] = ()) -> Place | None:
        """A locative phrase's name, resolved with the document's context plus ``countries``.
        A common English word ("Court", "Mobile") is a place only if the geoparser took it as
        one somewhere in the document."""
        g = self.gazetteer or get_gazetteer()
        if not self.known(Place(name, None, text=name)):
            return None
        scope = self.scope
        extra = tuple(c for c in _iso(countries) if c not in scope.countries)
        if extra:
            scope = dataclasses.replace(scope, countries=scope.countries + extra)
        i = resolve_id(g, name, scope)
        return g.place(i, text=name) if i is not None else None


def _iso(codes: Iterable[str | None]) -> list[str]:
    """ISO alpha-3 codes from CAMEO or ISO country codes (regions and unknowns dropped)."""
    g = get_gazetteer()
    out = []
    for c in codes:
        if not c:
            continue
        iso = c if c in g.country_ids else None
        if iso is None:
            from eventwire.ontology import cameo_to_iso3

            iso = cameo_to_iso3(c) or _former_country(g, c)
        if iso and iso in g.country_ids and iso not in out:
            out.append(iso)
    return out


def _former_country(g: Gazetteer, code: str) -> str | None:
    """The country a former state's CAMEO code (USR, DDR, YUG) stands for on a map: its name
    through the gazetteer's aliases ("Soviet Union" -> Russian Federation, ``aliases.tsv``)."""
    from eventwire.ontology import get_ontology

    c = get_ontology().countries.get(code)
    if c is None or not getattr(c, "name", None):
        return None
    for i in g.aliases.get(normalize(c.name), ()):
        if g.place(i).precision == "country":
            return g.country[i] or None
    return None


def document_places(
    text: str,
    *,
    doc: Any = None,
    dateline: str | None = None,
    context_countries: Sequence[str] = (),
    nlp: Any = None,
    gazetteer: Gazetteer | None = None,
) -> DocPlaces:
    """Geoparse a document once. ``doc``: its spaCy ``Doc`` (with entities) when the caller has
    parsed it already; ``dateline``: the article's dateline text ("UNITED NATIONS"), else an
    ALL-CAPS dateline opening the text is used; ``context_countries``: CAMEO or ISO codes."""
    g = gazetteer or get_gazetteer()
    if not text.strip():
        return DocPlaces(gazetteer=g)
    if doc is None:
        doc = (nlp or get_ner())(text)
    places, scope = parse(doc, context_countries=_iso(context_countries), gazetteer=g)
    d = None
    if dateline:
        i = resolve_dateline(g, dateline, scope)
        d = g.place(i, text=dateline) if i is not None else None
    end = 0
    if not dateline:
        found = dateline_place(g, text, span=True)
        if found is not None:
            i, end = found
            d = g.place(i, text=g.names[i])
    dominant = scope.dominant
    if d is not None and d.country and d.country not in scope.countries:
        scope = dataclasses.replace(scope, countries=scope.countries + (d.country,))
    modifiers = _modifiers(doc, places)
    affiliated = _affiliated(doc, places) | modifiers
    cues = _cues_before(text, places)
    return DocPlaces(
        places,
        d,
        dominant,
        scope,
        g,
        end,
        text,
        affiliated,
        cues,
        _said_at(doc, places, cues),
        _relayed(doc, end),
        _seats(doc, places, modifiers),
        _before_nouns(doc, places, "pact_nouns"),
        _subjects(doc, places),
        _before_nouns(doc, places, "seat_nouns"),
        owners(doc, places),
        body_mentions(doc, g),
        _in_clause(doc, places, cues),
    )


# entities whose names may hold a place without being one ("Air U.K. Ltd", "the Warsaw Pact")
_NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|')?\s+(\w+)")
_OF_BEFORE = re.compile(r"[>)]?\s+of\s+$")  # "<All Nippon Airways> of Japan"
_ORIGIN_BEFORE = re.compile(r"\b(?:return|returned|returning|back)\s+from\s+$", re.IGNORECASE)
# where a report was monitored: "IRNA, monitored by the BBC in London", "received in London"
_MONITORED = re.compile(r"\b(?:monitored|received)\b[^.;,]{0,25}\b(?:in|at)\s+$", re.IGNORECASE)


def _affiliated(doc: Any, places: Sequence[Place]) -> frozenset[int]:
    """Starts of the places that name an affiliation or an origin, not where anything
    happens: inside a longer organisation, product, law or event name; "of X" right after an
    organisation's name; a country before an envoy noun ("Turkey's ambassador", "the U.S.
    embassy"); where a journey came from ("on his return from Ethiopia and Djibouti"); "of X"
    after a person ("Senator Mikulski of Maryland"); where a report was monitored ("IRNA,
    received in London")."""
    text = doc.text
    names = [
        (e.start_char, e.end_char) for e in getattr(doc, "ents", ()) if e.label_ in _NAME_LABELS
    ]
    org_ends = {e for _, e in names} | {
        e.end_char for e in getattr(doc, "ents", ()) if e.label_ == "PERSON"
    }  # "Senator Barbara Mikulski of Maryland": whose senator, not where she spoke
    envoy = cue_sets()["affiliation_nouns"]
    out: set[int] = set()
    out_origin: set[int] = set()
    prev: int | None = None
    prev_end = 0
    for p in places:
        if p.start is None or p.end is None:
            continue
        inside = any(s <= p.start and p.end <= e and e - s > p.end - p.start for s, e in names)
        lo = max(0, p.start - 12)
        of = _OF_BEFORE.search(text, lo, p.start)
        after_org = of is not None and any(of.start() <= e <= p.start for e in org_ends)
        m = _POSSESSIVE.match(text, p.end)
        envoy_of = m is not None and m.group(1).lower() in envoy
        origin = _ORIGIN_BEFORE.search(text, max(0, p.start - 20), p.start) is not None
        origin = origin or _MONITORED.search(text, max(0, p.start - 40), p.start) is not None
        if not origin and prev is not None and prev in out_origin:
            origin = text[prev_end : p.start] in (", ", " and ", ", and ")
        if origin:
            out_origin.add(p.start)
        if inside or after_org or envoy_of or origin:
            out.add(p.start)
        prev, prev_end = p.start, p.end
    return frozenset(out)


DISTANCE = "km-of"  # the cue of a name a distance is measured from ("340 km north of Baghdad")
FAR_KM = 100.0  # farther than this from a town, an act is placed in its country only
_WORD_BACK = re.compile(r"([A-Za-z]+)[^\w]*$")
_LIST_GAP = frozenset({", ", " and ", ", and ", " or ", " and the ", ", the "})


def _word_before(text: str, start: int) -> str:
    """The word before ``start``, skipping "the" and the direction words of ``skip``
    ("in the southern X" -> "in"), lower case; "" at the start of the text."""
    skip = cue_sets()["skip"]
    at = start
    for _ in range(4):
        m = _WORD_BACK.search(text, max(0, at - 30), at)
        if m is None:
            return ""
        w = m.group(1).lower()
        if w not in skip:
            return w
        at = m.start()
    return ""


_NUMBER_BACK = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*-?\s*([A-Za-z]+)\W+(?:[a-z]+\W+){0,2}of\W+(?:the\W+)?"
    r"(?:[a-z]+\W+){0,3}$"
)
_MILES = frozenset({"mile", "miles", "mi"})


def _distance(text: str, start: int, unit: str) -> str:
    """The cue of a name a distance is measured from: ``DISTANCE`` when it is far ("340 km
    north of Baghdad": more than ``FAR_KM``), "near" when it is close ("some 40 kms east of
    Johannesburg") or not given ("kilometres north of"); "" after any other word."""
    if unit not in cue_sets()["distance_units"]:
        return ""
    m = _NUMBER_BACK.search(text, max(0, start - 80), start)
    if m is None or m.group(2).lower() != unit:
        return "near"
    km = float(m.group(1).replace(",", "")) * (1.609 if unit in _MILES else 1.0)
    return DISTANCE if km > FAR_KM else "near"


def _cues_before(text: str, places: Sequence[Place]) -> dict[int, str]:
    """For each place (by start), the cue word before it that says what the name is to the
    sentence: a locative ("in", "near", "visited", "the streets of"), a doer ("by"). A name in a
    list takes the cue of the list's first ("in Australia and New Zealand")."""
    c = cue_sets()
    known = c["cues"] | c["verbal_cues"] | c["visit_cues"] | c["agent_cues"] | {DISTANCE}
    out: dict[int, str] = {}
    prev: Place | None = None
    for p in places:
        if p.start is None or p.end is None:
            continue
        w = _word_before(text, p.start)
        if w == "of":
            head = _word_before(text, text.rfind("of", 0, p.start))
            # "the town of X" is in X; "340 km north of X" is only measured from X
            parts = c["place_nouns"] | c["part_nouns"]  # "the peaks of northeastern Iraq"
            one = head[:-3] + "y" if head.endswith("ies") else head.removesuffix("s")
            area = head in parts or one in parts  # "the states of Sao Paulo and Parana"
            w = "in" if area else _distance(text, p.start, head)
        if w in known:
            out[p.start] = w
        elif (
            prev is not None
            and prev.start in out
            and prev.end is not None
            and text[prev.end : p.start] in _LIST_GAP
        ):
            out[p.start] = out[prev.start]
        prev = p
    return out


def _said_at(doc: Any, places: Sequence[Place], cues: dict[int, str]) -> frozenset[int] | None:
    """Starts of the places after "in/at" (``verbal_cues``) whose phrase belongs to a verb or to
    a venue noun ("said in Tokyo", "told a news conference in Madrid"), not to another noun
    ("distributor of toy lines in Australia"); a list's later names follow its first. None
    without a dependency parse (then the cue alone counts)."""
    if not (hasattr(doc, "has_annotation") and doc.has_annotation("DEP")):
        return None
    c = cue_sets()
    out = set()
    for p, t in _cued_names(doc, places, cues, c["verbal_cues"]):
        if t.dep_ == "compound" and t.head.lemma_.lower() in c["venue_nouns"]:
            t = t.head  # "at the Geneva talks"
        if t.dep_ != "pobj" or t.head.lower_ not in c["verbal_cues"]:
            continue
        h = t.head.head
        for _ in range(2):  # "the talks among the six nations in Paris": up to the venue
            if h.pos_ in ("VERB", "AUX") or h.lemma_.lower() in c["venue_nouns"]:
                break
            if h.dep_ != "pobj" or h.head.dep_ != "prep":
                break
            h = h.head.head
        if h.pos_ in ("VERB", "AUX") and _dependent_verb(h):
            continue  # "agreed to prospect for gold in Guinea": the plan's place, not the act's
        if (
            h.pos_ in ("VERB", "AUX")
            or h.lemma_.lower() in c["venue_nouns"]
            or h.dep_ in ("nsubj", "nsubjpass")
            and (h.lemma_.lower() in c["doer_nouns"] or h.lower_ in c["doer_nouns"])
        ):
            out.add(p.start)
    return frozenset(out)


def _cued_names(
    doc: Any, places: Sequence[Place], cues: dict[int, str], verbal: frozenset[str] | set[str]
) -> Iterator[tuple[Place, Any]]:
    """Each place after an "in/at" cue with the token that stands for its name in the parse:
    the name's own head word, and a list's first name for its later ones."""
    by_char = {t.idx: t for t in doc}
    for p in places:
        if p.start is None or p.end is None or cues.get(p.start) not in verbal:
            continue
        t = by_char.get(p.start)
        if t is None:
            continue
        while t.head.i != t.i and p.start <= t.head.idx < p.end:  # the name's own head word
            t = t.head
        while t.dep_ == "conj" and t.head.i < t.i:
            t = t.head
        yield p, t


def _in_clause(doc: Any, places: Sequence[Place], cues: dict[int, str]) -> frozenset[int] | None:
    """Starts of the places after "in/at" whose phrase belongs to a verb or to the verb's
    subject or object ("killed 200 soldiers in northern Chad", "troops in Chad attacked"):
    where the clause's act was, not a noun's ("a wage freeze in Yugoslavia", "the worst
    breach in U.S. history"). None without a dependency parse."""
    if not (hasattr(doc, "has_annotation") and doc.has_annotation("DEP")):
        return None
    c = cue_sets()
    areas = c["place_nouns"] | c["suffixes"] | c["part_nouns"]
    cues_in = c["verbal_cues"]
    out = set()
    for p, t in _cued_names(doc, places, cues, cues_in):
        for _ in range(3):  # "in several towns in the states of X": up through place nouns
            if t.dep_ != "pobj" or t.head.lower_ != "of" or t.head.head.lemma_.lower() not in areas:
                break
            t = t.head.head
        if t.dep_ != "pobj" or t.head.lower_ not in c["verbal_cues"]:
            continue
        h = t.head.head
        for _ in range(2):
            if h.lemma_.lower() not in areas or h.dep_ != "pobj" or h.head.lower_ not in cues_in:
                break
            h = h.head.head
        of_verb = h.pos_ in ("VERB", "AUX") and not _dependent_verb(h)
        of_argument = h.dep_ in ("dobj", "nsubj", "nsubjpass") and h.head.pos_ in ("VERB", "AUX")
        if of_verb or of_argument:
            out.add(p.start)
    return frozenset(out)


def _dependent_verb(h: Any) -> bool:
    """A verb that is not an act the sentence reports but a plan or a modifier: an infinitive
    complement ("agreed to prospect for gold in Guinea", "plans to build a plant in Kenya")
    or a participle modifying a noun ("debt talks opening tomorrow in New York")."""
    if h.dep_ == "acl" and h.tag_ in ("VBG", "VBN"):
        return True
    return h.dep_ in ("xcomp", "acl", "advcl") and any(
        k.dep_ == "aux" and k.tag_ == "TO" for k in h.children
    )


def _modifiers(doc: Any, places: Sequence[Place]) -> frozenset[int]:
    """Starts of the places that modify a noun: whose person, body or thing it is, not where
    anything happens ("Chicago physician LeRoy Pesch", "New York bankers", "Tokyo-based
    Bandai"); a list of names before one noun are all modifiers ("the Singapore, London and
    New York authorities"), a name joined to another by a hyphen ("U.S.-European consensus",
    "the Iran-Iraq war"). A name before a site or a venue ("the Kenosha plant", "the London
    talks") or after "in/at" ("in France pig-farmers barricaded roads") stays a place. Needs the tagger's parts of
    speech ("-based" alone without them)."""
    text = doc.text
    tagged = hasattr(doc, "has_annotation") and doc.has_annotation("POS")
    by_char = {t.idx: t for t in doc} if tagged else {}
    c = cue_sets()
    sites = c["site_nouns"] | c["place_nouns"] | c["suffixes"] | c["landforms"] | c["venue_nouns"]
    locative = c["verbal_cues"]  # "in France pig-farmers"; not "bow to U.S. pressure"
    out: list[int] = []
    ordered = [p for p in places if p.start is not None and p.end is not None]
    for k in range(len(ordered) - 1, -1, -1):
        p = ordered[k]
        assert p.start is not None and p.end is not None
        if _word_before(text, p.start) in locative:
            continue
        after = text[p.end : p.end + 7].lower()
        hyphened = after[:1] == "-" and after[1:2].isalpha() or text[p.start - 1 : p.start] == "-"
        if after.startswith("-based") or hyphened:  # "Tokyo-based", "U.S.-European consensus"
            out.append(p.start)
            continue
        nxt = k + 1 < len(ordered) and ordered[k + 1].start in out
        if nxt and text[p.end : ordered[k + 1].start] in _LIST_GAP:
            out.append(p.start)
            continue
        j = p.end + (len(text[p.end :]) - len(text[p.end :].lstrip(" ")))
        t = by_char.get(j)
        if t is None or t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in ("GPE", "LOC"):
            continue
        while t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i:
            t = t.head
        if t.lower_ not in sites and t.lemma_.lower() not in sites:
            out.append(p.start)
    return frozenset(out)


def _subjects(doc: Any, places: Sequence[Place]) -> frozenset[int] | None:
    """Starts of the places that are the subject of their sentence's main clause ("Washington
    is pressing Taiwan"), or of a clause its attribution follows ("Japan has asked India ...,
    the sources said"); not of a clause a speaker introduces ("Funaro said Brazil would
    not ...": the speaker's words), nor a possessive ("Kuwait's minister"). None without a
    dependency parse."""
    if not (hasattr(doc, "has_annotation") and doc.has_annotation("DEP")):
        return None
    speech = cue_sets()["speech"] | {"say", "tell", "add", "report", "show", "note"}
    by_char = {t.idx: t for t in doc}
    out = set()
    for p in places:
        if p.start is None or p.end is None:
            continue
        t = by_char.get(p.start)
        if t is None:
            continue
        while t.head.i != t.i and p.start <= t.head.idx < p.end:
            t = t.head
        while t.dep_ == "conj" and t.head.i < t.i:  # "Brazil and the U.S. are refusing"
            t = t.head
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        h = t.head
        if (
            h.dep_ == "ROOT"
            and h.lemma_.lower() not in speech
            or (
                h.dep_ in ("ccomp", "parataxis")
                and h.i < h.head.i
                and (h.head.lemma_.lower() in speech or h.head.lower_ in speech)
            )
        ):
            out.add(p.start)
    return frozenset(out)


def _seats(doc: Any, places: Sequence[Place], modifiers: frozenset[int]) -> frozenset[int]:
    """The modifiers that name the seat of a body that acts ("the Sichuan government
    ordered", "closed by the Brunei government", "Baghdad police"): ``seat_nouns``."""
    if not modifiers:
        return frozenset()
    return _before_nouns(doc, [p for p in places if p.start in modifiers], "seat_nouns")


def _before_nouns(doc: Any, places: Sequence[Place], words: str) -> frozenset[int]:
    """Starts of the places written right before a noun of the cue set ``words`` (through
    the noun's own compound words and a date: "the February 22 Paris accord", "the Paris
    currency accord", "the Geneva talks")."""
    if not (hasattr(doc, "has_annotation") and doc.has_annotation("POS")):
        return frozenset()
    nouns = cue_sets()[words]
    by_char = {t.idx: t for t in doc}
    text = doc.text
    out = set()
    for p in places:
        if p.start is None or p.end is None:
            continue
        j = p.end + (len(text[p.end :]) - len(text[p.end :].lstrip(" ")))
        t = by_char.get(j)
        if t is not None and t.dep_ == "case" and t.i + 1 < len(doc):
            t = doc[t.i + 1]  # "Britain's Department of Trade"
        for _ in range(3):  # "Paris currency accord": up to the head of the compound
            if t is None or t.pos_ not in ("NOUN", "PROPN"):
                t = None
                break
            if t.lemma_.lower() in nouns or t.lower_ in nouns:
                break
            if t.dep_ != "compound" or t.head.i <= t.i:
                t = None
                break
            t = t.head
        if t is not None and (t.lemma_.lower() in nouns or t.lower_ in nouns):
            out.add(p.start)
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def media_phrases() -> re.Pattern[str]:
    """``data/places/media.txt``: phrases naming a news medium, as one pattern."""
    path = data_file("media.txt")
    phrases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        w = line.strip()
        if not w or w.startswith("#"):
            continue
        if not re.fullmatch(r"[a-z]+(?: [a-z]+)*", w):
            raise DataError("expected lower-case words", path, n)
        phrases.append(re.escape(w))
    if not phrases:
        raise DataError("no phrases", path)
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


def _relayed(doc: Any, dateline_end: int) -> bool:
    """True when the story's opening (its first three sentences after the dateline) names a
    news medium ("..., the official Saudi Press Agency SPA said", "The Iranian news agency
    IRNA, received in London, said"): a monitored report."""
    text = doc.text
    sents = getattr(doc, "sents", None)
    lead: list[str] = []
    try:
        for s in sents or ():
            if s.end_char > dateline_end + 1 and s.text.strip():
                lead.append(s.text)
                if len(lead) == 3:
                    break
    except ValueError:  # no sentence boundaries
        lead = [text[:600]]
    return media_phrases().search(" ".join(lead)) is not None


_ACTOR_LINK = re.compile(r"\s*(?:in|from|of|at|based in)\s+(?:the\s+)?$", re.IGNORECASE)


def actor_place(start: int, end: int, doc_places: DocPlaces) -> Place | None:
    """Where the text puts an actor whose words span ``start:end`` of the document's text (for
    GDELT's Actor1Geo/Actor2Geo): a place named inside the span ("Baghdad police", "the
    governor of Texas") or right after it through "in/from/of/at" ("demonstrators in Kisumu",
    "officials from Goma"); else None (an actor's country alone is no location)."""
    text = doc_places.text
    for p in doc_places.places:
        if p.start is None or p.precision == "region":
            continue
        if start <= p.start < end:
            return dataclasses.replace(p, rule="actor-span")
        if end <= p.start <= end + 20 and _ACTOR_LINK.fullmatch(text[end : p.start]):
            return dataclasses.replace(p, rule="actor-locative")
    return None


def country_place(code: str) -> Place | None:
    """A country (CAMEO or ISO code) on its own point, at precision "country"."""
    iso = _iso([code])
    if not iso:
        return None
    g = get_gazetteer()
    return g.place(g.country_ids[iso[0]], text="")


def _inside(fine: Place, coarse: Place) -> bool:
    """``fine`` is a town or division inside the country or division ``coarse``."""
    if fine.country != coarse.country or _RANK.get(fine.precision, 5) >= _RANK.get(
        coarse.precision, 5
    ):
        return False
    return coarse.precision == "country" or (
        coarse.precision == "admin1" and fine.admin1 is not None and fine.admin1 == coarse.admin1
    )


@functools.lru_cache(maxsize=1)
def _capital_ids() -> frozenset[str]:
    g = get_gazetteer()
    return frozenset(str(g.gid[i]) for i in g.capitals)


def _refines(dateline: Place, best: Place) -> bool:
    """The dateline's town stands for a country the sentence names only when it is the
    country's capital ("WASHINGTON - The U.S. Treasury"; not "SAO PAULO - Brazil has
    suspended imports": a national act is the country's); a division's town always."""
    return best.precision != "country" or (dateline.geonameid or "") in _capital_ids()


def _with(place: Place, rule: str) -> tuple[Place, str]:
    p = dataclasses.replace(place, rule=rule)
    return p, rule


def _cue(p: Place, cues: dict[int, str]) -> str | None:
    return cues.get(p.start) if p.start is not None else None


def _order(p: Place, countries: Sequence[str], cues: dict[int, str]) -> tuple[int, int, int]:
    """How well a sentence's place says where its event happened, smaller first: a place
    after a locative cue ("in", "near", "into", "visited"), then the others (also "from X",
    "to X": an origin, a recipient), then a doer's name ("captured by Israel"); then one in an actor's country; then the finer."""
    cue = _cue(p, cues)
    c = cue_sets()
    neutral = c["origin_cues"] | c["direction_cues"]
    role = 2 if cue in c["agent_cues"] else 1 if not cue or cue in neutral else 0
    return role, p.country not in countries, _RANK.get(p.precision, 5)


def _joint(cameo: str) -> bool:
    """A meeting, talks, an agreement or a signing: codes starting as ``joint_codes``."""
    return any(cameo.startswith(k) for k in cue_sets()["joint_codes"])


def _act_cue(p: Place, cues: dict[int, str], said_at: frozenset[int] | None, cameo: str) -> bool:
    """A verbal act's place is one its sentence gives as where it was made ("said in Tokyo",
    "told a news conference in Madrid"; ``DocPlaces.said_at`` when the text was parsed); for
    a consultation (root 04) also where a visit went ("visited Washington")."""
    c = cue_sets()
    cue = _cue(p, cues)
    if cue is None:
        return False
    if cameo[:2] == "04" and cue in c["visit_cues"]:
        return True
    return cue in c["verbal_cues"] and (said_at is None or p.start in said_at)


def _relayed_place(
    usable: Sequence[Place],
    countries: Sequence[str],
    dateline: Place,
    cues: dict[int, str],
    doc_places: DocPlaces | None,
) -> tuple[Place | None, str | None]:
    """An act in a relayed report by actors of another country than the dateline's (the
    dateline is only where the report was monitored): a place the sentence gives after a
    locative cue ("in", "across the peaks of"), wherever it is; else one it names outside the
    dateline's country; else, for a material act (``doc_places`` given), the story's dominant
    country when it is not the dateline's (the war reported from London is in Iraq); else the
    speaker's or doer's country."""
    cued = [p for p in usable if _order(p, countries, cues)[0] == 0]
    if cued:  # "Iran attacked across the peaks of northeastern Iraq", reported from Baghdad
        return _with(min(cued, key=lambda p: _order(p, countries, cues)), "sentence-place")
    abroad = [p for p in usable if p.country != dateline.country]
    if abroad:
        return _with(min(abroad, key=lambda p: _order(p, countries, cues)), "sentence-place")
    dominant = doc_places.dominant_country if doc_places is not None else None
    if dominant and dominant != dateline.country:
        p = country_place(dominant)
        if p is not None:
            return _with(p, "story-country")
    for c in countries:
        p = country_place(c)
        if p is not None:
            return _with(p, "actor-country")
    return _with(dateline, "dateline")


_HERE = re.compile(r"\b(?:here|in this (?:[a-z]+ )?(?:city|capital|town|port))\b", re.IGNORECASE)


def _says_here(doc_places: DocPlaces | None, span: tuple[int, int] | None) -> bool:
    """The sentence puts its act at the dateline's place ("agreed after two days of talks
    here", "in this capital"), or at a meeting it names without a place ("told a GATT
    council meeting", "at the session": the meeting the reporter at the dateline covers)."""
    if doc_places is None or span is None or not doc_places.text:
        return False
    text = doc_places.text
    return (
        _HERE.search(text, span[0], span[1]) is not None
        or _venue_phrase().search(text, span[0], span[1]) is not None
    )


@functools.lru_cache(maxsize=1)
def _venue_phrase() -> re.Pattern[str]:
    """ "at/during/told/addressed/before the|a ... <venue noun>" (``venue_openers``,
    ``venue_nouns``)."""
    nouns = "|".join(sorted(map(re.escape, cue_sets()["venue_nouns"]), key=len, reverse=True))
    openers = "|".join(sorted(map(re.escape, cue_sets()["venue_openers"]), key=len, reverse=True))
    return re.compile(
        r"\b(?:" + openers + r")\s+(?P<det>the|a|an|this|its|their)\s+"
        r"(?:[\w'-]+\s+){0,4}?(?P<noun>" + nouns + r")\b",
        re.IGNORECASE,
    )


def _meeting_place(doc_places: DocPlaces | None, span: tuple[int, int] | None) -> Place | None:
    """The place of a meeting the sentence names with "the" and no place ("blocked the
    proposal at the coffee talks", "during the talks") that the story placed when it first
    named it ("the talks in London", "the London talks"): the nearest such place before the
    sentence, else the first after it. None when the story never places it."""
    if doc_places is None or span is None or not doc_places.text:
        return None
    text = doc_places.text
    m = _venue_phrase().search(text, span[0], span[1])
    if m is None or m.group("det").lower() != "the":
        return None
    courts = cue_sets()["court_nouns"]
    noun = m.group("noun").lower()
    stems = sorted({w.rstrip("s") for w in courts}) if noun in courts else [noun.rstrip("s")]
    stem = "(?:" + "|".join(map(re.escape, stems)) + ")"  # a court is also its judge
    before = re.compile(r"\b" + stem + r"s?\b[^.;]{0,50}\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
    after = re.compile(r"\s+(?:[\w'-]+\s+){0,2}?" + stem + r"s?\b", re.IGNORECASE)
    found = []
    for p in doc_places.places:
        if p.start is None or p.end is None or not p.country or p.precision == "region":
            continue
        if noun in courts and p.precision == "country":
            continue  # "the U.S. District Court": its jurisdiction, not its town
        if span[0] <= p.start < span[1] or p.start < doc_places.dateline_end:
            continue
        named = before.search(text, max(0, p.start - 70), p.start) is not None or (
            p.start in doc_places.pacts and after.match(text, p.end) is not None
        )
        if named:
            found.append(p)
    if not found:
        return None
    earlier = [p for p in found if p.start is not None and p.start < span[0]]
    return earlier[-1] if earlier else found[0]


def _government_named(
    places: Sequence[Place], countries: Sequence[str], dateline: Place, doc_places: DocPlaces | None
) -> bool:
    """The sentence's doer is the actor's own country or capital (metonymy for its
    government: "Washington is pressing Taiwan", "Japan has asked India ..., sources said",
    "Iraq rejected its quota"; ``DocPlaces.subjects``) and the story is filed from another
    country, or from a town of the same country that is not its capital ("MIAMI -
    Washington has threatened"), not from a body's seat where governments act as members
    ("UNITED NATIONS", ``datelines.tsv``): a government acts at home."""
    if doc_places is None or doc_places.subjects is None or not countries:
        return False
    capitals = _capital_ids()
    if countries[0] == dateline.country and (dateline.geonameid or "") in capitals:
        return False  # "WASHINGTON - The United States has threatened": the dateline is home
    g = doc_places.gazetteer or get_gazetteer()
    if normalize(dateline.text or "") in _dateline_table(g):
        return False
    if any(
        p.country == countries[0]
        and p.start in doc_places.subjects
        and (p.precision == "country" or (p.geonameid or "") in capitals)
        and p.geonameid != dateline.geonameid
        for p in places
    ):
        return True  # also "MIAMI - Washington has threatened": the capital acts, not Miami
    span = getattr(places, "span", None)
    return span is not None and any(
        p.start is not None
        and span[0] <= p.start < span[1]
        and p.start in doc_places.bodies
        and p.country == countries[0]
        and p.precision == "country"
        for p in doc_places.places
    )  # "the U.S. Commerce Department opposed", "Britain's Department of Trade is investigating"


def _national_body_elsewhere(
    doc_places: DocPlaces | None, span: tuple[int, int] | None, dateline: Place
) -> bool:
    """The sentence names a national body by the dateline's country ("the U.S. Commerce
    Department", ``DocPlaces.bodies``) and the dateline is not that country's capital: the
    body acts at its seat, not in the town the story was filed from ("NEW YORK - The sale has
    been opposed by the U.S. Commerce Department")."""
    if doc_places is None or span is None or (dateline.geonameid or "") in _capital_ids():
        return False
    return any(
        p.start is not None
        and span[0] <= p.start < span[1]
        and p.start in doc_places.bodies
        and p.precision == "country"
        and p.country == dateline.country
        for p in doc_places.places
    )


def _doer_seat(
    doc_places: DocPlaces | None, span: tuple[int, int] | None, dateline: Place | None
) -> Place | None:
    """The seat of the first body of ``bodies.tsv`` that the sentence names as a doer ("the
    Federal Reserve Board approved", "opposed by the World Bank"; ``DocPlaces.seated``); the
    dateline itself when the seat is the dateline's town ("BRUSSELS - The EC Commission")."""
    if doc_places is None or span is None:
        return None
    g = doc_places.gazetteer or get_gazetteer()
    for start, i in doc_places.seated:
        if span[0] <= start < span[1]:
            seat = g.place(i)
            if dateline is not None and seat.geonameid == dateline.geonameid:
                return dateline
            return seat
    return None


def _spread_country(
    usable: Sequence[Place], dateline: Place | None, countries: Sequence[str]
) -> Place | None:
    """The country an act spread over it is in: one the sentence names ("in Peru, strikes
    spread throughout the country"), else the dateline's, else the first actor's."""
    for p in usable:
        if p.precision == "country":
            return p
    for c in ([dateline.country] if dateline is not None and dateline.country else []) + list(
        countries
    ):
        p = country_place(c or "")
        if p is not None:
            return p
    return None


def _unstated(countries: Sequence[str], dateline: Place) -> tuple[Place | None, str | None]:
    """An act the text does not place, under a dateline that is only where the story was
    filed: the country, at precision "country" -- the dateline's when it is a party's (the
    reporter is in one party's country: "NAIROBI - Kenya has signed an agreement"), else the
    first of ``countries`` ("WASHINGTON - Japan has pledged"), else the dateline's."""
    if dateline.country in countries or not countries:
        p = country_place(dateline.country or "")
        return _with(p, "actor-country" if countries else "dateline") if p else (None, None)
    for c in countries:
        p = country_place(c)
        if p is not None:
            return _with(p, "actor-country")
    return None, None


def event_place(
    clause_locatives: Sequence[str | Place] = (),
    sentence_places: Sequence[Place] = (),
    dateline: Place | str | None = None,
    actor_countries: Sequence[str | None] = (),
    doc_places: DocPlaces | None = None,
    *,
    cameo: str | None = None,
) -> tuple[Place | None, str | None]:
    """The event's place and the rule that chose it (see the module docstring), or
    ``(None, None)`` when nothing locates it. ``cameo``: the event's code, when the caller
    has it: a verbal act (a statement, appeal, consultation, rejection, threat: the roots of
    ``verbal_roots`` in ``cues.tsv``) took place where the speaker was, which under a dateline
    is the dateline's place unless the sentence says where it was made ("said in Tokyo",
    ``verbal_cues``; for consultations also "visited Washington", ``visit_cues``): the other
    places a statement names are its topic ("LONDON - Funaro rejected suggestions that
    Brazil ...", "BRUSSELS - The Commission said ... the Soviet Union is dumping mercury").
    In a relayed report (``DocPlaces.relayed``: "BAHRAIN - ... the official Saudi Press
    Agency said") by actors of another country, the dateline is only where it was monitored:
    a place the sentence names abroad, else the speaker's country."""
    countries = _iso(actor_countries)
    for loc in clause_locatives:
        if isinstance(loc, Place):
            p: Place | None = loc if doc_places is None or doc_places.known(loc) else None
        elif doc_places is not None:
            p = doc_places.resolve(loc, countries)
        else:
            g = get_gazetteer()
            i = resolve_id(g, loc, tuple(countries))
            p = g.place(i, text=loc) if i is not None else None
        if p is not None and p.precision != "region":
            return _with(p, "clause-locative")
    if isinstance(dateline, str):
        if doc_places is not None:
            dateline = doc_places.resolve(dateline, countries)
        else:
            g = get_gazetteer()
            i = resolve_id(g, dateline, tuple(countries))
            dateline = g.place(i, text=dateline) if i is not None else None
    usable = [
        p
        for p in sentence_places
        if p.precision != "region"
        and p.country
        and not (
            doc_places is not None
            and p.start in doc_places.owners
            and p.country not in countries[:1]
        )
    ]  # "France protested over Canada's decision": Canada owns the decision
    cues = doc_places.cue_before if doc_places is not None else {}
    verbal = cameo is not None and cameo[:2] in cue_sets()["verbal_roots"]
    relayed = doc_places is not None and doc_places.relayed
    if relayed and dateline is not None and dateline.country and dateline.country not in countries:
        return _relayed_place(usable, countries, dateline, cues, None if verbal else doc_places)
    span = getattr(sentence_places, "span", None)
    joint = cameo is not None and _joint(cameo)
    if joint and doc_places is not None and span is not None:
        named = [
            p
            for p in doc_places.places
            if p.start is not None
            and span[0] <= p.start < span[1]
            and p.start in doc_places.pacts
            and p.country
            and p.precision != "region"
        ]
        if named:  # "the February 22 Paris accord", "the Geneva talks"
            return _with(named[0], "sentence-place")
    if verbal and dateline is not None and dateline.country:
        said_at = doc_places.said_at if doc_places is not None else None
        named = _government_named(sentence_places, countries, dateline, doc_places)
        usable = [p for p in usable if _act_cue(p, cues, said_at, cameo or "")]
        met = None if usable else _meeting_place(doc_places, span)
        if met is not None:  # "blocked the proposal at the coffee talks" (in London)
            return _with(met, "sentence-place")
        seat = None if usable or joint else _doer_seat(doc_places, span, dateline)
        if seat is not None and not _says_here(doc_places, span):
            rule = "dateline" if seat is dateline else "sentence-place"
            return _with(seat, rule)  # "the EC Commission rejected all bids"
        if not usable and (joint or named) and not _says_here(doc_places, span):
            # the dateline is where the story was filed; a government named acts at home
            return _unstated(countries[:1] if named else countries, dateline)
        if not usable and _national_body_elsewhere(doc_places, span, dateline):
            country = country_place(dateline.country)
            if country is not None:  # "NEW YORK - ... opposed by the U.S. Commerce Department"
                return _with(country, "actor-country")
    field_act = cameo is not None and cameo[:2] in cue_sets()["field_roots"]
    if not usable and not verbal and doc_places is not None:
        usable = [
            p
            for p in doc_places.places
            if span is not None
            and p.start is not None
            and span[0] <= p.start < span[1]
            and p.start in doc_places.seats
            and p.country
        ]  # "the bank was closed by the Brunei government"
        met = None if usable else _meeting_place(doc_places, span)
        if met is not None:  # "in hearings before the federal judge" (in Chicago)
            return _with(met, "sentence-place")
    if not verbal and doc_places is not None and spread_over_country(doc_places.text, span):
        country = _spread_country(usable, dateline, countries)
        if country is not None:  # "70 strikes throughout the country"
            return _with(country, "sentence-place")
    if (
        not verbal
        and not field_act
        and dateline is not None
        and not any(_order(p, countries, cues)[0] == 0 for p in usable)
        and _government_named(sentence_places, countries, dateline, doc_places)
    ):  # "GEORGETOWN - Trinidad and Tobago had restricted imports of Guyanese rice"
        country = country_place(countries[0])
        if country is not None:  # the country the sentence names as the doer
            return _with(country, "sentence-place")
    if usable:
        best = min(usable, key=lambda p: _order(p, countries, cues))
        seat = (
            None
            if verbal or _order(best, countries, cues)[0] == 0
            else _doer_seat(doc_places, span, dateline)
        )
        if seat is not None:  # "the EC Commission has charged the United States"
            return _with(seat, "dateline" if seat is dateline else "sentence-place")
        in_clause = doc_places.in_clause if doc_places is not None else None
        spread = (  # "in X" of the clause: somewhere in the country ("killed ... in northern Chad")
            not verbal
            and best.precision in ("country", "admin1")
            and _order(best, countries, cues)[0] == 0
            and in_clause is not None
            and best.start in in_clause
        )
        if (
            dateline is not None
            and not spread  # "N'DJAMENA - troops routed a force in northern Chad": not the capital
            and _inside(dateline, best)
            and _refines(dateline, best)
        ):
            return _with(dateline, "dateline")  # "WASHINGTON - The U.S. Treasury said ..."
        if _cue(best, cues) == DISTANCE and best.precision != "country":
            country = country_place(best.country or "")  # "340 km north of Baghdad": Iraq
            if country is not None:
                return _with(country, "sentence-place")
        return _with(best, "sentence-place")
    if field_act and dateline is not None and dateline.country and not _says_here(doc_places, span):
        return _unstated(countries[::-1], dateline)  # fighting is rarely where news is filed
    if dateline is not None and dateline.country:
        return _with(dateline, "dateline")
    for c in countries:
        p = country_place(c)
        if p is not None:
            return _with(p, "actor-country")
    if doc_places is not None and doc_places.dominant_country:
        p = country_place(doc_places.dominant_country)
        if p is not None:
            return _with(p, "story-country")
    return None, None


__all__ = [
    "RULES",
    "DocPlaces",
    "actor_place",
    "country_place",
    "document_places",
    "event_place",
]
