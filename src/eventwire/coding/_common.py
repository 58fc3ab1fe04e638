"""Shared pieces of the coder: grammar constants (dependency labels, auxiliaries, CAMEO root
groups), the Trigger and Trace records, and small helpers on tokens and dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from eventwire.coding.patterns import Pattern

NEG_WORDS = {"not", "n't", "never", "no"}
HYPOTHETICAL_AUX = {"could", "might", "may"}
OBLIGATION_AUX = {"must", "should", "ought"}
FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
# prepositions that place an event: "in Crimea", "travels to Kiev", "at the border"
PLACE_PREPS = {"in", "at", "to", "into", "near", "inside", "outside", "across", "around", "on"}
GOAL_PREPS = {"to", "into", "on"}  # a place only after a journey or an attack (goal_place_head)
SUBJ = ("nsubj", "nsubjpass", "csubj")
PLOVER_COOPERATIVE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
PLOVER_FORCEFUL = {"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"}
# a participle standing as a noun or adjective ("evacuated the wounded") is no event
NOMINAL_DEPS = {"amod", "compound", "nsubj", "nsubjpass", "dobj", "pobj"}
VIOLENT_ROOTS = {"18", "19", "20"}
FORCEFUL_ROOTS = {"15", "16", "17", "18", "19", "20"}
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
CLAUSE_GOVERNORS = {
    "02",
    "03",
    "10",
    "11",
    "12",
    "13",
}  # appeal, intend, demand, accuse, reject, threaten
# demobilise, disarm, deploy, station: what the passive subject itself does ("guerrillas were
# demobilized", "police were deployed in the old city": the force shows itself)
SELF_DIRECTED = {"0873", "150", "153", "154"}
# statements, appeals, intentions, consultations: "said to X", "agreed to X" name no target
VERBAL_ROOTS = {"01", "02", "03", "04", "05"}
# acts done to a place's people: where they happen names whom they are done to
MATERIAL_ROOTS = {"07", "08", "14", "15", "17", "18", "19", "20"}
# investigate, protest, coerce: coded even as a purpose ("gathered to protest", "police moved
# in to arrest the leaders"): the going there is the act
PURPOSE_EVENTS = {"09", "14", "17"}
# intents and concessions whose complement acts on another actor's thing: that actor is the
# target ("agreed to raise the limit on Taiwan's exports", "allowed Soviet ships to dock")
COMPLEMENT_TARGET_ROOTS = {"03", "08"}
# roots whose verbs business news uses for transactions ("agreed to buy", "offered shares",
# "approved the sale", "rejected the bid"): with no party named, a market act is no event (not
# aid, 07: aid is given in sums, "pledged 10 million dollars", often to no one named)
MARKET_PRONE_ROOTS = {"02", "03", "04", "05", "06", "08", "12"}
ROOT_QUAD_CONFLICT = {f"{r:02d}" for r in range(10, 21)}


@dataclass
class Trigger:
    """A pattern matched at a token, with what the coder decided about it."""

    token: Any
    pattern: Pattern
    score: int
    code: str = ""
    light: Any | None = None  # the light/pass verb that licensed a noun trigger
    consumed: bool = False
    complement: Trigger | None = None  # for control verbs: the complement's trigger
    obliged: Any | None = None  # "X said Y must Z": the verb of the demanded clause


@dataclass
class Trace:
    """What ``explain`` shows: the steps and decisions, in order."""

    lines: list[str] = field(default_factory=list)

    def __call__(self, msg: str) -> None:
        self.lines.append(msg)


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to its sentence: no surrounding space, no quote left over from the last."""
    end = min(end, len(body))
    while start < end and (
        body[start].isspace()
        or (body[start] in "\"'”’" and start + 1 < end and body[start + 1].isspace())
    ):
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _dateline_anchor(body: str, pub: dt.date | None) -> dt.date | None:
    """The story's own date from its wire dateline ("MOSCOW, March 20 (Reuters) -"), resolved
    against the publication or crawl date; relative dates in the story count from it."""
    if pub is None:
        return None
    from eventwire.dates import story_anchor
    from eventwire.extract import parse_dateline

    # a dateline may be a day or three after a GMT timestamp ("SEOUL, June 20" sent on June 19)
    return story_anchor(parse_dateline(body[:300])[1], pub)


def _long_before(date: str, precision: str | None, text: str, pub: dt.date) -> bool:
    """Whether a clause is dated well before the story: a day more than a month before it
    ("on September 19"), or a year written out at least two years before ("in 1988"); not a
    period reaching to now ("since August 13", "last year")."""
    low = text.lower()
    if low.startswith(("since", "last", "this", "past")):
        return False
    try:
        when = dt.date.fromisoformat(date[:10])
    except ValueError:
        return False
    if precision == "day":
        return (pub - when).days > 31
    if precision == "year" and any(ch.isdigit() for ch in low):
        return pub.year - when.year >= 2
    return False


def _infinitive(v: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _purpose(v: Any) -> bool:
    """ "met to discuss": an infinitive adverbial clause; "the platforms were used to launch
    attacks": the infinitive after a passive "used" says what a thing is for."""
    if v.dep_ == "xcomp" and _infinitive(v) and v.head.lemma_.lower() == "use":
        return any(c.dep_ == "auxpass" for c in v.head.children)
    return v.dep_ == "advcl" and _infinitive(v)


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _headline_predicate(v: Any) -> bool:
    """ "Three diplomats expelled by Canada": in a sentence with no finite verb (headline
    grammar drops the auxiliary), a participle on the root noun is the predicate."""
    return (
        v.head.dep_ == "ROOT"
        and v.head.pos_ in ("NOUN", "PROPN")
        and not any(t.tag_ in FINITE_TAGS for t in v.sent)
    )


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
