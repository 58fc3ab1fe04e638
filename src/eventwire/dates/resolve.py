"""``resolve_date``: a time expression, the anchor (publication time) and optionally the
sentence around it, to a ``DateResult``.

How the year (or week) of an expression that does not give one is chosen:

* ``future=True`` / ``future=False`` force the old modes: the first such date on or after the
  anchor (a day's slack), or the last on or before it (a week's slack: "talks set for March 24"
  in a March 20 story);
* otherwise the tense of the expression's clause in ``context`` decides ("will vote Tuesday",
  "stepped down in March"); "since" means the past;
* with no tense cue, a date or month is the occurrence nearest the anchor (within half a year,
  past on a tie), the rule TimeML-trained resolvers use, and a bare weekday is the latest one
  (news reports what happened).

Absolute dates ("on 15 April 2023", "March 3, 1999", "1979") need no anchor: with
``anchor=None`` they resolve and everything relative returns None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from eventwire.dates import calendar as cal
from eventwire.dates.choose import PAST_MODE_SLACK_DAYS, to_date
from eventwire.dates.choose import century as _century
from eventwire.dates.choose import choose as _choose
from eventwire.dates.choose import explicit as _fallback
from eventwire.dates.choose import month_of as _month_of
from eventwire.dates.choose import year_earlier as _year_earlier
from eventwire.dates.context import _DETERMINERS, Clues, _verb_like, governed_by_past, read
from eventwire.dates.find import find_date_expressions
from eventwire.dates.grammar import Spec, _strip_prefixes, normalise, parse
from eventwire.dates.result import DateResult
from eventwire.dates.tables import lexicon, words

NEAR_DAYS = 62  # a day within two months of the anchor ("payable April 28" in mid-March)
# a month next to the anchor's: a bare month name is a near one (of the far one news writes
# "last April" or "next February"), and the tense read may be another verb's ("warned Tokyo its
# promised economic package in April must be significant" in a March story)
NEAR_MONTHS_DAYS = 31
NEAR_DEADLINE_DAYS = 92
_DEADLINES = frozenset(
    [
        "until",
        "till",
        "by",
        "through",
        "before",
        "prior to",
        "up to",
        "no later than",
        "not later than",
    ]
)


_MONTHS: dict[str, int] = {**words()["months"], **words()["month_abbreviations"]}
_MONTHISH = re.compile(
    r"\b(?:" + "|".join(m.title() for m in sorted(_MONTHS, key=len, reverse=True)) + r"|month)\b"
)
_ENDS = re.compile(
    r"^\s*,?\s*(?:that\s+|which\s+)?(?:will\s+)?(?:ends?|ending|closes|closing|(ended|closed))"
    r"\s+(?:on\s+|in\s+)?(([A-Za-z]+)\.?(?:\s+\d{1,2}\b)?(?:,?\s+(?:19|20)\d\d\b)?)",
)


def _fiscal_end(
    spec: Spec, a: date | None, clues: Clues
) -> tuple[tuple[int, str], int | None] | None:
    """A fiscal year whose end the sentence names right after it ("the fiscal year ending June
    30", "the current fiscal year, which ends in March", "the fiscal year ended Sept. 30"):
    its convention (first month, named by its end) and, for "the" / "the current" fiscal year,
    its label, the year it ends in: with "ending" / "ends", the first such end from the anchor
    on; with "ended", the end read as any date of the sentence is (tense, nearness: "ended
    Sept. 30" in an October story is the one just past); a year given names it."""
    if not clues.after or a is None:
        return None
    m = _ENDS.match(clues.after)
    if m is None or (month := _MONTHS.get(m[3].lower())) is None:
        return None
    conv = (month % 12 + 1, "end")
    if (y := _A_YEAR.search(m[2])) is not None:
        return conv, int(y[0])  # "the previous fiscal year ended Jan. 31, 1986"
    if spec.year is not None or spec.year_rel:
        return conv, None
    if m[1] is None:  # "ending June 30", "which ends in March"
        return conv, a.year if month >= a.month else a.year + 1
    sentence = f"{clues.before}fiscal year{clues.after}"
    end = resolve_date(m[2], a, context=sentence, offset=sentence.find(m[2], len(clues.before)))
    return conv, (end.date.year if end is not None else None)


def _fiscal(spec: Spec, a: date | None, clues: Clues) -> DateResult | None:
    conv = clues.fiscal
    if (named := _fiscal_end(spec, a, clues)) is not None:
        conv = named[0]
        if named[1] is not None:
            spec = spec.but(year=named[1], year_rel=None)
    if spec.year is not None:
        label = spec.year if spec.year >= 100 else _century(spec.year, a)
    elif a is None:
        return None
    elif conv is None:
        label = a.year + (spec.year_rel or 0)
    else:
        sm, by = conv
        current = (
            (a.year + (1 if a.month >= sm else 0)) if by == "end" else (a.year - (a.month < sm))
        )
        label = current + (spec.year_rel or 0)
    if conv is None or conv[0] == 1:
        return DateResult(date(label, 1, 1), "year", flags=("fiscal", "calendar-assumed"))
    sm, by = conv
    first = date(label - 1 if by == "end" else label, sm, 1)
    span = (first, cal.add_months(first, 12) - timedelta(days=1))
    return DateResult(date(label, 1, 1), "year", flags=("fiscal",), span=span)


def _reference(clues: Clues, a: date | None, unit: str, offset: bool = False) -> DateResult | None:
    """The last date named before the expression in its sentence, at least as fine as
    ``unit`` (what "that year", "the next day" are measured from). For a year offset ("a year
    earlier") a date the clause compares with is not the focus: in "rose in January from 4.9
    in December and 4.2 a year earlier" the focus is January (a comparison word between the
    date before and this one: ``comparison`` in lexicon.tsv)."""
    best = None
    done = 0  # where the words after the previous date begin
    for m in find_date_expressions(clues.before):
        between, done = clues.before[done : m.start], m.end
        # in its own words' tense ("rose in January" in an October story: this year's)
        r = resolve_date(m.text, a, context=clues.before, offset=m.start)
        if r is None or cal.RANK[r.precision] > cal.RANK.get(unit, 0):
            continue
        if offset and unit == "year" and _compared(between):
            continue  # "rose in January from 1.6 in December and from a year earlier"
        best = r
    return best


# words that make what follows a comparison, not the period a clause is about (lexicon.tsv)
_COMPARISON = frozenset(lexicon()["comparison"])
_WORD = re.compile(r"[a-z]+")
_COMPARED_WORDS = 6  # how far before a date its comparison word may stand


def _compared(between: str) -> bool:
    """Whether a comparison word governs the date these words lead to: one of the last few
    words, with no verb after it ("from 4.9 mln dlrs in [December]", "against a revised 27.5
    pct in [November]"; not "against the dollar fell in [March]", "compared with growth
    recorded in [1985]")."""
    near = _WORD.findall(between.lower())[-_COMPARED_WORDS:]
    for i in range(len(near) - 1, -1, -1):
        if near[i] in _COMPARISON:
            # a verb, not a participle after a determiner ("a revised 27.5 pct in November")
            return not any(
                _verb_like(w) and near[j - 1] not in _DETERMINERS
                for j, w in enumerate(near[i + 1 :], i + 1)
            )
    return False


_PERIOD_END = frozenset(lexicon()["period_end"])  # "ended", "as of", "at": a balance's day


_COUNTED_YEARS = re.compile(r"^(?:a|an|one|\d{1,2}) years? (?:earlier|ago|before)$")
_PERIOD_NOUN = re.compile(rf"\b(?:{'|'.join(map(re.escape, lexicon()['period_noun']))})\W*$")


def _at_period_end(clues: Clues, expression: str) -> bool:
    """Whether a counted year offset ("a year earlier", not the adjective "year-ago") follows a
    calendar day that ends a period or dates a balance ("the quarter ended June 30", "assets as
    of June 30", "at June 30"): it compares that day with the same day years back (TimeML
    writes the day). Not a day something was reported on ("said on March 3"), nor a dateline,
    nor after a period's noun ("the same period a year ago": that period)."""
    if not _COUNTED_YEARS.match(normalise(expression)) or _PERIOD_NOUN.search(clues.before):
        return False
    found = find_date_expressions(clues.before)
    if not found:
        return False
    last = found[-1]
    spec = parse(last.text)
    if spec is None or spec.form != "date" or spec.weekday is not None:
        return False
    words = _WORD.findall(clues.before[: last.start].lower())[-2:]
    return bool(words) and (words[-1] in _PERIOD_END or " ".join(words) in _PERIOD_END)


# offsets whose day or week the year of a year-less reference cannot change: "arrived Jan. 4
# and left a week later" is measured from Jan. 4 whichever year it is
_FINE_OFFSETS = frozenset(["day", "week", "month"])
_COMMA_BETWEEN = re.compile(r",")
_A_YEAR = re.compile(r"(?<!\d)(?:1[0-9]|20)\d\d(?!\d)")
_OPENING = re.compile(r"^\W*(?:\w+\W+){0,3}$")


def _focus_year(clues: Clues, a: date | None = None, tense: str | None = None) -> int | None:
    """The year a year-less date or month belongs to when the sentence has just named another
    year: "In 1987, sales peaked in October", "was founded in 1985 and went public on March 3",
    and a year named relative to the anchor when it opens the sentence ("Last year, sales
    peaked in October", "Two years ago, the plant closed in March", "In the year-ago quarter,
    which ended Oct. 31") unless the clause's tense puts the date on the other side of the
    anchor ("Last year sales fell; they will recover in March"). Only the last date before the expression counts, only when it
    gives a year (a year-less "on Tuesday" keeps the anchor's time in focus), not a period's
    start ("since 1985"), and not across a comma unless it opens the sentence ("The company,
    founded in 1920, said in March": the apposition's year is not the clause's)."""
    absolute = _A_YEAR.search(clues.before)
    relative = False
    if a is not None and "year" in clues.before and (y := _YEAR_WORD.search(clues.before)):
        # only an opening frame counts (below): the year word among the first few words
        relative = len(clues.before[: y.start()].split()) <= _FRAME_WORDS + 1
    if not (absolute or relative):  # most sentences name no year: no search
        return None
    found = find_date_expressions(clues.before, extended=bool(relative))
    if not found:
        return None
    last = found[-1]
    spec = parse(last.text)
    if spec is None or spec.relation or spec.part:
        return None
    if spec.year is not None and spec.measured_from == "none":
        if spec.form not in ("year", "month", "date"):
            return None
        year = spec.year
    elif relative and spec.unit == "year" and spec.form in ("relative", "offset") and spec.offset:
        r = resolve_date(last.text, a, context=clues.before, offset=last.start)
        if r is None or r.precision != "year" or r.kind != "point" or a is None:
            return None
        year = r.date.year
        if (tense == "future" and year < a.year) or (tense == "past" and year > a.year):
            return None
        lead_words = clues.before[: last.start].lower().split()
        if (
            not _FRAMING.match(clues.before[: last.start])
            or not _FOCUS_BLOCKERS.isdisjoint(lead_words)
            or any(map(_verb_like, lead_words))
        ):
            return None  # "controls lifted last year drove January's prices": not the frame
    else:
        return None
    lead = clues.before[: last.start].lower().split()
    if lead and lead[-1] in _FOCUS_BLOCKERS:
        return None
    between = clues.before[last.end :]
    if _COMMA_BETWEEN.search(between) and not _OPENING.match(clues.before[: last.start]):
        return None
    return year


# a year named from the anchor frames the sentence only when it opens it ("Last year, ...",
# "In the year-ago quarter, ...", "Two years ago, ..."), not as another clause's adverb
_FRAME_WORDS = 3  # words that may open a sentence before its framing year
_FRAMING = re.compile(
    rf"^\W*(?:[A-Za-z]+\W+){{0,{_FRAME_WORDS}}}$"
)  # "In the comparable year-ago quarter"
# a year named from the anchor: "last year", "next year", "two years ago", "a year earlier",
# "year-ago" (the cheap test before the finder runs)
_YEAR_WORD = re.compile(
    r"\b(?:(?:last|next)\s+year|years?[\s-](?:ago|earlier|before))\b", re.IGNORECASE
)
_FOCUS_BLOCKERS = frozenset(lexicon()["focus_blocker"])


_AHEAD = frozenset(["for", "by", "until", "till", "no later than", "not later than"])


_WOULD = re.compile(r"\b(?:would|wouldn't)\b|'d\b", re.IGNORECASE)


def _reported_on(clues: Clues, a: date) -> date | None:
    """The past day a plan was reported on, when the sentence names one before the expression
    and a "would" follows it ("said Tuesday it would vote Wednesday"): a future in the past is
    measured from then, not from the anchor."""
    found = find_date_expressions(clues.before)
    if not found:
        return None
    last = found[-1]
    if not _WOULD.search(clues.before[last.end :]):
        return None
    r = resolve_date(last.text, a, context=clues.before, offset=last.start)
    if r is None or r.precision != "day" or r.date >= a or r.kind != "point":
        return None
    return r.date


def _compute(
    spec: Spec,
    a: date | None,
    tense: str | None,
    clues: Clues,
    strict: bool = False,
    near: int = 0,
    expression: str = "",
) -> DateResult | None:
    f, unit = spec.form, spec.unit
    flags: list[str] = []
    if f in ("date", "month") and spec.year is not None and "century-guessed" in spec.flags:
        spec = spec.but(year=_century(spec.year, a))  # "October '87", "Oct. 19 '87"
    if f == "date":
        if spec.year is not None:
            try:
                return DateResult(date(spec.year, spec.month, spec.day), "day")  # type: ignore[arg-type]
            except ValueError:
                return None
        if a is None:
            return None
        if spec.year_rel is not None:  # "Jan. 15 last year", "Oct. 19 two years ago"
            try:
                return DateResult(date(a.year + spec.year_rel, spec.month, spec.day), "day")  # type: ignore[arg-type]
            except ValueError:
                return None
        if spec.weekday is None and spec.modifier is None and (y := _focus_year(clues, a, tense)):
            try:
                return DateResult(date(y, spec.month, spec.day), "day", flags=("focus-year",))  # type: ignore[arg-type]
            except ValueError:
                pass
        cands = []
        for y in range(a.year - 4, a.year + 5):  # wide enough for February 29
            try:
                cands.append(date(y, spec.month, spec.day))  # type: ignore[arg-type]
            except ValueError:
                pass
        if spec.modifier is not None and cands:  # "last Dec. 12", "next May 5", "this Jan. 14"
            if spec.modifier == "this":
                got = [c for c in cands if c.year == a.year]
            elif spec.modifier == "last":
                got = [c for c in cands if c < a][-1:]
            else:
                got = [c for c in cands if c > a][:1]
            return DateResult(got[0], "day") if got else None
        if spec.weekday is not None:  # "Monday, Jan. 8": a year in which Jan. 8 is a Monday
            named = [c for c in cands if c.weekday() == spec.weekday and abs(c.year - a.year) <= 1]
            if len(named) == 1:
                return DateResult(named[0], "day", flags=("weekday-year",))
        if tense is None:
            cands = [c for c in cands if abs((c - a).days) <= 366 * 4]
        slack = 0 if strict else PAST_MODE_SLACK_DAYS
        got = _choose(cands, a, tense, slack, near)
        if got is not None and got[1] and _against_governing_past(got[0], a, tense, clues):
            got = _choose(cands, a, tense, slack, 0)
        if got is None:
            return None
        return DateResult(got[0], "day", flags=("nearest",) if got[1] else ())
    if f == "month":
        if spec.year is not None:
            return DateResult(date(spec.year, spec.month, 1), "month")  # type: ignore[arg-type]
        if a is None:
            return None
        if spec.year_rel is not None:
            base = a
            if "anaphoric" in spec.flags and (ref := _reference(clues, a, "year")) is not None:
                base, flags = ref.date, ["anaphoric"]
            return DateResult(
                date(base.year + spec.year_rel, spec.month, 1), "month", flags=tuple(flags)
            )  # type: ignore[arg-type]
        if spec.modifier is None and (y := _focus_year(clues, a, tense)) is not None:
            return DateResult(date(y, spec.month, 1), "month", flags=("focus-year",))  # type: ignore[arg-type]
        near_month = NEAR_MONTHS_DAYS if near else 0
        d, by_near = _month_of(spec.month, spec.modifier, a, tense, near_month)  # type: ignore[arg-type]
        if by_near and _against_governing_past(d, a, tense, clues):
            d, by_near = _month_of(spec.month, spec.modifier, a, tense, 0)  # type: ignore[arg-type]
        return DateResult(d, "month", flags=("nearest",) if by_near else ())
    if f == "month_range":  # "the January-March quarter": a calendar quarter at quarter
        # precision, else the first month's; which year's is chosen by its end: for a past verb
        # the latest over by a month from now ("imports in the January/November period were
        # up" in March is last year's), for a future one the first not yet over, else the one
        # holding the anchor or the nearest
        last = int(spec.name)  # type: ignore[arg-type]
        n = (last - spec.month) % 12 + 1  # type: ignore[operator]
        if spec.year is not None:
            starts = [date(spec.year, spec.month, 1)]  # type: ignore[arg-type]
        elif a is None:
            return None
        else:
            starts = [date(y, spec.month, 1) for y in range(a.year - 2, a.year + 2)]  # type: ignore[arg-type]
        spans = [(s0, cal.add_months(s0, n) - timedelta(days=1)) for s0 in starts]
        if len(spans) == 1:
            got = spans[0]
        elif tense == "past":
            got = [p for p in spans if p[1] <= a + timedelta(days=31)][-1]
        elif tense == "future":
            got = next(p for p in spans if p[1] >= a)
        else:
            got = min(spans, key=lambda p: (max((p[0] - a).days, (a - p[1]).days, 0), p[0] > a))
        return DateResult(got[0], unit, flags=("range",), span=got)
    if f == "season":  # a season is three months from its first: "last summer" is June's
        if spec.year is not None:
            y = spec.year if "century-guessed" not in spec.flags else _century(spec.year, a)
            return DateResult(date(y, spec.month, 1), "quarter", flags=("season",))  # type: ignore[arg-type]
        if a is None:
            return None
        if spec.modifier == "this":
            # "this fall" in a November story, "this winter" in January: the season the anchor
            # lies in, whatever the tense (its first month may be behind, or last year's)
            for y in (a.year, a.year - 1):
                first = date(y, spec.month, 1)  # type: ignore[arg-type]
                if first <= a < cal.add_months(first, 3):
                    return DateResult(first, "quarter", flags=("season",))
        near_month = NEAR_MONTHS_DAYS if near else 0
        d, by_near = _month_of(spec.month, spec.modifier, a, tense, near_month)  # type: ignore[arg-type]
        return DateResult(d, "quarter", flags=("season", "nearest") if by_near else ("season",))
    if f == "year":
        if spec.year is None:
            return None
        y = spec.year if "century-guessed" not in spec.flags else _century(spec.year, a)
        return DateResult(date(y, 1, 1), "year", flags=spec.flags)
    if f == "century":
        return DateResult(date(max(spec.year, 1), 1, 1), "century")  # type: ignore[arg-type]
    if f == "week_of":
        if spec.year is not None:
            first = date(spec.year, spec.month, 1)  # type: ignore[arg-type]
        elif a is None:
            return None
        elif spec.month is None:  # "the last week of this month", "the first week of next month"
            first = cal.add_months(a.replace(day=1), spec.year_rel or 0)
        else:
            first, _ = _month_of(spec.month, None, a, tense)  # type: ignore[arg-type]
        if spec.offset > 0:  # the week holding the month's first Monday, and on
            monday = first + timedelta(days=(7 - first.weekday()) % 7)
            return DateResult(monday + timedelta(weeks=spec.offset - 1), "week")
        last = cal.add_months(first, 1) - timedelta(days=1)
        return DateResult(cal.monday(last), "week")
    if f == "decade":
        y = (
            spec.year
            if "century-guessed" not in spec.flags
            else _century(spec.year, a, decade=True)
        )  # type: ignore[arg-type]
        return DateResult(date(y, 1, 1), "decade", flags=spec.flags)  # type: ignore[arg-type]
    if f == "quarter":
        if spec.year is not None:
            y = spec.year
        elif a is None:
            return None
        elif spec.year_rel is not None:
            y = a.year + spec.year_rel
        else:  # "the fourth quarter" of no year named: chosen as a month is
            # the adjective ("fourth-quarter earnings are due") names the period a report is
            # of, not the report's time: the verb does not choose it
            adjective = "-quarter" in expression.lower()
            return _quarter_of(spec.quarter, a, None if adjective else tense)  # type: ignore[arg-type]
        return DateResult(date(y, 3 * (spec.quarter - 1) + 1, 1), "quarter")  # type: ignore[operator]
    if f == "fiscal":
        return _fiscal(spec, a, clues)
    if f == "day_of":  # "the first day of March", "the last day of 1999"
        return _day_of(spec, a, tense, clues, strict, near)
    if f == "nth_weekday":  # "the first Monday in December": a month's n-th weekday
        if spec.month is None:  # "of the month", "of next month": the anchor's, or next to it
            if a is None:
                return None
            months = [cal.add_months(a.replace(day=1), spec.year_rel or 0)]
        elif spec.year is not None:
            months = [date(spec.year, spec.month, 1)]
        elif a is None:
            return None
        else:  # which year's: chosen among the days themselves, as for "Dec. 4"
            months = [date(y, spec.month, 1) for y in range(a.year - 1, a.year + 2)]
        days = [
            d
            for m in months
            if (d := cal.nth_weekday(m.year, m.month, spec.offset, spec.weekday)).month == m.month  # type: ignore[arg-type]
        ]  # a fifth Friday the month lacks is none
        if len(days) <= 1:
            return DateResult(days[0], "day") if days else None
        slack = 0 if strict else PAST_MODE_SLACK_DAYS
        got = _choose(days, a, tense, slack, near)  # type: ignore[arg-type]
        if got is not None and got[1] and _against_governing_past(got[0], a, tense, clues):  # type: ignore[arg-type]
            got = _choose(days, a, tense, slack, 0)  # type: ignore[arg-type]
        return DateResult(got[0], "day", flags=("nearest",) if got[1] else ()) if got else None
    if f == "unit_from_day":  # "the day after Christmas": days or weeks from the day named
        inner = parse(spec.name)  # type: ignore[arg-type]
        got = _compute(inner, a, tense, clues, strict, near) if inner is not None else None
        if got is None or got.precision != "day":
            return None
        if unit == "week":  # "the week after Christmas": the week after the one holding it
            return DateResult(cal.monday(got.date) + timedelta(weeks=spec.offset), "week")
        return DateResult(got.date + timedelta(days=spec.offset), "day", flags=got.flags)
    if f == "unit_of":  # "the week ended Oct. 27": the unit holding the day named
        inner = parse(spec.name)  # type: ignore[arg-type]
        got = _compute(inner, a, tense, clues, strict, near) if inner is not None else None
        if got is None:
            return None
        return DateResult(cal.start_of(got.date, unit), unit, flags=got.flags)
    if f == "named" and unit == "week":
        # "the Labor Day weekend": the weekend next to the day (its Saturday, the nearest one:
        # before a Monday, after a Thursday); "Christmas week": the week holding it
        day = _compute(spec.but(unit="day", flags=()), a, tense, clues, strict, near)
        if day is None:
            return None
        if "weekend" in spec.flags:
            back = (day.date.weekday() - 5) % 7  # days since the Saturday before
            sat = (
                day.date - timedelta(days=back)
                if back <= 3
                else day.date + timedelta(days=7 - back)
            )
            return DateResult(sat, "week", flags=day.flags)
        return DateResult(cal.monday(day.date), "week", flags=day.flags)
    if f == "named":
        if spec.year is not None:
            days = cal.named_day(spec.name, spec.year)  # type: ignore[arg-type]
            return DateResult(days[0], "day") if days else None
        if a is None:
            return None
        cands = [d for y in range(a.year - 1, a.year + 2) for d in cal.named_day(spec.name, y)]  # type: ignore[arg-type]
        if spec.modifier == "last":
            cands = [c for c in cands if c < a]
            return DateResult(cands[-1], "day") if cands else None
        if spec.modifier == "next":
            cands = [c for c in cands if c > a]
            return DateResult(cands[0], "day") if cands else None
        if spec.modifier == "this":
            cands = [c for c in cands if c.year == a.year]
            return DateResult(cands[0], "day") if cands else None
        # a named day is a date ("Election Day" is Nov. 7): one within two months of the
        # anchor wins whatever the verb, three for a deadline or a "before" ("led by 14 points
        # a week before Election Day", "the campaign's last days before Election Day")
        got = _choose(cands, a, tense, 0, near)
        if got is not None and got[1] and _against_governing_past(got[0], a, tense, clues):
            got = _choose(cands, a, tense, 0, 0)
        return DateResult(got[0], "day", flags=("nearest",) if got[1] else ()) if got else None
    if a is None:
        return None  # everything below is relative to the anchor
    if f == "year_end":
        if spec.year is not None:
            y = spec.year
        elif spec.year_rel is not None:
            y = a.year + spec.year_rel
        else:
            y = a.year - 1 if (tense == "past" and a.month < 12) else a.year
        if strict:  # "the change is since year-end": counted from the year's last day
            return DateResult(date(y, 12, 31), "day")
        return DateResult(date(y, 12, 1), "month")
    if f == "deictic":
        return DateResult(a + timedelta(days=spec.offset), "day")
    if f == "year_back":  # "the same month last year": the unit of the time in focus, a year back
        # (years back: "a year ago this month", from the anchor)
        focus = "relative-to-focus" in spec.flags
        ref = _reference(clues, a, unit) if focus else None
        base = ref.date if ref is not None else a
        d = cal.start_of(base, unit)
        n = -spec.offset if spec.offset else 1
        if unit == "week":
            y, w, _ = d.isocalendar()
            try:
                back = date.fromisocalendar(y - n, w, 1)
            except ValueError:  # week 53 of a year whose predecessor has 52
                back = date.fromisocalendar(y - n, 52, 1)
        elif unit == "day":
            back = d
            for _ in range(n):
                back = _year_earlier(back)
        else:
            back = cal.add_months(d, -12 * n)
        return DateResult(back, unit, flags=("anaphoric",) if ref is not None else ())
    if f == "ago_on":  # "a year ago today": the day named, a year (or weeks, months) back
        if spec.weekday is not None:
            day = cal.weekday_near(spec.weekday, a, spec.modifier, False)
        else:
            day = a + timedelta(days=spec.year or 0)  # the deictic's own offset
        if spec.name == "week":
            return DateResult(day + timedelta(weeks=spec.offset), "day")
        months = spec.offset * (12 if spec.name == "year" else 1)
        first = cal.add_months(day, months)
        last_day = (cal.add_months(first, 1) - timedelta(days=1)).day
        return DateResult(first.replace(day=min(day.day, last_day)), "day")
    if f == "weekday_week":  # "Friday next week"
        monday = cal.monday(a) + timedelta(weeks=spec.offset)
        return DateResult(monday + timedelta(days=spec.weekday), "day")  # type: ignore[operator]
    if f == "week_from":  # "a week from Friday": the coming one, a week on
        coming = cal.weekday_near(spec.weekday, a, None, True)  # type: ignore[arg-type]
        return DateResult(coming + timedelta(days=spec.offset), "day")
    if f == "month_day" and spec.weekday is not None:
        # "Friday the 13th": the month's day that falls on that weekday, the latest one (a
        # year's months hold one or two), or the coming one in a future clause
        cands = []
        for k in range(-13, 14):
            try:
                c = cal.add_months(a, k).replace(day=spec.day)  # type: ignore[arg-type]
            except ValueError:
                continue
            if c.weekday() == spec.weekday:
                cands.append(c)
        ahead = [c for c in cands if c >= a] if tense == "future" else []
        behind = [c for c in cands if c <= a]
        got = ahead[:1] or behind[-1:] or cands[:1]
        return DateResult(got[0], "day") if got else None
    if f == "month_day":  # "the 15th": of the anchor's month or the one before or after
        cands = []
        for k in (-1, 0, 1) if spec.year_rel is None else (spec.year_rel,):
            first = cal.add_months(a, k)
            try:
                cands.append(first.replace(day=spec.day))  # type: ignore[arg-type]
            except ValueError:
                pass
        # a bare day of the month is always near the anchor, so a stated tense decides
        got = _choose(cands, a, tense, 0 if strict else PAST_MODE_SLACK_DAYS, 0 if tense else near)
        return DateResult(got[0], "day") if got else None
    if f == "weekday" and spec.modifier == "that":
        # "arrived on Oct. 10 and left that Friday": the Friday of the week named; with no day
        # named, a bare weekday
        ref = _reference(clues, a, "day")
        if ref is not None and ref.precision in ("day", "week"):
            return DateResult(
                cal.monday(ref.date) + timedelta(days=spec.weekday), "day", flags=("anaphoric",)
            )  # type: ignore[operator]
        spec = spec.but(modifier=None, flags=())
    if f == "weekday":
        mod = spec.modifier
        if mod == "this" and tense is None:  # "this Friday": the Friday of the anchor's week
            return DateResult(cal.monday(a) + timedelta(days=spec.weekday), "day")  # type: ignore[operator]
        if "relative-to-focus" in spec.flags and (ref := _reference(clues, a, "day")) is not None:
            # "arrived on Oct. 20 and left the following Monday": the Monday after Oct. 20
            near_ref = cal.weekday_near(spec.weekday, ref.date, mod, False)  # type: ignore[arg-type]
            return DateResult(near_ref, "day", flags=("anaphoric",))
        if "relative-to-focus" in spec.flags and mod == "last":
            # "down 4.5% from the previous Friday" with no day named: "previous" looks back from
            # a time in focus that is not now (of the latest Friday one says "last Friday" or
            # "Friday"), so it is the one a week before the latest
            latest = cal.weekday_near(spec.weekday, a, None, False)  # type: ignore[arg-type]
            return DateResult(latest - timedelta(weeks=1), "day", flags=("previous-week",))
        said = _reported_on(clues, a) if tense == "future" and mod is None else None
        if said is not None:  # "said Tuesday it would vote Wednesday": the Wednesday after it
            after = cal.weekday_near(spec.weekday, said + timedelta(days=1), None, True)  # type: ignore[arg-type]
            return DateResult(after, "day", flags=("anaphoric",))
        return DateResult(cal.weekday_near(spec.weekday, a, mod, tense == "future"), "day")  # type: ignore[arg-type]
    base = a
    ref_prec = None
    if f == "anaphoric" or "relative-to-focus" in spec.flags:
        ref = _reference(clues, a, unit, offset=f == "offset")
        if ref is not None:
            base, flags = ref.date, ["anaphoric"]
            ref_prec = ref.precision
        elif spec.name == "weekend" and spec.offset == 0:
            # "(over) the weekend": the last one, or the coming one in a future clause
            return DateResult(cal.weekday_near(5, a, None, tense == "future"), "week")
    elif (
        f == "offset"
        and unit == "year"
        and spec.offset == -1
        and a is not None
        and _MONTHISH.search(clues.before)  # the cheap test: a month named before
    ):
        # "February output was up 1.7% from a year ago": the month the clause is about, a year
        # back, as for "a year earlier", when that month is one of the last twelve
        ref = _reference(clues, a, unit, offset=True)
        if ref is not None and ref.precision == "month" and 0 <= (a - ref.date).days < 366:
            return DateResult(cal.add_months(ref.date, -12), "month", flags=("anaphoric",))
        if ref is not None and ref.precision == "day" and _at_period_end(clues, expression):
            return DateResult(_year_earlier(ref.date), "day", flags=("anaphoric",))
    if f in ("relative", "anaphoric", "offset"):
        if spec.name == "weekend":
            return DateResult(
                cal.monday(base) + timedelta(weeks=spec.offset, days=5), "week", flags=tuple(flags)
            )
        if f == "offset" and unit in ("decade", "century"):
            # "a decade ago" is the year ten years back (TimeML: 2003 in 2013), not the 2000s
            step = 10 if unit == "decade" else 100
            return DateResult(
                date(base.year + step * spec.offset, 1, 1), "year", flags=tuple(flags)
            )
        prec = unit if unit in cal.RANK else "year"
        if f == "offset" and ref_prec == "month" and unit == "year":
            # "In September, sales rose from a year earlier": the month a year back
            return DateResult(cal.add_months(base, 12 * spec.offset), "month", flags=tuple(flags))
        if (
            f == "offset"
            and ref_prec == "day"
            and unit == "year"
            and _at_period_end(clues, expression)
        ):
            # "Assets at June 30 rose from a year earlier": that day, years back
            back = base
            for _ in range(-spec.offset):
                back = _year_earlier(back)
            return DateResult(back, "day", flags=tuple(flags))
        if (
            f == "relative"
            and unit == "week"
            and not spec.offset
            and base.weekday() == 6
            and tense == "future"
            and not flags
        ):
            # on a Sunday, the week still to come is the one that starts tomorrow ("the
            # Senate will vote this week" in a Sunday paper); the ISO week ends today
            return DateResult(cal.shift(base, "week", 1), "week", flags=("sunday-ahead",))
        return DateResult(cal.shift(base, unit, spec.offset), prec, flags=tuple(flags))
    return None


def _quarter_of(q: int, a: date, tense: str | None) -> DateResult:
    """Which year's quarter a bare "the fourth quarter" is: the one begun by the anchor for a
    past verb ("profit rose in the fourth quarter" in January is last year's), the first not
    yet over for a future one, else the one holding the anchor or the nearest (news reports
    the quarter just ended: "fourth-quarter earnings" in January)."""
    starts = [date(y, 3 * (q - 1) + 1, 1) for y in (a.year - 1, a.year, a.year + 1)]
    spans = [(s, cal.add_months(s, 3) - timedelta(days=1)) for s in starts]
    if tense == "past":
        got = [s for s, _ in spans if s <= a][-1]
    elif tense == "future":
        got = next(s for s, e in spans if e >= a)
    else:
        got = min(spans, key=lambda p: (max((p[0] - a).days, (a - p[1]).days, 0), p[0] > a))[0]
    return DateResult(got, "quarter")


def _against_governing_past(d: date, a: date, tense: str | None, clues: Clues) -> bool:
    """Whether an occurrence chosen for its nearness lies in the next calendar year against a
    past verb that governs the expression ("took effect Jan. 1" in a November story): news
    leaves out the year of a date of the current year, so a past verb's own year-less date is
    this year's; nearness still wins for a date another verb's tense was read for ("declared a
    dividend payable Jan. 15") and within the year ("voted a split, payable March 30")."""
    return tense == "past" and d > a and d.year > a.year and governed_by_past(clues)


def _day_of(
    spec: Spec, a: date | None, tense: str | None, clues: Clues, strict: bool, near: int
) -> DateResult | None:
    """The first or last day of the month, quarter or year the rest of the expression names."""
    inner = parse(spec.name)  # type: ignore[arg-type]
    got = _compute(inner, a, tense, clues, strict, near) if inner is not None else None
    if got is None or got.precision not in ("month", "quarter", "year"):
        return None
    first = cal.start_of(got.date, got.precision)
    if spec.offset == 0:
        return DateResult(first, "day", flags=got.flags)
    months = {"month": 1, "quarter": 3, "year": 12}[got.precision]
    if got.span is not None:  # a fiscal year ends where its span does
        return DateResult(got.span[1], "day", flags=got.flags)
    return DateResult(cal.add_months(first, months) - timedelta(days=1), "day", flags=got.flags)


# words that can continue an expression the sentence cut short ("a year" + "earlier")
_CONTINUES = frozenset(lexicon()["continuation"])
_COUNTS = frozenset(words()["numbers"])  # "October two years ago": a count goes on


def _extend(expression: str, spec: Spec | None, clues: Clues) -> Spec | None:
    """Read the words the sentence goes on with when they complete the expression: "a year"
    + "earlier", "April" + "next year", "Nov. 13" + ", 1990"."""
    partial = spec is None or (
        spec.form in ("date", "month") and spec.year is None and spec.year_rel is None
    )
    completes = _completes(spec)
    if not (partial or completes) or not clues.after:
        return spec
    words = clues.after.replace(",", " ,").split()[:4]
    first = words[0].lower().strip(".") if words else ""
    counted = (  # "October two years ago", "November three, 1986": a count that goes on
        first in _COUNTS and len(words) > 1 and (words[1] in (",", "years") or words[1].isdigit())
    )
    if not words or first not in _CONTINUES and not counted and not first[:1].isdigit():
        return spec
    for k in range(len(words), 0, -1):
        tail = " ".join(words[:k]).replace(" ,", ",")
        longer = parse(f"{expression}{'' if tail.startswith(',') else ' '}{tail}")
        if longer is None or _governs(words[k - 1], words[k:]):
            continue
        if spec is None or longer.year is not None or longer.year_rel is not None:
            return longer
        if completes is not None and completes(longer):
            return longer
    return spec


def _governs(last: str, rest: list[str]) -> bool:
    """Whether the last word read ("before", "after") is a preposition with its own object in
    the words that follow ("the day after the vote"): then it does not complete the expression."""
    if last.lower() not in ("before", "after") or not rest:
        return False
    nxt = rest[0]
    return nxt[:1].isalnum() and nxt.lower() not in ("and", "or", "but")


def _completes(spec: Spec | None) -> Callable[[Spec], bool] | None:
    """For an expression whose next words can move it ("the year" + "before", "the same month"
    + "a year earlier", "Friday" + "next week" or + ", Oct. 27"), what a longer reading must be
    to be taken; None when no continuation changes it."""
    if spec is None or spec.part:
        return None
    if spec.form == "anaphoric" and spec.offset == 0 and "nth-day" not in spec.flags:
        return lambda s: (
            s.form == "year_back" or (s.form in ("anaphoric", "offset") and s.offset != 0)
        )
    if spec.form == "weekday" and spec.modifier is None:
        return lambda s: s.form in ("weekday_week", "ago_on", "date")
    return None


def _named_event(expression: str, spec: Spec | None, context: str | None) -> Spec | None:
    """A day of history known by its name ("9/11", "the Sept. 11 attacks") as a full date."""
    if spec is not None and (spec.form != "date" or spec.year is not None):
        return spec
    core, extra = _strip_prefixes(normalise(expression))
    when = cal.named_event(core, context)
    if when is None:
        return spec
    return Spec(
        "date",
        "day",
        year=when.year,
        month=when.month,
        day=when.day,
        relation=extra.get("relation"),  # type: ignore[arg-type]
        flags=("named-event",),
    )


def resolve_date(
    expression: str,
    anchor: date | datetime | str | None,
    *,
    future: bool | None = None,
    context: str | Any = None,
    offset: int | None = None,
) -> DateResult | None:
    """The date a time expression names, as a ``DateResult`` (it unpacks as ``(date,
    precision)``), or None when it is not a date or needs an anchor that is not there.

    ``anchor``: the publication time (date, datetime or ISO string), or None. ``context``: the
    sentence or clause the expression is in (a string, or anything with ``.text`` such as a
    spaCy ``Span``); its tense and the preposition before the expression decide past vs future
    and point vs period. ``offset``: where the expression starts in ``context`` (a
    ``DateMention.start``), needed only when it occurs there twice. ``future``: True/False
    force the future or past reading (as the coder did before ``context`` existed); None lets
    the context, else the nearest-date rule, decide. See ``DateResult`` for ``kind="period"``.
    """
    if not isinstance(expression, str):
        raise TypeError(f"expression must be a string, not {type(expression).__name__}")
    a = to_date(anchor) if anchor is not None else None
    if not normalise(expression):
        return None
    if context is not None and not isinstance(context, str):
        context = getattr(context, "text", None)
    clues = read(expression, context, offset)
    spec = _extend(expression, parse(expression), clues)
    spec = _named_event(expression, spec, context)
    if spec is None:
        return _fallback(expression, a)
    relation = spec.relation or clues.relation
    tense = "future" if future is True else "past" if future is False else clues.tense
    # "this Friday" is the anchor's week's unless the verb looks ahead ("will meet this Tuesday"
    # in a Thursday story: the coming one); one says "last Friday" of a Friday before the week
    if spec.form == "weekday" and spec.modifier == "this" and future is None and tense == "past":
        tense = None
    if (
        spec.form == "weekday"
        and relation in _AHEAD
        and tense is None
        and future is None
        and clues.after[:1] not in ("'", "\u2019")  # "arrested him for Thursday's attack"
    ):
        # "called a strike for Wednesday", "a vote set for Friday", "needs approval by Friday",
        # "is good until Friday": with no tense to say otherwise, a weekday one is given until,
        # or one something is set for, is still to come
        tense = "future"
    strict = future is None and (relation == "since" or clues.since)
    if strict:
        tense = "past"
    # a tense read from the sentence yields to an occurrence within two months of the anchor
    # (a quarter for deadlines: "until", "by"): news dates near the anchor whatever the verb
    # ("its board voted a stock split, payable March 30", "will pay holders of record Oct. 30");
    # a forced reading or "since" does not
    near = 0
    deadline = relation in _DEADLINES
    if future is None and not strict and tense is not None:
        near = NEAR_DEADLINE_DAYS if deadline else NEAR_DAYS
    try:
        res = _compute(spec, a, tense, clues, strict, near, expression)
    except (ValueError, OverflowError):  # "two thousand years ago": before year 1
        return None
    if res is None:
        return None
    kind = "period" if lexicon()["relation"].get(relation or "") == "period" else "point"
    extra = (f"part:{spec.part}",) if spec.part else ()
    extra += (f"cause:{clues.cause}",) if clues.cause else ()
    flags = tuple(dict.fromkeys((*res.flags, *spec.flags, *extra)))
    return DateResult(
        res.date,
        res.precision,
        kind=kind,
        relation=relation if kind == "period" else None,
        flags=flags,
        span=res.span,
    )
