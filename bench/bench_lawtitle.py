"""Cost of the law-title check (TE012) and of the generated phrase table (TE001).

Usage: .venv/bin/python bench/bench_lawtitle.py [--rounds N]

Prints the one-time costs (loading the title list and building its one-edit index; generating the
phrase variants), then the time of TE012's search on the samples joined 1, 2 and 4 times (the cost
should grow with the text: 2x input about 2x time), best of N rounds. No asserts: numbers go to
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    """Print the timings."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    rounds = ap.parse_args().rounds

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
