"""The pipeline: ingest -> extract -> parse -> code, streamed in batches.

Each stage is a function of its input; this module only wires them together and turns any
document-level failure into an ``IngestError`` so that one bad document never stops a run.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from eventwire.model import Article, DocResult, IngestError, RawDocument

CHUNK = 64  # documents read ahead and parsed together


@functools.lru_cache(maxsize=1)
def cue_forms():
    """The event triggers' word forms for the sentence pre-filter (``nlp.prefilter.CueIndex``):
    a row's head word, with the other words its row needs (the rest of a multi-word lemma, the
    particle, one of its objects): "set" is a cue beside "fire" or "deadline", not alone."""
    from eventwire.nlp.prefilter import FUNCTION_WORDS, cue_index

    ps = get_coder().ps
    rows = []
    # only rows that code an event by themselves: "said", "have", "make" alone never do
    for p in ps.by_id.values():
        if not p.code or p.has("neutral"):
            continue
        words = p.lemma.split()
        # (a particle, even "up" or "in", must be there: "rose up", not "prices rose")
        all_of = [w for w in (*p.mods, *words[:-1]) if w not in FUNCTION_WORDS]
        if p.particle:
            all_of.append(p.particle)
        any_of = [o.split()[-1] for o in p.objects]
        rows.append((words[-1], all_of, any_of))
    return cue_index(rows)


@functools.lru_cache(maxsize=1)
def actor_probe():
    """A cheap test for "these words may name an actor": a dictionary phrase of up to three
    capitalised words, a role or sector word ("police", "troops"), a personal pronoun, or the
    word of an act whose doer goes without saying ("arrested": see ``agentless.tsv``)."""
    from eventwire.nlp.prefilter import cue_forms_of

    coder = get_coder()
    lex = coder.actors.lex
    pronouns = {"he", "she", "they", "we"}
    # acts whose doer goes without saying ("two men were arrested"): their words imply an actor
    implied = frozenset(
        cue_forms_of(
            p.lemma for p in coder.ps.by_id.values() if p.code and coder.ps.agentless_sector(p.code)
        )
    )
    # business and media alone do not make political news; adjectives that are also roles
    # ("general", "local") say nothing either
    skip_sectors = {"BUS", "MED"}
    vague = {"general", "local", "national", "public", "official"}

    def political(e: object) -> bool:
        return e is not None and getattr(e, "sector", None) not in skip_sectors

    def is_actor(words: list[str]) -> bool:
        n = len(words)
        for i, w in enumerate(words):
            low = w.lower()
            if low in pronouns or low in implied:
                return True
            if low not in vague:
                sec = lex.sector_of(low)
                if sec is not None and sec[0] not in skip_sectors:
                    return True
            if w[:1].isupper():
                for j in range(i + 1, min(n, i + 3) + 1):
                    if political(lex.lookup(" ".join(words[i:j]))):
                        return True
        return False

    return is_actor


@functools.lru_cache(maxsize=1)
def get_coder():
    from eventwire.coding.engine import Coder

    return Coder()


def read_articles(
    inputs: Sequence[str], input_format: str | None = None
) -> Iterator[Article | IngestError]:
    """Ingest and extract: articles, or errors naming the input."""
    from eventwire.ingest import iter_inputs

    yield from _extract_all(iter_inputs(list(inputs), input_format))


def code_items(
    items: Iterable[Article | IngestError],
    *,
    batch_size: int = 32,
    n_process: int = 1,
    prefilter: bool = True,
) -> Iterator[DocResult | IngestError]:
    """Parse and code articles in batches; errors pass through in order.

    With ``prefilter`` only the sentences holding an event cue and a possible actor are parsed
    (``nlp.prefilter``); event spans still point into the full body."""
    from eventwire.nlp import mask_dateline, parse_many
    from eventwire.nlp.prefilter import select
    from eventwire.nlp.truecase import restore_case

    get_coder()  # loaded once, before the first chunk
    cues = cue_forms() if prefilter else frozenset()
    probe = actor_probe() if prefilter else None
    it = iter(items)
    while True:
        chunk = list(islice(it, CHUNK))
        if not chunk:
            return
        texts = []
        maps = {}
        for k, a in enumerate(chunk):
            if not isinstance(a, Article):
                continue
            body = restore_case(mask_dateline(a.body))  # same length: offsets hold
            if prefilter:
                sel = select(body, cues, probe)
                maps[k] = sel.to_body
                texts.append((sel.text, k))
            else:
                texts.append((body, k))
        done: dict[int, DocResult | IngestError] = {}
        for doc, k in parse_many(texts, batch_size=batch_size, n_process=n_process):
            art = chunk[k]
            try:
                done[k] = DocResult(article=art, events=code_parsed(doc, art, maps.get(k)))
            except Exception as exc:  # noqa: BLE001
                done[k] = IngestError(
                    origin=art.origin or art.doc_id, message=f"coding failed: {exc}", stage="code"
                )
        for k, item in enumerate(chunk):
            yield done.get(k, item)  # type: ignore[misc]


def _extract_all(items: Iterable[RawDocument | IngestError]) -> Iterator[Article | IngestError]:
    from eventwire.extract import extract_document

    for item in items:
        if isinstance(item, IngestError):
            yield item
            continue
        try:
            yield extract_document(item)
        except Exception as exc:  # noqa: BLE001 - reported per document, the run goes on
            yield IngestError(origin=item.origin, message=str(exc), stage="extract")


def _work(
    chunk: list[RawDocument | IngestError], batch_size: int = 32
) -> list[DocResult | IngestError]:
    """One worker's share: extract, pre-filter, parse and code a chunk of documents. Should
    the chunk fail as a whole (the parser raising on one text), each document is done alone,
    so the failure is an error for that document only."""
    try:
        return list(code_items(_extract_all(chunk), batch_size=batch_size))
    except Exception:  # noqa: BLE001 - isolated below, document by document
        out: list[DocResult | IngestError] = []
        for item in chunk:
            try:
                out.extend(code_items(_extract_all([item]), batch_size=batch_size))
            except Exception as exc:  # noqa: BLE001 - reported per document, the run goes on
                origin = getattr(item, "origin", None) or getattr(item, "doc_id", None) or "?"
                out.append(
                    IngestError(origin=origin, message=f"parsing failed: {exc}", stage="code")
                )
        return out


def _warm() -> None:
    get_coder()
    cue_forms()
    actor_probe()
    from eventwire.nlp import get_nlp
    from eventwire.nlp.truecase import case_names
    from eventwire.places import get_gazetteer

    get_nlp()
    get_gazetteer()  # the places stage's index, shared by forked workers
    case_names()  # the case restorer's names, likewise


@dataclasses.dataclass
class Skipped:
    """A document left out before parsing (already stored, or a kept older version)."""

    doc_id: str
    origin: str
    reason: str = "already stored"


# given a chunk of raw documents, the ones not to parse: index -> what to yield instead
Screen = Callable[[list[RawDocument]], dict[int, "Skipped | IngestError"]]


def _dead_chunk(
    chunk: list[RawDocument | IngestError], why: str = "died twice"
) -> list[DocResult | IngestError]:
    """What a document that killed its worker (twice), or a chunk that stuck it, becomes: an
    error for each document."""
    if why == "died twice":
        why = "died on this document, twice (killed, out of memory or crashed)"
    else:
        why = f"{why} on this document's chunk (a worker stuck)"
    msg = f"worker process {why}"
    return [
        item
        if isinstance(item, IngestError)
        else IngestError(origin=item.origin or item.doc_id or "?", message=msg, stage="worker")
        for item in chunk
    ]


def _screened(
    raw: Iterator[RawDocument | IngestError], size: int, screen: Screen | None
) -> Iterator[tuple[list, list]]:
    """Chunks of ``raw`` as (to parse, kept aside with their positions)."""
    while chunk := list(islice(raw, size)):
        docs = [(k, d) for k, d in enumerate(chunk) if isinstance(d, RawDocument)]
        aside = screen([d for _, d in docs]) if screen and docs else {}
        out = {docs[i][0]: item for i, item in aside.items()}
        yield [d for k, d in enumerate(chunk) if k not in out], sorted(out.items())


def _merge(results: list, aside: list) -> Iterator:
    """Results of the parsed documents with the screened-out ones back in their places."""
    it = iter(results)
    k = 0
    for pos, item in aside:
        while k < pos:
            yield next(it)
            k += 1
        yield item
        k += 1
    yield from it


def run(
    inputs: Sequence[str],
    input_format: str | None = None,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    screen: Screen | None = None,
    chunk_timeout: float | None = 1800.0,
) -> Iterator[DocResult | IngestError | Skipped]:
    """Everything from inputs to coded documents.

    ``screen`` sees each chunk of raw documents before parsing and names those to leave out
    (a resumed ingest skips stored documents). With ``n_process`` > 1 whole chunks go to worker
    processes that each hold the model and dictionaries (loaded once, before forking):
    extraction, parsing and coding all run in parallel and only small results travel back, in
    input order. A worker that dies (killed, out of memory, crashed) or takes longer than
    ``chunk_timeout`` seconds on a chunk never hangs the run: its chunk is retried once in a
    fresh worker, then recorded as errors (``ingest/pool.py``)."""
    from eventwire.ingest import iter_inputs

    raw = iter_inputs(list(inputs), input_format)
    if n_process <= 1:
        for todo, aside in _screened(raw, CHUNK, screen):
            yield from _merge(_work(todo, batch_size) if todo else [], aside)
        return
    from eventwire.ingest.pool import ordered_map

    _warm()  # load once in the parent; forked workers share the memory
    parts = _screened(raw, CHUNK // 2, screen)
    held: deque = deque()

    def todo_chunks() -> Iterator[list]:
        for todo, aside in parts:
            held.append(aside)
            yield todo

    for results in ordered_map(_work, todo_chunks(), n_process, _dead_chunk, timeout=chunk_timeout):
        yield from _merge(results, held.popleft())


def code_article(article: Article) -> DocResult:
    """Code one article (the Python API's path)."""
    from eventwire.ingest.sniff import scrub_text
    from eventwire.nlp import mask_dateline, parse
    from eventwire.nlp.truecase import restore_case

    if not isinstance(article.body, str):
        raise TypeError(f"an article body must be a string, got {type(article.body).__name__}")
    body, fixed = scrub_text(article.body)
    if fixed:  # lone surrogates (no encoder takes them): replaced, same length
        article = dataclasses.replace(article, body=body)
    doc = parse(restore_case(mask_dateline(article.body)))
    return DocResult(article=article, events=code_parsed(doc, article))


@functools.lru_cache(maxsize=1)
def _headline_words() -> tuple[frozenset[str], Callable[[Any], bool]]:
    """The event verbs a headline can hold, and a test for a word that can be their subject."""
    coder = get_coder()
    lex = coder.actors.lex

    def is_actor(tok: Any) -> bool:
        return lex.sector_of(tok.lemma_.lower()) is not None or lex.lookup(tok.text) is not None

    return frozenset(coder.ps.verbs), is_actor


def code_parsed(doc: Any, article: Article, to_body: Callable[[int], int] | None = None):
    """Code a parsed document. A verbless headline sentence whose verb the model read as a
    noun ("Riot police chase demonstrators") is parsed again with that verb in the past tense
    (``nlp.headline``); offsets and trigger words are mapped back to the article's."""
    from eventwire.nlp import parse
    from eventwire.nlp.headline import rewrite_headlines

    coder = get_coder()
    verbs, is_actor = _headline_words()
    rw = rewrite_headlines(doc, verbs, is_actor)
    if rw is None:
        return coder.code_doc(doc, article, to_body=to_body)
    inner = to_body

    def back(pos: int) -> int:
        old = rw.back(pos)
        return inner(old) if inner is not None else old

    events = coder.code_doc(parse(rw.text), article, to_body=back)
    for e in events:
        e.trigger = rw.words.get(e.trigger, e.trigger)
    return events
