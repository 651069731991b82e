"""Indicator extraction speed, compared with jieba word segmentation over the same text.

Usage: .venv/bin/python bench/bench_indicators.py [--rounds N]
Times stage 7 alone (quantity recognition + mapping to the taxonomy) on the bundled samples,
analysed once beforehand (stages 1-6 excluded), and jieba.lcut over the same normalized texts.
The target: extraction costs less than segmenting the text. Then the growth of the cost: one report
made of the five samples, repeated 1, 2 and 4 times (2x input should cost about 2x).
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from fazhi.indicators.mapping import map_quantities
from fazhi.indicators.quantities import find
from fazhi.pipeline import analysis_of

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
# Reports are compared per 10,000 characters (a typical township report is 3,000-12,000).
PER_CHARS = 10_000


def _extract(report) -> int:
    lo, hi = report.body_span if report.body_span[1] > report.body_span[0] else (0, len(report.text))
    return len(map_quantities(report, find(report.text, lo, hi)))


def _time(fn, items, rounds: int) -> float:
    t0 = time.perf_counter()
    for _ in range(rounds):
        for x in items:
            fn(x)
    return time.perf_counter() - t0


def main() -> None:
    """Run the benchmark and print its numbers."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=50)
    args = ap.parse_args()
    reports = [analysis_of(p) for p in SAMPLES]
    chars = sum(len(r.text) for r in reports) * args.rounds
    n_found = sum(_extract(r) for r in reports)  # also warms up the compiled grammar and cues
    t_ind = _time(_extract, reports, args.rounds)

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [r.text for r in reports]
    jieba.lcut(texts[0])
    t_jieba = _time(jieba.lcut, texts, args.rounds)

    print(
        f"samples: {len(reports)} reports, {chars // args.rounds} characters, {n_found} quantities; {args.rounds} rounds"
    )
    for name, t in (("indicators.extract", t_ind), ("jieba.lcut", t_jieba)):
        print(
            f"{name:20} {chars / t:12,.0f} chars/s  {1000 * t * PER_CHARS / chars:8.2f} ms per 10,000 chars"
        )
    print(f"extraction / segmentation = {t_ind / t_jieba:.2f}")
    _growth(max(1, args.rounds // 5))


# Sizes of the growth check, in copies of the five samples joined into one report.
GROWTH = (1, 2, 4)


def _growth(rounds: int) -> None:
    """Cost of one report of 1x, 2x and 4x the samples' text."""
    body = "\n".join(p.read_text(encoding="utf-8") for p in SAMPLES)
    base = None
    for k in GROWTH:
        report = analysis_of("\n".join([body] * k))
        _extract(report)
        t = _time(_extract, [report], rounds) / rounds
        base = base or t
        print(
            f"{k}x samples: {len(report.text):7,} characters  {1000 * t:8.2f} ms  ({t / base:.2f} x the 1x cost)"
        )


if __name__ == "__main__":
    main()
