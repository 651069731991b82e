"""Score fazhi against the annotated development set (bench/devset/NNN.toml over ../shared/corpus).

Usage: .venv/bin/python bench/eval.py [--split dev|test|all] [--fold odd|even] [--corpus DIR]
       [--verbose] [--show-misses]

Runs fazhi on every annotated corpus file of the split and prints, separately for split=dev and
split=test:
- indicator recall and precision per id and overall: an emitted indicator matches an annotated
  quantity when its span overlaps the annotated quote's position in the text and the ids agree
  (an indicator overlapping an annotation of another id, or of `other`, or none, is a false one);
- value precision: of the matched indicators, the share whose value and qualifier equal the
  annotation's;
- defect recall: annotated certain defects overlapped by a finding of a compatible category
  (`COMPATIBLE`) whose span is tight around the defect (`TIGHT_SLACK`): a finding spanning a whole
  paragraph (PU001 folds a paragraph's ASCII marks into one) does not find every defect inside it;
- false alarms per 10,000 characters per rule family (category): findings that overlap no annotated
  defect. Left out: category punctuation and FM001 on an ASCII hyphen (the archive changed marks and
  dashes, INDEX.md), and what the excerpt's cut causes:
  structure, timeliness, missing signing date / signature (MD002, MD003) and, on an excerpt the
  annotators found without a title, missing title (MD001).
The last lines are a compact summary. Rules, cues and thresholds are tuned on split=dev only; the
test split is run for final figures alone.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from fazhi.pipeline import analysis_of

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "bench" / "devset"
CORPUS = ROOT.parent / "shared" / "corpus"
# Rates are given per this many characters of excerpt text.
PER_CHARS = 10_000
# Categories and rules whose findings the excerpting causes or the archive's edits explain.
SKIP_CATEGORIES = frozenset({"punctuation", "structure", "timeliness"})
SKIP_RULES = frozenset({"MD002", "MD003"})
# Dash rules judged on a dash the archive may have rewritten (INDEX.md: "dashes were squeezed").
ARCHIVE_DASH_RULES = frozenset({"FM001"})
# A finding finds a defect only when its category fits the annotated kind: these groups are one
# family each (a doubled word may be filed as typo or duplicate; a year slip as terminology or
# timeliness).
COMPATIBLE = (
    frozenset({"typo", "terminology", "duplicate"}),
    frozenset({"punctuation", "format", "numbering"}),
    frozenset({"number_consistency", "plausibility", "format"}),
    frozenset({"metadata", "structure", "timeliness", "terminology"}),
)
# ... and only when it is tight around it: at most this many characters longer than the defect's quote.
TIGHT_SLACK = 12
NO_TITLE_RULES = frozenset({"MD001"})
# The two false-alarm groups of issue 15's targets.
WORD_FAMILIES = frozenset({"typo", "terminology"})
SPLITS = ("dev", "test")


@dataclass
class Tally:
    """Counts of one split."""

    files: int = 0
    chars: int = 0
    gold: Counter = field(default_factory=Counter)  # annotated indicators per id
    hit: Counter = field(default_factory=Counter)  # annotated indicators found with their id
    emitted: Counter = field(default_factory=Counter)  # emitted indicators per id
    correct: Counter = field(default_factory=Counter)  # emitted indicators matching their annotation
    value_ok: int = 0
    defects: int = 0
    defects_hit: int = 0
    alarms: Counter = field(default_factory=Counter)  # false alarms per category
    misses: list = field(default_factory=list)  # (file, quote, gold id, emitted id or None)
    wrong: list = field(default_factory=list)  # (file, quote, emitted id, gold id or None)
    bad_values: list = field(default_factory=list)
    alarm_list: list = field(default_factory=list)
    defect_misses: list = field(default_factory=list)
    quote_errors: list = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """The headline figures of the split."""
        g, h, e, c = (sum(x.values()) for x in (self.gold, self.hit, self.emitted, self.correct))
        per = PER_CHARS / self.chars if self.chars else 0.0
        words = sum(n for k, n in self.alarms.items() if k in WORD_FAMILIES)
        rest = sum(n for k, n in self.alarms.items() if k not in WORD_FAMILIES)
        return {
            "indicator_recall": h / g if g else 1.0,
            "indicator_precision": c / e if e else 1.0,
            "value_precision": self.value_ok / c if c else 1.0,
            "defect_recall": self.defects_hit / self.defects if self.defects else 1.0,
            "alarms_typo_terminology": words * per,
            "alarms_other": rest * per,
        }


def locate(report, raw: str, quote: str) -> tuple[int, int] | None:
    """The quote's span in the normalized text (found there, or in the raw text and mapped)."""
    i = report.text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    j = raw.find(quote)
    if j < 0 or report.offset_map is None:
        return None
    index = report.offset_map.index
    s = bisect_left(index, j)
    e = bisect_left(index, j + len(quote))
    return (s, max(e, s + 1))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def score_file(ann: dict, path: Path, t: Tally) -> None:
    """Add one annotated file's counts to the tally."""
    raw = path.read_text(encoding="utf-8")
    report = analysis_of(path)
    name = path.stem
    t.files += 1
    t.chars += len(report.text)
    gold = []
    for q in ann.get("q", []):
        span = locate(report, raw, q["quote"])
        if span is None:
            t.quote_errors.append((name, q["quote"]))
            continue
        gold.append((span, q))
        if q["id"] != "other":
            t.gold[q["id"]] += 1
    used: set[int] = set()
    for ind in sorted(report.indicators, key=lambda i: i.start):
        t.emitted[ind.id] += 1
        span = (ind.start, ind.end)
        cands = [(k, g) for k, (gs, g) in enumerate(gold) if k not in used and _overlap(span, gs) > 0]
        # prefer the annotation of the same id and value, then the largest overlap
        cands.sort(
            key=lambda kg: (
                kg[1]["id"] == ind.id,
                kg[1]["value"] == ind.value,
                _overlap(span, gold[kg[0]][0]),
            ),
            reverse=True,
        )
        quote = report.text[ind.start : ind.end]
        if not cands or cands[0][1]["id"] != ind.id:
            t.wrong.append((name, quote, ind.id, cands[0][1]["id"] if cands else None))
            continue
        k, g = cands[0]
        used.add(k)
        t.correct[ind.id] += 1
        t.hit[ind.id] += 1
        if _same_value(ind, g):
            t.value_ok += 1
        else:
            t.bad_values.append((name, quote, (ind.value, str(ind.qualifier)), (g["value"], g["qualifier"])))
    for k, (gs, g) in enumerate(gold):
        if g["id"] != "other" and k not in used:
            found = next((i.id for i in report.indicators if _overlap((i.start, i.end), gs) > 0), None)
            t.misses.append((name, g["quote"], g["id"], found))
    _score_findings(ann, report, raw, t, name)


def _same_value(ind, g: dict) -> bool:
    return abs(float(ind.value) - float(g["value"])) < 1e-6 and str(ind.qualifier) == g["qualifier"]


def _score_findings(ann: dict, report, raw: str, t: Tally, name: str) -> None:
    defects = []
    for d in ann.get("d", []):
        span = locate(report, raw, d["quote"])
        if span is None:
            t.quote_errors.append((name, d["quote"]))
            continue
        defects.append((span, d))
    for span, d in defects:
        if d.get("certain", True):
            t.defects += 1
            if any(_finds(f, span, d["kind"]) for f in report.findings):
                t.defects_hit += 1
            else:
                t.defect_misses.append((name, d["kind"], d["quote"], d.get("fix", "")))
    no_title = not ann.get("title")
    for f in report.findings:
        cat = str(f.category)
        if cat in SKIP_CATEGORIES or f.rule in SKIP_RULES or (no_title and f.rule in NO_TITLE_RULES):
            continue
        if f.rule in ARCHIVE_DASH_RULES and f.start is not None and "-" in report.text[f.start : f.end]:
            continue
        if f.start is not None and any(
            _overlap((f.start, max(f.end, f.start + 1)), s) > 0 for s, _ in defects
        ):
            continue
        t.alarms[cat] += 1
        quote = report.text[f.start : f.end][:20] if f.start is not None else ""
        t.alarm_list.append((name, f.rule, quote))


def _finds(f, span: tuple[int, int], kind: str) -> bool:
    """Whether finding f finds the defect annotated at span with this kind."""
    if f.start is None or _overlap((f.start, max(f.end, f.start + 1)), span) <= 0:
        return False
    if (f.end - f.start) > (span[1] - span[0]) + TIGHT_SLACK:
        return False
    cat = str(f.category)
    return cat == kind or any(cat in g and kind in g for g in COMPATIBLE)


def split_of(number: int) -> str:
    """The split of a corpus file by its number: every third file is held out for test."""
    return "test" if number % 3 == 0 else "dev"


def fold_of(number: int) -> str:
    """The fold of a dev file by its number's parity (tune on one fold, watch the other)."""
    return "odd" if number % 2 else "even"


def load_annotations(split: str, devset: Path = DEVSET, fold: str | None = None) -> list[dict]:
    """The annotation files of one split (and fold), in file order (other files are not read)."""
    out = []
    for p in sorted(devset.glob("[0-9][0-9][0-9].toml")):
        if split_of(int(p.stem)) != split or (fold and fold_of(int(p.stem)) != fold):
            continue
        with p.open("rb") as fh:
            ann = tomllib.load(fh)
        ann.setdefault("file", p.stem + ".txt")
        out.append(ann)
    return out


def evaluate(
    split: str = "dev", corpus: Path = CORPUS, devset: Path = DEVSET, fold: str | None = None
) -> Tally:
    """Run fazhi on the annotated files of one split (and fold) and tally the comparison."""
    t = Tally()
    for ann in load_annotations(split, devset, fold):
        path = corpus / ann["file"]
        if path.exists():
            score_file(ann, path, t)
    return t


def _print_split(split: str, t: Tally, verbose: bool, misses: bool = False) -> None:
    print(f"== split={split}: {t.files} files, {t.chars} characters")
    print(f"{'id':36} {'gold':>5} {'found':>5} {'recall':>7} {'emit':>5} {'prec':>6}")
    for i in sorted(set(t.gold) | set(t.emitted)):
        g, h, e, c = t.gold[i], t.hit[i], t.emitted[i], t.correct[i]
        r = f"{h / g:.2f}" if g else "-"
        p = f"{c / e:.2f}" if e else "-"
        print(f"{i:36} {g:5} {h:5} {r:>7} {e:5} {p:>6}")
    print("false alarms per category (count):", dict(sorted(t.alarms.items())) or "none")
    if t.quote_errors:
        print(f"quotes not found in the text: {len(t.quote_errors)}", t.quote_errors[:5])
    if verbose or misses:
        rows_of = [("missed", t.misses), ("wrong", t.wrong), ("bad value", t.bad_values)]
        rows_of.append(("missed defect", t.defect_misses))
        if verbose:
            rows_of.append(("false alarm", t.alarm_list))
        for label, rows in rows_of:
            for row in rows:
                print(f"  {label}: {row}")


def main(argv: list[str] | None = None) -> None:
    """Run the evaluation and print its figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--devset", type=Path, default=DEVSET)
    ap.add_argument("--fold", choices=["odd", "even"], help="only dev files of this number parity")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument(
        "--show-misses",
        action="store_true",
        help="list indicator misses, wrong ids, bad values, missed defects",
    )
    args = ap.parse_args(argv)
    if args.fold and args.split != "dev":
        print("--fold 只用于 --split dev", file=sys.stderr)
        raise SystemExit(2)
    if not args.corpus.is_dir():
        print(f"语料目录不存在：{args.corpus}", file=sys.stderr)
        raise SystemExit(2)
    splits = SPLITS if args.split == "all" else (args.split,)
    results = {s: evaluate(s, args.corpus, args.devset, args.fold) for s in splits}
    for s, t in results.items():
        _print_split(s, t, args.verbose, args.show_misses)
    print("-- summary (recall precision value defect-recall alarms/10k: typo+term other)")
    for s, t in results.items():
        f = t.figures()
        print(
            f"{s:4} files={t.files:3} ind R={f['indicator_recall']:.3f} P={f['indicator_precision']:.3f}"
            f" value={f['value_precision']:.3f} defects R={f['defect_recall']:.3f}"
            f" alarms tt={f['alarms_typo_terminology']:.2f} other={f['alarms_other']:.2f}"
        )


if __name__ == "__main__":
    main()
