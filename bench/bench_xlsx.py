"""Writing the indicator tables of a batch: seconds for 250, 500 and 1,000 reports to XLSX and CSV.

Usage: .venv/bin/python bench/bench_xlsx.py [--reports 250,500,1000]
The rows are those of the five samples, copied with a different unit name per report (so the pivot has
one row per report). Only the writing is timed (`fazhi indicators -o` also analyses; see
bench_analyze.py for that). Prints rows, wall and CPU seconds, and the CPU ratio to the previous size. No asserts.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import fazhi
from fazhi.exports.tables import write_indicator_table
from fazhi.indicators.export import report_rows

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def batch_rows(n: int, per_sample: list[list[dict]]) -> list[dict]:
    """The rows of n reports: sample k % 5, its unit and file renamed after k."""
    out = []
    for k in range(n):
        for r in per_sample[k % len(per_sample)]:
            out.append(dict(r, unit=f"{r['unit']}{k}", file=f"{k}.txt"))
    return out


def main() -> None:
    """Run the benchmark and print its numbers."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", default="250,500,1000")
    args = ap.parse_args()
    per_sample = [report_rows(fazhi.analyze(p)) for p in SAMPLES]
    prev: dict[str, float] = {}
    print(f"{'reports':>8} {'rows':>7} {'format':>6} {'wall s':>8} {'cpu s':>7} {'x prev':>7}")
    with tempfile.TemporaryDirectory() as d:
        for n in (int(x) for x in args.reports.split(",")):
            rows = batch_rows(n, per_sample)
            for fmt in ("xlsx", "csv"):
                t0, c0 = time.perf_counter(), time.process_time()
                write_indicator_table(Path(d) / f"t.{fmt}", rows)
                sec, cpu = time.perf_counter() - t0, time.process_time() - c0
                ratio = f"{cpu / prev[fmt]:.2f}" if fmt in prev else "—"
                print(f"{n:>8} {len(rows):>7} {fmt:>6} {sec:>8.2f} {cpu:>7.2f} {ratio:>7}", flush=True)
                prev[fmt] = cpu


if __name__ == "__main__":
    main()
