"""Score the coder on each half of the shared dev sets: the half we read errors from ("read")
and the half we only score ("score").

    .venv/bin/python bench/dev_halves.py [--sets plover,case,ipe] [--keep DIR]

A record goes to the "read" half when the first hex digit of md5(id) is below 8, else to the
"score" half: a fixed split that never changes with the code. Each half is coded with
``eventwire code`` and scored with the shared scorer, which prints one JSON line per half.
Only error lists of the "read" half should ever be looked at (``--keep`` writes the coded
events and the halves to DIR so that the read half can be studied).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EW = ROOT / ".venv" / "bin" / "eventwire"
SETS = {
    "plover": ("plover-gsr.jsonl", ["score_events.py", "--mode", "plover"]),
    "penta": ("plover-gsr.jsonl", ["eventwire eval"]),  # the 5-class level of `eventwire eval`
    "case": ("case2021-dev.jsonl", ["score_case.py"]),
    "ipe": ("ipe-dev.jsonl", ["score_ipe.py"]),
}


def half_of(record_id: object) -> str:
    return "read" if hashlib.md5(str(record_id).encode()).hexdigest()[0] < "8" else "score"


def split(path: Path, out: Path) -> dict[str, Path]:
    files = {h: out / f"{path.stem}.{h}.jsonl" for h in ("read", "score")}
    handles = {h: p.open("w") for h, p in files.items()}
    for line in path.open():
        if line.strip():
            handles[half_of(json.loads(line)["id"])].write(line)
    for f in handles.values():
        f.close()
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="plover,penta,case,ipe")
    ap.add_argument("--keep", type=Path, default=None, help="keep halves and coded events here")
    a = ap.parse_args()
    if not SHARED.is_dir():
        print(f"no shared dev sets at {SHARED}", file=sys.stderr)
        return 2
    out = a.keep or Path(tempfile.mkdtemp(prefix="ew-halves-"))
    out.mkdir(parents=True, exist_ok=True)
    coded: dict[Path, Path] = {}
    for name in a.sets.split(","):
        gold_name, scorer = SETS[name]
        halves = split(SHARED / "dev" / gold_name, out)
        for half, gold in halves.items():
            if gold not in coded:
                pred = gold.with_suffix(".events.jsonl")
                with pred.open("w") as f:
                    subprocess.run(
                        [
                            str(EW),
                            "code",
                            str(gold),
                            "--input-format",
                            "jsonl",
                            "--format",
                            "jsonl",
                        ],
                        stdout=f,
                        stderr=subprocess.DEVNULL,
                        check=True,
                    )
                coded[gold] = pred
            if scorer[0] == "eventwire eval":
                res = subprocess.run(
                    [str(EW), "eval", str(gold)], capture_output=True, text=True, check=False
                )
                line = next(x for x in res.stdout.splitlines() if x.startswith("pentaclass"))
            else:
                cmd = [sys.executable, str(SHARED / "tools" / scorer[0]), *scorer[1:]]
                res = subprocess.run(
                    [*cmd, str(gold), str(coded[gold])], capture_output=True, text=True, check=True
                )
                line = res.stdout.strip().splitlines()[0]
            print(f"{name:7s} {half:5s} {line}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
