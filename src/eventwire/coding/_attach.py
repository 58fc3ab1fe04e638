"""The event's own date and place, through the public dates and places APIs.

Part of the coder (``eventwire.coding.engine.Coder`` mixes these methods in); the shared state is
``self.ps`` (pattern tables), ``self.actors`` (the actor resolver) and ``self.onto`` (the ontology).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from eventwire.coding._common import FUTURE_AUX, GOAL_PREPS, PLACE_PREPS
from eventwire.model import Actor, Article, Event, Place


class DatePlace:
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
        text: str | None, pub: dt.date | None, future: bool, context: str | None = None
    ) -> tuple[str | None, str | None]:
        """The event's date from its clause's time expression, resolved against the
        publication date with the sentence as context (tense decides past or future). An
        absolute date stands without a publication date; a period ("since 1979", "until
        March") or the date of a cause ("because of a drop in income last year") is not the
        event's: the event then takes the publication date."""
        if text:
            from eventwire.dates import resolve_date

            r = resolve_date(text, pub, future=True if future else None, context=context)
            if (
                r
                and getattr(r, "kind", "point") != "period"
                and not any(f.startswith("cause:") for f in getattr(r, "flags", ()))
            ):
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
                    if (
                        n.dep_ == "pobj"
                        and n.pos_ == "NOUN"
                        and n.lemma_.lower() in self.ps.cues["place_noun"]
                    ):
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
            if (
                prep.lower_ in GOAL_PREPS
                and prep.head.lemma_.lower() not in self.ps.cues["goal_place_head"]
            ):
                # "called on the United States", "a report to Congress", "loans to the
                # Philippines": an addressee or recipient, not where the act is (a journey
                # or an attack goes where its "to"/"on" phrase says: "flew to Kiev")
                continue
            if root.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"):
                continue
            left = root.left_edge.i
            while left < root.i and sent.doc[left].pos_ not in ("PROPN",):
                left += 1
            name = sent.doc[left : root.i + 1].text
            dp = self._places_of(sent.doc)
            for cand in dict.fromkeys((name, root.text)):
                # in the document's context ("Paris" in a Texas story); a common word only if
                # the geoparser took it as a place ("Court", "Union" are not towns here)
                place = (
                    dp.resolve(cand, ctx_iso)
                    if dp is not None
                    else resolve_place(cand, context_countries=ctx_iso)
                )
                if place is not None:
                    return dataclasses.replace(place, rule="clause-locative")
        return None

    def _places_of(self, doc: Any) -> Any:
        """The document's places (``places.document_places``), worked out once per document;
        None when geoparsing failed."""
        cached = getattr(self, "_doc_places", None)
        if cached is not None and cached[0] is doc:
            return cached[1]
        from eventwire.places import document_places

        try:
            dp = document_places(doc.text, doc=doc, dateline=getattr(self, "_dateline", None))
        except Exception:  # noqa: BLE001 - no place is better than no events
            dp = None
        self._doc_places = (doc, dp)
        return dp

    def _locate_rest(
        self, events: list[Event], sent: Any, doc: Any, article: Article, trace: Any
    ) -> None:
        """Events whose clause names no place take, through ``places.event_place``, a place the
        sentence names, else the dateline's, else the actors' country, else the story's
        (``location.rule`` says which). The document's places are worked out once."""
        todo = [e for e in events if e.location is None]
        from eventwire.places import event_place

        dp = self._places_of(doc)
        if dp is None:
            return
        self._place_actors(events, sent, dp)
        here = dp.in_span(sent.start_char, sent.end_char)
        for e in todo:
            countries = [a.country for a in (e.source, e.target) if a is not None and a.country]
            place, rule = event_place((), here, dp.dateline, countries, dp, cameo=e.cameo)
            if place is not None:
                e.location = place
                if trace:
                    trace(f"  place of {e.source.code} {e.cameo}: {place.name} ({rule})")

    @staticmethod
    def _place_actors(events: list[Event], sent: Any, dp: Any) -> None:
        """Where the text puts each actor ("demonstrators in Kisumu", "Baghdad police"), for
        GDELT's Actor1Geo/Actor2Geo; the actor is copied, never changed where it is shared."""
        import dataclasses

        from eventwire.places import actor_place

        text = sent.text
        for e in events:
            for role in ("source", "target"):
                a = getattr(e, role)
                if a is None or not a.text or a.place is not None:
                    continue
                k = text.find(a.text)
                if k < 0:
                    continue
                start = sent.start_char + k
                p = actor_place(start, start + len(a.text), dp)
                if p is not None:
                    setattr(e, role, dataclasses.replace(a, place=p))
