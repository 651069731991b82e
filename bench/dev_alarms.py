"""Findings outside punctuation on the development files of ../shared/corpus (numbers not divisible by 3).

Prints every finding (rule, quote) and the rate per 10,000 characters for typo+terminology and for the
other categories, all findings and after leaving out what the excerpts cause: the corpus files are the
first ~2000 bytes of a page (so the end with its parts, signature and date is cut: ST001, MD002, MD003;
many start at the body, so a missing title is the archive's: MD001 when no line of the excerpt's head
reads as a title) and the archive turned full-width marks into ASCII (punctuation, and FM001 on an
ASCII hyphen). Every finding is printed with its class so a person can read them all.
The held-out third (003, 006, …) is never read.
Usage: .venv/bin/python bench/dev_alarms.py [corpus_dir] [--quiet]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from fazhi import analyze, furniture
from fazhi.model import Category
from fazhi.outline import starts_heading

# Categories counted together against the tighter target.
LEXICAL = {Category.TYPO, Category.TERMINOLOGY}
# Rules about the end of a report, which every excerpt has lost.
CUT_RULES = {"ST001", "MD002", "MD003"}
# A title in the excerpt's head would be a line this short naming the rule of law and a report form.
HEAD_LINES, MAX_TITLE = 12, 80
TITLE_WORDS = re.compile(r"(?:法治|依法|法制|执法).*(?:报告|总结|情况)")


# Findings a person (this script's author) read and judged real defects of the published text, by
# file and rule: 法制宣传 for 法治宣传, 二十大届 for 二十届, an unquoted 十四五, the 2020—2025 range of the 法治社会 plan given to
# the 法治政府 plan, day names such as 12.4 without the 间隔号.
JUDGED_TRUE = {("005", "TE003"), ("017", "TE001"), ("025", "TE002"), ("040", "TE009"), ("053", "FM002"), ("064", "FM002")}


def _has_title_line(raw: str) -> bool:
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()][:HEAD_LINES]
    return any(
        len(ln) <= MAX_TITLE
        and TITLE_WORDS.search(ln)
        and ln[-1] not in "。，,:："
        and not starts_heading(ln)
        and not furniture.is_furniture(ln)
        for ln in lines
    )


def excerpt_caused(f, text: str, raw: str) -> str | None:
    """Why a finding comes from the excerpting or the archive, or None if it is the analyzer's own."""
    if f.rule in CUT_RULES:
        return "cut"
    if f.rule == "MD001" and not _has_title_line(raw):
        return "no title in excerpt"
    if f.rule == "FM001" and "-" in text[f.start : f.end]:
        return "archive ASCII dash"
    return None


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
    counts: Counter[tuple[bool, bool]] = Counter()  # (lexical, excerpt-caused)
    false_alarms: Counter[bool] = Counter()  # lexical -> findings neither excerpt-caused nor judged real
    files = dev_files(corpus)
    for p in files:
        raw = p.read_text(encoding="utf-8")
        r = analyze(p)
        chars += len(r.text)
        for f in r.findings:
            if f.category == Category.PUNCTUATION:
                continue
            why = excerpt_caused(f, r.text, raw)
            true = (p.stem, f.rule) in JUDGED_TRUE
            per_rule[f.rule] += 1
            counts[(f.category in LEXICAL, why is not None)] += 1
            if why is None and not true:
                false_alarms[f.category in LEXICAL] += 1
            why = "judged a real defect" if true else why
            if not quiet:
                q = r.text[f.start : f.end] if f.start is not None else ""
                print(f"{p.stem} {f.rule} [{why or 'counted'}] {q[:30]!r} {f.message[:60]}")
    print(f"files {len(files)}, chars {chars}")
    print("per rule:", dict(sorted(per_rule.items())))
    for name, lexical in (("typo+terminology", True), ("other (no punctuation)", False)):
        own = counts[(lexical, False)]
        total = own + counts[(lexical, True)]
        print(
            f"{name}: all {total} = {total / chars * 1e4:.2f} per 10k chars; "
            f"without excerpt/archive causes {own} = {own / chars * 1e4:.2f} per 10k chars; "
            f"false alarms {false_alarms[lexical]} = {false_alarms[lexical] / chars * 1e4:.2f} per 10k chars"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
