"""Accuracy harness: code gold texts and score the events at several levels.

Gold formats: JSONL records ``{"id", "text", "date", "expected": [{"source", "target", "code" |
"plover" | "pentaclass"}]}`` (as in the PLOVER GSR dev set) or one acceptance ``.expected.json``
(``required``/``acceptable`` events for one document). Matching is one-to-one and greedy; a gold
``target`` of null matches any target. Events whose modality is negated, denied or hypothetical
are left out, as scorers drop them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NOT_EVENTS = {"negated", "denied", "hypothetical"}
CAMEO_TO_ISO = {"ROM": "ROU", "TMP": "TLS", "IMY": "IMN", "MTN": "MNE"}
# PLOVER type -> 5-class (0 neutral, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material)
PLOVER_PENTA = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 2,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "SANCTION": 3,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}


def pentaclass(code: str) -> int:
    r = int(code[:2])
    if r <= 2:
        return 0
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13 or r == 16:
        return 3
    return 4


def country(code: str | None) -> str | None:
    if not code or code in ("---",):
        return None
    return CAMEO_TO_ISO.get(code[:3].upper(), code[:3].upper())


@dataclass
class Score:
    level: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


def _match(golds: list[dict], preds: list[dict], ok: Callable[[dict, dict], bool]):
    used: set[int] = set()
    missed = []
    tp = 0
    for g in golds:
        hit = next((i for i, p in enumerate(preds) if i not in used and ok(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            tp += 1
    return tp, missed, [p for i, p in enumerate(preds) if i not in used]


def _code(a: Any) -> str | None:
    if a is None:
        return None
    return a.get("code") if isinstance(a, dict) else a


def _wild(g: str | None, p: str | None) -> bool:
    return g is None or g == p


LEVELS: dict[str, Callable[[dict, dict], bool]] = {
    "root+countries": lambda g, p: (
        bool(g.get("code"))
        and g["code"][:2] == p["cameo"][:2]
        and _wild(country(g.get("source")), country(_code(p["source"])))
        and _wild(country(g.get("target")), country(_code(p["target"])))
    ),
    "code+actors": lambda g, p: (
        bool(g.get("code"))
        and g["code"] == p["cameo"]
        and _wild(g.get("source") or None, _code(p["source"]))
        and _wild(g.get("target") or None, _code(p["target"]))
    ),
    "plover+source-country": lambda g, p: (
        bool(g.get("plover"))
        and (g["plover"] or "").upper() == (p.get("plover") or "").upper()
        and _wild(country(g.get("source")), country(_code(p["source"])))
    ),
}


def _gold_event(e: dict) -> dict:
    """One required/acceptable event of an acceptance file, in the JSONL gold shape."""
    return {
        "source": e["source"],
        "target": e.get("target"),
        "code": e["codes"][0],
        "codes": e["codes"],
        "date": e.get("date"),
        "target_optional": e.get("target_optional", False),
    }


def load_gold(path: str | Path) -> list[dict]:
    """Gold records, from a JSONL set or an acceptance ``.expected.json``."""
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    if p.suffix == ".json":
        doc = json.loads(text)
        src = p.with_name(doc["document"]) if "document" in doc else None
        expected = [_gold_event(e) for e in doc.get("required", [])]
        acceptable = [_gold_event(e) for e in doc.get("acceptable", [])]
        return [
            {
                "id": doc.get("document", p.stem),
                "path": str(src) if src else None,
                "expected": expected,
                "acceptable": acceptable,
                "acceptance": True,
            }
        ]
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from exc
    return out


def score(gold: list[dict], predicted: dict[str, list[dict]]) -> dict[str, Any]:
    """Scores at every level, plus 5-class accuracy and, with errors, the misses and extras."""
    preds = {
        k: [e for e in v if (e.get("modality") or "") not in NOT_EVENTS]
        for k, v in predicted.items()
    }
    results = {name: Score(name) for name in LEVELS}
    penta_right = penta_n = 0
    for rec in gold:
        rid = str(rec["id"])
        ps = preds.get(rid, [])
        exp = rec.get("expected", [])
        for name, ok in LEVELS.items():
            golds = [g for g in exp if (g.get("plover") if "plover" in name else g.get("code"))]
            if not golds:
                continue
            tp, missed, extra = _match(golds, ps, ok)
            s = results[name]
            s.tp += tp
            s.fn += len(missed)
            s.fp += len(extra)
            for m in missed:
                s.errors.append(
                    {"id": rid, "kind": "missed", "gold": m, "text": rec.get("text", "")}
                )
            for x in extra:
                s.errors.append(
                    {"id": rid, "kind": "extra", "event": _brief(x), "text": x.get("sentence", "")}
                )
        if exp:
            g0 = exp[0]
            gold_class = g0.get("pentaclass")
            if gold_class is None and g0.get("code"):
                gold_class = pentaclass(g0["code"])
            if gold_class is None and g0.get("plover"):
                gold_class = PLOVER_PENTA.get(g0["plover"].upper())
            if gold_class is not None:
                guess = pentaclass(ps[0]["cameo"]) if ps else 0
                penta_n += 1
                penta_right += guess == gold_class
    out = {name: s.to_dict() for name, s in results.items() if s.tp + s.fp + s.fn}
    if penta_n:
        out["pentaclass"] = {"n": penta_n, "accuracy": round(penta_right / penta_n, 3)}
    out["_errors"] = {name: s.errors for name, s in results.items()}
    return out


def score_acceptance(rec: dict, events: list[dict]) -> dict[str, Any]:
    """The acceptance document's own rule: required found, false positives beyond acceptable."""
    evs = [e for e in events if (e.get("modality") or "") not in NOT_EVENTS]

    def ok(g: dict, p: dict) -> bool:
        if country(g["source"]) != country(_code(p["source"])):
            return False
        if p["cameo"][:2] not in {c[:2] for c in g["codes"]}:
            return False
        tgt = _code(p["target"])
        target_ok = g.get("target_optional") and not tgt
        if g.get("target") and country(g["target"]) != country(tgt) and not target_ok:
            return False
        return not (g.get("date") and (p.get("date") or "")[:10] != g["date"])

    tp, missed, extra = _match(rec["expected"], evs, ok)
    tp2, _, extra2 = _match(rec["acceptable"], extra, ok)
    return {
        "required_found": tp,
        "required": len(rec["expected"]),
        "acceptable_found": tp2,
        "false_positives": len(extra2),
        "missed": [m for m in missed],
        "unexpected": [_brief(x) for x in extra2],
    }


def _brief(e: dict) -> str:
    tgt = _code(e.get("target")) or "-"
    return f"{_code(e['source'])} -> {tgt} {e['cameo']} {e.get('plover') or ''} [{e.get('rule')}]"


def group_events(events: Iterable[dict]) -> dict[str, list[dict]]:
    by: dict[str, list[dict]] = {}
    for e in events:
        by.setdefault(str(e["doc_id"]), []).append(e)
    return by
