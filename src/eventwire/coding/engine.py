"""The event coder: dependency-parse patterns to CAMEO events with actors, modality, date and place.

For each sentence it finds trigger words from the pattern tables, works out who acts (subject,
passive agent, controller of an infinitive, antecedent of a relative clause, earlier mention) and
on whom (object or prepositional object the pattern names), the modality (negation, intent, plan,
hypothesis, denial), the date expression and the place attached to the trigger's clause.

The steps live in small modules, mixed into ``Coder``: ``_triggers`` (pattern matching),
``_syntax`` (clause roles), ``_modality``, ``_attach`` (date and place), ``_conventions``
(coding conventions kept as data in ``data/patterns/``) and ``_emit`` (events and the fold of
repeats). This module holds the per-document and per-sentence passes that call them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from eventwire.actors.resolver import ActorContext, ActorResolver
from eventwire.coding._attach import DatePlace
from eventwire.coding._common import (
    CLAUSE_GOVERNORS,
    COMPLEMENT_TARGET_ROOTS,
    COOPERATIVE_ROOTS,
    FORCEFUL_ROOTS,
    FUTURE_AUX,
    NOMINAL_DEPS,
    OBLIGATION_AUX,
    PURPOSE_EVENTS,
    SUBJ,
    VIOLENT_ROOTS,
    Trace,
    Trigger,
    _dateline_anchor,
    _infinitive,
    _iso_date,
    _long_before,
    _purpose,
    _trim,
)
from eventwire.coding._conventions import CodingConventions
from eventwire.coding._emit import EventEmission
from eventwire.coding._modality import ModalityRules, conditional_offer, is_question
from eventwire.coding._syntax import ClauseSyntax
from eventwire.coding._triggers import TriggerMatching
from eventwire.coding.patterns import PatternSet, load_patterns
from eventwire.model import Actor, Article, Event
from eventwire.ontology import get_ontology


class Coder(
    TriggerMatching, ClauseSyntax, ModalityRules, DatePlace, CodingConventions, EventEmission
):
    """Codes parsed documents. Build once (it holds the dictionaries), call ``code_doc`` per doc."""

    def __init__(self, patterns: PatternSet | None = None, resolver: ActorResolver | None = None):
        self.ps = patterns or load_patterns()
        self.actors = resolver or ActorResolver()
        self.onto = get_ontology()

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

        self._dateline = article.dateline  # for the document's places (_attach)
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
                self._locate_rest(evs, sent, doc, article, trace)
                start, end = sent.start_char, sent.end_char
                if to_body is not None:
                    start, end = to_body(start), to_body(end - 1) + 1
                start, end = _trim(article.body, start, end)
                for e in evs:
                    e.span = (start, end)
                    e.sentence = article.body[start:end]
                if to_body is not None:
                    _places_to_body(evs, to_body)
            events.extend(evs)
        from eventwire.coding.passes import run_passes

        return run_passes(self._dedup(events), doc, article, trace)

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
                elif g := self._protest_gathering(tok):
                    triggers[tok.i] = Trigger(tok, g, 1, code=g.code)
            elif tok.pos_ == "NOUN":
                m = self._nominal_pattern(tok) or self._noun_pattern(tok)
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
        # "the lifting of the embargo": the nominal's object is what it acts on, no event
        for t in triggers.values():
            if t.token.pos_ == "NOUN" and t.pattern.pos == "V":
                for pr in self._children(t.token, "prep"):
                    for o in self._children(pr, "pobj"):
                        if pr.lower_ == "of" and o.i in triggers:
                            triggers[o.i].consumed = True
        # light/pass verbs with a noun trigger: the noun carries the event
        for t in triggers.values():
            if t.light is not None and t.light.i in triggers and not self._judges(t.light):
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
                if c is not None and self._withheld_comment(c):
                    if trace:
                        trace(f"  '{t.token.text}': declining to {c.lemma_} is not a refusal")
                    continue  # "an official declined to comment / to be more specific"
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
            and (  # "sparked a wave of protests" too
                tok.dep_ == "dobj"
                or (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj")
            )
            and t.light is not None
            and (t.light.lemma_.lower() in self.ps.cues["cause_verb"] or self._judges(t.light))
        )
        if (
            harmed is not None
            or caused
            or (
                tok.pos_ == "NOUN"
                and t.light is not None
                and t.light.dep_ != "ROOT"
                and tok.dep_ in SUBJ
            )
        ):
            subj_toks, passive = [], False
        else:
            subj_toks, passive = self._subject(verb)
        if tok.pos_ in ("NOUN", "PROPN"):
            passive = False
            # the noun's by-phrase, or its reduced relative's ("a rally held by students")
            by_holders = [tok] + ([t.light] if t.light is not None and t.light.head == tok else [])
            own = [
                p2
                for h in by_holders
                for pr in self._children(h, "prep", "agent")
                if pr.lower_ == "by"
                for p2 in self._children(pr, "pobj")
            ] + self._children(tok, "poss")
            # a possessor or by-phrase names the agent; a possessive pronoun ("his visit") the
            # sentence's main subject, not an object told to act ("told the party to ...")
            # ("their new offensive": a plural possessive is resolved to the nearest plural
            # subject before it, "Iranian forces", by the actor resolver)
            explicit = [o for o in own if o.pos_ != "PRON" or o.lower_ == "their"]
            if not explicit and own:
                main = tok.sent.root
                explicit = self._subject(main)[0] if main.pos_ in ("VERB", "AUX") else []
                own = explicit or own
            if not own:  # "Palestinian riots", "U.S. air strikes", "police firing": the actor
                own = [  # as a modifier
                    m
                    for m in self._children(tok, "amod", "compound")
                    if self.actors.lex.lookup(m.text) is not None
                    or (m.pos_ == "NOUN" and self.actors.lex.sector_of(m.lemma_.lower()))
                ]
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.ps.cues["command_verb"]:
                explicit = []  # "ordered patrols by police": the one who orders does it
            if own and (not subj_toks or explicit):
                # "told the party to prepare a package for his visit": the visit is his,
                # whoever the clause's subject is; a by-phrase or possessor names the agent
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
            targets = self._actor_inside(
                tgt_toks[0],
                ctx,
                exclude={a.code for a in sources},
                # "defended the new sanctions against Japan": no endorsement of Japan
                adversaries=t.code[:2] not in COOPERATIVE_ROOTS,
            )
        if not targets and p.objects and tok.pos_ != "NOUN":
            # "expel Russian diplomats", "recall its ambassador to X": the object's own actor
            for o in self._children(tok, "dobj"):
                if o.lemma_.lower() in p.objects:
                    targets = [
                        a
                        for a in self.actors.resolve(o, ctx, speaker=speaker)
                        # a named other country's ("Russian diplomats"), not the actor's own
                        # men taken for an unknown country's ("sent troops to support ...")
                        if a.country and all(a.country != s2.country for s2 in sources)
                    ]
        if not targets and tok.pos_ == "NOUN" and tok.dep_ in SUBJ and t.light is not None:
            # "a roadside bombing killed one U.S. soldier": the verb's object was hit
            for o in self._children(t.light, "dobj"):
                targets += self.actors.resolve(o, ctx, speaker=speaker)
        if t.obliged is not None:  # "Y must Z": Y is asked
            targets = self._clause_subject(t.obliged, ctx)
            if not targets:
                if trace:  # "all shipments must be registered, the ministry said": a rule
                    trace(f"  '{tok.text}': an obligation on no actor is a rule, not a demand")
                return []
            if all(
                any(g.code in (s.country, s.code) and s.country_from is None for s in sources)
                for g in targets
            ):  # (not a country the actor took from the sentence that names the one obliged)
                if trace:  # "the United States must do its share, the Treasury Secretary said"
                    trace(f"  '{tok.text}': an obligation on the speaker's own country: an opinion")
                return []
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
        one_way = False  # a target found in what the act is about is no second party
        comp_verb = (
            self._complement(verb)
            if not targets and t.complement is None and t.code[:2] in COMPLEMENT_TARGET_ROOTS
            else None
        )
        if comp_verb is not None:
            # "agreed to raise the limit on Taiwan's exports": the actor inside what the
            # complement acts on
            things = self._children(comp_verb, "dobj") + [
                o
                for pr in self._children(comp_verb, "prep")
                if pr.lower_ in ("on", "of", "for", "to", "against")
                for o in self._children(pr, "pobj")
            ]
            for o in things:
                targets = self._actor_inside(o, ctx, exclude={a.code for a in sources})
                if targets:
                    one_way = True
                    break
        if not targets and t.complement is not None:  # "threatened to impose sanctions on X"
            ct = t.complement
            cverb = ct.light if ct.light is not None else ct.token
            for s2 in self._target_tokens(
                ct.token, ct.pattern, False, extra=cverb if cverb != ct.token else None
            ):
                targets += self.actors.resolve(s2, ctx, speaker=speaker)
        # "talks between A and B", "A and B met": symmetric with a joint party
        # ("clashes broke out between A and B": the between-phrase hangs on the verb the event
        # noun is the subject of)
        holders = [anchor] + ([verb] if verb != tok and tok.dep_ in SUBJ else [])
        if passive:  # "the accord between Iran and Iraq was signed in Geneva"
            holders += self._children(verb, "nsubjpass")
        between = [
            p2
            for h in holders
            for pr in self._children(h, "prep")
            if pr.lower_ == "between"
            for p2 in self._children(pr, "pobj")
        ]
        if p.has("sym") and between and not sources:
            for party in _between_parties(between[0]):
                sources += [
                    a
                    for a in self.actors.resolve(party, ctx)
                    if all(a.code != b.code for b in sources)
                ]
        infinitive = (
            verb.dep_ in ("acl", "xcomp", "relcl", "advcl")
            and _infinitive(verb)
            and verb.head.lemma_.lower() not in self.ps.cues["attempt_noun"]
        ) or (verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "acl"))  # "guilty of murdering"
        if (
            not sources
            and not infinitive  # "the right of troops to fire on militants"
            and t.code[:2] in VIOLENT_ROOTS
            and not (tok.pos_ == "NOUN" and p.has("sym"))  # clashes need two named sides
            # an attack noun with no victim, place, harm or weapon near it may be words: "the
            # attacks broke down along developed and developing country lines"
            and not (
                tok.pos_ == "NOUN" and not targets and not self._grounded_attack(tok, verb, sent)
            )
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
                or verb.head.lemma_.lower() in self.ps.cues["attempt_noun"]  # "an attempt to kill"
            )
        ):
            # "three soldiers were killed by a roadside bomb near Samarra": CAMEO codes unknown
            # attackers as unidentified armed forces (UAF) of the country where it happened
            sources = self._unidentified_attacker(verb, tok, sent, ctx, targets)
        if not sources and passive and not subj_toks:
            sources = self._harm_agent(verb, ctx)  # "one killed in police firing"
        if (
            not sources
            and not subj_toks
            and ((passive and tok.tag_ == "VBN") or tok.pos_ == "NOUN")
        ):
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
            and not is_question(sent, verb)  # "Will the army attack the town?" threatens nothing
            and code[:2] in FORCEFUL_ROOTS
            and not any(a.sector == "UAF" for a in sources)
        ):
            # "could impose sanctions if ...": a conditional use of force or pressure is a threat
            code = self.ps.complement_code("13", code) or "130"
            modality = "asserted"
        elif (
            modality == "hypothetical"
            and irr is None
            and code[:2] in COOPERATIVE_ROOTS - {"03"}
            and not is_question(sent, verb)
            and conditional_offer(verb)
        ):
            # "said they would meet the mediator if he gave them a veto": a conditional offer
            # of cooperation is an expressed intent to cooperate (03x), as gold data code it
            code = self.ps.complement_code("03", code) or "030"
            modality = "intent"
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
        date, precision = self._event_date(
            date_text, pub, modality in ("intent", "planned"), context=sent.text
        )
        if (
            date_text
            and pub
            and date
            # (a main clause too, after the lead: the lead tells the news, later sentences dated
            # months before recall the background, "the Paris accord agreed on February 22")
            and (verb.dep_ != "ROOT" or precision == "year" or (precision == "day" and si > 0))
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
        sym = (
            p.has("sym")
            and not one_way
            and (t.complement is None or t.complement.pattern.has("sym"))
        )
        if targets:
            pairs = [(s, g) for s in sources for g in targets if s.code != g.code]
        elif sym and len(sources) > 1:
            pairs = [(s, g) for s in sources for g in sources if s.code != g.code]
        elif sym and code.startswith("04") and tok.pos_ != "NOUN":
            if trace:
                trace(f"  '{tok.text}' ({p.id}): a meeting with no second party, no event")
            return []  # "the cabinet met on Sunday": an actor's own meeting
        elif code[:2] == "13" and not p.objects and self._warning_of_fact(tok):
            if trace:
                trace(f"  '{tok.text}': a warning that something is so, to no one: an opinion")
            return []  # "it warned that labour costs had risen more rapidly in Sweden"
        elif self.ps.needs_target(code) and (
            inside := self._object_party(tok, verb, ctx, sources, code)
        ):
            # "suspended part of a military aid program for Bosnia": the party named inside
            # what the act is done to
            pairs = [(s, g) for s in sources for g in inside]
        elif self.ps.needs_target(code):
            if trace:
                trace(
                    f"  '{tok.text}' ({p.id}): {code} is between two parties, none named: no event"
                )
            return []  # "proposed deregulating natural gas" (dyadic.tsv)
        else:
            pairs = [(s, None) for s in sources]
        if code[:2] in ("12", "13") and p.code[:2] in COOPERATIVE_ROOTS:
            sym = False  # "would not negotiate with Japan": a refusal or threat is one-sided
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


def _between_parties(pobj: Any) -> list[Any]:
    """The parties of "between A and B": A, its conjuncts, and a conjunct the parser hung on a
    locative inside A ("between police in Bahrain and demonstrators": "demonstrators" is parsed
    as a conjunct of "Bahrain")."""
    out = [pobj]
    for t in pobj.subtree:
        if (
            t.dep_ == "conj"
            and t.pos_ in ("NOUN", "PROPN")
            and t.head != pobj
            and t.head.dep_ == "pobj"
            and t.head.head.lower_ in ("in", "from", "of")
        ):
            out.append(t)
    return out


def _places_to_body(events: list[Event], to_body: Callable[[int], int]) -> None:
    """The actors' places' offsets in the article body, not in the parsed text (each actor
    once: events of a sentence may share one)."""
    seen: set[int] = set()
    for actor in (a for e in events for a in (e.source, e.target)):
        p = actor.place if actor is not None else None
        if p is None or p.start is None or p.end is None or id(actor) in seen:
            continue
        seen.add(id(actor))
        actor.place = dataclasses.replace(p, start=to_body(p.start), end=to_body(p.end - 1) + 1)
