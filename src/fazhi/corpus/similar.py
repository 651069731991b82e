"""Pairs of reports sharing passages: MinHash LSH over sentence shingles, then alignment.

1. shingles — each report's key and sentence shingles (shingles.py); boilerplate shingles (common in the
   corpus, or inside a term-table expression) are dropped.
2. units     — each sentence's own shingles form a unit (a long sentence is cut into overlapping windows,
   so a copied clause inside a long sentence still dominates one unit).
3. LSH       — each unit's MinHash goes into a datasketch MinHashLSH; a unit of one report colliding
   with a unit of another makes the two reports a candidate pair.
4. align     — the candidate pair's shared own shingles are chained along the diagonal of the two keys
   into passages; a passage with enough shared shingles is a copy, with its span in each text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from .shingles import SHINGLE_CHARS, Keyed, common_shingles, hash32, keyed, own_mask

# MinHash permutations per unit: 64 estimate a unit's Jaccard within about ±0.06, and keep the cost of
# 2,000 reports' units within the time budget.
NUM_PERM = 64
# LSH Jaccard threshold between two units: a copied clause that is a third of a long sentence of the
# other report still collides; the alignment (step 4) then decides on exact shared shingles.
LSH_THRESHOLD = 0.3
# A unit with fewer own shingles than this (a short heading, a sentence of formulas) is not indexed.
MIN_UNIT_SHINGLES = 8
# Sentences longer than UNIT_WINDOW own shingles are cut into windows of that size, UNIT_STEP apart.
UNIT_WINDOW = 40
UNIT_STEP = 20
# Alignment: two shared shingles belong to one passage when they are at most MAX_GAP key characters
# apart in the first report and their offsets in the two reports differ by at most MAX_DRIFT characters
# more than the passage's last pair did (a clause added or dropped in one copy).
MAX_GAP = 24
MAX_DRIFT = 16
# A passage is reported when it has at least this many shared own shingles: about 25 characters of
# text beyond boilerplate, a clause or two; a shared phrase of one or two words never reaches it.
MIN_PASSAGE_SHINGLES = 20
# A shingle found more often than this in one report (a refrain) is not used to anchor the alignment.
MAX_REPEATS = 4


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage two reports share: its span in each normalized text and its shared shingle count."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    shared: int


@dataclass(frozen=True, slots=True)
class CopyPair:
    """Two reports (indexes into the corpus given) and the passages they share, in the first's order."""

    a: int
    b: int
    passages: tuple[Passage, ...]

    @property
    def shared(self) -> int:
        """Shared shingles over all passages (the pair's weight)."""
        return sum(p.shared for p in self.passages)


def find_pairs(texts: Sequence[str]) -> list[CopyPair]:
    """Every pair of texts sharing a passage beyond boilerplate, heaviest first."""
    docs = [keyed(t) for t in texts]
    common = common_shingles(docs)
    own = [own_mask(d, common) for d in docs]
    candidates = _candidates(docs, own)
    pairs = []
    for a, b in sorted(candidates):
        passages = align(docs[a], own[a], docs[b], own[b])
        if passages:
            pairs.append(CopyPair(a, b, tuple(passages)))
    pairs.sort(key=lambda p: (-p.shared, p.a, p.b))
    return pairs


def _units(doc: Keyed, own: np.ndarray) -> list[np.ndarray]:
    """The own shingle hashes of each sentence (windows of a long one) with enough of them."""
    idx = np.flatnonzero(own)
    if not len(idx):
        return []
    sent = doc.sent[idx]
    cuts = np.flatnonzero(np.diff(sent)) + 1
    out = []
    for group in np.split(idx, cuts):
        if len(group) < MIN_UNIT_SHINGLES:
            continue
        starts = range(0, max(1, len(group) - UNIT_WINDOW + UNIT_STEP), UNIT_STEP)
        for s in starts:
            win = group[s : s + UNIT_WINDOW]
            if len(win) >= MIN_UNIT_SHINGLES:
                out.append(np.unique(hash32(doc.hashes[win])))
    return out


def _identity(v):
    return v


def _candidates(docs: list[Keyed], own: list[np.ndarray]) -> set[tuple[int, int]]:
    """Report pairs with a unit of one colliding with a unit of the other in the LSH index."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    template = MinHash(num_perm=NUM_PERM, hashfunc=_identity)
    pairs: set[tuple[int, int]] = set()
    with lsh.insertion_session() as session:
        keyed_units = []
        for d, (doc, mask) in enumerate(zip(docs, own, strict=True)):
            for u, hashes in enumerate(_units(doc, mask)):
                m = template.copy()
                m.update_batch(hashes)
                keyed_units.append(((d, u), m))
                session.insert((d, u), m, check_duplication=False)
    for (d, _u), m in keyed_units:
        for other, _ in lsh.query(m):
            if other != d:
                pairs.add((min(d, other), max(d, other)))
    return pairs


def _positions(doc: Keyed, own: np.ndarray, wanted: np.ndarray) -> dict[int, list[int]]:
    """Key positions of each wanted own shingle hash in a report (refrains left out)."""
    idx = np.flatnonzero(own & np.isin(doc.hashes, wanted))
    where: dict[int, list[int]] = defaultdict(list)
    for i, h in zip(idx.tolist(), doc.hashes[idx].tolist(), strict=True):
        where[h].append(i)
    return {h: v for h, v in where.items() if len(v) <= MAX_REPEATS}


def align(a: Keyed, own_a: np.ndarray, b: Keyed, own_b: np.ndarray) -> list[Passage]:
    """The passages two reports share: their shared own shingles chained along the diagonal."""
    shared = np.intersect1d(a.hashes[own_a], b.hashes[own_b])
    if len(shared) < MIN_PASSAGE_SHINGLES:
        return []
    pa, pb = _positions(a, own_a, shared), _positions(b, own_b, shared)
    matches = sorted((i, j) for h, ii in pa.items() for i in ii for j in pb.get(h, ()))
    chains: list[list[tuple[int, int]]] = []
    for i, j in matches:
        for chain in reversed(chains[-8:]):  # only recent chains can still be extended
            li, lj = chain[-1]
            if 0 < i - li <= MAX_GAP and abs((j - i) - (lj - li)) <= MAX_DRIFT and j > lj:
                chain.append((i, j))
                break
        else:
            chains.append([(i, j)])
    out = []
    for chain in chains:
        if len(chain) < MIN_PASSAGE_SHINGLES:
            continue
        (i0, j0), (i1, _) = chain[0], chain[-1]
        j1 = max(j for _, j in chain)
        a_start, a_end = a.text_span(i0, i1)
        b_start, b_end = b.text_span(j0, j1)
        out.append(Passage(a_start, a_end, b_start, b_end, len(chain)))
    return _merge(out)


def _merge(passages: list[Passage]) -> list[Passage]:
    """Passages overlapping in both reports joined into one."""
    out: list[Passage] = []
    for p in sorted(passages, key=lambda p: (p.a_start, p.b_start)):
        if out and p.a_start <= out[-1].a_end and p.b_start <= out[-1].b_end and p.b_end >= out[-1].b_start:
            q = out[-1]
            out[-1] = Passage(
                q.a_start,
                max(q.a_end, p.a_end),
                min(q.b_start, p.b_start),
                max(q.b_end, p.b_end),
                q.shared + p.shared,
            )
        else:
            out.append(p)
    return out


__all__ = ["SHINGLE_CHARS", "CopyPair", "Passage", "align", "find_pairs"]
