"""Findings outside punctuation on the development files of ../shared/corpus (numbers not divisible by 3).

Prints every finding (rule, quote) and the rate per 10,000 characters for typo+terminology and for the
other categories, all findings and after leaving out what the excerpts cause: the corpus files are the
first ~2000 bytes of a page (so the end with its parts, signature and date is cut: ST001, MD002, MD003;
many start at the body, so a missing title is the archive's: MD001 when no line of the excerpt's head
reads as a title) and the archive turned full-width marks into ASCII (punctuation, and FM001 on an
ASCII hyphen). A finding on the place of a defect annotated in bench/devset (or in JUDGED_TRUE) is a
real defect; every other finding is a false alarm. Every finding is printed with its class so a person
can read them all.
The held-out third (003, 006, …) is never read.
Usage: .venv/bin/python bench/dev_alarms.py [corpus_dir] [--quiet]
"""

from __future__ import annotations

import re
import sys
import tomllib
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


# Findings judged real defects beyond the annotations of bench/devset (file, rule): 053's 12.4 and
# 091's title year without 年 (now TY012 itself), annotated under another kind at the same place.
JUDGED_TRUE = {("053", "FM002"), ("091", "TY012")}
DEVSET = Path(__file__).resolve().parent / "devset"


# Annotators file year slips under terminology and some wrong fixed phrases under typo: these kinds
# count as one when a finding is matched to an annotation; every other kind must be the finding's own.
WORDING = {"typo", "terminology", "timeliness"}


def _devset_entries(stem: str) -> list[dict]:
    """The defect entries of bench/devset/NNN.toml; none for a test-split file (never read)."""
    p = DEVSET / f"{stem}.toml"
    if int(stem) % 3 == 0 or not p.exists():
        return []
    return tomllib.loads(p.read_text(encoding="utf-8")).get("d", [])


def annotated_defects(stem: str) -> list[tuple[str, str]]:
    """(kind, quote) of the defects annotated in bench/devset/NNN.toml (dev files only)."""
    return [(d["kind"], d["quote"]) for d in _devset_entries(stem)]


def is_annotated(f, text: str, quotes: list[tuple[str, str]]) -> bool:
    """Whether a finding overlaps the place of an annotated defect of its kind."""
    if f.start is None:
        return False
    for kind, q in quotes:
        if kind != str(f.category) and not {kind, str(f.category)} <= WORDING:
            continue
        for form in (q, re.sub(r"\s+", "", q)):
            i = text.find(form)
            while i >= 0:
                if f.start < i + len(form) and i < f.end:
                    return True
                i = text.find(form, i + 1)
    return False


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
    annotated: Counter[bool] = Counter()  # certain -> annotated defects outside punctuation
    found: Counter[bool] = Counter()  # certain -> those a finding of their kind covers
    files = dev_files(corpus)
    for p in files:
        raw = p.read_text(encoding="utf-8")
        quotes = annotated_defects(p.stem)
        r = analyze(p)
        for d in _devset_entries(p.stem):
            if d["kind"] == "punctuation":
                continue
            certain = d.get("certain", True)
            annotated[certain] += 1
            found[certain] += any(is_annotated(f, r.text, [(d["kind"], d["quote"])]) for f in r.findings)
        chars += len(r.text)
        for f in r.findings:
            if f.category == Category.PUNCTUATION:
                continue
            why = excerpt_caused(f, r.text, raw)
            true = (p.stem, f.rule) in JUDGED_TRUE or is_annotated(f, r.text, quotes)
            per_rule[f.rule] += 1
            counts[(f.category in LEXICAL, why is not None)] += 1
            if why is None and not true:
                false_alarms[f.category in LEXICAL] += 1
            why = "judged a real defect" if true else why
            if not quiet:
                q = r.text[f.start : f.end] if f.start is not None else ""
                print(f"{p.stem} {f.rule} [{why or 'counted'}] {q[:30]!r} {f.message[:60]}")
    print(f"files {len(files)}, chars {chars}")
    print(
        f"annotated defects outside punctuation found (a finding of the same kind on the place): "
        f"certain {found[True]}/{annotated[True]}, all {found[True] + found[False]}/{annotated[True] + annotated[False]}"
        f" = {(found[True] + found[False]) / max(1, annotated[True] + annotated[False]):.2f}"
    )
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
