"""Spelled-out numbers and years in a time expression, rewritten as digits.

    >>> digits("nineteen seventy-nine")
    '1979'
    >>> digits("march eighth")
    'march 8th'
    >>> digits("the year two thousand and one")
    'the year 2001'
    >>> digits("three weeks ago")
    '3 weeks ago'

Years are read the way they are spoken: two groups of two digits ("nineteen ninety-one",
"nineteen oh five", "nineteen hundred"), or with "thousand" ("two thousand and one"). The words
are in ``data/dates/numbers.tsv``.
"""

from __future__ import annotations

import re

from eventwire.dates.tables import numbers

_WORD = re.compile(r"[a-z]+|[^a-z]+")


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _groups(run: list[tuple[int, str]]) -> list[int] | None:
    """Two-digit groups of a run without scale words: "nineteen seventy nine" -> [19, 79]."""
    out: list[int] = []
    i = 0
    while i < len(run):
        v, kind = run[i]
        if (
            kind == "tens"
            and i + 1 < len(run)
            and run[i + 1][1] == "cardinal"
            and run[i + 1][0] < 10
        ):
            out.append(v + run[i + 1][0])
            i += 2
        elif kind == "cardinal" and v == 0 and i + 1 < len(run) and run[i + 1][0] < 10:
            out.append(run[i + 1][0])  # "oh five" -> 05
            i += 2
        elif kind == "scale" and v == 100 and out:
            out.append(0)  # "nineteen hundred" -> 19, 00
            i += 1
        else:
            out.append(v)
            i += 1
    return out


def _value(run: list[tuple[int, str]]) -> int | None:
    """The number a run of cardinal words names (a spoken year when it reads as one)."""
    kinds = [k for _, k in run]
    if "scale" in kinds and not (
        kinds[-1] == "scale" and run[-1][0] == 100 and len(run) == 2 and run[0][0] >= 10
    ):
        total = part = 0
        for v, k in run:
            if k == "scale":
                part = max(part, 1) * v
                if v >= 1000:
                    total, part = total + part, 0
            else:
                part += v
        return total + part
    g = _groups(run)
    if g is None:
        return None
    if len(g) == 1:
        return g[0]
    if len(g) == 2 and 10 <= g[0] <= 99 and 0 <= g[1] <= 99:
        return g[0] * 100 + g[1]
    return None


def digits(text: str) -> str:
    """``text`` (lower case) with runs of number words replaced by digits; an ordinal word keeps
    its ordinal suffix ("eighth" -> "8th"). Words that are not numbers are left alone."""
    table = numbers()
    if not any(w in table for w in re.findall(r"[a-z]+", text)):
        return text
    parts = _WORD.findall(text)
    out: list[str] = []
    run: list[tuple[int, str]] = []
    run_text: list[str] = []

    def flush() -> None:
        if not run:
            return
        ordinal = run[-1][1] == "ordinal"
        vals = [(v, "cardinal" if k == "ordinal" else k) for v, k in run]
        if ordinal and len(vals) == 2 and vals[0][1] == "tens":
            value: int | None = vals[0][0] + vals[1][0]
        else:
            value = _value(vals)
        lone_oh = len(run) == 1 and run_text[0] == "oh"
        if value is None or lone_oh:
            out.append("".join(run_text))
        else:
            out.append(f"{value}{_suffix(value)}" if ordinal else str(value))
            if run_text[-1] != run_text[-1].rstrip():
                out.append(" ")
        run.clear()
        run_text.clear()

    for p in parts:
        if p in table and not (run and run[-1][1] == "ordinal"):
            run.append(table[p])
            run_text.append(p)
        elif run and p in (" ", "-", " and ") and run[-1][1] != "ordinal":
            run_text.append(p)  # "seventy-nine", "two thousand and one"
        elif run and p == "and" and run[-1][1] == "scale":
            run_text.append(p)
        else:
            # a separator kept inside the run is given back when the run ends
            trailing = []
            while run_text and run_text[-1] in (" ", "-", "and"):
                trailing.insert(0, run_text.pop())
            flush()
            out.extend(trailing)
            if p in table:
                run.append(table[p])
                run_text.append(p)
            else:
                out.append(p)
    trailing = []
    while run_text and run_text[-1] in (" ", "-", "and"):
        trailing.insert(0, run_text.pop())
    flush()
    out.extend(trailing)
    return "".join(out)
