"""A time expression read as composable parts: what it is measured from (the anchor, a date
named earlier in the sentence, or nothing: an absolute date), an offset in some unit, the unit,
and the granularity of the answer; plus the words around the core that change it (an
approximator "almost", a part "the end of", a relation "since").

    >>> parse("almost four years ago")
    Spec(form='offset', unit='year', offset=-4, flags=('approximate',))
    >>> parse("the end of 1990")
    Spec(form='year', unit='year', year=1990, part='end')
    >>> parse("this coming Sunday, March eighth")
    Spec(form='date', unit='day', month=3, day=8)

``parse`` only reads; ``eventwire.dates.resolve`` turns a ``Spec`` into a date. The word sets
are data (``data/dates/lexicon.tsv``, ``words.json``, ``named_days.tsv``, ``numbers.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache

from eventwire.dates.numbers import digits
from eventwire.dates.tables import lexicon, named_days, words


@dataclass(frozen=True, slots=True)
class Spec:
    """What an expression says, before any anchor is applied.

    ``form`` is the rule that read it: deictic (today), relative (last week), offset (two days
    ago), anaphoric (that year, the next day), weekday, date (March 8, 1999 or March 8), month,
    year, decade, quarter, named (Christmas), fiscal, year_end. ``unit`` is the granularity
    named; ``offset`` counts units from the anchor or the reference; ``year_rel`` is a year
    given relative to the anchor ("April next year")."""

    form: str
    unit: str
    offset: int = 0
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    quarter: int | None = None
    name: str | None = None
    modifier: str | None = None
    year_rel: int | None = None
    part: str | None = None
    relation: str | None = None
    flags: tuple[str, ...] = field(default=())

    def __repr__(self) -> str:
        shown = [f"form={self.form!r}", f"unit={self.unit!r}"]
        for f in fields(self)[2:]:
            v = getattr(self, f.name)
            if v not in (None, (), 0) or (f.name == "offset" and v):
                shown.append(f"{f.name}={v!r}")
        return f"Spec({', '.join(shown)})"

    @property
    def measured_from(self) -> str:
        """The anchor part: "none" (absolute: a year is given), "anchor" (the publication
        time: "last week", "Tuesday", "March 3"), or "focus" (a date named earlier in the
        sentence, else the anchor: "that year", "a year earlier")."""
        if self.form == "anaphoric" or "relative-to-focus" in self.flags:
            return "focus"
        if self.year is not None and "century-guessed" not in self.flags:
            return "none"
        return "anchor"

    @property
    def granularity(self) -> str:
        """The precision of the answer ("weekend" is a week, dated by its Saturday)."""
        return self.unit

    def but(self, **changes: object) -> Spec:
        kw = {f.name: getattr(self, f.name) for f in fields(self)}
        kw.update(changes)
        return Spec(**kw)  # type: ignore[arg-type]


def _alt(phrases: object) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))  # type: ignore[arg-type]


@cache
def _vocab() -> dict[str, object]:
    w, lx = words(), lexicon()
    months = {**w["months"], **w["month_abbreviations"]}
    weekdays = {**w["weekdays"], **w["weekday_abbreviations"]}
    v: dict[str, object] = {
        "months": months,
        "weekdays": weekdays,
        "day_offsets": w["day_offsets"],
        "tod": w["times_of_day"],
        **lx,
        # keys as ``normalise`` writes them ("eid al-fitr" -> "eid al fitr", "st. patrick's day"
        # -> "st patrick's day", "the first of the year" -> "the 1st of the year") -> table key
        "named": {normalise(k): k for k in named_days()},
    }
    for name in ("part", "approximator", "relation"):  # "the first half of" -> "the 1st half of"
        v[name] = {normalise(k): val for k, val in lx[name].items()}
    return v


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    v = _vocab()
    M, WD = _alt(v["months"]), _alt(v["weekdays"])
    UNIT = _alt(v["unit"])
    REL = _alt(v["relative"])
    ANA = _alt(v["anaphoric"])
    DIR = _alt(v["direction"])
    D = r"(3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
    Y = r"(\d{4})"
    ORD = r"(1|2|3|4)(?:st|nd|rd|th)"
    YREL = rf"({_alt(_YREL)}) year"
    MOD = _alt(_MOD)
    return {
        "approx": re.compile(rf"^(?:{_alt(v['approximator'])}) (?=\S)"),
        "relation": re.compile(rf"^({_alt(v['relation'])}) (?=\S)"),
        "part": re.compile(rf"^({_alt(v['part'])})[ -](?=\S)"),
        # "1990 and beyond", "this year to date", "the year so far": part of the unit
        "tail_part": re.compile(r" (?:and (?:beyond|after|later|earlier|before)|to date|so far)$"),
        "tod": re.compile(rf"^(.+?) (?:{_alt(v['tod'])})$"),
        # ISO 8601, extended ("1998-01-08") or basic ("19980108", as wire headers write it)
        "iso": re.compile(
            r"^(?:(\d{4})-(\d{1,2})-(\d{1,2})|((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d))"
            r"(?:[t ][\d:.]+z?)?$"
        ),
        "dmy": re.compile(rf"^(?:({WD}),? )?(?:the )?{D}(?: of)? ({M})(?:,? {Y})?$"),
        # "Feb. 10 and 11": the first of the two days; "March the twentieth" (spoken)
        "mdy": re.compile(
            rf"^(?:(?:this coming |this |next |last )?({WD}),? )?({M}) (?:the )?{D}(?:(?: ?- ?| and | or | to )(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?)?(?:,? {Y})?$"
        ),
        # "last Dec. 12", "next May 5", "this Jan. 14": the occurrence before / after / of now
        "mod_md": re.compile(rf"^(last|next|this|this coming|this past) ({M}) {D}$"),
        "my": re.compile(rf"^(?:the month of )?({M}),? (?:of )?{Y}$"),
        # "October '87", "Oct. 19, '87": a year of two digits after an apostrophe
        "md_short": re.compile(rf"^({M})(?: {D})?,? (?:of )?'(\d\d)$"),
        "m_yrel": re.compile(rf"^({M}),? (?:of )?{YREL}$"),
        # "the January-March quarter", "the July-September period", "March-April 1990": a run
        # of months, from its first
        "month_range": re.compile(
            rf"^(?:the )?({M})\.?(?: ?[-/] ?| to | through | )({M})(?:,? {Y})?"
            r"(?: (quarter|period|months))?$"
        ),
        # "Jan. 15 last year", "October two years ago", "Jan. 15 a year ago": a month or day
        # of a year named from the anchor
        "md_yrel": re.compile(rf"^({M}) {D},? (?:of )?(last|next|this) year$"),
        "md_ago": re.compile(rf"^({M})(?: {D})?,? (\d{{1,2}}|{_alt(_FEW)}) years? ago$"),
        # "Tuesday a week ago": as "a week ago Tuesday"
        "wd_ago": re.compile(rf"^({WD}),? (\d{{1,2}}|{_alt(_FEW)}) weeks? ago$"),
        "month": re.compile(rf"^(?:({MOD}) )?(?:the month of )?({M})$"),
        # "the first nine months of 1989", "the last two weeks of March": part of the unit named
        "units_of": re.compile(
            r"^the (?:1st|first|last|final|past|closing|opening) (?:\d{1,3} |few |several )?"
            r"(?:days|weeks|months|quarters) (?:of|in) (.+)$"
        ),
        # "the first day of March", "the last day of 1999": a day at an end of the unit named
        "day_of": re.compile(r"^the (1st|first|last|final) day of (.+)$"),
        "year": re.compile(
            # "the 1990 model year", "the 1987 crop year", "the 1986 period" (data/dates: year_kind)
            rf"^(?:the year |the calendar year |calendar |the )?{Y}"
            rf"(?: (?:{_alt(v['year_kind'])}))?$"
        ),
        "short_year": re.compile(r"^'(\d\d)$"),
        # "1989-90", "the 1986/87 season", "2012-2013": a span of two years, from the first
        "year_range": re.compile(
            rf"^(?:the )?{Y} ?[-/] ?(\d\d|\d{{4}})(?: (?:{_alt(v['year_kind'])}|{_alt(v['unit'])}))?$"
        ),
        "possessive": re.compile(rf"^(?:{_alt(v['possessive'])}) (?=\S)"),
        "decade": re.compile(r"^(?:the )?(\d{3})0'?s$"),
        "short_decade": re.compile(r"^(?:the )?'?(\d)0'?s$"),
        "decade_word": re.compile(rf"^(?:the )?(1[89]|20)? ?({_alt(_DECADE_WORDS)})$"),
        "century": re.compile(r"^(?:the )?(\d{1,2})(?:st|nd|rd|th) century$"),
        "week_of": re.compile(
            rf"^(?:the )?(1st|2nd|3rd|4th|first|last|final) week (?:of|in) "
            rf"(?:({M})(?:,? (?:of )?{Y})?|(this|next|last) month)$"
        ),
        # "the first Monday in December", "the last Friday of the month", "the third
        # Wednesday of next month": a weekday counted within a month
        "nth_weekday": re.compile(
            rf"^the (1st|2nd|3rd|4th|5th|last|final) ({WD}) (?:in|of) "
            rf"(?:({M})(?:,? (?:of )?{Y})?|(the|this|next|last) month)$"
        ),
        "deictic": re.compile(rf"^({_alt(v['day_offsets'])})$"),
        "relative": re.compile(rf"^({REL}) ({UNIT})$"),
        "anaphoric": re.compile(rf"^({ANA}) ({UNIT})$"),
        "the_unit": re.compile(rf"^the ({UNIT})$"),
        "nth_day": re.compile(r"^the (\d{1,2})(?:st|nd|rd|th) day$"),
        # "a hundred years ago" is read "a 100 years ago"
        "offset": re.compile(rf"^(?:a )?(\d{{1,4}}|{_alt(_FEW)}) ({UNIT}) ({DIR})$"),
        # "a year and a half ago", "two and a half years ago", "half a century ago", "a
        # quarter century ago": a fraction of a long unit, counted in the next smaller one
        "fraction_offset": re.compile(
            r"^(?:(a|an|\d{1,3}) (year|decade|century) and a half|(a|an|\d{1,3}) and a half "
            r"(years|decades|centuries)|(half) an? (year|decade|century)|a (quarter)(?: of a)? "
            rf"(century)) ({DIR})$"
        ),
        # "the day before", "the week after" (not "the weeks before": a stretch of time)
        "unit_dir": re.compile(
            r"^(?:the )?(day|week|month|year) (before|after|following|earlier|later|ago)$"
        ),
        "year_adj": re.compile(r"^(?:the |a )?year (earlier|ago|before|later)$"),
        # "the day after Christmas", "two days before Nov. 7", "the week after Easter": days
        # or weeks from a day named
        "unit_from_day": re.compile(r"^(the|a|an|\d{1,2}) (day|week)s? (before|after) (.+)$"),
        # "the year-earlier period", "the year-ago quarter", "the prior-year period": the unit
        # a year back (a period or an amount: the year)
        "year_adj_noun": re.compile(
            r"^(?:the |a |its |their )?(?:comparable |corresponding )?"
            r"(?:year (?:earlier|ago|before)|prior year|previous year) "
            r"(period|quarter|month|week|day|levels?|results|figures?|totals?|rates?)$"
        ),
        # "the same period last year", "the corresponding period of 1988"
        "same_period": re.compile(
            rf"^the (?:same|corresponding|comparable) period(?: of| in)? "
            rf"(?:({_alt(_YEAR_BACK)})|{Y})$"
        ),
        "weekday": re.compile(rf"^(?:({MOD}) )?({WD})$"),
        "after_next": re.compile(r"^the (week|month|year) (after next|before last)$"),
        "ago_on": re.compile(rf"^(\d{{1,2}}|{_alt(_FEW)}) (week|month|year)s? ago (.+)$"),
        "quarter": re.compile(
            rf"^(?:the )?(?:fiscal )?{ORD} (?:fiscal )?quarter(?: (?:of |in )?(?:{Y}|{YREL}))?$"
        ),
        "year_quarter": re.compile(
            rf"^(?:the )?(?:{Y}|(this|next|last) year)'?s? (?:fiscal )?{ORD} quarter$"
        ),
        "q": re.compile(r"^q([1-4])(?: (\d{4}))?$"),
        "fiscal": re.compile(
            r"^(?:the )?(?:fiscal|fiscal year|fy|financial year) ?'?(\d{4}|\d\d)(?:[-/](\d{2,4}))?$"
        ),
        "year_fiscal": re.compile(r"^(?:the |its |their )?(\d{4}) (?:fiscal|financial) year$"),
        "fiscal_rel": re.compile(rf"^(?:the )?(?:({REL}) )?(?:fiscal|financial) year$"),
        "year_end": re.compile(
            rf"^(?:the )?(?:({REL}) )?(?:{Y} )?(?:year[ -]end|year's end|end-of-year)(?:,? {Y})?$"
        ),
        # "the week of Oct. 23", "the week ended Oct. 27", "the month ending Sept. 30": the
        # unit holding the date the rest names
        "unit_of": re.compile(
            r"^(?:the )?(week|month|quarter|year|fiscal year|financial year) "
            r"(?:of|ended|ending|that ended|that ends|which ended|beginning|starting|commencing) (.+)$"
        ),
        # "the same month last year", "the same quarter a year earlier": the unit a year back
        "year_back": re.compile(
            rf"^the (?:same|corresponding|comparable) (day|week|month|quarter)(?: of| in)? "
            rf"(?:{_alt(_YEAR_BACK)})$"
        ),
        # "Friday next week", "Tuesday of last week"
        "weekday_week": re.compile(rf"^({WD}),? (?:of )?(next|last|this) week$"),
        # "a week from Friday", "a week from tomorrow"
        "week_from": re.compile(rf"^(?:a|one) week from ({WD}|tomorrow)$"),
        # "the 15th": a day of the month the anchor's month or the one next to it
        "weekday_nth": re.compile(rf"^({WD}),? the (3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)$"),
        "month_day": re.compile(
            r"^the (3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)(?: of (last|this|next|the) month)?"
            r"(?: (?:and|or|to) (?:the )?(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th))?$"
        ),
        # "the first half", "the second half": of the year in focus
        "half": re.compile(r"^the (?:1st|2nd|first|second|last|latter|later) half$"),
        # "this summer", "last winter", "the spring of 1990", "summer 1990"
        "season": re.compile(
            rf"^(?:({MOD}|the) )?({_alt(v['season'])})(?:,? (?:of )?(?:{Y}|'(\d\d)))?$"
        ),
        "in_the_unit": re.compile(rf"^(?:earlier|later|early|late) in (?:the|that) ({UNIT})$"),
        "named": re.compile(
            rf"^(?:(last|this|next|this past|this coming|the) )?({_alt(v['named'])})"
            rf"(?: (weekend|week))?(?:,? (?:of )?{Y})?$"
        ),
    }


_UNITS = {"weekend": "week", "century": "century"}
_BARE_UNITS = frozenset(["week", "month", "year"])
_FOCUS_MODIFIERS = frozenset(
    ["the following", "the next", "the previous", "the prior", "the preceding"]
)
_MID = re.compile(r"\bmid(?=(?:year|week|month)\b)")
_LX = lexicon()
_DECADE_WORDS = {w: int(v) for w, v in _LX["decade_word"].items()}  # "the eighties"
_FEW = {w: int(v) for w, v in _LX["count"].items()}  # "a couple of weeks ago"
_MOD = {w: (None if v == "none" else v) for w, v in _LX["modifier"].items()}  # "this past"
_YREL = {w: int(v) for w, v in _LX["year_relative"].items()}  # "April next year"
_YEAR_BACK = frozenset(_LX["year_back"])  # "last year", "a year earlier" after "the same month"


_CLOCK = re.compile(r"\(?\b\d{1,4}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm|gmt|utc|edt|est|cst|pst)\)?")
_ZONE = re.compile(r"\b(?:a\.m\.|p\.m\.|gmt|utc|edt|est|local time)\b")
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z\d])|(?<=\d)-(?=[a-z])")
_DOT = re.compile(r"(?<=[a-z])\.(?=[\s,]|$)")
_QUOTES = re.compile(r"^'+(?!\d)|'+$(?<!\ds')")
# "the 1980's", "the late '70's", "mid-1990's": a decade's plural written with an apostrophe
# (the style of some papers) once a word stands before it; a bare "1980's" stays a possessive
_DECADE_PLURAL = re.compile(r"^.+ (?:\d{3}0|'\d0)'s$")


@lru_cache(maxsize=8192)
def normalise(expression: str) -> str:
    """Lower case, plain quotes, single spaces, no outer punctuation, number words as digits,
    hyphens between words as spaces ("mid-November", "year-earlier"), clock times dropped."""
    e = expression.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    if any(c.isdigit() for c in e) or "." in e:
        e = _ZONE.sub(" ", _CLOCK.sub(" ", e))
    e = _HYPHEN.sub(" ", e)
    e = _MID.sub("mid ", e)  # "midyear" as "mid-year"
    e = _DOT.sub("", e)  # "sept." -> "sept", "wed.," -> "wed,"
    e = " ".join(e.split()).strip(' .,;:()"!?')
    e = _QUOTES.sub("", e).strip()  # quotes, not "'98" or "the '80s"
    if e.endswith("0's") and _DECADE_PLURAL.match(e):
        e = e[:-2] + "s"
    e = e.removesuffix("'s")  # "friday's", "this year's"
    return digits(e)


def _strip_prefixes(e: str) -> tuple[str, dict[str, object]]:
    rx = _rx()
    got: dict[str, object] = {"flags": ()}
    for _ in range(4):
        if m := rx["approx"].match(e):
            got["flags"] = (*got["flags"], "approximate")  # type: ignore[misc]
            e = e[m.end() :]
        elif (m := rx["relation"].match(e)) and "relation" not in got:
            got["relation"] = m.group(1)
            e = e[m.end() :]
        elif (m := rx["part"].match(e)) and "part" not in got:
            got["part"] = _vocab()["part"][m.group(1)]  # type: ignore[index]
            e = e[m.end() :]
        else:
            break
    if m := rx["tail_part"].search(e):
        e = e[: m.start()]
        got["part"] = "part"
    return e, got


_TWO_DIGITS = re.compile(r"[2-9]\d")  # "twenty" and on: "thirteen" is a count


@lru_cache(maxsize=8192)
def parse(expression: str) -> Spec | None:
    """The ``Spec`` of a time expression, or None when it is not one this grammar reads."""
    e = normalise(expression)
    if not e:
        return None
    spec = _core(e)
    if spec is not None:
        return spec
    core, extra = _strip_prefixes(e)
    spec = _core(core)
    if spec is None and (m := _rx()["possessive"].match(core)):
        # "its fiscal year", "their third quarter", "its fiscal 1990": as "the ..." or bare
        spec = _core(f"the {core[m.end() :]}") or _core(core[m.end() :])
    if spec is None and _TWO_DIGITS.fullmatch(core) and not any(c.isdigit() for c in expression):
        # a year spoken in two words ("in ninety-seven", "since eighty-eight"): its century is
        # the one nearest the anchor, as for "'97"
        spec = Spec("year", "year", year=int(core), flags=("century-guessed",))
    if spec is None and extra.get("part") and core in _BARE_UNITS:
        spec = Spec("anaphoric", _unit(core), offset=0, flags=("anaphoric",))  # "mid-year"
    if spec is None:
        m = _rx()["tod"].match(core)  # "friday morning", "yesterday evening"
        spec = _core(m.group(1)) if m else None
        if spec is None or spec.unit != "day":
            return None
    flags = (*spec.flags, *extra.get("flags", ()))  # type: ignore[misc]
    return spec.but(
        part=extra.get("part", spec.part),
        relation=extra.get("relation", spec.relation),
        flags=flags,
    )


def _next_year(first: int, second: str) -> bool:
    """Whether ``second`` ("90", "1990") is the year after ``first`` (1989) or a later one of
    the same decade, so that "1989-90" is a span of years, not a date ("2014-15" is no 15th)."""
    later = int(second) if len(second) == 4 else first - first % 100 + int(second)
    if len(second) == 2 and later < first:
        later += 100  # "1999-00"
    return 0 < later - first <= 9


def _num(s: str) -> int:
    return int(s) if s.isdigit() else _FEW[s]


def _unit(u: str) -> str:
    value = lexicon()["unit"][u]
    return _UNITS.get(value, value)


def _plural(unit_word: str) -> bool:
    return unit_word.endswith("s")  # days, weeks, months, years, decades, centuries


def _names_a_day(spec: Spec | None) -> bool:
    return spec is not None and spec.unit == "day" and spec.form in _DAY_FORMS


_DAY_FORMS = frozenset(["date", "weekday", "deictic", "named"])
_DAY_OF_FORMS = frozenset(["month", "year", "relative", "anaphoric", "quarter", "fiscal"])


def _holds_units(spec: Spec | None) -> bool:
    """Whether ``spec`` names a month, quarter or year that can hold "the first nine months"."""
    return spec is not None and spec.unit in ("month", "quarter", "year") and not spec.part


def _ends_a_unit(spec: Spec | None) -> bool:
    """Whether ``spec`` names a month, quarter or year whose first or last day can be meant."""
    return spec is not None and spec.form in _DAY_OF_FORMS and spec.unit != "day"


_DAY_GRAINED = frozenset(["week", "month", "year"])  # "a year from today" is a day


def _opens_with_a_month(e: str, months: object) -> bool:
    """The cheap test before the run-of-months pattern: a month name first, or after "the"."""
    words = e.split(" ", 2)
    first = words[1] if words[0] == "the" and len(words) > 1 else words[0]
    return first.split(".", 1)[0].split("/", 1)[0] in months  # type: ignore[operator]


def _core(e: str) -> Spec | None:
    rx, v = _rx(), _vocab()
    months, weekdays = v["months"], v["weekdays"]
    if m := rx["iso"].match(e):
        y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        return Spec("date", "day", year=int(y), month=int(mo), day=int(d))
    if m := rx["deictic"].match(e):
        return Spec("deictic", "day", offset=v["day_offsets"][m[1]])  # type: ignore[index]
    # the weekday of "Monday, Jan. 8" is kept: it tells the year when the text gives none
    if m := rx["dmy"].match(e):
        wd = weekdays[m[1]] if m[1] else None
        year = int(m[4]) if m[4] else None
        return Spec("date", "day", year=year, month=months[m[3]], day=int(m[2]), weekday=wd)
    if m := rx["mdy"].match(e):
        wd = weekdays[m[1]] if m[1] else None
        year = int(m[4]) if m[4] else None
        return Spec("date", "day", year=year, month=months[m[2]], day=int(m[3]), weekday=wd)
    if e[:4] in ("last", "next", "this") and (m := rx["mod_md"].match(e)):
        mod = _MOD.get(m[1], m[1].split()[-1])
        return Spec("date", "day", month=months[m[2]], day=int(m[3]), modifier=mod)
    if m := rx["my"].match(e):
        return Spec("month", "month", year=int(m[2]), month=months[m[1]])
    if "'" in e and (m := rx["md_short"].match(e)):
        flags = ("century-guessed",)
        if m[2]:
            return Spec(
                "date", "day", year=int(m[3]), month=months[m[1]], day=int(m[2]), flags=flags
            )
        return Spec("month", "month", year=int(m[3]), month=months[m[1]], flags=flags)
    if " year" in e and (m := rx["md_yrel"].match(e)):
        return Spec("date", "day", month=months[m[1]], day=int(m[2]), year_rel=_YREL[m[3]])
    if e.endswith(" ago") and (m := rx["md_ago"].match(e)):
        rel = -_num(m[3])
        if m[2]:
            return Spec("date", "day", month=months[m[1]], day=int(m[2]), year_rel=rel)
        return Spec("month", "month", month=months[m[1]], year_rel=rel)
    if e.endswith(" ago") and (m := rx["wd_ago"].match(e)):
        return Spec("ago_on", "day", weekday=weekdays[m[1]], name="week", offset=-_num(m[2]))
    if m := rx["m_yrel"].match(e):
        rel = _YREL[m[2]]
        flags = (
            ("anaphoric",) if m[2] in ("that", "the same", "the following", "the previous") else ()
        )
        return Spec("month", "month", month=months[m[1]], year_rel=rel, flags=flags)
    if m := rx["month"].match(e):
        mod = _MOD[m[1]] if m[1] else None
        if mod == "that":  # "that March": of the year in focus, as "March of that year"
            return Spec("month", "month", month=months[m[2]], year_rel=0, flags=("anaphoric",))
        return Spec("month", "month", month=months[m[2]], modifier=mod)
    if m := rx["year"].match(e):
        return Spec("year", "year", year=int(m[1]))
    if ("-" in e or "/" in e) and (m := rx["year_range"].match(e)) and _next_year(int(m[1]), m[2]):
        return Spec("year", "year", year=int(m[1]), flags=("range",))
    if m := rx["short_year"].match(e):
        return Spec("year", "year", year=int(m[1]), flags=("century-guessed",))
    if m := rx["decade"].match(e):
        return Spec("decade", "decade", year=int(m[1]) * 10)
    if m := rx["short_decade"].match(e):
        return Spec("decade", "decade", year=int(m[1]) * 10, flags=("century-guessed",))
    if m := rx["decade_word"].match(e):
        if m[1]:  # "the nineteen eighties"
            return Spec("decade", "decade", year=int(m[1]) * 100 + _DECADE_WORDS[m[2]] * 10)
        return Spec("decade", "decade", year=_DECADE_WORDS[m[2]] * 10, flags=("century-guessed",))
    if m := rx["century"].match(e):
        return Spec("century", "century", year=(int(m[1]) - 1) * 100)
    if m := rx["week_of"].match(e):
        n = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "first": 1, "last": -1, "final": -1}[m[1]]
        if m[4]:  # "the first week of next month": of the anchor's month, or next to it
            return Spec("week_of", "week", offset=n, year_rel={"next": 1, "last": -1}.get(m[4], 0))
        return Spec(
            "week_of", "week", month=months[m[2]], offset=n, year=int(m[3]) if m[3] else None
        )
    if e.startswith("the ") and (m := rx["nth_weekday"].match(e)):
        n = -1 if m[1] in ("last", "final") else int(m[1][0])
        if m[3]:  # of a month named: chosen as a bare month is, by tense and nearness
            year = int(m[4]) if m[4] else None
            return Spec(
                "nth_weekday",
                "day",
                offset=n,
                weekday=weekdays[m[2]],
                month=months[m[3]],
                year=year,
            )
        rel = {"next": 1, "last": -1}.get(m[5], 0)  # "of the month": the anchor's
        return Spec("nth_weekday", "day", offset=n, weekday=weekdays[m[2]], year_rel=rel)
    if m := rx["weekday"].match(e):
        mod = _MOD[m[1]] if m[1] else None
        # "the following Monday", "the previous Friday": from the day in focus, if one is named
        flags = ("relative-to-focus",) if m[1] in _FOCUS_MODIFIERS or mod == "that" else ()
        return Spec("weekday", "day", weekday=weekdays[m[2]], modifier=mod, flags=flags)
    if m := rx["after_next"].match(e):  # "the week after next", "the year before last"
        return Spec("relative", _unit(m[1]), offset=2 if m[2] == "after next" else -2)
    if m := rx["ago_on"].match(e):  # "a year ago today", "a week ago Friday"
        inner = _core(m[3])
        if inner is not None and inner.unit == "day" and inner.form in ("deictic", "weekday"):
            return inner.but(form="ago_on", name=m[2], offset=-_num(m[1]), year=inner.offset)
        if m[2] == "year" and m[3] in ("this week", "this month"):
            # "a year ago this month": the anchor's week or month, years back, at its grain
            return Spec("year_back", m[3].split()[1], offset=-_num(m[1]))
    if ("half" in e or "quarter" in e) and (m := rx["fraction_offset"].match(e)):
        count, unit = next((m[i], m[i + 1]) for i in (1, 3, 5, 7) if m[i])
        amount = 0.5 if count == "half" else 0.25 if count == "quarter" else _num(count) + 0.5
        unit = unit.rstrip("s").replace("centurie", "century")
        small, per = {"year": ("month", 12), "decade": ("year", 10), "century": ("year", 100)}[unit]
        sign = int(v["direction"][m[9]])  # type: ignore[index]
        flags = ("relative-to-focus",) if m[9] in ("earlier", "later", "before", "after") else ()
        return Spec("offset", small, offset=sign * round(amount * per), flags=flags)
    if (m := rx["offset"].match(e)) and m[3] == "from today" and _unit(m[2]) in _DAY_GRAINED:
        # "a year from today": the day a year on, as "a year ago today" is the day a year back
        return Spec("ago_on", "day", name=_unit(m[2]), offset=_num(m[1]), year=0)
    if m := rx["offset"].match(e):
        sign = int(v["direction"][m[3]])  # type: ignore[index]
        # "ago", "from now": from the anchor; "earlier", "later": from the time in focus
        flags = ("relative-to-focus",) if m[3] in ("earlier", "later", "before", "after") else ()
        return Spec("offset", _unit(m[2]), offset=sign * _num(m[1]), flags=flags)
    if m := rx["year_adj"].match(e):
        sign = 1 if m[1] in ("later",) else -1
        # "the year before", "the year earlier": from the year in focus, as "a year earlier"
        # ("In 1987, sales rose from the year before"); "year ago" from now, and the bare
        # adjective "year-earlier" too (it compares with the story's period: "sales in the
        # first two months fell from 132,105 in the year-earlier period")
        focus = m[1] != "ago" and e.startswith("the ")
        flags = ("relative-to-focus",) if focus else ()
        return Spec("offset", "year", offset=sign, flags=flags)
    if m := rx["year_adj_noun"].match(e):
        if m[1] in ("quarter", "month", "week", "day"):
            return Spec("year_back", m[1], offset=-1, flags=("relative-to-focus",))
        return Spec("offset", "year", offset=-1)
    if m := rx["same_period"].match(e):
        if m[2]:
            return Spec("year", "year", year=int(m[2]))
        return Spec("year_back", "year", offset=-1, flags=("relative-to-focus",))
    if (
        (" before " in e or " after " in e)
        and (m := rx["unit_from_day"].match(e))
        and _names_a_day(_core(m[4]))
    ):
        # "the week after Christmas" is a week; "a week after Oct. 19" the day a week on
        n = int(m[1]) if m[1].isdigit() else 1
        sign = 1 if m[3] == "after" else -1
        unit = m[2] if m[1] == "the" else "day"
        days = 7 if m[2] == "week" and unit == "day" else 1
        return Spec("unit_from_day", unit, offset=sign * n * days, name=m[4])
    if m := rx["unit_dir"].match(e):
        sign = 1 if m[2] in ("after", "later", "following") else -1
        form = "offset" if m[2] == "ago" else "anaphoric"
        return Spec(form, _unit(m[1]), offset=sign)
    if m := rx["nth_day"].match(e):
        return Spec("anaphoric", "day", offset=0, flags=("nth-day",))
    if m := rx["year_end"].match(e):
        rel = int(v["relative"][m[1]]) if m[1] else None  # type: ignore[index]
        y = m[2] or m[3]
        return Spec("year_end", "month", month=12, year=int(y) if y else None, year_rel=rel)
    if (m := rx["unit_of"].match(e)) and _names_a_day(_core(m[2])):
        return Spec("unit_of", "year" if m[1].endswith("year") else m[1], name=m[2])
    if m := rx["year_back"].match(e):
        return Spec("year_back", m[1], offset=-1, flags=("relative-to-focus",))
    if m := rx["weekday_week"].match(e):
        rel = {"next": 1, "last": -1, "this": 0}[m[2]]
        return Spec("weekday_week", "day", weekday=weekdays[m[1]], offset=rel)
    if m := rx["week_from"].match(e):
        inner = m[1]
        if inner in weekdays:
            return Spec("week_from", "day", weekday=weekdays[inner], offset=7)
        return Spec("deictic", "day", offset=v["day_offsets"][inner] + 7)  # type: ignore[index]
    if rx["half"].match(e):
        return Spec("anaphoric", "year", offset=0, part="half", flags=("anaphoric",))
    if m := rx["season"].match(e):
        mod = None if m[1] in (None, "the") or _MOD[m[1]] == "that" else _MOD[m[1]]
        year = int(m[3]) if m[3] else None
        flags: tuple[str, ...] = ("season",)
        if m[4]:  # "summer '89"
            year, flags = int(m[4]), ("season", "century-guessed")
        month = int(v["season"][m[2]])  # type: ignore[index]
        return Spec("season", "quarter", month=month, modifier=mod, year=year, flags=flags)
    if (m := rx["units_of"].match(e)) and _holds_units(inner := _core(m[1])):
        return inner.but(part="part")  # type: ignore[union-attr]  # "the first nine months of 1989"
    if (m := rx["day_of"].match(e)) and _ends_a_unit(_core(m[2])):
        # "the last day of February": the month's end
        return Spec("day_of", "day", name=m[2], offset=-1 if m[1] in ("last", "final") else 0)
    if " the " in e and (
        m := rx["weekday_nth"].match(e)
    ):  # "Friday the 13th": a month whose 13th is a Friday
        return Spec("month_day", "day", day=int(m[2]), weekday=weekdays[m[1]])
    if m := rx["month_day"].match(e):  # "the 15th", "the 28th of last month"
        if m[2] and m[2] != "the":  # "the first of the month": the one tense or nearness picks
            rel = {"last": -1, "this": 0, "next": 1}[m[2]]
            return Spec("month_day", "day", day=int(m[1]), year_rel=rel)
        return Spec("month_day", "day", day=int(m[1]))
    if m := rx["year_fiscal"].match(e):
        return Spec("fiscal", "year", year=int(m[1]), flags=("fiscal",))
    if m := rx["fiscal_rel"].match(e):
        rel = int(v["relative"][m[1]]) if m[1] else 0  # type: ignore[index]
        return Spec("fiscal", "year", year_rel=rel, flags=("fiscal",))
    if m := rx["fiscal"].match(e):
        y = int(m[1])
        if m[2]:  # "fiscal 2014-15": named by the second year
            y2 = int(m[2])
            y = (y // 100 * 100 + y2 % 100) if y >= 100 else y2
            if y < 100:
                return Spec("fiscal", "year", year=y, flags=("fiscal", "century-guessed"))
            return Spec("fiscal", "year", year=y, flags=("fiscal", "named-by-end"))
        flags = ("fiscal",) if y >= 100 else ("fiscal", "century-guessed")
        return Spec("fiscal", "year", year=y, flags=flags)
    if m := rx["quarter"].match(e):
        yr = int(m[2]) if m[2] else None
        rel = _YREL[m[3]] if m[3] else None  # none given: "the fourth quarter" is chosen
        return Spec("quarter", "quarter", quarter=int(m[1]), year=yr, year_rel=rel)
    if m := rx["year_quarter"].match(e):
        rel = _YREL[m[2]] if m[2] else None
        return Spec(
            "quarter", "quarter", quarter=int(m[3]), year=int(m[1]) if m[1] else None, year_rel=rel
        )
    if m := rx["q"].match(e):
        return Spec(
            "quarter",
            "quarter",
            quarter=int(m[1]),
            year=int(m[2]) if m[2] else None,
            year_rel=None if m[2] else 0,
        )
    if (m := rx["relative"].match(e)) and not _plural(m[2]):  # "the coming months": vague
        word, unit = m[1], _unit(m[2])
        flags = ("anaphoric",) if word in v["anaphoric"] else ()  # type: ignore[operator]
        form = "anaphoric" if flags else "relative"
        spec = Spec(form, unit, offset=int(v["relative"][word]), flags=flags)  # type: ignore[index]
        if m[2].startswith("weekend"):
            spec = spec.but(name="weekend")
        if word in ("earlier this", "early this"):
            spec = spec.but(part="early" if word == "early this" else None)
        if word in ("late this", "later this"):
            spec = spec.but(part="late" if word == "late this" else None)
        return spec
    if (m := rx["anaphoric"].match(e)) and not _plural(m[2]):
        return Spec("anaphoric", _unit(m[2]), offset=0, flags=("anaphoric",))
    if m := rx["in_the_unit"].match(e):  # "earlier in the year", "later in the day"
        return Spec("anaphoric", _unit(m[1]), offset=0, flags=("anaphoric",))
    if (m := rx["the_unit"].match(e)) and not _plural(m[1]):
        spec = Spec("anaphoric", _unit(m[1]), offset=0, flags=("anaphoric",))
        return spec.but(name="weekend") if m[1].startswith("weekend") else spec
    if (
        _opens_with_a_month(e, months)
        and (m := rx["month_range"].match(e))
        and months[m[1]] != months[m[2]]
    ):
        first, last = months[m[1]], months[m[2]]
        aligned = first % 3 == 1 and last == first + 2  # a calendar quarter
        return Spec(
            "month_range",
            "quarter" if aligned else "month",
            month=first,
            name=str(last),
            year=int(m[3]) if m[3] else None,
            flags=("range",),
        )
    if m := rx["named"].match(e):
        mod = (
            {"the": None, "this past": "last", "this coming": "next"}.get(m[1], m[1])
            if m[1]
            else None
        )
        name = v["named"][m[2]]  # type: ignore[index]
        year = int(m[4]) if m[4] else None
        if m[3]:  # "the Labor Day weekend", "Christmas week": the week (or weekend) holding it
            return Spec("named", "week", name=name, modifier=mod, year=year, flags=(m[3],))
        return Spec("named", "day", name=name, modifier=mod, year=year)
    return None
