"""Query latency over a large synthetic store: dyad series, /api/events pages, dashboard paint.

    python bench/store.py --events 10000000 [--db PATH] [--runs 30] [--browser]

Builds (or reuses) a synthetic database of --events events (eventwire.analytics.synthetic:
skewed actors, 25 years in ingest order, 40% with a place), then times each query --runs
times and prints p50/p95 in milliseconds and the 1-minute load average when it finished.
Series are timed from the dyad-by-day rollup (what the server and ``EventData(rollup=True)``
read; its build time is printed) and, for comparison, from the events table. /api/events is
timed over HTTP on 127.0.0.1 (`eventwire serve` in a process of its own, once it says it is
warm): the first page, the next pages by cursor, and filtered pages. --browser also times
the dashboard's first paint with data in headless Chromium.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from eventwire.analytics import EventData, EventFilter, alerts, dyad_filter, series, top_dyads
from eventwire.analytics.synthetic import fill
from eventwire.store import Store

CHUNK = 1_000_000


def build(path: Path, n: int) -> None:
    if path.exists():
        con = duckdb.connect(str(path), read_only=True)
        have = con.execute("SELECT count(*) FROM events").fetchone()[0]
        con.close()
        if have == n:
            print(f"reusing {path} ({have:,} events)")
            return
        path.unlink()
    t0 = time.perf_counter()
    with Store(path) as st:
        con = st._con
        con.execute("SET memory_limit = '6GB'")
        con.execute("SET enable_progress_bar = false")
        done = 0
        while done < n:
            k = min(CHUNK, n - done)
            fill(con, k, seed=7 + done // CHUNK)
            done += k
            print(f"  {done:,} events ({time.perf_counter() - t0:.0f} s)", flush=True)
        con.execute("CHECKPOINT")
    mb = path.stat().st_size / 2**20
    print(f"built {path}: {n:,} events in {time.perf_counter() - t0:.0f} s, {mb:,.0f} MiB")


def timed(label: str, fn, runs: int) -> None:
    fn()  # warm: the first call reads the file into the buffer pool
    ms = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        ms.append(1000 * (time.perf_counter() - t0))
    ms.sort()
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(
        f"{label:48s} p50 {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   "
        f"load {os.getloadavg()[0]:.1f}",
        flush=True,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--browser", action="store_true")
    args = ap.parse_args()
    path = args.db or Path(f"/tmp/eventwire-bench-{args.events}.duckdb")
    build(path, args.events)

    con = duckdb.connect(str(path), read_only=True)
    print(f"threads {con.execute('SELECT current_setting(?)', ['threads']).fetchone()[0]}")
    rus_ukr = dyad_filter("RUS", "UKR", "both")
    usa_chn_ab = dyad_filter("USA", "CHN", "ab")
    year = EventFilter.parse(since="2020-01-01", until="2020-12-31")
    r = args.runs
    one_year = dyad_filter("RUS", "UKR", "both", EventFilter.parse(since="2014-01-01",
                                                                    until="2014-12-31"))  # fmt: skip
    with EventData(path, rollup=True) as data:
        roll = data.prepare()
        print(f"{'rollup built':48s} {1000 * roll.seconds:7.0f} ms   {roll.rows:,} rows")
        for label, flt, by in (
            ("series RUS-UKR both ways, by week (25 y)", rus_ukr, "week"),
            ("series USA->CHN, by month", usa_chn_ab, "month"),
            ("series RUS-UKR by day, one year", one_year, "day"),
        ):
            timed(label + " [rollup]", lambda f=flt, b=by: data.series_for(f, b), r)
    timed("series RUS-UKR both ways, by week [events]", lambda: series(con, rus_ukr, "week"), r)
    timed("series USA->CHN, by month [events]", lambda: series(con, usa_chn_ab, "month"), r)
    timed("top 20 dyads, one year", lambda: top_dyads(con, year), r)
    last = EventFilter.parse(since="2024-01-01")
    timed("alerts since 2024-01-01 (weekly)", lambda: alerts(con, last), max(5, r // 3))
    con.close()

    import httpx

    # the server in a process of its own, as `eventwire serve` runs (in this process it would
    # share the interpreter lock with the client and time both)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_warm(base, server)
        print(f"{'server start, top lists and rollup built':48s} "
              f"{1000 * (time.perf_counter() - t0):7.1f} ms")  # fmt: skip
        with httpx.Client(base_url=base, timeout=30) as http:

            def page(params: dict) -> dict:
                res = http.get("/api/events", params={"limit": 100, **params})
                res.raise_for_status()
                return res.json()

            timed("/api/events first page of 100", lambda: page({}), r)
            cursors = [None]
            for _ in range(r + 1):
                cursors.append(page({"cursor": cursors[-1]} if cursors[-1] else {})["next_cursor"])
            it = iter(cursors[1:] * 2)
            timed("/api/events next pages (cursor)", lambda: page({"cursor": next(it)}), r)
            timed("/api/events dyad=RUS,UKR page of 100", lambda: page({"dyad": "RUS,UKR"}), r)
            timed(
                "/api/events quad=4 since 2024-06-01",
                lambda: page({"quad": 4, "since": "2024-06-01"}),
                r,
            )
            timed(
                "/api/series RUS-UKR week",
                lambda: http.get("/api/series", params={"a": "RUS", "b": "UKR"}).json(),
                r,
            )
        if args.browser:
            paint(base, "/?a=RUS&b=UKR", max(3, r // 5))
            paint(base, "/", max(3, r // 5))
    finally:
        server.terminate()
        server.wait(30)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_warm(base: str, server: subprocess.Popen, limit: float = 600) -> None:
    """Until the server answers and says its start-up work (top lists, rollup) is done."""
    import httpx

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.returncode}")
        try:
            if httpx.get(base + "/api/health", timeout=5).json().get("warm"):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server was not warm after {limit:g} s")


def paint(base: str, page: str, runs: int) -> None:
    """Dashboard first paint with data: navigation start to the first series drawn."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        opts.add_argument(a)
    drv = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        got = []
        for _ in range(runs + 1):
            drv.get(base + page)
            t0 = time.perf_counter()
            while not drv.execute_script("return window.eventwire && window.eventwire.ready"):
                if time.perf_counter() - t0 > 30:
                    raise RuntimeError("dashboard did not draw in 30 s")
                time.sleep(0.02)
            got.append(drv.execute_script("return window.eventwire.firstPaint"))
        ms = sorted(got[1:])  # the first load also warms the browser cache
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        print(f"{'dashboard first paint with data ' + page:48s} p50 "
              f"{statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms")  # fmt: skip
    finally:
        drv.quit()


if __name__ == "__main__":
    main()
