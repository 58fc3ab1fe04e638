"""What the sentence around a time expression says about it: the clause's tense (past, future
or unknown), the preposition in front of it ("since", "until", "by"), the words that follow it
("a year" + "earlier"), a fiscal-year convention the sentence names, and the dates named before
it (what "that year" or "the next day" refer to).

    >>> read("March", "Taylor stepped down as chairman in March for health reasons.").tense
    'past'
    >>> read("Nov. 6", "Compaq still plans to announce new products on Nov. 6.").tense
    'future'
    >>> read("Jan. 13", "It had not been allowed to inspect since Jan. 13.").relation
    'since'

A date that modifies a noun ("the Jan. 14 deadline") takes no tense from the verb. Tense
comes from the nearest cue in the clause (``data/dates/tense_cues.tsv``: modals, "is
expected to", auxiliaries, irregular past forms) or a regular past form ("-ed" not after a
determiner, and not a participle after "be"/"have", whose auxiliary decides). A present-tense
auxiliary or a bare infinitive ("to announce") leaves the tense unknown unless a future cue
governs it ("plans to announce"). No parse is needed: regexes over the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from eventwire.dates.tables import fiscal_years, lexicon, tense_cues, weekday_names

_TOKEN = re.compile(
    r"[A-Za-z]+(?:'[a-z]+)?|'[a-z]+|\d[\d,.:]*|--|``|''|[;:()\"\u201c\u201d]|[^\sA-Za-z\d]"
)
_BOUNDARY_MARKS = frozenset(
    [";", ":", "--", "\u2014", "(", ")", '"', "\u201c", "\u201d", "``", "''", ".", "!", "?"]
)
_LX = lexicon()
# a full stop after these (or after a single letter: "U.N.") belongs to them and ends no
# clause ("will allow U.N. inspections Monday", "will buy Acme Corp. shares Friday")
_ABBREVIATIONS = frozenset(_LX["abbreviation"])  # data/dates/lexicon.tsv
# the clause words the tense search uses (data/dates/lexicon.tsv), one set each
_BOUNDARY_WORDS = frozenset(_LX["boundary_word"])
_BE_HAVE = frozenset(_LX["be_have"])
_DETERMINERS = frozenset(_LX["determiner"])  # not "that": a relative pronoun as often
_NOT_VERBS = frozenset(_LX["not_verb"])
_PRENOMINAL = frozenset(_LX["prenominal"])  # "the Jan. 14 deadline", "its Feb. 23 accord"
_AUXILIARIES = frozenset(_LX["auxiliary"])
_MODALS = frozenset(_LX["modal"])
_FUNCTION_WORDS = frozenset(_LX["function_word"])
_HABITUAL = frozenset(_LX["habitual"])  # "usually", "generally": a habit has no one date
_COPULAS = frozenset(_LX["copula"])  # present "is", "are": "the vote is Friday"
_ING_NOUNS = frozenset(_LX["ing_noun"])  # "-ing" words that are no participle: "morning"
_INTENT_OBJECT = frozenset(_LX["intent_verb"])  # "plan", "threatens" with an object
_FUTURE_MODALS = frozenset(_LX["future_modal"])  # "will have": not "may have"
# past forms that are also the base form ("cut", "put", "quit"): after "to", a modal or "do"
# they are the base form and the word before decides ("will cut rates Thursday")
_SAME_FORM = frozenset(_LX["same_form"])
# words that open a new clause after "and" / "or" in the words that follow an expression
_NEW_SUBJECT = _DETERMINERS | frozenset(_LX["subject_pronoun"])
_COPULA_PREPOSITIONS = frozenset(_LX["copula_preposition"])  # "the vote is on Friday"
# "it is Friday" and "there is" are fine; "what is" / "that is" open another clause
_COPULA_NOT_SUBJECT = frozenset(_LX["not_subject"])
_TO_OBJECT = re.compile(
    r"^(?:[A-Z\d]|(?:a|an|the|his|her|its|their|our|this|that|these|those|"
    r"date|mid|early|late|around|about|some)$)"
)
_MAX_LEFT = 24
_MAX_RIGHT = 10


@dataclass(frozen=True, slots=True)
class Clues:
    """What the context says about one expression."""

    tense: str | None = None  # "past" | "future" | None (unknown: the nearest date wins)
    relation: str | None = None  # a preposition right before the expression ("since")
    before: str = ""  # the context before the expression (as written)
    after: str = ""  # the context after it (as written)
    fiscal: tuple[int, str] | None = None  # (first month, named by "start"|"end")
    since: bool = False  # a "since" governs it: strictly the past, no slack
    cause: str | None = None  # "because of", "after", "following": it dates a cause or an earlier
    # event the clause refers to ("fell because of a drop in income last year"), not the clause


@lru_cache(maxsize=4096)
def _pattern(expression: str, ignore_case: bool = True) -> re.Pattern[str] | None:
    e = " ".join(expression.split()).strip(" .,;:")
    if not e:
        return None
    pat = r"\s+".join(map(re.escape, e.split()))
    return re.compile(rf"(?<![A-Za-z\d]){pat}(?![A-Za-z\d])", re.IGNORECASE if ignore_case else 0)


def _locate(expression: str, context: str) -> tuple[int, int] | None:
    """Where the expression is in the context: as written first (the month "May", not the
    modal "may" before it: "it may be sold in May"), else in any case."""
    for ignore_case in (False, True):
        pattern = _pattern(expression, ignore_case)
        m = pattern.search(context) if pattern is not None else None
        if m:
            return m.start(), m.end()
    return None


@cache
def _fiscal_cues() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, fiscal_years()))})\b")


def _tokens(text: str) -> list[tuple[str, str]]:
    """(original, lower) word tokens; "they'll" is "they" + "'ll" (not "'s": a possessive); an
    abbreviation keeps its full stop ("Corp.", "U.N.")."""
    out: list[tuple[str, str]] = []
    for t in _TOKEN.findall(text):
        if t == "." and out:
            o, w = out[-1]
            if (len(w) == 1 and w.isalpha()) or w in _ABBREVIATIONS:
                out[-1] = (o + ".", w + ".")
                continue
        if "'" in t and (m := _CONTRACTION.match(t)):
            out += [(m[1], m[1].lower()), (m[2], m[2].lower())]
        else:
            out.append((t, t.lower()))
    return out


_CONTRACTION = re.compile(r"^([A-Za-z]+)('(?:ll|d|re|ve))$", re.IGNORECASE)


def _cue(tokens: list[tuple[str, str]], i: int, first: bool) -> str | None:
    """The tense cue at token i (two-word cues first), or None."""
    cues = tense_cues()
    orig, w = tokens[i]
    if orig[:1].isupper() and not first and w not in ("i",):
        return None  # a name: "May", "Will Smith"
    if i + 1 < len(tokens) and f"{w} {tokens[i + 1][1]}" in cues:
        return cues[f"{w} {tokens[i + 1][1]}"]
    if i > 0 and f"{tokens[i - 1][1]} {w}" in cues:
        return cues[f"{tokens[i - 1][1]} {w}"]
    if w in cues:
        return cues[w]
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_VERBS:
        return "past?"
    return None


def _due_to_cause(tokens: list[tuple[str, str]], i: int) -> bool:
    nxt = tokens[i + 1 : i + 3]
    if nxt and nxt[0][1].endswith("ly"):  # "due partly to"
        nxt = tokens[i + 2 : i + 4]
    return len(nxt) == 2 and nxt[0][1] == "to" and bool(_TO_OBJECT.match(nxt[1][0]))


def _scan(
    tokens: list[tuple[str, str]],
    order: range,
    first_index: int,
    only_since: bool = False,
    infinitive: bool = False,
) -> str | None:
    """The tense of the nearest deciding cue along ``order`` (indices into ``tokens``);
    ``only_since``: look for nothing but a "since" that puts the date in the past."""
    for i in order:
        orig, w = tokens[i]
        if orig in _BOUNDARY_MARKS or (w in _BOUNDARY_WORDS and not _joins_phrases(tokens, i)):
            return None
        new_clause = w in ("and", "or") and i + 1 < len(tokens) and tokens[i + 1][1] in _NEW_SUBJECT
        if first_index < 0 and new_clause:
            return None  # "... in early December and no other offer is likely": a new clause
        if w in _HABITUAL and not only_since:
            return "habitual"  # "generally announces a tender on Monday": no one Monday
        if w == "since":
            return "since"  # "searching since shortly after the Oct. 23 slaying": the past
        if only_since:
            continue
        if w == "to" and i + 1 < len(tokens) and not _TO_OBJECT.match(tokens[i + 1][0]):
            # an infinitive: its tense is whatever governs it ("plans to announce"); "to be
            # held" is a plan
            gov = _cue(tokens, i - 1, i - 1 == first_index) if i > 0 else None
            if gov in ("future", "future-to") or tokens[i + 1][1] == "be":
                return "future"
            if _requested(tokens, i):
                return "future"  # "urged the council to vote Friday": the act asked for is ahead
            if _planned_start(tokens, i):
                return "future"  # "a tender offer to begin Thursday", "a deadline to expire"
            # else the clause it hangs from: a plan there makes it future ("will enable X to
            # report", "no plans for X to meet"); a past verb leaves it open ("went to Cairo
            # to meet him on Friday")
            outer = _scan(tokens, range(i - 1, order.stop, -1), first_index, infinitive=True)
            return "future" if outer == "future" else None
        cue = _cue(tokens, i, i == first_index)
        if w == "due" and _due_to_cause(tokens, i):
            continue  # "due to the suspension": because of, not a schedule
        if infinitive and cue == "future-to":
            return "future"  # "plans for Funaro to meet"
        prev = tokens[i - 1][1] if i > 0 else ""
        if cue == "future-to":  # outside "vowed to ...", "vowed" is a plain past form
            cue = "past?" if w.endswith("ed") else _intent_verb(w, prev)
        if cue == "adjective":  # "preferred stock", "unidentified gunmen"
            continue
        if cue is None:
            continue
        if cue == "past-fixed":
            return "past"  # "could not be reached Tuesday": an idiom of a past attempt
        if cue == "scheduled":
            if prev in _HABITUAL:
                return "habitual"  # "usually holds its auction on Friday"
            if prev in _AUXILIARIES or prev in _DETERMINERS or prev in _BE_HAVE:
                continue  # "did not visit", "will go", "a visit", "was head of": not this verb
            if w.endswith("s") or prev in ("they", "we", "you", "i") or prev.endswith("s"):
                return "future"  # "meets", "talks resume", "voters go"
            if prev in _RELATIVE_PRONOUNS or _joined_subject(tokens, i):
                # "the shares, which begin trading Tuesday", "Bush and Gorbachev meet Sunday":
                # a plural subject, so a verb in the present, of a day still to come
                return "future"
            continue  # a bare base form after a singular word is likely a noun ("state visit")
        if cue in ("past?", "past") and w not in ("was", "were", "had", "did", "ago", "yesterday"):
            if prev in _BE_HAVE:
                continue  # a participle: the auxiliary decides ("will be paid", "was killed")
            if w in _SAME_FORM and prev in _AUXILIARIES:
                continue  # a base form: "is expected to cut", "may quit", "didn't quit"
            if cue == "past?" and prev in _DETERMINERS:
                continue  # an adjective: "a still unspecified date", "the proposed merger"
            return "past"
        if cue == "present":
            if prev in _MODALS or prev == "to":
                if w == "have" and prev not in _FUTURE_MODALS and _participle(tokens, i + 1):
                    return "past"  # "may have totalled", "could have ended": a past guessed
                continue  # "will have signed by Friday", "will have rates of": the modal decides
            if w in _COPULAS and _progressive(tokens, i + 1):
                return "future"  # "is leaving Friday", "are holding talks in March"
            if w in _COPULAS and order.step < 0 and _state_on_a_day(tokens, i, prev):
                return "future"  # "the president is in Chicago Friday", "is closed Friday"
            return None  # a state ("is still missing after Friday's attack") or a perfect
        return cue
    return None


_RELATIVE_PRONOUNS = frozenset(_LX["relative_pronoun"])  # "which", "who"


def _joined_subject(tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether the word before token i ends a subject of two names joined by "and" ("Bush and
    Gorbachev meet", "Israel and Syria resume"): a plural, so token i is a verb, not a noun."""
    return (
        i >= 3
        and tokens[i - 2][1] == "and"
        and all(tokens[j][0][:1].isupper() for j in (i - 1, i - 3))
    )


_PLAN_NOUNS = frozenset(_LX["plan_noun"])  # "an offer to begin", "a deadline to reply"


def _joins_phrases(tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether the "but" at token i joins two phrases of one clause, not two clauses ("compiled
    no earlier than August but before November", "not in March but in April")."""
    if tokens[i][1] != "but" or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1][1]
    return nxt in lexicon()["relation"] or nxt in ("not", "only", "also", "probably")


def _planned_start(tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether the infinitive at token i says when a planned thing starts, ends or is held ("a
    tender offer to begin Thursday", "an accord to take effect Friday"): a plan noun before
    "to" and a verb of schedule after it. Other verbs leave the date to the clause ("approved a
    plan to sell the unit Thursday": most likely approved on Thursday)."""
    if i == 0 or i + 1 >= len(tokens):
        return False
    noun, verb = tokens[i - 1], tokens[i + 1][1]
    scheduled = tense_cues().get(verb) == "scheduled" or verb == "take"
    return noun[1] in _PLAN_NOUNS and noun[0].islower() and scheduled


_REQUEST_VERBS = frozenset(_LX["request_verb"])  # "asked", "urged", "ordered"


def _requested(tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether the infinitive at token i ("to") is what a verb of asking asks of its object
    ("asked the court to rule by Friday", "called on rebels to lay down arms Sunday"): the
    object's words, then the verb, with no clause boundary between."""
    for j in range(i - 2, max(-1, i - 7), -1):
        orig, w = tokens[j]
        if w in _REQUEST_VERBS:
            return True
        if orig in _BOUNDARY_MARKS or w in _BOUNDARY_WORDS or w == "to" or _verb_like(w):
            return False  # "went to Cairo to vote Friday": another verb governs it
    return False


def _verb_like(w: str) -> bool:
    return w in tense_cues() or (len(w) > 4 and w.endswith("ed") and w not in _NOT_VERBS)


_STATE_BREAKS = frozenset(_LX["state_break"])  # "after", "since", "than", "reported"


def _state_on_a_day(tokens: list[tuple[str, str]], i: int, prev: str) -> bool:
    """A present "is"/"are" whose short complement the date ends ("the president is in Chicago
    Friday", "the market is closed Friday"): a state on a day other than today is one still to
    come (of a past day one writes "was"). Not after "what is", nor over a cause, a comparison
    or a report ("are dead after a shooting Friday", "is down from Friday", "are reported
    killed Friday"), nor over a number ("is up 5% Friday")."""
    between = tokens[i + 1 :]
    if between and between[-1][1] in ("until", "till", "through", "on"):
        between = between[:-1]  # the date's own preposition: "the offer is good until Friday"
    if not 1 <= len(between) <= 4 or prev in _COPULA_NOT_SUBJECT:
        return False
    for orig, w in between:
        if w in _STATE_BREAKS or orig in _BOUNDARY_MARKS or orig[:1].isdigit() or orig == ",":
            return False
    return True


def _intent_verb(w: str, prev: str) -> str | None:
    """An intention verb with an object rather than an infinitive ("protesters plan a march on
    Saturday", "the union threatens a strike Monday"): a present form means the future; a bare
    form only after a plural subject or pronoun, and never after a determiner (the noun "plans")."""
    if prev in _DETERMINERS or prev in _AUXILIARIES or w not in _INTENT_OBJECT:
        return None
    if w.endswith("s") or prev in ("they", "we", "i", "you") or prev.endswith("s"):
        return "future"
    return None


def _participle(tokens: list[tuple[str, str]], j: int) -> bool:
    """Whether token j is a past participle ("totalled", "fallen", "been")."""
    if j >= len(tokens):
        return False
    w = tokens[j][1]
    return w == "been" or w.endswith(("ed", "en")) or tense_cues().get(w) == "past"


def _progressive(tokens: list[tuple[str, str]], j: int) -> bool:
    """Whether token j is a present participle ("leaving"), not a noun in -ing ("nothing")."""
    if j >= len(tokens):
        return False
    orig, w = tokens[j]
    return len(w) > 5 and w.endswith("ing") and w not in _ING_NOUNS and orig.islower()


def read(expression: str, context: str | None, offset: int | None = None) -> Clues:
    """The clues ``context`` (the sentence or clause) gives about ``expression``; ``offset``:
    where the expression starts in ``context`` when it occurs there more than once."""
    if not context:
        return Clues()
    if "\u2019" in context or "\u2018" in context:  # typographic apostrophes: "Friday’s", "didn’t"
        context = context.replace("\u2019", "'").replace("\u2018", "'")  # same length: offsets hold
        expression = expression.replace("\u2019", "'").replace("\u2018", "'")
    span = None
    if offset is not None and 0 <= offset < len(context):
        found = _locate(expression, context[offset : offset + len(expression) + 8])
        span = (offset + found[0], offset + found[1]) if found and found[0] == 0 else None
    span = span or _locate(expression, context)
    low = context.lower()
    fiscal = None
    if "fiscal" in low or "financial year" in low:
        m = _fiscal_cues().search(low)
        fiscal = fiscal_years()[m.group(0)] if m else None
    if span is None:
        return Clues(fiscal=fiscal)
    start, end = span
    # a clause is seldom longer than this: tokenise only the windows the scans can reach
    left, right = _tokens(context[max(0, start - 240) : start]), _tokens(context[end : end + 160])
    if start > 240 and left:
        left = left[1:]  # the first token may be cut
    titled = _titled(left, right)
    if titled:  # a headline "Iraq Says It Will Allow Inspections Monday", CAPS
        left, right = [(w, w) for _, w in left], [(w, w) for _, w in right]
    leftwards = range(len(left) - 1, max(-1, len(left) - 1 - _MAX_LEFT), -1)
    prenominal = _prenominal(left, right)
    # a verb right after a bare expression is its own ("the court Saturday ruled"); after a
    # preposition the date belongs to what precedes ("ratification of the contract on Sunday
    # will enable", "a lockout imposed on Dec. 14 would be lifted")
    bare = not left or left[-1][1] not in lexicon()["relation"]
    tense = None if prenominal else _predicative(left)
    if tense is None and bare and right and not prenominal:
        tense = _scan(right, range(1), -1)
    if (
        tense is None
        and right
        and right[0][1] in _DAY_COPULAS
        and not prenominal
        and _day_as_subject(expression, left, right)
    ):
        tense = "future"  # "Tuesday is the deadline": of a past day one writes "was"
    if tense is None and prenominal and _leading_possessive(left, right):
        # "Friday's vote is expected to be close", "In Sunday's election, voters will choose":
        # the clause is about the dated noun, so its verb dates it (after the noun: index 2)
        tense = _scan(right, range(2, min(len(right), _MAX_RIGHT)), -1)
    if tense is None:
        tense = _scan(left, leftwards, 0, only_since=prenominal)
    if (
        tense is None
        and prenominal
        and _dates_an_event(right)
        and _scan(left, leftwards, 0) == "future"
    ):
        # "could lose Tuesday's election", "will attend Sunday's summit": a scheduled event
        # a future or modal verb has as its object is still to come (of a past one the verb
        # says so; a result, "will appeal Friday's ruling", is no scheduled event)
        tense = "future"
    if tense is None and not prenominal and not _stopped_by_verb(left):
        tense = _scan(right, range(min(len(right), _MAX_RIGHT)), -1)
    if tense == "past" and _moved_to(left, right, expression):
        tense = "future"  # "extended the offer to Feb. 28": a new date, after the act
    if tense != "since" and _ahead_of(left, right):
        tense = "future"  # "ahead of Sunday's election": what the clause prepares is to come
    relation = None
    rels = lexicon()["relation"]
    for k in (3, 2, 1):
        if len(left) >= k:
            phrase = " ".join(w for _, w in left[-k:])
            if phrase in rels:
                relation = phrase
                break
    since = tense == "since"
    if tense is None and titled and _headline_infinitive(left):
        tense = "future"  # "Senate To Vote Friday On Budget": a headline's plan
    tense = "past" if since else None if tense == "habitual" else tense
    cause = _cause(left, prenominal)
    return Clues(tense, relation, context[:start], context[end:], fiscal, since, cause)


_DAY_COPULAS = frozenset(_LX["day_copula"])  # "is", "remains": "Tuesday is the deadline"
_SUBJECT_OPENERS = frozenset([",", ";", ":", "that"])


def _day_as_subject(
    expression: str, left: list[tuple[str, str]], right: list[tuple[str, str]]
) -> bool:
    """A weekday that is the subject of a present "is" ("Tuesday is the deadline", "officials
    said Friday is the last day"): a state of a day other than today is one still to come."""
    if not right or right[0][1] not in _DAY_COPULAS:
        return False
    if not any(w in weekday_names() for w in expression.lower().split()):
        return False
    return not left or left[-1][1] in _CLAUSE_OPENERS or left[-1][1] in _SUBJECT_OPENERS


def _headline_infinitive(left: list[tuple[str, str]]) -> bool:
    """Whether a headline's words before the expression are a subject and "to" + a verb with
    no finite verb ("Senate To Vote Friday", "Iraq To Allow Inspections Monday"): headlines
    write a plan so (of a done act they write the present, "Senate Votes")."""
    words = [w for _, w in left]
    if "to" not in words[-4:]:
        return False
    k = len(words) - 1 - words[::-1].index("to")
    return k > 0 and not any(_verb_like(w) or w in _BOUNDARY_WORDS for w in words[:k])


_GOVERNING_PREPOSITIONS = frozenset(_LX["governing_preposition"])  # "died on Jan. 5"
_VERB_PARTICLES = frozenset(_LX["verb_particle"])  # "effect", "office", "off": "took effect"


def governed_by_past(clues: Clues) -> bool:
    """Whether the past tense read for an expression is the verb's right before it ("took
    effect Jan. 1", "died on Jan. 5"), not another verb's ("declared a dividend payable Jan.
    15"), nor a date modifying a noun or after "since"; read again from the clues' words (the
    question is rare: a near date the tense would put in another year)."""
    if clues.tense != "past" or clues.since:
        return False
    left, right = _tokens(clues.before[-240:]), _tokens(clues.after[:160])
    return not _prenominal(left, right) and _governed_by_past(left)


def _governed_by_past(left: list[tuple[str, str]]) -> bool:
    """Whether the word right before the expression (or before its "on", "in", "at", and a
    particle or idiom noun: ``verb_particle`` in lexicon.tsv) is a verb in the past that it
    modifies ("took effect Jan. 1", "rose in December", "died on Jan. 5"):
    that verb's own tense, not another's in the sentence ("declared a dividend payable Jan. 15").
    Not a participle after "be"/"have" ("was set", "has been delayed"), nor a verb that sets or
    moves a date (what is set or moved goes ahead of the act)."""
    k = len(left) - 1
    if k > 0 and left[k][1] in _GOVERNING_PREPOSITIONS:
        k -= 1
    if k > 0 and left[k][1] in _VERB_PARTICLES:
        k -= 1  # "took effect", "took office", "broke off", "stepped down"
    if k < 0:
        return False
    w, prev = left[k][1], left[k - 1][1] if k > 0 else ""
    if prev in _BE_HAVE or w in _SET_VERBS or w in _MOVE_VERBS:
        return False
    return _cue(left, k, k == 0) in ("past", "past?") and w not in _SAME_FORM


_WEAK_CAUSES = frozenset(["after", "following", "amid", "over", "since"])


def _cause(left: list[tuple[str, str]], prenominal: bool) -> str | None:
    """The causal or prior-event preposition whose noun phrase holds the expression: scanning
    back over the phrase ("because of a drop in income [last year]") to the first verb-like
    word, clause boundary or such a preposition. "after", "following", "amid", "over" count
    only for a date inside the noun phrase ("after [last week]'s vote", "over the [March]
    killings"): otherwise they are the expression's own relation ("after Friday")."""
    causes = lexicon()["cause"]
    words = [w for _, w in left[-_MAX_LEFT:]]
    base = len(left) - len(words)
    for i in range(len(words) - 1, -1, -1):
        orig, w = left[base + i]
        for k in (4, 3, 2, 1):
            phrase = " ".join(words[max(0, i - k + 1) : i + 1])
            if i - k + 1 >= 0 and phrase in causes and phrase != "because":
                return phrase if phrase not in _WEAK_CAUSES or prenominal else None
        if orig in _BOUNDARY_MARKS or w in _BOUNDARY_WORDS or orig == ",":
            break
        if w in tense_cues() or (len(w) > 4 and w.endswith("ed")) or w == "to":
            break
    for orig, w in reversed(left[-_MAX_LEFT:]):  # "because wages rose [last year]"
        if w == "because":
            return "because"
        if orig in _BOUNDARY_MARKS or w in _BOUNDARY_WORDS:
            break
    return None


def _prenominal(left: list[tuple[str, str]], right: list[tuple[str, str]]) -> bool:
    """Whether the expression modifies the noun after it ("the Jan. 14 deadline", "for May
    delivery", "the February 27-July 7 shipment period", "Friday's attack"): the clause's verb
    then does not date it."""
    if right and right[0][1] in ("'s", "'"):
        return True
    if not (left and right):
        return False
    orig, nxt = right[0]
    noun_next = (
        orig.isalpha()
        and orig.islower()
        and nxt not in _FUNCTION_WORDS
        and (tense_cues().get(nxt) in (None, "future") and nxt not in _AUXILIARIES)
        and nxt not in _MODALS
        and not nxt.endswith(("ed", "ing", "ly"))
    )
    return noun_next and (left[-1][1] in _PRENOMINAL or left[-1][1] in ("for", "of", "-", "/"))


def _titled(left: list[tuple[str, str]], right: list[tuple[str, str]]) -> bool:
    """Whether the words around the expression are capitalised as in a headline or all in
    capitals, so that a capital says nothing of a name ("Will", "May")."""
    words = [o for o, _ in left[-12:] + right[:8] if o[:1].isalpha() and len(o) > 3]
    return len(words) >= 3 and sum(o[0].isupper() for o in words) >= 0.8 * len(words)


def _predicative(left: list[tuple[str, str]]) -> str | None:
    """The future when the expression is what a present "be" says or a deadline one "has":
    "the deadline is Friday", "the talks are on Monday", "the firm has until Friday to reply" (in
    the past one writes "was"; that the past tense decides already)."""
    words = [w for _, w in left[-3:]]
    if not words:
        return None
    if words[-1] in _COPULAS and len(words) >= 2 and words[-2] not in _COPULA_NOT_SUBJECT:
        return "future"
    if len(words) >= 2 and words[-1] in _COPULA_PREPOSITIONS and words[-2] in _COPULAS:
        return "future"
    if len(words) >= 2 and words[-1] == "until" and words[-2] in ("has", "have", "'s"):
        return "future"
    return None


def _leading_possessive(left: list[tuple[str, str]], right: list[tuple[str, str]]) -> bool:
    """A possessive date that opens its clause ("Friday's vote ...", "In Sunday's election, ...")."""
    if not right or right[0][1] not in ("'s", "'"):
        return False
    rels = lexicon()["relation"]
    if len(left) <= 1 and all(w in rels for _, w in left):
        return True
    # after a reporting verb or a word that opens a clause: "officials said Friday's vote
    # would be close", "but Sunday's rally will test the police"
    k = len(left) - 1 if left[-1][1] not in rels else len(left) - 2
    if k < 0:
        return False
    orig, w = left[k]
    return w in _CLAUSE_OPENERS or w in _BOUNDARY_WORDS or orig in (",", ";", ":")


_CLAUSE_OPENERS = frozenset(_LX["clause_opener"])  # "said", "says": a new clause follows
_EVENT_NOUNS = frozenset(_LX["event_noun"])  # "election", "summit": held on a day set ahead


def _dates_an_event(right: list[tuple[str, str]]) -> bool:
    """A possessive date before a scheduled event's noun ("Tuesday's election", "Sunday's
    summit meeting", "Sunday's presidential election"; not "Sunday's election results")."""
    if len(right) < 2 or right[0][1] not in ("'s", "'"):
        return False
    head = right[1][1]
    if len(right) > 2:  # a compound's last noun is its head: "election results" is no event
        orig, w = right[2]
        if orig.isalpha() and orig.islower() and w not in _FUNCTION_WORDS and w not in tense_cues():
            head = w
    return head in _EVENT_NOUNS


_MOVE_VERBS = frozenset(_LX["move_verb"])  # "extended", "postponed", "delayed"
_MOVE_TARGETS = frozenset(["to", "until", "till", "til", "into"])


_LEVEL_NOUNS = frozenset(_LX["level_noun"])  # "Friday's final", "Friday's close"
_DEGREE_WORDS = frozenset(_LX["degree_word"])  # "well ahead of", "just ahead of"
_PRELUDES = {tuple(w for _, w in _tokens(p)) for p in _LX["prelude"]}  # "ahead of"
_PRELUDE_MAX = max(map(len, _PRELUDES), default=0)
# each prelude's longest word ("ahead", "advance", "run"): one of them must be near
_PRELUDE_HEADS = frozenset(
    max((w for w in p if w not in ("in", "the", "of", "to", "for", "-")), key=len)
    for p in _PRELUDES
)


def _ahead_of(left: list[tuple[str, str]], right: list[tuple[str, str]]) -> bool:
    """Whether the expression is in the noun phrase of "ahead of", "in the run-up to", "in
    preparation for" ("ahead of Sunday's election", "in advance of the Jan. 14 deadline"): the
    dated event is one the clause prepares for, still to come. The scan goes back over the noun
    phrase's words to the phrase, and stops at a verb or a clause boundary. A comparison is
    no prelude: "closed at 72.4, well ahead of Friday's final 71.8" (a degree word before
    "ahead", a level after the date)."""
    if not any(w in _PRELUDE_HEADS for _, w in left[-9:]):
        return False  # the common case: no prelude word near
    words = [w for _, w in left]
    after = [w for _, w in right[:3] if w not in ("'s", "'")]
    if after and after[0] in _LEVEL_NOUNS:
        return False
    for end in range(len(words), max(0, len(words) - 6), -1):
        for k in range(_PRELUDE_MAX, 0, -1):
            if end - k >= 0 and tuple(words[end - k : end]) in _PRELUDES:
                before = words[end - k - 1] if end - k > 0 else ""
                return not (before in _DEGREE_WORDS or before[:1].isdigit())
        if end < len(words):
            orig, w = left[end]
            if orig in _BOUNDARY_MARKS or w in _BOUNDARY_WORDS or orig == "," or _a_verb(w):
                return False
    return False


def _a_verb(w: str) -> bool:
    """A word that is a verb whatever else it could be: a past or present form, a modal or an
    auxiliary, a regular past form (not "vote", "report": nouns as often)."""
    cue = tense_cues().get(w)
    return (
        cue in ("past", "past-fixed", "present")
        or w in _MODALS
        or w in _AUXILIARIES
        or (len(w) > 4 and w.endswith("ed") and w not in _NOT_VERBS)
    )


def _a_day(expression: str) -> bool:
    """Whether the expression names a day (a weekday or a day number), not a month or year."""
    if _DAY_NUMBER.search(expression):
        return True
    return any(w in weekday_names() for w in expression.lower().replace(",", " ").split())


_DAY_NUMBER = re.compile(r"(?<![\d.])\d{1,2}(?:st|nd|rd|th)?\b")


def _moved_to(
    left: list[tuple[str, str]], right: list[tuple[str, str]] | None = None, expression: str = ""
) -> bool:
    """Whether the expression is the new date a deadline or meeting was moved to ("extended the
    offer to Feb. 28", "postponed the vote until Friday") or the date something was set for
    ("called a general strike for Thursday", "were rescheduled for Monday"): a verb of moving
    or setting in the clause and "to"/"until"/"for" right before the date. What was moved or
    set goes ahead of the act, so a past verb does not put the date in the past. Not a
    possessive: "arrested him for Thursday's attack" names a past event."""
    if not left:
        return False
    target = left[-1][1]
    if target == "for":  # a day set for: "for January" is as often the month data cover
        verbs = _SET_VERBS
        if (right and right[0][1] in ("'s", "'")) or not _a_day(expression):
            return False
    elif target in _MOVE_TARGETS:
        verbs = _MOVE_VERBS
    else:
        return False
    for orig, w in reversed(left[-9:-1]):
        if orig in _BOUNDARY_MARKS or w in _BOUNDARY_WORDS:
            return False
        if w in verbs:
            return True
    return False


_SET_VERBS = frozenset(_LX["set_verb"])  # "scheduled", "called", "set" (a strike for Monday)


def _stopped_by_verb(left: list[tuple[str, str]]) -> bool:
    """Whether a present-tense or infinitive verb sits before the expression in its clause, so
    that the words after it belong to another verb."""
    for orig, w in reversed(left[-_MAX_LEFT:]):
        if orig in _BOUNDARY_MARKS or w in _BOUNDARY_WORDS:
            return False
        if tense_cues().get(w) == "present" or w == "to":
            return True
    return False
