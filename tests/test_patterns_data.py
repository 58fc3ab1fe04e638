"""Format checks for the event-pattern data files (data/patterns/events.tsv, complements.tsv).

These check the files themselves (columns, ids, flags, codes, targets, coverage), not the coder.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from eventwire.coding.patterns import FLAGS as PATTERN_FLAGS

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = ROOT / "src" / "eventwire" / "data" / "patterns"
EVENTS = PATTERNS / "events.tsv"
COMPLEMENTS = PATTERNS / "complements.tsv"
REFERENCE_CODES = ROOT.parent / "shared" / "reference" / "cameo_event_codes.tsv"

EVENT_COLUMNS = ["id", "pos", "lemma", "particle", "object", "target", "code", "flags", "note"]
COMPLEMENT_COLUMNS = ["governor", "complement_root", "code"]
FLAGS = PATTERN_FLAGS  # the loader's list of known row flags
NO_CODE_FLAGS = {"light", "pass"}
ROOTS = {f"{i:02d}" for i in range(1, 21)}

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# a lemma: lowercase word(s), single spaces; a multi-word lemma names modifier(s) + head
WORD = r"[^\sA-Z|,]+"
LEMMA_RE = re.compile(rf"^{WORD}(?: {WORD})*$")
PARTICLE_RE = re.compile(r"^[a-z]+$")
TARGET_RE = re.compile(r"^(?:dobj|iobj|poss|none|prep:[a-z]+)$")


# ------------------------------------------------------------------ readers
def _read(path: Path, columns: list[str]) -> list[tuple[int, list[str]]]:
    """(line_no, cells) of the data rows; checks the header and raw line format."""
    if not path.exists():
        pytest.skip(f"{path} not found")
    text = path.read_text(encoding="utf-8")  # must be UTF-8
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            assert header == columns, f"{path.name}: header {header} != {columns}"
            continue
        assert len(cells) == len(columns), (
            f"{path.name}:{no}: {len(cells)} columns, want {len(columns)}: {line!r}"
        )
        assert '"' not in line, f"{path.name}:{no}: no quoting allowed"
        assert all(c == c.strip() for c in cells), f"{path.name}:{no}: stray spaces in a cell"
        rows.append((no, cells))
    assert header is not None, f"{path.name}: no header row"
    return rows


def _code_checker():
    """The package ontology when importable, else the shared reference list, else skip."""
    try:
        from eventwire.ontology import get_ontology

        return get_ontology().is_event_code
    except Exception as exc:  # noqa: BLE001 - the ontology may be missing in a partial checkout
        reason = repr(exc)
    if REFERENCE_CODES.exists():
        with REFERENCE_CODES.open(encoding="utf-8", newline="") as f:
            codes = {r["code"] for r in csv.DictReader(f, delimiter="\t")}
        return codes.__contains__
    pytest.skip(f"no CAMEO code list available ({reason})")


@pytest.fixture(scope="module")
def events() -> list[tuple[int, dict[str, str]]]:
    return [(no, dict(zip(EVENT_COLUMNS, cells))) for no, cells in _read(EVENTS, EVENT_COLUMNS)]


@pytest.fixture(scope="module")
def complements() -> list[tuple[int, dict[str, str]]]:
    rows = _read(COMPLEMENTS, COMPLEMENT_COLUMNS)
    return [(no, dict(zip(COMPLEMENT_COLUMNS, cells))) for no, cells in rows]


@pytest.fixture(scope="module")
def is_code():
    return _code_checker()


def _flags(row: dict[str, str]) -> set[str]:
    # "plover:TYPE" names the PLOVER type where PLOVER's definition departs from the CAMEO map
    return {f for f in row["flags"].split(",") if f and not f.startswith("plover:")}


# ------------------------------------------------------------------ events.tsv
def test_events_row_count(events):
    assert len(events) >= 500


def test_events_ids_unique_and_slugs(events):
    ids = Counter(r["id"] for _, r in events)
    dups = [i for i, n in ids.items() if n > 1]
    assert not dups, f"duplicate ids: {dups[:10]}"
    bad = [(no, r["id"]) for no, r in events if not ID_RE.match(r["id"])]
    assert not bad, f"ids must be lowercase slugs: {bad[:10]}"


def test_events_pos_lemma_particle(events):
    for no, r in events:
        assert r["pos"] in ("V", "N"), f"line {no}: pos {r['pos']!r}"
        assert LEMMA_RE.match(r["lemma"]) and r["lemma"] == r["lemma"].lower(), (
            f"line {no}: lemma {r['lemma']!r}"
        )
        if r["pos"] == "N":
            assert not r["particle"] and not r["object"], (
                f"line {no}: N rows take no particle/object"
            )
        elif r["particle"]:
            assert PARTICLE_RE.match(r["particle"]), f"line {no}: particle {r['particle']!r}"
            assert " " not in r["lemma"], f"line {no}: multi-word verb lemma with a particle"


def test_events_objects_well_formed(events):
    for no, r in events:
        if not r["object"]:
            continue
        items = r["object"].split("|")
        assert all(items), f"line {no}: empty object item in {r['object']!r}"
        assert len(items) == len(set(items)), f"line {no}: repeated object item"
        for o in items:
            assert LEMMA_RE.match(o) and o == o.lower(), f"line {no}: object {o!r}"
        # the loader pools the modifiers of multi-word objects per row, so a row holds either
        # single-word objects or multi-word ones, not both
        multi = [o for o in items if " " in o]
        assert not multi or len(multi) == len(items), (
            f"line {no}: mixes single- and multi-word objects: {r['object']!r}"
        )


def test_events_targets_well_formed(events):
    for no, r in events:
        parts = r["target"].split("|")
        assert r["target"] and all(parts), f"line {no}: empty target"
        for t in parts:
            assert TARGET_RE.match(t), f"line {no}: bad target {t!r}"
        assert len(parts) == len(set(parts)), f"line {no}: repeated target"
        if "none" in parts:
            assert parts[-1] == "none", f"line {no}: 'none' must come last (fallback)"


def test_events_flags_and_codes(events, is_code):
    for no, r in events:
        flags = _flags(r)
        assert flags <= FLAGS, f"line {no}: unknown flags {sorted(flags - FLAGS)}"
        n_plover = sum(1 for f in r["flags"].split(",") if f.startswith("plover:"))
        assert len(flags) + n_plover == len(r["flags"].split(",")) or not r["flags"], (
            f"line {no}: flags"
        )
        if flags & NO_CODE_FLAGS:
            assert r["code"] == "", f"line {no}: light/pass rows carry no code ({r['code']})"
        else:
            assert r["code"], f"line {no}: a code is required unless light/pass"
            assert is_code(r["code"]), f"line {no}: {r['code']!r} is not a CAMEO event code"
        if r["pos"] == "N":
            assert flags <= {"sym", "neutral"}, f"line {no}: flags {flags} on a noun row"
        if "pass" in flags or "ctrl" in flags:
            assert r["pos"] == "V", f"line {no}: ctrl/pass only on verbs"
        if {"intent", "attempt", "future"} & flags:
            assert "pass" in flags, f"line {no}: modality flags go with 'pass'"
        if "neutral" in flags and r["pos"] == "V" and "speech" in flags:
            assert r["code"] == "010", f"line {no}: neutral verbs of saying are 010"


def test_events_no_duplicate_conditions(events):
    """Two rows may not claim exactly the same conditions (pos, lemma, particle, object, target)."""
    seen: dict[tuple[str, ...], int] = {}
    for no, r in events:
        for o in r["object"].split("|"):
            key = (r["pos"], r["lemma"], r["particle"], o, r["target"])
            assert key not in seen, f"line {no}: same conditions as line {seen[key]}: {key}"
            seen[key] = no


def test_events_cover_all_roots(events):
    roots = {r["code"][:2] for _, r in events if r["code"]}
    assert ROOTS <= roots, f"roots without rows: {sorted(ROOTS - roots)}"


def test_events_ctrl_governors_have_complements(events, complements):
    governors = {r["governor"] for _, r in complements}
    for no, r in events:
        if "ctrl" in _flags(r):
            code = r["code"]
            assert any(code[:n] in governors for n in (len(code), 3, 2)), (
                f"line {no}: ctrl row {r['id']} ({code}) has no governor in complements.tsv"
            )


# ------------------------------------------------------------------ complements.tsv
def test_complements_codes(complements, is_code):
    for no, r in complements:
        for col in COMPLEMENT_COLUMNS:
            assert is_code(r[col]), f"complements line {no}: {col} {r[col]!r} is not a CAMEO code"


def test_complements_unique_keys(complements):
    keys = Counter((r["governor"], r["complement_root"]) for _, r in complements)
    dups = [k for k, n in keys.items() if n > 1]
    assert not dups, f"duplicate (governor, complement) keys: {dups[:10]}"


def test_complements_cover_governor_families(complements):
    governors = {r["governor"] for _, r in complements}
    assert {"02", "03", "10", "11", "12", "13"} <= governors
    for g in ("02", "03", "10", "12", "13"):
        roots = {r["complement_root"] for _, r in complements if r["governor"] == g}
        missing = ROOTS - {c[:2] for c in roots}
        assert not missing, f"governor {g}: complement roots not covered {sorted(missing)}"


def test_complements_keep_governor_family(complements):
    """The result stays in the governor's family, except that announced hostile intent
    (03 agree/vow, 014 consider + force or sanctions) becomes a 13x threat, and defying a ban
    to act (128) is the act itself, done in defiance."""
    for no, r in complements:
        g, code = r["governor"], r["code"]
        if g in ("03", "014"):
            assert code[:2] in (g[:2], "13", "12"), f"complements line {no}: {g} -> {code}"
        elif g == "12" and code == "011":  # "refused to comment" = decline comment
            continue
        elif g == "128":  # "defied a police ban to take to the streets": the protest
            assert code[:2] == r["complement_root"][:2], f"complements line {no}: {g} -> {code}"
        else:
            assert code[:2] == g[:2], f"complements line {no}: {g} -> {code}"


def test_packaged_loader_accepts_files():
    """The package's own loader reads both files (skipped when it is not importable)."""
    try:
        from eventwire.coding.patterns import load_patterns
    except ImportError:
        pytest.skip("eventwire.coding.patterns not importable")
    ps = load_patterns()
    assert len(ps) >= 500
