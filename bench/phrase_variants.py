"""How many wrong forms TE001's generator derives, and whether any of them occurs in authoritative or
clean text (which would make it no error): the laws of ../shared/lm-corpus, the samples, the clean corpus
of bench/corpus and the development files of ../shared/corpus (numbers not divisible by 3; the
held-out third is never read). Prints the generated forms found (outside the correct names the table guards), never the text around them.

Usage: .venv/bin/python bench/phrase_variants.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import ahocorasick

from fazhi.rules import kinds, terminology

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def sources() -> dict[str, list[Path]]:
    """The texts to scan, by name."""
    dev = [p for p in sorted((SHARED / "corpus").glob("*.txt")) if p.stem.isdigit() and int(p.stem) % 3]
    return {
        "lm-corpus (laws)": sorted((SHARED / "lm-corpus" / "laws").glob("*.txt")),
        "samples": sorted((ROOT / "samples").glob("*.txt")),
        "bench/corpus clean": sorted((ROOT / "bench" / "corpus").glob("clean_*.txt")),
        "corpus dev files": dev,
    }


def main() -> int:
    """Print the counts per pattern and the generated forms found in each source."""
    entries = list(terminology._generated_phrases())
    wrong = [e for e in entries if e.role == kinds.WRONG]
    print(f"generated wrong forms: {len(wrong)}", dict(Counter(e.extra for e in wrong)))
    auto = ahocorasick.Automaton()
    for e in entries:
        auto.add_word(e.text, (e.text, e.role))
    auto.make_automaton()
    for name, files in sources().items():
        found: Counter[str] = Counter()
        chars = 0
        for p in files:
            text = p.read_text(encoding="utf-8")
            chars += len(text)
            spans = [(end + 1 - len(w), end + 1, w, role) for end, (w, role) in auto.iter(text)]
            guards = [(a, b) for a, b, _, role in spans if role == kinds.GUARD]
            for a, b, w, role in spans:
                if role == kinds.WRONG and not any(ga <= a and b <= gb for ga, gb in guards):
                    found[w] += 1
        print(f"{name}: {len(files)} files, {chars} chars, generated forms found: {dict(found) or 0}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
