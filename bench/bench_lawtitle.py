"""Cost of the law-title check (TE012) and of the generated phrase table (TE001).

Usage: .venv/bin/python bench/bench_lawtitle.py [--rounds N]

First the open-world false-alarm rate of TE012: a tenth of the real titles is held out of the list
(with its full or short partner), and each held-out title is searched against the rest as if a report
cited it. A held-out title TE012 would report is a real title called a slip: the rate is what a report
citing a real title missing from the list risks. Five random splits (seeded).

Prints the one-time costs (loading the title list and building its one-edit index; generating the
phrase variants), then the time of TE012's search on the samples joined 1, 2 and 4 times (the cost
should grow with the text: 2x input about 2x time), best of N rounds. No asserts: numbers go to
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from fazhi import lawtitles
from fazhi.rules import lawtitle, terminology

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def best(fn, rounds: int) -> float:
    """The shortest wall time of fn() over rounds runs, in seconds."""
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


# Share of the titles held out per split, and the number of splits.
HOLDOUT_SHARE, SPLITS = 10, 5


def holdout() -> None:
    """Print how often a real title missing from the list is reported as a slip."""
    names = sorted(lawtitles.titles())
    rng = random.Random(0)
    searched = flagged = 0
    examples = []
    for _ in range(SPLITS):
        rng.shuffle(names)
        held = set(names[: len(names) // HOLDOUT_SHARE])
        partner = {lawtitles.FULL_PREFIX + t for t in held} | {
            t[len(lawtitles.FULL_PREFIX) :] for t in held if t.startswith(lawtitles.FULL_PREFIX)
        }
        known = frozenset(t for t in names if t not in held and t not in partner)
        idx = lawtitles.index_of(known)
        for t in sorted(held):
            if not lawtitles.may_be_law_title(t):
                continue
            searched += 1
            found = lawtitles.nearest(t, known, idx)
            if found:
                flagged += 1
                examples.append(f"{t} -> {found[0]}")
    print(
        f"held-out real titles searched: {searched}, reported as slips: {flagged} ({flagged / searched:.2%})"
    )
    for e in sorted(set(examples)):
        print("  ", e)


def main() -> None:
    """Print the timings."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    rounds = ap.parse_args().rounds
    holdout()

    def cold_index():
        lawtitles.titles.cache_clear()
        lawtitles._index.cache_clear()
        lawtitles._index()

    print(
        f"title list + one-edit index (once per process): {best(cold_index, rounds) * 1000:.0f} ms, "
        f"{len(lawtitles.titles())} titles, {len(lawtitles._index())} keys"
    )
    gen = best(lambda: list(terminology._generated_phrases()), rounds)
    print(
        f"generated phrase variants (once per process): {gen * 1000:.0f} ms, "
        f"{len(list(terminology._generated_phrases()))} forms"
    )
    base = "\n".join(p.read_text(encoding="utf-8") for p in SAMPLES)
    for k in (1, 2, 4):
        text = "\n".join([base] * k)

        def run(text=text):
            lawtitle.slipped_titles.cache_clear()
            lawtitle.slipped_titles(text)

        t = best(run, rounds)
        n = text.count("《")
        print(
            f"TE012 search x{k}: {len(text)} chars, {n} titles cited: {t * 1000:.1f} ms "
            f"({len(text) / t / 1e6:.2f} M chars/s)"
        )


if __name__ == "__main__":
    main()
