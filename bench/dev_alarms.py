"""Findings outside punctuation on the development files of ../shared/corpus (numbers not divisible by 3).

Prints every finding (rule, quote) and the rate per 10,000 characters for typo+terminology and for the
other categories; the held-out third (003, 006, …) is never read.
Usage: .venv/bin/python bench/dev_alarms.py [corpus_dir] [--quiet]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from fazhi import analyze
from fazhi.model import Category

# Categories counted together against the tighter target.
LEXICAL = {Category.TYPO, Category.TERMINOLOGY}


def dev_files(corpus: Path) -> list[Path]:
    """The development split: corpus files whose number is not divisible by 3."""
    return [p for p in sorted(corpus.glob("[0-9][0-9][0-9].txt")) if int(p.stem) % 3 != 0]


def main(argv: list[str]) -> None:
    """Run the analyzer on every dev file and print its non-punctuation findings and their rates."""
    quiet = "--quiet" in argv
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0] if args else Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus")
    chars = 0
    per_rule: Counter[str] = Counter()
    lexical = other = 0
    for p in dev_files(corpus):
        r = analyze(p)
        chars += len(r.text)
        for f in r.findings:
            if f.category == Category.PUNCTUATION:
                continue
            per_rule[f.rule] += 1
            if f.category in LEXICAL:
                lexical += 1
            else:
                other += 1
            if not quiet:
                q = r.text[f.start : f.end] if f.start is not None else ""
                print(f"{p.stem} {f.rule} {q[:30]!r} {f.message[:60]}")
    print(f"files {len(dev_files(corpus))}, chars {chars}")
    print("per rule:", dict(sorted(per_rule.items())))
    print(f"typo+terminology {lexical} = {lexical / chars * 1e4:.2f} per 10k chars")
    print(f"other (no punctuation) {other} = {other / chars * 1e4:.2f} per 10k chars")


if __name__ == "__main__":
    main(sys.argv[1:])
