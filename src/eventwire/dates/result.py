"""The answer of ``resolve_date``: a ``(date, precision)`` pair that also says whether the
expression names the event's own time (a point) or a period it bounds ("since 1979")."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

PRECISIONS = ("day", "week", "month", "quarter", "year", "decade", "century")


def _period_end(d: date, precision: str) -> date:
    if precision == "day":
        return d
    if precision == "week":
        return d - timedelta(days=d.weekday()) + timedelta(days=6)
    months = {"month": 1, "quarter": 3}.get(precision)
    if months:
        y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
        return date(y, m + 1, 1) - timedelta(days=1)
    years = {"year": 1, "decade": 10, "century": 100}[precision]
    return date(min(d.year + years, 9999), 1, 1) - timedelta(days=1)


class DateResult(tuple):  # type: ignore[type-arg]
    """``(date, precision)`` (it unpacks, indexes and compares as that pair) plus:

    * ``kind``: ``"point"`` when the expression dates what the clause reports ("on 15 April
      2023", "last week"), ``"period"`` when it bounds a stretch of time the event is not dated
      by: "since 1979", "until March", "by Dec. 15", "from May", "before the vote in June";
    * ``relation``: that preposition ("since", "until", "by", ...), else None;
    * ``span``: the first and last day covered (a fiscal year's own months when the sentence
      names a known convention);
    * ``flags``: how it was read: "approximate" ("almost four years ago"), "fiscal" (a fiscal
      year; "calendar-assumed" when no convention was named), "anaphoric" (measured from a
      date named earlier in the sentence), "nearest" (no tense cue: the date nearest the
      anchor was taken), "century-guessed" ("the '80s"), "part:end" ("the end of 1990"),
      "cause:because of" (the date sits in a phrase that names a cause or an earlier event:
      "fell because of a drop in income last year", "after last week's vote": it dates that,
      not the clause's event).

    ``date`` is the start of what is named: the day, the week's Monday ("this weekend": its
    Saturday), the first of the month, quarter or year. For a period it is the bound the
    expression names (since -> its start, until/by -> the named date), never an invented day.
    """

    date: date
    precision: str
    kind: str
    relation: str | None
    flags: tuple[str, ...]
    span: tuple[date, date]

    def __new__(  # noqa: PYI034 - returns the class itself, never a subclass's
        cls,
        when: date,
        precision: str,
        *,
        kind: str = "point",
        relation: str | None = None,
        flags: tuple[str, ...] = (),
        span: tuple[date, date] | None = None,
    ) -> DateResult:
        if precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}: {precision!r}")
        if kind not in ("point", "period"):
            raise ValueError(f"kind must be 'point' or 'period': {kind!r}")
        self = super().__new__(cls, (when, precision))
        attrs = {
            "date": when,
            "precision": precision,
            "kind": kind,
            "relation": relation,
            "flags": tuple(flags),
            "span": span or (when, _period_end(when, precision)),
        }
        for k, v in attrs.items():
            object.__setattr__(self, k, v)
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("DateResult is immutable")

    def __repr__(self) -> str:
        extra = "" if self.kind == "point" else f", kind={self.kind!r}, relation={self.relation!r}"
        flags = f", flags={self.flags!r}" if self.flags else ""
        return f"DateResult({self.date!r}, {self.precision!r}{extra}{flags})"

    def __getnewargs_ex__(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        kw = {"kind": self.kind, "relation": self.relation, "flags": self.flags, "span": self.span}
        return (self.date, self.precision), kw

    def __reduce_ex__(self, protocol: Any) -> Any:
        args, kw = self.__getnewargs_ex__()
        return (_rebuild, (args, kw))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ISO dates."""
        return {
            "date": self.date.isoformat(),
            "precision": self.precision,
            "kind": self.kind,
            "relation": self.relation,
            "flags": list(self.flags),
            "span": [self.span[0].isoformat(), self.span[1].isoformat()],
        }


def _rebuild(args: tuple[Any, ...], kw: dict[str, Any]) -> DateResult:
    return DateResult(*args, **kw)
