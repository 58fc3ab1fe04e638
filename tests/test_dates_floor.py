"""CI floor for date normalisation: TimeML value accuracy on ../shared/dev/timex-dev.jsonl, with
the project scorer's own logic (which timexes count, the sentence passed as context, rendering
at the result's precision), on the whole set and on each half of the split bench/timex_halves.py
uses. Skipped when the shared material is not there (it is never needed at run time)."""

from __future__ import annotations

import datetime
import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

import eventwire

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "dev" / "timex-dev.jsonl"
SCORER = SHARED / "tools" / "score_timex.py"
# a little under what the resolver reaches (0.942 overall; read half 0.973, score half 0.894)
FLOORS = {"all": 0.93, "read": 0.96, "score": 0.87}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_timex", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _half(doc_id: str) -> str:
    return "read" if hashlib.sha1(doc_id.encode()).digest()[0] % 2 == 0 else "score"


@pytest.mark.skipif(not (GOLD.exists() and SCORER.exists()), reason=f"no dev set at {GOLD}")
def test_timex_accuracy_floor() -> None:
    sc = _scorer()
    n = {"all": 0, "read": 0, "score": 0}
    ok = dict.fromkeys(n, 0)
    for line in GOLD.open(encoding="utf-8"):
        r = json.loads(line)
        anchor = datetime.date.fromisoformat(r["dct"])
        h = _half(r["id"])
        for t in r["timexes"]:
            if t["type"] != "DATE" or not sc.CONCRETE.match(t["value"]):
                continue
            ctx = sc.sentence_around(r["text"], t["start"], t["end"])
            got = sc.render(eventwire.resolve_date(t["text"], anchor, context=ctx))
            for k in ("all", h):
                n[k] += 1
                ok[k] += got == t["value"]
    acc = {k: ok[k] / n[k] for k in n}
    assert n["all"] == 431
    for k, floor in FLOORS.items():
        assert acc[k] >= floor, f"timex {k}: {acc[k]:.3f} < floor {floor} ({ok[k]}/{n[k]})"
