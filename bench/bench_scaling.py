"""How analysis cost grows with input size: one report of 1, 2, 4, 8 and 20 MB built from the samples.

Usage: .venv/bin/python bench/bench_scaling.py [--sizes 1,2,4,8,20] [--stages] [--rules]
       .venv/bin/python bench/bench_scaling.py --batch 200   (the cost of the per-file worker process)
The big report is the five samples one after another, again and again, each copy with its numbers
changed (copy k adds k to every number), so that sentences with numbers differ between copies and
sentences without numbers repeat — the worst case for duplicate detection. Prints seconds per size,
the ratio to the previous size (2x input ≈ 2x cost when linear), and with --stages / --rules the
slowest stages and rules. Times are CPU seconds of this process (time.process_time), so that other
load on the machine does not blur the growth; the wall time is printed beside them. No asserts:
numbers go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict
from pathlib import Path

from fazhi.analysis import Analysis
from fazhi.config import Config
from fazhi.ingest import RawDocument
from fazhi.normalize import normalize
from fazhi.pipeline import STAGES

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
MB = 1024 * 1024
NUMBER_RE = re.compile(r"\d+")


def big_text(megabytes: float) -> str:
    """A text of about this many MB (UTF-8) made of varied copies of the samples."""
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    want = int(megabytes * MB)
    out, size, k = [], 0, 0
    while size < want:
        t = texts[k % len(texts)]
        copy = NUMBER_RE.sub(lambda m, k=k: str(int(m.group()) + k // len(texts)), t)
        out.append(copy)
        size += len(copy.encode("utf-8")) + 1
        k += 1
    return "\n".join(out)


def run(text: str, per_stage: dict[str, float], per_rule: dict[str, float] | None) -> float:
    """Analyse the text once, adding each stage's (and with per_rule, each rule's) time; total seconds."""
    raw = RawDocument(source="<bench>", text=text, format="txt")
    cfg = Config()
    t0 = time.process_time()
    norm, omap = normalize(raw.text)
    per_stage["normalize"] += time.process_time() - t0
    r = Analysis(source=raw.source, text=norm, format=raw.format, config=cfg, offset_map=omap)
    for st in STAGES:
        t = time.process_time()
        if st.name == "rules" and per_rule is not None:
            from fazhi.rules.base import all_rules

            findings = []
            for rule in all_rules():
                if cfg.is_selected(rule):
                    tr = time.process_time()
                    findings.extend(rule.run(r, cfg))
                    per_rule[rule.code] += time.process_time() - tr
            r.findings = tuple(findings)
        else:
            st.fn(r, raw)
        per_stage[st.name] += time.process_time() - t
    return time.process_time() - t0


def batch_overhead(n: int) -> None:
    """Wall seconds for n sample files through analyze_many with the worker process (time limit) and without."""
    import shutil
    import tempfile

    from fazhi.pipeline import analyze_many

    with tempfile.TemporaryDirectory() as d:
        for k in range(n):
            shutil.copy(SAMPLES[k % len(SAMPLES)], Path(d) / f"{k:04d}.txt")
        for label, cfg in (("in process (timeout = 0)", Config(time_limit=0)), ("worker process", Config())):
            t0 = time.perf_counter()
            got = sum(1 for _ in analyze_many([d], cfg))
            print(f"batch of {got} files, {label}: {time.perf_counter() - t0:.2f} s wall", flush=True)


def main() -> None:
    """Run the benchmark and print its numbers."""
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--batch",
        type=int,
        default=0,
        help="instead: time a batch of N sample files with and without the worker",
    )
    ap.add_argument("--sizes", default="1,2,4,8,20")
    ap.add_argument("--stages", action="store_true", help="print the three slowest stages per size")
    ap.add_argument("--rules", action="store_true", help="print the three slowest rules per size")
    args = ap.parse_args()
    if args.batch:
        batch_overhead(args.batch)
        return
    run(SAMPLES[0].read_text(encoding="utf-8"), defaultdict(float), None)  # warm up: automata, caches
    prev = None
    print(f"{'MB':>5} {'chars':>10} {'cpu s':>8} {'x prev':>7} {'wall s':>8}")
    for size in (float(s) for s in args.sizes.split(",")):
        text = big_text(size)
        stages: dict[str, float] = defaultdict(float)
        rules: dict[str, float] | None = defaultdict(float) if args.rules else None
        wall = time.perf_counter()
        sec = run(text, stages, rules)
        wall = time.perf_counter() - wall
        ratio = f"{sec / prev[1]:.2f}" if prev else "—"
        print(f"{size:>5g} {len(text):>10} {sec:>8.2f} {ratio:>7} {wall:>8.2f}", flush=True)
        if args.stages:
            top = sorted(stages.items(), key=lambda kv: -kv[1])[:3]
            print("      stages: " + ", ".join(f"{k} {v:.2f}s" for k, v in top))
        if rules:
            top = sorted(rules.items(), key=lambda kv: -kv[1])[:3]
            print("      rules:  " + ", ".join(f"{k} {v:.2f}s" for k, v in top))
        prev = (size, sec)


if __name__ == "__main__":
    main()
