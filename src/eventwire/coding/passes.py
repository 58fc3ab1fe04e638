"""Registered passes: conventions of your own, run on every coded event, without editing code.

Data files cover most conventions (``data/patterns/*.tsv``: patterns, cues, agentless acts,
actor recodes). A convention that needs code is a *pass*: a function that gets each event the
coder emitted, with the parsed sentence and the article, and returns the event (changed or not)
or None to drop it. Passes run in the order they were registered, after the coder's own passes,
and ``eventwire explain`` shows what each one did::

    from eventwire.coding import passes

    @passes.register("no-anonymous-sources")
    def drop_unknown(event, sentence, article):
        return None if event.source.code.startswith("---") else event

Installed packages can register passes too, through the ``eventwire.passes`` entry-point group
(each entry point names a function taking and returning as above; its name is the pass's name),
as datasette plugins do.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from eventwire.model import Article, Event

Pass = Callable[[Event, Any, Article], "Event | None"]
_REGISTRY: dict[str, Pass] = {}


def register(name: str) -> Callable[[Pass], Pass]:
    """Decorator: run ``fn`` on every coded event under ``name`` (a later one replaces it)."""
    if not name or not isinstance(name, str):
        raise ValueError("a pass needs a name")

    def deco(fn: Pass) -> Pass:
        _REGISTRY[name] = fn
        return fn

    return deco


def unregister(name: str) -> None:
    """Stop running the pass ``name`` (no error if it is not registered)."""
    _REGISTRY.pop(name, None)


def registered() -> list[str]:
    """Names of the passes that run, in order (entry-point passes included)."""
    _load_entry_points()
    return list(_REGISTRY)


@functools.lru_cache(maxsize=1)
def _load_entry_points() -> None:
    from importlib.metadata import entry_points

    for ep in entry_points(group="eventwire.passes"):
        if ep.name not in _REGISTRY:
            _REGISTRY[ep.name] = ep.load()


def run_passes(
    events: list[Event], doc: Any, article: Article, trace: Callable[[str], None] | None = None
) -> list[Event]:
    """``events`` after every registered pass; a pass that fails leaves the event as it was
    and says so in the trace."""
    _load_entry_points()
    if not _REGISTRY:
        return events
    sents = list(doc.sents)
    out = []
    for ev in events:
        sent = sents[ev.sentence_index] if ev.sentence_index < len(sents) else None
        for name, fn in list(_REGISTRY.items()):
            try:
                new = fn(ev, sent, article)
            except Exception as exc:  # noqa: BLE001 - a user's pass must not lose the document
                if trace:
                    trace(f"pass {name}: failed ({exc!r}), event kept as it was")
                continue
            if new is None:
                if trace:
                    trace(f"pass {name}: dropped {ev.source.code} {ev.cameo} ('{ev.trigger}')")
                ev = None
                break
            if trace and (new.cameo, new.source.code) != (ev.cameo, ev.source.code):
                trace(f"pass {name}: {ev.source.code} {ev.cameo} -> {new.source.code} {new.cameo}")
            ev = new
        if ev is not None:
            out.append(ev)
    return out
