"""Trigger matching: event-pattern rows found at tokens, and the verbs that license event nouns.

Part of the coder (``eventwire.coding.engine.Coder`` mixes these methods in); the shared state is
``self.ps`` (pattern tables), ``self.actors`` (the actor resolver) and ``self.onto`` (the ontology).
"""

from __future__ import annotations

from typing import Any

from eventwire.coding.patterns import Pattern


class TriggerMatching:
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
        # ("turned violent": an adjective complement can be a row's object too)
        obj_toks = [c for c in kids if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "acomp")]
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
                if pt is None and p.objects:
                    # "booked the accused under the Arms Act": the parser hung the phrase on
                    # the object; the row's own objects ("act", "law") still have to match
                    # (or deeper: "taken five people including a woman and a child from
                    # their homes", the phrase hung on the last conjunct)
                    pt = next(
                        (
                            pr
                            for o in self._children(tok, "dobj")
                            for pr in o.subtree
                            if pr.dep_ == "prep" and pr.lemma_.lower() == p.particle
                        ),
                        None,
                    )
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
                        # "fired tear gas", "fired teargas and pepper spray" (parsed as a modifier)
                        m.dep_ in ("compound", "nmod") and m.lemma_.lower() in p.objects
                        for m in o.children
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

    def _nominal_pattern(self, tok: Any) -> tuple[Pattern, int] | None:
        """An event noun read as its verb with the of-phrase for object ("a suspension of air
        links with Serbia" as "suspend links", "the lifting of the embargo"): the verb's rows
        that name their objects (nominals.tsv), so that a bare noun codes nothing."""
        verb = self.ps.nominals.get(tok.lemma_.lower())
        if verb is None:
            return None
        objs = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if not objs:
            return None
        best: tuple[Pattern, int] | None = None
        for p in self.ps.verbs.get(verb, []):
            if not p.objects or p.particle or p.mods or p.has("light") or p.has("pass"):
                continue
            hit = [o for o in objs if o.lemma_.lower() in p.objects]
            if not hit or (p.object_mods and not any(p.object_mods & self._mods(o) for o in hit)):
                continue
            score = 4 + (1 if p.object_mods else 0)
            if best is None or score > best[1]:
                best = (p, score)
        return best

    def _protest_gathering(self, tok: Any) -> Pattern | None:
        """ "Protesters gathered outside parliament", "thousands of demonstrators turned out":
        protesters coming together is a demonstration (the row ``demonstrate``, 141), whatever
        verb of gathering the text uses (cues ``gathering_verb``, ``protester_noun``)."""
        lemma = tok.lemma_.lower()
        prts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")}
        verbs = self.ps.cues["gathering_verb"]
        if lemma not in verbs and not any(f"{lemma} {p}" in verbs for p in prts):
            return None
        protester = self.ps.cues["protester_noun"]
        for s in self._children(tok, "nsubj"):
            heads = [s] + [  # "thousands of protesters"
                p
                for pr in self._children(s, "prep")
                if pr.lower_ == "of"
                for p in self._children(pr, "pobj")
            ]
            if any(h.lemma_.lower() in protester for h in heads):
                return self.ps.by_id.get("demonstrate")
        return None

    def _judges(self, verb: Any) -> bool:
        """A verb that judges an event it names ("condemned the burning of buses"): the event
        happened, and the verb keeps its own event (the condemnation)."""
        return verb.lemma_.lower() in self.ps.cues["evaluation_verb"]

    def _told_of(self, noun: Any) -> bool:
        """Whether an event noun says who did it, to whom or where ("the killing of three aid
        workers", "the Israeli air strikes", "the arrest by police"); "condemned the attack"
        only refers back to an event told before."""
        for c in noun.children:
            if c.dep_ == "poss" or (
                c.dep_ == "prep" and c.lower_ in ("by", "of", "on", "against", "in")
            ):
                return True
            if c.dep_ in ("amod", "compound") and (
                self.actors.lex.lookup(c.text) is not None
                or self.actors.lex.sector_of(c.lemma_.lower()) is not None
            ):
                return True
        return False

    def _licensing_verb(self, noun: Any) -> Any | None:
        """The verb that makes an event noun an event: "held talks", "talks began"."""
        if noun.dep_ == "compound":  # "launched a mediation effort"
            noun = noun.head
        for c in noun.children:
            # a reduced relative: "a rally held by students", "the strike called by the union"
            if (
                c.dep_ == "acl"
                and c.tag_ == "VBN"
                and c.lemma_.lower() in self.ps.cues["light_verb"] | self.ps.cues["sponsor_verb"]
            ):
                return c
        head = noun.head
        if noun.dep_ == "dobj" and self._judges(head) and self._told_of(noun):
            return head  # "condemned the burning of buses by rioters": the burning happened
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
