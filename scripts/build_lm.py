#!/usr/bin/env python3
"""Build the character 5-gram language model of the statistical typo corrector (TY101).

Reads ../shared/lm-corpus/laws/*.txt (laws and regulations, see its README) and the genre text written
for the project (scripts/lm_genre.txt, plus the accepted terms of data/terms/lexicon.txt one per line),
counts every n-gram of one to five characters, smooths with interpolated Kneser-Ney (one discount per
order, from the count-of-counts), prunes rare long n-grams and writes memory-mappable arrays to
src/fazhi/data/lm/. Deterministic: the same input gives byte-identical files.

    .venv/bin/python scripts/build_lm.py [--corpus ../shared/lm-corpus/laws] [--out src/fazhi/data/lm]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from fazhi.lm.confusion import build_table, write_table
from fazhi.lm.model import (
    BITS,
    BOS,
    FIRST_CHAR_ID,
    ORDER,
    VOCAB_SIZE,
    char_table,
    class_of,
    encode,
    pack,
    quantise,
    save,
)

ROOT = Path(__file__).resolve().parent.parent
# Genre text is small next to 18.6M characters of law: repeated so its n-grams (report phrasing:
# 法治政府建设, 九小场所, 办结) carry weight without drowning the laws.
GENRE_REPEAT = 8
# Minimum raw count kept per order (1..5). Unigrams and bigrams are all kept; a 3-gram seen once
# tells little and costs space. Non-decreasing, so every kept n-gram's context is kept too.
MIN_COUNT = (1, 1, 2, 3, 4)
# Corrections go to the most frequent characters only: a report's intended character is a common one,
# and rare candidates mostly turn names and terms into noise.
COMMON_CHARS = 3500


def read_lines(corpus: Path) -> list[str]:
    """Every training line: the laws, then the genre text and lexicon terms (repeated)."""
    lines: list[str] = []
    for f in sorted(corpus.glob("*.txt")):
        lines += f.read_text(encoding="utf-8").splitlines()
    genre = (ROOT / "scripts" / "lm_genre.txt").read_text(encoding="utf-8").splitlines()
    lexicon = (ROOT / "src/fazhi/data/terms/lexicon.txt").read_text(encoding="utf-8").splitlines()
    genre += [ln.split("\t")[0] for ln in lexicon if ln.strip() and not ln.startswith("#")]
    lines += [ln for ln in genre if ln.strip() and not ln.startswith("#")] * GENRE_REPEAT
    return [ln.strip() for ln in lines if ln.strip()]


def vocabulary(lines: list[str]) -> str:
    """The characters that get their own id: most frequent first, ties by code point."""
    counts = Counter(ch for ln in lines for ch in ln if class_of(ch) == 0 and ord(ch) < 0x10000)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return "".join(ch for ch, _ in ranked[: VOCAB_SIZE - FIRST_CHAR_ID])


def ngram_counts(ids: np.ndarray, order: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique keys of the n-grams of one order and their counts (no BOS after the first place)."""
    if order == 1:
        keys = ids[ids != BOS].astype(np.uint64)
    else:
        win = np.lib.stride_tricks.sliding_window_view(ids, order)
        ok = ~(win[:, 1:] == BOS).any(axis=1)
        keys = pack(win[ok])
    return np.unique(keys, return_counts=True)


def discount(counts: np.ndarray) -> float:
    """The Kneser-Ney discount D = n1 / (n1 + 2 n2)."""
    n1, n2 = int((counts == 1).sum()), int((counts == 2).sum())
    return n1 / (n1 + 2 * n2) if n1 + n2 else 0.5


def build(lines: list[str]) -> tuple[list, list, list, str, dict]:
    """Counts -> interpolated Kneser-Ney log10-probabilities and back-off weights, pruned."""
    vocab = vocabulary(lines)
    table = char_table(vocab)
    text = "".join("\n" + ln for ln in lines)
    ids = encode(text, table)
    raw = [None] + [ngram_counts(ids, k) for k in range(1, ORDER + 1)]
    keys, logp, bow = [np.empty(0, np.uint64)], [np.empty(0)], [np.empty(0)]
    meta: dict = {"lines": len(lines), "chars": int(len(ids)), "discounts": []}
    prob_lower = None
    for k in range(1, ORDER + 1):
        u, c = raw[k]
        if k < ORDER:  # continuation counts: distinct left extensions (raw counts for BOS-initial)
            ext_u, _ = raw[k + 1]
            suffix = ext_u & np.uint64((1 << (BITS * k)) - 1)
            su, sc = np.unique(suffix, return_counts=True)
            adj = np.zeros(len(u), dtype=np.int64)
            adj[np.searchsorted(u, su)] = sc
            starts_bos = (u >> np.uint64(BITS * (k - 1))) == np.uint64(BOS)
            adj[starts_bos] = c[starts_bos]
            adj = np.maximum(adj, 1)
        else:
            adj = c.astype(np.int64)
        d = discount(adj)
        meta["discounts"].append(round(d, 4))
        if k == 1:
            total = adj.sum()
            p = (np.maximum(adj - d, 0) + d * len(u) / VOCAB_SIZE) / total
        else:
            ctx = u >> np.uint64(BITS)
            cu, start = np.unique(ctx, return_index=True)
            a_h = np.add.reduceat(adj, start)
            t_h = np.diff(np.append(start, len(u)))
            gi = np.searchsorted(cu, ctx)
            gamma = d * t_h / a_h
            low_keys = u & np.uint64((1 << (BITS * (k - 1))) - 1)
            lk, lp = prob_lower
            p_low = lp[np.searchsorted(lk, low_keys)]
            p = np.maximum(adj - d, 0) / a_h[gi] + gamma[gi] * p_low
            # back-off weights belong to the (k-1)-grams that are contexts
            pk, bw = keys[k - 1], np.zeros(len(keys[k - 1]))
            pos = np.searchsorted(pk, cu)
            inside = (pos < len(pk)) & (pk[np.minimum(pos, len(pk) - 1)] == cu)
            bw[pos[inside]] = np.log10(gamma[inside])
            bow[k - 1] = quantise(bw)
        prob_lower = (u, p)
        keep = c >= MIN_COUNT[k - 1]
        keys.append(u[keep])
        logp.append(quantise(np.log10(p[keep])))
        bow.append(np.zeros(int(keep.sum())))
        meta[f"ngrams_{k}"] = int(keep.sum())
    bow[ORDER] = quantise(bow[ORDER])
    return keys, logp, bow, vocab, meta


def main(argv: list[str] | None = None) -> int:
    """Build the model from the corpus and write it."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "lm-corpus" / "laws")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "fazhi" / "data" / "lm")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"找不到语料目录：{args.corpus}", file=sys.stderr)
        return 2
    lines = read_lines(args.corpus)
    keys, logp, bow, vocab, meta = build(lines)
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]
    meta["input_sha256_16"] = digest
    save(args.out, keys, logp, bow, vocab, meta)
    table = build_table(vocab, vocab[:COMMON_CHARS])
    (args.out / "confusion.tsv").write_text(write_table(table, vocab), encoding="utf-8")
    size = sum(f.stat().st_size for f in args.out.iterdir())
    print(
        f"{meta['chars']} chars, n-grams per order {[meta[f'ngrams_{k}'] for k in range(1, ORDER + 1)]}, "
        f"{size / 1e6:.1f} MB in {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
