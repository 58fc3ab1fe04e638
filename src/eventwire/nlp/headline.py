"""Headline repair: a present-tense headline verb the small model read as a noun.

Captions and headlines report past events in the present tense with no auxiliary ("Riot police
chase demonstrators in Tunis", "Troops storm rebel stronghold"). The small model often reads
the verb as one more noun of a noun phrase ("riot police chase demonstrators" as one compound),
so the sentence's root is a noun and it codes nothing (or only its second verb: "police fire
tear gas and arrest students"). The same words in the past tense ("riot
police chased demonstrators") parse as a clause. So, in a sentence whose root is no verb, a word that is
the present form of an event verb, right after a plural noun, a name or a role word and before
a word that can open its object, is put in the past tense and the text parsed again. The new
text differs from the old only in those words; ``Rewrite.back`` maps its offsets to the old
text's, so events keep their true spans and sentences.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from eventwire.nlp.lemmas import irregular_forms

VERBAL = {"VERB", "AUX"}
SUBJECT_TAGS = {"NNS", "NNPS", "NNP"}  # "militants", "Taliban", "Israel"
OBJECT_OPENERS = {"DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON"}


@dataclass(frozen=True)
class Rewrite:
    """A text with some words changed, and how to find the old offsets from the new."""

    text: str
    changes: tuple[tuple[int, int, int], ...]  # (start in new text, new length, old length)
    words: dict[str, str]  # new word -> old word

    def back(self, pos: int) -> int:
        """The old text's offset for an offset of the new text."""
        k = bisect.bisect_right([c[0] for c in self.changes], pos) - 1
        shift = sum(n - o for _, n, o in self.changes[: max(k, 0)])
        if k < 0:
            return pos
        start, new_len, old_len = self.changes[k]
        if pos < start + new_len:  # inside the changed word
            return start - shift + min(pos - start, old_len - 1)
        return pos - shift - (new_len - old_len)


def past_form(lemma: str) -> str:
    """A past-tense form of a verb: irregular from the model's table ("took", not "taken"
    where the table has both), else by the spelling rules of "-ed"."""
    forms = sorted(irregular_forms(lemma), key=lambda f: (f.endswith("n"), len(f), f))
    if forms:
        return forms[0]
    w = lemma
    if w.endswith("e"):
        return w + "d"
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ied"
    return w + "ed"


def _candidates(sent: Any, verbs: Collection[str], is_actor: Callable[[Any], bool]) -> list[Any]:
    toks = list(sent)
    if sent.root.pos_ in VERBAL:  # the sentence has its main verb
        return []
    for k in range(1, len(toks) - 1):
        t, before, after = toks[k], toks[k - 1], toks[k + 1]
        if t.pos_ != "NOUN" or not t.text.isalpha() or t.tag_ not in ("NN", "NNS", "VBZ", "VBP"):
            continue
        lemma = t.lemma_.lower()
        if lemma not in verbs or t.lower_ not in (lemma, lemma + "s", lemma + "es"):
            continue
        if after.pos_ not in OBJECT_OPENERS:
            continue
        if before.tag_ in SUBJECT_TAGS or (before.pos_ == "NOUN" and is_actor(before)):
            return [t, *_coordinated(toks[k + 1 :], verbs)]
    return []


def _coordinated(rest: list[Any], verbs: Collection[str]) -> list[Any]:
    """Present verbs coordinated with the headline verb ("fire tear gas and arrest
    students"): past tense too, so both are read as one subject's acts."""
    out = []
    for k in range(1, len(rest)):
        t = rest[k]
        if (
            rest[k - 1].lower_ == "and"
            and t.tag_ in ("VB", "VBP", "NN")
            and t.lemma_.lower() in verbs
            and t.lower_ == t.lemma_.lower()
        ):
            out.append(t)
    return out


def rewrite_headlines(
    doc: Any, verbs: Collection[str], is_actor: Callable[[Any], bool]
) -> Rewrite | None:
    """The document's text with each verbless sentence's headline verb in the past tense, or
    None when no sentence needs it."""
    hits = [t for s in doc.sents for t in _candidates(s, verbs, is_actor)]
    if not hits:
        return None
    text = doc.text
    out: list[str] = []
    changes: list[tuple[int, int, int]] = []
    words: dict[str, str] = {}
    last = 0
    new_pos = 0
    for t in hits:
        new = past_form(t.lemma_.lower())
        if t.text[:1].isupper():
            new = new[:1].upper() + new[1:]
        out.append(text[last : t.idx])
        new_pos += t.idx - last
        changes.append((new_pos, len(new), len(t.text)))
        out.append(new)
        new_pos += len(new)
        words[new] = t.text
        last = t.idx + len(t.text)
    out.append(text[last:])
    return Rewrite(text="".join(out), changes=tuple(changes), words=words)
