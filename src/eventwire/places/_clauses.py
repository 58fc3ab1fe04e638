"""What the dependency parse says a place is to its clause: where a statement was made
(``_said_at``), where the clause's act was (``_in_clause``), the clause's doer (``_subjects``),
a body's seat or a pact's place written before a noun (``_seats``, ``_before_nouns``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from eventwire.model import Place
from eventwire.places.scan import cue_sets


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
        speaking = h.lemma_.lower() in c["speaking_verbs"] or h.lower_ in c["speaking_verbs"]
        if h.pos_ in ("VERB", "AUX") and _dependent_verb(h) and not speaking:
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


def _in_clause(
    doc: Any, places: Sequence[Place], cues: dict[int, str], words: str = "verbal_cues"
) -> frozenset[int] | None:
    """Starts of the places after "in/at" whose phrase belongs to a verb or to the verb's
    subject or object ("killed 200 soldiers in northern Chad", "troops in Chad attacked"):
    where the clause's act was, not a noun's ("a wage freeze in Yugoslavia", "the worst
    breach in U.S. history"). None without a dependency parse."""
    if not (hasattr(doc, "has_annotation") and doc.has_annotation("DEP")):
        return None
    c = cue_sets()
    areas = c["place_nouns"] | c["suffixes"] | c["part_nouns"]
    cues_in = c[words]  # "in/at"; or every locative cue ("moved warships into the sea")
    out = set()
    for p, t in _cued_names(doc, places, cues, cues_in):
        for _ in range(3):  # "in several towns in the states of X": up through place nouns
            if t.dep_ != "pobj" or t.head.lower_ != "of" or t.head.head.lemma_.lower() not in areas:
                break
            t = t.head.head
        if t.dep_ != "pobj" or t.head.lower_ not in cues_in:
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
