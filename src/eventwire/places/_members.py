"""Member seats: a story filed from the seat of a body where governments act as members
(``data/places/member_seats.tsv``: GATT at Geneva, the EC at Brussels, OPEC at Vienna) that
names the body reports what the members said and agreed there (``at_member_seat``)."""

from __future__ import annotations

import re

from eventwire.model import Place
from eventwire.places.build import data_file
from eventwire.places.doers import seat_table
from eventwire.places.gazetteer import Gazetteer

_SEATS: dict[int, tuple[re.Pattern[str], dict[str, int]]] = {}


def member_seats(g: Gazetteer) -> tuple[re.Pattern[str], dict[str, int]]:
    """``member_seats.tsv`` as one case-sensitive pattern of whole names and name -> seat's
    id (the table reader of ``bodies.tsv``, ``doers.seat_table``)."""
    return seat_table(g, data_file("member_seats.tsv"), _SEATS)


def at_member_seat(text: str, dateline: Place | None, g: Gazetteer) -> bool:
    """The dateline is the seat of a member body the text names ("GENEVA - ... GATT")."""
    if dateline is None or not dateline.geonameid:
        return False
    pattern, seats = member_seats(g)
    return any(str(g.gid[seats[m.group()]]) == dateline.geonameid for m in pattern.finditer(text))
