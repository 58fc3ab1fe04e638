"""Toponym candidates: gazetteer-driven matching of (multi-word) names, with case guards.

The text is split into word tokens; runs of capitalised words (joined by single spaces and the
lower-case links of place names: "of", "de", "al", ...) are matched against the gazetteer,
longest name first. Whether a match is a toponym depends on the evidence around it:

* a name of two or more words, a country, region, division, alias or a city of at least
  ``STRONG_POP`` inhabitants is taken unless the entity recogniser calls it a person;
* a smaller town needs a cue: the recogniser's GPE/LOC label, a locative preposition before it
  ("in", "near", "outside", "to", also across "the" and direction words: "in southern
  Indiana"), a place noun before it ("the town of X", "X district"), a qualifier after it
  ("X, Kansas") or a place it is listed with ("Rogaland, Vestfold and Telemark");
* a common English word ("Mobile", "Reading", ``english_words.txt``), or a word the text also
  writes in lower case, needs the label or a locative cue; at the start of a sentence, a weak
  name needs the label.

Case guards: when a text is (nearly) all lower case or all capitals, capitalisation says
nothing, so every word run is tried, but a single word must not be a common word and must be a
country, region, division, alias or a city of ``STRONG_POP`` (any town after a locative cue).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from eventwire.data_files import DataError
from eventwire.places.build import data_file, read_tsv
from eventwire.places.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, REGION, Gazetteer, normalize

STRONG_POP = 100_000

_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019]|\.(?=[^\W\d_]))*\.?")
CUE_SETS = (
    "links",
    "cues",
    "skip",
    "place_nouns",
    "suffixes",
    "admin2_suffixes",
    "landforms",
    "speech",
    "division_titles",
    "never",
    "affiliation_nouns",
    "verbal_roots",
    "site_nouns",
    "verbal_cues",
    "visit_cues",
    "agent_cues",
    "venue_nouns",
    "origin_cues",
    "direction_cues",
    "opening_links",
    "seat_nouns",
    "joint_codes",
    "pact_nouns",
    "field_roots",
    "distance_units",
    "doer_nouns",
    "part_nouns",
    "spread_cues",
    "spread_nouns",
    "spread_words",
    "kin_nouns",
    "venue_openers",
    "court_nouns",
    "water_words",
    "visitor_words",
    "recent_words",
    "compass_words",
    "speaking_verbs",
)


@functools.lru_cache(maxsize=1)
def cue_sets() -> dict[str, frozenset[str]]:
    """The word sets of ``data/places/cues.tsv``; a row with an unknown set, or a missing set,
    is an error naming the file (and line)."""
    path = data_file("cues.tsv")
    sets: dict[str, set[str]] = {}
    for n, row in read_tsv(path):
        if len(row) < 2 or row[0] not in CUE_SETS:
            raise DataError(f"expected one of {', '.join(CUE_SETS)}, then words", path, n)
        sets.setdefault(row[0], set()).update(w.lower() for w in row[1].split())
    missing = [k for k in CUE_SETS if k not in sets]
    if missing:
        raise DataError(f"missing word sets: {', '.join(missing)}", path)
    return {k: frozenset(v) for k, v in sets.items()}


_C = cue_sets()
_LINKS, _CUES, _SKIP = _C["links"], _C["cues"], _C["skip"]
PLACE_NOUNS, _SUFFIXES, LANDFORMS = _C["place_nouns"], _C["suffixes"], _C["landforms"]
_ADMIN2_SUFFIXES, _SPEECH, DIVISION_TITLES, _NEVER = (
    _C["admin2_suffixes"],
    _C["speech"],
    _C["division_titles"],
    _C["never"],
)
_SENT_END = frozenset('.!?"\u201c\u201d:;\n')


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case English words (``data/places/english_words.txt``)."""
    path = data_file("english_words.txt")
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            w = line.strip()
            if w and not w.startswith("#"):
                out.add(w)
    return frozenset(out)


@dataclass
class Tok:
    start: int
    end: int
    text: str
    low: str


@dataclass
class Candidate:
    start: int
    end: int
    ids: tuple[int, ...]
    kind_hint: int | None = None  # a suffix or place noun said which kind ("X County")
    accepted: bool = False
    weak: bool = False  # a common word: never taken on a list's evidence alone


_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft"})


def tokens(text: str, abbreviations: Collection[str] = frozenset()) -> list[Tok]:
    """Word tokens; a final dot stays only on abbreviations: dotted ones ("U.S.", "D.C."),
    "St.", "Mt.", and ``abbreviations`` (lower case, no dot: the state qualifiers "kan")."""
    out = []
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        w = m.group()
        if w.endswith("."):
            inner = w[:-1]
            low = inner.lower()
            if "." not in inner and low not in _ABBREVIATIONS and low not in abbreviations:
                e -= 1  # a sentence's full stop ("in Utah."), not an abbreviation
        for poss in ("'s", "\u2019s"):
            if text[s:e].endswith(poss) and e - s > 2:
                e -= 2
        w = text[s:e]
        if w.endswith(("'", "\u2019")):
            e -= 1
            w = w[:-1]
        out.append(Tok(s, e, w, w.lower()))
    return out


def caseless(text: str) -> bool:
    """True when capitalisation carries no information (lower-case or ALL-CAPS text)."""
    up = sum(1 for c in text if c.isupper())
    low = sum(1 for c in text if c.islower())
    letters = up + low
    return letters > 20 and (up < 0.015 * letters or low < 0.1 * letters)


def _runs(toks: list[Tok], text: str, cased: bool) -> Iterable[list[int]]:
    """Indices of token runs that may hold a name."""
    run: list[int] = []
    for k, t in enumerate(toks):
        ok = t.text[:1].isupper() if cased else True
        link = t.low in _LINKS and bool(run)
        joined = bool(run) and text[toks[run[-1]].end : t.start] in (" ", "-")
        if run and not joined:
            yield run
            run = []
            link = False
        if ok or link:
            run.append(k)
        else:
            if run:
                yield run
            run = []
    if run:
        yield run


def _capital(t: Tok) -> bool:
    """A capitalised article may open a name ("El Salvador", "La Paz", "Al Basrah")."""
    return t.text[:1].isupper() and t.low in _C["opening_links"]


def _lookup(g: Gazetteer, key: str) -> tuple[int, ...]:
    return g.aliases.get(key) or g.index.get(key, ())


def _every(g: Gazetteer, key: str) -> tuple[int, ...]:
    """Alias target and every homonym."""
    return tuple(dict.fromkeys(g.aliases.get(key, ()) + g.index.get(key, ())))


def _division_before(toks: list[Tok], a: int) -> bool:
    """ "the state of X", also plural ("the states of Sao Paulo and Parana", "the counties
    of ...")."""
    if a < 2 or toks[a - 1].low != "of":
        return False
    w = toks[a - 2].low
    singular = w[:-3] + "y" if w.endswith("ies") else w.removesuffix("s")
    return w in _SUFFIXES or singular in _SUFFIXES


def _strong(g: Gazetteer, key: str, ids: tuple[int, ...]) -> bool:
    """A name safe to take on its own: an alias, a country, region or first-level division
    (of any of its homonyms), a capital or a city of ``STRONG_POP``."""
    if key in g.aliases:
        return True
    for i in ids[:8]:
        if g.kind[i] in (COUNTRY, REGION, ADMIN1) or i in g.capitals or g.pop[i] >= STRONG_POP:
            return True
    return False


def _person(toks: list[Tok], a: int, b: int, labels: dict[int, str], text: str) -> bool:
    """The recogniser's PERSON reading is believable: the name runs on into other capitalised
    words of the entity ("Paris Hilton", "George Washington"), or a speech verb follows
    ("Jordan said")."""
    for j in (a - 1, b + 1):
        if not (0 <= j < len(toks) and labels.get(toks[j].start) == "PERSON"):
            continue
        between = text[min(toks[j].end, toks[a].end) : max(toks[j].start, toks[a].start)]
        if toks[j].text[:1].isupper() and not between.strip() and toks[j].low not in common_words():
            return True  # "Paris Hilton", not "Randwick Racecourse"
    return b + 1 < len(toks) and toks[b + 1].low in _SPEECH


def _cue_before(toks: list[Tok], k: int, text: str) -> bool:
    j = k - 1
    while j >= 0 and toks[j].low in _SKIP:
        j -= 1
    if j < 0:
        return False
    w = toks[j].low
    if w in _CUES:
        return True
    if w == "of" and j > 0:
        p = j - 1
        while p >= 0 and toks[p].low in _SKIP:
            p -= 1
        return p >= 0 and toks[p].low in PLACE_NOUNS
    return False


def _sentence_start(toks: list[Tok], k: int, text: str) -> bool:
    before = text[: toks[k].start].rstrip(" \t\u201c\"'(")
    return not before or before[-1] in _SENT_END


def find(
    g: Gazetteer, text: str, labels: dict[int, str], taken: list[tuple[int, int]]
) -> list[Candidate]:
    """Accepted toponym candidates, in text order. ``labels``: the entity label of each token
    start offset, and each entity's end under ``-(entity start) - 1`` (``geoparse._labels``);
    ``taken``: spans already claimed ("City, Region" forms)."""
    cased = not caseless(text)
    toks = tokens(text, g.qualifiers.keys())
    common = common_words()
    lowered = {t.low for t in toks if t.text[:1].islower()} if cased else set()
    out: list[Candidate] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    for run in _runs(toks, text, cased):
        k = 0
        while k < len(run):
            matched = False
            for n in range(min(6, len(run) - k), 0, -1):
                a, b = run[k], run[k + n - 1]
                if toks[b].low in _LINKS or (toks[a].low in _LINKS and not _capital(toks[a])):
                    continue
                s, e = toks[a].start, toks[b].end
                if not free(s, e):
                    continue
                key = normalize(text[s:e])
                if key in _NEVER or key in g.demonyms:
                    continue  # "August", "Canadian" (a town in Texas, and a demonym)
                ids = _lookup(g, key)
                if n == 1 and toks[a].text.endswith(".") and key in g.qualifiers:
                    ids = (g.qualifiers[key],)  # "(Kan.)", "Hawthorne, Calif.": the state
                hint = None
                nxt = b + 1
                if (
                    nxt < len(toks)
                    and toks[nxt].low in _SUFFIXES
                    and text[e : toks[nxt].start] == " "
                ):
                    key2 = normalize(text[s : toks[nxt].end])
                    ids2 = _lookup(g, key2)
                    want = ADMIN2 if toks[nxt].low in _ADMIN2_SUFFIXES else ADMIN1
                    div = tuple(
                        i for i in (ids2 or _every(g, key)) if g.kind[i] in (ADMIN1, ADMIN2)
                    )
                    if div:
                        ids, e, hint = div, toks[nxt].end, want
                if ids and hint is None and _division_before(toks, a):
                    div = tuple(i for i in _every(g, key) if g.kind[i] in (ADMIN1, ADMIN2))
                    if div:  # "the state of Washington", "the province of Bohol"
                        ids, hint = div, g.kind[div[0]]
                if (
                    ids
                    and nxt < len(toks)
                    and toks[nxt].low in LANDFORMS
                    and toks[nxt].text[:1].isupper()
                ):
                    # "Swat Valley" is the Swat district, "Fraser Valley" no town Fraser
                    ids = tuple(i for i in ids if g.kind[i] != CITY)
                if not ids:
                    continue
                if _accept(g, text, toks, a, b, key, ids, labels, cased, common, lowered, hint):
                    out.append(Candidate(s, e, ids, hint, True))
                    k += n
                    matched = True
                    break
                if n == 1:
                    weak = key in common or key in lowered or _sentence_start(toks, a, text)
                    out.append(Candidate(s, e, ids, hint, False, weak))
            if not matched:
                k += 1
    _extend_lists(g, text, out)
    return [c for c in out if c.accepted]


def _accept(
    g: Gazetteer,
    text: str,
    toks: list[Tok],
    a: int,
    b: int,
    key: str,
    ids: tuple[int, ...],
    labels: dict[int, str],
    cased: bool,
    common: frozenset[str],
    lowered: set[str],
    hint: int | None,
) -> bool:
    s = toks[a].start
    label = labels.get(s, "")
    if label and label != "PERSON":
        ent_end = labels.get(-s - 1)  # the entity must start here and end with the match
        if ent_end is None or int(ent_end) > toks[b].end + 2:  # 2: a possessive "'s"
            label = ""
    words = [t.low for t in toks[a : b + 1] if t.low not in _LINKS]
    strong = _strong(g, key, ids) or hint is not None
    cue = _cue_before(toks, a, text)
    kinds = {g.kind[i] for i in ids}
    if not cased:
        if all(w in common for w in words):
            return False
        if len(words) > 1:
            return strong or cue or g.pop[ids[0]] >= 20_000
        if len(key) < 4 and key not in g.aliases:
            return False
        return strong or cue
    if label == "PERSON" and (_person(toks, a, b, labels, text) or not (cue or strong)):
        return False
    if len(words) > 1:
        if label in ("GPE", "LOC") or strong or cue:
            return True
        if all(w in common for w in words):
            return False
        return label != "ORG" or g.pop[ids[0]] >= 20_000
    if len(key) < 3 and key not in g.aliases:
        return False
    if (
        toks[a].text.isupper()
        and len(key) <= 3
        and key not in g.aliases
        and not kinds & {COUNTRY, REGION}
    ):
        return False  # an acronym ("WHO", "BAI"), not a town
    if label in ("GPE", "LOC"):
        return True
    big = key in g.aliases or bool(kinds & {COUNTRY, REGION}) or hint is not None
    if not big and _in_longer_name(toks, a, text):
        return False  # "Abu Shok", "Swat Valley": part of a longer name the gazetteer lacks
    weak_word = key in common or key in lowered
    if weak_word and not kinds & {COUNTRY, REGION, ADMIN1}:
        return cue
    if _sentence_start(toks, a, text) and not strong and not cue:
        return False
    if strong or cue:
        return True
    return _qualified_after(g, text, toks, b)


def _in_longer_name(toks: list[Tok], k: int, text: str) -> bool:
    """The capitalised word next to token k (no punctuation between) makes a longer name."""
    for j in (k - 1, k + 1):
        if not 0 <= j < len(toks):
            continue
        lo, hi = (toks[j], toks[k]) if j < k else (toks[k], toks[j])
        w = toks[j].low
        if text[lo.end : hi.start] in (" ", "-") and toks[j].text[:1].isupper():
            if w in _SKIP or w in _CUES or w in _LINKS or w in common_words() or w in PLACE_NOUNS:
                continue  # "In Kisumu", "Northern Kisumu", "Kisumu Hospital"
            return True
    return False


def _qualified_after(g: Gazetteer, text: str, toks: list[Tok], b: int) -> bool:
    """ "Garut, West Java", "Pandi, Bulacan": a name followed by ", <division or country>"."""
    if b + 1 >= len(toks) or text[toks[b].end : toks[b + 1].start] != ", ":
        return False
    for n in (3, 2, 1):
        if b + n >= len(toks):
            continue
        key = normalize(text[toks[b + 1].start : toks[b + n].end])
        ids = _lookup(g, key)
        if ids and g.kind[ids[0]] in (COUNTRY, ADMIN1, ADMIN2):
            return True
    return False


def _extend_lists(g: Gazetteer, text: str, cands: list[Candidate]) -> None:
    """A rejected name listed with accepted places ("Rogaland, Vestfold and Telemark") is one."""
    cands.sort(key=lambda c: c.start)
    changed = True
    while changed:
        changed = False
        for k, c in enumerate(cands):
            if c.accepted or c.weak:
                continue
            for j in (k - 1, k + 1):
                if not 0 <= j < len(cands) or not cands[j].accepted:
                    continue
                lo, hi = (cands[j], c) if j < k else (c, cands[j])
                gap = text[lo.end : hi.start]
                if gap in (", ", " and ", ", and ", " or ", " & ", "; ") and g.kind[c.ids[0]] in (
                    CITY,
                    ADMIN1,
                    ADMIN2,
                    COUNTRY,
                ):
                    c.accepted = changed = True
                    break
