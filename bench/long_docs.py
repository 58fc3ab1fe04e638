"""Cost of one long document, end to end (extract, pre-filter, parse, code): time and peak
memory at several sizes, each in a fresh process (issue #13: linear in document length).

    python bench/long_docs.py [--sizes 0.1,1,5] [--shape lines|single|html]

``lines``: news paragraphs; ``single``: the same text on one line (no newlines);
``html``: the paragraphs as a page of <p> elements. Texts are generated here.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

PARA = (
    "Russian troops seized the airport in Crimea on Friday, officials in Kiev said. "
    "The Ukrainian foreign ministry protested to Moscow and called for talks. "
    "Police arrested 12 protesters in Kharkiv after clashes near the city hall. "
)

CHILD = r"""
import json, resource, sys, time
size, shape = float(sys.argv[1]), sys.argv[2]
para = sys.argv[3]
n = int(size * 1e6 / len(para)) + 1
if shape == "single":
    content, fmt = (para * n).strip(), "text"
elif shape == "html":
    content = "<html><body>" + "".join(f"<p>{para}</p>" for _ in range(n)) + "</body></html>"
    fmt = "html"
else:
    content, fmt = "\n\n".join([para] * n), "text"
from eventwire.model import RawDocument
from eventwire.pipeline import _extract_all, code_items, get_coder
from eventwire.nlp import get_nlp
get_coder(); get_nlp()
t0 = time.perf_counter()
raw = RawDocument(content=content, format=fmt, origin="long", doc_id="long")
out = list(code_items(_extract_all([raw])))
el = time.perf_counter() - t0
item = out[0]
events = len(getattr(item, "events", []) or [])
body = len(getattr(getattr(item, "article", None), "body", "") or "")
print(json.dumps({"mb": size, "shape": shape, "chars": len(content), "body": body,
                  "events": events, "seconds": round(el, 2),
                  "error": getattr(item, "message", None),
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.1,1,5", help="megabytes, comma-separated")
    ap.add_argument("--shape", default="lines", choices=["lines", "single", "html"])
    ap.add_argument("--timeout", type=float, default=900)
    args = ap.parse_args()
    for size in args.sizes.split(","):
        cmd = [sys.executable, "-c", CHILD, size, args.shape, PARA]
        try:
            got = subprocess.run(
                cmd, check=False, capture_output=True, text=True, timeout=args.timeout
            )
        except subprocess.TimeoutExpired:
            print(json.dumps({"mb": float(size), "shape": args.shape, "timeout": args.timeout}))
            continue
        print(got.stdout.strip().splitlines()[-1] if got.stdout.strip() else got.stderr[-500:])


if __name__ == "__main__":
    main()
