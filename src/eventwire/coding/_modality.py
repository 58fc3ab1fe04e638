"""Modality (negation, intent, plans, hypotheses, denials) and why a trigger is no new event.

Part of the coder (``eventwire.coding.engine.Coder`` mixes these methods in); the shared state is
``self.ps`` (pattern tables), ``self.actors`` (the actor resolver) and ``self.onto`` (the ontology).
"""

from __future__ import annotations

from typing import Any

from eventwire.coding._common import (
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    NEG_WORDS,
    OBLIGATION_AUX,
    PURPOSE_EVENTS,
    VIOLENT_ROOTS,
    Trigger,
    _headline_predicate,
    _infinitive,
    _purpose,
)


class ModalityRules:
    def _modality(self, v: Any, sent_date_future: bool) -> str:
        kids = list(v.children)
        if any(c.dep_ == "neg" or c.lower_ in NEG_WORDS and c.dep_ == "advmod" for c in kids):
            return "negated"
        if any(
            c.dep_ in ("dobj", "nsubjpass")
            and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            for c in kids
        ):
            return "negated"  # "would impose no restrictions", "no arrests were made"
        aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if not aux and v.dep_ == "conj":  # "would boycott the vote and withdraw": shared
            aux = {c.lower_ for c in v.head.children if c.dep_ in ("aux", "auxpass")}
        marks = {c.lower_ for c in kids if c.dep_ == "mark"}
        if marks & {"if", "unless"} or ("whether" in marks and v.dep_ != "advcl"):
            # "asked whether the army would attack" (not a concessive "whether ... or ...")
            return "hypothetical"
        if aux & (FUTURE_AUX | HYPOTHETICAL_AUX) and any(
            c.dep_ == "advmod" and c.lower_ in ("how", "why") for c in kids
        ):
            return "hypothetical"  # "it was not stated how the union would seize control"
        if is_question(v.sent, v):
            return "hypothetical"  # "Does this mean that the Fed abandons its position?"
        if aux & (FUTURE_AUX | HYPOTHETICAL_AUX) and any(
            _conditional(c) for w in v.conjuncts for c in w.children
        ):
            # "would withdraw his candidacy and quit his post if Chun failed to accept": the
            # condition on the last of coordinated acts holds for all of them
            return "hypothetical"
        h = v.head
        if v.dep_ == "xcomp" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in h.children
        ):
            return "hypothetical"  # "if the government failed to accept the package"
        if v.dep_ == "xcomp" and h.lemma_.lower() in self.ps.cues["inability_word"]:
            return "negated"  # "police were unable to arrest the gang"
        if (
            v.dep_ == "xcomp"
            and h.lemma_.lower() == "able"
            and any(c.dep_ == "neg" for w in (h, h.head) for c in w.children)
        ):
            return "negated"  # "have not been able to arrest the kidnappers"
        if (
            v.dep_ == "xcomp"
            and h.lemma_.lower() == "able"
            and any(
                c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX | FUTURE_AUX
                for w in (h, h.head)
                for c in w.children
            )
        ):
            return "hypothetical"  # "the US may be able to lift the sanctions by June"
        if aux & (FUTURE_AUX | HYPOTHETICAL_AUX) and any(_conditional(c) for c in kids):
            return "hypothetical"  # "if necessary, they will be arrested": a conditional
        if aux & OBLIGATION_AUX:
            return "obligation"
        if aux & HYPOTHETICAL_AUX:
            return "hypothetical"
        if aux & FUTURE_AUX:
            return "planned" if sent_date_future else "intent"
        if v.tag_ in ("VBZ", "VBP") and sent_date_future:
            return "planned"
        if self._denied_report(v):
            return "denied"  # "denied reports that its jets bombed", "reports ... were untrue"
        # "is to visit", "plans to", "is expected to"
        h = v.head
        if v.dep_ == "xcomp" and h.lemma_.lower() in self.ps.cues["intent_head"]:
            if self._denied_report(h) or (
                h.dep_ in ("ccomp", "xcomp")
                and (hp := self._verb_pattern(h.head))
                and hp[0].has("neg")
            ):
                return "denied"  # "denied that it planned to attack": the intent is denied
            return "planned" if sent_date_future else "intent"
        if v.dep_ == "xcomp" and h.lemma_.lower() in ("fail", "refuse", "decline"):
            return "negated"
        if v.dep_ == "xcomp" and h.lemma_.lower() in ("likely", "unlikely", "possible"):
            return "hypothetical"  # "it was unlikely to allow sharp fluctuations": a forecast
        if v.dep_ == "xcomp" and h.lemma_.lower() in self.ps.cues["potential_adjective"]:
            return "hypothetical"  # "the union is free to strike": what it may do
        if v.dep_ == "xcomp" and h.lemma_.lower() in ("have", "need") and _infinitive(v):
            return "obligation"  # "the government has to call an election by January"
        if (
            v.dep_ == "xcomp"
            and h.pos_ == "ADJ"
            and h.lemma_.lower() in self.ps.cues["willing_adjective"]
        ):
            return "planned" if sent_date_future else "intent"
        if (
            v.dep_ == "xcomp"
            and h.pos_ in ("VERB", "AUX")
            and h.lemma_.lower() in self.ps.cues["object_control_verb"]
            and self._modality(h, sent_date_future) == "hypothetical"
        ):
            return "hypothetical"  # "the bill would force the administration to retaliate"
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

    def _denied_report(self, v: Any) -> bool:
        """Whether a clause is the content of a report its source denies: "denied reports that
        its jets bombed the town", "dismissed rumours that ...", "reports that ... were
        baseless"."""
        n = v.head
        if v.dep_ not in ("acl", "ccomp", "relcl") or n == v:
            return False
        if n.pos_ != "NOUN" or n.lemma_.lower() not in self.ps.cues["report_noun"]:
            return False
        g = n.head
        if n.dep_ == "dobj" and g.lemma_.lower() in self.ps.cues["denial_verb"]:
            return True
        if n.dep_ == "nsubj" and g != n:  # "were untrue", "were misleading propaganda"
            if g.dep_ == "aux":  # the parser may hang the subject on the auxiliary
                g = g.head
            return g.lemma_.lower() in self.ps.cues["falsity_word"] or any(
                c.dep_ in ("acomp", "attr", "dobj")
                and c.lemma_.lower() in self.ps.cues["falsity_word"]
                for c in g.children
            )
        return False

    def _withheld_comment(self, c: Any) -> bool:
        """The complement of a refusal is a comment withheld, not a political act refused:
        "declined to comment", "to be more specific", "to be drawn", "to release figures"."""
        cues = self.ps.cues
        lemma = c.lemma_.lower()
        if lemma in cues["comment_verb"]:
            return True
        kids = list(c.children)
        if lemma == "be":
            return any(
                k.dep_ in ("acomp", "attr") and k.lemma_.lower() in cues["comment_adjective"]
                for k in kids
            )
        if any(k.dep_ == "auxpass" for k in kids) and lemma in cues["comment_passive"]:
            return True  # "declined to be drawn on the talks", "asked not to be quoted"
        return lemma in cues["disclosure_verb"] and any(
            k.dep_ == "dobj" and k.lemma_.lower() in cues["information_noun"] for k in kids
        )

    def _not_new(self, t: Trigger, verb: Any, triggers: dict[int, Trigger]) -> str | None:
        """Why a matched trigger is not a new event of its own, if it is not."""
        if (
            verb.dep_ == "relcl"
            and any(
                c.dep_ in ("auxpass", "nsubjpass")
                or (c.dep_ == "aux" and c.lower_ in ("had", "has", "have"))
                for c in verb.children
            )
            and not _dated_by_day(verb)
        ):
            # (but "the accused, who was arrested on Friday, was produced in court": a clause
            # that dates its act to a day tells that recent act)
            return "relative clause in the past or passive, background"
        if (
            verb.dep_ == "relcl"
            and verb.tag_ in ("VBZ", "VBP")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        ):
            # "the budget he opposes", "rebels who attack villages": a simple present in a
            # relative clause describes its antecedent (a stance, a habit), it tells no event
            return "relative clause in the simple present, a description"
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        if verb.dep_ == "advcl" and (
            "since" in marks
            # (when the main clause reports no event of its own, the earlier act is the news:
            # "the rally was cut short after police fired tear gas")
            or ("after" in marks and verb.head.i in triggers)
        ):
            # "... a day after a Serbian jet shot down a helicopter": the earlier event, reported
            # when it happened; coding it again would count it twice
            return "an earlier event the sentence refers back to"
        if self._describes_noun(verb):
            return "describes a noun ('a team trying to broker'), background"
        harm_noun = (  # "persons injured in police firing": the firing is told, not described
            t.token.pos_ == "NOUN" and verb.lemma_.lower() in self.ps.cues["harm_verb"]
        )
        own_noun = t.token.pos_ == "NOUN" and verb.head == t.token  # "a rally held by students"
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBN"
            and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)  # "that X had done"
            and not _headline_predicate(verb)
            and not harm_noun
            and not own_noun
        ):
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
        if (
            t.pattern.code[:3] == "057"
            and (t.light is None or t.light.lemma_.lower() not in self.ps.cues["signing_verb"])
            and _named_accord(t.token)
        ):
            return "a named accord the text refers to ('the Paris accord'), not its signing"
        if t.code[:2] == "03" and self._shared_opinion(verb):
            return "agreeing with a view, an opinion with no addressee"
        return None

    def _shared_opinion(self, v: Any) -> bool:
        """ "agreed with the view that ...", "agreed that the dollar was undervalued": to agree
        with a view or that something is so shares an opinion; agreeing to do something, on
        a plan or with a party is a commitment (030)."""
        if v.lemma_.lower() not in self.ps.cues["opinion_agreement_verb"]:
            return False
        kids = list(v.children)
        if any(k.dep_ in ("xcomp", "dobj") for k in kids):
            return False  # "agreed to cut tariffs", "agreed a plan": a commitment
        for k in kids:
            if k.dep_ == "prep" and k.lower_ == "with":
                objs = [o for o in k.children if o.dep_ == "pobj"]
                if objs and all(o.lemma_.lower() in self.ps.cues["opinion_noun"] for o in objs):
                    return True
        return any(
            k.dep_ == "ccomp"
            and k.lemma_.lower() in self.ps.cues["stative_verb"]
            and not any(a.dep_ == "aux" and a.lower_ in ("should", "must") for a in k.children)
            for k in kids
        )

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
            if (
                t.dep_ in ("acl", "relcl")
                and _infinitive(t)
                and t.head.pos_ == "NOUN"
                and t.head.lemma_.lower() in self.ps.cues["potential_noun"]
            ):
                return "hypothetical"  # "an attractive way for banks to provide", "the right
                # to strike": what someone can or may do
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
                and lemma in self.ps.cues["directive_noun"] | self.ps.cues["conjecture_noun"]
            ):
                return "hypothetical"
            if t.dep_ == "ccomp" and any(
                (
                    c.dep_ in ("nsubj", "attr")
                    and c.lemma_.lower() in self.ps.cues["conjecture_noun"]
                )
                # "economists said it was likely that the government would ease controls"
                or (c.dep_ == "acomp" and c.lemma_.lower() in self.ps.cues["conjecture_adjective"])
                for c in h.children
            ):
                return "hypothetical"  # "speculation has been in the market that ...", "fears
                # grew that the army would ...", "there is a possibility that ..."
            if t.dep_ in ("xcomp", "acomp") and any(_conditional(c) for c in h.children):
                return "hypothetical"  # "If Tokyo failed to act, Britain was ready to retaliate"
            if t.dep_ == "ccomp" and any(
                o.lemma_.lower() in self.ps.cues["directive_noun"]
                for o in self._children(h, "dobj")
            ):
                return "hypothetical"  # "reiterated its demand that Israel ease ..."
            if h.pos_ in ("VERB", "AUX", "ADJ") and t.dep_ != "conj":
                if lemma in self.ps.cues["conjecture_verb"] and _conjectured(t, h):
                    return "hypothetical"  # "diplomats expect Uganda to request loans"
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
                # reported speech: what was said is coded as said, unless the saying is itself
                # only expected ("is expected to announce he is rejecting the measure")
                said = self._modality(h, False)
                return "hypothetical" if said in ("intent", "planned", "hypothetical") else None
            t = h
        return None


_SUBJ = ("nsubj", "nsubjpass")


def _dated_by_day(verb: Any) -> bool:
    """Whether a clause dates its act to a day of this week: "on Friday", "yesterday"."""
    from eventwire.dates import weekday_names

    days = weekday_names() | {"yesterday", "today", "tonight"}
    for c in verb.children:
        words = [c] + [p for p in c.children if c.dep_ == "prep" and p.dep_ == "pobj"]
        if any(w.lower_ in days for w in words):
            return True
    return False


def _named_accord(tok: Any) -> bool:
    """ "the scope of the Paris accord", "under the Louvre accord": an agreement noun named by
    the place it was made is the agreement itself, referred to, not a new signing."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    return any(
        c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < tok.i for c in tok.children
    )


def _conditional(c: Any) -> bool:
    """An adverbial clause of condition: "if Chun failed to accept", "unless Libya apologised"."""
    return c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
    )


def conditional_offer(v: Any) -> bool:
    """ "would meet the mediator if he gave them a veto", "will release the hostages unless
    ...": an act to come (will, would) on a condition, as an offer states it."""
    kids = list(v.children)
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if not aux and v.dep_ == "conj":
        aux = {c.lower_ for c in v.head.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & FUTURE_AUX) and any(
        _conditional(c) for w in (v, *v.conjuncts) for c in w.children
    )


def is_question(sent: Any, v: Any = None) -> bool:
    """A direct question is no report that something happened: the first sentence-final mark
    after the verb (or at the end of the sentence) is a question mark."""
    if v is None:
        return sent.text.strip().rstrip("\"'\u201d\u2019 ").endswith("?")
    for t in sent.doc[v.i : sent.end]:
        if t.text in (".", "!", "?"):
            return t.text == "?"
    return False


def _conjectured(clause: Any, head: Any) -> bool:
    """Whether ``clause`` is someone else's act that the subject of ``head`` (a verb of
    expecting, hoping, fearing) only foresees: a future or infinitive clause with a subject of
    its own ("expect Uganda to request", "hoped the Americans would make proposals"), not the
    speaker's own intent ("hopes to sign", "expects it will sign") nor a past act believed
    ("believe the gang kidnapped him")."""
    if clause.dep_ not in ("ccomp", "xcomp"):
        return False
    future = clause.tag_ == "VB" or any(
        c.dep_ == "aux" and c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX | {"to"}
        for c in clause.children
    )
    if not future:
        return False
    own = [c for c in clause.children if c.dep_ in _SUBJ] or [
        c for c in head.children if c.dep_ == "dobj"
    ]
    if not own or own[0].pos_ == "PRON":  # "hopes it will sign": its own intent
        return False
    theirs = [c for c in head.children if c.dep_ in _SUBJ]
    return not theirs or theirs[0].lower_ != own[0].lower_
