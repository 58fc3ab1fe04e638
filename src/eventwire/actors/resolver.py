"""Resolve noun phrases of a parsed sentence to CAMEO actors.

Works on spaCy tokens: a noun phrase == a head token with its modifiers. Countries come from names,
aliases, demonyms, capitals and seats of power; sectors from role nouns and their modifiers;
IGOs/groups and named people from the actor dictionaries. A per-document ``ActorContext`` carries
what earlier sentences introduced, for surnames, role phrases and pronouns.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from eventwire.actors.companies import in_angle_brackets, is_company, named_as_company
from eventwire.actors.lexicon import ActorLexicon, Entry, load_lexicon
from eventwire.model import Actor

# dependency labels of modifiers that belong to a noun phrase's own words
NP_MODS = {"compound", "amod", "poss", "nmod", "flat", "npadvmod", "nn", "case"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves", "we", "our", "us"}
MEMBER_SECTORS = {"LAB", "AGR", "EDU", "HLH", "BUS", "MED", "REF"}  # bodies of their members
FORMER_WORDS = {"former", "ex", "ex-", "then", "late", "retired", "one-time", "onetime"}
OWNER_PRONOUNS = {"its", "their", "his", "her", "our"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
# role heads whose actor is the one they speak or act for: "spokesman for X", "leaders of X"
OF_PREPS = {"of", "for", "from"}
LOCATIVE = {
    "in",
    "of",
    "from",
    "throughout",
    "across",
    "at",
    "inside",
    "near",
    "around",
    "outside",
    "along",
}
COUNTRY_KINDS = {"country", "adjective", "capital", "seat", "region"}
# entity types of names that are not people's: a title word before them is part of the name
NAME_ENTITIES = {"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
# names of things that hold no role at all: treaties, laws, events, products, works
NON_ACTOR_NAMES = {"LAW", "EVENT", "PRODUCT", "WORK_OF_ART"}
GOV_KINDS = {"capital", "seat"}


@dataclass
class ActorContext:
    """What a document has introduced so far, for coreference."""

    date: dt.date | None = None
    names: dict[str, Actor] = field(default_factory=dict)  # name token (lower) -> actor
    roles: dict[str, Actor] = field(default_factory=dict)  # role head lemma -> actor
    last_person: Actor | None = None
    last_thing: Actor | None = None
    last_group: list[Actor] = field(default_factory=list)
    in_sentence: list[Actor] = field(default_factory=list)  # actors named so far in this sentence
    default_country: str | None = None  # e.g. the dateline's country, for bare "police"
    default_from: str | None = None  # how default_country was found: "dateline" or "story"
    # noun phrases resolved in the current sentence: (token index, is a subject, actors)
    mentions: list[tuple[int, bool, list[Actor]]] = field(default_factory=list)

    def new_sentence(self) -> None:
        self.in_sentence = []

    def start_sentence(self) -> None:
        self.in_sentence = []
        self.mentions = []

    def note(self, head: Any, actors: list[Actor]) -> None:
        if actors and all(m[0] != head.i for m in self.mentions):
            self.mentions.append((head.i, head.dep_ in ("nsubj", "nsubjpass"), list(actors)))

    def remember(self, actors: list[Actor], head: Any | None = None) -> None:
        if not actors:
            return
        for a in actors:
            if all(a.code != b.code for b in self.in_sentence):
                self.in_sentence.append(a)
        a = actors[0]
        if len(actors) > 1:
            self.last_group = list(actors)
        elif len(self.in_sentence) > 1:
            self.last_group = list(self.in_sentence[-2:])
        else:
            self.last_group = [a]
        if a.kind == "person":
            self.last_person = a
        elif len(actors) == 1:
            self.last_thing = a
        if len(actors) == 1 and head is not None and head.pos_ == "NOUN":
            self.roles[head.lemma_.lower()] = a


def _actor(entry: Entry, text: str, sector: str | None = None) -> Actor:
    code = entry.code
    country = entry.country
    kind = entry.kind
    if kind in COUNTRY_KINDS and country:
        sec = sector or (entry.sector if entry.sector else None)
        if kind in GOV_KINDS and not sec:
            sec = "GOV"
        code = country + (sec or "")
        return Actor(code=code, country=country, sector=sec, text=text, kind="country")
    return Actor(
        code=code,
        country=country,
        sector=entry.sector,
        text=text,
        kind=kind,
        name=entry.name,
    )


class ActorResolver:
    """Turns noun-phrase heads into actors using the actor dictionaries."""

    def __init__(self, lexicon: ActorLexicon | None = None) -> None:
        from eventwire.ontology import get_ontology

        self.lex = lexicon or load_lexicon()
        self.onto = get_ontology()
        # each sentence's country mentions in the current document (asked about many times)
        self._mentions_doc: Any = None
        self._mentions_by_start: dict[int, list[tuple[tuple[int, int], Any, str]]] = {}

    # -- phrase pieces -------------------------------------------------------------------
    def np_tokens(self, head: Any) -> list[Any]:
        """The head and its pre-modifiers (compounds, adjectives, possessors), in order."""
        out = [head]
        stack = [head]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in NP_MODS and c.i < head.i + 1:
                    out.append(c)
                    stack.append(c)
                elif c.dep_ == "conj" and t != head and t.dep_ in ("amod", "compound", "nmod"):
                    out.append(c)  # "Russian and Ukrainian officials": the conjoined modifier
                    stack.append(c)
                elif (
                    c.dep_ == "prep"
                    and c.lower_ == "of"
                    and t != head
                    and t.dep_ in ("compound", "nmod")
                    and c.right_edge.i < head.i
                ):
                    # "Bank of England officials", "Ministry of Defence sources": the
                    # modifier's own of-phrase stands before the head
                    out.extend(c.subtree)
        have = {t.i for t in out}
        doc = head.doc
        for t in list(out):  # "Asia-Pacific": the hyphen between two words of the phrase
            j = t.i + 1
            if j + 1 < len(doc) and doc[j].text == "-" and j + 1 in have and j not in have:
                out.append(doc[j])
                have.add(j)
        out.sort(key=lambda t: t.i)
        return out

    def _matches(self, toks: list[Any], fuzzy: bool = True) -> list[tuple[int, int, Entry]]:
        """Longest dictionary matches over consecutive tokens of the phrase."""
        found: list[tuple[int, int, Entry]] = []
        n = len(toks)
        i = 0
        maxw = max(1, self.lex.max_words)
        while i < n:
            hit = None
            if toks[i].text == "-" or _against_prefix(toks[i]):  # "anti-Syria" is not Syrian
                i += 1
                continue
            for j in range(min(n, i + maxw), i, -1):
                # only consecutive runs in the sentence
                if toks[j - 1].i - toks[i].i != j - 1 - i:
                    continue
                phrase = toks[i].doc[toks[i].i : toks[j - 1].i + 1].text
                e = self.lex.lookup(phrase)
                if e is not None:
                    hit = (i, j, e)
                    break
            if (
                hit is None
                and fuzzy
                and toks[i].pos_ == "PROPN"
                # a word on its own, not part of a longer name ("Angela Merkel")
                and not (toks[i].dep_ in ("compound", "flat") and toks[i].head.pos_ == "PROPN")
                and not any(c.dep_ in ("compound", "flat") for c in toks[i].children)
            ):
                e = self.lex.fuzzy(toks[i].text)  # "Ethopia", "Quatar"
                if e is not None and not self._is_place(toks[i].text):  # not "Siberia"
                    hit = (i, i + 1, e)
            if hit:
                found.append(hit)
                i = hit[1]
            else:
                i += 1
        return found

    def _sector(self, toks: list[Any], head: Any) -> str | None:
        """Sector from role words: a modifier's sector beats the head's ("defense minister").
        A treaty's or an event's name holds no role ("the General Agreement on Tariffs and
        Trade"), nor does a place's ("the Soviet Union" is no union)."""
        if head.ent_type_ in NON_ACTOR_NAMES:
            return None
        if (
            head.pos_ == "PROPN"
            and head.ent_type_ == "ORG"
            and head.text.lower() in self.lex.words["rank_title"]
            and len(toks) > 1
            and not any(
                self.lex.sector_of(t.text.lower()) or self.lex.lookup(t.text)
                for t in toks
                if t != head and t.pos_ == "PROPN"
            )
            and all(t.pos_ in ("PROPN", "DET", "PUNCT") for t in toks)
        ):
            return None  # "Data General said ...": a role word ending a company's name
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.lex.words["thing_noun"]:
            return None  # "defence spending", "labour costs": things, not actors
        head_sec = None
        mod_sec = None
        org_title = False
        words = [t.lemma_.lower() if t.pos_ == "NOUN" else t.text.lower().rstrip(".") for t in toks]
        # two-word terms first ("foreign minister", "lower house", "air force")
        # (over the words, not hyphens: "Vice-President" is "vice president"; "anti-regime" is
        # no "regime" term)
        pairs = [(t, w) for t, w in zip(toks, words, strict=True) if t.text != "-"]
        for k in range(len(pairs) - 1):
            if _against_prefix(pairs[k + 1][0]):
                continue
            s = self.lex.sector_of(f"{pairs[k][1]} {pairs[k + 1][1]}")
            if s:
                if pairs[k + 1][0] == head:
                    head_sec = s[0]
                else:
                    mod_sec = mod_sec or s[0]
        for t, w in zip(toks, words, strict=True):
            if t != head and _against_prefix(t):
                continue  # "anti-regime protesters" are not the regime's
            s = self.lex.sector_of(w) or self.lex.sector_of(t.text.lower())
            if not s:
                continue
            sec, pos = s
            if t == head and pos in ("head", "both"):
                if not (head.pos_ == "PROPN" and head.ent_type_ == "GPE"):
                    head_sec = head_sec or sec
            elif t != head and pos in ("modifier", "both"):
                mod_sec = mod_sec or sec
            elif (
                t != head
                and head.pos_ == "PROPN"
                and head.ent_type_ not in NAME_ENTITIES
                and not (org_title and w in self.lex.words["role_head"])
            ):
                # a title before a person's name: "President X", "Judge Y" (not the first word
                # of an organisation's: "the General Agreement on Tariffs and Trade"); the
                # title's last word is its office ("Trade and Industry Secretary X"), unless it
                # is a role in an organisation already named ("Union President X")
                head_sec = sec
                org_title = w in self.lex.words["organisation_noun"]
        if mod_sec is None and head.lemma_.lower() in self.lex.words["role_head"]:
            mod_sec = self._affiliation(toks, words, head)
        if (
            mod_sec is None
            and head_sec == "GOV"
            # a role in lower case ("president Thomas Goff", "its chairman"), not the formal
            # title of a head of state ("President Reagan")
            and any(
                w in self.lex.words["role_head"] and t.text.islower()
                for t, w in zip(toks, words, strict=True)
            )
            and not self._matches(toks, False)
            and self._company_speaker(head)
        ):
            # "Triton Energy Corp said its president resigned": the company's president
            return "BUS"
        if (
            head.pos_ == "PROPN"
            and head.ent_type_ == "ORG"
            and head.text.lower() in self.lex.words["public_body_head"]
            and mod_sec in MEMBER_SECTORS
        ):
            # "the National Labor Relations Board", "the Agriculture Department": a public
            # body named for the sector it oversees is the government's
            return "GOV"
        return mod_sec or head_sec

    def _company_speaker(self, head: Any) -> bool:
        """Whether the clause holding ``head`` is what a company said ("X Corp said president
        Y resigned", "the company said its chairman ..."), so that a bare role is the
        company's, not a government's."""
        t = head
        for _ in range(6):
            if t.dep_ == "ccomp" and t.head != t:
                break
            if t.head == t:
                return False
            t = t.head
        else:
            return False
        designators = self.lex.words["company_designator"]
        for subj in t.head.children:
            if subj.dep_ != "nsubj":
                continue
            if is_company(subj, self.np_tokens(subj), designators):
                return True
            s = self.lex.sector_of(subj.lemma_.lower()) if subj.pos_ == "NOUN" else None
            if s and s[0] == "BUS" and subj.lemma_.lower() in self.lex.words["organisation_noun"]:
                return True
        return False

    def _possessor(self, head: Any, toks: list[Any]) -> Any | None:
        """The possessor of a thing that is no actor ("the French government's policy", "the
        union's offer"), when the thing's own words name no actor ("Iraq's troops" are troops;
        "the firm's Canadian unit" is Canadian)."""
        if head.pos_ != "NOUN":
            return None
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or owner.pos_ not in ("NOUN", "PROPN"):
            return None
        inside = {t.i for t in owner.subtree}
        own = [t for t in toks if t.i not in inside]
        if self._sector(own, head) or self._matches(own, False):
            return None
        return owner

    def _affiliation(self, toks: list[Any], words: list[str], head: Any) -> str | None:
        """The sector of the organisation a person's role belongs to: a modifier that names
        one ("union leaders", "police officials") or the of-phrase ("the president of the
        company", "officials of brokerage firms")."""
        bodies = self.lex.words["organisation_noun"]
        for t, w in zip(toks, words, strict=True):
            if (
                t != head
                and t.pos_ == "NOUN"
                and (w in bodies or t.dep_ == "poss")  # "union leaders", "miners' leaders"
                and not _against_prefix(t)
            ):
                s = self.lex.sector_of(w)
                if s:
                    return s[0]
        for pr in head.children:
            # "officials of the firm", "a vice-president at PaineWebber Inc"
            if pr.dep_ == "prep" and pr.lower_ in ("of", "at"):
                for o in pr.children:
                    if o.dep_ != "pobj" or o.pos_ not in ("NOUN", "PROPN"):
                        continue
                    if is_company(o, self.np_tokens(o), self.lex.words["company_designator"]):
                        return "BUS"
                    s = self.lex.sector_of(o.lemma_.lower()) if o.pos_ == "NOUN" else None
                    if s and o.lemma_.lower() in bodies:
                        return s[0]
        return None

    # -- main entry ----------------------------------------------------------------------
    def resolve(
        self, head: Any, ctx: ActorContext, *, speaker: list[Actor] | None = None
    ) -> list[Actor]:
        """All actors a noun-phrase head stands for (several for "A and B")."""
        heads = [head] + [c for c in _conjuncts(head)]
        out: list[Actor] = []
        for h in heads:
            found = self._resolve_one(h, ctx, speaker=speaker)
            if not found and h.ent_type_ == "PERSON" and h.pos_ == "PROPN":
                ctx.last_person = None  # "he" now means this unknown person, not an earlier one
            for a in found:
                if all(a.code != b.code for b in out):
                    out.append(a)
        if out and head.pos_ != "PRON":
            ctx.remember(out, head if len(heads) == 1 else None)
            ctx.note(head, out)
        return out

    def _resolve_one(
        self, head: Any, ctx: ActorContext, *, speaker: list[Actor] | None = None
    ) -> list[Actor]:
        low = head.text.lower()
        acronym = head.text.isupper() and len(head.text) > 1  # "US" is a country, not "us"
        if low in RELATIVE_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            # "officials who met", "the officials that Ban met with": the antecedent
            rel = head.head
            for _ in range(3):
                if rel.dep_ == "relcl" or rel.head == rel:
                    break
                rel = rel.head
            anc = rel.head if rel.dep_ == "relcl" else None
            if (
                anc is not None
                and low in ("which", "that")
                and anc.pos_ == "NOUN"
                and self.lex.sector_of(anc.lemma_.lower()) is None
            ):
                return []  # "a resolution that aims to ...": only an agent noun acts
            return self.resolve(anc, ctx) if anc is not None else []
        if not acronym and (
            head.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
        ):
            return self._pronoun(low, ctx, speaker, head)
        whole = self._whole_name(head)
        if whole is not None:  # "the Democratic People's Republic of Korea" (not "Korea")
            return [_actor(whole, head.text)]
        toks = self.np_tokens(head)
        owner = self._possessor(head, toks)
        if owner is not None:  # "the French government's policy": the government's
            inner = self.resolve(owner, ctx)
            if inner:
                return inner
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.lex.words["thing_noun"]:
            return []  # "Japanese investment projects will provide jobs": things do not act
        text = head.doc[toks[0].i : head.i + 1].text
        if is_company(head, toks, self.lex.words["company_designator"]):
            return [self._company(head, toks, text, ctx)]
        matches = self._matches(toks)
        # words of a country's or group's own name are no role ("the Soviet Union" is no union)
        named = {
            toks[k].i
            for i, j, e in matches
            if j - i > 1 and e.kind != "person"
            for k in range(i, j)
        }
        sector = self._sector([t for t in toks if t.i not in named] or toks, head)
        if sector and any(t.lemma_.lower() in self.lex.words["foreign_role"] for t in toks):
            return [self._foreign_role_actor(toks, head, matches, sector, text)]
        if not sector and head.lemma_.lower() == "counterpart":
            # "his Chinese counterpart": the same office as the actor just named
            sector = next((a.sector for a in reversed(ctx.in_sentence) if a.sector), None)
        # named people first: they carry their office
        person = self._person(head, ctx)
        if person is not None:
            return [person]
        groups = [e for _, _, e in matches if e.kind not in COUNTRY_KINDS and e.kind != "person"]
        head_pos = toks.index(head)
        head_country = next(
            (e for i, j, e in matches if i <= head_pos < j and e.kind in COUNTRY_KINDS), None
        )
        if groups and head_country is not None and head.pos_ == "PROPN":
            groups = []  # "NATO-member Norway": the country the phrase is about
        if groups:
            e = groups[-1]
            return [_actor(e, text)]
        eth = self._ethnic_actor(toks, head, sector, text, ctx)
        if eth is not None:
            return [eth]
        countries: list[Entry] = []
        for i, j, e in matches:
            if (
                e.kind in GOV_KINDS
                and not i <= head_pos < j
                and head.pos_ == "PROPN"
                and head.ent_type_ == "ORG"
            ):
                continue  # "Providence Washington Insurance Group": a name, not the government
            if e.kind in COUNTRY_KINDS and all(e.country != c.country for c in countries):
                countries.append(e)
        if countries:
            head_is_name = any(i <= toks.index(head) < j for i, j, _ in matches)
            sec = None if head_is_name and not sector else sector
            return [_actor(e, text, sec) for e in countries]
        # "the Bush administration", "Putin aides": a leader's name as a modifier
        for m in toks:
            if m != head and m.pos_ == "PROPN" and m.dep_ == "compound":
                e = self.lex.person(m.text, ctx.date)
                if e is not None and e.country:
                    sec = sector or e.sector
                    return [
                        Actor(
                            code=e.country + (sec or ""),
                            country=e.country,
                            sector=sec,
                            text=text,
                            kind="country",
                        )
                    ]
        # "Cominco Ltd said ..., a Cominco spokesman said": a role named by a company the story
        # names with its legal form is the company's
        names = [m for m in toks if m != head and m.dep_ == "compound" and m.pos_ == "PROPN"]
        if (
            sector
            and head.pos_ == "NOUN"
            and names
            and not matches
            and named_as_company(names[-1].text, head.doc, self.lex.words["company_designator"])
        ):
            c, how = self.context_country(head, ctx)
            return [_sector_actor(c, "BUS", text, how)]
        # an armed group the dictionaries do not know ("the United Front for Democracy",
        # "the Martyrs Brigade"): rebels of the place's or document's country
        if (
            head.pos_ == "PROPN"
            and head.lemma_.lower() in self.lex.words["armed_group_head"]
            and not countries
            and not sector
        ):
            c, how = self.context_country(head, ctx)
            return [_sector_actor(c, "REB", text, how)]
        # an organisation the dictionaries do not know: "the Association of African Jurists",
        # "the Ceasefire Violations Committee": a non-governmental body, whatever it names
        if (
            head.pos_ == "PROPN"
            and head.lemma_.lower() in self.lex.words["ngo_head"]
            and head.ent_type_ == "ORG"
            and not countries
            and not sector  # "the Senate Foreign Relations Committee" is the legislature's
        ):
            # "the Waterside Workers' Federation", "the International Association of Machinists":
            # a body of workers (or farmers, students ...) is of their sector, not an NGO
            members = next(
                (
                    sec[0]
                    for t in list(toks) + [w for w in head.subtree if w.i > head.i]
                    if t != head
                    and (sec := self.lex.sector_of(t.text.lower()))
                    and sec[0] in MEMBER_SECTORS
                ),
                None,
            )
            if members:
                c, how = self.context_country(head, ctx)
                return [_sector_actor(c, members, text, how)]
            return [Actor(code="NGO", country=None, sector="NGO", text=text, kind="ngo")]
        # "spokesman for X", "leaders of X", "the president of Russia", "thousands of Kurds"
        # (not "a guarantee from the company's Canadian affiliate")
        for c in head.children if self._stands_for_others(head, sector) else ():
            if c.dep_ == "prep" and c.lower_ in OF_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        inner = self.resolve(p, ctx)
                        if inner and _one_name(head, p):
                            # "the Bank of Tokyo", "Lloyd's of London": the city is in the
                            # organisation's name, where it is, not its government
                            inner = [_country_only(a) for a in inner]
                        if inner:
                            return [self._with_sector(a, sector) for a in inner]
        # an apposition names the phrase: "the spokesman, Stephane Dujarric," (not a place
        # after a company: "Nakamichi Corp, Tokyo")
        for c in head.children:
            if c.dep_ == "appos" and not (
                c.ent_type_ in ("GPE", "LOC") and head.ent_type_ == "ORG"
            ):
                inner = self._resolve_one(c, ctx)
                if inner:
                    return inner
        # a role phrase seen before: "the spokesman"
        if head.pos_ == "NOUN" and head.lemma_.lower() in ctx.roles and _definite(head):
            return [ctx.roles[head.lemma_.lower()]]
        # a role without a country ("police", "demonstrators in Baghdad"): the place it is
        # in, else the one country the sentence names, else the document's (dateline, story)
        # country, else an unknown country ("---COP"), as CAMEO and PETRARCH write it
        if sector and head.pos_ in ("NOUN", "PROPN"):
            owner = self._owner_country(head, ctx, speaker)
            if owner:  # "Iraq said its troops repelled ...": the troops are Iraq's
                return [_sector_actor(owner, sector, text, "owner")]
            c, how = self.context_country(head, ctx)
            if c:
                return [
                    Actor(
                        code=c + sector,
                        country=c,
                        sector=sector,
                        text=text,
                        kind="country",
                        country_from=how,
                    )
                ]
            if sector not in self.lex.no_unknown_country:
                return [_sector_actor(None, sector, text, None)]  # "---COP"
        return []

    def _company(self, head: Any, toks: list[Any], text: str, ctx: ActorContext) -> Actor:
        """A company ("British Printing Corp Plc", "<BPCL.L>"): a business of the country its
        name gives, else of the place it is in or the document's country, else ``---``."""
        name = [t for t in toks if not in_angle_brackets(t)]
        country = next(
            (e.country for _, _, e in self._matches(name, fuzzy=False) if e.kind in COUNTRY_KINDS),
            None,
        )
        how = None
        if not country:  # where it is, else the dateline's (not another country the sentence names)
            country = self._locative_country(head)
            how = "place" if country else ctx.default_from
            country = country or ctx.default_country
        return _sector_actor(country, "BUS", text, how)

    def _country_of_span(self, text: str) -> str | None:
        e = self.lex.lookup(text)
        if e is not None:
            return e.country if e.kind in COUNTRY_KINDS else None
        from eventwire.places import resolve_place

        place = resolve_place(text)
        if place is None or not place.country:
            return None
        return self.onto.iso3_to_cameo(place.country)

    def _country_of(self, tok: Any) -> str | None:
        if tok.ent_type_ in ("GPE", "LOC", "NORP", "FAC", "ORG"):
            ent = self._entity_at(tok)
            if ent is not None:
                c = self._country_of_span(ent.text)
                if c:
                    return c
        if tok.pos_ in ("PROPN", "ADJ"):
            return self._country_of_span(tok.text)
        return None

    def _locative_country(self, head: Any, own_only: bool = False) -> str | None:
        """The country of a place phrase on the head or its verb: "police in Baghdad"."""
        holders = [head]
        if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and not own_only:
            holders.append(head.head)
        for h in holders:
            for prep in h.children:
                if prep.dep_ == "prep" and prep.lower_ in LOCATIVE:
                    for p in prep.children:
                        if p.dep_ == "pobj":
                            c = self._country_of(p) or next(
                                (
                                    self._country_of(m)
                                    for m in p.children
                                    if m.dep_ in ("poss", "compound", "amod")
                                ),
                                None,
                            )
                            if not c and p.pos_ == "NOUN":  # "at a jail in East Timor's capital"
                                c = self._locative_country(p, own_only=True)
                            if c:
                                return c
        return None

    def _ethnic_actor(
        self, toks: list[Any], head: Any, sector: str | None, text: str, ctx: ActorContext
    ) -> Actor | None:
        """CAMEO codes an ethnic group with the country it lives in, its code after the sector:
        "ethnic Albanians in Serbia" -> SRBCVLalb, "Iraqi Kurds" -> IRQCVLkur."""
        marker = next(
            (
                t
                for t in [head, *toks]
                if t.text[:1].isupper()
                # "Tal Afar", "Sioux City" are towns: a name of several proper nouns
                and not any(
                    c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" for c in t.children
                )
                and not (t.dep_ in ("compound", "flat") and t.head.pos_ == "PROPN")
                and self.lex.ethnic(t.text)
            ),
            None,
        )
        if marker is None:
            return None
        if marker != head and not (
            self.lex.sector_of(head.lemma_.lower())
            or head.lemma_.lower() in self.lex.words["people_noun"]
        ):
            return None  # "the South Korean won": an ethnic word on a thing, not on people
        code = self.lex.ethnic(marker.text) or ""
        named = self.lex.lookup(marker.text)
        own = named.country if named is not None and named.kind in COUNTRY_KINDS else None
        flagged = any(t.lower_ == "ethnic" for t in toks)
        where = self._locative_country(head, own_only=True)
        if own and not flagged:
            # "the Albanians of southern Serbia": a people named as living in another country
            # ("Albanian troops", "Russians near Kharkiv" are the country's own)
            where = self._locative_country(head, own_only=True) if marker == head else None
            kind = self.onto.country(where).kind if where and self.onto.country(where) else None
            if not (
                where
                and where != own
                and kind == "country"
                and any(p.lower_ == "of" for p in head.children)
            ):
                return None
        country = where if where != own else None
        if not country:  # "Iraqi Kurds"
            country = next(
                (
                    e.country
                    for _, _, e in self._matches([t for t in toks if t != marker])
                    if e.kind in COUNTRY_KINDS and e.country != own
                ),
                None,
            )
        if not country:  # "ethnic Albanians demonstrated in Serbia"
            c = self._locative_country(head)
            country = c if c != own else None
        if not country:  # the nearest other country the sentence names
            near = sorted(head.sent, key=lambda t: abs(t.i - marker.i))
            for t in near:
                if t.pos_ in ("PROPN", "ADJ") and t != marker:
                    if (
                        t.ent_type_ == "ORG"
                    ):  # "the Nigerian Interior Ministry", not "Washington Post"
                        e = self.lex.lookup(t.text)
                        c = e.country if e and e.kind in ("country", "adjective") else None
                    else:
                        c = self._country_of(t)
                    if c and c != own:
                        country = c
                        break
        country = country or ctx.default_country or own
        if not country:
            return None
        sec = sector or "CVL"
        return Actor(
            code=country + sec + code, country=country, sector=sec, text=text, kind="country"
        )

    def _foreign_role_actor(
        self, toks: list[Any], head: Any, matches: list[Any], sector: str, text: str
    ) -> Actor:
        """A role that stands opposite the country it belongs to ("Brazil's creditor banks",
        "its lenders", "the Philippines' donors"): the possessor is the debtor, not the role's
        own country, nor is the story's or sentence's country. Only a country word that is no
        possessor gives it ("U.S. creditor banks"); else the country is unknown ("---BUS")."""
        own = []
        for i, j, e in matches:
            if e.kind in COUNTRY_KINDS and not any(
                _under_possessor(toks[k], head) for k in range(i, j)
            ):
                own.append(e)
        if own:
            return _actor(own[0], text, sector)
        return _sector_actor(None, sector, text, None)

    def _owner_country(
        self, head: Any, ctx: ActorContext, speaker: list[Actor] | None
    ) -> str | None:
        """The country of the actor a possessive pronoun on a role refers to ("Iraq said its
        troops ...", "the rebels said their fighters ..."): one actor with a country."""
        poss = next(
            (c for c in head.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None
        )
        if poss is None:
            return None
        owners = {a.country for a in self._pronoun(poss.lower_, ctx, speaker, poss) if a.country}
        return owners.pop() if len(owners) == 1 else None

    def context_country(
        self, head: Any, ctx: ActorContext, person: bool = False
    ) -> tuple[str | None, str | None]:
        """(country, how found): the locative's country ("place"), else the one country the
        sentence names ("sentence"; for a person, not counting countries that describe another
        actor), else the document's country ("dateline" or "story")."""
        c = self._locative_country(head)
        if c:
            return c, "place"
        found = self.sentence_countries(head, skip_other_actors=True, skip_counterparts=True)
        subject = head.dep_ in ("nsubj", "nsubjpass") or head.head.dep_ in ("nsubj", "nsubjpass")
        # a person who is acted on shares the country of who acts on him ("Fijian rebels will
        # release Prime Minister X"); a person who acts does not take his counterpart's
        if not found and (not person or not subject):
            found = self.sentence_countries(head, skip_other_actors=False, skip_counterparts=True)
        if len(found) == 1:
            return found.pop(), "sentence"
        if len(found) > 1 and ctx.default_country in found:
            # "PORT-AU-PRINCE - Soldiers killed ... land seized from Canadian missionaries in
            # northern Haiti": of the sentence's countries, the story's own
            return ctx.default_country, ctx.default_from
        if not found and ctx.default_country:
            return ctx.default_country, ctx.default_from
        return None, None

    def _describes_other_actor(self, tok: Any, head: Any) -> bool:
        """Whether a country word modifies another actor's phrase ("South African leader de
        Klerk"), so that it names that actor's country rather than where things happen."""
        h = tok
        for _ in range(6):
            if h.dep_ not in ("amod", "compound", "poss", "nmod") or h.head == h:
                break
            h = h.head
        if h == tok or h == head:
            return False
        if h.ent_type_ == "PERSON":
            return True
        s = self.lex.sector_of(h.lemma_.lower()) if h.pos_ == "NOUN" else None
        return s is not None and s[1] in ("head", "both")

    def sentence_countries(
        self, head: Any, skip_other_actors: bool, skip_counterparts: bool = False
    ) -> set[str]:
        """Countries the sentence names outside the head's own phrase."""
        found = set()
        for (start, end), anchor, c in self._country_mentions(head.sent):
            if start <= head.i < end:
                continue
            if skip_other_actors and self._describes_other_actor(anchor, head):
                continue  # "President X welcomed South African leader Y": Y's country
            if skip_counterparts and _counterpart(anchor, head):
                continue  # "the Trade Secretary warned Japan": Japan is who he acts on
            if (
                anchor.dep_ in ("amod", "compound")
                and anchor.head.lemma_.lower() in self.lex.words["thing_noun"]
            ):
                continue  # "the Senate condemned the proposed European tax": the tax's country
            found.add(c)
        return found

    def _sent_ents(self, sent: Any) -> list[Any]:
        """The entities of a sentence, worked out once per sentence of the current document
        (``Span.ents`` walks every entity of the document: quadratic on long documents)."""
        cache = getattr(self, "_ents_cache", None)
        if cache is None or cache[0] is not sent.doc:
            by_start: dict[int, list[Any]] = {}
            starts = [s.start for s in sent.doc.sents]
            for e in sent.doc.ents:
                k = starts[bisect.bisect_right(starts, e.start) - 1] if starts else 0
                by_start.setdefault(k, []).append(e)
            cache = self._ents_cache = (sent.doc, by_start)
        return cache[1].get(sent.start, [])

    def _entity_at(self, tok: Any) -> Any | None:
        """The entity a token is part of, if any (by walking its IOB tags, not the document)."""
        if not tok.ent_type_:
            return None
        doc, start = tok.doc, tok.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = tok.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end]

    def _country_mentions(self, sent: Any) -> list[tuple[tuple[int, int], Any, str]]:
        """(token range, anchor token, country) of each country the sentence names, worked out
        once per sentence of the current document."""
        if self._mentions_doc is not sent.doc:
            self._mentions_doc, self._mentions_by_start = sent.doc, {}
        hit = self._mentions_by_start.get(sent.start)
        if hit is not None:
            return hit
        out: list[tuple[tuple[int, int], Any, str]] = []
        for ent in self._sent_ents(sent):
            if ent.label_ not in ("GPE", "NORP", "LOC", "ORG"):
                continue
            if _against_prefix(ent[0]) or ent.text.lower().startswith(AGAINST_PREFIXES):
                continue
            if ent.label_ == "ORG":  # "the Kenya Anti-Corruption Commission"
                c = next(
                    (
                        e.country
                        for _, _, e in self._matches(list(ent), fuzzy=False)
                        if e.kind in ("country", "adjective")  # "Papua New Guinea", whole
                    ),
                    None,
                ) or next(
                    (
                        e.country
                        for t in ent
                        if t.pos_ == "PROPN"
                        and (e := self.lex.lookup(t.text)) is not None
                        and e.kind in ("country", "adjective")
                    ),
                    None,
                )
            else:
                c = self._country_of_span(ent.text)
            if c:
                out.append(((ent.start, ent.end), ent.root, c))
        for t in sent:  # country names the tagger left out of its entities
            if t.pos_ == "PROPN" and not t.ent_type_ and not _against_prefix(t):
                e = self.lex.lookup(t.text)
                if e is not None and e.country and e.kind in ("country", "adjective"):
                    out.append(((t.i, t.i + 1), t, e.country))
        self._mentions_by_start[sent.start] = out
        return out

    @staticmethod
    def _with_sector(a: Actor, sector: str | None) -> Actor:
        if a.kind != "country" or not sector or a.sector:
            return a
        return Actor(
            code=(a.country or "") + sector,
            country=a.country,
            sector=sector,
            text=a.text,
            kind=a.kind,
        )

    def _person(self, head: Any, ctx: ActorContext) -> Actor | None:
        if head.pos_ != "PROPN":
            known = (
                head.text[:1].isupper() and head.i > head.sent.start and ctx.names.get(head.lower_)
            )
            return known or None
        # the proper-name run ending at the head: "Vladimir Putin", "Ban Ki-moon"
        start = head.i
        doc = head.doc
        while (
            start > 0
            and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text == "-")
            and (doc[start - 1].dep_ in ("compound", "flat", "punct"))
            and not self._is_title(doc[start - 1])
        ):
            start -= 1
        end = head.i + 1
        while end < len(doc) and doc[end].text in ("-",) and end + 1 < len(doc):
            end += 2  # "Ki - moon" tokenised apart
        names = [doc[s : head.i + 1].text for s in range(start, head.i + 1)]
        if end > head.i + 1:
            names = [doc[s:end].text for s in range(start, head.i + 1)] + names
        for name in names:
            e = self.lex.person(name, ctx.date)
            if e is not None:
                e = self._titled_office(e, head, start)
                a = _actor(e, name)
                said = self._title_country(head, start)
                if said and e.country and said != e.country and e.sector:
                    # "Serbian President Kostunica" while the table has him Yugoslav: the
                    # text's own word for whom he speaks
                    a = Actor(
                        code=said + e.sector,
                        country=said,
                        sector=e.sector,
                        text=a.text,
                        kind="person",
                        name=a.name,
                    )
                self._remember_names(name, a, ctx)
                return a
        for name in names:
            key = name.lower()
            if key in ctx.names:
                return ctx.names[key]
        ent = head.ent_type_
        titled = start > 0 and self._is_title(doc[start - 1])
        if ent == "PERSON" or titled:
            # an unknown person with a role in front: "Ukrainian Defense Minister Ihor X"
            toks = [t for t in self.np_tokens(head) if t.i < start]
            if toks:
                found = [e for _, _, e in self._matches(toks)]
                group = next(
                    (e for e in found if e.kind not in COUNTRY_KINDS and e.kind != "person"), None
                )
                role_before = self.lex.sector_of(doc[start - 1].lemma_.lower()) is not None
                # "Arab League Secretary General X", "MITI vice president X"
                if group is not None and (titled or role_before):
                    a = _actor(group, doc[toks[0].i : head.i + 1].text)
                    a.kind = "person"
                    a.name = doc[start : head.i + 1].text
                    self._remember_names(a.name, a, ctx)
                    return a
                matches = [e for e in found if e.kind in COUNTRY_KINDS]
                sector = self._sector(toks + [head], head)
                if matches:
                    a = _actor(matches[0], doc[toks[0].i : head.i + 1].text, sector)
                    a.kind = "person"
                    a.name = doc[start : head.i + 1].text
                    self._remember_names(a.name, a, ctx)
                    return a
                country, how = (
                    self.context_country(head, ctx, person=True) if sector else (None, None)
                )
                if country:  # "Ousted President Askar Akayev ... Kyrgyzstan"
                    a = Actor(
                        code=country + sector,
                        country=country,
                        sector=sector,
                        text=doc[toks[0].i : head.i + 1].text,
                        kind="person",
                        name=doc[start : head.i + 1].text,
                        country_from=how,
                    )
                    self._remember_names(a.name, a, ctx)
                    return a
        return None

    def _titled_office(self, e: Entry, head: Any, start: int) -> Entry:
        """A person the table has out of office on the date, whom the text gives a title of
        office ("Lebanese President Michel Aoun", not "former President Carter"): the title's
        office, in the person's country (the table's dates may lag the news)."""
        if e.sector != "ELI" or not e.country:
            return e
        toks = [t for t in self.np_tokens(head) if t.i < start]
        if not toks or any(t.lower_ in FORMER_WORDS for t in toks):
            return e
        sector = self._sector(toks + [head], head)
        if not sector or sector == "ELI":
            return e
        return dataclasses.replace(e, code=e.country + sector, sector=sector)

    @staticmethod
    def _is_place(word: str) -> bool:
        from eventwire.places import resolve_place

        return resolve_place(word) is not None

    def _whole_name(self, head: Any) -> Entry | None:
        """A country or group named by a whole entity whose head this is, when the name runs
        past the head ("Republic of Korea", "League of Arab States")."""
        if head.pos_ != "PROPN":
            return None
        ent = self._entity_at(head)  # of any label: "the General Agreement on ..." is a LAW
        if ent is not None and ent.root == head and ent.end - 1 > head.i:
            e = self.lex.lookup(ent.text)
            if e is not None and e.kind != "person":
                return e
        # no entity, or a shorter one: the head's own name words and its of/on/for phrase of
        # names ("Organisation for Economic Co-operation and Development")
        right = [t for t in head.subtree if t.i > head.i]
        if not right or right[0].pos_ != "ADP" or any(t.pos_ not in NAME_POS for t in right):
            return None  # a name ending at its head is matched word by word anyway
        left = min(self.np_tokens(head), key=lambda t: t.i).i
        e = self.lex.lookup(head.doc[left : right[-1].i + 1].text)
        return e if e is not None and e.kind != "person" else None

    def _stands_for_others(self, head: Any, sector: str | None) -> bool:
        """Whether a head noun is a role, a part or a number of some actor, so that its "of/for/
        from" phrase names the actor: "spokesman for", "thousands of", "a contingent of"."""
        low = head.lemma_.lower()
        return (
            head.pos_ in ("PROPN", "NUM", "PRON")
            or sector is not None
            or low in self.lex.words["people_noun"]
            or low in self.lex.words["part_noun"]
            or self.lex.sector_of(low) is not None
        )

    def _title_country(self, head: Any, start: int) -> str | None:
        """The country word in the title before a name: "Serbian President X" -> SRB."""
        toks = [t for t in self.np_tokens(head) if t.i < start]
        for _, _, e in self._matches(toks):
            if e.kind in ("country", "adjective"):
                return e.country
        return None

    def _is_title(self, tok: Any) -> bool:
        """ "President", "Vice-President", "General" before a name: a role, not part of it."""
        if tok.text == "-" or not tok.text[:1].isupper():
            return False
        s = self.lex.sector_of(tok.text.lower())
        if s is None and tok.i > 0:  # "Trade Representative", "Foreign Secretary"
            s = self.lex.sector_of(f"{tok.doc[tok.i - 1].text.lower()} {tok.text.lower()}")
        return s is not None and s[1] in ("head", "both")

    @staticmethod
    def _remember_names(name: str, a: Actor, ctx: ActorContext) -> None:
        ctx.names[name.lower()] = a
        for part in name.replace("-", " ").split():
            if len(part) > 2 and part[0].isupper():
                ctx.names.setdefault(part.lower(), a)
        first = name.split()[0] if name.split() else ""
        if first:
            ctx.names.setdefault(first.lower(), a)

    @staticmethod
    def _pronoun(
        low: str, ctx: ActorContext, speaker: list[Actor] | None, tok: Any = None
    ) -> list[Actor]:
        if low in ("they", "them", "their", "themselves") and tok is not None:
            # "Rebels rejected a Senegalese plan and said they opposed ...": the nearest subject
            # before the pronoun in its own sentence
            before = [m for m in ctx.mentions if m[0] < tok.i]
            subj = [m for m in before if m[1]]
            unresolved = [
                t
                for t in tok.sent
                if t.i < tok.i
                and t.dep_ == "nsubj"
                and t.pos_ == "NOUN"
                and t.tag_ == "NNS"
                and all(m[0] != t.i for m in ctx.mentions)
            ]
            if unresolved and (not subj or unresolved[-1].i > subj[-1][0]):
                return []  # "Darfur rebels rejected a Qatari plan and said they ...": not Qatar
            if subj:
                return list(subj[-1][2])
        if low in PLURAL_PRONOUNS and low not in ("we", "our", "us") and len(ctx.last_group) > 1:
            return list(ctx.last_group)  # "A called B and they discussed ..."
        if speaker:
            sp = speaker
            if low in PERSON_PRONOUNS and sp[0].kind == "person":
                return sp[:1]
            if low in THING_PRONOUNS and sp[0].kind != "person":
                return sp[:1]
            if low in PLURAL_PRONOUNS:
                return sp
        if low in PERSON_PRONOUNS:
            return [ctx.last_person] if ctx.last_person else []
        if low in THING_PRONOUNS:
            return [ctx.last_thing] if ctx.last_thing else []
        if low in PLURAL_PRONOUNS and low not in ("we", "our", "us"):
            return list(ctx.last_group)
        return []


AGAINST_PREFIXES = ("anti-", "pro-", "non-")


def _sector_actor(country: str | None, sector: str, text: str, how: str | None) -> Actor:
    """A role of a country found from context, or of the unknown country ``---``."""
    return Actor(
        code=(country or "---") + sector,
        country=country,
        sector=sector,
        text=text,
        kind="country",
        country_from=how if country else "unknown",
    )


def _against_prefix(tok: Any) -> bool:
    """ "anti-Syria", "pro-Russian": the word names whom the phrase is for or against."""
    doc = tok.doc
    i = tok.i
    return i >= 2 and doc[i - 1].text == "-" and f"{doc[i - 2].lower_}-" in AGAINST_PREFIXES


def _conjuncts(tok: Any) -> list[Any]:
    out = []
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        if _seat(tok, c):
            continue  # "Sumitomo Bakelite Co Ltd, Tokyo, Japan": where the company sits
        out.append(c)
        stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def _seat(name: Any, c: Any) -> bool:
    """Whether a place joined to an organisation's name by a comma only is its seat."""
    return (
        name.ent_type_ == "ORG"
        and c.ent_type_ in ("GPE", "LOC")
        and c.i > 0
        and c.doc[c.i - 1].text == ","
        # a list of parties has its "and": "Exxon, Britain and France"
        and not any(x.dep_ == "cc" for x in name.children)
        and not any(x.dep_ == "cc" for x in c.subtree)
    )


def _definite(tok: Any) -> bool:
    return any(c.dep_ in ("det", "poss") for c in tok.children)


NAME_POS = frozenset({"PROPN", "ADP", "CCONJ", "DET", "PUNCT"})  # words of a long name
COUNTERPART_PREPS = frozenset(
    {"with", "against", "to", "on", "toward", "towards", "from", "among", "between"}
)


def _counterpart(anchor: Any, head: Any) -> bool:
    """Whether a country the sentence names is itself the other party of the act whose
    subject is ``head``: the verb's object or the object of with/against/to/on/from ("the
    Trade Secretary warned Japan", "officials held talks with Japan"), so no country of the
    subject's own (a country word on the party's noun is not: "reneged on his promise to the
    Zambian people" is his own people)."""
    if head.dep_ == "nsubjpass":  # "rebels backed by South Africa": the agent is the other
        t = anchor
        while t.dep_ == "conj" and t.head != t:
            t = t.head
        return t.dep_ == "pobj" and t.head.dep_ == "agent" and t.head.head == head.head
    if head.dep_ == "nsubj":
        verbs = [head.head]
    elif head.dep_ == "dobj":  # "would force the administration to retaliate against Japan"
        verbs = [c for c in head.head.children if c.dep_ == "xcomp"]
    else:
        return False
    t = anchor
    while t.dep_ == "conj" and t.head != t:  # "warned Japan and Korea"
        t = t.head
    if t.dep_ in ("dobj", "dative", "iobj"):
        return t.head in verbs
    p = t.head
    if t.dep_ != "pobj" or p.dep_ != "prep" or p.lower_ not in COUNTERPART_PREPS:
        return False
    # the phrase may hang from the verb's object or from a noun the verb's preposition
    # governs: "imposed sanctions on Iran", "called for sanctions against Zimbabwe"
    x = p.head
    for _ in range(3):
        if x in verbs:
            return True
        if x.dep_ not in ("dobj", "pobj", "prep") or x.head == x:
            return False
        x = x.head
    return x in verbs


def _under_possessor(tok: Any, head: Any) -> bool:
    """Whether a modifier of ``head`` is (inside) a possessor: "Brazil's" in "Brazil's creditor
    banks"."""
    t = tok
    for _ in range(6):
        if t == head or t.head == t:
            return False
        if t.dep_ == "poss":
            return True
        t = t.head
    return False


def _one_name(head: Any, part: Any) -> bool:
    """Whether ``part`` lies in the same organisation name (entity) as ``head``."""
    if head.ent_type_ != "ORG" or part.ent_type_ != "ORG" or part.ent_iob_ != "I":
        return False
    lo, hi = sorted((head.i, part.i))
    return all(t.ent_iob_ == "I" for t in head.doc[lo + 1 : hi + 1])


def _country_only(a: Actor) -> Actor:
    """A capital's government (``JPNGOV``) as the bare country (``JPN``)."""
    if a.sector != "GOV" or not a.country or a.kind != "country":
        return a
    return Actor(code=a.country, country=a.country, sector=None, text=a.text, kind="country")
