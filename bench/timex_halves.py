"""Timex value accuracy on two halves of the dev set, split by a stable hash of the document id.

    .venv/bin/python bench/timex_halves.py [../shared/dev/timex-dev.jsonl] [--errors N] [--half read]

The "read" half is the one errors are read from while developing; the "score" half is only
scored. Uses the project scorer's own logic (``../shared/tools/score_timex.py``: which timexes
count, the sentence passed as ``context``, rendering at the result's precision).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
DEFAULT_GOLD = SHARED / "dev" / "timex-dev.jsonl"
SCORER = SHARED / "tools" / "score_timex.py"


def half(doc_id: str) -> str:
    """ "read" or "score": the first byte of the id's SHA-1, even or odd."""
    return "read" if hashlib.sha1(doc_id.encode()).digest()[0] % 2 == 0 else "score"


def load_scorer(path: Path = SCORER):
    spec = importlib.util.spec_from_file_location("score_timex", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(gold: Path, scorer=None) -> dict[str, dict]:
    """Per half: n, ok, accuracy and the misses (text, dct, gold, got, context)."""
    import datetime
    import inspect

    import eventwire

    sc = scorer or load_scorer()
    rd = eventwire.resolve_date
    takes_context = "context" in inspect.signature(rd).parameters
    out = {h: {"n": 0, "ok": 0, "misses": []} for h in ("read", "score")}
    for line in gold.open(encoding="utf-8"):
        r = json.loads(line)
        h = out[half(r["id"])]
        anchor = datetime.date.fromisoformat(r["dct"])
        for t in r["timexes"]:
            if t["type"] != "DATE" or not sc.CONCRETE.match(t["value"]):
                continue
            h["n"] += 1
            ctx = sc.sentence_around(r["text"], t["start"], t["end"])
            kw = {"context": ctx} if takes_context else {}
            try:
                got = sc.render(rd(t["text"], anchor, **kw))
            except Exception as e:  # noqa: BLE001 - a crash is a miss, as in the scorer
                got = f"error: {e.__class__.__name__}"
            if got == t["value"]:
                h["ok"] += 1
            else:
                h["misses"].append((t["text"], r["dct"], t["value"], got, ctx))
    for h in out.values():
        h["accuracy"] = round(h["ok"] / h["n"], 3) if h["n"] else 0.0
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--errors", type=int, default=0, help="print the first N misses")
    ap.add_argument("--half", choices=["read", "score"], default="read")
    a = ap.parse_args()
    if not a.gold.exists() or not SCORER.exists():
        print(f"error: {a.gold} or {SCORER} not found", file=sys.stderr)
        return 2
    res = score(a.gold)
    print(json.dumps({h: {k: v[k] for k in ("n", "ok", "accuracy")} for h, v in res.items()}))
    for text, dct, gold, got, ctx in res[a.half]["misses"][: a.errors]:
        print(f"MISS {text!r} dct={dct} gold={gold} got={got}\n     | {ctx[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
