"""The cue word before each place: what the name is to its sentence ("in", "near",
"visited", "by"), a list's later names taking its first's cue, and distances ("340 km north of
Baghdad": ``DISTANCE`` beyond ``FAR_KM``, else "near")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventwire.model import Place
from eventwire.places.scan import cue_sets

DISTANCE = "km-of"  # the cue of a name a distance is measured from ("340 km north of Baghdad")
FAR_KM = 100.0  # farther than this from a town, an act is placed in its country only
_WORD_BACK = re.compile(r"([A-Za-z]+)[^\w]*$")
_LIST_GAP = frozenset({", ", " and ", ", and ", " or ", " and the ", ", the "})


def _word_before(text: str, start: int) -> str:
    """The word before ``start``, skipping "the" and the direction words of ``skip``
    ("in the southern X" -> "in"), lower case; "" at the start of the text."""
    skip = cue_sets()["skip"]
    at = start
    for _ in range(4):
        m = _WORD_BACK.search(text, max(0, at - 30), at)
        if m is None:
            return ""
        w = m.group(1).lower()
        if w not in skip:
            return w
        at = m.start()
    return ""


_NUMBER_BACK = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*-?\s*([A-Za-z]+)\W+(?:[a-z]+\W+){0,2}of\W+(?:the\W+)?"
    r"(?:[a-z]+\W+){0,3}$"
)
_MILES = frozenset({"mile", "miles", "mi"})


def _word_right_before(text: str, start: int) -> str:
    """The word right before ``start`` (nothing skipped), lower case; "" at the start."""
    m = _WORD_BACK.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m is not None else ""


def _distance(text: str, start: int, unit: str) -> str:
    """The cue of a name a distance is measured from: ``DISTANCE`` when it is far ("340 km
    north of Baghdad": more than ``FAR_KM``), "near" when it is close ("some 40 kms east of
    Johannesburg") or not given ("kilometres north of"); "" after any other word."""
    if unit not in cue_sets()["distance_units"]:
        return ""
    m = _NUMBER_BACK.search(text, max(0, start - 80), start)
    if m is None or m.group(2).lower() != unit:
        return "near"
    km = float(m.group(1).replace(",", "")) * (1.609 if unit in _MILES else 1.0)
    return DISTANCE if km > FAR_KM else "near"


def _cues_before(text: str, places: Sequence[Place]) -> dict[int, str]:
    """For each place (by start), the cue word before it that says what the name is to the
    sentence: a locative ("in", "near", "visited", "the streets of"), a doer ("by"). A name in a
    list takes the cue of the list's first ("in Australia and New Zealand")."""
    c = cue_sets()
    known = c["cues"] | c["verbal_cues"] | c["visit_cues"] | c["agent_cues"] | {DISTANCE}
    out: dict[int, str] = {}
    prev: Place | None = None
    for p in places:
        if p.start is None or p.end is None:
            continue
        w = _word_before(text, p.start)
        if w == "of":
            head = _word_before(text, text.rfind("of", 0, p.start))
            # "the town of X" is in X; "340 km north of X" is only measured from X
            parts = c["place_nouns"] | c["part_nouns"]  # "the peaks of northeastern Iraq"
            one = head[:-3] + "y" if head.endswith("ies") else head.removesuffix("s")
            area = head in parts or one in parts  # "the states of Sao Paulo and Parana"
            w = "in" if area else _distance(text, p.start, head)
            if (
                not w
                and _word_right_before(text, text.rfind("of", 0, p.start)) in c["compass_words"]
            ):
                w = "near"  # "the tanker was hit south of Kharg": no distance given
        if w in known:
            out[p.start] = w
        elif (
            prev is not None
            and prev.start in out
            and prev.end is not None
            and text[prev.end : p.start] in _LIST_GAP
        ):
            out[p.start] = out[prev.start]
        prev = p
    return out
