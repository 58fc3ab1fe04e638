"""eventwire: raw news in, political event data out (CAMEO/PLOVER, with provenance).

Python API for notebooks::

    import eventwire
    art = eventwire.extract(open("page.html", "rb").read(), url="https://...")
    for ev in eventwire.code(art):
        print(ev.to_dict())
    data = eventwire.open("eventwire.duckdb")   # the stored events, read-only
    data.series("RUS", "UKR", by="week").df()
"""

from __future__ import annotations

import datetime as _dt

from eventwire.model import Actor, Article, Event, IngestError, Place, RawDocument

__version__ = "0.1.0"
__all__ = [
    "Actor",
    "Article",
    "Event",
    "IngestError",
    "Place",
    "RawDocument",
    "__version__",
    "code",
    "extract",
    "geoparse",
    "open",
    "resolve_date",
]


def extract(data: bytes | str, *, url: str | None = None) -> Article:
    """Extract the article body and metadata from a page (HTML) or crawler-saved text."""
    from eventwire.extract import extract as _extract

    return _extract(data, url=url)


def code(text_or_article: str | Article, *, date: str | _dt.date | None = None) -> list[Event]:
    """Code a text (or an extracted article) into events. ``date`` anchors relative dates."""
    from eventwire.pipeline import code_article

    if isinstance(text_or_article, Article):
        art = text_or_article
        if date is not None:
            art = Article(**{**art.__dict__, "published": str(date)})
    else:
        from eventwire.ingest import doc_id_for

        art = Article(
            doc_id=doc_id_for(text_or_article),
            body=text_or_article,
            published=str(date) if date is not None else None,
        )
    return code_article(art).events


def resolve_date(
    expression: str,
    anchor: _dt.date | _dt.datetime | str | None,
    *,
    future: bool | None = None,
    context: object = None,
    offset: int | None = None,
):
    """A ``DateResult`` for a time expression (it unpacks as ``(date, precision)``), or None.

    ``anchor`` is the publication time (None: only absolute dates resolve); ``context`` the
    sentence or clause, whose tense and prepositions decide past/future and point/period
    (``.kind == "period"`` for "since 1979", "until March", "by Dec. 15"); ``offset`` where the
    expression starts in it; ``future=True/False`` forces a reading. See
    ``eventwire.dates.DateResult``."""
    from eventwire.dates import resolve_date as _resolve

    return _resolve(expression, anchor, future=future, context=context, offset=offset)


def geoparse(text: str) -> list[Place]:
    """Toponyms in ``text`` resolved offline, with character offsets."""
    from eventwire.places import geoparse as _geoparse

    return _geoparse(text)


def open(path="eventwire.duckdb", *, wait: float = 10.0):
    """A read-only view of a stored database for notebooks: ``.events(...)``, ``.series(...)``,
    ``.top_actors()``, ``.top_dyads()``, ``.country(code)``, ``.alerts()``, ``.sql(query)``;
    each returns records (``.records()``), Arrow (``.arrow()``) or pandas (``.df()``). While an
    ingest writes a batch, opening waits up to ``wait`` seconds, then raises ``StoreLocked``."""
    from eventwire.analytics import open_db

    return open_db(path, wait=wait)
