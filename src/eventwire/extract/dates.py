"""Publication-time parsing for byline blocks: "Thursday, 20 March 2014 17:50 GMT" -> ISO 8601."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}  # fmt: skip
FILLERS = {"at", "on", "the", "of", "local", "time", "hrs", "h"}

# Fixed offsets in minutes. Ambiguous-by-season zones (ET, PT, MSK, ...) use ZONES instead.
TZ_OFFSETS = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "west": 60, "bst": 60, "cet": 60, "cest": 120,
    "eet": 120, "eest": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480,
    "hst": -600, "ist": 330, "pkt": 300, "ict": 420, "wib": 420, "hkt": 480, "sgt": 480,
    "pht": 480, "awst": 480, "jst": 540, "kst": 540, "aest": 600, "aedt": 660,
    "nzst": 720, "nzdt": 780, "sast": 120, "cat": 120, "eat": 180, "wat": 60, "gst": 240,
    "irst": 210, "trt": 180,
}  # fmt: skip
ZONES = {
    "et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver",
    "pt": "America/Los_Angeles", "msk": "Europe/Moscow",
}  # fmt: skip

_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
_TOKEN = re.compile(
    r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?|\d{1,2}\s*[ap]\.?m\b\.?)"
    r"|(?P<offset>(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?|(?<![\w-])[+-]\d{2}:?\d{2}\b)"
    r"|(?P<word>[a-z]+)\.?"
    r"|(?P<num>\d+)(?:st|nd|rd|th)?\b"
    r"|(?P<sep>[\s,|/·•–—()\-:;]+)",
    re.IGNORECASE,
)
_HAS_TIME = re.compile(r"\d{1,2}[:.]\d{2}|\d\s*[ap]\.?m\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}[./-]\d{1,2}[./-]\d{1,2}\b")
DEFAULT_LANGUAGES = ("en", "fr", "es", "de", "pt", "it", "ru", "uk", "ar", "tr")


def _offset(text: str) -> timezone:
    m = re.search(r"([+-])\s*(\d{1,2})(?::?(\d{2}))?$", text)
    assert m
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    return timezone(timedelta(minutes=-minutes if m.group(1) == "-" else minutes))


def _iso(text: str) -> str | None:
    m = _ISO.match(text)
    if not m:
        return None
    y, mo, d, hh, mi, ss, tz = m.groups()
    try:
        if hh is None:
            return datetime(int(y), int(mo), int(d)).date().isoformat()
        dt = datetime(int(y), int(mo), int(d), int(hh), int(mi), int(ss or 0))
    except ValueError:
        return None
    if tz:
        dt = dt.replace(tzinfo=UTC if tz.upper() in ("Z", "UTC", "GMT") else _offset(tz))
    return dt.isoformat(timespec="seconds")


def _time(text: str) -> tuple[int, int, int] | None:
    nums = [int(n) for n in re.findall(r"\d+", text)]
    hh, mi, ss = (nums + [0, 0])[:3]
    ampm = re.search(r"([ap])\.?\s?m", text, re.IGNORECASE)
    if ampm:
        if not 1 <= hh <= 12:
            return None
        hh = hh % 12 + (12 if ampm.group(1).lower() == "p" else 0)
    if hh > 23 or mi > 59 or ss > 59:
        return None
    return hh, mi, ss


def _parse_parts(text: str) -> str | None:
    """Parse a line made only of date, time, weekday and time-zone tokens."""
    year = month = day = None
    clock = None
    tz: timezone | ZoneInfo | None = None
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() != pos:
            return None  # a character no token accepts
        pos = m.end()
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "sep":
            continue
        if kind == "time":
            if clock is not None:
                return None
            clock = _time(value)
            if clock is None:
                return None
        elif kind == "offset":
            tz = _offset(value)
        elif kind == "word":
            word = value.lower()
            if word in MONTHS and month is None:
                month = MONTHS[word]
            elif word in TZ_OFFSETS and tz is None:
                tz = timezone(timedelta(minutes=TZ_OFFSETS[word]))
            elif word in ZONES and tz is None:
                tz = ZoneInfo(ZONES[word])
            elif word not in WEEKDAYS and word not in FILLERS:
                return None
        elif kind == "num":
            n = int(value)
            if len(value) == 4 and 1900 <= n <= 2100 and year is None:
                year = n
            elif len(value) <= 2 and 1 <= n <= 31 and day is None:
                day = n
            else:
                return None
    if pos != len(text) or None in (year, month, day):
        return None
    try:
        if clock is None:
            return datetime(year, month, day).date().isoformat()  # type: ignore[arg-type]
        dt = datetime(year, month, day, *clock)  # type: ignore[arg-type]
    except ValueError:
        return None
    if tz is not None:
        dt = dt.replace(tzinfo=tz)
        if isinstance(tz, ZoneInfo):
            dt = dt.astimezone(timezone(dt.utcoffset() or timedelta(0)))
    return dt.isoformat(timespec="seconds")


def _dateparser(text: str, languages: list[str]) -> str | None:
    import dateparser  # only needed when the simple parser gives up

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    try:
        dt = dateparser.parse(text, languages=languages, settings=settings)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        return None
    if dt is None:
        return None
    if not _HAS_TIME.search(text):
        return dt.date().isoformat()
    return dt.isoformat(timespec="seconds")


def parse_published(
    text: str,
    *,
    label_re: re.Pattern[str] | None = None,
    fallback: bool = True,
    languages: list[str] | tuple[str, ...] = DEFAULT_LANGUAGES,
) -> str | None:
    """Parse a publication date/time line to ISO 8601, or None if it is not one.

    "Thursday, 20 March 2014 17:50 GMT" -> "2014-03-20T17:50:00+00:00"; a date without a
    time gives "YYYY-MM-DD"; a time without a zone gives a naive "YYYY-MM-DDTHH:MM:SS".
    ``label_re`` strips a leading label ("Published:"); ``fallback`` tries dateparser (in
    ``languages``) on short lines with a year or numeric date that the built-in parser
    rejects, e.g. "20.03.2014 17:50" or "20 mars 2014"."""
    line = " ".join(text.split())
    labelled = False
    if label_re is not None:
        line, labelled = label_re.subn("", line)
    line = line.strip(" .,|")
    if not line or not any(c.isdigit() for c in line):
        return None
    found = _iso(line) or _parse_parts(line)
    if found or not fallback or not _worth_dateparser(line, bool(labelled)):
        return found
    return _dateparser(line, list(languages))


def _worth_dateparser(line: str, labelled: bool) -> bool:
    """Only date-looking lines go to dateparser (slow): a numeric date, or a year in a short
    or labelled line ("20 mars 2014", "Publié le 3 mai 2024 à 10h")."""
    words = len(line.split())
    if _NUMERIC_DATE.search(line):
        return words <= 8
    return bool(_YEAR.search(line)) and (words <= 5 or (labelled and words <= 8))
