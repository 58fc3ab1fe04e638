"""Cross-document event linking: mentions that report one real-world event become one event.

A pure function, :func:`link`, over plain dataclasses; the store feeds it the new mentions and
the stored events they could join, and writes back what it decided. The rules (README, "Event
linking") in order:

1. **Block**: same source and target at country+sector level (``RUSMIL``; for IGOs and other
   country-less actors their six-letter code), same CAMEO root, same modality group (asserted;
   announced: intent/planned; negated/denied; hypothetical; threat; demand). Codes of other
   roots that one act gets from different outlets (``codes.py``, a table: a bombing 183 and
   190; an accord 032/040 and 057) link too, and a same-root event is preferred. Sources that
   are different named sources (``speakers.py``: a person's canonical name, a union's or
   company's proper name) are different acts ("Premier Zhao said" / "Finance Minister Wang
   said": two statements; two unions' strikes), except in the roots of joint acts
   (``codes.joint_roots``: 03-06), where either participant may be named.
2. **Date**: day-level dates (day or week precision) at most ``MAX_DAYS`` apart, measured from
   the event's anchor date (its first mention's), so a chain of reports never drifts (the
   day's slack is for dates that are only the publication day, and time zones); two days
   that both reports state ("yesterday" in two stories a day apart) must be the same day; a
   done act's day that one report states is never after the day of a report that states
   none (its publication day: out before the act, it cannot tell of it; the day's slack is
   for a report published the day after); a
   week-precision date covers its Monday-to-Sunday week ("last week" and "on Thursday" can
   be one event); two dates that are only their reports' publication days (neither sentence
   states the day) may be ``MAX_PUBDAY_DAYS`` apart, the act coming on or before each (a
   Friday announcement reported again on Sunday), and ``MAX_PLANNED_DAYS`` for an act
   announced for later (its plan is re-reported for a week: "Venezuela would loan crude to
   Ecuador", "Venezuela will lend Ecuador crude" three days on), with ``PUBDAY_SHARED``
   shared terms when more than ``MAX_DAYS`` apart; month- or year-precision dates link only to the same
   month/year at the same precision; an undated
   mention links only to an undated event of its own story cluster.
3. **Place**: compatible when either side has no place the clause states (``Place.evidence``:
   a place the places stage took from elsewhere in the sentence, the dateline, or the actors'
   or story's country says where the news was filed or who took part, not where the event
   happened: "Baghdad said its forces repulsed the attack" and a Tehran-datelined report of
   the same attack); else the same country, and for two city-level places the same name or at
   most ``MAX_KM`` apart. The kinds of things acted on (``objects``: the head nouns of the
   targets described in words) must not differ: gunboats sunk and a platform shelled on one
   day are two attacks.
   **Content** (3b): a mention from another story cluster than all of the event's mentions must
   share at least ``terms.MIN_SHARED`` content terms with one of them (``shared_with_a_report``:
   not a word from each of several), not counting the actors' own words nor the names of the
   actors' countries and seats of government (``content_terms``: "u.s", "iranian", "paris",
   "pentagon" say who acted, which the block already matches): two reports of one meeting share
   its subject, names, numbers; two unrelated statements by one government about another on
   one day do not. A report without a target needs ``TARGETLESS_SHARED`` (its block says
   only who acted and the root: a government "agrees" or "rejects" many things a day, and
   to bridge two events it needs as many). One named source's reports with the same CAMEO code (any code of a root
   of joint acts: a visit and the meeting on it) on the same day need
   ``SAME_SPEAKER_SHARED`` (one person's statement, each outlet in its own words). In the
   event's own
   story cluster a copy of the story (document similarity >= 0.9), or a mention whose sentence
   is one the event already has (``sentence_key``: its words without numbers and month names),
   may differ in date by up to ``MAX_COPY_DAYS`` (wire copies re-dated by their datelines).
4. **One document, one report**: a mention never joins an event that already has a mention
   from its own document (the coder keeps one row per dyad, root, date and modality in a
   document, so two rows of one document are two events).
5. **Choice**: of the compatible events one holding the mention's own story cluster (a copy
   or an update joins the event its story reported), then one of the same root, then the
   nearest in date, then the one with a place equal to the mention's, then the one sharing
   most content terms with the mention (the real strike, not a rumour of one), then the
   oldest.
6. **Bridging**: a mention compatible with several events never merges them, except by the
   recorded rule ``bridge-same-story``: the events each already hold a mention from the
   mention's own story cluster (an update or a copy of one story split them) and share no
   document, and the mention's document is not itself a near-copy of a stored one (a copy adds
   no evidence, and a reprint must not change the events of the stories it copies); and
   ``bridge-shared-report`` (``bridges_reports``): the events are of the mention's own root,
   it shares ``BRIDGE_SHARED`` content terms with a report of each, their anchor days are at
   most ``MAX_DAYS`` apart, their places and kinds of things acted on agree, their named
   sources are not different people, and the mention is no copy (one raid told by one report
   of its target and one of its warships, until a report tells both); in the roots of joint
   acts the mention's own named person may be the source of one event and another person of
   the other, and with the event holding his own report of that day one shared term is
   enough (his visit, 042, and the talks held on it, 040, bridged by "after an hour-long
   meeting with Baker, Miyazawa said"). The merge keeps the
   oldest event id and is reported in ``LinkResult.merges``.

Event ids are stable: a new event's id derives from its first mention's id (itself stable for a
document id), and an event keeps its id when later mentions join it.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from eventwire.dates import month_names

from . import codes, objects
from .terms import MIN_SHARED, country_terms, shared

MAX_DAYS = 1
MAX_COPY_DAYS = 7
MAX_KM = 100.0
SAME_SPEAKER_SHARED = 1
MAX_PUBDAY_DAYS = 2
MAX_PLANNED_DAYS = 7  # an act announced for later, re-reported over the following week
PUBDAY_SHARED = 4
BRIDGE_SHARED = 3  # a bridging report shares this many with a report of each event
# a report without a target (``-``) from another story: its block says only who acted and the
# root ("the U.S. government agreed"), which a government's or a country's many acts of one
# day share, so what the act was about must say more
TARGETLESS_SHARED = 4
NO_ACTOR = "-"  # actor_key() of a side the coder found no actor for
DAY_PRECISIONS = (None, "day", "week")
# places chosen by these rules of the places stage are no evidence of where an event happened
WEAK_PLACE_RULES = frozenset({"sentence-place", "dateline", "actor-country", "story-country"})

_MODALITY_GROUP = {
    "asserted": "asserted",
    "intent": "announced",
    "planned": "announced",
    "negated": "negated",
    "denied": "negated",
    "hypothetical": "hypothetical",
    "threat": "threat",
    "demand": "demand",
}


def modality_group(modality: str | None) -> str:
    return _MODALITY_GROUP.get(modality or "asserted", modality or "asserted")


def actor_key(code: str | None, country: str | None, sector: str | None) -> str:
    """An actor at country+sector level: ``RUS/MIL``, ``USA/``; country-less: first 6 letters."""
    if code is None:
        return NO_ACTOR
    if country:
        return f"{country}/{sector or ''}"
    return code[:6]


def sentence_key(sentence: str | None) -> str:
    """The same sentence in two copies of a story, whatever date their datelines carry."""
    words = [
        w for w in re.findall(r"[^\W\d_]+", (sentence or "").lower()) if w not in month_names()
    ]
    return hashlib.sha1(" ".join(words).encode()).hexdigest()[:16] if words else ""


def event_id_for(mention_id: str) -> str:
    """The stable id of an event first reported by ``mention_id``."""
    return "ev" + hashlib.sha1(f"event|{mention_id}".encode()).hexdigest()[:14]


@dataclass
class Place:
    country: str | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    rule: str | None = None  # the places stage's rule that chose it; None: the clause's own

    @property
    def known(self) -> bool:
        return bool(self.country or self.name)

    @property
    def evidence(self) -> bool:
        """A place the clause states for the event (not one of ``WEAK_PLACE_RULES``)."""
        return self.known and self.rule not in WEAK_PLACE_RULES


@dataclass
class Mention:
    """One report of an event: a coded row of one document, with what linking needs."""

    mention_id: str
    doc_id: str
    source: str  # actor_key() of the source
    target: str  # actor_key() of the target ("-" when none)
    root: str
    modality: str  # modality_group()
    date: str | None = None  # YYYY-MM-DD
    date_precision: str | None = None
    place: Place = field(default_factory=Place)
    story_id: str | None = None
    copy: bool = False  # its document is a near-copy of an earlier one (story similarity)
    terms: frozenset[str] = frozenset()  # content terms (terms.py), actors' words removed
    sentence_key: str = ""  # sentence_key() of its sentence
    cameo: str = ""  # its full CAMEO code (codes of other roots link only by codes.py's table)
    date_stated: bool = False  # the sentence says the day ("on Monday", "yesterday")
    person: str | None = None  # the named person the source is (the resolver's name)

    @property
    def block(self) -> tuple[str, str, str, str]:
        return (self.source, self.target, self.root, self.modality)

    @property
    def link_key(self) -> tuple[str, str, str, str]:
        """The block with the root's linking group (codes.group) in place of the root."""
        return (self.source, self.target, codes.group(self.root), self.modality)


@dataclass
class LinkedEvent:
    """An event as linking sees it: its block, anchor date, place and story clusters."""

    event_id: str
    source: str
    target: str
    root: str
    modality: str
    date: str | None = None
    date_precision: str | None = None
    place: Place = field(default_factory=Place)
    stories: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)  # documents that already report it
    terms: set[str] = field(default_factory=set)  # content terms of all its mentions
    sentences: set[str] = field(default_factory=set)  # sentence_key() of its mentions
    root_mention: str | None = None  # the mention that created it (new events)
    codes: set[str] = field(default_factory=set)  # CAMEO codes of its mentions
    date_stated: bool = False  # its anchor date is stated by its first report's sentence
    persons: set[str] = field(default_factory=set)  # named persons its reports' sources are
    # each report's own content terms (rule 3b compares a new report with each; empty: only
    # the union ``terms`` is known, and it is compared with that)
    reports: list[frozenset[str]] = field(default_factory=list)

    @property
    def block(self) -> tuple[str, str, str, str]:
        return (self.source, self.target, self.root, self.modality)

    @property
    def link_key(self) -> tuple[str, str, str, str]:
        return (self.source, self.target, codes.group(self.root), self.modality)


@dataclass
class Merge:
    absorbed: str
    into: str
    rule: str
    mention_id: str


@dataclass
class LinkResult:
    assign: dict[str, str] = field(default_factory=dict)  # mention_id -> event_id
    rules: dict[str, str] = field(default_factory=dict)  # mention_id -> why (new|join:...)
    new_events: list[LinkedEvent] = field(default_factory=list)
    placed: dict[str, Place] = field(default_factory=dict)  # existing event id -> place set now
    merges: list[Merge] = field(default_factory=list)


def _day(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _span(d: date, precision: str | None) -> tuple[int, int]:
    """The days a day-level date covers: one day, or the Monday-to-Sunday week of a
    week-precision date ("last week", "over the weekend")."""
    n = d.toordinal()
    if precision == "week":
        return n - d.weekday(), n - d.weekday() + 6
    return n, n


def _days_apart(a: date, pa: str | None, b: date, pb: str | None) -> int:
    (a0, a1), (b0, b1) = _span(a, pa), _span(b, pb)
    return max(0, a0 - b1, b0 - a1)


def _told_before(m: Mention, a: date, e: LinkedEvent, b: date) -> bool:
    """One report states the act's day and the other, stating none, is dated by its
    publication: a stated day after that one is an act the other report, out before it,
    cannot tell of ("Earlier on Tuesday congressional leaders called for a summit" and a
    Monday story of two congressmen's call)."""
    if m.date_stated and not e.date_stated:
        return a > b
    if e.date_stated and not m.date_stated:
        return b > a
    return False


def date_gap(m: Mention, e: LinkedEvent) -> int | None:
    """Days between a mention and an event's anchor, or None when the dates are incompatible."""
    mp = m.date_precision if m.date else None
    ep = e.date_precision if e.date else None
    if m.date is None or e.date is None:
        if m.date is None and e.date is None and m.story_id and m.story_id in e.stories:
            return 0
        return None
    if mp in DAY_PRECISIONS and ep in DAY_PRECISIONS:
        a, b = _day(m.date), _day(e.date)
        if a is None or b is None:
            return None
        gap = _days_apart(a, mp, b, ep)
        retold = m.copy or (m.sentence_key and m.sentence_key in e.sentences)
        if retold and m.story_id in e.stories:
            limit = MAX_COPY_DAYS
        elif m.date_stated and e.date_stated and mp != "week" and ep != "week":
            limit = 0  # two reports that each say the day: other days are other acts
        elif not m.date_stated and not e.date_stated and mp == ep == "day":
            # two publication days: a done act came on or before each; an act announced for
            # later is no act of either day, and its plan is re-reported for days
            limit = MAX_PLANNED_DAYS if m.modality == "announced" else MAX_PUBDAY_DAYS
        else:
            limit = MAX_DAYS
            if mp == ep == "day" and m.modality != "announced" and _told_before(m, a, e, b):
                return None
        return gap if gap <= limit else None
    if mp != ep:
        return None
    width = 7 if mp == "month" else 4
    return 0 if m.date[:width] == e.date[:width] else None


def _table_pairs(m: Mention, e: LinkedEvent) -> bool:
    """A mention of another root than an event's joins it only by a row of the table of
    compatible codes (``codes.py``) pairing its code with one of the event's codes of another
    root: a code of its own root that the event holds came by the table with another report,
    and says nothing of this one (an accord, 057, joined to "agreed to cooperate", 03x, makes
    no endorsement of the accord, 051, part of the agreeing)."""
    return any(codes.compatible(m.cameo, c) for c in e.codes if c and c[:2] != m.root)


def content_terms(m: Mention) -> frozenset[str]:
    """A mention's terms less the words naming its actors' countries ("u.s", "iranian",
    "paris" for a French actor): the block already says who they are."""
    countries = [k.split("/")[0] for k in (m.source, m.target) if "/" in k]
    drop = frozenset().union(*(country_terms(c) for c in countries))
    return m.terms - drop if drop else m.terms


def _min_shared(m: Mention, e: LinkedEvent, gap: int) -> int:
    """Content terms a mention from another story must share with the event (rule 3b): fewer
    when one named person is the source of both on the same day (one person's statement or
    visit, told by each outlet in its own words), with the same CAMEO code, or any code of
    a root of joint acts (``codes.joint_roots``: a visit is told as the visit, 042, and as the
    meetings held on it, 040 and 043); more (``TARGETLESS_SHARED``) for a report without a
    target, whose block says only who acted and the root: two unrelated "the U.S. agreed"
    reports of one day share it, and two words ("accord", "reach") as easily."""
    if (
        m.person
        and m.person in e.persons
        and gap == 0
        and (m.cameo in e.codes or m.root in codes.joint_roots())
    ):
        return SAME_SPEAKER_SHARED
    need = PUBDAY_SHARED if gap > MAX_DAYS else MIN_SHARED
    if m.target == NO_ACTOR:
        need = max(need, TARGETLESS_SHARED)
    return need


def shared_with_a_report(content: frozenset[str], e: LinkedEvent) -> int:
    """The most content terms a mention shares with any one report of an event (rule 3b):
    each report tells what happened in its own words, so two shared terms must come from one
    of them; a story told by many reports uses so many words between them that an unrelated
    report of the same actors would find two of them scattered over several reports."""
    if not e.reports:
        return shared(content, e.terms)
    return max(shared(content, t) for t in e.reports)


def event_kinds(e: LinkedEvent) -> frozenset[str]:
    """The kinds of things acted on that an event's reports describe (``objects.kinds``)."""
    if not e.reports:
        return objects.kinds(e.terms)
    return frozenset().union(*(objects.kinds(t) for t in e.reports))


def bridges_reports(m: Mention, content: frozenset[str], a: LinkedEvent, b: LinkedEvent) -> bool:
    """A mention that fits two events of its own root, sharing ``BRIDGE_SHARED`` content
    terms with a report of each, shows they are one event told in two sets of words (rule 6,
    ``bridge-shared-report``): the report that names both the attack's target and its
    weapon bridges the one that named the target and the one that named the weapon. Not when
    the mention is a copy (a reprint adds no evidence), when either event came by a table of
    compatible codes, when the events' places or the kinds of things they were done to
    (``objects``) are incompatible, when their anchor days are more than ``MAX_DAYS`` apart
    or not both day-level, or when their reports' named sources are different people."""
    if m.copy or a.root != m.root or b.root != m.root:
        return False
    joint = m.root in codes.joint_roots() and bool(m.person) and m.person in a.persons | b.persons
    if a.persons and b.persons and not a.persons & b.persons and not joint:
        return False
    if not place_ok(a.place, b.place) or objects.apart(event_kinds(a), event_kinds(b)):
        return False
    da, db = _day(a.date), _day(b.date)
    if da is None or db is None:
        return False
    if a.date_precision not in DAY_PRECISIONS or b.date_precision not in DAY_PRECISIONS:
        return False
    if _days_apart(da, a.date_precision, db, b.date_precision) > MAX_DAYS:
        return False
    return all(shared_with_a_report(content, e) >= _bridge_shared(m, e, joint) for e in (a, b))


def _bridge_shared(m: Mention, e: LinkedEvent, joint: bool) -> int:
    """Terms a bridging mention shares with a report of an event: fewer with an event of
    a joint act whose reports its own named person is the source of on the same day (his
    visit told as the visit and as the meeting he held on it: one shared term, as in rule
    3b)."""
    if joint and m.person in e.persons and m.date == e.date:
        return SAME_SPEAKER_SHARED
    if m.target == NO_ACTOR:
        return max(BRIDGE_SHARED, TARGETLESS_SHARED)
    return BRIDGE_SHARED


def place_ok(a: Place, b: Place) -> bool:
    """Two places that can be the place of one event (either unknown or no evidence is fine)."""
    if not a.evidence or not b.evidence:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.precision == "city" and b.precision == "city" and a.name and b.name and a.name != b.name:
        km = _km(a, b)
        return km is not None and km <= MAX_KM
    return True


def _same_place(a: Place, b: Place) -> bool:
    return a.known and b.known and (a.name, a.country) == (b.name, b.country)


def _date_key(day: str | None, precision: str | None) -> tuple:
    if not day:
        return ("n",)
    if precision in DAY_PRECISIONS:
        d = _day(day)
        return ("d", d.toordinal()) if d else ("n",)
    return (precision or "?", day[: 7 if precision == "month" else 4])


def _near_keys(m: Mention) -> list[tuple]:
    key = _date_key(m.date, m.date_precision)
    if key[0] == "d":
        return [("d", key[1] + k) for k in range(-MAX_COPY_DAYS, MAX_COPY_DAYS + 1)]
    return [key]


def link(mentions: Sequence[Mention], existing: Iterable[LinkedEvent]) -> LinkResult:
    """Assign each mention (in the order given) to an existing event, an event created earlier
    in the same call, or a new event. ``existing`` needs only the events that share a block
    (and a nearby date) with some mention; nothing in it is modified."""
    index: dict[tuple, list[LinkedEvent]] = {}
    order: dict[str, int] = {}

    def add(ev: LinkedEvent) -> None:
        index.setdefault((ev.link_key, _date_key(ev.date, ev.date_precision)), []).append(ev)
        order[ev.event_id] = len(order)

    for ev in existing:
        add(
            LinkedEvent(
                **{
                    **ev.__dict__,
                    "stories": set(ev.stories),
                    "docs": set(ev.docs),
                    "terms": set(ev.terms),
                    "sentences": set(ev.sentences),
                    "codes": set(ev.codes),
                    "reports": list(ev.reports),
                }
            )
        )
    alias: dict[str, str] = {}
    new_ids: set[str] = set()
    res = LinkResult()

    def live(eid: str) -> str:
        while eid in alias:
            eid = alias[eid]
        return eid

    for m in mentions:
        cands = []
        content = content_terms(m)
        kinds = objects.kinds(m.terms)
        for key in _near_keys(m):
            for ev in index.get((m.link_key, key), ()):
                if ev.event_id in alias or m.doc_id in ev.docs:
                    continue
                other_person = bool(m.person and ev.persons) and m.person not in ev.persons
                if other_person and m.root not in codes.joint_roots():
                    continue  # another person's statement is another act
                other_root = ev.root != m.root
                if other_root and not _table_pairs(m, ev):
                    continue
                gap = date_gap(m, ev)
                if gap is None or not place_ok(m.place, ev.place):
                    continue
                if kinds and objects.apart(kinds, event_kinds(ev)):
                    continue  # gunboats sunk and a platform shelled: two acts
                in_story = bool(m.story_id) and m.story_id in ev.stories
                retold = in_story and (m.copy or m.sentence_key in ev.sentences)
                checked = not in_story or (gap > MAX_DAYS and not retold)
                if checked and shared_with_a_report(content, ev) < _min_shared(m, ev, gap):
                    continue
                cands.append(
                    (
                        not in_story, other_root, gap, not _same_place(m.place, ev.place),
                        -shared(content, ev.terms), order[ev.event_id], ev,
                    )
                )  # fmt: skip
        if not cands:
            eid = event_id_for(m.mention_id)
            ev = LinkedEvent(
                event_id=eid,
                source=m.source,
                target=m.target,
                root=m.root,
                modality=m.modality,
                date=m.date,
                date_precision=m.date_precision,
                place=m.place if m.place.evidence else Place(),
                stories={m.story_id} if m.story_id else set(),
                docs={m.doc_id},
                terms=set(m.terms),
                sentences={m.sentence_key} if m.sentence_key else set(),
                root_mention=m.mention_id,
                codes={m.cameo} if m.cameo else set(),
                date_stated=m.date_stated,
                persons={m.person} if m.person else set(),
                reports=[m.terms],
            )
            add(ev)
            res.new_events.append(ev)
            new_ids.add(eid)
            res.assign[m.mention_id] = eid
            res.rules[m.mention_id] = "new"
            continue
        cands.sort(key=lambda c: c[:6])
        best = cands[0][6]
        rule = (
            "join:same-story"
            if not cands[0][0]
            else "join:compatible-codes"
            if cands[0][1]
            else "join:dyad-root-date-place"
        )
        if len(cands) > 1 and not m.copy:
            in_story = bool(m.story_id) and m.story_id in best.stories
            for other in [c[6] for c in cands[1:]]:
                if in_story and m.story_id in other.stories:
                    why = "bridge-same-story"
                elif bridges_reports(m, content, best, other):
                    why = "bridge-shared-report"
                else:
                    continue
                if other.event_id in alias or other.docs & best.docs:
                    continue
                keep, gone = sorted((best, other), key=lambda e: order[e.event_id])
                alias[gone.event_id] = keep.event_id
                keep.stories |= gone.stories
                keep.docs |= gone.docs
                keep.terms |= gone.terms
                keep.sentences |= gone.sentences
                keep.codes |= gone.codes
                keep.persons |= gone.persons
                keep.reports += gone.reports
                if not keep.place.evidence and gone.place.evidence:
                    keep.place = gone.place
                    if keep.event_id not in new_ids:
                        res.placed[keep.event_id] = gone.place
                res.merges.append(Merge(gone.event_id, keep.event_id, why, m.mention_id))
                best = keep
                rule = why
        if m.story_id:
            best.stories.add(m.story_id)
        best.docs.add(m.doc_id)
        best.terms |= m.terms
        best.reports.append(m.terms)
        if m.sentence_key:
            best.sentences.add(m.sentence_key)
        if m.cameo:
            best.codes.add(m.cameo)
        if m.person:
            best.persons.add(m.person)
        if not best.place.evidence and m.place.evidence:
            best.place = m.place
            if best.event_id not in new_ids:
                res.placed[best.event_id] = m.place
        res.assign[m.mention_id] = best.event_id
        res.rules[m.mention_id] = rule
    # a mention assigned to an event that a later merge absorbed follows it
    for mid, eid in res.assign.items():
        res.assign[mid] = live(eid)
    res.new_events = [ev for ev in res.new_events if ev.event_id not in alias]
    for eid in list(res.placed):
        if eid in alias:
            del res.placed[eid]
    return res
