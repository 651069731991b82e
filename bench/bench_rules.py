"""Rule catalogue: false alarms on correct official text, and the speed of the rule stage.

Usage: .venv/bin/python bench/bench_rules.py [--rounds N]

The false-alarm corpus is bench/corpus/clean_*.txt: the five seeds with their person-checked defects
corrected (clean_seed_*.txt) and reports written for this purpose in the genre (measures,
shortcomings, plans; legal terms, 规范表述, numbers). Every finding on it is a false alarm. Prints
findings per 10,000 characters, typo+terminology apart from all other categories (targets: < 0.2 and
< 0.5), counting every severity and, apart, errors and warnings only (info findings are notes such as
"this part is folded into another"); lists each finding; then the throughput of the rule stage alone
(characters per second, one core; target > 500,000 for the whole catalogue) next to jieba.lcut on the
same text, and the slowest rules.
No asserts: numbers go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from fazhi.config import Config
from fazhi.model import Category, Severity
from fazhi.pipeline import analysis_of
from fazhi.rules import kinds
from fazhi.rules.base import all_rules, run_rules

CORPUS = sorted((Path(__file__).resolve().parent / "corpus").glob("clean_*.txt"))
OURS = {Category.TYPO, Category.TERMINOLOGY}
TARGET_OURS, TARGET_OTHER, TARGET_SPEED = 0.2, 0.5, 500_000


def false_alarms(cfg: Config) -> list:
    """Analyse every clean file; print and return (report, findings) pairs."""
    out = []
    for p in CORPUS:
        r = analysis_of(p, cfg)
        out.append(r)
    return out


def per_10k(n: int, chars: int) -> float:
    """Findings per 10,000 characters."""
    return n / chars * 10_000 if chars else 0.0


def rule_stage_speed(reports, cfg: Config, rounds: int) -> float:
    """Characters per second of run_rules alone over already-analysed reports (cold scans)."""
    chars = 0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for r in reports:
            kinds.forget_scans(r)
            run_rules(r, cfg)
            chars += len(r.text)
    return chars / (time.perf_counter() - t0)


def jieba_speed(reports, rounds: int) -> float | None:
    """Characters per second of jieba.lcut over the same texts (dev dependency; None without it)."""
    try:
        import jieba
    except ImportError:
        return None
    jieba.setLogLevel(60)
    jieba.lcut("预热")
    chars = 0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for r in reports:
            jieba.lcut(r.text)
            chars += len(r.text)
    return chars / (time.perf_counter() - t0)


def main() -> None:
    """Run the benchmark and print its numbers."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    cfg = Config()
    reports = false_alarms(cfg)
    chars = sum(len(r.text) for r in reports)
    ours = [(r, f) for r in reports for f in r.findings if f.category in OURS]
    other = [(r, f) for r in reports for f in r.findings if f.category not in OURS]
    print(f"false-alarm corpus: {len(reports)} files, {chars} characters, {len(all_rules())} rules")
    for label, found, target in (
        ("typo+terminology", ours, TARGET_OURS),
        ("other categories", other, TARGET_OTHER),
    ):
        alarms = [x for x in found if x[1].severity != Severity.INFO]
        print(
            f"  {label}: {per_10k(len(found), chars):.2f} per 10,000 chars ({len(found)} findings); "
            f"errors+warnings {per_10k(len(alarms), chars):.2f} ({len(alarms)}); target < {target}"
        )
    for r, f in ours + other:
        quote = r.text[f.start : f.end] if f.start is not None else "(whole report)"
        print(f"    {Path(r.source).name}: {f.rule} {f.severity} {quote[:30]!r} {f.message[:50]}")

    whole = rule_stage_speed(reports, cfg, args.rounds)
    family = rule_stage_speed(reports, Config(select=["TY", "TE"]), args.rounds)
    print(f"rule stage alone, one core, {args.rounds} rounds:")
    print(f"  whole catalogue:   {whole:12,.0f} chars/s (target > {TARGET_SPEED:,})")
    print(f"  typo+terminology:  {family:12,.0f} chars/s")
    jb = jieba_speed(reports, max(1, args.rounds // 4))
    if jb is not None:
        print(f"  jieba.lcut:        {jb:12,.0f} chars/s (same text, for scale)")
    print("slowest rules (chars/s alone, one cold scan of the term automaton each):")
    timed = [
        (rule_stage_speed(reports, Config(select=[r.code], preview=True), 2), r.code) for r in all_rules()
    ]
    for speed, code in sorted(timed)[:5]:
        print(f"  {code}: {speed:12,.0f}")


if __name__ == "__main__":
    main()
