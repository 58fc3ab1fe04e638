"""Lemma repair: irregular verb forms the small model's lemmatizer leaves as they are.

spaCy's rule lemmatizer returns the word itself when the tagger takes a past form for a base
form ("retook" tagged VB stays "retook"), and its exception table does not hold every prefixed
irregular verb ("outfought", "overrode"). The coder's tables are keyed on lemmas, so these verbs
matched no row. Two facts mend it, both data: the model's own table of irregular verb forms, and
the prefixes English builds new verbs with (``data/nlp/verb_prefixes.txt``). A verb whose lemma
is its own form takes the table's lemma for the form, or for the form without a prefix.

``irregular_forms(lemma)`` runs the other way, for the pre-filter: every irregular form the
table gives for a lemma, with its prefix kept.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from spacy.language import Language

DATA = Path(__file__).resolve().parent.parent / "data" / "nlp"
COMPONENT = "eventwire_lemma_repair"
VERBAL = {"VERB", "AUX"}
PAST = {"VBD", "VBN"}  # tags that say the form is not a base form
PRESENT = {"VB", "VBP"}


def _env_dirs() -> list[Path]:
    return [Path(p) for p in os.environ.get("EVENTWIRE_NLP", "").split(os.pathsep) if p]


@functools.lru_cache(maxsize=1)
def verb_prefixes() -> tuple[str, ...]:
    """The prefixes, longest first, so "under" is tried before "un"."""
    out: set[str] = set()
    for d in (DATA, *_env_dirs()):
        p = d / "verb_prefixes.txt"
        if not p.exists():
            continue
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            w = line.strip().lower()
            if not w or w.startswith("#"):
                continue
            if not w.isalpha():
                raise ValueError(f"{p}:{n}: a prefix is one word of letters, got {line.strip()!r}")
            out.add(w)
    return tuple(sorted(out, key=lambda w: (-len(w), w)))


def _table(name: str) -> Any:
    from eventwire.nlp import get_nlp

    try:
        return get_nlp().get_pipe("lemmatizer").lookups.get_table(name)["verb"]
    except (KeyError, ValueError):  # pragma: no cover - a model without the table
        return {}


@functools.lru_cache(maxsize=1)
def verb_exceptions() -> dict[str, str]:
    """Irregular form -> lemma, from the English model's own lemmatizer tables."""
    verbs = _table("lemma_exc")
    return {form: lemmas[0] for form, lemmas in verbs.items() if lemmas and form != lemmas[0]}


@functools.lru_cache(maxsize=1)
def verb_bases() -> frozenset[str]:
    """Words that are verbs' base forms ("found", "lay", "wound"): a tag of VB on these is
    believed, so "will found a party" keeps "found"."""
    return frozenset(_table("lemma_index"))


def lemma_of(form: str) -> str | None:
    """The lemma of an irregular verb form, directly or after a prefix ("outfought" -> outfight;
    not "rebound", itself a verb); None when unknown."""
    exc = verb_exceptions()
    w = form.lower()
    if w in exc:
        return exc[w]
    if w in verb_bases():
        return None
    for p in verb_prefixes():
        rest = w[len(p) :]
        if w.startswith(p) and len(rest) >= 3 and rest in exc:
            return p + exc[rest]
    return None


@functools.lru_cache(maxsize=1)
def _forms_by_lemma() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for form, lemma in verb_exceptions().items():
        out.setdefault(lemma, set()).add(form)
    return {k: frozenset(v) for k, v in out.items()}


def irregular_forms(lemma: str) -> frozenset[str]:
    """Irregular forms of a verb lemma ("retake" -> retook, retaken), prefix kept."""
    w = lemma.lower()
    table = _forms_by_lemma()
    if w in table:
        return table[w]
    for p in verb_prefixes():
        rest = w[len(p) :]
        if w.startswith(p) and len(rest) >= 3 and rest in table:
            return frozenset(p + f for f in table[rest])
    return frozenset()


def repair(doc: Any) -> Any:
    """Give verbs left with their own form as lemma the lemma of their irregular form, and
    the past tag to such a form tagged as a present ("they retook", tagged VBP)."""
    bases = verb_bases()
    for tok in doc:
        if tok.pos_ not in VERBAL:
            continue
        if tok.lemma_.lower() != tok.lower_:
            silent = _silent_e(tok.lower_, tok.lemma_.lower(), bases)
            if silent:
                tok.lemma_ = silent
            continue
        if tok.tag_ in PAST or tok.lower_ not in bases:
            lemma = lemma_of(tok.lower_)
            if lemma:
                tok.lemma_ = lemma
                if tok.tag_ in PRESENT and not tok.lower_.endswith(("s", "ing")):
                    tok.tag_ = "VBD"  # a past form the tagger took for a present one
    return doc


VOWELS = set("aeiou")


def _silent_e(form: str, lemma: str, bases: frozenset[str]) -> str | None:
    """The lemma with its silent "e" when the rules stripped it from a regular form: English
    doubles a short vowel's single final consonant before "-ed", "-ing" ("hop": hopped,
    hopping), so "hoped", "hoping", "hopes" come from "hope", not "hop" (also taped, stared,
    scared, rated, coped). None when the form is no such case."""
    if len(lemma) < 3 or form not in (lemma + "ed", lemma + "ing", lemma + "es"):
        return None
    a, b, c = lemma[-3], lemma[-2], lemma[-1]
    if a in VOWELS or b not in VOWELS or c in VOWELS or c in "wxy":
        return None
    return lemma + "e" if lemma + "e" in bases else None


@Language.component(COMPONENT)
def _lemma_repair(doc: Any) -> Any:
    return repair(doc)
