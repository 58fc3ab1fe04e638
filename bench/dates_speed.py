"""Cost of the dates stage alone: find and resolve every time expression of N Reuters stories.

    .venv/bin/python bench/dates_speed.py [--corpus ../shared/corpus/reuters21578.jsonl.gz]
        [--limit 1000] [--repeat 3]

Each story is cut into sentences at ". " and line breaks (as the timex scorer does); every
expression ``find_date_expressions`` finds in a sentence is resolved with ``resolve_date``
against the story's date (1987-03-01 when it has none), the sentence passed as ``context`` and
the expression's offset, as the coder calls it. Prints CPU seconds of this process per pass
(steadier than wall time on a loaded machine; the grammar's caches are cleared before every
pass) and the numbers of sentences, expressions and resolved expressions.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "reuters21578.jsonl.gz"
_SENT = re.compile(r"(?<=\.)\s+|\n+")


def load(corpus: Path, limit: int) -> list[tuple[date, list[str]]]:
    out = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            d = (r.get("date") or "")[:10]
            try:
                anchor = date.fromisoformat(d)
            except ValueError:
                anchor = date(1987, 3, 1)
            sents = [s for s in _SENT.split(r.get("text") or "") if s.strip()]
            out.append((anchor, sents))
            if len(out) >= limit:
                break
    return out


def clear_caches() -> None:
    from eventwire.dates import context, grammar

    for fn in (grammar.parse, grammar.normalise, context._pattern):
        fn.cache_clear()


def one_pass(stories: list[tuple[date, list[str]]]) -> tuple[float, int, int, int]:
    from eventwire.dates import find_date_expressions, resolve_date

    n_sent = n_expr = n_ok = 0
    t = time.process_time()
    for anchor, sents in stories:
        for s in sents:
            n_sent += 1
            for m in find_date_expressions(s):
                n_expr += 1
                if resolve_date(m.text, anchor, context=s, offset=m.start) is not None:
                    n_ok += 1
    return time.process_time() - t, n_sent, n_expr, n_ok


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    if not a.corpus.exists():
        print(f"error: {a.corpus} not found", file=sys.stderr)
        return 2
    stories = load(a.corpus, a.limit)
    import eventwire.dates  # noqa: F401 - import time is not the stage's cost

    times = []
    for _ in range(a.repeat):
        clear_caches()
        secs, n_sent, n_expr, n_ok = one_pass(stories)
        times.append(secs)
    print(
        json.dumps(
            {
                "stories": len(stories),
                "sentences": n_sent,
                "expressions": n_expr,
                "resolved": n_ok,
                "seconds": [round(s, 3) for s in times],
                "best_s": round(min(times), 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
