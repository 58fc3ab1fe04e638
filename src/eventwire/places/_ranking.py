"""How well a sentence's place says where its event happened (``_order``), what a verbal or
joint act counts as its place (``_act_cue``, ``_joint``), and the place of an act in a relayed
report (``_relayed_place``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from eventwire.model import Place
from eventwire.places._docplaces import _RANK, DocPlaces, country_place
from eventwire.places.scan import cue_sets


def _inside(fine: Place, coarse: Place) -> bool:
    """``fine`` is a town or division inside the country or division ``coarse``."""
    if fine.country != coarse.country or _RANK.get(fine.precision, 5) >= _RANK.get(
        coarse.precision, 5
    ):
        return False
    return coarse.precision == "country" or (
        coarse.precision == "admin1" and fine.admin1 is not None and fine.admin1 == coarse.admin1
    )


def _with(place: Place, rule: str) -> tuple[Place, str]:
    p = dataclasses.replace(place, rule=rule)
    return p, rule


def _cue(p: Place, cues: dict[int, str]) -> str | None:
    return cues.get(p.start) if p.start is not None else None


def _order(p: Place, countries: Sequence[str], cues: dict[int, str]) -> tuple[int, int, int]:
    """How well a sentence's place says where its event happened, smaller first: a place
    after a locative cue ("in", "near", "into", "visited"), then the others (also "from X",
    "to X": an origin, a recipient), then a doer's name ("captured by Israel"); then one in an actor's country; then the finer."""
    cue = _cue(p, cues)
    c = cue_sets()
    neutral = c["origin_cues"] | c["direction_cues"]
    role = 2 if cue in c["agent_cues"] else 1 if not cue or cue in neutral else 0
    return role, p.country not in countries, _RANK.get(p.precision, 5)


def _joint(cameo: str) -> bool:
    """A meeting, talks, an agreement or a signing: codes starting as ``joint_codes``."""
    return any(cameo.startswith(k) for k in cue_sets()["joint_codes"])


def _act_cue(p: Place, cues: dict[int, str], said_at: frozenset[int] | None, cameo: str) -> bool:
    """A verbal act's place is one its sentence gives as where it was made ("said in Tokyo",
    "told a news conference in Madrid"; ``DocPlaces.said_at`` when the text was parsed); for
    a consultation (root 04) also where a visit went ("visited Washington")."""
    c = cue_sets()
    cue = _cue(p, cues)
    if cue is None:
        return False
    if cameo[:2] == "04" and cue in c["visit_cues"]:
        return True
    return cue in c["verbal_cues"] and (said_at is None or p.start in said_at)


def _relayed_place(
    usable: Sequence[Place],
    countries: Sequence[str],
    dateline: Place,
    cues: dict[int, str],
    doc_places: DocPlaces | None,
) -> tuple[Place | None, str | None]:
    """An act in a relayed report by actors of another country than the dateline's (the
    dateline is only where the report was monitored): a place the sentence gives after a
    locative cue ("in", "across the peaks of"), wherever it is; else one it names outside the
    dateline's country; else, for a material act (``doc_places`` given), the story's dominant
    country when it is not the dateline's (the war reported from London is in Iraq); else the
    speaker's or doer's country."""
    cued = [p for p in usable if _order(p, countries, cues)[0] == 0]
    if cued:  # "Iran attacked across the peaks of northeastern Iraq", reported from Baghdad
        return _with(min(cued, key=lambda p: _order(p, countries, cues)), "sentence-place")
    abroad = [p for p in usable if p.country != dateline.country]
    if abroad:
        return _with(min(abroad, key=lambda p: _order(p, countries, cues)), "sentence-place")
    dominant = doc_places.dominant_country if doc_places is not None else None
    if dominant and dominant != dateline.country:
        p = country_place(dominant)
        if p is not None:
            return _with(p, "story-country")
    for c in countries:
        p = country_place(c)
        if p is not None:
            return _with(p, "actor-country")
    return _with(dateline, "dateline")
