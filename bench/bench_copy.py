"""Copy detection speed and recall: N variants of the samples compared with each other (fazhi.corpus).

Usage: .venv/bin/python bench/bench_copy.py [--sizes 1000 2000] [--seed 1]

Each variant is a sample of a random length (paragraphs dropped or repeated, 0.5x to 1.5x), whose
headings are kept as written (boilerplate every variant shares) and whose sentences have their characters
shuffled, so that no two variants share text by chance. Every PLANT_EVERY-th variant gets a passage of
PLANT_CHARS characters copied from another variant: those pairs must be found, and no other pair.
Prints the time of each step (shingles, boilerplate, LSH, alignment) and the pairs found / planted.
Reading and normalizing the files is not timed here (bench_analyze.py measures reading).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from fazhi.corpus import pairs as similar_mod
from fazhi.corpus.shingles import common_shingles, keyed, own_mask
from fazhi.ingest import read_path
from fazhi.normalize import normalize
from fazhi.text import is_han_basic

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
PLANT_EVERY = 10  # one variant in ten has a copied passage
PLANT_CHARS = 80  # characters copied: a paragraph of a few clauses
HEADING_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


def _scramble(line: str, rng: random.Random) -> str:
    """The line with the characters of each sentence shuffled (punctuation and digits kept in place)."""
    out = []
    for sent in re.split(r"(?<=[。；！？])", line):
        chars = [c for c in sent if is_han_basic(c)]
        rng.shuffle(chars)
        it = iter(chars)
        out.append("".join(next(it) if is_han_basic(c) else c for c in sent))
    return "".join(out)


def variant(text: str, rng: random.Random) -> str:
    """A variant of a sample: random length, headings kept, every other line's sentences shuffled."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    body = []
    for ln in lines:
        if HEADING_RE.match(ln) or len(ln) < 30:
            body.append(ln)
            continue
        for _ in range(rng.choice((0, 1, 1, 2))):  # 0.5x to 1.5x the paragraphs, on average 1x
            body.append(_scramble(ln, rng))
    return "\n".join(body)


def make_corpus(n: int, seed: int) -> tuple[list[str], set[tuple[int, int]]]:
    """n variant texts (normalized) and the pairs (i, j) with a planted passage."""
    rng = random.Random(seed)
    bases = [normalize(read_path(p).text)[0] for p in SAMPLES]
    texts = [variant(rng.choice(bases), rng) for _ in range(n)]
    planted = set()
    for i in range(0, n, PLANT_EVERY):
        j = rng.randrange(n)
        if j == i:
            continue
        # the passage comes from one of the source's own (shuffled) paragraphs, not its headings
        lines = [ln for ln in texts[j].splitlines() if len(ln) > PLANT_CHARS and not HEADING_RE.match(ln)]
        if not lines:
            continue
        src = rng.choice(lines)
        k = rng.randrange(0, len(src) - PLANT_CHARS)
        passage = src[k : k + PLANT_CHARS]
        at = texts[i].find("\n", len(texts[i]) // 2)
        at = at if at > 0 else len(texts[i])
        texts[i] = texts[i][:at] + "\n" + passage + "。" + texts[i][at:]
        planted.add((min(i, j), max(i, j)))
    return texts, planted


def run(n: int, seed: int) -> None:
    """Time each step on n variants; print found / planted pairs."""
    texts, planted = make_corpus(n, seed)
    chars = sum(len(t) for t in texts)
    c0 = time.process_time()
    t0 = time.perf_counter()
    docs = [keyed(t) for t in texts]
    t1 = time.perf_counter()
    common = common_shingles(docs)
    own = [own_mask(d, common) for d in docs]
    t2 = time.perf_counter()
    cands = similar_mod.candidate_pairs(docs, own)
    t3 = time.perf_counter()
    found = set()
    for a, b in cands:
        if similar_mod.align(docs[a], own[a], docs[b], own[b]):
            found.add((a, b))
    t4 = time.perf_counter()
    # a pair not planted but explained: both got a passage from the same third report (or one report got
    # two overlapping passages from the same source), so they really share text
    linked = {}
    for x, y in planted:
        linked.setdefault(x, set()).add(y)
        linked.setdefault(y, set()).add(x)
    other = found - planted
    explained = sum(1 for x, y in other if linked.get(x, set()) & linked.get(y, set()))
    cpu = time.process_time() - c0
    total = t4 - t0
    print(
        f"{n:5d} reports {chars / 1e6:5.1f}M chars: total {total:5.1f} s wall, {cpu:5.1f} s CPU "
        f"(shingles {t1 - t0:4.1f}, boilerplate {t2 - t1:4.1f}, LSH {t3 - t2:4.1f}, align {t4 - t3:4.1f}); "
        f"candidates {len(cands)}, pairs found {len(found)}, planted {len(planted)}, "
        f"planted found {len(found & planted)}, other pairs {len(other)} "
        f"({explained} sharing a planted source)"
    )


def main() -> None:
    """Run the benchmark for each size."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    run(50, args.seed)  # warm up: term automaton, numpy
    for n in args.sizes:
        run(n, args.seed)


if __name__ == "__main__":
    main()
