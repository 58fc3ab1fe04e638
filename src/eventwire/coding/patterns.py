"""Event patterns: data files of trigger words mapped to CAMEO codes, loaded once and validated.

``data/patterns/events.tsv`` holds one row per trigger sense (verb or event noun, with optional
particle and required object), ``complements.tsv`` how control verbs ("threaten to", "agree to")
combine with their complement's code. Users add rows in files of the same names in the
directories listed in ``EVENTWIRE_PATTERNS``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.data_files import DataError, read_tsv
from eventwire.ontology import get_ontology

DATA = Path(__file__).resolve().parent.parent / "data" / "patterns"
FLAGS = {
    "sym",
    "speech",
    "neutral",
    "ctrl",
    "pass",
    "light",
    "neg",
    "future",
    "intent",
    "attempt",
    "comp",  # an event only with a clausal complement ("ordered X to appear")
    "trans",  # an event only with an object or a complement ("declined the offer", not "debt
    # will decline")
}
EVENT_COLUMNS = ["id", "pos", "lemma", "particle", "object", "target", "code", "flags", "note"]


@dataclass(frozen=True)
class Pattern:
    id: str
    pos: str  # V | N
    lemma: str
    particle: str
    objects: frozenset[str]
    targets: tuple[str, ...]
    code: str
    flags: frozenset[str]
    mods: tuple[str, ...] = ()  # other words of a multi-word lemma ("air" in "air strike")
    plover: str | None = None  # a PLOVER type where PLOVER's definition departs from the map
    object_mods: frozenset[str] = frozenset()  # modifiers required on the object ("arm embargo")

    def has(self, flag: str) -> bool:
        return flag in self.flags


CUE_SETS = {
    "willing_adjective",
    "allegation_adverb",
    "occurrence_verb",
    "object_control_verb",
    "generic_head",
    "stative_passive",
    "directive_noun",
    "conjecture_noun",
    "potential_noun",
    "informal_agreement",
    "goal_place_head",
    "signing_verb",
    "dispute_verb",
    "hostility_noun",
    "market_container",
    "conjecture_adjective",
    "directive_verb",
    "refusal_verb",
    "light_verb",
    "motion_verb",
    "weapon_noun",
    "command_verb",
    "comment_verb",
    "trade_grievance_noun",
    "potential_adjective",
    "gathering_verb",
    "protester_noun",
    "report_noun",
    "denial_verb",
    "falsity_word",
    "opinion_agreement_verb",
    "opinion_noun",
    "stative_verb",
    "comment_adjective",
    "comment_passive",
    "disclosure_verb",
    "information_noun",
    "harm_verb",
    "cause_verb",
    "participation_verb",
    "hazard_noun",
    "inability_word",
    "place_noun",
    "intent_head",
    "attempt_noun",
    "blast_noun",
    "sponsor_verb",
    "transaction_verb",
    "market_noun",
    "aid_noun",
    "evaluation_verb",
    "conjecture_verb",
    "travel_verb",
    "quantity_noun",
}


@dataclass
class PatternSet:
    verbs: dict[str, list[Pattern]]
    nouns: dict[str, list[Pattern]]
    complements: dict[tuple[str, str], str]
    by_id: dict[str, Pattern]
    cues: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in CUE_SETS})
    agentless: dict[str, str] = field(default_factory=dict)  # code prefix -> acting sector
    dyadic: dict[str, bool] = field(default_factory=dict)  # code prefix -> needs a target
    nominals: dict[str, str] = field(default_factory=dict)  # event noun -> its verb's lemma
    # (id, role words, code prefixes, new code): see actor_recodes.tsv
    actor_recodes: list[tuple[str, tuple[str, ...], tuple[str, ...], str]] = field(
        default_factory=list
    )

    def actor_recode(self, code: str, actor_text: str) -> tuple[str, str] | None:
        """(rule id, new code) when the acting role's words change what the act is."""
        words = actor_text.lower().split()
        if not words:
            return None
        for rid, roles, prefixes, new in self.actor_recodes:
            if not code.startswith(prefixes) or code[:3] == new[:3]:
                continue  # not this act, or already as specific ("blew himself up": 1831)
            for role in roles:
                r = role.split()
                tail = words[-len(r) :]
                if tail[:-1] == r[:-1] and tail and tail[-1] in (r[-1], r[-1] + "s", r[-1] + "es"):
                    return rid, new
        return None

    def agentless_sector(self, code: str) -> str | None:
        """The sector that does an act of this code when the text names nobody (the longest
        listed prefix of the code wins), or None."""
        for n in range(len(code), 1, -1):
            sector = self.agentless.get(code[:n])
            if sector:
                return sector
        return None

    def needs_target(self, code: str) -> bool:
        """Whether an act of this code is an interaction that needs a second party
        (``dyadic.tsv``; the longest listed prefix wins)."""
        for n in range(len(code), 1, -1):
            need = self.dyadic.get(code[:n])
            if need is not None:
                return need
        return False

    def complement_code(self, governor: str, complement: str) -> str | None:
        """The code for a control verb with this complement code, most specific key first."""
        for g in (governor, governor[:3], governor[:2]):
            for c in (complement, complement[:3], complement[:2]):
                code = self.complements.get((g, c))
                if code:
                    return code
        return None

    def __len__(self) -> int:
        return len(self.by_id)


def _parse_targets(raw: str, where: str) -> tuple[str, ...]:
    out = []
    for t in filter(None, (x.strip() for x in raw.split("|"))):
        if t in ("dobj", "iobj", "none", "poss") or (t.startswith("prep:") and len(t) > 5):
            out.append(t)
        else:
            raise DataError(f"{where}: unknown target {t!r} (dobj, iobj, prep:<p>, poss, none)")
    return tuple(out)


def _load_events(path: Path, ps: PatternSet) -> None:
    onto = get_ontology()
    for line_no, row in read_tsv(path, EVENT_COLUMNS, min_columns=7):
        where = f"{path}:{line_no}"
        pos = row["pos"].strip().upper()
        if pos not in ("V", "N"):
            raise DataError(f"{where}: pos must be V or N, not {row['pos']!r}")
        raw_flags = [f.strip() for f in (row.get("flags") or "").split(",") if f.strip()]
        plover = next((f.split(":", 1)[1] for f in raw_flags if f.startswith("plover:")), None)
        if plover is not None and plover not in onto.plover_types:
            raise DataError(f"{where}: unknown PLOVER type {plover!r}")
        flags = frozenset(f for f in raw_flags if not f.startswith("plover:"))
        bad = flags - FLAGS
        if bad:
            raise DataError(f"{where}: unknown flag(s) {sorted(bad)}")
        code = (row.get("code") or "").strip()
        if code and not onto.is_event_code(code):
            raise DataError(f"{where}: {code!r} is not a CAMEO event code")
        if not code and not flags & {"light", "pass", "neutral"}:
            raise DataError(f"{where}: a row needs a code unless it is 'light' or 'pass'")
        pid = row["id"].strip()
        if not pid:
            raise DataError(f"{where}: empty id")
        words = row["lemma"].strip().lower().split()
        if not words:
            raise DataError(f"{where}: empty lemma")
        objs = [
            o.strip().lower().split() for o in (row.get("object") or "").split("|") if o.strip()
        ]
        p = Pattern(
            id=pid,
            pos=pos,
            lemma=words[-1],
            particle=(row.get("particle") or "").strip().lower(),
            objects=frozenset(o[-1] for o in objs),
            targets=_parse_targets(row.get("target") or "", where),
            code=code,
            flags=flags,
            mods=tuple(words[:-1]),
            object_mods=frozenset(w for o in objs for w in o[:-1]),
            plover=plover,
        )
        ps.by_id[pid] = p  # a user row with the same id replaces the packaged one
    ps.verbs.clear()
    ps.nouns.clear()
    for p in ps.by_id.values():
        (ps.verbs if p.pos == "V" else ps.nouns).setdefault(p.lemma, []).append(p)


def _load_complements(path: Path, ps: PatternSet) -> None:
    onto = get_ontology()
    for line_no, row in read_tsv(path, ["governor", "complement_root", "code"]):
        where = f"{path}:{line_no}"
        code = row["code"].strip()
        if not onto.is_event_code(code):
            raise DataError(f"{where}: {code!r} is not a CAMEO event code")
        ps.complements[(row["governor"].strip(), row["complement_root"].strip())] = code


def _load_cues(path: Path, ps: PatternSet) -> None:
    for line_no, row in read_tsv(path, ["set", "word"]):
        name = row["set"].strip()
        if name not in CUE_SETS:
            raise DataError(f"{path}:{line_no}: unknown word set {name!r} ({sorted(CUE_SETS)})")
        word = row["word"].strip().lower()
        if not word:
            raise DataError(f"{path}:{line_no}: empty word")
        ps.cues[name].add(word)


def _load_agentless(path: Path, ps: PatternSet) -> None:
    onto = get_ontology()
    for line_no, row in read_tsv(path, ["code", "sector"]):
        code, sector = row["code"].strip(), row["sector"].strip()
        if not onto.is_event_code(code):
            raise DataError(f"{path}:{line_no}: {code!r} is not a CAMEO event code")
        if sector not in onto.sectors:
            raise DataError(f"{path}:{line_no}: unknown sector (actor type) {sector!r}")
        ps.agentless[code] = sector


def _load_dyadic(path: Path, ps: PatternSet) -> None:
    onto = get_ontology()
    for line_no, row in read_tsv(path, ["code", "need"]):
        code, need = row["code"].strip(), row["need"].strip().lower()
        if not onto.is_event_code(code):
            raise DataError(f"{path}:{line_no}: {code!r} is not a CAMEO event code")
        if need not in ("yes", "no"):
            raise DataError(f"{path}:{line_no}: need must be yes or no, not {row['need']!r}")
        ps.dyadic[code] = need == "yes"


def _load_nominals(path: Path, ps: PatternSet) -> None:
    for line_no, row in read_tsv(path, ["noun", "verb"]):
        noun, verb = row["noun"].strip().lower(), row["verb"].strip().lower()
        if not noun or not verb:
            raise DataError(f"{path}:{line_no}: noun and verb must not be empty")
        if verb not in ps.verbs:
            raise DataError(f"{path}:{line_no}: no event pattern has the verb {verb!r}")
        ps.nominals[noun] = verb


def _load_actor_recodes(path: Path, ps: PatternSet) -> None:
    onto = get_ontology()
    for line_no, row in read_tsv(path, ["id", "role", "from", "code"]):
        where = f"{path}:{line_no}"
        roles = tuple(r.strip().lower() for r in row["role"].split("|") if r.strip())
        prefixes = tuple(c.strip() for c in row["from"].split("|") if c.strip())
        code = row["code"].strip()
        if not roles or not prefixes or not row["id"].strip():
            raise DataError(f"{where}: id, role and from must not be empty")
        if not onto.is_event_code(code):
            raise DataError(f"{where}: {code!r} is not a CAMEO event code")
        bad = [c for c in prefixes if not c.isdigit()]
        if bad:
            raise DataError(f"{where}: 'from' holds CAMEO codes or roots, not {bad}")
        ps.actor_recodes = [r for r in ps.actor_recodes if r[0] != row["id"].strip()]
        ps.actor_recodes.append((row["id"].strip(), roles, prefixes, code))


def load_patterns(dirs: Sequence[str | os.PathLike] = ()) -> PatternSet:
    """Load the packaged patterns plus users' (``dirs`` or ``EVENTWIRE_PATTERNS``)."""
    extra = list(dirs) or [
        d for d in os.environ.get("EVENTWIRE_PATTERNS", "").split(os.pathsep) if d
    ]
    return _load(tuple(str(d) for d in extra))


# the files of a pattern directory, in load order, and the loader of each
_FILES = (
    ("events.tsv", _load_events),
    ("complements.tsv", _load_complements),
    ("cues.tsv", _load_cues),
    ("agentless.tsv", _load_agentless),
    ("dyadic.tsv", _load_dyadic),
    ("actor_recodes.tsv", _load_actor_recodes),
    ("nominals.tsv", _load_nominals),
)


@functools.lru_cache(maxsize=4)
def _load(extra: tuple[str, ...]) -> PatternSet:
    ps = PatternSet(verbs={}, nouns={}, complements={}, by_id={})
    for d in (str(DATA), *extra):
        for name, loader in _FILES:
            path = Path(d) / name
            if path.exists():
                loader(path, ps)
    if not ps.by_id:
        raise DataError(f"{DATA}/events.tsv: no event patterns found")
    return ps
