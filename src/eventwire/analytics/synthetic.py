"""Synthetic event databases for benchmarks and tests (no real text; deterministic by seed).

``fill(store_con, n)`` writes ``n`` events (and one document per 5 events) in one SQL
statement per table. ``escalation_scenario()`` writes weekly dyad series with growing media
volume and injected escalations, and returns where the escalations are, to score alerts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pyarrow as pa

COUNTRIES = [
    "USA",
    "RUS",
    "UKR",
    "CHN",
    "GBR",
    "FRA",
    "DEU",
    "ISR",
    "PSE",
    "IRN",
    "IRQ",
    "SYR",
    "TUR",
    "IND",
    "PAK",
    "AFG",
    "EGY",
    "SAU",
    "JPN",
    "KOR",
    "PRK",
    "BRA",
    "MEX",
    "VEN",
    "COL",
    "NGA",
    "ZAF",
    "ETH",
    "SDN",
    "SSD",
    "KEN",
    "SOM",
    "LBY",
    "MLI",
    "YEM",
    "LBN",
    "JOR",
    "POL",
    "BLR",
    "GEO",
    "ARM",
    "AZE",
    "SRB",
    "BIH",
    "ESP",
    "ITA",
    "CAN",
    "AUS",
    "IDN",
    "PHL",
    "THA",
    "MMR",
    "VNM",
    "BGD",
    "LKA",
    "NPL",
    "CUB",
    "ARG",
    "CHL",
    "PER",
]
SECTORS = ("GOV", "MIL", "", "REB", "OPP", "CVL", "POL", "BUS")
# root -> (goldstein, PLOVER type); quad class follows from the root.
ROOTS = {
    1: (0.0, None), 2: (3.0, "REQUEST"), 3: (4.0, "AGREE"), 4: (1.0, "CONSULT"),
    5: (3.5, "SUPPORT"), 6: (6.0, "COOPERATE"), 7: (7.0, "AID"), 8: (5.0, "CONCEDE"),
    9: (-2.0, "INVESTIGATE"), 10: (-5.0, "DEMAND"), 11: (-2.0, "DISAPPROVE"),
    12: (-4.0, "REJECT"), 13: (-6.0, "THREATEN"), 14: (-6.5, "PROTEST"),
    15: (-7.2, "MOBILIZE"), 16: (-4.0, "SANCTION"), 17: (-7.0, "COERCE"),
    18: (-9.0, "ASSAULT"), 19: (-10.0, "ASSAULT"), 20: (-10.0, "ASSAULT"),
}  # fmt: skip


def _quad(root: int) -> int:
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def _sql_list(values) -> str:
    return "[" + ", ".join("NULL" if v is None else repr(v) for v in values) + "]"


def fill(
    con: duckdb.DuckDBPyConnection,
    n: int,
    *,
    start: str = "2000-01-01",
    days: int = 9131,
    seed: int = 7,
) -> None:
    """Append ``n`` synthetic events, dated in ingest order over ``days`` days from ``start``,
    and their documents (5 events each). Actors follow a skewed distribution (a few countries
    are in most news), 40% of events have a place."""
    roots = sorted(ROOTS)
    gold = _sql_list(ROOTS[r][0] for r in roots)
    plov = _sql_list(ROOTS[r][1] for r in roots)
    quads = _sql_list(_quad(r) for r in roots)
    countries, sectors = _sql_list(COUNTRIES), _sql_list(SECTORS)
    k, ns = len(COUNTRIES), len(SECTORS)
    base = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.execute(f"""
    INSERT INTO events (event_id, doc_id, source_code, source_country, source_sector,
        source_text, target_code, target_country, target_sector, target_text, cameo, root,
        plover, quad_class, goldstein, modality, "date", date_precision, location_name,
        location_country, location_lat, location_lon, location_precision, sentence,
        sentence_index, span_start, span_end, trigger, rule, confidence)
    WITH r AS (
        SELECT i, i + {base} AS j,
               ({countries})[1 + CAST(floor({k} * pow((hash(i, {seed}) % 10007) / 10007.0, 2)) AS INT)] AS sc,
               ({countries})[1 + CAST(floor({k} * pow((hash(i, {seed} + 1) % 10007) / 10007.0, 2)) AS INT)] AS tc,
               ({sectors})[1 + CAST(hash(i, {seed} + 2) % {ns} AS INT)] AS ss,
               ({sectors})[1 + CAST(hash(i, {seed} + 3) % {ns} AS INT)] AS ts,
               1 + CAST(floor(20 * pow((hash(i, {seed} + 4) % 10007) / 10007.0, 1.6)) AS INT) AS rt,
               hash(i, {seed} + 5) % 10 AS u
        FROM range({int(n)}) t(i)
    )
    SELECT 'syn' || j, 'doc' || (j // 5), sc || ss, sc, nullif(ss, ''), 'the ' || sc,
           CASE WHEN u < 9 THEN tc || ts END, CASE WHEN u < 9 THEN tc END,
           CASE WHEN u < 9 THEN nullif(ts, '') END, CASE WHEN u < 9 THEN 'the ' || tc END,
           lpad(CAST(rt AS VARCHAR), 2, '0') || '0', lpad(CAST(rt AS VARCHAR), 2, '0'),
           ({plov})[rt], ({quads})[rt], ({gold})[rt],
           CASE WHEN u = 9 THEN 'negated' WHEN u = 8 THEN 'intent' ELSE 'asserted' END,
           CAST(DATE '{start}' + CAST(floor(j * {days} / ({base} + {int(n)})) AS INT) AS DATE),
           'day',
           CASE WHEN u < 4 THEN 'Place ' || tc END, CASE WHEN u < 4 THEN tc END,
           CASE WHEN u < 4 THEN (hash(tc) % 120) - 60.0 END,
           CASE WHEN u < 4 THEN (hash(tc, 1) % 340) - 170.0 END,
           CASE WHEN u < 4 THEN 'country' END,
           'The ' || sc || ' acted on the ' || tc || ' in synthetic event ' || j || '.',
           CAST(j % 5 AS INT), CAST((j % 5) * 80 AS INT), CAST((j % 5) * 80 + 60 AS INT),
           'acted on', 'syn.' || rt, 0.5 + (hash(i, {seed} + 6) % 50) / 100.0
    FROM r
    """)
    con.execute("""
    INSERT OR IGNORE INTO documents (doc_id, title, source, published, url, origin, format,
        body, n_events, ingested_at, run_id)
    SELECT doc_id, 'Synthetic story ' || doc_id, 'Synthetic', CAST(min("date") AS VARCHAR),
           'https://example.org/' || doc_id, 'synthetic', 'text',
           string_agg(sentence, ' ' ORDER BY sentence_index), count(*),
           TIMESTAMP '2026-01-01', 'synthetic'
    FROM events WHERE rule LIKE 'syn.%' AND doc_id NOT IN (SELECT doc_id FROM documents)
    GROUP BY doc_id
    """)


@dataclass
class Scenario:
    dyads: list[tuple[str, str]]
    weeks: list[date]
    injected: set[tuple[str, str, date]]  # (a, b, first day of the week) with a < b
    events: int
    # expected number of conflict events the escalation added (its size), by injected key
    extra: dict[tuple[str, str, date], float]


def escalation_scenario(
    con: duckdb.DuckDBPyConnection,
    *,
    n_dyads: int = 40,
    n_weeks: int = 104,
    n_injected: int = 30,
    growth: float = 3.0,
    seed: int = 1,
) -> Scenario:
    """Weekly series for ``n_dyads`` country pairs over ``n_weeks``: each dyad has its own
    level (2-20 events a week at the start) and conflict share (5-60%); total media volume
    grows ``growth``-fold over the period (every dyad's counts grow with it). ``n_injected``
    escalations (after a 10-week warm-up, at least 12 weeks apart within a dyad) for one
    week: either the conflict share jumps by 35 points (at the same volume), or conflict
    events triple, with the Goldstein mean following the events. Writes the events and
    returns the truth."""
    rng = random.Random(seed)
    names = COUNTRIES[:]
    dyads: list[tuple[str, str]] = []
    while len(dyads) < n_dyads:
        a, b = sorted(rng.sample(names, 2))
        if (a, b) not in dyads:
            dyads.append((a, b))
    monday = date(2020, 1, 6)
    weeks = [monday + timedelta(weeks=w) for w in range(n_weeks)]
    injected: dict[tuple[str, str, date], str] = {}
    while len(injected) < n_injected:
        a, b = rng.choice(dyads)
        w = rng.randrange(10, n_weeks)
        if any(x == (a, b) and abs((d - weeks[w]).days) < 84 for (*x, d) in injected):
            continue
        injected[(a, b, weeks[w])] = rng.choice(("share", "volume"))
    cols: dict[str, list] = {c: [] for c in (
        "event_id", "doc_id", "source_code", "source_country", "target_code",
        "target_country", "cameo", "root", "quad_class", "goldstein", "modality", "date",
        "sentence", "confidence",
    )}  # fmt: skip
    extra: dict[tuple[str, str, date], float] = {}
    coop_roots = [r for r in ROOTS if r <= 9]
    conf_roots = [r for r in ROOTS if r >= 10]
    n = 0
    for a, b in dyads:
        level = rng.uniform(2, 20)
        share = rng.uniform(0.05, 0.6)
        for w, week in enumerate(weeks):
            lam = level * (1 + (growth - 1) * w / (n_weeks - 1))
            kind = injected.get((a, b, week))
            p = share
            lam_conf, lam_coop = lam * p, lam * (1 - p)
            if kind == "share":
                p = min(0.95, share + 0.35)
                lam_conf, lam_coop = lam * p, lam * (1 - p)
                extra[(a, b, week)] = lam * (p - share)
            elif kind == "volume":
                lam_conf *= 3
                extra[(a, b, week)] = lam_conf * 2 / 3
            for roots, lam_k in ((conf_roots, lam_conf), (coop_roots, lam_coop)):
                for _ in range(_poisson(rng, lam_k)):
                    r = rng.choice(roots)
                    s, t = (a, b) if rng.random() < 0.5 else (b, a)
                    day = week + timedelta(days=rng.randrange(7))
                    cols["event_id"].append(f"esc{n}")
                    cols["doc_id"].append(f"escdoc{n // 4}")
                    cols["source_code"].append(s + "GOV")
                    cols["source_country"].append(s)
                    cols["target_code"].append(t + "GOV")
                    cols["target_country"].append(t)
                    cols["cameo"].append(f"{r:02d}0")
                    cols["root"].append(f"{r:02d}")
                    cols["quad_class"].append(_quad(r))
                    cols["goldstein"].append(ROOTS[r][0])
                    cols["modality"].append("asserted")
                    cols["date"].append(day)
                    cols["sentence"].append(f"Synthetic event {n}.")
                    cols["confidence"].append(0.9)
                    n += 1
    table = pa.table(cols)
    con.register("_ew_syn", table)
    try:
        names_sql = ", ".join(f'"{c}"' for c in cols)
        con.execute(f"INSERT INTO events ({names_sql}) SELECT {names_sql} FROM _ew_syn")
    finally:
        con.unregister("_ew_syn")
    return Scenario(dyads, weeks, set(injected), n, extra)


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth for small means, normal approximation for large ones
    if lam > 30:
        return max(0, round(rng.gauss(lam, lam**0.5)))
    limit, k, prod = pow(2.718281828459045, -lam), 0, rng.random()
    while prod > limit:
        k += 1
        prod *= rng.random()
    return k


# A handful of stories written for the tests and the screenshot (not from any corpus):
# (doc_id, day, title, url, [(sentence, trigger, source, target, cameo, modality, place)]).
_STORIES = [
    (
        "s-w1",
        "2024-03-04",
        "Border guards trade fire",
        "https://example.org/border-fire",
        [
            (
                "Arvelian border guards fired on Dostrani patrols near the river crossing on Monday.",
                "fired on",
                "RUSMIL",
                "UKRMIL",
                "190",
                "asserted",
                ("Kharkiv", "UKR", 49.99, 36.23),
            ),
            (
                "Dostrani officials accused Arvelian commanders of provoking the clash.",
                "accused",
                "UKRGOV",
                "RUSMIL",
                "112",
                "asserted",
                None,
            ),
        ],
    ),
    (
        "s-w2",
        "2024-03-12",
        "Envoys meet after clash",
        "https://example.org/envoys-meet",
        [
            (
                "Envoys of both governments met in Geneva to discuss the border on Tuesday.",
                "met",
                "RUSGOV",
                "UKRGOV",
                "040",
                "asserted",
                ("Geneva", "CHE", 46.20, 6.14),
            ),
            (
                "The Dostrani side did not rule out new sanctions.",
                "sanctions",
                "UKRGOV",
                "RUSGOV",
                "163",
                "hypothetical",
                None,
            ),
        ],
    ),
    (
        "s-w3",
        "2024-03-19",
        "Shelling resumes",
        "https://example.org/shelling",
        [
            (
                "Artillery units shelled villages across the frontier, killing four people.",
                "shelled",
                "RUSMIL",
                "UKRCVL",
                "195",
                "asserted",
                ("Kharkiv", "UKR", 49.99, 36.23),
            ),
            (
                "Dostrani troops struck back at supply depots overnight.",
                "struck back",
                "UKRMIL",
                "RUSMIL",
                "190",
                "asserted",
                ("Belgorod", "RUS", 50.60, 36.59),
            ),
        ],
    ),
    (
        "s-w4",
        "2024-03-26",
        "Talks offer",
        "https://example.org/talks-offer",
        [
            (
                "The Arvelian foreign minister offered to hold talks with Dostrani leaders next week.",
                "offered",
                "RUSGOV",
                "UKRGOV",
                "036",
                "intent",
                None,
            ),
            (
                "China urged both sides to show restraint.",
                "urged",
                "CHNGOV",
                "RUSGOV",
                "020",
                "asserted",
                None,
            ),
        ],
    ),
    (
        "s-w5",
        "2024-04-02",
        "Aid convoy",
        "https://example.org/aid-convoy",
        [
            (
                "A United Nations convoy delivered food aid to villages hit by the shelling.",
                "delivered",
                "IGOUNO",
                "UKRCVL",
                "073",
                "asserted",
                ("Kharkiv", "UKR", 49.99, 36.23),
            ),
        ],
    ),
]


def small_store(con: duckdb.DuckDBPyConnection) -> int:
    """Write the test stories (documents with bodies, events with spans into them); returns
    the number of events. Every sentence names its trigger, so highlights can be checked."""
    docs, evs = [], []
    for doc_id, day, title, url, sentences in _STORIES:
        body = " ".join(s[0] for s in sentences)
        docs.append((doc_id, title, "Example Wire", day, url, "test", "text", body, len(sentences)))
        pos = 0
        for i, (text, trig, src, tgt, cameo, mod, place) in enumerate(sentences):
            start = body.index(text, pos)
            pos = start + len(text)
            root = int(cameo[:2])
            evs.append((
                f"{doc_id}-{i}", doc_id, src, src[:3] if src[:3] != "IGO" else None, src[3:] or None,
                tgt, tgt[:3], tgt[3:] or None, cameo, cameo[:2], ROOTS[root][1], _quad(root),
                ROOTS[root][0], mod, date.fromisoformat(day), *(place or (None,) * 4),
                "city" if place else None, text, i, start, pos, trig, f"test.{cameo}", 0.9,
            ))  # fmt: skip
    con.executemany(
        "INSERT INTO documents (doc_id, title, source, published, url, origin, format, body, "
        "n_events, ingested_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), 'test')",
        docs,
    )
    con.executemany(
        "INSERT INTO events (event_id, doc_id, source_code, source_country, source_sector, "
        "target_code, target_country, target_sector, cameo, root, plover, quad_class, goldstein, "
        'modality, "date", location_name, location_country, location_lat, location_lon, '
        "location_precision, sentence, sentence_index, span_start, span_end, trigger, rule, "
        "confidence) VALUES (" + ", ".join("?" * 27) + ")",
        evs,
    )
    return len(evs)
