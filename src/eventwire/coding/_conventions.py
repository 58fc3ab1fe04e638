"""Coding conventions: agentless acts, unidentified attackers, recodes by words and actors, fallback targets, allegations.

Part of the coder (``eventwire.coding.engine.Coder`` mixes these methods in); the shared state is
``self.ps`` (pattern tables), ``self.actors`` (the actor resolver) and ``self.onto`` (the ontology).
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.resolver import ActorContext
from eventwire.coding._common import (
    COOPERATIVE_ROOTS,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    MARKET_PRONE_ROOTS,
    MATERIAL_ROOTS,
    OBLIGATION_AUX,
    ROOT_QUAD_CONFLICT,
    VERBAL_ROOTS,
    VIOLENT_ROOTS,
    Trace,
)
from eventwire.coding.patterns import Pattern
from eventwire.model import Actor, Article, Event, Place

ARMED_SECTORS = frozenset({"UAF", "MIL", "REB", "COP", "SPY", "INS"})

# a court's procedural steps (appeals, demands, refusals) in a case with no political party
# ("the court declined to issue a preliminary injunction", "X Inc asked the court for a
# judgment"): commercial litigation, not an event between actors
LITIGATION_ROOTS = frozenset({"02", "10", "12"})


def _litigation(sources: list[Actor], targets: list[Actor]) -> bool:
    """A court acting with no party named or on companies only, or a company petitioning a
    court."""
    if sources and all(s.sector == "JUD" for s in sources):
        return all(g.sector == "BUS" for g in targets)
    if sources and all(s.sector == "BUS" for s in sources):
        return bool(targets) and all(g.sector == "JUD" for g in targets)
    return False


# roots whose acts can be about sums: appeals for and promises of aid, deals, aid, demands,
# rejections, cuts in aid ("pledged 10 mln dlrs", "demanded 5 mln dlrs in compensation")
MONEY_ROOTS = frozenset({"02", "03", "06", "07", "10", "12", "16"})


class CodingConventions:
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
            or self._judges(verb)  # "condemned the looting of shops"
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
        if tok.lemma_.lower() in self.ps.cues["blast_noun"] and not self._blast_is_attack(tok):
            if trace:  # "a gas explosion at the plant killed six workers"
                trace(f"  '{tok.text}' ({p.id}): an explosion with no weapon named, an accident")
            return None
        if code[:4] in ("1723", "1724") and self._hazard_nearby(tok):
            if trace:  # "fires are burning ... the government declared a state of emergency"
                trace(
                    f"  '{tok.text}' ({p.id}): an emergency against a natural hazard, not coercion"
                )
            return None
        if code[:2] in VIOLENT_ROOTS | {"15"} and all(s.sector == "BUS" for s in sources):
            if trace:  # "traders took positions", "the company's shares were hit"
                trace(f"  '{tok.text}' ({p.id}): force by a business, not an event")
            return None
        if tok.lemma_.lower() == "retaliate" and code == "190" and self._trade_grievance(tok):
            code = "163"  # "retaliated for Japan's failure to honour the chip pact": tariffs
        comp = self._complement(tok) if tok.pos_ == "VERB" else None
        threat = code[:3] == "138" and comp is not None and comp.lemma_.lower() == "strike"
        st = comp if threat else tok  # "the union threatened to strike": the strike threatened
        if (
            st.lemma_.lower() == "strike"
            and (code[:2] in VIOLENT_ROOTS or threat)
            and (
                any(s.sector == "LAB" for s in sources)
                or (
                    st.pos_ == "VERB"
                    and not self._children(st, "dobj")
                    and not targets
                    # "rockets struck", "its forces struck at a second platform"
                    and not any(s.sector in ARMED_SECTORS for s in sources)
                    and not any(p.lower_ in ("at", "on") for p in self._children(st, "prep"))
                )
            )
        ):
            # "union members struck the plant", "bank workers are striking"; a strike
            # threatened is a threat of protest (133)
            code = "133" if threat else "143"
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
        apolitical = self.actors.lex.non_political
        if (
            apolitical
            and all(a.sector in apolitical for a in sources)
            and all(g.sector in apolitical or (not g.sector and not g.country) for g in targets)
        ):
            if trace:  # "the company agreed to sell its unit to a rival": market news
                trace(f"  '{tok.text}' ({p.id}): no political actor on either side, not an event")
            return None
        if code[:2] == "17" and self._financial_object(verb):
            if trace:  # "Belgium plans to issue Swiss franc warrants to buy gold"
                trace(f"  '{tok.text}' ({p.id}): a financial instrument, not a legal act")
            return None
        if code[:2] in LITIGATION_ROOTS and _litigation(sources, targets):
            if trace:  # "the court declined to issue an injunction", "X Inc asked the court"
                trace(f"  '{tok.text}' ({p.id}): a step in a lawsuit between companies")
            return None
        if code[:2] not in MONEY_ROOTS and self._moves_a_quantity(verb):
            if trace:  # "the trade surplus hit 13.6 billion dlrs", "bonds yielding 7.57 pct"
                trace(f"  '{tok.text}' ({p.id}): its object is a sum or a rate, a market figure")
            return None
        if code[:2] in MARKET_PRONE_ROOTS and not targets and self._market_act(tok, verb):
            # "agreed to sell patrol boats to Vietnam": the deal's other party is the target
            targets = self._deal_party(verb, sources, ctx)
            if not targets:
                if trace:  # "Brazil bought 75,000 tonnes of wheat", "agreed to sell its unit"
                    trace(f"  '{tok.text}' ({p.id}): a deal or a price with no party, market news")
                return None
        if code[:2] == "01" and not targets:
            if trace:  # "the minister said he hoped the tax cut would pass": an opinion
                trace(f"  '{tok.text}' ({p.id}): a comment with no addressee, not an event")
            return None
        if code[:2] == "05" and self._funded(verb):
            if trace:  # "the ADB approved 24 mln dlrs to support a credit project in Nepal"
                trace(f"  '{tok.text}' ({p.id}): a sum given to support something: economic aid")
            code = "071"
        if code[:2] == "19" and self._verbal_clash(tok, sources + targets):
            if trace:  # "Britain and Japan clashed today over U.K. demands for access"
                trace(f"  '{tok.text}' ({p.id}): governments clashing over an issue: a dispute")
            code = "110"
        if code == "1056" and self._end_of_no_hostility(verb):
            if trace:  # "demanded an end to the system of single-sex hostels"
                trace(
                    f"  '{tok.text}' ({p.id}): an end demanded to something other than hostilities"
                )
            code = "100"
        if code == "057" and self._informal_agreement(tok, verb):
            if trace:  # "reached broad agreement on ...", "expressed agreement to discuss"
                trace(f"  '{tok.text}' ({p.id}): an agreement in principle or to act, not signed")
            code = "030"
        if code.startswith("042") and all("peacekeep" in (s.text or "").lower() for s in sources):
            code = "074"  # "peacekeeping troops arrived in Bosnia": protection, not a visit
        return code, targets

    def _verbal_clash(self, tok: Any, actors: list[Actor]) -> bool:
        """A clash of governments over an issue ("clashed today over U.K. demands for
        access"), with no armed party: a dispute in words, not a fight."""
        if tok.lemma_.lower() not in self.ps.cues["dispute_verb"]:
            return False
        if not actors or any(a.sector not in (None, "GOV", "LEG", "PTY") for a in actors):
            return False
        return any(
            pr.lower_ in ("over", "on", "about")
            and any(o.pos_ == "NOUN" and not o.ent_type_ for o in self._children(pr, "pobj"))
            for pr in self._children(tok, "prep")
        )

    def _end_of_no_hostility(self, verb: Any) -> bool:
        """Whether an end or halt demanded is named as one to something other than fighting
        ("an end to the system of hostels"; not "an end to the fighting", "a halt to
        the bombing")."""
        hostile = self.ps.cues["hostility_noun"]
        for o in self._children(verb, "dobj"):
            if o.lemma_.lower() not in ("end", "halt", "stop"):
                continue
            named = [
                p
                for pr in self._children(o, "prep")
                if pr.lower_ in ("to", "of")
                for p in self._children(pr, "pobj")
            ]
            if named and not any(p.lemma_.lower() in hostile for p in named):
                return True
        return False

    def _financial_object(self, verb: Any) -> bool:
        """Whether the verb's object is a security named like a legal act ("Swiss franc
        warrants", "dollar-denominated warrants"): its modifiers name a currency or a market."""
        words = self.ps.cues["market_noun"] | self.ps.cues["quantity_noun"]
        for o in self._children(verb, "dobj"):
            for m in o.children:
                if m.dep_ in ("compound", "amod", "nmod") and (
                    m.lemma_.lower() in words or m.ent_type_ == "MONEY"
                ):
                    return True
        return False

    def _funded(self, verb: Any) -> bool:
        """Whether an act of support is the purpose of a sum given ("approved 24 mln dlrs to
        support a project", "lent 50 mln dlrs to help finance"): aid, not endorsement."""
        if verb.dep_ not in ("advcl", "xcomp", "acl", "relcl") or not _infinitive_of(verb):
            return False
        units = self.ps.cues["quantity_noun"]
        h = verb.head
        for o in [h] + self._children(h, "dobj"):
            if o.ent_type_ == "MONEY" or o.lemma_.lower() in units | {"loan", "credit", "grant"}:
                return True
        return False

    def _informal_agreement(self, tok: Any, verb: Any) -> bool:
        """An agreement the words make less than a signed one: in principle, broad,
        tentative, preliminary ("reached broad agreement on design specifications"), or an
        agreement to do something ("expressed agreement to discuss this question")."""
        if verb.lemma_.lower() in self.ps.cues["signing_verb"]:
            return False  # "signed an agreement to end Portuguese rule": signed all the same
        nouns = [tok] if tok.pos_ == "NOUN" else []
        nouns += [o for o in self._children(verb, "dobj") if o.pos_ == "NOUN"]
        words = self.ps.cues["informal_agreement"]
        for n in nouns:
            for c in n.children:
                if c.dep_ in ("amod", "compound") and c.lemma_.lower() in words:
                    return True
                if c.dep_ == "prep" and any(o.lemma_.lower() in words for o in c.children):
                    return True  # "agreement in principle"
                if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and _infinitive_of(c):
                    return True  # "agreement to discuss"
        if verb.lemma_.lower() in words and verb != tok:
            return True  # "reaffirmed an earlier Paris accord": an old agreement upheld
        for c in verb.children:  # "agreed in principle"
            if c.dep_ == "prep" and any(o.lemma_.lower() in words for o in c.children):
                return True
        return False

    def _moves_a_quantity(self, verb: Any) -> bool:
        """Whether the verb's object is a sum of money or a rate ("hit 13.6 billion dlrs",
        "yielding 7.57 pct", "shot up 5 pct"): a figure of markets or trade, not an act on an
        actor (a count of people, "killed 12", is no such object)."""
        units = self.ps.cues["quantity_noun"]
        for o in self._children(verb, "dobj", "attr", "npadvmod"):
            if o.ent_type_ in ("PERCENT", "MONEY") or o.lemma_.lower() in units:
                return True
        return False

    def _market_act(self, tok: Any, verb: Any) -> bool:
        """Whether the act is a transaction or a price: its complement is a transaction verb
        ("agreed to sell", "offering to purchase") or its object is a commodity, a security, a
        price or a sum ("bought 29.9 mln tonnes of grain", "offered eight mln dlrs", "invited
        tenders") -- market news when no party is named."""
        trade = self.ps.cues["transaction_verb"]
        goods = self.ps.cues["market_noun"]
        heads = [verb, tok]
        comp = self._complement(verb)
        if comp is not None:
            if comp.lemma_.lower() in trade:
                return True
            heads.append(comp)
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in goods:
            return True
        aid = self.ps.cues["aid_noun"]
        if any(w.lemma_.lower() in aid for w in verb.subtree):
            return False  # "pledged ten million dollars in aid": a promise of aid
        for h in heads:
            for o in self._children(h, "dobj", "nsubjpass"):
                words = [o] + [
                    p2
                    for pr in self._children(o, "prep")
                    if pr.lower_ == "of"
                    for p2 in self._children(pr, "pobj")
                ]
                # "a 1.2 billion dlr, four-part bond issue", "software packages": the goods
                # may be the object's modifier
                words += [
                    m
                    for w in words
                    if w.lemma_.lower() in self.ps.cues["market_container"]
                    for m in self._children(w, "compound", "nmod")
                ]
                if any(w.lemma_.lower() in goods or w.lower_ in goods for w in words):
                    return True
                if any(w.ent_type_ == "MONEY" for w in o.subtree):
                    return True
        return False

    def _deal_party(self, verb: Any, sources: list[Actor], ctx: ActorContext) -> list[Actor]:
        """The other party of a deal: the actor of a to/from/with phrase on the verb or its
        complement ("agreed to sell boats to Vietnam", "bought wheat from the United States")."""
        heads = [verb]
        comp = self._complement(verb)
        if comp is not None:
            heads.append(comp)
        heads += [o for h in list(heads) for o in self._children(h, "dobj")]
        for h in heads:
            for pr in self._children(h, "prep", "dative"):
                if pr.lower_ not in ("to", "from", "with"):
                    continue
                for o in self._children(pr, "pobj"):
                    found = [
                        a
                        for a in self.actors.resolve(o, ctx)
                        if all(a.code != s.code for s in sources)
                    ]
                    if found:
                        return found
        return []

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
        if code[:2] in COOPERATIVE_ROOTS:  # backing a campaign against X is no backing of X
            preps = tuple(p for p in preps if p != "against")
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
            and (
                (act or code)[:2] in MATERIAL_ROOTS
                # a visit or talks abroad are with the host ("arrived in Uganda for talks")
                or (
                    (act or code)[:2] == "04"
                    and any(h.lemma_.lower() in self.ps.cues["travel_verb"] for h in heads)
                    and all(s.country != self.onto.iso3_to_cameo(location.country) for s in sources)
                )
            )
            and not (p.has("sym") and (act or code)[:2] != "04")
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
        if tok.lemma_.lower() in self.ps.cues["blast_noun"]:
            return self._blast_is_attack(tok)
        m = self._noun_pattern(tok) if tok.pos_ == "NOUN" else None
        return m is not None and m[0].code[:2] in VIOLENT_ROOTS

    def _blast_is_attack(self, tok: Any) -> bool:
        """An explosion is an attack when a weapon is named in its sentence or the one before
        ("an explosion caused by a landmine", "devices were found ... died in an explosion") and
        no hazard is ("a gas explosion at a chemical plant", "a coal mine blast")."""
        weapons = self.ps.cues["weapon_noun"]
        if any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in weapons for c in tok.children
        ):
            return True  # "a bomb blast at the chemical plant"
        named = any(t.lemma_.lower() in weapons or t.lower_ in weapons for t in _nearby(tok))
        return named and not self._hazard_nearby(tok)

    def _hazard_nearby(self, tok: Any) -> bool:
        """Whether the sentence or the one before names a natural or industrial hazard (fire,
        flood, storm, quake, epidemic: ``hazard_noun`` cues)."""
        hazards = self.ps.cues["hazard_noun"]
        return any(t.lemma_.lower() in hazards for t in _nearby(tok))

    def _harm_agent(self, verb: Any, ctx: ActorContext) -> list[Actor]:
        """ "two were killed in police firing", "injured in an army raid": the role named in a
        harm verb's in-phrase (the noun itself or its modifier) did the harm."""
        if verb.lemma_.lower() not in self.ps.cues["harm_verb"]:
            return []
        for prep in self._children(verb, "prep"):
            if prep.lower_ not in ("in", "during"):
                continue
            for obj in self._children(prep, "pobj"):
                for cand in [obj, *self._children(obj, "compound", "amod", "poss")]:
                    if cand.pos_ == "NOUN" and self.actors.lex.sector_of(cand.lemma_.lower()):
                        return self.actors.resolve(cand, ctx)
        return []

    def _grounded_attack(self, tok: Any, verb: Any, sent: Any) -> bool:
        """Whether an attack noun is tied to the physical world: a place it happened, a harm
        verb or a weapon in its sentence or the one before ("the attack near the embassy
        killed two", "a rocket attack")."""
        if self._place(verb, tok, sent, []) is not None:
            return True
        words = self.ps.cues["harm_verb"] | self.ps.cues["weapon_noun"] | self.ps.cues["blast_noun"]
        return any(w.lemma_.lower() in words for w in _nearby(tok))

    def _unidentified_attacker(
        self, verb: Any, tok: Any, sent: Any, ctx: ActorContext, targets: list[Actor]
    ) -> list[Actor]:
        place = self._place(verb, tok, sent, targets)
        country = self.onto.iso3_to_cameo(place.country) if place and place.country else None
        if not country:
            # where it happened, not the victims' country ("killed three U.S. soldiers")
            victims = {a.country for a in targets}
            found = self.actors.sentence_countries(verb, skip_other_actors=True) - victims
            if len(found) == 1:
                country = found.pop()
            elif not found:
                country = self.actors.context_country(verb, ctx, person=True)[0]
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

    def _warning_of_fact(self, tok: Any) -> bool:
        """A warning whose clause states a fact ("warned that labour costs had risen"), not an
        act to come ("warned that it would close the strait", "warned that troops could
        attack"): no threat."""
        if tok.pos_ != "VERB":
            return False
        clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if not clauses:
            # "warned of another dip below 145 yen": a forecast, unless what is warned of is an
            # act ("warned of retaliation", "of a strike")
            named = [
                o
                for pr in self._children(tok, "prep")
                if pr.lower_ in ("of", "about")
                for o in self._children(pr, "pobj")
            ]
            return bool(named) and not any(o.lemma_.lower() in self.ps.nouns for o in named)
        modal = FUTURE_AUX | HYPOTHETICAL_AUX | OBLIGATION_AUX | {"to"}
        return all(
            c.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG")
            and not any(a.dep_ in ("aux", "auxpass") and a.lower_ in modal for a in c.children)
            for c in clauses
        )

    def _object_party(
        self, tok: Any, verb: Any, ctx: ActorContext, sources: list[Actor], code: str
    ) -> list[Actor]:
        """An actor named inside the object of the act ("suspended part of an aid program for
        Bosnia"), other than the actor's own."""
        exclude = {a.code for a in sources} | {a.country for a in sources if a.country}
        for h in dict.fromkeys([tok, verb]):
            for o in self._children(h, "dobj"):
                found = [
                    a
                    for a in self._actor_inside(
                        o, ctx, exclude=exclude, adversaries=code[:2] not in COOPERATIVE_ROOTS
                    )
                    if a.country not in exclude
                ]
                if found:
                    return found
        return []

    def _trade_grievance(self, tok: Any) -> bool:
        """Whether what an act answers ("retaliated for ...", "in retaliation for ...") is a
        grievance of trade (``trade_grievance_noun``: dumping, barriers, a trade pact), not an
        attack: retaliation in trade is tariffs or sanctions (163), not force."""
        words = self.ps.cues["trade_grievance_noun"]
        for pr in tok.children:
            if pr.dep_ == "prep" and pr.lower_ == "for":
                sub = [w for o in self._children(pr, "pobj") for w in o.subtree]
                if any(self._is_weapon_or_attack(w) for w in sub if w.pos_ == "NOUN"):
                    return False
                if any(w.lemma_.lower() in words for w in sub):
                    return True
        return False

    def _actor_inside(
        self, tok: Any, ctx: ActorContext, exclude: set[str], adversaries: bool = True
    ) -> list[Actor]:
        """First actor named inside a non-actor object phrase ("a treaty to absorb the
        Ukrainian region"), skipping relative clauses."""
        things = self.actors.lex.words["thing_noun"]
        # "endorsed comments by Treasury Secretary Baker", "rejected the proposal by Paris":
        # the author of what is acted on is whom the act is about
        holders = [tok] if tok.pos_ == "NOUN" else []
        if holders and tok.dep_ == "dobj" and not self._children(tok.head, "auxpass"):
            holders.append(tok.head)  # the parser hangs "by Paris" on the active verb
        for pr in (c for h in holders for c in h.children):
            if pr.dep_ == "prep" and pr.lower_ == "by":
                for a in self._children(pr, "pobj"):
                    acts = [x for x in self.actors.resolve(a, ctx) if x.code not in exclude]
                    if acts:
                        return acts
        for t in tok.subtree:
            if t == tok or t.pos_ not in ("PROPN", "NOUN", "ADJ"):
                continue
            if tok.pos_ == "PROPN" and tok.ent_type_ == "ORG" and _same_entity(t, tok):
                continue  # "Providence Washington Insurance Group": words of one name
            anc = t
            blocked = False
            while anc != tok:
                if anc.dep_ in ("relcl", "appos") or (anc.dep_ == "acl" and anc.tag_ != "VB"):
                    blocked = True
                    break
                if not adversaries and anc.dep_ == "pobj" and anc.head.lower_ == "against":
                    blocked = True  # an act of cooperation is not with whom it is against
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
                if t.dep_ != "poss" and t.head.lemma_.lower() in things:
                    # "Japanese products" name Japan; "military aid" names no military
                    acts = [a for a in acts if a.country and not a.sector]
            else:
                acts = self.actors.resolve(t, ctx)
            acts = [a for a in acts if a.code not in exclude]
            if acts:
                return acts[:1]
        return []

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


def _nearby(tok: Any) -> Any:
    """The tokens of the token's sentence and of the one before (news explains a blast or a
    hazard in the sentence that reports it or just before)."""
    sent = tok.sent
    start = tok.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return tok.doc[start : sent.end]


def _infinitive_of(v: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _same_entity(a: Any, b: Any) -> bool:
    """Whether two tokens lie in one named entity (no entity boundary between them)."""
    lo, hi = sorted((a.i, b.i))
    return bool(a.ent_type_) and all(a.doc[k].ent_iob_ == "I" for k in range(lo + 1, hi + 1))
