"""Member seats: a story filed from the seat of a body where governments act as members
(``data/places/member_seats.tsv``: GATT at Geneva, the EC at Brussels, OPEC at Vienna) that
names the body reports what the members said and agreed there (``at_member_seat``)."""

from __future__ import annotations

import re

from eventwire.data_files import DataError
from eventwire.model import Place
from eventwire.places.build import data_file, read_tsv
from eventwire.places.gazetteer import KIND_CODES, KINDS, Gazetteer

_SEATS: dict[int, tuple[re.Pattern[str], dict[str, int]]] = {}


def member_seats(g: Gazetteer) -> tuple[re.Pattern[str], dict[str, int]]:
    """``member_seats.tsv`` as one case-sensitive pattern of whole names and name -> seat's
    id; a seat the gazetteer lacks is an error naming the file and line."""
    got = _SEATS.get(id(g))
    if got is not None:
        return got
    path = data_file("member_seats.tsv")
    seats: dict[str, int] = {}
    for n, row in read_tsv(path):
        if len(row) < 4 or row[3] not in KIND_CODES:
            raise DataError(f"expected body, canonical, iso3, kind ({'|'.join(KINDS)})", path, n)
        i = g._find(row[1], row[2], KIND_CODES[row[3]])
        if i is None:
            raise DataError(f"no {row[3]} {row[1]!r} in {row[2]}", path, n)
        seats[row[0]] = i
    if not seats:
        raise DataError("no bodies", path)
    names = sorted(seats, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    _SEATS[id(g)] = got = (pattern, seats)
    return got


def at_member_seat(text: str, dateline: Place | None, g: Gazetteer) -> bool:
    """The dateline is the seat of a member body the text names ("GENEVA - ... GATT")."""
    if dateline is None or not dateline.geonameid:
        return False
    pattern, seats = member_seats(g)
    return any(str(g.gid[seats[m.group()]]) == dateline.geonameid for m in pattern.finditer(text))
