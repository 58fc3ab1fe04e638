"""The event coder: dependency-parse patterns to CAMEO events with actors, modality, date and place.

For each sentence it finds trigger words from the pattern tables, works out who acts (subject,
passive agent, controller of an infinitive, antecedent of a relative clause, earlier mention) and
on whom (object or prepositional object the pattern names), the modality (negation, intent, plan,
hypothesis, denial), the date expression and the place attached to the trigger's clause.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from eventwire.actors.resolver import ActorContext, ActorResolver
from eventwire.coding.patterns import Pattern, PatternSet, load_patterns
from eventwire.model import Actor, Article, Event, Place
from eventwire.ontology import get_ontology

NEG_WORDS = {"not", "n't", "never", "no"}
HYPOTHETICAL_AUX = {"could", "might", "may"}
OBLIGATION_AUX = {"must", "should", "ought"}
FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
# prepositions that place an event: "in Crimea", "travels to Kiev", "at the border"
PLACE_PREPS = {"in", "at", "to", "into", "near", "inside", "outside", "across", "around", "on"}
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
PLACE_NOUNS = {
    "town",
    "city",
    "village",
    "province",
    "region",
    "district",
    "capital",
    "port",
    "state",
    "enclave",
    "area",
    "suburb",
}
# demobilise, disarm, retreat: what the passive subject itself does ("were demobilized")
SELF_DIRECTED = {"0873"}
# statements, appeals, intentions, consultations: "said to X", "agreed to X" name no target
VERBAL_ROOTS = {"01", "02", "03", "04", "05"}
# acts done to a place's people: where they happen names whom they are done to
MATERIAL_ROOTS = {"07", "08", "14", "15", "17", "18", "19", "20"}
# investigate, protest, coerce: coded even as a purpose ("gathered to protest", "police moved
# in to arrest the leaders"): the going there is the act
PURPOSE_EVENTS = {"09", "14", "17"}
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
    from eventwire.dates import resolve_date
    from eventwire.extract import parse_dateline

    _, when = parse_dateline(body[:300])
    if not when:
        return pub
    r = resolve_date(when, pub)
    if r is None or r[1] != "day" or not (0 <= (pub - r[0]).days <= 31):
        return pub
    return r[0]


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
    """ "met to discuss": an infinitive adverbial clause."""
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


class Coder:
    """Codes parsed documents. Build once (it holds the dictionaries), call ``code_doc`` per doc."""

    def __init__(self, patterns: PatternSet | None = None, resolver: ActorResolver | None = None):
        self.ps = patterns or load_patterns()
        self.actors = resolver or ActorResolver()
        self.onto = get_ontology()

    # ------------------------------------------------------------------ triggers
    @staticmethod
    def _is_time_prep(c: Any) -> bool:
        """ "on Wednesday", "in March": a time adjunct, not a particle or a target slot."""
        return c.dep_ == "prep" and any(
            p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in c.children
        )

    @staticmethod
    def _mods(tok: Any) -> set[str]:
        return {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}

    def _verb_pattern(self, tok: Any) -> tuple[Pattern, int] | None:
        rows = self.ps.verbs.get(tok.lemma_.lower())
        if not rows:
            return None
        kids = [c for c in tok.children if not self._is_time_prep(c)]
        prts = {c.lemma_.lower(): c for c in kids if c.dep_ in ("prt", "prep", "agent", "dative")}
        obj_toks = [c for c in kids if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass")]
        # "handed over 700 kg of medicine": the measured stuff is the object
        obj_toks += [
            p
            for o in obj_toks
            for pr in o.children
            if pr.dep_ == "prep" and pr.lower_ == "of"
            for p in pr.children
            if p.dep_ == "pobj"
        ]
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            obj_toks.append(tok.head)
        # "called them an occupying army": naming someone, not phoning them
        labels = any(c.dep_ == "oprd" for c in kids)
        best: tuple[Pattern, int] | None = None
        for p in rows:
            score = 1
            if p.mods and not set(p.mods) <= self._mods(tok):
                continue
            if labels and not p.objects and not p.particle:
                continue
            score += len(p.mods)
            cands = obj_toks
            if p.particle:
                pt = prts.get(p.particle)
                if pt is None:
                    continue
                if pt.dep_ == "prep" and not p.objects and self._children(tok, "dobj"):
                    continue  # "fired seven attendants on the spot" is not "fired on"
                score += 3
                if pt.dep_ != "prt":
                    cands = obj_toks + [c for c in pt.children if c.dep_ == "pobj"]
            elif any(c.dep_ == "prt" for c in kids):
                score -= 1
            if p.objects:
                hit = [o for o in cands if o.lemma_.lower() in p.objects] or [
                    o
                    for o in cands
                    if any(
                        m.dep_ == "compound" and m.lemma_.lower() in p.objects for m in o.children
                    )
                ]
                if not hit:
                    continue
                if p.object_mods and not any(p.object_mods & self._mods(o) for o in hit):
                    continue
                score += 3 + (1 if p.object_mods else 0)
            tp = [t for t in p.targets if t.startswith("prep:")]
            if any(t[5:] in prts for t in tp):
                score += 1
            if p.targets == ("none",):
                score -= 0.5
            if best is None or score > best[1]:
                best = (p, score)
        return best

    def _noun_pattern(self, tok: Any) -> tuple[Pattern, int] | None:
        rows = self.ps.nouns.get(tok.lemma_.lower())
        if not rows or (
            tok.dep_ == "compound" and tok.head.lemma_.lower() not in self.ps.cues["generic_head"]
        ):
            return None
        preps = {c.lemma_.lower() for c in tok.children if c.dep_ == "prep"}
        mods = self._mods(tok)
        best = None
        for p in rows:
            if p.mods and not set(p.mods) <= mods:
                continue
            score = (
                1
                + 2 * len(p.mods)
                + sum(1 for t in p.targets if t.startswith("prep:") and t[5:] in preps)
            )
            if p.targets == ("none",):
                score -= 0.5
            if best is None or score > best[1]:
                best = (p, score)
        return best

    def _licensing_verb(self, noun: Any) -> Any | None:
        """The verb that makes an event noun an event: "held talks", "talks began"."""
        if noun.dep_ == "compound":  # "launched a mediation effort"
            noun = noun.head
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in ("dobj", "attr"):
            noun, head = head.head, head.head.head  # "gave 5 million dollars of aid"
        if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
            vp = self._verb_pattern(head)
            if vp and vp[0].has("light") and vp[0].objects:
                return None  # a blocker row: this verb + object is not an event
            if vp and (vp[0].has("light") or vp[0].has("pass") or vp[0].has("comp")):
                return head  # "ordered patrols": the ordered act is the event
            if vp and vp[0].has("neutral") and noun.dep_ == "dobj":
                return head  # "announced a suspension of air links", "declared a ceasefire"
            if head.lemma_.lower() in self.ps.cues["light_verb"]:
                return head
        if (
            noun.dep_ == "pobj"
            and head.lower_ == "for"
            and head.head.lemma_.lower() in self.ps.cues["motion_verb"]
        ):
            return head.head  # "negotiators return to Geneva for talks"
        if (
            noun.dep_ == "pobj"
            and head.lower_ in ("in", "during", "by")
            and head.head.lemma_.lower() in self.ps.cues["harm_verb"]
        ):
            return head.head  # "killed in police firing", "injured in an air strike"
        if (
            noun.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.head.pos_ == "VERB"
            and not self._children(head.head, "dobj")  # "launch an offensive in its war"
        ):
            v = head.head
            vp = self._verb_pattern(v)
            if vp and vp[0].has("light") and vp[0].particle == head.lemma_.lower():
                return None  # a blocker row with this preposition: "seized on demonstrations"
            if v.lemma_.lower() in self.ps.cues["light_verb"] | {"carry", "engage"} or (
                vp and vp[0].has("light")
            ):
                return v
        if (
            noun.dep_ in ("nsubj", "nsubjpass")
            and head.lemma_.lower() in self.ps.cues["occurrence_verb"]
        ):
            return head
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.ps.cues["cause_verb"]:
            return head  # "the shooting sparked protests": the protests happened
        if noun.dep_ == "pobj" and head.lower_ == "in":
            # "took part in peaceful marches", "participated in a rally", "joined in the strike"
            v = head.head
            if v.lemma_.lower() == "part" and v.head.lemma_.lower() == "take":
                return v.head
            if v.lemma_.lower() in self.ps.cues["participation_verb"]:
                return v
        if noun.dep_ == "nsubjpass" and head.pos_ == "VERB":
            # the passive of a light verb: "arrests were made", "a curfew was imposed"
            vp = self._verb_pattern(head)
            if vp and vp[0].has("light") and vp[0].objects:
                return None
            if head.lemma_.lower() in self.ps.cues["light_verb"] or (vp and vp[0].has("light")):
                return head
        return None

    # ------------------------------------------------------------------ syntax helpers
    @staticmethod
    def _children(tok: Any, *deps: str) -> list[Any]:
        return [c for c in tok.children if c.dep_ in deps]

    def _subject(self, v: Any, depth: int = 0) -> tuple[list[Any], bool]:
        """Source-role tokens of a verb and whether it is passive (its subject is the target)."""
        agent = [p for a in self._children(v, "agent") for p in self._children(a, "pobj")]
        subj = self._children(v, "nsubj", "csubj")
        passive = bool(self._children(v, "nsubjpass", "auxpass")) or (
            # "troops stationed there", "he seemed wounded by her remark"
            v.tag_ == "VBN" and v.dep_ in ("acl", "xcomp", "acomp", "oprd")
        )
        vp = self._verb_pattern(v) if passive and not agent else None
        if (
            passive
            and not agent
            and (
                v.lemma_.lower() in self.ps.cues["stative_passive"]
                or (vp is not None and vp[0].code[:4] in SELF_DIRECTED)
            )
        ):
            # "Vietnam is committed to", "Israel is opposed to": a state of the subject;
            # "guerrillas have been demobilized": they did it
            return self._children(v, "nsubjpass"), False
        if passive:
            return agent, True
        if subj:
            return subj, False
        if (
            v.dep_ == "conj"
            and v.head.dep_ == "ROOT"
            and v.head.pos_ in ("NOUN", "PROPN")
            and self.actors.lex.sector_of(v.head.lemma_.lower()) is not None
        ):
            # a headline the tagger read as a noun phrase: "Police in Kinshasa fire tear gas
            # and arrest protesters" (the noun root is the subject of the joined verb)
            return [v.head], False
        if depth > 3:
            return [], False
        h = v.head
        if v.dep_ == "conj":
            hsubj, hpassive = self._subject(h, depth + 1)
            if hpassive and v.tag_ == "VBN" and not self._children(v, "dobj"):
                return hsubj, True  # "1,200 Iraqis were killed or wounded": both passive
            if hpassive and not passive:
                # "was indicted by the court and will resign": the one indicted resigns
                return self._children(h, "nsubjpass"), False
            return hsubj, hpassive
        if v.dep_ in ("acomp", "oprd"):  # "Norway is willing to send"
            return self._subject(h, depth + 1)
        if (
            v.dep_ == "pcomp"
            and h.dep_ == "prep"
            and h.lower_ in ("to", "in")
            and h.head.pos_ in ("VERB", "AUX")
            and not self._children(h.head, "dobj", "nsubjpass", "auxpass")
        ):  # "youths resorted to throwing stones" (not "deported X for traveling")
            return self._subject(h.head, depth + 1)
        if (
            v.dep_ == "pcomp"
            and h.dep_ == "prep"
            and h.head.lemma_.lower() in ("guilty", "responsible", "culpable")
        ):  # "both sides are guilty of violating the ceasefire"
            return self._subject(h.head.head, depth + 1)
        if v.dep_ == "xcomp":
            if h.lemma_.lower() in self.ps.cues["object_control_verb"]:
                obj = self._children(h, "dobj")
                if obj:
                    return obj, False
            return self._subject(h, depth + 1)
        if v.dep_ == "acl" and v.tag_ == "VBG" and h.dep_ == "dobj":
            return self._subject(h.head, depth + 1)  # "issued a statement condemning X"
        if v.dep_ == "advcl" and (
            v.tag_ == "VBG" or _infinitive(v)
        ):  # "Lavrov, speaking in parliament, said"; "rallied to protest": the main subject
            return self._subject(h, depth + 1)
        if (
            v.dep_ == "relcl"
            and h.pos_ == "NOUN"
            and _infinitive(v)
            and self.actors.lex.sector_of(h.lemma_.lower()) is None
        ):
            # "converged for a rally to protest ...": whoever holds the rally protests
            g = h
            while g.dep_ in ("pobj", "dobj", "prep") and g.head != g:
                g = g.head
            if g.pos_ in ("VERB", "AUX") and g != v:
                return self._subject(g, depth + 1)
        if v.dep_ == "relcl" and h.pos_ in ("NOUN", "PROPN"):
            return [h], False
        return [], False

    def _target_tokens(
        self, trig: Any, pattern: Pattern, passive: bool, extra: Any = None
    ) -> list[Any]:
        """Target-role tokens, following the pattern's ordered target slots."""
        places = [trig] + ([extra] if extra is not None else [])
        for spec in pattern.targets:
            if spec == "none":
                return []
            for t in places:
                found: list[Any] = []
                if spec == "dobj":
                    if passive and t == trig:
                        found = self._children(t, "nsubjpass")
                        if not found and t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
                            found = [t.head]
                    else:
                        found = self._children(t, "dobj")
                        if not found and t.dep_ == "relcl" and self._children(t, "nsubj"):
                            found = [t.head]  # "the officials that Ban met"
                        if not found and t.pos_ == "NOUN":
                            found = [
                                p
                                for pr in self._children(t, "prep")
                                if pr.lower_ == "of"
                                for p in self._children(pr, "pobj")
                            ]
                elif spec == "iobj":
                    found = self._children(t, "dative", "iobj")
                    found = [p for f in found for p in (self._children(f, "pobj") or [f])]
                elif spec == "poss":
                    found = self._children(t, "poss")
                elif spec.startswith("prep:"):
                    want = spec[5:]
                    heads = [t] + self._children(t, "dobj")
                    for h in heads:
                        for pr in self._children(h, "prep", "dative"):
                            if pr.lemma_.lower() == want:
                                found += self._children(pr, "pobj")
                                # "the officials that Ban met with": a stranded preposition
                                if (
                                    not found
                                    and t.dep_ == "relcl"
                                    and t.head.pos_ in ("NOUN", "PROPN")
                                ):
                                    found = [t.head]
                if found:
                    return found
        return []

    def _complement(self, v: Any) -> Any | None:
        for c in v.children:
            if (
                c.dep_ in ("xcomp", "ccomp")
                and c.pos_ in ("VERB", "AUX")
                and c.lower_ not in ("re", "-", "pre", "co")  # "agreed to re-open": "open"
            ):
                return c
        for c in v.children:  # "denied attacking", "refrained from attacking"
            if c.dep_ == "prep":
                for p in c.children:
                    if p.dep_ == "pcomp" and p.pos_ == "VERB":
                        return p
        for c in v.children:  # "have sworn to fight": the parser's advcl for an infinitive
            if (
                c.dep_ == "advcl"
                and c.pos_ == "VERB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ):
                return c
        return None

    def _modality(self, v: Any, sent_date_future: bool) -> str:
        kids = list(v.children)
        if any(c.dep_ == "neg" or c.lower_ in NEG_WORDS and c.dep_ == "advmod" for c in kids):
            return "negated"
        aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        marks = {c.lower_ for c in kids if c.dep_ == "mark"}
        if "if" in marks or "unless" in marks:
            return "hypothetical"
        if aux & OBLIGATION_AUX:
            return "obligation"
        if aux & HYPOTHETICAL_AUX:
            return "hypothetical"
        if aux & FUTURE_AUX:
            return "planned" if sent_date_future else "intent"
        if v.tag_ in ("VBZ", "VBP") and sent_date_future:
            return "planned"
        # "is to visit", "plans to", "is expected to"
        h = v.head
        if v.dep_ == "xcomp" and h.lemma_.lower() in (
            "plan",
            "intend",
            "expect",
            "schedule",
            "be",
            "aim",
            "prepare",
            "want",
            "hope",
            "seek",
        ):
            return "planned" if sent_date_future else "intent"
        if v.dep_ == "xcomp" and h.lemma_.lower() in ("fail", "refuse", "decline"):
            return "negated"
        if v.dep_ == "xcomp" and h.lemma_.lower() in ("likely", "unlikely", "possible"):
            return "hypothetical"  # "it was unlikely to allow sharp fluctuations": a forecast
        if v.dep_ == "xcomp" and h.lemma_.lower() in ("have", "need") and _infinitive(v):
            return "obligation"  # "the government has to call an election by January"
        if (
            v.dep_ == "xcomp"
            and h.pos_ == "ADJ"
            and h.lemma_.lower() in self.ps.cues["willing_adjective"]
        ):
            return "planned" if sent_date_future else "intent"
        if v.dep_ == "xcomp":
            hp = self._verb_pattern(h)
            if hp and hp[0].has("pass"):
                if hp[0].has("future"):
                    return "planned"
                if hp[0].has("intent"):
                    return "planned" if sent_date_future else "intent"
                if hp[0].has("attempt"):
                    return "attempt"
                inner = self._modality(h, sent_date_future)
                if inner != "asserted":
                    return inner
        if v.dep_ in ("ccomp", "xcomp") and v.head != v:
            hp = self._verb_pattern(h)
            if hp and hp[0].has("neg"):
                return "denied"
        if v.dep_ == "conj" and h.dep_ in ("ccomp", "xcomp") and h.head != h:
            # "denied attacking and killing ...", but not "rejected X and accused Y"
            hp = self._verb_pattern(h.head)
            if hp and hp[0].has("neg"):
                return "denied"
        return "asserted"

    def _not_new(self, t: Trigger, verb: Any, triggers: dict[int, Trigger]) -> str | None:
        """Why a matched trigger is not a new event of its own, if it is not."""
        if verb.dep_ == "relcl" and any(
            c.dep_ in ("auxpass", "nsubjpass")
            or (c.dep_ == "aux" and c.lower_ in ("had", "has", "have"))
            for c in verb.children
        ):
            return "relative clause in the past or passive, background"
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("after", "since") for c in verb.children
        ):
            # "... a day after a Serbian jet shot down a helicopter": the earlier event, reported
            # when it happened; coding it again would count it twice
            return "an earlier event the sentence refers back to"
        if self._describes_noun(verb):
            return "describes a noun ('a team trying to broker'), background"
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not _headline_predicate(verb):
            return f"participle describing '{verb.head.text}', background"
        if _purpose(verb):
            # a purpose is not an event, except protest and inspection, which the going there
            # is: "rallied to protest", "sent inspectors to monitor the plant"
            if t.code[:2] not in PURPOSE_EVENTS:
                return f"purpose clause of '{verb.head.text}', not an event"
            if verb.head.dep_ in ("acl", "relcl"):
                return "purpose of a participle ('a demonstration staged to protest'), background"
        ht = triggers.get(verb.head.i) if verb.dep_ in ("advcl", "conj") else None
        if ht is not None and not ht.code:  # "staged rallies ..., saying": the noun's event
            ht = next(
                (n for n in triggers.values() if n.light is not None and n.light == ht.token), ht
            )
        if (
            ht is not None
            and verb.tag_ == "VBG"
            and ht.code[:2] == "14"
            and t.code[:2] not in VIOLENT_ROOTS
        ):
            # "demonstrated ..., calling for independence", "rioted, setting fire to
            # mattresses": what the protesters said or did as part of the protest
            return f"part of the protest '{verb.head.text}'"
        return None

    @staticmethod
    def _describes_noun(v: Any) -> bool:
        """ "a member of the Chadian team trying to broker a pact": a gerund phrase that
        describes a noun (other than an object, as in "issued a statement condemning X")."""
        t = v
        for _ in range(4):
            if t.dep_ == "acl" and t.tag_ == "VBG":
                return t.head.dep_ not in ("dobj", "attr") and t.head.pos_ == "NOUN"
            if t.dep_ not in ("xcomp",):
                return False
            t = t.head
        return False

    def _irrealis(self, v: Any) -> str | None:
        """Whether a clause sits under something that keeps it from having happened: a demand
        ("demanded that Burundi grant ...", "its demand that Israel ease ..."), an obligation
        ("the US must be ready to mediate"), a refusal ("refused to allow planes to land and
        evacuate") or a condition ("until they gain control"). Returns the modality to give it."""
        if (
            v.tag_ == "VB"
            and v.dep_ in ("ccomp", "acl")
            and self._children(v, "nsubj", "nsubjpass")
            and not self._children(v, "aux", "auxpass")
        ):
            return "hypothetical"  # "demanded that he resign": the mandative subjunctive
        t = v
        for _ in range(6):
            marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
            if marks & {"if", "unless", "until"}:
                return "hypothetical"
            if t.dep_ not in (
                "xcomp",
                "ccomp",
                "conj",
                "acomp",
                "advcl",
                "acl",
                "pcomp",
                "pobj",
                "dobj",  # "Bonn should bring in measures to aid ..."
            ):
                return None
            h = t.head
            if h == t:
                return None
            lemma = h.lemma_.lower()
            if (
                t.dep_ in ("acl", "ccomp")
                and h.pos_ == "NOUN"
                and lemma in self.ps.cues["directive_noun"]
            ):
                return "hypothetical"
            if t.dep_ == "ccomp" and any(
                o.lemma_.lower() in self.ps.cues["directive_noun"]
                for o in self._children(h, "dobj")
            ):
                return "hypothetical"  # "reiterated its demand that Israel ease ..."
            if h.pos_ in ("VERB", "AUX", "ADJ") and t.dep_ != "conj":
                if lemma in self.ps.cues["directive_verb"]:
                    return "hypothetical"
                if lemma in self.ps.cues["refusal_verb"] and t.dep_ in ("xcomp", "ccomp"):
                    return "negated" if t != v else None
                if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in h.children) and (
                    t.dep_ != "ccomp" or t != v
                ):
                    return "hypothetical"
                if "before" in marks and any(
                    c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX | FUTURE_AUX for c in h.children
                ):
                    return "hypothetical"
            hp = self._verb_pattern(h) if h.pos_ in ("VERB", "AUX") else None
            if hp and hp[0].has("speech"):
                return None  # reported speech: what was said is coded as said
            t = h
        return None

    # ------------------------------------------------------------------ dates and places
    def _date_mentions(self, sent: Any) -> list[tuple[Any, str]]:
        from eventwire.dates import find_date_expressions

        out = []
        base = sent.start_char
        doc = sent.doc
        for m in find_date_expressions(sent.text):
            span = doc.char_span(base + m.start, base + m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            out.append((span.root, m.text))
        return out

    @staticmethod
    def _attached_verb(tok: Any) -> Any:
        t = tok
        for _ in range(12):
            if t.pos_ in ("VERB",) or t.head == t:
                return t
            t = t.head
        return t

    # ------------------------------------------------------------------ main
    def code_doc(
        self,
        doc: Any,
        article: Article,
        *,
        trace: Trace | None = None,
        to_body: Callable[[int], int] | None = None,
    ) -> list[Event]:
        """Events of one parsed document. ``to_body`` maps offsets in the parsed text back to
        the article body when only some sentences were parsed (see ``nlp.prefilter``)."""
        from eventwire.actors.context import document_country

        pub = _dateline_anchor(article.body, _iso_date(article.published))
        ctx = ActorContext(date=pub)
        ctx.default_country, ctx.default_from = document_country(article, doc, self.actors)
        if trace and ctx.default_country:
            trace(f"document country {ctx.default_country} (from the {ctx.default_from})")
        events: list[Event] = []
        for si, sent in enumerate(doc.sents):
            try:
                evs = self._code_sentence(sent, si, article, pub, ctx, trace)
            except Exception as exc:  # noqa: BLE001 - one odd parse must not lose the document
                if trace:
                    trace(f"sentence {si}: error {exc!r}")
                continue
            if evs:
                start, end = sent.start_char, sent.end_char
                if to_body is not None:
                    start, end = to_body(start), to_body(end - 1) + 1
                start, end = _trim(article.body, start, end)
                for e in evs:
                    e.span = (start, end)
                    e.sentence = article.body[start:end]
            events.extend(evs)
        return self._dedup(events)

    def _code_sentence(
        self,
        sent: Any,
        si: int,
        article: Article,
        pub: dt.date | None,
        ctx: ActorContext,
        trace: Trace | None,
    ) -> list[Event]:
        ctx.start_sentence()
        for tok in sent:  # names and roles introduced here serve later mentions
            if tok.dep_ in SUBJ or (
                tok.ent_type_ == "PERSON" and tok.dep_ not in ("compound", "flat")
            ):
                self.actors.resolve(tok, ctx)
        ctx.new_sentence()
        triggers: dict[int, Trigger] = {}
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in NOMINAL_DEPS:
                m = self._verb_pattern(tok)
                if m:
                    triggers[tok.i] = Trigger(tok, m[0], m[1], code=m[0].code)
            elif tok.pos_ == "NOUN":
                m = self._noun_pattern(tok)
                if m:
                    lic = self._licensing_verb(tok)
                    if lic is not None:
                        triggers[tok.i] = Trigger(tok, m[0], m[1], code=m[0].code, light=lic)
                    elif trace:
                        trace(f"  noun '{tok.text}' ({m[0].id}) not licensed by a verb: skipped")
        if trace and triggers:
            trace(
                f"sentence {si}: triggers "
                + ", ".join(
                    f"'{t.token.text}'={t.pattern.id}({t.code or '-'})" for t in triggers.values()
                )
            )
        # light/pass verbs with a noun trigger: the noun carries the event
        for t in triggers.values():
            if t.light is not None and t.light.i in triggers:
                triggers[t.light.i].consumed = True
        # control verbs take their complement's meaning
        for t in list(triggers.values()):
            p = t.pattern
            if t.token.pos_ not in ("VERB", "AUX") or t.consumed:
                continue
            comp = self._complement(t.token)
            # "threatened to X", "agreed to X", and "demanded that X": the governor is the
            # event, the complement says what was threatened, promised or demanded
            governs = p.has("ctrl") or (p.code[:2] in CLAUSE_GOVERNORS and not p.has("neutral"))
            if governs and comp is not None and comp.i in triggers:
                ct = triggers[comp.i]
                if not ct.code:  # "threatened to impose sanctions": the noun carries it
                    ct = next(
                        (
                            n
                            for n in triggers.values()
                            if n.light is not None and n.light.i == comp.i
                        ),
                        ct,
                    )
                t.complement = ct
                refined = self.ps.complement_code(p.code, ct.code) if ct.code else None
                if t.token.lemma_.lower() in self.ps.cues["command_verb"] and ct.code:
                    refined = ct.code  # "ordered the paper to suspend publication": a closure
                if refined:
                    t.code = refined
                ct.consumed = True
                for c in comp.subtree:  # "accused X of violating rights, ignoring law and ..."
                    if c.dep_ == "conj" and c.head == comp and c.i in triggers:
                        triggers[c.i].consumed = True
                if trace:
                    trace(f"  '{t.token.text}' controls '{comp.text}': code {t.code}")
            elif p.has("pass") or p.has("light"):
                t.consumed = True
            elif (
                p.has("speech")
                and comp is not None
                and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in comp.children)
            ):
                # "X said Y must Z": X demands that Y do Z
                ct = triggers.get(comp.i)
                t.code = (
                    self.ps.complement_code("10", ct.code) if ct and ct.code else None
                ) or "100"
                t.obliged = comp
                t.complement = ct
                if ct is not None:
                    ct.consumed = True
                if trace:
                    trace(
                        f"  '{t.token.text}' reports an obligation ('{comp.text}'): demand {t.code}"
                    )
        date_mentions = self._date_mentions(sent)
        date_at: dict[int, str] = {}
        for tok, text in date_mentions:
            date_at.setdefault(self._attached_verb(tok).i, text)

        # "sent inspectors to monitor the plant": the purpose is the event, not the sending
        for t in triggers.values():
            v = t.light if t.light is not None else t.token
            ht = triggers.get(v.head.i)
            if (
                ht is not None
                and _purpose(v)
                and t.code[:2] in PURPOSE_EVENTS
                and v.head.dep_ not in ("acl", "relcl")
                and ht.code[:2] == "15"
            ):
                ht.consumed = True

        out: list[Event] = []
        for t in triggers.values():
            if t.consumed:
                continue
            p = t.pattern
            if p.has("neutral") and t.obliged is None:
                continue
            if p.has("comp") and t.complement is None and self._complement(t.token) is None:
                continue
            if (
                p.has("trans")
                and t.complement is None
                and self._complement(t.token) is None
                and not self._children(t.token, "dobj", "nsubjpass")
            ):
                continue  # "New Zealand's foreign debt will continue to decline"
            if (
                p.code[:2] == "02"
                and t.token.pos_ == "VERB"
                and (
                    self._children(t.token, "ccomp", "parataxis")
                    or any(
                        o.lower_ in ("themselves", "himself", "herself", "itself", "ourselves")
                        for o in self._children(t.token, "dobj")
                    )
                )
                and not self._children(t.token, "xcomp")
            ):
                if trace:
                    trace(f"  '{t.token.text}': a question asked, not a request")
                continue  # "'Who is that?' asked a voter", "asking themselves why"
            if p.code[:2] == "12" and p.has("ctrl"):
                c = self._complement(t.token)
                if c is not None and c.lemma_.lower() in self.ps.cues["comment_verb"]:
                    if trace:
                        trace(f"  '{t.token.text}': declining to {c.lemma_} is not a refusal")
                    continue  # "an official declined to comment / to give details"
            tok = t.token
            verb = t.light if t.light is not None else tok
            comp = self._complement(verb) if tok.pos_ != "NOUN" else None
            if p.has("neg") and not p.has("ctrl") and comp is not None and comp.i in triggers:
                continue  # "denied attacking X": the complement is coded, as denied
            reason = self._not_new(t, verb, triggers)
            if reason:
                if trace:
                    trace(f"  '{tok.text}': {reason}")
                continue
            ev = self._build(t, verb, sent, si, article, pub, ctx, date_at, trace)
            out.extend(ev)
        # a place given for one clause holds for the same kind of event by the same actor
        for e in out:
            if e.location is None:
                for o in out:
                    if (
                        o.location is not None
                        and o.root == e.root
                        and (
                            o.source.code == e.source.code
                            or (e.target and o.source.code == e.target.code)
                            or (o.target and o.target.code == e.source.code)
                        )
                    ):
                        e.location = o.location
                        break
        return out

    def _speaker(self, verb: Any, ctx: ActorContext) -> list[Actor]:
        """The actor of the speech verb that governs this clause, if any."""
        v = verb
        for _ in range(4):
            if v.dep_ in ("ccomp", "parataxis") or (v.dep_ == "conj" and v.head.dep_ == "ccomp"):
                h = v.head if v.dep_ != "conj" else v.head.head
                hp = self._verb_pattern(h)
                if hp and hp[0].has("speech"):
                    subj, _ = self._subject(h)
                    acts: list[Actor] = []
                    for s in subj:
                        acts += self.actors.resolve(s, ctx)
                    return acts
                v = h
            else:
                break
        return []

    def _build(
        self,
        t: Trigger,
        verb: Any,
        sent: Any,
        si: int,
        article: Article,
        pub: dt.date | None,
        ctx: ActorContext,
        date_at: dict[int, str],
        trace: Trace | None,
    ) -> list[Event]:
        tok, p = t.token, t.pattern
        speaker = self._speaker(verb, ctx)
        # "six civilians died in an air strike": the harm verb's subject was hit, not the actor
        harmed = self._harmed(tok, t.light)
        caused = (  # "the verdict sparked protests": the verdict is the cause, not the actor
            tok.pos_ == "NOUN"
            and tok.dep_ == "dobj"
            and t.light is not None
            and t.light.lemma_.lower() in self.ps.cues["cause_verb"]
        )
        if harmed is not None or caused or (
            tok.pos_ == "NOUN"
            and t.light is not None
            and t.light.dep_ != "ROOT"
            and tok.dep_ in SUBJ
        ):
            subj_toks, passive = [], False
        else:
            subj_toks, passive = self._subject(verb)
        if tok.pos_ in ("NOUN", "PROPN"):
            passive = False
            own = [
                p2
                for pr in self._children(tok, "prep")
                if pr.lower_ == "by"
                for p2 in self._children(pr, "pobj")
            ] + self._children(tok, "poss")
            if not own:  # "Palestinian riots", "U.S. air strikes", "police firing": the actor
                own = [  # as a modifier
                    m
                    for m in self._children(tok, "amod", "compound")
                    if self.actors.lex.lookup(m.text) is not None
                    or (m.pos_ == "NOUN" and self.actors.lex.sector_of(m.lemma_.lower()))
                ]
            if own and not subj_toks:
                subj_toks = own
            if tok.dep_ in SUBJ:
                subj_toks = own
        sources: list[Actor] = []
        for s in subj_toks:
            sources += self.actors.resolve(s, ctx, speaker=speaker)
        anchor = tok.head if tok.dep_ == "compound" else tok
        tgt_toks = self._target_tokens(anchor, p, passive, extra=verb if verb != tok else None)
        targets: list[Actor] = []
        for s in harmed or tgt_toks:
            targets += self.actors.resolve(s, ctx, speaker=speaker)
        if not targets and tgt_toks:
            targets = self._actor_inside(tgt_toks[0], ctx, exclude={a.code for a in sources})
        if not targets and p.objects and tok.pos_ != "NOUN":
            # "expel Russian diplomats", "recall its ambassador to X": the object's own actor
            for o in self._children(tok, "dobj"):
                if o.lemma_.lower() in p.objects:
                    targets = [
                        a
                        for a in self.actors.resolve(o, ctx, speaker=speaker)
                        if all(a.code != s2.code for s2 in sources)
                    ]
        if not targets and tok.pos_ == "NOUN" and tok.dep_ in SUBJ and t.light is not None:
            # "a roadside bombing killed one U.S. soldier": the verb's object was hit
            for o in self._children(t.light, "dobj"):
                targets += self.actors.resolve(o, ctx, speaker=speaker)
        if t.obliged is not None:  # "Y must Z": Y is asked
            targets = self._clause_subject(t.obliged, ctx)
        if not targets and t.code[:2] in ("02", "10", "11"):
            # "demanded that Azerbaijan withdraw", "its demand that Israel ease": the one asked
            # is the subject of the clause
            clause = (
                t.complement.token
                if t.complement is not None
                else next(
                    (
                        c
                        for c in tok.children
                        if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")
                    ),
                    None,
                )
            )
            if clause is not None and clause.dep_ in ("ccomp", "acl"):
                targets = self._clause_subject(clause, ctx, active_only=True)
        if not targets and t.complement is not None:  # "threatened to impose sanctions on X"
            ct = t.complement
            cverb = ct.light if ct.light is not None else ct.token
            for s2 in self._target_tokens(
                ct.token, ct.pattern, False, extra=cverb if cverb != ct.token else None
            ):
                targets += self.actors.resolve(s2, ctx, speaker=speaker)
        # "talks between A and B", "A and B met": symmetric with a joint party
        between = [
            p2
            for pr in self._children(anchor, "prep")
            if pr.lower_ == "between"
            for p2 in self._children(pr, "pobj")
        ]
        if p.has("sym") and between and not sources:
            sources = self.actors.resolve(between[0], ctx)
        infinitive = (
            verb.dep_ in ("acl", "xcomp", "relcl", "advcl")
            and _infinitive(verb)
            and verb.head.lemma_.lower() not in ("attempt", "plot", "bid", "effort")
        ) or (verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "acl"))  # "guilty of murdering"
        if (
            not sources
            and not infinitive  # "the right of troops to fire on militants"
            and t.code[:2] in VIOLENT_ROOTS
            # people were attacked ("killed three U.S. soldiers") or an attack is named ("a
            # roadside bombing"); not "Japan was hit hard by the yen's rise"
            and (
                tok.pos_ == "NOUN"
                or (targets and all(g.sector for g in targets))
                # "three rockets struck near the embassy": a weapon did it
                or (subj_toks and all(self._is_weapon_or_attack(st) for st in subj_toks))
            )
            and (
                all(self._is_weapon_or_attack(st) for st in subj_toks)
                if subj_toks
                else any(
                    self._is_weapon_or_attack(w)
                    for w in verb.subtree
                    if w.pos_ == "NOUN" and w.dep_ not in ("nsubjpass", "nsubj")
                )
                or tok.pos_ == "NOUN"
                or verb.head.lemma_.lower() in ("attempt", "plot", "bid")  # "an attempt to kill"
            )
        ):
            # "three soldiers were killed by a roadside bomb near Samarra": CAMEO codes unknown
            # attackers as unidentified armed forces (UAF) of the country where it happened
            sources = self._unidentified_attacker(verb, tok, sent, ctx, targets)
        if not sources and not subj_toks and (passive or tok.pos_ == "NOUN"):
            sources = self._agentless_actor(t.code, verb, tok, sent, targets, ctx, trace)
        if not sources:
            if trace:
                trace(f"  '{tok.text}' ({p.id}): no source actor found, no event")
            return []
        if (
            p.has("neg")
            and not targets
            and any(
                t2.lower_ in ("this", "that", "it", "these", "those")
                for t2 in tgt_toks + self._children(verb, "dobj")
            )
        ):
            if trace:
                trace(f"  '{tok.text}' ({p.id}): a denial with no actor to address, no event")
            return []
        holder = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
        if tok.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "no" for n in (tok, holder) for c in n.children
        ):  # "made no arrests", "we have no knowledge of talks"
            modality_override: str | None = "negated"  # "the FBI has made no arrests"
        else:
            modality_override = None
        date_text = date_at.get(verb.i) or date_at.get(tok.i)
        future_hint = bool(date_text) and self._looks_future(date_text, verb)
        modality = self._modality(verb, future_hint)
        if t.light is not None and modality == "asserted" and tok != verb:
            modality = self._modality(tok, future_hint) if tok.pos_ == "VERB" else modality
            lp = self._verb_pattern(verb)
            if modality == "asserted" and lp and lp[0].has("pass") and lp[0].has("intent"):
                # "is preparing an offensive", "plans talks": not yet done
                modality = "planned" if future_hint or lp[0].has("future") else "intent"
        # the code of the trigger, with the ontology's facts
        code = t.code
        if not code:
            return []
        location = self._place(verb, tok, sent, sources + targets)
        if not targets:
            heads = [tok, verb]
            where = location
            if t.complement is not None:  # "threatened to impose curbs against German goods"
                ct = t.complement
                cverb = ct.light if ct.light is not None else ct.token
                heads += [ct.token, cverb]
                where = where or self._place(cverb, ct.token, sent, sources)
            # a threatened act done somewhere counts as that act ("threatened to institute a
            # curfew in Algiers")
            act = t.complement.code if t.complement is not None and t.complement.code else code
            targets = self._fallback_targets(heads, p, code, where, sources, ctx, act=act)
        if modality_override:
            modality = modality_override
        irr = None
        if t.obliged is not None:
            modality = "asserted"
        elif modality in ("asserted", "intent", "planned", "attempt"):
            irr = self._irrealis(verb)
            if irr is not None:
                if trace:
                    trace(f"  '{tok.text}': under a demand, duty, refusal or condition: {irr}")
                modality = irr
        if (
            modality == "hypothetical"
            and irr is None
            and targets  # a threat is aimed at someone
            and code[:2] in FORCEFUL_ROOTS
            and not any(a.sector == "UAF" for a in sources)
        ):
            # "could impose sanctions if ...": a conditional use of force or pressure is a threat
            code = self.ps.complement_code("13", code) or "130"
            modality = "asserted"
        if (
            modality == "negated"
            and code[:2] in COOPERATIVE_ROOTS
            and (
                any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)
                or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail")
            )
        ):
            # "will not accept", "would not meet", "failed to reach agreement": a refusal, as
            # gold data code it, which is an event of its own
            code = self.ps.complement_code("12", code) or "120"
            modality = "asserted"
        recoded = self._recode(code, tok, verb, p, sources, targets, ctx, trace)
        if recoded is None:
            return []
        code, targets = recoded
        date, precision = self._event_date(date_text, pub, modality in ("intent", "planned"))
        if (
            date_text
            and pub
            and date
            and (verb.dep_ != "ROOT" or precision == "year")
            and _long_before(date, precision, date_text, pub)
            and not re.search(
                rf"\b(since|until|till)\s+(the\s+)?{re.escape(date_text)}", sent.text, re.IGNORECASE
            )
        ):
            # "the government they rose up against on September 19", "blew up a plane in
            # 1988": history the story recalls, not news
            if trace:
                trace(f"  '{tok.text}' ({p.id}): dated {date}, long before the story: history")
            return []
        pairs: list[tuple[Actor, Actor | None]] = []
        targets = [g for g in targets if all(g.code != s.code for s in sources)]
        sym = p.has("sym") and (t.complement is None or t.complement.pattern.has("sym"))
        if targets:
            pairs = [(s, g) for s in sources for g in targets if s.code != g.code]
        elif sym and len(sources) > 1:
            pairs = [(s, g) for s in sources for g in sources if s.code != g.code]
        elif sym and code.startswith("04") and tok.pos_ != "NOUN":
            if trace:
                trace(f"  '{tok.text}' ({p.id}): a meeting with no second party, no event")
            return []  # "the cabinet met on Sunday": an actor's own meeting
        else:
            pairs = [(s, None) for s in sources]
        if sym and targets and modality != "intent":  # a stated intent is one-sided
            pairs += [(g, s) for s, g in list(pairs) if g is not None]
        conf = 0.55 + 0.08 * min(t.score, 4) / 4 + (0.15 if targets else 0.0)
        if any(s.text.lower() in ("it", "they", "he", "she", "its", "their") for s in sources):
            conf -= 0.1
        if tok.pos_ == "NOUN":
            conf -= 0.05
        events = []
        for s, g in pairs:
            events.append(
                self._event(
                    article,
                    sent,
                    si,
                    tok,
                    p,
                    code,
                    s,
                    g,
                    modality,
                    date,
                    date_text,
                    precision,
                    location,
                    conf,
                    speaker,
                )
            )
        if speaker:
            events += self._allegations(events, speaker, sent, si, article)
        if trace:
            for e in events:
                trace(
                    f"  EVENT {e.source.code} -> {e.target.code if e.target else '-'} {e.cameo} "
                    f"({p.id}, {modality}, {e.date}{', at ' + location.name if location else ''})"
                )
        return events

    def _harmed(self, tok: Any, light: Any | None) -> list[Any] | None:
        """The subject of a harm verb whose in-phrase names the event noun ("six civilians
        died in an air strike" -> civilians), or None when the noun is not licensed so."""
        if light is None or tok.pos_ != "NOUN" or tok.dep_ != "pobj":
            return None
        if light.lemma_.lower() not in self.ps.cues["harm_verb"] or tok.head.head != light:
            return None
        return self._children(light, "nsubj", "nsubjpass")

    def _agentless_actor(
        self,
        code: str,
        verb: Any,
        tok: Any,
        sent: Any,
        targets: list[Actor],
        ctx: ActorContext,
        trace: Trace | None,
    ) -> list[Actor]:
        """ "a missionary was arrested in Lebanon", "preventive arrests were made": the
        authority whose work the act is (``agentless.tsv``) in the place's country, else the
        document's country, else ``---``."""
        sector = self.ps.agentless_sector(code)
        if sector is None:
            return []
        if tok.pos_ == "NOUN" and not (
            self._passive_light(verb)
            or verb.lemma_.lower() in self.ps.cues["occurrence_verb"] | self.ps.cues["cause_verb"]
        ):
            return []  # a noun event needs a verb that reports it done: "arrests were made"
        place = self._place(verb, tok, sent, targets)
        country = self.onto.iso3_to_cameo(place.country) if place and place.country else None
        how = "place" if country else None
        if not country and ctx.default_country:
            country, how = ctx.default_country, ctx.default_from
        if trace:
            trace(f"  no agent named: the {sector} of {country or '---'} ({how or 'unknown'})")
        return [
            Actor(
                code=(country or "---") + sector,
                country=country,
                sector=sector,
                text="",
                kind="country",
                country_from=how or "unknown",
            )
        ]

    @staticmethod
    def _passive_light(verb: Any) -> bool:
        """ "arrests have been made", "a curfew was imposed": the light verb is passive."""
        return any(c.dep_ == "auxpass" for c in verb.children)

    def _clause_subject(
        self, clause: Any, ctx: ActorContext, active_only: bool = False
    ) -> list[Actor]:
        """The actors a clause is about: "demanded that Azerbaijan withdraw" -> Azerbaijan
        (with ``active_only``, nothing for a passive clause)."""
        subj, passive = self._subject(clause)
        if active_only and passive:
            return []
        return [a for s in subj for a in self.actors.resolve(s, ctx)]

    def _recode(
        self,
        code: str,
        tok: Any,
        verb: Any,
        p: Pattern,
        sources: list[Actor],
        targets: list[Actor],
        ctx: ActorContext,
        trace: Trace | None,
    ) -> tuple[str, list[Actor]] | None:
        """What the words around a trigger make of its code (None: not an event at all)."""
        if code[:2] == "04" and targets and all(g.sector in ("MED", "JRN") for g in targets):
            if trace:  # "was talking to Reuters", "speaking to reporters": a statement
                trace(f"  '{tok.text}' ({p.id}): talking to the press, a statement, not an event")
            return None
        if code[:2] in VIOLENT_ROOTS | {"15"} and all(s.sector == "BUS" for s in sources):
            if trace:  # "traders took positions", "the company's shares were hit"
                trace(f"  '{tok.text}' ({p.id}): force by a business, not an event")
            return None
        if (
            tok.lemma_.lower() == "strike"
            and code[:2] in VIOLENT_ROOTS
            and (
                any(s.sector == "LAB" for s in sources)
                or (
                    tok.pos_ == "VERB"
                    and not self._children(tok, "dobj")
                    and not targets
                    and not any(s.sector == "UAF" for s in sources)  # "rockets struck"
                )
            )
        ):
            code = "143"  # "union members struck the plant", "bank workers are striking"
        if (
            tok.lemma_.lower() == "charge"
            and code.startswith("17")
            and self._children(tok, "ccomp")
        ):
            code = "112"  # "the ambassador charged that Canada was ...": an accusation
            if not targets:
                targets = self._clause_subject(self._children(tok, "ccomp")[0], ctx)
        if code[:2] == "14" and tok.pos_ == "VERB" and self._children(verb, "ccomp"):
            # "..., a rights group protested": a protest in words is criticism
            code = "111"
            if not targets:
                targets = self._clause_subject(self._children(verb, "ccomp")[-1], ctx)
        hit = next(
            (r for s in sources if (r := self.ps.actor_recode(code, s.text or "")) is not None),
            None,
        )
        if hit is not None:  # "rioters clashed with police": a violent protest (actor_recodes)
            if trace:
                trace(f"  '{tok.text}' ({p.id}): by its actor, {hit[0]} -> {hit[1]}")
            code = hit[1]
        if code.startswith("042") and all("peacekeep" in (s.text or "").lower() for s in sources):
            code = "074"  # "peacekeeping troops arrived in Bosnia": protection, not a visit
        return code, targets

    def _fallback_targets(
        self,
        heads: list[Any],
        p: Pattern,
        code: str,
        location: Place | None,
        sources: list[Actor],
        ctx: ActorContext,
        act: str | None = None,
    ) -> list[Actor]:
        """A target the pattern's slots did not give: an "against X" phrase ("opened
        investigations against Chilean officials") or, for acts, a "to X" phrase naming an actor
        ("cut off electricity to Nakhichevan"); else, for an act done somewhere, the country
        where it was done ("lifted the curfew in Montenegro")."""
        preps = ("against", "among", "to") if code[:2] not in VERBAL_ROOTS else ("against",)
        heads = heads + [o for h in heads for o in self._children(h, "dobj")]
        for h in heads:
            for pr in self._children(h, "prep"):
                if pr.lower_ in preps:
                    for o in self._children(pr, "pobj"):
                        acts = [
                            a
                            for a in self.actors.resolve(o, ctx)
                            if all(a.code != s.code for s in sources)
                        ]
                        if acts:
                            return acts
        if (
            location is not None
            and location.country
            and (act or code)[:2] in MATERIAL_ROOTS
            and not p.has("sym")
        ):
            c = self.onto.iso3_to_cameo(location.country)
            if c:
                return [Actor(code=c, country=c, sector=None, text=location.name, kind="country")]
        if code[:2] == "14":
            # a protest with no one named is aimed at the protesters' own state ("Algerian
            # landowners began a hunger strike")
            return [
                Actor(code=c + "GOV", country=c, sector="GOV", text="", kind="country")
                for c in dict.fromkeys(s.country for s in sources if s.country)
                if all(s.code != c + "GOV" for s in sources)
            ]
        return []

    def _is_weapon_or_attack(self, tok: Any) -> bool:
        """ "a roadside bombing killed ...", "killed by an explosive device": an attack with no
        named attacker (not "the quake killed six people")."""
        if tok.lemma_.lower() in self.ps.cues["weapon_noun"] or any(
            c.dep_ == "compound" and c.lemma_.lower() in self.ps.cues["weapon_noun"]
            for c in tok.children
        ):  # "a bomb", "a minefield explosion"
            return True
        m = self._noun_pattern(tok) if tok.pos_ == "NOUN" else None
        return m is not None and m[0].code[:2] in VIOLENT_ROOTS

    def _unidentified_attacker(
        self, verb: Any, tok: Any, sent: Any, ctx: ActorContext, targets: list[Actor]
    ) -> list[Actor]:
        place = self._place(verb, tok, sent, targets)
        country = self.onto.iso3_to_cameo(place.country) if place and place.country else None
        if not country:
            # where it happened, not the victims' country ("killed three U.S. soldiers")
            victims = {a.country for a in targets}
            found = self.actors._sentence_countries(verb, skip_other_actors=True) - victims
            if len(found) == 1:
                country = found.pop()
            elif not found:
                country = self.actors._context_country(verb, ctx, person=True)[0]
        return [
            Actor(
                code=(country or "---") + "UAF",
                country=country,
                sector="UAF",
                text="",
                kind="country",
                country_from=None if country else "unknown",
            )
        ]

    def _actor_inside(self, tok: Any, ctx: ActorContext, exclude: set[str]) -> list[Actor]:
        """First actor named inside a non-actor object phrase ("a treaty to absorb the
        Ukrainian region"), skipping relative clauses."""
        for t in tok.subtree:
            if t == tok or t.pos_ not in ("PROPN", "NOUN", "ADJ"):
                continue
            anc = t
            blocked = False
            while anc != tok:
                if anc.dep_ in ("relcl", "appos") or (anc.dep_ == "acl" and anc.tag_ != "VB"):
                    blocked = True
                    break
                anc = anc.head
            if (
                blocked
                or t.dep_ in ("amod", "compound", "poss")
                and t.head != tok
                and t.head.pos_ != "NOUN"
            ):
                continue
            if t.dep_ in ("amod", "compound", "poss"):
                acts = self.actors.resolve(t.head, ctx) if t.head != tok else []
                acts = acts or self.actors.resolve(t, ctx)
            else:
                acts = self.actors.resolve(t, ctx)
            acts = [a for a in acts if a.code not in exclude]
            if acts:
                return acts[:1]
        return []

    @staticmethod
    def _looks_future(date_text: str, verb: Any) -> bool:
        low = date_text.lower()
        if any(w in low for w in ("tomorrow", "next", "later this", "coming")):
            return True
        aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if aux & FUTURE_AUX:
            return True
        if low.startswith("this ") or low in ("today", "tonight", "now"):
            return False  # "return to Geneva this week for talks": going on now
        return verb.tag_ in ("VBZ", "VBP") and not (aux & {"has", "have"})

    @staticmethod
    def _event_date(
        text: str | None, pub: dt.date | None, future: bool
    ) -> tuple[str | None, str | None]:
        if text and pub:
            from eventwire.dates import resolve_date

            r = resolve_date(text, pub, future=future)
            if r:
                return r[0].isoformat(), r[1]
        if pub:
            return pub.isoformat(), "day"
        return None, None

    def _place(self, verb: Any, tok: Any, sent: Any, actors: list[Actor]) -> Place | None:
        """The place named by a locative phrase attached to the trigger's clause: "in Crimea",
        "travels to Kiev", "presence in Crimea"."""
        from eventwire.places import resolve_place

        ctx_iso = [
            c for c in (self.onto.cameo_to_iso3(a.country) for a in actors if a.country) if c
        ]
        anchors = {verb.i, tok.i}
        anchors |= {c.i for c in verb.children if c.dep_ in ("dobj", "attr", "nsubj")}
        # "fired four shells at targets in Jericho"
        anchors |= {
            o.i
            for pr in verb.children
            if pr.dep_ == "prep"
            for o in pr.children
            if o.dep_ == "pobj" and o.pos_ == "NOUN"
        }
        anchors |= {c.i for c in tok.children if c.dep_ in ("dobj",)}
        # "near the town of Samarra", "outside of the Iraqi city of Basra"
        of_heads: set[int] = set()
        for a in list(anchors):
            for pr in sent.doc[a].children:
                if pr.dep_ != "prep" or pr.lower_ not in PLACE_PREPS:
                    continue
                for n in pr.subtree:
                    if n.dep_ == "pobj" and n.pos_ == "NOUN" and n.lemma_.lower() in PLACE_NOUNS:
                        of_heads.add(n.i)
        for root in sent:
            if root.pos_ != "PROPN" or root.dep_ != "pobj":
                continue
            prep = root.head
            if not (
                (prep.lower_ in PLACE_PREPS and prep.head.i in anchors)
                or (prep.lower_ == "of" and prep.head.i in of_heads)
            ):
                continue
            if root.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"):
                continue
            left = root.left_edge.i
            while left < root.i and sent.doc[left].pos_ not in ("PROPN",):
                left += 1
            name = sent.doc[left : root.i + 1].text
            place = resolve_place(name, context_countries=ctx_iso)
            if place is None and name != root.text:
                place = resolve_place(root.text, context_countries=ctx_iso)
            if place is not None:
                return place
        return None

    def _allegations(
        self, events: list[Event], speakers: list[Actor], sent: Any, si: int, article: Article
    ) -> list[Event]:
        """A speaker calling another actor's hostile act illegal (or brutal, deliberate) accuses
        that actor: "A says B illegally seized X" -> A accuses B."""
        out = []
        cue = any(w.lower_ in self.ps.cues["allegation_adverb"] for w in sent)
        for e in events:
            if e.root not in ROOT_QUAD_CONFLICT or e.modality != "asserted":
                continue
            for spk in speakers:
                if not cue or spk.country == e.source.country:
                    continue
                out.append(
                    self._event(
                        article,
                        sent,
                        si,
                        None,
                        None,
                        "112",
                        spk,
                        e.source,
                        "asserted",
                        e.date,
                        e.date_text,
                        e.date_precision,
                        None,
                        e.confidence - 0.1,
                        None,
                        rule="reported-allegation",
                        trigger=e.trigger,
                    )
                )
        return out

    def _event(
        self,
        article: Article,
        sent: Any,
        si: int,
        tok: Any,
        p: Pattern | None,
        code: str,
        src: Actor,
        tgt: Actor | None,
        modality: str,
        date: str | None,
        date_text: str | None,
        precision: str | None,
        location: Place | None,
        conf: float,
        speaker: list[Actor] | None,
        *,
        rule: str | None = None,
        trigger: str | None = None,
    ) -> Event:
        info = self.onto.event(code)
        plover = p.plover if p is not None and p.plover and code == p.code else info.plover
        # PLOVER codes announced future acts as what they are now: a promise to cooperate is
        # AGREE, a promised coercive or violent act a THREATEN (CAMEO keeps the act's code)
        if modality in ("intent", "planned") and plover in PLOVER_COOPERATIVE:
            plover = "AGREE"
        elif modality in ("intent", "planned") and plover in PLOVER_FORCEFUL:
            plover = "THREATEN"
        rule_id = rule or (p.id if p else "?")
        trig = trigger if trigger is not None else (tok.text if tok is not None else "")
        key = f"{article.doc_id}|{si}|{trig}|{src.code}|{tgt.code if tgt else ''}|{code}"
        eid = hashlib.sha1(key.encode()).hexdigest()[:16]
        sp = (
            speaker[0]
            if isinstance(speaker, list) and speaker
            else (speaker if isinstance(speaker, Actor) else None)
        )
        return Event(
            doc_id=article.doc_id,
            event_id=eid,
            source=src,
            target=tgt,
            cameo=code,
            root=info.root,
            goldstein=info.goldstein,
            quad_class=info.quad_class,
            plover=plover,
            plover_mode=info.plover_mode,
            modality=modality,
            date=date,
            date_text=date_text,
            date_precision=precision,
            location=location,
            sentence=sent.text,
            sentence_index=si,
            span=(sent.start_char, sent.end_char),
            trigger=trig,
            rule=rule_id,
            confidence=round(max(0.05, min(0.99, conf)), 2),
            speaker=sp,
        )

    @staticmethod
    def _dedup(events: list[Event]) -> list[Event]:
        """One row per dyad, root, date and modality within a document (the first, most
        specific mention wins); a target-less row is dropped when the same actor's event of
        that root, date and modality, or of that PLOVER type in the same sentence, has a
        target."""
        targeted = {
            (e.source.code, e.root, e.date, e.modality) for e in events if e.target is not None
        }
        events = [
            e
            for e in events
            if e.target is not None or (e.source.code, e.root, e.date, e.modality) not in targeted
        ]
        # within a sentence, an actor's second act of the same PLOVER type with no target is
        # the same event told again ("shelled Juba, killing 20 people")
        in_sentence = {
            (e.sentence_index, e.source.code, e.plover)
            for e in events
            if e.target is not None and e.plover
        }
        kept: set[tuple] = set()
        first_trigger: dict[tuple, str] = {}
        pruned = []
        for e in events:
            k = (e.sentence_index, e.source.code, e.plover)
            if e.target is None and e.plover and e.modality == "asserted":
                if k in in_sentence or k in kept:
                    continue
                kept.add(k)
            if e.plover and e.modality == "asserted" and e.rule != "reported-allegation":
                # "rejected the plan and said they opposed the force": one rejection, told twice
                trig = first_trigger.setdefault(k, f"{e.trigger}@{e.rule}")
                if trig != f"{e.trigger}@{e.rule}":
                    continue
            pruned.append(e)
        events = pruned
        seen: dict[tuple, Event] = {}
        out = []
        for e in events:
            key = (e.source.code, e.target.code if e.target else None, e.root, e.date, e.modality)
            prev = seen.get(key)
            if prev is None:
                seen[key] = e
                out.append(e)
            elif len(e.cameo) > len(prev.cameo) and e.cameo.startswith(prev.cameo[:2]):
                idx = out.index(prev)
                out[idx] = e
                seen[key] = e
        return out
