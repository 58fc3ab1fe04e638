"""Who and what a clause is about: subjects, objects, complements, speakers.

Part of the coder (``eventwire.coding.engine.Coder`` mixes these methods in); the shared state is
``self.ps`` (pattern tables), ``self.actors`` (the actor resolver) and ``self.onto`` (the ontology).
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.resolver import ActorContext
from eventwire.coding._common import SELF_DIRECTED, _infinitive
from eventwire.coding.patterns import Pattern
from eventwire.model import Actor

RELATIVE_TAGS = {"WDT", "WP"}  # "that", "which", "who" opening a relative clause


class ClauseSyntax:
    @staticmethod
    def _children(tok: Any, *deps: str) -> list[Any]:
        return [c for c in tok.children if c.dep_ in deps]

    def _subject(self, v: Any, depth: int = 0) -> tuple[list[Any], bool]:
        """Source-role tokens of a verb and whether it is passive (its subject is the target)."""
        agent = [p for a in self._children(v, "agent") for p in self._children(a, "pobj")]
        subj = self._children(v, "nsubj", "csubj")
        passive = bool(self._children(v, "nsubjpass", "auxpass")) or (
            # "troops stationed there", "he seemed wounded by her remark"
            v.tag_ == "VBN"
            and v.dep_ in ("acl", "xcomp", "acomp", "oprd")
            # "reports that troops had attacked": a finite clause with its own subject
            and not (subj and self._children(v, "aux"))
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
        if subj and v.dep_ == "relcl" and all(t.tag_ in RELATIVE_TAGS for t in subj):
            return [v.head], False  # "a bomb that killed four soldiers": the antecedent did it
        if subj:
            return subj, False
        if (
            (v.dep_ == "conj" or (v.dep_ == "acl" and v.tag_ in ("VBD", "VBZ", "VBP")))
            and v.head.dep_ == "ROOT"
            and v.head.pos_ in ("NOUN", "PROPN")
        ):
            # a headline the tagger read as a noun phrase: "Police in Kinshasa fire tear gas
            # and arrest protesters", "youths resorted to ..." (a finite verb tagged as a
            # modifier): the noun root is the subject, or, when the root is the first verb's
            # object ("Police fire tear gas and arrest ..."), the actor word that opens it
            if self.actors.lex.sector_of(v.head.lemma_.lower()) is not None:
                return [v.head], False
            opener = min(v.head.subtree, key=lambda t: t.i)
            if (
                opener.pos_ in ("NOUN", "PROPN")
                and opener.dep_ in ("nmod", "compound", "amod")
                and self.actors.lex.sector_of(opener.lemma_.lower()) is not None
            ):
                return [opener], False
        if depth > 3:
            return [], False
        h = v.head
        if (
            v.dep_ == "conj"
            and h.pos_ == "NOUN"
            and h.dep_ in ("nsubj", "ROOT")
            and self.actors.lex.sector_of(h.lemma_.lower()) is not None
        ):
            # a headline verb the parser hung on its subject noun: "Police in Lagos fire tear
            # gas and arrest protesters" (arrest: a conjunct of "Police")
            return [h], False
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
            if h.pos_ == "NOUN" and self.actors.lex.sector_of(h.lemma_.lower()) is not None:
                return [h], False  # "police dispersed demonstrators protesting the result"
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
                        if not found and t.pos_ in ("VERB", "AUX"):
                            # "killed or wounded 2,600 Iraqis", "arrested and charged three
                            # men": coordinated verbs share the last one's object
                            found = [
                                o
                                for c in self._children(t, "conj")
                                if c.pos_ == "VERB"
                                for o in self._children(c, "dobj")
                            ]
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
                    # "called for talks with the rebels": the particle's object carries it too
                    heads += [
                        o
                        for pr in self._children(t, "prep")
                        if pr.lemma_.lower() != want
                        for o in self._children(pr, "pobj")
                        if o.pos_ == "NOUN"
                    ]
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

    def _clause_subject(
        self, clause: Any, ctx: ActorContext, active_only: bool = False
    ) -> list[Actor]:
        """The actors a clause is about: "demanded that Azerbaijan withdraw" -> Azerbaijan
        (with ``active_only``, nothing for a passive clause)."""
        subj, passive = self._subject(clause)
        if active_only and passive:
            return []
        return [a for s in subj for a in self.actors.resolve(s, ctx)]

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

    def _harmed(self, tok: Any, light: Any | None) -> list[Any] | None:
        """The subject of a harm verb whose in-phrase names the event noun ("six civilians
        died in an air strike" -> civilians), or None when the noun is not licensed so."""
        if light is None or tok.pos_ != "NOUN" or tok.dep_ != "pobj":
            return None
        if light.lemma_.lower() not in self.ps.cues["harm_verb"] or tok.head.head != light:
            return None
        return self._children(light, "nsubj", "nsubjpass")

    @staticmethod
    def _passive_light(verb: Any) -> bool:
        """ "arrests have been made", "a curfew was imposed": the light verb is passive."""
        return any(c.dep_ == "auxpass" for c in verb.children)
