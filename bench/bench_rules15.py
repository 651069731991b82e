"""The rules added for issue 15 (rules/phrasing.py, figures.py, reasons.py): cost and how it grows.

Usage: .venv/bin/python bench/bench_rules15.py [--rounds N]

Builds one report from the clean corpus (bench/corpus/clean_*.txt) repeated 1, 2 and 4 times, analyses
it once, then times run_rules alone (cold term scans) for: the whole catalogue, the catalogue without
the issue-15 rules, and each issue-15 rule alone. Prints characters per second and the time per size,
so that 2x input ≈ 2x cost can be read off. Findings on the dev split are measured by hand with
`fazhi analyze`; the figures are in docs/benchmarks.md. No asserts.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from fazhi.config import Config
from fazhi.pipeline import analysis_of
from fazhi.rules import kinds
from fazhi.rules.base import run_rules

CORPUS = sorted((Path(__file__).resolve().parent / "corpus").glob("clean_*.txt"))
NEW_RULES = ["TE101", "TE102", "NC101", "NC102", "NC103", "NC104", "ST101"]
SIZES = (1, 2, 4)


def seconds(report, cfg: Config, rounds: int) -> float:
    """Seconds per run of run_rules over one analysed report (term scan forgotten each time)."""
    t0 = time.perf_counter()
    for _ in range(rounds):
        kinds.forget_scans(report)
        run_rules(report, cfg)
    return (time.perf_counter() - t0) / rounds


def main() -> None:
    """Run the benchmark and print its numbers."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    base = "\n".join(p.read_text(encoding="utf-8") for p in CORPUS)
    configs = [("whole catalogue", Config()), ("without issue-15 rules", Config(ignore=NEW_RULES))]
    configs += [(code, Config(select=[code])) for code in NEW_RULES]
    rows: dict[str, list[float]] = {label: [] for label, _ in configs}
    sizes = []
    for k in SIZES:
        report = analysis_of(base * k)
        sizes.append(len(report.text))
        for label, cfg in configs:
            rows[label].append(seconds(report, cfg, args.rounds))
    print(f"one report of {', '.join(f'{n:,}' for n in sizes)} characters ({args.rounds} rounds, one core)")
    print(
        f"{'rules':24} " + " ".join(f"{'x' + str(k) + ' ms':>10}" for k in SIZES) + f" {'chars/s at x1':>15}"
    )
    for label, times in rows.items():
        ms = " ".join(f"{t * 1000:10.1f}" for t in times)
        print(f"{label:24} {ms} {sizes[0] / times[0]:15,.0f}")


if __name__ == "__main__":
    main()
