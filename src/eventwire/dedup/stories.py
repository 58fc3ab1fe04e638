"""Story clusters: near-duplicate and updated articles (wire copies, reprints, "UPDATE 2",
corrections) found with MinHash signatures (``datasketch``) and banded LSH.

A document's signature is the MinHash of its word 5-gram shingles (lower-cased words only, so
markup, punctuation and line breaks do not matter). Signatures are cut into ``BANDS`` bands of
``ROWS`` values; two documents sharing a band are candidates, and a candidate whose estimated
Jaccard similarity is at least ``THRESHOLD`` is the same story (an update that adds as much
text again as it keeps is at about 0.4). With 32 bands of 2 rows a pair at Jaccard 0.3 is a
candidate with probability 0.95, one at 0.4 with 0.995; at 0.1 (same topic, other story) 0.28,
then dropped by the similarity check.

Everything here is pure: the store keeps the signatures and band keys, and asks
:func:`assign_stories` which story each new document belongs to.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.3
COPY_SIMILARITY = 0.9  # a document this similar to an earlier one is a copy of it
SEED = 1987
_BASE = 1_000_003  # odd multiplier of the k-gram hash polynomial

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED)


def shingles(text: str, k: int = SHINGLE) -> np.ndarray:
    """32-bit hashes of the word k-grams of ``text`` (lower-cased words only; a short text is
    one shingle). Each word is hashed once (CRC-32, stable across runs and machines) and a
    k-gram's hash is a polynomial of its words' hashes, computed for all k-grams at once."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    w = np.fromiter((zlib.crc32(x.encode("utf-8")) for x in words), np.uint64, len(words))
    n = max(1, len(words) - k + 1)
    h = np.zeros(n, dtype=np.uint64)
    for j in range(min(k, len(words))):
        h = (h * np.uint64(_BASE) + w[j : j + n]) & np.uint64(0xFFFFFFFF)
    return h


def _identity(x: int) -> int:
    return x


def signature(text: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint32 values) of a document's text."""
    tpl = _template()
    m = MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        hashfunc=_identity,
        permutations=tpl.permutations,
        scheme=tpl.scheme,
    )
    sh = shingles(text)
    if len(sh):
        m.update_batch(sh.tolist())
    return m.hashvalues.astype(np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return np.asarray(sig, dtype="<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 63-bit key per band (the band number is part of the key)."""
    raw = np.asarray(sig, dtype="<u4")
    out = []
    for b in range(BANDS):
        h = hashlib.blake2b(raw[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8, key=bytes([b]))
        out.append(int.from_bytes(h.digest(), "little") >> 1)
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(np.asarray(a) == np.asarray(b))) / NUM_PERM


@dataclass
class StoredDoc:
    """A document already in a story: its id, story and signature."""

    doc_id: str
    story_id: str
    sig: np.ndarray


@dataclass
class StoryAssignment:
    """What :func:`assign_stories` decided for a batch of new documents."""

    story: dict[str, str] = field(default_factory=dict)  # new doc_id -> story_id
    similarity: dict[str, float] = field(default_factory=dict)  # new doc_id -> best match
    merged: dict[str, str] = field(default_factory=dict)  # absorbed story_id -> kept story_id


def assign_stories(
    new_docs: Sequence[tuple[str, np.ndarray]],
    lookup: Callable[[Iterable[int]], list[StoredDoc]],
    threshold: float = THRESHOLD,
) -> StoryAssignment:
    """Story of each new document, processed in order (so batch size never changes a result).

    ``lookup(band_keys)`` returns the stored documents sharing any of those band keys. A new
    document similar to none starts its own story (story id = its doc id); similar to one story,
    it joins it; similar to several (it bridges them), they become one, keeping the smallest id,
    and the absorbed ids are reported in ``merged`` so the store can relabel earlier documents.
    """
    out = StoryAssignment()
    local: dict[int, list[StoredDoc]] = {}
    parent: dict[str, str] = {}

    def find(s: str) -> str:
        while parent.get(s, s) != s:
            s = parent[s]
        return s

    for doc_id, sig in new_docs:
        keys = band_keys(sig)
        cands = list(lookup(keys))
        for k in keys:
            cands.extend(local.get(k, ()))
        best = 0.0
        stories: set[str] = set()
        seen: set[str] = set()
        for c in cands:
            if c.doc_id in seen or c.doc_id == doc_id:
                continue
            seen.add(c.doc_id)
            sim = similarity(sig, c.sig)
            if sim >= threshold:
                stories.add(find(c.story_id))
                best = max(best, sim)
        if stories:
            keep = min(stories)
            for s in stories - {keep}:
                parent[s] = keep
        else:
            keep = doc_id
        out.story[doc_id] = keep
        out.similarity[doc_id] = best
        entry = StoredDoc(doc_id, keep, sig)
        for k in keys:
            local.setdefault(k, []).append(entry)
    for d, s in out.story.items():
        out.story[d] = find(s)
    for s in list(parent):
        root = find(s)
        if root != s:
            out.merged[s] = root
    return out
