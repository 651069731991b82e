"""The character n-gram language model shipped as package data (built by scripts/build_lm.py).

Characters are mapped to 12-bit ids (the 4092 most frequent characters of the training text, plus
four classes: unknown, line start, digit, Latin letter), so an n-gram of up to five characters packs
exactly into one uint64 (no collisions). For each order the model stores the keys,
the interpolated Kneser-Ney log10-probability of each kept n-gram and, for an n-gram that serves as a
context, its log10 back-off weight, both quantised to one byte. The arrays are memory-mapped `.npy`
files, so loading costs a few milliseconds and only the pages a text touches are read.

A query is the classic back-off walk, vectorised: the probability of the longest stored n-gram
ending at a position, times the back-off weights of the longer contexts that are stored.

Look-ups are direct: unigrams and bigrams through dense tables (key -> position), trigrams to
5-grams through a hash index. Their arrays are stored grouped by a multiplicative hash of the key
(`save` orders them so), and loading counts the keys per bucket (a fast pass, no sort): a look-up
reads the bucket's start and compares the one or two keys there, instead of a binary search over
a million keys.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

ORDER = 5
BITS = 12
VOCAB_SIZE = 1 << BITS
UNK, BOS, DIGIT, LATIN = 0, 1, 2, 3
FIRST_CHAR_ID = 4
DATA = "fazhi.data.lm"
# log10 values are quantised to uint8 over [LOG_FLOOR, 0] (a step of 0.035: far finer than the
# differences the corrector acts on).
LOG_FLOOR = -9.0
LOG_STEP = -LOG_FLOOR / 255
# Orders from HASHED_FROM up are stored grouped by hash bucket; a table has twice as many buckets
# as keys rounded up to a power of two (fewer than one key per bucket: a hit costs ~1.2 compares).
HASHED_FROM = 3
_HASH_MULT = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the odd 64-bit golden-ratio constant


def hash_bits(n_keys: int) -> int:
    """Bits of the bucket number for a table of n_keys keys."""
    return max(1, int(n_keys).bit_length() + 1)


def bucket_of(keys: np.ndarray, bits: int) -> np.ndarray:
    """The hash bucket of each packed key (the top `bits` bits of key * golden ratio, mod 2**64)."""
    return ((keys.astype(np.uint64) * _HASH_MULT) >> np.uint64(64 - bits)).astype(np.int64)


def hash_order(keys: np.ndarray) -> np.ndarray:
    """The permutation that groups keys by bucket (keys in ascending order within a bucket)."""
    return np.lexsort((keys, bucket_of(keys, hash_bits(len(keys)))))


def bucket_starts(keys: np.ndarray) -> np.ndarray:
    """For keys stored in hash order: where each bucket starts (one more entry than buckets)."""
    bits = hash_bits(len(keys))
    counts = np.bincount(bucket_of(keys, bits), minlength=1 << bits)
    starts = np.zeros((1 << bits) + 1, dtype=np.int32)
    np.cumsum(counts, out=starts[1:])
    return starts


def quantise(logp: np.ndarray) -> np.ndarray:
    """log10 values -> uint8 codes (0 = 0.0, 255 = LOG_FLOOR)."""
    q = np.rint(np.clip(logp, LOG_FLOOR, 0.0) / -LOG_STEP)
    return q.astype(np.uint8)


# Characters that share one id each: digits, Latin letters (half and full width), and whitespace,
# which cuts the context like a line start.
_CLASS_RANGES = (
    ("0", "9", DIGIT),
    ("０", "９", DIGIT),
    ("A", "Z", LATIN),
    ("a", "z", LATIN),
    ("Ａ", "Ｚ", LATIN),
    ("ａ", "ｚ", LATIN),
)
_SPACES = " \t\n\r\f\v\u00a0\u2002\u2003\u2009\u200b\u3000"


def class_of(ch: str) -> int:
    """The class id of a character that has no id of its own (digit, Latin, line start), else UNK."""
    cp = ord(ch)
    for lo, hi, cls in _CLASS_RANGES:
        if ord(lo) <= cp <= ord(hi):
            return cls
    return BOS if ch in _SPACES else UNK


def char_table(vocab: str) -> np.ndarray:
    """A lookup table over the Basic Multilingual Plane: code point -> character id."""
    table = np.zeros(0x10000, dtype=np.uint16)
    for lo, hi, cls in _CLASS_RANGES:
        table[ord(lo) : ord(hi) + 1] = cls
    for ch in _SPACES:
        table[ord(ch)] = BOS
    for i, ch in enumerate(vocab):
        if ord(ch) < 0x10000 and table[ord(ch)] == UNK:
            table[ord(ch)] = FIRST_CHAR_ID + i
    return table


def encode(text: str, table: np.ndarray) -> np.ndarray:
    """Character ids of `text`, one per character (offsets are kept)."""
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    ids = np.zeros(len(cps), dtype=np.int64)
    bmp = cps < 0x10000
    ids[bmp] = table[cps[bmp]]
    return ids


def pack(windows: np.ndarray) -> np.ndarray:
    """Pack rows of character ids (shape [n, k]) into uint64 keys, first character most significant."""
    k = windows.shape[1]
    shifts = np.arange(k - 1, -1, -1, dtype=np.uint64) * np.uint64(BITS)
    # the fields do not overlap, so their sum is their bitwise or
    return (windows.astype(np.uint64) << shifts).sum(axis=1, dtype=np.uint64)


@dataclass(eq=False)
class CharLM:
    """A loaded model: per-order keys (sorted, or grouped by hash bucket from HASHED_FROM up) with
    quantised log-probabilities and back-off weights."""

    keys: list[np.ndarray]
    logp: list[np.ndarray]
    bow: list[np.ndarray]
    table: np.ndarray
    vocab: str
    _direct: dict[int, np.ndarray] | None = None
    _starts: dict[int, np.ndarray] | None = None

    def char_id(self, ch: str) -> int:
        """The id of one character."""
        return int(self.table[ord(ch)]) if ord(ch) < 0x10000 else UNK

    def seen(self, s: str) -> bool:
        """Whether the string (one to ORDER characters) is a stored n-gram of the model."""
        ids = encode(s, self.table)
        if not 1 <= len(ids) <= ORDER or (ids < FIRST_CHAR_ID).any():
            return False
        return bool(self._lookup(len(ids), pack(ids[None, :]))[0][0])

    @property
    def bigram_index(self) -> np.ndarray:
        """A dense [VOCAB_SIZE, VOCAB_SIZE] table: position of each stored bigram, -1 if not stored."""
        return self._dense()[2]

    def _dense(self) -> dict[int, np.ndarray]:
        """Direct-address tables for orders 1 and 2 (key -> position in the sorted keys, -1 if absent),
        built on first use: a bigram look-up is then one array read instead of a binary search
        (a 64 MB int32 table; the corrector's memory budget allows it)."""
        if self._direct is None:
            uni = np.full(VOCAB_SIZE, -1, dtype=np.int32)
            k1 = np.asarray(self.keys[1]).astype(np.int64)
            uni[k1] = np.arange(len(k1), dtype=np.int32)
            bi = np.full(VOCAB_SIZE * VOCAB_SIZE, -1, dtype=np.int32)
            k2 = np.asarray(self.keys[2]).astype(np.int64)
            bi[k2] = np.arange(len(k2), dtype=np.int32)
            self._direct = {1: uni, 2: bi.reshape(VOCAB_SIZE, VOCAB_SIZE)}
        return self._direct

    def hash_index(self) -> dict[int, np.ndarray]:
        """Bucket starts of the hashed orders, counted on first use (a few tens of ms)."""
        if self._starts is None:
            self._starts = {n: bucket_starts(np.asarray(self.keys[n])) for n in range(HASHED_FROM, ORDER + 1)}
        return self._starts

    def seen_keys(self, order: int, keys: np.ndarray) -> np.ndarray:
        """Whether each packed n-gram key of one order is stored."""
        return self._lookup(order, keys)[0]

    def _lookup(self, order: int, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if order <= 2:
            idx = self._dense()[order].reshape(-1)[keys.astype(np.int64)].astype(np.int64)
            found = idx >= 0
            idx[~found] = 0
            return found, idx
        arr = self.keys[order]
        starts = self.hash_index()[order]
        b = bucket_of(keys, hash_bits(len(arr)))
        pos, end = starts[b].astype(np.int64), starts[b + 1]
        found = np.zeros(len(keys), dtype=bool)
        idx = np.zeros(len(keys), dtype=np.int64)
        todo = np.flatnonzero(pos < end)
        while len(todo):
            at = pos[todo]
            hit = arr[at] == keys[todo]
            found[todo[hit]] = True
            idx[todo[hit]] = at[hit]
            todo = todo[~hit]
            pos[todo] += 1
            todo = todo[pos[todo] < end[todo]]
        return found, idx

    def score(self, hist: np.ndarray) -> np.ndarray:
        """log10 P(last id | the ids before it) for each row of `hist` (shape [n, ORDER]).

        Rows are left-padded with BOS where the line starts later; a BOS inside a row cuts the
        context there (nothing before a line start is seen).
        """
        n = hist.shape[0]
        hist = hist.copy()
        # cut the context at the last BOS before the predicted character
        for j in range(ORDER - 3, -1, -1):
            hist[hist[:, j + 1] == BOS, j] = BOS
        out = np.zeros(n)
        todo = np.arange(n)  # rows whose probability is not yet found
        for order in range(ORDER, 0, -1):
            if not len(todo):
                break
            grams = hist[todo, ORDER - order :]
            if order > 1:
                # an n-gram with BOS anywhere but first is never stored: such rows go one order down
                valid = ~(grams[:, 1:] == BOS).any(axis=1)
                rows, keys = todo[valid], pack(grams[valid])
            else:
                rows, keys = todo, pack(grams)
            if order == 1:
                found, idx = self._lookup(1, keys)
                out[rows[found]] += self.logp[1][idx[found]].astype(np.float64) * -LOG_STEP
                hit = rows[found]
            else:
                # the context first: an n-gram is stored only if its context is (pruning keeps
                # every prefix of a kept n-gram), so a missing context saves the n-gram look-up
                ctx = keys >> np.uint64(BITS)
                cfound, cidx = self._lookup(order - 1, ctx)
                line_start = ctx == np.uint64(BOS)  # a bare line start is no stored unigram
                sub = np.flatnonzero(cfound | line_start)
                found, idx = self._lookup(order, keys[sub])
                out[rows[sub[found]]] += self.logp[order][idx[found]].astype(np.float64) * -LOG_STEP
                # not found at this order: multiply by the context's back-off weight, if stored
                back = sub[~found]
                back = back[cfound[back]]
                out[rows[back]] += self.bow[order - 1][cidx[back]].astype(np.float64) * -LOG_STEP
                hit = rows[sub[found]]
            done = np.zeros(n, dtype=bool)
            done[hit] = True
            todo = todo[~done[todo]]
        out[todo] += LOG_FLOOR
        return out

    def scores_along(self, seqs: np.ndarray, first: int) -> np.ndarray:
        """log10 P(seqs[r, j] | the ORDER-1 ids before it in row r) for columns j >= first (>= ORDER-1).

        The same back-off walk as `score`, with the same additions in the same order (so the same
        floats), but over whole rows of text: the n-gram ending at column j is the (n-1)-gram ending
        at j-1 (its context) extended by one id, so each n-gram is packed and looked up once, only
        where its context is stored, instead of once per window that contains it."""
        k, width = seqs.shape
        size = k * width
        ids = seqs.astype(np.int64).reshape(-1)
        col = np.tile(np.arange(width), k)
        isbos = ids == BOS
        # how many ids before and including each cell are no line start (within its row): an n-gram
        # ending there is valid (BOS at most in its first place) when at least n-1 are
        # (a row starts as after a line start)
        cell = np.arange(size)
        mark = np.where(isbos, cell, np.where(col == 0, cell - 1, -1))
        run = cell - np.maximum.accumulate(mark)
        not_first = col > 0
        keys = {1: ids.astype(np.uint64)}
        found, index = {}, {}
        found[1], index[1] = self._lookup(1, keys[1])
        for n in range(2, ORDER + 1):
            key = np.zeros(size, dtype=np.uint64)
            key[1:] = (keys[n - 1][:-1] << np.uint64(BITS)) | keys[1][1:]
            ctx_ok = np.zeros(size, dtype=bool)
            ctx_ok[1:] = found[n - 1][:-1] | isbos[:-1] if n == 2 else found[n - 1][:-1]
            at = np.flatnonzero(ctx_ok & not_first & (run >= n - 1) & (col >= n - 1))
            f = np.zeros(size, dtype=bool)
            ix = np.zeros(size, dtype=np.int64)
            f[at], ix[at] = self._lookup(n, key[at])
            keys[n], found[n], index[n] = key, f, ix
        # the walk, for the cells asked for (every n-gram it reads lies within the cell's row)
        todo = np.flatnonzero(col >= first)
        out = np.zeros(size)
        for n in range(ORDER, 1, -1):
            valid = run[todo] >= n - 1
            prev = todo - 1
            cfound = found[n - 1][prev] & valid
            sub = cfound | (valid & isbos[prev]) if n == 2 else cfound
            hit = sub & found[n][todo]
            out[todo[hit]] += self.logp[n][index[n][todo[hit]]].astype(np.float64) * -LOG_STEP
            back = prev[cfound & ~hit]
            out[back + 1] += self.bow[n - 1][index[n - 1][back]].astype(np.float64) * -LOG_STEP
            todo = todo[~hit]
        hit = found[1][todo]
        out[todo[hit]] += self.logp[1][index[1][todo[hit]]].astype(np.float64) * -LOG_STEP
        out[todo[~hit]] += LOG_FLOOR
        return out.reshape(k, width)[:, first:]

    def position_scores(self, ids: np.ndarray) -> np.ndarray:
        """log10 P(ids[i] | the ORDER-1 ids before it) for every position of a line of ids."""
        padded = np.concatenate([np.full(ORDER - 1, BOS, dtype=np.int64), ids])
        return self.scores_along(padded[None, :], ORDER - 1)[0]


def save(
    path: Path, keys: list[np.ndarray], logp: list[np.ndarray], bow: list[np.ndarray], vocab: str, meta: dict
):
    """Write a model into directory `path` (one .npy per array kind, orders concatenated)."""
    path.mkdir(parents=True, exist_ok=True)
    keys, logp, bow = list(keys), list(logp), list(bow)
    for n in range(HASHED_FROM, ORDER + 1):
        perm = hash_order(keys[n])
        keys[n], logp[n] = keys[n][perm], logp[n][perm]
        if n < ORDER:
            bow[n] = bow[n][perm]
    offsets = np.cumsum([0] + [len(k) for k in keys[1:]]).tolist()
    np.save(path / "keys.npy", np.concatenate(keys[1:]).astype(np.uint64))
    np.save(path / "logp.npy", np.concatenate(logp[1:]).astype(np.uint8))
    # the highest order is never a context: no back-off weights stored for it
    np.save(path / "bow.npy", np.concatenate(bow[1:ORDER]).astype(np.uint8))
    (path / "vocab.txt").write_text(vocab, encoding="utf-8")
    meta = {**meta, "order": ORDER, "bits": BITS, "offsets": offsets}
    (path / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load_from(path: Path) -> CharLM:
    """Memory-map a model written by `save`."""
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    off = meta["offsets"]
    arrays = [np.load(path / f"{name}.npy", mmap_mode="r") for name in ("keys", "logp", "bow")]
    # plain ndarray views of the maps: indexing a np.memmap costs a Python-level wrapper each time
    split = [
        [np.empty(0, a.dtype)] + [np.asarray(a[off[i] : off[i + 1]]) for i in range(ORDER)] for a in arrays
    ]
    split[2][ORDER] = np.zeros(0, np.uint8)
    vocab = (path / "vocab.txt").read_text(encoding="utf-8")
    return CharLM(split[0], split[1], split[2], char_table(vocab), vocab)


@lru_cache(maxsize=1)
def load() -> CharLM:
    """The model shipped in the package (loaded once per process)."""
    return load_from(Path(str(resources.files(DATA).joinpath("meta.json"))).parent)
