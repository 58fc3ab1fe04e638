"""A cheap pre-filter: keep only the sentences that could carry an event, before parsing.

A sentence is kept when it holds a word form of an event trigger (any inflection of a pattern's
lemma) and a possible actor (a capitalised word past the first, or a pronoun). Sentence bounds
come from a regex splitter; kept sentences are parsed as one text, with an offset map back to the
article body so that events keep their true character spans.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eventwire.nlp.lemmas import irregular_forms

SENT_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
PRONOUNS = {"he", "she", "it", "they", "we", "its", "their", "his", "her"}
# abbreviations that end with a period but not a sentence
ABBREV = re.compile(
    r"\b(?:U\.S|U\.N|U\.K|E\.U|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sen|Rep|Gov|St|Jr|Sr|No|"
    r"Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Corp|Co|Ltd)\.$"
)

IRREGULAR = {
    "meet": ["met"],
    "make": ["made"],
    "hold": ["held"],
    "take": ["took", "taken"],
    "give": ["gave", "given"],
    "fight": ["fought"],
    "send": ["sent"],
    "seek": ["sought"],
    "lead": ["led"],
    "leave": ["left"],
    "hit": ["hit"],
    "shoot": ["shot"],
    "win": ["won"],
    "say": ["said"],
    "tell": ["told"],
    "begin": ["began", "begun"],
    "break": ["broke", "broken"],
    "bring": ["brought"],
    "buy": ["bought"],
    "sell": ["sold"],
    "strike": ["struck", "stricken"],
    "throw": ["threw", "thrown"],
    "keep": ["kept"],
    "lay": ["laid"],
    "pay": ["paid"],
    "speak": ["spoke", "spoken"],
    "forgive": ["forgave", "forgiven"],
    "withdraw": ["withdrew", "withdrawn"],
    "undertake": ["undertook", "undertaken"],
    "overthrow": ["overthrew", "overthrown"],
    "beat": ["beaten"],
    "forbid": ["forbade", "forbidden"],
    "steal": ["stole", "stolen"],
    "seize": ["seized"],
    "arise": ["arose"],
    "flee": ["fled"],
    "bind": ["bound"],
    "shut": ["shut"],
    "cut": ["cut"],
    "put": ["put"],
    "set": ["set"],
    "let": ["let"],
    "quit": ["quit"],
    "spread": ["spread"],
    "bear": ["bore", "borne"],
    "swear": ["swore", "sworn"],
    "drive": ["drove", "driven"],
    "ride": ["rode"],
    "rise": ["rose", "risen"],
    "go": ["went", "gone"],
    "come": ["came"],
    "run": ["ran"],
    "see": ["saw", "seen"],
    "find": ["found"],
    "feel": ["felt"],
    "stand": ["stood"],
    "understand": ["understood"],
    "teach": ["taught"],
    "catch": ["caught"],
    "think": ["thought"],
    "slay": ["slew", "slain"],
    "blow": ["blew", "blown"],
    "draw": ["drew", "drawn"],
    "freeze": ["froze", "frozen"],
    "shake": ["shook", "shaken"],
    "wage": ["waged"],
    "hang": ["hung", "hanged"],
    "sink": ["sank", "sunk"],
    "tear": ["tore", "torn"],
    "wear": ["wore", "worn"],
    "write": ["wrote", "written"],
    "forsake": ["forsook"],
    "grant": ["granted"],
    "be": ["is", "are", "was", "were", "been"],
    "have": ["has", "had"],
    "do": ["does", "did", "done"],
}


def inflections(lemma: str) -> set[str]:
    """Regular and irregular word forms of a verb or noun lemma (a superset is fine)."""
    w = lemma.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w + "d"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    if w.endswith("is"):
        out.add(w[:-2] + "es")  # crisis -> crises
    out.update(IRREGULAR.get(w, ()))
    out |= irregular_forms(w)
    return out


@dataclass
class Selection:
    """Kept sentences as one text, and the map from its offsets back to the body's."""

    text: str
    pieces: list[tuple[int, int, int]]  # (offset in text, start in body, length)
    kept: int
    total: int

    def to_body(self, pos: int) -> int:
        k = bisect.bisect_right(self._offsets, pos) - 1  # the piece holding pos (log time)
        if k < 0:
            return pos
        off, start, length = self.pieces[k]
        return start + min(pos - off, length)

    @functools.cached_property
    def _offsets(self) -> list[int]:
        return [off for off, _, _ in self.pieces]


def split_sentences(body: str) -> list[tuple[int, int]]:
    """Cheap sentence bounds: (start, end) character offsets."""
    out = []
    start = 0
    for m in SENT_END.finditer(body):
        if ABBREV.search(body[max(0, m.start() - 6) : m.start()]):
            continue
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(body):
        out.append((start, len(body)))
    return [(s, e) for s, e in out if body[s:e].strip()]


MONTHS_AS_VERBS = {"March", "May"}  # capitalised, these are months, not events


@dataclass(frozen=True)
class CueIndex:
    """Word forms that can start an event: ``free`` forms suffice alone; a ``guarded`` form
    needs, for one of its rows, every word of ``all_of`` and one of ``any_of`` (when given) in
    the same sentence ("set" is a cue with "fire" or "deadline" beside it, not alone)."""

    free: frozenset[str]
    # form -> per row: (the forms of each word all required, the forms one of which is required)
    guarded: dict[str, tuple[tuple[tuple[frozenset[str], ...], frozenset[str]], ...]]

    def __contains__(self, form: object) -> bool:
        return form in self.free or form in self.guarded

    def hit(self, low_words: list[str]) -> bool:
        have = set(low_words)
        for w in low_words:
            if w in self.free:
                return True
            for all_of, any_of in self.guarded.get(w, ()):
                if all(not f.isdisjoint(have) for f in all_of) and (
                    not any_of or not any_of.isdisjoint(have)
                ):
                    return True
        return False


def cue_index(rows: Iterable[tuple[str, Iterable[str], Iterable[str]]]) -> CueIndex:
    """A ``CueIndex`` from (head lemma, words all required, words one of which is required)
    per trigger row: a row with no required words makes its head's forms free."""
    free: set[str] = set()
    guarded: dict[str, list[tuple[tuple[frozenset[str], ...], frozenset[str]]]] = {}
    for head, all_of, any_of in rows:
        req_all = tuple(frozenset(inflections(w)) for w in dict.fromkeys(all_of))
        req_any = frozenset(f for w in any_of for f in inflections(w))
        for form in inflections(head):
            if not req_all and not req_any:
                free.add(form)
            else:
                guarded.setdefault(form, []).append((req_all, req_any))
    return CueIndex(
        free=frozenset(free),
        guarded={k: tuple(v) for k, v in guarded.items() if k not in free},
    )


def select(
    body: str,
    cue_forms: set[str] | frozenset[str] | CueIndex,
    is_actor: Callable[[list[str]], bool] | None = None,
) -> Selection:
    """The sentences that could carry an event: a trigger word form (with the words its row
    needs, for a ``CueIndex``) and a possible actor (``is_actor`` on the sentence's words;
    without it, a capitalised word past the first)."""
    spans = split_sentences(body)
    pieces = []
    parts = []
    off = 0
    for s, e in spans:
        sent = body[s:e]
        words = WORD.findall(sent)
        if isinstance(cue_forms, CueIndex):
            if not cue_forms.hit([w.lower() for w in words if w not in MONTHS_AS_VERBS]):
                continue
        elif not any(w.lower() in cue_forms and w not in MONTHS_AS_VERBS for w in words):
            continue
        low = [w.lower() for w in words]
        if is_actor is not None:
            if not is_actor(words):
                continue
        elif not (any(w[0].isupper() for w in words[1:]) or any(w in PRONOUNS for w in low)):
            continue
        pieces.append((off, s, e - s))
        parts.append(sent)
        off += len(sent) + 2
    return Selection(text="\n\n".join(parts), pieces=pieces, kept=len(pieces), total=len(spans))


# prepositions and particles are parts of multi-word triggers ("sit in" for a sit-in), never a
# sign of one on their own: a sentence with "in" is not a candidate for that
FUNCTION_WORDS = frozenset(
    {"in", "on", "at", "of", "to", "for", "up", "out", "off", "down", "by", "with", "from", "over",
     "into", "the", "a", "an", "and", "or"}
)  # fmt: skip


def cue_forms_of(lemmas: Iterable[str]) -> set[str]:
    forms: set[str] = set()
    for lemma in lemmas:
        for part in lemma.split():
            if part not in FUNCTION_WORDS:
                forms |= inflections(part)
    return forms
