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
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .shingles import SHINGLE_CHARS, Keyed, common_shingles, hash32, keyed, own_mask

# LSH banding: LSH_BANDS bands of LSH_ROWS MinHash values each (NUM_PERM = their product). Two units
# collide with probability 1 - (1 - J^2)^10: 61% at Jaccard 0.3 (a copied clause that is a third of a
# long sentence of the other report), 94% at 0.5, and a copied passage spans several units, any one of
# which is enough. Candidates are only candidates: the alignment (step 4) decides on exact shingles.
# Few bands keep the index cheap: its cost is units × bands dictionary operations (21 bands, datasketch's
# choice for a threshold of 0.3 over 64 permutations, took 2.4x as long on 500 reports).
LSH_BANDS = 10
LSH_ROWS = 2
NUM_PERM = LSH_BANDS * LSH_ROWS
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
    candidates = candidate_pairs(docs, own)
    pairs = []
    for a, b in sorted(candidates):
        passages = align(docs[a], own[a], docs[b], own[b])
        if passages:
            pairs.append(CopyPair(a, b, tuple(passages)))
    pairs.sort(key=lambda p: (-p.shared, p.a, p.b))
    return pairs


def _units(doc: Keyed, own: np.ndarray) -> list[np.ndarray]:
    """The own shingle hashes (32-bit) of each sentence (windows of a long one) with enough of them."""
    idx = np.flatnonzero(own)
    if not len(idx):
        return []
    cuts = np.flatnonzero(np.diff(doc.sent[idx])) + 1
    h32 = hash32(doc.hashes)
    out = []
    for group in np.split(idx, cuts):
        if len(group) < MIN_UNIT_SHINGLES:
            continue
        for s in range(0, max(1, len(group) - UNIT_WINDOW + UNIT_STEP), UNIT_STEP):
            win = group[s : s + UNIT_WINDOW]
            if len(win) >= MIN_UNIT_SHINGLES:
                out.append(h32[win])
    return out


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer: what datasketch's affine32 MinHash applies to each input hash."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signatures(units: list[np.ndarray], template: MinHash) -> np.ndarray:
    """The MinHash hash values of many units at once (one row each), equal to what `template.copy()`
    followed by `update_batch(unit)` gives for each, computed in one numpy pass per permutation."""
    if not units:
        return np.zeros((0, template.num_perm), dtype=np.uint32)
    values = _fmix32(np.concatenate(units).astype(np.uint32))
    starts = np.concatenate(([0], np.cumsum([len(u) for u in units])[:-1]))
    a, b = template.permutations
    out = np.empty((len(units), len(a)), dtype=np.uint32)
    with np.errstate(over="ignore"):
        for k in range(len(a)):
            out[:, k] = np.minimum.reduceat(values * a[k] + b[k], starts)
    return out


def candidate_pairs(docs: list[Keyed], own: list[np.ndarray]) -> set[tuple[int, int]]:
    """Report pairs with a unit of one colliding with a unit of the other in the LSH index."""
    lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
    template = MinHash(num_perm=NUM_PERM)
    units, owners = [], []
    for d, (doc, mask) in enumerate(zip(docs, own, strict=True)):
        found = _units(doc, mask)
        units.extend(found)
        owners.extend([d] * len(found))
    with lsh.insertion_session() as session:
        for u, row in enumerate(signatures(units, template)):
            m = LeanMinHash(seed=template.seed, hashvalues=row, scheme=template.scheme)
            session.insert(u, m, check_duplication=False)
    # every bucket of every band holding units of two reports or more: those reports are candidates
    pairs: set[tuple[int, int]] = set()
    for table in lsh.hashtables:
        for bucket, n in table.itemcounts().items():
            if n < 2:
                continue
            reports = sorted({owners[u] for u in table.get(bucket)})
            pairs.update((x, y) for i, x in enumerate(reports) for y in reports[i + 1 :])
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
