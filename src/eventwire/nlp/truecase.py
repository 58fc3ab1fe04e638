"""Case restoration: lower-case archives and ALL-CAPS wire copy written the way the tagger reads.

spaCy's small model learnt English from newswire case: in "police arrested vasant patel in
ahmedabad" or "POLICE ARREST 20 IN CAIRO" it misses names and places and mistags verbs. Before
parsing, a text whose case carries no information is rewritten in newswire case, one character for
one character, so every offset still points into the article body (only the parse sees the
restored text; events keep the body's own words):

- sentence starts and the pronoun "I" are capitalised;
- names the dictionaries know are capitalised: countries, demonyms, capitals, groups and people
  (``actors``), places of the gazetteer (``places``) that are not ordinary English words
  (``data/nlp/common_words.txt``: "police" is a town in Poland, and a noun); acronyms of groups
  ("bjp", "un") are written in capitals;
- words after a title (``data/nlp/titles.txt``: "president", "commissioner", "mr") that are not
  ordinary English words are a person's name ("chairman biman bose" -> "chairman Biman Bose");
- in ALL-CAPS text, short words that are not English words stay in capitals (acronyms);
- a Title Case line in otherwise normal text (a headline: "Senate Approves Aid Package") has its
  ordinary words lower-cased.

Normal text is returned unchanged.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.dates import month_names, weekday_names

DATA = Path(__file__).resolve().parent.parent / "data" / "nlp"
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
# a sentence starts at the text's start, after . ! ? (and closing quotes), after a line break,
# and after a dateline's colon or dash at a paragraph's start ("kolkata: the first ...")
SENT_START = re.compile(
    r"(?:^|[.!?][\"'”’)\]]*\s+|\n\s*|^[^\n:]{1,40}:\s+)[\"'“‘(\[]*(?=[A-Za-z])", re.MULTILINE
)
# connecting words inside multi-word names keep their case ("Bosnia and Herzegovina")
NAME_LINKS = frozenset({"of", "and", "the", "de", "la", "el", "al", "du", "da", "von", "van", "on"})
MAX_NAME_WORDS = 4
# "march" and "may" are verbs too: a month only beside a day number or after a time word
AMBIGUOUS_MONTHS = frozenset({"march", "may", "mar", "jan", "dec"})
MONTH_CUES = frozenset(
    [
        "in",
        "on",
        "since",
        "until",
        "till",
        "by",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "of",
        "from",
        "to",
        "during",
    ]
)


@dataclass(frozen=True)
class CaseNames:
    """What the restorer knows: ordinary words, names, acronyms (all lower case)."""

    common: frozenset[str]
    single: frozenset[str]  # one-word names
    multi: dict[str, frozenset[tuple[str, ...]]]  # first word -> names of 2..4 words
    acronyms: frozenset[str]
    titles: frozenset[str] = frozenset()  # words after which unknown words are a name


def case_profile(text: str) -> str:
    """ "lower" (next to no capitals), "upper" (mostly capitals) or "mixed"."""
    words = [w for w in WORD.findall(text[:20000]) if len(w) > 1]
    if len(words) < 4:
        return "mixed"
    caps = sum(1 for w in words if w.isupper())
    initial = sum(1 for w in words if w[0].isupper())
    if caps / len(words) > 0.6:
        return "upper"
    if initial / len(words) < 0.02:
        return "lower"
    return "mixed"


def restore_case(text: str, names: CaseNames | None = None) -> str:
    """``text`` in newswire case, the same length; unchanged unless it is all lower or all
    upper case, or holds Title Case lines."""
    profile = case_profile(text)
    if profile == "mixed":
        return _title_lines(text, names)
    names = names or case_names()
    chars = list(_lower(text) if profile == "upper" else text)
    spans = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
    words = [w for _, _, w in spans]
    i = 0
    while i < len(spans):
        n = _name_at(words, i, names)
        if n:
            for k in range(i, i + n):
                if words[k] not in NAME_LINKS or k == i:
                    _cap(chars, spans[k][0])
            i += n
            continue
        w = words[i]
        start, end = spans[i][0], spans[i][1]
        hyphenated = _hyphenated(text, start, end)
        if w in names.acronyms and w not in names.common and not hyphenated:
            _upper(chars, start, end)
        elif profile == "upper" and len(w) <= 4 and w not in names.common and w.isascii():
            _upper(chars, start, end)  # an acronym the dictionaries do not know: "VHP"
        elif (
            w == "i"
            or w in weekday_names()
            or (w in month_names() and _is_month(words, spans, i, text))
        ):
            _cap(chars, start)
        elif w in names.titles and i + 1 < len(spans):
            k = i + 1
            while k < len(spans) and k <= i + 3 and _unknown(words[k], names, text, spans[k]):
                _cap(chars, spans[k][0])
                k += 1
            i = max(i + 1, k)
            continue
        i += 1
    for m in SENT_START.finditer(text):
        _cap(chars, m.end())
    return "".join(chars)


def _is_month(words: list[str], spans: list[tuple[int, int, str]], i: int, text: str) -> bool:
    """ "on march 3", "3 march", "in march": a month; "protesters march" is not."""
    if words[i] not in AMBIGUOUS_MONTHS:
        return True
    after = text[spans[i][1] : spans[i][1] + 3].strip()
    before = text[max(0, spans[i][0] - 4) : spans[i][0]].strip()
    return (
        (after[:1].isdigit())
        or (before[-1:].isdigit())
        or (i > 0 and words[i - 1] in MONTH_CUES and words[i] != "may")
    )


def _name_at(words: list[str], i: int, names: CaseNames) -> int:
    """How many words from ``i`` make a known name (0 if none)."""
    first = words[i]
    for cand in sorted(names.multi.get(first, ()), key=len, reverse=True):
        if tuple(words[i : i + len(cand)]) == cand:
            return len(cand)
    if first in names.single and first not in names.common:
        return 1
    return 0


def _unknown(word: str, names: CaseNames, text: str, span: tuple[int, int, str]) -> bool:
    """A word that is no ordinary English word: part of a name ("biman", "bose", "k")."""
    return (len(word) == 1 or word not in names.common) and not _hyphenated(text, span[0], span[1])


def _hyphenated(text: str, start: int, end: int) -> bool:
    """ "lathi-charged": a word joined to another by a hyphen is not a name on its own."""
    return (start > 0 and text[start - 1] == "-") or (
        end < len(text) and text[end : end + 1] == "-"
    )


def _cap(chars: list[str], i: int) -> None:
    if i < len(chars):
        up = chars[i].upper()
        if len(up) == 1:
            chars[i] = up


def _upper(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        _cap(chars, i)


def _lower(text: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _title_lines(text: str, names: CaseNames | None) -> str:
    """Headline-style lines ("Senate Approves Aid Package for Flood Victims") with their
    ordinary words lower-cased; other text untouched."""
    if "\n" not in text and len(text) > 200:
        return text
    out = None
    pos = 0
    for line in text.split("\n"):
        words = WORD.findall(line)
        long_words = [w for w in words if len(w) > 3]
        if (
            3 <= len(words) <= 20
            and not line.rstrip().endswith((".", "?", "!", '"', "”"))
            and long_words
            and sum(1 for w in long_words if w[0].isupper() and not w.isupper()) / len(long_words)
            >= 0.8
        ):
            names = names or case_names()
            out = out if out is not None else list(text)
            for k, m in enumerate(WORD.finditer(line)):
                w = m.group()
                low = w.lower()
                if (
                    k
                    and w[0].isupper()
                    and not w.isupper()
                    and low in names.common
                    and _name_at([low], 0, names) == 0
                    and low not in names.multi
                ):
                    out[pos + m.start()] = w[0].lower()
        pos += len(line) + 1
    return "".join(out) if out is not None else text


def _env_dirs() -> list[Path]:
    return [Path(d) for d in os.environ.get("EVENTWIRE_NLP", "").split(os.pathsep) if d]


def _read_words(path: Path) -> set[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.strip().lower()
        if w and not w.startswith("#"):
            words.add(w)
    return words


@functools.lru_cache(maxsize=1)
def case_names() -> CaseNames:
    """Ordinary words (``data/nlp/common_words.txt`` plus users' in ``EVENTWIRE_NLP``), and
    the names of the actor dictionaries and the gazetteer. Built once per process."""
    from eventwire.actors.lexicon import load_lexicon

    common: set[str] = set()
    titles: set[str] = set()
    for d in (DATA, *_env_dirs()):
        p = d / "common_words.txt"
        if p.exists():
            common |= _read_words(p)
        t = d / "titles.txt"
        if t.exists():
            titles |= _read_words(t)
    lex = load_lexicon()
    phrases = set(lex.phrases)
    try:
        from eventwire.places import get_gazetteer

        g = get_gazetteer()
        places = {k for k in (*g.index, *getattr(g, "aliases", {})) if k.isascii()}
    except Exception:  # noqa: BLE001 - names from the actor dictionaries still serve
        places = set()
    single: set[str] = set()
    multi: dict[str, set[tuple[str, ...]]] = {}
    for name in phrases | places:
        ws = tuple(name.split())
        if not ws or not all(w.isalpha() for w in ws):
            continue
        if len(ws) == 1:
            if name in phrases or len(name) >= 4:
                single.add(name)
        elif len(ws) <= MAX_NAME_WORDS and (name in phrases or not all(w in common for w in ws)):
            multi.setdefault(ws[0], set()).add(ws)
    # country names, demonyms and capitals are names even where English has the word ("china")
    single_strong = {
        k for k, e in lex.phrases.items() if " " not in k and e.kind in ("country", "adjective")
    }
    return CaseNames(
        common=frozenset(common - single_strong),
        single=frozenset(single),
        multi={k: frozenset(v) for k, v in multi.items()},
        acronyms=frozenset(k for k in getattr(lex, "_acronyms", {}) if k.isalpha()),
        titles=frozenset(titles),
    )
