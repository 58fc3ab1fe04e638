"""Plain typed data that flows between pipeline stages.

Every stage takes and returns these dataclasses; nothing here does I/O.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj


class _ToDict:
    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class RawDocument(_ToDict):
    """One document as read from an input, before extraction.

    ``content`` is text (``format`` "text") or HTML (``format`` "html"); ``origin`` names the
    input for messages ("news/a.html", "dump.jsonl:12", "crawl.warc.gz#3", "<stdin>").
    Metadata given by the container (JSONL fields, WARC headers) rides along.
    """

    content: str
    format: str  # "text" | "html"
    origin: str
    doc_id: str | None = None
    title: str | None = None
    date: str | None = None  # publication date/time as given (ISO preferred)
    source: str | None = None
    url: str | None = None


@dataclass
class IngestError(_ToDict):
    """A bad input or document: reported, stored in ``ingest_errors``, never fatal to a run."""

    origin: str
    message: str
    line: int | None = None
    stage: str = "ingest"

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.message}"


@dataclass
class Article(_ToDict):
    """An extracted news article: clean body text plus metadata."""

    doc_id: str
    body: str
    title: str | None = None
    source: str | None = None  # agency or site, e.g. "Reuters"
    published: str | None = None  # ISO 8601, e.g. "2014-03-20T17:50:00+00:00"
    author: str | None = None
    dateline: str | None = None  # e.g. "UNITED NATIONS"
    url: str | None = None
    origin: str | None = None
    format: str | None = None
    outlet: str | None = None  # who published this copy: "The Guardian", "Reuters"
    outlet_domain: str | None = None  # its registered domain: "theguardian.com"
    agency: str | None = None  # wire agency the story came from, kept beside the outlet


@dataclass
class Actor(_ToDict):
    """A CAMEO actor: ``code`` = country/group + sector, e.g. RUSMIL, IGOUNO, USAGOV, WST."""

    code: str
    country: str | None = None  # CAMEO country/region code (RUS, WST) or None for IGOs
    sector: str | None = None  # GOV, MIL, LEG, ... or None
    text: str = ""  # the words in the sentence that named the actor
    kind: str = "country"  # country | region | igo | ngo | group | person
    name: str | None = None  # canonical name for people and groups
    # where the country came from when the text did not name it with the actor: "place" (the
    # phrase's own locative), "sentence" (the one country the sentence names), "dateline",
    # "story" (the country the story is about), "unknown" (``---``: no country known)
    country_from: str | None = None
    place: Place | None = None  # where the text puts the actor ("police in Kisumu": GDELT ActorGeo)


@dataclass
class Place(_ToDict):
    """A resolved toponym. ``country`` is ISO 3166 alpha-3."""

    name: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "city"  # country | admin1 | admin2 | city | region
    text: str = ""  # surface form in the text
    start: int | None = None  # character offsets in the text geoparsed
    end: int | None = None
    geonameid: str | None = None
    feature_class: str | None = None  # GeoNames class: A (country, division), P (town), L
    admin1_code: str | None = None  # GDELT ADM1Code form: FIPS country + GeoNames code (USTX)
    admin2: str | None = None  # second-level division (county, district) name
    rule: str | None = None  # which rule chose an event's place (eventwire.places.event_place)


@dataclass
class Event(_ToDict):
    """One coded event with full provenance."""

    doc_id: str
    event_id: str
    source: Actor
    target: Actor | None
    cameo: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None = None
    modality: str = "asserted"  # asserted|intent|planned|negated|denied|hypothetical|threat|demand
    date: str | None = None  # YYYY-MM-DD
    date_text: str | None = None
    date_precision: str | None = None  # day|month|year
    location: Place | None = None
    sentence: str = ""
    sentence_index: int = 0
    span: tuple[int, int] = (0, 0)  # character span of the sentence in the article body
    trigger: str = ""  # the words that carried the event
    rule: str = ""  # id of the pattern that fired
    confidence: float = 0.0
    speaker: Actor | None = None  # who reported it, for reported speech

    def to_dict(self) -> dict[str, Any]:
        d = _plain(self)
        d["span"] = list(self.span)
        if self.location is not None:
            loc = d["location"]
            d["location"] = {
                k: loc[k] for k in ("name", "country", "admin1", "lat", "lon", "precision")
            }
            # GeoNames detail for the GDELT Geo blocks, only when known
            for k in ("geonameid", "feature_class", "admin1_code", "admin2", "rule"):
                if loc.get(k) is not None:
                    d["location"][k] = loc[k]
        return d


@dataclass
class DocResult(_ToDict):
    """What coding one document produced."""

    article: Article
    events: list[Event] = field(default_factory=list)
