"""Terminal views that fit the window (80 columns by default): events, trends, alerts.

Functions return lines of plain text; the CLI prints them. Nothing here truncates a value
unless it must: ``wide=True`` gives every value whole.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

SPARKS = "▁▂▃▄▅▆▇█"
MODALITY_SHORT = {"hypothetical": "hypoth", "obligation": "oblig"}
KIND_SHORT = {"conflict_share": "share", "conflict_volume": "volume"}


def _fit(value: str, width: int) -> str:
    return value if len(value) <= width else value[: max(0, width - 1)] + "…"


def _row(cells: Sequence[str], widths: Sequence[int], wide: bool) -> str:
    out = []
    for i, (cell, w) in enumerate(zip(cells, widths, strict=True)):
        last = i == len(widths) - 1
        text = cell if wide else _fit(cell, w)
        out.append(text if last else text.ljust(w))
    return " ".join(out).rstrip()


def _table(header: Sequence[str], rows: list[list[str]], fixed: list[int], width: int, wide: bool):
    """Lines of a table whose last column takes the room left (``fixed`` widths for the rest;
    with ``wide`` every column is as wide as its longest value)."""
    if wide:
        widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    else:
        rest = max(8, width - sum(fixed) - len(fixed))
        longest = max([len(header[-1])] + [len(r[-1]) for r in rows])
        widths = [*fixed, min(rest, longest)]
    lines = [_row(header, widths, wide), _row(["─" * w for w in widths], widths, True)]
    return lines, widths


def event_lines(
    events: list[dict[str, Any]],
    *,
    width: int = 80,
    wide: bool = False,
    sentence: bool = False,
    articles: dict[str, dict[str, Any]] | None = None,
) -> list[str]:
    """The events table: date, source, target, CAMEO code, PLOVER type, modality, the number
    of reports when the store links them, the trigger; optionally each event's sentence (the
    trigger in «»), and the article's title and URL."""
    counts = any(e.get("num_mentions") is not None for e in events)
    header = ["date", "source", "target", "cameo", "plover", "modality"]
    fixed = [10, 9, 9, 5, 10, 8]
    if counts:
        header.append("n")
        fixed.append(3)
    header.append("trigger")
    rows = []
    for e in events:
        tgt = e.get("target") or {}
        mod = e.get("modality") or ""
        row = [
            str(e.get("date") or "undated"),
            (e.get("source") or {}).get("code") or "",
            tgt.get("code") or "—",
            e.get("cameo") or "",
            e.get("plover") or "",
            MODALITY_SHORT.get(mod, mod),
        ]
        if counts:
            row.append(str(e.get("num_mentions") or 1))
        row.append(e.get("trigger") or "")
        rows.append(row)
    lines, widths = _table(header, rows, fixed, width, wide)
    indent = "    "
    for e, row in zip(events, rows, strict=True):
        lines.append(_row(row, widths, wide))
        if sentence and e.get("sentence"):
            text = _mark(e["sentence"], e.get("trigger"))
            if wide:
                lines.append(indent + text)
            else:
                lines.extend(textwrap.wrap(text, width, initial_indent=indent,
                                           subsequent_indent=indent))  # fmt: skip
        if articles is not None:
            doc = articles.get(e.get("doc_id"), {})
            title = doc.get("title") or e.get("doc_id") or ""
            where = doc.get("url") or doc.get("origin") or ""
            line = f"{indent}{title}" + (f" — {where}" if where else "")
            lines.append(line if wide else _fit(line, width))
    if not events:
        lines.append("(no events)")
    return lines


def _mark(sentence: str, trigger: str | None) -> str:
    if trigger:
        i = sentence.lower().find(trigger.lower())
        if i >= 0:
            j = i + len(trigger)
            return f"{sentence[:i]}«{sentence[i:j]}»{sentence[j:]}"
    return sentence


def sparkline(values: Sequence[float | None], width: int | None = None) -> str:
    """One character per value (or per bucket of values when wider than ``width``)."""
    vals = [0.0 if v is None else float(v) for v in values]
    if width and len(vals) > width:
        step = len(vals) / width
        vals = [
            sum(vals[int(i * step) : max(int(i * step) + 1, int((i + 1) * step))])
            for i in range(width)
        ]
    if not vals:
        return ""
    lo, hi = min(vals), max(vals)
    if hi == lo:
        return SPARKS[0 if hi == 0 else 3] * len(vals)
    return "".join(SPARKS[round((v - lo) / (hi - lo) * (len(SPARKS) - 1))] for v in vals)


def trend_lines(
    series: list[dict[str, Any]], *, title: str, width: int = 80, wide: bool = False
) -> list[str]:
    """A series as a table (period, events, reports, the four quad classes, conflict share,
    Goldstein mean, a bar) under two sparklines (events, Goldstein mean)."""
    lines = [title]
    if not series:
        return [*lines, "(no events)"]
    spark_w = max(10, width - 12)
    lines.append(f"{'events':<11} {sparkline([r['events'] for r in series], spark_w)}")
    gm = [r["goldstein_mean"] for r in series]
    lines.append(f"{'goldstein':<11} {sparkline([g if g is not None else 0 for g in gm], spark_w)}")
    lines.append("")
    header = ["period", "events", "reports", "vcoop", "mcoop", "vconf", "mconf", "confl%",
              "gold", "bar"]  # fmt: skip
    fixed = [10, 6, 7, 5, 5, 5, 5, 6, 5]
    peak = max(r["events"] for r in series) or 1
    rows = []
    bar_w = max(4, width - sum(fixed) - len(fixed))
    for r in series:
        share = r["conflict_share"]
        gold = r["goldstein_mean"]
        bar = "█" * round(r["events"] / peak * bar_w)
        rows.append([
            str(r["period"]), str(r["events"]), str(r["mentions"]), str(r["q1"]), str(r["q2"]),
            str(r["q3"]), str(r["q4"]), "" if share is None else f"{100 * share:.0f}",
            "" if gold is None else f"{gold:+.1f}", bar,
        ])  # fmt: skip
    tbl, widths = _table(header, rows, fixed, width, wide)
    right = {1, 2, 3, 4, 5, 6, 7, 8}
    lines.extend(tbl)
    for row in rows:
        cells = [c.rjust(widths[i]) if i in right else c for i, c in enumerate(row)]
        lines.append(_row(cells, widths, wide))
    return lines


def alert_lines(alerts: list[dict[str, Any]], *, width: int = 80, wide: bool = False) -> list[str]:
    """Alerts: dyad, period, conflict events of all events (and the baseline share), score,
    the tests that fired."""
    header = ["dyad", "period", "conflict", "base%", "score", "tests"]
    fixed = [9, 10, 9, 5, 5]
    rows = [
        [
            f"{a['a']}-{a['b']}",
            str(a["period"]),
            f"{a['conflict']}/{a['events']}",
            "" if a.get("base_share") is None else f"{100 * a['base_share']:.0f}",
            f"{a['score']:.1f}",
            ",".join(KIND_SHORT.get(k, k) for k in a["kinds"]),
        ]
        for a in alerts
    ]
    lines, widths = _table(header, rows, fixed, width, wide)
    lines.extend(_row(r, widths, wide) for r in rows)
    if not alerts:
        lines.append("(no alerts)")
    return lines
