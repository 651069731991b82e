"""Analyzer speed: reports per second and peak memory, analysing the bundled samples many times.

Usage: .venv/bin/python bench/bench_analyze.py [--rounds N]
Prints ms per report (reading excluded), ms per 10,000 characters, per stage, and the projected time
for a province of 2,000 reports on one core. No asserts: numbers go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

from fazhi.analysis import Analysis
from fazhi.config import Config
from fazhi.ingest import read_path
from fazhi.model import Report
from fazhi.normalize import normalize
from fazhi.pipeline import STAGES

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
PROVINCE = 2000


def main() -> None:
    """Run the benchmark and print its numbers."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=40)
    args = ap.parse_args()
    raws = [read_path(p) for p in SAMPLES]
    cfg = Config()
    # warm up: rule modules, automata, caches
    for raw in raws:
        _run(raw, cfg, defaultdict(float))
    per_stage: dict[str, float] = defaultdict(float)
    chars = 0
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for raw in raws:
            chars += len(raw.text)
            _run(raw, cfg, per_stage)
    elapsed = time.perf_counter() - t0
    # memory in a separate pass: tracemalloc slows Python down several times
    tracemalloc.start()
    for raw in raws:
        _run(raw, cfg, defaultdict(float))
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = args.rounds * len(raws)
    print(f"reports analysed: {n} ({chars} characters), reading excluded, one core")
    print(f"  {n / elapsed:.1f} reports/s, {elapsed / n * 1000:.2f} ms per report")
    print(f"  {elapsed / chars * 1e4 * 1000:.2f} ms per 10,000 characters")
    print(f"  peak traced memory: {peak / 2**20:.1f} MiB")
    print(f"  projected for {PROVINCE} reports of this size: {PROVINCE * elapsed / n:.1f} s")
    print("  per stage (ms per report):")
    for k, v in per_stage.items():
        print(f"    {k:12s} {v / n * 1000:7.2f}")


def _run(raw, cfg, per_stage) -> Report:
    t = time.perf_counter()
    text, omap = normalize(raw.text)
    per_stage["normalize"] += time.perf_counter() - t
    r = Analysis(source=raw.source, text=text, format=raw.format, config=cfg, offset_map=omap)
    for st in STAGES:
        t = time.perf_counter()
        st.fn(r, raw)
        per_stage[st.name] += time.perf_counter() - t
    return r.report()


if __name__ == "__main__":
    main()
