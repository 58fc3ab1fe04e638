"""Events from decisions: ids, PLOVER, confidence, and the in-document fold of repeats.

Part of the coder (``eventwire.coding.engine.Coder`` mixes these methods in); the shared state is
``self.ps`` (pattern tables), ``self.actors`` (the actor resolver) and ``self.onto`` (the ontology).
"""

from __future__ import annotations

import hashlib
from typing import Any

from eventwire.coding._common import PLOVER_COOPERATIVE, PLOVER_FORCEFUL
from eventwire.coding.patterns import Pattern
from eventwire.model import Actor, Article, Event, Place

# roots whose three-digit codes are different acts, not one act told more or less precisely:
# seizing (171), restricting (172), arresting (173), expelling (174) and repressing (175) by
# the same actor on the same day are separate events; 190/193/194 are one fight
DISTINCT_SUBCODE_ROOTS = {"17"}


class EventEmission:
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
                # (not two acts of one type: "fired tear gas and arrested students")
                k = (*k, e.cameo[:3] if e.root in DISTINCT_SUBCODE_ROOTS else "")
                trig = first_trigger.setdefault(k, f"{e.trigger}@{e.rule}")
                if trig != f"{e.trigger}@{e.rule}":
                    continue
            pruned.append(e)
        events = pruned
        seen: dict[tuple, Event] = {}
        out = []
        for e in events:
            kind = e.cameo[:3] if e.root in DISTINCT_SUBCODE_ROOTS else e.root
            key = (e.source.code, e.target.code if e.target else None, kind, e.date, e.modality)
            prev = seen.get(key)
            if prev is None:
                seen[key] = e
                out.append(e)
            elif len(e.cameo) > len(prev.cameo) and e.cameo.startswith(prev.cameo[:2]):
                idx = out.index(prev)
                out[idx] = e
                seen[key] = e
        return out
